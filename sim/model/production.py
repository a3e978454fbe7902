"""One replication of one strategy: the production's structure, from day 0 to delivery.

Pre-production starts at once; the orbital crew starts training alongside it. When
pre-production is done, the VFX vendor opens, the planned full-CG shots are released, and every
other source's track starts. Each track, when it ends, hands its footage to VFX (clean-up or
composite shots) and its shortfall to the strategy's policy: full-CG remakes, a shorter cut, or
a reshoot, which starts another source's track for the missing scenes it can film (what it
cannot film, or still misses, goes to the strategy's `reshoot_rest`). Post-production follows
the last picture, reshoots included. A replication still running at the horizon stops there
and counts as not delivered, with the tracks that were still open.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from typing import Any

import simpy

from sim.core.rng import Streams
from sim.model.context import Replication
from sim.model.ground import shoot_ground
from sim.model.orbit_shoot import orbit_track
from sim.model.outcome import Outcome, outcome_of
from sim.model.parabolic import fly_parabolic
from sim.model.post import post_produce
from sim.model.risks import Strike, draw_register, strike
from sim.model.sampling import sample
from sim.model.stock import license_stock
from sim.model.suborbital import fly_suborbital
from sim.model.timeline import Timeline
from sim.model.vfx import Vendors, day_rates, release_shots
from sim.scenario.quantities import SceneKind, ShotClass, SourceName
from sim.scenario.schema import Scenario
from sim.scenario.sources import can_deliver

ProcessGenerator = Generator[simpy.Event, Any, Any]


@dataclass
class Book:
    """What the tracks of one replication have delivered so far."""

    vendors: Vendors
    obtained: dict[SourceName, dict[SceneKind, float]] = field(default_factory=dict)
    reshot: dict[SourceName, dict[SceneKind, float]] = field(default_factory=dict)
    remade_minutes: float = 0.0
    cut_minutes: float = 0.0
    reshoots: list[simpy.Process] = field(default_factory=list)
    open_tracks: set[str] = field(default_factory=set)
    last_track: str = ""
    vendor_struck: bool = False
    delivery_day: float = math.inf


@dataclass(frozen=True)
class Opening:
    """What every strategy of one replication starts from, drawn once for all of them.

    The risk register, the daily overhead, pre-production's length and the vendors' day rates
    come from streams nothing else draws from (``risks``, ``production``, ``vfx_rates``), in an
    order no strategy changes: every strategy gets the same numbers (common random numbers),
    so a run draws them once per replication rather than once per strategy.
    """

    register: dict[str, list[Strike]]
    overhead_per_day: float
    preproduction_days: float
    vendor_rates_usd: list[float]

    @classmethod
    def draw(cls, scenario: Scenario, seed: int, replication: int) -> Opening:
        """The opening of replication `replication` under master seed `seed`."""
        streams = Streams(seed, replication)
        production = scenario.production
        return cls(
            register=draw_register(scenario, streams),
            overhead_per_day=sample(production.overhead_usd_per_day, streams["production"]),
            preproduction_days=sample(production.preproduction_days, streams["production"]),
            vendor_rates_usd=day_rates(scenario.sources.cgi, streams),
        )


def run_replication(
    scenario: Scenario,
    strategy: str,
    seed: int,
    replication: int,
    *,
    record: bool = True,
    opening: Opening | None = None,
) -> Outcome:
    """Simulate replication `replication` of `strategy` with master seed `seed`.

    Same arguments, same outcome, bit for bit: every draw comes from the replication's named
    streams. `record` keeps the timeline and the days aboard, which only a trace reads.
    `opening` is the replication's `Opening` when the caller runs several strategies of it.
    """
    if opening is None:
        opening = Opening.draw(scenario, seed, replication)
    env = simpy.Environment()
    rep = Replication(
        env, scenario, strategy, Streams(seed, replication), timeline=Timeline(recording=record)
    )
    for name in scenario.risks:
        rep.drivers[f"risk_{name}"] = 0.0
    rep.pending_risks = dict(opening.register)  # strikes replace a target's list, never edit it
    overhead_per_day = opening.overhead_per_day
    preproduction_days = opening.preproduction_days + strike(rep, "production").delay_days
    rep.drivers["preproduction_days"] = preproduction_days
    vendors = Vendors(scenario.sources.cgi, preproduction_days, opening.vendor_rates_usd)
    book = Book(vendors=vendors)
    production = env.process(produce(rep, book, preproduction_days))
    env.run(until=scenario.simulation.horizon_days)
    delivered = not production.is_alive
    end_day = book.delivery_day if delivered else env.now
    rep.ledger.charge(end_day, "overhead", "daily overhead", overhead_per_day * end_day)
    _insure(rep, preproduction_days, end_day)
    blocked_by = "" if delivered else _blocked_by(rep, book)
    return outcome_of(
        rep,
        delivery_day=end_day if delivered else math.inf,
        blocked_by=blocked_by,
        critical_track=_critical(rep, book) if delivered else f"{blocked_by} (not delivered)",
        obtained=book.obtained,
        reshot=book.reshot,
        remade_minutes=book.remade_minutes,
        cut_minutes=book.cut_minutes,
    )


#: Categories an insurer rates: the production's own exposure, not post, VFX or overhead.
INSURED: tuple[str, ...] = ("holds", "seats", "training", "fees", "ground")


def _insure(rep: Replication, preproduction_days: float, end_day: float) -> None:
    """Charge the completion bond (on the budget, at financing) and the insurance premium.

    The premium is a rate on the net insurable cost as it was actually spent, as an insurer's
    audit at wrap settles it; the bond fee is a rate on the budget it guarantees.
    """
    production = rep.scenario.production
    bond = production.completion_bond_rate * production.budget_usd
    if bond > 0:
        rep.ledger.charge(preproduction_days, "insurance", "completion bond", bond)
    totals = rep.ledger.by_category()
    insured = sum(totals[category] for category in INSURED)
    if insured > 0 and production.insurance_rate > 0:
        rep.ledger.charge(
            end_day, "insurance", "production insurance", production.insurance_rate * insured
        )


def produce(rep: Replication, book: Book, preproduction_days: float) -> ProcessGenerator:
    """Process: the whole production; sets `book.delivery_day` when the film is delivered."""
    env = rep.env
    scenario = rep.scenario
    sources = scenario.sources
    plan = rep.plan
    preproduction_done = env.timeout(preproduction_days)
    tracks = []
    if "orbit" in plan:
        orbit = orbit_track(rep, sources.orbit, plan["orbit"], preproduction_done)
        tracks.append(env.process(_track(rep, book, "orbit", plan["orbit"], orbit)))
    yield preproduction_done
    rep.timeline.span("production", "pre-production", 0.0, env.now)
    if "cgi" in plan:
        _release(rep, book, "cgi", "full_cg", sum(plan["cgi"].values()))
    for source in ("suborbital", "parabolic", "ground", "stock"):
        if source in plan:
            run = _shoot(rep, source, plan[source])
            tracks.append(env.process(_track(rep, book, source, plan[source], run)))
    yield env.all_of(tracks)
    yield env.all_of(book.reshoots)  # every reshoot started before its track ended
    rep.drivers["picture_done_day"] = env.now
    rep.timeline.mark(env.now, "last picture")
    book.delivery_day = yield from post_produce(rep, scenario.post)


def _shoot(rep: Replication, source: SourceName, plan: dict[SceneKind, float]) -> ProcessGenerator:
    """The process generator that shoots `plan` on `source` (any source but orbit and CGI)."""
    sources = rep.scenario.sources
    shooters: dict[SourceName, tuple[Callable[..., ProcessGenerator], object]] = {
        "suborbital": (fly_suborbital, sources.suborbital),
        "parabolic": (fly_parabolic, sources.parabolic),
        "ground": (shoot_ground, sources.ground),
        "stock": (license_stock, sources.stock),
    }
    shoot, parameters = shooters[source]
    return shoot(rep, parameters, plan)


def _track(
    rep: Replication,
    book: Book,
    source: SourceName,
    planned: dict[SceneKind, float],
    shoot: ProcessGenerator,
    *,
    reshoot: bool = False,
) -> ProcessGenerator:
    """Run one source's track, then hand its footage to VFX and its shortfall to the policy."""
    label = f"{source} reshoot" if reshoot else source
    book.open_tracks.add(label)
    obtained: dict[SceneKind, float] = yield from shoot
    book.open_tracks.discard(label)
    book.last_track = label
    obtained = {kind: min(obtained.get(kind, 0.0), minutes) for kind, minutes in planned.items()}
    kept = book.reshot if reshoot else book.obtained
    for kind, minutes in obtained.items():
        kept.setdefault(source, {})[kind] = kept.get(source, {}).get(kind, 0.0) + minutes
    rep.timeline.mark(rep.env.now, f"{label} done")
    work = getattr(rep.scenario.sources, source).vfx
    vfx_minutes = sum(minutes * work.share.get(kind, 0.0) for kind, minutes in obtained.items())
    if vfx_minutes > 0:
        _release(rep, book, source, work.shot_class, vfx_minutes)
    missing = {kind: planned[kind] - obtained[kind] for kind in planned}
    strategy = rep.strategy
    target = strategy.reshoot_on
    if strategy.shortfall == "reshoot" and not reshoot and target is not None and target != source:
        again = {k: m for k, m in missing.items() if m > 1e-9 and can_deliver(target, k)}
        if again:
            run = _track(rep, book, target, again, _shoot(rep, target, again), reshoot=True)
            book.reshoots.append(rep.env.process(run))
            missing = {kind: m for kind, m in missing.items() if kind not in again}
    _settle(rep, book, source, sum(missing.values()))


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
    """Release a batch of VFX shots now.

    The first release lets risk events on ``cgi`` strike: a delay holds the lead vendor, and
    shots another vendor takes go there meanwhile.
    """
    if not book.vendor_struck:
        book.vendor_struck = True
        delay = strike(rep, "cgi").delay_days
        if delay > 0:
            book.vendors.lead.hold(rep.env.now + delay)
    cgi = rep.scenario.sources.cgi
    release_shots(rep, book.vendors, cgi=cgi, origin=origin, shot_class=shot_class, minutes=minutes)


def _critical(rep: Replication, book: Book) -> str:
    """What finished last before picture lock: the VFX vendor, or the last picture's track.

    Picture lock needs the edit, which starts with the last picture, and every VFX shot.
    """
    drivers = rep.drivers
    edit_done = drivers["picture_done_day"] + drivers["editorial_days"]
    return "vfx" if drivers["vfx_done_day"] > edit_done else book.last_track


def _blocked_by(rep: Replication, book: Book) -> str:
    """What was still open at the horizon."""
    open_tracks = sorted(book.open_tracks)
    if open_tracks:
        return "+".join(open_tracks)
    if rep.drivers["vfx_done_day"] >= rep.env.now:  # a shot was still being worked on
        return "vfx"
    return "post"
