"""The orbital segment: train, launch, shoot aboard, land; footage is safe only after landing.

What each day aboard yields is `sim.model.aboard`'s business. The stay is the planned mission,
less the days a late launch lost to a station's next visitor (`sim.model.launch`; a free flyer
has none), plus a drawn extension (return weather); an early-return risk event can end it
sooner. Extra days add filming time, and at a station per-person-day fees.

A booked launch is a plan: the crew's training is scheduled back from the date
(`sim.model.training.plan_back`) and the launch waits for nothing else. A crew still not ready
on the date loses a station's slot (the launch moves to the next slot) or slips a free flyer's
launch to the day it is ready. Without a booking the production takes the first slot after its
crew is trained and its pre-production is done.

A strategy may fly its crew several times (`flights`): each flight has its own launch campaign
and stay, and films what the earlier flights have not landed; the crew trains once; the next
flight is booked a drawn interval after the last landing. A flight left with nothing to film
is cancelled. Flight 1 draws from the replication's named streams, every later flight from a
family of its own (`flight_context`), so a second flight shifts no draw of a strategy that
flies once, and the same flight of two strategies sees the same numbers.

The seats and the mission fee of every flight are booked with the crew, at the production's
start (`BOOKED_DAY`), and paid on the orbit's payment schedule counted back from that flight's
launch (`sim.model.commitments`); a cancelled flight loses what the schedule had made
non-refundable by the day it was cancelled.

A fallback rule watching the segment (`sim.model.fallback`) is checked while the crew trains,
through each launch campaign (`sim.model.launch`) and between flights, never aboard: when it
fires, the flights not flown are cancelled and those landed keep their footage.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Generator

import numpy as np
import simpy

from sim.core.rng import Stream, Streams
from sim.core.units import day_of
from sim.model.aboard import film_aboard
from sim.model.commitments import Contract, forfeit, pay
from sim.model.context import Replication
from sim.model.holds import pay_hold
from sim.model.launch import MIN_STAY_SHARE, Liftoff, launch_campaign
from sim.model.risks import cut_short
from sim.model.training import Booking, TrainingPlan, percentile_days, plan_back, train_crew
from sim.scenario.dists import Fixed
from sim.scenario.quantities import SceneKind
from sim.scenario.sources.orbit import Orbit

#: The seats are booked with the crew, when the production starts: day 0.
BOOKED_DAY = 0.0

#: Minutes below which nothing is left to film.
NOTHING_LEFT = 1e-9

#: What a campaign hands over as each batch of footage is safe: the minutes landed, per kind.
HandOff = Callable[[dict[SceneKind, float]], None]


def flights_of(rep: Replication, orbit: Orbit) -> int:
    """Orbital flights the strategy flies: its own `orbit_flights`, else the orbit's."""
    own = rep.strategy.orbit_flights
    return orbit.flights if own is None else own


def booked_day(rep: Replication, orbit: Orbit) -> float | None:
    """The booked launch as a model day; none when no date is booked."""
    if orbit.booked_launch_date is None:
        return None
    return day_of(rep.scenario.production.start_date, orbit.booked_launch_date)


def training_booking(rep: Replication, orbit: Orbit) -> Booking | None:
    """The training programme planned back from the booked launch; none without a booking.

    Planned at the `training_plan_percentile` of `training_days`, to end
    `readiness_margin_days` before the date, compressed down to `shortest_training_days`
    when the date is closer.
    """
    due = booked_day(rep, orbit)
    if due is None:
        return None
    planned = percentile_days(orbit.training_days, orbit.training_plan_percentile)
    return plan_back(due, planned, orbit.readiness_margin_days, orbit.shortest_training_days)


def train_for_orbit(
    rep: Replication, orbit: Orbit, preproduction_done: simpy.Event
) -> Generator[simpy.Event, object, None]:
    """Process: train the crew; ends when the first launch campaign may open.

    With a booked launch the training is planned back from the date, and only the crew gates
    the launch (the vehicle's readiness is the campaign's slip): the film's pre-production of
    its other scenes does not hold a booked rocket. Without one, the production takes the first
    slot after its crew is trained and its pre-production is done.
    """
    env = rep.env
    booking = training_booking(rep, orbit)
    plan = TrainingPlan(
        training_days=orbit.training_days,
        training_usd_per_flyer=orbit.training_usd_per_flyer,
        medical_disqualification_probability=orbit.medical_disqualification_probability,
        training_stream=Stream.orbit_training,
        medical_stream=Stream.orbit_medical,
    )
    training = env.process(train_crew(rep, plan, booking))
    if booking is not None:
        yield training
    else:
        yield env.all_of([training, preproduction_done])


def fly_to_orbit(
    rep: Replication,
    orbit: Orbit,
    plan: dict[SceneKind, float],
    delay_days: float,
    hand_off: HandOff | None = None,
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: every flight's campaign, stay and landing; returns screen minutes landed, per kind.

    Flight 1's campaign opens at the booked slot once the crew is trained (`train_for_orbit`),
    or at once when none is booked; `delay_days` (risk events hitting the track) push it.
    Each later flight is booked `flight_interval_days` after the last landing and films what is
    still missing; with nothing missing the flights left are cancelled. `hand_off` receives each
    flight's minutes at its landing. Streams: ``orbit_readiness`` (the next slots after one the
    crew missed), ``orbit_flights`` (one interval per later flight), and the flights' own (see
    `flight_context`). Drivers: ``orbit_flights``, ``flight_interval_days``.
    A fallback rule watching the segment stops it when it fires: the flights not flown are
    cancelled (`cancel_flights`), the footage landed is returned.
    """
    env = rep.env
    watch = rep.watch
    flights = flights_of(rep, orbit)
    landed = dict.fromkeys(plan, 0.0)
    if watch is not None and watch.due(env.now):  # its day came while the crew trained
        booked = booked_day(rep, orbit)
        watch.fire(rep.timeline, env.now, env.now if booked is None else booked)
        cancel_flights(rep, orbit, range(1, flights + 1), watch.planned_day, after_landing=False)
        return landed
    booked, slipped = _first_slot(rep, orbit)
    lost = rep.drivers.slots_lost_crew
    if watch is not None and watch.missed(lost):  # slots lost to a crew not ready
        watch.fire(rep.timeline, env.now, booked, f"{lost:g} slots missed")
        cancel_flights(rep, orbit, range(1, flights + 1), watch.planned_day, after_landing=False)
        return landed
    for flight in range(1, flights + 1):
        missing = {k: plan[k] - landed[k] for k in plan if plan[k] - landed[k] > NOTHING_LEFT}
        if flight > 1:
            if not missing:
                cancel_flights(rep, orbit, range(flight, flights + 1), env.now)
                break
            if watch is not None and watch.due(env.now):  # its day came aboard the last one
                watch.fire(rep.timeline, env.now, env.now + orbit.flight_interval_days.mean)
                cancel_flights(rep, orbit, range(flight, flights + 1), env.now)
                break
            interval = rep.draw(Stream.orbit_flights, orbit.flight_interval_days)
            rep.drivers.flight_interval_days += interval
            booked, slipped, delay_days = env.now + interval, 0.0, 0.0
        context = flight_context(rep, flight)
        flown = orbit if flight == 1 else _unslipped(orbit)
        liftoff = yield from _launch(context, flown, booked, delay_days, flight)
        if liftoff is None:  # the watching rule fired before this flight launched
            first = watch.planned_day if watch is not None else env.now
            cancel_flights(rep, orbit, range(flight, flights + 1), first, after_landing=False)
            break
        if watch is not None:
            watch.launched = True
        pay_holds(context, liftoff, slipped)
        shot = yield from shoot_on_orbit(
            context, orbit, missing, stay_cut_days=liftoff.stay_cut_days, flight=flight
        )
        for kind, minutes in shot.items():
            landed[kind] += minutes
        if hand_off is not None:
            hand_off(shot)
    return landed


def _first_slot(rep: Replication, orbit: Orbit) -> tuple[float, float]:
    """Flight 1's booked day once the crew is ready now, and the days the ready crew waits.

    A crew ready by the booked date flies on it. One ready while the slot is still open (within
    ``slot_days``) keeps it; one still training when it closes costs the slot: a station's
    visit moves to its next slot (``slot_days`` after the missed one opened plus a
    drawn ``next_slot_days``, stream ``orbit_readiness``, until one opens after the crew is
    ready), the trained crew waiting (and paid, if short of the hold break) from now to it; a
    free flyer keeps its booked day and launches once both its vehicle (the slip from that
    day) and its crew are ready. Drivers: ``crew_late_days``,
    ``slots_lost_crew``. Without a booking the first slot is today.
    """
    now = rep.env.now
    due = booked_day(rep, orbit)
    if due is None:
        return now, 0.0
    if now <= due:
        return due, 0.0
    rep.drivers.crew_late_days = now - due
    if orbit.mission != "station_visit" or now < due + orbit.slot_days:
        # A free flyer keeps its day, a station visit its slot while it is still open: the
        # launch comes once the crew and the vehicle (its slip runs from the booked day) are.
        rep.timeline.mark(now, f"crew {now - due:.0f} d late for the booked day")
        return due, 0.0
    slot = due
    while slot < now:
        slot += orbit.slot_days + rep.draw(Stream.orbit_readiness, orbit.next_slot_days)
        rep.drivers.slots_lost_crew += 1
    rep.timeline.mark(now, f"crew not ready: launch moved {slot - due:.0f} d")
    return slot, slot - now


def _unslipped(orbit: Orbit) -> Orbit:
    """The orbit for a later flight: no programme slip (its interval includes the slips)."""
    return orbit.model_copy(update={"slip_days": Fixed(dist="fixed", value=0.0)})


def _launch(
    rep: Replication, orbit: Orbit, booked: float, delay_days: float, flight: int
) -> Generator[simpy.Event, object, Liftoff | None]:
    """One flight's launch campaign; a later flight's slip and days lost add to flight 1's.

    The launch drivers name flight 1's liftoff (``launch_day``); ``slip_days`` and
    ``launch_days_lost`` add up over the flights (a flight a fallback rule stopped, no
    liftoff, lost none).
    """
    drivers = rep.drivers
    before = (drivers.launch_day, drivers.slip_days, drivers.launch_days_lost)
    liftoff = yield from launch_campaign(rep, orbit, booked, delay_days)
    if flight > 1:
        drivers.launch_day = before[0]
        drivers.slip_days += before[1]
        if liftoff is None:
            drivers.launch_days_lost = before[2]
        else:
            drivers.launch_days_lost += before[2]
    return liftoff


def flight_context(rep: Replication, flight: int) -> Replication:
    """The replication as flight `flight` sees it: the same clock and books, its own streams.

    Flight 1 is the replication itself. A later flight's streams are a family seeded by the
    master seed, the replication and (``orbit_flights``, the flight's number): the same for
    every strategy, and independent of what flight 1 drew.
    """
    if flight == 1:
        return rep
    streams = rep.streams
    key = (streams.replication, int(Stream.orbit_flights), flight)
    words = np.random.SeedSequence(streams.master_seed, spawn_key=key).generate_state(1, np.uint64)
    own = copy.copy(rep)  # shares the ledger, timeline, drivers, risks and the orbit log
    own.streams = Streams(int(words[0]) >> 1, streams.replication)
    return own


def pay_holds(rep: Replication, liftoff: Liftoff, slipped_days: float = 0.0) -> None:
    """Pay the flying crew, backups included, for the days a launch kept them waiting.

    Days at the launch site between the first attempt and liftoff are always paid; an
    announced delay (a slip for a crew not ready, `slipped_days`, included) is paid too unless
    it is long enough (`hold_break_days`) to release the crew and pick them up again. See
    `sim.model.holds`.
    """
    announced = liftoff.announced_days + slipped_days
    held = liftoff.on_site_days
    if announced <= rep.scenario.production.hold_break_days:
        held += announced
    pay_hold(rep, liftoff.day, held, "flying crew held for the launch")


def shoot_on_orbit(
    rep: Replication,
    orbit: Orbit,
    plan: dict[SceneKind, float],
    *,
    stay_cut_days: float = 0.0,
    flight: int = 1,
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: from liftoff to landing; returns the screen minutes landed, per scene kind.

    `stay_cut_days` come off a station visit's planned mission (never below `MIN_STAY_SHARE`
    of it; a free flyer has no next visitor); the return-weather extension is added after.
    Early-return risk events on ``orbit`` strike here.
    Streams: ``orbit_costs`` (seat price, then at a station the mission fee and person-day
    rate), ``orbit_shooting`` (transit, mission days, extension, then the days aboard: see
    `sim.model.aboard`), ``orbit_footage`` (one uniform: is the footage lost before it is safe).
    Ledger: ``seats`` and (a station's) ``fees`` on the payment schedule, counted back from the
    launch; a station's person-day ``fees`` at landing.
    Timeline: span ``aboard``, milestones ``docking``, ``undocking`` (a free flyer: ``in
    orbit``, ``deorbit``), ``landing`` (and ``stay cut``, ``risk: <name>`` of an early return,
    ``footage lost``). The days aboard are added to ``rep.orbit_log`` when the timeline
    records. Drivers: the stay's add up over the flights. Handles no interrupts.
    """
    env = rep.env
    drivers = rep.drivers
    station = orbit.mission == "station_visit"
    flyers = rep.flyers
    seat_price = rep.draw(Stream.orbit_costs, orbit.seat_price_usd)
    mission_fee = rep.draw(Stream.orbit_costs, orbit.mission_fee_usd) if station else 0.0
    person_day = rep.draw(Stream.orbit_costs, orbit.person_day_usd) if station else 0.0
    for contract in _contracts(orbit, flyers, seat_price, mission_fee, flight):
        pay(rep, contract, env.now)

    transit = rep.draw(Stream.orbit_shooting, orbit.transit_days)
    mission = rep.draw(Stream.orbit_shooting, orbit.mission_days)
    extension = rep.draw(Stream.orbit_shooting, orbit.extension_days)
    cut = stay_cut_days if station else 0.0
    planned_stay = max(mission - cut, MIN_STAY_SHARE * mission) + extension
    stay = cut_short(rep, env.now + transit, planned_stay)
    days_cut = mission + extension - planned_stay
    drivers.orbit_days_cut += days_cut
    drivers.orbit_days_lost_early += planned_stay - stay
    sick, failures = drivers.orbit_sick_flyers, drivers.orbit_camera_failures
    aboard = film_aboard(rep, orbit, plan, env.now + transit, stay)
    drivers.orbit_sick_flyers += sick  # film_aboard sets this flight's; add the earlier ones'
    drivers.orbit_camera_failures += failures
    if rep.timeline.recording:  # the days aboard are a trace's, kept with the timeline
        rep.orbit_log.extend(aboard.days())
    lost = rep.streams[Stream.orbit_footage].random() < orbit.footage_loss_probability

    arrive, leave = ("docking", "undocking") if station else ("in orbit", "deorbit")
    yield env.timeout(transit)
    docked = env.now
    rep.timeline.mark(docked, arrive)
    if days_cut > 0:
        rep.timeline.mark(docked, f"stay cut {days_cut:.1f} d: next visitor")
    yield env.timeout(stay)
    rep.timeline.span("orbit", "aboard", docked, env.now)
    rep.timeline.mark(env.now, leave)
    yield env.timeout(transit)
    rep.timeline.mark(env.now, "landing")
    if station:
        rep.ledger.charge(env.now, "fees", "person-days aboard", person_day * flyers * stay)
    shot = aboard.minutes_shot()
    drivers.orbit_flights += 1
    drivers.orbit_days += stay
    drivers.orbit_hours_filmed += aboard.hours_filmed
    drivers.orbit_yield_minutes += sum(shot.values())
    drivers.orbit_light_limited_minutes += aboard.light_limited_minutes
    drivers.landing_day = env.now
    if lost:
        rep.timeline.mark(env.now, "footage lost")
        drivers.orbit_footage_lost = 1.0
        return dict.fromkeys(plan, 0.0)
    # Surplus footage is choice in the edit, not extra screen time.
    return {kind: min(minutes, plan[kind]) for kind, minutes in shot.items()}


def _contracts(
    orbit: Orbit, flyers: int, seat_price: float, mission_fee: float, flight: int = 1
) -> list[Contract]:
    """One flight's seats and (at a station) mission fee, both on the orbit's payment schedule."""
    which = "" if flight == 1 else f", flight {flight}"
    contracts = [
        Contract(orbit.payments, BOOKED_DAY, seat_price * flyers, "seats", f"orbital seats{which}")
    ]
    if orbit.mission == "station_visit":
        contracts.append(
            Contract(orbit.payments, BOOKED_DAY, mission_fee, "fees", f"mission fee{which}")
        )
    return contracts


def cancel_flights(
    rep: Replication,
    orbit: Orbit,
    flights: range,
    first_planned: float,
    *,
    after_landing: bool = True,
) -> None:
    """Cancel `flights` now; the first of them was planned for `first_planned`.

    Each later one was planned a mean flight cycle (transit both ways, the mission, the interval)
    after the one before, and, when the first is not flight 1 and `after_landing`,
    `first_planned` is the last landing and it was planned `flight_interval_days` after it
    (else `first_planned` is its launch). Each loses what its contracts had committed by now.
    Streams: each flight's own ``orbit_costs`` (seat price, at a station the mission fee: the
    draws its launch would have made). Ledger: see `sim.model.commitments.forfeit`. Driver:
    ``orbit_flights_cancelled``.
    """
    now = rep.env.now
    station = orbit.mission == "station_visit"
    cycle = 2 * orbit.transit_days.mean + orbit.mission_days.mean + orbit.flight_interval_days.mean
    later = flights.start > 1 and after_landing
    planned = first_planned + (orbit.flight_interval_days.mean if later else 0.0)
    for flight in flights:
        context = flight_context(rep, flight)
        seat_price = context.draw(Stream.orbit_costs, orbit.seat_price_usd)
        mission_fee = context.draw(Stream.orbit_costs, orbit.mission_fee_usd) if station else 0.0
        for contract in _contracts(orbit, rep.flyers, seat_price, mission_fee, flight):
            forfeit(rep, contract, max(now, planned), now)
        rep.drivers.orbit_flights_cancelled += 1
        rep.timeline.mark(now, f"orbital flight {flight} cancelled")
        planned += cycle


def cancel_orbit(rep: Replication, orbit: Orbit, plan: dict[SceneKind, float]) -> None:
    """The segment is cancelled now, the crew trained: every flight loses what it committed.

    Flight 1 was planned for the booked slot, or now when none is booked (or it has passed).
    Training already charged stays spent. See `cancel_flights`.
    """
    del plan  # the whole segment goes, whatever it was to film
    booked = booked_day(rep, orbit)
    now = rep.env.now
    cancel_flights(
        rep, orbit, range(1, flights_of(rep, orbit) + 1), now if booked is None else booked
    )
