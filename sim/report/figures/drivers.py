"""What drives each strategy (tornado charts), and what picture lock waited for (criticality)."""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from sim.analysis.drivers import criticality
from sim.analysis.records import Effects
from sim.analysis.swing import swings_of
from sim.experiment.results import Results
from sim.report.figures.style import SOURCE_COLOURS, new_figure, title

#: Bars per tornado.
TOP = 7
RAISES, LOWERS = "#D55E00", "#0072B2"
TRACK_COLOURS = {**SOURCE_COLOURS, "vfx": "#D55E00", "post": "#F0E442", "cgi": "#D55E00"}


def tornadoes(results: Results) -> Figure:
    """One row per strategy: what moves its delivery (days, left) and cost (money, right).

    Each bar is an input's swing, from its lowest tenth of replications to its highest: the
    change of the output's P50 (solid) and P80 (outline); all-or-nothing events (hatched) are
    the change when they happen, with how often they did.
    """
    names = list(results.strategies)
    currency = results.scenario.production.currency
    figure = new_figure(12.0, 1.2 + 2.5 * len(names))
    grid = figure.subplots(len(names), 2, squeeze=False)
    for row, name in enumerate(names):
        swings = swings_of(results, name, top=TOP)
        for column, (effects, unit, label) in enumerate(
            (
                (swings.delivery_days, 1.0, "delivery (days)"),
                (swings.cost_usd, 1e6, f"cost (millions {currency})"),
            )
        ):
            _tornado(grid[row][column], effects, unit)
            grid[row][column].set_title(f"{name}: {label}", fontsize=10, loc="left")
            if row == len(names) - 1:
                grid[row][column].set_xlabel(
                    "low tenth to high tenth of the input: P50 solid, P80 outline"
                )
    title(figure, results, "What drives delivery and cost, in days and dollars")
    return figure


def _tornado(axis: Axes, effects: Effects, unit: float) -> None:
    """One tornado: the strongest continuous inputs, then the events, largest on top."""
    bars: list[tuple[str, float, float, bool]] = []
    for item in effects.inputs[: TOP - min(len(effects.events), 2)]:
        bars.append((item.driver.replace("_", " "), *_pair(item.p50, item.p80, unit), False))
    for swing in effects.events[: TOP - len(bars)]:
        label = f"{swing.driver.removeprefix('risk_').replace('_', ' ')} ({swing.share:.0%})"
        bars.append((label, *_pair(swing.p50, swing.p80, unit), True))
    if not bars:
        axis.text(0.5, 0.5, "no driver beyond noise", ha="center", transform=axis.transAxes)
        axis.set_yticks([])
        return
    labels = [bar[0] for bar in bars]
    p50 = np.array([bar[1] for bar in bars])
    p80 = np.array([bar[2] for bar in bars])
    colours = [RAISES if value > 0 else LOWERS for value in p50]
    hatches = ["//" if bar[3] else None for bar in bars]
    positions = np.arange(len(bars))
    for y, value, colour, hatch in zip(positions, p50, colours, hatches, strict=True):
        axis.barh(y, value, height=0.6, color=colour, hatch=hatch, edgecolor="white")
    axis.barh(positions, p80, height=0.8, fill=False, edgecolor="black", linewidth=0.8)
    axis.set_yticks(positions, labels)
    axis.axvline(0, color="black", linewidth=0.6)
    axis.set_ylim(max(TOP, len(bars)) - 0.5, -0.5)  # bars of one height in every tornado
    axis.tick_params(axis="y", labelsize=8)
    axis.grid(axis="x", alpha=0.3)


def _pair(p50: float | None, p80: float | None, unit: float) -> tuple[float, float]:
    """P50 and P80 changes in the axis's unit; one never reached drawn as no bar."""
    return tuple(0.0 if value is None else value / unit for value in (p50, p80))  # type: ignore[return-value]


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
