"""Loading a scenario: YAML text -> plain data -> defaults laid under it -> `Scenario`.

The defaults laid under a file are the sources' own with the profile of each source's vehicle
over them (`sim.scenario.defaults.defaults_for`): a value the file sets always wins.

Pydantic's errors become spacesim's in `sim.scenario.messages`: one line per problem with the
key path as the user wrote it, and the line it is on (`sim.scenario.yaml_text`). A comment
after a value is its source (`Scenario.comment_sources`), and `dump_scenario` writes it back
beside the value.
"""

from __future__ import annotations

import stat
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from sim.core.errors import Problem, ScenarioError
from sim.scenario.defaults import defaults_for, merged
from sim.scenario.messages import problems_from
from sim.scenario.schema import Scenario
from sim.scenario.yaml_text import KeyPath, dotted, parse

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
    sources = {dotted(path): source for path, source in parsed.sources.items()}
    try:
        return scenario_from_data(parsed.data, name, comment_sources=sources)
    except ScenarioError as error:
        located = [parsed.locate(problem) for problem in error.problems]
        located.sort(key=lambda problem: (problem.line is None, problem.line or 0))
        raise ScenarioError(name, located) from None


def scenario_from_data(
    data: Any, file: str = "<scenario>", *, comment_sources: Mapping[str, str] | None = None
) -> Scenario:
    """Fill in defaults and validate plain data (as read from YAML); `data` is not changed.

    Args:
        data: plain data, as `sim.scenario.yaml_text.read_yaml` reads a file.
        file: what the errors call the data.
        comment_sources: the sources the file gave as comments, by key path
            (``{"production.budget_usd": "Variety, Oct 2020"}``); kept as the scenario's
            `comment_sources`.

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
    scenario.keep_file_data(data)  # so that `with_changes` lays the defaults under again
    if comment_sources:
        scenario.keep_comment_sources(comment_sources)
    return scenario


def dump_scenario(scenario: Scenario) -> str:
    """The scenario as YAML, every default filled in; `load_scenario` reads it back as is.

    Each source the file gave as a comment is written back as one, beside its value (a
    distribution's after its key), so the text reads back with the same sources.
    """
    data = scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    cited = _cited(data, scenario.comment_sources, ())
    if not cited or any(brk in text for brk in "\r\x85\u2028\u2029"):
        return text
    places = parse("<resolved scenario>", text).comment_lines
    lines = text.split("\n")
    for path, source in cited.items():
        lines[places[path] - 1] += f"  # {source}"
    return "\n".join(lines)


def _cited(data: dict[str, Any], sources: Mapping[str, str], path: KeyPath) -> dict[KeyPath, str]:
    """The values of `data` a comment cites, as the comment is to be written: one line each.

    A mapping other than a distribution is cited after its key only when the comment cites every
    value in it; else value by value, as a comment after its key would cite the defaults laid
    under it too.
    """
    found: dict[KeyPath, str] = {}
    for key, value in data.items():
        here = (*path, key)
        source = " ".join(sources.get(dotted(here), "").split())
        if isinstance(value, dict) and value and "dist" not in value:
            inner = _cited(value, sources, here)
            whole = source and set(inner.values()) == {source} and len(inner) == _values(value)
            found |= {here: source} if whole else inner
        elif source:
            found[here] = source
    return found


def _values(data: dict[str, Any]) -> int:
    """How many values `_cited` would cite one by one in `data`."""
    return sum(
        _values(value) if isinstance(value, dict) and value and "dist" not in value else 1
        for value in data.values()
    )
