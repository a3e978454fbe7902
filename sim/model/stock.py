"""Stock licensing: search the archives, pay by clip or by second, clear what needs it.

A scene kind's planned minutes need minutes x 60 / clip length clips; each exists in the
archives with the kind's find probability (plenty of launches and Earth views, none of your
actors). The clips found come from NASA's media, royalty-free libraries or rights-managed
archives in the scenario's shares; each archive has its price per clip and per second. Some
clips must be cleared first (an identifiable astronaut or NASA insignia, a per-use quote): that
costs per clip, takes the archive's clearance time, all archives in parallel, and can be refused,
which loses the clip. Clips are in hand after the search and the slowest clearance; what was not
found or was refused is a shortfall. Licences and clearances are paid on the stock payment
schedule from the search's start to the clips in hand (`sim.model.commitments`): by default on
licensing, nothing before, so a cancelled search costs nothing.
"""

from __future__ import annotations

import math
from collections.abc import Generator

import numpy as np
import simpy

from sim.core.rng import Stream
from sim.model.commitments import Contract, pay
from sim.model.context import Replication
from sim.scenario.quantities import SceneKind
from sim.scenario.sources.stock import Stock


def license_stock(
    rep: Replication, stock: Stock, plan: dict[SceneKind, float], delay_days: float
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: find, license and clear clips from now; returns screen minutes usable, per kind.

    Streams: ``stock`` (search days, clip length, then per archive its price per clip, price
    per second, clearance cost and clearance days, then per planned kind in plan order: clips
    found, their split among archives, and per archive the clips needing clearance and those
    refused).
    Ledger: ``stock`` for licences and clearances. Drivers: ``stock_clips`` (found),
    ``stock_clips_refused``, ``stock_lead_days`` (search and clearance).
    Timeline: spans ``search``, ``clearance``. `delay_days`: what risk events hitting the track
    delay the search by. Handles no interrupts.
    """
    env = rep.env
    search = rep.draw(Stream.stock, stock.search_days) + delay_days
    clip_seconds = rep.draw(Stream.stock, stock.clip_seconds)
    archives = [archive for _, archive in stock.archives]
    terms = [
        (
            rep.draw(Stream.stock, archive.price_usd_per_clip)
            + clip_seconds * rep.draw(Stream.stock, archive.price_usd_per_second),
            rep.draw(Stream.stock, archive.clearance_usd),
            rep.draw(Stream.stock, archive.clearance_days),
        )
        for archive in archives
    ]
    shares = np.array([archive.share for archive in archives]) / sum(a.share for a in archives)
    rng = rep.streams[Stream.stock]
    obtained: dict[SceneKind, float] = {}
    licences = clearances = 0.0
    found_total = refused_total = 0
    clearing = [False] * len(archives)
    for kind, minutes in plan.items():
        needed = math.ceil(minutes * 60.0 / clip_seconds - 1e-9)
        found = int(rng.binomial(needed, getattr(stock.find_probability, kind)))
        refused = 0
        for index, (archive, clips) in enumerate(
            zip(archives, rng.multinomial(found, shares).tolist(), strict=True)
        ):
            price, clearance_usd, _ = terms[index]
            to_clear = int(rng.binomial(clips, archive.clearance_probability))
            lost = int(rng.binomial(to_clear, archive.refusal_probability))
            licences += (clips - lost) * price
            clearances += to_clear * clearance_usd
            clearing[index] = clearing[index] or to_clear > 0
            refused += lost
        obtained[kind] = min(minutes, (found - refused) * clip_seconds / 60.0)
        found_total += found
        refused_total += refused
    start = env.now
    yield env.timeout(search)
    rep.timeline.span("stock", "search", start, env.now)
    clearance_days = max(
        (days for (_, _, days), needed in zip(terms, clearing, strict=True) if needed), default=0.0
    )
    if clearance_days > 0:
        cleared_from = env.now
        yield env.timeout(clearance_days)
        rep.timeline.span("stock", "clearance", cleared_from, env.now)
    pay(rep, Contract(stock.payments, start, licences, "stock", "licences"), env.now)
    if clearances > 0:
        pay(rep, Contract(stock.payments, start, clearances, "stock", "clearances"), env.now)
    rep.drivers.stock_clips = float(found_total)
    rep.drivers.stock_clips_refused = float(refused_total)
    rep.drivers.stock_lead_days = env.now - start
    return obtained
