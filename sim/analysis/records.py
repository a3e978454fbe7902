"""The typed summary of a run: what `summarise` returns and what summary.json holds.

Each part is a frozen pydantic model whose fields are the keys of summary.json, in the file's
order, so `to_json` gives the file's data exactly and `Summary.from_json` reads one back,
checked, with one line saying what is wrong. A day never reached is None (``null``), never
infinity. A mapping keyed by a declared table (sources, cost categories, top-sheet lines)
holds exactly that table's keys, so a summary written by a spacesim with other categories is
refused rather than read with holes; a source added since the run was written gave it no
minutes, and reads as 0. Imports pydantic and those tables only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator
from pydantic_core import ErrorDetails, PydanticCustomError

from sim.core.errors import SummaryError
from sim.model.ledger import CATEGORIES, TOP_SHEET
from sim.scenario.sources import SOURCES

T = TypeVar("T")
V = TypeVar("V")

#: The error type of a mapping whose keys are not those of its declared table.
_KEYS = "summary_keys"

#: A 95% confidence interval ``(low, high)``.
Interval = tuple[float, float]
#: An interval whose ends may be unknown (a day never reached, too few pairs).
OpenInterval = tuple[float | None, float | None]
#: An interval of calendar dates; None where the day was never reached.
DateInterval = tuple[dt.date | None, dt.date | None]

_FIX = "run its scenario again, or give the scenario file instead"


class Record(BaseModel):
    """Base of the summary's parts: frozen, no unknown keys, finite numbers only."""

    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)

    def to_json(self) -> dict[str, Any]:
        """Plain data for `json.dumps`: dicts in field order, lists, ISO dates, None."""
        return self.model_dump(mode="json")


class Percentiles(Record, Generic[T]):
    """The mean and the P10/P50/P70/P80/P90 of one quantity (or one thing about each of them)."""

    mean: T
    p10: T
    p50: T
    p70: T
    p80: T
    p90: T


class Precision(Record):
    """Half-widths of the 95% intervals of the P80s, relative to them; None: never delivered."""

    cost_p80: float | None
    delivery_p80: float | None


class RunPrecision(Precision):
    """The widest precision over the strategies, and the tolerance `--precision` asked for."""

    target: float | None = None


class Driver(Record):
    """One driver of a tornado: its column and Spearman's rho with the outcome."""

    driver: str
    rho: float


class Drivers(Record):
    """The strongest drivers of the delivery day and of the cost, largest |rho| first."""

    delivery: tuple[Driver, ...]
    cost: tuple[Driver, ...]


class Contingency(Record):
    """Reserve for a budget set at the P50 cost to be met 80% of the time (P80 - P50)."""

    usd: float
    share: float


class JointLevel(Record):
    """One joint confidence level: the budget it needs at the deadline, the date at the budget.

    None: the level is out of reach (too few replications deliver by the deadline, or come in
    within the budget, at all).
    """

    level: float
    budget_usd: float | None
    date: dt.date | None


class Exposure(Record):
    """The completion guarantor's exposure above its strike price (budget plus contingency)."""

    strike_usd: float
    p_exceeds: float
    expected_overrun_usd: float
    p90_overrun_usd: float


class Financing(Record):
    """A strategy against its financing: P-values of budget and strike, JCL, the guarantor."""

    budget_p_value: float
    contingency_usd: float
    strike_p_value: float
    covers_p80: bool
    covers_jcl80: bool
    contingency_for_p80_usd: float
    joint: tuple[JointLevel, ...]
    guarantor: Exposure


class Swing(Record):
    """An input's swing of an output: high-decile replications minus low-decile ones.

    `low` and `high` are the input's P10 and P90 (the groups' bounds); `p50` and `p80` the
    change of the output's P50 and P80 (days or money), None where one is never delivered.
    """

    driver: str
    low: float
    high: float
    p50: float | None
    p80: float | None


class Effect(Record):
    """An all-or-nothing event's effect: the output when it happens minus when it does not."""

    driver: str
    share: float
    p50: float | None
    p80: float | None


class Effects(Record):
    """What moves one output: continuous inputs by decile swing, events by their own effect."""

    inputs: tuple[Swing, ...]
    events: tuple[Effect, ...]


class Swings(Record):
    """Drivers in days (delivery) and in money (cost), largest first."""

    delivery_days: Effects
    cost_usd: Effects


class TrackCriticality(Record):
    """One track against delivery (Primavera Risk Analysis's indices, per track).

    criticality: share of delivered replications in which the track was on the critical path
    (its finish within the slack of picture lock, so ending it earlier moves delivery);
    sensitivity: correlation of its finish day with the delivery day (Safran's duration
    sensitivity); cruciality: their product. None where it cannot be measured.
    """

    criticality: float
    sensitivity: float | None
    cruciality: float | None
    finish_day_p50: float | None


class StrategySummary(Record):
    """One strategy's replications: percentiles, chances of targets, means, drivers."""

    replications: int
    shortfall_policy: str
    cost: Percentiles[float]
    cost_ci95: Percentiles[Interval]
    delivery_day: Percentiles[float | None]
    delivery_day_ci95: Percentiles[OpenInterval]
    delivery_date: Percentiles[dt.date | None]
    delivery_date_ci95: Percentiles[DateInterval]
    p_delivered: float
    p_on_time: float
    p_on_budget: float
    p_joint: float
    p_delivered_ci95: Interval
    p_on_time_ci95: Interval
    p_on_budget_ci95: Interval
    p_joint_ci95: Interval
    precision: Precision
    drivers: Drivers
    swings: Swings
    critical: dict[str, float]
    tracks: dict[str, TrackCriticality]
    cost_by_category: dict[str, float]
    top_sheet: dict[str, Percentiles[float]]
    contingency_p80: Contingency
    financing: Financing
    planned_by_source: dict[str, float]
    minutes_by_source: dict[str, float]
    shortfall_minutes: float
    reshot_minutes: float
    remade_minutes: float
    cut_minutes: float
    real_share: float | None

    @field_validator("planned_by_source", "minutes_by_source")
    @classmethod
    def _every_source(cls, value: dict[str, float]) -> dict[str, float]:
        """Every registered source; one a run's spacesim did not have gave it no minutes."""
        return _keyed_by({**dict.fromkeys(SOURCES, 0.0), **value}, SOURCES)

    @field_validator("cost_by_category")
    @classmethod
    def _every_category(cls, value: dict[str, float]) -> dict[str, float]:
        return _keyed_by(value, CATEGORIES)

    @field_validator("top_sheet")
    @classmethod
    def _every_line(cls, value: dict[str, Percentiles[float]]) -> dict[str, Percentiles[float]]:
        return _keyed_by(value, [*TOP_SHEET, "total"])


def _keyed_by(value: dict[str, V], keys: Collection[str]) -> dict[str, V]:
    """`value`, if its keys are exactly `keys` (in any order).

    Raises:
        PydanticCustomError: a key is missing (an older spacesim) or unknown (a newer one).
    """
    missing = [key for key in keys if key not in value]
    if missing:
        raise PydanticCustomError(
            _KEYS, "no '{key}', so it was written by an older spacesim", {"key": missing[0]}
        )
    unknown = [key for key in value if key not in keys]
    if unknown:
        raise PydanticCustomError(
            _KEYS, "unknown '{key}', so it was written by a newer spacesim", {"key": unknown[0]}
        )
    return value


class Difference(Record):
    """A mean paired difference, its 95% interval and the number of pairs it is taken over."""

    mean: float | None
    ci95: OpenInterval
    pairs: int


class Share(Record):
    """A share of pairs (None with no pairs) and its 95% interval."""

    p: float | None
    ci95: Interval


class Paired(Record):
    """One strategy minus the baseline, replication by replication."""

    cost_usd: Difference
    delivery_days: Difference
    real_minutes: Difference
    p_cheaper: Share
    p_earlier: Share


class Comparison(Record):
    """Every strategy but the baseline against it, pair by pair."""

    baseline: str
    strategies: dict[str, Paired]


class RiskExposure(Record):
    """What a risk event costs one strategy in this run: with it minus without it, pair by pair.

    `hit_rate`: share of replications it struck. `cost_usd` and `delivery_days`: the mean over
    every replication (0 where it did not strike), delivery over the pairs delivered both ways;
    `undelivered`: share of replications it leaves undelivered that would have been delivered.
    """

    hit_rate: float
    cost_usd: Difference
    delivery_days: Difference
    undelivered: float


class MitigationBenefit(Record):
    """A mitigation for one strategy: the outcome without it minus with it (its cost included).

    Positive is better: money saved, days earlier. It pays for itself when the money saved's
    95% interval lies above 0 ("yes"), not when it lies at or below 0 ("no"), else "unclear".
    """

    cost_usd: Difference
    delivery_days: Difference
    pays_for_itself: str


class MitigationEntry(Record):
    """One response to a risk: what it is, costs and changes, and its benefit per strategy."""

    description: str
    source: str | None
    bought: bool
    cost_usd: float
    probability: float | None
    delay_factor: float
    cost_factor: float
    benefit: dict[str, MitigationBenefit]


class RiskEntry(Record):
    """One event of the risk register, measured in this run (see `sim.analysis.register`).

    `delay_days` and `cost_usd` are the impact distributions as the scenario gives them;
    `probability` the chance it ran with, `occurred` the share of replications it occurred in
    (whether or not it then struck), `reruns` the pairs simulated again to measure it.
    """

    description: str
    owner: str
    hits: str
    effect: str
    probability: float
    delay_days: dict[str, Any]
    cost_usd: dict[str, Any]
    source: str | None
    occurred: float
    exposure: dict[str, RiskExposure]
    mitigations: dict[str, MitigationEntry]
    reruns: int


class Headline(Record):
    """A strategy's headline numbers: cost and delivery P50/P80, chances, real share."""

    cost_p50: float
    cost_p80: float
    delivery_date_p50: dt.date | None
    delivery_date_p80: dt.date | None
    p_on_time: float
    p_joint: float
    real_share: float | None


class FallbackValue(Record):
    """One fallback rule of one strategy: how often it fired, and what it is worth.

    `with_rule` is the strategy as run, `without_rule` the same replications with the rule
    removed (`sim.experiment.fallback_runs`); the differences are with minus without, pair by
    pair: a negative cost or delivery is the rule's saving, a positive `on_time` (paired
    on-time indicators, -1 to 1) its gain in the chance of the deadline. `fired_date_p50` and
    `moved_minutes` are over the replications it fired in (None: it never fired); `reruns`
    the replications simulated again to measure it.
    """

    source: str
    trigger: str
    move_to: tuple[str, ...]
    fired: Share
    fired_date_p50: dt.date | None
    moved_minutes: float | None
    with_rule: Headline
    without_rule: Headline
    cost_usd: Difference
    delivery_days: Difference
    on_time: Difference
    real_minutes: Difference
    reruns: int


class CashFlow(Record):
    """A strategy's peak month (highest mean spend), its spend then, and the months spent in."""

    peak_month: str
    peak_mean_usd: float
    peak_p90_usd: float
    months: int


class CheckedTarget(Record):
    """One target against one strategy (`sim.analysis.decision.TargetCheck` as kept here).

    `wanted`, `achieved` and `gap` are chances (a real-share target's: the share of replications
    reaching the real share `level`, against the confidence wanted); `reached` is the real share
    that share of replications reach, `mean` the mean real share; None for a confidence target.
    """

    target: str
    wanted: float
    achieved: float
    met: bool
    gap: float
    level: float | None = None
    reached: float | None = None
    mean: float | None = None


class Decision(Record):
    """Which strategies meet every target, the one recommended and why (`sim.analysis.decision`).

    `targets`: those the scenario sets, by key (``real_share.<kind>`` per scene kind); empty
    when it sets none, and then `meeting` is empty and the recommendation the lowest P80 cost.
    `nearest`: no strategy meets every target and `recommended` is the nearest, by `distance`
    (per strategy; 0 when it meets every target).
    """

    targets: dict[str, float]
    meeting: tuple[str, ...]
    recommended: str | None
    nearest: bool = False
    reason: str
    p80_cost_usd: dict[str, float] = {}
    distance: dict[str, float] = {}
    checks: dict[str, tuple[CheckedTarget, ...]] = {}


class Summary(Record):
    """A run's summary; `scenario` is the production's title, `replications` per strategy."""

    scenario: str
    seed: int
    replications: int
    start_date: dt.date
    deadline_date: dt.date
    budget_usd: float
    #: whole_film (the budget is the whole film's, fees above the line charged) or below_the_line.
    budget_basis: str
    currency: str
    financing: str
    bond_rate: float
    required_contingency: float
    strategies: dict[str, StrategySummary]
    comparison: Comparison
    precision: RunPrecision
    #: Measured per event when the run measured them (`spacesim run`); empty otherwise.
    risk_register: dict[str, RiskEntry] = {}
    #: Per strategy; month by month in cash_flow.csv.
    cash_flow: dict[str, CashFlow] = {}
    #: Per strategy with fallback rules, per rule: how often it fired and its value, when the
    #: run measured them (`spacesim run`); empty otherwise.
    fallbacks: dict[str, dict[str, FallbackValue]] = {}
    #: The strategies meeting the scenario's targets and the one recommended; None: not made.
    decision: Decision | None = None

    def with_target(self, target: float | None) -> Summary:
        """The same summary, recording the tolerance `--precision` asked for (None: none)."""
        precision = RunPrecision(
            cost_p80=self.precision.cost_p80,
            delivery_p80=self.precision.delivery_p80,
            target=target,
        )
        return self.model_copy(update={"precision": precision})

    @classmethod
    def from_json(cls, data: object, file: str = "summary.json") -> Summary:
        """The summary `data` (as `json.loads` gives it) holds, checked key by key.

        Raises:
            SummaryError: `data` is not a summary of this spacesim's layout; one line naming
                `file`, the key and what is wrong.
        """
        try:
            return cls.model_validate(data)
        except ValidationError as error:
            raise SummaryError(file, _problem(error.errors()[0])) from None


def _problem(error: ErrorDetails) -> str:
    """One pydantic error as ``<key path>: <what is wrong>; <fix>``."""
    path = ".".join(str(part) for part in error["loc"])
    if not path:
        return "not a spacesim summary; give a folder written by spacesim run, or a scenario file"
    if error["type"] == "missing":
        return f"{path}: missing, so it was written by an older spacesim; {_FIX}"
    if error["type"] == "extra_forbidden":
        return f"{path}: unknown key, so it was written by a newer spacesim; {_FIX}"
    if error["type"] == _KEYS:
        return f"{path}: {error['msg']}; {_FIX}"
    found = error["input"]
    shown = f" (found {found!r:.40})" if isinstance(found, str | int | float | None) else ""
    message = error["msg"][0].lower() + error["msg"][1:]
    return f"{path}: {message}{shown}; {_FIX}"
