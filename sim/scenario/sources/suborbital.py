"""Suborbital: seats on flights flown at the operator's cadence, and their defaults.

The cadence is the operator's: a drawn gap between flights, its mean set year by year by
`flights_per_year` (or one gap for all years, or the dates of a `manifest`); on flight day each
attempt can be scrubbed by the weather or a technical problem and recycled; the operator's
announced `pause` ends on a drawn day, no earlier than announced.
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Annotated

from pydantic import AfterValidator, Field, field_validator

from sim.scenario.cited import SHOOTING_RATIO_SHORT_TAKES, Default, fixed, tri, vfx
from sim.scenario.dists import DistBase
from sim.scenario.quantities import (
    Count,
    Date,
    Days,
    FractionDist,
    Money,
    Node,
    Number,
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
from sim.scenario.vehicles.suborbital import PROFILES as VEHICLES
from sim.scenario.vehicles.suborbital import SuborbitalVehicle

DEFAULTS = {
    "vehicle": Default(
        "new_shepard",
        "Blue Origin New Shepard; the suborbital defaults are its own, and another vehicle's"
        " profile replaces them (sim/scenario/vehicles/suborbital.py)",
    ),
    "available_from": Default(None, "none: the pause decides when the fleet flies again"),
    "pause": Default(
        {
            "since": "2026-01-30",
            "at_least_days": 730,
            "overrun_days": {"dist": "triangular", "min": 0, "mode": 180, "max": 730},
        },
        "New Shepard paused on 30 Jan 2026 'for at least two years' (Astronomy.com, CGTN);"
        " the overrun an assumption shaped on Virgin Galactic's 2021-23 pause, announced on"
        " 14 Oct 2021 as 8-10 months (CNBC via aerotime) and flown again on 25 May 2023,"
        " about ten months later than that (its mean here)",
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
        " max 110 days (its shape; flights_per_year sets its mean)",
    ),
    "flights_per_year": Default(
        {2028: 4, 2029: 7},
        "fitted to New Shepard's return after its 2022-23 grounding: the 3 gaps after NS-25"
        " (19 May 2024) averaged 94 days (~4 flights a year), the 6 of 2025 50 days (~7 a"
        " year) (space.com, SpaceNews, starlust); 2028 taken as the return year, an assumption",
    ),
    "manifest": Default(None, "none announced for after the pause"),
    "slip_days": Default(
        {"dist": "empirical", "data": [0, 0, 0, 6, 0, 0, 0, 0, 0]},
        "fitted to the 9 crewed New Shepard flights 2021-2024, moved before the crew's"
        " flight days: NS-20 +6 days (crew change, 23 to 29 Mar 2022; India Today), none"
        " reported for the others; the flight-day moves are scrubs (below)",
    ),
    "weather_scrub_probability": tri(
        0.05,
        0.18,
        0.46,
        "fitted to the 13 flight-day attempts of the 9 crewed flights 2021-2024: 3 wind"
        " scrubs (NS-18, NS-19, NS-20; fox29, Spaceflight Now, India Today), mean 3/13; the"
        " spread about a binomial's 90% interval",
    ),
    "technical_scrub_probability": tri(
        0.0,
        0.04,
        0.19,
        "fitted to the same 13 attempts: 1 technical scrub (NS-21, a backup system, 2 days"
        " before flight; Fox Weather), mean 1/13",
    ),
    "weather_recycle_days": Default(
        {"dist": "empirical", "data": [1, 2, 2]},
        "NS-18 waited 1 day for the wind, NS-19 and NS-20 2 days (fox29, Spaceflight Now,"
        " India Today)",
    ),
    "technical_recycle_days": Default(
        {"dist": "empirical", "data": [1, 15]},
        "NS-24 (uncrewed, Dec 2023) flew the day after a ground-system scrub (The Verge);"
        " NS-21 15 days after its backup-system scrub (Fox Weather, urdupoint)",
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


#: The years a `flights_per_year` may name.
YEARS = (1950, 2200)


def _can_fly(dist: DistBase) -> DistBase:
    """Refuse a scrub chance that can reach 1: every attempt scrubbed, the flight never goes."""
    if dist.support[1] >= 1:
        raise ValueError(
            "an attempt scrubbed for certain would never fly; keep the chance below 1"
            " (0.99 at most)"
        )
    return dist


#: The chance an attempt is scrubbed: a fraction that stays below 1.
ScrubChance = Annotated[FractionDist, AfterValidator(_can_fly)]


class Pause(Node):
    """The operator's announced pause: no flights from `since` for at least `at_least_days`."""

    since: Date = Field(description="the day the operator stopped flying")
    at_least_days: Number = Field(
        ge=0, le=36_500, description="the pause's announced length (its least)"
    )
    overrun_days: Days = Field(
        description="days beyond the announced length before flights resume (drawn once per"
        " replication)"
    )


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
        vehicles=VEHICLES,
        triggers=("not_launched_by", "not_done_by", "grounded_days"),
    )

    vehicle: SuborbitalVehicle = Field(
        description="the vehicle: its profile's cited defaults replace the suborbital defaults"
        " they name (New Shepard's are the defaults themselves)"
    )
    available_from: Date | None = Field(
        default=None,
        description="the day the fleet flies again, when known; replaces the pause",
    )
    pause: Pause | None = Field(
        default=None, description="the operator's announced pause (unless available_from)"
    )
    seats_per_flight: Count = Field(ge=1, le=100)
    cameras: Count = Field(ge=1, le=50)
    training_days: Days
    medical_disqualification_probability: Probability
    flight_interval_days: PositiveDays = Field(
        description="days from one flight to the next planned one; with flights_per_year its"
        " shape only, its mean set by the year's rate"
    )
    flights_per_year: dict[int, Number] | None = Field(
        default=None,
        description="crewed flights the operator flies a year, by calendar year (slips and"
        " scrubs included, groundings not); a year before the first listed takes the first's"
        " rate, after the last the last's; null: flight_interval_days as given, every year",
    )
    manifest: list[Date] | None = Field(
        default=None,
        max_length=1000,
        description="dates of the flights the operator has announced, in order: the film"
        " takes the first on or after the day its crew can fly, then the next ones; the"
        " cadence follows the last",
    )
    slip_days: Days = Field(
        description="days a flight moves before its flight day (announced ahead)"
    )
    weather_scrub_probability: ScrubChance = Field(
        description="chance that the weather scrubs an attempt (drawn once per campaign)"
    )
    technical_scrub_probability: ScrubChance = Field(
        description="chance that a technical problem scrubs an attempt (drawn once per campaign)"
    )
    weather_recycle_days: PositiveDays = Field(
        description="days from a weather scrub to the next attempt"
    )
    technical_recycle_days: PositiveDays = Field(
        description="days from a technical scrub to the next attempt"
    )
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

    @field_validator("flights_per_year")
    @classmethod
    def _rates(cls, rates: dict[int, float] | None) -> dict[int, float] | None:
        if rates is None:
            return None
        if not rates:
            raise ValueError("no year given; list at least one year, or write null")
        low, high = YEARS
        for year, rate in rates.items():
            if not low <= year <= high:
                raise ValueError(f"{year} is not a year from {low} to {high}; write the year")
            if not 0 <= rate <= 365:
                raise ValueError(f"{year}: {rate:g} flights; give 0 to 365 flights a year")
        last = max(rates)
        if rates[last] == 0:
            raise ValueError(
                f"the last year listed ({last}) has no flights, so the fleet would never fly"
                " again; give it a rate, or set a pause"
            )
        return dict(sorted(rates.items()))

    @field_validator("manifest")
    @classmethod
    def _in_order(cls, dates: list[dt.date] | None) -> list[dt.date] | None:
        if dates is not None:
            for earlier, later in itertools.pairwise(dates):
                if later < earlier:
                    raise ValueError(
                        f"{later} comes after {earlier}; list the flights in date order"
                    )
        return dates
