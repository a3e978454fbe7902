"""Terminal tables of the financing and of what drives a run: money, swings, tracks."""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

from sim.analysis.records import Effects, Summary
from sim.report.formats import narrow_header, share_text, short_text
from sim.scenario.sources import REGISTRY, SOURCES


def financing_table(summary: Summary) -> Table:
    """Per strategy: P50 to P90 cost, the JCL budgets at the deadline, the date at the budget.

    The budget each joint confidence level needs at the deadline, and the date 80% joint
    confidence needs at the budget (see `sim.analysis.financing`).
    """
    currency = summary.currency
    table = Table(
        title=f"Financing (millions {currency}): {summary.financing}, budget "
        f"{short_text(summary.budget_usd)}, deadline {summary.deadline_date}",
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
            *(short_text(value) for value in (cost.p50, cost.p70, cost.p80, cost.p90)),
            *(
                "none" if level.budget_usd is None else short_text(level.budget_usd)
                for level in joint
            ),
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
        f"contingency {share:.0%} of the budget, strike price {short_text(strike)}",
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
            short_text(financing.contingency_for_p80_usd),
            "yes" if financing.covers_p80 else "no",
            share_text(guarantor.p_exceeds),
            short_text(guarantor.expected_overrun_usd),
            short_text(guarantor.p90_overrun_usd),
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
        table.add_column(narrow_header(label), justify="right", no_wrap=True)
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
