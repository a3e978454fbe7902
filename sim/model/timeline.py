"""The timeline of one replication: milestones (instants), spans of work, and days aboard.

Only a replication someone will look at (a trace, the Gantt chart, a test) records one: a run's
replications are summed into columns, and there a timeline is work without a reader.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple

from sim.scenario.quantities import SceneKind


class Milestone(NamedTuple):
    """Something that happened on a day."""

    day: float
    name: str


class Span(NamedTuple):
    """A stretch of work on one track (for the Gantt chart of a replication)."""

    track: str
    activity: str
    start: float
    end: float


@dataclass(frozen=True)
class OrbitDay:
    """What one day aboard gave: the row of a replication's trace (see `sim.model.aboard`)."""

    day: int
    date: dt.date
    hours_filmed: float
    sick_flyers: int
    camera_failures: int
    beta_deg: float
    night_fraction: float
    light_limited_minutes: float
    minutes: dict[SceneKind, float]


@dataclass
class Timeline:
    """Milestones and spans in the order they were recorded (none unless `recording`)."""

    recording: bool = True
    milestones: list[Milestone] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    #: The track a span of each of these tracks is recorded on instead (a fallback's
    #: campaign draws on a row of its own); empty for the replication's own timeline.
    renamed: dict[str, str] = field(default_factory=dict)

    def mark(self, day: float, name: str) -> None:
        """Record a milestone."""
        if self.recording:
            self.milestones.append(Milestone(day, name))

    def span(self, track: str, activity: str, start: float, end: float) -> None:
        """Record a stretch of work."""
        if self.recording:
            self.spans.append(Span(self.renamed.get(track, track), activity, start, end))

    def first(self, name: str) -> Milestone | None:
        """The first milestone of that name, if any."""
        return next((m for m in self.milestones if m.name == name), None)
