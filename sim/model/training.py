"""Training the people who fly, with medical disqualification and backups.

Everyone listed in the crew, primaries and backups alike, starts training together and
finishes after their own drawn duration. At the final medical a primary may be disqualified:
a backup of the same role who is still free takes the seat once trained; with no backup left, a
replacement starts training from scratch at that moment, and the launch waits for them.

A booked launch makes the training a plan (`Booking`): the programme is scheduled back from the
date, at a chosen percentile of the training's length plus a margin, and starts no earlier than
the production's day 0. When the date leaves less time than that, the programme is compressed to
the time there is, down to the shortest programme flown. Each flyer's drawn duration is then
read against the plan: one who needs more than the plan's length overruns it by the same share.
A primary who would not be ready by the date gives the seat to a backup of the role who is.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import simpy

from sim.core.rng import Stream
from sim.model.context import Replication
from sim.model.sampling import sample
from sim.scenario.dists import DistBase, Fixed, Triangular

#: Draws behind a percentile of a distribution with no closed-form quantile here.
QUANTILE_DRAWS = 20_000


@dataclass(frozen=True)
class TrainingPlan:
    """What training the crew for one vehicle takes."""

    training_days: DistBase
    training_usd_per_flyer: DistBase
    medical_disqualification_probability: float
    training_stream: Stream
    medical_stream: Stream


@dataclass(frozen=True)
class Booking:
    """A training programme planned back from a booked launch (see `plan_back`)."""

    #: The day training starts (never before the production's day 0).
    start_day: float
    #: Programme days per day of drawn need: below 1 when the date compresses the programme.
    pace: float
    #: The booked launch: a primary not ready by then gives the seat to a backup who is.
    due_day: float
    #: The need the programme was planned for: a flyer who needs more takes the extra in
    #: real days (a compressed programme cannot compress what it never planned).
    planned_days: float = math.inf


def percentile_days(dist: DistBase, share: float) -> float:
    """The `share` quantile of `dist` (exact for fixed and triangular, else from fixed draws).

    Draws nothing from a replication's streams: the same value in every replication.
    """
    if isinstance(dist, Fixed):
        return dist.value
    if isinstance(dist, Triangular):
        low, high, ratio, left, right = dist.inverse_cdf_terms
        if share <= ratio:
            return low + math.sqrt(share * left)
        return high - math.sqrt((1.0 - share) * right)
    key = (id(dist), share)
    known = _QUANTILES.get(key)
    if known is None or known[0] is not dist:
        draws = sample(dist, np.random.default_rng(0), QUANTILE_DRAWS)
        known = _QUANTILES[key] = (dist, float(np.quantile(draws, share)))
    return known[1]


#: Sampled quantiles by (distribution, share), the distribution kept to check its identity.
_QUANTILES: dict[tuple[int, float], tuple[DistBase, float]] = {}


def plan_back(
    due_day: float, planned_days: float, margin_days: float, shortest_days: float
) -> Booking:
    """Schedule a programme of `planned_days` to end `margin_days` before `due_day`.

    It starts no earlier than day 0. If that leaves less than `planned_days`, the programme is
    compressed to the time left, never below `shortest_days` (so a date too close for even the
    shortest programme leaves the crew late). Compression covers the planned need only: a
    flyer needing more than `planned_days` overruns by the excess, day for day.
    """
    start = max(0.0, due_day - margin_days - planned_days)
    length = max(due_day - margin_days - start, shortest_days)
    pace = length / planned_days if planned_days > 0 else 1.0
    return Booking(start_day=start, pace=pace, due_day=due_day, planned_days=planned_days)


def crew_ready_day(
    rep: Replication, plan: TrainingPlan, start_day: float, booking: Booking | None = None
) -> float:
    """Day on which every seat has a trained, medically cleared flyer.

    Draws, in this order: one duration per person listed (roles in file order, primaries then
    backups) and the cost per flyer from the training stream; one medical outcome per primary
    from the medical stream; then one duration per replacement trained from scratch. The same
    draws with or without a booking: a booking only maps each drawn duration onto its plan
    (``booking.pace`` days per day of need up to the planned need, day for day beyond it,
    from `start_day`) and lets a ready backup replace
    a primary late for ``booking.due_day``.
    Charges ``training`` per person trained, and counts ``medical_disqualifications`` and
    ``backups_flown`` (late primaries replaced).
    """
    roles = rep.crew
    durations = {
        name: rep.draw(plan.training_stream, plan.training_days, role.count + role.backups)
        for name, role in roles.items()
    }
    per_flyer = rep.draw(plan.training_stream, plan.training_usd_per_flyer)
    medical = rep.streams[plan.medical_stream]
    disqualified = {
        name: medical.random(role.count) < plan.medical_disqualification_probability
        for name, role in roles.items()
    }
    due = math.inf if booking is None else booking.due_day

    def on_plan(need: np.ndarray) -> np.ndarray:
        """Days drawn needs take on the booking's plan: compressed up to the planned need."""
        if booking is None:
            return need
        planned = booking.planned_days
        return booking.pace * np.minimum(need, planned) + np.maximum(need - planned, 0.0)

    ready = start_day
    trained = 0
    for name, role in roles.items():
        days = on_plan(durations[name])
        backups = sorted(start_day + days[role.count :])
        trained += role.count + role.backups
        for seat in range(role.count):
            finish = start_day + float(days[seat])
            if disqualified[name][seat]:
                rep.drivers.medical_disqualifications += 1
                if backups:
                    finish = max(finish, backups.pop(0))
                else:
                    extra = rep.draw(plan.training_stream, plan.training_days)
                    finish += float(on_plan(np.array([extra]))[0])
                    trained += 1
            elif finish > due and backups and backups[0] < finish:
                rep.drivers.backups_flown += 1  # late for the date: the backup who is ahead flies
                finish = backups.pop(0)
            ready = max(ready, finish)
    rep.ledger.charge(start_day, "training", "crew training", per_flyer * trained)
    return ready


def train_crew(
    rep: Replication, plan: TrainingPlan, booking: Booking | None = None
) -> Generator[simpy.Event, object, float]:
    """Process: train the crew from now, or from the booking's start; returns the ready day.

    Streams: ``plan.training_stream``, ``plan.medical_stream``. Ledger: ``training`` (at the
    start). Timeline: span ``training``, milestone ``crew ready``. Driver: ``training_days``
    (start to ready). Handles no interrupts. A fallback rule watching the track
    (`sim.model.fallback`) whose day comes first ends the wait then, the crew not ready.
    """
    start = rep.env.now if booking is None else max(rep.env.now, booking.start_day)
    watch = rep.watch
    if watch is not None and watch.until(start) < start:  # before the programme even starts
        yield rep.env.timeout(max(0.0, watch.deadline_day - rep.env.now))
        return math.inf
    yield rep.env.timeout(start - rep.env.now)
    ready = crew_ready_day(rep, plan, start, booking)
    rep.drivers.training_days = ready - start
    end = ready if watch is None else max(start, watch.until(ready))
    yield rep.env.timeout(end - start)
    if end < ready:  # a fallback rule's day came first: its segment stops (`fly_to_orbit`)
        return ready
    rep.timeline.span("crew", "training", start, ready)
    rep.timeline.mark(ready, "crew ready")
    return ready
