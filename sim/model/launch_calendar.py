"""A scenario's launch opportunities on the model's clock, worked out once per process.

The model counts days from the production's start date at 00:00 UTC. A station visit's
opportunities are the instants the launch site passes through the target orbit's plane
(`sim.orbits`); with a beta cutout, those whose planned stay would see |beta| above it are
dropped. A free flyer has no plane to meet: its window opens once a day at the hour it chose
(`window_opens_utc_hour`). They depend on the scenario only, so every replication of every
strategy shares one cached calendar.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from dataclasses import dataclass

import numpy as np

from sim.orbits import site_of, target_of
from sim.orbits.geometry import NodeChoice, days_since_j2000, in_plane_days
from sim.scenario.schema import Scenario
from sim.scenario.sources.orbit import Orbit

#: Steps at which the beta angle is checked across a planned stay, days.
BETA_STEP_DAYS = 0.25


@dataclass(frozen=True)
class LaunchCalendar:
    """Usable launch opportunities, as sorted model days."""

    days: np.ndarray

    def next_at_or_after(self, day: float) -> float:
        """The first opportunity at or after `day`; infinity when none is left."""
        index = int(np.searchsorted(self.days, day, side="left"))
        return float(self.days[index]) if index < self.days.size else math.inf


def calendar_for(scenario: Scenario, orbit: Orbit) -> LaunchCalendar:
    """The launch calendar of `orbit` over the scenario's horizon."""
    if orbit.mission == "free_flyer":
        return _daily(scenario.simulation.horizon_days, orbit.window_opens_utc_hour)
    planned_stay = orbit.transit_days.mean + orbit.mission_days.mean
    return _calendar(
        orbit.launch_site,
        orbit.target,
        orbit.launch_node,
        start=scenario.production.start_date,
        horizon_days=scenario.simulation.horizon_days,
        cutout_deg=orbit.beta_cutout_deg,
        stay_days=planned_stay,
    )


@functools.lru_cache(maxsize=16)
def _calendar(
    site_text: str,
    target_text: str,
    node: NodeChoice,
    *,
    start: dt.date,
    horizon_days: float,
    cutout_deg: float | None,
    stay_days: float,
) -> LaunchCalendar:
    site, plane = site_of(site_text), target_of(target_text).plane
    origin = days_since_j2000(start)
    instants, _ = in_plane_days(
        plane, site.lat_deg, site.lon_deg, origin, origin + horizon_days, node=node
    )
    if cutout_deg is not None:
        steps = np.arange(0.0, stay_days + BETA_STEP_DAYS, BETA_STEP_DAYS)
        worst = np.abs(plane.beta_deg(instants[:, None] + steps[None, :])).max(axis=1)
        instants = instants[worst <= cutout_deg]
    days = instants - origin
    days.flags.writeable = False
    return LaunchCalendar(days)


@functools.lru_cache(maxsize=16)
def _daily(horizon_days: float, hour_utc: float) -> LaunchCalendar:
    """One opportunity a day at `hour_utc`, from the production's first day to the horizon."""
    days = np.arange(0.0, math.floor(horizon_days) + 1.0) + hour_utc / 24.0
    days.flags.writeable = False
    return LaunchCalendar(days)
