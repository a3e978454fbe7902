"""The VFX pipeline against analytic results and real films."""

from __future__ import annotations

import math

from cases.common import Case, Verdict, table
from sim.model.vfx import VendorTeam


def vfx_makespan() -> Verdict:
    """Equal shots on c artists: ceil(N/c)·d exactly."""
    rows = []
    exact_everywhere = True
    for shots, artists, effort in ((100, 40, 0.5), (250, 40, 4.0), (37, 8, 2.5)):
        team = VendorTeam(artists, available_day=0.0)
        finish = max(team.schedule(0.0, [effort] * shots))
        exact = math.ceil(shots / artists) * effort
        exact_everywhere &= math.isclose(finish, exact)
        rows.append([f"{shots} x {effort:g} d on {artists}", f"{exact:g}", f"{finish:g}"])
    return Verdict(
        table(["shots", "ceil(N/c)·d (days)", "model (days)"], rows),
        met=exact_everywhere,
        finding="every makespan is exact" if exact_everywhere else "a makespan is off",
    )


CASES = [
    Case(
        name="vfx-makespan",
        title="The VFX vendor's makespan",
        kind="analytic",
        fitted="the list schedule of the vendor's team",
        tolerance="exact",
        measure=vfx_makespan,
    ),
]
