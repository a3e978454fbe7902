"""Named launch sites and target orbits, and the text forms a user may give instead.

A site is a pad's geodetic latitude and longitude; a target is an orbit plane at a reference
epoch. The ISS's plane drifts with every reboost and with drag, so its reference elements are
a real element set of a known date: for a booking, give the elements of a current one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sim.orbits.geometry import Plane


@dataclass(frozen=True)
class Site:
    """A launch pad."""

    name: str
    lat_deg: float
    lon_deg: float
    description: str
    source: str


@dataclass(frozen=True)
class Target:
    """A target orbit: its plane at a reference epoch."""

    name: str
    plane: Plane
    source: str


SITES: dict[str, Site] = {
    "ksc": Site(
        "ksc",
        28.608389,
        -80.604333,
        "Kennedy Space Center LC-39A (Crew Dragon, Axiom missions)",
        "Wikipedia, Kennedy Space Center Launch Complex 39: 28°36'30.2\"N 80°36'15.6\"W",
    ),
    "baikonur": Site(
        "baikonur",
        45.996,
        63.564,
        "Baikonur Site 31/6, the Soyuz crew pad since 2019 (The Challenge launched from it)",
        "Wikipedia, Baikonur Site 31: 45°59'46\"N 63°33'50\"E; crew pad since 2019"
        " (Sputnik via UrduPoint, 8 Aug 2019)",
    ),
    "west_texas": Site(
        "west_texas",
        31.422927,
        -104.757152,
        "Blue Origin Launch Site One (Corn Ranch) near Van Horn, Texas (New Shepard)",
        "Wikipedia, Corn Ranch: launch pad at 31.422927°N 104.757152°W",
    ),
}

TARGETS: dict[str, Target] = {
    "iss": Target(
        "iss",
        Plane(51.6342, 304.7042, dt.datetime(2025, 11, 9, 23, 14, 21, tzinfo=dt.UTC), 418.2),
        "ISS (ZARYA) element set 25313.96830531 (2025-11-09): inclination 51.6342°, RAAN"
        " 304.7042°, 15.4949 revolutions a day (altitude from the mean motion)",
    ),
}


def site_of(text: str) -> Site:
    """The site a name (``ksc``) or ``LAT,LON`` in degrees (``28.6,-80.6``) stands for."""
    named = SITES.get(text.strip().lower())
    if named is not None:
        return named
    parts = text.split(",")
    try:
        lat, lon = (float(part) for part in parts)
    except ValueError:
        names = ", ".join(SITES)
        raise ValueError(
            f"unknown site {text!r}: give one of {names}, or LAT,LON in degrees"
        ) from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 360):
        raise ValueError(
            f"site {text!r}: latitude must lie in [-90, 90] and longitude in [-180, 360]"
        )
    return Site(f"{lat:g},{lon:g}", lat, lon, "a site given by coordinates", "given by the user")


def target_of(text: str) -> Target:
    """The target a name (``iss``) or ``INC,RAAN,EPOCH[,ALTITUDE_KM]`` stands for.

    EPOCH is an ISO date or UTC date-time (``2027-03-01T06:00``); the altitude defaults to
    the ISS reference's.
    """
    named = TARGETS.get(text.strip().lower())
    if named is not None:
        return named
    parts = [part.strip() for part in text.split(",")]
    try:
        if len(parts) not in (3, 4):
            raise ValueError
        inclination, raan = float(parts[0]), float(parts[1])
        epoch = dt.datetime.fromisoformat(parts[2])
        altitude = float(parts[3]) if len(parts) == 4 else TARGETS["iss"].plane.altitude_km
    except ValueError:
        names = ", ".join(TARGETS)
        raise ValueError(
            f"unknown target {text!r}: give one of {names}, or INC,RAAN,EPOCH[,ALTITUDE_KM]"
            " (degrees, degrees, ISO UTC date-time, km)"
        ) from None
    if epoch.tzinfo is None:
        epoch = epoch.replace(tzinfo=dt.UTC)
    plane = Plane(inclination, raan % 360.0, epoch, altitude)
    return Target(text.strip(), plane, "given by the user")
