"""Parabolic flights: a charter campaign of zero-g aircraft flights, day after day.

After the booking lead time the campaign flies `flights_per_day` charters on each day that is
not cancelled (weather, maintenance), until the planned screen minutes are in hand or
`max_flights` have flown, or the horizon comes (so a campaign whose every day is cancelled
still ends). A flight yields the sum of its parabolas' weightless seconds x the usable
fraction (entry and pull-out are lost) x cameras / shooting ratio: many short takes, as on
Apollo 13 (612 parabolas of ~25 s). The film pays a charter per flight, or its seats on
each flight when the scenario books seats instead, on the parabolic payment schedule from the
booking when the track starts (`sim.model.commitments`); a cancelled track loses what the
booking of the flights it expected to need had made non-refundable (`cancel_parabolic`).

A fallback rule watching the track (`sim.model.fallback`) is checked through the booking lead
and before each campaign day: on the rule's date the campaign stops, the flights flown keep
their footage, and the booking of the flights still expected loses what it had committed.
"""

from __future__ import annotations

import math
from collections.abc import Generator

import simpy

from sim.core.rng import Stream
from sim.model.commitments import Contract, forfeit, pay
from sim.model.context import Replication
from sim.model.footage import allocate
from sim.model.holds import pay_hold
from sim.scenario.quantities import SceneKind
from sim.scenario.sources.parabolic import Parabolic


def fly_parabolic(
    rep: Replication, aircraft: Parabolic, plan: dict[SceneKind, float], delay_days: float
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: book and fly the campaign from now; returns screen minutes obtained, per kind.

    Streams: ``parabolic`` (booking lead, charter price, seat price, usable fraction, then per
    campaign day a cancellation uniform and per flight its parabolas' seconds and shooting
    ratio). Ledger: ``seats`` per flight flown (the charter, or the seats booked) on the payment
    schedule, ``holds``
    for each cancelled day (the crew was called).
    Timeline: spans ``booking`` and ``campaign`` (and ``fallback <rule> fired`` when the
    watching rule stops the campaign).
    `delay_days`: what risk events hitting the track delay its start by. Handles no interrupts.
    The campaign's days are worked out in one step and waited for with one timeout.
    """
    env = rep.env
    booked = env.now
    lead, per_flight, item, usable = _terms(rep, aircraft)
    lead += delay_days
    rng = rep.streams[Stream.parabolic]
    watch = rep.watch
    if watch is not None and watch.until(booked + lead) < booked + lead:
        yield env.timeout(max(0.0, watch.deadline_day - env.now))  # the date comes first
        watch.fire(rep.timeline, env.now, booked + lead)
        rep.timeline.span("parabolic", "booking", booked, env.now)
        _forfeit_flights(rep, aircraft, plan, (booked, per_flight, item, usable), 0)
        return allocate(0.0, plan)
    yield env.timeout(lead)
    rep.timeline.span("parabolic", "booking", env.now - lead, env.now)
    start = env.now
    needed = sum(plan.values())
    obtained = 0.0
    flights = 0
    day = 0
    last_day = rep.scenario.simulation.horizon_days - start
    flight = Contract(aircraft.payments, booked, per_flight, "seats", item)  # each flight's terms
    stop = math.nan
    while obtained < needed and flights < aircraft.max_flights and day < last_day:
        if watch is not None and watch.due(start + day):  # the rule's day comes before this one
            stop = max(start, watch.deadline_day)
            break
        day += 1
        if rng.random() < aircraft.flight_cancel_probability:
            rep.drivers.parabolic_cancelled_days += 1
            pay_hold(rep, start + day - 1, 1.0, "flying crew held on a cancelled flight day")
            continue
        for _ in range(aircraft.flights_per_day):
            if obtained >= needed or flights >= aircraft.max_flights:
                break
            seconds = rep.draw(
                Stream.parabolic,
                aircraft.weightless_seconds_per_parabola,
                aircraft.parabolas_per_flight,
            )
            ratio = rep.draw(Stream.parabolic, aircraft.shooting_ratio)
            obtained += sum(seconds.tolist()) * usable / 60.0 * aircraft.cameras / ratio
            flights += 1
            pay(rep, flight, start + day - 1)
            if watch is not None:
                watch.launched = True
    if watch is None or math.isnan(stop):
        yield env.timeout(day)
    else:
        yield env.timeout(stop - start)
        watch.fire(rep.timeline, env.now, env.now)
        _forfeit_flights(rep, aircraft, plan, (booked, per_flight, item, usable), flights)
    rep.timeline.span("parabolic", "campaign", start, env.now)
    rep.drivers.parabolic_flights += flights
    return allocate(obtained, plan)


def _terms(rep: Replication, aircraft: Parabolic) -> tuple[float, float, str, float]:
    """Draw the booking lead, the price per flight and its account, and the usable fraction."""
    lead = rep.draw(Stream.parabolic, aircraft.booking_lead_days)
    charter = rep.draw(Stream.parabolic, aircraft.charter_usd)
    seat_price = rep.draw(Stream.parabolic, aircraft.seat_price_usd)
    usable = rep.draw(Stream.parabolic, aircraft.usable_fraction)
    if aircraft.seats_booked is None:
        return lead, charter, "parabolic charters", usable
    return lead, seat_price * aircraft.seats_booked, "parabolic seats", usable


def cancel_parabolic(rep: Replication, aircraft: Parabolic, plan: dict[SceneKind, float]) -> None:
    """The track is cancelled as it books: lose what booking the flights it needs committed.

    The booking is for the flights the plan needs at the mean yield per flight (at most
    `max_flights`), the campaign planned after the drawn lead. Streams: ``parabolic`` (the
    lead, prices and usable fraction the campaign would have drawn). Ledger: see
    `sim.model.commitments.forfeit`.
    """
    now = rep.env.now
    lead, per_flight, item, usable = _terms(rep, aircraft)
    flights = _expected_flights(aircraft, plan, usable)
    booking = Contract(aircraft.payments, now, flights * per_flight, "seats", item)
    forfeit(rep, booking, now + lead, now)


def _expected_flights(aircraft: Parabolic, plan: dict[SceneKind, float], usable: float) -> int:
    """The flights the plan needs at the mean yield per flight, at most `max_flights`."""
    per_flight_minutes = (
        aircraft.parabolas_per_flight
        * aircraft.weightless_seconds_per_parabola.mean
        * usable
        / 60.0
        * aircraft.cameras
        / aircraft.shooting_ratio.mean
    )
    return min(aircraft.max_flights, math.ceil(sum(plan.values()) / per_flight_minutes - 1e-9))


def _forfeit_flights(
    rep: Replication,
    aircraft: Parabolic,
    plan: dict[SceneKind, float],
    terms: tuple[float, float, str, float],
    flown: int,
) -> None:
    """A fallback rule stopped the campaign now: the flights still expected are cancelled.

    `terms`: the booking's day, price per flight, account and usable fraction. The booking
    covered the flights the plan needed at the mean yield (as `cancel_parabolic` counts them);
    those not flown lose what it had committed by now, counted back from the day the campaign
    was waiting for (its start, or now once under way). Ledger: see
    `sim.model.commitments.forfeit`.
    """
    booked, per_flight, item, usable = terms
    left = _expected_flights(aircraft, plan, usable) - flown
    watch = rep.watch
    if left > 0 and watch is not None:
        booking = Contract(aircraft.payments, booked, left * per_flight, "seats", item)
        forfeit(rep, booking, watch.planned_day, rep.env.now)
