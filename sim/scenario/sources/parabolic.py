"""Parabolic: charters (or seats) of a zero-g aircraft, and their defaults."""

from __future__ import annotations

from pydantic import Field

from sim.scenario.cited import SHOOTING_RATIO_SHORT_TAKES, Default, tri, vfx
from sim.scenario.quantities import Count, Days, FractionDist, Money, Positive, Probability, Ratio
from sim.scenario.sources.spec import (
    NOT_IN_SPACE,
    PaymentSchedule,
    SourceNode,
    SourceSpec,
    VfxWork,
)
from sim.scenario.vehicles.parabolic import PROFILES as VEHICLES
from sim.scenario.vehicles.parabolic import Aircraft

DEFAULTS = {
    "vehicle": Default(
        "g_force_one",
        "Zero Gravity Corporation's G-FORCE ONE (Boeing 727); the parabolic defaults are its"
        " own, and another aircraft's profile replaces them (sim/scenario/vehicles/parabolic.py)",
    ),
    "booking_lead_days": tri(30, 60, 120, "assumption: a single aircraft with a tourist schedule"),
    "parabolas_per_flight": Default(15, "15 parabolas per Zero-G flight (27east)"),
    "weightless_seconds_per_parabola": tri(
        20, 23, 30, "20-30 s (27east); Novespace 22 s (France 3)"
    ),
    "usable_fraction": tri(
        0.7,
        0.85,
        0.95,
        "derived: Apollo 13 flew 612 parabolas of ~25 s and rolled about 4 h of weightless"
        " footage (varley.net, TIME): at most ~0.94 usable; min an assumption",
    ),
    "flights_per_day": Default(1, "assumption: one aircraft, one film flight a day"),
    "flight_cancel_probability": Default(
        0.1, "assumption: weather or maintenance cancels a flight day"
    ),
    "cameras": Default(3, "assumption: fixed cameras plus one handheld"),
    "shooting_ratio": SHOOTING_RATIO_SHORT_TAKES,
    "charter_usd": tri(
        165e3,
        275e3,
        330e3,
        "$165k charter in 2014 (Citizens in Space); mode scaled by the 2014-2022 seat"
        " price rise $4,950 to $8,200; max +20% an assumption",
    ),
    "seats_booked": Default(None, "none: the film charters the whole aircraft"),
    "seat_price_usd": tri(
        7_500,
        8_200,
        10_000,
        "Zero-G seat $7,500 in 2021 and $8,200 in 2022 (27east, spectrumnews1); max an assumption",
    ),
    "payments": Default(
        {"payments": [{"share": 0.5}, {"share": 0.5, "due_days_before": 14}]},
        "a Zero-G reservation 'is nonrefundable' once purchased (Zero-G terms); half at"
        " booking and the balance 14 days before, as charter terms go (Sovereign Lady"
        " Charters), an assumption for an aircraft",
    ),
    "max_flights": Default(
        40, "Apollo 13 shot its weightless scenes in ~40 flights (Space Adventures)"
    ),
    "vfx": vfx(
        "composite",
        {"weightless_interior": 1.0},
        "assumption: the padded aircraft cabin must become the film's spacecraft",
    ),
}


class Parabolic(SourceNode):
    """Charters of a zero-g aircraft: parabolas of some twenty seconds each."""

    spec = SourceSpec(
        label="parabolic",
        colour="#009E73",
        real=True,
        refuses={
            "earth_view": "an aircraft cannot show Earth from space",
            "exterior_eva": "a parabolic flight happens inside an aircraft cabin",
            "launch_landing": "an aircraft cannot film a rocket launch or capsule landing",
            "ground_drama": NOT_IN_SPACE,
        },
        reshoot=True,
        cancellable=True,
        flies_crew=False,
        defaults=DEFAULTS,
        vehicles=VEHICLES,
        triggers=("not_launched_by", "not_done_by"),
    )

    vehicle: Aircraft = Field(
        description="the zero-g aircraft: its profile's cited defaults replace the parabolic"
        " defaults they name (G-Force One's are the defaults themselves)"
    )
    booking_lead_days: Days
    parabolas_per_flight: Count = Field(ge=1, le=100)
    weightless_seconds_per_parabola: Positive
    usable_fraction: FractionDist
    flights_per_day: Count = Field(ge=1, le=4)
    flight_cancel_probability: Probability
    cameras: Count = Field(ge=1, le=50)
    shooting_ratio: Ratio
    charter_usd: Money
    seats_booked: Count | None = Field(
        default=None,
        ge=1,
        le=100,
        description="none = charter the aircraft; N = buy N seats a flight at seat_price_usd",
    )
    seat_price_usd: Money
    payments: PaymentSchedule = Field(
        description="how the charters (or seats) are paid, from the booking at the track's"
        " start to each flight"
    )
    max_flights: Count = Field(ge=1, le=1000)
    vfx: VfxWork
