"""The optimiser's figure: every candidate's P80 cost against its P80 delivery, the front marked.

Each point is a candidate of the search (common random numbers, the search's replications),
coloured by its mean real share; filled when it meets every target, hollow when it misses one.
The Pareto front (no candidate is cheaper, earlier and more real at once) is ringed in black,
the best strategies found are numbered stars, and the scenario's own strategies are labelled
diamonds, measured the same way, for reference. The budget and the deadline are drawn as lines:
the lower-left corner is cheaper than the budget and earlier than the deadline, at P80 both.
"""

from __future__ import annotations

import numpy as np
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.cm import ScalarMappable
from matplotlib.colors import Normalize
from matplotlib.figure import Figure

from sim.experiment.study import Measure, Study
from sim.report.figures.style import date_axis, millions, money_axis, new_figure, to_dates

#: The colour map of real share (perceptually uniform, colour-blind safe).
SHARE_MAP = "viridis"


def front_figure(study: Study) -> Figure:
    """The figure (see the module's docstring): all candidates, and a zoom on the best."""
    production = study.scenario.production
    figure = new_figure(14.0, 6.8)
    whole, zoom = figure.subplots(1, 2, width_ratios=(1.0, 1.0))
    norm = Normalize(0.0, 1.0)
    for axis in (whole, zoom):
        _candidates(axis, study, norm)
        _shipped(axis, study, norm)
        _best(axis, study, norm, numbered=axis is zoom)
        _limits(axis, study)
        date_axis(axis, "y")
        money_axis(axis, "x", production.currency)
        axis.set_xlabel(f"P80 whole-film cost (millions {production.currency})")
        axis.grid(alpha=0.3)
    whole.set_ylabel("P80 delivery date")
    whole.legend(loc="upper right", fontsize=8)
    whole.set_title("every candidate", fontsize=10)
    _zoom(zoom, study)
    bar = figure.colorbar(ScalarMappable(norm=norm, cmap=SHARE_MAP), ax=zoom, pad=0.01)
    bar.set_label("mean real share of the space scenes")
    search = "over cost, delivery and real share" if study.front_search else "for P80 cost"
    figure.suptitle(
        f"Candidates of the search {search}, ringed: the Pareto front\n{production.title} -"
        f" {len(study.trials):,} trials, {study.replications:,} replications each, seed"
        f" {study.seed}",
        fontsize=12,
    )
    return figure


def _candidates(axis: Axes, study: Study, norm: Normalize) -> None:
    """Every candidate measured: filled if it meets every target, ringed if on the front."""
    start = study.scenario.production.start_date
    front = {trial.candidate.key for trial in study.front}
    for feasible in (False, True):
        chosen = [
            (trial.measure, trial.candidate.key in front)
            for trial in study.measured
            if trial.measure is not None and trial.measure.feasible is feasible
        ]
        if not chosen:
            continue
        cost, day, share = _points([measure for measure, _ in chosen])
        colours = [_share_colour(norm, value) for value in share]
        ringed = [flag for _, flag in chosen]
        axis.scatter(
            millions(cost),
            to_dates(start, day),
            s=[60 if flag else 22 for flag in ringed],
            facecolors=colours if feasible else "none",
            edgecolors=[
                "black" if flag else colour for flag, colour in zip(ringed, colours, strict=True)
            ],
            linewidths=[1.3 if flag else 0.9 for flag in ringed],
            alpha=0.85,
            label="meets every target" if feasible else "misses a target",
            zorder=3 if feasible else 2,
        )


def _zoom(axis: Axes, study: Study) -> None:
    """Limits around the finalists (search estimates), with a margin."""
    start = study.scenario.production.start_date
    shown = [f.search for f in study.finalists]
    if not shown:
        return
    cost, day, _ = _points(shown)
    cost, day = millions(cost), to_dates(start, day)
    width = max(float(np.ptp(cost)), 0.02 * float(np.max(cost)))
    height = max(float(np.ptp(day)), 30.0)
    axis.set_xlim(float(np.min(cost)) - 0.15 * width, float(np.max(cost)) + 0.15 * width)
    axis.set_ylim(float(np.min(day)) - 0.15 * height, float(np.max(day)) + 0.15 * height)
    axis.set_title("zoom on the finalists, numbered as in the table", fontsize=10)


def _points(measures: list[Measure]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """P80 cost, P80 delivery day and mean real share of each measure, as arrays."""
    values = np.array([measure.objectives for measure in measures], dtype=float)
    return values[:, 0], values[:, 1], values[:, 2]


def _share_colour(norm: Normalize, share: float) -> tuple[float, float, float, float]:
    colour: tuple[float, float, float, float] = colormaps[SHARE_MAP](norm(share))
    return colour


def _shipped(axis: Axes, study: Study, norm: Normalize) -> None:
    """The scenario's own strategies: labelled diamonds, filled when they meet every target."""
    start = study.scenario.production.start_date
    shown = False
    for name, measure in study.shipped.items():
        if isinstance(measure, str):
            continue
        cost, day, share = measure.objectives
        x, y = cost / 1e6, to_dates(start, np.array([day]))[0]
        axis.scatter(
            [x],
            [y],
            marker="D",
            s=70,
            c=[_share_colour(norm, share)] if measure.feasible else "none",
            edgecolors="black" if measure.feasible else [_share_colour(norm, share)],
            linewidths=1.6,
            zorder=4,
            label=None if shown else "the scenario's strategies",
        )
        shown = True
        axis.annotate(
            name,
            (x, y),
            xytext=(6, 4),
            textcoords="offset points",
            fontsize=8,
            zorder=5,
            annotation_clip=True,
        )


def _best(axis: Axes, study: Study, norm: Normalize, *, numbered: bool) -> None:
    """The finalists found by the search: numbered stars at their search estimates."""
    start = study.scenario.production.start_date
    shown = False
    for finalist in study.finalists:
        if finalist.role == "shipped":
            continue
        cost, day, share = finalist.search.objectives
        x, y = cost / 1e6, to_dates(start, np.array([day]))[0]
        axis.scatter(
            [x],
            [y],
            marker="*",
            s=220,
            c=[_share_colour(norm, share)],
            edgecolors="black",
            linewidths=1.0,
            zorder=6,
            label=None if shown else "finalists (rerun; see the table)",
        )
        shown = True
        if not numbered:
            continue
        axis.annotate(
            finalist.label.removeprefix("optimised_"),
            (x, y),
            xytext=(7, -10),
            textcoords="offset points",
            fontsize=8,
            fontweight="bold",
            zorder=7,
            annotation_clip=True,
        )


def _limits(axis: Axes, study: Study) -> None:
    """The budget (vertical) and deadline (horizontal) lines, labelled."""
    scenario = study.scenario
    production = scenario.production
    deadline = to_dates(production.start_date, np.array([scenario.deadline_day]))[0]
    axis.axhline(deadline, color="black", linestyle="--", linewidth=1)
    axis.axvline(production.budget_usd / 1e6, color="black", linestyle=":", linewidth=1)
    axis.annotate(
        f"deadline {production.deadline_date:%d %b %Y}",
        (0.0, deadline),
        xycoords=("axes fraction", "data"),
        xytext=(4, 4),
        textcoords="offset points",
        fontsize=9,
        annotation_clip=True,
    )
    axis.annotate(
        f"budget {production.budget_usd / 1e6:,.0f} M",
        (production.budget_usd / 1e6, 0.0),
        xycoords=("data", "axes fraction"),
        xytext=(4, 4),
        textcoords="offset points",
        fontsize=9,
        rotation=90,
        annotation_clip=True,
    )
