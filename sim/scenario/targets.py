"""The film's targets: the least real footage and the confidence it is sold on.

A producer sells a film on what it will be (most of its space scenes shot for real) and
financiers lend on how likely it is to come in by the date and within the budget. Targets
state both, so the decision (`sim.analysis.decision`) can name the strategies that meet them.
Every key is optional and a scenario without a `targets` section sets none: the decision then
falls back to the cheapest P80 cost, as before targets existed.

Real share is measured as the results measure it (`sim.model.outcome`): the minutes of the
space scenes (every scene kind but ground drama) obtained from a real source, over the space
scenes' minutes in the script; per scene kind, that kind's real minutes over its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated

from pydantic import Field

from sim.core.errors import Problem
from sim.scenario.quantities import SPACE_KINDS, Node, Number, SceneKind

#: How the confidence targets read in words, by key.
CONFIDENCE_TARGETS: dict[str, str] = {
    "joint_confidence": "P(on time and on budget)",
    "on_time_confidence": "P(on time)",
    "on_budget_confidence": "P(on budget)",
}


#: A share wanted: above 0 (a target of nothing is none), up to 1.
Share = Annotated[Number, Field(gt=0, le=1)]


class Targets(Node):
    """What the film must reach: real footage overall and per scene kind, and confidences."""

    real_share: Share | None = Field(
        default=None,
        description="the least share of the space scenes' screen minutes obtained real (orbit,"
        " suborbital, parabolic, stock), above 0, up to 1; none: no target",
    )
    real_share_by_kind: dict[SceneKind, Share] = Field(
        default={},
        description="per space scene kind, the least share of its minutes obtained real, e.g."
        " weightless_interior: 0.8 (above 0, up to 1); none listed: no target",
    )
    real_share_confidence: Share = Field(
        default=0.5,
        description="the share of replications whose real share must reach the real-share"
        " targets. Assumption: 0.5, the median film reaches them: a film is sold on its plan,"
        " and the chance of missing it is what the confidence targets are for; raise it (0.8)"
        " to ask that most films reach them",
    )
    joint_confidence: Share | None = Field(
        default=None,
        description="the least P(on time and on budget), above 0, up to 1 (NASA baselines"
        " its programs at 0.7, NPD 1000.5); none: no target",
    )
    on_time_confidence: Share | None = Field(
        default=None, description="the least P(on time), above 0, up to 1; none: no target"
    )
    on_budget_confidence: Share | None = Field(
        default=None, description="the least P(on budget), above 0, up to 1; none: no target"
    )

    @property
    def real_share_targets(self) -> bool:
        """Whether any real-share target is set (overall or per kind)."""
        return self.real_share is not None or bool(self.real_share_by_kind)

    @property
    def any(self) -> bool:
        """Whether any target is set at all."""
        return self.real_share_targets or any(
            getattr(self, key) is not None for key in CONFIDENCE_TARGETS
        )


def problems(targets: Targets | None, minutes: Mapping[SceneKind, float]) -> list[Problem]:
    """The targets' problems that need the script (`minutes`: its screen minutes per kind)."""
    if targets is None:
        return []
    found: list[Problem] = []
    for kind in targets.real_share_by_kind:
        path = f"targets.real_share_by_kind.{kind}"
        if kind not in SPACE_KINDS:
            found.append(
                Problem(
                    path,
                    f"{kind} is not a space scene, and real share counts space scenes only;"
                    " remove it or target one of: " + ", ".join(SPACE_KINDS),
                )
            )
        elif minutes.get(kind, 0.0) <= 0:
            found.append(
                Problem(
                    path,
                    f"the script has no {kind} minutes, so it has no real share to reach;"
                    f" remove this target or give script.{kind} some minutes",
                )
            )
    if targets.real_share is not None and sum(minutes.get(k, 0.0) for k in SPACE_KINDS) <= 0:
        found.append(
            Problem(
                "targets.real_share",
                "the script has no space scenes, so it has no real share to reach; remove this"
                " target or give a space scene kind some minutes",
            )
        )
    if "real_share_confidence" in targets.model_fields_set and not targets.real_share_targets:
        found.append(
            Problem(
                "targets.real_share_confidence",
                "it applies only to the real-share targets, and none is set; set real_share or"
                " real_share_by_kind, or remove real_share_confidence",
            )
        )
    return found
