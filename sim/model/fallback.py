"""A strategy's fallback rule watching its segment: when it fires, and what the segment learns.

A rule (`sim.scenario.fallbacks`) watches one planned track. Its campaign checks the rule at
its waiting points, cooperatively: a wait that would end after the rule's day (a date, or a
fleet grounded too long) ends on that day instead, and the campaign stops there; a slot lost
is counted when it closes. A flight in progress (on flight day, aboard) is never cancelled,
so nothing is checked there. A risk event that cancels the segment fires the rule at once
(`sim.model.production`): the segment will never fly. A rule that never fires leaves every
wait as it was: the track draws, waits and pays exactly as it does without the rule, bit for
bit.

The campaign that stops cancels its own bookings (it knows their terms:
`sim.model.commitments.forfeit`) and returns the footage its flights landed; the production
(`sim.model.production`) then moves the minutes still unfilmed to the rule's sources. Nothing
here draws a random number, or needs the replication's context.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

from sim.core.units import day_of
from sim.model.timeline import Timeline
from sim.scenario.fallbacks import Fallback
from sim.scenario.schema import Strategy


def fallback_track(source: str) -> str:
    """The timeline's track of the campaign a rule moved minutes to (its own Gantt row)."""
    return f"{source} fallback"


def fired_mark(rule: str) -> str:
    """The start of the milestone a rule's firing leaves on the timeline."""
    return f"fallback {rule} fired"


def is_fired_mark(milestone: str) -> bool:
    """Whether a milestone is a rule's firing (`fired_mark`, its cause after it)."""
    return milestone.startswith("fallback ") and " fired" in milestone


@dataclass
class Watch:
    """One rule watching one planned track, and what its campaign has told it so far."""

    name: str
    rule: Fallback
    #: Model days of the rule's dates (infinity: not given).
    not_launched_day: float
    not_done_day: float
    #: The day a grounding now under way passes the rule's days (infinity: none does).
    grounded_day: float = math.inf
    #: The segment's first flight has flown (``not_launched_by`` no longer applies).
    launched: bool = False
    #: The day the rule fired (NaN: not yet), and the service its campaign was waiting for
    #: then, as planned: what its bookings' forfeits are counted back from.
    fired_day: float = math.nan
    planned_day: float = math.nan

    @classmethod
    def of(cls, strategy: Strategy, source: str, start_date: dt.date) -> Watch | None:
        """The watch of `strategy`'s rule on `source`; none when no rule watches it."""
        for name, rule in strategy.fallbacks.items():
            if rule.source == source:
                when = rule.when
                return cls(
                    name,
                    rule,
                    not_launched_day=_day(start_date, when.not_launched_by),
                    not_done_day=_day(start_date, when.not_done_by),
                )
        return None

    @property
    def fired(self) -> bool:
        """Whether the rule has fired."""
        return not math.isnan(self.fired_day)

    @property
    def deadline_day(self) -> float:
        """The day the rule fires on if the campaign is still waiting then (infinity: none)."""
        day = self.not_done_day if self.not_done_day < self.grounded_day else self.grounded_day
        if not self.launched and self.not_launched_day < day:
            day = self.not_launched_day
        return day

    def until(self, day: float) -> float:
        """When a wait planned to end on `day` ends: the rule's day, when that comes first."""
        deadline = self.deadline_day
        return day if day <= deadline else deadline

    def due(self, now: float) -> bool:
        """Whether the rule's day has come."""
        return now >= self.deadline_day

    def ground(self, start_day: float, end_day: float) -> None:
        """The fleet is grounded, unplanned, from `start_day` to `end_day`.

        With ``grounded_days`` N, a grounding longer than N fires the rule N days in (the
        shortest of those under way); `flew` forgets them once the fleet flies.
        """
        days = self.rule.when.grounded_days
        if days is not None and end_day - start_day > days:
            self.grounded_day = min(self.grounded_day, start_day + days)

    def flew(self) -> None:
        """A flight of the segment flew: it has launched, and no grounding is under way."""
        self.launched = True
        self.grounded_day = math.inf

    def missed(self, slots: float) -> bool:
        """Whether `slots` lost so far reach the rule's ``slots_missed``."""
        limit = self.rule.when.slots_missed
        return limit is not None and slots >= limit

    def fire(self, timeline: Timeline, day: float, planned_day: float, cause: str = "") -> None:
        """The rule fires on `day`; the campaign was waiting for a service on `planned_day`.

        Timeline: milestone ``fallback <rule> fired (<cause>)``; the cause is the trigger whose
        day it is unless given.
        """
        self.fired_day = day
        self.planned_day = max(day, planned_day)
        timeline.mark(day, f"{fired_mark(self.name)} ({cause or self._cause(day)})")

    def _cause(self, day: float) -> str:
        when = self.rule.when
        if not self.launched and day >= self.not_launched_day:
            return f"not launched by {when.not_launched_by}"
        if day >= self.grounded_day:
            return f"grounded {when.grounded_days:g} d past the plan"
        return f"not done by {when.not_done_by}"


def _day(start_date: dt.date, date: dt.date | None) -> float:
    return math.inf if date is None else day_of(start_date, date)
