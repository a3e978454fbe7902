"""Shared look of the figures: colours per strategy and source, money and date axes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import numpy as np
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, PercentFormatter

from sim.experiment.results import Results
from sim.scenario.sources import REGISTRY

#: Colour-blind-safe qualitative palette (Okabe-Ito), one per strategy in file order.
STRATEGY_COLOURS = (
    "#0072B2",
    "#E69F00",
    "#009E73",
    "#D55E00",
    "#CC79A7",
    "#56B4E9",
    "#F0E442",
    "#000000",
)
#: Each source's colour, as its registration declares it.
SOURCE_COLOURS = {name: spec.colour for name, spec in REGISTRY.items()}
CATEGORY_COLOURS = {
    "above_line": "#332288",
    "holds": "#882255",
    "seats": "#0072B2",
    "training": "#56B4E9",
    "fees": "#9ecae1",
    "ground": "#E69F00",
    "stock": "#CC79A7",
    "vfx": "#D55E00",
    "post": "#F0E442",
    "insurance": "#44AA99",
    "overhead": "#999999",
    "risk": "#000000",
}
CATEGORY_LABELS = {
    "above_line": "story, producers, director, cast",
    "holds": "flying crew held for launch",
    "seats": "seats & charters",
    "training": "training",
    "fees": "fees (station, per person-day)",
    "ground": "stage and location days",
    "stock": "stock licences",
    "vfx": "VFX",
    "post": "post-production",
    "insurance": "production insurance, completion bond",
    "overhead": "daily overhead",
    "risk": "risk events",
}


def strategy_colour(results: Results, strategy: str) -> str:
    """The colour of a strategy (stable across a scenario's figures)."""
    index = list(results.scenario.strategies).index(strategy)
    return STRATEGY_COLOURS[index % len(STRATEGY_COLOURS)]


def new_figure(width: float = 10.0, height: float = 6.0) -> Figure:
    """A figure not attached to pyplot, so nothing global is touched."""
    return Figure(figsize=(width, height), layout="constrained", dpi=110)


def millions(values: Iterable[float] | np.ndarray) -> np.ndarray:
    """US dollars to millions of US dollars."""
    return np.asarray(list(values) if not isinstance(values, np.ndarray) else values) / 1e6


def money_axis(axis: Axes, which: str, currency: str) -> None:
    """Label an axis in millions of the production's currency."""
    formatter = FuncFormatter(lambda value, _: f"{value:,.0f}")
    label = f"cost (millions {currency})"
    if which == "x":
        axis.xaxis.set_major_formatter(formatter)
        axis.set_xlabel(label)
    else:
        axis.yaxis.set_major_formatter(formatter)
        axis.set_ylabel(label)


def to_dates(start: dt.date, days: np.ndarray) -> np.ndarray:
    """Simulation days (finite) as matplotlib date numbers, for a date axis."""
    return date2num(dt.datetime.combine(start, dt.time())) + np.asarray(days, dtype=float)


def date_axis(axis: Axes, which: str) -> None:
    """Concise calendar dates on an axis."""
    locator = AutoDateLocator()
    target = axis.xaxis if which == "x" else axis.yaxis
    target.set_major_locator(locator)
    target.set_major_formatter(ConciseDateFormatter(locator))


def title(figure: Figure, results: Results, what: str) -> None:
    """Figure title naming what is shown, the film, and the run's size and seed."""
    production = results.scenario.production
    figure.suptitle(
        f"{what}\n{production.title} - {results.replications:,} replications per strategy,"
        f" seed {results.seed}",
        fontsize=12,
    )


def probability_axis(axis: Axes) -> None:
    """A cumulative-probability axis from 0 to 100%, with the P50 and P80 levels marked."""
    axis.set_ylim(0, 1.02)
    axis.yaxis.set_major_formatter(PercentFormatter(1.0))
    axis.set_ylabel("probability")
    for level in (0.5, 0.8):
        axis.axhline(level, color="grey", linewidth=0.6, alpha=0.6)
    axis.grid(alpha=0.3)


def cut_bars(
    axis: Axes, positions: np.ndarray, cut: np.ndarray, left: np.ndarray, height: float
) -> None:
    """Hatched bars of the minutes cut from the film, after the stacked sources (if any)."""
    if cut.any():
        axis.barh(
            positions,
            cut,
            left=left,
            height=height,
            color="white",
            hatch="//",
            edgecolor="grey",
            label="cut from the film",
        )
