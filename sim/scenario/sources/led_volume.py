"""LED volume: virtual production, the space around the set shown on LED walls, in camera.

Capsule interiors with Earth in the windows, visor reflections and starfields are filmed in
camera in front of the wall (*First Man*, 2018: Gemini and Apollo capsules on gimbals before a
60 x 35 ft LED screen). Nothing floats for real: weightlessness is wires and rigs, as on a
stage. The environments must be built by a virtual art department before the shoot, a cost
that falls on VFX early rather than in post.
"""

from __future__ import annotations

from pydantic import Field

from sim.scenario.cited import UNIT_DAY_USD, Default, tri, vfx
from sim.scenario.quantities import Count, Days, Money
from sim.scenario.sources.spec import (
    KindRates,
    PaymentSchedule,
    SourceNode,
    SourceSpec,
    VfxWork,
)

_WIRES = "assumption: still wires and rigs (no weightlessness on a volume), a little faster"
_IN_CAMERA = (
    "assumption: views outside the window in camera, no green-screen set-ups; a Mandalorian"
    " episode took ~35 shoot days (Collider, 2023), a volume can shoot '4 or 5 different"
    " locations in a day' (Craft & Science)"
)

DEFAULTS = {
    "booking_lead_days": tri(
        14,
        30,
        90,
        "assumption; VP stage occupancy averages below 50% (Production360), against 93-96% for"
        " Los Angeles sound stages (FilmLA)",
    ),
    "day_cost_usd": UNIT_DAY_USD,
    "volume_usd_per_day": tri(
        30e3,
        60e3,
        150e3,
        "assumption: LED stages cost $3M-30M to build (The Hollywood Reporter via No Film"
        " School, 2022) over ~120 billed days a year, plus the wall's crew; one volume rented"
        " 'for $50,000 a day' (edy-diplom, low confidence)",
    ),
    "working_days_per_week": Default(5, "a five-day shooting week"),
    "environments": Default(
        5,
        "assumption: Earth from orbit, deep space, the station's windows, the capsule's, and an"
        " approach; First Man built content per sequence (DNEG via animationboss, 2018)",
    ),
    "environment_usd": tri(
        100e3,
        300e3,
        1_000e3,
        "assumption: 19-36 working days of build per environment (Hologen) x 5-10 artists at"
        " ~$1,000 a day; content is 'the most expensive element' of an LED stage (Ben"
        " Grossmann, The Hollywood Reporter via No Film School, 2022)",
    ),
    "build_days": tri(
        42,
        70,
        112,
        "6-16 weeks, several environments built in parallel: 19-36 working days per"
        " environment (Hologen); DNEG rendered 90 minutes of wall content before First Man"
        " shot (Awards Daily, 2018)",
    ),
    "prelight_days_per_environment": tri(
        0.5,
        1,
        2,
        "assumption; 'never cut prelight/techvis days' (Amazon Studios, Five Tenets of VP)",
    ),
    "minutes_per_day": {
        "weightless_interior": tri(0.35, 0.6, 1.0, _WIRES),
        "earth_view": tri(0.6, 1.2, 2.4, _IN_CAMERA),
        "exterior_eva": tri(0.35, 0.6, 1.0, _WIRES),
        "launch_landing": tri(0.6, 1.2, 1.8, _IN_CAMERA),
        "ground_drama": tri(1.0, 2.1, 3.7, _IN_CAMERA),
    },
    "payments": Default(
        {"payments": [{"share": 0.05}, {"share": 0.95, "due_days_before": 0}]},
        "a virtual-production stage takes a non-refundable deposit of half its studio fee"
        " (CS145 Virtual Production Studios); the fee is about a tenth of a volume day (the"
        " volume's rate against the unit's day, above), so 5% of the booking; the rest paid"
        " as shot",
    ),
    "vfx": vfx(
        "cleanup",
        {
            "weightless_interior": 0.85,
            "earth_view": 0.5,
            "exterior_eva": 0.85,
            "launch_landing": 0.5,
            "ground_drama": 0.1,
        },
        "assumption: 'many shots would still require a degree of post-production enhancement'"
        " (Frame.io, 2024); rig shots still need wire removal; First Man's LED footage needed"
        " 'wardrobe touchups through to environment enhancements' (DNEG)",
    ),
}


class LedVolume(SourceNode):
    """Days on an LED volume, after its environments are built and prelit."""

    spec = SourceSpec(
        label="LED volume",
        colour="#6A3D9A",
        real=False,
        refuses={},
        reshoot=True,
        cancellable=True,
        flies_crew=False,
        defaults=DEFAULTS,
    )

    booking_lead_days: Days
    day_cost_usd: Money = Field(description="a shooting day of the unit: crew, cast, equipment")
    volume_usd_per_day: Money = Field(
        description="the volume's own day on top: stage, LED wall, its engineers and brain bar"
    )
    working_days_per_week: Count = Field(ge=1, le=7)
    environments: Count = Field(
        ge=1, le=100, description="virtual environments the shoot needs, each built and prelit"
    )
    environment_usd: Money = Field(description="building one environment (virtual art dept.)")
    build_days: Days = Field(
        description="days from the start of the build to environments ready for the wall"
    )
    prelight_days_per_environment: Days = Field(
        description="days on the volume, the unit not called, to light and tune an environment"
    )
    minutes_per_day: KindRates
    payments: PaymentSchedule = Field(
        description="how the prelight and volume days are paid, from the booking at the"
        " track's start to the shoot"
    )
    vfx: VfxWork
