"""The comparison's files and page: inputs, deltas and top sheet; scenario text escaped."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from matplotlib.figure import Figure

from sim.analysis.summary import summarise
from sim.experiment.runner import run_experiment
from sim.report import writer
from sim.report.compare_tables import broken_key
from sim.report.comparison import DELTA_COLUMNS, compare_rows, compare_runs, sheet_rows
from sim.report.runs import Run, run_of
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data

#: Scenario text a page or a spreadsheet must not take for markup or a formula.
HOSTILE = '=HYPERLINK("http://x") <script>alert(1)</script> & more'


def _run(label: str, seed: int = 3, **changes: object) -> Run:
    data = tiny_data()
    for key, value in changes.items():
        data["strategies"]["orbit"][key] = value
    results = run_experiment(scenario_from_data(data), replications=6, seed=seed, jobs=1)
    return run_of(label, results, summarise(results))


@pytest.fixture(scope="module")
def hostile() -> list[Run]:
    """The tiny film, and the same with a hostile description of one strategy."""
    return [_run("plain"), _run("<b>odd</b>", description=HOSTILE)]


def test_the_inputs_changed_and_the_deltas_of_runs_made_now(hostile: list[Run]) -> None:
    """Same seed and replications: paired, one change (the description), all deltas 0."""
    compared = compare_runs(hostile)
    assert [(c.key, c.values) for c in compared.inputs.changes] == [
        ("strategies.orbit.description", ("", HOSTILE)),
    ]
    (against,) = compared.others
    assert against.pairing.paired
    for delta in against.deltas.values():
        assert (delta.cost_usd.mean, delta.delivery_days.mean) == (0, 0)
    rows = compare_rows(compared)
    assert list(rows[0])[-len(DELTA_COLUMNS) :] == list(DELTA_COLUMNS)
    assert {row["paired"] for row in rows if row["run"] == "plain"} == {None}
    assert {row["paired"] for row in rows if row["run"] == "<b>odd</b>"} == {True}
    assert {row["statistic"] for row in sheet_rows(compared)} == {"mean"}


def test_another_seed_is_said_and_unpaired() -> None:
    """Seeds 3 and 4: the seed is a change, and the deltas are unpaired."""
    compared = compare_runs([_run("a", seed=3), _run("b", seed=4)])
    assert ("simulation.seed", ("3", "4")) in [(c.key, c.values) for c in compared.inputs.changes]
    (against,) = compared.others
    assert not against.pairing.paired
    assert not any(delta.cost_usd.paired for delta in against.deltas.values())


def test_scenario_text_is_escaped_in_the_page_and_the_csv(
    hostile: list[Run], tmp_path: Path, monkeypatch
) -> None:
    """The page holds the hostile text as text, and inputs.csv never starts a cell with '='."""

    def drawn(*_: object) -> Figure:
        return Figure(figsize=(1, 1))

    for name in writer.COMPARE_FIGURES:
        monkeypatch.setitem(writer.COMPARE_FIGURES, name, drawn)
    target = tmp_path / "cmp"
    written = writer.write_comparison(target, runs=hostile, record={"command": []}, force=False)
    assert {"compare.csv", "inputs.csv", "top_sheet.csv", "report.html"} <= {
        str(path) for path in written
    }
    page = (target / "report.html").read_text()
    assert "<script>" not in page
    assert "<b>odd</b>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page
    assert "&lt;b&gt;odd&lt;/b&gt;" in page
    rows = list(csv.reader((target / "inputs.csv").read_text().splitlines()))
    assert rows == [
        ["key", "plain", "<b>odd</b>"],
        ["strategies.orbit.description", "", "'" + HOSTILE],
    ]
    sheet = list(csv.DictReader((target / "top_sheet.csv").read_text().splitlines()))
    assert {row["current_run"] for row in sheet} == {"<b>odd</b>"}


def test_a_long_key_breaks_after_dots() -> None:
    """Keys wider than the terminal's key column break after a dot, a long part kept whole."""
    key = "strategies.volume_parabolic.split.weightless_interior.parabolic"
    assert broken_key(key, 30).splitlines() == [
        "strategies.volume_parabolic.",
        "split.weightless_interior.",
        "parabolic",
    ]
    assert broken_key("simulation.seed", 30) == "simulation.seed"
