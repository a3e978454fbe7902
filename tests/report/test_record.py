"""run.json and scenario.resolved.yaml say how a folder was made, and can make it again."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest
import yaml

from sim.core.errors import ScenarioError
from sim.experiment.results import Results
from sim.experiment.runner import run_experiment
from sim.report.record import resolved_scenario_text, run_record
from sim.scenario.load import dump_scenario, load_scenario
from tests.conftest import tiny_data


def test_the_resolved_scenario_holds_the_seed_and_replications_used(tmp_path: Path) -> None:
    """It is the scenario as run, every default in, and loads back as the same scenario."""
    path = tmp_path / "tiny.yaml"
    path.write_text(yaml.safe_dump(tiny_data(), sort_keys=False))
    scenario = load_scenario(path)
    results = run_experiment(scenario, replications=3, seed=17)
    text = resolved_scenario_text(results)
    resolved = tmp_path / "scenario.resolved.yaml"
    resolved.write_text(text)
    again = load_scenario(resolved)
    assert (again.simulation.seed, again.simulation.replications) == (17, 3)
    assert again.model_copy(update={"simulation": scenario.simulation}) == scenario
    assert dump_scenario(again) == text


def test_a_seed_no_scenario_file_may_hold_is_refused(tiny_scenario) -> None:
    """The resolved scenario is validated as a file is: a 64-bit seed is out of its range.

    (The runner refuses such a seed before it runs; a `Results` may still be built by hand.)
    """
    run = run_experiment(tiny_scenario, replications=1, seed=1)
    results = Results(run.scenario, 2**64, run.strategies, run.columns)
    with pytest.raises(ScenarioError, match=r"simulation\.seed"):
        resolved_scenario_text(results)


def test_the_run_record_names_the_command_the_file_and_the_run(tmp_path: Path) -> None:
    """run.json: the command, the file by its hash, the seed, replications and strategies."""
    path = tmp_path / "tiny.yaml"
    path.write_text(yaml.safe_dump(tiny_data(), sort_keys=False))
    results = run_experiment(load_scenario(path), replications=2, seed=5)
    started = dt.datetime(2027, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
    record = run_record(
        results,
        command=["spacesim", "run", str(path)],
        scenario_file=path,
        jobs=1,
        dask=None,
        started=started,
    )
    assert list(record) == [
        "command",
        "spacesim_version",
        "scenario_file",
        "scenario_sha256",
        "seed",
        "replications",
        "strategies",
        "jobs",
        "dask",
        "started_utc",
        "finished_utc",
        "python",
        "platform",
    ]
    assert record["command"] == ["spacesim", "run", str(path)]
    assert record["scenario_sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert (record["seed"], record["replications"]) == (5, 2)
    assert record["strategies"] == list(results.strategies)
    assert record["started_utc"] == "2027-01-02T03:04:05+00:00"
