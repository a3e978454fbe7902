"""A run's what-ifs, measured together: its risk register and its fallback rules.

Both rerun variants of the run's scenario on its own random numbers
(`sim.experiment.reruns`); handed over as one list, the workers go from the register's
variants to the rules' with no pause between and no second start. `start_what_ifs` hands
them to the run's pool and returns at once, so that what is submitted next (the run's
figures) queues behind them; `WhatIfsMeasuring.result` waits for them. Without a pool (one
job) or on Dask they run when the result is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass

from sim.experiment.executors import Pool
from sim.experiment.exposure import Exposures, RegisterPlan
from sim.experiment.fallback_runs import FallbackPlan, FallbackRuns
from sim.experiment.reruns import Reruns
from sim.experiment.results import Results


@dataclass(frozen=True)
class WhatIfs:
    """The run's risk register measured (None when not asked for or empty), and its rules."""

    exposures: Exposures | None
    fallbacks: FallbackRuns


class WhatIfsMeasuring:
    """The what-ifs' reruns, handed over; `result` waits for them and reads them back."""

    def __init__(
        self, register: RegisterPlan | None, fallbacks: FallbackPlan, reruns: Reruns
    ) -> None:
        self._register, self._fallbacks, self._reruns = register, fallbacks, reruns

    def result(self) -> WhatIfs:
        """The what-ifs measured.

        Raises:
            ReplicationError: some reruns raised.
        """
        outcomes = self._reruns.outcomes()
        if self._register is None:
            return WhatIfs(None, self._fallbacks.measured(outcomes))
        split = len(self._register.variants)
        return WhatIfs(
            self._register.measured(outcomes[:split]),
            self._fallbacks.measured(outcomes[split:]),
        )

    def close(self) -> None:
        """Drop the reruns not started (when the run stops before it reads them)."""
        self._reruns.cancel()


def start_what_ifs(
    results: Results,
    *,
    register: bool = True,
    jobs: int = 1,
    dask: object = None,
    pool: Pool | None = None,
    scenario_file: str = "<scenario>",
) -> WhatIfsMeasuring:
    """Hand over the reruns of the run's risk register (when `register`) and fallback rules."""
    plan = RegisterPlan(results) if register and results.scenario.risks else None
    rules = FallbackPlan(results)
    variants = [*(plan.variants if plan is not None else ()), *rules.variants]
    reruns = Reruns(
        variants, results.seed, jobs=jobs, dask=dask, pool=pool, scenario_file=scenario_file
    )
    return WhatIfsMeasuring(plan, rules, reruns)
