"""The terminal tables of a sweep: the decision in each cell, and the break-evens."""

from __future__ import annotations

from rich import box
from rich.table import Table

from sim.analysis.break_even import BreakEven
from sim.analysis.sweep import SweepResult
from sim.analysis.sweep_cells import CellSummary
from sim.core.units import date_of
from sim.experiment.sweep import shown
from sim.report.formats import date_text, money_text, share_text


def cells_table(result: SweepResult) -> Table:
    """A row per cell: its values, the strategy recommended and that strategy's numbers."""
    table = Table(
        title=f"{result.title}: sweep of {len(result.cells)} cells, {result.replications:,}"
        f" replications per strategy and cell, seed {result.seed} (common random numbers)",
        caption=f"Cost in millions {result.currency}; the numbers of the recommended strategy."
        + (" *: nearest, no strategy meets every target." if _any_nearest(result) else ""),
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
    )
    for key in result.keys:
        table.add_column(_header(key), justify="right", no_wrap=True)
    table.add_column("recommended", style="bold", overflow="fold")
    table.add_column("cost\nP80", justify="right", no_wrap=True)
    table.add_column("delivery\nP80", justify="right", no_wrap=True)
    table.add_column("both", justify="right", no_wrap=True)
    table.add_column("real", justify="right", no_wrap=True)
    for cell in result.cells:
        name = cell.recommended
        cost = _metric(cell, "cost_p80_usd")
        day = _metric(cell, "delivery_p80_day")
        table.add_row(
            *(shown(cell.values[key]) for key in result.keys),
            f"{name}{' *' if cell.nearest else ''}",
            "-" if cost is None else money_text(cost),
            date_text(None if day is None else date_of(result.start_date, day)),
            share_text(_metric(cell, "p_joint")),
            share_text(_metric(cell, "real_share")),
        )
    return table


def costs_table(result: SweepResult) -> Table:
    """A row per cell: every strategy's P80 cost, the recommended one marked."""
    table = Table(
        title="P80 cost of every strategy, per cell",
        caption=f"Millions {result.currency}; <: recommended.",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
    )
    table.padding, table.pad_edge = (0, 0), False  # the separator is space enough
    for key in result.keys:
        table.add_column(_header(key), justify="right", no_wrap=True)
    for name in result.strategies:
        table.add_column(name.replace("_", "\n"), justify="right", overflow="fold")
    for cell in result.cells:
        costs = []
        for name in result.strategies:
            estimate = cell.metrics.get(name, {}).get("cost_p80_usd")
            value = None if estimate is None else estimate.value
            mark = "<" if name == cell.recommended else " "
            costs.append("-" if value is None else money_text(value) + mark)
        table.add_row(*(shown(cell.values[key]) for key in result.keys), *costs)
    return table


def break_even_lines(result: SweepResult) -> list[str]:
    """The break-evens in words, one line each; a line saying there is none when none."""
    if not result.break_evens:
        return [
            "Break-even: none; the same strategy is recommended in every cell"
            + (f" ({result.cells[0].recommended})." if result.cells else ".")
        ]
    return ["Break-even: where the recommended strategy changes"] + [
        "  " + break_even_text(found, result.currency) for found in result.break_evens
    ]


def break_even_text(found: BreakEven, currency: str) -> str:
    """One break-even: along which key, between which values, from and to which strategy."""
    held = ", ".join(f"{key} = {shown(value)}" for key, value in found.others.items())
    about = ""
    if found.at_about is not None:
        about = f", at about {_about(found.key, found.at_about, currency)}"
    return (
        f"{found.key} between {shown(found.below)} and {shown(found.above)}"
        + (f" ({held})" if held else "")
        + f": {found.before} -> {found.after}; {found.why}{about}"
    )


def _about(key: str, value: float, currency: str) -> str:
    if key.endswith("_usd"):
        return f"{value / 1e6:,.1f} M {currency}"
    return f"{value:,.3g}"


def _any_nearest(result: SweepResult) -> bool:
    return any(cell.nearest for cell in result.cells)


def _metric(cell: CellSummary, metric: str) -> float | None:
    """A metric of the strategy recommended in `cell` (None: none recommended, or no value)."""
    if cell.recommended is None:
        return None
    estimate = cell.metrics.get(cell.recommended, {}).get(metric)
    return None if estimate is None else estimate.value


def _header(key: str) -> str:
    """A swept key's column header: its last key, split at underscores onto lines."""
    return key.rsplit(".", 1)[-1].replace("_", "\n")
