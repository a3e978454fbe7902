"""The drivers every replication reports: declared once, with unit, role and meaning.

Each is a field of `Drivers`, so a misspelt driver is an attribute error (and a type checker's)
rather than a silent new key. The columns of ``replications.csv``, the tornado's split of
causes from consequences and the outputs reference are all read from these declarations.
A driver a strategy never touches keeps its missing value: counts stay 0, days stay NaN
("did not happen").
"""

from __future__ import annotations

import enum
import math
from dataclasses import dataclass, field, fields
from typing import Any


class Role(enum.Enum):
    """What a driver is to the tornado."""

    #: A sampled input or a count of trouble: it can explain the outcome.
    CAUSE = "cause"
    #: A milestone or an amount of work done: it follows from the outcome, so is not ranked.
    CONSEQUENCE = "consequence"


CAUSE, CONSEQUENCE = Role.CAUSE, Role.CONSEQUENCE


def _driver(unit: str, role: Role, meaning: str, *, missing: float = 0.0) -> Any:
    """A declared driver field: its missing value, unit, role and meaning."""
    return field(default=missing, metadata={"unit": unit, "role": role, "meaning": meaning})


def _days(role: Role, meaning: str) -> Any:
    """A driver in days, NaN when it did not happen."""
    return _driver("days", role, meaning, missing=math.nan)


@dataclass(slots=True)
class Drivers:
    """The sampled inputs, counts and milestones of one replication, in column order."""

    preproduction_days: float = _days(CAUSE, "drawn pre-production length, risk delays included")
    training_days: float = _days(
        CAUSE, "days from the start of training until the orbital crew was ready"
    )
    medical_disqualifications: float = _driver(
        "people", CAUSE, "primaries disqualified at the final medical"
    )
    backups_flown: float = _driver(
        "people",
        CAUSE,
        "primaries not ready by the booked launch whose trained backup flew instead",
    )
    crew_late_days: float = _driver(
        "days", CAUSE, "days the orbital crew was ready after the booked launch date (0: in time)"
    )
    slots_lost_crew: float = _driver(
        "slots", CAUSE, "booked station slots lost because the crew was not ready by the date"
    )
    slip_days: float = _days(CAUSE, "drawn pre-launch slip")
    launch_day: float = _days(CONSEQUENCE, "day of liftoff")
    launch_attempts: float = _driver("attempts", CAUSE, "launch attempts, the successful one too")
    scrubs_weather: float = _driver("attempts", CAUSE, "attempts scrubbed by pad weather")
    scrubs_technical: float = _driver("attempts", CAUSE, "attempts scrubbed by a technical problem")
    scrubs_recovery: float = _driver(
        "attempts", CAUSE, "attempts scrubbed by weather in the recovery zones"
    )
    scrubs_landing: float = _driver(
        "attempts", CAUSE, "attempts a free flyer stood down for its landing zones' forecast"
    )
    window_hold_minutes: float = _driver(
        "minutes",
        CAUSE,
        "minutes the launch waited inside its window: weather waited out, a technical problem"
        " recycled",
    )
    slots_missed: float = _driver("slots", CAUSE, "launch slots that closed without a launch")
    launch_days_lost: float = _days(
        CAUSE,
        "liftoff against the first launch opportunity of the booked slot: slip, scrubs,"
        " recycles, missed slots and beta cutouts together",
    )
    hold_days: float = _driver(
        "days",
        CAUSE,
        "days the flying crew was paid to wait: for the launch, suborbital flights that"
        " slipped, zero-g flight days cancelled (see the model's holds)",
    )
    landing_day: float = _days(CONSEQUENCE, "day of landing (of the last orbital flight)")
    orbit_flights: float = _driver("flights", CONSEQUENCE, "orbital flights flown")
    orbit_flights_cancelled: float = _driver(
        "flights",
        CONSEQUENCE,
        "orbital flights booked but not flown (nothing left to film, or the segment cancelled):"
        " they lose what their payment schedule had committed",
    )
    flight_interval_days: float = _driver(
        "days", CAUSE, "days from each orbital flight's landing to the next one's booked launch"
    )
    orbit_days: float = _driver("days", CAUSE, "days aboard")
    orbit_days_cut: float = _driver(
        "days", CAUSE, "days the next visitor took off the stay after a late launch within the slot"
    )
    orbit_days_lost_early: float = _driver(
        "days",
        CAUSE,
        "days of the stay lost to an early return (a risk event with `effect: early_return`)",
    )
    orbit_hours_filmed: float = _driver("hours", CONSEQUENCE, "hours filmed aboard")
    orbit_sick_flyers: float = _driver("people", CAUSE, "flyers who fell sick aboard")
    orbit_camera_failures: float = _driver("failures", CAUSE, "camera failures aboard")
    orbit_yield_minutes: float = _driver(
        "minutes", CONSEQUENCE, "screen minutes shot aboard (before the cap at the plan)"
    )
    orbit_light_limited_minutes: float = _driver(
        "minutes", CAUSE, "Earth-view and exterior minutes that orbital night took away"
    )
    orbit_footage_lost: float = _driver(
        "flag", CAUSE, "1 if the footage was lost before it was safe on the ground"
    )
    suborbital_flights: float = _driver("flights", CONSEQUENCE, "flights flown, reshoots included")
    suborbital_lost_flights: float = _driver(
        "flights", CAUSE, "flights lost to a dropout without a backup"
    )
    suborbital_grounding_days: float = _driver(
        "days", CAUSE, "days the suborbital fleet was grounded before the film's flights"
    )
    parabolic_flights: float = _driver("flights", CONSEQUENCE, "flights flown, reshoots included")
    parabolic_cancelled_days: float = _driver(
        "days", CAUSE, "zero-g campaign days cancelled, reshoots included"
    )
    stage_days: float = _driver("days", CAUSE, "shooting days planned on stage, reshoots included")
    location_days: float = _driver(
        "days", CAUSE, "shooting days planned on location, reshoots included"
    )
    weather_days_lost: float = _driver(
        "days", CAUSE, "location days lost to the weather and shot again"
    )
    volume_build_days: float = _driver(
        "days", CAUSE, "days the virtual art department took to build the LED volume's environments"
    )
    volume_days: float = _driver(
        "days", CAUSE, "shooting days planned on the LED volume, reshoots included"
    )
    stock_clips: float = _driver("clips", CONSEQUENCE, "archive clips found")
    stock_clips_refused: float = _driver("clips", CAUSE, "clips lost to a refused clearance")
    stock_lead_days: float = _days(CAUSE, "days from the start of the search to the last clearance")
    vfx_shots: float = _driver("shots", CONSEQUENCE, "VFX shots")
    vfx_artist_days: float = _driver("artist-days", CAUSE, "artist-days of VFX work")
    picture_done_day: float = _days(CONSEQUENCE, "the last picture in hand")
    editorial_days: float = _days(CAUSE, "drawn length of the edit, from the last picture")
    vfx_done_day: float = _days(CONSEQUENCE, "the last VFX shot done")
    cancelled_usd: float = _driver(
        "USD",
        CONSEQUENCE,
        "contract payments lost to cancelled tracks: what their payment schedules had made"
        " non-refundable when they were cancelled (see the model's payments and cancellation)",
    )

    def values(self) -> list[float]:
        """The drivers' values in column order."""
        return [getattr(self, name) for name in NAMES]


@dataclass(frozen=True)
class Declared:
    """One driver as declared: its column name, unit, role and meaning."""

    name: str
    unit: str
    role: Role
    meaning: str


#: Every driver, in column order.
DECLARED: tuple[Declared, ...] = tuple(
    Declared(f.name, f.metadata["unit"], f.metadata["role"], f.metadata["meaning"])
    for f in fields(Drivers)
)
NAMES: tuple[str, ...] = tuple(driver.name for driver in DECLARED)
#: The drivers a tornado may rank.
CAUSES: tuple[str, ...] = tuple(driver.name for driver in DECLARED if driver.role is CAUSE)
