"""The fallback rules' table, in the terminal and in report.html."""

from __future__ import annotations

import numpy as np
from rich.console import Console

from sim.analysis.summary import summarise
from sim.experiment.fallback_runs import measure_fallbacks
from sim.experiment.runner import replay, run_experiment
from sim.report.fallback_tables import fallback_table
from sim.report.figures.gantt import gantt
from sim.report.html import table_html
from tests.experiment.test_fallback_runs import with_rule


def test_each_rule_shows_without_with_and_the_change_in_80_columns() -> None:
    """One row per rule: its strategy and name, fired share, both sides and the change."""
    results = run_experiment(with_rule("2027-12-01"), replications=10, strategies=["orbit"])
    summary = summarise(results, fallbacks=measure_fallbacks(results))
    console = Console(width=80, record=True)
    console.print(fallback_table(summary))
    text = console.export_text()
    assert all(len(line) <= 80 for line in text.splitlines())
    for word in ("orbit", "late", "without", "with", "change", "not launched by 2027-12-01"):
        assert word in text
    assert "…" not in text.split("late (orbit)")[0]  # the rows are never cut short
    assert "late (orbit): if not launched by 2027-12-01" in table_html(fallback_table(summary))


def test_the_gantt_chart_draws_a_fallback_s_campaign_on_its_own_row() -> None:
    """A replication whose rule fired: its moved campaigns get rows of their own, hatched."""
    results = run_experiment(with_rule("2027-10-01"), replications=6, strategies=["orbit"])
    fired = np.flatnonzero(~np.isnan(results.column("fallback_orbit_day", "orbit")))
    story = replay(results.scenario, "orbit", seed=results.seed, replication=int(fired[0]))
    figure = gantt(results, {"orbit": story})
    labels = [label.get_text() for label in figure.axes[0].get_yticklabels()]
    assert "parabolic fallback" in labels
    hatched = [bar for bar in figure.axes[0].patches if bar.get_hatch()]
    assert hatched
