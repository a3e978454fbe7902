"""Terminal tables of the measured risk register and of the cash flow (rich renderables)."""

from __future__ import annotations

from rich import box
from rich.table import Table

from sim.analysis.records import Difference, Summary

#: How a mitigation's verdict shows in a cell.
VERDICT = {"yes": "yes", "no": "no", "unclear": "?"}


def _millions(value: float | None, *, signed: bool) -> str:
    """Millions to two significant figures at least; unknown as '-'."""
    if value is None:
        return "-"
    sign = "+" if signed else ""
    digits = 1 if abs(value) >= 1e6 else 2
    if abs(value) < 5_000:  # rounds to 0.00: no sign
        return "0"
    return f"{value / 1e6:{sign},.{digits}f}"


def _days(difference: Difference, *, signed: bool) -> str:
    if difference.mean is None:
        return "-"
    if abs(difference.mean) < 0.5:  # rounds to 0 days: no sign
        return "0"
    return f"{difference.mean:{'+' if signed else ''},.0f}"


def risk_register_table(summary: Summary) -> Table:
    """Per event its owner, chance and exposure per strategy; per mitigation its benefit."""
    table = Table(
        title="Risk register: expected exposure, and what each mitigation saves",
        caption=f"Exposure: mean over replications of the outcome with the event minus "
        f"without it, on the same random numbers (millions {summary.currency}; days of "
        "delivery), for each strategy it can strike; hit: share of replications it struck. "
        "+ mitigation: the outcome without it minus with it, its cost (in brackets) "
        "included; pays: the money saved is above 0 at 95% (?: not known either way).",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
    )
    table.add_column("event (owner)\n + mitigation (cost M)", style="bold", max_width=28)
    table.add_column("chance", justify="right", no_wrap=True)
    table.add_column("strategy", no_wrap=True)
    table.add_column("hit", justify="right", no_wrap=True)
    table.add_column("cost\n(M)", justify="right", no_wrap=True)
    table.add_column("days", justify="right", no_wrap=True)
    table.add_column("pays", no_wrap=True)
    for name, entry in summary.risk_register.items():
        rows = entry.exposure
        table.add_row(
            name + (f"\n({entry.owner})" if entry.owner else ""),
            f"{entry.probability:.1%}",
            "\n".join(rows),
            "\n".join(f"{e.hit_rate:.0%}" for e in rows.values()),
            "\n".join(_millions(e.cost_usd.mean, signed=False) for e in rows.values()),
            "\n".join(_days(e.delivery_days, signed=False) for e in rows.values()),
            "",
        )
        for listed, mitigation in entry.mitigations.items():
            chance = "" if mitigation.probability is None else f"{mitigation.probability:.1%}"
            found = mitigation.benefit
            table.add_row(
                f" + {listed}"
                + (" (bought)" if mitigation.bought else "")
                + f"\n   ({_millions(mitigation.cost_usd, signed=False)} M)",
                chance,
                "\n".join(found),
                "",
                "\n".join(_millions(b.cost_usd.mean, signed=True) for b in found.values()),
                "\n".join(_days(b.delivery_days, signed=True) for b in found.values()),
                "\n".join(VERDICT[b.pays_for_itself] for b in found.values()),
                style="" if mitigation.bought else "dim",
            )
    return table
