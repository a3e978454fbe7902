"""Fallback rules as a user meets them: spacesim run and spacesim trace."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from sim.cli import cli
from tests.conftest import tiny_data


def test_run_measures_each_rule_and_trace_shows_it_fire(tmp_path: Path) -> None:
    """The table (--details), summary.json and report.html carry the rule; trace its firing."""
    data = tiny_data()
    data["strategies"]["orbit"]["fallbacks"] = {
        "late": {
            "source": "orbit",
            "when": {"not_launched_by": "2027-10-01"},
            "move_to": ["parabolic", "stock", "cgi"],
        }
    }
    scenario = tmp_path / "film.yaml"
    scenario.write_text(yaml.safe_dump(data, sort_keys=False))
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        ["run", str(scenario), "--reps", "6", "--details", "--no-register", "--out", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "Fallback rules: how often each fired" in result.output
    summary = json.loads((out / "summary.json").read_text())
    assert set(summary["fallbacks"]) == {"orbit"}
    assert summary["fallbacks"]["orbit"]["late"]["source"] == "orbit"
    assert "<h2>Fallback rules</h2>" in (out / "report.html").read_text()
    header = (out / "replications.csv").read_text().splitlines()[0].split(",")
    assert {"fallback_orbit_day", "fallback_orbit_minutes"} <= set(header)
    rows = [
        line.split(",")
        for line in (out / "replications.csv").read_text().splitlines()[1:]
        if line.startswith("orbit,")
    ]
    fired = [int(row[1]) for row in rows if row[header.index("fallback_orbit_day")]]
    trace = CliRunner().invoke(
        cli,
        ["trace", str(scenario), "--strategy", "orbit", "--replication", str(fired[0])],
        catch_exceptions=False,
    )
    assert "fallback late fired (not launched by 2027-10-01)" in trace.output
    assert "Fallback rules that fired" in trace.output
