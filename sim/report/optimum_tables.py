"""The terminal tables of `spacesim optimise`: the finalists with their intervals, their choices.

Rich renderables; the CLI prints them. The finalists come best first, each with its rerun
numbers and their 95% intervals under them; then the splits and the other choices of the first
few and of the scenario's own strategy (every finalist's in best.yaml).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich import box
from rich.table import Table

from sim.core.units import date_of
from sim.experiment.search_space import BOOKED_DATE, RESHOOT_PREFIX, VFX_TEAM
from sim.experiment.study import Finalist, Measure, Study
from sim.report.formats import date_text, money_text, share_text
from sim.report.tables import target_label

#: What each finalist's role reads as.
ROLES = {"best": "cheapest", "front": "front", "shipped": "yours"}


def finalists_table(study: Study) -> Table:
    """The finalists, best first, with the 95% intervals of their rerun numbers."""
    currency = study.scenario.production.currency
    table = Table(
        title=f"{study.scenario.production.title}: finalists on"
        f" {study.final_replications:,} fresh replications, seed {study.final_seed}",
        caption=f"Cost in millions {currency}; under each number its 95% interval. cheapest:"
        " the cheapest found meeting every target (or the nearest); front: a point of the"
        " Pareto front; yours: the scenario's own strategy ranked first the same way. both:"
        " P(on time and on budget). targets: met, or each missed with what it reached.",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
    )
    table.add_column("strategy", style="bold", no_wrap=True)
    for header in ("cost\nP80", "delivery\nP80", "real\nshare", "both"):
        table.add_column(header, justify="right", no_wrap=True)
    table.add_column("targets", overflow="fold", min_width=10)
    for finalist in study.finalists:
        final = finalist.final
        name = f"{finalist.label}\n{ROLES[finalist.role]}"
        if isinstance(final, str):
            table.add_row(name, "", "", "", "", final)
            continue
        metrics = final.metrics
        table.add_row(
            name,
            f"{money_text(final.objectives[0])}\n{interval_money(metrics, 'p80_cost')}",
            _delivery_text(study, metrics),
            f"{share_text(metrics.get('mean_real_share'))}\n{_shares(metrics, 'mean_real_share')}",
            f"{share_text(metrics.get('p_joint'))}\n{_shares(metrics, 'p_joint')}",
            _targets_text(final),
        )
    return table


def splits_table(study: Study) -> Table:
    """The splits of the first finalists and the scenario's own, a column per scene kind."""
    table = Table(
        title="Their splits: % of each scene kind's minutes (the others': best.yaml)",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
    )
    table.add_column("strategy", style="bold", no_wrap=True)
    kinds = list(study.space.sources_by_kind)
    for kind in kinds:
        table.add_column(kind.split("_")[0], overflow="fold")
    for finalist in _shown(study):
        split = finalist.candidate.strategy["split"]
        table.add_row(
            finalist.label,
            *(
                "\n".join(
                    f"{source} {fraction:.0%}".removesuffix("%")
                    for source, fraction in split.get(kind, {}).items()
                )
                for kind in kinds
            ),
        )
    return table


def choices_table(study: Study) -> Table:
    """The other choices of the first finalists and the scenario's own, a column each."""
    scenario = study.scenario
    table = Table(
        title="Their other choices",
        caption="booked: the orbital launch booked (- when the split flies no orbit); booked"
        " and VFX team are scenario-wide keys (see best.yaml). cut: mean minutes cut from the"
        " film (shortfall: cut drops what a source missed).",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
    )
    table.add_column("strategy", style="bold", no_wrap=True)
    table.add_column("who flies", overflow="fold")
    table.add_column("shortfall", overflow="fold")
    table.add_column("rules", overflow="fold")
    table.add_column("booked", no_wrap=True)
    table.add_column("VFX\nteam", justify="right", no_wrap=True)
    table.add_column("cut", justify="right", no_wrap=True)
    booked = scenario.sources.orbit.booked_launch_date
    for finalist in _shown(study):
        strategy, changes = finalist.candidate.strategy, finalist.candidate.changes
        crew = strategy.get("crew") or scenario.crew
        final = finalist.final
        cut = None if isinstance(final, str) else final.metrics.get("mean_cut_minutes")
        orbit = any("orbit" in fractions for fractions in strategy["split"].values())
        table.add_row(
            finalist.label,
            " ".join(
                role if data["count"] == 1 else f"{role}x{data['count']}"
                for role, data in _counts(crew).items()
            ),
            policy_text(strategy),
            "\n".join(strategy.get("fallbacks", {})) or "none",
            str(changes.get(BOOKED_DATE, booked or "first slot")) if orbit else "-",
            str(changes.get(VFX_TEAM, scenario.sources.cgi.artists)),
            "-" if not cut else f"{cut:.1f}",
        )
    return table


#: Finalists found whose splits and choices the terminal shows (the rest: best.yaml).
SHOWN = 3


def _shown(study: Study) -> list[Finalist]:
    """The first `SHOWN` finalists found, in their final order, and the scenario's own."""
    found = [f for f in study.finalists if f.role != "shipped"][:SHOWN]
    return [f for f in study.finalists if f in found or f.role == "shipped"]


def _counts(crew: Any) -> dict[str, dict[str, Any]]:
    """A crew as plain data, by role (from a strategy's data or the scenario's nodes)."""
    return {
        role: value if isinstance(value, dict) else value.model_dump()
        for role, value in crew.items()
    }


def _targets_text(measure: Measure) -> str:
    """'met', or each target missed with what it reached (as the run's decision table says)."""
    if not measure.constraints:
        return "none set"
    misses = [
        f"{target_label(name)} {share_text(measure.metrics.get(f'target.{name}'))}"
        for name, value in measure.constraints.items()
        if value > 0
    ]
    return "met" if not misses else "\n".join(misses)


def _delivery_text(study: Study, metrics: dict[str, float | None]) -> str:
    day = date_value(study, metrics.get("p80_delivery_day"))
    low = date_value(study, metrics.get("p80_delivery_low_day"))
    high = date_value(study, metrics.get("p80_delivery_high_day"))
    return f"{date_text(day)}\n{months_text(low, high)}"


def months_text(low: dt.date | None, high: dt.date | None) -> str:
    """An interval of dates by month: Jul 2028, Jun-Jul 2028, Dec 28-Jan 29."""
    if low is None or high is None:
        return "-".join("never" if date is None else f"{date:%b %Y}" for date in (low, high))
    if (low.year, low.month) == (high.year, high.month):
        return f"{low:%b %Y}"
    if low.year == high.year:
        return f"{low:%b}-{high:%b %Y}"
    return f"{low:%b %y}-{high:%b %y}"  # Dec 28-Jan 29: a year apart, short to fit


def interval_money(metrics: dict[str, float | None], name: str) -> str:
    """The 95% interval of a money metric (`<name>_low_usd`, `_high_usd`) in millions."""
    low, high = metrics.get(f"{name}_low_usd"), metrics.get(f"{name}_high_usd")
    if low is None or high is None:
        return "-"
    return f"{money_text(low)}-{money_text(high)}"


def _shares(metrics: dict[str, float | None], name: str) -> str:
    """A share's interval, 92-95%; one share when both ends round alike."""
    low, high = share_text(metrics.get(f"{name}_low")), share_text(metrics.get(f"{name}_high"))
    return high if low == high else f"{low.removesuffix('%')}-{high}"


def date_value(study: Study, day: float | None) -> dt.date | None:
    """The date of a simulation day of the study's scenario; None for none."""
    return None if day is None else date_of(study.scenario.production.start_date, day)


def policy_text(strategy: dict[str, Any]) -> str:
    """A strategy's shortfall policy as the search names it: cgi, cut, reshoot:<source>."""
    if strategy.get("shortfall") == "reshoot":
        return f"{RESHOOT_PREFIX}{strategy.get('reshoot_on')}"
    return str(strategy.get("shortfall", "cgi"))
