"""What each risk event costs a run, and what each mitigation saves, on common random numbers.

A risk's exposure is the mean, over a strategy's replications, of the outcome with the event
minus the outcome without it (its chance set to 0); a mitigation's benefit, the outcome
without it minus the outcome with it. Both are measured pair by pair on the run's own random
numbers, rerunning only the replications a change can touch: the register draws every event's
numbers whatever occurs and whatever is bought (`sim.model.register.draw_all`), so

- a replication the event did not strike is the same without it (an event that occurred but
  never struck, such as an early return from a stay that was cancelled, changed nothing);
- a mitigation that only lowers the chance removes the occurrences whose number lies between
  the two chances: those replications are the event's removal reruns, plus the mitigation's
  cost; the others are the run's own, plus its cost;
- only a mitigation that scales the impact (or raises the chance) reruns the replications it
  struck (or newly strikes) with the mitigation bought.

So the reruns number about the events' hit rates times a run, not a run per event.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.core.rng import Streams
from sim.experiment.reruns import COST, DELIVERY, Pair, Reruns, Variant
from sim.experiment.results import Results
from sim.model.exchange import draw_rates
from sim.model.register import draw_all
from sim.model.risks import exposed
from sim.scenario.risks import RiskEvent
from sim.scenario.schema import Scenario
from sim.scenario.value_lists import setting_text


@dataclass(frozen=True)
class Measured:
    """A scenario's outcomes for the strategies an event can strike, replication by replication."""

    cost_usd: dict[str, np.ndarray]
    delivery_day: dict[str, np.ndarray]
    #: Pairs simulated again to measure it.
    reruns: int = 0


@dataclass(frozen=True)
class Exposures:
    """Every event of a run without it, and with each of its mitigations bought and not."""

    #: Per event, the strategies it can strike, in the run's order.
    exposed: dict[str, tuple[str, ...]]
    #: Per event, whether it occurred in each replication (strategies aside).
    occurred: dict[str, np.ndarray]
    #: Per event: the run's outcomes, and those without the event (chance 0, nothing bought).
    base: dict[str, Measured]
    removed: dict[str, Measured]
    #: Per event and mitigation: the outcomes without it and with it bought.
    without: dict[str, dict[str, Measured]]
    bought: dict[str, dict[str, Measured]]
    #: Per event and mitigation, what it costs in each replication.
    mitigation_usd: dict[str, dict[str, np.ndarray]]

    @property
    def reruns(self) -> int:
        """All pairs simulated again."""
        measured = [*self.removed.values()]
        measured += [
            m for by in (self.without, self.bought) for one in by.values() for m in one.values()
        ]
        return sum(m.reruns for m in measured)


def variant(scenario: Scenario, name: str, **changes: object) -> tuple[Scenario, tuple[str, ...]]:
    """`scenario` with event `name` changed (checked as a file's is), and the change as settings.

    The settings (``risks.<name>.<key>=<value>``) make the same scenario through
    `sim.scenario.changes.with_changes`, as ``spacesim trace --set`` replays a failed rerun.
    """
    event = RiskEvent.model_validate({**scenario.risks[name].model_dump(), **changes})
    settings = tuple(setting_text(f"risks.{name}.{key}", value) for key, value in changes.items())
    return scenario.model_copy(update={"risks": {**scenario.risks, name: event}}), settings


@dataclass(frozen=True)
class _Plan:
    """One variant of one event: where each pair's outcome comes from."""

    scenario: Scenario
    #: The settings that make `scenario` from the run's (`variant`).
    settings: tuple[str, ...]
    name: str
    #: Per strategy and replication: 0 = the run's own, 1 = the removal's, 2 = rerun.
    origin: dict[str, np.ndarray]
    #: Per strategy and replication: the cost to add to the outcome taken.
    extra: dict[str, np.ndarray]
    rerun: tuple[Pair, ...]


def measure(
    results: Results,
    *,
    jobs: int = 1,
    dask: object = None,
    scenario_file: str = "<scenario>",
    brute_force: bool = False,
) -> Exposures:
    """Measure every event's exposure and every mitigation's benefit on the run's numbers.

    `brute_force` reruns every pair of every variant instead (tests check both agree).

    Raises:
        ReplicationError: some reruns raised.
    """
    plan = RegisterPlan(results, brute_force)
    reruns = Reruns(plan.variants, results.seed, jobs=jobs, dask=dask, scenario_file=scenario_file)
    return plan.measured(reruns.outcomes())


class RegisterPlan:
    """What measuring a run's register reruns (`variants`), and how it reads them back."""

    def __init__(self, results: Results, brute_force: bool = False) -> None:
        scenario, n = results.scenario, results.replications
        self._results = results
        self._uniforms, self._costs = _register_numbers(scenario, results.seed, n)
        self._strategies: dict[str, tuple[str, ...]] = {}
        #: (event, mitigation; None: the removal, plan)
        self._plans: list[tuple[str, str | None, _Plan]] = []
        for name, event in scenario.risks.items():
            strategies = tuple(s for s in results.strategies if exposed(scenario, s, event.hits))
            self._strategies[name] = strategies
            struck = {s: results.column(f"risk_{name}", s) > 0.5 for s in strategies}
            context = _Event(
                scenario, name, struck, self._uniforms[name], self._costs[name], brute_force
            )
            removal = variant(scenario, name, probability=0.0, mitigation=None)
            self._plans.append((name, None, _plan(*removal, context, removal=True)))
            for listed in event.mitigations:
                other = listed if listed != event.mitigation else None
                changed = variant(scenario, name, mitigation=other)  # the bought one: dropped
                self._plans.append((name, listed, _plan(*changed, context, removal=False)))
        self.variants = [
            Variant(plan.scenario, plan.rerun, plan.settings) for _, _, plan in self._plans
        ]

    def measured(self, outcomes: list[np.ndarray]) -> Exposures:
        """The exposures, from each variant's reruns (`Reruns.outcomes`, in `variants` order)."""
        scenario, results = self._results.scenario, self._results
        base = {name: _own(results, self._strategies[name]) for name in scenario.risks}
        removed: dict[str, Measured] = {}
        without: dict[str, dict[str, Measured]] = {name: {} for name in scenario.risks}
        bought: dict[str, dict[str, Measured]] = {name: {} for name in scenario.risks}
        for (name, mitigation, plan), rows in zip(self._plans, outcomes, strict=True):
            found = _assemble(base[name], removed.get(name), plan, rows)
            if mitigation is None:
                removed[name] = found
            elif mitigation == scenario.risks[name].mitigation:  # the run is "with" it
                without[name][mitigation], bought[name][mitigation] = found, base[name]
            else:
                without[name][mitigation], bought[name][mitigation] = base[name], found
        occurred = {
            name: self._uniforms[name] < event.chance for name, event in scenario.risks.items()
        }
        return Exposures(self._strategies, occurred, base, removed, without, bought, self._costs)


def _register_numbers(
    scenario: Scenario, seed: int, n: int
) -> tuple[dict[str, np.ndarray], dict[str, dict[str, np.ndarray]]]:
    """Each event's occurrence number and each mitigation's cost, replication by replication."""
    uniforms = {name: np.empty(n) for name in scenario.risks}
    costs = {name: {m: np.empty(n) for m in e.mitigations} for name, e in scenario.risks.items()}
    for replication in range(n):
        streams = Streams(seed, replication)  # the rates too: a cost in another currency
        draws = draw_all(scenario, streams, draw_rates(scenario.production, streams))
        for name, value in draws.uniforms.items():
            uniforms[name][replication] = value
            for mitigation, cost in draws.mitigation_costs[name].items():
                costs[name][mitigation][replication] = cost
    return uniforms, costs


def _paid(event: RiskEvent, costs: dict[str, np.ndarray], n: int) -> np.ndarray:
    """What a scenario pays for the event's bought mitigation, per replication."""
    return costs[event.mitigation] if event.mitigation is not None else np.zeros(n)


def _factors(event: RiskEvent) -> tuple[float, float]:
    bought = event.applied()
    return (1.0, 1.0) if bought is None else (bought.delay_factor, bought.cost_factor)


@dataclass(frozen=True)
class _Event:
    """What planning a variant of one event reads from the run."""

    run: Scenario
    name: str
    #: Per strategy it can strike: whether it struck, replication by replication.
    struck: dict[str, np.ndarray]
    uniforms: np.ndarray
    costs: dict[str, np.ndarray]
    brute_force: bool


def _plan(changed: Scenario, settings: tuple[str, ...], event: _Event, *, removal: bool) -> _Plan:
    """Which pairs of variant `changed` of event `name` are the run's, the removal's or rerun.

    A pair the event struck in the run is the removal's if the event no longer occurs, the
    run's if it occurs with the same impact, else rerun; a pair it did not strike is the run's
    unless the event newly occurs (a higher chance), then rerun. The run's and the removal's
    outcomes get the change in what is paid for mitigations; a rerun pays its own. The
    removal itself (`removal`) reruns what the event struck.
    """
    name, uniforms = event.name, event.uniforms
    before, after = event.run.risks[name], changed.risks[name]
    paid_before = _paid(before, event.costs, len(uniforms))
    paid_after = _paid(after, event.costs, len(uniforms))
    now, then = uniforms < after.chance, uniforms < before.chance
    same_impact = _factors(after) == _factors(before)
    origin: dict[str, np.ndarray] = {}
    extra: dict[str, np.ndarray] = {}
    rerun: list[Pair] = []
    for strategy, hit in event.struck.items():
        where = np.zeros(len(uniforms), dtype=np.int8)
        if event.brute_force:
            where[:] = 2
        else:
            where[hit & ~now] = 2 if removal else 1
            if not same_impact:
                where[hit & now] = 2
            where[~hit & now & ~then] = 2
        extra[strategy] = np.select(
            [where == 0, where == 1], [paid_after - paid_before, paid_after], 0.0
        )
        origin[strategy] = where
        rerun += [(int(i), strategy) for i in np.flatnonzero(where == 2)]
    return _Plan(changed, settings, name, origin, extra, tuple(sorted(rerun)))


def _own(results: Results, strategies: tuple[str, ...]) -> Measured:
    """The run's own outcomes."""
    return Measured(
        {s: results.column("cost_usd", s).astype(float) for s in strategies},
        {s: results.column("delivery_day", s).astype(float) for s in strategies},
    )


def _assemble(base: Measured, removal: Measured | None, plan: _Plan, rows: np.ndarray) -> Measured:
    """A variant's outcomes: the run's, the removal's or its reruns', pair by pair."""
    rerun_cost, rerun_delivery = rows[:, COST], rows[:, DELIVERY]
    at = {pair: index for index, pair in enumerate(plan.rerun)}
    cost: dict[str, np.ndarray] = {}
    delivery: dict[str, np.ndarray] = {}
    for strategy, where in plan.origin.items():
        c, d = base.cost_usd[strategy].copy(), base.delivery_day[strategy].copy()
        if removal is not None:
            taken = where == 1
            c[taken], d[taken] = (
                removal.cost_usd[strategy][taken],
                removal.delivery_day[strategy][taken],
            )
        for i in np.flatnonzero(where == 2):
            index = at[(int(i), strategy)]
            c[i], d[i] = rerun_cost[index], rerun_delivery[index]
        extra = plan.extra[strategy]
        cost[strategy] = np.where(extra != 0.0, c + extra, c)
        delivery[strategy] = d
    return Measured(cost, delivery, len(plan.rerun))
