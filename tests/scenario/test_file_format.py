"""The scenario file format for other tools: the JSON Schema and the starter file."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from sim.core.errors import ScenarioError
from sim.scenario.file_format import file_schema, starter_text
from sim.scenario.load import scenario_from_data

ROOT = Path(__file__).parents[2]
SHIPPED = sorted((ROOT / "scenarios").glob("*.yaml"))


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    """A validator of the file schema, itself checked against the metaschema."""
    schema = file_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _as_json(text: str) -> dict:
    """A YAML file as a YAML language server sees it: dates are strings."""
    return json.loads(json.dumps(yaml.safe_load(text), default=str))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda path: path.name)
def test_every_shipped_scenario_meets_the_schema(validator, path: Path) -> None:
    """Files that load also pass the schema: defaults may be left out, numbers stand for dists."""
    assert list(validator.iter_errors(_as_json(path.read_text()))) == []


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["production"].update(budgett_usd=1), ["production"]),
        (lambda d: d["production"].pop("title"), ["production"]),
        (lambda d: d["sources"]["orbit"].update(training_days="long"), ["sources", "orbit"]),
        (lambda d: d["strategies"]["orbit"].update(shortfall="pray"), ["strategies", "orbit"]),
    ],
    ids=["typo", "missing-required", "text-for-a-number", "unknown-choice"],
)
def test_the_schema_flags_what_validate_refuses(validator, change, where: list[str]) -> None:
    """Each mistake is flagged where it is, and the loader refuses the same file."""
    data = _as_json(starter_text())
    change(data)
    errors = list(validator.iter_errors(data))
    assert errors
    assert any(list(error.absolute_path)[: len(where)] == where for error in errors)
    with pytest.raises(ScenarioError):
        scenario_from_data(yaml.safe_load(yaml.safe_dump(data)), file="scenario")


def test_the_starter_loads_and_names_two_strategies() -> None:
    """The starter validates as written; scenarios/minimal.yaml is the same file."""
    scenario = scenario_from_data(yaml.safe_load(starter_text()))
    assert list(scenario.strategies) == ["orbit", "ground"]
    assert (ROOT / "scenarios" / "minimal.yaml").read_text() == starter_text()
