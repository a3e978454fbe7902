"""The scenario: a tree of frozen typed nodes, plus the checks that span several nodes.

Pydantic checks each node (types, ranges, unknown keys, distribution parameters). The checks
that need the whole tree - fractions that sum to 1, a source that cannot deliver a scene kind,
a deadline before the start - live in `Scenario.problems()`, which returns every problem with
its key path rather than stopping at the first.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from pydantic import Field, PrivateAttr

from sim.core.errors import Problem
from sim.scenario import money
from sim.scenario.fallbacks import Fallback
from sim.scenario.fallbacks import problems as fallback_problems
from sim.scenario.production import Production, basis_problems
from sim.scenario.quantities import (
    SCENE_KINDS,
    SUM_TOLERANCE,
    Count,
    Days,
    Money,
    Name,
    Node,
    Number,
    Probability,
    SceneKind,
)
from sim.scenario.risks import RiskEvent
from sim.scenario.sources import (
    CANCELLABLE,
    REGISTRY,
    RESHOOT_SOURCES,
    SOURCES,
    ReshootSource,
    SourceName,
    Sources,
)
from sim.scenario.targets import Targets
from sim.scenario.targets import problems as target_problems

#: The last date a replication may reach (its horizon): dates past it are not counted.
LAST_DAY = dt.date(2999, 12, 31)
#: The most strategies one scenario compares (see `Scenario.strategies`).
MAX_STRATEGIES = 40
#: The most replications per strategy a run may ask for, and the largest master seed.
MAX_REPLICATIONS = 1_000_000
MAX_SEED = 2**63 - 1


class Simulation(Node):
    """How many replications, from which seed, and how far a replication may run."""

    replications: Count = Field(ge=1, le=MAX_REPLICATIONS, description="replications per strategy")
    seed: Count = Field(ge=0, le=MAX_SEED, description="master seed of every random stream")
    horizon_days: Number = Field(
        gt=0, le=36_500, description="a replication still running after this counts as late"
    )


class Script(Node):
    """Screen minutes the script needs, per scene kind."""

    weightless_interior: Number = Field(ge=0, le=10_000)
    earth_view: Number = Field(ge=0, le=10_000)
    exterior_eva: Number = Field(ge=0, le=10_000)
    launch_landing: Number = Field(ge=0, le=10_000)
    ground_drama: Number = Field(ge=0, le=10_000)

    def minutes(self, kind: SceneKind) -> float:
        """Screen minutes of one scene kind."""
        return float(getattr(self, kind))

    @property
    def total(self) -> float:
        """All screen minutes of the script."""
        return sum(self.minutes(kind) for kind in SCENE_KINDS)


class CrewRole(Node):
    """People of one role who fly, and the backups trained alongside them."""

    count: Count = Field(ge=1, le=20, description="people of this role who fly")
    backups: Count = Field(ge=0, le=20, description="backups trained alongside them")


class Strategy(Node):
    """Where each scene kind's minutes come from, and what happens to minutes not obtained."""

    description: str = Field(default="", description="what the strategy is")
    split: dict[SceneKind, dict[SourceName, Probability]] = Field(
        description="per scene kind, the fraction of its minutes from each source (sums to 1)"
    )
    crew: dict[Name, CrewRole] | None = Field(
        default=None, description="who flies in this strategy; none = the scenario's crew"
    )
    orbit_flights: Count | None = Field(
        default=None,
        ge=1,
        le=20,
        description="orbital flights this strategy flies its crew on, each filming what the"
        " earlier ones missed; none = sources.orbit.flights",
    )
    shortfall: Literal["cgi", "cut", "reshoot"] = Field(
        default="cgi",
        description="cgi: remake missing minutes as full-CG shots; cut: release a shorter film;"
        " reshoot: film them again on `reshoot_on` once the shortfall is known",
    )
    reshoot_on: ReshootSource | None = Field(
        default=None, description="shortfall: reshoot: the source that films the missing scenes"
    )
    reshoot_rest: Literal["cgi", "cut"] = Field(
        default="cgi",
        description="shortfall: reshoot: what happens to minutes the reshoot cannot deliver or"
        " still misses",
    )
    fallbacks: dict[Name, Fallback] = Field(
        default_factory=dict,
        description="rules that cancel a segment when a trigger fires (a date passed, slots"
        " missed, a fleet grounded too long) and move its unfilmed minutes to other sources;"
        " none = the strategy waits its segments out. See docs/how-to/fallback-rules.md",
    )

    def planned_minutes(self, script: Script) -> dict[SourceName, dict[SceneKind, float]]:
        """Screen minutes planned from each source, per scene kind (sources with none left out)."""
        plan: dict[SourceName, dict[SceneKind, float]] = {}
        for kind, fractions in self.split.items():
            for source, fraction in fractions.items():
                minutes = script.minutes(kind) * fraction
                if minutes > 0:
                    plan.setdefault(source, {})[kind] = minutes
        return plan


class Post(Node):
    """Editorial after the last picture, then sound, music, colour and conform after VFX."""

    editorial_days: Days
    finishing_days: Days
    cost_usd: Money


class FileData:
    """The plain data a scenario was validated from, before its defaults were laid under it.

    Kept so that a change re-layers the defaults and vehicle profiles as loading the file did
    (`sim.scenario.changes.with_changes`). Provenance, not part of the scenario's value: any two
    compare equal, so two scenarios are equal when their fields are.
    """

    __slots__ = ("data",)

    def __init__(self, data: Any = None) -> None:
        self.data = data

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FileData)

    def __hash__(self) -> int:
        return 0


class FileSources:
    """The sources a scenario file gives as comments, by key path (``production.budget_usd``).

    Read with the file (``budget_usd: 200_000_000  # Variety``, `sim.scenario.yaml_text`),
    shown by the assumption register and written beside their values in the resolved scenario.
    Provenance, as `FileData`: any two compare equal.
    """

    __slots__ = ("by_path",)

    def __init__(self, by_path: Mapping[str, str] | None = None) -> None:
        self.by_path = dict(by_path or {})

    def without(self, sections: Iterable[str]) -> FileSources:
        """These sources but those of the values in `sections` (top-level keys)."""
        gone = set(sections)
        return FileSources(
            {
                path: source
                for path, source in self.by_path.items()
                if path.split(".")[0].split("[")[0] not in gone
            }
        )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FileSources)

    def __hash__(self) -> int:
        return 0


class Scenario(Node):
    """A whole scenario file, every default filled in."""

    _file: FileData = PrivateAttr(default_factory=FileData)
    _sources: FileSources = PrivateAttr(default_factory=FileSources)

    simulation: Simulation
    production: Production
    script: Script
    crew: dict[Name, CrewRole]
    sources: Sources
    post: Post
    risks: dict[Name, RiskEvent]
    strategies: dict[Name, Strategy] = Field(
        min_length=1,
        max_length=MAX_STRATEGIES,
        description=f"the strategies to compare, at most {MAX_STRATEGIES}: each is a row of every"
        " table and a panel or bar of every figure, past which they cannot be read; compare"
        " more over several files with spacesim compare",
    )
    targets: Targets | None = Field(
        default=None,
        description="what the film must reach (real footage, confidence of date and budget);"
        " the decision names the strategies that meet every target. See"
        " docs/how-to/set-targets.md",
    )

    def file_data(self) -> dict[str, Any]:
        """A deep copy of the data this scenario was validated from, defaults not laid under.

        A scenario built otherwise than by `sim.scenario.load.scenario_from_data` (or changed
        by ``model_copy(update=...)``) gives its own dump, every default filled in.
        """
        if isinstance(self._file.data, dict):
            return copy.deepcopy(self._file.data)
        data: dict[str, Any] = self.model_dump(by_alias=True, exclude_none=True)
        return data

    def keep_file_data(self, data: dict[str, Any]) -> None:
        """Remember (a deep copy of) the data this scenario was validated from."""
        self._file = FileData(copy.deepcopy(data))

    @property
    def comment_sources(self) -> dict[str, str]:
        """The sources the file gave as comments, by key path (a copy; empty when none)."""
        return dict(self._sources.by_path)

    def keep_comment_sources(self, sources: Mapping[str, str]) -> None:
        """Remember the sources the file gave as comments (`sim.scenario.yaml_text`)."""
        self._sources = FileSources(sources)

    def model_copy(  # noqa: D102
        self, *, update: Mapping[str, Any] | None = None, deep: bool = False
    ) -> Scenario:
        copied = super().model_copy(update=update, deep=deep)
        if update:  # the file's data no longer describes the copy
            copied._file = FileData()
            copied._sources = self._sources.without(update)  # nor its comments the new values
        return copied

    @property
    def deadline_day(self) -> float:
        """Simulation day of the delivery deadline."""
        return float((self.production.deadline_date - self.production.start_date).days)

    def crew_for(self, strategy: str) -> dict[str, CrewRole]:
        """The crew a strategy flies: its own if it lists one, else the scenario's."""
        own = self.strategies[strategy].crew
        return self.crew if own is None else own

    def problems(self) -> list[Problem]:
        """Every problem that spans several nodes, each with its key path."""
        found: list[Problem] = []
        production = self.production
        if (LAST_DAY - production.start_date).days < self.simulation.horizon_days:
            found.append(
                Problem(
                    "production.start_date",
                    f"{production.start_date} plus the horizon of"
                    f" {self.simulation.horizon_days:g} days passes {LAST_DAY}, the last date"
                    " spacesim counts to; start earlier or shorten simulation.horizon_days",
                )
            )
        if production.deadline_date <= production.start_date:
            found.append(
                Problem(
                    "production.deadline_date",
                    f"{production.deadline_date} is not after start_date {production.start_date}; "
                    "set a deadline after the start",
                )
            )
        if self.script.total <= 0:
            found.append(
                Problem(
                    "script", "no screen minutes at all; give at least one scene kind some minutes"
                )
            )
        found += basis_problems(production) + money.problems(self)
        found += target_problems(
            self.targets, {kind: self.script.minutes(kind) for kind in SCENE_KINDS}
        )
        for name, strategy in self.strategies.items():
            found += self._strategy_problems(name, strategy)
        for name, risk in self.risks.items():
            if risk.effect == "early_return" and risk.hits != "orbit":
                found.append(
                    Problem(
                        f"risks.{name}.effect",
                        f"'early_return' cannot apply to {risk.hits}; only a stay in orbit can end"
                        " early (hits: orbit)",
                    )
                )
            if risk.mitigation is not None and risk.mitigation not in risk.mitigations:
                found.append(
                    Problem(
                        f"risks.{name}.mitigation",
                        f"no mitigation '{risk.mitigation}'; name one of `mitigations`: "
                        + (", ".join(risk.mitigations) or "(none listed)"),
                    )
                )
            if risk.effect == "cancel" and risk.hits not in CANCELLABLE:
                found.append(
                    Problem(
                        f"risks.{name}.effect",
                        f"'cancel' cannot apply to {risk.hits}; cancel hits one of: "
                        + ", ".join(CANCELLABLE),
                    )
                )
        return found

    def _strategy_problems(self, name: str, strategy: Strategy) -> list[Problem]:
        found: list[Problem] = []
        base = f"strategies.{name}.split"
        for kind in SCENE_KINDS:
            minutes = self.script.minutes(kind)
            fractions = strategy.split.get(kind)
            if fractions is None:
                if minutes > 0:
                    found.append(
                        Problem(
                            base,
                            f"scene kind '{kind}' has {minutes:g} screen minutes in the script but "
                            f"no split; add e.g. {kind}: {{cgi: 1}}",
                        )
                    )
                continue
            total = sum(fractions.values())
            if abs(total - 1) > SUM_TOLERANCE:
                found.append(
                    Problem(f"{base}.{kind}", f"fractions sum to {total:g}; they must sum to 1")
                )
            for source, fraction in fractions.items():
                reason = REGISTRY[source].refuses.get(kind)
                if fraction > 0 and reason:
                    found.append(
                        Problem(
                            f"{base}.{kind}.{source}",
                            f"{source} cannot deliver {kind}: {reason}; move this fraction to "
                            "another source",
                        )
                    )
        found += _reshoot_problems(name, strategy)
        if strategy.orbit_flights is not None and "orbit" not in strategy.planned_minutes(
            self.script
        ):
            found.append(
                Problem(
                    f"strategies.{name}.orbit_flights",
                    "the strategy plans no minutes in orbit, so it flies no orbital flight;"
                    " give orbit a share of the split or remove orbit_flights",
                )
            )
        plan = strategy.planned_minutes(self.script)
        found += fallback_problems(
            name,
            strategy.fallbacks,
            plan,
            start_date=self.production.start_date,
            free_flyer=self.sources.orbit.mission == "free_flyer",
        )
        crew_path = f"strategies.{name}.crew" if strategy.crew is not None else "crew"
        crew = self.crew_for(name)
        planned: set[str] = set(plan)
        if strategy.shortfall == "reshoot" and strategy.reshoot_on is not None:
            planned.add(strategy.reshoot_on)
        planned.update(source for rule in strategy.fallbacks.values() for source in rule.move_to)
        if any(REGISTRY[source].flies_crew for source in planned) and not crew:
            found.append(
                Problem(
                    crew_path, f"strategy '{name}' flies people but no crew is listed; add a role"
                )
            )
        flyers = sum(role.count for role in crew.values())
        for source in sorted(planned, key=SOURCES.index):
            seats = getattr(self.sources.of(source), "seats_per_flight", None)
            if REGISTRY[source].flies_crew and seats is not None and flyers > seats:
                article = "an" if source[0] in "aeiou" else "a"
                found.append(
                    Problem(
                        crew_path,
                        f"{flyers} flyers do not fit the {seats} seats of {article} {source}"
                        f" flight; fly fewer people or raise sources.{source}.seats_per_flight",
                    )
                )
        return found


def _reshoot_problems(name: str, strategy: Strategy) -> list[Problem]:
    """A reshoot policy names its source; a source named without the policy is a slip."""
    path = f"strategies.{name}.reshoot_on"
    if strategy.shortfall == "reshoot" and strategy.reshoot_on is None:
        return [
            Problem(
                path,
                "shortfall 'reshoot' needs the source to reshoot on; set reshoot_on to one of: "
                + ", ".join(RESHOOT_SOURCES),
            )
        ]
    if strategy.shortfall != "reshoot" and strategy.reshoot_on is not None:
        return [
            Problem(
                path,
                f"reshoot_on is only used with shortfall: reshoot (this strategy's shortfall is "
                f"'{strategy.shortfall}'); set shortfall: reshoot or remove reshoot_on",
            )
        ]
    return []
