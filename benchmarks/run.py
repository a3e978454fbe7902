"""Speed of the model, measured in one process run: python benchmarks/run.py [--reps N].

Prints raw SimPy throughput (a chain of bare timeouts), the model's replications per second and
events per replication on scenarios/split.yaml, what a replication costs in bare timeouts, and
the speed-up of two worker processes over one.
"""

from __future__ import annotations

import argparse
import os
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


def speedup(replications: int) -> tuple[float, float, float]:
    """Wall time of a run with 1 and 2 worker processes, and their ratio."""
    scenario = load_scenario(SPLIT)
    times = []
    for jobs in (1, 2):
        start = time.perf_counter()
        run_experiment(scenario, replications=replications, jobs=jobs)
        times.append(time.perf_counter() - start)
    return times[0], times[1], times[0] / times[1]


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
    one, two, ratio = speedup(reps * 2)
    print(
        f"run of {reps * 2} replications x 5 strategies: 1 worker {one:.2f} s, "
        f"2 workers {two:.2f} s, speed-up {ratio:.2f}x"
    )


if __name__ == "__main__":
    main()
