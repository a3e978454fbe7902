"""The sources of screen minutes, one module each, and the registry derived from them."""

from sim.scenario.sources.registry import (
    CANCELLABLE,
    REAL_SOURCES,
    REGISTRY,
    RESHOOT_SOURCES,
    RISK_TARGETS,
    SOURCES,
    ReshootSource,
    RiskTarget,
    SourceName,
    Sources,
    can_deliver,
)
from sim.scenario.sources.spec import KindRates, SourceNode, SourceSpec, VfxWork

__all__ = [
    "CANCELLABLE",
    "REAL_SOURCES",
    "REGISTRY",
    "RESHOOT_SOURCES",
    "RISK_TARGETS",
    "SOURCES",
    "KindRates",
    "ReshootSource",
    "RiskTarget",
    "SourceName",
    "SourceNode",
    "SourceSpec",
    "Sources",
    "VfxWork",
    "can_deliver",
]
