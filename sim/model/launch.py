"""The orbital launch campaign: booked slot, slip, scrubs by cause, recycle, next slot.

The booked slot opens after the drawn pre-launch slip (and any risk-event delay). Within an open
slot the vehicle can launch only at the instants the site passes through the target's orbit
plane (`launch_calendar`; for the ISS from the Cape, one a day, ~23 minutes earlier each day).
Each attempt can be scrubbed by pad weather, a technical problem or weather in the recovery
zones, each with its own probability; after a scrub the team recycles for a drawn number of
days, and tries again at the first opportunity no earlier than the recycle less
`RECYCLE_SLACK_DAYS` (a "24-hour recycle" is the next day's window, which comes a little less
than 24 hours later). A slot that closes without a launch passes, and the next opens a drawn
number of days later.

The station's traffic plan fixes the visit's end when the slot opens: days lost to scrubs
beyond a drawn margin come off the stay (the next visitor is on its way), and the team does
not launch a visit left with less than `MIN_STAY_SHARE` of its mission; it waits for the next
slot instead.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import simpy

from sim.core.rng import Stream
from sim.core.units import date_of
from sim.model.context import Replication
from sim.model.launch_calendar import calendar_for
from sim.scenario.sources.orbit import Orbit

#: Scrub causes, in the order their per-attempt draws are made.
CAUSES = ("weather", "technical", "recovery")

#: How much earlier than the drawn recycle the next window may come (3 windows: 70.1 h).
RECYCLE_SLACK_DAYS = 3.0 / 24.0

#: The shortest stay worth flying, as a share of the planned mission (an assumption: Ax-2 flew
#: after losing 2 of its 10 days; no visit is known to have flown for half its plan or less).
MIN_STAY_SHARE = 0.5


@dataclass(frozen=True)
class Liftoff:
    """When the crew launched, how many days the next visitor takes off the stay, and the wait.

    `announced_days` run from the first opportunity the crew was ready for to the first attempt
    (the slip and risk delays, known ahead); `on_site_days` add up, over each slot attempted,
    the days from its first attempt to liftoff or to its last scrub (the crew at the launch
    site). The months between slots are neither.
    """

    day: float
    stay_cut_days: float
    announced_days: float
    on_site_days: float


def launch_campaign(
    rep: Replication, orbit: Orbit, booked_day: float, delay_days: float
) -> Generator[simpy.Event, object, Liftoff]:
    """Process: from now (crew ready) until liftoff; returns the launch day and the stay cut.

    Streams: ``launch_slip`` (slip), ``launch_weather``/``launch_technical``/``launch_recovery``
    (the campaign's probability, then one uniform per attempt each), ``launch_recycle`` (one
    recycle per scrub), ``launch_slots`` (per slot its stay margin, and one gap per missed slot).
    Ledger: nothing (seats are paid at launch by the orbit track). Timeline: span ``launch
    campaign``, milestones ``scrub (<causes>)`` and ``launch``. Drivers: attempts, scrubs by
    cause, slots missed, and ``launch_days_lost`` (liftoff against the first opportunity of the
    booked slot). Handles no interrupts.
    """
    env = rep.env
    start = env.now
    calendar = calendar_for(rep.scenario, orbit)
    slip = rep.draw(Stream.launch_slip, orbit.slip_days)
    rep.drivers.slip_days = slip
    by_month = orbit.weather_scrub_probability_by_month
    weather = (
        0.0
        if by_month is not None
        else rep.draw(Stream.launch_weather, orbit.weather_scrub_probability)
    )
    technical = rep.draw(Stream.launch_technical, orbit.technical_scrub_probability)
    recovery = rep.draw(Stream.launch_recovery, orbit.recovery_zone_hold_probability)
    streams = rep.streams
    pad, vehicle, zone = (
        streams[Stream.launch_weather],
        streams[Stream.launch_technical],
        streams[Stream.launch_recovery],
    )
    drivers = rep.drivers
    first_chance = calendar.next_at_or_after(max(booked_day, start))
    slot_open = max(booked_day, start) + slip + delay_days
    longest_cut = (1.0 - MIN_STAY_SHARE) * orbit.mission_days.mean
    first_attempt = math.nan
    on_site = 0.0
    while True:
        slot_close = slot_open + orbit.slot_days
        attempt_day = calendar.next_at_or_after(max(slot_open, env.now))
        slot_first = math.nan
        visit_fixed_at = attempt_day + rep.draw(Stream.launch_slots, orbit.stay_margin_days)
        while attempt_day < slot_close and attempt_day - visit_fixed_at <= longest_cut:
            yield env.timeout(attempt_day - env.now)
            rep.drivers.launch_attempts += 1
            if math.isnan(slot_first):
                slot_first = env.now
                if math.isnan(first_attempt):
                    first_attempt = env.now
            if by_month is not None:
                month = date_of(rep.scenario.production.start_date, env.now)
                weather = by_month[month.month - 1] if month else 0.0
            # One uniform per cause and attempt, in the order of CAUSES.
            scrubbed = [
                cause
                for cause, hit in zip(
                    CAUSES,
                    (
                        pad.random() < weather,
                        vehicle.random() < technical,
                        zone.random() < recovery,
                    ),
                    strict=True,
                )
                if hit
            ]
            if not scrubbed:
                rep.timeline.span("orbit", "launch campaign", start, env.now)
                rep.timeline.mark(env.now, "launch")
                rep.drivers.launch_day = env.now
                rep.drivers.launch_days_lost = env.now - first_chance
                return Liftoff(
                    env.now,
                    max(0.0, env.now - visit_fixed_at),
                    announced_days=first_attempt - first_chance,
                    on_site_days=on_site + env.now - slot_first,
                )
            drivers.scrubs_weather += "weather" in scrubbed
            drivers.scrubs_technical += "technical" in scrubbed
            drivers.scrubs_recovery += "recovery" in scrubbed
            rep.timeline.mark(env.now, f"scrub ({', '.join(scrubbed)})")
            recycle = rep.draw(Stream.launch_recycle, orbit.recycle_days)
            attempt_day = calendar.next_at_or_after(env.now + recycle - RECYCLE_SLACK_DAYS)
        if not math.isnan(slot_first):
            on_site += env.now - slot_first  # the crew goes home after the slot's last scrub
        rep.drivers.slots_missed += 1
        yield env.timeout(max(0.0, slot_close - env.now))
        slot_open = slot_close + rep.draw(Stream.launch_slots, orbit.next_slot_days)
