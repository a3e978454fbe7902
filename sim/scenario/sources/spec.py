"""What every source declares once: its facts as a `SourceSpec`, and the nodes sources share.

A source's module (`sim.scenario.sources.<name>`) holds its schema node, with a `spec`
class attribute: whether its pictures are real, which scene kinds it cannot deliver and why,
whether it can reshoot a shortfall or be cancelled by a risk event, whether it flies the
crew, how tables and figures show it, and its cited defaults. Every list of sources elsewhere
is derived from the registry these make (`sim.scenario.sources`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from pydantic import Field

from sim.scenario.quantities import Node, Positive, Probability, SceneKind, ShotClass

#: Why no space source can deliver ordinary drama.
NOT_IN_SPACE = "ground drama is shot on the ground"


@dataclass(frozen=True)
class SourceSpec:
    """The facts of one source that the schema, the model and the report read."""

    #: How tables and figures name it.
    label: str
    #: Its colour in every figure (Okabe-Ito, colour-blind safe).
    colour: str
    #: Its pictures were really shot weightless or in space (the real-footage share).
    real: bool
    #: The scene kinds it cannot deliver, each with the reason.
    refuses: Mapping[SceneKind, str]
    #: It can film again the scenes another source missed (``shortfall: reshoot``).
    reshoot: bool
    #: A risk event can cancel it (``effect: cancel``).
    cancellable: bool
    #: Its campaign flies the crew: a strategy using it must list one.
    flies_crew: bool
    #: Its keys' defaults (`sim.scenario.cited.Default`), by key.
    defaults: Mapping[str, Any]


class SourceNode(Node):
    """The parameters of one source; its class carries the source's `SourceSpec`."""

    spec: ClassVar[SourceSpec]


class VfxWork(Node):
    """The VFX shots a source's footage needs: their class and the share of minutes affected."""

    shot_class: ShotClass
    share: dict[SceneKind, Probability] = Field(
        description="per scene kind, the fraction of this source's screen minutes needing VFX shots"
        " (kinds left out need none)"
    )


class KindRates(Node):
    """Screen minutes a stage day yields, per scene kind."""

    weightless_interior: Positive
    earth_view: Positive
    exterior_eva: Positive
    launch_landing: Positive
    ground_drama: Positive
