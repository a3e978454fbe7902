"""What an optimiser's study is made of: measures, trials, finalists, the study, its front.

Plain records of `sim.experiment.optimise`'s study, kept apart so that the report can read a
study without the sampler. A `Measure` is what a `Score` makes of a candidate's results; the
front is computed from the trials, among those meeting every target.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sim.experiment.results import Results
from sim.experiment.search_space import Candidate, Space
from sim.scenario.schema import Scenario

Direction = Literal["minimize", "maximize"]


@dataclass(frozen=True)
class Measure:
    """What a simulation of a candidate is worth, as the `Score` passed in measures it."""

    #: In the order of the study's objectives.
    objectives: tuple[float, ...]
    #: Per target, how far it is missed (a share of what was wanted); 0 or less: met.
    constraints: dict[str, float]
    #: Other numbers to report (intervals, chances), by name.
    metrics: dict[str, float | None] = field(default_factory=dict)

    @property
    def feasible(self) -> bool:
        """Whether every target is met."""
        return all(value <= 0 for value in self.constraints.values())

    @property
    def distance(self) -> float:
        """How far from meeting every target: the norm of the misses (0 when feasible)."""
        return math.sqrt(sum(max(0.0, value) ** 2 for value in self.constraints.values()))


#: Measures one candidate's results: (results, strategy name) -> Measure. A module-level
#: function, so it can be sent to worker processes.
Score = Callable[[Results, str], Measure]


@dataclass(frozen=True)
class Objectives:
    """The study's objectives: their names and directions; the first is the one optimised."""

    names: tuple[str, ...]
    directions: tuple[Direction, ...]

    def better(self, index: int, a: float, b: float) -> bool:
        """Whether `a` is strictly better than `b` on objective `index`."""
        return a < b if self.directions[index] == "minimize" else a > b


@dataclass(frozen=True)
class Trial:
    """One trial of the study: what the sampler asked for and what it was worth."""

    number: int
    params: dict[str, Any]
    candidate: Candidate
    #: Why the candidate could not be simulated (not a valid strategy, a failed run).
    problem: str | None = None
    measure: Measure | None = None


@dataclass(frozen=True)
class Finalist:
    """A candidate simulated again with more replications on fresh random numbers."""

    label: str
    role: Literal["best", "front", "shipped"]
    candidate: Candidate
    search: Measure
    final: Measure | str


@dataclass(frozen=True)
class Study:
    """A finished study: its trials, the shipped strategies' measures and the finalists."""

    scenario: Scenario
    space: Space
    objectives: Objectives
    seed: int
    final_seed: int
    replications: int
    final_replications: int
    front_search: bool
    trials: tuple[Trial, ...]
    #: The scenario's own strategies, measured as the trials were.
    shipped: dict[str, Measure | str]
    finalists: tuple[Finalist, ...]

    @property
    def measured(self) -> list[Trial]:
        """The trials simulated, the first of each candidate only."""
        return [trial for trial in unique(self.trials) if trial.measure is not None]

    @property
    def front(self) -> list[Trial]:
        """The candidates no other dominates, among those meeting every target (all if none)."""
        return front_of(self.measured, self.objectives)

    @property
    def any_feasible(self) -> bool:
        """Whether any candidate met every target in the search."""
        return any(trial.measure is not None and trial.measure.feasible for trial in self.trials)


#: Called with (phase, done, total) as candidates are simulated: phase "search" (counting
#: trials), "shipped" (the scenario's strategies) or "finalists".
Progress = Callable[[str, int, int], None]


def front_of(trials: Sequence[Trial], objectives: Objectives) -> list[Trial]:
    """The trials no other dominates, among those meeting every target (all when none does)."""
    measured = [trial for trial in trials if trial.measure is not None]
    feasible = [trial for trial in measured if trial.measure.feasible]  # type: ignore[union-attr]
    pool = feasible or measured

    def dominates(a: Measure, b: Measure) -> bool:
        pairs = list(enumerate(zip(a.objectives, b.objectives, strict=True)))
        no_worse = all(not objectives.better(i, y, x) for i, (x, y) in pairs)
        return no_worse and any(objectives.better(i, x, y) for i, (x, y) in pairs)

    found: list[Trial] = []
    seen: set[tuple[float, ...]] = set()
    for trial in pool:
        measure = trial.measure
        assert measure is not None
        if measure.objectives in seen:  # the same point twice (a choice that changed nothing)
            continue
        if not any(dominates(other.measure, measure) for other in pool):  # type: ignore[arg-type]
            seen.add(measure.objectives)
            found.append(trial)
    return found


def unique(trials: Sequence[Trial]) -> list[Trial]:
    """The first trial of each candidate, in order."""
    seen: set[str] = set()
    found = []
    for trial in trials:
        if trial.candidate.key not in seen:
            seen.add(trial.candidate.key)
            found.append(trial)
    return found
