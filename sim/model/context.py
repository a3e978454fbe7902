"""The context every process of one replication receives first: clock, streams, books, plan."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, overload

import numpy as np
import simpy

from sim.core.rng import Streams
from sim.model.ledger import Ledger
from sim.model.sampling import sample
from sim.model.timeline import Timeline
from sim.scenario.dists import DistBase, Fixed
from sim.scenario.quantities import SceneKind, SourceName
from sim.scenario.schema import CrewRole, Scenario, Strategy

if TYPE_CHECKING:
    from sim.model.aboard import OrbitDay
    from sim.model.risks import Strike

#: Driver columns every replication reports, with their value when a strategy never touches them:
#: counts start at 0, days at NaN ("did not happen").
DRIVERS: dict[str, float] = {
    "preproduction_days": math.nan,
    "training_days": math.nan,
    "medical_disqualifications": 0.0,
    "slip_days": math.nan,
    "launch_day": math.nan,
    "launch_attempts": 0.0,
    "scrubs_weather": 0.0,
    "scrubs_technical": 0.0,
    "scrubs_recovery": 0.0,
    "slots_missed": 0.0,
    "launch_days_lost": math.nan,
    "hold_days": 0.0,
    "landing_day": math.nan,
    "orbit_days": 0.0,
    "orbit_days_cut": 0.0,
    "orbit_days_lost_early": 0.0,
    "orbit_hours_filmed": 0.0,
    "orbit_sick_flyers": 0.0,
    "orbit_camera_failures": 0.0,
    "orbit_yield_minutes": 0.0,
    "orbit_light_limited_minutes": 0.0,
    "orbit_footage_lost": 0.0,
    "suborbital_flights": 0.0,
    "suborbital_lost_flights": 0.0,
    "suborbital_grounding_days": 0.0,
    "parabolic_flights": 0.0,
    "parabolic_cancelled_days": 0.0,
    "stage_days": 0.0,
    "location_days": 0.0,
    "weather_days_lost": 0.0,
    "stock_clips": 0.0,
    "stock_clips_refused": 0.0,
    "stock_lead_days": math.nan,
    "vfx_shots": 0.0,
    "vfx_artist_days": 0.0,
    "picture_done_day": math.nan,
    "editorial_days": math.nan,
    "vfx_done_day": math.nan,
}


@dataclass
class Replication:
    """One replication of one strategy: what every process reads and writes."""

    env: simpy.Environment
    scenario: Scenario
    strategy_name: str
    streams: Streams
    ledger: Ledger = field(default_factory=Ledger)
    timeline: Timeline = field(default_factory=Timeline)
    drivers: dict[str, float] = field(default_factory=lambda: dict(DRIVERS))
    #: Risk events that occurred and have not struck yet, by target (see `sim.model.risks`).
    pending_risks: dict[str, list[Strike]] = field(default_factory=dict)
    #: The days aboard, for a trace (empty unless the strategy flew to orbit).
    orbit_log: list[OrbitDay] = field(default_factory=list)
    #: What the flying crew is paid per person-day held, once drawn (see `sim.model.holds`).
    hold_rate_usd: float | None = None

    # Set once: a replication reads these many times and the scenario never changes under it.
    #: The strategy this replication plays.
    strategy: Strategy = field(init=False)
    #: The strategy's planned screen minutes, per source and scene kind.
    plan: dict[SourceName, dict[SceneKind, float]] = field(init=False)
    #: The roles who fly in this strategy.
    crew: dict[str, CrewRole] = field(init=False)
    #: People who fly (backups not counted).
    flyers: int = field(init=False)

    def __post_init__(self) -> None:
        self.strategy = self.scenario.strategies[self.strategy_name]
        self.plan = self.strategy.planned_minutes(self.scenario.script)
        self.crew = self.scenario.crew_for(self.strategy_name)
        self.flyers = sum(role.count for role in self.crew.values())

    @overload
    def draw(self, stream: str, dist: DistBase, size: None = None) -> float: ...
    @overload
    def draw(self, stream: str, dist: DistBase, size: int) -> np.ndarray: ...

    def draw(self, stream: str, dist: DistBase, size: int | None = None) -> float | np.ndarray:
        """Draw from `dist` on the named stream of this replication.

        A fixed value draws nothing, so it does not open the stream (opening one costs more
        than most draws, and several are opened only for constants in a typical scenario).
        """
        if size is None and type(dist) is Fixed:
            return dist.value
        return sample(dist, self.streams[stream], size)

    def count(self, driver: str, amount: float = 1.0) -> None:
        """Add to a counting driver."""
        self.drivers[driver] += amount
