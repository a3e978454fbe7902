"""A what-if's rerun that raises is named with a replay of its variant, not of the run's."""

from __future__ import annotations

import json
import shlex

import pytest
import yaml
from click.testing import CliRunner

from sim.cli import cli
from sim.core.errors import Failure, ReplicationError
from sim.experiment import reruns
from sim.experiment.exposure import RegisterPlan, measure
from sim.experiment.fallback_runs import FallbackPlan
from sim.experiment.runner import run_experiment
from sim.model.replication import run_replication
from sim.scenario.changes import with_changes
from sim.scenario.value_lists import parse_setting
from tests.experiment.test_what_if import with_rule_and_risks


def test_every_variant_is_its_settings_applied_to_the_run_scenario() -> None:
    """Each removal, mitigation and dropped rule: its ``--set`` settings make the same scenario."""
    scenario = with_rule_and_risks()
    results = run_experiment(scenario, replications=4)
    variants = [*RegisterPlan(results).variants, *FallbackPlan(results).variants]
    assert len({variant.settings for variant in variants}) == len(variants) == 5
    for variant in variants:
        changes = dict(parse_setting(setting) for setting in variant.settings)
        assert with_changes(scenario, changes).model_dump() == variant.scenario.model_dump()


def test_a_failed_rerun_replays_as_its_variant_ran(tmp_path, monkeypatch) -> None:
    """The message's ``spacesim trace`` command gives the variant's outcome, not the run's."""
    scenario = with_rule_and_risks()
    path = tmp_path / "film.yaml"
    path.write_text(yaml.safe_dump(scenario.file_data(), sort_keys=False))
    results = run_experiment(scenario, replications=24, seed=5)
    removal = RegisterPlan(results).variants[0]  # the first event, removed
    changed = [
        (replication, strategy)
        for replication, strategy in removal.pairs
        if run_replication(removal.scenario, strategy, 5, replication).cost_usd
        != results.column("cost_usd", strategy)[replication]
    ]
    assert changed, "no rerun of the removal changes a cost: the test would prove nothing"
    failing = changed[0]
    event = removal.settings[0].split(".")[1]  # risks.<event>.probability=0.0
    real = reruns.run_replication

    def flaky(scenario, strategy, seed, replication, **how):
        removed = scenario.risks[event].probability == 0
        if removed and (replication, strategy) == failing:
            raise ZeroDivisionError("division by zero")
        return real(scenario, strategy, seed, replication, **how)

    monkeypatch.setattr(reruns, "run_replication", flaky)
    with pytest.raises(ReplicationError) as raised:
        measure(results, scenario_file=str(path))
    (line,) = raised.value.lines()
    command = shlex.split(line.split("Replay it with: ")[1])
    assert command[:2] == ["spacesim", "trace"]
    assert f"risks.{event}.probability=0.0" in command
    traced = CliRunner().invoke(cli, [*command[1:], "--json"], catch_exceptions=False)
    assert traced.exit_code == 0, traced.output
    replication, strategy = failing
    expected = real(removal.scenario, strategy, 5, replication).cost_usd
    assert json.loads(traced.output)["cost_usd"] == expected


def test_a_sweep_cell_failure_names_the_cell_values() -> None:
    """`within` adds a cell's settings before a variant's, to every failure."""
    error = ReplicationError("film.yaml", 8, [Failure("orbit", 3, "E", ("x.y=1",))])
    moved = error.within(("sources.cgi.artists=200",))
    assert str(moved).endswith("--seed 8 --set sources.cgi.artists=200 --set x.y=1"), str(moved)
