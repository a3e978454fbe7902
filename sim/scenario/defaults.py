"""Every default of a scenario, with the public source it comes from: one table, no other.

The loader lays the user's file over this table (`merged`), so a scenario may leave out any
key that has a default here. A `Default` is atomic: a user's value replaces it whole, so giving
``seat_price_usd: 60000000`` replaces the default triangular rather than mixing with it.
Distribution defaults carry their citation into the resolved scenario as a ``source`` key.
Values marked "assumption" have no public figure; replace them with your own quotes.

Short citations name the outlet; docs/background/sources.md gives their addresses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Default:
    """A default value and where it comes from."""

    value: Any
    source: str


def _tri(low: float, mode: float, high: float, source: str) -> Default:
    return Default({"dist": "triangular", "min": low, "mode": mode, "max": high}, source)


def _fixed(value: float, source: str) -> Default:
    return Default({"dist": "fixed", "value": value}, source)


def _vfx(shot_class: str, share: dict[str, float], source: str) -> Default:
    return Default({"shot_class": shot_class, "share": share}, source)


_SHOOTING_RATIO_SHORT_TAKES = _tri(
    3,
    8,
    20,
    "assumption: short rehearsed takes with several fixed cameras; bracketed by Space Station 3D's"
    " film-stock ratio of about 2-2.5:1 and The Challenge's digital 36-72:1",
)

DEFAULTS: dict[str, Any] = {
    "simulation": {
        "replications": Default(1000, "Acumen Risk: 1,000 iterations adequate for most schedules"),
        "seed": Default(1, "fixed so that reruns and scenario variants share random numbers"),
        "horizon_days": Default(3650, "ten years: a replication not delivered by then is late"),
    },
    "production": {
        "currency": Default("USD", "all defaults are in US dollars"),
        "overhead_usd_per_day": _fixed(
            25_000, "assumption: office and core staff while the production runs"
        ),
        "preproduction_days": _tri(
            90,
            146,
            240,
            "mode: 146 days of pre-production, 782 Hollywood films 2006-2016 (Stephen Follows"
            " 2018); min and max an assumption",
        ),
        "hold_usd_per_day": _fixed(
            50_000,
            "assumption: a lead's or director's fee spread over a ~60-day shoot; replace with"
            " your contracts. Days held are paid: SAG-AFTRA performers are paid consecutively"
            " from their first call (sagaftra.org)",
        ),
        "insurance_rate": Default(
            0.007,
            "'a typical rate might be .70 cents per hundred dollars of net budget', post and"
            " overhead excluded (Front Row Insurance 2014); cover for the flyers in space is"
            " not public",
        ),
        "completion_bond_rate": Default(
            0.0,
            "studio pictures are self-guaranteed (Sunscope); an independently financed film"
            " pays the guarantor 3-5% of the budget (Beverly Boy)",
        ),
        "hold_break_days": Default(
            10,
            "SAG-AFTRA consecutive employment: a firm pick-up date more than 10 calendar days"
            " away (theatrical films) lets the intervening days go unpaid (sagaftra.org)",
        ),
    },
    "script": {
        kind: Default(0.0, "scene kinds left out need no minutes")
        for kind in (
            "weightless_interior",
            "earth_view",
            "exterior_eva",
            "launch_landing",
            "ground_drama",
        )
    },
    "crew": Default(
        {"director_dp": {"count": 1, "backups": 1}, "lead_actor": {"count": 1, "backups": 1}},
        "The Challenge flew its director-cameraman and lead actress, with a backup actress and"
        " cameraman trained alongside (TASS 4 Oct 2021)",
    ),
    "risks": Default({}, "no risk events unless the scenario lists them"),
    "post": {
        "editorial_days": _tri(
            60,
            90,
            180,
            "assumption; The Challenge took 18 months from flight to release, including extra"
            " shooting and 'big post-production' (TASS)",
        ),
        "finishing_days": _tri(45, 75, 120, "assumption: sound, music, colour and conform"),
        "cost_usd": _tri(2e6, 4e6, 8e6, "assumption: post-production excluding VFX"),
    },
    "sources": {
        "orbit": {
            "vehicle": Default("crew_dragon", "Axiom private missions fly Crew Dragon to the ISS"),
            "booked_launch_date": Default(None, "none: first slot after training"),
            "training_days": _tri(
                90,
                134,
                365,
                "Soyuz tourists ~3 months (CNN); The Challenge 24 May-5 Oct 2021 = 134 days"
                " (newizv.ru, RussianSpaceWeb); Axiom's 'yearlong' programme"
                " (Business Insider 2025)",
            ),
            "training_usd_per_flyer": _fixed(
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
            "weather_scrub_probability": _tri(
                0.05,
                0.18,
                0.60,
                "45th Weather Squadron forecasts from >95% to 40% favourable; Eastern Range"
                " 1988-99: weather delayed 29% of attempts (Maier, AMS 1999)",
            ),
            "technical_scrub_probability": _fixed(
                0.15,
                "technical stand-downs of Crew-6, Crew-10, Ax-3, Polaris Dawn and Ax-4 in ~20"
                " crewed Dragon campaigns (NASA, spacepolicyonline)",
            ),
            "recovery_zone_hold_probability": _fixed(
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
            "target": Default(
                "iss", "the ISS: Axiom's private missions and The Challenge all went to it"
            ),
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
            "next_slot_days": _tri(
                30,
                60,
                120,
                "assumption; the ISS re-planning of 14 May 2025 moved Ax-4 from 29 May to 8 Jun"
                " (space.com) and Ax-2's stay was cut by a launch slip",
            ),
            "transit_days": _fixed(
                1.0, "Crew Dragon docks about a day after launch (Ax-3); Soyuz in 3.5 h (MS-19)"
            ),
            "mission_days": _fixed(12, "The Challenge: 12 days aboard the ISS (TASS)"),
            "stay_margin_days": _tri(
                0,
                2,
                5,
                "assumption; a launch delay cut Ax-2's stay from 10 to 8 days (SeraData), while"
                " a pre-launch re-plan moves the whole slot (Ax-4, 14 May 2025)",
            ),
            "extension_days": _tri(
                0,
                4,
                7,
                "return weather extended Ax-1 by 7 days, Ax-3 and Ax-4 by 4 (CNN, space.com,"
                " Hindustan Times)",
            ),
            "filming_hours_per_day": _tri(
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
            "rolling_fraction": _fixed(
                0.34,
                "derived: The Challenge shot 'more than 30' hours raw (Deadline) in 12 days of"
                " ~8 filming hours, docking and undocking days at half: 30 / (11 x 8) = 0.34",
            ),
            "shooting_ratio": _tri(
                36,
                45,
                72,
                "derived: The Challenge, 30 h raw for 25-50 screen minutes (Deadline, CBS,"
                " intlecity)",
            ),
            "sickness_probability": Default(
                0.67, "67% of first-flight Shuttle crew (Davis et al. 1988, Taylor & Francis)"
            ),
            "sickness_days": _tri(
                1, 2, 3, "severe cases up to 72 h, subsided by day 4 (Oman et al. 1986, NTRS)"
            ),
            "sick_yield_loss": Default(
                {
                    "dist": "discrete",
                    "values": [0.25, 0.5, 1.0],
                    "probabilities": [0.49, 0.34, 0.17],
                },
                "severity mix of first-flight space sickness: 48% mild, 34% moderate, 17% severe"
                " (Davis et al. 1988, Taylor & Francis; mild rounded up to sum to 1); the loss per"
                " severity is an assumption",
            ),
            "cameras_in_use": Default(
                1, "The Challenge: the director ran camera, lighting and sound himself (intlecity)"
            ),
            "spare_cameras": Default(1, "assumption: one spare body carried up"),
            "camera_mtbf_hours": _fixed(
                500,
                "assumption: no public failure rate for cinema cameras aboard; radiation faults"
                " (dead pixels, resets) are known but not rated",
            ),
            "camera_swap_hours": _fixed(1, "assumption: an hour to swap and set up a spare"),
            "max_raw_hours": Default(
                None, "none: storage was no limit for The Challenge's 30+ hours raw (Deadline)"
            ),
            "footage_loss_probability": Default(
                0.0,
                "none reported: no crewed return has lost its footage; set your own (e.g. a"
                " capsule or drive loss)",
            ),
            "seat_price_usd": _tri(
                55e6,
                70e6,
                75e6,
                "Ax-1 $55M per seat (The Verge); Axiom 2025 'roughly $70 million' (Business"
                " Insider)",
            ),
            "mission_fee_usd": _fixed(
                10e6, "NASA 2021 price list: $5.2M crew support + $4.8M integration (The Register)"
            ),
            "person_day_usd": Default(
                {"dist": "uniform", "low": 90_000, "high": 166_000},
                "NASA 2021 price list: $88k-164k per person-day of pre-staged supplies + $2k of"
                " food (The Register)",
            ),
            "vfx": _vfx(
                "composite",
                {
                    "weightless_interior": 0.3,
                    "earth_view": 0.2,
                    "exterior_eva": 0.5,
                    "launch_landing": 0.3,
                },
                "assumption: station clutter, screens and rigs to clean from real plates",
            ),
        },
        "suborbital": {
            "vehicle": Default("new_shepard", "Blue Origin New Shepard"),
            "available_from": Default(
                "2028-01-30",
                "New Shepard paused on 30 Jan 2026 'for at least two years' (Astronomy.com, CGTN)",
            ),
            "seats_per_flight": Default(6, "six seats, every one a window seat (Blue Origin)"),
            "cameras": Default(3, "assumption: fixed cameras plus one handheld"),
            "training_days": _fixed(
                6, "14 h over 2 days, crew arrives ~4 days before the flight (rocketnews)"
            ),
            "medical_disqualification_probability": Default(
                0.06, "NS-38 illness swap, 1 of 17 crewed flights (Blue Origin via starlust)"
            ),
            "flight_interval_days": _tri(
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
            "grounding_days": _tri(
                180,
                654,
                1000,
                "the NS-22 to NS-25 grounding lasted 654 days (space.com); min and max are"
                " assumptions",
            ),
            "weightless_minutes_per_flight": _tri(
                3.0, 3.5, 4.0, "'about three' to 'approximately four' minutes (NS-19, NS-31, NS-34)"
            ),
            "shooting_ratio": _SHOOTING_RATIO_SHORT_TAKES,
            "seat_price_usd": _tri(
                0.2e6,
                0.45e6,
                1.0e6,
                "undisclosed, negotiated per flyer; $150k deposit (Forbes Japan); mode borrowed"
                " from Virgin Galactic's $450k; max an assumption",
            ),
            "max_flights": Default(12, "assumption: the most flights a production would book"),
            "vfx": _vfx(
                "composite",
                {"weightless_interior": 0.5, "earth_view": 0.2, "launch_landing": 0.3},
                "assumption: a tourist capsule dressed as the film's spacecraft",
            ),
        },
        "parabolic": {
            "operator": Default("zero_g", "Zero-G G-FORCE ONE (Boeing 727)"),
            "booking_lead_days": _tri(
                30, 60, 120, "assumption: a single aircraft with a tourist schedule"
            ),
            "parabolas_per_flight": Default(15, "15 parabolas per Zero-G flight (27east)"),
            "weightless_seconds_per_parabola": _tri(
                20, 23, 30, "20-30 s (27east); Novespace 22 s (France 3)"
            ),
            "usable_fraction": _tri(
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
            "shooting_ratio": _SHOOTING_RATIO_SHORT_TAKES,
            "charter_usd": _tri(
                165e3,
                275e3,
                330e3,
                "$165k charter in 2014 (Citizens in Space); mode scaled by the 2014-2022 seat"
                " price rise $4,950 to $8,200; max +20% an assumption",
            ),
            "seats_booked": Default(None, "none: the film charters the whole aircraft"),
            "seat_price_usd": _tri(
                7_500,
                8_200,
                10_000,
                "Zero-G seat $7,500 in 2021 and $8,200 in 2022 (27east, spectrumnews1); max an"
                " assumption",
            ),
            "max_flights": Default(
                40, "Apollo 13 shot its weightless scenes in ~40 flights (Space Adventures)"
            ),
            "vfx": _vfx(
                "composite",
                {"weightless_interior": 1.0},
                "assumption: the padded aircraft cabin must become the film's spacecraft",
            ),
        },
        "ground": {
            "booking_lead_days": _tri(
                14,
                30,
                90,
                "assumption; Los Angeles stages ran at 90-96% occupancy 2016-2022 (FilmLA)",
            ),
            "day_cost_usd": _tri(
                250e3,
                500e3,
                1_000e3,
                "~$500,000 per shooting day for a standard film (BBC via centives.net)",
            ),
            "working_days_per_week": Default(5, "a five-day shooting week"),
            "minutes_per_day": {
                "weightless_interior": _tri(
                    0.3, 0.5, 1.0, "assumption: wire rigs and light box, as on Gravity"
                ),
                "earth_view": _tri(0.5, 1.0, 2.0, "assumption: LED screens outside a window set"),
                "exterior_eva": _tri(0.3, 0.5, 1.0, "assumption: suits on wire rigs"),
                "launch_landing": _tri(0.5, 1.0, 1.5, "assumption: capsule mock-up on a gimbal"),
                "ground_drama": _tri(
                    0.9,
                    1.8,
                    3.7,
                    "derived: a 110-minute studio feature shot in 30-120 days, 'one to three"
                    " months' (quotewars compilation, darkskiesfilm)",
                ),
            },
            "location_share": Default(
                {"ground_drama": 0.3},
                "assumption: a third of the drama outdoors on location; the space scenes all"
                " on stage",
            ),
            "location_fee_usd_per_day": _tri(
                1_000,
                3_000,
                10_000,
                "a basic location from $1,000 a day, a business that must close up to $3,000"
                " (Shari Berman); max an assumption for permits and base camp",
            ),
            "weather_day_loss_probability": _tri(
                0.05,
                0.12,
                0.25,
                "mode: rain falls on ~12% of days in Los Angeles (gitnux, from NOAA normals);"
                " min and max assumptions for drier and wetter seasons; the risk is insurable"
                " (filminsurance.co.uk weather cover)",
            ),
            "vfx": _vfx(
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
        },
        "stock": {
            "find_probability": {
                "earth_view": Default(
                    0.9, "assumption; NASA's ISS imagery is generally not copyrighted (NASA)"
                ),
                "exterior_eva": Default(0.5, "assumption: spacewalks exist, not with your actors"),
                "launch_landing": Default(0.8, "assumption: launches are widely filmed"),
            },
            "clip_seconds": _tri(5, 15, 30, "most stock clips run 5-30 s (CrackerClips)"),
            "search_days": _tri(
                3,
                10,
                30,
                "assumption; royalty-free clips download at once after checkout (Pond5 FAQ),"
                " the search takes the time",
            ),
            "archives": {
                "nasa": {
                    "share": Default(0.5, "assumption: half the clips from NASA's media"),
                    "price_usd_per_clip": _fixed(
                        0, "NASA media 'generally are not subject to copyright' (NASA guidelines)"
                    ),
                    "price_usd_per_second": _fixed(0, "as above: no licence fee"),
                    "clearance_probability": Default(
                        0.3,
                        "assumption: share of clips showing an identifiable astronaut or NASA"
                        " insignia, which need permission for commercial use (NASA JSC"
                        " guidelines)",
                    ),
                    "clearance_usd": _tri(
                        500, 2_000, 10_000, "assumption: legal time and a release fee per clip"
                    ),
                    "clearance_days": _tri(
                        14, 30, 90, "assumption: NASA neither licenses nor indemnifies (NASA JSC)"
                    ),
                    "refusal_probability": Default(
                        0.1, "assumption: a person or NASA declines the use"
                    ),
                },
                "royalty_free": {
                    "share": Default(0.4, "assumption"),
                    "price_usd_per_clip": _tri(
                        100, 200, 500, "4K clips priced $100 to $79-299 on average (Pond5; low)"
                    ),
                    "price_usd_per_second": _fixed(0, "royalty-free clips are priced per clip"),
                    "clearance_probability": Default(
                        0.0, "the licence comes cleared, with an indemnity (Pond5, iStock)"
                    ),
                    "clearance_usd": _fixed(0, "none needed"),
                    "clearance_days": _fixed(0, "downloadable at once after checkout (Pond5 FAQ)"),
                    "refusal_probability": Default(0.0, "none needed"),
                },
                "rights_managed": {
                    "share": Default(0.1, "assumption: rare footage"),
                    "price_usd_per_clip": _fixed(0, "priced per second of use"),
                    "price_usd_per_second": _tri(
                        20,
                        50,
                        100,
                        "rights-managed rare footage 'up to $100 per second' (Steve's"
                        " Digicams); min and mode assumptions",
                    ),
                    "clearance_probability": Default(
                        1.0, "every use is quoted by medium, territory and term (Getty, Dissolve)"
                    ),
                    "clearance_usd": _fixed(0, "the quote is the price"),
                    "clearance_days": _tri(1, 3, 10, "assumption for a per-use quote"),
                    "refusal_probability": Default(0.0, "assumption: a quote is always given"),
                },
            },
            "vfx": _vfx(
                "composite",
                {"earth_view": 0.2, "exterior_eva": 0.5, "launch_landing": 0.3},
                "assumption: matching archive plates to the film's look",
            ),
        },
        "cgi": {
            "artists": Default(
                40,
                "assumption; Gravity's ~80% CG took >400 Framestore staff ~3 years (UK Screen"
                " Alliance)",
            ),
            "artist_day_usd": _tri(
                545,
                650,
                800,
                "derived: $20-80 per 0.5-2 h simple shot = $40/h offshore (BLKRIP), x1.7-2.5 for"
                " US/EU rates, 8-hour day",
            ),
            "other_vendors": Default(
                {},
                "one vendor unless the scenario lists more; Gravity's effects were Framestore's"
                " (KFTV)",
            ),
            "shot_seconds": _tri(
                3, 6, 12, "assumption; Gravity averaged 35-46 s over 156 shots (Collider)"
            ),
            "classes": {
                "cleanup": {
                    "artist_days_per_iteration": _tri(
                        0.06, 0.125, 0.25, "simple shot 0.5-2 h of work (BLKRIP)"
                    ),
                    "iterations": _tri(1, 2, 3, "1-2 revision rounds (BLKRIP)"),
                },
                "composite": {
                    "artist_days_per_iteration": _tri(
                        0.25, 0.5, 1.0, "medium shot 2-8 h of work (BLKRIP)"
                    ),
                    "iterations": _tri(2, 4, 8, "assumption between 2 rounds and feature work"),
                },
                "full_cg": {
                    "artist_days_per_iteration": _tri(
                        2,
                        5,
                        8,
                        "derived: 4-48 artist-weeks per hero shot (Horizon Group) over ~20"
                        " iterations",
                    ),
                    "iterations": _tri(
                        10, 20, 30, "'most shots see at least 20 iterations' (Horizon Group)"
                    ),
                },
            },
        },
    },
}


def _materialise(node: Any) -> Any:
    """Plain data for a defaults subtree, each distribution carrying its source."""
    if isinstance(node, Default):
        value = node.value
        if isinstance(value, dict) and "dist" in value:
            return {**value, "source": node.source}
        return _copy(value)
    return {key: _materialise(child) for key, child in node.items()}


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_copy(child) for child in value]
    return value


def merged(user: Any, defaults: Any = None) -> Any:
    """The user's data laid over the defaults; the user's input is not changed.

    Args:
        user: plain data read from a scenario file.
        defaults: a subtree of `DEFAULTS` (the whole table when None).

    Returns:
        New plain data in which every key the user left out holds its default.
    """
    if defaults is None:
        defaults = DEFAULTS
    if isinstance(defaults, Default):
        return _copy(user)
    if not isinstance(user, dict):
        return _copy(user)
    result = {key: _copy(value) for key, value in user.items()}
    for key, default in defaults.items():
        if key in user:
            result[key] = merged(user[key], default)
        else:
            result[key] = _materialise(default)
    return result


def sources_by_path(node: Any = None, prefix: str = "") -> dict[str, Default]:
    """Every default keyed by its dotted path, for the docs."""
    if node is None:
        node = DEFAULTS
    if isinstance(node, Default):
        return {prefix: node}
    found: dict[str, Default] = {}
    for key, child in node.items():
        found.update(sources_by_path(child, f"{prefix}.{key}" if prefix else key))
    return found
