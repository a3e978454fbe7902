"""Orbital vehicles: Crew Dragon (the orbit defaults' own) and Soyuz MS.

Fitted values name the missions they were fitted to; the missions held out of each fit are
tested on the validation page (docs/cases/missions.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from sim.scenario.cited import Default, fixed, tri
from sim.scenario.vehicles.profile import VehicleProfile

CREW_DRAGON = VehicleProfile(
    label="Crew Dragon",
    citation="SpaceX Crew Dragon from Kennedy LC-39A: Axiom's private missions Ax-1 to Ax-4,"
    " Inspiration4, Polaris Dawn; the orbit defaults are this vehicle's",
)

SOYUZ_MS = VehicleProfile(
    label="Soyuz MS",
    citation="Roscosmos Soyuz MS from Baikonur Site 31: The Challenge (MS-19), Maezawa (MS-20)"
    " and the crewed Soyuz MS flights 2016-2025",
    overrides={
        "launch_site": Default(
            "baikonur", "crewed Soyuz flights launch from Baikonur Site 31 (RussianSpaceWeb)"
        ),
        "seats_per_flight": Default(
            2,
            "a professional commander and two guests: MS-19 flew Shipenko and Peresild (TASS),"
            " MS-20 Maezawa and Hirano (SpaceNews)",
        ),
        "training_days": tri(
            120,
            180,
            270,
            "mode: a non-professional 'usually' trains about half a year (cosmonaut Borisenko,"
            " Moscow FM 2021), 'a training intensive six months in Star City'; max: Garriott 21"
            " Jan to 12 Oct 2008, 265 days (RIA Novosti), Brightman's plan 12 Jan to 1 Oct 2015,"
            " 262 days (Interfax); min an assumption; MS-19 and MS-20 held out",
        ),
        "slip_days": Default(
            {
                "dist": "mixture",
                "weights": [0.83, 0.17],
                "components": [0, {"dist": "lognormal", "mu": 3.33, "sigma": 1.31}],
            },
            "fitted to the 24 crewed Soyuz MS flights of 2016-2025 but MS-19 and MS-20 (held"
            " out): 20 with no slip reported, 4 slipped from their announced date, MS-25 10 d"
            " (socialbites), MS-01 13 d (TASS), MS-02 26 d (satprnews), and MS-23's crew 183 d"
            " to MS-24 after MS-22's coolant leak (spacepolicyonline); log-mean and sd of the"
            " four",
        ),
        "weather_scrub_probability": fixed(
            0.0,
            "Soyuz is 'typically robust, launching regardless of weather' (Ars Technica via"
            " Instapundit)",
        ),
        "technical_scrub_probability": fixed(
            0.02,
            "derived: 3 on-pad aborts (Soyuz 4 1969, T-10 1983, MS-25 2024) in about 150"
            " crewed Soyuz launches (SpacePolicyOnline)",
        ),
        "recovery_zone_hold_probability": fixed(
            0.0, "Soyuz lands on the Kazakh steppe: no ocean recovery zones to wait for"
        ),
        "recycle_days": Default(
            {"dist": "discrete", "values": [1, 2], "probabilities": [0.5, 0.5]},
            "the two recycles on record: Soyuz 4 +1 day (1969), MS-25 +2 days (2024)"
            " (SpacePolicyOnline)",
        ),
        "next_slot_days": tri(
            150,
            180,
            240,
            "Soyuz crews fly about every six months: MS-24 on 15 Sep 2023, MS-25 on 23 Mar"
            " 2024 (spacepolicyonline); min and max an assumption",
        ),
        "flight_interval_days": tri(
            150,
            170,
            240,
            "a visit lands ~12 days after launch and Soyuz crews fly about every six months:"
            " MS-24 on 15 Sep 2023, MS-25 on 23 Mar 2024 (spacepolicyonline); min and max an"
            " assumption",
        ),
        "transit_days": fixed(
            0.15,
            "MS-19 docked 3 h 27 min after launch (Interfax), the fast rendezvous; the return"
            " took 3 h 21 min from undocking to landing (SeraData)",
        ),
        "extension_days": Default(
            {"dist": "discrete", "values": [0, 1], "probabilities": [0.86, 0.14]},
            "fitted to the Soyuz landings of 2009-2014, about 22: three held a day by steppe"
            " weather, TMA-13 (UPI), TMA-06M (CBS), TMA-10M (Reuters), none longer found;"
            " MS-18 and MS-20 held out",
        ),
        "seat_price_usd": tri(
            40e6,
            55e6,
            60e6,
            "'$50M-60M' the market in 2021 (Space Adventures via CNN, mantjul); Roscosmos"
            " spoke of ~$40M (Sputnik Japan)",
        ),
        "mission_fee_usd": fixed(
            0,
            "assumption: a Soyuz visit is bought from Roscosmos through Space Adventures"
            " (MS-20, devdiscourse), its station costs in the seat; NASA's fees are for"
            " US-segment private missions (The Register)",
        ),
        "person_day_usd": fixed(
            0,
            "assumption: the stay is in the Soyuz seat price; NASA's per-day charges are for"
            " US-segment private missions (The Register)",
        ),
    },
)

#: The orbital vehicles a scenario may name, by ``vehicle`` value.
PROFILES: dict[str, VehicleProfile] = {"crew_dragon": CREW_DRAGON, "soyuz_ms": SOYUZ_MS}

if TYPE_CHECKING:
    OrbitVehicle = str
else:  # the names as the schema's choices, derived from the profiles
    OrbitVehicle = Literal[tuple(PROFILES)]
