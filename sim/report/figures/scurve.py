"""S-curves: the cumulative probability of cost and of delivery date, per strategy.

Read across at 80% to get each strategy's P80; the budget and the deadline are marked.
"""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from sim.experiment.results import Results
from sim.report.figures.style import (
    date_axis,
    millions,
    money_axis,
    new_figure,
    probability_axis,
    strategy_colour,
    title,
    to_dates,
)


def s_curves(results: Results) -> Figure:
    """Two panels: cost CDF and delivery-date CDF."""
    scenario = results.scenario
    production = scenario.production
    figure = new_figure(12.0, 5.5)
    cost_axis, date_axis_ = figure.subplots(1, 2)
    for name in results.strategies:
        colour = strategy_colour(results, name)
        cost = np.sort(results.column("cost_usd", name).astype(float))
        share = np.arange(1, len(cost) + 1) / len(cost)
        cost_axis.step(millions(cost), share, where="post", color=colour, label=name)
        day = np.sort(results.column("delivery_day", name).astype(float))
        delivered = np.isfinite(day)
        dates = to_dates(production.start_date, day[delivered])
        date_axis_.step(dates, share[delivered], where="post", color=colour, label=name)
    cost_axis.axvline(production.budget_usd / 1e6, color="black", linestyle=":", linewidth=1)
    cost_axis.text(
        production.budget_usd / 1e6, 0.02, " budget", fontsize=9, rotation=90, va="bottom"
    )
    deadline = to_dates(production.start_date, np.array([scenario.deadline_day]))[0]
    date_axis_.axvline(deadline, color="black", linestyle="--", linewidth=1)
    date_axis_.text(deadline, 0.02, " deadline", fontsize=9, rotation=90, va="bottom")
    money_axis(cost_axis, "x", production.currency)
    cost_axis.set_title("Cost")
    date_axis(date_axis_, "x")
    date_axis_.set_xlabel("delivery date")
    date_axis_.set_title("Delivery date (films not delivered never reach 100%)")
    for axis in (cost_axis, date_axis_):
        probability_axis(axis)
    cost_axis.legend(loc="lower right", fontsize=9)
    title(figure, results, "S-curves: probability of finishing at or below a cost, by a date")
    return figure
