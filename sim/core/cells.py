"""Text cells safe to open in a spreadsheet: no cell of ours is ever read as a formula."""

from __future__ import annotations

#: What makes Excel, LibreOffice and Google Sheets read a cell as a formula (OWASP, CSV
#: injection): a leading =, +, -, @, tab or carriage return.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(text: str) -> str:
    """`text`, with a leading apostrophe if a spreadsheet would take it for a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text
