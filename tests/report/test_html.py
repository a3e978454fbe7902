"""report.html: one self-contained page, the terminal's tables, every figure, both registers."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import ClassVar

import pytest

from sim.analysis.records import Summary
from sim.analysis.summary import summarise
from sim.experiment.runner import run_experiment
from sim.report.assumptions import assumptions, risk_register
from sim.report.html import CAPTIONS, table_html
from sim.report.run_page import report_html
from sim.report.tables import decision_table
from sim.report.writer import COMPARE_FIGURES, FIGURES
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data

#: Every figure of a run's folder: those drawn from the table, and the Gantt chart.
RUN_FIGURES = (*FIGURES, "gantt.png")


class _Page(HTMLParser):
    """Collects what a browser would fetch, and checks that every tag opened is closed."""

    VOID: ClassVar = {"meta", "img", "br"}

    def __init__(self) -> None:
        super().__init__()
        self.fetched: list[str] = []
        self.images: list[str] = []
        self.open: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("src", "href") and value and not value.startswith("#"):
                (self.images if tag == "img" else self.fetched).append(value)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open.pop() == tag


def _page(title: str = "Tiny test film") -> tuple[str, Summary]:
    scenario = scenario_from_data(tiny_data(production__title=title))
    results = run_experiment(scenario, replications=12, seed=5)
    summary = summarise(results)
    figures = {name: f"png of {name}".encode() for name in RUN_FIGURES}
    page = report_html(
        summary=summary,
        figures=figures,
        assumptions=assumptions(scenario),
        risks=risk_register(scenario),
        record={"command": ["spacesim", "run", "film.yaml"], "finished_utc": "2026-11-24T10:00"},
    )
    return page, summary


def test_the_page_is_self_contained_and_well_formed() -> None:
    """Nothing to fetch; every figure of the run is embedded once, as base64 PNG data."""
    page, _ = _page()
    parser = _Page()
    parser.feed(page)
    assert parser.open == []
    assert parser.fetched == []
    assert len(parser.images) == len(RUN_FIGURES)
    assert all(src.startswith("data:image/png;base64,") for src in parser.images)
    assert set(CAPTIONS) == set(RUN_FIGURES) | set(COMPARE_FIGURES)


def test_the_page_holds_the_tables_the_terminal_prints() -> None:
    """The decision table's every cell is on the page; the findings name real strategies."""
    page, summary = _page()
    table = decision_table(summary)
    for column in table.columns:
        for cell in column.cells:
            assert f">{cell}</td>" in page
    findings = re.search(r"<ul class='findings'>(.*?)</ul>", page, re.S)
    assert findings is not None
    named = set(re.findall(r"<b>(.*?)</b>", findings.group(1)))
    assert named
    assert named <= set(summary.strategies)


def test_text_from_the_scenario_is_escaped() -> None:
    """A title with markup is shown as text, never run."""
    page, _ = _page(title="<script>alert(1)</script> & co")
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page


def test_table_html_keeps_title_header_alignment_and_caption() -> None:
    """A table becomes one HTML table: right-aligned number columns, one caption, a note."""
    _, summary = _page()
    html = table_html(decision_table(summary))
    assert html.count("<tr>") == 1 + len(summary.strategies)
    assert "<th class='right'>cost<br>P50</th>" in html
    assert html.count("<caption>") == 1  # HTML allows one caption per table, its first child
    assert re.search(r"<table[^>]*><caption>", html)
    assert "<p class='note'>Cost in millions USD" in html


@pytest.mark.parametrize("key", ["weather_scrub_probability", "training_days"])
def test_a_default_left_alone_carries_its_source(key: str) -> None:
    """An orbit default the tiny scenario does not set is cited; a value it sets is not."""
    listed = {a.path: a for a in assumptions(scenario_from_data(tiny_data()))}
    default = listed[f"sources.orbit.{key}"]
    assert default.default
    assert default.source
    assert listed["production.budget_usd"].source is None


def test_a_changed_default_loses_the_default_source_and_keeps_its_own() -> None:
    """Overriding a default drops its citation unless the new value brings one."""
    data = tiny_data(sources__orbit__training_days=200)
    listed = {a.path: a for a in assumptions(scenario_from_data(data))}
    assert listed["sources.orbit.training_days"].source is None
    assert listed["sources.orbit.training_days"].value == "200"
    cited = {"dist": "fixed", "value": 200, "source": "our own quote"}
    data = tiny_data(sources__orbit__training_days=cited)
    listed = {a.path: a for a in assumptions(scenario_from_data(data))}
    assert listed["sources.orbit.training_days"].source == "our own quote"


def test_the_risk_register_has_one_row_per_event_with_its_impact() -> None:
    """Each risk event of the scenario, its chance, and its impact in words."""
    data = tiny_data()
    data["risks"]["slip"]["source"] = "Ax-4 slipped six months"
    rows = {r.name: r for r in risk_register(scenario_from_data(data))}
    assert set(rows) == set(data["risks"])
    assert rows["slip"].probability == 0.3
    assert rows["slip"].impact == "delays the start by uniform (low 10, high 90) days"
    assert rows["slip"].source == "Ax-4 slipped six months"
    assert rows["stage"].impact == "delays the start by 14 days; costs 100,000 USD"
    assert rows["stage"].source is None


def test_the_assumption_register_rows_match_its_header() -> None:
    """Each row of the register has as many cells as the header names, and says who set it."""
    page, _ = _page()
    register = page[page.index("<h2>Assumptions</h2>") :]
    header = register[register.index("<thead>") : register.index("</thead>")]
    first_row = register[
        register.index("<tbody><tr>") : register.index("</tr>", register.index("<tbody>"))
    ]
    assert header.count("<th>") == first_row.count("<td")
    assert "<td>default</td>" in register
    assert "<td>this scenario</td>" in register
