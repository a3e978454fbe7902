"""The optimiser's study: Optuna asks for candidates, each is simulated on common random numbers.

Every candidate runs replications 0 to n-1 under one master seed, so two candidates differ by
their choices only, never by luck (common random numbers). The sampler is Optuna's TPE with a
fixed seed: single-objective (the first objective, P80 cost) or, with ``front=True``, over all
the objectives (Optuna's multi-objective TPE). A target missed is a constraint above 0
(`Trial.set_constraint`: feasible when every value is 0 or less), which the sampler steers
away from.

Trials are asked for in batches of `batch`, evaluated in parallel (in this process, on one
process pool kept for the whole study, or on Dask, a local cluster started once) and told back
in the order they were asked: the sampler sees the same history whatever the number of
workers, so a study is the same, trial for trial, with 1 worker or 8. Trials that decode to the
same candidate share one simulation. The study starts from the scenario's own strategies, each
as the nearest point of the search space (`search_space.encode`).

The finalists - the cheapest candidates that meet every target and points spread along the
front - are simulated again with more replications on fresh random numbers (master seed + 1,
the same for all of them), so the luck that made a candidate look best in the search does not
flatter it in the report. What a simulation is worth (its objectives, constraints and other
numbers) is not decided here: a `Score` is passed in (`sim.analysis.optimum.score`). The
records the study makes are in `sim.experiment.study`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
from collections.abc import Iterator, Sequence
from concurrent.futures import as_completed
from dataclasses import dataclass
from typing import Any, Literal

from sim.core.errors import SpacesimError, UsageError
from sim.experiment.executors import Pool, run_batches, worker_pool
from sim.experiment.runner import run_experiment
from sim.experiment.search_space import (
    CANDIDATE,
    Candidate,
    Choice,
    Share,
    Space,
    Steps,
    candidate_scenario,
    encode,
    is_shipped,
    shipped_candidate,
    space_of,
)
from sim.experiment.study import (
    Finalist,
    Measure,
    Objectives,
    Progress,
    Score,
    Study,
    Trial,
    front_of,
    unique,
)
from sim.scenario.schema import MAX_SEED, Scenario

#: Trials asked for at once: the study depends on it (not on the workers), so it is fixed.
BATCH = 8
#: The TPE sampler's settings beside its seed (multivariate: it models the dimensions jointly,
#: as a split's first and second source must be read together).
SAMPLER: dict[str, Any] = {"multivariate": True}
#: Finalists: the cheapest feasible candidates, and at most this many more from the front.
BEST_FINALISTS = 3
FRONT_FINALISTS = 5


@dataclass(frozen=True)
class Evaluation:
    """One candidate to simulate: a batch of one for `run_batches`."""

    index: int
    scenario: Scenario
    seed: int
    replications: int
    score: Score
    start: int = 0
    stop: int = 1


def evaluate(task: Evaluation) -> tuple[int, Measure | str]:
    """Simulate one candidate and measure it; a failed run gives its message instead."""
    try:
        results = run_experiment(
            task.scenario, replications=task.replications, seed=task.seed, jobs=1
        )
    except SpacesimError as error:
        return task.index, " ".join(error.lines())
    return task.index, task.score(results, CANDIDATE)


def run_study(
    scenario: Scenario,
    *,
    score: Score,
    objectives: Objectives,
    trials: int,
    replications: int,
    final_replications: int,
    seed: int | None = None,
    front: bool = False,
    sources: Sequence[str] | None = None,
    keep: Sequence[str] = (),
    batch: int = BATCH,
    jobs: int = 1,
    dask: Any = None,
    progress: Progress | None = None,
) -> Study:
    """Search `scenario`'s space (`sim.experiment.search_space`), then rerun the finalists.

    Args:
        scenario: a loaded scenario; its strategies are measured too, for reference.
        score: measures a candidate's results (a module-level function).
        objectives: the score's objectives; the first is minimised or maximised alone unless
            `front`.
        trials: candidates the sampler proposes.
        replications: per candidate in the search.
        final_replications: per finalist, on master seed + 1.
        seed: master seed of the simulations and the sampler's seed; the scenario's when None.
        front: search over every objective (the Pareto front) rather than the first alone.
        sources: the sources the split may use (all when None; `space_of`).
        keep: choices left as the scenario has them (`search_space.KEEPABLE`).
        batch: trials asked for at once (the study depends on it, not on `jobs`).
        jobs: worker processes.
        dask: a Dask scheduler's address, "local" (a cluster of `jobs` processes, started once
            for the study) or a `distributed` Client; None runs on the process pool.
        progress: told of each candidate simulated.

    Raises:
        UsageError: bad numbers of trials, replications, jobs or a bad seed.
    """
    seed = scenario.simulation.seed if seed is None else seed
    if trials < 1 or replications < 1 or final_replications < 1 or batch < 1 or jobs < 1:
        raise UsageError("--trials, --replications, --final-replications and --jobs take 1 or more")
    if not 0 <= seed <= MAX_SEED:
        raise UsageError(f"--seed {seed}: use an integer from 0 to 2**63 - 1")
    space = space_of(scenario, sources, keep)
    with _executor(dask, jobs) as where:
        simulator = _Simulator(scenario, score, jobs, where, progress)
        plan = _Plan(trials, replications, seed, front, batch)
        done = _search(space, objectives, plan, simulator)
        names = list(scenario.strategies)
        shipped_measures = simulator.measure(
            [shipped_candidate(scenario, name) for name in names], seed, replications, "shipped"
        )
        shipped = dict(zip(names, shipped_measures, strict=True))
        chosen = _finalists(done, objectives, shipped, scenario)
        final_seed = (seed + 1) % (MAX_SEED + 1)
        finals = simulator.measure(
            [c for _, _, c, _ in chosen], final_seed, final_replications, "finalists"
        )
    finalists = [
        Finalist(label, role, candidate, measure, final)
        for (label, role, candidate, measure), final in zip(chosen, finals, strict=True)
    ]
    return Study(
        scenario=scenario,
        space=space,
        objectives=objectives,
        seed=seed,
        final_seed=final_seed,
        replications=replications,
        final_replications=final_replications,
        front_search=front,
        trials=tuple(done),
        shipped=shipped,
        finalists=tuple(_labelled(_ranked(finalists, objectives), scenario)),
    )


@dataclass(frozen=True)
class _Plan:
    """How the search goes: trials, replications and seed per candidate, what it optimises."""

    trials: int
    replications: int
    seed: int
    front: bool
    batch: int


@dataclass(frozen=True)
class _Simulator:
    """Simulates candidates where the study runs (here, the pool or Dask) and measures them."""

    scenario: Scenario
    score: Score
    jobs: int
    where: Any
    progress: Progress | None

    def measure(
        self,
        candidates: Sequence[Candidate | Scenario],
        seed: int,
        replications: int,
        phase: str,
        counted: tuple[int, int] | None = None,
    ) -> list[Measure | str]:
        """Each candidate's measure (or why it could not be simulated), in the order given.

        A candidate is given as such or as the scenario it was already made into. Progress is
        told per candidate; `counted` = (done before, total) counts them within a larger whole.
        """
        found: dict[int, Measure | str] = {}
        tasks: list[Evaluation] = []
        for index, candidate in enumerate(candidates):
            try:
                built = (
                    candidate
                    if isinstance(candidate, Scenario)
                    else candidate_scenario(self.scenario, candidate)
                )
            except SpacesimError as error:
                found[index] = " ".join(error.lines())
                continue
            tasks.append(Evaluation(index, built, seed, replications, self.score))
        before, total = counted or (0, len(candidates))
        if self.progress:
            self.progress(phase, before + len(found), total)
        for index, measure in self._run(tasks):
            found[index] = measure
            if self.progress:
                self.progress(phase, before + len(found), total)
        return [found[index] for index in range(len(candidates))]

    def _run(self, tasks: list[Evaluation]) -> Iterator[tuple[int, Measure | str]]:
        """Each task's (index, measure), as they finish, where the study runs."""
        if isinstance(self.where, Pool):
            futures = [self.where.submit(evaluate, task) for task in tasks]
            try:
                for future in as_completed(futures):
                    yield future.result()
            finally:
                for future in futures:
                    future.cancel()
            return
        jobs = 1 if self.where is None else self.jobs
        yield from run_batches(evaluate, tasks, jobs, dask=self.where)


def _search(
    space: Space, objectives: Objectives, plan: _Plan, simulator: _Simulator
) -> list[Trial]:
    """Ask, simulate and tell, `plan.batch` trials at a time, in the order asked."""
    import optuna  # noqa: PLC0415 - imported by the study alone

    front = plan.front
    directions = list(objectives.directions if front else objectives.directions[:1])
    sampler = optuna.samplers.TPESampler(seed=plan.seed % 2**32, **SAMPLER)
    with _quiet(optuna):
        study = optuna.create_study(directions=directions, sampler=sampler)
        for name in space.scenario.strategies:  # start from the producer's own ideas
            study.enqueue_trial(encode(space, name))
        known: dict[str, Measure | str] = {}
        done: list[Trial] = []
        while len(done) < plan.trials:
            asked = [study.ask() for _ in range(min(plan.batch, plan.trials - len(done)))]
            params = [_suggest(trial, space) for trial in asked]
            candidates = [space.decode(values) for values in params]
            new: dict[str, Candidate | Scenario] = {}
            for candidate in candidates:
                if candidate.key not in known and candidate.key not in new:
                    try:
                        new[candidate.key] = candidate_scenario(space.scenario, candidate)
                    except SpacesimError as error:
                        known[candidate.key] = " ".join(error.lines())
            counted = (len(done) + len(asked) - len(new), plan.trials)
            measures = simulator.measure(
                list(new.values()), plan.seed, plan.replications, "search", counted
            )
            known.update(zip(new, measures, strict=True))
            for trial, values, candidate in zip(asked, params, candidates, strict=True):
                found = known[candidate.key]
                if isinstance(found, str):
                    study.tell(trial, state=optuna.trial.TrialState.FAIL)
                    done.append(Trial(trial.number, values, candidate, problem=found))
                    continue
                for name, value in found.constraints.items():
                    trial.set_constraint(name, value)
                told = found.objectives if front else found.objectives[:1]
                study.tell(trial, list(told))
                done.append(Trial(trial.number, values, candidate, measure=found))
    return done


def _suggest(trial: Any, space: Space) -> dict[str, Any]:
    """The trial's value of every dimension of `space`."""
    values: dict[str, Any] = {}
    for dimension in space.dimensions:
        if isinstance(dimension, Share):
            values[dimension.name] = trial.suggest_float(
                dimension.name, dimension.low, dimension.high, step=dimension.step
            )
        elif isinstance(dimension, Choice):
            values[dimension.name] = trial.suggest_categorical(dimension.name, dimension.options)
        elif isinstance(dimension, Steps):
            values[dimension.name] = trial.suggest_int(
                dimension.name, dimension.low, dimension.high, step=dimension.step
            )
    return values


def _finalists(
    trials: list[Trial],
    objectives: Objectives,
    shipped: dict[str, Measure | str],
    scenario: Scenario,
) -> list[tuple[str, Literal["best", "front", "shipped"], Candidate, Measure]]:
    """The finalists: the cheapest feasible (nearest when none), the front, the scenario's best.

    The scenario's own strategy is the one the same rule ranks first, for reference.
    """
    usable = {name: m for name, m in shipped.items() if not isinstance(m, str)}
    yours = min(usable, key=lambda name: _rank(usable[name], objectives)) if usable else None
    measured = [  # the scenario's own strategy, found again, is shown once: as itself
        trial
        for trial in unique(trials)
        if trial.measure is not None
        and (yours is None or not is_shipped(scenario, trial.candidate, yours))
    ]
    ranked = sorted(measured, key=lambda trial: _rank(trial.measure, objectives))  # type: ignore[arg-type]
    best = ranked[:BEST_FINALISTS]
    keys = {trial.candidate.key for trial in best}
    spread = [trial for trial in front_of(measured, objectives) if trial.candidate.key not in keys]
    spread.sort(key=lambda trial: trial.measure.objectives[0])  # type: ignore[union-attr]
    if len(spread) > FRONT_FINALISTS:
        step = (len(spread) - 1) / (FRONT_FINALISTS - 1)
        spread = [spread[round(i * step)] for i in range(FRONT_FINALISTS)]
    chosen: list[tuple[str, Literal["best", "front", "shipped"], Candidate, Measure]] = []
    for trial in [*best, *spread]:
        role: Literal["best", "front"] = "best" if trial in best else "front"
        chosen.append(("", role, trial.candidate, trial.measure))  # type: ignore[arg-type]
    if yours is not None:
        chosen.append((yours, "shipped", shipped_candidate(scenario, yours), usable[yours]))
    return chosen


def _rank(measure: Measure, objectives: Objectives) -> tuple[float, float]:
    """Feasible first by the first objective; the others by distance, then that objective."""
    first = measure.objectives[0] * (1 if objectives.directions[0] == "minimize" else -1)
    return (measure.distance, first)


def _ranked(finalists: list[Finalist], objectives: Objectives) -> list[Finalist]:
    """The finalists ranked as `_rank` ranks their final measures (failed ones last)."""

    def key(finalist: Finalist) -> tuple[bool, float, float]:
        if isinstance(finalist.final, str):
            return (True, math.inf, math.inf)
        return (False, *_rank(finalist.final, objectives))

    return sorted(finalists, key=key)


def _labelled(finalists: list[Finalist], scenario: Scenario) -> list[Finalist]:
    """The finalists found named ``optimised_1``, ``optimised_2``... in their final order."""
    taken = set(scenario.strategies)
    found = []
    number = 0
    for finalist in finalists:
        if finalist.role == "shipped":
            found.append(finalist)
            continue
        number += 1
        label = f"optimised_{number}"
        while label in taken:
            label += "_"
        found.append(dataclasses.replace(finalist, label=label))
    return found


@contextlib.contextmanager
def _quiet(optuna: Any) -> Iterator[None]:
    """Optuna's log of every trial silenced while the study runs (the CLI shows progress)."""
    before = optuna.logging.get_verbosity()
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    try:
        yield
    finally:
        optuna.logging.set_verbosity(before)


@contextlib.contextmanager
def _executor(dask: Any, jobs: int) -> Iterator[Any]:
    """Where the study simulates: one process pool, or one local Dask cluster, for it all.

    Yields None (this process), a `Pool`, or what `run_batches` takes as Dask.
    """
    if dask is None:
        if jobs <= 1:
            yield None
            return
        with worker_pool(jobs) as pool:
            yield pool
        return
    if dask != "local":
        yield dask
        return
    try:
        import distributed  # noqa: PLC0415
    except ImportError:
        yield dask  # run_batches says how to install it
        return
    with (
        distributed.LocalCluster(
            n_workers=jobs, threads_per_worker=1, dashboard_address=":0"
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client
