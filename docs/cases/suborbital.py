"""Suborbital campaigns against the operators' flight records."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import simpy

from cases.common import SEED, Case, Verdict, starter, table
from sim.core.rng import Streams
from sim.model.context import Replication
from sim.model.suborbital import fly_suborbital

#: Crewed New Shepard flights per calendar year, NS-16 (20 Jul 2021) to NS-37 (20 Dec 2025).
NEW_SHEPARD = {2021: 3, 2022: 3, 2023: 0, 2024: 3, 2025: 7}


def new_shepard_cadence() -> Verdict:
    """Flights per year of the model's suborbital fleet, flown from NS-16's date to 2025's end."""
    first, last = dt.date(2021, 7, 20), dt.date(2025, 12, 31)
    scenario = starter()
    vehicle = scenario.sources.suborbital.model_copy(
        update={"available_from": first, "max_flights": 1_000}
    )
    production = scenario.production.model_copy(update={"start_date": first})
    scenario = scenario.model_copy(update={"production": production})
    n = 2_000
    counts = np.zeros((n, len(NEW_SHEPARD)))
    longest_gap = np.zeros(n)
    for index in range(n):
        rep = Replication(simpy.Environment(), scenario, "orbit", Streams(SEED, index))
        rep.env.process(fly_suborbital(rep, vehicle, {"weightless_interior": 1e9}, 0.0))
        rep.env.run(until=(last - first).days + 1)
        days = [m.day for m in rep.timeline.milestones if m.name == "suborbital flight"]
        for day in days:
            year = (first + dt.timedelta(days=day)).year
            counts[index, year - 2021] += 1
        longest_gap[index] = float(np.max(np.diff(days))) if len(days) > 1 else math.inf
    rows = [
        [
            str(year),
            str(real),
            f"{counts[:, i].mean():.1f}",
            f"{np.percentile(counts[:, i], 10):.0f}-{np.percentile(counts[:, i], 90):.0f}",
        ]
        for i, (year, real) in enumerate(NEW_SHEPARD.items())
    ]
    total = counts.sum(axis=1)
    rows.append(
        [
            "2021-2025",
            str(sum(NEW_SHEPARD.values())),
            f"{total.mean():.1f}",
            f"{np.percentile(total, 10):.0f}-{np.percentile(total, 90):.0f}",
        ]
    )
    rows.append(
        [
            "a gap of a year or more",
            "yes (654 days)",
            f"{np.mean(longest_gap >= 365):.0%} of runs",
            "-",
        ]
    )
    real = sum(NEW_SHEPARD.values())
    low, high = np.percentile(total, 10), np.percentile(total, 90)
    return Verdict(
        table(["year", "real crewed flights", "model, mean", "model, P10-P90"], rows),
        met=bool(low <= real <= high),
        finding=f"{real} flights in 2021-2025 against the model's P10-P90 of {low:.0f}-{high:.0f}",
    )


CASES = [
    Case(
        name="new-shepard",
        title="New Shepard's cadence, 2021-2025",
        kind="calibration",
        fitted="the flight interval, slips and grounding of the suborbital defaults",
        tolerance="the 16 crewed flights of 2021-2025 inside the model's P10-P90",
        measure=new_shepard_cadence,
    ),
]
