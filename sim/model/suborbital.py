"""Suborbital flights: the film's crew takes seats on flights flown at the operator's cadence.

The first flight is the first the operator flies once the vehicle is available and the crew
has trained; each later flight follows after a drawn interval (the operator's cadence, not the
film's wish). Each flight can slip; the flying crew is paid to wait out a slip short of the
production's hold break, and released for a longer one. Before each the fleet can be grounded
for a drawn number of days (New Shepard was grounded 654 days after NS-23). Each flight yields its
weightless minutes x cameras / shooting ratio. The film keeps booking flights until the
planned minutes are in hand or it reaches its `max_flights`. A flyer who drops out at the
last medical is replaced by a trained backup of the same role if one is left; otherwise that
flight's scenes cannot be shot and it yields nothing.

Each flight's seats are booked when the one before has flown (the first when the track
starts) and paid on the suborbital payment schedule (`sim.model.commitments`); a cancelled
track loses what the first flight's booking had made non-refundable (`cancel_suborbital`).
"""

from __future__ import annotations

from collections.abc import Generator

import simpy

from sim.core.rng import Stream
from sim.core.units import day_of
from sim.model.commitments import Contract, forfeit, pay
from sim.model.context import Replication
from sim.model.footage import allocate
from sim.model.holds import pay_hold
from sim.scenario.quantities import SceneKind
from sim.scenario.sources.suborbital import Suborbital


def fly_suborbital(
    rep: Replication, vehicle: Suborbital, plan: dict[SceneKind, float], delay_days: float
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: the suborbital campaign from now; returns screen minutes obtained, per kind.

    Streams: ``suborbital_costs`` (seat price), ``suborbital_flights`` (per flight: slip,
    weightless minutes, shooting ratio, interval to the next, a grounding uniform and its
    length), ``suborbital_medical`` (one uniform per flyer per flight).
    Ledger: ``seats`` per flight on the payment schedule, ``holds`` for short slips.
    Timeline: span ``flights``, milestone ``suborbital flight``.
    `delay_days`: what risk events hitting the track delay its start by. Handles no interrupts.
    """
    env = rep.env
    start = env.now
    seat_price = rep.draw(Stream.suborbital_costs, vehicle.seat_price_usd)
    available = start
    if vehicle.available_from is not None:
        available = max(start, day_of(rep.scenario.production.start_date, vehicle.available_from))
    scheduled = max(
        available + delay_days, start + rep.draw(Stream.suborbital_flights, vehicle.training_days)
    )
    roles_and_backups = [(role.count, role.backups) for role in rep.crew.values()]
    flyers = rep.flyers
    needed = sum(plan.values())
    obtained = 0.0
    flights = 0
    booked = start
    while obtained < needed and flights < vehicle.max_flights:
        slip = rep.draw(Stream.suborbital_flights, vehicle.slip_days)
        weightless = rep.draw(Stream.suborbital_flights, vehicle.weightless_minutes_per_flight)
        ratio = rep.draw(Stream.suborbital_flights, vehicle.shooting_ratio)
        interval = rep.draw(Stream.suborbital_flights, vehicle.flight_interval_days)
        grounded = rep.streams[Stream.suborbital_flights].random() < vehicle.grounding_probability
        grounding = rep.draw(Stream.suborbital_flights, vehicle.grounding_days)
        if grounded:
            rep.drivers.suborbital_grounding_days += grounding
            scheduled += grounding
        dropouts = (
            rep.streams[Stream.suborbital_medical].random(flyers)
            < vehicle.medical_disqualification_probability
        ).tolist()
        yield env.timeout(scheduled + slip - env.now)
        if slip <= rep.scenario.production.hold_break_days:
            pay_hold(rep, env.now, slip, "flying crew held for a suborbital flight")
        flights += 1
        pay(rep, _seats(vehicle, booked, seat_price * flyers), env.now)
        booked = env.now
        rep.timeline.mark(env.now, "suborbital flight")
        if _covered_by_backups(dropouts, roles_and_backups):
            obtained += weightless * vehicle.cameras / ratio
        else:
            rep.drivers.suborbital_lost_flights += 1
        scheduled = env.now + interval
    rep.drivers.suborbital_flights += flights
    rep.timeline.span("suborbital", "flights", start, env.now)
    return allocate(obtained, plan)


def _seats(vehicle: Suborbital, booked_day: float, price_usd: float) -> Contract:
    """One flight's seats, booked on `booked_day`."""
    return Contract(vehicle.payments, booked_day, price_usd, "seats", "suborbital seats")


def cancel_suborbital(rep: Replication, vehicle: Suborbital, plan: dict[SceneKind, float]) -> None:
    """The track is cancelled as it starts: lose what the first flight's booking committed.

    The first flight was planned once the vehicle is available and the crew trained (the mean
    training). Streams: ``suborbital_costs`` (the seat price the campaign would have drawn).
    Ledger: see `sim.model.commitments.forfeit`.
    """
    del plan
    now = rep.env.now
    planned = now + vehicle.training_days.mean
    if vehicle.available_from is not None:
        start_date = rep.scenario.production.start_date
        planned = max(planned, day_of(start_date, vehicle.available_from))
    seat_price = rep.draw(Stream.suborbital_costs, vehicle.seat_price_usd)
    forfeit(rep, _seats(vehicle, now, seat_price * rep.flyers), planned, now)


def _covered_by_backups(dropouts: list[bool], roles: list[tuple[int, int]]) -> bool:
    """Whether every role has enough backups for its flyers who dropped out."""
    offset = 0
    for count, backups in roles:
        if sum(dropouts[offset : offset + count]) > backups:
            return False
        offset += count
    return True
