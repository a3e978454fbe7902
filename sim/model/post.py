"""Post-production: editorial after the last picture, then finishing after picture lock.

Picture lock needs both: the edit (which starts when the last picture is in hand) and every VFX
shot. Sound, music, colour and conform follow; then the film is delivered.
"""

from __future__ import annotations

import math
from collections.abc import Generator

import simpy

from sim.core.rng import Stream
from sim.model.context import Replication
from sim.model.risks import strike
from sim.scenario.schema import Post


def post_produce(
    rep: Replication, post: Post, vfx_done_day: float
) -> Generator[simpy.Event, object, float]:
    """Process: from the last picture to delivery; returns the delivery day.

    Every VFX batch was released before the last picture, so the last shot's day is known:
    `vfx_done_day` (NaN when the film has no VFX shot).

    Streams: ``post`` (editorial days, finishing days, cost). Ledger: ``post`` at delivery.
    Drivers: ``editorial_days``.
    Timeline: spans ``editorial``, ``finishing``; milestones ``picture lock``, ``delivery``.
    Risk events hitting ``post`` strike at picture lock and delay finishing.
    Handles no interrupts.
    """
    env = rep.env
    editorial = rep.draw(Stream.post, post.editorial_days)
    finishing = rep.draw(Stream.post, post.finishing_days)
    cost = rep.draw(Stream.post, post.cost_usd)
    rep.drivers.editorial_days = editorial
    start = env.now
    no_vfx = math.isnan(vfx_done_day)
    yield env.timeout(editorial if no_vfx else max(editorial, vfx_done_day - start))
    rep.timeline.span("post", "editorial", start, start + editorial)
    rep.timeline.mark(env.now, "picture lock")
    lock = env.now
    finishing += strike(rep, "post").delay_days
    yield env.timeout(finishing)
    rep.timeline.span("post", "finishing", lock, env.now)
    rep.ledger.charge(env.now, "post", "post-production", cost)
    rep.timeline.mark(env.now, "delivery")
    return env.now
