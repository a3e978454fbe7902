"""The context every process of one replication receives first: clock, streams, books, plan.

What a replication reads (the scenario, its strategy, the streams) and what it records (the
ledger, timeline, drivers and risk hits: its outputs) live here; the production's own control
state (what the tracks delivered, the VFX vendors' queue) is `sim.model.production`'s, and the
risk events still to strike are the one piece of shared state the tracks consume.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import overload

import numpy as np
import simpy

from sim.core.rng import Stream, Streams
from sim.model.drivers import Drivers
from sim.model.exchange import converted, draw_rates
from sim.model.fallback import Watch
from sim.model.ledger import Ledger
from sim.model.register import Strike
from sim.model.sampling import sample
from sim.model.timeline import OrbitDay, Timeline
from sim.scenario.dists import DistBase, Fixed
from sim.scenario.quantities import SceneKind
from sim.scenario.schema import CrewRole, Scenario, Strategy


@dataclass
class Replication:
    """One replication of one strategy: what every process reads and writes."""

    env: simpy.Environment
    scenario: Scenario
    strategy_name: str
    streams: Streams
    # The books: what the replication records.
    ledger: Ledger = field(default_factory=Ledger)
    timeline: Timeline = field(default_factory=Timeline)
    drivers: Drivers = field(default_factory=Drivers)
    #: 1.0 for each risk event that struck, by name (0.0 for the others).
    risks_struck: dict[str, float] = field(init=False)
    #: The days aboard, for a trace (empty unless the strategy flew to orbit).
    orbit_log: list[OrbitDay] = field(default_factory=list)
    #: Risk events that occurred and have not struck yet, by target (see `sim.model.risks`).
    pending_risks: dict[str, list[Strike]] = field(default_factory=dict)
    #: The fallback rule watching the track this context runs; none for every other track
    #: (a watched track runs on a copy of the replication's context: `sim.model.production`).
    watch: Watch | None = None

    # Set once: a replication reads these many times and the scenario never changes under it.
    #: The strategy this replication plays.
    strategy: Strategy = field(init=False)
    #: The strategy's planned screen minutes, per source and scene kind.
    plan: dict[str, dict[SceneKind, float]] = field(init=False)
    #: The roles who fly in this strategy.
    crew: dict[str, CrewRole] = field(init=False)
    #: People who fly (backups not counted).
    flyers: int = field(init=False)
    #: Units of the scenario's currency per unit of each other currency it holds amounts in
    #: (stream ``exchange``, drawn once per replication: see `sim.model.exchange`).
    rates: dict[str, float] = field(init=False)
    #: What the flying crew is paid per person-day held (see `sim.model.holds`): stream
    #: ``holds``, one draw, the same for every strategy of the replication.
    hold_rate_usd: float = field(init=False)

    def __post_init__(self) -> None:
        scenario = self.scenario
        self.rates = draw_rates(scenario.production, self.streams)
        self.strategy = scenario.strategies[self.strategy_name]
        self.plan = self.strategy.planned_minutes(scenario.script)
        self.crew = scenario.crew_for(self.strategy_name)
        self.flyers = sum(role.count for role in self.crew.values())
        self.risks_struck = dict.fromkeys(scenario.risks, 0.0)
        self.hold_rate_usd = self.draw(Stream.holds, scenario.production.hold_usd_per_day)

    @overload
    def draw(self, stream: Stream, dist: DistBase, size: None = None) -> float: ...
    @overload
    def draw(self, stream: Stream, dist: DistBase, size: int) -> np.ndarray: ...

    def draw(self, stream: Stream, dist: DistBase, size: int | None = None) -> float | np.ndarray:
        """Draw from `dist` on the named stream of this replication.

        A fixed value draws nothing, so it does not open the stream (opening one costs more
        than most draws, and several are opened only for constants in a typical scenario).
        Money stated in another currency comes back in the scenario's, at this replication's
        rate (`sim.model.exchange`).
        """
        if size is None and type(dist) is Fixed:
            value: float | np.ndarray = dist.value
        else:
            value = sample(dist, self.streams[stream], size)
        if dist.currency is None or not self.rates:  # no other currency: nothing to convert
            return value
        return converted(dist, value, self.rates)
