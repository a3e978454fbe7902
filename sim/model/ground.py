"""Ground shoots: stage days on sets and rigs, after a booking lead time.

Stage days needed = planned minutes / screen minutes per stage day, summed over scene kinds
(weightless scenes on wire rigs go far slower than ordinary drama); they are worked
`working_days_per_week` days a week and paid per started stage day. The ground always delivers
what was planned, unless a risk event cancels it.
"""

from __future__ import annotations

import math
from collections.abc import Generator

import simpy

from sim.model.context import Replication
from sim.model.risks import strike
from sim.scenario.quantities import SCENE_KINDS, SceneKind
from sim.scenario.sources import Ground


def shoot_ground(
    rep: Replication, ground: Ground, plan: dict[SceneKind, float]
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: book the stage and shoot from now; returns screen minutes shot, per kind.

    Streams: ``ground`` (booking lead, day cost, then minutes per stage day for each of the
    five scene kinds in schema order, whether planned or not).
    Ledger: ``ground`` for the stage days. Timeline: spans ``booking`` and ``principal
    photography``. Risk events hitting ``ground`` strike at the start. Handles no interrupts.
    """
    env = rep.env
    impact = strike(rep, "ground")
    if impact.cancelled:
        return dict.fromkeys(plan, 0.0)
    lead = rep.draw("ground", ground.booking_lead_days) + impact.delay_days
    day_cost = rep.draw("ground", ground.day_cost_usd)
    rates = {
        kind: rep.draw("ground", getattr(ground.minutes_per_day, kind)) for kind in SCENE_KINDS
    }
    stage_days = sum(minutes / rates[kind] for kind, minutes in plan.items())
    calendar_days = stage_days * 7.0 / ground.working_days_per_week
    yield env.timeout(lead)
    start = env.now
    rep.timeline.span("ground", "booking", start - lead, start)
    rep.ledger.charge(start, "ground", "stage days", math.ceil(stage_days - 1e-9) * day_cost)
    yield env.timeout(calendar_days)
    rep.timeline.span("ground", "principal photography", start, env.now)
    rep.count("stage_days", stage_days)
    return dict(plan)
