"""Screen minutes by source: what each strategy planned against what the film ended with."""

from __future__ import annotations

import numpy as np
from matplotlib.figure import Figure

from sim.experiment.results import Results
from sim.report.figures.style import SOURCE_COLOURS, cut_bars, new_figure, title
from sim.scenario.sources import SOURCES


def minutes_by_source(results: Results) -> Figure:
    """Paired stacked bars per strategy: planned minutes, and obtained minutes plus cuts."""
    names = list(results.strategies)
    figure = new_figure(10.0, 1.8 + 0.9 * len(names))
    axis = figure.add_subplot()
    rows = np.arange(len(names)) * 2.5
    bars = {"planned": rows, "obtained": rows + 1.0}
    for kind, positions in bars.items():
        left = np.zeros(len(names))
        for source in SOURCES:
            column = f"planned_{source}_minutes" if kind == "planned" else f"minutes_{source}"
            means = np.array([float(np.mean(results.column(column, name))) for name in names])
            axis.barh(
                positions,
                means,
                left=left,
                height=0.9,
                color=SOURCE_COLOURS[source],
                label=source if kind == "planned" else None,
                edgecolor="white",
                linewidth=0.5,
            )
            left += means
        if kind == "obtained":
            cut = np.array([float(np.mean(results.column("cut_minutes", name))) for name in names])
            cut_bars(axis, positions, cut, left, height=0.9)
    labels = [label for name in names for label in (f"{name} - planned", "obtained")]
    axis.set_yticks(np.concatenate([[r, r + 1.0] for r in rows]), labels)
    axis.invert_yaxis()
    axis.set_xlabel("screen minutes (mean over replications)")
    axis.grid(axis="x", alpha=0.3)
    axis.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=9, title="source")
    title(figure, results, "Screen minutes by source: planned, and what the film got")
    return figure
