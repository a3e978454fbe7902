"""VFX: shots made from screen minutes, worked by a vendor team first come, first served.

A batch of shots is released when its plates exist: full-CG shots once pre-production (previs)
is done, clean-up and composite shots when a source's footage is in hand (orbital footage after
landing), shortfall shots when a source ends short. Each shot's effort is review iterations x
artist-days per iteration; one artist works a shot at a time.

`VendorTeam` is a multi-server FIFO queue solved as a list schedule: a heap of the times at
which each artist is next free. Releasing a batch places each shot on the artist free first,
in release order, which gives exactly the finish times of a SimPy `Resource` with one process
per shot, without the ~6 events a shot that would cost.

`Vendors` holds the lead vendor, which takes every class, and any others, each taking the
classes the scenario gives it at its own day rate. A shot goes to whichever vendor taking its
class has an artist free first (the lead on a tie): one FIFO queue served by several teams.
"""

from __future__ import annotations

import heapq
import math

import numpy as np

from sim.core.rng import Stream, Streams
from sim.model.context import Replication
from sim.model.exchange import converted
from sim.model.sampling import sample
from sim.scenario.quantities import SHOT_CLASSES, ShotClass
from sim.scenario.sources.cgi import Cgi


class VendorTeam:
    """`artists` identical artists, each free from `available_day` on, taking shots FIFO."""

    def __init__(self, artists: int, available_day: float) -> None:
        if artists < 1:
            raise ValueError("a vendor team needs at least one artist")
        self.artists = artists
        self._free_at = [available_day] * artists
        self.busy_artist_days = 0.0

    def schedule(self, release_day: float, efforts: list[float]) -> list[float]:
        """Place shots released on `release_day`, in order; return each shot's finish day."""
        free_at = self._free_at
        work = efforts
        finish: list[float] = []
        if free_at[0] <= release_day:
            # The artists idle at the release take the first shots, all starting then (no one
            # is free sooner); the rest of the team stays as it was.
            busy = [day for day in free_at if day > release_day]
            taken = min(len(free_at) - len(busy), len(work))
            finish = [release_day + effort for effort in work[:taken]]
            free_at[:] = busy + finish
            free_at += [release_day] * (self.artists - len(free_at))
            heapq.heapify(free_at)
            work = work[taken:]
        replace = heapq.heapreplace
        # heapreplace returns the day the artist taking the shot was free: its start
        # (and the start plus the effort, its finish day, is what went back on the heap)
        finish += [replace(free_at, free_at[0] + effort) + effort for effort in work]
        self.busy_artist_days += sum(efforts)
        return finish

    def place(self, release_day: float, effort: float) -> float:
        """Place one shot released on `release_day`; return its finish day."""
        earliest = self._free_at[0]
        done = (earliest if earliest > release_day else release_day) + effort
        heapq.heapreplace(self._free_at, done)
        self.busy_artist_days += effort
        return done

    def hold(self, until_day: float) -> None:
        """Make the team unavailable until `until_day` (a risk event on the vendor)."""
        self._free_at = [max(free, until_day) for free in self._free_at]
        heapq.heapify(self._free_at)

    @property
    def next_free_day(self) -> float:
        """Day on which the first artist is free for a new shot."""
        return self._free_at[0]


def day_rates(cgi: Cgi, streams: Streams, exchange: dict[str, float] | None = None) -> list[float]:
    """The vendors' artist-day rates, drawn on ``vfx_rates``: the lead's, then the others'.

    A rate stated in another currency is converted at `exchange` (`sim.model.exchange`).
    """
    rates = [cgi.artist_day_usd, *(v.artist_day_usd for v in cgi.other_vendors.values())]
    exchange = exchange or {}
    return [converted(rate, sample(rate, streams[Stream.vfx_rates]), exchange) for rate in rates]


class Vendors:
    """The lead vendor and the others, each a team with its day rate and the classes it takes."""

    def __init__(self, cgi: Cgi, available_day: float, rates_usd: list[float]) -> None:
        self.teams = [VendorTeam(cgi.artists, available_day)]
        self.classes: list[tuple[ShotClass, ...]] = [SHOT_CLASSES]
        for vendor in cgi.other_vendors.values():
            self.teams.append(VendorTeam(vendor.artists, available_day))
            self.classes.append(tuple(vendor.classes))
        self.rates_usd = rates_usd
        #: The day the last shot released so far is done (NaN before the first release).
        self.done_day = math.nan
        self._able = {
            shot_class: [i for i, classes in enumerate(self.classes) if shot_class in classes]
            for shot_class in SHOT_CLASSES
        }

    @property
    def lead(self) -> VendorTeam:
        """The lead vendor, which takes every class."""
        return self.teams[0]

    def schedule(
        self, release_day: float, efforts: list[float], shot_class: ShotClass
    ) -> tuple[list[float], float]:
        """Place shots released on `release_day`; return each one's finish day and their cost."""
        able = self._able[shot_class]
        if len(able) == 1:
            team, rate = self.teams[able[0]], self.rates_usd[able[0]]
            return team.schedule(release_day, efforts), sum(efforts) * rate
        finish = []
        cost = 0.0
        for effort in efforts:
            chosen = min(able, key=lambda i: max(self.teams[i].next_free_day, release_day))
            finish.append(self.teams[chosen].place(release_day, effort))
            cost += effort * self.rates_usd[chosen]
        return finish, cost


def release_shots(
    rep: Replication,
    vendors: Vendors,
    *,
    cgi: Cgi,
    origin: str,
    stream: Stream,
    shot_class: ShotClass,
    minutes: float,
) -> float:
    """Release one batch of shots for `minutes` of screen time now; return the day it is done.

    No event: the list schedule knows every shot's finish day at release, and what waits for
    VFX (picture lock) reads the last finish so far from `Vendors.done_day`.
    Streams: `stream`, the origin's own (shot length, then per shot artist-days per iteration
    and iterations), so a source's shots draw the same numbers whatever else is in the queue.
    Ledger: ``vfx`` (artist-days x the day rate of the vendor each shot went to) at release.
    Timeline: span ``<origin> shots``.
    """
    work = getattr(cgi.classes, shot_class)
    shot_seconds = rep.draw(stream, cgi.shot_seconds)
    shots = max(1, math.ceil(minutes * 60.0 / shot_seconds - 1e-9))
    per_iteration = rep.draw(stream, work.artist_days_per_iteration, shots)
    iterations = np.maximum(1.0, np.rint(rep.draw(stream, work.iterations, shots)))
    efforts = (per_iteration * iterations).tolist()
    released = rep.env.now
    finish, cost = vendors.schedule(released, efforts, shot_class)
    done = max(finish)
    previous = vendors.done_day
    vendors.done_day = done if math.isnan(previous) else max(previous, done)
    rep.ledger.charge(released, "vfx", f"{origin} {shot_class} shots", cost)
    rep.drivers.vfx_shots += shots
    rep.drivers.vfx_artist_days += sum(efforts)
    rep.timeline.span("vfx", f"{origin} shots", released, done)
    return done
