"""Scenario files as YAML text: parsed strictly, with the line of every key kept.

PyYAML keeps the last of two equal keys without a word, so a producer who pastes a second
``seed:`` would run a scenario they never wrote: duplicates are refused here, all at once,
with both lines. Aliases are expanded while walking, so a file that expands past
`MAX_VALUES` values (a "billion laughs") is refused before anything copies it.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from sim.core.errors import Problem, ScenarioError

#: Most values a scenario may hold once its aliases are expanded (a large one holds ~1,000).
MAX_VALUES = 100_000

KeyPath = tuple[str | int, ...]
_MERGE = "tag:yaml.org,2002:merge"


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, also reading ``55e6`` as a number (YAML 1.2 does; 1.1 did not)."""


_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)


@dataclass(frozen=True)
class Parsed:
    """A scenario file's data, and the line on which each key path was written."""

    data: Any
    lines: dict[KeyPath, int]

    def locate(self, problem: Problem) -> Problem:
        """`problem` with the line of its key path, or of the nearest parent the file has."""
        if problem.line is not None or not problem.path:
            return problem
        path = split_path(problem.path)
        for end in range(len(path), 0, -1):
            line = self.lines.get(path[:end])
            if line is not None:
                return Problem(problem.path, problem.message, line=line)
        return problem


def split_path(path: str) -> KeyPath:
    """``risks.x.delay_days`` -> ('risks', 'x', 'delay_days'); ``a[2]`` -> ('a', 2)."""
    parts: list[str | int] = []
    for token in re.findall(r"\[\d+\]|[^.\[\]]+", path):
        parts.append(int(token[1:-1]) if token.startswith("[") else token)
    return tuple(parts)


def parse(name: str, text: str) -> Parsed:
    """Parse scenario text; raise `ScenarioError` for bad syntax, duplicate keys or a bomb."""
    try:
        root = yaml.compose(text, Loader=_Loader)  # a SafeLoader subclass: no arbitrary objects
        walk = _Walk()
        if root is not None:
            with contextlib.suppress(_TooDeepError):
                walk.visit(root, ())
        if walk.problems:
            raise ScenarioError(name, walk.problems)
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        problem = error.problem or "invalid YAML"
        raise ScenarioError(
            name,
            [
                Problem(
                    "",
                    f"{problem}; fix the YAML syntax there",
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                )
            ],
        ) from None
    except yaml.reader.ReaderError as error:  # a character YAML forbids (NUL, other controls)
        before = text[: error.position]
        raise ScenarioError(
            name,
            [
                Problem(
                    "",
                    f"the control character #x{_code(error.character):04x} is not allowed in"
                    " YAML; remove it",
                    line=before.count("\n") + 1,
                    column=len(before) - before.rfind("\n"),
                )
            ],
        ) from None
    except yaml.YAMLError as error:
        raise ScenarioError(name, [Problem("", f"invalid YAML ({error})")]) from None
    except RecursionError:  # the composer recurses once per level of nesting
        raise ScenarioError(name, [_too_deep(text)]) from None
    except _TooLargeError:
        raise ScenarioError(
            name,
            [
                Problem(
                    "",
                    f"the file expands to more than {MAX_VALUES:,} values through its aliases "
                    "(*name); a scenario needs far fewer, so write the values out",
                )
            ],
        ) from None
    return Parsed(data, walk.lines)


def _code(character: int | str) -> int:
    """A character's code point, as PyYAML's reader gives either."""
    return character if isinstance(character, int) else ord(character)


#: The deepest nesting a scenario may have; its own is five levels or so.
MAX_DEPTH = 50


def _too_deep(text: str) -> Problem:
    """The problem of a document nested too deeply, on the first line that goes past the limit."""
    depth = 0
    for number, line in enumerate(text.splitlines(), start=1):
        indent = (len(line) - len(line.lstrip(" "))) // 2
        for char in line:
            depth += (char in "[{") - (char in "]}")
            if depth + indent > MAX_DEPTH:
                return _depth_problem(number)
    return _depth_problem(None)


def _depth_problem(line: int | None) -> Problem:
    return Problem(
        "",
        f"nested more than {MAX_DEPTH} levels deep; a scenario needs a handful: flatten it",
        line=line,
    )


class _TooLargeError(Exception):
    """The document expands past `MAX_VALUES` values."""


class _TooDeepError(Exception):
    """The document nests past `MAX_DEPTH` levels (the problem is already recorded)."""


class _Walk:
    """Visits the node tree once, aliases expanded: key lines, duplicate keys, size."""

    def __init__(self) -> None:
        self.lines: dict[KeyPath, int] = {}
        self.problems: list[Problem] = []
        self.budget = MAX_VALUES
        self.open: set[int] = set()

    def visit(self, node: Node, path: KeyPath) -> None:
        self.budget -= 1
        if self.budget < 0:
            raise _TooLargeError
        if id(node) in self.open:  # an alias to an enclosing node: a recursive structure
            self.problems.append(
                Problem(
                    ".".join(str(part) for part in path),
                    "this alias (*name) stands for the mapping or list it is inside (anchored"
                    f" on line {node.start_mark.line + 1}), so the scenario would never end;"
                    " write the values out",
                    line=self.lines.get(path, node.start_mark.line + 1),
                )
            )
            return
        if len(path) > MAX_DEPTH:
            self.problems.append(_depth_problem(node.start_mark.line + 1))
            raise _TooDeepError
        self.open.add(id(node))
        if isinstance(node, MappingNode):
            self._mapping(node, path)
        elif isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                self.visit(item, (*path, index))
        self.open.discard(id(node))

    def _mapping(self, node: MappingNode, path: KeyPath) -> None:
        first: dict[str, int] = {}
        merged = [value for key, value in node.value if key.tag == _MERGE]
        for key, value in node.value:
            if key.tag == _MERGE:  # "<<: *base": visited last, as this mapping's keys override
                continue
            if not isinstance(key, ScalarNode):
                self.visit(value, path)
                continue
            line = key.start_mark.line + 1
            name = str(key.value)
            if name in first:
                self.problems.append(
                    Problem(
                        ".".join(str(part) for part in (*path, name)),
                        f"duplicate key (first on line {first[name]}); keep one of them",
                        line=line,
                        column=key.start_mark.column + 1,
                    )
                )
                continue
            first[name] = line
            self.lines.setdefault((*path, name), line)
            self.visit(value, (*path, name))
        for value in merged:
            self.visit(value, path)
