"""Speed of the model, measured in one process run: python benchmarks/run.py [--reps N].

Prints raw SimPy throughput (a chain of bare timeouts), the model's replications per second and
events per replication on scenarios/split.yaml, what a replication costs in bare timeouts, the
speed-up of two worker processes over one, a local Dask cluster against the process pool, and
the peak memory of whole `spacesim run`s of 1,000 and 10,000 replications.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import simpy

from sim import load_scenario, run_experiment, run_replication
from sim.model.production import Opening

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
    """Bare timeouts/s, replications/s and events per replication (serial, split.yaml).

    The two are measured in alternating rounds, each round on replications not run before,
    and each rate is the best round's: this machine's speed changes from one second to the
    next (two-fold at times), and the best round is the one least slowed by whatever else
    shares it, as `timeit` advises.
    """
    scenario = load_scenario(SPLIT)
    steps = 0
    original = simpy.Environment.step

    def counting_step(self: simpy.Environment) -> None:
        nonlocal steps
        steps += 1
        original(self)

    per_round = max(1, replications // rounds)
    bare: list[float] = []
    model: list[float] = []
    for first in range(0, per_round * rounds, per_round):
        bare.append(bare_timeouts_per_second(100_000))
        simpy.Environment.step = counting_step  # type: ignore[method-assign]
        try:
            start = time.perf_counter()
            for index in range(first, first + per_round):
                opening = Opening.draw(scenario, 1, index)  # as a run does: once for all
                for name in scenario.strategies:
                    run_replication(scenario, name, 1, index, record=False, opening=opening)
            elapsed = time.perf_counter() - start
        finally:
            simpy.Environment.step = original  # type: ignore[method-assign]
        model.append(per_round * len(scenario.strategies) / elapsed)
    events = steps / (per_round * rounds * len(scenario.strategies))
    return {"bare": max(bare), "model": max(model), "events": events}


def speedup(replications: int, rounds: int = 3) -> dict[str, float]:
    """Wall times of one run on 1 worker, on 2, and on a running local Dask cluster of 2.

    The first pool of a process also starts the fork server; it is timed once, right after a
    run on 1 worker. The others are the best of `rounds` alternating rounds, as in
    `model_speed`: one run takes half as long again in this machine's slow phases.
    """
    from distributed import LocalCluster  # noqa: PLC0415

    scenario = load_scenario(SPLIT)

    def timed(**how: object) -> float:
        start = time.perf_counter()
        run_experiment(scenario, replications=replications, **how)  # type: ignore[arg-type]
        return time.perf_counter() - start

    times = {"1 worker": timed(jobs=1), "2 workers, first pool": timed(jobs=2)}
    times["2 workers"] = timed(jobs=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        timed(dask=cluster)  # the workers import the model once
        dask = "Dask, 2 local workers"
        times[dask] = timed(dask=cluster)
        for _ in range(rounds - 1):
            times["1 worker"] = min(times["1 worker"], timed(jobs=1))
            times["2 workers"] = min(times["2 workers"], timed(jobs=2))
            times[dask] = min(times[dask], timed(dask=cluster))
    return times


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
    speed = model_speed(reps, rounds=20)
    bare, rate = speed["bare"], speed["model"]
    print(f"machine: {os.cpu_count()} cores")
    print("best of 20 alternating rounds:")
    print(f"  raw SimPy: {bare:,.0f} bare timeouts/s")
    print(
        f"  model (split.yaml, serial): {rate:,.0f} replications/s, "
        f"{speed['events']:,.1f} events/replication"
    )
    print(f"  a replication costs as much as {bare / rate:,.0f} bare timeouts")
    times = speedup(reps * 2)
    one = times["1 worker"]
    print(f"run of {reps * 2} replications x 5 strategies (best of 3, the first pool once):")
    for label, seconds in times.items():
        print(f"  {label}: {seconds:.2f} s, speed-up {one / seconds:.2f}x")
    small, large = peak_memory_mb(1_000), peak_memory_mb(10_000)
    print(
        f"peak memory of spacesim run: 1,000 replications {small:,.0f} MB, "
        f"10,000 replications {large:,.0f} MB ({large / small:.2f}x)"
    )


if __name__ == "__main__":
    main()
