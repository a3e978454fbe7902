"""Orbit: seats on a crewed mission to a station (or a free-flying capsule), and its defaults."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from sim.orbits import site_of, target_of
from sim.orbits.geometry import argument_of_latitude_sine
from sim.scenario.cited import Default, fixed, tri, vfx
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
from sim.scenario.sources.spec import (
    NOT_IN_SPACE,
    PaymentSchedule,
    SourceNode,
    SourceSpec,
    VfxWork,
)

DEFAULTS = {
    "vehicle": Default("crew_dragon", "Axiom private missions fly Crew Dragon to the ISS"),
    "mission": Default(
        "station_visit",
        "Axiom's private missions and The Challenge visited the ISS; Inspiration4 (2021),"
        " Polaris Dawn (2024) and Fram2 (2025) flew free",
    ),
    "booked_launch_date": Default(None, "none: first slot after training"),
    "seats_per_flight": Default(
        3,
        "Axiom's Crew Dragon flights carry three private astronauts beside a professional"
        " commander (Ax-1 to Ax-4); Soyuz MS-19 flew two guests beside its commander (TASS)",
    ),
    "training_days": tri(
        90,
        134,
        365,
        "Soyuz tourists ~3 months (CNN); The Challenge 24 May-5 Oct 2021 = 134 days"
        " (newizv.ru, RussianSpaceWeb); Axiom's 'yearlong' programme"
        " (Business Insider 2025)",
    ),
    "training_usd_per_flyer": fixed(
        0, "included in the seat price (Axiom: 'roughly $70 million' incl. training)"
    ),
    "medical_disqualification_probability": Default(
        0.06,
        "New Shepard NS-38 illness swap, 1 of 17 crewed flights; Crew-3 minor medical"
        " issue among ~20 Dragon flights",
    ),
    "slip_days": Default(
        {"dist": "lognormal", "mu": 2.58, "sigma": 0.52},
        "fitted to Ax-1 9 d, Ax-3 9 d, Polaris Dawn 14 d and Ax-4 27 d of pre-launch slip"
        " (clickorlando, space.com, indiatvnews, phys.org)",
    ),
    "weather_scrub_probability": tri(
        0.05,
        0.18,
        0.60,
        "45th Weather Squadron forecasts from >95% to 40% favourable; Eastern Range"
        " 1988-99: weather delayed 29% of attempts (Maier, AMS 1999)",
    ),
    "technical_scrub_probability": fixed(
        0.15,
        "technical stand-downs of Crew-6, Crew-10, Ax-3, Polaris Dawn and Ax-4 in ~20"
        " crewed Dragon campaigns (NASA, spacepolicyonline)",
    ),
    "recovery_zone_hold_probability": fixed(
        0.15,
        "ocean-zone weather delayed Crew-1, Crew-3 and Polaris Dawn (brevardtimes, wtsp,"
        " phys.org); low confidence",
    ),
    "recycle_days": Default(
        {"dist": "discrete", "values": [1, 2, 3], "probabilities": [0.5, 0.3, 0.2]},
        "observed turnarounds: 24 h (Crew-11, Polaris Dawn, Ax-3), 48 h (Crew-10),"
        " ~72 h (Demo-2, Crew-6)",
    ),
    "weather_scrub_probability_by_month": Default(
        None, "none: no public monthly table in our sources; give your range's climatology"
    ),
    "launch_site": Default(
        "ksc", "Crew Dragon crews launch from Kennedy LC-39A (Ax-1 to Ax-4, SpaceX)"
    ),
    "target": Default("iss", "the ISS: Axiom's private missions and The Challenge all went to it"),
    "launch_node": Default(
        "ascending",
        "ISS launches from the Cape and Baikonur head north-east: one instantaneous"
        " window a day (Ax-3, mynews13)",
    ),
    "beta_cutout_deg": Default(
        None,
        "none: off unless asked; visiting vehicles avoid high-beta seasons of up to"
        " ~75 degrees (raumfahrer.net)",
    ),
    "slot_days": Default(
        14.0, "assumption: how long a visiting-vehicle slot at the station stays open"
    ),
    "next_slot_days": tri(
        30,
        60,
        120,
        "assumption; the ISS re-planning of 14 May 2025 moved Ax-4 from 29 May to 8 Jun"
        " (space.com) and Ax-2's stay was cut by a launch slip",
    ),
    "transit_days": fixed(
        1.0, "Crew Dragon docks about a day after launch (Ax-3); Soyuz in 3.5 h (MS-19)"
    ),
    "mission_days": fixed(12, "The Challenge: 12 days aboard the ISS (TASS)"),
    "stay_margin_days": tri(
        0,
        2,
        5,
        "assumption; a launch delay cut Ax-2's stay from 10 to 8 days (SeraData), while"
        " a pre-launch re-plan moves the whole slot (Ax-4, 14 May 2025)",
    ),
    "extension_days": tri(
        0,
        4,
        7,
        "return weather extended Ax-1 by 7 days, Ax-3 and Ax-4 by 4 (CNN, space.com,"
        " Hindustan Times)",
    ),
    "filming_hours_per_day": tri(
        6,
        8,
        10,
        "~8 h of work per ISS day (DLR, via DW); Ax-1 private astronauts ~14 h of"
        " scheduled activities (CNN)",
    ),
    "arrival_day_fraction": Default(
        0.5,
        "assumption; The Challenge docked 3 h 27 min after launch, at 12:22 UTC"
        " (Interfax), leaving half a day",
    ),
    "departure_day_fraction": Default(
        0.5, "assumption: packing and undocking preparations take half the last day"
    ),
    "days_off_per_week": Default(
        0, "Ax-1's private astronauts had ~14 h of activities every day (CNN)"
    ),
    "rolling_fraction": fixed(
        0.34,
        "derived: The Challenge shot 'more than 30' hours raw (Deadline) in 12 days of"
        " ~8 filming hours, docking and undocking days at half: 30 / (11 x 8) = 0.34",
    ),
    "shooting_ratio": tri(
        36,
        45,
        72,
        "derived: The Challenge, 30 h raw for 25-50 screen minutes (Deadline, CBS, intlecity)",
    ),
    "sickness_probability": Default(
        0.67, "67% of first-flight Shuttle crew (Davis et al. 1988, Taylor & Francis)"
    ),
    "sickness_days": tri(
        1, 2, 3, "severe cases up to 72 h, subsided by day 4 (Oman et al. 1986, NTRS)"
    ),
    "sick_yield_loss": Default(
        {"dist": "discrete", "values": [0.25, 0.5, 1.0], "probabilities": [0.49, 0.34, 0.17]},
        "severity mix of first-flight space sickness: 48% mild, 34% moderate, 17% severe"
        " (Davis et al. 1988, Taylor & Francis; mild rounded up to sum to 1); the loss per"
        " severity is an assumption",
    ),
    "cameras_in_use": Default(
        1, "The Challenge: the director ran camera, lighting and sound himself (intlecity)"
    ),
    "spare_cameras": Default(1, "assumption: one spare body carried up"),
    "camera_mtbf_hours": fixed(
        500,
        "assumption: no public failure rate for cinema cameras aboard; radiation faults"
        " (dead pixels, resets) are known but not rated",
    ),
    "camera_swap_hours": fixed(1, "assumption: an hour to swap and set up a spare"),
    "max_raw_hours": Default(
        None, "none: storage was no limit for The Challenge's 30+ hours raw (Deadline)"
    ),
    "footage_loss_probability": Default(
        0.0,
        "none reported: no crewed return has lost its footage; set your own (e.g. a"
        " capsule or drive loss)",
    ),
    "seat_price_usd": tri(
        55e6,
        70e6,
        75e6,
        "Ax-1 $55M per seat (The Verge); Axiom 2025 'roughly $70 million' (Business Insider)",
    ),
    "mission_fee_usd": fixed(
        10e6, "NASA 2021 price list: $5.2M crew support + $4.8M integration (The Register)"
    ),
    "payments": Default(
        {
            "payments": [
                {"share": 0.25},
                {"share": 0.25, "due_days_before": 180},
                {"share": 0.5, "due_days_before": 30},
            ]
        },
        "seats and mission fee: a quarter at booking, not refundable, carrying the training"
        " (a training-only contract cost up to $20M against ~$77M for the flight, Takamatsu"
        " 2015, russianspacenews); milestone payments before the flight, from a $2M down"
        " payment on $20M, four paid over 21 months (Enomoto v. Space Adventures, Justia"
        " 2008); nothing refunded when the client withdraws (Space Adventures via space.com"
        " 2008); the instalments' days are assumptions",
    ),
    "person_day_usd": Default(
        {"dist": "uniform", "low": 90_000, "high": 166_000},
        "NASA 2021 price list: $88k-164k per person-day of pre-staged supplies + $2k of"
        " food (The Register)",
    ),
    "vfx": vfx(
        "composite",
        {"weightless_interior": 0.3, "earth_view": 0.2, "exterior_eva": 0.5, "launch_landing": 0.3},
        "assumption: station clutter, screens and rigs to clean from real plates",
    ),
}


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
    )

    vehicle: str
    mission: Literal["station_visit", "free_flyer"] = Field(
        description="a visit to a station (a slot, a next visitor) or a free-flying capsule"
        " (no station: its launch waits for landing weather too)"
    )
    booked_launch_date: Date | None = Field(
        default=None, description="the booked launch slot; none = first slot after training"
    )
    seats_per_flight: Count = Field(
        ge=1, le=10, description="seats for the film's flyers on one flight, backups staying home"
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
    rolling_fraction: FractionDist
    shooting_ratio: Ratio
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
    seat_price_usd: Money
    mission_fee_usd: Money
    payments: PaymentSchedule = Field(
        description="how the seats and the mission fee are paid, from the crew's booking at"
        " the production's start to the launch, and what a cancellation loses"
    )
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
