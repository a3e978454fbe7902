"""A vehicle profile: a label, a citation, and the source defaults it changes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sim.scenario.cited import Default


@dataclass(frozen=True)
class VehicleProfile:
    """One vehicle: how it is named, where its figures come from, and the defaults it changes."""

    #: How the vehicle is named in words (and in each of its values' citations).
    label: str
    #: The public record the profile is drawn from, in short.
    citation: str
    #: The source's defaults this vehicle changes, by key, each with its own citation.
    overrides: Mapping[str, Default] = field(default_factory=dict)

    def defaults(self) -> dict[str, Default]:
        """The overrides, each citation prefixed with the vehicle's label."""
        return {
            key: Default(default.value, f"{self.label}: {default.source}")
            for key, default in self.overrides.items()
        }


def known(profiles: Mapping[str, VehicleProfile]) -> str:
    """The names of `profiles`, for a message: ``crew_dragon, soyuz_ms``."""
    return ", ".join(profiles)
