"""The production's structure, from day 0 to delivery, and what it has delivered so far.

Pre-production starts at once; a track that prepares from day 0 (the orbital crew's
training) starts alongside it, and its campaign follows its preparation (a booked launch waits
for the crew, not for the film's pre-production). When pre-production is done, the VFX vendor
opens, the planned full-CG shots are released, and every other source's track starts, in the
registry's order. Each track hands its footage to VFX (clean-up or composite shots) when it
ends, or batch by batch as each is safe (the orbit's flights, at each landing), and its
shortfall to the strategy's policy: full-CG remakes, a shorter cut, or a reshoot, which starts
another source's track for the missing scenes it can film (what it cannot film, or still
misses, goes to the strategy's `reshoot_rest`). Post-production follows the last picture,
reshoots included.

A track a strategy's fallback rule watches runs on a copy of the context holding the rule's
`Watch` (`sim.model.fallback`); when the rule fires, its campaign stops and cancels its
bookings, and the minutes still unfilmed move to the rule's sources: each kind's to the
first that can film it, each running a track of its own from that day (on a stream family of
its own: `fallback_context`), CGI's as full-CG shots; what none can film goes to the
shortfall policy as a track's shortfall does.
"""

from __future__ import annotations

import copy
import math
from collections.abc import Generator
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import simpy

from sim.core.rng import Stream, Streams
from sim.model.context import Replication
from sim.model.fallback import Watch, fallback_track
from sim.model.post import post_produce
from sim.model.risks import strike
from sim.model.timeline import Timeline
from sim.model.tracks import TRACKS
from sim.model.vfx import Vendors, release_shots
from sim.scenario.fallbacks import assign
from sim.scenario.quantities import SceneKind, ShotClass
from sim.scenario.sources import SOURCES, can_deliver

ProcessGenerator = Generator[simpy.Event, Any, Any]


@dataclass
class Book:
    """What the tracks of one replication have delivered so far: the production's state."""

    vendors: Vendors
    obtained: dict[str, dict[SceneKind, float]] = field(default_factory=dict)
    reshot: dict[str, dict[SceneKind, float]] = field(default_factory=dict)
    remade_minutes: float = 0.0
    cut_minutes: float = 0.0
    reshoots: list[simpy.Process] = field(default_factory=list)
    open_tracks: set[str] = field(default_factory=set)
    last_track: str = ""
    vendor_struck: bool = False
    #: The day each source's track (its reshoot's, if later) ended, by source.
    done_days: dict[str, float] = field(default_factory=dict)
    delivery_day: float = math.inf
    #: What the fallback rules' sources delivered of the minutes moved to them, by source
    #: (CGI's: every minute moved to it, made as full-CG shots).
    fallback: dict[str, dict[SceneKind, float]] = field(default_factory=dict)
    #: By watched source: the day its rule fired, and the minutes it moved.
    fallback_days: dict[str, float] = field(default_factory=dict)
    moved_minutes: dict[str, float] = field(default_factory=dict)
    #: The day pre-production ends: no campaign a rule moves minutes to starts before it.
    preproduction_day: float = 0.0


def produce(rep: Replication, book: Book, preproduction_days: float) -> ProcessGenerator:
    """Process: the whole production; sets `book.delivery_day` when the film is delivered."""
    env = rep.env
    plan = rep.plan
    preproduction_done = env.timeout(preproduction_days)
    book.preproduction_day = preproduction_days
    planned = [source for source in SOURCES if source in plan]
    tracks = [
        env.process(_track(rep, book, source, plan[source], preproduction_done))
        for source in planned
        if TRACKS[source].prepare is not None
    ]
    yield preproduction_done
    rep.timeline.span("production", "pre-production", 0.0, env.now)
    for source in planned:
        if TRACKS[source].campaign is None:  # CGI: its minutes are full-CG shots
            _release(rep, book, source, "full_cg", sum(plan[source].values()))
    for source in planned:
        track = TRACKS[source]
        if track.campaign is not None and track.prepare is None:
            tracks.append(env.process(_track(rep, book, source, plan[source])))
    yield env.all_of(tracks)
    yield env.all_of(book.reshoots)  # every reshoot started before its track ended
    rep.drivers.picture_done_day = env.now
    rep.timeline.mark(env.now, "last picture")
    book.delivery_day = yield from post_produce(rep, rep.scenario.post, book.vendors.done_day)


def _track(
    rep: Replication,
    book: Book,
    source: str,
    planned: dict[SceneKind, float],
    preproduction_done: simpy.Event | None = None,
    *,
    reshoot: bool = False,
    fallback: bool = False,
) -> ProcessGenerator:
    """Run one source's track, then hand its footage to VFX and its shortfall to the policy.

    The track prepares first if its source does (with `preproduction_done`); then the risk
    events hitting it strike: a cancellation ends it with nothing filmed, at the cost of what
    its bookings had made non-refundable (the track's `cancel`), delays push its campaign's
    start. A planned track that a fallback rule watches prepares and runs its campaign on a
    context holding the rule's watch; when it fires, `_fall_back` moves what is unfilmed. A
    cancellation fires the rule at once: the segment will never launch nor be done, so the
    production turns to its fallback when it learns that, not on the rule's day.
    `reshoot` and `fallback`: a track filming another's missed or moved minutes (watched by
    no rule, reshooting nothing).
    """
    label = f"{source} reshoot" if reshoot else fallback_track(source) if fallback else source
    book.open_tracks.add(label)
    track = TRACKS[source]
    parameters: Any = rep.scenario.sources.of(source)
    watch = None
    if not (reshoot or fallback):
        watch = Watch.of(rep.strategy, source, rep.scenario.production.start_date)
    runs = rep if watch is None else _watched(rep, watch)
    if track.prepare is not None and preproduction_done is not None:
        yield from track.prepare(runs, parameters, preproduction_done)
    impact = strike(rep, source)
    obtained: dict[SceneKind, float] = dict.fromkeys(planned, 0.0)
    if impact.cancelled:
        if track.cancel is not None:
            track.cancel(rep, parameters, planned)
        if watch is not None:  # the segment will never fly: its rule need not wait for its day
            now = rep.env.now
            watch.fire(rep.timeline, now, now, cause="segment cancelled")
    elif track.in_batches is not None:
        obtained = yield from track.in_batches(
            runs,
            parameters,
            planned,
            impact.delay_days,
            lambda batch: _hand_to_vfx(rep, book, source, batch),
        )
    elif track.campaign is not None:
        obtained = yield from track.campaign(runs, parameters, planned, impact.delay_days)
    book.open_tracks.discard(label)
    book.last_track = label
    obtained = {kind: min(obtained.get(kind, 0.0), minutes) for kind, minutes in planned.items()}
    kept = book.reshot if reshoot else book.fallback if fallback else book.obtained
    for kind, minutes in obtained.items():
        kept.setdefault(source, {})[kind] = kept.get(source, {}).get(kind, 0.0) + minutes
    rep.timeline.mark(rep.env.now, f"{label} done")
    if track.in_batches is None:
        _hand_to_vfx(rep, book, source, obtained)
    missing = {kind: planned[kind] - obtained[kind] for kind in planned}
    if watch is not None and watch.fired:
        missing = _fall_back(rep, book, source, watch, missing)
    strategy = rep.strategy
    target = strategy.reshoot_on
    again_ok = not (reshoot or fallback)
    if strategy.shortfall == "reshoot" and again_ok and target is not None and target != source:
        again = {k: m for k, m in missing.items() if m > 1e-9 and can_deliver(target, k)}
        if again:
            run = _track(rep, book, target, again, reshoot=True)
            book.reshoots.append(rep.env.process(run))
            missing = {kind: m for kind, m in missing.items() if kind not in again}
    _settle(rep, book, source, sum(missing.values()))
    book.done_days[source] = rep.env.now


def _watched(rep: Replication, watch: Watch) -> Replication:
    """The context a watched track runs on: the replication's own, holding the rule's watch."""
    own = copy.copy(rep)  # shares the clock, streams, books and risks
    own.watch = watch
    return own


def fallback_context(rep: Replication, source: str) -> Replication:
    """The context of a track a fallback rule moved minutes to: its own streams and row.

    Its streams are a family seeded by the master seed, the replication and (``fallback``,
    the source's place in the registry): the same for every strategy whose rule moves minutes
    to `source`, and independent of whatever the planned tracks drew. Its spans go on the
    source's fallback row (`fallback_track`); it shares the clock, books and risks.
    """
    streams = rep.streams
    key = (streams.replication, int(Stream.fallback), SOURCES.index(source))
    words = np.random.SeedSequence(streams.master_seed, spawn_key=key).generate_state(1, np.uint64)
    own = copy.copy(rep)
    own.streams = Streams(int(words[0]) >> 1, streams.replication)
    own.watch = None
    timeline = rep.timeline
    own.timeline = Timeline(
        timeline.recording, timeline.milestones, timeline.spans, {source: fallback_track(source)}
    )
    return own


def _fall_back(
    rep: Replication, book: Book, source: str, watch: Watch, unfilmed: dict[SceneKind, float]
) -> dict[SceneKind, float]:
    """`source`'s rule fired: move the unfilmed minutes; return what no source of it can film.

    Each kind's minutes go to the first of the rule's sources that can film it; each source
    runs a track for them from now (`fallback_context`), which the production waits for as
    it waits for reshoots; CGI's are released now as full-CG shots. A rule that fired during
    pre-production (a segment cancelled while its crew trained) starts them when it ends, as
    the planned campaigns start.
    """
    moved, left = assign(watch.rule.move_to, unfilmed)
    book.fallback_days[source] = watch.fired_day
    book.moved_minutes[source] = sum(sum(kinds.values()) for kinds in moved.values())
    wait = book.preproduction_day - rep.env.now
    if wait > 0:
        book.reshoots.append(rep.env.process(_move_later(rep, book, moved, wait)))
    else:
        _move(rep, book, moved)
    return {kind: left.get(kind, 0.0) for kind in unfilmed}


def _move(rep: Replication, book: Book, moved: dict[str, dict[SceneKind, float]]) -> None:
    """Start a track of each source minutes moved to (CGI: release its full-CG shots) now."""
    for target, minutes in moved.items():
        context = fallback_context(rep, target)
        if TRACKS[target].campaign is None:  # CGI: its minutes are full-CG shots
            _release(context, book, target, "full_cg", sum(minutes.values()))
            kept = book.fallback.setdefault(target, {})
            for kind, amount in minutes.items():
                kept[kind] = kept.get(kind, 0.0) + amount
        else:
            run = _track(context, book, target, minutes, fallback=True)
            book.reshoots.append(rep.env.process(run))


def _move_later(
    rep: Replication, book: Book, moved: dict[str, dict[SceneKind, float]], wait: float
) -> ProcessGenerator:
    """Process: `_move` once `wait` days have passed, then wait for the tracks it started."""
    yield rep.env.timeout(wait)
    started = len(book.reshoots)
    _move(rep, book, moved)
    yield rep.env.all_of(book.reshoots[started:])


def _hand_to_vfx(
    rep: Replication, book: Book, source: str, footage: dict[SceneKind, float]
) -> None:
    """Release the VFX shots that `footage` (minutes per kind) of `source` needs, now."""
    parameters: Any = rep.scenario.sources.of(source)
    work = parameters.vfx
    vfx_minutes = sum(minutes * work.share.get(kind, 0.0) for kind, minutes in footage.items())
    if vfx_minutes > 0:
        _release(rep, book, source, work.shot_class, vfx_minutes)


def _settle(rep: Replication, book: Book, origin: str, minutes: float) -> None:
    """Minutes that no track will deliver: remake them in CGI, or cut them."""
    if minutes <= 1e-9:
        return
    strategy = rep.strategy
    policy = strategy.reshoot_rest if strategy.shortfall == "reshoot" else strategy.shortfall
    if policy == "cgi":
        book.remade_minutes += minutes
        _release(rep, book, origin, "full_cg", minutes)
    else:
        book.cut_minutes += minutes


def _release(
    rep: Replication, book: Book, origin: str, shot_class: ShotClass, minutes: float
) -> None:
    """Release a batch of VFX shots now, on the stream of the source they come from.

    The first release lets risk events on ``cgi`` strike: a delay holds the lead vendor, and
    shots another vendor takes go there meanwhile.
    """
    if not book.vendor_struck:
        book.vendor_struck = True
        delay = strike(rep, "cgi").delay_days
        if delay > 0:
            book.vendors.lead.hold(rep.env.now + delay)
    release_shots(
        rep,
        book.vendors,
        cgi=rep.scenario.sources.cgi,
        origin=origin,
        stream=TRACKS[origin].vfx_stream,
        shot_class=shot_class,
        minutes=minutes,
    )


def critical_track(rep: Replication, book: Book) -> str:
    """What finished last before picture lock: the VFX vendor, or the last picture's track.

    Picture lock needs the edit, which starts with the last picture, and every VFX shot.
    """
    drivers = rep.drivers
    edit_done = drivers.picture_done_day + drivers.editorial_days
    return "vfx" if book.vendors.done_day > edit_done else book.last_track


def blocked_by(rep: Replication, book: Book) -> str:
    """What was still open at the horizon."""
    open_tracks = sorted(book.open_tracks)
    if open_tracks:
        return "+".join(open_tracks)
    if book.vendors.done_day >= rep.env.now:  # a shot was still being worked on
        return "vfx"
    return "post"
