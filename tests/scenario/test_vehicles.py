"""Vehicle profiles: the cited defaults a source's ``vehicle`` selects, laid under the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.core.errors import ScenarioError
from sim.report.assumptions import assumptions
from sim.scenario.cited import Default
from sim.scenario.defaults import DEFAULTS, defaults_for, sources_by_path
from sim.scenario.load import dump_scenario, load_scenario, scenario_from_data
from sim.scenario.sources import REGISTRY
from sim.scenario.sources.registry import Sources
from tests.conftest import tiny_data

WITH_VEHICLES = [name for name, spec in REGISTRY.items() if spec.vehicles]


def _lines(data: dict, file: str = "film.yaml") -> list[str]:
    try:
        scenario_from_data(data, file)
    except ScenarioError as error:
        return error.lines()
    return []


def test_the_sources_that_fly_a_vehicle_are_the_ones_with_a_vehicle_key() -> None:
    """A `vehicle` key exactly where the spec lists vehicles, its choices the profiles."""
    assert WITH_VEHICLES == ["orbit", "suborbital", "parabolic"]
    for name, spec in REGISTRY.items():
        node = Sources.model_fields[name].annotation
        assert ("vehicle" in node.model_fields) == bool(spec.vehicles), name
        assert ("vehicle" in spec.defaults) == bool(spec.vehicles), name


@pytest.mark.parametrize("source", WITH_VEHICLES)
def test_every_profile_names_only_keys_its_source_has_and_cites_each(source: str) -> None:
    """A profile overrides existing defaults, each with a citation; the default vehicle none."""
    spec = REGISTRY[source]
    default_vehicle = spec.defaults["vehicle"].value
    assert default_vehicle in spec.vehicles
    assert not spec.vehicles[default_vehicle].overrides  # the defaults are its own
    for name, profile in spec.vehicles.items():
        assert profile.label, name
        assert profile.citation, name
        assert "vehicle" not in profile.overrides, name
        for key, default in profile.overrides.items():
            assert key in spec.defaults, f"{source}.{name}: {key} is not a {source} key"
            assert isinstance(default, Default), key
            assert default.source.strip(), key


@pytest.mark.parametrize(
    ("source", "vehicle"),
    [(source, vehicle) for source in WITH_VEHICLES for vehicle in REGISTRY[source].vehicles],
)
def test_every_vehicle_loads_with_its_profile_values(source: str, vehicle: str) -> None:
    """Naming a vehicle gives its profile's values, each citing the vehicle by name."""
    scenario = scenario_from_data(tiny_data(**{f"sources__{source}": {"vehicle": vehicle}}))
    node = scenario.sources.of(source)
    profile = REGISTRY[source].vehicles[vehicle]
    cited = sources_by_path(defaults_for(scenario.model_dump(mode="json"))[0])
    for key in profile.overrides:
        assert cited[f"sources.{source}.{key}"].source.startswith(profile.label + ": ")
        value = getattr(node, key)
        if hasattr(value, "source") and value.source is not None:
            assert value.source.startswith(profile.label + ": "), key


def test_soyuz_gets_soyuz_values_not_dragons() -> None:
    """The issue's case: no ocean holds, no pad weather, a 3.5-hour rendezvous, Baikonur."""
    dragon = scenario_from_data(tiny_data()).sources.orbit
    soyuz = scenario_from_data(tiny_data(sources__orbit={"vehicle": "soyuz_ms"})).sources.orbit
    assert dragon.vehicle == "crew_dragon"
    assert soyuz.recovery_zone_hold_probability.mean == 0
    assert soyuz.weather_scrub_probability.mean == 0
    assert dragon.recovery_zone_hold_probability.mean > 0
    assert soyuz.transit_days.mean == pytest.approx(3.5 / 24, abs=0.01)
    assert dragon.transit_days.mean == 1.0
    assert (soyuz.launch_site, dragon.launch_site) == ("baikonur", "ksc")
    assert soyuz.seats_per_flight == 2
    assert soyuz.slip_days.mean < dragon.slip_days.mean / 10


def test_a_value_the_file_sets_wins_over_the_profile() -> None:
    """Defaults < profile < file: the file's transit and site stay as written."""
    scenario = scenario_from_data(
        tiny_data(
            sources__orbit={"vehicle": "soyuz_ms", "transit_days": 0.25, "seats_per_flight": 3}
        )
    )
    orbit = scenario.sources.orbit
    assert orbit.transit_days.mean == 0.25
    assert orbit.transit_days.source is None  # the file's own value, not the profile's
    assert orbit.seats_per_flight == 3
    assert orbit.launch_site == "baikonur"  # left out: the profile's


def test_the_default_vehicle_changes_nothing() -> None:
    """Leaving `vehicle` out or naming the default vehicle gives the source defaults."""
    left_out = scenario_from_data(tiny_data())
    named = scenario_from_data(tiny_data(sources__orbit={"vehicle": "crew_dragon"}))
    assert left_out == named
    table, problems = defaults_for(tiny_data())
    assert problems == []
    assert table["sources"]["orbit"] == DEFAULTS["sources"]["orbit"]


def test_an_unknown_vehicle_is_refused_with_the_known_ones_on_its_line(tmp_path: Path) -> None:
    """One line, in the house style, listing the registry's vehicles and the nearest name."""
    path = tmp_path / "film.yaml"
    text = (Path(__file__).parents[2] / "scenarios" / "the_challenge.yaml").read_text()
    path.write_text(text.replace("vehicle: soyuz_ms", "vehicle: soyuz"))
    with pytest.raises(ScenarioError) as caught:
        load_scenario(path)
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "vehicle: soyuz_ms" in row)
    known = ", ".join(REGISTRY["orbit"].vehicles)
    assert caught.value.lines() == [
        f"{path}: line {line}: sources.orbit.vehicle: unknown vehicle 'soyuz' (did you mean"
        f" 'soyuz_ms'?); known: {known}"
    ]


def test_an_unknown_vehicle_does_not_hide_the_other_problems() -> None:
    """The rest of the file is still checked, and the vehicle is told once."""
    lines = _lines(tiny_data(sources__parabolic={"vehicle": "vomit_comet"}, simulation__seed=-1))
    assert len(lines) == 2
    assert any(
        "sources.parabolic.vehicle: unknown vehicle 'vomit_comet'; known: " in x for x in lines
    )
    assert any("simulation.seed" in x for x in lines)


def test_a_vehicle_that_is_not_a_name_is_the_schemas_problem() -> None:
    """A number where a vehicle's name belongs gets the schema's message, no profile."""
    lines = _lines(tiny_data(sources__suborbital={"vehicle": 3}))
    assert len(lines) == 1
    assert "sources.suborbital.vehicle" in lines[0]


def test_the_resolved_scenario_cites_the_profile_and_loads_back(tmp_path: Path) -> None:
    """The YAML beside the results carries the profile's citations and reads back equal."""
    scenario = scenario_from_data(tiny_data(sources__orbit={"vehicle": "soyuz_ms"}))
    text = dump_scenario(scenario)
    assert "Soyuz MS: MS-19 docked 3 h 27 min after launch" in text
    path = tmp_path / "resolved.yaml"
    path.write_text(text)
    assert load_scenario(path) == scenario


def test_the_register_cites_the_profile_for_plain_values_too() -> None:
    """A site or a seat count has no `source` key: the register finds the profile's."""
    scenario = scenario_from_data(tiny_data(sources__orbit={"vehicle": "soyuz_ms"}))
    register = {row.path: row for row in assumptions(scenario)}
    assert register["sources.orbit.launch_site"].source.startswith("Soyuz MS: ")
    assert register["sources.orbit.seats_per_flight"].default
    assert register["sources.orbit.vehicle"].source.startswith("Soyuz MS: ")
    dragon = {row.path: row for row in assumptions(scenario_from_data(tiny_data()))}
    assert "Kennedy" in dragon["sources.orbit.launch_site"].source
