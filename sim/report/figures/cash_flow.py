"""Cash flow: each strategy's spend by month and its cumulative curve, with their bands.

One panel per strategy, on one scale: bars of the mean spend each month, the P10-P90 band of
the month's spend, and on the right-hand axis the cumulative spend (P50, with its P10-P90 band)
and the money committed and not refundable (P50, dashed). The deadline is marked.
"""

from __future__ import annotations

import math

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from sim.analysis.cash_flow import bands, labels
from sim.experiment.cash import month_bounds
from sim.experiment.results import Results
from sim.report.figures.style import millions, new_figure, strategy_colour, title

#: Panels per row.
COLUMNS = 3


def cash_flow(results: Results) -> Figure:
    """Spend per month and cumulative spend, per strategy."""
    names = results.strategies
    rows = math.ceil(len(names) / COLUMNS)
    columns = min(COLUMNS, len(names))
    figure = new_figure(4.6 * columns, 3.4 * rows + 0.8)
    axes = np.atleast_1d(figure.subplots(rows, columns, sharex=True, squeeze=False)).ravel()
    months = labels(results)
    x = np.arange(len(months))
    found = {name: bands(results, name) for name in names}
    top = max(float(np.max(millions(f["spend_p90_usd"]))) for f in found.values()) * 1.1
    total = max(float(np.max(millions(f["cumulative_p90_usd"]))) for f in found.values()) * 1.05
    currency = results.scenario.production.currency
    deadline_month = _month_of(results, results.scenario.deadline_day)
    for axis, name in zip(axes, names, strict=False):
        bands_ = found[name]
        colour = strategy_colour(results, name)
        edges = np.arange(len(x) + 1) - 0.5  # one stepped area, not a bar per month: faster
        axis.stairs(millions(bands_["spend_mean_usd"]), edges, fill=True, color=colour, alpha=0.45)
        axis.fill_between(
            x,
            millions(bands_["spend_p10_usd"]),
            millions(bands_["spend_p90_usd"]),
            step="mid",
            color=colour,
            alpha=0.15,
            linewidth=0,
        )
        axis.set_ylim(0, top or 1)
        axis.set_title(name, fontsize=10, loc="left")
        axis.grid(alpha=0.3)
        right = axis.twinx()
        right.fill_between(
            x,
            millions(bands_["cumulative_p10_usd"]),
            millions(bands_["cumulative_p90_usd"]),
            color="black",
            alpha=0.08,
            linewidth=0,
        )
        right.plot(x, millions(bands_["cumulative_p50_usd"]), color="black", linewidth=1.4)
        right.plot(
            x, millions(bands_["committed_p50_usd"]), color="black", linewidth=1, linestyle="--"
        )
        right.set_ylim(0, total or 1)
        right.tick_params(labelsize=8)
        if deadline_month is not None:
            axis.axvline(deadline_month, color="grey", linestyle=":", linewidth=1)
    for axis in axes[len(names) :]:
        axis.set_visible(False)
    step = max(1, len(months) // 6)
    for axis in axes[: len(names)]:
        axis.set_xticks(x[::step], [months[i] for i in x[::step]], rotation=45, fontsize=8)
    figure.supylabel(f"spend per month (millions {currency})")
    axes[0].legend(
        handles=[
            Patch(color="grey", alpha=0.45, label="spend in the month: mean"),
            Patch(color="grey", alpha=0.15, label="spend in the month: P10-P90"),
            Line2D([], [], color="black", linewidth=1.4, label="spent to date: P50 (right axis)"),
            Patch(color="black", alpha=0.08, label="spent to date: P10-P90"),
            Line2D([], [], color="black", linestyle="--", label="committed, not refundable: P50"),
        ],
        loc="center right",
        fontsize=7,
    )
    title(figure, results, "Cash flow: spend by month and to date (dotted: the deadline)")
    return figure


def _month_of(results: Results, day: float) -> int | None:
    """The month index (from the start's month) of a day, None beyond the months shown."""
    bounds = month_bounds(results.scenario)
    index = int(np.searchsorted(bounds, day, side="right"))
    return index if index < len(labels(results)) else None
