"""Replications x strategies: reproducibility, common random numbers, executors, failures."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pytest

from sim.analysis.summary import precise_to
from sim.core.errors import ReplicationError, UsageError
from sim.experiment import runner
from sim.experiment.executors import run_batches
from sim.experiment.results import Results, Table
from sim.experiment.runner import run_experiment
from sim.scenario.load import load_scenario, scenario_from_data
from tests.conftest import tiny_data


def test_same_seed_gives_identical_results(tiny_scenario) -> None:
    """Two runs with one seed write the same CSV, byte for byte."""
    first = run_experiment(tiny_scenario, replications=12, seed=3).to_csv()
    assert first == run_experiment(tiny_scenario, replications=12, seed=3).to_csv()


def test_another_seed_gives_other_numbers(tiny_scenario) -> None:
    """A different seed changes the draws."""
    first = run_experiment(tiny_scenario, replications=12, seed=3).column("cost_usd")
    other = run_experiment(tiny_scenario, replications=12, seed=4).column("cost_usd")
    assert not np.array_equal(first, other)


def test_parallel_equals_serial(tiny_scenario, monkeypatch) -> None:
    """Two worker processes and small batches give exactly the serial table."""
    serial = run_experiment(tiny_scenario, replications=30, seed=5).to_csv()
    monkeypatch.setattr(runner, "BATCH_SIZE", 7)
    assert run_experiment(tiny_scenario, replications=30, seed=5, jobs=2).to_csv() == serial


def test_a_table_puts_rows_in_place_whatever_order_batches_come_in(tiny_scenario) -> None:
    """Batches added backwards give a serial run's table; growing it leaves earlier results be."""
    names = tuple(tiny_scenario.strategies)
    batches = [runner.Batch(tiny_scenario, names, 5, start, start + 4) for start in (0, 4, 8)]
    table = Table(tiny_scenario, names)
    table.extend(8)
    for batch in reversed(batches[:2]):
        table.add(runner.simulate_batch(batch)[0])
    first = Results(tiny_scenario, 5, names, table.columns)
    written = first.to_csv()
    assert written == run_experiment(tiny_scenario, replications=8, seed=5).to_csv()
    table.extend(12)
    table.add(runner.simulate_batch(batches[2])[0])
    assert first.to_csv() == written
    grown = Results(tiny_scenario, 5, names, table.columns).to_csv()
    assert grown == run_experiment(tiny_scenario, replications=12, seed=5).to_csv()


@dataclass(frozen=True)
class _Span:
    start: int
    stop: int


def _where(batch: _Span) -> tuple[int, int]:
    time.sleep(0.02)
    return batch.start, os.getpid()


def test_a_pool_runs_every_batch_once_and_reports_every_replication() -> None:
    """Batches go to the workers and, while they start, to this process: none twice or lost."""
    batches = [_Span(start, start + 3) for start in range(0, 120, 3)]
    done: list[int] = []
    results = list(run_batches(_where, batches, jobs=2, progress=done.append))
    assert sorted(start for start, _ in results) == [batch.start for batch in batches]
    assert sum(done) == 120
    assert any(pid != os.getpid() for _, pid in results)


def test_dropping_a_strategy_leaves_the_others_unchanged(tiny_scenario) -> None:
    """Common random numbers: each strategy's rows do not depend on which others ran."""
    everything = run_experiment(tiny_scenario, replications=15, seed=9)
    alone = run_experiment(tiny_scenario, replications=15, seed=9, strategies=["mixed"])
    mixed = everything.to_csv().splitlines()
    assert alone.to_csv().splitlines() == [mixed[0]] + [r for r in mixed if r.startswith("mixed,")]


def test_raising_scrub_probability_never_launches_earlier() -> None:
    """Same draws, weather scrubs 10% versus 60%: no replication launches or delivers earlier."""
    low = scenario_from_data(tiny_data(sources__orbit={"weather_scrub_probability": 0.1}))
    high = scenario_from_data(tiny_data(sources__orbit={"weather_scrub_probability": 0.6}))
    kwargs = {"replications": 100, "seed": 2, "strategies": ["orbit"]}
    calm = run_experiment(low, **kwargs)
    stormy = run_experiment(high, **kwargs)
    assert np.all(stormy.column("launch_day") >= calm.column("launch_day"))
    assert np.all(stormy.column("launch_attempts") >= calm.column("launch_attempts"))
    assert np.all(stormy.column("delivery_day") >= calm.column("delivery_day"))
    assert stormy.column("delivery_day").mean() > calm.column("delivery_day").mean()


def test_the_global_random_state_is_never_used(tiny_scenario, monkeypatch) -> None:
    """A run still works when the global random and numpy.random functions raise."""

    def forbidden(*args, **kwargs):
        raise AssertionError("global random state used")

    for name in ("random", "uniform", "randint", "choice", "gauss", "shuffle"):
        monkeypatch.setattr(random, name, forbidden)
    for name in ("random", "uniform", "normal", "triangular", "choice", "seed", "rand", "binomial"):
        monkeypatch.setattr(np.random, name, forbidden)
    run_experiment(tiny_scenario, replications=5, seed=1)


def test_a_failing_replication_is_named_with_how_to_replay_it(tiny_scenario, monkeypatch) -> None:
    """Replication 3 of 'ground' raises: the run fails naming it, the seed and the replay call."""
    real = runner.run_replication

    def flaky(scenario, strategy, seed, replication, **how):
        if (strategy, replication) == ("ground", 3):
            raise ZeroDivisionError("division by zero")
        return real(scenario, strategy, seed, replication, **how)

    monkeypatch.setattr(runner, "run_replication", flaky)
    with pytest.raises(
        ReplicationError, match="replication 3 of strategy 'ground' failed"
    ) as error:
        run_experiment(tiny_scenario, replications=6, seed=8, scenario_file="film.yaml")
    assert "ZeroDivisionError: division by zero" in str(error.value)
    assert (
        "Replay it with: spacesim trace film.yaml --strategy ground --replication 3 --seed 8"
        in str(error.value)
    )


def test_a_failing_replication_stops_the_run_early(tiny_scenario, monkeypatch) -> None:
    """Every replication raising: the run stops after the first batch instead of running all."""
    calls = []

    def broken(scenario, strategy, seed, replication, **how):
        calls.append(replication)
        raise ValueError("broken model")

    monkeypatch.setattr(runner, "run_replication", broken)
    with pytest.raises(ReplicationError, match=r"\.\.\. and \d+ more failed replications"):
        run_experiment(tiny_scenario, replications=10 * runner.BATCH_SIZE, seed=1)
    assert len(calls) == runner.BATCH_SIZE * len(tiny_scenario.strategies)


def test_an_unknown_strategy_is_a_usage_error(tiny_scenario) -> None:
    """Asking for a strategy the scenario lacks lists the ones it has."""
    with pytest.raises(UsageError, match="unknown strategy 'orbitt'; the scenario has: orbit"):
        run_experiment(tiny_scenario, replications=2, strategies=["orbitt"])


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"seed": 2**63}, r"--seed 9223372036854775808: use an integer from 0 to 2\*\*63 - 1"),
        ({"replications": 1_000_001}, "--reps 1000001: use 1 to 1,000,000 replications"),
        ({"replications": 0}, "--reps 0: use 1 to 1,000,000 replications"),
    ],
)
def test_seeds_and_replications_beyond_the_format_are_refused_first(
    tiny_scenario, monkeypatch, options, message
) -> None:
    """What the resolved scenario could not hold is refused before any replication runs."""
    monkeypatch.setattr(runner, "run_batches", _refuse_to_run)
    with pytest.raises(UsageError, match=message):
        run_experiment(tiny_scenario, **{"replications": 2, **options})


def _refuse_to_run(*args, **kwargs):
    raise AssertionError("a replication ran")


def test_a_precision_target_stops_at_a_plain_runs_results(tiny_scenario) -> None:
    """A tight target needs more replications than a loose one, no more than a plain run.

    The rows are exactly those of a run asking for the number of replications it stopped at.
    """
    loose = run_experiment(
        tiny_scenario, replications=25, seed=3, until=precise_to(0.5), max_replications=800
    )
    tight = run_experiment(
        tiny_scenario, replications=25, seed=3, until=precise_to(0.05), max_replications=200
    )
    assert loose.replications < tight.replications <= 200
    assert tight.replications in (50, 100, 200)
    plain = run_experiment(tiny_scenario, replications=tight.replications, seed=3)
    assert plain.to_csv() == tight.to_csv()


def test_a_worker_imports_the_model_only() -> None:
    """A worker imports `sim.experiment.runner`, hence `sim`, and nothing it does not use.

    Not the analysis, the YAML reader, the CLI or the figures, which would add to the start of
    every run's workers: the public API of `sim` is imported on first use.
    """
    unused = ("yaml", "matplotlib", "rich", "click", "sim.analysis", "sim.report", "sim.cli")
    code = (
        "import sys, sim.experiment.runner\n"
        f"print(sorted(m for m in sys.modules if m.startswith({unused!r})))\n"
        "from sim import *\n"
        "import sim\n"
        "print(all(callable(getattr(sim, name)) for name in sim.__all__))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.splitlines() == ["[]", "True"]


@pytest.mark.parametrize("how", ["stdin", "script", "module"])
def test_workers_never_run_the_main_script(tmp_path, how) -> None:
    """A worker takes work without importing the parent's main script or module.

    Importing it would cost each worker what the script imports (for `spacesim`, the whole CLI),
    run any top-level code again, and kill the worker of `python - < study.py`, which has no
    file to import. Here the script leaves a mark from every process that runs its top level.
    """
    split = Path(__file__).parents[2] / "scenarios" / "split.yaml"
    marks = tmp_path / "marks"
    marks.mkdir()
    study = (
        "import os, pathlib\n"
        f"pathlib.Path({str(marks)!r}, str(os.getpid())).touch()\n"
        "from sim import load_scenario, run_experiment\n"
        "if __name__ == '__main__':\n"
        f"    scenario = load_scenario({str(split)!r})\n"
        "    print(run_experiment(scenario, replications=120, jobs=2).size)\n"
    )
    (tmp_path / "study.py").write_text(study)
    command = {"stdin": ["-"], "script": ["study.py"], "module": ["-m", "study"]}[how]
    done = subprocess.run(
        [sys.executable, *command],
        input=study if how == "stdin" else None,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == [str(120 * len(load_scenario(split).strategies))]
    assert len(list(marks.iterdir())) == 1, "a worker ran the main script"  # the parent only


def test_running_out_of_memory_is_one_line_with_what_would_fit(tiny_scenario, monkeypatch) -> None:
    """The table's memory not being there: one line, the size needed and a --reps that fits."""

    def no_memory(self, replications):
        raise MemoryError

    monkeypatch.setattr(Table, "extend", no_memory)
    monkeypatch.setattr(runner, "available_memory", lambda: 2_000_000_000)
    with pytest.raises(
        UsageError,
        match=r"--reps 1,000,000: the results of 4 strategies would"
        r" take about [\d.]+ GB, more than this machine can give; about [\d,]+ would fit",
    ):
        run_experiment(tiny_scenario, replications=1_000_000)
