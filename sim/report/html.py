"""`report.html`: a run told in one self-contained page a producer can email.

The page holds nothing it would have to fetch: the figures are embedded as base64 PNGs and
the style is inline, so it opens the same from a mail attachment as from the output folder.
Its tables are the terminal's (`sim.report.tables`) rendered as HTML, so the two never differ.
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping
from typing import Any

from rich.table import Table
from rich.text import Text

from sim.analysis.records import Summary
from sim.report.analysis_tables import drivers_table, financing_table, guarantor_table, tracks_table
from sim.report.assumptions import Assumption, Risk
from sim.report.risk_tables import risk_register_table
from sim.report.runs import Run
from sim.report.tables import (
    comparison_table,
    decision_table,
    minutes_table,
    shortfall_table,
    top_sheet_table,
)

#: Figures in the order the page tells the story, with what each shows.
CAPTIONS = {
    "joint_confidence.png": "Per strategy, each run's chance of being both on time and on "
    "budget, with its 95% interval.",
    "cost_vs_delivery.png": "Cost against delivery date, one dot per replication, with the "
    "budget and the deadline; the curves enclose 50% and 70% of the replications.",
    "s_curves.png": "The chance of finishing at or below each cost and by each date.",
    "drivers.png": "What drives each strategy's delivery (days) and cost (money): the change "
    "of the P50 (solid) and P80 (outline) from the replications with an input in its lowest "
    "tenth to those with it in its highest; all-or-nothing events (hatched) as the change when "
    "they happen. Only inputs beyond noise are shown.",
    "criticality.png": "What picture lock waited for last, and how often.",
    "gantt.png": "One replication per strategy, track by track: the one nearest both the median "
    "delivery date and the median cost.",
    "minutes_by_source.png": "Screen minutes by source in the final film (a run: planned too).",
    "cost_breakdown.png": "Mean cost per budget category, grouped by top-sheet line.",
    "cash_flow.png": "Spend per month (mean bars, P10-P90 band) and to date (P50 line, band), "
    "and the money committed and not refundable (P50, dashed); cash_flow.csv has the numbers.",
}

_STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222;
       max-width: 1100px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
p.meta { color: #666; margin-top: 0; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
caption { caption-side: bottom; text-align: left; color: #666; font-size: 0.9em;
          padding-top: 0.4em; }
caption.title { caption-side: top; color: #222; font-weight: 600; font-size: 1em;
                padding-bottom: 0.4em; }
th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #eee; vertical-align: top; }
th { border-bottom: 2px solid #ccc; text-align: left; }
td.right, th.right { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1.5em 0; }
figure img { width: 100%; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.9em; }
ul.findings li { margin: 0.3em 0; }
td.uncited { color: #a33; }
details { margin: 0.5em 0; }
summary { cursor: pointer; font-weight: 600; }
code { font-size: 0.95em; }
"""


def report_html(
    *,
    summary: Summary,
    figures: Mapping[str, bytes],
    assumptions: list[Assumption],
    risks: list[Risk],
    record: Mapping[str, Any],
) -> str:
    """The whole page: findings, tables, figures, drivers, registers and how to reproduce it."""
    parts = [
        f"<h1>{_e(summary.scenario)}</h1>",
        f"<p class='meta'>{_meta(summary, record)}</p>",
        "<h2>The decision</h2>",
        _findings(summary),
        table_html(decision_table(summary)),
        *_figures(figures, ("cost_vs_delivery.png", "s_curves.png")),
    ]
    if summary.comparison.strategies:
        parts.append(table_html(comparison_table(summary)))
    parts += [
        "<h2>Financing</h2>",
        table_html(financing_table(summary)),
        table_html(guarantor_table(summary)),
        "<h2>What drives each strategy</h2>",
        table_html(drivers_table(summary)),
        _drivers(summary),
        *_figures(figures, ("drivers.png",)),
        table_html(tracks_table(summary)),
        *_figures(figures, ("criticality.png", "gantt.png")),
        "<h2>Costs</h2>",
        table_html(top_sheet_table(summary)),
        *_figures(figures, ("cost_breakdown.png", "cash_flow.png")),
        "<h2>Screen minutes</h2>",
        table_html(minutes_table(summary)),
        table_html(shortfall_table(summary)),
        *_figures(figures, ("minutes_by_source.png",)),
        "<h2>Risk register</h2>",
        _risks(risks),
        *([table_html(risk_register_table(summary))] if summary.risk_register else []),
        "<h2>Assumptions</h2>",
        _assumptions(assumptions),
        "<h2>Reproduce this run</h2>",
        _reproduce(record),
    ]
    return _page(f"{summary.scenario}: spacesim report", parts)


def comparison_html(
    *, runs: list[Run], table: Table, figures: Mapping[str, bytes], record: Mapping[str, Any]
) -> str:
    """The page of `spacesim compare`: what was compared, the table and the figures."""
    listed = "".join(
        f"<li><b>{_e(run.label)}</b>: {_e(run.summary.scenario)}; "
        f"{run.summary.replications:,} replications, seed {run.summary.seed}, budget "
        f"{run.summary.budget_usd / 1e6:,.1f} M, deadline {run.summary.deadline_date}</li>"
        for run in runs
    )
    parts = [
        f"<h1>{len(runs)} runs side by side</h1>",
        f"<ul>{listed}</ul>",
        table_html(table),
        *_figures(figures, ("s_curves.png", "joint_confidence.png", "minutes_by_source.png")),
        "<h2>Reproduce this comparison</h2>",
        f"<p><code>{_e(' '.join(record.get('command', [])))}</code></p>",
        "<p>Each run's own folder holds its report, with its drivers and assumptions.</p>",
    ]
    return _page("spacesim comparison", parts)


def _page(title: str, parts: list[str]) -> str:
    return (
        "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
        f"<title>{_e(title)}</title>\n"
        f"<style>{_STYLE}</style>\n</head>\n<body>\n" + "\n".join(parts) + "\n</body>\n</html>\n"
    )


def table_html(table: Table) -> str:
    """A rich table as an HTML table: title, header, cells and caption, alignment kept."""
    columns = table.columns
    align = [" class='right'" if column.justify == "right" else "" for column in columns]
    head = "".join(
        f"<th{a}>{_e(str(column.header)).replace(chr(10), '<br>')}</th>"
        for column, a in zip(columns, align, strict=True)
    )
    cells = [[_cell(cell) for cell in column.cells] for column in columns]
    body = "".join(
        "<tr>"
        + "".join(f"<td{a}>{column[row]}</td>" for column, a in zip(cells, align, strict=True))
        + "</tr>"
        for row in range(table.row_count)
    )
    title = f"<caption class='title'>{_e(str(table.title))}</caption>" if table.title else ""
    caption = f"<caption>{_e(str(table.caption))}</caption>" if table.caption else ""
    return f"<table>{title}{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _cell(cell: object) -> str:
    """A table cell's text, escaped; bold kept, leading spaces kept as an indent."""
    text = cell.plain if isinstance(cell, Text) else str(cell)
    indent = len(text) - len(text.lstrip(" "))
    shown = "&nbsp;" * indent + _e(text.lstrip(" ")).replace("\n", "<br>")
    return f"<b>{shown}</b>" if isinstance(cell, Text) and "bold" in str(cell.style) else shown


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _meta(summary: Summary, record: Mapping[str, Any]) -> str:
    made = record.get("finished_utc", "")
    return _e(
        f"{summary.replications:,} replications per strategy, seed {summary.seed}; "
        f"start {summary.start_date}, deadline {summary.deadline_date}, budget "
        f"{summary.budget_usd / 1e6:,.1f} M {summary.currency}. "
        f"Made by spacesim {record.get('spacesim_version', '')} on {made[:10]}."
    )


def _findings(summary: Summary) -> str:
    """Sentences read off the summary: best joint chance, cheapest, earliest, most real."""
    strategies = summary.strategies
    if not strategies:
        return ""
    lines = []
    joint = max(strategies, key=lambda name: strategies[name].p_joint)
    low, high = strategies[joint].p_joint_ci95
    lines.append(
        f"Most likely to be both on time and on budget: <b>{_e(joint)}</b>, in "
        f"{strategies[joint].p_joint:.0%} of replications (95% interval {low:.0%} to "
        f"{high:.0%}); NASA baselines its programs at 70% joint confidence (NPD 1000.5)."
    )
    cheapest = min(strategies, key=lambda name: strategies[name].cost.p80)
    lines.append(
        f"Lowest P80 cost: <b>{_e(cheapest)}</b>, "
        f"{strategies[cheapest].cost.p80 / 1e6:,.1f} M {_e(summary.currency)}."
    )
    p80_days = {
        name: day
        for name, strategy in strategies.items()
        if (day := strategy.delivery_day.p80) is not None
    }
    if p80_days:
        earliest = min(p80_days, key=lambda name: p80_days[name])
        lines.append(
            f"Earliest P80 delivery: <b>{_e(earliest)}</b>, "
            f"{strategies[earliest].delivery_date.p80}."
        )
    real = max(strategies, key=lambda name: strategies[name].real_share or 0.0)
    share = strategies[real].real_share
    if share is not None:
        lines.append(
            f"Most space scenes shot for real: <b>{_e(real)}</b>, "
            f"{share:.0%} of their minutes on average."
        )
    return "<ul class='findings'>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"


def _figures(figures: Mapping[str, bytes], names: tuple[str, ...]) -> list[str]:
    return [
        f"<figure><img alt='{_e(name)}' src='data:image/png;base64,"
        f"{base64.b64encode(figures[name]).decode('ascii')}'>"
        f"<figcaption>{_e(CAPTIONS[name])} <code>{_e(name)}</code></figcaption></figure>"
        for name in names
        if name in figures
    ]


def _drivers(summary: Summary) -> str:
    """Per strategy: the three strongest drivers of delivery and of cost; the usual last track."""
    rows = []
    for name, strategy in summary.strategies.items():
        cells = [
            ", ".join(f"{d.driver.replace('_', ' ')} ({d.rho:+.2f})" for d in drivers[:3])
            or "none beyond noise"
            for drivers in (strategy.drivers.delivery, strategy.drivers.cost)
        ]
        critical = strategy.critical
        last = max(critical, key=critical.__getitem__) if critical else ""
        share = f"{last} ({critical[last]:.0%})" if last else "-"
        rows.append(
            f"<tr><td><b>{_e(name)}</b></td><td>{_e(cells[0])}</td><td>{_e(cells[1])}</td>"
            f"<td>{_e(share)}</td></tr>"
        )
    return (
        "<table><caption>The same drivers ranked by Spearman rank correlation (in brackets; + "
        "goes with a later delivery or a higher cost), as summary.json's drivers keep them. "
        "Waited for last: what picture lock most often waited for.</caption>"
        "<thead><tr><th>strategy</th><th>delivery driven by</th><th>cost driven by</th>"
        "<th>waited for last</th></tr></thead><tbody>" + "".join(rows) + "</tbody></table>"
    )


def _source(source: str | None) -> str:
    if source is None:
        return "<td class='uncited'>set in this scenario, no source given</td>"
    return f"<td>{_e(source)}</td>"


def _risks(risks: list[Risk]) -> str:
    if not risks:
        return "<p>The scenario has no risk events.</p>"
    rows = "".join(
        f"<tr><td><b>{_e(r.name)}</b><br>{_e(r.description)}</td><td>{_e(r.owner)}</td>"
        f"<td class='right'>{r.probability:.1%}</td><td>{_e(r.hits)}</td>"
        f"<td>{_e(r.impact)}</td>{_source(r.source)}"
        f"<td>{'<br>'.join(_e(m) for m in r.mitigations)}</td></tr>"
        for r in risks
    )
    return (
        "<table><caption>Each event strikes a replication at most once, with its chance; the "
        "measured register below gives what each cost in this run.</caption><thead><tr>"
        "<th>event</th><th>owner</th><th class='right'>chance</th><th>strikes</th>"
        "<th>impact</th><th>source</th><th>mitigations</th></tr>"
        f"</thead><tbody>{rows}</tbody></table>"
    )


def _assumptions(assumptions: list[Assumption]) -> str:
    uncited = sum(a.source is None for a in assumptions)
    sections: dict[str, list[Assumption]] = {}
    for assumption in assumptions:
        parts = assumption.path.split(".")
        section = ".".join(parts[:2]) if parts[0] == "sources" else parts[0]
        sections.setdefault(section, []).append(assumption)
    blocks = []
    for section, items in sections.items():
        rows = "".join(
            f"<tr><td><code>{_e(a.path)}</code></td><td>{_e(a.value)}</td>"
            f"<td>{'default' if a.default else 'this scenario'}</td>{_source(a.source)}</tr>"
            for a in items
        )
        blocks.append(
            f"<details><summary>{_e(section)} ({len(items)})</summary><table><thead><tr>"
            "<th>key</th><th>value</th><th>set by</th><th>source</th></tr></thead>"
            f"<tbody>{rows}</tbody></table></details>"
        )
    return (
        f"<p>{len(assumptions)} inputs, {len(assumptions) - uncited} with a cited source. The "
        "others are set in the scenario itself: the film's own facts (dates, budget, script) "
        "or choices to check. Open a section to read them.</p>" + "".join(blocks)
    )


def _reproduce(record: Mapping[str, Any]) -> str:
    command = " ".join(record.get("command", []))
    return (
        f"<p><code>{_e(command)}</code></p><p>The output folder holds "
        "<code>scenario.resolved.yaml</code> (every default filled in, with the seed and the "
        "replications): <code>spacesim run scenario.resolved.yaml</code> gives the same numbers. "
        "<code>replications.csv</code> holds one row per replication and strategy, and "
        "<code>spacesim trace</code> replays any one of them day by day.</p>"
    )
