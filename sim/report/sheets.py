"""Typed cells in an XlsxWriter workbook: the kit report.xlsx and sweep.xlsx are written with.

A `Sheet` writes a worksheet row by row - a title, a bold header whose panes freeze, cells
typed by value (numbers, dates and flags as themselves, text as text, None and NaN empty) with
a finance reader's number formats (`FORMATS`) - and fits the columns to what they hold.
`new_book` opens a workbook in memory that never reads text as a formula or a link.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Sequence
from typing import Any

import xlsxwriter
from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

#: Number formats, as a finance reader expects them.
FORMATS = {
    "money": "#,##0",
    "millions": '#,##0.0,,"M"',
    "share": "0%",
    "share1": "0.0%",
    "date": "yyyy-mm-dd",
    "days": "#,##0",
    "number": "#,##0.00",
    "rho": "0.00",
}


class Sheet:
    """A worksheet written row by row: a bold header, typed cells, widths that fit."""

    def __init__(self, book: Workbook, formats: dict[str, Any], name: str) -> None:
        self.sheet: Worksheet = book.add_worksheet(name)
        self.formats = formats
        self.row = 0
        self.widths: dict[int, int] = {}

    def title(self, text: str) -> None:
        """A line of bold text, then a blank line."""
        self.sheet.write_string(self.row, 0, text, self.formats["bold"])
        self.row += 2

    def header(self, names: Sequence[str]) -> None:
        """The bold header row; the panes freeze under it on the first one."""
        for column, name in enumerate(names):
            self.sheet.write_string(self.row, column, name, self.formats["header"])
            self._fit(column, len(name))
        self.row += 1

    def line(self, cells: Sequence[tuple[Any, str | None]]) -> None:
        """One row of (value, format name) cells; None and NaN stay empty."""
        for column, (value, kind) in enumerate(cells):
            self.cell(self.row, column, value, kind)
        self.row += 1

    def cell(self, row: int, column: int, value: Any, kind: str | None) -> None:
        """Write one typed cell."""
        style = self.formats.get(kind) if kind else None
        if value is None or (isinstance(value, float) and not math.isfinite(value)):
            self.sheet.write_blank(row, column, None, style)
        elif isinstance(value, bool):
            self.sheet.write_boolean(row, column, value, style)
        elif isinstance(value, int | float):
            self.sheet.write_number(row, column, value, style)
        elif isinstance(value, dt.date):
            self.sheet.write_datetime(row, column, value, style)
            self._fit(column, 10)
        else:
            self.sheet.write_string(row, column, str(value), style)
            self._fit(column, min(len(str(value)), 60))

    def finish(self, freeze_row: int = 0) -> None:
        """Set the column widths; freeze the rows above `freeze_row`."""
        for column, width in self.widths.items():
            self.sheet.set_column(column, column, max(10, width + 2))
        if freeze_row:
            self.sheet.freeze_panes(freeze_row, 1)

    def _fit(self, column: int, width: int) -> None:
        self.widths[column] = max(self.widths.get(column, 0), width)


def new_book(buffer: io.BytesIO) -> tuple[Workbook, dict[str, Any]]:
    """A workbook writing into `buffer` that never reads text as a formula, and its formats."""
    options = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}
    book = xlsxwriter.Workbook(buffer, options)
    formats = {name: book.add_format({"num_format": code}) for name, code in FORMATS.items()}
    formats["bold"] = book.add_format({"bold": True})
    formats["header"] = book.add_format({"bold": True, "bottom": 1, "text_wrap": True})
    return book, formats
