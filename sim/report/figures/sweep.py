"""Figures of a sweep: each metric against a swept value, and the recommended strategy on a grid.

`metrics_against` draws, for one swept key, the P80 cost, the P80 delivery date, the joint
confidence and the mean real share against the key's values: one line per strategy (in the
strategies' colours), one line style per combination of the other keys' values; the
strategy recommended at each value is ringed. `recommended_map` colours the grid of the
first two keys by the strategy recommended in each cell, with its P80 cost written in it.
"""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import ListedColormap
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.ticker import PercentFormatter

from sim.analysis.sweep import SweepResult
from sim.analysis.sweep_cells import CellSummary
from sim.experiment.sweep import shown
from sim.report.figures.style import STRATEGY_COLOURS, date_axis, new_figure, to_dates

#: The panels of `metrics_against`: metric, title, and how its axis reads.
PANELS: tuple[tuple[str, str, str], ...] = (
    ("cost_p80_usd", "P80 cost", "money"),
    ("delivery_p80_day", "P80 delivery date", "date"),
    ("p_joint", "P(on time and on budget)", "share"),
    ("real_share", "mean real share of the space scenes", "share"),
)
#: Characters a tick label of a value that is not a number wraps at.
TICK_WIDTH = 22
#: Line styles of the other keys' combinations; more combinations than these are left out.
STYLES: tuple[Literal["-", "--", ":", "-."], ...] = ("-", "--", ":", "-.")


def figure_name(key: str) -> str:
    """The file name of the figure against `key`: ``sweep_sources.orbit.seat_price_usd.png``."""
    return "sweep_" + re.sub(r"[^A-Za-z0-9_.-]", "_", key) + ".png"


def colour_of(result: SweepResult, strategy: str) -> str:
    """A strategy's colour, as in the run's figures (by its place in the scenario)."""
    return STRATEGY_COLOURS[result.strategies.index(strategy) % len(STRATEGY_COLOURS)]


def metrics_against(result: SweepResult, key: str) -> Figure:
    """Four panels of metrics against the values of `key`, one line per strategy."""
    values = result.axes[key]
    positions, ticks = _positions(values, key)
    if _money(key, values):
        positions = positions / 1e6
    lines = _lines(result, key)
    figure = new_figure(12.5, 8.0)
    axes = figure.subplots(2, 2, sharex=True).flatten()
    for axis, (metric, heading, kind) in zip(axes, PANELS, strict=True):
        for cells, style in zip(lines.values(), STYLES, strict=False):
            for strategy in result.strategies:
                ys = np.array([_value(cell, strategy, metric) for cell in cells], dtype=float)
                if kind == "money":
                    ys = ys / 1e6
                elif kind == "date":
                    ys = to_dates(result.start_date, ys)
                axis.plot(positions, ys, style, color=colour_of(result, strategy), marker=".")
                chosen = [cell.recommended == strategy for cell in cells]
                if any(chosen):
                    axis.scatter(
                        positions[chosen], ys[chosen], s=110, facecolors="none",
                        edgecolors=colour_of(result, strategy), linewidths=1.5, zorder=3,
                    )  # fmt: skip
        _reference(axis, result, metric)
        _read_as(axis, kind, result.currency)
        axis.set_title(heading, fontsize=11)
        axis.grid(alpha=0.3)
    for axis in axes[2:]:
        axis.set_xlabel(_axis_label(key, result.currency))
        if ticks is not None:
            axis.set_xticks(positions, ticks, rotation=20 if len(values) > 4 else 0)
    if ticks is None and all(isinstance(value, dt.date) for value in values):
        date_axis(axes[2], "x")
    figure.legend(
        handles=_legend(result, key, lines), loc="outside right center", fontsize=9, frameon=False
    )
    left = len(_combinations(result, key)) - len(lines)
    note = f" ({left} more combinations of the other keys left out)" if left > 0 else ""
    figure.suptitle(
        f"{result.title}: the metrics against {key}{note}\n{result.replications:,} replications"
        f" per strategy and cell, seed {result.seed}, common random numbers; ringed: the"
        " strategy recommended",
        fontsize=12,
    )
    return figure


def recommended_map(result: SweepResult) -> Figure:
    """The first two keys' grid, each cell coloured by the strategy recommended there."""
    across, down = result.keys[:2]
    fixed = {key: result.axes[key][0] for key in result.keys[2:]}
    xs, ys = result.axes[across], result.axes[down]
    grid = {  # by the values' places: a distribution as a value is a dict, not hashable
        (xs.index(cell.values[across]), ys.index(cell.values[down])): cell
        for cell in result.cells
        if all(cell.values[key] == value for key, value in fixed.items())
    }
    names = list(result.strategies)
    codes = np.array(
        [
            [names.index(str(grid[(x, y)].recommended)) for x in range(len(xs))]
            for y in range(len(ys))
        ],
        dtype=float,
    )
    figure = new_figure(max(7.0, 1.6 * len(xs) + 3), max(4.5, 0.9 * len(ys) + 2.5))
    axis = figure.add_subplot()
    colours = ListedColormap([colour_of(result, name) for name in names])
    axis.imshow(
        codes, cmap=colours, vmin=-0.5, vmax=len(names) - 0.5, aspect="auto", origin="lower"
    )
    for row in range(len(ys)):
        for column in range(len(xs)):
            cell = grid[(column, row)]
            name = str(cell.recommended)
            cost = cell.metrics[name]["cost_p80_usd"].value
            text = f"{name}\nP80 {cost / 1e6:,.0f} M" if cost is not None else name
            if cell.nearest:
                text += " *"
            shade = names.index(name) % len(STRATEGY_COLOURS) in (1, 5, 6)  # light colours
            axis.text(
                column, row, text, ha="center", va="center", fontsize=8,
                color="black" if shade else "white",
            )  # fmt: skip
    axis.set_xticks(range(len(xs)), [_tick(x, across) for x in xs])
    axis.set_yticks(range(len(ys)), [_tick(y, down) for y in ys])
    axis.set_xlabel(_axis_label(across, result.currency))
    axis.set_ylabel(_axis_label(down, result.currency))
    axis.set_xticks(np.arange(len(xs) + 1) - 0.5, minor=True)
    axis.set_yticks(np.arange(len(ys) + 1) - 0.5, minor=True)
    axis.grid(which="minor", color="white", linewidth=2)
    axis.tick_params(which="minor", length=0)
    held = ", ".join(f"{key} = {shown(value)}" for key, value in fixed.items())
    nearest = any(cell.nearest for cell in grid.values())
    figure.suptitle(
        f"{result.title}: the strategy recommended in each cell"
        + (f" ({held})" if held else "")
        + f"\nP80 cost in millions {result.currency}; {result.replications:,} replications per"
        f" strategy and cell, seed {result.seed}"
        + ("\n*: the nearest to the targets; no strategy meets them all" if nearest else ""),
        fontsize=11,
    )
    return figure


def _lines(result: SweepResult, key: str) -> dict[tuple[Any, ...], list[CellSummary]]:
    """The cells along `key` for each combination of the other keys' values (the first few)."""
    others = [name for name in result.keys if name != key]
    found: dict[tuple[Any, ...], list[CellSummary]] = {}
    for cell in result.cells:
        combination = tuple(shown(cell.values[name]) for name in others)
        if combination in found or len(found) < len(STYLES):
            found.setdefault(combination, []).append(cell)
    return found


def _combinations(result: SweepResult, key: str) -> set[tuple[str, ...]]:
    others = [name for name in result.keys if name != key]
    return {tuple(shown(cell.values[name]) for name in others) for cell in result.cells}


def _legend(
    result: SweepResult, key: str, lines: dict[tuple[Any, ...], list[CellSummary]]
) -> list[Any]:
    handles: list[Any] = [
        Line2D([], [], color=colour_of(result, name), marker=".", label=name)
        for name in result.strategies
    ]
    if len(lines) > 1:
        others = [name for name in result.keys if name != key]
        for combination, style in zip(lines, STYLES, strict=False):
            label = ", ".join(
                f"{name.rsplit('.', 1)[-1]} = {value}"
                for name, value in zip(others, combination, strict=True)
            )
            handles.append(Line2D([], [], color="grey", linestyle=style, label=label))
    return handles


def _value(cell: CellSummary, strategy: str, metric: str) -> float:
    estimate = cell.metrics.get(strategy, {}).get(metric)
    return np.nan if estimate is None or estimate.value is None else estimate.value


def _positions(values: Sequence[Any], key: str) -> tuple[np.ndarray, list[str] | None]:
    """Where each value goes on the x axis, and tick labels when the values are not numbers."""
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return np.array(values, dtype=float), None
    if all(isinstance(v, dt.date) for v in values):
        return to_dates(values[0], np.array([(v - values[0]).days for v in values])), None
    return np.arange(len(values), dtype=float), [_tick(value, key) for value in values]


def _tick(value: Any, key: str) -> str:
    """A value as a tick label: money in millions, a distribution by its kind and numbers."""
    money = key.endswith("_usd")
    if _number(value):
        return f"{value / 1e6:,.4g}" if money else shown(value)
    if isinstance(value, dict) and "dist" in value:
        numbers = [
            f"{name} {item / 1e6:,.4g}" if money else f"{name} {shown(item)}"
            for name, item in value.items()
            if _number(item)
        ]
        return textwrap.fill(f"{value['dist']}: " + ", ".join(numbers), TICK_WIDTH)
    return textwrap.fill(shown(value), TICK_WIDTH)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _axis_label(key: str, currency: str) -> str:
    return f"{key} (millions {currency})" if key.endswith("_usd") else key


def _money(key: str, values: Sequence[Any]) -> bool:
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in values)
    return key.endswith("_usd") and numbers


def _read_as(axis: Axes, kind: str, currency: str) -> None:
    if kind == "money":
        axis.set_ylabel(f"millions {currency}")
    elif kind == "date":
        date_axis(axis, "y")
    else:
        axis.yaxis.set_major_formatter(PercentFormatter(1.0))
        axis.set_ylim(-0.02, 1.02)


def _reference(axis: Axes, result: SweepResult, metric: str) -> None:
    """The budget, the deadline, or the target the panel's metric is held against."""
    if metric == "cost_p80_usd":
        _line(axis, result.budget_usd / 1e6, "budget")
    elif metric == "delivery_p80_day":
        _line(axis, to_dates(result.start_date, np.array([result.deadline_day]))[0], "deadline")
    else:
        target = {"p_joint": "joint_confidence", "real_share": "real_share"}[metric]
        if target in result.targets:
            _line(axis, result.targets[target], "target")


def _line(axis: Axes, level: float, label: str) -> None:
    axis.axhline(level, color="black", linewidth=1, linestyle=":")
    axis.annotate(label, (0, level), xycoords=("axes fraction", "data"), fontsize=8, va="bottom")
