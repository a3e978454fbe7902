"""The decision in the terminal table and on report.html: targets, misses, the recommendation."""

from __future__ import annotations

import re

import pytest

from sim.analysis.records import Summary
from sim.analysis.summary import summarise
from sim.experiment.runner import run_experiment
from sim.report.assumptions import assumptions, risk_register
from sim.report.run_page import report_html
from sim.report.tables import decision_table, targets_text
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data

TARGETS = {"real_share": 0.6, "real_share_by_kind": {"weightless_interior": 0.9}}


def _summary(targets: dict | None) -> Summary:
    data = tiny_data()
    if targets is not None:
        data["targets"] = targets
    results = run_experiment(scenario_from_data(data), replications=12, seed=5)
    return summarise(results)


@pytest.fixture(scope="module")
def targeted() -> Summary:
    """The tiny scenario with two real-share targets."""
    return _summary(TARGETS)


def test_without_targets_the_table_keeps_its_columns_and_names_the_cheapest() -> None:
    """No targets column; the caption recommends the lowest P80 cost and says why."""
    summary = _summary(None)
    table = decision_table(summary)
    assert [str(column.header) for column in table.columns][-1] == "both"
    cheapest = min(summary.strategies, key=lambda name: summary.strategies[name].cost.p80)
    assert f"Recommended: {cheapest}, the lowest P80 cost (the scenario sets no targets" in str(
        table.caption
    )


def test_the_targets_column_says_met_or_each_miss(targeted: Summary) -> None:
    """Each row: 'met', or a line per target missed with what it reached."""
    decision = targeted.decision
    assert decision is not None
    table = decision_table(targeted)
    column = table.columns[-1]
    assert str(column.header) == "targets"
    for name, cell in zip(targeted.strategies, column.cells, strict=True):
        checks = decision.checks[name]
        assert cell == targets_text(checks)
        if all(check.met for check in checks):
            assert cell == "met"
        else:
            labels = [line.split(" ")[0] for line in str(cell).splitlines()]
            wanted = {"real_share": "real", "real_share.weightless_interior": "weightless"}
            assert labels == [wanted[c.target] for c in checks if not c.met]
    assert "ground" not in decision.meeting  # stages are never real weightlessness
    assert "weightless 0%" in targets_text(decision.checks["ground"])
    caption = str(table.caption)
    assert "Targets: real 60%, weightless 90%; real shares as 50% of films reach" in caption
    assert f"Recommended: {decision.recommended}, " in caption


def test_the_page_gives_the_targets_and_the_decision_near_the_top(targeted: Summary) -> None:
    """The executive summary recommends; the decision's section lists the targets and why."""
    page = report_html(
        summary=targeted,
        figures={},
        assumptions=assumptions(scenario_from_data(tiny_data())),
        risks=risk_register(scenario_from_data(tiny_data())),
        record={"command": ["spacesim", "run", "film.yaml"]},
    )
    decision = targeted.decision
    assert decision is not None
    first = page.split("<h2>Executive summary</h2>", 1)[1].split("</section>", 1)[0]
    assert f"<b>Recommended: {decision.recommended}</b>" in first
    top = page.split("<h2>The decision in detail</h2>", 1)[1].split("<h2>", 1)[0]
    assert "<li><code>real_share.weightless_interior</code>: 90%</li>" in top
    assert f"<b>Recommended: {decision.recommended}</b>" in top
    said = re.search(r"<b>Recommended: [^<]*</b>: ([^<]*)</p>", top)
    assert said is not None
    assert said.group(1) == decision.reason.replace("'", "&#x27;")
