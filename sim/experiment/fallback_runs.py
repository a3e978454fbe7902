"""What each fallback rule is worth: its strategy without it, pair by pair, on the run's numbers.

The counterfactual of a rule is the same strategy without that rule, replication by
replication on the same random numbers. A rule that did not fire in a replication changed
nothing there: its watch only ends a wait sooner when it fires (`sim.model.fallback`; a
cancellation that fires it is a firing too), so the strategy without it has the run's own
outcome in that replication. Only the replications
it fired in are simulated again without it (`brute_force` reruns every one; tests check that
the two agree), so a rule costs about its firing rate times a strategy's run. The variants
are kept apart from the run's table: they are no strategy of the scenario.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from sim.experiment.reruns import COST, DELIVERY, REAL_SHARE, Reruns, Variant
from sim.experiment.results import Results, fallback_columns
from sim.scenario.schema import Scenario
from sim.scenario.value_lists import setting_text


@dataclass(frozen=True)
class RuleRuns:
    """One rule of one strategy: where it fired, and the strategy's outcomes without it."""

    strategy: str
    rule: str
    #: Per replication: whether the rule fired.
    fired: np.ndarray
    #: Per replication, the strategy without the rule: its cost, delivery day (infinity:
    #: never delivered) and real share.
    cost_usd: np.ndarray
    delivery_day: np.ndarray
    real_share: np.ndarray
    #: Replications simulated again to measure it.
    reruns: int


@dataclass(frozen=True)
class FallbackRuns:
    """Every rule of a run's strategies, each against its strategy without it."""

    rules: tuple[RuleRuns, ...] = ()

    def of(self, strategy: str) -> tuple[RuleRuns, ...]:
        """The rules of `strategy`, in the scenario's order."""
        return tuple(runs for runs in self.rules if runs.strategy == strategy)


def without_rule(scenario: Scenario, strategy: str, rule: str) -> tuple[Scenario, tuple[str, ...]]:
    """`scenario` with `strategy`'s fallback rule `rule` removed (every other part as it is).

    With it, the setting that makes the same scenario through `with_changes` (the strategy's
    other rules, whole), as ``spacesim trace --set`` replays a failed rerun.
    """
    chosen = scenario.strategies[strategy]
    rules = {name: kept for name, kept in chosen.fallbacks.items() if name != rule}
    changed = chosen.model_copy(update={"fallbacks": rules})
    setting = setting_text(f"strategies.{strategy}.fallbacks", rules)
    strategies = {**scenario.strategies, strategy: changed}
    return scenario.model_copy(update={"strategies": strategies}), (setting,)


def measure_fallbacks(
    results: Results,
    *,
    jobs: int = 1,
    dask: object = None,
    scenario_file: str = "<scenario>",
    brute_force: bool = False,
) -> FallbackRuns:
    """Each rule of the run's strategies against its strategy without it, on the run's numbers.

    Raises:
        ReplicationError: some reruns raised.
    """
    plan = FallbackPlan(results, brute_force)
    reruns = Reruns(plan.variants, results.seed, jobs=jobs, dask=dask, scenario_file=scenario_file)
    return plan.measured(reruns.outcomes())


class FallbackPlan:
    """What measuring a run's fallback rules reruns (`variants`), and how it reads them back."""

    def __init__(self, results: Results, brute_force: bool = False) -> None:
        scenario = results.scenario
        self._results = results
        #: (strategy, rule, where it fired, the replications rerun)
        self._plans: list[tuple[str, str, np.ndarray, np.ndarray]] = []
        self.variants: list[Variant] = []
        for strategy in results.strategies:
            for name, rule in scenario.strategies[strategy].fallbacks.items():
                day = results.column(fallback_columns(rule.source)[0], strategy).astype(float)
                fired = ~np.isnan(day)
                chosen = np.arange(len(fired)) if brute_force else np.flatnonzero(fired)
                self._plans.append((strategy, name, fired, chosen))
                pairs = tuple((int(i), strategy) for i in chosen)
                changed, settings = without_rule(scenario, strategy, name)
                self.variants.append(Variant(changed, pairs, settings))

    def measured(self, outcomes: list[np.ndarray]) -> FallbackRuns:
        """The rules' values, from each variant's reruns (`Reruns.outcomes`, in order)."""
        found = []
        for (strategy, name, fired, chosen), rows in zip(self._plans, outcomes, strict=True):
            own = np.column_stack(
                [
                    self._results.column(column, strategy).astype(float)
                    for column in ("cost_usd", "delivery_day", "real_share")
                ]
            )
            own[chosen] = rows[:, [COST, DELIVERY, REAL_SHARE]]
            found.append(
                RuleRuns(
                    strategy=strategy,
                    rule=name,
                    fired=fired,
                    cost_usd=own[:, 0],
                    delivery_day=own[:, 1],
                    real_share=own[:, 2],
                    reruns=len(chosen),
                )
            )
        return FallbackRuns(tuple(found))
