"""Where a launch site meets a target orbit's plane, and how much of each orbit is sunlit.

The target orbit is circular; its plane turns by the secular J2 regression of the node; Earth
turns by Greenwich mean sidereal time (IAU 1982, UT1 taken as UTC); the Sun's direction comes
from the Astronomical Almanac's low-precision formulae (about 0.01°). A site lies in the plane
when its geocentric position is perpendicular to the orbit's normal: the instant of an ideal
in-plane ("instantaneous") rendezvous launch. The tests check these instants against SGP4
propagation of a real ISS element set.

Times inside are days since J2000.0 (2000-01-01 12:00 UTC) as floats, so whole calendars are
numpy arrays; the public functions take and give timezone-aware UTC datetimes.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Literal, NamedTuple

import numpy as np

#: Earth's gravitational parameter, km^3/s^2 (WGS-84).
MU_KM3_S2 = 398_600.4418
#: Earth's equatorial radius, km (WGS-84).
EARTH_RADIUS_KM = 6_378.137
#: Earth's flattening (WGS-84), for geodetic to geocentric latitude.
EARTH_FLATTENING = 1 / 298.257223563
#: Earth's second zonal harmonic (EGM-96).
J2 = 1.08262668e-3
#: Earth's rotation against the stars, degrees per day of UT1 (IAU 1982 GMST).
SIDEREAL_DEG_PER_DAY = 360.98564736629
J2000 = dt.datetime(2000, 1, 1, 12, tzinfo=dt.UTC)

NodeChoice = Literal["ascending", "descending", "both"]


def days_since_j2000(when: dt.datetime | dt.date) -> float:
    """Days from J2000.0 to `when` (a date means its midnight; a naive datetime is UTC)."""
    if not isinstance(when, dt.datetime):
        when = dt.datetime(when.year, when.month, when.day)
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return (when - J2000).total_seconds() / 86_400.0


def datetime_of(days: float) -> dt.datetime:
    """The UTC instant `days` after J2000.0, to the second."""
    return J2000 + dt.timedelta(seconds=round(float(days) * 86_400.0))


def gmst_deg(days: np.ndarray | float) -> np.ndarray:
    """Greenwich mean sidereal time, degrees in [0, 360) (IAU 1982; Vallado eq. 3-45)."""
    days = np.asarray(days, dtype=float)
    centuries = days / 36_525.0
    angle = (
        280.46061837
        + SIDEREAL_DEG_PER_DAY * days
        + 0.000387933 * centuries**2
        - centuries**3 / 38_710_000.0
    )
    return np.mod(angle, 360.0)


def orbital_period_minutes(altitude_km: float) -> float:
    """Period of a circular orbit at `altitude_km` above the equatorial radius."""
    radius = EARTH_RADIUS_KM + altitude_km
    return 2 * math.pi * math.sqrt(radius**3 / MU_KM3_S2) / 60.0


def sun_direction(days: np.ndarray | float) -> tuple[np.ndarray, np.ndarray]:
    """The Sun's right ascension and declination, degrees (Astronomical Almanac, low precision)."""
    days = np.asarray(days, dtype=float)
    mean_longitude = 280.460 + 0.9856474 * days
    anomaly = np.radians(357.528 + 0.9856003 * days)
    longitude = np.radians(mean_longitude + 1.915 * np.sin(anomaly) + 0.020 * np.sin(2 * anomaly))
    obliquity = np.radians(23.439 - 0.0000004 * days)
    right_ascension = np.arctan2(np.cos(obliquity) * np.sin(longitude), np.cos(longitude))
    declination = np.arcsin(np.sin(obliquity) * np.sin(longitude))
    return np.degrees(right_ascension), np.degrees(declination)


@dataclass(frozen=True)
class Plane:
    """A circular orbit's plane: inclination, and its node's right ascension at an epoch."""

    inclination_deg: float
    raan_deg: float
    epoch: dt.datetime
    altitude_km: float = 420.0

    def __post_init__(self) -> None:
        if not 0.0 < self.inclination_deg < 180.0:
            raise ValueError(
                f"inclination must lie strictly between 0 and 180°, not {self.inclination_deg}"
            )
        if not 100.0 <= self.altitude_km <= 40_000.0:
            raise ValueError(f"altitude must lie between 100 and 40,000 km, not {self.altitude_km}")

    @property
    def node_rate_deg_per_day(self) -> float:
        """Secular J2 regression of the node: -3/2 n J2 (R/a)^2 cos i (negative when prograde)."""
        radius = EARTH_RADIUS_KM + self.altitude_km
        mean_motion = math.sqrt(MU_KM3_S2 / radius**3)  # rad/s
        inclination = math.radians(self.inclination_deg)
        rate = -1.5 * mean_motion * J2 * (EARTH_RADIUS_KM / radius) ** 2 * math.cos(inclination)
        return math.degrees(rate) * 86_400.0

    def raan_deg_at(self, days: np.ndarray | float) -> np.ndarray:
        """Right ascension of the ascending node at `days` since J2000.0."""
        elapsed = np.asarray(days, dtype=float) - days_since_j2000(self.epoch)
        return np.mod(self.raan_deg + self.node_rate_deg_per_day * elapsed, 360.0)

    def beta_deg(self, days: np.ndarray | float) -> np.ndarray:
        """Beta angle (the Sun's elevation above the orbit plane), degrees.

        sin b = cos d sin i sin(W - a) + sin d cos i, with the Sun at right ascension a and
        declination d and the node at W (Vallado; SMAD ch. 5).
        """
        sun_ra, sun_dec = sun_direction(days)
        inclination = math.radians(self.inclination_deg)
        dec = np.radians(sun_dec)
        sine = np.cos(dec) * math.sin(inclination) * np.sin(
            np.radians(self.raan_deg_at(days) - sun_ra)
        ) + np.sin(dec) * math.cos(inclination)
        return np.degrees(np.arcsin(np.clip(sine, -1.0, 1.0)))


def beta_angle(
    when: dt.datetime | dt.date,
    inclination_deg: float,
    raan_deg: float,
    epoch: dt.datetime,
    altitude_km: float = 420.0,
) -> float:
    """Beta angle of the orbit at `when`, degrees in [-90, 90]."""
    plane = Plane(inclination_deg, raan_deg, epoch, altitude_km)
    return float(plane.beta_deg(days_since_j2000(when)))


def eclipse_fraction(beta_deg: np.ndarray | float, altitude_km: float) -> np.ndarray | float:
    """Fraction of each orbit in Earth's shadow (circular orbit, cylindrical shadow).

    Sumanth (2019), IJAAA 6(5): f = arccos(sqrt(h^2 + 2Rh) / ((R + h) cos b)) / pi when
    |b| < b* = arcsin(R / (R + h)), else 0.
    """
    beta = np.radians(np.abs(np.asarray(beta_deg, dtype=float)))
    radius = EARTH_RADIUS_KM + altitude_km
    critical = math.asin(EARTH_RADIUS_KM / radius)
    chord = math.sqrt(altitude_km**2 + 2 * EARTH_RADIUS_KM * altitude_km)
    with np.errstate(invalid="ignore", divide="ignore"):
        ratio = np.clip(chord / (radius * np.cos(beta)), -1.0, 1.0)
        fraction = np.where(beta < critical, np.arccos(ratio) / math.pi, 0.0)
    return float(fraction) if fraction.ndim == 0 else fraction


def geocentric_latitude_deg(geodetic_deg: float) -> float:
    """Geocentric latitude of a point on the WGS-84 ellipsoid."""
    factor = (1.0 - EARTH_FLATTENING) ** 2
    return math.degrees(math.atan(factor * math.tan(math.radians(geodetic_deg))))


def argument_of_latitude_sine(plane: Plane, site_lat_deg: float) -> float:
    """Where the orbit passes the site's latitude (sine of its argument of latitude).

    Raises ValueError when the orbit never reaches that latitude.
    """
    latitude = math.radians(geocentric_latitude_deg(site_lat_deg))
    sine_u = math.sin(latitude) / math.sin(math.radians(plane.inclination_deg))
    if abs(sine_u) > 1.0:
        raise ValueError(
            f"a site at latitude {site_lat_deg:g}° never lies in the plane of an orbit inclined"
            f" {plane.inclination_deg:g}°; reachable sites lie within ±"
            f"{min(plane.inclination_deg, 180 - plane.inclination_deg):g}°"
        )
    return sine_u


def in_plane_days(
    plane: Plane,
    site_lat_deg: float,
    site_lon_deg: float,
    first: float,
    last: float,
    *,
    node: NodeChoice = "ascending",
) -> tuple[np.ndarray, np.ndarray]:
    """The instants in [first, last] (days since J2000.0) when the site lies in the plane.

    Returns the sorted instants and, for each, whether it is an ascending-node opportunity (the
    orbit passes over the site heading north: a north-east launch from the Cape or Baikonur).
    Raises ValueError when the site never lies in the plane (|latitude| > inclination).
    """
    sine_u = argument_of_latitude_sine(plane, site_lat_deg)
    inclination = math.radians(plane.inclination_deg)
    cos_u = math.sqrt(1.0 - sine_u**2)
    rate = SIDEREAL_DEG_PER_DAY - plane.node_rate_deg_per_day
    chosen = ("ascending", "descending") if node == "both" else (node,)
    instants: list[np.ndarray] = []
    ascending: list[np.ndarray] = []
    for which in chosen:
        along = cos_u if which == "ascending" else -cos_u
        offset = math.degrees(math.atan2(math.cos(inclination) * sine_u, along))

        def phase(days: np.ndarray | float, offset: float = offset) -> np.ndarray:
            angle = gmst_deg(days) + site_lon_deg - plane.raan_deg_at(days) - offset
            return np.mod(angle + 180.0, 360.0) - 180.0

        start = first + np.mod(-phase(first), 360.0) / rate
        times = start + np.arange(0.0, (last - start) * rate / 360.0 + 1.0) * 360.0 / rate
        times = times - phase(times) / rate  # one Newton step absorbs GMST's tiny quadratic term
        times = times[(times >= first) & (times <= last)]
        instants.append(times)
        ascending.append(np.full(times.shape, which == "ascending"))
    merged = np.concatenate(instants)
    order = np.argsort(merged, kind="stable")
    return merged[order], np.concatenate(ascending)[order]


class Opportunity(NamedTuple):
    """One instantaneous launch opportunity."""

    when: dt.datetime
    node: str
    beta_deg: float


def launch_opportunities(  # noqa: PLR0917 - the positional order issue 3 published
    site_lat_deg: float,
    site_lon_deg: float,
    inclination_deg: float,
    raan_deg: float,
    epoch: dt.datetime,
    start: dt.datetime | dt.date,
    days: float,
    *,
    altitude_km: float = 420.0,
    node: NodeChoice = "ascending",
) -> list[Opportunity]:
    """The UTC instants in `days` from `start` when the site passes through the target's plane.

    Each comes with its node (``ascending``: the orbit heads north over the site) and the
    orbit's beta angle then. Raises ValueError when the site never lies in the plane.
    """
    if days < 0:
        raise ValueError(f"days must be non-negative, not {days}")
    plane = Plane(inclination_deg, raan_deg, epoch, altitude_km)
    first = days_since_j2000(start)
    instants, ascending = in_plane_days(
        plane, site_lat_deg, site_lon_deg, first, first + days, node=node
    )
    betas = plane.beta_deg(instants)
    return [
        Opportunity(datetime_of(t), "ascending" if up else "descending", float(beta))
        for t, up, beta in zip(instants, ascending, betas, strict=True)
    ]
