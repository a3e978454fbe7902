"""Pydantic's validation errors as spacesim problems: key path, what is wrong, what is allowed.

The key path is the one the user wrote (``sources.orbit.seat_price_usd``): pydantic's
discriminator tags and key markers are dropped. An unknown key gets the nearest valid one, and
a number written as people write it in prose (``60,000,000``, ``$60M``, ``1.5 million``) the way
to write it in YAML (``60_000_000`` or ``60e6``).
"""

from __future__ import annotations

import difflib
import math
import re
import types
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError

from sim.core.errors import Problem
from sim.scenario.dists import DIST_KINDS, DistBase
from sim.scenario.schema import Scenario


def problems_from(error: ValidationError) -> list[Problem]:
    """One `Problem` per pydantic error, with the key path as the user wrote it."""
    problems = []
    for detail in error.errors():
        path, node, field = _walk(detail["loc"])
        if _takes_a_distribution(field) and not isinstance(detail.get("input"), dict | list):
            shown = _shown(detail.get("input"))
            if number_written(detail.get("input")) is None and detail["type"] in _WANTS_A_NUMBER:
                problems.append(Problem(path, _NOT_A_NUMBER.format(shown=shown)))
                continue
        problems.append(Problem(path, _message(detail, node)))
    return problems


def _walk(loc: tuple[int | str, ...]) -> tuple[str, Any, Any]:
    """The dotted key path of a pydantic location, the type found at its parent, and its own.

    Discriminator tags (``triangular``) and key markers are pydantic's, not the user's, so they
    are dropped from the path.
    """
    parts: list[str] = []
    node: Any = Scenario
    parent: Any = Scenario
    for element in loc:
        node = _unwrap(node)
        parent = node
        if element == "[key]":
            continue
        if _is_dist_union(node) and element in DIST_KINDS:
            node = DIST_KINDS[str(element)]
            continue
        if isinstance(element, int):
            parts.append(f"[{element}]")
            node = _item_type(node)
            continue
        parts.append(str(element))
        node = _child_type(node, str(element))
    path = ".".join(parts).replace(".[", "[")
    return path, parent, node


#: A key that takes a number or a distribution, given text that is neither.
_NOT_A_NUMBER = (
    "{shown} is not a number or a distribution; write a number (60_000_000, 60e6) or a"
    " mapping with dist: (" + ", ".join(DIST_KINDS) + ")"
)


def _takes_a_distribution(node: Any) -> bool:
    """Whether a key of type `node` takes a distribution (or a plain number, read as one)."""
    return _is_dist_union(_unwrap(node))


def _unwrap(node: Any) -> Any:
    while True:
        origin = typing.get_origin(node)
        if origin is typing.Annotated:
            node = typing.get_args(node)[0]
        elif origin in (typing.Union, types.UnionType) and not _is_dist_union(node):
            members = [arg for arg in typing.get_args(node) if arg is not type(None)]
            if len(members) != 1:
                return node
            node = members[0]
        else:
            return node


def _is_dist_union(node: Any) -> bool:
    if typing.get_origin(node) not in (typing.Union, types.UnionType):
        return False
    return all(isinstance(arg, type) and issubclass(arg, DistBase) for arg in typing.get_args(node))


def _child_type(node: Any, key: str) -> Any:
    if isinstance(node, type) and issubclass(node, BaseModel):
        for name, field in node.model_fields.items():
            if key in (name, field.alias):
                return field.annotation
        return None
    if typing.get_origin(node) is dict:
        return typing.get_args(node)[1]
    return None


def _item_type(node: Any) -> Any:
    if typing.get_origin(node) is list:
        return typing.get_args(node)[0]
    return None


def _allowed_keys(node: Any) -> list[str]:
    if isinstance(node, type) and issubclass(node, BaseModel):
        return [field.alias or name for name, field in node.model_fields.items()]
    return []


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "an empty value"
    return str(value)


def _message(detail: Any, parent: Any) -> str:
    kind = detail["type"]
    ctx = detail.get("ctx") or {}
    if kind in _WANTS_A_NUMBER:
        value = detail.get("input")
        written = number_written(value)
        if written is not None:
            if _is_plain_number(value):  # quoted: '60e6' or "60000000"
                return f"{_shown(value)} is text, not a number; write it without quotes: {written}"
            return f"{_shown(value)} is not a number; write it as {written}"
    special = _SPECIAL.get(kind)
    if special is not None:
        return special(detail, ctx, parent)
    template = _TEMPLATES.get(kind) or (
        "{shown} is not a date; write it as YYYY-MM-DD" if kind.startswith("date") else None
    )
    if template is None:
        return str(detail["msg"])
    return template.format(shown=_shown(detail.get("input")), **ctx)


#: The errors of a key that takes a number or a distribution, when it is given something else.
_WANTS_A_NUMBER = frozenset(
    {
        "float_parsing",
        "float_type",
        "int_parsing",
        "int_type",
        "dict_type",
        "model_type",
        "model_attributes_type",
    }
)

#: A number as written in prose: thousands grouped by commas, spaces or underscores, a currency
#: before or after, a scale word or letter after (``$60M``, ``60,000,000``, ``USD 1.5 million``).
_PROSE_NUMBER = re.compile(
    r"(?P<sign>[-+]?)\s*(?:[$€£¥]|(?:USD|EUR|GBP|JPY)\s)?\s*"
    r"(?P<digits>\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ _]\d{3})+|\d+)"
    r"(?P<fraction>\.\d+)?(?P<power>[eE][-+]?\d+)?\s*"
    r"(?P<scale>k|K|thousand|m|M|MM|mm|mn|million|bn|B|billion)?\s*"
    r"(?:USD|EUR|GBP|JPY|dollars?|euros?)?",
)
_SCALES = {"k": 3, "K": 3, "thousand": 3, "bn": 9, "B": 9, "billion": 9}


def number_written(value: Any) -> str | None:
    """How to write `value`, text that reads as a number, as a YAML number; None if it does not.

    ``"$60M"`` -> ``60_000_000 or 60e6``; ``"60,000"`` -> ``60_000 or 60e3``.
    """
    if not isinstance(value, str):
        return None
    match = _PROSE_NUMBER.fullmatch(value.strip())
    if match is None:
        return None
    scale = match["scale"]
    if scale and match["power"]:
        return None
    exponent = _SCALES.get(scale, 6) if scale else int((match["power"] or "e0")[1:])
    digits = re.sub(r"[ ,_]", "", match["digits"])
    number = float(f"{match['sign']}{digits}{match['fraction'] or ''}e{exponent}")
    if not math.isfinite(number):
        return None
    if number.is_integer() and abs(number) >= 1000:
        return f"{int(number):_} or {_e_form(number)}"
    return f"{number:g}"


def _is_plain_number(text: str) -> bool:
    try:
        float(text.replace("_", ""))
    except ValueError:
        return False
    return True


def _e_form(number: float) -> str:
    """A number in e-notation with an exponent that is a multiple of 3: 60e6, 1.5e6, 250e3."""
    exponent = math.floor(math.log10(abs(number)))
    exponent -= exponent % 3
    return f"{number / 10**exponent:g}e{exponent}"


def _unknown_key(detail: Any, ctx: dict[str, Any], parent: Any) -> str:
    key = str(detail["loc"][-1])
    allowed = _allowed_keys(parent)
    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    if close:
        return f"unknown key (did you mean '{close[0]}'?)"
    return "unknown key; allowed keys: " + ", ".join(allowed)


def _not_allowed(detail: Any, ctx: dict[str, Any], parent: Any) -> str:
    value = detail.get("input")
    expected = str(ctx.get("expected", ""))
    options = [option.strip(" '") for option in expected.replace(" or ", ",").split(",")]
    close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"{_shown(value)} is not allowed{hint}; use one of: {', '.join(options)}"


def _not_a_distribution(detail: Any, ctx: dict[str, Any], parent: Any) -> str:
    return f"'{ctx.get('tag')}' is not a distribution; use one of: " + ", ".join(DIST_KINDS)


def _our_own(detail: Any, ctx: dict[str, Any], parent: Any) -> str:
    """Our validators already phrase "what is wrong; what to do"."""
    return str(ctx.get("error", detail["msg"]))


_SPECIAL: dict[str, Callable[[Any, dict[str, Any], Any], str]] = {
    "extra_forbidden": _unknown_key,
    "literal_error": _not_allowed,
    "union_tag_invalid": _not_a_distribution,
    "value_error": _our_own,
}

_TEMPLATES = {
    "missing": "required key is missing; add it",
    "union_tag_not_found": "a distribution needs a 'dist' key; write a number or e.g. "
    "{{dist: triangular, min: 1, mode: 2, max: 3}}",
    "float_parsing": "{shown} is not a number; use a number",
    "float_type": "{shown} is not a number; use a number",
    "int_parsing": "{shown} is not a whole number; use a whole number",
    "int_type": "{shown} is not a whole number; use a whole number",
    "int_from_float": "{shown} is not a whole number; use a whole number",
    "finite_number": "{shown} is not a finite number; use a finite number",
    "greater_than_equal": "{shown} is out of range; use a number >= {ge}",
    "greater_than": "{shown} is out of range; use a number > {gt}",
    "less_than_equal": "{shown} is out of range; use a number <= {le}",
    "less_than": "{shown} is out of range; use a number < {lt}",
    "dict_type": "expected a mapping (key: value lines), got {shown}; write it as a mapping",
    "model_type": "expected a mapping (key: value lines), got {shown}; write it as a mapping",
    "model_attributes_type": "expected a mapping (key: value lines), got {shown}; "
    "write it as a mapping",
    "list_type": "expected a list, got {shown}; write it as [a, b, ...]",
    "string_type": "expected text, got {shown}; quote it",
    "string_pattern_mismatch": "{shown} is not a valid name; use letters, digits, '_' and '-', "
    "starting with a letter",
    "bool_type": "{shown} is not true or false; use true or false",
    "bool_parsing": "{shown} is not true or false; use true or false",
    "too_short": "needs at least {min_length} item(s); add some",
    "too_long": "has too many items; use at most {max_length}",
}
