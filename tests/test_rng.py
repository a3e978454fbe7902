"""Named streams: same name, same draws; different names or replications, different draws."""

from __future__ import annotations

import numpy as np
import pytest

from sim.core.rng import Stream, Streams
from sim.core.seeds import stream_seeds


def test_a_stream_is_reproducible() -> None:
    """Seed, replication and name fix the draws."""
    assert np.array_equal(
        Streams(7, 3)[Stream.launch_weather].random(5),
        Streams(7, 3)[Stream.launch_weather].random(5),
    )


def test_streams_are_independent_of_the_order_they_are_opened() -> None:
    """Opening another stream first does not shift this one's draws (common random numbers)."""
    streams = Streams(7, 3)
    streams[Stream.vfx_cgi].random(100)
    assert np.array_equal(
        streams[Stream.launch_weather].random(5), Streams(7, 3)[Stream.launch_weather].random(5)
    )


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((7, 3, Stream.ground), (7, 4, Stream.ground)),
        ((7, 3, Stream.ground), (8, 3, Stream.ground)),
        ((7, 3, Stream.ground), (7, 3, Stream.stock)),
    ],
)
def test_different_keys_give_different_draws(a, b) -> None:
    """Another replication, seed or subsystem gives other numbers."""
    first = Streams(a[0], a[1])[a[2]].random(5)
    second = Streams(b[0], b[1])[b[2]].random(5)
    assert not np.array_equal(first, second)


#: The stream numbers of every run made before the streams became an enumeration: a stream's
#: number is part of what a seed means, so these must never move.
FIRST_STREAMS = [
    "production",
    "risks",
    "orbit_training",
    "orbit_medical",
    "launch_slip",
    "launch_weather",
    "launch_technical",
    "launch_recovery",
    "launch_recycle",
    "launch_slots",
    "orbit_shooting",
    "orbit_sickness",
    "orbit_costs",
    "suborbital_flights",
    "suborbital_medical",
    "suborbital_costs",
    "parabolic",
    "ground",
    "stock",
    "vfx_rates",
    "vfx_cgi",
    "vfx_orbit",
    "vfx_suborbital",
    "vfx_parabolic",
    "vfx_ground",
    "vfx_stock",
    "post",
    "orbit_equipment",
    "orbit_footage",
    "holds",
    "ground_weather",
    "led_volume",
    "vfx_led_volume",
    "above_line",
    "exchange",
]


def test_stream_numbers_are_append_only() -> None:
    """Streams are numbered 0, 1, 2, ... with no gap, and the first ones keep their numbers."""
    assert [stream.value for stream in Stream] == list(range(len(Stream)))
    assert [stream.name for stream in Stream][: len(FIRST_STREAMS)] == FIRST_STREAMS


@pytest.mark.parametrize(
    ("seed", "replication"),
    [(0, 0), (1, 0), (20270104, 5), (2**32, 7), (2**64 + 3, 2**33), (2**130 + 17, 12345678901)],
)
def test_stream_seeds_are_numpys_seed_sequence_words(seed: int, replication: int) -> None:
    """Every stream's words equal SeedSequence's, whatever the size of seed and replication."""
    ours = stream_seeds(seed, replication, len(Stream))
    for stream in range(len(Stream)):
        sequence = np.random.SeedSequence(seed, spawn_key=(replication, stream))
        assert np.array_equal(ours[stream], sequence.generate_state(4, np.uint64))


def test_a_stream_draws_what_a_generator_from_its_seed_sequence_draws() -> None:
    """The whole way from seed to draws: the same numbers as numpy seeding from SeedSequence."""
    for stream in Stream:
        theirs = np.random.default_rng(np.random.SeedSequence(20270104, spawn_key=(9, stream)))
        assert np.array_equal(Streams(20270104, 9)[stream].random(6), theirs.random(6))
