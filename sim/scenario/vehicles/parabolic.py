"""Zero-g aircraft: G-Force One (the parabolic defaults' own) and Novespace's Air Zero G."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from sim.scenario.cited import Default, fixed, tri
from sim.scenario.vehicles.profile import VehicleProfile

G_FORCE_ONE = VehicleProfile(
    label="G-Force One",
    citation="Zero Gravity Corporation's Boeing 727 G-Force One, flying tourists and charters"
    " from US airports; the parabolic defaults are this aircraft's",
)

AIR_ZERO_G = VehicleProfile(
    label="Air Zero G",
    citation="Novespace's Airbus A310 Zero G from Bordeaux-Merignac: research campaigns, and"
    " a few public flights a year sold through Avico",
    overrides={
        "booking_lead_days": tri(
            30,
            120,
            240,
            "assumption: 5-6 public flights a year (La Tribune Bordeaux 2016) between the"
            " research campaigns that are Novespace's core business (France 3)",
        ),
        "parabolas_per_flight": Default(15, "15 parabolas a flight (France 3, airzerog FAQ)"),
        "weightless_seconds_per_parabola": fixed(
            22, "22 s of weightlessness a parabola, ~2 min apart (France 3)"
        ),
        "seat_price_usd": fixed(
            6_600,
            "derived: EUR 6,000 a seat (La Tribune Bordeaux 2016) at about $1.10 a euro",
        ),
        "charter_usd": tri(
            165e3,
            275e3,
            330e3,
            "assumption: Novespace publishes no charter price; G-Force One's (Citizens in Space"
            " 2014, scaled to 2022 seat prices)",
        ),
    },
)

#: The zero-g aircraft a scenario may name, by ``vehicle`` value.
PROFILES: dict[str, VehicleProfile] = {"g_force_one": G_FORCE_ONE, "air_zero_g": AIR_ZERO_G}

if TYPE_CHECKING:
    Aircraft = str
else:  # the names as the schema's choices, derived from the profiles
    Aircraft = Literal[tuple(PROFILES)]
