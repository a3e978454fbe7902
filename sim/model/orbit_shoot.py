"""The orbital segment: train, launch, shoot aboard, land; footage is safe only after landing.

What each day aboard yields is `sim.model.aboard`'s business. The stay is the planned mission,
less the days a late launch lost to the next visitor (`sim.model.launch`), plus a drawn
extension (return weather); an early-return risk event can end it sooner. Extra days add
filming time and per-person-day fees. Footage shot aboard can be lost before it is safe on the
ground (a scenario's small chance).

The seats and the mission fee are booked with the crew, at the production's start
(`BOOKED_DAY`), and paid on the orbit's payment schedule up to the launch
(`sim.model.commitments`); a cancelled segment loses what the schedule had made
non-refundable by the day it was cancelled (`cancel_orbit`).
"""

from __future__ import annotations

from collections.abc import Generator

import simpy

from sim.core.rng import Stream
from sim.core.units import day_of
from sim.model.aboard import film_aboard
from sim.model.commitments import Contract, forfeit, pay
from sim.model.context import Replication
from sim.model.holds import pay_hold
from sim.model.launch import MIN_STAY_SHARE, Liftoff, launch_campaign
from sim.model.risks import cut_short
from sim.model.training import TrainingPlan, train_crew
from sim.scenario.quantities import SceneKind
from sim.scenario.sources.orbit import Orbit

#: The seats are booked with the crew, when training starts with the production: day 0.
BOOKED_DAY = 0.0


def train_for_orbit(
    rep: Replication, orbit: Orbit, preproduction_done: simpy.Event
) -> Generator[simpy.Event, object, None]:
    """Process: train the crew from day 0, alongside pre-production; ends when both are done."""
    env = rep.env
    training = env.process(
        train_crew(
            rep,
            TrainingPlan(
                training_days=orbit.training_days,
                training_usd_per_flyer=orbit.training_usd_per_flyer,
                medical_disqualification_probability=orbit.medical_disqualification_probability,
                training_stream=Stream.orbit_training,
                medical_stream=Stream.orbit_medical,
            ),
        )
    )
    yield env.all_of([training, preproduction_done])


def fly_to_orbit(
    rep: Replication, orbit: Orbit, plan: dict[SceneKind, float], delay_days: float
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: launch campaign, stay and landing; returns screen minutes landed, per kind.

    The campaign opens once the crew is trained and pre-production is done (`train_for_orbit`)
    at the booked slot, or at once when none is booked; `delay_days` (risk events hitting the
    track) push the slot.
    """
    booked = rep.env.now
    if orbit.booked_launch_date is not None:
        booked = day_of(rep.scenario.production.start_date, orbit.booked_launch_date)
    liftoff = yield from launch_campaign(rep, orbit, booked, delay_days)
    pay_holds(rep, liftoff)
    return (yield from shoot_on_orbit(rep, orbit, plan, stay_cut_days=liftoff.stay_cut_days))


def pay_holds(rep: Replication, liftoff: Liftoff) -> None:
    """Pay the flying crew, backups included, for the days a launch kept them waiting.

    Days at the launch site between the first attempt and liftoff are always paid; an
    announced delay is paid too unless it is long enough (`hold_break_days`) to release the crew
    and pick them up again. See `sim.model.holds`.
    """
    announced = liftoff.announced_days
    held = liftoff.on_site_days
    if announced <= rep.scenario.production.hold_break_days:
        held += announced
    pay_hold(rep, liftoff.day, held, "flying crew held for the launch")


def shoot_on_orbit(
    rep: Replication, orbit: Orbit, plan: dict[SceneKind, float], *, stay_cut_days: float = 0.0
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: from liftoff to landing; returns the screen minutes landed, per scene kind.

    `stay_cut_days` come off the planned mission (never below `MIN_STAY_SHARE` of it); the
    return-weather extension is added after. Early-return risk events on ``orbit`` strike here.
    Streams: ``orbit_costs`` (seat price, mission fee, person-day rate), ``orbit_shooting``
    (transit, mission days, extension, then the days aboard: see `sim.model.aboard`),
    ``orbit_footage`` (one uniform: is the footage lost before it is safe).
    Ledger: ``seats`` and ``fees`` (the mission fee) on the payment schedule, counted back from
    the launch; person-day ``fees`` at landing.
    Timeline: span ``aboard``, milestones ``docking``, ``undocking``, ``landing`` (and ``stay
    cut``, ``risk: <name>`` of an early return, ``footage lost``). The day-by-day trace goes to
    ``rep.orbit_log`` when the timeline records. Handles no interrupts.
    """
    env = rep.env
    flyers = rep.flyers
    seat_price = rep.draw(Stream.orbit_costs, orbit.seat_price_usd)
    mission_fee = rep.draw(Stream.orbit_costs, orbit.mission_fee_usd)
    person_day = rep.draw(Stream.orbit_costs, orbit.person_day_usd)
    for contract in _contracts(orbit, flyers, seat_price, mission_fee):
        pay(rep, contract, env.now)

    transit = rep.draw(Stream.orbit_shooting, orbit.transit_days)
    mission = rep.draw(Stream.orbit_shooting, orbit.mission_days)
    extension = rep.draw(Stream.orbit_shooting, orbit.extension_days)
    planned_stay = max(mission - stay_cut_days, MIN_STAY_SHARE * mission) + extension
    stay = cut_short(rep, env.now + transit, planned_stay)
    rep.drivers.orbit_days_cut = mission + extension - planned_stay
    rep.drivers.orbit_days_lost_early = planned_stay - stay
    aboard = film_aboard(rep, orbit, plan, env.now + transit, stay)
    if rep.timeline.recording:  # the days aboard are a trace's, kept with the timeline
        rep.orbit_log = aboard.days()
    lost = rep.streams[Stream.orbit_footage].random() < orbit.footage_loss_probability

    yield env.timeout(transit)
    docked = env.now
    rep.timeline.mark(docked, "docking")
    if rep.drivers.orbit_days_cut > 0:
        rep.timeline.mark(docked, f"stay cut {rep.drivers.orbit_days_cut:.1f} d: next visitor")
    yield env.timeout(stay)
    rep.timeline.span("orbit", "aboard", docked, env.now)
    rep.timeline.mark(env.now, "undocking")
    yield env.timeout(transit)
    rep.timeline.mark(env.now, "landing")
    rep.ledger.charge(env.now, "fees", "person-days aboard", person_day * flyers * stay)
    shot = aboard.minutes_shot()
    rep.drivers.orbit_days = stay
    rep.drivers.orbit_hours_filmed = aboard.hours_filmed
    rep.drivers.orbit_yield_minutes = sum(shot.values())
    rep.drivers.orbit_light_limited_minutes = aboard.light_limited_minutes
    rep.drivers.landing_day = env.now
    if lost:
        rep.timeline.mark(env.now, "footage lost")
        rep.drivers.orbit_footage_lost = 1.0
        return dict.fromkeys(plan, 0.0)
    # Surplus footage is choice in the edit, not extra screen time.
    return {kind: min(minutes, plan[kind]) for kind, minutes in shot.items()}


def _contracts(orbit: Orbit, flyers: int, seat_price: float, mission_fee: float) -> list[Contract]:
    """The seats and the mission fee, both on the orbit's payment schedule."""
    return [
        Contract(orbit.payments, BOOKED_DAY, seat_price * flyers, "seats", "orbital seats"),
        Contract(orbit.payments, BOOKED_DAY, mission_fee, "fees", "mission fee"),
    ]


def cancel_orbit(rep: Replication, orbit: Orbit, plan: dict[SceneKind, float]) -> None:
    """The segment is cancelled now, the crew trained: lose what the seat contract committed.

    The launch was planned for the booked slot, or now when none is booked (or it has passed).
    Training already charged stays spent. Streams: ``orbit_costs`` (seat price, mission fee: the
    draws the launch would have made). Ledger: see `sim.model.commitments.forfeit`.
    """
    del plan  # the whole segment goes, whatever it was to film
    now = rep.env.now
    planned = now
    if orbit.booked_launch_date is not None:
        booked = day_of(rep.scenario.production.start_date, orbit.booked_launch_date)
        planned = max(now, booked)
    seat_price = rep.draw(Stream.orbit_costs, orbit.seat_price_usd)
    mission_fee = rep.draw(Stream.orbit_costs, orbit.mission_fee_usd)
    for contract in _contracts(orbit, rep.flyers, seat_price, mission_fee):
        forfeit(rep, contract, planned, now)
