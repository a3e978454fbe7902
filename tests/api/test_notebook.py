"""The notebook's API: `import sim` runs, frames and writes a run as the CLI does."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import sim
from sim.core.errors import OutputExistsError
from sim.experiment.runner import run_experiment
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data, with_orbit_rule


@pytest.fixture(scope="module")
def late_scenario():
    """The tiny scenario with a horizon so short that some replications never deliver."""
    return scenario_from_data(tiny_data(simulation__horizon_days=600))


def test_simulate_is_run_experiment_with_the_clis_defaults(tiny_scenario) -> None:
    """Two workers and a bar give the engine's numbers, bit for bit."""
    ours = sim.simulate(tiny_scenario, replications=45, seed=5, jobs=2, progress=False)
    engine = run_experiment(tiny_scenario, replications=45, seed=5)
    for name, values in engine.columns.items():
        np.testing.assert_array_equal(ours.columns[name], values, err_msg=name)


def test_to_pandas_has_dates_and_missing_values(late_scenario) -> None:
    results = run_experiment(late_scenario, replications=20, seed=2)
    frame = results.to_pandas()
    assert (
        list(frame.columns)[: len(results.columns) - 2]
        == [name for name in results.columns if name in frame.columns][: len(results.columns) - 2]
    )
    assert list(frame["strategy"].cat.categories) == list(results.strategies)
    assert pd.api.types.is_datetime64_any_dtype(frame["delivery_date"])
    never = ~np.isfinite(results.columns["delivery_day"])
    assert never.any()  # the case is built to have both
    assert (~never).any()
    assert frame["delivery_day"][never].isna().all()
    assert frame["delivery_date"][never].isna().all()
    delivered = frame[~never].iloc[0]
    start = late_scenario.production.start_date
    days = (delivered["delivery_date"].date() - start).days
    assert days == math.floor(delivered["delivery_day"])


def test_summary_frames_hold_the_summarys_numbers(tiny_scenario) -> None:
    results = run_experiment(tiny_scenario, replications=8, seed=4)
    summary = sim.summarise(results)
    frames = sim.summary_frames(summary)
    first = results.strategies[0]
    row = frames["strategies"].loc[first]
    assert row["cost_p80_usd"] == summary.strategies[first].cost.p80
    p50 = frames["percentiles"].loc[(first, "cost_usd"), "p50"]
    assert p50 == summary.strategies[first].cost.p50
    lines = frames["top_sheet"].loc[first]
    assert "total" in lines.index
    assert set(frames["comparison"].index) == set(results.strategies[1:])


def test_write_report_measures_the_fallback_rules_as_a_run_does(tmp_path) -> None:
    """A notebook's folder values each rule as `spacesim run`'s does, on two workers."""
    data = tiny_data()
    with_orbit_rule(data, {"not_launched_by": "2027-12-01"})
    results = run_experiment(scenario_from_data(data), replications=6, seed=2)
    folder = sim.write_report(results, tmp_path / "run", register=False, jobs=2)
    summary = json.loads((folder / "summary.json").read_text())
    assert set(summary["fallbacks"]) == {"orbit"}
    assert summary["fallbacks"]["orbit"]["late"]["fired"]["p"] > 0


def test_write_report_writes_the_runs_folder_and_keeps_a_users(tiny_scenario, tmp_path) -> None:
    results = run_experiment(tiny_scenario, replications=3, seed=1)
    folder = sim.write_report(results, tmp_path / "run", register=False, jobs=1)
    names = {path.name for path in Path(folder).iterdir()}
    assert {"report.html", "report.xlsx", "summary.json", "run.json", "gantt.png"} <= names
    record = json.loads((folder / "run.json").read_text())
    assert record["scenario_file"] is None
    assert len(record["scenario_sha256"]) == 64
    with pytest.raises(OutputExistsError):
        sim.write_report(results, folder, register=False, jobs=1)
