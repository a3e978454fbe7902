"""Terminal tables of a run's summary (rich renderables; the CLI prints them)."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from sim.analysis.records import CheckedTarget, Decision, Difference, Summary
from sim.report.formats import (
    date_text,
    minutes_text,
    money_text,
    narrow_header,
    precision_text,
    share_text,
    short_text,
)
from sim.scenario.sources import REAL_SOURCES, REGISTRY, SOURCES


def decision_table(summary: Summary) -> Table:
    """One row per strategy: P50/P80 cost and delivery, and the chances of meeting targets."""
    currency = summary.currency
    table = Table(
        title=f"{summary.scenario}: {summary.replications:,} replications per strategy, "
        f"seed {summary.seed}",
        caption=f"Cost in millions {currency}; budget {summary.budget_usd / 1e6:,.1f} M"
        f" ({_BASIS[summary.budget_basis]}), "
        f"deadline {summary.deadline_date}. P80: 80% of replications finish at or below. "
        + precision_text(summary.precision),
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
    )
    table.add_column("strategy", style="bold", no_wrap=True)
    table.add_column("cost\nP50", justify="right", no_wrap=True)
    table.add_column("cost\nP80", justify="right", no_wrap=True)
    table.add_column("delivery\nP50", justify="right", no_wrap=True)
    table.add_column("delivery\nP80", justify="right", no_wrap=True)
    for header in ("on\ntime", "on\nbudget", "both"):
        table.add_column(header, justify="right", no_wrap=True)
    decision = summary.decision
    targeted = decision is not None and bool(decision.targets)
    if targeted:  # a column more: the columns' separator is space enough for 80 columns
        table.padding, table.pad_edge = (0, 0), False
        table.add_column("targets", overflow="fold", min_width=9)
    for name, strategy in summary.strategies.items():
        dates = strategy.delivery_date
        table.add_row(
            name,
            money_text(strategy.cost.p50),
            money_text(strategy.cost.p80),
            date_text(dates.p50),
            date_text(dates.p80),
            share_text(strategy.p_on_time),
            share_text(strategy.p_on_budget),
            share_text(strategy.p_joint),
            *([targets_text(decision.checks.get(name, ()))] if decision and targeted else []),
        )
    if decision is not None and decision.recommended is not None:
        table.caption = f"{table.caption}\n{_decision_caption(decision)}"
    return table


def targets_text(checks: tuple[CheckedTarget, ...]) -> str:
    """A strategy against the targets in short: met, or each miss and what it reached, a line each.

    A real-share miss shows the real share reached (by `real_share_confidence` of the
    replications), a confidence miss the chance reached; the caption gives what was wanted.
    """
    misses = [check for check in checks if not check.met]
    if not misses:
        return "met"
    return "\n".join(
        f"{target_label(check.target)} "
        + share_text(check.achieved if check.level is None else (check.reached or 0.0))
        for check in misses
    )


def target_label(target: str) -> str:
    """real_share: real; real_share.weightless_interior: weightless; joint_confidence: joint."""
    if target.startswith("real_share."):
        return target.removeprefix("real_share.").split("_")[0]
    if target == "real_share":
        return "real"
    return target.removesuffix("_confidence").replace("_", " ")


def _decision_caption(decision: Decision) -> str:
    """The caption's lines on the decision: the targets, the strategy recommended and why."""
    if not decision.targets:
        return (
            f"Recommended: {decision.recommended}, the lowest P80 cost (the scenario sets no"
            " targets; see docs/how-to/set-targets.md)."
        )
    wanted = ", ".join(
        f"{target_label(key)} {value * 100:g}%"
        for key, value in decision.targets.items()
        if key != "real_share_confidence"
    )
    confidence = decision.targets.get("real_share_confidence")
    by = "" if confidence is None else f"; real shares as {confidence * 100:g}% of films reach"
    if decision.nearest:
        far = decision.distance.get(decision.recommended or "", 0.0)
        why = f"the nearest (distance {far:.2f}): no strategy meets every target"
    elif len(decision.meeting) == 1:
        why = "the only strategy meeting every target"
    else:
        why = f"the cheapest at P80 of the {len(decision.meeting)} meeting every target"
    return (
        f"Targets: {wanted}{by}; the column gives each one missed and what it reached.\n"
        f"Recommended: {decision.recommended}, {why}."
    )


#: How a budget basis reads in a caption.
_BASIS = {"whole_film": "the whole film's", "below_the_line": "below the line"}


def top_sheet_table(summary: Summary) -> Table:
    """The budget's top sheet: two rows per line (its P50 and P80), a column per strategy."""
    table = Table(
        title=f"Top sheet (millions {summary.currency})",
        caption="Each line's P80 is its own: P80s do not add up, so the total's is that of the "
        f"whole cost. Budget {_BASIS[summary.budget_basis]}: "
        + (
            "above the line holds the fees of story, producers, director and cast, and"
            if summary.budget_basis == "whole_film"
            else "above-the-line fees are left out; above the line holds only"
        )
        + " the holds, the days the flying crew is paid to wait for a launch or a flight."
        " Contingency for P80: what a budget set at the P50 total must hold in reserve to be"
        " met 80% of the time (P80 - P50), and its share of P50.",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        pad_edge=False,
        padding=(0, 0),  # the columns' separator is space enough: six strategies fit 80 columns
    )
    strategies = summary.strategies
    table.add_column("line", no_wrap=True)
    table.add_column("", no_wrap=True)
    for name in strategies:
        table.add_column(name.replace("_", "_\n"), justify="right", no_wrap=True)
    sheets = [strategy.top_sheet for strategy in strategies.values()]
    lines = list(sheets[0]) if sheets else []
    for line in lines:
        for level in ("p50", "p80"):
            table.add_row(
                line if level == "p50" else "",
                level.upper(),
                *(short_text(getattr(sheet[line], level)) for sheet in sheets),
                end_section=level == "p80",
                style="bold" if line == "total" else None,
            )
    reserves = [strategy.contingency_p80 for strategy in strategies.values()]
    table.add_row("contingency", "P80", *(short_text(reserve.usd) for reserve in reserves))
    table.add_row("  share of P50", "", *(f"{reserve.share:.0%}" for reserve in reserves))
    return table


def minutes_table(summary: Summary) -> Table:
    """One row per strategy: mean screen minutes by source, cuts, and real-footage share."""
    table = Table(
        title="Screen minutes by source (mean over replications)",
        caption="real: share of space-scene minutes shot in "
        + ", ".join(REGISTRY[source].label for source in REAL_SOURCES[:-1])
        + f", or from {REGISTRY[REAL_SOURCES[-1]].label}",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        pad_edge=False,
    )
    table.add_column("strategy", style="bold", no_wrap=True)
    for source in SOURCES:
        table.add_column(narrow_header(REGISTRY[source].label), justify="right", no_wrap=True)
    table.add_column("cut", justify="right", no_wrap=True)
    table.add_column("real", justify="right", no_wrap=True)
    for name, strategy in summary.strategies.items():
        minutes = strategy.minutes_by_source
        table.add_row(
            name,
            *(minutes_text(minutes[source]) for source in SOURCES),
            minutes_text(strategy.cut_minutes),
            share_text(strategy.real_share),
        )
    return table


def shortfall_table(summary: Summary) -> Table:
    """One row per strategy: minutes its sources missed of their plan, and where they went."""
    table = Table(
        title="Shortfall and where it went (mean minutes over replications)",
        caption="shortfall: minutes a source missed of its own plan. policy: cgi (remade), cut, "
        "or a source to reshoot on first, then cgi or cut for the rest.",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
    )
    table.add_column("strategy", style="bold", no_wrap=True)
    table.add_column("policy", no_wrap=True)
    for header in ("shortfall", "reshot", "remade\nin CGI", "cut"):
        table.add_column(header, justify="right", no_wrap=True)
    for name, strategy in summary.strategies.items():
        table.add_row(
            name,
            strategy.shortfall_policy,
            minutes_text(strategy.shortfall_minutes),
            minutes_text(strategy.reshot_minutes),
            minutes_text(strategy.remade_minutes),
            minutes_text(strategy.cut_minutes),
        )
    return table


def comparison_table(summary: Summary) -> Table:
    """Each strategy minus the baseline, pair by pair: mean differences with 95% intervals."""
    comparison = summary.comparison
    table = Table(
        title=f"Against {comparison.baseline}, replication by replication (mean difference ± 95%)",
        caption="Paired: each replication of every strategy faces the same launches, weather and "
        "risk events, so the differences are measured far more tightly than the spreads. "
        "Delivery over the pairs where both deliver; cheaper and earlier: share of pairs.",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
    )
    table.add_column("strategy", style="bold", no_wrap=True)
    table.add_column("cost (M)", justify="right", no_wrap=True)
    table.add_column("delivery\n(days)", justify="right", no_wrap=True)
    table.add_column("real\nminutes", justify="right", no_wrap=True)
    table.add_column("cheaper", justify="right", no_wrap=True)
    table.add_column("earlier", justify="right", no_wrap=True)
    for name, diff in comparison.strategies.items():
        table.add_row(
            name,
            _plus_minus(diff.cost_usd, 1e6),
            _plus_minus(diff.delivery_days, 1.0, digits=0),
            _plus_minus(diff.real_minutes, 1.0),
            share_text(diff.p_cheaper.p),
            share_text(diff.p_earlier.p),
        )
    return table


def _plus_minus(difference: Difference, unit: float, digits: int = 1) -> str:
    mean, (low, high) = difference.mean, difference.ci95
    if mean is None or low is None or high is None:
        return "-"
    return f"{mean / unit:+,.{digits}f} ±{(high - low) / 2 / unit:,.{digits}f}"


def side_by_side_table(rows: list[dict[str, Any]], currency: str) -> Table:
    """`spacesim compare`: each strategy under each run, P50/P80 and the chances of targets."""
    table = Table(
        title="Runs side by side",
        caption=f"Cost in millions {currency}; each run against its own budget and deadline. "
        "P80: 80% of replications finish at or below; both: on time and on budget; real: share "
        "of space-scene minutes shot for real.",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        pad_edge=False,
        padding=(0, 0),  # the columns' separator is space enough, and labels get the room
    )
    # Run labels of up to 20 characters whole on an 80-column terminal, not folded mid-word.
    labels = [len(row["strategy"]) for row in rows] + [2 + len(row["run"]) for row in rows]
    table.add_column("strategy\n  run", overflow="fold", min_width=min(max(labels, default=0), 22))
    for header in ("cost\nP50", "cost\nP80", "delivery\nP50", "delivery\nP80"):
        table.add_column(header, justify="right", no_wrap=True)
    for header in ("on\ntime", "on\nbudget", "both", "real"):
        table.add_column(header, justify="right", no_wrap=True)
    for i, row in enumerate(rows):
        if i == 0 or rows[i - 1]["strategy"] != row["strategy"]:
            table.add_row(Text(row["strategy"], style="bold"))
        last = i + 1 == len(rows) or rows[i + 1]["strategy"] != row["strategy"]
        table.add_row(
            f"  {row['run']}",
            money_text(row["cost_p50_usd"]),
            money_text(row["cost_p80_usd"]),
            row["delivery_p50_date"] or "never",
            row["delivery_p80_date"] or "never",
            share_text(row["p_on_time"]),
            share_text(row["p_on_budget"]),
            share_text(row["p_joint"]),
            share_text(row["real_share"]),
            end_section=last,
        )
    return table
