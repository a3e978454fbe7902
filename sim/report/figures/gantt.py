"""One replication per strategy as a Gantt chart: the one nearest its median date and cost.

A cloud of a thousand outcomes says how likely a date is; a single replication, told track by
track, says why. The replication shown is replayed exactly from the run's seed
(`sim.analysis.representative.told`), so `spacesim trace` with its number tells the same story
in words.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from matplotlib.figure import Figure

from sim.experiment.results import Results
from sim.model.fallback import fallback_track, is_fired_mark
from sim.model.outcome import Outcome
from sim.report.figures.style import SOURCE_COLOURS, date_axis, new_figure, title, to_dates
from sim.scenario.sources import SOURCES

#: Rows of a chart, top to bottom: every source's track in the registry's order, each
#: followed by the campaign a fallback rule moved minutes to it in (CGI's shots are the VFX
#: row's); tracks a strategy does not run are left out.
TRACKS = (
    "production",
    "crew",
    *(row for source in SOURCES for row in (source, fallback_track(source))),
    "vfx",
    "post",
)
TRACK_COLOURS = {
    **SOURCE_COLOURS,
    **{fallback_track(source): colour for source, colour in SOURCE_COLOURS.items()},
    "production": "#999999",
    "crew": "#882255",
    "vfx": "#D55E00",
    "post": "#F0E442",
}
#: Rows of campaigns a fallback rule moved minutes to: hatched.
FALLBACK_ROWS = frozenset(fallback_track(source) for source in SOURCES)
#: Activities that are waiting rather than work, drawn paler.
WAITING = ("booking", "launch campaign")
#: Milestones drawn as ticks on a track's row: each flight of a campaign.
TICKS = {"suborbital flight": "suborbital"}
#: Milestones drawn as lines across a chart.
MILESTONES = ("launch", "last picture", "picture lock", "delivery")


def gantt(results: Results, stories: Mapping[str, Outcome | None]) -> Figure:
    """A Gantt chart per strategy of its replayed representative replication (see `told`)."""
    scenario = results.scenario
    start = scenario.production.start_date
    names = list(results.strategies)
    figure = new_figure(12.0, 1.2 + 2.2 * len(names))
    axes = figure.subplots(len(names), 1, sharex=True, squeeze=False)[:, 0]
    deadline = to_dates(start, np.array([scenario.deadline_day]))[0]
    for axis, name in zip(axes, names, strict=True):
        outcome = stories[name]
        axis.axvline(deadline, color="black", linestyle="--", linewidth=1)
        if outcome is None:
            axis.set_title(f"{name}: no replication delivered", fontsize=10, loc="left")
            axis.set_yticks([])
            continue
        rows = [track for track in TRACKS if any(s.track == track for s in outcome.timeline.spans)]
        for span in outcome.timeline.spans:
            axis.barh(
                rows.index(span.track),
                span.end - span.start,
                left=to_dates(start, np.array([span.start]))[0],
                height=0.6,
                color=TRACK_COLOURS.get(span.track, "#bbbbbb"),
                alpha=0.35 if span.activity in WAITING else 0.55 if span.track == "vfx" else 0.9,
                edgecolor="white",
                linewidth=0.4,
                hatch="///" if span.track in FALLBACK_ROWS else None,
            )
        for milestone in outcome.timeline.milestones:
            track = TICKS.get(milestone.name)
            if track in rows:
                when = to_dates(start, np.array([milestone.day]))[0]
                axis.plot(when, rows.index(track), marker="|", markersize=14, color="black")
            if milestone.name in MILESTONES or is_fired_mark(milestone.name):
                when = to_dates(start, np.array([milestone.day]))[0]
                axis.axvline(when, color="grey", linewidth=0.8, linestyle=":")
                axis.annotate(
                    milestone.name.split(" (")[0],  # a rule's firing: its cause left out
                    (when, 1.0),
                    xycoords=("data", "axes fraction"),
                    rotation=90,
                    va="top",
                    ha="right",
                    fontsize=7,
                    color="dimgrey",
                )
        axis.set_yticks(range(len(rows)), rows, fontsize=8)
        axis.set_ylim(len(rows) - 0.4, -0.6)
        axis.grid(axis="x", alpha=0.3)
        axis.set_title(
            f"{name}: replication {outcome.replication}, nearest the median date and cost "
            f"(spacesim trace --strategy {name} --replication {outcome.replication})",
            fontsize=10,
            loc="left",
        )
    date_axis(axes[-1], "x")
    for axis in axes:  # shared dates, labelled on every panel: a reader reads one panel
        axis.tick_params(axis="x", labelbottom=True, labelsize=8)
    axes[-1].set_xlabel(
        "date (dashed: the deadline; pale: booking and launch campaign; |: a suborbital flight;"
        " hatched: a campaign a fallback rule moved minutes to)"
    )
    title(figure, results, "A representative replication of each strategy, track by track")
    return figure
