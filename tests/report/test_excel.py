"""report.xlsx and replications.parquet read back: typed cells, every sheet, text kept text."""

from __future__ import annotations

import datetime as dt
import io
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import openpyxl
import pyarrow.parquet as pq
import pytest

from sim.analysis.summary import summarise
from sim.experiment.runner import run_experiment
from sim.report import excel, sheets
from sim.report.assumptions import assumptions, risk_register
from sim.report.parquet import parquet_bytes
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data

ROOT = Path(__file__).parent.parent.parent


@pytest.fixture(scope="module")
def run():
    """A 4-replication run of the tiny scenario whose risk text looks like a formula."""
    data = tiny_data(simulation__horizon_days=600)  # some films never delivered
    first = next(iter(data["risks"]))
    data["risks"][first]["description"] = '=HYPERLINK("http://x")'
    scenario = scenario_from_data(data)
    results = run_experiment(scenario, replications=4, seed=3)
    return results, summarise(results)


def _book(run):
    results, summary = run
    data = excel.workbook(
        results, summary, assumptions(results.scenario), risk_register(results.scenario)
    )
    return openpyxl.load_workbook(io.BytesIO(data))


def test_every_sheet_is_there(run) -> None:
    assert _book(run).sheetnames == [
        "Decision",
        "Targets",
        "P-table",
        "Top sheet",
        "Paired",
        "Fallback rules",
        "Drivers",
        "Risk register",
        "Assumptions",
        "Replications",
    ]


def test_money_shares_and_dates_are_typed(run) -> None:
    """The decision row of a strategy holds numbers and dates with formats, not text."""
    _, summary = run
    sheet = _book(run)["Decision"]
    rows = list(sheet.iter_rows())
    at = next(i for i, row in enumerate(rows) if row[0].value == "strategy")
    header = [cell.value for cell in rows[at]]
    first = next(iter(summary.strategies))
    row = next(r for r in rows[at + 1 :] if r[0].value == first)
    cells = dict(zip(header, row, strict=True))
    p50 = cells["cost P50 (USD)"]
    assert p50.data_type == "n"
    assert p50.value == pytest.approx(summary.strategies[first].cost.p50)
    assert p50.number_format == sheets.FORMATS["money"]
    assert cells["P(on time)"].number_format == "0%"
    date = summary.strategies[first].delivery_date.p50
    if date is not None:
        assert cells["delivery P50"].value.date() == date


def test_text_from_the_scenario_is_never_a_formula(run) -> None:
    sheet = _book(run)["Risk register"]
    texts = [cell for row in sheet.iter_rows() for cell in row if cell.value is not None]
    looks = [cell for cell in texts if str(cell.value).startswith("=")]
    assert looks
    assert all(cell.data_type == "s" for cell in looks)


def test_replications_sheet_holds_every_row_and_the_top_sheet_adds_up(run) -> None:
    results, _ = run
    sheet = _book(run)["Replications"]
    rows = list(sheet.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(body) == results.size
    total = header.index("cost (total)")
    lines = [i for i, name in enumerate(header) if str(name).startswith("cost: ")]
    for row in body:
        assert sum(row[i] for i in lines) == pytest.approx(row[total], rel=1e-9)


def test_replications_sheet_is_left_out_past_its_limit(run, monkeypatch) -> None:
    monkeypatch.setattr(excel, "MAX_REPLICATION_ROWS", 1)
    assert "Replications" not in _book(run).sheetnames


def test_parquet_reads_back_typed_with_missing_as_null(run) -> None:
    results, _ = run
    table = pq.read_table(io.BytesIO(parquet_bytes(results)))
    assert table.num_rows == results.size
    frame = table.to_pydict()
    assert frame["replication"] == results.columns["replication"].tolist()
    days = results.columns["delivery_day"]
    for day, read, date in zip(days, frame["delivery_day"], frame["delivery_date"], strict=True):
        if math.isfinite(day):
            assert read == day
            assert isinstance(date, dt.date)
        else:
            assert read is None
            assert date is None
    assert np.allclose(frame["cost_usd"], results.columns["cost_usd"])
    assert frame["strategy"] == results.columns["strategy"].tolist()
    assert frame["delivered"] == results.columns["delivered"].tolist()
    types = {field.name: str(field.type) for field in table.schema}
    assert (types["strategy"], types["replication"], types["delivered"]) == (
        "string",
        "int64",
        "bool",
    )


def test_parquet_is_written_without_importing_pandas() -> None:
    """Built from buffers: `pyarrow.array` imports pandas where it is installed (0.3 s a run)."""
    script = (
        "import sys\n"
        "from sim.experiment.runner import run_experiment\n"
        "from sim.report.parquet import parquet_bytes\n"
        "from sim.scenario.load import scenario_from_data\n"
        "from tests.conftest import tiny_data\n"
        "results = run_experiment(scenario_from_data(tiny_data()), replications=2, seed=1)\n"
        "assert parquet_bytes(results)\n"
        "print('pandas' in sys.modules)\n"
    )
    found = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert found.stdout.strip() == "False"


def test_the_targets_sheet_checks_each_strategy_against_each_target() -> None:
    scenario = scenario_from_data(tiny_data(targets={"real_share": 0.5, "joint_confidence": 0.6}))
    results = run_experiment(scenario, replications=4, seed=3)
    book = _book((results, summarise(results)))
    rows = list(book["Targets"].iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if row[0] == "strategy")
    body = [row for row in rows[at + 1 :] if row[0]]
    assert len(body) == 2 * len(results.strategies)
    assert {row[1] for row in body} == {"real_share", "joint_confidence"}
    assert all(isinstance(row[4], int | float) for row in body)  # numbers, not text
    assert all(isinstance(row[5], bool) for row in body)
    decision = [row for row in book["Decision"].iter_rows(values_only=True) if row[0]]
    assert str(decision[1][0]).startswith("Recommended: ")
