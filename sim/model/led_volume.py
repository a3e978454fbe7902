"""Shooting on an LED volume: build the environments, prelight them, shoot in front of the wall.

When the track starts (pre-production done) the virtual art department starts building the
environments, paid then: VFX money spent before the shoot, not in post. The volume is booked
after a lead time (pushed by any risk delay); the shoot starts when both the booking and the
build are ready. Each environment is prelit on the volume first (the volume's day rate, the
unit not called), then the unit shoots: days needed = planned minutes / screen minutes per
day, summed over scene kinds, worked `working_days_per_week` a week, each started day paying
the unit and the volume. The volume always delivers what was planned, unless a risk event
cancels it.
"""

from __future__ import annotations

from collections.abc import Generator

import simpy

from sim.core.rng import Stream
from sim.model.context import Replication
from sim.model.ledger import days_paid
from sim.scenario.quantities import SCENE_KINDS, SceneKind
from sim.scenario.sources.led_volume import LedVolume


def shoot_volume(
    rep: Replication, volume: LedVolume, plan: dict[SceneKind, float], delay_days: float
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: build, book, prelight and shoot from now; returns screen minutes shot, per kind.

    Streams: ``led_volume`` (booking lead, unit day cost, volume day rate, cost per
    environment, build days, prelight days per environment, then minutes per day for each of
    the five scene kinds in schema order, whether planned or not).
    Ledger: ``vfx`` for the environments at the start, ``ground`` for the prelight days and
    the shooting days. Drivers: ``volume_build_days``, ``volume_days``.
    Timeline: spans ``environment build``, ``booking``, ``prelight``, ``volume photography``.
    `delay_days`: what risk events hitting the track delay the booking by.
    Handles no interrupts.
    """
    env = rep.env
    start = env.now
    lead = rep.draw(Stream.led_volume, volume.booking_lead_days) + delay_days
    day_cost = rep.draw(Stream.led_volume, volume.day_cost_usd)
    volume_rate = rep.draw(Stream.led_volume, volume.volume_usd_per_day)
    per_environment = rep.draw(Stream.led_volume, volume.environment_usd)
    build = rep.draw(Stream.led_volume, volume.build_days)
    prelight = volume.environments * rep.draw(
        Stream.led_volume, volume.prelight_days_per_environment
    )
    rates = {
        kind: rep.draw(Stream.led_volume, getattr(volume.minutes_per_day, kind))
        for kind in SCENE_KINDS
    }
    shooting_days = sum(minutes / rates[kind] for kind, minutes in plan.items())
    week = 7.0 / volume.working_days_per_week
    rep.ledger.charge(start, "vfx", "virtual art department", volume.environments * per_environment)
    rep.timeline.span("led_volume", "environment build", start, start + build)
    rep.timeline.span("led_volume", "booking", start, start + lead)
    yield env.timeout(max(lead, build))
    on_volume = env.now
    if prelight > 0:
        rep.ledger.charge(
            on_volume, "ground", "LED volume prelight", days_paid(prelight) * volume_rate
        )
        yield env.timeout(prelight * week)
        rep.timeline.span("led_volume", "prelight", on_volume, env.now)
    shoot_start = env.now
    rep.ledger.charge(
        shoot_start,
        "ground",
        "LED volume days",
        days_paid(shooting_days) * (day_cost + volume_rate),
    )
    yield env.timeout(shooting_days * week)
    rep.timeline.span("led_volume", "volume photography", shoot_start, env.now)
    rep.drivers.volume_build_days += build
    rep.drivers.volume_days += shooting_days
    return dict(plan)
