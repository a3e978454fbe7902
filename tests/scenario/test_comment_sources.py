"""Comments as sources: which comment cites which value, kept through loading and dumping."""

from __future__ import annotations

from pathlib import Path

import yaml

from sim.scenario.load import dump_scenario, load_scenario
from sim.scenario.yaml_text import dotted, parse
from tests.conftest import tiny_data

COMMENTED = """\
a: 1  # Variety, Oct 2020
b:  # TASS 4 Oct 2021
  x: 'q #1'  # its own
  y: 2
# a line of its own cites nothing
c: {dist: triangular, min: 1, mode: 2, max: 3}   # Follows 2018
d:
  - 1  # an item's comment cites nothing
  - 2
e: |  # on the indicator
  text
f: plain
  folded  # after the last line
g: &anchor 3  # anchored
h: *anchor  # aliased
i: *anchor
j: '#' #
"""


def sources(text: str) -> dict[str, str]:
    return {dotted(path): source for path, source in parse("t.yaml", text).sources.items()}


def test_a_comment_cites_the_value_it_follows_and_what_is_below_its_key() -> None:
    """Each rule of docs/reference/yaml.md on one file, by hand."""
    assert sources(COMMENTED) == {
        "a": "Variety, Oct 2020",
        "b": "TASS 4 Oct 2021",
        "b.x": "its own",
        "b.y": "TASS 4 Oct 2021",
        "c": "Follows 2018",
        "c.dist": "Follows 2018",
        "c.min": "Follows 2018",
        "c.mode": "Follows 2018",
        "c.max": "Follows 2018",
        "e": "on the indicator",
        "f": "after the last line",
        "g": "anchored",
        "h": "aliased",
    }


BARE = """\
a: 1
b:
  x: 'q #1'
  y: 2

c: {dist: triangular, min: 1, mode: 2, max: 3}
d:
  - 1
  - 2
e: |
  text
f: plain
  folded
g: &anchor 3
h: *anchor
i: *anchor
j: '#'
"""


def test_comments_change_neither_the_data_nor_the_lines() -> None:
    """The same file without its comments reads the same, key for key and line for line."""
    with_comments, without = parse("t.yaml", COMMENTED), parse("t.yaml", BARE)
    assert with_comments.data == without.data
    assert with_comments.data["b"]["x"] == "q #1"
    assert with_comments.data["j"] == "#"
    assert with_comments.lines == without.lines
    assert without.sources == {}


def _tiny_file(tmp_path: Path, **replace: str) -> Path:
    """The tiny scenario as a file, each line `old` replaced by `new` (comments added)."""
    data = tiny_data(sources={"orbit": {"seat_price_usd": "SEAT"}, "cgi": {"artists": 60}})
    text = yaml.safe_dump(data, sort_keys=False)
    text = text.replace("SEAT", "{dist: triangular, min: 50e6, mode: 55e6, max: 70e6}")
    for old, new in replace.items():
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "film.yaml"
    path.write_text(text)
    return path


COMMENTS = {
    "  budget_usd: 150000000\n": "  budget_usd: 150_000_000  # Variety, Oct 2020\n",
    "mode: 55e6, max: 70e6}\n": "mode: 55e6, max: 70e6}  # Axiom via CNN\n",
    "  deadline_date: '2029-01-04'\n": "  deadline_date: 2029-01-04  # assumption: a slot\n",
    "  cgi:\n": "  cgi:  # Framestore\n",
}


def test_the_scenario_keeps_its_comments_and_equals_the_uncommented(tmp_path: Path) -> None:
    """Comments are provenance: the scenario's values and its equality do not change."""
    commented = load_scenario(_tiny_file(tmp_path, **COMMENTS))
    bare = load_scenario(_tiny_file(tmp_path))
    assert commented.comment_sources == {
        "production.deadline_date": "assumption: a slot",
        "production.budget_usd": "Variety, Oct 2020",
        "sources.orbit.seat_price_usd": "Axiom via CNN",
        "sources.orbit.seat_price_usd.dist": "Axiom via CNN",
        "sources.orbit.seat_price_usd.min": "Axiom via CNN",
        "sources.orbit.seat_price_usd.mode": "Axiom via CNN",
        "sources.orbit.seat_price_usd.max": "Axiom via CNN",
        "sources.cgi": "Framestore",
        "sources.cgi.artists": "Framestore",
    }
    assert bare.comment_sources == {}
    assert commented == bare
    assert commented.sources.orbit.seat_price_usd.source is None  # the comment is not a key


def test_the_resolved_scenario_writes_each_comment_beside_its_value(tmp_path: Path) -> None:
    """After a number, a date, a distribution's key; a section's comment on its own values only.

    It reads back with the same sources, and dumps to the same text.
    """
    scenario = load_scenario(_tiny_file(tmp_path, **COMMENTS))
    text = dump_scenario(scenario)
    lines = text.splitlines()
    assert "  budget_usd: 150000000.0  # Variety, Oct 2020" in lines
    assert "  deadline_date: '2029-01-04'  # assumption: a slot" in lines
    assert "    seat_price_usd:  # Axiom via CNN" in lines
    assert "    artists: 60  # Framestore" in lines  # cgi's defaults are laid under it: not cited
    assert "  cgi:" in lines
    assert sum("#" in line for line in lines) == 4
    resolved = tmp_path / "resolved.yaml"
    resolved.write_text(text)
    again = load_scenario(resolved)
    assert again == scenario
    written = scenario.comment_sources
    del written["sources.cgi"]  # written on its one value that the file wrote
    assert again.comment_sources == written
    assert dump_scenario(again) == text


def test_a_scenario_without_comments_dumps_as_before(tiny_scenario) -> None:
    """No comment, no change: the text is PyYAML's dump of the resolved data."""
    data = tiny_scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    assert dump_scenario(tiny_scenario) == yaml.safe_dump(
        data, sort_keys=False, allow_unicode=True, width=100
    )
