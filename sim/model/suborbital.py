"""Suborbital flights: the film's crew takes seats on flights flown at the operator's cadence.

The fleet flies once the operator's pause is over (its announced length and a drawn overrun;
or a known `available_from`). The first flight is the first the operator flies once the fleet
flies and the crew has trained: the first `manifest` date on or after that day when the
scenario lists the operator's announced flights, else that day. Each later flight is the next
on the manifest, or, once it runs out (or without one), follows after a drawn interval: the
operator's cadence, not the film's wish. With `flights_per_year` the interval keeps the shape
of `flight_interval_days` and takes its mean from the rate of the year it starts in, less the
mean slip and flight-day delay, so that a year's flights, slips and scrubs included, average
its rate.

Each flight can slip ahead of its flight day; the flying crew is paid to wait out a slip short
of the production's hold break, and released for a longer one. On flight day each attempt can
be scrubbed by the weather and by a technical problem (each with the campaign's probability);
a scrub recycles the team for a drawn number of days (the longer of the two when both strike),
the crew held and paid through it unless it runs past the hold break. Before each flight the
fleet can be grounded for a drawn number of days (New Shepard was grounded 654 days after
NS-23); a grounding moves the rest of the manifest back with it. Each flight yields its
weightless minutes x cameras / shooting ratio. The film keeps booking flights until the
planned minutes are in hand or it reaches its `max_flights`. A flyer who drops out at the last
medical is replaced by a trained backup of the same role if one is left; otherwise that
flight's scenes cannot be shot and it yields nothing.

Each flight's seats are booked when the one before has flown (the first when the track
starts) and paid on the suborbital payment schedule (`sim.model.commitments`); a cancelled
track loses what the first flight's booking had made non-refundable (`cancel_suborbital`).

A fallback rule watching the track (`sim.model.fallback`) is checked while the crew waits for
each flight: the wait ends on the rule's date, or once the fleet has been grounded its days
longer than the film planned for (the pause past its announced end, a grounding from the last
flight), and the campaign stops there, losing what the next flight's booking had committed.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Generator

import simpy

from sim.core.rng import Stream
from sim.core.units import date_of, day_of
from sim.model.commitments import Contract, forfeit, pay
from sim.model.context import Replication
from sim.model.footage import allocate
from sim.model.holds import pay_hold
from sim.scenario.quantities import SceneKind
from sim.scenario.sources.suborbital import Suborbital

#: Days in a calendar year, on average: a rate of n flights a year is a gap of this / n.
YEAR_DAYS = 365.25

#: The shortest planned gap between two flights a rate can ask for (a day: one vehicle's
#: turnaround is weeks, so only a fleet flying near daily comes close).
MIN_GAP_DAYS = 1.0


def fly_suborbital(
    rep: Replication, vehicle: Suborbital, plan: dict[SceneKind, float], delay_days: float
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: the suborbital campaign from now; returns screen minutes obtained, per kind.

    Streams: ``suborbital_costs`` (seat price), ``suborbital_pause`` (the pause's overrun),
    ``suborbital_flights`` (training, then per flight: slip, weightless minutes, shooting ratio,
    interval to the next, a grounding uniform and its length), ``suborbital_medical`` (one
    uniform per flyer per flight), ``suborbital_attempts`` (the campaign's weather and technical
    scrub probabilities, then per attempt a weather and a technical uniform, and a recycle per
    cause that scrubbed it).
    Ledger: ``seats`` per flight on the payment schedule, ``holds`` for short slips and for
    recycles after scrubs.
    Timeline: span ``flights``, milestones ``suborbital scrub (<causes>)`` and ``suborbital
    flight`` (and ``fallback <rule> fired`` when the watching rule stops the campaign).
    `delay_days`: what risk events hitting the track delay its start by. Handles no interrupts.
    """
    env = rep.env
    start = env.now
    seat_price = rep.draw(Stream.suborbital_costs, vehicle.seat_price_usd)
    available = max(start, _flies_again(rep, vehicle))
    ready = max(
        available + delay_days, start + rep.draw(Stream.suborbital_flights, vehicle.training_days)
    )
    cadence = Cadence(vehicle, rep.scenario.production.start_date)
    scheduled = cadence.first(ready)
    weather = rep.draw(Stream.suborbital_attempts, vehicle.weather_scrub_probability)
    technical = rep.draw(Stream.suborbital_attempts, vehicle.technical_scrub_probability)
    hold_break = rep.scenario.production.hold_break_days
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
            cadence.shift_days += grounding
        dropouts = (
            rep.streams[Stream.suborbital_medical].random(flyers)
            < vehicle.medical_disqualification_probability
        ).tolist()
        if rep.watch is not None and (
            yield from _rule_first(
                rep,
                _seats(vehicle, booked, seat_price * flyers),
                scheduled + slip,
                grounding if grounded else 0.0,
            )
        ):
            break
        yield env.timeout(scheduled + slip - env.now)
        if slip <= hold_break:
            pay_hold(rep, env.now, slip, "flying crew held for a suborbital flight")
        scrubbed = _flight_day(rep, vehicle, weather, technical)
        if scrubbed > 0:
            yield env.timeout(scrubbed)
        flights += 1
        pay(rep, _seats(vehicle, booked, seat_price * flyers), env.now)
        booked = env.now
        if rep.watch is not None:
            rep.watch.flew()
        rep.timeline.mark(env.now, "suborbital flight")
        if _covered_by_backups(dropouts, roles_and_backups):
            obtained += weightless * vehicle.cameras / ratio
        else:
            rep.drivers.suborbital_lost_flights += 1
        scheduled = cadence.after(env.now, interval)
    rep.drivers.suborbital_flights += flights
    rep.timeline.span("suborbital", "flights", start, env.now)
    return allocate(obtained, plan)


def _rule_first(
    rep: Replication, seats: Contract, flight_day: float, grounding_days: float
) -> Generator[simpy.Event, object, bool]:
    """Whether the watching rule's day comes before the next flight; if so, wait and fire it.

    `grounding_days`: the fleet was grounded that long from now (the last flight, or the
    campaign's start) before this flight. The flight's `seats`, booked, lose what they had
    committed by then (`sim.model.commitments.forfeit`).
    """
    watch = rep.watch
    if watch is None:
        return False
    if grounding_days > 0:
        watch.ground(rep.env.now, rep.env.now + grounding_days)
    if watch.until(flight_day) >= flight_day:
        return False
    yield rep.env.timeout(max(0.0, watch.deadline_day - rep.env.now))
    watch.fire(rep.timeline, rep.env.now, flight_day)
    forfeit(rep, seats, watch.planned_day, rep.env.now)
    return True


def _flight_day(rep: Replication, vehicle: Suborbital, weather: float, technical: float) -> float:
    """The days from the first attempt of a flight to its liftoff, scrubs recycled.

    Every attempt draws a weather and a technical uniform (in that order) whatever the first
    gave, and a scrubbed one draws a recycle per cause that struck, so the attempts of the
    campaign's flights consume the stream alike for every strategy. The crew is held and paid
    through each recycle no longer than the production's hold break (charged on the day it
    ends); a longer one releases it, as a long slip does. Worked out in one step: the caller
    waits the whole delay with one timeout.
    """
    stream = rep.streams[Stream.suborbital_attempts]
    hold_break = rep.scenario.production.hold_break_days
    day = start = rep.env.now
    while True:
        by_weather = stream.random() < weather
        by_fault = stream.random() < technical
        if not (by_weather or by_fault):
            return day - start
        recycle = 0.0
        if by_weather:
            recycle = rep.draw(Stream.suborbital_attempts, vehicle.weather_recycle_days)
        if by_fault:
            fault = rep.draw(Stream.suborbital_attempts, vehicle.technical_recycle_days)
            recycle = max(recycle, fault)
        causes = (
            "weather, technical"
            if by_weather and by_fault
            else "weather"
            if by_weather
            else "technical"
        )
        rep.timeline.mark(day, f"suborbital scrub ({causes})")
        day += recycle
        if recycle <= hold_break:
            pay_hold(rep, day, recycle, "flying crew held through a suborbital scrub")


class Cadence:
    """When the operator flies the film's next flight: its manifest, then its rate by year."""

    def __init__(self, vehicle: Suborbital, start_date: dt.date) -> None:
        self.start_date = start_date
        self.rates = vehicle.flights_per_year
        self.manifest = [day_of(start_date, date) for date in vehicle.manifest or ()]
        #: Days a grounding has moved the rest of the manifest back by.
        self.shift_days = 0.0
        self._next = 0  # the next manifest entry to fly
        self._interval_mean = vehicle.flight_interval_days.mean
        self._delay_mean = vehicle.slip_days.mean + flight_day_delay_mean(vehicle)

    def first(self, ready: float) -> float:
        """The film's first flight: the first manifest date on or after `ready`, else `ready`."""
        while self._next < len(self.manifest) and self.manifest[self._next] < ready:
            self._next += 1
        return self._take(ready)

    def after(self, flown: float, interval: float) -> float:
        """The next flight after one flown on day `flown`; `interval` is this flight's draw."""
        if self._next < len(self.manifest):
            return self._take(flown)
        return flown + self.gap(flown, interval)

    def _take(self, otherwise: float) -> float:
        """The next manifest flight (moved back by groundings, never before `otherwise`)."""
        if self._next >= len(self.manifest):
            return otherwise
        day = max(otherwise, self.manifest[self._next] + self.shift_days)
        self._next += 1
        return day

    def gap(self, flown: float, interval: float) -> float:
        """Days from a flight on day `flown` to the next planned one, `interval` its draw.

        Without rates the draw itself. With them the draw is scaled so that its mean is the
        year's gap (`YEAR_DAYS` / rate) less the mean slip and flight-day delay; a year with no
        flights moves the gap to the first day of the next year that has some.
        """
        if self.rates is None:
            return interval
        date = date_of(self.start_date, flown)
        year = date.year if date is not None else max(self.rates)
        rate = rate_in(self.rates, year)
        offset = 0.0
        while rate == 0:  # validation keeps the last listed year's rate above 0
            year += 1
            rate = rate_in(self.rates, year)
            offset = day_of(self.start_date, dt.date(year, 1, 1)) - flown
        planned = max(MIN_GAP_DAYS, YEAR_DAYS / rate - self._delay_mean)
        return offset + interval * planned / self._interval_mean


def rate_in(rates: dict[int, float], year: int) -> float:
    """Flights a year in `year`: its own, else the last listed year's before, else the first's."""
    if year in rates:
        return rates[year]
    earlier = [listed for listed in rates if listed < year]
    return rates[max(earlier)] if earlier else rates[min(rates)]


def flight_day_delay_mean(vehicle: Suborbital) -> float:
    """Mean days a flight waits on flight day for scrubs and recycles, from the means.

    An attempt fails with p = 1 - (1 - w)(1 - t) and costs on average w(1 - t) Rw + t(1 - w) Rt
    + w t max(Rw, Rt) days (R: the mean recycles); the attempts until liftoff are geometric, so
    the mean wait is that cost over the chance an attempt flies, (1 - w)(1 - t).
    """
    w = vehicle.weather_scrub_probability.mean
    t = vehicle.technical_scrub_probability.mean
    rw = vehicle.weather_recycle_days.mean
    rt = vehicle.technical_recycle_days.mean
    cost = w * (1 - t) * rw + t * (1 - w) * rt + w * t * max(rw, rt)
    return cost / ((1 - w) * (1 - t))


def _flies_again(rep: Replication, vehicle: Suborbital) -> float:
    """The day the fleet flies again: `available_from`, else the pause's drawn end, else now.

    Stream ``suborbital_pause``: the overrun, one draw (none for a fixed one).
    """
    start_date = rep.scenario.production.start_date
    if vehicle.available_from is not None:
        return day_of(start_date, vehicle.available_from)
    pause = vehicle.pause
    if pause is None:
        return -math.inf
    overrun = rep.draw(Stream.suborbital_pause, pause.overrun_days)
    announced = day_of(start_date, pause.since) + pause.at_least_days
    if rep.watch is not None:  # only the overrun is a grounding the film did not plan for
        rep.watch.ground(announced, announced + overrun)
    return announced + overrun


def _seats(vehicle: Suborbital, booked_day: float, price_usd: float) -> Contract:
    """One flight's seats, booked on `booked_day`."""
    return Contract(vehicle.payments, booked_day, price_usd, "seats", "suborbital seats")


def cancel_suborbital(rep: Replication, vehicle: Suborbital, plan: dict[SceneKind, float]) -> None:
    """The track is cancelled as it starts: lose what the first flight's booking committed.

    The first flight was planned once the fleet flies (the pause's mean end) and the crew
    trained (the mean training), on the manifest's first date from then when there is one.
    Streams: ``suborbital_costs`` (the seat price the campaign would have drawn).
    Ledger: see `sim.model.commitments.forfeit`.
    """
    del plan
    now = rep.env.now
    start_date = rep.scenario.production.start_date
    flies = -math.inf
    if vehicle.available_from is not None:
        flies = day_of(start_date, vehicle.available_from)
    elif vehicle.pause is not None:
        pause = vehicle.pause
        flies = day_of(start_date, pause.since) + pause.at_least_days + pause.overrun_days.mean
    planned = Cadence(vehicle, start_date).first(max(now + vehicle.training_days.mean, flies))
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
