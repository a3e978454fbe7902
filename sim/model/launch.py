"""The orbital launch campaign: booked slot, slip, windows, holds and scrubs, recycle, next slot.

The booked slot opens after the drawn pre-launch slip (and any risk-event delay). A station
visit can launch only in the windows that open as the site passes through the target's orbit
plane (`launch_calendar`; for the ISS from the Cape, one a day, ~23 minutes earlier each day,
instantaneous); a free flyer has a window a day at the hour it chose, open for hours.

Each attempt meets the pad weather, the vehicle, the weather in the ascent's recovery zones
and, for a free flyer, the forecast for its landing zones:

- pad weather that violates the launch rules at the window's opening clears after a drawn
  time: if that comes before the window closes the launch holds for it, otherwise the day is
  scrubbed; a technical problem found in the count takes a drawn time to clear, held or
  scrubbed the same way (both at once: the longer of the two);
- recovery-zone and landing weather scrub the day: their forecasts decide hours ahead.

The weather persists from day to day: each weather cause is a two-state chain (bad or good)
observed at the attempts. With p the chance of a bad day and r the persistence, the day k days
after a bad one is bad with p + r^k (1 - p), after a good one with p (1 - r^k): bad spells
come, and the share of bad days stays p. With r = 0 every attempt is independent.

After a scrub the team recycles for a drawn number of days, and tries again at the first
opportunity no earlier than the recycle less `RECYCLE_SLACK_DAYS` (a "24-hour recycle" is the
next day's window, which comes a little less than 24 hours later for a station visit).

A station visit's slot closes without a launch after `slot_days`, and the next opens a drawn
number of days later. The station's traffic plan fixes the visit's end when the slot opens:
days lost to scrubs beyond a drawn margin come off the stay (the next visitor is on its way),
and the team does not launch a visit left with less than `MIN_STAY_SHARE` of its mission; it
waits for the next slot instead. A free flyer has no slot and no next visitor: the team keeps
trying until it flies, and its stay is never cut.

A fallback rule watching the segment (`sim.model.fallback`) is checked at the campaign's
waits: before an attempt (the wait ends on the rule's day when that comes first) and as a
slot closes (the slots lost so far counted); an attempt under way, holds included, is never
stopped. When it fires the campaign returns no liftoff, and the orbit track cancels.
"""

from __future__ import annotations

import math
from collections.abc import Generator
from dataclasses import dataclass

import numpy as np
import simpy

from sim.core.rng import Stream
from sim.core.units import date_of
from sim.model.context import Replication
from sim.model.launch_calendar import calendar_for
from sim.scenario.sources.orbit import Orbit

#: Scrub causes, in the order their per-attempt draws are made.
CAUSES = ("weather", "technical", "recovery", "landing")

#: How much earlier than the drawn recycle the next window may come (3 windows: 70.1 h).
RECYCLE_SLACK_DAYS = 3.0 / 24.0

#: The shortest stay worth flying, as a share of the planned mission (an assumption: Ax-2 flew
#: after losing 2 of its 10 days; no visit is known to have flown for half its plan or less).
MIN_STAY_SHARE = 0.5

MINUTES_PER_DAY = 1440.0


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


class WeatherChain:
    """One weather cause as a two-state chain (bad or good) observed at the attempts."""

    __slots__ = ("bad", "day", "persistence")

    def __init__(self, persistence: float) -> None:
        self.persistence = persistence
        self.day = math.nan  # the last attempt's day; none yet
        self.bad = False

    def chance(self, p: float, day: float) -> float:
        """The chance `day` is bad when a day is bad with chance p, given the last one seen."""
        if self.persistence == 0.0 or math.isnan(self.day):
            return p
        carried = self.persistence ** (day - self.day)
        return p + carried * (float(self.bad) - p)

    def observe(self, day: float, uniform: float, p: float) -> bool:
        """Whether `day` is bad, from one uniform draw; remembered for the next attempt."""
        self.bad = uniform < self.chance(p, day)
        self.day = day
        return self.bad


class Attempts:
    """A campaign's per-attempt draws: the chances drawn once, the chains, the window.

    Streams, per attempt and in this order: ``launch_weather``, ``launch_technical``,
    ``launch_recovery`` (one uniform each), ``launch_weather_days`` (one uniform, a free flyer
    only), ``launch_window`` (the pad weather's clearing time, then the technical hold, when
    the window is not instantaneous). Every attempt draws all of them, whatever the others
    gave, so their order never depends on an outcome.
    """

    def __init__(self, rep: Replication, orbit: Orbit) -> None:
        self.rep, self.orbit = rep, orbit
        self.by_month = orbit.weather_scrub_probability_by_month
        self.weather = (
            0.0
            if self.by_month is not None
            else rep.draw(Stream.launch_weather, orbit.weather_scrub_probability)
        )
        self.technical = rep.draw(Stream.launch_technical, orbit.technical_scrub_probability)
        self.recovery = rep.draw(Stream.launch_recovery, orbit.recovery_zone_hold_probability)
        self.window = rep.draw(Stream.launch_window, orbit.window_minutes)
        self.free = orbit.mission == "free_flyer"
        self.landing = (
            rep.draw(Stream.launch_weather_days, orbit.landing_weather_scrub_probability)
            if self.free
            else 0.0
        )
        streams = rep.streams
        self.pad: np.random.Generator = streams[Stream.launch_weather]
        self.vehicle: np.random.Generator = streams[Stream.launch_technical]
        self.zone: np.random.Generator = streams[Stream.launch_recovery]
        self.days_ahead: np.random.Generator | None = (
            streams[Stream.launch_weather_days] if self.free else None
        )
        persistence = orbit.weather_persistence
        self.pad_chain = WeatherChain(persistence)
        self.zone_chain = WeatherChain(persistence)
        self.landing_chain = WeatherChain(persistence)

    def pad_chance(self, day: float) -> float:
        """This day's chance of pad weather violating the rules: the campaign's or the month's."""
        if self.by_month is None:
            return self.weather
        month = date_of(self.rep.scenario.production.start_date, day)
        return self.by_month[month.month - 1] if month else 0.0

    def attempt(self, day: float) -> tuple[list[str], list[str], float]:
        """One attempt on `day`: the causes that scrubbed it, those held for, the minutes held.

        The attempt launches when none scrubbed it, after the minutes held.
        """
        rep, orbit = self.rep, self.orbit
        weather_bad = self.pad_chain.observe(day, self.pad.random(), self.pad_chance(day))
        problem = self.vehicle.random() < self.technical
        zone_bad = self.zone_chain.observe(day, self.zone.random(), self.recovery)
        landing_bad = self.days_ahead is not None and self.landing_chain.observe(
            day, self.days_ahead.random(), self.landing
        )
        clear = hold = math.inf  # an instantaneous window: nothing can be waited out
        if self.window > 0.0:
            clear = rep.draw(Stream.launch_window, orbit.weather_clear_minutes)
            hold = rep.draw(Stream.launch_window, orbit.technical_hold_minutes)
        scrubbed: list[str] = []
        held: list[str] = []
        wait = 0.0
        if weather_bad:
            if clear <= self.window:
                held.append("weather")
                wait = clear
            else:
                scrubbed.append("weather")
        if problem:
            if hold <= self.window:
                held.append("technical")
                wait = max(wait, hold)
            else:
                scrubbed.append("technical")
        if zone_bad:
            scrubbed.append("recovery")
        if landing_bad:
            scrubbed.append("landing")
        return scrubbed, held, wait


def launch_campaign(
    rep: Replication, orbit: Orbit, booked_day: float, delay_days: float
) -> Generator[simpy.Event, object, Liftoff | None]:
    """Process: from now (crew ready) until liftoff; returns the launch day and the stay cut.

    None when the fallback rule watching the segment fired first (milestone ``fallback <rule>
    fired``; the span ``launch campaign`` ends then).

    Streams: ``launch_slip`` (slip), then, once per campaign, ``launch_weather``,
    ``launch_technical``, ``launch_recovery`` (each cause's probability), ``launch_window``
    (the window's length) and, for a free flyer, ``launch_weather_days`` (the landing zones'
    probability); per attempt the draws of `Attempts`; ``launch_recycle`` (one recycle per
    scrub), ``launch_slots`` (a station visit: per slot its stay margin, and one gap per
    missed slot). Ledger: nothing (seats are paid at launch by the orbit track). Timeline:
    span ``launch campaign``, milestones ``scrub (<causes>)``, ``hold <n> min (<causes>)`` and
    ``launch``. Drivers: attempts, scrubs by cause, slots missed, ``window_hold_minutes`` and
    ``launch_days_lost`` (liftoff against the first opportunity of the booked slot). Handles
    no interrupts.
    """
    env = rep.env
    start = env.now
    calendar = calendar_for(rep.scenario, orbit)
    slip = rep.draw(Stream.launch_slip, orbit.slip_days)
    rep.drivers.slip_days = slip
    attempts = Attempts(rep, orbit)
    drivers = rep.drivers
    first_chance = calendar.next_at_or_after(max(booked_day, start))
    # The vehicle's slip runs from the booked day; a crew late for it launches once ready.
    slot_open = max(booked_day + slip + delay_days, start)
    longest_cut = (1.0 - MIN_STAY_SHARE) * orbit.mission_days.mean
    first_attempt = math.nan
    on_site = 0.0
    while True:
        attempt_day = calendar.next_at_or_after(max(slot_open, env.now))
        if attempts.free:  # no slot to close, no next visitor to make room for
            slot_close = visit_fixed_at = math.inf  # the stay is never fixed, never cut
        else:
            slot_close = slot_open + orbit.slot_days
            visit_fixed_at = attempt_day + rep.draw(Stream.launch_slots, orbit.stay_margin_days)
        slot_first = math.nan
        while attempt_day < slot_close and attempt_day - visit_fixed_at <= longest_cut:
            if rep.watch is not None and (yield from _rule_first(rep, start, attempt_day)):
                return None
            yield env.timeout(attempt_day - env.now)
            drivers.launch_attempts += 1
            if math.isnan(slot_first):
                slot_first = env.now
                if math.isnan(first_attempt):
                    first_attempt = env.now
            scrubbed, held, wait = attempts.attempt(env.now)
            if not scrubbed:
                if held:
                    rep.timeline.mark(env.now, f"hold {wait:.0f} min ({', '.join(held)})")
                    yield env.timeout(wait / MINUTES_PER_DAY)
                drivers.window_hold_minutes += wait
                rep.timeline.span("orbit", "launch campaign", start, env.now)
                rep.timeline.mark(env.now, "launch")
                drivers.launch_day = env.now
                drivers.launch_days_lost = env.now - first_chance
                return Liftoff(
                    env.now,
                    max(0.0, env.now - visit_fixed_at),
                    announced_days=first_attempt - first_chance,
                    on_site_days=on_site + env.now - slot_first,
                )
            _count_scrub(rep, scrubbed)
            recycle = rep.draw(Stream.launch_recycle, orbit.recycle_days)
            attempt_day = calendar.next_at_or_after(env.now + recycle - RECYCLE_SLACK_DAYS)
        if not math.isnan(slot_first):
            on_site += env.now - slot_first  # the crew goes home after the slot's last scrub
        if rep.watch is not None and (yield from _slot_lost(rep, orbit, start, slot_close)):
            return None
        if math.isinf(slot_close):  # a free flyer past its calendar: it waits out the run
            yield env.event()
        drivers.slots_missed += 1
        yield env.timeout(max(0.0, slot_close - env.now))
        slot_open = slot_close + rep.draw(Stream.launch_slots, orbit.next_slot_days)


def _rule_first(rep: Replication, start: float, day: float) -> Generator[simpy.Event, object, bool]:
    """Whether the watching rule's day comes before `day`; if so, wait for it and fire it.

    The launch was waiting for `day` (none: the rule's own day). Timeline: the span ``launch
    campaign`` ends then.
    """
    watch = rep.watch
    if watch is None or watch.until(day) >= day:
        return False
    yield rep.env.timeout(max(0.0, watch.deadline_day - rep.env.now))
    watch.fire(rep.timeline, rep.env.now, day if math.isfinite(day) else rep.env.now)
    rep.timeline.span("orbit", "launch campaign", start, rep.env.now)
    return True


def _slot_lost(
    rep: Replication, orbit: Orbit, start: float, slot_close: float
) -> Generator[simpy.Event, object, bool]:
    """A slot is lost: whether the watching rule fires before it closes, or as it does.

    As it does when the slots lost (this one and those lost to a late crew included) reach its
    ``slots_missed``; the next slot was then planned a mean gap after. A free flyer past its
    calendar (`slot_close` infinite) has only the rule's day. Counts the slot in
    ``slots_missed`` when the rule fires (else the campaign does).
    """
    drivers = rep.drivers
    closes = math.isfinite(slot_close)
    if (yield from _rule_first(rep, start, slot_close)):
        drivers.slots_missed += closes
        return True
    watch = rep.watch
    lost = drivers.slots_missed + 1 + drivers.slots_lost_crew
    if watch is None or not closes or not watch.missed(lost):
        return False
    drivers.slots_missed += 1
    yield rep.env.timeout(max(0.0, slot_close - rep.env.now))
    next_slot = rep.env.now + orbit.next_slot_days.mean
    watch.fire(rep.timeline, rep.env.now, next_slot, f"{lost:g} slots missed")
    rep.timeline.span("orbit", "launch campaign", start, rep.env.now)
    return True


def _count_scrub(rep: Replication, scrubbed: list[str]) -> None:
    """Count a scrubbed attempt by its causes, and mark it."""
    drivers = rep.drivers
    drivers.scrubs_weather += "weather" in scrubbed
    drivers.scrubs_technical += "technical" in scrubbed
    drivers.scrubs_recovery += "recovery" in scrubbed
    drivers.scrubs_landing += "landing" in scrubbed
    rep.timeline.mark(rep.env.now, f"scrub ({', '.join(scrubbed)})")
