"""What is read as a scenario file: a regular file of at most 5 MB, read no further."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sim.core.errors import ScenarioError
from sim.scenario.load import MAX_FILE_BYTES, load_scenario


def test_a_device_is_refused_without_reading_it() -> None:
    """/dev/zero never ends: it is refused at once, as is anything but a regular file."""
    with pytest.raises(ScenarioError, match=r"/dev/zero: not a regular file"):
        load_scenario("/dev/zero")


def test_a_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    """A named pipe with no writer would block a read forever."""
    fifo = tmp_path / "scenario.yaml"
    os.mkfifo(fifo)
    with pytest.raises(ScenarioError, match="not a regular file"):
        load_scenario(fifo)


def test_a_file_over_the_limit_is_refused(tmp_path: Path) -> None:
    """One byte over 5 MB is refused, with the limit named."""
    big = tmp_path / "big.yaml"
    big.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    with pytest.raises(ScenarioError, match="over 5 MB"):
        load_scenario(big)
