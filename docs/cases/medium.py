"""Filming aboard: what a stay yields on screen, against the films shot in orbit."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from cases.common import Case, Verdict, table
from sim import load_scenario, run_experiment

ROOT = Path(__file__).parents[2]

#: Screen minutes from space in The Challenge: the director's 25-30 after landing to ~50 released.
CHALLENGE_MINUTES = (25.0, 50.0)

#: The share of replications that must land inside that range.
CHALLENGE_INSIDE = 0.8


def the_challenge() -> Verdict:
    """Screen minutes shot aboard in the reconstruction, against the real 25-50 minutes."""
    scenario = load_scenario(ROOT / "scenarios" / "the_challenge.yaml")
    results = run_experiment(scenario, replications=1_000)
    minutes = results.column("orbit_yield_minutes").astype(float)
    hours = results.column("orbit_hours_filmed").astype(float)
    low, high = CHALLENGE_MINUTES
    inside = float(np.mean((minutes >= low) & (minutes <= high)))
    rows = [
        [
            "screen minutes shot aboard",
            "25-50 (director after landing: 25-30; released: ~50)",
            f"mean {minutes.mean():.1f}; P10 {np.percentile(minutes, 10):.1f}, "
            f"P50 {np.percentile(minutes, 50):.1f}, P90 {np.percentile(minutes, 90):.1f}",
        ],
        ["replications inside 25-50 minutes", "-", f"{inside:.0%}"],
        ["largest replication", "~50 released", f"{minutes.max():.1f}"],
        ["hours filmed aboard", "-", f"mean {hours.mean():.0f}"],
        ["flyers space-sick (of 2)", "-", f"mean {results.column('orbit_sick_flyers').mean():.1f}"],
        [
            "Earth-view minutes lost to orbital night",
            "-",
            f"mean {results.column('orbit_light_limited_minutes').mean():.1f}",
        ],
    ]
    return Verdict(
        table(["", "real", f"model ({results.replications:,} replications)"], rows),
        met=inside >= CHALLENGE_INSIDE,
        finding=f"{inside:.0%} of replications land inside 25-50 minutes",
    )


CASES = [
    Case(
        name="the-challenge",
        title="The Challenge (2021): the orbital yield",
        kind="calibration",
        fitted="the rolling fraction, shooting ratio and filming hours aboard",
        tolerance=f"at least {CHALLENGE_INSIDE:.0%} of replications inside 25-50 screen minutes",
        measure=the_challenge,
    ),
]
