"""Loading a scenario: YAML text -> plain data -> defaults laid under it -> `Scenario`.

Pydantic's errors become spacesim's in `sim.scenario.messages`: one line per problem with the
key path as the user wrote it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from sim.core.errors import Problem, ScenarioError
from sim.scenario.defaults import merged
from sim.scenario.messages import problems_from
from sim.scenario.schema import Scenario

#: Largest scenario file read; anything bigger is not a hand-written scenario.
MAX_FILE_BYTES = 5_000_000


def load_scenario(path: str | Path) -> Scenario:
    """Read, fill in and validate a scenario file.

    Raises:
        ScenarioError: the file cannot be read, is not YAML, or does not validate; the error
            lists every problem found, each with its key path.
    """
    name = str(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise ScenarioError(
            name, [Problem("", f"cannot read the file: {error.strerror}")]
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ScenarioError(
            name, [Problem("", f"file is {len(raw):,} bytes; a scenario must be under 5 MB")]
        )
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ScenarioError(name, [Problem("", "not UTF-8 text; save the file as UTF-8")]) from None
    return scenario_from_data(_parse_yaml(name, text), name)


def scenario_from_data(data: Any, file: str = "<scenario>") -> Scenario:
    """Fill in defaults and validate plain data (as read from YAML); `data` is not changed.

    Raises:
        ScenarioError: listing every problem, each with its key path.
    """
    if not isinstance(data, dict):
        raise ScenarioError(file, [Problem("", "the top level must be a mapping of sections")])
    try:
        scenario = Scenario.model_validate(merged(data))
    except ValidationError as error:
        raise ScenarioError(file, problems_from(error)) from None
    problems = scenario.problems()
    if problems:
        raise ScenarioError(file, problems)
    return scenario


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, also reading ``55e6`` as a number (YAML 1.2 does; 1.1 did not)."""


_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)


def _parse_yaml(name: str, text: str) -> Any:
    try:
        return yaml.load(text, Loader=_Loader)  # a SafeLoader subclass: no arbitrary objects
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        problem = error.problem or "invalid YAML"
        raise ScenarioError(
            name, [Problem(where, f"{problem}; fix the YAML syntax there")]
        ) from None
    except yaml.YAMLError as error:
        raise ScenarioError(name, [Problem("", f"invalid YAML ({error})")]) from None


def dump_scenario(scenario: Scenario) -> str:
    """The scenario as YAML, every default filled in; `load_scenario` reads it back as is."""
    data = scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
