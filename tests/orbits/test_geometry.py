"""The launch-window geometry against SGP4, the published eclipse formula, and the calendar."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from sgp4.api import Satrec, jday
from sgp4.propagation import gstime

from sim.orbits import (
    SITES,
    TARGETS,
    beta_angle,
    eclipse_fraction,
    launch_opportunities,
    orbital_period_minutes,
)
from sim.orbits.geometry import sun_direction

#: A real ISS element set (epoch 2025-11-09 23:14 UTC), the one `TARGETS["iss"]` is read from.
ISS_TLE = (
    "1 25544U 98067A   25313.96830531  .00008626  00000+0  16179-3 0  9997",
    "2 25544  51.6342 304.7042 0004075  52.7615 307.3745 15.49490024537771",
)
WGS84_A = 6378.137
WGS84_E2 = 6.69437999014e-3


def site_in_teme(lat_deg: float, lon_deg: float, jd: np.ndarray, fr: np.ndarray) -> np.ndarray:
    """Unit vectors to the site in SGP4's TEME frame: WGS-84 geodetic -> ECEF -> rotate by GMST."""
    lat, lon = math.radians(lat_deg), math.radians(lon_deg)
    n = WGS84_A / math.sqrt(1 - WGS84_E2 * math.sin(lat) ** 2)
    ecef = np.array(
        [
            n * math.cos(lat) * math.cos(lon),
            n * math.cos(lat) * math.sin(lon),
            n * (1 - WGS84_E2) * math.sin(lat),
        ]
    )
    theta = np.array([gstime(a + b) for a, b in zip(jd, fr, strict=True)])
    vectors = np.stack(
        [
            ecef[0] * np.cos(theta) - ecef[1] * np.sin(theta),
            ecef[0] * np.sin(theta) + ecef[1] * np.cos(theta),
            np.full(theta.shape, ecef[2]),
        ],
        axis=1,
    )
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def sgp4_plane_crossing(satellite: Satrec, site, guess: dt.datetime) -> dt.datetime:
    """The instant near `guess` when the SGP4 orbit normal is perpendicular to the site vector."""
    offsets = np.arange(-40 * 60, 40 * 60 + 1, 10.0)  # seconds
    jd0, fr0 = jday(guess.year, guess.month, guess.day, guess.hour, guess.minute, guess.second)
    jd = np.full(offsets.shape, jd0)
    fr = fr0 + offsets / 86_400.0
    error, position, velocity = satellite.sgp4_array(jd, fr)
    assert not error.any()
    normal = np.cross(position, velocity)
    normal /= np.linalg.norm(normal, axis=1, keepdims=True)
    distance = np.einsum("ij,ij->i", normal, site_in_teme(site.lat_deg, site.lon_deg, jd, fr))
    crossing = np.flatnonzero(np.diff(np.sign(distance)) != 0)
    assert crossing.size == 1, "exactly one plane crossing within 40 minutes of the guess"
    k = crossing[0]
    seconds = offsets[k] - distance[k] * (offsets[k + 1] - offsets[k]) / (
        distance[k + 1] - distance[k]
    )
    return guess + dt.timedelta(seconds=float(seconds))


@pytest.mark.parametrize("site_name", ["ksc", "baikonur"])
def test_opportunities_lie_in_the_sgp4_orbit_plane(site_name: str) -> None:
    """Over 30 days after the element set's epoch, every instant is within a minute of SGP4's."""
    satellite = Satrec.twoline2rv(*ISS_TLE)
    iss, site = TARGETS["iss"].plane, SITES[site_name]
    opportunities = launch_opportunities(
        site.lat_deg,
        site.lon_deg,
        iss.inclination_deg,
        iss.raan_deg,
        iss.epoch,
        iss.epoch,
        30,
        altitude_km=iss.altitude_km,
        node="both",
    )
    assert 58 <= len(opportunities) <= 62  # two a day, each ~23 min earlier than the day before
    worst = max(
        abs((sgp4_plane_crossing(satellite, site, o.when) - o.when).total_seconds())
        for o in opportunities
    )
    assert worst < 60.0


def test_beta_angle_matches_the_sgp4_orbit_normal() -> None:
    """The beta angle from the J2 node and the low-precision Sun agrees with SGP4's r x v."""
    satellite = Satrec.twoline2rv(*ISS_TLE)
    iss = TARGETS["iss"].plane
    for day in range(0, 30, 3):
        when = iss.epoch + dt.timedelta(days=day)
        jd, fr = jday(when.year, when.month, when.day, when.hour, when.minute, when.second)
        _, position, velocity = satellite.sgp4(jd, fr)
        normal = np.cross(position, velocity)
        normal /= np.linalg.norm(normal)
        days = (when - dt.datetime(2000, 1, 1, 12, tzinfo=dt.UTC)).total_seconds() / 86_400
        ra, dec = (math.radians(float(x)) for x in sun_direction(days))
        sun = np.array([math.cos(dec) * math.cos(ra), math.cos(dec) * math.sin(ra), math.sin(dec)])
        expected = math.degrees(math.asin(float(normal @ sun)))
        got = beta_angle(when, iss.inclination_deg, iss.raan_deg, iss.epoch, iss.altitude_km)
        assert got == pytest.approx(expected, abs=0.3)


def test_sun_declination_at_the_2027_solstices_and_equinox() -> None:
    """The Sun stands at +-23.44° at the solstices and crosses the equator on 20 March 2027."""
    j2000 = dt.datetime(2000, 1, 1, 12, tzinfo=dt.UTC)

    def declination(when: dt.datetime) -> float:
        return float(sun_direction((when - j2000).total_seconds() / 86_400)[1])

    assert declination(dt.datetime(2027, 6, 21, 14, tzinfo=dt.UTC)) == pytest.approx(
        23.44, abs=0.01
    )
    assert declination(dt.datetime(2027, 12, 22, 3, tzinfo=dt.UTC)) == pytest.approx(
        -23.44, abs=0.01
    )
    assert declination(dt.datetime(2027, 3, 20, 0, tzinfo=dt.UTC)) < 0.0
    assert declination(dt.datetime(2027, 3, 21, 0, tzinfo=dt.UTC)) > 0.0


def test_windows_drift_earlier_day_by_day_as_iss_windows_do() -> None:
    """Ascending-node windows from the Cape come every ~23 h 36 min: ~23 minutes earlier a day."""
    iss, ksc = TARGETS["iss"].plane, SITES["ksc"]
    times = [
        o.when
        for o in launch_opportunities(
            ksc.lat_deg,
            ksc.lon_deg,
            iss.inclination_deg,
            iss.raan_deg,
            iss.epoch,
            dt.date(2027, 3, 1),
            14,
            altitude_km=iss.altitude_km,
        )
    ]
    gaps = np.diff([t.timestamp() for t in times]) / 60.0
    assert len(times) in (14, 15)
    # Earth turns 360.9856°/day against the stars and the node regresses ~4.95°/day.
    expected = 360.0 / (360.98564736629 + 4.952) * 1440.0
    assert np.allclose(gaps, expected, atol=0.05)
    assert 23.0 < 1440.0 - expected < 23.8


def test_a_site_poleward_of_the_inclination_is_refused() -> None:
    """Plesetsk-like latitudes never pass under a 51.6° orbit; the error says why."""
    iss = TARGETS["iss"].plane
    with pytest.raises(ValueError, match="never lies in the plane"):
        launch_opportunities(62.9, 40.6, iss.inclination_deg, iss.raan_deg, iss.epoch, iss.epoch, 3)


@pytest.mark.parametrize(
    ("beta", "minutes"),
    [(0, 36.0), (20, 35.4), (40, 32.7), (50, 29.9), (60, 24.3), (65, 18.9), (70, 4.2), (71, 0.0)],
)
def test_eclipse_minutes_per_orbit_match_the_published_table(beta: float, minutes: float) -> None:
    """Sumanth (2019) at 400 km, as tabulated in shared/reference/domain-facts.md §5.

    The table used Earth's mean radius (6,371 km), the model the equatorial one: up to 0.11
    min apart (at beta 0 the model gives the 36.11 min of the worked example cited there).
    """
    got = eclipse_fraction(beta, 400.0) * orbital_period_minutes(400.0)
    assert got == pytest.approx(minutes, abs=0.12)


def test_eclipse_shrinks_as_beta_grows_and_vanishes_past_the_critical_angle() -> None:
    """Night per orbit never grows with |beta| and is zero beyond arcsin(R / (R + h))."""
    betas = np.linspace(-90, 90, 721)
    fraction = eclipse_fraction(betas, 420.0)
    half = fraction[betas >= 0]
    assert np.all(np.diff(half) <= 1e-12)
    assert np.allclose(fraction, fraction[::-1])
    critical = math.degrees(math.asin(6378.137 / (6378.137 + 420.0)))
    assert np.all(fraction[np.abs(betas) > critical] == 0.0)
