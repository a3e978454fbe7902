"""The page of `spacesim compare`: what changed in the inputs, the runs side by side, deltas."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rich.table import Table

from sim.report.compare_tables import deltas_table, inputs_table, variance_table
from sim.report.comparison import RunsCompared
from sim.report.html import escape, figures_html, page, table_html


def comparison_html(
    *,
    compared: RunsCompared,
    table: Table,
    figures: Mapping[str, bytes],
    record: Mapping[str, Any],
) -> str:
    """The page of `spacesim compare`: what changed, the runs side by side, the deltas, figures.

    Every text that comes from a scenario (a title, a label, a value of the input diff) is
    escaped.
    """
    runs = compared.runs
    listed = "".join(
        f"<li><b>{escape(run.label)}</b>{' (the original)' if i == 0 else ''}: "
        f"{escape(run.summary.scenario)}; {run.summary.replications:,} replications, seed "
        f"{run.summary.seed}, budget {run.summary.budget_usd / 1e6:,.1f} M, deadline "
        f"{run.summary.deadline_date}; spacesim {escape(run.version or 'version not known')}</li>"
        for i, run in enumerate(runs)
    )
    currency = compared.first.summary.currency
    parts = [
        f"<h1>{len(runs)} runs side by side</h1>",
        f"<ul>{listed}</ul>",
        "<h2>Inputs</h2>",
        table_html(inputs_table(compared)),
        "<h2>Results</h2>",
        table_html(table),
        *(table_html(deltas_table(compared, against, currency)) for against in compared.others),
        *figures_html(figures, ("s_curves.png", "joint_confidence.png", "minutes_by_source.png")),
        "<h2>Costs</h2>",
        *(
            table_html(variance_table(compared, against, currency, skip_unchanged=False))
            for against in compared.others
        ),
        "<h2>Reproduce this comparison</h2>",
        f"<p><code>{escape(' '.join(record.get('command', [])))}</code></p>",
        "<p>compare.csv holds the table and the deltas, inputs.csv the inputs that changed, "
        "top_sheet.csv the top sheet. Each run's own folder holds its report, with its drivers "
        "and assumptions.</p>",
    ]
    return page("spacesim comparison", parts)
