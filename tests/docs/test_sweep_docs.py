"""The sweep's outputs are documented: every metric of sweep.csv is named on the outputs page."""

from __future__ import annotations

import re
from pathlib import Path

from sim.analysis.sweep_cells import METRICS, TARGET_METRICS

OUTPUTS = Path(__file__).parents[2] / "docs" / "reference" / "outputs.md"


def test_every_sweep_metric_is_documented() -> None:
    """Each metric is named in backticks, alone or in a list of them."""
    named = set(re.findall(r"`([^`]+)`", OUTPUTS.read_text()))
    for metric in METRICS:
        assert metric in named, metric
    for part in TARGET_METRICS:
        assert f"target.<target>.{part}" in named, part
