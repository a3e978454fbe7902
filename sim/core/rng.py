"""Named random streams: one numpy Generator per (replication, stochastic subsystem).

The stream for replication *i* and subsystem *s* is seeded from
``SeedSequence(master_seed, spawn_key=(i, STREAM_IDS[s]))``. Every strategy of replication *i*
therefore sees the same draws in every subsystem it uses (common random numbers), and a
strategy that never launches never touches ``launch_weather``, so it cannot shift anybody
else's draws. The global ``random`` and ``numpy.random`` states are never used.
"""

from __future__ import annotations

import functools
from typing import Any

import numpy as np
from numpy.random.bit_generator import ISeedSequence

#: Append-only: a name's number must never change, or old seeds stop reproducing old runs.
STREAM_IDS: dict[str, int] = {
    "production": 0,
    "risks": 1,
    "orbit_training": 2,
    "orbit_medical": 3,
    "launch_slip": 4,
    "launch_weather": 5,
    "launch_technical": 6,
    "launch_recovery": 7,
    "launch_recycle": 8,
    "launch_slots": 9,
    "orbit_shooting": 10,
    "orbit_sickness": 11,
    "orbit_costs": 12,
    "suborbital_flights": 13,
    "suborbital_medical": 14,
    "suborbital_costs": 15,
    "parabolic": 16,
    "ground": 17,
    "stock": 18,
    "vfx_rates": 19,
    "vfx_cgi": 20,
    "vfx_orbit": 21,
    "vfx_suborbital": 22,
    "vfx_parabolic": 23,
    "vfx_ground": 24,
    "vfx_stock": 25,
    "post": 26,
    "orbit_equipment": 27,
    "orbit_footage": 28,
    "holds": 29,
    "ground_weather": 30,
}


class _KeptSeed(ISeedSequence):
    """A stream's SeedSequence whose generated states are kept.

    Every strategy of a replication seeds the same streams again; generating a state costs
    more than the rest of making a generator, and gives the same words each time.
    """

    def __init__(self, sequence: np.random.SeedSequence) -> None:
        self._sequence = sequence
        self._states: dict[tuple[int, str], np.ndarray] = {}

    def generate_state(self, n_words: int, dtype: Any = np.uint32) -> np.ndarray:
        """The words `SeedSequence.generate_state` gives, computed once."""
        key = (n_words, np.dtype(dtype).str)
        state = self._states.get(key)
        if state is None:
            state = self._states[key] = self._sequence.generate_state(n_words, dtype)
        return state.copy()


@functools.lru_cache(maxsize=1024)
def _seed(master_seed: int, replication: int, stream: int) -> _KeptSeed:
    """The seed of one stream of one replication (kept for the other strategies)."""
    return _KeptSeed(np.random.SeedSequence(master_seed, spawn_key=(replication, stream)))


class Streams:
    """The named generators of one replication, created on first use."""

    def __init__(self, master_seed: int, replication: int) -> None:
        if master_seed < 0 or replication < 0:
            raise ValueError("seed and replication must be non-negative integers")
        self.master_seed = master_seed
        self.replication = replication
        self._generators: dict[str, np.random.Generator] = {}

    def __getitem__(self, name: str) -> np.random.Generator:
        generator = self._generators.get(name)
        if generator is None:
            seed = _seed(self.master_seed, self.replication, STREAM_IDS[name])
            # numpy seeds from any ISeedSequence; its type stubs name only SeedSequence
            generator = np.random.Generator(np.random.PCG64(seed))  # type: ignore[arg-type]
            self._generators[name] = generator
        return generator

    @property
    def used(self) -> list[str]:
        """Names of the streams drawn from so far (for tests of common random numbers)."""
        return sorted(self._generators)
