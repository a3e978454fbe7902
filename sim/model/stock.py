"""Stock licensing: search the archives, clear the rights, pay per clip.

A scene kind's planned minutes need minutes x 60 / clip length clips; each exists in the
archives with the kind's find probability (plenty of launches and Earth views, none of your
actors). Public-domain clips (NASA's, credited) are free; the others cost the clip price.
Clips are in hand after the search-and-clearance lead time; what was not found is a shortfall.
"""

from __future__ import annotations

import math
from collections.abc import Generator

import simpy

from sim.model.context import Replication
from sim.model.risks import strike
from sim.scenario.quantities import SceneKind
from sim.scenario.sources import Stock


def license_stock(
    rep: Replication, stock: Stock, plan: dict[SceneKind, float]
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: find and clear clips from now; returns screen minutes licensed, per kind.

    Streams: ``stock`` (lead time, clip length, clip price, then per planned kind in plan
    order: clips found, of which public domain).
    Ledger: ``stock`` for the paid clips. Timeline: span ``search and clearance``.
    Risk events hitting ``stock`` strike at the start. Handles no interrupts.
    """
    env = rep.env
    impact = strike(rep, "stock")
    if impact.cancelled:
        return dict.fromkeys(plan, 0.0)
    lead = rep.draw("stock", stock.lead_days) + impact.delay_days
    clip_seconds = rep.draw("stock", stock.clip_seconds)
    price = rep.draw("stock", stock.price_usd_per_clip)
    rng = rep.streams["stock"]
    obtained: dict[SceneKind, float] = {}
    clips = 0
    paid = 0
    for kind, minutes in plan.items():
        needed = math.ceil(minutes * 60.0 / clip_seconds - 1e-9)
        found = int(rng.binomial(needed, getattr(stock.find_probability, kind)))
        free = int(rng.binomial(found, stock.public_domain_share))
        obtained[kind] = min(minutes, found * clip_seconds / 60.0)
        clips += found
        paid += found - free
    start = env.now
    yield env.timeout(lead)
    rep.timeline.span("stock", "search and clearance", start, env.now)
    rep.ledger.charge(env.now, "stock", "licensed clips", paid * price)
    rep.drivers["stock_clips"] = float(clips)
    rep.drivers["stock_lead_days"] = lead
    return obtained
