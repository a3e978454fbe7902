"""Lists of values as a command line writes them: ``KEY.PATH=V1,V2,...`` and ``START:STOP:STEP``.

Each value is read as a scenario file would read it (`sim.scenario.changes.parse_value`):
``55e6``, ``60_000_000``, a date, or a distribution ``{dist: triangular, min: 1, mode: 2, max:
3}``. Commas inside braces, brackets or quotes do not separate values. A range counts from
START by STEP up to STOP, STOP included when a step lands on it (exactly: the numbers are
counted in decimal, so ``0.1:0.3:0.1`` gives 0.1, 0.2 and 0.3); START and STOP may be dates,
with a STEP in days.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from decimal import Decimal
from typing import Any

from sim.core.errors import Problem, ScenarioError
from sim.scenario.changes import parse_value, plain, split_key_path

#: The most values a range may give: each is a cell of a sweep (or more).
MAX_RANGE_VALUES = 1000
#: A range or a colon pair: scalars joined by colons, nothing that starts a mapping or list.
_COLONS = re.compile(r"\s*[^\s:{}\[\]\"',]+(?::[^\s:{}\[\]\"',]+)+\s*")
#: Thousands separators, which a comma list would split into values: 60,000,000.
_THOUSANDS = re.compile(r"\s*[-+]?\d{1,3}(?:,\d{3})+(?:\.\d*)?\s*")


def parse_assignment(text: str, file: str = "--set") -> tuple[str, list[Any]]:
    """``KEY.PATH=V1,V2,...`` -> (key path, values).

    Raises:
        ScenarioError: no ``=``, a key path that is not one, no values, a value that is not
            valid YAML, or a bad range.
    """
    key, values = _split(
        text, file, "KEY.PATH=V1,V2,... e.g. sources.orbit.seat_price_usd=40e6,55e6"
    )
    return key, parse_values(values, file=file, key=key)


def parse_setting(text: str, file: str = "--set") -> tuple[str, Any]:
    """``KEY.PATH=VALUE`` -> (key path, value): one value, commas and all (``[a, b]``, ``{}``).

    Raises:
        ScenarioError: no ``=``, a key path that is not one, or a value that is not valid YAML.
    """
    key, value = _split(text, file, "KEY.PATH=VALUE e.g. sources.orbit.seat_price_usd=55e6")
    if not value.strip():
        raise ScenarioError(file, [Problem(key, "no value; write KEY.PATH=VALUE")])
    return key, _value(value.strip(), file, key)


def setting_text(key: str, value: Any) -> str:
    """``KEY.PATH=VALUE`` that `parse_setting` reads back as `key` and `value` (for hints)."""
    value = plain(value)
    if value is None or isinstance(value, bool):
        written = {None: "null", True: "true", False: "false"}[value]
    elif isinstance(value, int | float):
        written = repr(value)
    elif isinstance(value, dt.date):
        written = value.isoformat()
    elif isinstance(value, str) and _reads_back(value):
        written = value
    else:  # JSON is YAML's flow style: a mapping, a list, or text that would read otherwise
        written = json.dumps(value, default=str)
    return f"{key}={written}"


def _reads_back(text: str) -> bool:
    """Whether `text`, written bare, reads as itself (not as a number, date, mapping...)."""
    try:
        return bool(parse_value(text) == text)
    except ScenarioError:
        return False


def _split(text: str, file: str, form: str) -> tuple[str, str]:
    """``KEY.PATH=rest`` -> (key path, rest); the key path checked."""
    key, equals, rest = text.partition("=")
    key = key.strip()
    if not equals or not key:
        raise ScenarioError(file, [Problem(key or text, f"write {form}")])
    if split_key_path(key) is None:
        raise ScenarioError(
            file,
            [Problem(key, "not a key path; write keys joined by dots, e.g. sources.cgi.artists")],
        )
    return key, rest


def parse_values(text: str, *, file: str = "--set", key: str = "") -> list[Any]:
    """``V1,V2,...`` (each a value or a range) -> the values, in order.

    Raises:
        ScenarioError: no values, a value that is not valid YAML, or a bad range.
    """
    if _THOUSANDS.fullmatch(text) and any(part.startswith("0") for part in text.split(",")[1:]):
        raise ScenarioError(
            file,
            [
                Problem(
                    key,
                    f"{text.strip()} reads as {len(text.split(','))} values, since commas separate"
                    f" values; write the number as {text.strip().replace(',', '_')} or in"
                    " e-notation (55e6)",
                )
            ],
        )
    items = split_top_level(text)
    if not any(item.strip() for item in items):
        raise ScenarioError(file, [Problem(key, "no values; give at least one, e.g. KEY=1,2,3")])
    found: list[Any] = []
    for item in items:
        if not item.strip():
            raise ScenarioError(
                file, [Problem(key, f"an empty value in '{text}'; remove the extra comma")]
            )
        if _COLONS.fullmatch(item):
            found += value_range(item.strip(), file=file, key=key)
        else:
            found.append(_value(item.strip(), file, key))
    return found


def _value(text: str, file: str, key: str) -> Any:
    """One value; YAML that does not parse is named with the key path and the value."""
    try:
        return parse_value(text, file=file)
    except ScenarioError as error:
        problem = error.problems[0]
        column = f" at character {problem.column}" if problem.column else ""
        raise ScenarioError(file, [Problem(key, f"{text}{column}: {problem.message}")]) from None


def split_top_level(text: str) -> list[str]:
    """Split at commas outside braces, brackets and quotes."""
    items, depth, quote, start = [], 0, "", 0
    for position, char in enumerate(text):
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
        elif char == "," and depth == 0:
            items.append(text[start:position])
            start = position + 1
    items.append(text[start:])
    return items


def value_range(text: str, *, file: str = "--set", key: str = "") -> list[Any]:
    """``START:STOP:STEP`` -> START, START + STEP, ... up to STOP (included when reached).

    Raises:
        ScenarioError: not three parts, a part that is not a number (or START and STOP dates
            with a whole number of days as STEP), a step that is not positive, STOP before
            START, or more than `MAX_RANGE_VALUES` values.
    """
    parts = text.split(":")

    def refuse(problem: str) -> ScenarioError:
        return ScenarioError(file, [Problem(key, f"{text} {problem}")])

    if len(parts) != 3:
        raise refuse("is not a range; write START:STOP:STEP with a step, e.g. 40e6:70e6:10e6")
    start, stop, step = (_value(part, file, key) for part in parts)
    if isinstance(start, dt.date) and isinstance(stop, dt.date):
        if not _is_number(step) or int(step) != step:
            raise refuse("is a range of dates: give the step as a whole number of days")
        count = _count(refuse, Decimal((stop - start).days), Decimal(int(step)))
        return [start + dt.timedelta(days=index * int(step)) for index in range(count)]
    if not all(_is_number(value) for value in (start, stop, step)):
        raise refuse(
            "is not a range of numbers; START, STOP and STEP must be numbers (or START and"
            " STOP dates and STEP days)"
        )
    if not all(math.isfinite(value) for value in (start, stop, step)):
        raise refuse("is not a range of finite numbers; give START, STOP and STEP as numbers")
    exact = [_decimal(value) for value in (start, stop, step)]
    count = _count(refuse, exact[1] - exact[0], exact[2])
    whole = all(isinstance(value, int) for value in (start, stop, step))
    values = [exact[0] + index * exact[2] for index in range(count)]
    return [int(value) if whole else float(value) for value in values]


def _count(refuse: Any, span: Decimal, step: Decimal) -> int:
    if step <= 0:
        raise refuse("has a step that is not positive; give a step above 0")
    if span < 0:
        raise refuse("ends before it starts; give STOP at or after START")
    count = int(span / step) + 1
    if count > MAX_RANGE_VALUES:
        raise refuse(f"gives {count:,} values, more than {MAX_RANGE_VALUES:,}; use a larger step")
    return count


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _decimal(value: int | float) -> Decimal:
    """The number as written: 0.1 as 0.1, not as the binary fraction nearest it."""
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
