"""The scenario file format for other tools: a JSON Schema, and a starter file to copy.

The schema is pydantic's, of the resolved scenario, adjusted to what a *file* may say: a key
with a default (`sim.scenario.defaults`) may be left out, and a distribution may be a plain
number (a fixed value). Editors with a YAML language server use it for completion and checks
as you type; `spacesim validate` stays the authority, with messages that cite line numbers.
"""

from __future__ import annotations

from importlib.resources import files
from typing import Any

from sim.scenario.cited import Default
from sim.scenario.defaults import DEFAULTS
from sim.scenario.schema import Scenario


def starter_text() -> str:
    """A small, commented scenario that validates and runs (`spacesim init` writes it)."""
    return files("sim.scenario").joinpath("starter.yaml").read_text(encoding="utf-8")


def file_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario file."""
    schema = Scenario.model_json_schema(by_alias=True, mode="validation")
    definitions = schema["$defs"]
    _optional_defaults(schema, DEFAULTS, definitions)
    _numbers_as_fixed(schema)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
        "title": "spacesim scenario",
    }


def _optional_defaults(node: dict[str, Any], defaults: Any, definitions: dict[str, Any]) -> None:
    """Drop from each object's `required` the keys the defaults table fills in."""
    if not isinstance(defaults, dict):
        return
    if "required" in node:
        node["required"] = [key for key in node["required"] if key not in defaults]
        if not node["required"]:
            del node["required"]
    for key, child in node.get("properties", {}).items():
        if key in defaults and not isinstance(defaults[key], Default):
            _optional_defaults(_resolve(child, definitions), defaults[key], definitions)


def _resolve(node: dict[str, Any], definitions: dict[str, Any]) -> dict[str, Any]:
    reference = node.get("$ref")
    if reference is None:
        return node
    resolved: dict[str, Any] = definitions[reference.rsplit("/", 1)[-1]]
    return resolved


def _numbers_as_fixed(node: Any) -> None:
    """Where a distribution is expected, a plain number (a fixed value) is allowed too."""
    if isinstance(node, list):
        for item in node:
            _numbers_as_fixed(item)
        return
    if not isinstance(node, dict):
        return
    for value in node.values():
        _numbers_as_fixed(value)
    if node.get("discriminator", {}).get("propertyName") == "dist":
        choices = {"oneOf": node.pop("oneOf"), "discriminator": node.pop("discriminator")}
        node["anyOf"] = [{"type": "number"}, choices]
