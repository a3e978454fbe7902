"""The vocabulary of a scenario: scene kinds, shot classes, distributions constrained by meaning.

A duration can never be negative and a probability never leaves [0, 1]; these annotated types
refuse a distribution whose support breaks that, with a message that says how to fix it.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, StringConstraints
from pydantic import BaseModel as _BaseModel

from sim.scenario.dists import Dist, DistBase, Gamma, Lognormal

SceneKind = Literal[
    "weightless_interior", "earth_view", "exterior_eva", "launch_landing", "ground_drama"
]
SCENE_KINDS: tuple[SceneKind, ...] = get_args(SceneKind)
#: Scene kinds set in space; "real footage share" is measured over these.
SPACE_KINDS: tuple[SceneKind, ...] = tuple(k for k in SCENE_KINDS if k != "ground_drama")
#: Scene kinds that show the sunlit Earth, so can be shot in orbit only during orbital day;
#: interiors are lit by the film's own lamps.
SUNLIT_KINDS: tuple[SceneKind, ...] = ("earth_view", "exterior_eva")

#: Fractions that must add up to 1 may miss it by this much (three thirds written as 0.333...).
SUM_TOLERANCE = 1e-3

ShotClass = Literal["cleanup", "composite", "full_cg"]
SHOT_CLASSES: tuple[ShotClass, ...] = get_args(ShotClass)

#: Names the user gives to strategies, crew roles and risk events: safe in CSV columns and CLI args.
Name = Annotated[str, StringConstraints(pattern=r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")]


class Node(_BaseModel):
    """Every scenario node: immutable, unknown keys refused, no NaN or infinity."""

    # Validators are built on first use: worker processes only unpickle scenarios, and
    # building them all at import is a tenth of a second of a worker's start.
    model_config = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False, defer_build=True)


def _refuse(dist: DistBase, value: float, what: str, fix: str) -> None:
    kind = dist.dist  # type: ignore[attr-defined]
    if kind == "fixed":  # a plain number: the rule is the whole story
        raise ValueError(f"{value:g} is not allowed: {what}")
    if math.isinf(value):
        reach = "has no lower bound" if value < 0 else "has no upper bound"
    else:
        reach = f"can take {value:g}"
    raise ValueError(f"this {kind} {reach}, but {what}; {fix}")


def _probability(value: float) -> float:
    if not 0 <= value <= 1:
        raise ValueError(f"{value:g} is not a probability; use a number from 0 to 1")
    return value


#: The largest value any quantity may reach: beyond every cost (a trillion dollars is 1e12) and
#: every duration, and small enough that a replication's sums of such numbers stay finite (a
#: cost of 1e308 would overflow them to infinity).
LARGEST = 1e15


def _far_end(dist: DistBase) -> float:
    """The largest magnitude a draw reaches: its bound, or (unbounded) the mean plus 10 sd."""
    low, high = dist.support
    if math.isfinite(low) and math.isfinite(high):
        return max(abs(low), abs(high))
    try:
        return abs(dist.mean) + 10 * math.sqrt(dist.variance)
    except (OverflowError, ValueError):
        return math.inf


def _within_scale(dist: DistBase) -> None:
    far = _far_end(dist)
    if far <= LARGEST:
        return
    rule = f"a quantity must stay below {LARGEST:g}"
    if not all(math.isfinite(bound) for bound in dist.support):  # the mean + 10 sd went past
        kind = dist.dist  # type: ignore[attr-defined]
        reach = "overflows" if math.isinf(far) else f"reaches about {far:.3g} (mean + 10 sd)"
        raise ValueError(f"this {kind} {reach}, but {rule}; use smaller parameters")
    _refuse(dist, far, rule, "use smaller parameters")


def _nonnegative(dist: DistBase) -> DistBase:
    _within_scale(dist)
    low, _ = dist.support
    if low < 0:
        _refuse(
            dist, low, "this quantity must be >= 0", "raise the minimum or truncate with low: 0"
        )
    return dist


def _positive(dist: DistBase) -> DistBase:
    _within_scale(dist)
    low, _ = dist.support
    if low <= 0 and not isinstance(dist, Lognormal | Gamma):
        _refuse(dist, low, "this quantity must be > 0", "raise the minimum above 0")
    return dist


def _at_least_one(dist: DistBase) -> DistBase:
    _within_scale(dist)
    low, _ = dist.support
    if low < 1:
        _refuse(dist, low, "a shooting ratio (raw:screen) must be >= 1", "raise the minimum to 1")
    return dist


def _fraction(dist: DistBase) -> DistBase:
    low, high = dist.support
    if low < 0 or high > 1:
        bad = low if low < 0 else high
        _refuse(dist, bad, "a probability or fraction must lie in [0, 1]", "keep it within 0 to 1")
    return dist


def _below_certainty(dist: DistBase) -> DistBase:
    _, high = dist.support
    if high >= 1:
        _refuse(
            dist,
            high,
            "a day lost with certainty would be lost again forever",
            "keep it below 1 (0.99 at most)",
        )
    return dist


def _hours_in_day(dist: DistBase) -> DistBase:
    low, high = dist.support
    if low < 0 or high > 24:
        bad = low if low < 0 else high
        _refuse(dist, bad, "hours per day must lie in [0, 24]", "keep it within 0 to 24")
    return dist


def _not_a_flag(value: object) -> object:
    """Refuse yes/no where a number is meant (lax parsing would read ``true`` as 1)."""
    if isinstance(value, bool):
        raise ValueError(f"{str(value).lower()} is a yes/no, not a number; write a number")
    return value


def _written_as_a_date(value: object) -> object:
    """Refuse a number where a date is meant (lax parsing would read 0 as 1970-01-01)."""
    if isinstance(value, bool | int | float):
        raise ValueError(f"{value!r} is a number, not a date; write a date as YYYY-MM-DD")
    return value


#: A whole number, never a yes/no read as 0 or 1.
Count = Annotated[int, BeforeValidator(_not_a_flag)]
#: A number, never a yes/no read as 0 or 1.
Number = Annotated[float, BeforeValidator(_not_a_flag)]
#: A calendar date written YYYY-MM-DD, never a number read as seconds since 1970.
Date = Annotated[dt.date, BeforeValidator(_written_as_a_date)]

Days = Annotated[Dist, AfterValidator(_nonnegative)]
PositiveDays = Annotated[Dist, AfterValidator(_positive)]
Money = Annotated[Dist, AfterValidator(_nonnegative)]
Positive = Annotated[Dist, AfterValidator(_positive)]
Ratio = Annotated[Dist, AfterValidator(_at_least_one)]
FractionDist = Annotated[Dist, AfterValidator(_fraction)]
Hours = Annotated[Dist, AfterValidator(_hours_in_day)]
#: The chance a day is lost and done again: a fraction below 1, or the work never ends.
LossChance = Annotated[Dist, AfterValidator(_fraction), AfterValidator(_below_certainty)]
Probability = Annotated[
    float, AfterValidator(_probability), Field(json_schema_extra={"minimum": 0, "maximum": 1})
]
