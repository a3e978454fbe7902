"""VFX: shots made from screen minutes, worked by a vendor team first come, first served.

A batch of shots is released when its plates exist: full-CG shots once pre-production (previs)
is done, clean-up and composite shots when a source's footage is in hand (orbital footage after
landing), shortfall shots when a source ends short. Each shot's effort is review iterations x
artist-days per iteration; one artist works a shot at a time.

`VendorTeam` is a multi-server FIFO queue solved as a list schedule: a heap of the times at
which each artist is next free. Releasing a batch places each shot on the artist free first,
in release order, which gives exactly the finish times of a SimPy `Resource` with one process
per shot, without the ~6 events a shot that would cost.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Generator

import numpy as np
import simpy

from sim.model.context import Replication
from sim.scenario.quantities import ShotClass
from sim.scenario.sources import Cgi


class VendorTeam:
    """`artists` identical artists, each free from `available_day` on, taking shots FIFO."""

    def __init__(self, artists: int, available_day: float) -> None:
        if artists < 1:
            raise ValueError("a vendor team needs at least one artist")
        self.artists = artists
        self._free_at = [available_day] * artists
        self.busy_artist_days = 0.0

    def schedule(self, release_day: float, efforts: np.ndarray) -> np.ndarray:
        """Place shots released on `release_day`, in order; return each shot's finish day."""
        free_at = self._free_at
        replace = heapq.heapreplace
        finish: list[float] = []
        keep = finish.append
        for effort in np.asarray(efforts, dtype=float).tolist():
            earliest = free_at[0]
            done = (earliest if earliest > release_day else release_day) + effort
            replace(free_at, done)
            keep(done)
        self.busy_artist_days += float(np.sum(efforts))
        return np.asarray(finish)

    def hold(self, until_day: float) -> None:
        """Make the team unavailable until `until_day` (a risk event on the vendor)."""
        self._free_at = [max(free, until_day) for free in self._free_at]
        heapq.heapify(self._free_at)

    @property
    def all_free_day(self) -> float:
        """Day on which every artist has finished all shots placed so far."""
        return max(self._free_at)


def make_shots(
    rep: Replication,
    team: VendorTeam,
    *,
    cgi: Cgi,
    origin: str,
    shot_class: ShotClass,
    minutes: float,
    rate_usd: float,
) -> Generator[simpy.Event, object, float]:
    """Process: one batch of shots for `minutes` of screen time; returns the day it is done.

    Streams: ``vfx_<origin>`` (shot length, then per shot artist-days per iteration and
    iterations), so a source's shots draw the same numbers whatever else is in the queue.
    Ledger: ``vfx`` (artist-days x day rate) at release. Timeline: span ``<origin> shots``.
    Handles no interrupts.
    """
    env = rep.env
    stream = f"vfx_{origin}"
    work = getattr(cgi.classes, shot_class)
    shot_seconds = rep.draw(stream, cgi.shot_seconds)
    shots = max(1, math.ceil(minutes * 60.0 / shot_seconds - 1e-9))
    per_iteration = rep.draw(stream, work.artist_days_per_iteration, shots)
    iterations = np.maximum(1.0, np.rint(rep.draw(stream, work.iterations, shots)))
    efforts = per_iteration * iterations
    released = env.now
    done = float(team.schedule(released, efforts).max())
    previous = rep.drivers["vfx_done_day"]
    rep.drivers["vfx_done_day"] = done if math.isnan(previous) else max(previous, done)
    rep.ledger.charge(
        released, "vfx", f"{origin} {shot_class} shots", float(efforts.sum()) * rate_usd
    )
    rep.count("vfx_shots", shots)
    rep.count("vfx_artist_days", float(efforts.sum()))
    yield env.timeout(done - released)
    rep.timeline.span("vfx", f"{origin} shots", released, done)
    return done
