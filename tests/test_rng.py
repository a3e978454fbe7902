"""Named streams: same name, same draws; different names or replications, different draws."""

from __future__ import annotations

import numpy as np
import pytest

from sim.core.rng import STREAM_IDS, Streams
from sim.core.seeds import stream_seeds


def test_a_stream_is_reproducible() -> None:
    """Seed, replication and name fix the draws."""
    assert np.array_equal(
        Streams(7, 3)["launch_weather"].random(5), Streams(7, 3)["launch_weather"].random(5)
    )


def test_streams_are_independent_of_the_order_they_are_opened() -> None:
    """Opening another stream first does not shift this one's draws (common random numbers)."""
    streams = Streams(7, 3)
    streams["vfx_cgi"].random(100)
    assert np.array_equal(
        streams["launch_weather"].random(5), Streams(7, 3)["launch_weather"].random(5)
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((7, 3, "ground"), (7, 4, "ground")),
        ((7, 3, "ground"), (8, 3, "ground")),
        ((7, 3, "ground"), (7, 3, "stock")),
    ],
)
def test_different_keys_give_different_draws(a, b) -> None:
    """Another replication, seed or subsystem gives other numbers."""
    first = Streams(a[0], a[1])[a[2]].random(5)
    second = Streams(b[0], b[1])[b[2]].random(5)
    assert not np.array_equal(first, second)


def test_stream_ids_are_unique() -> None:
    """No two subsystems share a stream number."""
    assert len(set(STREAM_IDS.values())) == len(STREAM_IDS)


@pytest.mark.parametrize(
    ("seed", "replication"),
    [(0, 0), (1, 0), (20270104, 5), (2**32, 7), (2**64 + 3, 2**33), (2**130 + 17, 12345678901)],
)
def test_stream_seeds_are_numpys_seed_sequence_words(seed: int, replication: int) -> None:
    """Every stream's words equal SeedSequence's, whatever the size of seed and replication."""
    ours = stream_seeds(seed, replication, len(STREAM_IDS))
    for stream in range(len(STREAM_IDS)):
        sequence = np.random.SeedSequence(seed, spawn_key=(replication, stream))
        assert np.array_equal(ours[stream], sequence.generate_state(4, np.uint64))


def test_a_stream_draws_what_a_generator_from_its_seed_sequence_draws() -> None:
    """The whole way from seed to draws: the same numbers as numpy seeding from SeedSequence."""
    for name, number in STREAM_IDS.items():
        theirs = np.random.default_rng(np.random.SeedSequence(20270104, spawn_key=(9, number)))
        assert np.array_equal(Streams(20270104, 9)[name].random(6), theirs.random(6))
