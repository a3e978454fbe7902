"""Footage bookkeeping shared by the flight tracks: spreading minutes over scene kinds."""

from __future__ import annotations

from sim.scenario.quantities import SceneKind


def allocate(total_minutes: float, plan: dict[SceneKind, float]) -> dict[SceneKind, float]:
    """Screen minutes obtained per scene kind, when a shoot yields `total_minutes` in all.

    The shoot covers every planned kind at the same pace (a shooting plan interleaves them), so
    each kind gets its share of the yield, and no kind gets more than was planned: surplus
    footage is choice in the edit, not extra screen time.
    """
    planned = sum(plan.values())
    if planned <= 0:
        return dict.fromkeys(plan, 0.0)
    fraction = min(1.0, max(0.0, total_minutes) / planned)
    return {kind: minutes * fraction for kind, minutes in plan.items()}
