"""What changed between runs' inputs: their resolved scenarios, leaf by leaf, and their versions.

Each run folder holds `scenario.resolved.yaml`, the scenario as it was run with every default
filled in and the seed and replications it used, and `run.json`, the spacesim version that made
it. Two runs differ in what their resolved scenarios differ in, so the diff is taken there:
every leaf (a number, a date, a text, a choice) whose value is not the same in every run, by
its key path (`sources.orbit.seat_price_usd`, `strategies.split.split.earth_view.stock`).

A distribution is one leaf, written as its kind and parameters (``triangular(min 55,000,000;
mode 70,000,000; max 75,000,000)``), so a change of its kind or of any parameter is one row
that shows both; its citation (`source`) is a leaf of its own (`<key>.source`), so a new number
with no source given shows as such. A key one run lacks shows as absent there. Lists are taken
item by item (`windows[0]`).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

#: The key of the spacesim version (from run.json), listed first among the changes.
VERSION_KEY = "run.json: spacesim_version"
#: What an absent value reads as.
ABSENT = "(absent)"
#: The value of a run whose scenario is not known (its folder has no resolved scenario).
UNKNOWN = "(not known)"


@dataclass(frozen=True)
class Change:
    """A leaf whose value differs between runs: its key path, its value in each (None: absent)."""

    key: str
    values: tuple[str | None, ...]


@dataclass(frozen=True)
class InputDiff:
    """Every leaf that differs from the first run's, in the first run's order, and any notes.

    `notes` say what could not be compared (a folder without its resolved scenario).
    """

    changes: tuple[Change, ...]
    notes: tuple[str, ...] = ()


def input_diff(
    scenarios: Sequence[Mapping[str, Any] | None],
    versions: Sequence[str | None],
    labels: Sequence[str],
) -> InputDiff:
    """The leaves of `scenarios` (each run's resolved scenario data) not equal in all of them.

    A run without its scenario (None) is left out of the leaf-by-leaf diff, with a note; a
    version that differs is the first change. `labels` name the runs in the notes.
    """
    notes = tuple(
        f"{label}: no scenario.resolved.yaml, so its inputs are not compared"
        for label, scenario in zip(labels, scenarios, strict=True)
        if scenario is None
    )
    changes: list[Change] = []
    known = [v for v in versions if v is not None]
    if len(set(known)) > 1:
        changes.append(Change(VERSION_KEY, tuple(versions)))
    present = [i for i, scenario in enumerate(scenarios) if scenario is not None]
    if len(present) < 2:
        return InputDiff(tuple(changes), notes)
    flat = [leaves(scenarios[i]) if i in present else None for i in range(len(scenarios))]
    keys = list(dict.fromkeys(key for leaf in flat if leaf is not None for key in leaf))
    for key in keys:
        values = tuple(leaf.get(key) if leaf is not None else UNKNOWN for leaf in flat)
        compared = {values[i] for i in present}
        if len(compared) > 1:
            changes.append(Change(key, values))
    return InputDiff(tuple(changes), notes)


def leaves(data: Any, path: str = "") -> dict[str, str]:
    """Every leaf of `data` (nested mappings and lists) by key path, as the text a reader sees."""
    found: dict[str, str] = {}
    if isinstance(data, Mapping) and "dist" in data:
        found[path] = distribution_text(data)
        if data.get("source") is not None:
            found[f"{path}.source"] = value_text(data["source"])
    elif isinstance(data, Mapping):  # an empty one has no leaves: it reads as absent
        for key, value in data.items():
            found.update(leaves(value, f"{path}.{key}" if path else str(key)))
    elif isinstance(data, list):
        for i, item in enumerate(data):
            found.update(leaves(item, f"{path}[{i}]"))
    else:
        found[path] = value_text(data)
    return found


def distribution_text(data: Mapping[str, Any]) -> str:
    """A distribution as its kind and parameters: ``fixed 25,000 USD``, ``uniform(low 1; high 2)``.

    Its source is left out (it is a leaf of its own); its currency, when given, is a parameter,
    written last.
    """
    kind = str(data.get("dist"))
    parameters = {k: v for k, v in data.items() if k not in ("dist", "source", "currency")}
    if data.get("currency") is not None:
        parameters["currency"] = data["currency"]
    if kind == "fixed" and set(parameters) <= {"value", "currency"} and "value" in parameters:
        currency = f" {parameters['currency']}" if "currency" in parameters else ""
        return f"fixed {value_text(parameters['value'])}{currency}"
    inner = "; ".join(f"{key} {_nested_text(value)}" for key, value in parameters.items())
    return f"{kind}({inner})"


def _nested_text(value: Any) -> str:
    if isinstance(value, Mapping):
        if "dist" in value:
            return distribution_text(value)
        return "{" + "; ".join(f"{k} {_nested_text(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_nested_text(item) for item in value) + "]"
    return value_text(value)


def value_text(value: Any) -> str:
    """A scalar as a reader writes it: 200,000,000; 0.0625; true; null; text as it is.

    A resolved scenario writes amounts as floats and counts and seeds as integers, so a whole
    float gets thousands separators and an integer is written as it is (seed 20270104).
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        return f"{value:,.12g}"
    return str(value)


def shown(value: str | None) -> str:
    """A change's value as a table shows it: an absent one as ``(absent)``."""
    return ABSENT if value is None else value
