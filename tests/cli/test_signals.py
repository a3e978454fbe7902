"""A run stopped by SIGTERM or SIGKILL leaves no process and no folder behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

SPLIT = Path(__file__).parents[2] / "scenarios" / "split.yaml"


def _start(tmp_path: Path) -> subprocess.Popen[str]:
    """`spacesim run` on two workers in a session of its own, its signals as a shell's child."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sim",
            "run",
            str(SPLIT),
            "--reps",
            "20000",
            "--jobs",
            "2",
            "--out",
            str(tmp_path / "out"),
        ],
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,  # its own process group: the workers and the fork server too
    )


def _group_gone(pgid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def _left(tmp_path: Path) -> list[str]:
    return sorted(path.name for path in tmp_path.iterdir())


@pytest.mark.parametrize("after", [1.0, 4.0])
def test_sigterm_stops_the_run_like_ctrl_c(tmp_path: Path, after: float) -> None:
    """Exit 143, one line saying nothing was written, no folder, no process left."""
    run = _start(tmp_path)
    time.sleep(after)
    run.send_signal(signal.SIGTERM)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 143, err
    assert "Traceback" not in err
    if after > 2:  # past the imports, inside the run
        assert err.strip().endswith(
            "no results were written; " + str(tmp_path / "out") + " was not created"
        )
    assert _group_gone(run.pid, 5.0), "a worker or the fork server outlived the run"
    assert _left(tmp_path) == []


def test_sigkill_leaves_no_worker_behind(tmp_path: Path) -> None:
    """Workers and the fork server notice their parent is gone and exit within seconds."""
    run = _start(tmp_path)
    time.sleep(4.0)
    run.kill()
    run.communicate(timeout=15)  # returns once no process holds its output pipes open
    assert _group_gone(run.pid, 5.0), "a worker or the fork server outlived its parent"
    assert not (tmp_path / "out").exists()
