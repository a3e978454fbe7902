"""VFX: screen minutes made into shots, worked by vendor teams first come, first served.

A batch of shots is released when its plates exist: full-CG shots once pre-production (previs)
is done, clean-up and composite shots when a source's footage is in hand (orbital footage after
landing), shortfall shots when a source ends short. The batch's screen seconds are cut into
shots of the class's drawn lengths; a shot's effort is its seconds x the class's artist-days
per second, so the work grows with the screen time, not with the number of cuts. A shot longer
than the vendor's `section_seconds` is worked in sections, each by its own crew; a crew of k
artists takes effort / k working days on a section.

Artists work `days_per_week` days a week, less their holidays: the team's working days come at
`Cgi.working_fraction` of the calendar's, a rate (VFX work runs for months; which weekday a shot
ends on is below the model's resolution), so k artists finish e artist-days in e / (k f)
calendar days.

`VendorTeam` is a multi-server FIFO queue solved as a list schedule: a heap of the days on which
each crew is next free. Each shot, in release order, takes the k artists free first and starts
when the last of them is; with one artist a shot that gives exactly the finish times of a SimPy
`Resource` with one process per shot, without the ~6 events a shot that would cost. A release
needs only its last finish day: `place` gives that, `schedule` every shot's.

`Vendors` holds the lead vendor, which takes every class, and any others, each taking the
classes the scenario gives it at its own day rate. A shot goes to whichever vendor taking its
class can start it first (the lead on a tie): one FIFO queue served by several teams.
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections.abc import Sequence

import numpy as np

from sim.core.rng import Stream, Streams
from sim.model.context import Replication
from sim.model.exchange import converted
from sim.model.sampling import sample
from sim.scenario.quantities import SHOT_CLASSES, ShotClass
from sim.scenario.sources.cgi import Cgi, ShotClassWork

#: Shots drawn at a time. Shot i's length and effort sit at the same places of its stream
#: whatever the batch's minutes, so strategies releasing different minutes of one origin
#: share their first shots' numbers (the draws per shot never depend on anything else).
CHUNK = 128


class VendorTeam:
    """`artists` identical artists, each free from `available_day` on, taking shots FIFO.

    Efforts are in artist working days; the artists work `working_fraction` of calendar days
    (1: every day), so every day the team reports is a calendar day. A batch whose shots need
    crews of k artists sees the team as its ⌊artists/k⌋ crews: the artists in order of the day
    they are free, k at a time, each crew ready when its last artist is (the rest wait).

    The team is kept as it last worked: crews of `_crew` artists, each free on its day in
    `_days` (a heap when `_heap`), and the artists left over, free on theirs in `_spare`. A
    batch in crews of the same size takes the crews as they are (the artists of a crew are free
    together, so the team in order, k at a time, gives the same crews again); another size
    regroups the artists. An artist free by the release is idle then, whatever the day.
    """

    def __init__(self, artists: int, available_day: float, working_fraction: float = 1.0) -> None:
        if artists < 1:
            raise ValueError("a vendor team needs at least one artist")
        if not 0 < working_fraction <= 1:
            raise ValueError("a team works a fraction of calendar days in (0, 1]")
        self.artists = artists
        self.working_fraction = working_fraction
        self.busy_artist_days = 0.0
        self._crew = 1
        self._days = [available_day] * artists
        self._spare: list[float] = []
        self._heap = True
        #: The day the last artist is free: after it the whole team is idle.
        self._latest = available_day

    @property
    def free_days(self) -> list[float]:
        """The day each artist is next free, in no particular order."""
        return self._days * self._crew + self._spare

    def crew_of(self, crew: int) -> int:
        """The crew a shot gets here: as asked, or the whole team if it is smaller."""
        return crew if crew < self.artists else self.artists

    def schedule(
        self, release_day: float, efforts: Sequence[float] | np.ndarray, crew: int = 1
    ) -> list[float]:
        """Place shots released on `release_day`, in order; return each shot's finish day.

        Each shot takes a crew of `crew` artists (the whole team if it is smaller).
        """
        finish: list[float] = []
        self.place(release_day, efforts, crew, finish)
        return finish

    def place(
        self,
        release_day: float,
        efforts: Sequence[float] | np.ndarray,
        crew: int = 1,
        finish: list[float] | None = None,
    ) -> float:
        """Place shots as `schedule` does; return the day the last is done (NaN if none).

        `finish`, when given, gets each shot's finish day appended, in order.
        """
        if not isinstance(efforts, np.ndarray):
            efforts = np.asarray(efforts, dtype=float)
        if not len(efforts):
            return math.nan
        crew = self.crew_of(crew)
        scale = 1.0 / (crew * self.working_fraction)
        work = efforts * scale if scale != 1.0 else efforts
        self.busy_artist_days += float(np.add.reduce(efforts))
        idle, busy, spare = self._crews(release_day, crew)
        # The crews idle at the release start the first shots then (no one is free sooner);
        # the rest queue for the crew free first.
        if len(work) <= idle:
            days = (release_day + work).tolist()
            free = busy + days
            free += [release_day] * (idle - len(days))
            self._heap = False
        else:
            if idle:
                days = (release_day + work[:idle]).tolist()
                free = days + busy
                heapq.heapify(free)
            else:
                days, free = [], busy
            replace = heapq.heapreplace
            # heapreplace returns the day the crew taking the shot was free: its start
            # (and the start plus the days, its finish day, is what went back on the heap)
            days += [replace(free, free[0] + day) + day for day in work[idle:].tolist()]
            self._heap = True
        self._crew, self._days, self._spare = crew, free, spare
        done = max(days)
        self._latest = max(self._latest, done)
        if finish is not None:
            finish += days
        return done

    def _crews(self, release_day: float, crew: int) -> tuple[int, list[float], list[float]]:
        """The team in crews of `crew` at a release: how many are idle, the others' days, spare.

        The busy crews' days come as a heap (in order, or the team's own heap); the spare
        artists are those left over, who sit the batch out.
        """
        if self._latest <= release_day:  # all idle: the artists' days do not matter
            idle = self.artists // crew
            spare = self._spare if crew == self._crew else [release_day] * (self.artists % crew)
            return idle, [], spare
        if crew == self._crew and not self._spare:  # the crews as they are
            if self._heap and self._days[0] > release_day:
                return 0, self._days, []
            busy = sorted(self._days)
            idle = bisect.bisect_right(busy, release_day)
            del busy[:idle]
            return idle, busy, []
        ordered = self._ordered()
        crews = ordered if crew == 1 else ordered[crew - 1 :: crew]
        idle = bisect.bisect_right(crews, release_day)
        return idle, crews[idle:], ordered[len(crews) * crew :]

    def _ordered(self) -> list[float]:
        """The day each artist is next free, in order (a crew's artists side by side)."""
        size = self._crew
        if size == 1 or self._spare:
            return sorted(self.free_days)
        crews = sorted(self._days)
        ordered = crews * size
        for artist in range(size):
            ordered[artist::size] = crews
        return ordered

    def form_crews(self, release_day: float, crew: int) -> list[float]:
        """The team as crews of `crew` for a batch: the day each is ready, in order.

        The artists go k at a time in the order they are free; a crew is ready when its last
        artist is, and not before the release. Artists left over (fewer than k) sit out the
        batch. `disband` gives the crews' days back to their artists.
        """
        ordered = self._ordered()
        crews = [day if day > release_day else release_day for day in ordered[crew - 1 :: crew]]
        self._crew, self._days, self._heap = crew, crews, True
        self._spare = ordered[len(crews) * crew :]
        self._latest = max(self._latest, crews[-1])
        return crews

    def disband(self, crews: list[float], crew: int) -> None:
        """Each crew's artists free on the crew's day, the left-over artists as they were."""
        self._crew, self._days, self._heap = crew, crews, False
        self._latest = max(self._latest, max(crews, default=self._latest))

    def hold(self, until_day: float) -> None:
        """Make the team unavailable until `until_day` (a risk event on the vendor)."""
        # a rise to at least `until_day` keeps the days' order: a heap stays a heap
        self._days = [day if day > until_day else until_day for day in self._days]
        self._spare = [day if day > until_day else until_day for day in self._spare]
        self._latest = max(self._latest, until_day)


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
        fraction = cgi.working_fraction
        self.teams = [VendorTeam(cgi.artists, available_day, fraction)]
        self.classes: list[tuple[ShotClass, ...]] = [SHOT_CLASSES]
        for vendor in cgi.other_vendors.values():
            self.teams.append(VendorTeam(vendor.artists, available_day, fraction))
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
        self,
        release_day: float,
        efforts: Sequence[float] | np.ndarray,
        shot_class: ShotClass,
        crew: int = 1,
    ) -> tuple[list[float], float]:
        """Place shots released on `release_day`; return each one's finish day and their cost.

        With several vendors taking the class, their crews form one queue: each shot goes to
        the crew ready first (the lead's on a tie), at its own vendor's crew size and rate.
        """
        finish: list[float] = []
        _, cost = self.place(release_day, efforts, shot_class, crew, finish)
        return finish, cost

    def place(
        self,
        release_day: float,
        efforts: Sequence[float] | np.ndarray,
        shot_class: ShotClass,
        crew: int = 1,
        finish: list[float] | None = None,
    ) -> tuple[float, float]:
        """Place shots as `schedule` does; return the day the last is done and their cost.

        `finish`, when given, gets each shot's finish day appended in order.
        """
        able = self._able[shot_class]
        if len(able) == 1:
            team, rate = self.teams[able[0]], self.rates_usd[able[0]]
            busy = team.busy_artist_days
            done = team.place(release_day, efforts, crew, finish)
            return done, (team.busy_artist_days - busy) * rate
        sizes = {i: self.teams[i].crew_of(crew) for i in able}
        queue = [(day, i) for i in able for day in self.teams[i].form_crews(release_day, sizes[i])]
        heapq.heapify(queue)
        scales = {i: 1.0 / (sizes[i] * self.teams[i].working_fraction) for i in able}
        ends = []
        cost = 0.0
        for effort in np.asarray(efforts, dtype=float).tolist():
            ready, chosen = queue[0]
            end = ready + effort * scales[chosen]
            heapq.heapreplace(queue, (end, chosen))
            ends.append(end)
            cost += effort * self.rates_usd[chosen]
            self.teams[chosen].busy_artist_days += effort
        for i in able:
            self.teams[i].disband([day for day, j in queue if j == i], sizes[i])
        if finish is not None:
            finish += ends
        return (max(ends) if ends else math.nan), cost


def draw_shots(
    rep: Replication, stream: Stream, work: ShotClassWork, seconds: float
) -> tuple[np.ndarray, np.ndarray]:
    """Cut `seconds` of screen time into shots; return their lengths and efforts (artist-days).

    Lengths are drawn until they cover the seconds, the last shot cut to what is left; each
    shot's effort is its length x its drawn artist-days per second. Draws come `CHUNK` shots
    at a time, lengths then rates, so a shot's numbers depend only on its place in the batch.
    """
    rng = rep.streams[stream]  # seconds and artist-days: no currency to convert
    lengths = sample(work.shot_seconds, rng, CHUNK)
    rates = sample(work.artist_days_per_second, rng, CHUNK)
    covered = float(np.add.reduce(lengths))
    if covered < seconds:
        chunks, chunk_rates = [lengths], [rates]
        while covered < seconds:
            chunks.append(sample(work.shot_seconds, rng, CHUNK))
            chunk_rates.append(sample(work.artist_days_per_second, rng, CHUNK))
            covered += float(np.add.reduce(chunks[-1]))
        lengths, rates = np.concatenate(chunks), np.concatenate(chunk_rates)
    cumulative = lengths.cumsum()
    shots = int(cumulative.searchsorted(seconds - 1e-9)) + 1
    cut = lengths[:shots].copy()
    cut[-1] = seconds - (float(cumulative[shots - 2]) if shots > 1 else 0.0)
    return cut, cut * rates[:shots]


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
    Streams: `stream`, the origin's own (`draw_shots`: lengths and artist-days per second,
    `CHUNK` shots at a time), so a source's shots draw the same numbers whatever else is in the
    queue and however many minutes another strategy gives it.
    Ledger: ``vfx`` (artist-days x the day rate of the vendor each shot went to) at release.
    Timeline: span ``<origin> shots``.
    """
    work = cgi.work(shot_class)
    lengths, efforts = draw_shots(rep, stream, work, minutes * 60.0)
    tasks = efforts
    if lengths.max() > cgi.section_seconds * (1 + 1e-9):  # long takes: a task per section
        pieces = lengths / cgi.section_seconds
        pieces -= 1e-9
        sections = np.ceil(pieces, out=pieces).astype(np.int64)
        tasks = (efforts / sections).repeat(sections)
    released = rep.env.now
    done, cost = vendors.place(released, tasks, shot_class, work.crew)
    previous = vendors.done_day
    vendors.done_day = done if math.isnan(previous) else max(previous, done)
    rep.ledger.charge(released, "vfx", f"{origin} {shot_class} shots", cost)
    rep.drivers.vfx_shots += len(lengths)
    rep.drivers.vfx_artist_days += float(np.add.reduce(efforts))
    rep.timeline.span("vfx", f"{origin} shots", released, done)
    return done
