"""Cost against delivery date, one cloud per strategy, with the budget and deadline lines.

The lower-left quadrant is "on time and on budget"; each legend entry gives the share of
replications that land there (the joint confidence level). Each strategy's 70% and 50% joint
confidence isocurves are drawn over its cloud: a budget and deadline above and to the right of
a curve are met together at least that often.
"""

from __future__ import annotations

from typing import Literal

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from sim.analysis.joint import isocurve
from sim.experiment.results import Results
from sim.report.figures.style import (
    date_axis,
    millions,
    money_axis,
    new_figure,
    strategy_colour,
    title,
    to_dates,
)

#: At most this many points per strategy are drawn (a random-free, evenly spaced subset).
MAX_POINTS = 2000

#: Joint confidence levels drawn as isocurves, with their line styles (NASA budgets at 70%).
LEVELS: dict[float, Literal["-", "--"]] = {0.7: "-", 0.5: "--"}


def cost_vs_delivery(results: Results) -> Figure:
    """The scatter figure."""
    scenario = results.scenario
    production = scenario.production
    figure = new_figure(12.5, 6.5)
    axis = figure.add_subplot()
    for name in results.strategies:
        cost = results.column("cost_usd", name).astype(float)
        day = results.column("delivery_day", name).astype(float)
        delivered = np.isfinite(day)
        joint = np.mean(
            delivered & (day <= scenario.deadline_day) & (cost <= production.budget_usd)
        )
        label = f"{name}: {joint:.0%} on time and on budget"
        if not delivered.all():
            label += f" ({(~delivered).sum()} not delivered)"
        step = max(1, delivered.sum() // MAX_POINTS)
        axis.scatter(
            to_dates(production.start_date, day[delivered][::step]),
            millions(cost[delivered][::step]),
            s=9,
            alpha=0.35,
            color=strategy_colour(results, name),
            label=label,
            linewidths=0,
        )
        for level, style in LEVELS.items():
            costs, days = isocurve(cost, day, level)
            axis.plot(
                to_dates(production.start_date, days),
                millions(costs),
                linestyle=style,
                linewidth=1.4,
                color=strategy_colour(results, name),
                drawstyle="steps-post",
            )
    deadline = to_dates(production.start_date, np.array([scenario.deadline_day]))[0]
    axis.axvline(deadline, color="black", linestyle="--", linewidth=1)
    axis.axhline(production.budget_usd / 1e6, color="black", linestyle=":", linewidth=1)
    axis.annotate(
        f"deadline {production.deadline_date:%d %b %Y}",
        (deadline, 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(-4, -4),
        textcoords="offset points",
        ha="right",
        va="top",
        fontsize=9,
    )
    axis.annotate(
        f"budget {production.budget_usd / 1e6:,.0f} M",
        (0.0, production.budget_usd / 1e6),
        xycoords=("axes fraction", "data"),
        xytext=(4, 4),
        textcoords="offset points",
        fontsize=9,
    )
    date_axis(axis, "x")
    axis.set_xlabel("delivery date")
    money_axis(axis, "y", production.currency)
    axis.grid(alpha=0.3)
    handles, labels = axis.get_legend_handles_labels()
    for level, style in LEVELS.items():
        handles.append(Line2D([], [], color="grey", linestyle=style))
        labels.append(f"{level:.0%} joint confidence isocurve")
    legend = axis.legend(
        handles, labels, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, markerscale=2
    )
    for handle in legend.legend_handles:
        if handle is not None:
            handle.set_alpha(1.0)
    title(figure, results, "Cost against delivery date, one point per replication")
    return figure
