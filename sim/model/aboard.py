"""Filming aboard, day by day: hours, sickness, cameras, light, and the minutes each day yields.

For each day of the stay (the docking day first, the undocking day last):

- **hours**: the drawn filming hours, times the docking/undocking day fractions, zero on days
  off, times the productivity left by space sickness (each sick flyer loses their share of the
  work by their drawn severity), and less the time cameras are down (failures at the cameras'
  MTBF per filming hour; a spare costs the swap time, with none left the set works on fewer
  cameras);
- **raw footage** = hours x rolling fraction, until the raw ceiling if there is one (storage,
  and on film the stock carried). On film each magazine of L raw hours also costs the reload
  time T of filming hours, so a filming hour rolls r / (1 + r T / L) hours (a fluid view of
  "L / r hours of takes, then T to reload");
- **screen minutes** = raw x 60 / shooting ratio, spread over the planned scene kinds in
  proportion to the plan. Kinds that show the sunlit Earth (`SUNLIT_KINDS`) get only the
  orbital-day part of their share: the eclipse fraction at that day's beta angle (Sumanth 2019)
  is dark. Those night minutes are "light-limited"; the crew spends that time on interior
  scenes when the plan has any.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np

from sim.core.rng import Stream
from sim.model.context import Replication
from sim.model.timeline import OrbitDay
from sim.orbits import eclipse_fraction, target_of
from sim.orbits.geometry import days_since_j2000
from sim.scenario.quantities import SUNLIT_KINDS, SceneKind
from sim.scenario.sources.orbit import Orbit


@dataclass(frozen=True)
class Aboard:
    """What a stay gave, as one column per quantity and a row per day aboard."""

    first_date: dt.date
    docked: float
    hours: np.ndarray
    sick_flyers: np.ndarray
    camera_failures: np.ndarray
    beta_deg: np.ndarray
    night: np.ndarray
    dark: np.ndarray
    minutes: dict[SceneKind, np.ndarray]
    raw: np.ndarray

    @property
    def hours_filmed(self) -> float:
        """Filming hours over the stay."""
        return _added(self.hours)

    @property
    def raw_hours(self) -> float:
        """Raw footage shot over the stay, in hours."""
        return _added(self.raw)

    @property
    def light_limited_minutes(self) -> float:
        """Sunlit-kind minutes night took away over the stay."""
        return _added(self.dark)

    def minutes_shot(self) -> dict[SceneKind, float]:
        """Screen minutes shot over the stay, per planned kind."""
        return {kind: _added(values) for kind, values in self.minutes.items()}

    def days(self) -> list[OrbitDay]:
        """The rows of a trace, one per day aboard."""
        minutes = {kind: values.tolist() for kind, values in self.minutes.items()}
        return [
            OrbitDay(
                day=d + 1,
                date=self.first_date + dt.timedelta(days=math.floor(self.docked + d)),
                hours_filmed=hours,
                sick_flyers=sick,
                camera_failures=failures,
                beta_deg=beta,
                night_fraction=night,
                light_limited_minutes=dark,
                minutes={kind: values[d] for kind, values in minutes.items()},
            )
            for d, (hours, sick, failures, beta, night, dark) in enumerate(
                zip(
                    self.hours.tolist(),
                    self.sick_flyers.tolist(),
                    self.camera_failures.tolist(),
                    self.beta_deg.tolist(),
                    self.night.tolist(),
                    self.dark.tolist(),
                    strict=True,
                )
            )
        ]


def _added(column: np.ndarray) -> float:
    """A column's total, added day after day as the trace's rows add up."""
    return float(sum(column.tolist()))


def film_aboard(
    rep: Replication, orbit: Orbit, plan: dict[SceneKind, float], docked: float, stay: float
) -> Aboard:
    """The days of a stay of `stay` days docked at model day `docked`, each with its yield.

    Streams: ``orbit_shooting`` (rolling fraction, shooting ratio, then the filming hours of
    each day), ``orbit_sickness`` (flyer after flyer: whether sick, for how long, how
    severely), ``orbit_equipment`` (camera MTBF, swap time, then the failures),
    ``orbit_medium`` (on film, the time to reload a magazine: a stream of its own, so that a
    film and a digital variant of a scenario share every other draw). Draws whose number
    follows the stay or the crew come after those of a fixed number, so that strategies with
    different stays or crews share the rolling fraction, the ratio and the first flyers'
    sickness (common random numbers). Writes nothing else.
    """
    days = max(1, math.ceil(stay - 1e-9))
    index = np.arange(days)
    rolling = rep.draw(Stream.orbit_shooting, orbit.rolling_fraction)
    ratio = rep.draw(Stream.orbit_shooting, orbit.shooting_ratio)
    hours = rep.draw(Stream.orbit_shooting, orbit.filming_hours_per_day, days)
    reload = 0.0
    if orbit.magazine_minutes is not None and orbit.reload_hours is not None:
        reload = rep.draw(Stream.orbit_medium, orbit.reload_hours)

    factor = np.clip(stay - index, 0.0, 1.0)
    factor[0] *= orbit.arrival_day_fraction
    factor[-1] *= orbit.departure_day_fraction
    if orbit.days_off_per_week:
        factor[index % 7 >= 7 - orbit.days_off_per_week] = 0.0

    sick_per_day, loss_share = _sickness(rep, orbit, days)
    hours = hours * factor * (1.0 - loss_share)
    hours, failures = _camera_time(rep, orbit, hours)
    raw = rolled(hours, rolling, orbit.magazine_minutes, reload, orbit.raw_ceiling_hours)
    total = raw * 60.0 / ratio

    start = rep.scenario.production.start_date
    plane = target_of(orbit.target).plane
    middays = days_since_j2000(start) + docked + index + 0.5
    beta = plane.beta_deg(middays)
    night = np.asarray(eclipse_fraction(beta, plane.altitude_km))
    minutes, dark = _by_kind(total, night, plan)
    return Aboard(
        first_date=start,
        docked=docked,
        hours=hours,
        sick_flyers=sick_per_day,
        camera_failures=failures,
        beta_deg=beta,
        night=night,
        dark=dark,
        minutes=minutes,
        raw=raw,
    )


def rolled(
    hours: np.ndarray,
    rolling: float,
    magazine_minutes: float | None,
    reload_hours: float,
    ceiling_hours: float | None,
) -> np.ndarray:
    """Raw hours shot per day from the filming hours of each day.

    A filming hour rolls `rolling` hours; with magazines of `magazine_minutes`, each load also
    takes `reload_hours` of filming time, so an hour rolls r / (1 + r T / L). Raw footage
    stops at `ceiling_hours` (storage, the stock carried), the days in order.
    """
    rate = rolling
    if magazine_minutes is not None and reload_hours > 0 and rolling > 0:
        rate = rolling / (1.0 + rolling * reload_hours * 60.0 / magazine_minutes)
    raw = hours * rate
    if ceiling_hours is not None:
        before = np.concatenate(([0.0], np.cumsum(raw)[:-1]))
        raw = np.minimum(raw, np.clip(ceiling_hours - before, 0.0, None))
    return raw


def _sickness(rep: Replication, orbit: Orbit, days: int) -> tuple[np.ndarray, np.ndarray]:
    """Sick flyers per day, and the share of the crew's work lost to sickness per day.

    Each flyer's draws (sick or not, days, severity) follow the previous flyer's, so a crew of
    n + 1 shares the first n flyers' sickness with a crew of n.
    """
    flyers = rep.flyers
    stream = rep.streams[Stream.orbit_sickness]
    sick = np.zeros(flyers, dtype=bool)
    duration = np.zeros(flyers)
    severity = np.zeros(flyers)
    for flyer in range(flyers):
        sick[flyer] = stream.random() < orbit.sickness_probability
        days_ill = rep.draw(Stream.orbit_sickness, orbit.sickness_days)
        severity[flyer] = rep.draw(Stream.orbit_sickness, orbit.sick_yield_loss)
        duration[flyer] = days_ill if sick[flyer] else 0.0
    rep.drivers.orbit_sick_flyers = float(np.count_nonzero(sick))
    ill = np.clip(duration[None, :] - np.arange(days)[:, None], 0.0, 1.0)  # day x flyer
    lost = (ill * severity[None, :]).sum(axis=1) / max(flyers, 1)
    return (ill > 0).sum(axis=1), lost


def _camera_time(
    rep: Replication, orbit: Orbit, hours: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Filming hours left per day once cameras fail, and the failures per day.

    Failures come at rate working / MTBF per filming hour (memoryless, so each day redraws the
    time to the next). A failure with a spare left costs the swap time; without one the set
    works on one camera fewer, and its hours count by the share of cameras still working.
    """
    stream = rep.streams[Stream.orbit_equipment]
    mtbf = rep.draw(Stream.orbit_equipment, orbit.camera_mtbf_hours)
    swap = rep.draw(Stream.orbit_equipment, orbit.camera_swap_hours)
    in_use, spares, working = orbit.cameras_in_use, orbit.spare_cameras, orbit.cameras_in_use
    filmed = [0.0] * len(hours)
    failures = [0] * len(hours)
    for day, available in enumerate(hours.tolist()):
        left = available
        while left > 0 and working > 0:
            until = stream.exponential(mtbf / working)
            if until >= left:
                filmed[day] += left * working / in_use
                break
            filmed[day] += until * working / in_use
            left -= until
            failures[day] += 1
            if spares > 0:
                spares -= 1
                left -= min(swap, left)
            else:
                working -= 1
    rep.drivers.orbit_camera_failures = float(sum(failures))
    return np.array(filmed), np.array(failures)


def _by_kind(
    total: np.ndarray, night: np.ndarray, plan: dict[SceneKind, float]
) -> tuple[dict[SceneKind, np.ndarray], np.ndarray]:
    """Per kind and day, the minutes shot; and per day the sunlit-kind minutes lost to night."""
    planned = sum(plan.values())
    if planned <= 0:
        return {kind: np.zeros_like(total) for kind in plan}, np.zeros_like(total)
    share = {kind: minutes / planned for kind, minutes in plan.items()}
    sunlit = sum(s for kind, s in share.items() if kind in SUNLIT_KINDS)
    interior = 1.0 - sunlit
    dark = total * sunlit * night
    minutes: dict[SceneKind, np.ndarray] = {}
    for kind, s in share.items():
        if kind in SUNLIT_KINDS:
            minutes[kind] = total * s * (1.0 - night)
        else:
            minutes[kind] = total * s + (dark * s / interior if interior > 0 else 0.0)
    return minutes, dark
