"""A default value with the public source it comes from, and shorthands to write one.

Each section of a scenario declares its defaults beside its schema with these (a source's in
its own module of `sim.scenario.sources`); `sim.scenario.defaults` gathers them into the one
table the loader lays a file over. Values marked "assumption" have no public figure; replace
them with your own quotes. Short citations name the outlet; docs/background/sources.md gives
their addresses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Default:
    """A default value and where it comes from.

    Atomic: a user's value replaces it whole, so giving ``seat_price_usd: 60000000`` replaces a
    default triangular rather than mixing with it.
    """

    value: Any
    source: str


def tri(low: float, mode: float, high: float, source: str) -> Default:
    """A triangular distribution as a default."""
    return Default({"dist": "triangular", "min": low, "mode": mode, "max": high}, source)


def fixed(value: float, source: str) -> Default:
    """A fixed value, written as a distribution, as a default."""
    return Default({"dist": "fixed", "value": value}, source)


def vfx(shot_class: str, share: dict[str, float], source: str) -> Default:
    """The VFX work a source's footage needs, as a default."""
    return Default({"shot_class": shot_class, "share": share}, source)


#: Short takes with fixed cameras: suborbital hops and parabolic flights alike.
SHOOTING_RATIO_SHORT_TAKES = tri(
    3,
    8,
    20,
    "assumption: short rehearsed takes with several fixed cameras; bracketed by Space Station 3D's"
    " film-stock ratio of about 2-2.5:1 and The Challenge's digital 38-77:1",
)

#: A shooting day of the unit (crew, cast, equipment) on a stage or an LED volume alike.
UNIT_DAY_USD = tri(
    250e3, 500e3, 1_000e3, "~$500,000 per shooting day for a standard film (BBC via centives.net)"
)
