"""Scenario files as YAML text: parsed strictly, with the line and the comment of every key kept.

PyYAML keeps the last of two equal keys without a word, so a producer who pastes a second
``seed:`` would run a scenario they never wrote: duplicates are refused here, all at once,
with both lines. Aliases are expanded while walking, so a file that expands past
`MAX_VALUES` values (a "billion laughs") is refused before anything copies it.

A comment after a value is that value's source (``budget_usd: 200_000_000  # Variety``): the
text is parsed once, and the comment is read off the line where the value ends, which the
parser's marks give (PyYAML drops comments, but a ``#`` after the end of a value, on its line,
can only start one). The rule, as docs/reference/yaml.md states it:

- a comment on the line where a value ends cites that value; a value written as ``{...}`` or
  ``[...]`` is cited whole;
- a comment after a key whose mapping or list follows on the next lines (``crew:  # TASS``)
  cites every value written below it that has no comment of its own;
- comments on lines of their own, and after the items of a list, cite nothing.
"""

from __future__ import annotations

import contextlib
import re
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import CollectionNode, MappingNode, Node, ScalarNode, SequenceNode

from sim.core.errors import Problem, ScenarioError

#: Most values a scenario may hold once its aliases are expanded (a large one holds ~1,000).
MAX_VALUES = 100_000

KeyPath = tuple[str | int, ...]
_MERGE = "tag:yaml.org,2002:merge"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
#: A comment's text, up to the end of its line (any of the line breaks PyYAML counts).
_TEXT = r"#([^\r\n\x85\u2028\u2029]*)"
#: After a value, on the line where it ends: its comment.
_AFTER_VALUE = re.compile(r"[ \t]*" + _TEXT)
#: After a key whose value is below it or an alias (``key: &a  # comment``, ``key: *a  # c``).
_AFTER_KEY = re.compile(r"[ \t]*:(?:[ \t]+[&!*][^ \t\r\n]*)*[ \t]+" + _TEXT)
#: After the start of a block scalar: ``key: |  # comment``.
_AFTER_INDICATOR = re.compile(r"[|>][-+0-9]*[ \t]+" + _TEXT)


class _Loader(yaml.SafeLoader):
    """PyYAML's safe loader, also reading ``55e6`` as a number (YAML 1.2 does; 1.1 did not)."""


_Loader.add_implicit_resolver(
    "tag:yaml.org,2002:float",
    re.compile(r"^[-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?[eE][-+]?[0-9]+$"),
    list("-+0123456789"),
)


@dataclass(frozen=True)
class Parsed:
    """A scenario file's data, the line of each key path, and the comments that cite values.

    `sources` holds, for each key path the file writes, the comment that cites its value (its
    own, or the one after the key of a mapping it is in); `comment_lines`, for each key path,
    the line a comment citing its value is read from (where the value ends, or the key's line
    when the value is a mapping or list below it).
    """

    data: Any
    lines: dict[KeyPath, int]
    sources: dict[KeyPath, str] = field(default_factory=dict)
    comment_lines: dict[KeyPath, int] = field(default_factory=dict)

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


def dotted(path: KeyPath) -> str:
    """('a', 2, 'b') -> ``a[2].b``, the key path as problems and the register write it."""
    return "".join(
        f"[{part}]" if isinstance(part, int) else f".{part}" if index else str(part)
        for index, part in enumerate(path)
    )


def read_yaml(text: str, name: str = "<yaml>") -> Any:
    """Read YAML as spacesim reads a scenario file, and return its plain data.

    The dialect is YAML 1.1's (PyYAML's safe loader: ``2027-01-04`` is a date, ``60_000_000``
    a whole number, ``yes`` true) with ``55e6`` a number, as YAML 1.2 reads it; a key given
    twice, an alias that expands past `MAX_VALUES` values and nesting past `MAX_DEPTH` levels
    are refused. See docs/reference/yaml.md.

    Args:
        text: the YAML text.
        name: what the errors call the text (a file name).

    Raises:
        ScenarioError: the text is not YAML, or breaks a rule above; one line per problem.
    """
    return parse(name, text).data


def split_path(path: str) -> KeyPath:
    """``risks.x.delay_days`` -> ('risks', 'x', 'delay_days'); ``a[2]`` -> ('a', 2)."""
    parts: list[str | int] = []
    for token in re.findall(r"\[\d+\]|[^.\[\]]+", path):
        parts.append(int(token[1:-1]) if token.startswith("[") else token)
    return tuple(parts)


def parse(name: str, text: str) -> Parsed:
    """Parse scenario text; raise `ScenarioError` for bad syntax, duplicate keys or a bomb."""
    try:
        loader = _Loader(text)  # a SafeLoader subclass: no arbitrary objects
        try:
            root = loader.get_single_node()
            walk = _Walk(text, loader)
            if root is not None:
                with contextlib.suppress(_TooDeepError):
                    walk.visit(root, (), None)
            if walk.problems:
                raise ScenarioError(name, walk.problems)
            data = None if root is None else loader.construct_document(root)  # no second parse
        finally:
            loader.dispose()
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
    return Parsed(data, walk.lines, walk.sources, walk.comment_lines)


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
    """Visits the node tree once, aliases expanded: key lines, comments, duplicate keys, size."""

    def __init__(self, text: str, loader: _Loader) -> None:
        self.text = text
        self.loader = loader
        self.lines: dict[KeyPath, int] = {}
        self.sources: dict[KeyPath, str] = {}
        self.comment_lines: dict[KeyPath, int] = {}
        self.problems: list[Problem] = []
        self.budget = MAX_VALUES
        self.open: set[int] = set()

    def visit(self, node: Node, path: KeyPath, cited: str | None) -> None:
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
            self._mapping(node, path, cited)
        elif isinstance(node, SequenceNode):
            for index, item in enumerate(node.value):
                self.visit(item, (*path, index), cited)
        elif isinstance(node, ScalarNode) and node.tag == _TIMESTAMP:
            self._date(node, path)
        self.open.discard(id(node))

    def _mapping(self, node: MappingNode, path: KeyPath, cited: str | None) -> None:
        first: dict[str, int] = {}
        merged = [value for key, value in node.value if key.tag == _MERGE]
        for key, value in node.value:
            if key.tag == _MERGE:  # "<<: *base": visited last, as this mapping's keys override
                continue
            if not isinstance(key, ScalarNode):
                self.visit(value, path, cited)
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
            here = (*path, name)
            self.lines.setdefault(here, line)
            comment, comment_line = self._comment(key, value)
            self.comment_lines.setdefault(here, comment_line)
            source = comment or cited
            if source is not None:
                self.sources.setdefault(here, source)
            self.visit(value, here, source)
        for value in merged:
            self.visit(value, path, cited)

    def _comment(self, key: ScalarNode, value: Node) -> tuple[str | None, int]:
        """The comment that cites `value` (None if none), and the line it is read from."""
        if value.start_mark.index < key.end_mark.index or (
            isinstance(value, CollectionNode) and not value.flow_style
        ):  # an alias to a node anchored above, or a block mapping or list below the key
            mark, pattern = key.end_mark, _AFTER_KEY
        elif isinstance(value, ScalarNode) and value.style in ("|", ">"):
            mark, pattern = value.start_mark, _AFTER_INDICATOR
        else:
            mark, pattern = value.end_mark, _AFTER_VALUE
        match = pattern.match(self.text, mark.index)
        text = match.group(1).strip() if match else ""
        return text or None, mark.line + 1

    def _date(self, node: ScalarNode, path: KeyPath) -> None:
        """Refuse a date the calendar lacks (PyYAML would raise a bare ValueError)."""
        try:
            self.loader.construct_yaml_timestamp(node)
        except ValueError:
            self.problems.append(
                Problem(
                    dotted(path),
                    f"'{node.value}' is not a date; write it as YYYY-MM-DD (a real day)",
                    line=node.start_mark.line + 1,
                    column=node.start_mark.column + 1,
                )
            )
