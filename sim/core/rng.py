"""Named random streams: one numpy Generator per (replication, stochastic subsystem).

The stream for replication *i* and subsystem *s* is seeded from
``SeedSequence(master_seed, spawn_key=(i, STREAM_IDS[s]))``. Every strategy of replication *i*
therefore sees the same draws in every subsystem it uses (common random numbers), and a
strategy that never launches never touches ``launch_weather``, so it cannot shift anybody
else's draws. The global ``random`` and ``numpy.random`` states are never used.
"""

from __future__ import annotations

import functools

import numpy as np

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
}


@functools.lru_cache(maxsize=1024)
def _sequence(master_seed: int, replication: int, stream: int) -> np.random.SeedSequence:
    """The seed of one stream; kept, since every strategy of a replication asks for it again.

    Sharing is safe: a SeedSequence is never changed by seeding a generator from it.
    """
    return np.random.SeedSequence(master_seed, spawn_key=(replication, stream))


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
            sequence = _sequence(self.master_seed, self.replication, STREAM_IDS[name])
            generator = np.random.Generator(np.random.PCG64(sequence))
            self._generators[name] = generator
        return generator

    @property
    def used(self) -> list[str]:
        """Names of the streams drawn from so far (for tests of common random numbers)."""
        return sorted(self._generators)
