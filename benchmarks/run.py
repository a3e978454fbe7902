"""Speed of the model, measured in one process run: python benchmarks/run.py [--reps N].

Prints raw SimPy throughput (a chain of bare timeouts), the model's replications per second and
events per replication on scenarios/split.yaml, what a replication costs in bare timeouts, the
speed-up of two worker processes over one, a local Dask cluster against the process pool, and
the peak memory of whole `spacesim run`s of 1,000 and 10,000 replications.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import simpy

from sim import load_scenario, run_experiment, run_replication
from sim.model.replication import Opening
from sim.scenario.schema import Scenario

SPLIT = Path(__file__).parent.parent / "scenarios" / "split.yaml"


def bare_timeouts_per_second(count: int) -> float:
    """Events per second of a chain of `env.timeout(1)` in a bare environment."""

    def chain(env: simpy.Environment):
        for _ in range(count):
            yield env.timeout(1)

    env = simpy.Environment()
    env.process(chain(env))
    start = time.perf_counter()
    env.run()
    return count / (time.perf_counter() - start)


def model_speed(replications: int, rounds: int) -> dict[str, float]:
    """Bare timeouts/s, replications/s, their ratio, and events per replication (split.yaml).

    This machine's speed changes from one second to the next (two-fold at times), so the two
    are measured in `rounds` short rounds, each a chain of bare timeouts, a few replications
    not run before, and another chain; a round's ratio compares the model with the timeouts
    around it, and the ratio reported is the median round's. The rates are the best rounds'.
    Replications run as a run runs them: no timeline, one opening for all strategies.
    """
    scenario = load_scenario(SPLIT)
    per_round = max(1, replications // rounds)
    bare: list[float] = []
    model: list[float] = []
    ratios: list[float] = []
    for first in range(0, per_round * rounds, per_round):
        before = bare_timeouts_per_second(10_000)
        start = time.perf_counter()
        for index in range(first, first + per_round):
            opening = Opening.draw(scenario, 1, index)
            for name in scenario.strategies:
                run_replication(scenario, name, 1, index, record=False, opening=opening)
        rate = per_round * len(scenario.strategies) / (time.perf_counter() - start)
        after = bare_timeouts_per_second(10_000)
        bare += [before, after]
        model.append(rate)
        ratios.append((before + after) / 2 / rate)
    return {
        "bare": max(bare),
        "model": max(model),
        "ratio": statistics.median(ratios),
        "ratio_quartiles": statistics.quantiles(ratios, n=4)[::2],
        "events": _events_per_replication(scenario, per_round),
    }


def _events_per_replication(scenario: Scenario, indices: int) -> float:
    """SimPy events (steps) per replication, counted on replications apart from the timing."""
    steps = 0
    original = simpy.Environment.step

    def counting_step(self: simpy.Environment) -> None:
        nonlocal steps
        steps += 1
        original(self)

    simpy.Environment.step = counting_step  # type: ignore[method-assign]
    try:
        for index in range(indices):
            for name in scenario.strategies:
                run_replication(scenario, name, 1, index, record=False)
    finally:
        simpy.Environment.step = original  # type: ignore[method-assign]
    return steps / (indices * len(scenario.strategies))


def speedup(replications: int, rounds: int = 9) -> dict[str, list[float]]:
    """Speed-ups of one run over 1 worker: 2 workers, and a running local Dask cluster of 2.

    This machine's speed drifts from one run to the next, so each round times 1 worker, the
    pool and Dask back to back and takes their ratios within the round; the caller reports the
    median round's. The three take turns at going first, second and third, so that a drift
    within rounds favours none of them. Dask's workers have imported the model before the first
    round, as the pool's fork server has (see `first_pool` for the pool that starts it).
    """
    from distributed import LocalCluster  # noqa: PLC0415

    scenario = load_scenario(SPLIT)

    def timed(how: dict[str, object]) -> float:
        start = time.perf_counter()
        run_experiment(scenario, replications=replications, **how)  # type: ignore[arg-type]
        return time.perf_counter() - start

    labels = ("2 workers", "Dask, 2 local workers", "Dask against the pool")
    ratios: dict[str, list[float]] = {label: [] for label in labels}
    timed({"jobs": 2})  # starts the fork server
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        executors = {"one": {"jobs": 1}, "pool": {"jobs": 2}, "dask": {"dask": cluster}}
        timed(executors["dask"])  # the workers import the model once
        for round_ in range(rounds):
            order = list(executors)[round_ % 3 :] + list(executors)[: round_ % 3]
            took = {name: timed(executors[name]) for name in order}
            ratios["2 workers"].append(took["one"] / took["pool"])
            ratios["Dask, 2 local workers"].append(took["one"] / took["dask"])
            ratios["Dask against the pool"].append(took["pool"] / took["dask"])
    return ratios


def first_pool(replications: int, rounds: int = 5) -> list[float]:
    """Speed-up of 2 workers over 1 in a new process, whose first pool starts the fork server.

    What a `spacesim run` meets: the fork server imports the model (numpy, pydantic, SimPy and
    the scenario's classes) while this process works through the first batches. Each round is
    a new process timing a run on 1 worker, then the same run on its first pool.
    """
    code = (
        "import sys, time\n"
        "from sim import load_scenario, run_experiment\n"
        "if __name__ == '__main__':\n"
        "    scenario = load_scenario(sys.argv[1])\n"
        "    for jobs in (1, 2):\n"
        "        start = time.perf_counter()\n"
        "        run_experiment(scenario, replications=int(sys.argv[2]), jobs=jobs)\n"
        "        print(time.perf_counter() - start)\n"
    )
    ratios = []
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "first_pool.py"
        script.write_text(code)
        for _ in range(rounds):
            done = subprocess.run(
                [sys.executable, str(script), str(SPLIT), str(replications)],
                capture_output=True,
                text=True,
                check=True,
            )
            one, two = (float(line) for line in done.stdout.split())
            ratios.append(one / two)
    return ratios


def peak_memory_mb(replications: int) -> float:
    """Peak resident memory of a whole `spacesim run` of split.yaml (2 workers), in MB."""
    code = (
        "import resource, sys\n"
        "from sim.cli import cli\n"
        "try:\n"
        "    cli(sys.argv[1:], standalone_mode=False)\n"
        "finally:\n"
        "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        args = ["run", str(SPLIT), "--reps", str(replications), "--jobs", "2", "--quiet"]
        done = subprocess.run(
            [sys.executable, "-c", code, *args, "--out", f"{folder}/out"],
            capture_output=True,
            text=True,
            check=True,
        )
    return int(done.stdout.split()[-1]) / 1024


def main() -> None:
    """Run every measurement and print it."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--reps", type=int, default=400, help="replications per strategy")
    reps = parser.parse_args().reps
    speed = model_speed(reps, rounds=100)
    low, high = speed["ratio_quartiles"]
    print(f"machine: {os.cpu_count()} cores")
    print(f"raw SimPy: {speed['bare']:,.0f} bare timeouts/s (best of 200 chains)")
    print(
        f"model (split.yaml, serial): {speed['model']:,.0f} replications/s (best of 100 rounds),"
        f" {speed['events']:,.1f} events/replication"
    )
    print(
        f"a replication costs as much as {speed['ratio']:,.0f} bare timeouts"
        f" (median of 100 rounds; quartiles {low:,.0f}-{high:,.0f})"
    )
    runs = reps * 2
    print(f"run of {runs} replications x 5 strategies, speed-up over 1 worker (median round):")
    for label, ratios in {"2 workers, first pool": first_pool(runs), **speedup(runs)}.items():
        print(
            f"  {label}: {statistics.median(ratios):.2f}x"
            f" (rounds {min(ratios):.2f}-{max(ratios):.2f})"
        )
    small, large = peak_memory_mb(1_000), peak_memory_mb(10_000)
    print(
        f"peak memory of spacesim run: 1,000 replications {small:,.0f} MB, "
        f"10,000 replications {large:,.0f} MB ({large / small:.2f}x)"
    )


if __name__ == "__main__":
    main()
