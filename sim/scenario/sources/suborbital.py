"""Suborbital: seats on flights flown at the operator's cadence, and their defaults."""

from __future__ import annotations

from pydantic import Field

from sim.scenario.cited import SHOOTING_RATIO_SHORT_TAKES, Default, fixed, tri, vfx
from sim.scenario.quantities import (
    Count,
    Date,
    Days,
    Money,
    Positive,
    PositiveDays,
    Probability,
    Ratio,
)
from sim.scenario.sources.spec import (
    NOT_IN_SPACE,
    PaymentSchedule,
    SourceNode,
    SourceSpec,
    VfxWork,
)

DEFAULTS = {
    "vehicle": Default("new_shepard", "Blue Origin New Shepard"),
    "available_from": Default(
        "2028-01-30",
        "New Shepard paused on 30 Jan 2026 'for at least two years' (Astronomy.com, CGTN)",
    ),
    "seats_per_flight": Default(6, "six seats, every one a window seat (Blue Origin)"),
    "cameras": Default(3, "assumption: fixed cameras plus one handheld"),
    "training_days": fixed(
        6, "14 h over 2 days, crew arrives ~4 days before the flight (rocketnews)"
    ),
    "medical_disqualification_probability": Default(
        0.06, "NS-38 illness swap, 1 of 17 crewed flights (Blue Origin via starlust)"
    ),
    "flight_interval_days": tri(
        29,
        65,
        110,
        "derived: gaps between crewed New Shepard flights 2021-2025, min 29, median 65.5,"
        " max 110 days",
    ),
    "slip_days": Default(
        {"dist": "empirical", "data": [1, 2, 2, 15, 8, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]},
        "the 16 crewed New Shepard flights 2021-2025: NS-18 +1, NS-19 +2, NS-20 +2,"
        " NS-21 +15, NS-33 +8, NS-37 +2 days, no slip reported for the others",
    ),
    "grounding_probability": Default(
        1 / 17,
        "the one crewed-era grounding (after NS-23, 2022) in 17 crewed-flight intervals"
        " (space.com)",
    ),
    "grounding_days": tri(
        180,
        654,
        1000,
        "the NS-22 to NS-25 grounding lasted 654 days (space.com); min and max are assumptions",
    ),
    "weightless_minutes_per_flight": tri(
        3.0, 3.5, 4.0, "'about three' to 'approximately four' minutes (NS-19, NS-31, NS-34)"
    ),
    "shooting_ratio": SHOOTING_RATIO_SHORT_TAKES,
    "seat_price_usd": tri(
        0.2e6,
        0.45e6,
        1.0e6,
        "undisclosed, negotiated per flyer; $150k deposit (Forbes Japan); mode borrowed"
        " from Virgin Galactic's $450k; max an assumption",
    ),
    "payments": Default(
        {
            "payments": [
                {"share": 0.056},
                {"share": 0.278, "refundable_until_days_before": 30},
                {"share": 0.666, "due_days_before": 30},
            ]
        },
        "Virgin Galactic: a $150k deposit on a $450k seat, $25k of it not refundable, the"
        " full amount due before flight (CNBC via mondayventures, 2022); Blue Origin also"
        " takes a $150k refundable deposit (Forbes Japan); the 30 days an assumption",
    ),
    "max_flights": Default(12, "assumption: the most flights a production would book"),
    "vfx": vfx(
        "composite",
        {"weightless_interior": 0.5, "earth_view": 0.2, "launch_landing": 0.3},
        "assumption: a tourist capsule dressed as the film's spacecraft",
    ),
}


class Suborbital(SourceNode):
    """Seats on suborbital flights flown at the operator's cadence."""

    spec = SourceSpec(
        label="suborbital",
        colour="#56B4E9",
        real=True,
        refuses={
            "exterior_eva": "a suborbital capsule offers no spacewalk",
            "ground_drama": NOT_IN_SPACE,
        },
        reshoot=True,
        cancellable=True,
        flies_crew=True,
        defaults=DEFAULTS,
    )

    vehicle: str
    available_from: Date | None = None
    seats_per_flight: Count = Field(ge=1, le=100)
    cameras: Count = Field(ge=1, le=50)
    training_days: Days
    medical_disqualification_probability: Probability
    flight_interval_days: PositiveDays
    slip_days: Days
    grounding_probability: Probability = Field(
        description="chance, per interval between flights, that the fleet is grounded"
    )
    grounding_days: Days
    weightless_minutes_per_flight: Positive
    shooting_ratio: Ratio
    seat_price_usd: Money
    payments: PaymentSchedule = Field(
        description="how each flight's seats are paid, from its booking (the track's start,"
        " then each previous flight) to the flight"
    )
    max_flights: Count = Field(ge=1, le=1000)
    vfx: VfxWork
