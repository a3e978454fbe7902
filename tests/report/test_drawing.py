"""A run's figures drawn on worker processes: the same files, byte for byte, as drawn here."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest

from sim.analysis.representative import told
from sim.analysis.summary import summarise
from sim.experiment.executors import Pool
from sim.experiment.runner import run_experiment
from sim.report.figures import drawing as figures
from sim.report.writer import write_run
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data

ROOT = Path(__file__).parent.parent.parent


@pytest.fixture(scope="module")
def parts():
    """What write_run needs, from a 6-replication run of the tiny scenario."""
    results = run_experiment(scenario_from_data(tiny_data()), replications=6, seed=3)
    return {
        "results": results,
        "summary": summarise(results),
        "resolved_scenario": "resolved: true\n",
        "record": {"seed": 3},
        "stories": told(results),
    }


def _digests(folder: Path) -> dict[str, str]:
    return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in folder.iterdir()}


def test_two_workers_write_the_folder_one_process_writes(parts, tmp_path: Path) -> None:
    """Drawn on two workers or here, one by one: the same files, the same bytes.

    Agg draws the same pixels in any process and the PNGs' metadata holds no time, so the
    figures and the report that embeds them are identical. The workbook is not compared:
    XlsxWriter records the second it was made. Each figure is reported drawn once. About 5 s:
    every figure drawn twice, as the claim is about every one.
    """
    write_run(tmp_path / "serial", **parts, force=False)
    told_names: list[str] = []
    results, stories = parts["results"], parts["stories"]
    # on the workers a run shares between its stages, as `spacesim run` draws them
    with (
        Pool(2, figures.PRELOAD) as pool,
        figures.drawing(results, stories, jobs=2, pool=pool, drawn=told_names.append) as started,
    ):
        assert set(started._futures) == set(figures.run_figure_names())  # all handed over
        payload = Path(str(started._payload))
        assert payload.exists()
        write_run(tmp_path / "parallel", **parts, force=False, drawing=started)
        assert not payload.exists()  # the pickle the workers read is gone with the drawing
        assert pool.submit(sum, [1, 2]).result() == 3  # and the pool goes on taking work
    serial, parallel = _digests(tmp_path / "serial"), _digests(tmp_path / "parallel")
    assert sorted(serial) == sorted(parallel)
    assert {name for name in serial if name.endswith(".png")} == set(figures.run_figure_names())
    differ = {name for name in serial if serial[name] != parallel[name]}
    assert differ <= {".spacesim", "report.xlsx"}  # the marker: a new identity per folder
    assert "report.html" not in differ
    assert sorted(told_names) == sorted(figures.run_figure_names())


def test_a_dead_worker_leaves_its_figure_to_this_process(parts) -> None:
    """A worker killed (for memory, say) breaks the pool: its figures are drawn here."""
    told_names: list[str] = []
    started = figures.Drawing(parts["results"], parts["stories"], None, told_names.append)
    started.names = ["s_curves.png"]
    lost: Future[bytes] = Future()
    lost.set_exception(BrokenProcessPool("a worker died"))
    started._futures["s_curves.png"] = lost
    assert started.figures()["s_curves.png"].startswith(b"\x89PNG")
    assert told_names == ["s_curves.png"]


def test_workers_one_per_figure_at_most_and_none_with_one_job(parts) -> None:
    """One job draws here; more draw on workers, never more than figures; too big: here."""
    results = parts["results"]
    table = sum(values.nbytes for values in results.columns.values())
    plenty = 100 * table
    assert figures.workers_for(results, 1, memory=plenty) == 0
    assert figures.workers_for(results, 2, memory=plenty) == 2
    assert figures.workers_for(results, 64, memory=plenty) == len(figures.run_figure_names())
    # two workers hold a copy each, and the pickle's pages one more: 3 tables
    assert figures.workers_for(results, 2, memory=int(3 * table / figures.MEMORY_SHARE)) == 2
    assert figures.workers_for(results, 2, memory=int(3 * table / figures.MEMORY_SHARE) - 1) == 0


def test_the_cli_starts_without_matplotlib() -> None:
    """The commands import no figure module: a run whose workers draw never imports matplotlib.

    A third of a second of every `spacesim` command; the workers' fork server imports the
    figures instead (`PRELOAD`, every run figure's module).
    """
    script = (
        "import sys\nimport sim.cli.group, sim.report.publish\nprint('matplotlib' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert found.stdout.strip() == "False"
    modules = {entry.module for entry in figures.RUN_FIGURES.values()}
    assert modules | {figures.GANTT_FIGURE.module} <= set(figures.PRELOAD)
