"""The output folder is written whole or not at all, and never over a user's files."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from sim.analysis.representative import told
from sim.analysis.summary import summarise
from sim.core.errors import OutputExistsError, UsageError
from sim.experiment.runner import run_experiment
from sim.report import folder, writer
from sim.report.figures import drawing
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
    """The folder holds the tables, the scenario, the record, seven figures and the reports."""
    written = write_run(tmp_path / "run", **run_parts, force=False)
    assert {str(path) for path in written} == {
        "summary.json",
        "replications.csv",
        "cash_flow.csv",
        "cash_flow.png",
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
        "report.xlsx",
        "replications.parquet",
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
    monkeypatch.setattr(drawing, "GANTT_FIGURE", drawn)
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


def test_a_staged_folder_takes_files_as_they_come_and_appears_whole(tmp_path: Path) -> None:
    """Files written in steps show up together at the commit; a block left early leaves none."""
    target = tmp_path / "run"
    with folder.staging(target, force=False) as staged:
        staged.write({"replications.csv": "a\n"})
        assert not target.exists()
        staged.write({"summary.json": "{}\n"})
        written = staged.commit({"spacesim_version": "x"})
    assert [path.name for path in written] == ["replications.csv", "run.json", "summary.json"]
    assert (target / "replications.csv").read_text() == "a\n"
    with pytest.raises(RuntimeError, match="the reruns failed"):
        _fail_while_staging(tmp_path / "other")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["run"]


def _fail_while_staging(target: Path) -> None:
    with folder.staging(target, force=False) as staged:
        staged.write({"replications.csv": "a\n"})
        raise RuntimeError("the reruns failed")


def _write(target: Path, force: bool) -> list[Path]:
    """A small output folder, written as a run's is."""
    return folder.write_folder(target, {"summary.json": "{}\n"}, {"spacesim_version": "x"}, force)


def test_force_never_replaces_a_folder_that_only_has_a_run_record(tmp_path: Path) -> None:
    """A project folder holding a file named run.json is not spacesim's: refused, left whole."""
    project = tmp_path / "proj"
    (project / "src").mkdir(parents=True)
    (project / "run.json").write_text("{}")
    (project / "src" / "app.py").write_text("print(1)")
    with pytest.raises(UsageError, match="is not a spacesim output folder"):
        _write(project, force=True)
    assert (project / "src" / "app.py").read_text() == "print(1)"


def test_force_never_deletes_a_file_added_to_an_output_folder(tmp_path: Path) -> None:
    """A user's file inside an output folder makes it theirs too: refused, nothing deleted."""
    target = tmp_path / "run"
    _write(target, force=False)
    (target / "my notes.txt").write_text("keep me")
    with pytest.raises(UsageError, match="holds files spacesim did"):
        _write(target, force=True)
    assert (target / "my notes.txt").read_text() == "keep me"


def test_a_folder_made_at_the_target_while_writing_is_kept(tmp_path: Path, monkeypatch) -> None:
    """A folder someone creates at --out after the check is neither replaced nor deleted."""
    target = tmp_path / "run"
    real = folder._write_into

    def meanwhile(staging, files):
        real(staging, files)
        target.mkdir()
        (target / "theirs.txt").write_text("theirs")

    monkeypatch.setattr(folder, "_write_into", meanwhile)
    with pytest.raises(UsageError, match="created or changed by someone else"):
        _write(target, force=False)
    assert sorted(p.name for p in target.iterdir()) == ["theirs.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["run"]  # no staging left


def test_a_folder_replaced_at_the_target_while_writing_is_put_back(
    tmp_path: Path, monkeypatch
) -> None:
    """With --force, an output folder swapped for someone else's meanwhile is not deleted."""
    target = tmp_path / "run"
    _write(target, force=False)
    real = folder._write_into

    def meanwhile(staging, files):
        real(staging, files)
        shutil.rmtree(target)
        target.mkdir()
        (target / "theirs.txt").write_text("theirs")

    monkeypatch.setattr(folder, "_write_into", meanwhile)
    with pytest.raises(UsageError, match="created or changed by someone else"):
        _write(target, force=True)
    assert sorted(p.name for p in target.iterdir()) == ["theirs.txt"]


def test_an_older_spacesims_folder_is_replaced_with_force(tmp_path: Path) -> None:
    """A folder without the marker, whose run.json is a spacesim record, can still be replaced."""
    target = tmp_path / "run"
    target.mkdir()
    (target / "run.json").write_text(
        json.dumps({"command": ["spacesim", "run", "x.yaml"], "spacesim_version": "0.1.0"})
    )
    (target / "summary.json").write_text("{}")
    _write(target, force=True)
    assert (target / folder.MARKER).exists()


def test_leftovers_of_killed_runs_are_cleaned_by_the_next_write(tmp_path: Path) -> None:
    """Staging and set-aside folders of a dead process go; a live one's stay."""
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    for kind in ("partial", "replaced"):
        (tmp_path / f".run.{kind}-{dead}-abc").mkdir()
    alive = tmp_path / f".run.partial-{os.getpid()}-xyz"
    alive.mkdir()
    _write(tmp_path / "run", force=False)
    assert sorted(p.name for p in tmp_path.iterdir()) == [alive.name, "run"]


def test_refusals_of_places_that_are_no_output_folder(tmp_path: Path, monkeypatch) -> None:
    """Under a file, the current folder, or a link: one line each, nothing written."""
    afile = tmp_path / "afile"
    afile.write_text("x")
    with pytest.raises(UsageError, match="is a file, not a folder"):
        _write(afile / "sub", force=False)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(UsageError, match="is the current folder or holds it"):
        _write(Path("."), force=True)
    _write(tmp_path / "real", force=False)
    (tmp_path / "link").symlink_to(tmp_path / "real")
    with pytest.raises(UsageError, match="is a symbolic link"):
        _write(tmp_path / "link", force=True)


def test_folders_get_the_users_umask(tmp_path: Path) -> None:
    """The output folder is 0755 under umask 022, not mkdtemp's 0700."""
    old = os.umask(0o022)
    try:
        _write(tmp_path / "run", force=False)
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "run").stat().st_mode) == 0o755


def test_a_full_disk_is_one_line_naming_the_path(tmp_path: Path, monkeypatch) -> None:
    """An OS error while writing is an OutputError naming the path and the cause, no traceback."""

    def full(staging, files):
        raise OSError(errno.ENOSPC, "No space left on device", str(staging / "summary.json"))

    monkeypatch.setattr(folder, "_write_into", full)
    with pytest.raises(
        folder.OutputError,
        match=r"summary.json: cannot write the output folder \(No space left on device\)",
    ):
        _write(tmp_path / "run", force=False)
    assert list(tmp_path.iterdir()) == []


def test_an_older_looking_folder_with_other_files_is_never_replaced(tmp_path: Path) -> None:
    """A run.json with spacesim's keys beside a user's own data and scenario: refused, kept."""
    target = tmp_path / "project"
    target.mkdir()
    (target / "run.json").write_text(json.dumps({"runs": [], "spacesim_version": "0.1.0"}))
    (target / "precious_data.csv").write_text("a,b\n1,2\n")
    (target / "my_scenario.yaml").write_text("title: mine\n")
    with pytest.raises(UsageError, match="is not a spacesim output folder"):
        _write(target, force=True)
    assert sorted(p.name for p in target.iterdir()) == [
        "my_scenario.yaml",
        "precious_data.csv",
        "run.json",
    ]
