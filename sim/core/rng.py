"""Named random streams: one numpy Generator per (replication, stochastic subsystem).

The stream for replication *i* and subsystem *s* (a `Stream`) is seeded from
``SeedSequence(master_seed, spawn_key=(i, s))`` (its words computed for all streams at once
by `sim.core.seeds`, the same bit for bit). Every strategy of replication *i*
therefore sees the same draws in every subsystem it uses (common random numbers), and a
strategy that never launches never touches ``launch_weather``, so it cannot shift anybody
else's draws. The global ``random`` and ``numpy.random`` states are never used.
"""

from __future__ import annotations

import enum
import functools
from typing import Any

import numpy as np
from numpy.random.bit_generator import ISeedSequence

from sim.core.seeds import stream_seeds


class Stream(enum.IntEnum):
    """The named streams of a replication, by number.

    Append-only: a stream's number must never change, or old seeds stop reproducing old runs.
    A misspelt stream is an attribute error (and a type checker's), never a new stream.
    """

    production = 0
    risks = 1
    orbit_training = 2
    orbit_medical = 3
    launch_slip = 4
    launch_weather = 5
    launch_technical = 6
    launch_recovery = 7
    launch_recycle = 8
    launch_slots = 9
    orbit_shooting = 10
    orbit_sickness = 11
    orbit_costs = 12
    suborbital_flights = 13
    suborbital_medical = 14
    suborbital_costs = 15
    parabolic = 16
    ground = 17
    stock = 18
    vfx_rates = 19
    vfx_cgi = 20
    vfx_orbit = 21
    vfx_suborbital = 22
    vfx_parabolic = 23
    vfx_ground = 24
    vfx_stock = 25
    post = 26
    orbit_equipment = 27
    orbit_footage = 28
    holds = 29
    ground_weather = 30
    led_volume = 31
    vfx_led_volume = 32
    above_line = 33
    exchange = 34
    launch_window = 35
    launch_weather_days = 36
    orbit_flights = 37
    orbit_readiness = 38
    orbit_medium = 39
    suborbital_attempts = 40
    suborbital_pause = 41
    #: Not drawn from: the key of the stream families of the sources a fallback rule moves
    #: minutes to, one family per source (`sim.model.production.fallback_context`).
    fallback = 42


class _Seed(ISeedSequence):
    """A stream's seed words, computed beforehand, handed to PCG64 as a SeedSequence would."""

    def __init__(self, words: np.ndarray) -> None:
        self._words = words

    def generate_state(self, n_words: int, dtype: Any = np.uint32) -> np.ndarray:
        """The words PCG64 asks for, four contiguous uint64 (it only reads them)."""
        if n_words != len(self._words):
            raise ValueError("these seed words are a PCG64's: four uint64")
        return self._words


@functools.lru_cache(maxsize=64)
def _replication_seeds(master_seed: int, replication: int) -> list[_Seed]:
    """Each stream's seed in replication `replication`, by stream number, for every strategy."""
    words = stream_seeds(master_seed, replication, len(Stream))
    words.flags.writeable = False
    return [_Seed(row) for row in words]


class Streams(dict[Stream, np.random.Generator]):
    """The named generators of one replication, created on first use.

    A dict, so that looking up a stream already open is a plain dict lookup: the model does
    it about ninety times a replication.
    """

    def __init__(self, master_seed: int, replication: int) -> None:
        if master_seed < 0 or replication < 0:
            raise ValueError("seed and replication must be non-negative integers")
        super().__init__()
        self.master_seed = master_seed
        self.replication = replication

    def __missing__(self, stream: Stream) -> np.random.Generator:
        seed = _replication_seeds(self.master_seed, self.replication)[stream]
        bits = np.random.PCG64(seed)  # type: ignore[arg-type]  # stubs: SeedSequence only
        generator = self[stream] = np.random.Generator(bits)
        return generator
