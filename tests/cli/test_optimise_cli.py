"""`spacesim optimise` as a user types it."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sim.cli import cli
from tests.conftest import tiny_data

SMALL = ["--trials", "6", "--replications", "3", "--final-replications", "4", "--jobs", "1"]


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    """The tiny scenario, with a real-share target, in film.yaml."""
    data = tiny_data()
    data["targets"] = {"real_share": 0.3}
    path = tmp_path / "film.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


def test_optimise_prints_the_finalists_and_writes_the_folder(
    scenario_file: Path, tmp_path: Path
) -> None:
    """Exit 0; the finalists table, the verdict and the folder's files."""
    out = tmp_path / "opt"
    result = CliRunner().invoke(
        cli, ["optimise", str(scenario_file), *SMALL, "--out", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert "finalists on 4 fresh replications" in result.output
    assert f"Results written to {out}/" in result.output
    for name in ("trials.csv", "front.csv", "front.json", "best.yaml", "front.png", "run.json"):
        assert (out / name).is_file(), name
    assert len((out / "trials.csv").read_text().splitlines()) == 7  # header and 6 trials


def test_an_existing_folder_is_kept_without_force(scenario_file: Path, tmp_path: Path) -> None:
    """The second run into the same folder says how to replace it, exit 2; --force replaces."""
    out = tmp_path / "opt"
    args = ["optimise", str(scenario_file), *SMALL, "--out", str(out), "--quiet"]
    assert CliRunner().invoke(cli, args).exit_code == 0
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 2
    assert f"Error: {out} already exists. Use --force" in again.output
    assert CliRunner().invoke(cli, [*args, "--force"]).exit_code == 0


def test_an_unknown_source_is_refused_with_the_choices(scenario_file: Path) -> None:
    """--source orbti: click lists the sources, exit 2."""
    result = CliRunner().invoke(cli, ["optimise", str(scenario_file), "--source", "orbti"])
    assert result.exit_code == 2
    assert "'orbti' is not one of 'orbit'" in result.output
