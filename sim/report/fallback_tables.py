"""The terminal table of the strategies' fallback rules: how often each fired, what it is worth."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from rich import box
from rich.table import Table

from sim.analysis.records import Difference, FallbackValue, Headline, Summary
from sim.report.formats import share_text, short_text


def fallback_table(summary: Summary) -> Table:
    """Per rule: how often it fired, the strategy without it and with it, and the change."""
    rules = [
        f"{name} ({strategy}): if {value.trigger}, {value.source} -> "
        + ", ".join(value.move_to)
        + "."
        for strategy, found in summary.fallbacks.items()
        for name, value in found.items()
    ]
    table = Table(
        title="Fallback rules: how often each fired, and what it is worth",
        caption=" ".join(rules)
        + f" Cost in millions {summary.currency}. fired: share of replications, and the"
        " median month it fired. without: the same strategy without the rule, on the same"
        " random numbers; with: as run; change: the mean difference, with minus without, pair"
        " by pair (cost in millions, delivery in days over the pairs delivered both ways, on"
        " time in points).",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
    )
    table.add_column("strategy\nrule", style="bold", overflow="fold", max_width=22)
    table.add_column("fired", justify="right", no_wrap=True)
    table.add_column("", no_wrap=True)
    table.add_column("cost\nP50", justify="right", no_wrap=True)
    table.add_column("cost\nP80", justify="right", no_wrap=True)
    table.add_column("deliv-\nery P50", justify="right", no_wrap=True)
    table.add_column("on\ntime", justify="right", no_wrap=True)
    table.add_column("real", justify="right", no_wrap=True)
    for strategy, found in summary.fallbacks.items():
        for name, value in found.items():
            table.add_row(*_row(strategy, name, value), end_section=True)
    return table


def _row(strategy: str, name: str, value: FallbackValue) -> list[str]:
    sides = (value.without_rule, value.with_rule)
    fired = share_text(value.fired.p)
    if value.fired_date_p50 is not None:
        fired += f"\n{value.fired_date_p50:%Y-%m}"
    return [
        f"{strategy}\n{name}",
        fired,
        "without\nwith\nchange",
        _lines(sides, lambda h: short_text(h.cost_p50), _money(value.cost_usd)),
        _lines(sides, lambda h: short_text(h.cost_p80), ""),
        _lines(sides, lambda h: _month(h.delivery_date_p50), _days(value.delivery_days)),
        _lines(sides, lambda h: share_text(h.p_on_time), _points(value.on_time)),
        _lines(sides, lambda h: share_text(h.real_share), ""),
    ]


def _lines(sides: tuple[Headline, Headline], text: Callable[[Headline], str], change: str) -> str:
    """Without, with, and the change, a line each."""
    return "\n".join([*(text(side) for side in sides), change])


def _month(date: dt.date | None) -> str:
    return "never" if date is None else f"{date:%Y-%m}"


def _money(difference: Difference) -> str:
    if difference.mean is None:
        return "-"
    millions = difference.mean / 1e6
    return f"{millions:+,.0f}" if abs(millions) >= 10 else f"{millions:+.1f}"


def _days(difference: Difference) -> str:
    return "-" if difference.mean is None else f"{difference.mean:+,.0f}"


def _points(difference: Difference) -> str:
    return "-" if difference.mean is None else f"{difference.mean * 100:+.0f}"
