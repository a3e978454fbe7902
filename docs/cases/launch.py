"""The orbital launch campaign against analytic results and the range's record."""

from __future__ import annotations

import math

import numpy as np
import simpy

from cases.common import SEED, Case, Verdict, starter, table
from sim.core.rng import Streams
from sim.model.context import Replication
from sim.model.launch import launch_campaign

#: Standard errors a mean may lie from the law and still agree with it.
AGREE_SE = 4.0


def launch_attempts() -> Verdict:
    """Mean launch attempts against the geometric law 1/(1-p), pad weather the only cause."""
    rows = []
    n = 4_000
    worst = 0.0
    for p in (0.1, 0.3, 0.5, 0.7):
        scenario = starter(
            weather_scrub_probability=p,
            technical_scrub_probability=0,
            recovery_zone_hold_probability=0,
            slip_days=0,
            slot_days=365,
        )
        attempts = np.empty(n)
        for index in range(n):
            rep = Replication(simpy.Environment(), scenario, "orbit", Streams(SEED, index))
            rep.env.process(launch_campaign(rep, scenario.sources.orbit, 0.0, 0.0))
            rep.env.run()
            attempts[index] = rep.drivers.launch_attempts
        se = attempts.std(ddof=1) / math.sqrt(n)
        worst = max(worst, abs(attempts.mean() - 1 / (1 - p)) / se)
        rows.append(
            [f"{p:.1f}", f"{1 / (1 - p):.3f}", f"{attempts.mean():.3f} ± {1.96 * se:.3f}", f"{n:,}"]
        )
    return Verdict(
        table(["scrub probability p", "1/(1-p)", "model, mean ± 95%", "launches"], rows),
        met=worst <= AGREE_SE,
        finding=f"the largest gap is {worst:.1f} standard errors",
    )


CASES = [
    Case(
        name="launch-attempts",
        title="Launch attempts under a scrub probability",
        kind="analytic",
        fitted="the campaign neither loses nor invents attempts",
        tolerance=f"every mean within {AGREE_SE:g} standard errors of 1/(1-p)",
        measure=launch_attempts,
    ),
]
