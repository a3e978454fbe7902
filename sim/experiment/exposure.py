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

from sim.core.errors import Failure, ReplicationError
from sim.core.rng import Streams
from sim.experiment.executors import run_batches
from sim.experiment.results import Results
from sim.model.exchange import draw_rates
from sim.model.register import draw_all
from sim.model.replication import run_replication
from sim.model.risks import exposed
from sim.scenario.risks import RiskEvent
from sim.scenario.schema import Scenario

#: Reruns per batch handed to a worker.
RERUN_BATCH = 20

Pair = tuple[int, str]


@dataclass(frozen=True)
class Rerun:
    """Some (replication, strategy) pairs of one variant scenario to run again."""

    scenario: Scenario
    seed: int
    pairs: tuple[Pair, ...]
    #: (variant, first pair's place among its reruns): where the answers go back.
    key: tuple[int, int] = (0, 0)

    @property
    def start(self) -> int:
        """For the executors' progress count: a batch of `len(pairs)` runs."""
        return 0

    @property
    def stop(self) -> int:
        """See `start`."""
        return len(self.pairs)


Answer = tuple[tuple[int, int], np.ndarray, np.ndarray, list[Failure]]


def rerun_batch(batch: Rerun) -> Answer:
    """Cost and delivery day of each pair, in order; a pair that raises is a failure (NaN)."""
    cost = np.full(len(batch.pairs), np.nan)
    delivery = np.full(len(batch.pairs), np.nan)
    failures: list[Failure] = []
    for index, (replication, strategy) in enumerate(batch.pairs):
        try:
            outcome = run_replication(
                batch.scenario, strategy, batch.seed, replication, record=False
            )
        except Exception as error:
            failures.append(Failure(strategy, replication, f"{type(error).__name__}: {error}"))
            continue
        cost[index] = outcome.cost_usd
        delivery[index] = outcome.delivery_day
    return batch.key, cost, delivery, failures


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


def variant(scenario: Scenario, name: str, **changes: object) -> Scenario:
    """`scenario` with event `name` changed, the event checked as a scenario file's is."""
    event = RiskEvent.model_validate({**scenario.risks[name].model_dump(), **changes})
    return scenario.model_copy(update={"risks": {**scenario.risks, name: event}})


@dataclass(frozen=True)
class _Plan:
    """One variant of one event: where each pair's outcome comes from."""

    scenario: Scenario
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
    scenario, seed, n = results.scenario, results.seed, results.replications
    uniforms, costs = _register_numbers(scenario, seed, n)
    strategies: dict[str, tuple[str, ...]] = {}
    plans: list[tuple[str, str | None, _Plan]] = []  # (event, mitigation; None: removal, plan)
    for name, event in scenario.risks.items():
        strategies[name] = tuple(s for s in results.strategies if exposed(scenario, s, event.hits))
        struck = {s: results.column(f"risk_{name}", s) > 0.5 for s in strategies[name]}
        context = _Event(scenario, name, struck, uniforms[name], costs[name], brute_force)
        removal = variant(scenario, name, probability=0.0, mitigation=None)
        plans.append((name, None, _plan(removal, context, removal=True)))
        for listed in event.mitigations:
            other = listed if listed != event.mitigation else None
            changed = variant(scenario, name, mitigation=other)  # the bought one: dropped
            plans.append((name, listed, _plan(changed, context, removal=False)))
    answers = _rerun([plan for _, _, plan in plans], seed, jobs, dask, scenario_file)
    base = {name: _own(results, strategies[name]) for name in scenario.risks}
    removed: dict[str, Measured] = {}
    without: dict[str, dict[str, Measured]] = {name: {} for name in scenario.risks}
    bought: dict[str, dict[str, Measured]] = {name: {} for name in scenario.risks}
    for (name, mitigation, plan), answer in zip(plans, answers, strict=True):
        found = _assemble(base[name], removed.get(name), plan, answer)
        if mitigation is None:
            removed[name] = found
        elif mitigation == scenario.risks[name].mitigation:  # the run is "with" it
            without[name][mitigation], bought[name][mitigation] = found, base[name]
        else:
            without[name][mitigation], bought[name][mitigation] = base[name], found
    occurred = {name: uniforms[name] < event.chance for name, event in scenario.risks.items()}
    return Exposures(strategies, occurred, base, removed, without, bought, costs)


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


def _plan(changed: Scenario, event: _Event, *, removal: bool) -> _Plan:
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
    return _Plan(changed, name, origin, extra, tuple(sorted(rerun)))


def _own(results: Results, strategies: tuple[str, ...]) -> Measured:
    """The run's own outcomes."""
    return Measured(
        {s: results.column("cost_usd", s).astype(float) for s in strategies},
        {s: results.column("delivery_day", s).astype(float) for s in strategies},
    )


def _assemble(
    base: Measured, removal: Measured | None, plan: _Plan, answer: tuple[np.ndarray, np.ndarray]
) -> Measured:
    """A variant's outcomes: the run's, the removal's or its reruns', pair by pair."""
    rerun_cost, rerun_delivery = answer
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


def _rerun(
    plans: list[_Plan], seed: int, jobs: int, dask: object, scenario_file: str
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each plan's reruns' cost and delivery, in the plan's pair order."""
    batches = [
        Rerun(plan.scenario, seed, plan.rerun[start : start + RERUN_BATCH], (index, start))
        for index, plan in enumerate(plans)
        for start in range(0, len(plan.rerun), RERUN_BATCH)
    ]
    found = [(np.full(len(plan.rerun), np.nan), np.full(len(plan.rerun), np.nan)) for plan in plans]
    failures: list[Failure] = []
    workers = jobs if len(batches) > 1 else 1
    for (index, start), cost, delivery, failed in run_batches(
        rerun_batch, batches, workers, None, dask
    ):
        found[index][0][start : start + len(cost)] = cost
        found[index][1][start : start + len(delivery)] = delivery
        failures += failed
    if failures:
        failures.sort(key=lambda f: (f.replication, f.strategy))
        raise ReplicationError(scenario_file, seed, failures)
    return found
