"""Figures of `spacesim compare`: several runs on shared axes.

A strategy keeps one colour across runs and a run one line style (or marker) across
strategies, so "the same strategy under another scenario" reads as the same colour drawn
differently. Delivery is on calendar dates, so runs that start on different days line up.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import PercentFormatter
from matplotlib.typing import LineStyleType

from sim.report.figures.style import (
    SOURCE_COLOURS,
    STRATEGY_COLOURS,
    cut_bars,
    date_axis,
    millions,
    money_axis,
    new_figure,
    probability_axis,
    to_dates,
)
from sim.report.runs import Run
from sim.scenario.sources import SOURCES

LINE_STYLES: tuple[LineStyleType, ...] = ("-", "--", ":", "-.")
MARKERS = ("o", "s", "^", "D", "v", "P")
#: NASA baselines programs at a 70% joint confidence level (NPD 1000.5).
JCL_POLICY = 0.70


def strategies_of(runs: Sequence[Run]) -> list[str]:
    """Every strategy of the runs, in the order first met."""
    return list(dict.fromkeys(name for run in runs for name in run.strategies))


def _colours(runs: Sequence[Run]) -> dict[str, str]:
    return {
        name: STRATEGY_COLOURS[i % len(STRATEGY_COLOURS)]
        for i, name in enumerate(strategies_of(runs))
    }


def _title(figure: Figure, runs: Sequence[Run], what: str) -> None:
    told = "; ".join(
        f"{run.label}: {run.summary.replications:,} reps, seed {run.summary.seed}" for run in runs
    )
    figure.suptitle(f"{what}\n{told}", fontsize=11)


def _run_legend(runs: Sequence[Run], styles: dict[str, LineStyleType]) -> list[Line2D]:
    return [
        Line2D([], [], color="black", label=run.label, linestyle=styles[run.label]) for run in runs
    ]


def compared_s_curves(runs: Sequence[Run]) -> Figure:
    """Cost and delivery-date S-curves of every run and strategy, with each run's targets."""
    colours = _colours(runs)
    styles = {run.label: LINE_STYLES[i % len(LINE_STYLES)] for i, run in enumerate(runs)}
    figure = new_figure(13.0, 6.0)
    cost_axis, date_ax = figure.subplots(1, 2)
    for run in runs:
        style = styles[run.label]
        for name in run.strategies:
            cost = np.sort(run.cost_usd[name])
            share = np.arange(1, len(cost) + 1) / len(cost)
            cost_axis.step(
                millions(cost), share, where="post", color=colours[name], linestyle=style
            )
            day = np.sort(run.delivery_day[name])
            delivered = np.isfinite(day)
            dates = to_dates(run.start_date, day[delivered])
            date_ax.step(
                dates, share[delivered], where="post", color=colours[name], linestyle=style
            )
        budget = run.summary.budget_usd / 1e6
        cost_axis.axvline(budget, color="black", linewidth=0.9, linestyle=style)
        deadline = run.summary.deadline_date - run.start_date
        when = to_dates(run.start_date, np.array([float(deadline.days)]))[0]
        date_ax.axvline(when, color="black", linewidth=0.9, linestyle=style)
    money_axis(cost_axis, "x", runs[0].summary.currency)
    cost_axis.set_title("Cost (black: each run's budget)", fontsize=10)
    date_axis(date_ax, "x")
    date_ax.set_xlabel("delivery date")
    date_ax.set_title("Delivery date (black: each run's deadline)", fontsize=10)
    for axis in (cost_axis, date_ax):
        probability_axis(axis)
    strategy_legend = cost_axis.legend(
        handles=[Line2D([], [], color=c, label=n) for n, c in colours.items()],
        loc="lower right",
        fontsize=9,
        title="strategy",
    )
    cost_axis.add_artist(strategy_legend)
    date_ax.legend(handles=_run_legend(runs, styles), loc="lower right", fontsize=9, title="run")
    _title(
        figure, runs, "S-curves compared: probability of finishing at or below a cost, by a date"
    )
    return figure


def compared_jcl(runs: Sequence[Run]) -> Figure:
    """Per strategy, each run's joint confidence (on time and on budget) with its 95% interval."""
    names = strategies_of(runs)
    colours = _colours(runs)
    figure = new_figure(11.0, 1.6 + 0.45 * len(names) * len(runs))
    axis = figure.add_subplot()
    step = 1.0 / (len(runs) + 1)
    for i, run in enumerate(runs):
        marker = MARKERS[i % len(MARKERS)]
        for row, name in enumerate(names):
            strategy = run.summary.strategies.get(name)
            if strategy is None:
                continue
            low, high = strategy.p_joint_ci95
            y = row + (i + 1) * step - 0.5
            axis.plot([low, high], [y, y], color=colours[name], linewidth=2, alpha=0.6)
            axis.plot(strategy.p_joint, y, marker=marker, color=colours[name], markersize=8)
    axis.axvline(JCL_POLICY, color="black", linestyle="--", linewidth=1)
    axis.text(JCL_POLICY, -0.6, " NASA's 70% policy", fontsize=8, va="bottom")
    axis.set_yticks(range(len(names)), names)
    axis.set_ylim(len(names) - 0.5, -0.7)
    axis.set_xlim(-0.02, 1.02)
    axis.xaxis.set_major_formatter(PercentFormatter(1.0))
    axis.set_xlabel(
        "joint confidence: % of replications on time and on budget (line: 95% interval)"
    )
    axis.grid(axis="x", alpha=0.3)
    axis.legend(
        handles=[
            Line2D(
                [], [], color="black", marker=MARKERS[i % len(MARKERS)], linestyle="", label=r.label
            )
            for i, r in enumerate(runs)
        ],
        loc="upper left",
        bbox_to_anchor=(1.01, 1.0),
        fontsize=9,
        title="run",
    )
    _title(figure, runs, "Joint confidence compared: the chance of meeting both targets")
    return figure


def compared_minutes(runs: Sequence[Run]) -> Figure:
    """Per strategy and run, the mean screen minutes of the final film by source, and the cuts."""
    bars = [
        (name, run)
        for name in strategies_of(runs)
        for run in runs
        if name in run.summary.strategies
    ]
    figure = new_figure(11.0, 1.8 + 0.42 * len(bars))
    axis = figure.add_subplot()
    groups = np.cumsum([i > 0 and bars[i - 1][0] != name for i, (name, _) in enumerate(bars)])
    positions = np.arange(len(bars)) + 0.6 * groups
    left = np.zeros(len(bars))
    for source in SOURCES:
        means = np.array([run.summary.strategies[n].minutes_by_source[source] for n, run in bars])
        axis.barh(
            positions, means, left=left, height=0.8, color=SOURCE_COLOURS[source], label=source
        )
        left += means
    cut = np.array([run.summary.strategies[n].cut_minutes for n, run in bars])
    cut_bars(axis, positions, cut, left, height=0.8)
    axis.set_yticks(positions, [f"{name} - {run.label}" for name, run in bars])
    axis.invert_yaxis()
    axis.set_xlabel("screen minutes of the final film (mean over replications)")
    axis.grid(axis="x", alpha=0.3)
    axis.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, title="source")
    _title(figure, runs, "Screen minutes by source compared")
    return figure
