"""Orbital geometry against published tables."""

from __future__ import annotations

from cases.common import Case, Verdict, table
from sim.orbits import eclipse_fraction, orbital_period_minutes

#: Minutes of shadow per orbit at 400 km by beta, Sumanth's (2019) formula (shared reference).
PUBLISHED = {0: 36.0, 20: 35.4, 40: 32.7, 50: 29.9, 60: 24.3, 65: 18.9, 70: 4.2, 71: 0.0}

#: The largest gap allowed, minutes: Earth's equatorial against mean radius.
GAP_MINUTES = 0.2


def eclipse() -> Verdict:
    """Minutes of night per orbit at 400 km against the table computed from Sumanth (2019)."""
    period = orbital_period_minutes(400.0)
    rows = []
    worst = 0.0
    for beta, minutes in PUBLISHED.items():
        model = float(eclipse_fraction(beta, 400.0)) * period
        worst = max(worst, abs(model - minutes))
        rows.append([f"{beta}°", f"{minutes:.1f}", f"{model:.2f}", f"{model - minutes:+.2f}"])
    return Verdict(
        table(["beta", "published (min)", "model (min)", "gap"], rows),
        met=worst <= GAP_MINUTES,
        finding=f"the largest gap is {worst:.2f} minutes",
    )


CASES = [
    Case(
        name="eclipse",
        title="Night per orbit from the beta angle",
        kind="analytic",
        fitted="the eclipse geometry behind the light-limited minutes",
        tolerance=f"every row within {GAP_MINUTES:g} minutes of the published table",
        measure=eclipse,
    ),
]
