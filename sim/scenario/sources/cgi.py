"""CGI: the VFX vendors, their artists, calendar, day rates and shot classes, and their defaults.

A shot class gives the length of its shots, the effort per screen second (review rounds
included) and the crew that works a shot at once; `sim.model.vfx` turns screen minutes into
shots and schedules them. The effort and the day rate are calibrated together: the full-CG
effort on an animation studio's person-weeks per film, the day rate on artists' pay and a
vendor's mark-ups, the mix checked against a blockbuster's cost per shot (docs/cases/vfx.py).
"""

from __future__ import annotations

from pydantic import Field, model_validator

from sim.scenario.cited import Default, tri
from sim.scenario.quantities import Count, Money, Name, Node, Number, Positive, ShotClass
from sim.scenario.sources.spec import SourceNode, SourceSpec

#: Shot lengths of today's Hollywood films, the same for every class unless a scenario says.
_SHOT_SECONDS = Default(
    {"dist": "lognormal", "mu": 0.94, "sigma": 0.944},
    "Barry Salt: the mean shot of a Hollywood film now runs about 4 s, lengths lognormal with a"
    " standard deviation ~1.2 x the mean (The Register): mean 4 s, sd 4.8 s",
)

DEFAULTS = {
    "artists": Default(
        150,
        "assumption: the lead vendor's team on the show; Avengers: Infinity War's 2,633 VFX"
        " shots took 1,800+ artists at 14 vendors, ~130 each (lastscene)",
    ),
    "artist_day_usd": tri(
        500,
        650,
        850,
        "derived: UK artists' pay £20-30 an hour (Confetti), £160-240 an 8-hour day, x ~2.5 for"
        " employer costs, supervision (15-25% of direct hours, skilldb), facility and render,"
        " and the vendor's 15-25% fee (VFX Production Manager coursebook); max US rates",
    ),
    "other_vendors": Default(
        {},
        "one vendor unless the scenario lists more; Gravity's effects were Framestore's (KFTV)",
    ),
    "days_per_week": Default(
        5,
        "a VFX artist's contract year is ~2,080 non-overtime hours, 52 weeks of five 8-hour"
        " days (Harkness, British Columbia)",
    ),
    "holidays_per_year": Default(
        28,
        "UK statutory paid leave: 5.6 weeks, 28 days for a 5-day week, which may include the 8"
        " bank holidays (gov.uk)",
    ),
    "section_seconds": Default(
        10,
        "assumption: a long take is built in pieces, each by its own crew; Lubezki calls"
        " Gravity's 13-minute opening 'a series of shots' (IndieWire)",
    ),
    "shot_seconds": Default(
        None,
        "none: each class's own shot_seconds; a value here (older files) applies to every class",
    ),
    "classes": {
        "cleanup": {
            "shot_seconds": _SHOT_SECONDS,
            "artist_days_per_second": tri(
                0.2,
                0.5,
                2.0,
                "assumption: paint and rig removal; a commercial vendor's simple shot is 0.5-2 h"
                " for one round (BLKRIP), feature shots see 'at least 20 iterations' (Horizon)",
            ),
            "crew": Default(1, "assumption: one paint or roto artist a shot"),
        },
        "composite": {
            "shot_seconds": _SHOT_SECONDS,
            "artist_days_per_second": tri(
                2.0,
                5.0,
                12.0,
                "fitted with the class mix to a blockbuster shot's $10,000 to 'well over'"
                " $60,000 (Nuts CG), docs/cases/vfx.py: a 4-s composite ~$17,000 at the mean",
            ),
            "crew": Default(1, "assumption: one compositor a shot, elements made beside it"),
        },
        "full_cg": {
            "shot_seconds": _SHOT_SECONDS,
            "artist_days_per_second": tri(
                6,
                15,
                30,
                "mean 17 working days a second, fitted between a Pixar film's ~20,000"
                " person-weeks (noneofthisisright) and '500 years' of one career (Quora via"
                " HuffPost) for ~95 animated minutes, 28 days' leave out: 15.7-20.4; spread an"
                " assumption (Horizon Group: an average shot takes 10-12 people up to ~4 weeks)",
            ),
            "crew": Default(
                2,
                "assumption: Horizon's 10-12 people per shot work in turn through ~8 departments"
                " (modelling to compositing), one or two at a time",
            ),
        },
    },
}


class ShotClassWork(Node):
    """One class of VFX shot: how long its shots run, the work per second, the crew on one."""

    shot_seconds: Positive = Field(description="screen seconds of one shot, drawn per shot")
    artist_days_per_second: Positive = Field(
        description="artist working days per screen second of a shot, every review round"
        " included; drawn per shot"
    )
    crew: Count = Field(
        ge=1,
        le=1000,
        description="artists working one shot (or one section of a long take) at once: its"
        " days take effort / crew working days",
    )

    @model_validator(mode="before")
    @classmethod
    def _old_effort_keys(cls, data: object) -> object:
        if isinstance(data, dict) and {"artist_days_per_iteration", "iterations"} & set(data):
            raise ValueError(
                "artist_days_per_iteration and iterations are no longer used: the effort is per"
                " screen second, review rounds included; give artist_days_per_second instead"
            )
        return data


class ShotClasses(Node):
    """The three shot classes the vendor team works on."""

    cleanup: ShotClassWork
    composite: ShotClassWork
    full_cg: ShotClassWork


class Vendor(Node):
    """A VFX vendor beside the lead one: its team, day rate and the shot classes it takes."""

    artists: Count = Field(ge=1, le=10_000, description="artists of this vendor")
    artist_day_usd: Money = Field(description="this vendor's cost per artist working day")
    classes: list[ShotClass] = Field(
        min_length=1, description="the shot classes it takes (cleanup, composite, full_cg)"
    )


class Cgi(SourceNode):
    """The VFX vendors: artists working shots first come, first served, on working days."""

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
    artist_day_usd: Money = Field(description="the lead vendor's cost per artist working day")
    other_vendors: dict[Name, Vendor] = Field(
        description="vendors beside the lead one, by name; a shot goes to whichever vendor"
        " taking its class can start it first"
    )
    days_per_week: Number = Field(
        ge=1, le=7, description="working days in a vendor's week (every vendor's)"
    )
    holidays_per_year: Number = Field(
        ge=0,
        le=200,
        description="weekdays a year an artist does not work (public holidays and leave),"
        " spread over the year",
    )
    section_seconds: Number = Field(
        gt=0,
        le=3600,
        description="a shot longer than this is worked in sections of at most this many"
        " seconds, each by its own crew at the same time",
    )
    shot_seconds: Positive | None = Field(
        default=None,
        description="older files' single shot length: when given, every class's shots take it"
        " (prefer classes.<class>.shot_seconds)",
    )
    classes: ShotClasses

    @model_validator(mode="after")
    def _a_working_year(self) -> Cgi:
        weekdays = self.days_per_week * DAYS_PER_YEAR / 7.0
        if self.holidays_per_year >= weekdays:
            raise ValueError(
                f"holidays_per_year {self.holidays_per_year:g} leaves no working day in a year"
                f" of {weekdays:.0f} working days ({self.days_per_week:g}-day weeks); use fewer"
            )
        return self

    @property
    def working_fraction(self) -> float:
        """Working days per calendar day: the weeks' working days, less the holidays."""
        return (self.days_per_week * DAYS_PER_YEAR / 7.0 - self.holidays_per_year) / DAYS_PER_YEAR

    def work(self, shot_class: ShotClass) -> ShotClassWork:
        """The class's work, with the older single `shot_seconds` laid over it if given."""
        work: ShotClassWork = getattr(self.classes, shot_class)
        if self.shot_seconds is None:
            return work
        return work.model_copy(update={"shot_seconds": self.shot_seconds})


#: Calendar days in a year (Julian), for the working calendar.
DAYS_PER_YEAR = 365.25
