"""CGI: the VFX vendors, their artists, day rates and shot classes, and their defaults."""

from __future__ import annotations

from pydantic import Field

from sim.scenario.cited import Default, tri
from sim.scenario.quantities import Count, Money, Name, Node, Positive, ShotClass
from sim.scenario.sources.spec import SourceNode, SourceSpec

DEFAULTS = {
    "artists": Default(
        40,
        "assumption; Gravity's ~80% CG took >400 Framestore staff ~3 years (UK Screen Alliance)",
    ),
    "artist_day_usd": tri(
        545,
        650,
        800,
        "derived: $20-80 per 0.5-2 h simple shot = $40/h offshore (BLKRIP), x1.7-2.5 for"
        " US/EU rates, 8-hour day",
    ),
    "other_vendors": Default(
        {},
        "one vendor unless the scenario lists more; Gravity's effects were Framestore's (KFTV)",
    ),
    "shot_seconds": tri(3, 6, 12, "assumption; Gravity averaged 35-46 s over 156 shots (Collider)"),
    "classes": {
        "cleanup": {
            "artist_days_per_iteration": tri(
                0.06, 0.125, 0.25, "simple shot 0.5-2 h of work (BLKRIP)"
            ),
            "iterations": tri(1, 2, 3, "1-2 revision rounds (BLKRIP)"),
        },
        "composite": {
            "artist_days_per_iteration": tri(0.25, 0.5, 1.0, "medium shot 2-8 h of work (BLKRIP)"),
            "iterations": tri(2, 4, 8, "assumption between 2 rounds and feature work"),
        },
        "full_cg": {
            "artist_days_per_iteration": tri(
                2,
                5,
                8,
                "derived: 4-48 artist-weeks per hero shot (Horizon Group) over ~20 iterations",
            ),
            "iterations": tri(
                10, 20, 30, "'most shots see at least 20 iterations' (Horizon Group)"
            ),
        },
    },
}


class ShotClassWork(Node):
    """Effort of one VFX shot of a class: review iterations x artist-days per iteration."""

    artist_days_per_iteration: Positive
    iterations: Positive


class ShotClasses(Node):
    """The three shot classes the vendor team works on."""

    cleanup: ShotClassWork
    composite: ShotClassWork
    full_cg: ShotClassWork


class Vendor(Node):
    """A VFX vendor beside the lead one: its team, day rate and the shot classes it takes."""

    artists: Count = Field(ge=1, le=10_000, description="artists of this vendor")
    artist_day_usd: Money = Field(description="this vendor's cost per artist-day")
    classes: list[ShotClass] = Field(
        min_length=1, description="the shot classes it takes (cleanup, composite, full_cg)"
    )


class Cgi(SourceNode):
    """The VFX vendors: artists working shots first come, first served."""

    spec = SourceSpec(
        label="cgi",
        colour="#D55E00",
        real=False,
        refuses={},
        reshoot=False,  # remaking missing minutes in CGI is the `cgi` shortfall policy
        cancellable=False,
        flies_crew=False,
        defaults=DEFAULTS,
    )

    artists: Count = Field(ge=1, le=10_000, description="artists of the lead vendor")
    artist_day_usd: Money = Field(description="the lead vendor's cost per artist-day")
    other_vendors: dict[Name, Vendor] = Field(
        description="vendors beside the lead one, by name; a shot goes to whichever vendor"
        " taking its class has an artist free first"
    )
    shot_seconds: Positive
    classes: ShotClasses
