"""The orbit's cited defaults, and what a shooting medium or a mission type brings to them.

The defaults are Crew Dragon's on a station visit, shooting digital: another vehicle's profile
(`sim.scenario.vehicles.orbit`), medium (`MEDIA`) or mission (`MISSIONS`) is laid over them by
the loader (`sim.scenario.defaults.defaults_for`), and what the file sets wins over all.
"""

from __future__ import annotations

from sim.scenario.cited import Default, fixed, tri, vfx

#: What each shooting medium brings to the keys it governs; laid over the defaults by the loader
#: (`sim.scenario.defaults.defaults_for`) for the medium a scenario names; the file still wins.
MEDIA: dict[str, dict[str, Default]] = {
    "digital": {
        "shooting_ratio": tri(
            38,
            48,
            77,
            "derived: The Challenge, 32 h raw (the rolling fraction's reading of 'more than"
            " 30', Deadline) for 25-50 screen minutes (CBS, intlecity): 32 x 60 / 50 = 38,"
            " / 40 = 48, / 25 = 77",
        ),
        "magazine_minutes": Default(None, "none: cards swap in moments; storage: max_raw_hours"),
        "reload_hours": Default(None, "none: no magazines to reload"),
        "magazines_carried": Default(None, "none: no magazines"),
    },
    "film": {
        "shooting_ratio": tri(
            2,
            2.5,
            3.5,
            "fitted to Space Station 3D (2002): more than 66,000 ft of 65 mm film shot in space"
            " (IMAX via Spaceflight Now), ~98-106 min at 625-672 ft/min (LA Times; collectSPACE"
            " via space.com), for a 40-47-minute film (TV Guide, NAR) that also holds ground"
            " footage; 'every shot ... was the first and only take' (Marsha Ivins, AAP 2016)",
        ),
        "magazine_minutes": Default(
            3.0,
            "IMAX 15/70: a 1,000-ft magazine at 336 ft/min (Toni Myers via collectSPACE), 'only"
            " three minutes of film at a time' (UW media catalogue); 35 mm: 1,000 ft at 90"
            " ft/min is 11 min",
        ),
        "reload_hours": tri(
            1 / 3,
            0.5,
            1.0,
            "20 minutes to reload an IMAX camera on the ground (HowStuffWorks); aboard, the"
            " rolls are changed blind in a light-tight bag (NASM); mode and maximum assumptions",
        ),
        "magazines_carried": Default(
            5,
            "fitted to Space Station 3D: 66,000 ft over seven shuttle flights (IMAX via"
            " Spaceflight Now; LA Times), ~9,400 ft or ~15 min a flight: five 3-minute loads",
        ),
    },
}


#: What each mission type brings to the keys it governs; laid over the defaults by the loader
#: for the mission a scenario names; the file still wins.
MISSIONS: dict[str, dict[str, Default]] = {
    "station_visit": {
        "window_minutes": fixed(
            0,
            "instantaneous: a launch to the ISS must leave as the site passes through its plane"
            " (Ax-3, mynews13; Demo-2, spacepolicyonline)",
        ),
    },
    "free_flyer": {
        "window_minutes": tri(
            210,
            270,
            300,
            "Polaris Dawn 3.5 h (floridamedianow), Fram2 4.5 h (Spaceflight Now), Inspiration4"
            " 5 h (clickorlando)",
        ),
    },
}

DEFAULTS = {
    "vehicle": Default(
        "crew_dragon",
        "Axiom's private missions fly Crew Dragon to the ISS; the orbit defaults are Crew"
        " Dragon's, and another vehicle's profile replaces them (sim/scenario/vehicles/orbit.py)",
    ),
    "mission": Default(
        "station_visit",
        "Axiom's private missions and The Challenge visited the ISS; Inspiration4 (2021),"
        " Polaris Dawn (2024) and Fram2 (2025) flew free",
    ),
    "booked_launch_date": Default(None, "none: first slot after training"),
    "flights": Default(
        1,
        "one flight: The Challenge and each Axiom mission filmed on one visit; The Dream Is"
        " Alive (IMAX, 1985) was shot on three 1984 Shuttle missions (Smithsonian)",
    ),
    "flight_interval_days": tri(
        180,
        365,
        540,
        "landing to the next flight's first launch opportunity, its slip included (a later"
        " flight draws no slip of its own); min: NASA enables up to two private"
        " missions a year (NASA via newsbreak 2021); fitted to Axiom's landing-to-launch"
        " intervals of 391 d (Ax-1 to Ax-2), 232 d (Ax-2 to Ax-3) and 502 d (Ax-3 to Ax-4;"
        " space.com)",
    ),
    "seats_per_flight": Default(
        3,
        "Axiom's Crew Dragon flights carry three private astronauts beside a professional"
        " commander (Ax-1 to Ax-4); Soyuz MS-19 flew two guests beside its commander (TASS)",
    ),
    "training_days": tri(
        90,
        150,
        365,
        "Ax-1's private astronauts ~15 weeks (CNN), min rounded down; mode: Ax-1's customers"
        " join ~5 months before launch (Houston Chronicle 2021), Inspiration4 ~6 months (NYT);"
        " max: Axiom's 'yearlong' programme (Business Insider 2025)",
    ),
    "training_usd_per_flyer": fixed(
        0, "included in the seat price (Axiom: 'roughly $70 million' incl. training)"
    ),
    "medical_disqualification_probability": Default(
        0.06,
        "New Shepard NS-38 illness swap, 1 of 17 crewed flights; Crew-3 minor medical"
        " issue among ~20 Dragon flights",
    ),
    "training_plan_percentile": Default(
        0.9,
        "assumption: a booked flight's training is planned at the P90 of its length, so about"
        " one flyer in ten needs more than the plan (and then the margin)",
    ),
    "readiness_margin_days": Default(
        14.0, "assumption: two weeks of slack planned between the end of training and the launch"
    ),
    "shortest_training_days": Default(
        90.0,
        "assumption just below the shortest programme on record outside the held-out cases:"
        " Ax-1's private astronauts ~15 weeks (CNN)",
    ),
    "slip_days": Default(
        {
            "dist": "mixture",
            "weights": [0.17, 0.83],
            "components": [0, {"dist": "lognormal", "mu": 5.1, "sigma": 0.99, "max": 1000}],
        },
        "fitted to six private Crew Dragon missions, from the middle of the first announced"
        " launch period to liftoff: Inspiration4 flew inside its (NET Q4 2021, slashgear), the"
        " others slipped Ax-1 83 d (AP), Ax-2 106 d (clickorlando), Ax-3 64 d (UrduPoint),"
        " Ax-4 314 d (clickorlando) and Polaris Dawn 665 d (populartimelines); 1 in 6 on time,"
        " the log-mean and sd of the five slips; Fram2 held out; capped at 1,000 d (assumption:"
        " 1.5 x the longest on record; a mission that never flies is the cancellation risk)",
    ),
    "weather_scrub_probability": Default(
        {
            "dist": "empirical",
            "data": [0.4, 0.5, 0.2, 0.1, 0.1, 0.05, 0.15, 0.45, 0.05, 0.1, 0.2, 0.4, 0.05],
        },
        "fitted to the 45th Weather Squadron's forecasts for the first attempts of 13 crewed"
        " Dragon ISS launches, as probabilities of violation (Demo-2, Crew-1, -2, -4, -5, -6,"
        " -7, -9, -10, -11, Ax-1, -2, -3: NASA, Florida Today, brevardtimes, digitaltrends and"
        " others, listed in docs/background/sources.md); mean 0.21, against the Eastern Range's"
        " 29% of attempts delayed by weather in 1988-99, upper winds included (Maier, AMS 1999)",
    ),
    "technical_scrub_probability": fixed(
        0.15,
        "technical stand-downs of Crew-6, Crew-10, Ax-3, Polaris Dawn and Ax-4 in ~20"
        " crewed Dragon campaigns (NASA, spacepolicyonline)",
    ),
    "recovery_zone_hold_probability": fixed(
        0.2,
        "fitted, with the weather's persistence, to 7 attempts lost to weather in the ascent"
        " corridor's abort zones in 16 crewed Dragon ISS campaigns: Crew-1, Crew-2, Crew-3 (2),"
        " Crew-8 (2), Ax-4 (brevardtimes, spaceref, greenentrepreneur, republicworld, foxweather,"
        " UPI, Hindustan Times)",
    ),
    "recycle_days": Default(
        {"dist": "discrete", "values": [1, 2, 3], "probabilities": [0.5, 0.3, 0.2]},
        "observed turnarounds: 24 h (Crew-11, Polaris Dawn, Ax-3), 48 h (Crew-10),"
        " ~72 h (Demo-2, Crew-6)",
    ),
    "weather_scrub_probability_by_month": Default(
        None, "none: no public monthly table in our sources; give your range's climatology"
    ),
    "window_minutes": MISSIONS["station_visit"]["window_minutes"],
    "weather_clear_minutes": Default(
        {"dist": "gamma", "shape": 1.0, "scale": 120.0},
        "fitted to the Eastern Range 1988-99: exponential, its mean (2 h) set so that with the"
        " era's windows (an assumption: triangular 0/60/180 minutes) the 29% of attempts"
        " weather delayed become the 18% delayed a day or more (Maier, AMS 1999)",
    ),
    "weather_persistence": Default(
        0.3,
        "assumption: the day-to-day correlation of a two-state weather chain (Gabriel and"
        " Neumann's 1962 law for wet days); yesterday's lightning forecasts the Cape's day"
        " better than a stability index does (NASA Applied Meteorology Unit), and the range"
        " record fits 0 to 0.3: Maier's 72 day-long weather delays in 266 missions then fall on"
        " one mission in six, as '>100 of 626 launches' since 1988 (Florida Today 2019)",
    ),
    "technical_hold_minutes": Default(
        {"dist": "discrete", "values": [30, 90, 1440], "probabilities": [0.2, 0.1, 0.7]},
        "assumption: most technical stand-downs of crewed Dragon cost a day or more, even"
        " Polaris Dawn's helium leak with a 3.5 h window (phys.org; Crew-6, Crew-10: NASA,"
        " spacepolicyonline); a fifth cleared in a half-hour recycle, a tenth in 1.5 h",
    ),
    "landing_weather_scrub_probability": tri(
        0.1,
        0.3,
        0.6,
        "assumption anchored on Dragon's return-weather waits (Ax-1 7 days, Ax-3 and Ax-4 4,"
        " Ax-2 none: CNN, space.com, Hindustan Times); a free flyer must be 'absolutely sure of"
        " reentry weather before launching' (Isaacman, Polaris Dawn, via eonmsk)",
    ),
    "window_opens_utc_hour": Default(
        0.0, "Inspiration4's window opened 8:02 p.m. EDT, 00:02 UTC (clickorlando)"
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
    "extension_days": Default(
        {
            "dist": "mixture",
            "weights": [0.17, 0.83],
            "components": [0, {"dist": "lognormal", "mu": 0.67, "sigma": 0.93}],
        },
        "fitted to the Crew Dragon ISS returns of 2021-2023, days added by splashdown weather:"
        " Ax-1 7 (CNN), Ax-2 none (SeraData), Crew-1 4 (space.com), Crew-2 1"
        " (spacepolicyonline), Crew-3 1 (UPI), Crew-6 1 (mynews13); 1 in 6 none, the log-mean"
        " and sd of the five; the returns of 2024-2025 held out",
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
    "medium": Default(
        "digital",
        "The Challenge shot digital aboard (2021), as did A Beautiful Planet (2016, 'the first"
        " IMAX movie in space that used digital cameras', KPBS); IMAX's films of 1985-2010 shot"
        " 15/70 or 65 mm film",
    ),
    "rolling_fraction": fixed(
        0.39,
        "CALIBRATION on The Challenge: set so that scenarios/the_challenge.yaml shoots a mean"
        " 32 h raw ('more than 30' hours, Deadline, read as 30-35): 32 h over the 82 filming"
        " hours the model expects of its 11.5 days aboard (docking and undocking days at half,"
        " less 3.7 h of space sickness and 0.5 h of camera downtime) = 0.39",
    ),
    "shooting_ratio": MEDIA["digital"]["shooting_ratio"],
    "magazine_minutes": MEDIA["digital"]["magazine_minutes"],
    "reload_hours": MEDIA["digital"]["reload_hours"],
    "magazines_carried": MEDIA["digital"]["magazines_carried"],
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
        None,
        "none: storage was no limit for The Challenge's 30+ hours raw (Deadline); film stock"
        " is limited by magazines_carried",
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
