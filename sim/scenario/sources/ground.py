"""Ground: stage days with rigs and wire work, and location days, and their defaults."""

from __future__ import annotations

from pydantic import Field

from sim.scenario.cited import UNIT_DAY_USD, Default, tri, vfx
from sim.scenario.quantities import Count, Days, LossChance, Money, Probability, SceneKind
from sim.scenario.sources.spec import (
    KindRates,
    PaymentSchedule,
    SourceNode,
    SourceSpec,
    VfxWork,
)

DEFAULTS = {
    "booking_lead_days": tri(
        14, 30, 90, "assumption; Los Angeles stages ran at 90-96% occupancy 2016-2022 (FilmLA)"
    ),
    "day_cost_usd": UNIT_DAY_USD,
    "working_days_per_week": Default(5, "a five-day shooting week"),
    "minutes_per_day": {
        "weightless_interior": tri(
            0.3, 0.5, 1.0, "assumption: wire rigs and light box, as on Gravity"
        ),
        "earth_view": tri(0.5, 1.0, 2.0, "assumption: LED screens outside a window set"),
        "exterior_eva": tri(0.3, 0.5, 1.0, "assumption: suits on wire rigs"),
        "launch_landing": tri(0.5, 1.0, 1.5, "assumption: capsule mock-up on a gimbal"),
        "ground_drama": tri(
            0.9,
            1.8,
            3.7,
            "derived: a 110-minute studio feature shot in 30-120 days, 'one to three"
            " months' (quotewars compilation, darkskiesfilm)",
        ),
    },
    "location_share": Default(
        {"ground_drama": 0.3},
        "assumption: a third of the drama outdoors on location; the space scenes all on stage",
    ),
    "location_fee_usd_per_day": tri(
        1_000,
        3_000,
        10_000,
        "a basic location from $1,000 a day, a business that must close up to $3,000"
        " (Shari Berman); max an assumption for permits and base camp",
    ),
    "weather_day_loss_probability": tri(
        0.05,
        0.12,
        0.25,
        "mode: rain falls on ~12% of days in Los Angeles (gitnux, from NOAA normals);"
        " min and max assumptions for drier and wetter seasons; the risk is insurable"
        " (filminsurance.co.uk weather cover)",
    ),
    "payments": Default(
        {
            "payments": [
                {"share": 0.1, "refundable_until_days_before": 14},
                {"share": 0.9, "due_days_before": 0},
            ]
        },
        "assumption: a stage hold's deposit, refunded on cancellation 14 days or more ahead"
        " (Warehouse Recording's studio terms), the days paid as they are shot; the deposit's"
        " share of the unit's days an assumption",
    ),
    "vfx": vfx(
        "cleanup",
        {
            "weightless_interior": 1.0,
            "earth_view": 1.0,
            "exterior_eva": 1.0,
            "launch_landing": 1.0,
            "ground_drama": 0.1,
        },
        "every rig shot needs wire removal; assumption for ground drama",
    ),
}


class Ground(SourceNode):
    """Stage days with rigs and wire work, and location days, booked after a lead time."""

    spec = SourceSpec(
        label="ground",
        colour="#E69F00",
        real=False,
        refuses={},
        reshoot=True,
        cancellable=True,
        flies_crew=False,
        defaults=DEFAULTS,
    )

    booking_lead_days: Days
    day_cost_usd: Money = Field(description="a shooting day of the unit: crew, cast, equipment")
    working_days_per_week: Count = Field(ge=1, le=7)
    minutes_per_day: KindRates
    location_share: dict[SceneKind, Probability] = Field(
        description="per scene kind, the fraction of its ground minutes shot outdoors on"
        " location rather than on stage (kinds left out: all on stage)"
    )
    location_fee_usd_per_day: Money = Field(
        description="what a location day costs on top of the unit's day: site, permits"
    )
    weather_day_loss_probability: LossChance = Field(
        description="chance that a location day is lost to the weather and shot again"
    )
    payments: PaymentSchedule = Field(
        description="how the stage and location days are paid, from the booking at the"
        " track's start to the shoot"
    )
    vfx: VfxWork
