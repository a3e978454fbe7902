"""Named streams: same name, same draws; different names or replications, different draws."""

from __future__ import annotations

import numpy as np
import pytest

from sim.core.rng import STREAM_IDS, Streams


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
