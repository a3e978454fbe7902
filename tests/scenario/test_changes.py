"""Changing a loaded scenario's values: validated as a file is, named by key path."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from sim.core.errors import ScenarioError
from sim.scenario.changes import parse_value, split_key_path, with_changes
from sim.scenario.dists import Fixed
from sim.scenario.load import load_scenario, scenario_from_data
from sim.scenario.schema import Scenario
from tests.conftest import tiny_data


def test_a_change_is_validated_and_leaves_the_scenario_as_it_was(tiny_scenario: Scenario) -> None:
    """The new scenario has the value; the one it came from is unchanged."""
    before = tiny_scenario.sources.orbit.seat_price_usd
    changed = with_changes(tiny_scenario, {"sources.orbit.seat_price_usd": 60e6})
    assert changed.sources.orbit.seat_price_usd == Fixed(dist="fixed", value=60e6)
    assert tiny_scenario.sources.orbit.seat_price_usd == before
    assert with_changes(tiny_scenario, {}) == tiny_scenario


def test_a_value_that_does_not_validate_names_its_key_path(tiny_scenario: Scenario) -> None:
    """A negative count is refused with the file given and the key path of the change."""
    with pytest.raises(ScenarioError, match=r"^--set: sources\.cgi\.artists: .*>= 1"):
        with_changes(tiny_scenario, {"sources.cgi.artists": 0}, file="--set")


def test_a_misspelt_key_gets_the_nearest(tiny_scenario: Scenario) -> None:
    """An unknown key anywhere in the path is named, with the key the schema has."""
    with pytest.raises(ScenarioError, match=r"sources\.orbt\.seat_price_usd: .*'orbit'"):
        with_changes(tiny_scenario, {"sources.orbt.seat_price_usd": 1})
    with pytest.raises(ScenarioError, match=r"did you mean 'seat_price_usd'"):
        with_changes(tiny_scenario, {"sources.orbit.seat_prise_usd": 1})
    with pytest.raises(ScenarioError, match=r"did you mean 'weightless_interior'"):
        with_changes(tiny_scenario, {"strategies.orbit.split.weightless_interor": {"cgi": 1}})


def test_a_key_inside_a_strategy_that_is_not_there_is_refused(tiny_scenario: Scenario) -> None:
    """A sub-key of an unknown strategy would add half a strategy: refused, the names listed."""
    with pytest.raises(ScenarioError, match=r"no 'orbt' \(did you mean 'orbit'\?\).*to add one"):
        with_changes(tiny_scenario, {"strategies.orbt.shortfall": "cut"})


def test_a_whole_strategy_can_be_added(tiny_scenario: Scenario) -> None:
    """A mapping at a new name adds a strategy, checked like one in a file."""
    split = tiny_scenario.strategies["ground"].split
    plain = {kind: dict(fractions) for kind, fractions in split.items()}
    changed = with_changes(tiny_scenario, {"strategies.copy": {"split": plain}})
    assert list(changed.strategies)[-1] == "copy"
    assert changed.strategies["copy"].split == split


def test_checks_across_the_tree_run_again(tiny_scenario: Scenario) -> None:
    """A split whose fractions no longer sum to 1 is refused at its key path."""
    with pytest.raises(ScenarioError, match=r"weightless_interior: fractions sum to 0\.5"):
        with_changes(tiny_scenario, {"strategies.orbit.split.weightless_interior": {"orbit": 0.5}})


def test_one_parameter_of_a_default_distribution_can_change(tiny_scenario: Scenario) -> None:
    """A key inside a distribution the file left out starts from its resolved value."""
    changed = with_changes(tiny_scenario, {"sources.orbit.seat_price_usd.mode": 60e6})
    price = changed.sources.orbit.seat_price_usd
    assert (price.min, price.mode, price.max) == (55e6, 60e6, 75e6)  # type: ignore[union-attr]


def test_a_vehicle_change_lays_its_profile_under_as_a_file_would(tmp_path: Path) -> None:
    """Changing the vehicle gives what loading a file naming that vehicle gives."""
    data = tiny_data()
    scenario = scenario_from_data(data)
    changed = with_changes(scenario, {"sources.orbit.vehicle": "soyuz_ms"})
    data["sources"]["orbit"] = {"vehicle": "soyuz_ms"}
    path = tmp_path / "soyuz.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    assert changed == load_scenario(path)
    assert changed.sources.orbit.seats_per_flight != scenario.sources.orbit.seats_per_flight


def test_a_copy_made_with_model_copy_changes_from_its_own_values(
    tiny_scenario: Scenario,
) -> None:
    """A scenario changed by model_copy(update=...) keeps that update through a change."""
    bare = tiny_scenario.model_copy(update={"risks": {}})
    assert with_changes(bare, {"sources.cgi.artists": 90}).risks == {}


def test_file_data_is_a_copy(tiny_scenario: Scenario) -> None:
    """Changing the data handed out changes nothing kept."""
    tiny_scenario.file_data()["sources"]["cgi"]["artists"] = 1
    assert tiny_scenario.file_data()["sources"]["cgi"]["artists"] == 60


def test_values_read_as_the_scenario_dialect_reads_them() -> None:
    """55e6 and 60_000_000 are numbers, a date a date, a flow mapping a distribution."""
    assert parse_value("55e6") == 55e6
    assert parse_value("60_000_000") == 60_000_000
    assert parse_value("2027-03-01") == dt.date(2027, 3, 1)
    assert parse_value("{dist: triangular, min: 1, mode: 2, max: 3}") == {
        "dist": "triangular",
        "min": 1,
        "mode": 2,
        "max": 3,
    }
    assert parse_value("cut") == "cut"
    with pytest.raises(ScenarioError, match="fix the YAML syntax"):
        parse_value("{dist: fixed")


@pytest.mark.parametrize(
    ("path", "parts"),
    [("a.b", ["a", "b"]), ("a[2].b", ["a", 2, "b"]), ("a..b", None), ("a.", None), ("", None)],
)
def test_key_paths_split(path: str, parts: list[str | int] | None) -> None:
    """Keys joined by dots, with list indices; anything else is not a key path."""
    assert split_key_path(path) == parts


def test_comment_sources_stay_but_for_the_values_changed(tmp_path: Path) -> None:
    """A value's trailing comment cites it; once the value changes, it cites nothing."""
    path = tmp_path / "film.yaml"
    text = yaml.safe_dump(tiny_data(), sort_keys=False)
    text = text.replace("budget_usd: 150000000", "budget_usd: 150000000  # Variety")
    text = text.replace("artists: 60", "artists: 60  # the vendor's bid")
    path.write_text(text)
    scenario = load_scenario(path)
    assert set(scenario.comment_sources) >= {"production.budget_usd", "sources.cgi.artists"}
    changed = with_changes(scenario, {"sources.cgi.artists": 90})
    assert changed.comment_sources["production.budget_usd"] == "Variety"
    assert "sources.cgi.artists" not in changed.comment_sources
