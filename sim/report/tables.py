"""Terminal tables of a run's summary (rich renderables; the CLI prints them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

from sim.analysis.records import Difference, Effects, Precision, Summary
from sim.scenario.sources import REAL_SOURCES, REGISTRY, SOURCES


def _money(value: float) -> str:
    return f"{value / 1e6:,.1f}"


def _short(value: float) -> str:
    """Millions to three figures (226, 24.9, 3.3); nothing as a dash."""
    millions = value / 1e6
    if millions == 0:
        return "-"
    return f"{millions:,.0f}" if millions >= 100 else f"{millions:.1f}"


def _precision(precision: Precision) -> str:
    """How well the run knows its P80s (the widest 95% interval over strategies)."""
    cost, delivery = precision.cost_p80, precision.delivery_p80
    known = "P80s known to" if delivery is not None else "P80 cost known to"
    text = f"{known} ±{cost:.1%} (cost)" if cost is not None else "P80 cost not known"
    if delivery is not None:
        text += f" and ±{delivery:.1%} of the duration (delivery)"
    else:
        text += "; a P80 delivery is never: more than 20% of its replications never deliver"
    return text + " at 95% confidence."


def _date(date: dt.date | None) -> str:
    """An ISO date; a day never reached as 'never'."""
    return "never" if date is None else date.isoformat()


def _minutes(value: float) -> str:
    return f"{value:.1f}" if value else "-"


def _share(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _header(label: str) -> str:
    """A source's label as a narrow column header: a word a line, a long word hyphenated."""
    words = [
        word if len(word) <= 7 else f"{word[: len(word) // 2]}-\n{word[len(word) // 2 :]}"
        for word in label.split()
    ]
    return "\n".join(words)


def decision_table(summary: Summary) -> Table:
    """One row per strategy: P50/P80 cost and delivery, and the chances of meeting targets."""
    currency = summary.currency
    table = Table(
        title=f"{summary.scenario}: {summary.replications:,} replications per strategy, "
        f"seed {summary.seed}",
        caption=f"Cost in millions {currency}; budget {summary.budget_usd / 1e6:,.1f} M"
        f" ({_BASIS[summary.budget_basis]}), "
        f"deadline {summary.deadline_date}. P80: 80% of replications finish at or below. "
        + _precision(summary.precision),
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
    for name, strategy in summary.strategies.items():
        dates = strategy.delivery_date
        table.add_row(
            name,
            _money(strategy.cost.p50),
            _money(strategy.cost.p80),
            _date(dates.p50),
            _date(dates.p80),
            _share(strategy.p_on_time),
            _share(strategy.p_on_budget),
            _share(strategy.p_joint),
        )
    return table


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
                *(_short(getattr(sheet[line], level)) for sheet in sheets),
                end_section=level == "p80",
                style="bold" if line == "total" else None,
            )
    reserves = [strategy.contingency_p80 for strategy in strategies.values()]
    table.add_row("contingency", "P80", *(_short(reserve.usd) for reserve in reserves))
    table.add_row("  share of P50", "", *(f"{reserve.share:.0%}" for reserve in reserves))
    return table


def financing_table(summary: Summary) -> Table:
    """Per strategy: P50 to P90 cost, the JCL budgets at the deadline, the date at the budget.

    The budget each joint confidence level needs at the deadline, and the date 80% joint
    confidence needs at the budget (see `sim.analysis.financing`).
    """
    currency = summary.currency
    table = Table(
        title=f"Financing (millions {currency}): {summary.financing}, budget "
        f"{_short(summary.budget_usd)}, deadline {summary.deadline_date}",
        caption="P70: 70% of replications cost at most this. JCL n%: the smallest "
        "budget met together with the deadline in n% of replications (joint confidence; NASA "
        "budgets at 70%); none: out of reach, fewer than n% deliver by the deadline at any cost. "
        "Date at the budget: the earliest delivery date met together with the budget in 80% of "
        "replications.",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        pad_edge=False,
    )
    table.add_column("strategy", style="bold", no_wrap=True)
    for header in ("cost\nP50", "cost\nP70", "cost\nP80", "cost\nP90"):
        table.add_column(header, justify="right", no_wrap=True)
    for level in ("70%", "80%", "90%"):
        table.add_column(f"JCL\n{level}", justify="right", no_wrap=True)
    table.add_column("date at\nbudget,\nJCL 80%", justify="right", no_wrap=True)
    for name, strategy in summary.strategies.items():
        cost, joint = strategy.cost, strategy.financing.joint
        at_80 = next((level for level in joint if level.level == 0.8), None)
        table.add_row(
            name,
            *(_short(value) for value in (cost.p50, cost.p70, cost.p80, cost.p90)),
            *("none" if level.budget_usd is None else _short(level.budget_usd) for level in joint),
            "never" if at_80 is None or at_80.date is None else at_80.date.isoformat(),
        )
    return table


def guarantor_table(summary: Summary) -> Table:
    """Per strategy: the budget and the strike price as P-values, and the guarantor's exposure."""
    currency = summary.currency
    share = summary.required_contingency
    strike = summary.budget_usd * (1 + share)
    table = Table(
        title=f"Contingency and the completion guarantor's exposure (millions {currency}): "
        f"contingency {share:.0%} of the budget, strike price {_short(strike)}",
        caption="budget, strike: the share of replications that cost at most the budget, and at "
        "most budget plus the required contingency (the guarantor's strike price). Short of "
        "P80: what the budget would need on top to reach the P80 cost ('-': it does). The "
        "guarantor pays the cost above the strike: how often, on average per film (over every "
        "replication), and in one film in ten (P90).",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        pad_edge=False,
    )
    table.add_column("strategy", style="bold", no_wrap=True)
    for header in ("budget\nP-value", "strike\nP-value", "short\nof P80", "covers\nP80"):
        table.add_column(header, justify="right", no_wrap=True)
    for header in ("over\nstrike", "mean\noverrun", "P90\noverrun"):
        table.add_column(header, justify="right", no_wrap=True)
    for name, strategy in summary.strategies.items():
        financing = strategy.financing
        guarantor = financing.guarantor
        table.add_row(
            name,
            f"P{financing.budget_p_value * 100:.0f}",
            f"P{financing.strike_p_value * 100:.0f}",
            _short(financing.contingency_for_p80_usd),
            "yes" if financing.covers_p80 else "no",
            _share(guarantor.p_exceeds),
            _short(guarantor.expected_overrun_usd),
            _short(guarantor.p90_overrun_usd),
        )
    return table


def _changes(effects: Effects, unit: float, digits: int, top: int = 3) -> Text:
    """The strongest inputs and events of one output, a line each: P50 change (P80 change)."""

    def change(value: float | None) -> str:
        return "never" if value is None else f"{value / unit:+,.{digits}f}"

    lines = [
        f"{item.driver.replace('_', ' ')} {change(item.p50)} ({change(item.p80)})"
        for item in effects.inputs[:top]
    ]
    lines += [
        f"{item.driver.removeprefix('risk_').replace('_', ' ')} [{item.share:.0%}] "
        f"{change(item.p50)} ({change(item.p80)})"
        for item in effects.events[:top]
    ]
    return Text("\n".join(lines) or "none beyond noise")


def drivers_table(summary: Summary) -> Table:
    """Per strategy, what moves delivery (days) and cost (money) most: the decile swings."""
    table = Table(
        title="Drivers in days and dollars",
        caption=Text(
            "Change of the P50 (and P80) of delivery, in days, and of cost, in millions "
            f"{summary.currency}, from the replications with an input in its lowest tenth to those "
            "with it in its highest. [n%]: an all-or-nothing event and how often it happened: the "
            "change when it happens against when it does not. Only inputs beyond noise; the other "
            "inputs are measured without the replications those events hit."
        ),
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        show_lines=True,
    )
    table.add_column("strategy", style="bold", no_wrap=True)
    table.add_column("delivery, days", overflow="fold")
    table.add_column(f"cost, M {summary.currency}", overflow="fold")
    for name, strategy in summary.strategies.items():
        swings = strategy.swings
        table.add_row(
            name, _changes(swings.delivery_days, 1.0, 0), _changes(swings.cost_usd, 1e6, 1)
        )
    return table


def tracks_table(summary: Summary) -> Table:
    """Per strategy and track: how often it was critical, and its duration sensitivity."""
    tracks: list[str] = []
    for strategy in summary.strategies.values():
        tracks += [track for track in strategy.tracks if track not in tracks]
    order = [*SOURCES, "vfx"]
    tracks.sort(key=lambda track: order.index(track) if track in order else len(order))
    table = Table(
        title="Criticality by track",
        caption="Top: share of delivered replications in which the track was on the critical "
        "path (ending it earlier would have moved delivery: it brought the last picture and the "
        "edit ended after VFX, or it is VFX and VFX ended after the edit). Below: correlation "
        "of its finish day with the delivery day (duration sensitivity): VFX works on the "
        "tracks' shots, so a track feeding a critical VFX moves delivery through it, which "
        "shows here, not above.",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        pad_edge=False,
    )
    table.add_column("strategy", style="bold", no_wrap=True)
    for track in tracks:
        label = "VFX" if track == "vfx" else REGISTRY[track].label
        table.add_column(_header(label), justify="right", no_wrap=True)
    for name, strategy in summary.strategies.items():
        cells = []
        for track in tracks:
            found = strategy.tracks.get(track)
            if found is None:
                cells.append("-")
                continue
            r = "-" if found.sensitivity is None else f"{found.sensitivity:+.2f}"
            cells.append(f"{found.criticality:.0%}\n{r}")
        table.add_row(name, *cells, end_section=True)
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
        table.add_column(_header(REGISTRY[source].label), justify="right", no_wrap=True)
    table.add_column("cut", justify="right", no_wrap=True)
    table.add_column("real", justify="right", no_wrap=True)
    for name, strategy in summary.strategies.items():
        minutes = strategy.minutes_by_source
        table.add_row(
            name,
            *(_minutes(minutes[source]) for source in SOURCES),
            _minutes(strategy.cut_minutes),
            _share(strategy.real_share),
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
            _minutes(strategy.shortfall_minutes),
            _minutes(strategy.reshot_minutes),
            _minutes(strategy.remade_minutes),
            _minutes(strategy.cut_minutes),
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
            _share(diff.p_cheaper.p),
            _share(diff.p_earlier.p),
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
            _money(row["cost_p50_usd"]),
            _money(row["cost_p80_usd"]),
            row["delivery_p50_date"] or "never",
            row["delivery_p80_date"] or "never",
            _share(row["p_on_time"]),
            _share(row["p_on_budget"]),
            _share(row["p_joint"]),
            _share(row["real_share"]),
            end_section=last,
        )
    return table
