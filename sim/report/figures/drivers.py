"""What drives each strategy (tornado charts), and what picture lock waited for (criticality)."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from sim.analysis.drivers import criticality, rank_correlations
from sim.experiment.results import Results
from sim.report.figures.style import SOURCE_COLOURS, new_figure, title

#: Bars per tornado.
TOP = 7
RAISES, LOWERS = "#D55E00", "#0072B2"
TRACK_COLOURS = {**SOURCE_COLOURS, "vfx": "#D55E00", "post": "#F0E442", "cgi": "#D55E00"}


def tornadoes(results: Results) -> Figure:
    """One row per strategy: its top drivers of delivery (left) and of cost (right)."""
    names = list(results.strategies)
    currency = results.scenario.production.currency
    figure = new_figure(12.0, 1.2 + 2.3 * len(names))
    grid = figure.subplots(len(names), 2, squeeze=False)
    for row, name in enumerate(names):
        for column, (target, label) in enumerate(
            (("delivery_day", "delivery date"), ("cost_usd", f"cost ({currency})"))
        ):
            axis = grid[row][column]
            ranked = rank_correlations(results, name, target)[:TOP]
            labels = [driver.replace("_", " ") for driver, _ in ranked]
            rhos = np.array([rho for _, rho in ranked])
            axis.barh(labels, rhos, color=[RAISES if rho > 0 else LOWERS for rho in rhos])
            if not ranked:
                axis.text(0, 0.5, "no driver beyond noise", ha="center", transform=axis.transAxes)
                axis.set_yticks([])
            axis.axvline(0, color="black", linewidth=0.6)
            axis.set_xlim(-1, 1)
            axis.invert_yaxis()
            axis.tick_params(axis="y", labelsize=8)
            axis.grid(axis="x", alpha=0.3)
            axis.set_title(f"{name}: {label}", fontsize=10, loc="left")
            if row == len(names) - 1:
                axis.set_xlabel("rank correlation (Spearman); right: raises it, left: lowers it")
    title(figure, results, "What drives delivery and cost, per strategy")
    return figure


def critical_tracks(results: Results) -> Figure:
    """Per strategy, how often each track was the last thing picture lock waited for."""
    names = list(results.strategies)
    shares = {name: criticality(results, name) for name in names}
    tracks = sorted({track for found in shares.values() for track in found})
    figure = new_figure(10.0, 1.6 + 0.6 * len(names))
    axis = figure.add_subplot()
    left = np.zeros(len(names))
    palette = iter(["#999999", "#000000", "#F0E442", "#9ecae1"])
    for track in tracks:
        values = np.array([shares[name].get(track, 0.0) for name in names]) * 100
        colour = TRACK_COLOURS.get(track.split(" ")[0]) or next(palette, "#bbbbbb")
        bars = axis.barh(
            names,
            values,
            left=left,
            color=colour,
            label=track,
            edgecolor="white",
            linewidth=0.5,
            hatch="//" if "reshoot" in track or "not delivered" in track else None,
        )
        axis.bar_label(
            bars, [f"{v:.0f}%" if v >= 8 else "" for v in values], label_type="center", fontsize=8
        )
        left += values
    axis.invert_yaxis()
    axis.set_xlim(0, 100)
    axis.set_xlabel("share of replications (%)")
    axis.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, title="finished last")
    title(figure, results, "Criticality: what picture lock waited for last")
    return figure
