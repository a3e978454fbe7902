"""The output folder is written whole or not at all, and never over a user's files."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.analysis.representative import told
from sim.analysis.summary import summarise
from sim.core.errors import OutputExistsError, UsageError
from sim.experiment.runner import run_experiment
from sim.report import writer
from sim.report.writer import write_comparison, write_run


@pytest.fixture
def run_parts(tiny_scenario):
    """What write_run needs, from a 3-replication run."""
    results = run_experiment(tiny_scenario, replications=3, seed=1)
    return {
        "results": results,
        "summary": summarise(results),
        "resolved_scenario": "resolved: true\n",
        "record": {"seed": 1},
        "stories": told(results),
    }


def test_writes_every_file(run_parts, tmp_path: Path) -> None:
    """The folder holds the tables, the scenario, the record, seven figures and the report."""
    written = write_run(tmp_path / "run", **run_parts, force=False)
    assert {str(path) for path in written} == {
        "summary.json",
        "replications.csv",
        "scenario.resolved.yaml",
        "run.json",
        "cost_vs_delivery.png",
        "s_curves.png",
        "cost_breakdown.png",
        "minutes_by_source.png",
        "drivers.png",
        "criticality.png",
        "gantt.png",
        "report.html",
    }
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run"]


def test_an_existing_folder_needs_force(run_parts, tmp_path: Path) -> None:
    """A second write refuses without force and replaces with it."""
    target = tmp_path / "run"
    write_run(target, **run_parts, force=False)
    with pytest.raises(OutputExistsError, match=r"already exists\. Use --force to replace it"):
        write_run(target, **run_parts, force=False)
    write_run(target, **run_parts, force=True)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run"]


def test_an_existing_folder_is_refused_before_any_figure_is_drawn(
    run_parts, tmp_path: Path, monkeypatch
) -> None:
    """Refusing a folder costs nothing: no figure of a run or a comparison is drawn first."""

    def drawn(*_: object) -> None:
        raise AssertionError("a figure was drawn for a folder that is refused")

    for name in writer.FIGURES:
        monkeypatch.setitem(writer.FIGURES, name, drawn)
    for name in writer.COMPARE_FIGURES:
        monkeypatch.setitem(writer.COMPARE_FIGURES, name, drawn)
    monkeypatch.setattr(writer, "gantt", drawn)
    target = tmp_path / "run"
    target.mkdir()
    (target / "run.json").write_text("{}")
    with pytest.raises(OutputExistsError, match=r"already exists\. Use --force to replace it"):
        write_run(target, **run_parts, force=False)
    with pytest.raises(OutputExistsError, match=r"already exists\. Use --force to replace it"):
        write_comparison(target, runs=[], record={}, force=False)
    assert sorted(p.name for p in target.iterdir()) == ["run.json"]


def test_force_never_replaces_a_folder_spacesim_did_not_write(run_parts, tmp_path: Path) -> None:
    """A folder with the user's own files is refused even with force, and left intact."""
    target = tmp_path / "mine"
    target.mkdir()
    (target / "notes.txt").write_text("my notes")
    with pytest.raises(UsageError, match="is not a spacesim output folder"):
        write_run(target, **run_parts, force=True)
    assert (target / "notes.txt").read_text() == "my notes"


def test_a_failure_while_writing_leaves_nothing(run_parts, tmp_path: Path, monkeypatch) -> None:
    """A figure that raises halfway: no target folder and no staging folder left behind."""

    def broken(results):
        raise RuntimeError("disk full")

    monkeypatch.setitem(writer.FIGURES, "s_curves.png", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        write_run(tmp_path / "run", **run_parts, force=False)
    assert list(tmp_path.iterdir()) == []
