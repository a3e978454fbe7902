"""What `spacesim optimise` may change: the search space, declared once and derived from data.

A candidate is a strategy (its split, who flies, its shortfall policy, its fallback rules)
and the scenario-wide choices a producer makes beside it (the booked launch date, the size of
the VFX team). Each is a dimension derived from the scenario and the registries, never a list
of names written here:

- the split: per scene kind the script has minutes of, at most two of the sources that can
  film that kind (`REGISTRY[source].refuses`): a `first` source that takes a share from one
  half to all of the kind's minutes, in steps of `SPLIT_STEP`, and a `second` that takes the
  rest (the same source twice: the first takes all). A kind only one source can film has no
  dimension. Two sources a kind, because with costs about linear in the fractions and one
  real-share target per kind, the cheapest split is a vertex of the few constraints: at most
  two sources a kind carry minutes (a linear programme's basic solution); it also keeps the
  search to three dimensions a kind, which the sampler learns in a few hundred trials.
- who flies: every non-empty subset of the scenario's crew roles, each role with its count and
  backups as the scenario lists them.
- the shortfall policy: the choices of `Strategy.shortfall`, ``reshoot`` once per source that
  can reshoot (`RESHOOT_SOURCES`), the rest to CGI.
- the fallback rules written in the scenario's strategies: per source they watch, none or one
  of them (a strategy holds one rule per source); a rule is kept only when the split gives
  its source minutes, and its destinations that can film none of the kinds its source is given
  are left out of its `move_to` (the schema would refuse them).
- `sources.orbit.booked_launch_date`: from the earliest date training allows
  (`shortest_training_days` after the start) to the deadline, in steps of `DATE_STEP_DAYS`
  through the scenario's own date (assumption: a slot can be booked to the fortnight); set
  only when the split flies to orbit.
- `sources.cgi.artists`: from half to double the scenario's team in tenths of it
  (assumption: a team a vendor can staff or release for one show).

A scenario-wide key is set only when it differs from the scenario's; `KEEPABLE` choices can be
left out of the search. `encode` places a strategy of the scenario at the nearest point of the
space, so the search can start from the producer's own.

A candidate becomes a scenario with `candidate_scenario`: the scenario with the candidate as
its only strategy and the scenario-wide changes made, validated as a file is
(`sim.scenario.changes.with_changes`). This module knows nothing of the sampler.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import math
import typing
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from sim.core.errors import UsageError
from sim.scenario.changes import plain, with_changes
from sim.scenario.quantities import SCENE_KINDS, SceneKind
from sim.scenario.schema import Scenario, Strategy
from sim.scenario.sources import RESHOOT_SOURCES, SOURCES, can_deliver

#: Split fractions are multiples of this (1/20).
SPLIT_STEP = 0.05
#: Booked launch dates are searched in steps of this many days.
DATE_STEP_DAYS = 14
#: The name the candidate strategy has in the scenario it is simulated in.
CANDIDATE = "candidate"
#: How a reshoot policy reads as a choice: ``reshoot:<source>``.
RESHOOT_PREFIX = "reshoot:"

#: The scenario-wide keys a candidate may change, by key path.
BOOKED_DATE = "sources.orbit.booked_launch_date"
VFX_TEAM = "sources.cgi.artists"
#: The choices that can be kept as the scenario has them (not searched), by the name
#: ``--keep`` takes, each with its dimension's name.
KEEPABLE = {
    "crew": "crew",
    "shortfall": "shortfall",
    "booked-date": BOOKED_DATE,
    "vfx-team": VFX_TEAM,
}


@dataclass(frozen=True)
class Share:
    """The first source's share of one scene kind's minutes: a half to all, on a grid."""

    name: str
    low: float = 0.5
    high: float = 1.0
    step: float = SPLIT_STEP


@dataclass(frozen=True)
class Choice:
    """One of several named options."""

    name: str
    options: tuple[str, ...]


@dataclass(frozen=True)
class Steps:
    """An integer from `low` to `high` in steps of `step`; a date as days after `origin`."""

    name: str
    low: int
    high: int
    step: int
    origin: dt.date | None = None
    #: Set only when the candidate's split gives this source minutes (none: always).
    only_with: str | None = None

    def value(self, number: int) -> Any:
        """What the scenario key is set to for `number`."""
        if self.origin is None:
            return int(number)
        return self.origin + dt.timedelta(days=int(number))


Dimension = Share | Choice | Steps


@dataclass(frozen=True)
class Candidate:
    """A strategy as a file writes it, and the scenario-wide changes made beside it."""

    strategy: dict[str, Any]
    changes: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """The same text for the same candidate: two trials that decode alike share a run."""
        return json.dumps([self.strategy, self.changes], sort_keys=True, default=str)


@dataclass(frozen=True)
class Space:
    """The dimensions of a scenario's search, and what a decoded candidate keeps fixed."""

    scenario: Scenario
    dimensions: tuple[Dimension, ...]
    #: Per scene kind with minutes, the sources that can film it (a kind with one is fixed).
    sources_by_kind: dict[SceneKind, tuple[str, ...]]
    #: The fallback rules found in the scenario's strategies: by the source each watches, by name.
    fallbacks: dict[str, dict[str, Any]]

    def decode(self, params: Mapping[str, Any]) -> Candidate:
        """The candidate that the sampler's `params` (one value per dimension) describe."""
        strategy: dict[str, Any] = {"description": "found by spacesim optimise"}
        strategy["split"] = {
            kind: split_of(
                sources,
                str(params.get(f"split.{kind}.first", sources[0])),
                str(params.get(f"split.{kind}.second", sources[0])),
                float(params.get(f"split.{kind}.first_share", 1.0)),
            )
            for kind, sources in self.sources_by_kind.items()
        }
        crew = params.get("crew")
        if crew is not None and crew != "+".join(self.scenario.crew):
            strategy["crew"] = {
                role: plain(self.scenario.crew[role]) for role in str(crew).split("+")
            }
        policy = str(params.get("shortfall", "cgi"))
        if policy.startswith(RESHOOT_PREFIX):
            strategy |= {"shortfall": "reshoot", "reshoot_on": policy[len(RESHOOT_PREFIX) :]}
        else:
            strategy["shortfall"] = policy
        used = {source for fractions in strategy["split"].values() for source in fractions}
        rules = {}
        for source, known in self.fallbacks.items():
            name = str(params.get(f"fallback.{source}", "off"))
            rule = fitted(known[name], strategy["split"]) if name in known else None
            if rule is not None and source in used:  # else the rule has nothing to watch
                rules[name] = rule
        if rules:
            strategy["fallbacks"] = rules
        changes = {
            dimension.name: dimension.value(int(params[dimension.name]))
            for dimension in self.dimensions
            if isinstance(dimension, Steps)
            and dimension.name in params
            and dimension.only_with in (None, *used)
            and int(params[dimension.name]) != _current(self.scenario, dimension)
        }
        return Candidate(strategy, changes)


def encode(space: Space, name: str) -> dict[str, Any]:
    """The scenario's strategy `name` as the nearest point of `space` (to start the search from).

    Per kind its two largest sources, the first's share of their sum on the grid; its crew's
    roles, policy and rules; the scenario's booked date and team, on their grids.
    """
    scenario = space.scenario
    strategy = scenario.strategies[name]
    params: dict[str, Any] = {}
    names = {dimension.name: dimension for dimension in space.dimensions}
    for kind, able in space.sources_by_kind.items():
        fractions = {s: f for s, f in strategy.split.get(kind, {}).items() if s in able and f > 0}
        if f"split.{kind}.first" not in names or not fractions:
            continue
        top = sorted(fractions, key=lambda source: -fractions[source])[:2]
        first, second = top[0], top[-1]
        share = fractions[first] / sum(fractions[source] for source in top)
        params |= {
            f"split.{kind}.first": first,
            f"split.{kind}.second": second,
            f"split.{kind}.first_share": min(1.0, max(0.5, round(share / SPLIT_STEP) * SPLIT_STEP)),
        }
    roles = "+".join(role for role in scenario.crew if role in scenario.crew_for(name))
    policy = strategy.shortfall
    choices = {
        "crew": roles,
        "shortfall": f"{RESHOOT_PREFIX}{strategy.reshoot_on}" if policy == "reshoot" else policy,
        **{f"fallback.{rule.source}": "off" for rule in strategy.fallbacks.values()},
    }
    for rule in strategy.fallbacks.values():
        for known, data in space.fallbacks.get(rule.source, {}).items():
            if data == plain(rule):
                choices[f"fallback.{rule.source}"] = known
    for key, value in choices.items():
        dimension = names.get(key)
        if isinstance(dimension, Choice) and value in dimension.options:
            params[key] = value
    for dimension in space.dimensions:
        if isinstance(dimension, Steps):
            now = _current(scenario, dimension)
            if now is not None:
                number = (
                    dimension.low + round((now - dimension.low) / dimension.step) * dimension.step
                )
                params[dimension.name] = min(dimension.high, max(dimension.low, number))
    return params


def _current(scenario: Scenario, dimension: Steps) -> int | None:
    """The scenario's own value of a scenario-wide key, as the dimension counts it."""
    if dimension.name == BOOKED_DATE:
        booked = scenario.sources.orbit.booked_launch_date
        return None if booked is None else (booked - scenario.production.start_date).days
    if dimension.name == VFX_TEAM:
        return scenario.sources.cgi.artists
    return None


def fitted(
    rule: Mapping[str, Any], split: Mapping[str, Mapping[str, float]]
) -> dict[str, Any] | None:
    """A fallback rule as it fits a split: its useless destinations left out; None if none left.

    A destination that can film none of the kinds the rule's source is given would be refused
    by the schema.
    """
    kinds = [kind for kind in SCENE_KINDS if split.get(kind, {}).get(rule["source"], 0) > 0]
    move_to = [
        source for source in rule["move_to"] if any(can_deliver(source, kind) for kind in kinds)
    ]
    return {**rule, "move_to": move_to} if move_to else None


def split_of(sources: Sequence[str], first: str, second: str, share: float) -> dict[str, float]:
    """One kind's fractions: `share` (rounded to `SPLIT_STEP`) to `first`, the rest to `second`.

    In the order of `sources`; the same source twice, or a share of 1, gives `first` all.
    """
    units = round(1 / SPLIT_STEP)
    count = min(units, max(0, round(share * units)))
    if first == second or count == units:
        return {first: 1.0}
    fractions = {first: count / units, second: (units - count) / units}
    return {source: fractions[source] for source in sources if fractions.get(source, 0) > 0}


def space_of(
    scenario: Scenario, sources: Sequence[str] | None = None, keep: Sequence[str] = ()
) -> Space:
    """The search space of `scenario` (see the module's docstring for each dimension).

    `sources` limits the split to those sources (all when None); a scene kind none of them
    can film keeps CGI, which films every kind. `keep` names choices of `KEEPABLE` left as the
    scenario has them (``crew``: the scenario's crew flies; ``shortfall``: the schema's
    default, cgi, so that nothing is cut).

    Raises:
        UsageError: `sources` names a source that does not exist.
    """
    allowed = SOURCES if not sources else tuple(sources)
    unknown = [source for source in allowed if source not in SOURCES]
    if unknown:
        raise UsageError(
            f"--source {unknown[0]}: no such source; name one of: " + ", ".join(SOURCES)
        )
    sources_by_kind: dict[SceneKind, tuple[str, ...]] = {}
    for kind in SCENE_KINDS:
        if scenario.script.minutes(kind) > 0:
            able = tuple(s for s in SOURCES if s in allowed and can_deliver(s, kind))
            sources_by_kind[kind] = able or ("cgi",)
    splits: list[Dimension] = []
    for kind, offered in sources_by_kind.items():
        if len(offered) > 1:
            splits += [
                Choice(f"split.{kind}.first", offered),
                Choice(f"split.{kind}.second", offered),
                Share(f"split.{kind}.first_share"),
            ]
    fallbacks = _fallback_rules(scenario)
    choices = [
        *_crew(scenario),
        Choice("shortfall", shortfall_choices()),
        *(Choice(f"fallback.{source}", ("off", *rules)) for source, rules in fallbacks.items()),
    ]
    steps = [_booked_date(scenario), _vfx_team(scenario)]
    kept = {KEEPABLE[name] for name in keep}
    dimensions: tuple[Dimension, ...] = (
        *splits,
        *(choice for choice in choices if len(choice.options) > 1 and choice.name not in kept),
        *(step for step in steps if step.name not in kept),
    )
    return Space(scenario, dimensions, sources_by_kind, fallbacks)


def shortfall_choices() -> tuple[str, ...]:
    """`Strategy.shortfall`'s choices, ``reshoot`` once per source that can reshoot."""
    policies = typing.get_args(Strategy.model_fields["shortfall"].annotation)
    found: list[str] = []
    for policy in policies:
        if policy == "reshoot":
            found += [f"{RESHOOT_PREFIX}{source}" for source in RESHOOT_SOURCES]
        else:
            found.append(policy)
    return tuple(found)


def _crew(scenario: Scenario) -> list[Choice]:
    """Who flies: every non-empty subset of the crew roles, the whole crew first."""
    roles = list(scenario.crew)
    subsets = [
        "+".join(subset)
        for size in range(len(roles), 0, -1)
        for subset in itertools.combinations(roles, size)
    ]
    return [Choice("crew", tuple(subsets))] if subsets else []


def _booked_date(scenario: Scenario) -> Steps:
    """The booked launch, as days after the start, from the shortest training to the deadline.

    On a grid through the scenario's own booked date, when it has one.
    """
    start = scenario.production.start_date
    earliest = math.ceil(scenario.sources.orbit.shortest_training_days)
    latest = max(earliest, math.floor(scenario.deadline_day))
    booked = scenario.sources.orbit.booked_launch_date
    anchor = earliest if booked is None else (booked - start).days
    low = anchor - (anchor - earliest) // DATE_STEP_DAYS * DATE_STEP_DAYS
    high = low + max(0, latest - low) // DATE_STEP_DAYS * DATE_STEP_DAYS
    return Steps(BOOKED_DATE, low, high, DATE_STEP_DAYS, origin=start, only_with="orbit")


def _vfx_team(scenario: Scenario) -> Steps:
    """The lead vendor's artists, from half to double the scenario's, in tenths of it."""
    artists = scenario.sources.cgi.artists
    step = max(1, round(artists / 10))
    low = max(1, round(artists / 2 / step) * step)
    count = max(1, math.ceil((2 * artists - low) / step))
    return Steps(VFX_TEAM, low, low + count * step, step)


def _fallback_rules(scenario: Scenario) -> dict[str, dict[str, Any]]:
    """The fallback rules written in the scenario's strategies, by the source each watches.

    A strategy may hold one rule per source, so the search picks one (or none) per source.
    Rules are named as written; a name another strategy gave a different rule is prefixed
    with its strategy's name.
    """
    found: dict[str, dict[str, Any]] = {}
    for strategy_name, strategy in scenario.strategies.items():
        for name, rule in strategy.fallbacks.items():
            rules = found.setdefault(rule.source, {})
            data = plain(rule)
            if data in rules.values():
                continue
            taken = any(name in others for others in found.values())
            rules[f"{strategy_name}_{name}" if taken else name] = data
    return found


def candidate_scenario(scenario: Scenario, candidate: Candidate) -> Scenario:
    """`scenario` with `candidate` as its only strategy and its changes made, validated.

    Raises:
        ScenarioError: the candidate is not a valid strategy of this scenario (a crew too big
            for a vehicle's seats, say), each problem with its key path.
    """
    changes = {"strategies": {CANDIDATE: candidate.strategy}, **candidate.changes}
    return with_changes(scenario, changes, file="<candidate>")


def is_shipped(scenario: Scenario, candidate: Candidate, name: str) -> bool:
    """Whether `candidate` is the scenario's strategy `name`, nothing else changed."""
    if candidate.changes:
        return False

    def normal(strategy: Strategy, crew: object) -> dict[str, Any]:
        data = strategy.model_dump(exclude={"description", "crew"})
        data["split"] = {kind: f for kind, f in data["split"].items() if f}
        return {**data, "crew": crew}

    mine = Strategy.model_validate(candidate.strategy)
    own = scenario.strategies[name]
    crews = (mine.crew or scenario.crew, scenario.crew_for(name))
    return normal(mine, plain(crews[0])) == normal(own, plain(crews[1]))


def shipped_candidate(scenario: Scenario, name: str) -> Candidate:
    """One of the scenario's own strategies as a candidate, nothing else changed."""
    return Candidate(plain(scenario.strategies[name]))
