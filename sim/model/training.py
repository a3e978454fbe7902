"""Training the people who fly, with medical disqualification and backups.

Everyone listed in the crew, primaries and backups alike, starts training together and
finishes after their own drawn duration. At the final medical a primary may be disqualified:
a backup of the same role who is still free takes the seat once trained; with no backup left, a
replacement starts training from scratch at that moment, and the launch waits for them.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import simpy

from sim.core.rng import Stream
from sim.model.context import Replication
from sim.scenario.dists import DistBase


@dataclass(frozen=True)
class TrainingPlan:
    """What training the crew for one vehicle takes."""

    training_days: DistBase
    training_usd_per_flyer: DistBase
    medical_disqualification_probability: float
    training_stream: Stream
    medical_stream: Stream


def crew_ready_day(rep: Replication, plan: TrainingPlan, start_day: float) -> float:
    """Day on which every seat has a trained, medically cleared flyer.

    Draws, in this order: one duration per person listed (roles in file order, primaries then
    backups) and the cost per flyer from the training stream; one medical outcome per primary
    from the medical stream; then one duration per replacement trained from scratch.
    Charges ``training`` per person trained, and counts ``medical_disqualifications``.
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
    ready = start_day
    trained = 0
    for name, role in roles.items():
        days = durations[name]
        backups = sorted(start_day + days[role.count :])
        trained += role.count + role.backups
        for seat in range(role.count):
            finish = start_day + float(days[seat])
            if disqualified[name][seat]:
                rep.drivers.medical_disqualifications += 1
                if backups:
                    finish = max(finish, backups.pop(0))
                else:
                    finish += rep.draw(plan.training_stream, plan.training_days)
                    trained += 1
            ready = max(ready, finish)
    rep.ledger.charge(start_day, "training", "crew training", per_flyer * trained)
    return ready


def train_crew(rep: Replication, plan: TrainingPlan) -> Generator[simpy.Event, object, float]:
    """Process: train the crew from now; returns the day they are ready.

    Streams: ``plan.training_stream``, ``plan.medical_stream``. Ledger: ``training``.
    Timeline: span ``training``, milestone ``crew ready``. Handles no interrupts.
    """
    start = rep.env.now
    ready = crew_ready_day(rep, plan, start)
    rep.drivers.training_days = ready - start
    yield rep.env.timeout(ready - start)
    rep.timeline.span("crew", "training", start, ready)
    rep.timeline.mark(ready, "crew ready")
    return ready
