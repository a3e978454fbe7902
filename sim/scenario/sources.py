"""The six sources of screen minutes and their parameters, as typed data.

Which source can deliver which scene kind is a domain fact, not a setting: `CAPABILITIES`
holds it with the reason a pairing is refused, so a strategy that asks stock footage for your
actors floating is stopped at validation with that reason.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, field_validator, model_validator

from sim.orbits import site_of, target_of
from sim.orbits.geometry import argument_of_latitude_sine
from sim.scenario.quantities import (
    SUM_TOLERANCE,
    Days,
    FractionDist,
    Hours,
    Money,
    Name,
    Node,
    Positive,
    PositiveDays,
    Probability,
    Ratio,
    SceneKind,
    ShotClass,
    SourceName,
)

_NOT_IN_SPACE = "ground drama is shot on the ground"

#: For each source, the scene kinds it cannot deliver and why.
REFUSALS: dict[SourceName, dict[SceneKind, str]] = {
    "orbit": {"ground_drama": _NOT_IN_SPACE},
    "suborbital": {
        "exterior_eva": "a suborbital capsule offers no spacewalk",
        "ground_drama": _NOT_IN_SPACE,
    },
    "parabolic": {
        "earth_view": "an aircraft cannot show Earth from space",
        "exterior_eva": "a parabolic flight happens inside an aircraft cabin",
        "launch_landing": "an aircraft cannot film a rocket launch or capsule landing",
        "ground_drama": _NOT_IN_SPACE,
    },
    "ground": {},
    "stock": {
        "weightless_interior": "archive footage cannot show your actors floating",
        "ground_drama": "archive footage cannot show your actors",
    },
    "cgi": {},
}


def can_deliver(source: SourceName, kind: SceneKind) -> bool:
    """Whether `source` can deliver screen minutes of `kind` at all."""
    return kind not in REFUSALS[source]


class VfxWork(Node):
    """The VFX shots a source's footage needs: their class and the share of minutes affected."""

    shot_class: ShotClass
    share: dict[SceneKind, Probability] = Field(
        description="per scene kind, the fraction of this source's screen minutes needing VFX shots"
        " (kinds left out need none)"
    )


class Orbit(Node):
    """A seat-based orbital mission (a station visit or a free-flying capsule)."""

    vehicle: str
    booked_launch_date: dt.date | None = Field(
        default=None, description="the booked launch slot; none = first slot after training"
    )
    training_days: Days
    training_usd_per_flyer: Money
    medical_disqualification_probability: Probability
    slip_days: Days
    weather_scrub_probability: FractionDist
    technical_scrub_probability: FractionDist
    recovery_zone_hold_probability: FractionDist
    weather_scrub_probability_by_month: list[Probability] | None = Field(
        default=None,
        min_length=12,
        max_length=12,
        description="pad-weather scrub probability per attempt for January..December; when"
        " given it replaces weather_scrub_probability (e.g. the range's climatology)",
    )
    recycle_days: PositiveDays
    launch_site: str = Field(description="a named site (ksc, baikonur, west_texas) or LAT,LON")
    target: str = Field(description="a named target orbit (iss) or INC,RAAN,EPOCH[,ALTITUDE_KM]")
    launch_node: Literal["ascending", "descending", "both"] = Field(
        description="which passes of the site through the target plane the vehicle can use"
    )
    beta_cutout_deg: float | None = Field(
        default=None,
        gt=0,
        le=90,
        description="no launch when the planned stay would see |beta| above this; none = no cutout",
    )
    slot_days: float = Field(gt=0, le=365)
    next_slot_days: PositiveDays
    transit_days: Days
    mission_days: PositiveDays
    stay_margin_days: Days = Field(
        description="days of a late launch within its slot the station's traffic plan absorbs;"
        " beyond them the next visitor's arrival shortens the stay"
    )
    extension_days: Days
    filming_hours_per_day: Hours
    arrival_day_fraction: Probability = Field(
        description="share of a full filming day left on the docking day"
    )
    departure_day_fraction: Probability = Field(
        description="share of a full filming day left on the undocking day"
    )
    days_off_per_week: int = Field(ge=0, le=3, description="days without filming each week")
    rolling_fraction: FractionDist
    shooting_ratio: Ratio
    sickness_probability: Probability
    sickness_days: Days
    sick_yield_loss: FractionDist
    cameras_in_use: int = Field(ge=1, le=20, description="cameras rolling at once")
    spare_cameras: int = Field(ge=0, le=20, description="spare camera bodies carried up")
    camera_mtbf_hours: Positive
    camera_swap_hours: Days
    max_raw_hours: float | None = Field(
        default=None, gt=0, description="storage or downlink limit on raw footage; none = no limit"
    )
    footage_loss_probability: Probability = Field(
        description="chance that the footage shot aboard is lost before it is safe on the ground"
    )
    seat_price_usd: Money
    mission_fee_usd: Money
    person_day_usd: Money
    vfx: VfxWork

    @field_validator("launch_site")
    @classmethod
    def _known_site(cls, value: str) -> str:
        site_of(value)
        return value

    @field_validator("target")
    @classmethod
    def _known_target(cls, value: str) -> str:
        target_of(value)
        return value

    @model_validator(mode="after")
    def _site_reaches_target(self) -> Orbit:
        site, plane = site_of(self.launch_site), target_of(self.target).plane
        argument_of_latitude_sine(plane, site.lat_deg)  # raises if the site is never in the plane
        return self


class Suborbital(Node):
    """Seats on suborbital flights flown at the operator's cadence."""

    vehicle: str
    available_from: dt.date | None = None
    seats_per_flight: int = Field(ge=1, le=100)
    cameras: int = Field(ge=1, le=50)
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
    max_flights: int = Field(ge=1, le=1000)
    vfx: VfxWork


class Parabolic(Node):
    """Charters of a zero-g aircraft: parabolas of some twenty seconds each."""

    operator: str
    booking_lead_days: Days
    parabolas_per_flight: int = Field(ge=1, le=100)
    weightless_seconds_per_parabola: Positive
    usable_fraction: FractionDist
    flights_per_day: int = Field(ge=1, le=4)
    flight_cancel_probability: Probability
    cameras: int = Field(ge=1, le=50)
    shooting_ratio: Ratio
    charter_usd: Money
    seats_booked: int | None = Field(
        default=None,
        ge=1,
        le=100,
        description="none = charter the aircraft; N = buy N seats a flight at seat_price_usd",
    )
    seat_price_usd: Money
    max_flights: int = Field(ge=1, le=1000)
    vfx: VfxWork


class KindRates(Node):
    """Screen minutes a stage day yields, per scene kind."""

    weightless_interior: Positive
    earth_view: Positive
    exterior_eva: Positive
    launch_landing: Positive
    ground_drama: Positive


class Ground(Node):
    """Stage days with rigs and wire work, and location days, booked after a lead time."""

    booking_lead_days: Days
    day_cost_usd: Money = Field(description="a shooting day of the unit: crew, cast, equipment")
    working_days_per_week: int = Field(ge=1, le=7)
    minutes_per_day: KindRates
    location_share: dict[SceneKind, Probability] = Field(
        description="per scene kind, the fraction of its ground minutes shot outdoors on"
        " location rather than on stage (kinds left out: all on stage)"
    )
    location_fee_usd_per_day: Money = Field(
        description="what a location day costs on top of the unit's day: site, permits"
    )
    weather_day_loss_probability: FractionDist = Field(
        description="chance that a location day is lost to the weather and shot again"
    )
    vfx: VfxWork


class StockFind(Node):
    """Chance that a needed clip of each kind exists in the archives."""

    earth_view: Probability
    exterior_eva: Probability
    launch_landing: Probability


class Archive(Node):
    """One kind of archive: what its clips cost and how often they need clearing."""

    share: Probability = Field(description="fraction of the clips found that come from here")
    price_usd_per_clip: Money
    price_usd_per_second: Money
    clearance_probability: Probability = Field(
        description="chance a clip needs clearing first (an identifiable person, insignia,"
        " a per-use quote)"
    )
    clearance_usd: Money = Field(description="cost of clearing one clip")
    clearance_days: Days = Field(description="time to clear this archive's clips, in parallel")
    refusal_probability: Probability = Field(
        description="chance a clearance is refused: the clip cannot be used"
    )


class Archives(Node):
    """Where archive clips come from: NASA's public media, royalty-free and rights-managed."""

    nasa: Archive
    royalty_free: Archive
    rights_managed: Archive

    @model_validator(mode="after")
    def _shares_add_up(self) -> Archives:
        total = sum(archive.share for _, archive in self)
        if abs(total - 1.0) > SUM_TOLERANCE:
            terms = " + ".join(f"{name} {archive.share:g}" for name, archive in self)
            raise ValueError(f"the archives' shares add up to {total:g} ({terms}); make them 1")
        return self


class Stock(Node):
    """Licensed archive footage: search, pay by clip or by second, clear, or lose the clip."""

    find_probability: StockFind
    clip_seconds: Positive
    search_days: Days
    archives: Archives
    vfx: VfxWork


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

    artists: int = Field(ge=1, le=10_000, description="artists of this vendor")
    artist_day_usd: Money = Field(description="this vendor's cost per artist-day")
    classes: list[ShotClass] = Field(
        min_length=1, description="the shot classes it takes (cleanup, composite, full_cg)"
    )


class Cgi(Node):
    """The VFX vendors: artists working shots first come, first served."""

    artists: int = Field(ge=1, le=10_000, description="artists of the lead vendor")
    artist_day_usd: Money = Field(description="the lead vendor's cost per artist-day")
    other_vendors: dict[Name, Vendor] = Field(
        description="vendors beside the lead one, by name; a shot goes to whichever vendor"
        " taking its class has an artist free first"
    )
    shot_seconds: Positive
    classes: ShotClasses


class Sources(Node):
    """All six sources; a strategy uses the ones it gives minutes to."""

    orbit: Orbit
    suborbital: Suborbital
    parabolic: Parabolic
    ground: Ground
    stock: Stock
    cgi: Cgi
