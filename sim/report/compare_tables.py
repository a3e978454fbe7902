"""Terminal tables of `spacesim compare` against the first run: inputs, deltas, top sheet.

The side-by-side table itself is `sim.report.tables.side_by_side_table`; these say what
changed between the runs and what it did: the inputs' diff, each later run minus the first per
strategy, and the original/variance top sheet (the first run as the original, a later one as
the current, as a film's cost report sets the budget against the estimate to complete).
"""

from __future__ import annotations

import math

from rich import box
from rich.table import Table
from rich.text import Text

from sim.analysis.compare_runs import MeanDelta
from sim.report.comparison import Against, RunsCompared
from sim.report.input_diff import shown

#: How many changed inputs the terminal shows; inputs.csv and report.html have them all.
TERMINAL_CHANGES = 40
#: The widest a key path is written on the terminal before it is broken after a dot.
KEY_WIDTH = 30
#: The narrowest these tables are drawn, so that their captions read as lines, not a column.
MIN_WIDTH = 72


def inputs_table(
    compared: RunsCompared, limit: int | None = None, key_width: int | None = None
) -> Table:
    """Every input that differs from the first run's: its key and its value in each run.

    `limit` keeps the first so many rows (the terminal's), saying how many more there are;
    `key_width` breaks a longer key after a dot (the terminal's, so values keep their room).
    """
    changes = compared.inputs.changes
    shown_changes = changes if limit is None else changes[:limit]
    first = compared.first.label
    caption = (
        "Every leaf of the resolved scenarios (scenario.resolved.yaml) whose value differs from "
        f"{first}'s, with the spacesim version (run.json); a distribution as its kind and "
        "parameters, its source on a row of its own."
    )
    if len(shown_changes) < len(changes):
        caption += f" {len(changes) - len(shown_changes)} more in inputs.csv and report.html."
    notes = compared.inputs.notes
    if not changes:
        caption = (
            "No difference found in what could be compared."
            if notes
            else "The resolved scenarios and the spacesim versions are the same."
        )
    for note in notes:
        caption += f"\n{note}"
    table = Table(
        title=f"What changed in the inputs (against {first})",
        caption=caption,
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        pad_edge=False,
        min_width=MIN_WIDTH,
    )
    table.add_column("key", no_wrap=key_width is not None, overflow="fold")
    for run in compared.runs:
        table.add_column(run.label, overflow="fold")
    for change in shown_changes:
        key = change.key if key_width is None else broken_key(change.key, key_width)
        table.add_row(key, *(shown(value) for value in change.values))
    return table


def broken_key(key: str, width: int) -> str:
    """A key path in lines of at most `width` characters, broken after dots (long parts whole)."""
    lines: list[str] = []
    for part in key.split("."):
        if lines and len(lines[-1]) + 1 + len(part) <= width:
            lines[-1] += "." + part
        else:
            if lines:
                lines[-1] += "."
            lines.append(part)
    return "\n".join(lines)


def deltas_table(compared: RunsCompared, against: Against, currency: str) -> Table:
    """One later run minus the first, per strategy both have: P50/P80s, joint, mean ± 95%."""
    first, other = compared.first.label, against.run.label
    paired = against.pairing.paired
    how = "paired, replication by replication" if paired else "unpaired"
    table = Table(
        title=f"{other} minus {first} ({how})",
        caption=f"Cost in millions {currency}, delivery in calendar days, both (the chance of "
        "being on time and on budget) in percentage points. mean ±: the difference of the "
        f"means with half its 95% interval; delivery over the films delivered. "
        f"{against.pairing.reason[0].upper()}{against.pairing.reason[1:]}.",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        pad_edge=False,
        padding=(0, 0),  # the columns' separator is space enough on 80 columns
    )
    table.add_column("strategy", style="bold", overflow="fold")
    for header in ("cost\nP50", "cost\nP80", "deliv.\nP50", "deliv.\nP80", "both"):
        table.add_column(header, justify="right", no_wrap=True)
    kind = "paired" if paired else "unpaired"
    table.add_column(f"cost mean ±\n({kind})", justify="right", no_wrap=True)
    table.add_column(f"delivery\nmean ± ({kind})", justify="right", no_wrap=True)
    for name, delta in against.deltas.items():
        table.add_row(
            name,
            signed(delta.cost_p50_usd / 1e6, 1),
            signed(delta.cost_p80_usd / 1e6, 1),
            days_text(delta.delivery_p50_days),
            days_text(delta.delivery_p80_days),
            signed(delta.p_joint * 100, 0),
            plus_minus(delta.cost_usd, 1e6, 1),
            plus_minus(delta.delivery_days, 1.0, 0),
        )
    return table


def variance_table(
    compared: RunsCompared, against: Against, currency: str, *, skip_unchanged: bool = True
) -> Table:
    """The top sheet of each strategy: original (the first run), current, variance and %.

    With `skip_unchanged` (the terminal's), strategies whose every line is unchanged are named
    in the caption instead of shown.
    """
    statistic = compared.statistic
    first, other = compared.first.label, against.run.label
    changed = {
        name: lines
        for name, lines in against.sheets.items()
        if not skip_unchanged or any(line.variance_usd != 0 for line in lines)
    }
    same = [name for name in against.sheets if name not in changed]
    adds = (
        "the lines add up to the total, and so do their variances"
        if statistic == "mean"
        else f"each line's {statistic.upper()} is its own, so the lines do not add up to the "
        f"total (the total's {statistic.upper()} is that of the whole cost)"
    )
    caption = (
        f"Millions {currency} at the {_statistic_name(statistic)} of the replications; "
        f"original: {first}, current: {other}; variance: current - original, and its share "
        f"of the original. With the {_statistic_name(statistic)}, {adds}."
    )
    if same:
        caption += f" Unchanged on every line: {', '.join(same)}."
    table = Table(
        title=f"Top sheet, original and variance ({_statistic_name(statistic)})",
        caption=caption,
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
        pad_edge=False,
        min_width=MIN_WIDTH,
    )
    table.add_column("strategy\n  line", no_wrap=True)
    table.add_column(f"original\n{first}", justify="right", overflow="fold")
    table.add_column(f"current\n{other}", justify="right", overflow="fold")
    table.add_column("variance", justify="right", no_wrap=True)
    table.add_column("%", justify="right", no_wrap=True)
    for name, lines in changed.items():
        table.add_row(Text(name, style="bold"))
        for i, line in enumerate(lines):
            total = line.line == "total"
            table.add_row(
                f"  {line.line}",
                f"{line.original_usd / 1e6:,.1f}",
                f"{line.current_usd / 1e6:,.1f}",
                signed(line.variance_usd / 1e6, 1),
                "-" if line.share is None else signed(line.share * 100, 1),
                style="bold" if total else None,
                end_section=i + 1 == len(lines),
            )
    return table


def _statistic_name(statistic: str) -> str:
    return "mean" if statistic == "mean" else statistic.upper()


def signed(value: float, digits: int) -> str:
    """A difference with its sign, rounded: +5.0, -12, 0 (never -0)."""
    rounded = round(value, digits)
    if rounded == 0:
        return f"{0:.{digits}f}"
    return f"{rounded:+,.{digits}f}"


def days_text(days: float | None) -> str:
    """A difference of days, whole; unknown (a P80 never reached) as a dash."""
    return "-" if days is None or not math.isfinite(days) else signed(days, 0)


def plus_minus(delta: MeanDelta, unit: float, digits: int) -> str:
    """A mean difference and half its 95% interval: ``+4.9 ±0.3``; no interval: the mean alone."""
    if delta.mean is None:
        return "-"
    mean = signed(delta.mean / unit, digits)
    if delta.low is None or delta.high is None:
        return mean
    return f"{mean} ±{(delta.high - delta.low) / 2 / unit:,.{digits}f}"
