"""Loading a scenario: YAML text -> plain data -> defaults laid under it -> `Scenario`.

The defaults laid under a file are the sources' own with the profile of each source's vehicle
over them (`sim.scenario.defaults.defaults_for`): a value the file sets always wins.

Pydantic's errors become spacesim's in `sim.scenario.messages`: one line per problem with the
key path as the user wrote it, and the line it is on (`sim.scenario.yaml_text`).
"""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from sim.core.errors import Problem, ScenarioError
from sim.scenario.defaults import defaults_for, merged
from sim.scenario.messages import problems_from
from sim.scenario.schema import Scenario
from sim.scenario.yaml_text import parse

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
        if not stat.S_ISREG(Path(path).stat().st_mode):  # a FIFO would hang, /dev/zero never end
            raise ScenarioError(
                name, [Problem("", "not a regular file; give a scenario file (.yaml)")]
            )
        with Path(path).open("rb") as file:
            raw = file.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ScenarioError(
            name, [Problem("", f"cannot read the file: {error.strerror}")]
        ) from None
    if len(raw) > MAX_FILE_BYTES:
        raise ScenarioError(name, [Problem("", "file is over 5 MB; a scenario must be under 5 MB")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ScenarioError(name, [Problem("", "not UTF-8 text; save the file as UTF-8")]) from None
    parsed = parse(name, text)
    try:
        return scenario_from_data(parsed.data, name)
    except ScenarioError as error:
        located = [parsed.locate(problem) for problem in error.problems]
        located.sort(key=lambda problem: (problem.line is None, problem.line or 0))
        raise ScenarioError(name, located) from None


def scenario_from_data(data: Any, file: str = "<scenario>") -> Scenario:
    """Fill in defaults and validate plain data (as read from YAML); `data` is not changed.

    Raises:
        ScenarioError: listing every problem, each with its key path.
    """
    if not isinstance(data, dict):
        raise ScenarioError(file, [Problem("", "the top level must be a mapping of sections")])
    defaults, refused = defaults_for(data)
    try:
        scenario = Scenario.model_validate(merged(data, defaults))
    except ValidationError as error:
        named = {problem.path for problem in refused}  # an unknown vehicle, told once
        found = [problem for problem in problems_from(error) if problem.path not in named]
        raise ScenarioError(file, refused + found) from None
    if refused:
        raise ScenarioError(file, refused)
    problems = scenario.problems()
    if problems:
        raise ScenarioError(file, problems)
    return scenario


def dump_scenario(scenario: Scenario) -> str:
    """The scenario as YAML, every default filled in; `load_scenario` reads it back as is."""
    data = scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
