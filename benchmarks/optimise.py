"""Speed of `spacesim optimise` on scenarios/split.yaml: python benchmarks/optimise.py.

Prints, for the optimiser's search (every candidate on the same replications and seed):

- candidates simulated per second, on 1 worker and on 2 (the process pool);
- how soon a search comes within 2% of the best P80 cost a run ten times longer finds: the
  trials and seconds its best-so-far needs. A study is deterministic and a sampler does not know
  how many trials are to come, so the first k trials of the long run are the run of k trials;
  the long run is made once and read along its length;
- the speed-up of a local Dask cluster of 2 workers, and of the pool, over 1 worker, on the same
  study, with the check that all three found the same trials.

This machine's speed drifts from one run to the next, so the executors take turns within
rounds and the median round's ratios are reported, as benchmarks/run.py does.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import time
from pathlib import Path
from typing import Any

from sim import load_scenario
from sim.analysis.optimum import optimise
from sim.experiment.study import Study

SPLIT = Path(__file__).parent.parent / "scenarios" / "split.yaml"


def _study(trials: int, replications: int, **how: Any) -> tuple[Study, dict[int, float]]:
    """A study of split.yaml and, per trial count reached, the seconds since it began."""
    scenario = load_scenario(SPLIT)
    reached: dict[int, float] = {}
    start = time.perf_counter()

    def progress(phase: str, done: int, _total: int) -> None:
        if phase == "search":
            reached.setdefault(done, time.perf_counter() - start)

    study = optimise(
        scenario,
        trials=trials,
        replications=replications,
        final_replications=replications,
        progress=progress,
        **how,
    )
    return study, reached


def _digest(study: Study) -> list[Any]:
    return [(t.number, t.candidate.key, t.measure) for t in study.trials]


def candidates_per_second(trials: int, replications: int, rounds: int) -> dict[str, list[float]]:
    """Candidates simulated per second of search on 1 and 2 workers, round by round.

    Each round runs both, taking turns at going first; the caller reports the median round.
    """
    rates: dict[str, list[float]] = {"1 worker": [], "2 workers": []}
    runs = (("1 worker", 1), ("2 workers", 2))
    for round_ in range(rounds):
        for label, jobs in runs[round_ % 2 :] + runs[: round_ % 2]:
            study, reached = _study(trials, replications, jobs=jobs)
            rates[label].append(len(study.measured) / reached[max(reached)])
    return rates


def time_to_within(
    trials: int, replications: int, seed: int | None, within: float = 0.02
) -> dict[str, Any]:
    """Trials and seconds until the best-so-far P80 cost is within `within` of the long run's."""
    study, reached = _study(trials, replications, jobs=2, seed=seed)
    best = math.inf
    curve = []
    for trial in study.trials:
        measure = trial.measure
        if measure is not None and measure.feasible:
            best = min(best, measure.objectives[0])
        curve.append(best)
    final = curve[-1]
    first = next(i for i, value in enumerate(curve) if value <= final * (1 + within))
    seconds = reached[min(done for done in reached if done >= first + 1)]
    return {
        "best": final,
        "trials": first + 1,
        "seconds": seconds,
        "long_trials": trials,
        "long_seconds": reached[max(reached)],
        "seed": study.seed,
    }


def dask_speedup(trials: int, replications: int, rounds: int) -> dict[str, list[float]]:
    """Speed-ups over 1 worker of the pool (2 workers) and of a local Dask cluster of 2."""
    from distributed import Client, LocalCluster  # noqa: PLC0415

    ratios: dict[str, list[float]] = {"2 workers (pool)": [], "Dask, 2 local workers": []}
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        executors: dict[str, dict[str, Any]] = {
            "one": {"jobs": 1},
            "pool": {"jobs": 2},
            "dask": {"jobs": 2, "dask": client},
        }
        _study(2, 2, **executors["dask"])  # the workers import the model once
        digests = set()
        for round_ in range(rounds):
            order = list(executors)[round_ % 3 :] + list(executors)[: round_ % 3]
            took = {}
            for name in order:
                start = time.perf_counter()
                study, _ = _study(trials, replications, **executors[name])
                took[name] = time.perf_counter() - start
                digests.add(repr(_digest(study)))
            ratios["2 workers (pool)"].append(took["one"] / took["pool"])
            ratios["Dask, 2 local workers"].append(took["one"] / took["dask"])
        if len(digests) != 1:
            raise SystemExit("the executors found different trials: the study is not reproducible")
    return ratios


def main() -> None:
    """Run every measurement and print it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=300, help="trials of the long run")
    parser.add_argument("--replications", type=int, default=100, help="per candidate")
    parser.add_argument("--rounds", type=int, default=5, help="rounds of each timing")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    parser.add_argument(
        "--only", nargs="+", choices=("rate", "time", "dask"), default=("rate", "time", "dask")
    )
    args = parser.parse_args()
    reps = args.replications
    print(f"machine: {os.cpu_count()} cores; split.yaml, {reps} replications a candidate")
    if "rate" in args.only:
        rates = candidates_per_second(24, reps, args.rounds)
        for label, values in rates.items():
            print(
                f"candidates per second, {label}: {statistics.median(values):.2f} (median of"
                f" {args.rounds} rounds, {min(values):.2f}-{max(values):.2f})"
            )
    short = args.trials // 10
    for seed in args.seeds if "time" in args.only else ():
        found = time_to_within(args.trials, reps, seed)
        verdict = "yes" if found["trials"] <= short else "no"
        print(
            f"seed {seed}: best P80 cost of {found['long_trials']} trials"
            f" {found['best'] / 1e6:,.1f} M in {found['long_seconds']:,.0f} s; within 2% after"
            f" {found['trials']} trials, {found['seconds']:,.0f} s (within {short} trials,"
            f" a tenth: {verdict})"
        )
    if "dask" in args.only:
        for label, ratios in dask_speedup(24, reps, args.rounds).items():
            print(
                f"speed-up over 1 worker, {label}: {statistics.median(ratios):.2f}x"
                f" (rounds {min(ratios):.2f}-{max(ratios):.2f}); same trials on all three"
            )


if __name__ == "__main__":
    main()
