"""Runs a hostile user would try: markup in a title, a seed past the format, a file at --out."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from sim.cli import cli
from tests.conftest import tiny_data


def _scenario(tmp_path: Path, **changes: object) -> Path:
    path = tmp_path / "film.yaml"
    path.write_text(yaml.safe_dump(tiny_data(**changes), sort_keys=False))
    return path


def test_a_title_with_terminal_markup_is_printed_as_written(tmp_path: Path) -> None:
    """`[/]` in the title is text, not a markup tag that breaks the table after the run."""
    path = _scenario(tmp_path, production__title="[/] Orbit [bold]x")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["run", str(path), "--reps", "2", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "[/] Orbit [bold]x" in result.output
    assert (out / "summary.json").exists()


def test_a_seed_the_resolved_scenario_cannot_hold_is_refused_first(tmp_path: Path) -> None:
    """--seed 2**64 is refused before the run, and nothing is written."""
    path = _scenario(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["run", str(path), "--reps", "2", "--seed", str(2**64), "--out", str(out)]
    )
    assert result.exit_code == 2
    assert "--seed 18446744073709551616: use an integer from 0 to 2**63 - 1" in result.output
    assert not out.exists()


def test_an_output_folder_under_a_file_is_one_line(tmp_path: Path) -> None:
    """--out afile/sub: the file is named; exit 2, no traceback."""
    path = _scenario(tmp_path)
    (tmp_path / "afile").write_text("x")
    result = CliRunner().invoke(
        cli, ["run", str(path), "--reps", "2", "--out", str(tmp_path / "afile" / "sub")]
    )
    assert result.exit_code == 2
    assert "afile is a file, not a folder" in result.output
    assert "Traceback" not in result.output
