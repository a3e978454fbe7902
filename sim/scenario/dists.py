"""Distributions as data: kind, parameters and the public source they came from.

A distribution here only describes itself: its mean, variance and support (so tests can compare
samples with theory and the schema can refuse a negative duration). Drawing from one lives in
`sim.model.sampling`, always with an explicit numpy Generator.

In YAML a distribution is either a plain number (a fixed value) or a mapping with a ``dist`` key::

    training_days: {dist: triangular, min: 90, mode: 134, max: 365, source: "Vyzov 134 d"}
"""

from __future__ import annotations

import functools
import itertools
import math
from statistics import NormalDist
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, model_validator

#: z such that P(Z <= z) = 0.9 for a standard normal; used for lognormals given by median and p90.
Z90 = NormalDist().inv_cdf(0.9)

_STANDARD_NORMAL = NormalDist()


class DistBase(BaseModel):
    """Common config and the optional citation every distribution may carry."""

    # Validators built on first use, as the scenario's nodes' (`sim.scenario.quantities.Node`).
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False, defer_build=True)

    source: str | None = Field(default=None, description="where the numbers come from")
    currency: str | None = Field(
        default=None,
        pattern=r"^[A-Z]{3}$",
        description="money only: the currency the amount is stated in; none = the scenario's"
        " (a sourced default says USD, and is converted at production.exchange_rates)",
    )

    @property
    def mean(self) -> float:
        """Expected value."""
        raise NotImplementedError

    @property
    def variance(self) -> float:
        """Variance."""
        raise NotImplementedError

    @property
    def support(self) -> tuple[float, float]:
        """Smallest and largest value a draw can take (may be infinite)."""
        raise NotImplementedError


class Fixed(DistBase):
    """Always `value`."""

    dist: Literal["fixed"]
    value: float

    @property
    def mean(self) -> float:  # noqa: D102
        return self.value

    @property
    def variance(self) -> float:  # noqa: D102
        return 0.0

    @property
    def support(self) -> tuple[float, float]:  # noqa: D102
        return (self.value, self.value)


class Uniform(DistBase):
    """Uniform between `low` and `high`."""

    dist: Literal["uniform"]
    low: float
    high: float

    @model_validator(mode="after")
    def _ordered(self) -> Uniform:
        if not self.low < self.high:
            raise ValueError(f"low {self.low:g} must be below high {self.high:g}")
        return self

    @property
    def mean(self) -> float:  # noqa: D102
        return (self.low + self.high) / 2

    @property
    def variance(self) -> float:  # noqa: D102
        return (self.high - self.low) ** 2 / 12

    @property
    def support(self) -> tuple[float, float]:  # noqa: D102
        return (self.low, self.high)


class _ThreePoint(DistBase):
    min: float
    mode: float
    max: float

    @model_validator(mode="after")
    def _ordered(self) -> _ThreePoint:
        if not (self.min <= self.mode <= self.max and self.min < self.max):
            raise ValueError(
                f"min {self.min:g}, mode {self.mode:g}, max {self.max:g} are out of order; "
                "use min <= mode <= max with min < max"
            )
        return self

    @property
    def support(self) -> tuple[float, float]:
        return (self.min, self.max)


class Triangular(_ThreePoint):
    """Triangular by min, mode and max: the three-point estimate of schedule-risk tools."""

    dist: Literal["triangular"]

    @functools.cached_property
    def inverse_cdf_terms(self) -> tuple[float, float, float, float, float]:
        """min, max, the mode's quantile, (mode - min)(max - min) and (max - mode)(max - min).

        A draw at quantile u is min + sqrt(u (mode - min)(max - min)) up to the mode's quantile,
        max - sqrt((1 - u)(max - mode)(max - min)) above it; computed as numpy computes them.
        """
        base = self.max - self.min
        left = self.mode - self.min
        return self.min, self.max, left / base, left * base, (self.max - self.mode) * base

    @property
    def mean(self) -> float:  # noqa: D102
        return (self.min + self.mode + self.max) / 3

    @property
    def variance(self) -> float:  # noqa: D102
        a, c, b = self.min, self.mode, self.max
        return (a * a + b * b + c * c - a * b - a * c - b * c) / 18


class Pert(_ThreePoint):
    """Beta-PERT by min, mode and max; `shape` (lambda, 4 by default) weights the mode."""

    dist: Literal["pert"]
    shape: float = Field(default=4.0, gt=0)

    @property
    def alpha(self) -> float:
        """First beta parameter."""
        return 1 + self.shape * (self.mode - self.min) / (self.max - self.min)

    @property
    def beta(self) -> float:
        """Second beta parameter."""
        return 1 + self.shape * (self.max - self.mode) / (self.max - self.min)

    @property
    def mean(self) -> float:  # noqa: D102
        return (self.min + self.shape * self.mode + self.max) / (self.shape + 2)

    @property
    def variance(self) -> float:  # noqa: D102
        a, b = self.alpha, self.beta
        return (self.max - self.min) ** 2 * a * b / ((a + b) ** 2 * (a + b + 1))


class Normal(DistBase):
    """Normal by mean and sd, optionally truncated to [low, high]."""

    dist: Literal["normal"]
    mean_: float = Field(alias="mean")
    sd: float = Field(gt=0)
    low: float | None = None
    high: float | None = None

    model_config = ConfigDict(populate_by_name=True, serialize_by_alias=True)

    @model_validator(mode="after")
    def _truncation(self) -> Normal:
        low = -math.inf if self.low is None else self.low
        high = math.inf if self.high is None else self.high
        if not low < high:
            raise ValueError(f"low {low:g} must be below high {high:g}")
        if self.truncated_mass < 1e-6:
            raise ValueError(
                f"almost no probability lies between low {low:g} and high {high:g}; "
                "move the bounds closer to the mean"
            )
        return self

    @property
    def bounds_z(self) -> tuple[float, float]:
        """Truncation bounds in standard units."""
        low = -math.inf if self.low is None else (self.low - self.mean_) / self.sd
        high = math.inf if self.high is None else (self.high - self.mean_) / self.sd
        return low, high

    @property
    def truncated_mass(self) -> float:
        """Probability of the untruncated normal inside the bounds."""
        a, b = self.bounds_z
        return _cdf(b) - _cdf(a)

    @property
    def mean(self) -> float:  # noqa: D102
        a, b = self.bounds_z
        return self.mean_ + self.sd * (_pdf(a) - _pdf(b)) / self.truncated_mass

    @property
    def variance(self) -> float:  # noqa: D102
        a, b = self.bounds_z
        z = self.truncated_mass
        term = (_xpdf(a) - _xpdf(b)) / z
        shift = (_pdf(a) - _pdf(b)) / z
        return self.sd**2 * (1 + term - shift**2)

    @property
    def support(self) -> tuple[float, float]:  # noqa: D102
        low = -math.inf if self.low is None else self.low
        high = math.inf if self.high is None else self.high
        return (low, high)


class Lognormal(DistBase):
    """Lognormal by `mu` and `sigma` of the log, or by `median` and `p90` of the value."""

    dist: Literal["lognormal"]
    mu: float | None = None
    sigma: float | None = Field(default=None, gt=0)
    median: float | None = Field(default=None, gt=0)
    p90: float | None = Field(default=None, gt=0)
    max: float | None = Field(
        default=None, gt=0, description="a cap: a draw above it counts as it (none: no cap)"
    )

    @model_validator(mode="after")
    def _one_form(self) -> Lognormal:
        by_log = self.mu is not None and self.sigma is not None
        by_value = self.median is not None and self.p90 is not None
        mixed = (self.mu is None) != (self.sigma is None) or (self.median is None) != (
            self.p90 is None
        )
        if by_log == by_value or mixed:
            raise ValueError("give either mu and sigma, or median and p90")
        if by_value and not self.p90 > self.median:  # type: ignore[operator]
            raise ValueError(f"p90 {self.p90:g} must be above median {self.median:g}")
        return self

    @functools.cached_property
    def log_params(self) -> tuple[float, float]:
        """(mu, sigma) of the underlying normal."""
        if self.mu is not None and self.sigma is not None:
            return self.mu, self.sigma
        median, p90 = float(self.median or 0), float(self.p90 or 0)
        return math.log(median), math.log(p90 / median) / Z90

    def _moment(self, k: int) -> float:
        """E[min(X, max)^k]: the lognormal's k-th moment below the cap, the cap's above."""
        mu, sigma = self.log_params
        raw = math.exp(k * mu + (k * sigma) ** 2 / 2)
        if self.max is None:
            return raw
        cut = math.log(self.max)
        below = NormalDist().cdf((cut - mu - k * sigma**2) / sigma)
        above = 1.0 - NormalDist().cdf((cut - mu) / sigma)
        return raw * below + self.max**k * above

    @property
    def mean(self) -> float:  # noqa: D102
        return self._moment(1)

    @property
    def variance(self) -> float:  # noqa: D102
        return self._moment(2) - self._moment(1) ** 2

    @property
    def support(self) -> tuple[float, float]:  # noqa: D102
        return (0.0, math.inf if self.max is None else self.max)


class Gamma(DistBase):
    """Gamma by `shape` and `scale`."""

    dist: Literal["gamma"]
    shape: float = Field(gt=0)
    scale: float = Field(gt=0)

    @property
    def mean(self) -> float:  # noqa: D102
        return self.shape * self.scale

    @property
    def variance(self) -> float:  # noqa: D102
        return self.shape * self.scale**2

    @property
    def support(self) -> tuple[float, float]:  # noqa: D102
        return (0.0, math.inf)


class Bernoulli(DistBase):
    """With probability `p` the value of `then` (1 unless given), otherwise 0.

    `then` may itself be a distribution: ``{dist: bernoulli, p: 0.2, then: {dist: uniform,
    low: 60, high: 365}}`` is "a one-in-five chance of a slip of two months to a year".
    """

    dist: Literal["bernoulli"]
    p: float = Field(ge=0, le=1)
    then: Dist = Field(default=1.0, validate_default=True)

    @property
    def mean(self) -> float:  # noqa: D102
        return self.p * self.then.mean

    @property
    def variance(self) -> float:  # noqa: D102
        second_moment = self.then.variance + self.then.mean**2
        return self.p * second_moment - self.mean**2

    @property
    def support(self) -> tuple[float, float]:  # noqa: D102
        low, high = self.then.support
        return (min(0.0, low), max(0.0, high))


class Discrete(DistBase):
    """One of `values`, with the matching `probabilities` (which sum to 1)."""

    dist: Literal["discrete"]
    values: list[float] = Field(min_length=1, max_length=10_000)
    probabilities: list[float] = Field(min_length=1, max_length=10_000)

    @model_validator(mode="after")
    def _matching(self) -> Discrete:
        if len(self.values) != len(self.probabilities):
            raise ValueError(
                f"{len(self.values)} values but {len(self.probabilities)} probabilities; "
                "give one probability per value"
            )
        if any(p < 0 for p in self.probabilities):
            raise ValueError("probabilities must be >= 0")
        total = sum(self.probabilities)
        if abs(total - 1) > 1e-6:
            raise ValueError(f"probabilities sum to {total:g}; they must sum to 1")
        return self

    @functools.cached_property
    def cumulative(self) -> tuple[float, ...]:
        """The cumulative probabilities, each over the last, as numpy's `choice` works them out."""
        running = list(itertools.accumulate(self.probabilities))
        return tuple(p / running[-1] for p in running)

    @property
    def mean(self) -> float:  # noqa: D102
        return sum(v * p for v, p in zip(self.values, self.probabilities, strict=True))

    @property
    def variance(self) -> float:  # noqa: D102
        m = self.mean
        return sum(p * (v - m) ** 2 for v, p in zip(self.values, self.probabilities, strict=True))

    @property
    def support(self) -> tuple[float, float]:  # noqa: D102
        return (min(self.values), max(self.values))


class Empirical(DistBase):
    """One of the observed `data`, each equally likely (resampling the record)."""

    dist: Literal["empirical"]
    data: list[float] = Field(min_length=1, max_length=100_000)

    @property
    def mean(self) -> float:  # noqa: D102
        return sum(self.data) / len(self.data)

    @property
    def variance(self) -> float:  # noqa: D102
        m = self.mean
        return sum((x - m) ** 2 for x in self.data) / len(self.data)

    @property
    def support(self) -> tuple[float, float]:  # noqa: D102
        return (min(self.data), max(self.data))


class Mixture(DistBase):
    """One of `components`, chosen with the matching `weights` (which sum to 1).

    ``{dist: mixture, weights: [0.8, 0.2], components: [0, {dist: lognormal, median: 90,
    p90: 400}]}`` is "on time four times in five, otherwise a slip of months". A plain number
    as a component is a point mass (here: no slip at all).
    """

    dist: Literal["mixture"]
    weights: list[float] = Field(min_length=2, max_length=20)
    components: list[Dist] = Field(min_length=2, max_length=20)

    @model_validator(mode="after")
    def _matching(self) -> Mixture:
        if len(self.weights) != len(self.components):
            raise ValueError(
                f"{len(self.weights)} weights but {len(self.components)} components; "
                "give one weight per component"
            )
        if any(w < 0 for w in self.weights):
            raise ValueError("weights must be >= 0")
        total = sum(self.weights)
        if abs(total - 1) > 1e-6:
            raise ValueError(f"weights sum to {total:g}; they must sum to 1")
        if any(component.currency is not None for component in self.components):
            raise ValueError("a component cannot carry a currency; give it on the mixture")
        return self

    @functools.cached_property
    def cumulative(self) -> tuple[float, ...]:
        """The cumulative weights, each over the last (as `Discrete.cumulative`)."""
        running = list(itertools.accumulate(self.weights))
        return tuple(w / running[-1] for w in running)

    @property
    def mean(self) -> float:  # noqa: D102
        return sum(w * c.mean for w, c in zip(self.weights, self.components, strict=True))

    @property
    def variance(self) -> float:  # noqa: D102
        second = sum(
            w * (c.variance + c.mean**2) for w, c in zip(self.weights, self.components, strict=True)
        )
        return max(0.0, second - self.mean**2)

    @property
    def support(self) -> tuple[float, float]:  # noqa: D102
        ends = [c.support for w, c in zip(self.weights, self.components, strict=True) if w > 0]
        return (min(low for low, _ in ends), max(high for _, high in ends))


def _as_mapping(value: Any) -> Any:
    """A plain number is shorthand for a fixed value."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return {"dist": "fixed", "value": value}
    return value


def _pdf(z: float) -> float:
    return 0.0 if math.isinf(z) else _STANDARD_NORMAL.pdf(z)


def _xpdf(z: float) -> float:
    return 0.0 if math.isinf(z) else z * _STANDARD_NORMAL.pdf(z)


def _cdf(z: float) -> float:
    if math.isinf(z):
        return 0.0 if z < 0 else 1.0
    return _STANDARD_NORMAL.cdf(z)


DIST_KINDS: dict[str, type[DistBase]] = {
    "fixed": Fixed,
    "uniform": Uniform,
    "triangular": Triangular,
    "pert": Pert,
    "normal": Normal,
    "lognormal": Lognormal,
    "gamma": Gamma,
    "bernoulli": Bernoulli,
    "discrete": Discrete,
    "empirical": Empirical,
    "mixture": Mixture,
}

Dist = Annotated[
    Fixed
    | Uniform
    | Triangular
    | Pert
    | Normal
    | Lognormal
    | Gamma
    | Bernoulli
    | Discrete
    | Empirical
    | Mixture,
    Field(discriminator="dist"),
    BeforeValidator(_as_mapping),
]

Bernoulli.model_rebuild()
Mixture.model_rebuild()
