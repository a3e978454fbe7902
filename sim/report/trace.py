"""One replication laid out for reading (`spacesim trace`): events, costs, and the days aboard."""

from __future__ import annotations

import dataclasses
import math
from typing import Any

from rich import box
from rich.table import Table

from sim.core.units import date_of
from sim.model.outcome import Outcome
from sim.scenario.schema import Scenario

_SHORT = {
    "weightless_interior": "interior",
    "earth_view": "earth",
    "exterior_eva": "eva",
    "launch_landing": "launch",
}


def _date(scenario: Scenario, day: float) -> str:
    date = date_of(scenario.production.start_date, day)
    return "never" if date is None else date.isoformat()


def trace_record(scenario: Scenario, outcome: Outcome) -> dict[str, Any]:
    """Everything the tables show, for ``--json``."""
    return {
        "strategy": outcome.strategy,
        "replication": outcome.replication,
        "delivered": outcome.delivered,
        "delivery_date": _date(scenario, outcome.delivery_day),
        "cost_usd": outcome.cost_usd,
        "cost_by_category": outcome.cost_by_category,
        "events": [
            {"day": m.day, "date": _date(scenario, m.day), "event": m.name}
            for m in sorted(outcome.timeline.milestones, key=lambda m: m.day)
        ],
        "days_aboard": [
            {**dataclasses.asdict(day), "date": day.date.isoformat()} for day in outcome.orbit_log
        ],
        "drivers": {k: v for k, v in outcome.driver_columns().items() if not math.isnan(v)},
        "fallbacks": [
            {
                "rule": rule,
                "source": source,
                "day": day,
                "date": _date(scenario, day),
                "moved_minutes": minutes,
            }
            for rule, source, day, minutes in _fired(scenario, outcome)
        ],
    }


def _fired(scenario: Scenario, outcome: Outcome) -> list[tuple[str, str, float, float]]:
    """The strategy's fallback rules that fired: rule, source, day, minutes moved."""
    rules = scenario.strategies[outcome.strategy].fallbacks
    return [
        (name, rule.source, day, outcome.moved_minutes.get(rule.source, 0.0))
        for name, rule in rules.items()
        if not math.isnan(day := outcome.fallback_days.get(rule.source, math.nan))
    ]


def trace_tables(scenario: Scenario, outcome: Outcome) -> list[Table]:
    """The replication's events in order, its costs, and (if it flew to orbit) each day aboard."""
    events = Table(
        title=f"{outcome.strategy}, replication {outcome.replication}: delivered"
        f" {_date(scenario, outcome.delivery_day)}, cost {outcome.cost_usd / 1e6:,.1f} M",
        box=box.SIMPLE_HEAD,
    )
    events.add_column("date")
    events.add_column("day", justify="right")
    events.add_column("event")
    for m in sorted(outcome.timeline.milestones, key=lambda m: m.day):
        events.add_row(_date(scenario, m.day), f"{m.day:.1f}", m.name)
    costs = Table(title="Cost by category (millions)", box=box.SIMPLE_HEAD)
    costs.add_column("category")
    costs.add_column("cost", justify="right")
    for category, amount in outcome.cost_by_category.items():
        if amount:
            costs.add_row(category, f"{amount / 1e6:,.2f}")
    tables = [events, costs]
    fired = _fired(scenario, outcome)
    if fired:
        rules = Table(title="Fallback rules that fired", box=box.SIMPLE_HEAD)
        for header in ("rule", "segment", "date", "minutes moved", "to"):
            right = header == "minutes moved"
            rules.add_column(header, justify="right" if right else "left", no_wrap=header == "rule")
        for name, source, fired_day, minutes in fired:
            to = ", ".join(scenario.strategies[outcome.strategy].fallbacks[name].move_to)
            rules.add_row(name, source, _date(scenario, fired_day), f"{minutes:.1f}", to)
        tables.append(rules)
    if outcome.orbit_log:
        kinds = list(outcome.orbit_log[0].minutes)
        aboard = Table(
            title="Days aboard: screen minutes shot per scene kind",
            caption="night: share of each orbit in Earth's shadow at that day's beta angle;"
            " dark: Earth-view and exterior minutes that night took away",
            box=box.SIMPLE_HEAD,
            collapse_padding=True,
        )
        labels = [_SHORT.get(kind, kind) for kind in kinds]
        for header in ("day", "date", "hours", "sick", "fail", "beta", "night", "dark", *labels):
            aboard.add_column(header, justify="right", no_wrap=True)
        for day in outcome.orbit_log:
            aboard.add_row(
                str(day.day),
                day.date.isoformat(),
                f"{day.hours_filmed:.1f}",
                str(day.sick_flyers),
                str(day.camera_failures),
                f"{day.beta_deg:+.0f}°",
                f"{day.night_fraction:.0%}",
                f"{day.light_limited_minutes:.2f}",
                *(f"{day.minutes[kind]:.2f}" for kind in kinds),
            )
        tables.append(aboard)
    return tables
