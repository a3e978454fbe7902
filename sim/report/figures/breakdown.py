"""Where the money goes: mean cost per budget category, one bar per strategy.

Categories are stacked in top-sheet order and named with their top-sheet line, so the bars
read like the budget's top sheet.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from sim.experiment.results import Results
from sim.model.ledger import CATEGORIES, TOP_SHEET
from sim.report.figures.style import (
    CATEGORY_COLOURS,
    CATEGORY_LABELS,
    money_axis,
    new_figure,
    title,
)


def cost_breakdown(results: Results) -> Figure:
    """Stacked horizontal bars of mean cost by category, with the budget line."""
    production = results.scenario.production
    names = list(results.strategies)
    figure = new_figure(10.0, 1.6 + 0.7 * len(names))
    axis = figure.add_subplot()
    left = np.zeros(len(names))
    line_of = {category: line for line, members in TOP_SHEET.items() for category in members}
    for category in CATEGORIES:
        means = (
            np.array(
                [float(np.mean(results.column(f"cost_{category}_usd", name))) for name in names]
            )
            / 1e6
        )
        if not means.any():
            continue
        axis.barh(
            names,
            means,
            left=left,
            color=CATEGORY_COLOURS[category],
            label=f"{line_of[category]}: {CATEGORY_LABELS[category]}",
            edgecolor="white",
            linewidth=0.5,
        )
        left += means
    for row, total in enumerate(left):
        axis.text(total, row, f" {total:,.0f}", va="center", fontsize=9)
    axis.axvline(production.budget_usd / 1e6, color="black", linestyle=":", linewidth=1)
    axis.text(production.budget_usd / 1e6, len(names) - 0.5, " budget", fontsize=9, va="bottom")
    axis.invert_yaxis()
    axis.set_xlim(0, max(left.max(), production.budget_usd / 1e6) * 1.15)
    money_axis(axis, "x", production.currency)
    axis.grid(axis="x", alpha=0.3)
    axis.legend(
        loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, title="top sheet: mean cost of"
    )
    title(figure, results, "Where the money goes (mean over replications)")
    return figure
