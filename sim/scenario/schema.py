"""The scenario: a tree of frozen typed nodes, plus the checks that span several nodes.

Pydantic checks each node (types, ranges, unknown keys, distribution parameters). The checks
that need the whole tree - fractions that sum to 1, a source that cannot deliver a scene kind,
a deadline before the start - live in `Scenario.problems()`, which returns every problem with
its key path rather than stopping at the first.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from sim.core.errors import Problem
from sim.scenario import money
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


class Scenario(Node):
    """A whole scenario file, every default filled in."""

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
        crew_path = f"strategies.{name}.crew" if strategy.crew is not None else "crew"
        crew = self.crew_for(name)
        planned: set[str] = set(strategy.planned_minutes(self.script))
        if strategy.shortfall == "reshoot" and strategy.reshoot_on is not None:
            planned.add(strategy.reshoot_on)
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
