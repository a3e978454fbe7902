"""The timeline of one replication: milestones (instants) and spans of work per track."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Milestone:
    """Something that happened on a day."""

    day: float
    name: str


@dataclass(frozen=True)
class Span:
    """A stretch of work on one track (for the Gantt chart of a replication)."""

    track: str
    activity: str
    start: float
    end: float


@dataclass
class Timeline:
    """Milestones and spans in the order they were recorded."""

    milestones: list[Milestone] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)

    def mark(self, day: float, name: str) -> None:
        """Record a milestone."""
        self.milestones.append(Milestone(day, name))

    def span(self, track: str, activity: str, start: float, end: float) -> None:
        """Record a stretch of work."""
        self.spans.append(Span(track, activity, start, end))

    def first(self, name: str) -> Milestone | None:
        """The first milestone of that name, if any."""
        return next((m for m in self.milestones if m.name == name), None)
