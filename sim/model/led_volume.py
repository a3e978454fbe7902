"""Shooting on an LED volume: build the environments, prelight them, shoot in front of the wall.

When the track starts (pre-production done) the virtual art department starts building the
environments, paid then: VFX money spent before the shoot, not in post. The volume is booked
after a lead time (pushed by any risk delay); the shoot starts when both the booking and the
build are ready. Each environment is prelit on the volume first (the volume's day rate, the
unit not called), then the unit shoots: days needed = planned minutes / screen minutes per
day, summed over scene kinds, worked `working_days_per_week` a week, each started day paying
the unit and the volume. The volume always delivers what was planned, unless a risk event
cancels it.

The volume's days are booked when the track starts and paid on the LED volume's payment
schedule (`sim.model.commitments`); a cancelled track loses what the booking had made
non-refundable (`cancel_volume`), the environments not yet begun.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass

import simpy

from sim.core.rng import Stream
from sim.model.commitments import Contract, forfeit, pay
from sim.model.context import Replication
from sim.model.ledger import days_paid
from sim.scenario.quantities import SCENE_KINDS, SceneKind
from sim.scenario.sources.led_volume import LedVolume


@dataclass(frozen=True)
class _Terms:
    """What the shoot draws first: lead, prices, build and prelight days, days to shoot."""

    lead: float
    day_cost: float
    volume_rate: float
    per_environment: float
    build: float
    prelight: float
    shooting_days: float

    @classmethod
    def draw(cls, rep: Replication, volume: LedVolume, plan: dict[SceneKind, float]) -> _Terms:
        """Draw them in the stream's order (see `shoot_volume`)."""
        lead = rep.draw(Stream.led_volume, volume.booking_lead_days)
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
        return cls(lead, day_cost, volume_rate, per_environment, build, prelight, shooting_days)

    def prelight_contract(self, volume: LedVolume, booked_day: float) -> Contract:
        """The prelight days on the volume (the unit not called)."""
        price = days_paid(self.prelight) * self.volume_rate
        return Contract(volume.payments, booked_day, price, "ground", "LED volume prelight")

    def days_contract(self, volume: LedVolume, booked_day: float) -> Contract:
        """The shooting days: the unit and the volume."""
        price = days_paid(self.shooting_days) * (self.day_cost + self.volume_rate)
        return Contract(volume.payments, booked_day, price, "ground", "LED volume days")


def shoot_volume(
    rep: Replication, volume: LedVolume, plan: dict[SceneKind, float], delay_days: float
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: build, book, prelight and shoot from now; returns screen minutes shot, per kind.

    Streams: ``led_volume`` (booking lead, unit day cost, volume day rate, cost per
    environment, build days, prelight days per environment, then minutes per day for each of
    the five scene kinds in schema order, whether planned or not).
    Ledger: ``vfx`` for the environments at the start, ``ground`` for the prelight days and
    the shooting days (on the payment schedule). Drivers: ``volume_build_days``, ``volume_days``.
    Timeline: spans ``environment build``, ``booking``, ``prelight``, ``volume photography``.
    `delay_days`: what risk events hitting the track delay the booking by.
    Handles no interrupts.
    """
    env = rep.env
    start = env.now
    terms = _Terms.draw(rep, volume, plan)
    lead = terms.lead + delay_days
    build, prelight, shooting_days = terms.build, terms.prelight, terms.shooting_days
    per_environment = terms.per_environment
    week = 7.0 / volume.working_days_per_week
    rep.ledger.charge(start, "vfx", "virtual art department", volume.environments * per_environment)
    rep.timeline.span("led_volume", "environment build", start, start + build)
    rep.timeline.span("led_volume", "booking", start, start + lead)
    yield env.timeout(max(lead, build))
    on_volume = env.now
    if prelight > 0:
        pay(rep, terms.prelight_contract(volume, start), on_volume)
        yield env.timeout(prelight * week)
        rep.timeline.span("led_volume", "prelight", on_volume, env.now)
    shoot_start = env.now
    pay(rep, terms.days_contract(volume, start), shoot_start)
    yield env.timeout(shooting_days * week)
    rep.timeline.span("led_volume", "volume photography", shoot_start, env.now)
    rep.drivers.volume_build_days += build
    rep.drivers.volume_days += shooting_days
    return dict(plan)


def cancel_volume(rep: Replication, volume: LedVolume, plan: dict[SceneKind, float]) -> None:
    """The track is cancelled as it books: lose what booking the volume's days committed.

    The prelight was planned when both the booking's lead and the build are done, the shoot
    after the prelight's working days. Streams: ``led_volume`` (the draws the shoot would have
    made). Ledger: see `sim.model.commitments.forfeit`.
    """
    now = rep.env.now
    terms = _Terms.draw(rep, volume, plan)
    on_volume = now + max(terms.lead, terms.build)
    shoot = on_volume + terms.prelight * 7.0 / volume.working_days_per_week
    if terms.prelight > 0:
        forfeit(rep, terms.prelight_contract(volume, now), on_volume, now)
    forfeit(rep, terms.days_contract(volume, now), shoot, now)
