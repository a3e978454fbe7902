"""No text spacesim writes to a CSV is taken by a spreadsheet for a formula."""

from __future__ import annotations

import csv
import io

import pytest

from sim.core.cells import spreadsheet_text
from sim.report.runs import rows_to_csv


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x","y")', "+1", "-cmd", "@SUM(A1)", "\tx"])
def test_formula_starts_are_quoted(text: str) -> None:
    """A leading =, +, -, @ or tab gets an apostrophe; the text is otherwise kept."""
    assert spreadsheet_text(text) == "'" + text


def test_a_run_label_in_compare_csv_is_text_and_numbers_stay_numbers() -> None:
    """A folder named like a formula is quoted; a negative number is not touched."""
    rows = [{"strategy": "split", "run": '=HYPERLINK("x")', "cost_delta_usd": -5.5, "p": None}]
    (row,) = csv.DictReader(io.StringIO(rows_to_csv(rows)))
    assert row == {
        "strategy": "split",
        "run": '\'=HYPERLINK("x")',
        "cost_delta_usd": "-5.5",
        "p": "",
    }
