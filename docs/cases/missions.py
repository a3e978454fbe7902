"""Crewed missions' slips and stays against the private-mission record."""

from __future__ import annotations

import numpy as np

from cases.common import SEED, Case, Verdict, starter, table
from sim.model.sampling import sample

#: Days from the last announced date to liftoff, and days added to (or cut from) the stay.
AXIOM = {
    "Ax-1": {"slip": 9, "stay": 7},
    "Ax-2": {"slip": None, "stay": -2},
    "Ax-3": {"slip": 9, "stay": 4},
    "Ax-4": {"slip": 27, "stay": 4},
}


def axiom() -> Verdict:
    """Where the Axiom missions' slips and stay changes fall in the model's distributions."""
    orbit = starter().sources.orbit
    rng = np.random.default_rng(SEED)
    slips = sample(orbit.slip_days, rng, 100_000)
    extensions = sample(orbit.extension_days, rng, 100_000)
    margins = sample(orbit.stay_margin_days, rng, 100_000)
    rows = []
    for mission, real in AXIOM.items():
        slip = real["slip"]
        stay = real["stay"]
        slip_text = "-" if slip is None else f"{slip} d: P{np.mean(slips <= slip) * 100:.0f}"
        if stay >= extensions.max():
            stay_text = f"+{stay} d: the model's largest extension ({extensions.max():.0f} d)"
        elif stay >= 0:
            stay_text = f"+{stay} d: P{np.mean(extensions <= stay) * 100:.0f} of the extension"
        else:
            stay_text = f"{stay} d: cut; the model cuts up to {margins.max():.0f} d"
        rows.append([mission, slip_text, stay_text])
    rows.append(
        [
            "model",
            f"median {np.median(slips):.1f} d, P90 {np.percentile(slips, 90):.0f} d",
            f"extension mean {extensions.mean():.1f} d",
        ]
    )
    observed = [real["slip"] for real in AXIOM.values() if real["slip"] is not None]
    percentiles = [float(np.mean(slips <= slip)) for slip in observed]
    return Verdict(
        table(["mission", "pre-launch slip (percentile in the model)", "stay change"], rows),
        met=all(0.05 <= p <= 0.95 for p in percentiles),
        finding="the slips fall at "
        + ", ".join(f"P{p * 100:.0f}" for p in percentiles)
        + " of the model's",
    )


CASES = [
    Case(
        name="axiom",
        title="Axiom's private missions: slips and stays",
        kind="calibration",
        fitted="the orbit's pre-launch slip and return-weather extension",
        tolerance="each mission's slip between the model's P5 and P95",
        measure=axiom,
    ),
]
