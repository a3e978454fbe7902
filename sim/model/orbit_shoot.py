"""The orbital segment: train, launch, shoot aboard, land; footage is safe only after landing.

Screen minutes per day aboard = filming hours x 60 x rolling fraction / shooting ratio, cut
on days when flyers are space-sick (each first-time flyer falls sick with the scenario's
probability for a drawn number of days, and a sick flyer does `sick_yield_loss` less of their
share of the work). The stay is the planned mission plus a drawn extension (return weather);
extra days add filming time and per-person-day fees.
"""

from __future__ import annotations

import math
from collections.abc import Generator

import numpy as np
import simpy

from sim.core.units import day_of
from sim.model.context import Replication
from sim.model.footage import allocate
from sim.model.launch import launch_campaign
from sim.model.risks import strike
from sim.model.training import TrainingPlan, train_crew
from sim.scenario.quantities import SceneKind
from sim.scenario.sources import Orbit


def orbit_track(
    rep: Replication,
    orbit: Orbit,
    plan: dict[SceneKind, float],
    preproduction_done: simpy.Event,
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: the whole orbital segment from day 0; returns screen minutes landed, per kind.

    Training runs from the production's start, alongside pre-production; the launch campaign
    opens when both are done. Risk events hitting ``orbit`` strike then: a delay pushes the
    launch slot, a cancellation ends the segment with nothing shot.
    """
    env = rep.env
    training = env.process(
        train_crew(
            rep,
            TrainingPlan(
                training_days=orbit.training_days,
                training_usd_per_flyer=orbit.training_usd_per_flyer,
                medical_disqualification_probability=orbit.medical_disqualification_probability,
                training_stream="orbit_training",
                medical_stream="orbit_medical",
            ),
        )
    )
    yield env.all_of([training, preproduction_done])
    impact = strike(rep, "orbit")
    if impact.cancelled:
        return dict.fromkeys(plan, 0.0)
    booked = env.now
    if orbit.booked_launch_date is not None:
        booked = day_of(rep.scenario.production.start_date, orbit.booked_launch_date)
    yield from launch_campaign(rep, orbit, booked, impact.delay_days)
    return (yield from shoot_on_orbit(rep, orbit, plan))


def shoot_on_orbit(
    rep: Replication, orbit: Orbit, plan: dict[SceneKind, float]
) -> Generator[simpy.Event, object, dict[SceneKind, float]]:
    """Process: from liftoff to landing; returns the screen minutes landed, per scene kind.

    Streams: ``orbit_costs`` (seat price, mission fee, person-day rate), ``orbit_shooting``
    (transit, mission days, extension, then filming hours per day, rolling fraction, shooting
    ratio), ``orbit_sickness`` (one chance and one duration per flyer).
    Ledger: ``seats`` and ``fees`` at launch, person-day ``fees`` at landing.
    Timeline: span ``aboard``, milestones ``docking``, ``undocking``, ``landing``.
    Handles no interrupts.
    """
    env = rep.env
    flyers = rep.flyers
    seat_price = rep.draw("orbit_costs", orbit.seat_price_usd)
    mission_fee = rep.draw("orbit_costs", orbit.mission_fee_usd)
    person_day = rep.draw("orbit_costs", orbit.person_day_usd)
    rep.ledger.charge(env.now, "seats", "orbital seats", seat_price * flyers)
    rep.ledger.charge(env.now, "fees", "mission fee", mission_fee)

    transit = rep.draw("orbit_shooting", orbit.transit_days)
    stay = rep.draw("orbit_shooting", orbit.mission_days)
    stay += rep.draw("orbit_shooting", orbit.extension_days)
    screen_minutes = _screen_minutes_per_day(rep, orbit, stay, flyers)
    total = float(screen_minutes.sum())

    yield env.timeout(transit)
    docked = env.now
    rep.timeline.mark(docked, "docking")
    yield env.timeout(stay)
    rep.timeline.span("orbit", "aboard", docked, env.now)
    rep.timeline.mark(env.now, "undocking")
    yield env.timeout(transit)
    rep.timeline.mark(env.now, "landing")
    rep.ledger.charge(env.now, "fees", "person-days aboard", person_day * flyers * stay)
    rep.drivers["orbit_days"] = stay
    rep.drivers["orbit_yield_minutes"] = total
    rep.drivers["landing_day"] = env.now
    return allocate(total, plan)


def _screen_minutes_per_day(
    rep: Replication, orbit: Orbit, stay_days: float, flyers: int
) -> np.ndarray:
    """Screen minutes shot on each day aboard (the last day counted by the part spent aboard)."""
    days = max(1, math.ceil(stay_days))
    hours = rep.draw("orbit_shooting", orbit.filming_hours_per_day, days)
    rolling = rep.draw("orbit_shooting", orbit.rolling_fraction)
    ratio = rep.draw("orbit_shooting", orbit.shooting_ratio)
    sickness = rep.streams["orbit_sickness"]
    sick = sickness.random(flyers) < orbit.sickness_probability
    sick_days = np.where(sick, rep.draw("orbit_sickness", orbit.sickness_days, flyers), 0.0)
    rep.drivers["orbit_sick_flyers"] = float(sick.sum())
    day = np.arange(days)
    aboard = np.clip(stay_days - day, 0.0, 1.0)
    sick_share = np.clip(sick_days[None, :] - day[:, None], 0.0, 1.0).sum(axis=1) / max(flyers, 1)
    productivity = 1.0 - orbit.sick_yield_loss * sick_share
    return hours * 60.0 * rolling / ratio * productivity * aboard
