"""Suborbital vehicles: New Shepard (the suborbital defaults' own) and Virgin Galactic's Delta.

Virgin Galactic's Delta-class spaceships have not flown in the sources; their values are the
company's stated plans and the record of VSS Unity, the ship they replace. The keys its profile
does not name (slips, scrubs, recycles, groundings, training) keep New Shepard's figures, an
assumption the register shows by their citations: Unity's were not published flight by flight.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from sim.scenario.cited import Default, fixed, tri
from sim.scenario.vehicles.profile import VehicleProfile

NEW_SHEPARD = VehicleProfile(
    label="New Shepard",
    citation="Blue Origin New Shepard from West Texas: its 17 crewed flights 2021-2026; the"
    " suborbital defaults are this vehicle's",
)

VIRGIN_GALACTIC = VehicleProfile(
    label="Virgin Galactic Delta",
    citation="Virgin Galactic's Delta class from Spaceport America: the company's plans, and"
    " the record of VSS Unity (7 commercial flights 2023-2024)",
    overrides={
        "available_from": Default(
            "2027-01-01",
            "assumption: private-astronaut flights promised 'by the end of 2026'"
            " (gadgetsuniverse, forgeeks) after one slip of the first flight from summer to"
            " fall 2026; no Delta flight in the sources",
        ),
        "seats_per_flight": Default(6, "Delta carries 6 passengers, Unity 4 (sciencetimes)"),
        "flights_per_year": Default(
            {2027: 12},
            "Unity flew about monthly from Unity 25 (May 2023) to Galactic 06 (Jan 2024)"
            " (spacevoyaging, sciencetimes); Delta's planned 2 a week is a claim (gayaone)",
        ),
        "flight_interval_days": tri(
            25,
            30,
            135,
            "Unity's gaps: about a month, and 4.5 months from Galactic 06 to Galactic 07"
            " (spacevoyaging, sciencetimes); its shape only, flights_per_year sets its mean",
        ),
        "weightless_minutes_per_flight": tri(
            3.0, 3.5, 4.0, "'about 3 to 4 minutes' weightless (scimyst, traveldeel)"
        ),
        "seat_price_usd": fixed(
            600e3, "Delta class ~$600k a seat, Unity $450k (gayaone, sciencetimes)"
        ),
    },
)

#: The suborbital vehicles a scenario may name, by ``vehicle`` value.
PROFILES: dict[str, VehicleProfile] = {
    "new_shepard": NEW_SHEPARD,
    "virgin_galactic": VIRGIN_GALACTIC,
}

if TYPE_CHECKING:
    SuborbitalVehicle = str
else:  # the names as the schema's choices, derived from the profiles
    SuborbitalVehicle = Literal[tuple(PROFILES)]
