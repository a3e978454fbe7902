"""Changing values of a loaded scenario, validated as loading a file validates it.

A change is a dotted key path and a value, as a scenario file would write it::

    with_changes(scenario, {"sources.orbit.seat_price_usd": 60e6,
                            "strategies.split.split.weightless_interior": {"orbit": 1}})

Each value is set in the scenario's *file data* (what its file said, before the defaults were
laid under it), and the result goes through `sim.scenario.load.scenario_from_data` again: the
defaults and the vehicle profiles are laid under it exactly as when the file was loaded, so
changing ``sources.orbit.vehicle`` brings the new vehicle's profile, and every check of the
schema runs. A change never edits the scenario it is given (scenarios are frozen).

`parse_value` reads a value as a scenario file would (``55e6``, ``60_000_000``, a date, a
``{dist: triangular, ...}`` mapping), for command lines and notebooks.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from collections.abc import Mapping
from typing import Any

from pydantic import BaseModel

from sim.core.errors import Problem, ScenarioError
from sim.scenario.dists import DistBase
from sim.scenario.load import scenario_from_data
from sim.scenario.schema import Scenario
from sim.scenario.yaml_text import parse

#: A key path segment: a list index written ``[2]``, or a key.
_SEGMENT = re.compile(r"\[(\d+)\]|([^.\[\]\s]+)")
#: A whole key path: keys joined by dots, each perhaps followed by list indices.
_KEY_PATH = re.compile(r"[^.\[\]\s]+(?:\[\d+\])*(?:\.[^.\[\]\s]+(?:\[\d+\])*)*")


def with_changes(
    scenario: Scenario, changes: Mapping[str, Any], file: str = "<changes>"
) -> Scenario:
    """A new scenario: `scenario` with each key path of `changes` set to its value, validated.

    Args:
        scenario: a validated scenario (it is not changed).
        changes: dotted key path -> value, applied in order; a value is a number, text, date,
            list or mapping as YAML would read it (a mapping replaces the whole node), or a
            scenario node (a distribution, a strategy...).
        file: what error messages name as the file (``--set`` on a command line).

    Raises:
        ScenarioError: a key path the schema does not know (with the nearest known key), a
            value that does not validate, or a scenario the changes leave inconsistent; each
            problem with its key path.
    """
    data = scenario.file_data()
    resolved: dict[str, Any] = scenario.model_dump(by_alias=True, exclude_none=True)
    problems: list[Problem] = []
    for path, value in changes.items():
        problem = _set(data, resolved, path, plain(value))
        if problem is not None:
            problems.append(problem)
    if problems:
        raise ScenarioError(file, problems)
    sources = {  # a comment citing a value no longer cites the value that replaced it
        path: source
        for path, source in scenario.comment_sources.items()
        if not any(_within(path, changed) for changed in changes)
    }
    return scenario_from_data(data, file, comment_sources=sources)


def _within(path: str, changed: str) -> bool:
    """Whether key path `path` is `changed` or lies inside it."""
    return path == changed or path.startswith((f"{changed}.", f"{changed}["))


def parse_value(text: str, *, file: str = "<value>") -> Any:
    """A value written as in a scenario file: ``55e6``, ``60_000_000``, ``2027-03-01``, a mapping.

    Text that is not a number, date, true/false or flow mapping or list stays text.

    Raises:
        ScenarioError: the text is not valid YAML (an unclosed brace, say).
    """
    return plain(parse(file, text).data)


def plain(value: Any) -> Any:
    """`value` as plain data: built-in types only (a node becomes the mapping a file writes)."""
    if isinstance(value, BaseModel):
        value = value.model_dump(by_alias=True, exclude_none=True)
    if isinstance(value, Mapping):
        return {str(key): plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [plain(item) for item in value]
    for kind in _SCALARS:  # a YAML library's own subclass of float, or a numpy scalar
        if isinstance(value, kind):
            return value if type(value) is kind else _scalar(kind, value)
    item = getattr(value, "item", None)
    return plain(item()) if callable(item) else value


#: The plain scalar types, subclasses first (a bool is an int, a datetime is a date).
_SCALARS: tuple[type, ...] = (bool, int, float, str, dt.datetime, dt.date)


def _scalar(kind: type, value: Any) -> Any:
    if kind is dt.datetime:
        return dt.datetime.fromisoformat(value.isoformat())
    if kind is dt.date:
        return dt.date(value.year, value.month, value.day)
    return kind(value)


def split_key_path(path: str) -> list[str | int] | None:
    """``strategies.a.split`` -> ['strategies', 'a', 'split']; ``x[2]`` -> ['x', 2]; None if bad."""
    if not _KEY_PATH.fullmatch(path):
        return None
    return [int(index) if index else key for index, key in _SEGMENT.findall(path)]


def _set(data: dict[str, Any], resolved: Any, path: str, value: Any) -> Problem | None:
    """Set `value` at `path` in `data`; the problem if the path is not one the schema has."""
    parts = split_key_path(path)
    if parts is None:
        return Problem(
            path or "(empty)",
            "not a key path; write keys joined by dots, e.g. sources.orbit.seat_price_usd",
        )
    node: Any = data  # a dict or list of the file's data
    schema: Any = Scenario
    for depth, part in enumerate(parts):
        last = depth == len(parts) - 1
        where = _joined(parts[:depth]) or "the top level"
        problem = _check(schema, part, resolved, where, adds=last)
        if problem is not None:
            return Problem(path, problem)
        schema = _child(schema, part)
        resolved = _get(resolved, part)
        if isinstance(part, int):
            if not isinstance(node, list) or part >= len(node):
                return Problem(path, f"{where} has no item [{part}]; set the whole list instead")
        elif not isinstance(node, dict):
            return Problem(path, f"{where} is not a mapping; set the whole of {where} instead")
        if last:
            node[part] = value
            return None
        if isinstance(node, dict) and node.get(part) is None:  # a key the file left out
            node[part] = _fresh(resolved)
        node = node[part]
    return None


def _fresh(resolved: Any) -> Any:
    """The node to create for a key the file left out: a distribution as it is, else empty."""
    if isinstance(resolved, dict) and "dist" in resolved:
        return plain(resolved)  # a key inside it changes one parameter of today's value
    if isinstance(resolved, list):
        return plain(resolved)
    return {}


def _get(resolved: Any, part: str | int) -> Any:
    if isinstance(part, int):
        return resolved[part] if isinstance(resolved, list) and part < len(resolved) else None
    return resolved.get(part) if isinstance(resolved, dict) else None


def _joined(parts: list[str | int]) -> str:
    return ".".join(f"[{p}]" if isinstance(p, int) else p for p in parts).replace(".[", "[")


def _check(schema: Any, part: str | int, resolved: Any, where: str, *, adds: bool) -> str | None:
    """Why `part` is not a key of `schema` (with the nearest), or None when it is or unknown."""
    names = _names(schema)
    if isinstance(part, int) or names is None:
        return None
    if names:
        return None if part in names else _unknown(part, names, where)
    known = list(resolved) if isinstance(resolved, dict) else []
    if part in known or adds:
        return None  # a new entry is added whole, and the schema checks it
    close = difflib.get_close_matches(part, known, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return (
        f"{where} has no '{part}'{hint}; name one of: {', '.join(known) or '(none)'}, or set"
        f" the whole {where}.{part} to add one"
    )


def _names(schema: Any) -> list[str] | None:
    """The keys `schema` allows; [] for a mapping of names the user chooses; None if unknown."""
    schema = _unwrap(schema)
    if isinstance(schema, type) and issubclass(schema, BaseModel):
        if issubclass(schema, DistBase):
            return None  # a distribution's keys depend on its kind: the schema says which
        return [field.alias or name for name, field in schema.model_fields.items()]
    if typing.get_origin(schema) is dict:
        key_type = _unwrap(typing.get_args(schema)[0])
        if typing.get_origin(key_type) is typing.Literal:
            return [str(name) for name in typing.get_args(key_type)]
        return []
    return None


def _unknown(part: str, names: list[str], where: str) -> str:
    close = difflib.get_close_matches(part, names, n=1, cutoff=0.6)
    if close:
        return f"unknown key '{part}' in {where} (did you mean '{close[0]}'?)"
    return f"unknown key '{part}' in {where}; allowed keys: " + ", ".join(names)


def _unwrap(schema: Any) -> Any:
    """The model, dict or list type behind Annotated and Optional; None for anything else."""
    while True:
        origin = typing.get_origin(schema)
        if origin is typing.Annotated:
            schema = typing.get_args(schema)[0]
        elif origin in (typing.Union, types.UnionType):
            members = [arg for arg in typing.get_args(schema) if arg is not type(None)]
            if len(members) == 1:
                schema = members[0]
            elif all(isinstance(arg, type) and issubclass(arg, DistBase) for arg in members):
                return DistBase
            else:
                return None
        else:
            return schema


def _child(schema: Any, part: str | int) -> Any:
    """The type of `part` inside `schema`, or None when the schema does not say."""
    schema = _unwrap(schema)
    origin = typing.get_origin(schema)
    if isinstance(part, int):
        return typing.get_args(schema)[0] if origin is list else None
    if origin is dict:
        return typing.get_args(schema)[1]
    fields = getattr(schema, "model_fields", {}) if schema is not DistBase else {}
    for name, field in fields.items():
        if part in (name, field.alias):
            return field.annotation
    return None
