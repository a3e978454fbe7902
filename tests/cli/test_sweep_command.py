"""`spacesim sweep` as a user types it: the folder, the break-even, one-line errors."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import openpyxl
import pytest
import yaml
from click.testing import CliRunner

from sim.cli import cli
from tests.conftest import tiny_data


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    """The tiny scenario written to film.yaml in a temporary folder."""
    path = tmp_path / "film.yaml"
    path.write_text(yaml.safe_dump(tiny_data(), sort_keys=False))
    return path


def test_a_sweep_writes_its_folder_and_prints_the_decision(
    scenario_file: Path, tmp_path: Path
) -> None:
    """Two keys: a tidy CSV, JSON, the cells' changes, a figure per key and the map."""
    out = tmp_path / "grid"
    args = ["sweep", str(scenario_file), "--reps", "6", "--jobs", "1", "--out", str(out)]
    args += ["--set", "sources.cgi.artists=40,80", "--set", "post.cost_usd=2e6:4e6:2e6"]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert "Break-even" in result.output
    assert f"Results written to {out}/" in result.output
    names = {path.name for path in out.iterdir()}
    assert {"sweep.csv", "sweep.json", "cells.yaml", "scenario.resolved.yaml", "run.json"} <= names
    assert {"sweep_sources.cgi.artists.png", "sweep_post.cost_usd.png", "recommended.png"} <= names
    with (out / "sweep.csv").open() as file:
        rows = list(csv.DictReader(file))
    assert {row["cell"] for row in rows} == {"0", "1", "2", "3"}
    assert rows[0]["sources.cgi.artists"] == "40"
    assert rows[0]["post.cost_usd"] == "2000000.0"
    summary = json.loads((out / "sweep.json").read_text())
    assert summary["axes"] == {"sources.cgi.artists": [40, 80], "post.cost_usd": [2e6, 4e6]}
    cells = yaml.safe_load((out / "cells.yaml").read_text())
    assert cells[3] == {"cell": 3, "changes": {"sources.cgi.artists": 80, "post.cost_usd": 4e6}}
    book = openpyxl.load_workbook(out / "sweep.xlsx")
    assert book.sheetnames == ["Sweep", "Break-evens"]
    table = list(book["Sweep"].iter_rows(min_row=4, values_only=True))
    assert len(table) == len(rows)  # the CSV's rows, typed
    costs = [row for row in table if row[4] == "cost_p80_usd"]
    assert all(isinstance(row[5], float) for row in costs)
    assert book["Sweep"].cell(row=4 + table.index(costs[0]), column=6).number_format == "#,##0"


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        ("sources.orbt.seat_price_usd=1", "sources.orbt.seat_price_usd: unknown key 'orbt'"),
        ("sources.cgi.artists=many", "sources.cgi.artists: 'many' is not a whole number"),
        ("sources.cgi.artists=", "sources.cgi.artists: no values"),
        ("sources.cgi.artists=10:1:1", "10:1:1 ends before it starts"),
        ("sources.cgi.artists", "write KEY.PATH=V1,V2"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_no_folder(
    scenario_file: Path, tmp_path: Path, setting: str, message: str
) -> None:
    """An unknown key, a value that does not validate, an empty list, a bad range."""
    out = tmp_path / "grid"
    args = ["sweep", str(scenario_file), "--reps", "2", "--out", str(out), "--set", setting]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("Error: --set")
    assert message in lines[0]
    assert not out.exists()
    assert not list(tmp_path.glob(".grid*"))


def test_a_key_set_twice_is_refused(scenario_file: Path, tmp_path: Path) -> None:
    """Two --set of one key: the values go in one."""
    args = ["sweep", str(scenario_file), "--out", str(tmp_path / "grid")]
    args += ["--set", "sources.cgi.artists=40", "--set", "sources.cgi.artists=80"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "set twice" in result.output
