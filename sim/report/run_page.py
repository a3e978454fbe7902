"""`report.html`: a run told in one page a producer can email and a guarantor can file.

It opens on an executive summary that prints on one page: the decision under the film's
targets, the headline table (the terminal's decision table) and the figure that says most
(cost against delivery date, with the budget, the deadline and the joint-confidence
isocurves). A contents list follows, then one section per part of the story, each starting on
a new printed page (`sim.report.html`): the decision in detail, financing, fallback rules,
drivers, costs, screen minutes, the registers and how to reproduce the run.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sim.analysis.records import Summary
from sim.report.analysis_tables import drivers_table, financing_table, guarantor_table, tracks_table
from sim.report.assumptions import Assumption, Risk
from sim.report.fallback_tables import fallback_table
from sim.report.html import escape, figures_html, page, section, table_html
from sim.report.registers_html import assumptions_html, risks_html
from sim.report.risk_tables import risk_register_table
from sim.report.tables import (
    comparison_table,
    decision_table,
    minutes_table,
    shortfall_table,
    top_sheet_table,
)


def report_html(
    *,
    summary: Summary,
    figures: Mapping[str, bytes],
    assumptions: list[Assumption],
    risks: list[Risk],
    record: Mapping[str, Any],
) -> str:
    """The whole page: the executive summary, contents, then a section per part of the run."""
    parts: list[tuple[str, str, list[str]]] = [
        (
            "decision",
            "The decision in detail",
            [
                _decision(summary),
                _findings(summary),
                *figures_html(figures, ("s_curves.png",)),
                *([table_html(comparison_table(summary))] if summary.comparison.strategies else []),
            ],
        ),
        (
            "financing",
            "Financing",
            [table_html(financing_table(summary)), table_html(guarantor_table(summary))],
        ),
    ]
    fallbacks = _fallbacks(summary)
    if fallbacks:
        parts.append(("fallbacks", "Fallback rules", fallbacks))
    parts += [
        (
            "drivers",
            "What drives each strategy",
            [
                table_html(drivers_table(summary)),
                _drivers(summary),
                *figures_html(figures, ("drivers.png",)),
                table_html(tracks_table(summary)),
                *figures_html(figures, ("criticality.png", "gantt.png")),
            ],
        ),
        (
            "costs",
            "Costs",
            [
                table_html(top_sheet_table(summary)),
                *figures_html(figures, ("cost_breakdown.png", "cash_flow.png")),
            ],
        ),
        (
            "minutes",
            "Screen minutes",
            [
                table_html(minutes_table(summary)),
                table_html(shortfall_table(summary)),
                *figures_html(figures, ("minutes_by_source.png",)),
            ],
        ),
        (
            "risks",
            "Risk register",
            [
                risks_html(risks),
                *([table_html(risk_register_table(summary))] if summary.risk_register else []),
            ],
        ),
        ("assumptions", "Assumptions", [assumptions_html(assumptions)]),
        ("reproduce", "Reproduce this run", [_reproduce(record)]),
    ]
    body = [
        _executive_summary(summary, figures, record),
        _contents([(anchor, heading) for anchor, heading, _ in parts]),
        *(section(anchor, heading, content) for anchor, heading, content in parts),
    ]
    return page(
        f"{summary.scenario}: spacesim report",
        body,
        running_header=_running_header(summary, record),
    )


def _executive_summary(
    summary: Summary, figures: Mapping[str, bytes], record: Mapping[str, Any]
) -> str:
    """The first printed page: the verdict, the headline table and the figure that says most."""
    decision = summary.decision
    verdict = ""
    if decision is not None and decision.recommended is not None:
        meeting = ", ".join(decision.meeting)
        met = (
            f" Strategies meeting every target: {escape(meeting)}."
            if decision.targets and meeting
            else (" No strategy meets every target." if decision.targets else "")
        )
        verdict = (
            f"<p class='verdict'><b>Recommended: {escape(decision.recommended)}</b>."
            f"{met}</p><p>{escape(decision.reason)}</p>"
        )
    return (
        "<section class='summary' id='summary'>"
        f"<h1>{escape(summary.scenario)}</h1>"
        f"<p class='meta'>{_meta(summary, record)}</p>"
        "<h2>Executive summary</h2>"
        + verdict
        + table_html(decision_table(summary))
        + "".join(figures_html(figures, ("cost_vs_delivery.png",)))
        + "</section>"
    )


def _contents(entries: list[tuple[str, str]]) -> str:
    listed = "".join(
        f"<li><a href='#{escape(anchor)}'>{escape(heading)}</a></li>" for anchor, heading in entries
    )
    return f"<nav class='contents'><h2>Contents</h2><ol>{listed}</ol></nav>"


def _running_header(summary: Summary, record: Mapping[str, Any]) -> str:
    """What every printed page's header says: the film, the run's date, the version, the seed."""
    made = str(record.get("finished_utc", ""))[:10]
    version = record.get("spacesim_version", "")
    return (
        f"{summary.scenario} · spacesim {version} · run {made} · seed {summary.seed} ·"
        f" {summary.replications:,} replications"
    )


def _meta(summary: Summary, record: Mapping[str, Any]) -> str:
    made = record.get("finished_utc", "")
    return escape(
        f"{summary.replications:,} replications per strategy, seed {summary.seed}; "
        f"start {summary.start_date}, deadline {summary.deadline_date}, budget "
        f"{summary.budget_usd / 1e6:,.1f} M {summary.currency}. "
        f"Made by spacesim {record.get('spacesim_version', '')} on {made[:10]}."
    )


def _decision(summary: Summary) -> str:
    """The targets the scenario sets, then the strategy recommended and why (all escaped)."""
    decision = summary.decision
    if decision is None or decision.recommended is None:
        return ""
    parts = []
    if decision.targets:
        listed = "".join(
            f"<li><code>{escape(key)}</code>: {value * 100:g}%</li>"
            for key, value in decision.targets.items()
        )
        meeting = ", ".join(decision.meeting) or "none"
        parts += [
            f"<p>The film's targets (<code>targets</code> in the scenario):</p><ul>{listed}</ul>",
            f"<p>Strategies meeting every target: {escape(meeting)}.</p>",
        ]
    parts.append(
        f"<p><b>Recommended: {escape(decision.recommended)}</b>: {escape(decision.reason)}</p>"
    )
    return "".join(parts)


def _fallbacks(summary: Summary) -> list[str]:
    """The strategies' fallback rules and what each is worth (none: no section)."""
    if not summary.fallbacks:
        return []
    return [
        "<p>Each rule cancels its segment when a trigger fires and moves the minutes still"
        " unfilmed to other sources (<code>fallbacks</code> in a strategy). Its value is the"
        " strategy with the rule against the same strategy without it, replication by"
        " replication on the same random numbers; the Gantt chart hatches the campaigns a rule"
        " moved minutes to.</p>",
        table_html(fallback_table(summary)),
    ]


def _findings(summary: Summary) -> str:
    """Sentences read off the summary: best joint chance, cheapest, earliest, most real."""
    strategies = summary.strategies
    if not strategies:
        return ""
    lines = []
    joint = max(strategies, key=lambda name: strategies[name].p_joint)
    low, high = strategies[joint].p_joint_ci95
    lines.append(
        f"Most likely to be both on time and on budget: <b>{escape(joint)}</b>, in "
        f"{strategies[joint].p_joint:.0%} of replications (95% interval {low:.0%} to "
        f"{high:.0%}); NASA baselines its programs at 70% joint confidence (NPD 1000.5)."
    )
    cheapest = min(strategies, key=lambda name: strategies[name].cost.p80)
    lines.append(
        f"Lowest P80 cost: <b>{escape(cheapest)}</b>, "
        f"{strategies[cheapest].cost.p80 / 1e6:,.1f} M {escape(summary.currency)}."
    )
    p80_days = {
        name: day
        for name, strategy in strategies.items()
        if (day := strategy.delivery_day.p80) is not None
    }
    if p80_days:
        earliest = min(p80_days, key=lambda name: p80_days[name])
        lines.append(
            f"Earliest P80 delivery: <b>{escape(earliest)}</b>, "
            f"{strategies[earliest].delivery_date.p80}."
        )
    real = max(strategies, key=lambda name: strategies[name].real_share or 0.0)
    share = strategies[real].real_share
    if share is not None:
        lines.append(
            f"Most space scenes shot for real: <b>{escape(real)}</b>, "
            f"{share:.0%} of their minutes on average."
        )
    return "<ul class='findings'>" + "".join(f"<li>{line}</li>" for line in lines) + "</ul>"


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
            f"<tr><td><b>{escape(name)}</b></td><td>{escape(cells[0])}</td><td>{escape(cells[1])}</td>"
            f"<td>{escape(share)}</td></tr>"
        )
    return (
        "<div class='scroll'><table class='short'><caption>The three strongest drivers of each"
        " strategy</caption><thead><tr><th>strategy</th><th>delivery driven by</th>"
        "<th>cost driven by</th><th>waited for last</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></div><p class='note'>Ranked by Spearman rank correlation (in"
        " brackets; + goes with a later delivery or a higher cost), as summary.json's drivers"
        " keep them. Waited for last: what picture lock most often waited for.</p>"
    )


def _reproduce(record: Mapping[str, Any]) -> str:
    command = " ".join(record.get("command", []))
    return (
        f"<p><code>{escape(command)}</code></p><p>The output folder holds "
        "<code>scenario.resolved.yaml</code> (every default filled in, with the seed and the "
        "replications): <code>spacesim run scenario.resolved.yaml</code> gives the same numbers. "
        "<code>replications.csv</code> holds one row per replication and strategy, and "
        "<code>spacesim trace</code> replays any one of them day by day.</p>"
    )
