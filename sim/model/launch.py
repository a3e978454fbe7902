"""The orbital launch campaign: booked slot, slip, scrubs by cause, recycle, next slot.

The booked slot opens after the drawn pre-launch slip (and any risk-event delay). Within an open
slot there is one launch opportunity every `opportunity_interval_days` (an ISS rendezvous has
one instantaneous window a day). Each attempt can be scrubbed by pad weather, a technical
problem or weather in the recovery zones, each with its own probability; after a scrub the
team recycles for a drawn number of days. A slot that closes without a launch (or that the crew
was not ready for) passes, and the next opens a drawn number of days later.
"""

from __future__ import annotations

import math
from collections.abc import Generator

import simpy

from sim.model.context import Replication
from sim.scenario.sources import Orbit

#: Scrub causes, in the order their per-attempt draws are made.
CAUSES = ("weather", "technical", "recovery")


def launch_campaign(
    rep: Replication, orbit: Orbit, booked_day: float, delay_days: float
) -> Generator[simpy.Event, object, float]:
    """Process: from now (crew ready) until liftoff; returns the launch day.

    Streams: ``launch_slip`` (slip), ``launch_weather``/``launch_technical``/``launch_recovery``
    (the campaign's probability, then one uniform per attempt each), ``launch_recycle`` (one
    recycle per scrub), ``launch_slots`` (one gap per missed slot).
    Ledger: nothing (seats are paid at launch by the orbit track). Timeline: span ``launch
    campaign``, milestones ``scrub (<causes>)`` and ``launch``. Handles no interrupts.
    """
    env = rep.env
    start = env.now
    slip = rep.draw("launch_slip", orbit.slip_days)
    rep.drivers["slip_days"] = slip
    probabilities = {
        "weather": rep.draw("launch_weather", orbit.weather_scrub_probability),
        "technical": rep.draw("launch_technical", orbit.technical_scrub_probability),
        "recovery": rep.draw("launch_recovery", orbit.recovery_zone_hold_probability),
    }
    uniforms = {cause: rep.streams[f"launch_{cause}"] for cause in CAUSES}
    interval = orbit.opportunity_interval_days
    slot_open = max(booked_day, start) + slip + delay_days
    while True:
        slot_close = slot_open + orbit.slot_days
        attempt_day = max(slot_open, env.now)
        while attempt_day < slot_close:
            yield env.timeout(attempt_day - env.now)
            rep.count("launch_attempts")
            scrubbed = [
                cause for cause in CAUSES if uniforms[cause].random() < probabilities[cause]
            ]
            if not scrubbed:
                rep.timeline.span("orbit", "launch campaign", start, env.now)
                rep.timeline.mark(env.now, "launch")
                rep.drivers["launch_day"] = env.now
                return env.now
            for cause in scrubbed:
                rep.count(f"scrubs_{cause}")
            rep.timeline.mark(env.now, f"scrub ({', '.join(scrubbed)})")
            recycle = rep.draw("launch_recycle", orbit.recycle_days)
            attempt_day = env.now + interval * max(1, math.ceil(recycle / interval - 1e-9))
        rep.count("slots_missed")
        slot_open = slot_close + rep.draw("launch_slots", orbit.next_slot_days)
