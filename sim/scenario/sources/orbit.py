"""Orbit: seats on a crewed mission to a station or a free-flying capsule.

Its cited defaults, media and mission types are in `sim.scenario.sources.orbit_defaults`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from sim.orbits import site_of, target_of
from sim.orbits.geometry import argument_of_latitude_sine
from sim.scenario.dists import Dist
from sim.scenario.quantities import (
    Count,
    Date,
    Days,
    FractionDist,
    Hours,
    Money,
    Number,
    Positive,
    PositiveDays,
    Probability,
    Ratio,
)
from sim.scenario.sources.orbit_defaults import DEFAULTS, MEDIA, MISSIONS
from sim.scenario.sources.spec import (
    NOT_IN_SPACE,
    PaymentSchedule,
    SourceNode,
    SourceSpec,
    VfxWork,
)
from sim.scenario.vehicles.orbit import PROFILES as VEHICLES
from sim.scenario.vehicles.orbit import OrbitVehicle

#: The longest a day's launch window can stay open.
MINUTES_PER_DAY = 1440


class Orbit(SourceNode):
    """A seat-based orbital mission (a station visit or a free-flying capsule)."""

    spec = SourceSpec(
        label="orbit",
        colour="#0072B2",
        real=True,
        refuses={"ground_drama": NOT_IN_SPACE},
        reshoot=False,  # a second orbital mission is a strategy of its own
        cancellable=True,
        flies_crew=True,
        defaults=DEFAULTS,
        vehicles=VEHICLES,
        choices={"medium": MEDIA, "mission": MISSIONS},
        triggers=("not_launched_by", "not_done_by", "slots_missed"),
    )

    vehicle: OrbitVehicle = Field(
        description="the spacecraft: its profile's cited defaults replace the orbit defaults"
        " they name (Crew Dragon's are the defaults themselves)"
    )
    mission: Literal["station_visit", "free_flyer"] = Field(
        description="a visit to a station (a slot, a next visitor) or a free-flying capsule"
        " (no station: its launch waits for landing weather too)"
    )
    booked_launch_date: Date | None = Field(
        default=None,
        description="the booked launch slot: the crew's training is planned back from it;"
        " none = the first slot after training and pre-production",
    )
    flights: Count = Field(
        ge=1,
        le=20,
        description="orbital flights the crew flies (a strategy's orbit_flights overrides it):"
        " each films what the earlier ones missed, the crew trained once",
    )
    flight_interval_days: Days = Field(
        description="days from one flight's landing to the next flight's first launch"
        " opportunity, slips included (a later flight draws no programme slip)"
    )
    seats_per_flight: Count = Field(
        ge=1, le=10, description="seats for the film's flyers on one flight, backups staying home"
    )
    training_days: Days
    training_usd_per_flyer: Money
    medical_disqualification_probability: Probability
    training_plan_percentile: Probability = Field(
        gt=0,
        lt=1,
        description="with a booked launch: the percentile of training_days the programme is"
        " planned for, counted back from the date",
    )
    readiness_margin_days: Number = Field(
        ge=0,
        le=365,
        description="with a booked launch: days of slack planned between the end of training"
        " and the date",
    )
    shortest_training_days: Number = Field(
        ge=0,
        le=3650,
        description="with a booked launch too close for the plan: the shortest programme the"
        " training can be compressed to",
    )
    slip_days: Days
    weather_scrub_probability: FractionDist = Field(
        description="chance the pad weather violates the launch rules at the window's opening,"
        " drawn once per campaign (the weather squadron's forecast): with an instantaneous"
        " window every violation is a scrub, with a longer one it may clear in time"
    )
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
    window_minutes: Days = Field(
        description="minutes a day's launch window stays open: a pad-weather violation that"
        " clears, or a technical problem fixed, before it closes holds the launch instead of"
        " scrubbing it; 0 = instantaneous; left out: the mission's"
    )
    weather_clear_minutes: Positive = Field(
        description="minutes until a pad-weather violation at the window's opening clears"
    )
    weather_persistence: Probability = Field(
        lt=1,
        description="day-to-day correlation of the weather (pad, recovery zones, landing):"
        " after a bad day the next is bad with p + r(1-p) instead of p; 0 = independent days",
    )
    technical_hold_minutes: Positive = Field(
        description="minutes to clear a technical problem found in the count; longer than"
        " what is left of the window: a scrub"
    )
    landing_weather_scrub_probability: FractionDist = Field(
        description="free flyer only: per attempt, the chance the forecast for the landing"
        " (splashdown) zones at the planned return stands the launch down"
    )
    window_opens_utc_hour: Number = Field(
        ge=0,
        lt=24,
        description="free flyer only: the hour (UTC) its daily window opens; a station visit's"
        " windows follow the target's plane",
    )
    launch_site: str = Field(description="a named site (ksc, baikonur, west_texas) or LAT,LON")
    target: str = Field(description="a named target orbit (iss) or INC,RAAN,EPOCH[,ALTITUDE_KM]")
    launch_node: Literal["ascending", "descending", "both"] = Field(
        description="which passes of the site through the target plane the vehicle can use"
    )
    beta_cutout_deg: Number | None = Field(
        default=None,
        gt=0,
        le=90,
        description="no launch when the planned stay would see |beta| above this; none = no cutout",
    )
    slot_days: Number = Field(
        ge=1 / 24,
        le=365,
        description="days a booked slot stays open for attempts: at least an hour (one window)",
    )
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
    days_off_per_week: Count = Field(ge=0, le=3, description="days without filming each week")
    medium: Literal["digital", "film"] = Field(
        description="what the cameras aboard record on: digital (cards, a ratio of tens to one)"
        " or film (magazines to reload and a stock carried, a ratio of 2-3 to one); it sets"
        " the defaults of shooting_ratio, magazine_minutes, reload_hours and magazines_carried"
    )
    rolling_fraction: FractionDist = Field(
        description="hours the cameras roll per filming hour aboard"
    )
    shooting_ratio: Ratio = Field(
        description="raw footage per screen minute; left out: the medium's"
    )
    magazine_minutes: Number | None = Field(
        default=None,
        gt=0,
        le=600,
        description="raw minutes one magazine (load) holds; each load costs reload_hours of"
        " filming time; left out: the medium's (digital: none)",
    )
    reload_hours: Hours | None = Field(
        default=None,
        description="filming hours lost to change a magazine; left out: the medium's",
    )
    magazines_carried: Count | None = Field(
        default=None,
        ge=1,
        le=10_000,
        description="loads of stock carried up: raw footage stops at magazines_carried x"
        " magazine_minutes; left out: the medium's (digital: none)",
    )
    sickness_probability: Probability
    sickness_days: Days
    sick_yield_loss: FractionDist
    cameras_in_use: Count = Field(ge=1, le=20, description="cameras rolling at once")
    spare_cameras: Count = Field(ge=0, le=20, description="spare camera bodies carried up")
    camera_mtbf_hours: Positive
    camera_swap_hours: Days
    max_raw_hours: Number | None = Field(
        default=None, gt=0, description="storage or downlink limit on raw footage; none = no limit"
    )
    footage_loss_probability: Probability = Field(
        description="chance that the footage shot aboard is lost before it is safe on the ground"
    )
    seat_price_usd: Money = Field(
        description="per flyer and flight: a station visit's seat, or a free flyer's share of"
        " the charter"
    )
    mission_fee_usd: Money = Field(
        description="per flight, the station's charge for a visit (a free flyer pays none)"
    )
    payments: PaymentSchedule = Field(
        description="how the seats and the mission fee are paid, from the crew's booking at"
        " the production's start to the launch, and what a cancellation loses"
    )
    person_day_usd: Money = Field(
        description="per person-day aboard a station, charged at landing (a free flyer pays none)"
    )
    vfx: VfxWork

    @model_validator(mode="after")
    def _stock_needs_a_load(self) -> Orbit:
        if self.magazines_carried is not None and self.magazine_minutes is None:
            raise ValueError(
                "magazines_carried is set but magazine_minutes is not; give the raw minutes one"
                " magazine holds (IMAX 15/70: 3, 35 mm 1,000 ft: 11)"
            )
        return self

    @property
    def raw_ceiling_hours(self) -> float | None:
        """Raw footage a stay can shoot at most: storage, and the film stock carried, if any."""
        limits = [self.max_raw_hours] if self.max_raw_hours is not None else []
        if self.magazines_carried is not None and self.magazine_minutes is not None:
            limits.append(self.magazines_carried * self.magazine_minutes / 60.0)
        return min(limits) if limits else None

    @field_validator("window_minutes")
    @classmethod
    def _window_within_a_day(cls, value: Dist) -> Dist:
        if value.support[1] > MINUTES_PER_DAY:
            raise ValueError(
                f"a window can reach {value.support[1]:g} minutes; a day's launch window lasts"
                f" at most {MINUTES_PER_DAY:,} minutes (the next day's is another attempt)"
            )
        return value

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
