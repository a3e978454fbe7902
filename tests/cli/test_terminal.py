"""What `spacesim run` shows on the terminal: the decision last, suggestions, where it stopped."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from rich.console import Console

from sim.cli import cli
from sim.cli.options import known_names
from sim.cli.progress import Status, status_line
from sim.core.errors import UsageError
from sim.report.figures import drawing
from tests.conftest import tiny_data

#: The titles of the tables --details adds, as the tiny scenario's run prints them.
DETAILS = (
    "Top sheet (millions USD)",
    "Shortfall and where it went",
    "Against orbit, replication by replication",
)


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    """The tiny scenario written to film.yaml in a temporary folder."""
    path = tmp_path / "film.yaml"
    path.write_text(yaml.safe_dump(tiny_data(), sort_keys=False))
    return path


@pytest.fixture(autouse=True)
def _no_figures(monkeypatch) -> None:
    """Figures are not what these tests read: one job draws them here, as stand-ins."""
    monkeypatch.setattr(drawing, "draw_run_figure", lambda *_: b"\x89PNG stand-in")


def _run(*args: str):
    """`spacesim run` on one job, without the register's reruns (what is printed is tested)."""
    command = ["run", *args, "--jobs", "1", "--no-register"]
    return CliRunner().invoke(cli, command, catch_exceptions=False)


def test_the_short_view_ends_on_the_decision_and_details_print_the_rest_before_it(
    scenario_file: Path, tmp_path: Path
) -> None:
    """By default the financing, then the decision; --details puts every other table first."""
    short = _run(str(scenario_file), "--reps", "6", "--out", str(tmp_path / "a"))
    assert short.exit_code == 0, short.output
    lines = short.stdout.splitlines()
    decision = next(i for i, line in enumerate(lines) if "6 replications per strategy" in line)
    financing = next(i for i, line in enumerate(lines) if "Financing (millions USD)" in line)
    assert financing < decision
    assert not any(title in short.stdout for title in DETAILS)
    assert lines[-2:] == [
        "Every table: --details, or report.html.",
        f"Results written to {tmp_path / 'a'}/",
    ]
    detailed = _run(str(scenario_file), "--reps", "6", "--details", "--out", str(tmp_path / "b"))
    lines = detailed.stdout.splitlines()
    decision = next(i for i, line in enumerate(lines) if "6 replications per strategy" in line)
    for title in DETAILS:
        assert next(i for i, line in enumerate(lines) if title in line) < decision, title
    assert lines[-1] == f"Results written to {tmp_path / 'b'}/"


def test_an_unknown_strategy_gets_the_closest_name(scenario_file: Path, tmp_path: Path) -> None:
    """--strategy, --baseline and trace's --strategy: exit 2, one line, the name meant."""
    out = ["--out", str(tmp_path / "o")]
    typo = _run(str(scenario_file), "--strategy", "orbt", *out)
    assert typo.exit_code == 2
    assert typo.output == (
        "Error: unknown strategy 'orbt' (did you mean 'orbit'?); the scenario has: orbit, mixed,"
        " reshoot, ground\n"
    )
    chosen = ["--strategy", "orbit", "--strategy", "mixed"]
    baseline = _run(str(scenario_file), *chosen, "--baseline", "mixd", *out)
    assert baseline.output == (
        "Error: unknown baseline 'mixd' (did you mean 'mixed'?); the run has: orbit, mixed\n"
    )
    trace = CliRunner().invoke(cli, ["trace", str(scenario_file), "--strategy", "Ground"])
    assert trace.exit_code == 2
    assert "unknown strategy 'Ground' (did you mean 'ground'?)" in trace.output
    assert not (tmp_path / "o").exists()


def test_known_names_suggest_only_what_is_close() -> None:
    """A slip gets a suggestion, a name like none gets the list only; known names pass."""
    known = ("split", "orbit_max", "ground_cgi")
    assert known_names(["split", "ground_cgi"], known) == ("split", "ground_cgi")
    with pytest.raises(UsageError, match=r"^unknown strategy 'splt' \(did you mean 'split'\?\);"):
        known_names(["splt"], known)
    with pytest.raises(UsageError, match=r"^unknown strategy 'zzz'; the scenario has: split, "):
        known_names(["zzz"], known)


def test_precision_says_where_it_stopped_even_when_quiet(
    scenario_file: Path, tmp_path: Path
) -> None:
    """--quiet keeps the stopping point on stderr: replications reached, precision met or not."""
    met = _run(
        str(scenario_file), "--reps", "20", "--precision", "50", "--quiet",
        "--out", str(tmp_path / "a"),
    )  # fmt: skip
    assert met.exit_code == 0, met.output
    assert met.stderr.startswith("--precision 50%: met at 20 replications per strategy; P80")
    assert "known to ±" in met.stderr
    assert met.stdout == f"Results written to {tmp_path / 'a'}/\n"
    missed = _run(
        str(scenario_file), "--reps", "20", "--precision", "0.01", "--max-reps", "40",
        "--quiet", "--out", str(tmp_path / "b"),
    )  # fmt: skip
    assert missed.stderr.startswith(
        "Warning: the P80s are not known to ±0.01% after --max-reps 40 replications per"
        " strategy; P80"
    )
    assert missed.stderr.rstrip().endswith("See precision in summary.json.")


def test_the_status_line_counts_the_figures_and_hides_when_quiet() -> None:
    """The step and the figures drawn; with --quiet (or no terminal) nothing is shown."""
    status = Status(8)
    status.step("measuring the risk register")
    assert status.text() == "measuring the risk register; figures 0 of 8 drawn"
    for _ in range(3):
        status.drawn("s_curves.png")
    assert status.text() == "measuring the risk register; figures 3 of 8 drawn"
    for _ in range(5):
        status.drawn()
    assert status.text() == "measuring the risk register; 8 figures drawn"
    quiet = Console(quiet=True, force_terminal=True)
    with status_line(quiet, 8) as shown:
        assert shown._line is None
    with status_line(Console(force_terminal=True, file=io.StringIO()), 8) as shown:
        assert shown._line is not None
