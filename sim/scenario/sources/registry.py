"""The registry of sources: `Sources` declares them, and every list of them is derived here.

A source is registered by giving `Sources` a field of its node class; the field order is the
order tables and figures show sources in. The names, which of them are real footage, which
can reshoot or be cancelled, and what each cannot deliver all come from the nodes' `spec`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from sim.scenario.quantities import Node, SceneKind
from sim.scenario.sources.cgi import Cgi
from sim.scenario.sources.ground import Ground
from sim.scenario.sources.led_volume import LedVolume
from sim.scenario.sources.orbit import Orbit
from sim.scenario.sources.parabolic import Parabolic
from sim.scenario.sources.spec import SourceNode, SourceSpec
from sim.scenario.sources.stock import Stock
from sim.scenario.sources.suborbital import Suborbital


class Sources(Node):
    """All the sources; a strategy uses the ones it gives minutes to."""

    orbit: Orbit
    suborbital: Suborbital
    parabolic: Parabolic
    ground: Ground
    led_volume: LedVolume
    stock: Stock
    cgi: Cgi

    def of(self, source: str) -> SourceNode:
        """The parameters of the source named `source`."""
        node: SourceNode = getattr(self, source)
        return node


def _specs() -> dict[str, SourceSpec]:
    found = {}
    for name, field in Sources.model_fields.items():
        node = field.annotation
        if not (isinstance(node, type) and issubclass(node, SourceNode)):
            raise TypeError(f"Sources.{name} must be a SourceNode with a spec")
        found[name] = node.spec
    return found


#: Every source's spec, by name, in display order.
REGISTRY: dict[str, SourceSpec] = _specs()
SOURCES: tuple[str, ...] = tuple(REGISTRY)
#: Sources whose pictures were really shot weightless or in space.
REAL_SOURCES: tuple[str, ...] = tuple(name for name, spec in REGISTRY.items() if spec.real)
#: Sources a shortfall can be reshot on: a later flight or stage booking that films the
#: missing scenes again.
RESHOOT_SOURCES: tuple[str, ...] = tuple(n for n, spec in REGISTRY.items() if spec.reshoot)
#: Sources a risk event can cancel.
CANCELLABLE: tuple[str, ...] = tuple(n for n, spec in REGISTRY.items() if spec.cancellable)
#: What a risk event can hit: the production as a whole, one source's track, or post.
RISK_TARGETS: tuple[str, ...] = ("production", *SOURCES, "post")

if TYPE_CHECKING:
    SourceName = str
    ReshootSource = str
    RiskTarget = str
else:  # the names as the schema's choices, so a misspelt source is refused with the list
    SourceName = Literal[SOURCES]
    ReshootSource = Literal[RESHOOT_SOURCES]
    RiskTarget = Literal[RISK_TARGETS]


def can_deliver(source: str, kind: SceneKind) -> bool:
    """Whether `source` can deliver screen minutes of `kind` at all."""
    return kind not in REGISTRY[source].refuses
