"""Ground shoots: stage days on sets and rigs, then location days exposed to the weather.

Shooting days needed = planned minutes / screen minutes per day, summed over scene kinds
(weightless scenes on wire rigs go far slower than ordinary drama); a kind's `location_share`
of them is shot outdoors on location, the rest on stage. Each location day is lost to the
weather with the drawn probability and shot again, so a location schedule of n days takes
n + NegativeBinomial(n, 1 - p) days, lost days paid in full (crew and cast were called). Days
are worked `working_days_per_week` a week after the booking lead time. The ground always
delivers what was planned, unless a risk event cancels it.

The stage and location days are booked when the track starts and paid on the ground's payment
schedule (`sim.model.commitments`); days lost to the weather are paid as they come. A cancelled
track loses what the booking had made non-refundable (`cancel_ground`).
"""

from __future__ import annotations

from collections.abc import Generator

import simpy

from sim.core.rng import Stream
from sim.model.commitments import Contract, forfeit, pay
from sim.model.context import Replication
from sim.model.ledger import days_paid
from sim.scenario.quantities import SCENE_KINDS, SceneKind
from sim.scenario.sources.ground import Ground


def shoot_ground(
    rep: Replication, ground: Ground, plan: dict[SceneKind, float], delay_days: float
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: book the stage and shoot from now; returns screen minutes shot, per kind.

    Streams: ``ground`` (booking lead, day cost, then minutes per day for each of the five
    scene kinds in schema order, whether planned or not); ``ground_weather`` (the location
    fee, the chance a location day is lost, then the days lost).
    Ledger: ``ground`` for stage days and location days (on the payment schedule) and days lost
    to weather.
    Drivers: ``stage_days``, ``location_days``, ``weather_days_lost``.
    Timeline: spans ``booking``, ``stage photography``, ``location photography``.
    `delay_days`: what risk events hitting the track delay its start by. Handles no interrupts.
    """
    env = rep.env
    booked = env.now
    lead, day_cost, stage_days, location_days = _terms(rep, ground, plan)
    lead += delay_days
    week = 7.0 / ground.working_days_per_week
    yield env.timeout(lead)
    start = env.now
    rep.timeline.span("ground", "booking", start - lead, start)
    if stage_days > 0:
        stage = days_paid(stage_days) * day_cost
        pay(rep, Contract(ground.payments, booked, stage, "ground", "stage days"), start)
        yield env.timeout(stage_days * week)
        rep.timeline.span("ground", "stage photography", start, env.now)
    lost = 0
    if location_days > 0:
        fee = rep.draw(Stream.ground_weather, ground.location_fee_usd_per_day)
        p_lost = rep.draw(Stream.ground_weather, ground.weather_day_loss_probability)
        called = days_paid(location_days)
        weather = rep.streams[Stream.ground_weather]
        lost = int(weather.negative_binomial(called, 1.0 - p_lost)) if p_lost > 0 else 0
        outside = env.now
        located = called * (day_cost + fee)
        pay(rep, Contract(ground.payments, booked, located, "ground", "location days"), outside)
        if lost:
            rep.ledger.charge(outside, "ground", "days lost to weather", lost * (day_cost + fee))
        yield env.timeout((location_days + lost) * week)
        rep.timeline.span("ground", "location photography", outside, env.now)
    rep.drivers.stage_days += stage_days
    rep.drivers.location_days += location_days
    rep.drivers.weather_days_lost += lost
    return dict(plan)


def _terms(
    rep: Replication, ground: Ground, plan: dict[SceneKind, float]
) -> tuple[float, float, float, float]:
    """Draw the booking lead and day cost; the stage and location days the plan needs."""
    lead = rep.draw(Stream.ground, ground.booking_lead_days)
    day_cost = rep.draw(Stream.ground, ground.day_cost_usd)
    rates = {
        kind: rep.draw(Stream.ground, getattr(ground.minutes_per_day, kind)) for kind in SCENE_KINDS
    }
    outdoors = {kind: ground.location_share.get(kind, 0.0) for kind in plan}
    stage_days = sum(m * (1.0 - outdoors[k]) / rates[k] for k, m in plan.items())
    location_days = sum(m * outdoors[k] / rates[k] for k, m in plan.items())
    return lead, day_cost, stage_days, location_days


def cancel_ground(rep: Replication, ground: Ground, plan: dict[SceneKind, float]) -> None:
    """The track is cancelled as it books: lose what the booking of its days had committed.

    The stage and location days the plan needs were booked now (locations at the mean fee) for
    a shoot planned after the drawn lead. Streams: ``ground`` (the draws the shoot would have
    made first). Ledger: see `sim.model.commitments.forfeit`.
    """
    now = rep.env.now
    lead, day_cost, stage_days, location_days = _terms(rep, ground, plan)
    fee = ground.location_fee_usd_per_day.mean
    price = days_paid(stage_days) * day_cost + days_paid(location_days) * (day_cost + fee)
    forfeit(
        rep,
        Contract(ground.payments, now, price, "ground", "stage and location days"),
        now + lead,
        now,
    )
