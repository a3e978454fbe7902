"""The model's registry of sources: for each, the process that films it and its VFX stream.

Every source of the scenario's registry (`sim.scenario.sources`) has one `Track` here, and
the check below fails at import when one is missing or left over, so a source cannot be
added to the schema and forgotten by the model.
"""

from __future__ import annotations

from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import Any

import simpy

from sim.core.rng import Stream
from sim.model.context import Replication
from sim.model.ground import cancel_ground, shoot_ground
from sim.model.led_volume import cancel_volume, shoot_volume
from sim.model.orbit_shoot import cancel_orbit, fly_to_orbit, train_for_orbit
from sim.model.parabolic import cancel_parabolic, fly_parabolic
from sim.model.stock import license_stock
from sim.model.suborbital import cancel_suborbital, fly_suborbital
from sim.scenario.quantities import SceneKind
from sim.scenario.sources import SOURCES

#: A source's campaign: (context, its parameters, minutes planned per kind, risk delay in
#: days) -> a process returning the screen minutes obtained per kind.
Campaign = Callable[
    [Replication, Any, dict[SceneKind, float], float],
    Generator[simpy.Event, object, dict[SceneKind, float]],
]
#: What a batched campaign hands over as each batch of footage is safe: minutes per kind.
HandOff = Callable[[dict[SceneKind, float]], None]
#: A campaign that hands its footage over in batches: a `Campaign` with the hand-off last.
BatchedCampaign = Callable[
    [Replication, Any, dict[SceneKind, float], float, HandOff],
    Generator[simpy.Event, object, dict[SceneKind, float]],
]
#: Work a track does from day 0, alongside pre-production: (context, parameters, the
#: pre-production done event) -> a process that ends when the campaign may start.
Preparation = Callable[[Replication, Any, simpy.Event], Generator[simpy.Event, object, None]]
#: What a risk event's cancellation of the track costs now: (context, parameters, minutes
#: planned per kind) -> None; it charges what the source's contracts had made non-refundable
#: (`sim.model.commitments`).
Cancellation = Callable[[Replication, Any, dict[SceneKind, float]], None]


@dataclass(frozen=True)
class Track:
    """How the model runs one source."""

    #: The stream its VFX shots draw from (shot length, effort per shot).
    vfx_stream: Stream
    #: The campaign that films it; none for CGI, whose minutes are released as full-CG shots
    #: once pre-production is done.
    campaign: Campaign | None = None
    #: Work from day 0 (orbit: training); none = the track starts after pre-production.
    prepare: Preparation | None = None
    #: What cancelling it costs; none = nothing is committed before it runs (stock's licences
    #: are paid on licensing).
    cancel: Cancellation | None = None
    #: Replaces `campaign` where the footage is safe in batches (orbit: at each flight's
    #: landing): each batch goes to VFX then, rather than all of it when the track ends.
    in_batches: BatchedCampaign | None = None


TRACKS: dict[str, Track] = {
    "orbit": Track(
        Stream.vfx_orbit,
        fly_to_orbit,
        prepare=train_for_orbit,
        cancel=cancel_orbit,
        in_batches=fly_to_orbit,
    ),
    "suborbital": Track(Stream.vfx_suborbital, fly_suborbital, cancel=cancel_suborbital),
    "parabolic": Track(Stream.vfx_parabolic, fly_parabolic, cancel=cancel_parabolic),
    "ground": Track(Stream.vfx_ground, shoot_ground, cancel=cancel_ground),
    "led_volume": Track(Stream.vfx_led_volume, shoot_volume, cancel=cancel_volume),
    "stock": Track(Stream.vfx_stock, license_stock),
    "cgi": Track(Stream.vfx_cgi),
}

if set(TRACKS) != set(SOURCES):
    raise TypeError(
        f"sim.model.tracks.TRACKS has {sorted(TRACKS)} but the scenario's sources are"
        f" {sorted(SOURCES)}: give every source one Track"
    )
