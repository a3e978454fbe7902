"""Every ledger category has a colour and a label in the figures, and nothing else has one."""

from __future__ import annotations

from sim.model.ledger import CATEGORIES, TOP_SHEET
from sim.report.figures.style import CATEGORY_COLOURS, CATEGORY_LABELS


def test_every_category_has_a_colour_and_a_label() -> None:
    assert set(CATEGORY_COLOURS) == set(CATEGORIES)
    assert set(CATEGORY_LABELS) == set(CATEGORIES)
    assert len(set(CATEGORY_COLOURS.values())) == len(CATEGORIES)


def test_the_top_sheet_starts_above_the_line_with_the_fees_and_the_holds() -> None:
    first, members = next(iter(TOP_SHEET.items()))
    assert first == "above the line"
    assert members == ("above_line", "holds")
