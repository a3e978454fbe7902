"""report.xlsx: the run's tables as a workbook a finance reader opens, typed and formatted.

One sheet per table a line producer or a financier works from - the decision and P-table,
the top sheet, the paired comparison, the drivers, the risk and assumption registers - and the
replications themselves when they fit (`MAX_REPLICATION_ROWS`). Money, shares and dates are
written as numbers and dates with number formats, never as text; text from the scenario is
written as text (XlsxWriter's ``strings_to_formulas`` off), so no cell of ours is a formula.
Written with XlsxWriter, in memory, like every other file of the folder before it is placed.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np

from sim.analysis.records import Difference, Percentiles, Summary
from sim.experiment.results import Results
from sim.model.ledger import TOP_SHEET
from sim.report.assumptions import Assumption, Risk
from sim.report.sheets import Sheet, new_book

#: Rows (replications times strategies) past which the sheet of replications is left out:
#: replications.csv holds them all, every column. A workbook cell costs XlsxWriter about
#: 8 us to write, so the sheet's ~14 columns of 12,000 rows take about a second.
MAX_REPLICATION_ROWS = 12_000

_PERCENTILES = ("mean", "p10", "p50", "p70", "p80", "p90")


def workbook(
    results: Results,
    summary: Summary,
    assumptions: Sequence[Assumption],
    risks: Sequence[Risk],
) -> bytes:
    """The whole workbook, as the bytes of an .xlsx file."""
    buffer = io.BytesIO()
    book, formats = new_book(buffer)
    book.set_properties(
        {"title": f"{summary.scenario}: spacesim run", "comments": f"seed {summary.seed}"}
    )
    sheets: list[tuple[str, Callable[[Sheet], None]]] = [
        ("Decision", lambda sheet: _decision(sheet, summary)),
        ("Targets", lambda sheet: _targets(sheet, summary)),
        ("P-table", lambda sheet: _p_table(sheet, summary)),
        ("Top sheet", lambda sheet: _top_sheet(sheet, summary)),
        ("Paired", lambda sheet: _paired(sheet, summary)),
        ("Fallback rules", lambda sheet: _fallbacks(sheet, summary)),
        ("Drivers", lambda sheet: _drivers(sheet, summary)),
        ("Risk register", lambda sheet: _risks(sheet, summary, risks)),
        ("Assumptions", lambda sheet: _assumptions(sheet, assumptions)),
    ]
    if results.size <= MAX_REPLICATION_ROWS:
        sheets.append(("Replications", lambda sheet: _replications(sheet, results)))
    for name, fill in sheets:
        fill(Sheet(book, formats, name))
    book.close()
    return buffer.getvalue()


def _decision(sheet: Sheet, summary: Summary) -> None:
    currency = summary.currency
    sheet.title(
        f"{summary.scenario}: {summary.replications:,} replications per strategy, seed"
        f" {summary.seed}; budget {summary.budget_usd:,.0f} {currency}, deadline"
        f" {summary.deadline_date}"
    )
    decision = summary.decision
    targeted = decision is not None and bool(decision.targets)
    if decision is not None and decision.recommended is not None:
        sheet.row -= 1  # the verdict under the title, then the blank line
        sheet.title(f"Recommended: {decision.recommended}. {decision.reason}")
    sheet.header(
        [
            "strategy",
            "meets every target",
            "distance to the targets",
            f"cost P50 ({currency})",
            f"cost P80 ({currency})",
            "delivery P50",
            "delivery P80",
            "P(on time)",
            "P(on budget)",
            "P(both)",
            "real share",
            f"contingency P80-P50 ({currency})",
            f"JCL 80% budget ({currency})",
            "shortfall policy",
        ]
    )
    top = sheet.row
    for name, strategy in summary.strategies.items():
        joint = {level.level: level.budget_usd for level in strategy.financing.joint}
        jcl80 = joint.get(0.8)
        sheet.line(
            [
                (name, None),
                (name in decision.meeting if targeted and decision else None, None),
                (decision.distance.get(name) if targeted and decision else None, "number"),
                (strategy.cost.p50, "money"),
                (strategy.cost.p80, "money"),
                (strategy.delivery_date.p50, "date"),
                (strategy.delivery_date.p80, "date"),
                (strategy.p_on_time, "share"),
                (strategy.p_on_budget, "share"),
                (strategy.p_joint, "share"),
                (strategy.real_share, "share"),
                (strategy.contingency_p80.usd, "money"),
                (jcl80, "money"),
                (strategy.shortfall_policy, None),
            ]
        )
    sheet.finish(top)


def _targets(sheet: Sheet, summary: Summary) -> None:
    decision = summary.decision
    sheet.title(
        "Each strategy against the film's targets (targets in the scenario): a real-share"
        " target is met when the share of replications reaching its level is at least the"
        " confidence wanted"
    )
    sheet.header(
        ["strategy", "target", "level", "wanted", "achieved", "met", "gap", "reached", "mean"]
    )
    top = sheet.row
    for name, checks in ({} if decision is None else decision.checks).items():
        for check in checks:
            sheet.line(
                [
                    (name, None),
                    (check.target, None),
                    (check.level, "share"),
                    (check.wanted, "share"),
                    (check.achieved, "share"),
                    (check.met, None),
                    (check.gap, "share1"),
                    (check.reached, "share"),
                    (check.mean, "share"),
                ]
            )
    if sheet.row == top:
        sheet.line([("The scenario sets no targets.", None)])
    sheet.finish(top)


def _fallbacks(sheet: Sheet, summary: Summary) -> None:
    sheet.title(
        "Fallback rules: how often each fired, and what it is worth - the strategy with the rule"
        " minus the same strategy without it, pair by pair on the same random numbers"
    )
    currency = summary.currency
    sheet.header(
        [
            "strategy",
            "rule",
            "source",
            "trigger",
            "moves to",
            "fired",
            "fired, P50 date",
            "minutes moved",
            f"cost difference ({currency})",
            "low",
            "high",
            "delivery difference (days)",
            "low",
            "high",
            "on-time difference",
        ]
    )
    top = sheet.row
    for name, rules in summary.fallbacks.items():
        for rule, value in rules.items():
            sheet.line(
                [
                    (name, None),
                    (rule, None),
                    (value.source, None),
                    (value.trigger, None),
                    (", ".join(value.move_to), None),
                    (value.fired.p, "share"),
                    (value.fired_date_p50, "date"),
                    (value.moved_minutes, "number"),
                    *_difference(value.cost_usd, "money"),
                    *_difference(value.delivery_days, "days"),
                    (value.on_time.mean, "share"),
                ]
            )
    if sheet.row == top:
        sheet.line([("No strategy has fallback rules.", None)])
    sheet.finish(top)


def _p_table(sheet: Sheet, summary: Summary) -> None:
    sheet.title(f"Percentiles over {summary.replications:,} replications per strategy")
    sheet.header(["strategy", "measure", *_PERCENTILES])
    top = sheet.row
    for name, strategy in summary.strategies.items():
        rows: list[tuple[str, Percentiles[Any], str]] = [
            (f"cost ({summary.currency})", strategy.cost, "money"),
            ("delivery date", strategy.delivery_date, "date"),
            ("delivery (days from start)", strategy.delivery_day, "days"),
        ]
        for measure, values, kind in rows:
            sheet.line(
                [(name, None), (measure, None)]
                + [(getattr(values, key), kind) for key in _PERCENTILES]
            )
    sheet.finish(top)


def _top_sheet(sheet: Sheet, summary: Summary) -> None:
    sheet.title(
        f"Top sheet per strategy, {summary.currency}: a line's P80 is that line's alone;"
        " P80s do not add up"
    )
    sheet.header(["strategy", "line", "mean", "P50", "P80", "P90"])
    top = sheet.row
    for name, strategy in summary.strategies.items():
        for line, values in strategy.top_sheet.items():
            sheet.line(
                [(name, None), (line, None)]
                + [(getattr(values, key), "money") for key in ("mean", "p50", "p80", "p90")]
            )
    sheet.finish(top)


def _paired(sheet: Sheet, summary: Summary) -> None:
    comparison = summary.comparison
    sheet.title(
        f"Each strategy against {comparison.baseline}, replication by replication (common"
        " random numbers): mean difference and its 95% interval"
    )
    sheet.header(
        [
            "strategy",
            f"cost difference ({summary.currency})",
            "low",
            "high",
            "delivery difference (days)",
            "low",
            "high",
            "real minutes difference",
            "low",
            "high",
            "P(cheaper)",
            "P(earlier)",
            "pairs",
        ]
    )
    top = sheet.row
    for name, paired in comparison.strategies.items():
        cells: list[tuple[Any, str | None]] = [(name, None)]
        for difference, kind in (
            (paired.cost_usd, "money"),
            (paired.delivery_days, "days"),
            (paired.real_minutes, "number"),
        ):
            cells += _difference(difference, kind)
        cells += [(paired.p_cheaper.p, "share"), (paired.p_earlier.p, "share")]
        cells.append((paired.cost_usd.pairs, None))
        sheet.line(cells)
    sheet.finish(top)


def _difference(difference: Difference, kind: str) -> list[tuple[Any, str | None]]:
    low, high = difference.ci95
    return [(difference.mean, kind), (low, kind), (high, kind)]


def _drivers(sheet: Sheet, summary: Summary) -> None:
    sheet.title(
        "What drives each strategy's cost and delivery: Spearman's rank correlation of each"
        " driver with the outcome, over the replications"
    )
    sheet.header(["strategy", "outcome", "driver", "rho"])
    top = sheet.row
    for name, strategy in summary.strategies.items():
        ranked = {"delivery": strategy.drivers.delivery, "cost": strategy.drivers.cost}
        for outcome, drivers in ranked.items():
            for driver in drivers:
                sheet.line(
                    [(name, None), (outcome, None), (driver.driver, None), (driver.rho, "rho")]
                )
    sheet.finish(top)


def _risks(sheet: Sheet, summary: Summary, risks: Sequence[Risk]) -> None:
    names = list(summary.strategies)
    measured = summary.risk_register
    sheet.title(
        "Risk register: each event's chance and impact as the scenario gives them, and what it"
        f" adds on average to each strategy's cost ({summary.currency}) when measured"
    )
    sheet.header(
        ["risk", "description", "owner", "hits", "probability", "impact", "source", "occurred"]
        + [f"mean cost added: {name}" for name in names]
    )
    top = sheet.row
    for risk in risks:
        entry = measured.get(risk.name)
        cells: list[tuple[Any, str | None]] = [
            (risk.name, None),
            (risk.description, None),
            (risk.owner, None),
            (risk.hits, None),
            (risk.probability, "share1"),
            (risk.impact, None),
            (risk.source or "no source given", None),
            (None if entry is None else entry.occurred, "share1"),
        ]
        for name in names:
            exposure = None if entry is None else entry.exposure.get(name)
            cells.append((None if exposure is None else exposure.cost_usd.mean, "money"))
        sheet.line(cells)
    sheet.finish(top)


def _assumptions(sheet: Sheet, assumptions: Sequence[Assumption]) -> None:
    sheet.title("Every input of the scenario, with its source")
    sheet.header(["key", "value", "source", "set by"])
    top = sheet.row
    for assumption in assumptions:
        sheet.line(
            [
                (assumption.path, None),
                (assumption.value, None),
                (assumption.source or "no source given", None),
                ("default" if assumption.default else "this scenario", None),
            ]
        )
    sheet.finish(top)


def _replications(sheet: Sheet, results: Results) -> None:
    """One row per replication: when it delivered, its cost by top-sheet line, its real share."""
    lines = {
        line: sum((results.columns[f"cost_{category}_usd"] for category in members), start=0.0)
        for line, members in TOP_SHEET.items()
    }
    columns: list[tuple[str, Any, str | None]] = [
        ("strategy", results.columns["strategy"], None),
        ("replication", results.columns["replication"], None),
        ("delivery date", results.columns["delivery_date"], "date"),
        ("delivery (days from start)", results.columns["delivery_day"], "days"),
        ("cost (total)", results.columns["cost_usd"], "money"),
        *((f"cost: {line}", values, "money") for line, values in lines.items()),
        ("real share", results.columns["real_share"], "share"),
        ("blocked by", results.columns["blocked_by"], None),
    ]
    sheet.header([name for name, _, _ in columns])
    for column, (_, values, kind) in enumerate(columns):
        if values.dtype.kind in "fiu":  # a column of numbers: written without `cell`'s tests
            style, write = sheet.formats.get(kind) if kind else None, sheet.sheet.write_number
            blank = ~np.isfinite(values)
            for offset, value in enumerate(values.tolist()):
                if blank[offset]:
                    sheet.sheet.write_blank(sheet.row + offset, column, None, style)
                else:
                    write(sheet.row + offset, column, value, style)
            continue
        cells = values.tolist()
        if kind == "date":
            cells = [dt.date.fromisoformat(text) if text else None for text in cells]
        for offset, value in enumerate(cells):
            sheet.cell(sheet.row + offset, column, value, kind)
    sheet.finish(1)
