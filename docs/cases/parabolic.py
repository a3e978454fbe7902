"""Parabolic-flight campaigns against the films shot in zero-g aircraft."""

from __future__ import annotations

import numpy as np

from cases.common import SEED, Case, Verdict, starter, table
from sim.model.sampling import sample

#: Apollo 13's weightless time: "almost four hours" (TIME) to 612 x ~25 s = 4.25 h.
WEIGHTLESS_HOURS = (3.75, 4.25)


def apollo_13() -> Verdict:
    """Apollo 13's 40 zero-g flights, as the model's default aircraft would fly them."""
    aircraft = starter().sources.parabolic
    rng = np.random.default_rng(SEED)
    flights, campaigns = 40, 2_000
    parabolas = flights * aircraft.parabolas_per_flight
    seconds = sample(aircraft.weightless_seconds_per_parabola, rng, campaigns * parabolas)
    hours = seconds.reshape(campaigns, parabolas).sum(axis=1) / 3600
    usable = hours * sample(aircraft.usable_fraction, rng, campaigns)
    rows = [
        ["flights", '"40 weightless flights" (Space Adventures)', str(flights)],
        ["parabolas", "612", f"{parabolas} ({aircraft.parabolas_per_flight} a flight)"],
        [
            "weightless time",
            '612 x ~25 s = 4.25 h; "almost four hours" (TIME)',
            f"mean {hours.mean():.2f} h (P10-P90 {np.percentile(hours, 10):.2f}-"
            f"{np.percentile(hours, 90):.2f})",
        ],
        ["of it usable for takes", "-", f"mean {usable.mean():.2f} h"],
    ]
    low, high = WEIGHTLESS_HOURS
    return Verdict(
        table(["", "Apollo 13 (1995), NASA KC-135", f"model ({campaigns:,} campaigns)"], rows),
        met=bool(low <= hours.mean() <= high),
        finding=f"a mean of {hours.mean():.2f} h of weightlessness in 40 flights",
    )


CASES = [
    Case(
        name="apollo-13",
        title="Apollo 13 (1995): a zero-g aircraft campaign",
        kind="calibration",
        fitted="the usable share of a parabola (parabolas a flight and their length are the"
        " operators' figures)",
        tolerance="the mean weightless time of 40 flights within 3.75-4.25 h",
        measure=apollo_13,
    ),
]
