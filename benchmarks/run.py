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

SPLIT = Path(__file__).parent.parent / "scenarios" / "split.yaml"


def bare_timeouts_per_second(count: int = 200_000) -> float:
    """Events per second of a chain of `env.timeout(1)` in a bare environment."""

    def chain(env: simpy.Environment):
        for _ in range(count):
            yield env.timeout(1)

    env = simpy.Environment()
    env.process(chain(env))
    start = time.perf_counter()
    env.run()
    return count / (time.perf_counter() - start)


def model_speed(replications: int) -> tuple[float, float]:
    """(replications per second, events per replication), serial, every strategy of split.yaml."""
    scenario = load_scenario(SPLIT)
    steps = 0
    original = simpy.Environment.step

    def counting_step(self: simpy.Environment) -> None:
        nonlocal steps
        steps += 1
        original(self)

    simpy.Environment.step = counting_step  # type: ignore[method-assign]
    try:
        start = time.perf_counter()
        runs = 0
        for index in range(replications):
            for name in scenario.strategies:
                run_replication(scenario, name, 1, index)
                runs += 1
        elapsed = time.perf_counter() - start
    finally:
        simpy.Environment.step = original  # type: ignore[method-assign]
    return runs / elapsed, steps / runs


def speedup(replications: int) -> dict[str, float]:
    """Wall times of one run on 1 worker, on 2, and on a running local Dask cluster of 2.

    The first pool of a process also starts the fork server; the second does not.
    """
    from distributed import LocalCluster  # noqa: PLC0415

    scenario = load_scenario(SPLIT)

    def timed(**how: object) -> float:
        start = time.perf_counter()
        run_experiment(scenario, replications=replications, **how)  # type: ignore[arg-type]
        return time.perf_counter() - start

    times = {"1 worker": timed(jobs=1)}
    times["2 workers, first pool"] = timed(jobs=2)
    times["2 workers"] = timed(jobs=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        timed(dask=cluster)  # the workers import the model once
        times["Dask, 2 local workers"] = timed(dask=cluster)
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
    bare = bare_timeouts_per_second()
    rate, events = model_speed(reps)
    print(f"machine: {os.cpu_count()} cores")
    print(f"raw SimPy: {bare:,.0f} bare timeouts/s")
    print(
        f"model (split.yaml, serial): {rate:,.0f} replications/s, {events:,.1f} events/replication"
    )
    print(f"a replication costs as much as {bare / rate:,.0f} bare timeouts")
    times = speedup(reps * 2)
    one = times["1 worker"]
    print(f"run of {reps * 2} replications x 5 strategies:")
    for label, seconds in times.items():
        print(f"  {label}: {seconds:.2f} s, speed-up {one / seconds:.2f}x")
    small, large = peak_memory_mb(1_000), peak_memory_mb(10_000)
    print(
        f"peak memory of spacesim run: 1,000 replications {small:,.0f} MB, "
        f"10,000 replications {large:,.0f} MB ({large / small:.2f}x)"
    )


if __name__ == "__main__":
    main()
