"""The vocabulary of a scenario: scene kinds, shot classes, distributions constrained by meaning.

A duration can never be negative and a probability never leaves [0, 1]; these annotated types
refuse a distribution whose support breaks that, with a message that says how to fix it.
"""

from __future__ import annotations

import math
from typing import Annotated, Literal, get_args

from pydantic import AfterValidator, ConfigDict, Field, StringConstraints
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


def _nonnegative(dist: DistBase) -> DistBase:
    low, _ = dist.support
    if low < 0:
        _refuse(
            dist, low, "this quantity must be >= 0", "raise the minimum or truncate with low: 0"
        )
    return dist


def _positive(dist: DistBase) -> DistBase:
    low, _ = dist.support
    if low <= 0 and not isinstance(dist, Lognormal | Gamma):
        _refuse(dist, low, "this quantity must be > 0", "raise the minimum above 0")
    return dist


def _at_least_one(dist: DistBase) -> DistBase:
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


def _hours_in_day(dist: DistBase) -> DistBase:
    low, high = dist.support
    if low < 0 or high > 24:
        bad = low if low < 0 else high
        _refuse(dist, bad, "hours per day must lie in [0, 24]", "keep it within 0 to 24")
    return dist


Days = Annotated[Dist, AfterValidator(_nonnegative)]
PositiveDays = Annotated[Dist, AfterValidator(_positive)]
Money = Annotated[Dist, AfterValidator(_nonnegative)]
Positive = Annotated[Dist, AfterValidator(_positive)]
Ratio = Annotated[Dist, AfterValidator(_at_least_one)]
FractionDist = Annotated[Dist, AfterValidator(_fraction)]
Hours = Annotated[Dist, AfterValidator(_hours_in_day)]
Probability = Annotated[
    float, AfterValidator(_probability), Field(json_schema_extra={"minimum": 0, "maximum": 1})
]
