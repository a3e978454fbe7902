"""Scenario text: duplicate keys, the line of each problem, and alias bombs."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from sim.core.errors import ScenarioError
from sim.scenario.load import load_scenario
from sim.scenario.yaml_text import MAX_VALUES, parse, split_path
from tests.conftest import tiny_data


def lines_of(tmp_path: Path, text: str) -> list[str]:
    """The error lines `load_scenario` gives for this text, with the folder left out."""
    path = tmp_path / "film.yaml"
    path.write_text(text)
    try:
        load_scenario(path)
    except ScenarioError as error:
        return [line.replace(f"{tmp_path}/", "") for line in error.lines()]
    return []


def tiny_text(**changes) -> list[str]:
    """The tiny scenario as YAML lines, with dotted-path changes."""
    return yaml.safe_dump(tiny_data(**changes), sort_keys=False).splitlines()


def test_every_duplicate_key_is_refused_with_both_lines(tmp_path: Path) -> None:
    """Two duplicates at different depths: both reported, each with where the first was."""
    text = tiny_text()
    seed = text.index("  seed: 7")
    text.insert(seed + 1, "  seed: 8")
    title = text.index("  title: Tiny test film")
    text.insert(title + 1, "  title: Other")
    assert lines_of(tmp_path, "\n".join(text)) == [
        f"film.yaml: line {seed + 2}, column 3: simulation.seed: duplicate key (first on line "
        f"{seed + 1}); keep one of them",
        f"film.yaml: line {title + 2}, column 3: production.title: duplicate key (first on line "
        f"{title + 1}); keep one of them",
    ]


def test_schema_problems_carry_the_line_of_their_key(tmp_path: Path) -> None:
    """An unknown key, a bad value and a semantic problem each name their own line, in order."""
    data = tiny_data(production__budgt_usd=1)
    data["risks"]["slip"]["probability"] = 1.4
    data["strategies"]["orbit"]["split"]["weightless_interior"] = {"stock": 1}
    text = yaml.safe_dump(data, sort_keys=False).splitlines()
    typo = text.index("  budgt_usd: 1") + 1
    probability = text.index("    probability: 1.4") + 1
    assert lines_of(tmp_path, "\n".join(text)) == [
        f"film.yaml: line {typo}: production.budgt_usd: unknown key (did you mean 'budget_usd'?)",
        f"film.yaml: line {probability}: risks.slip.probability: 1.4 is not a probability; use a "
        "number from 0 to 1",
    ]
    data = tiny_data()
    data["strategies"]["orbit"]["split"]["weightless_interior"] = {"stock": 1}
    text = yaml.safe_dump(data, sort_keys=False).splitlines()
    stock = text.index("        stock: 1") + 1
    assert lines_of(tmp_path, "\n".join(text)) == [
        f"film.yaml: line {stock}: strategies.orbit.split.weightless_interior.stock: stock cannot "
        "deliver weightless_interior: archive footage cannot show your actors floating; move "
        "this fraction to another source"
    ]


def test_a_missing_key_points_at_its_section(tmp_path: Path) -> None:
    """A required key the file lacks gets the line of the section it belongs in."""
    data = tiny_data()
    del data["production"]["budget_usd"]
    text = yaml.safe_dump(data, sort_keys=False).splitlines()
    section = text.index("production:") + 1
    assert lines_of(tmp_path, "\n".join(text)) == [
        f"film.yaml: line {section}: production.budget_usd: required key is missing; add it"
    ]


def test_an_alias_bomb_is_refused_quickly() -> None:
    """Nine levels of ten aliases would expand to 10^9 values: refused in well under a second."""
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 10)
        levels.append(f"a{level}: &a{level} [{refs}]")
    started = time.perf_counter()
    with pytest.raises(ScenarioError, match=f"more than {MAX_VALUES:,} values"):
        parse("bomb.yaml", "\n".join(levels))
    assert time.perf_counter() - started < 5  # generous: it takes milliseconds


def test_merge_keys_are_not_duplicates() -> None:
    """``<<: *base`` may be overridden (a self-referencing alias: see the recursive-alias test)."""
    parsed = parse("film.yaml", "base: &base {a: 1, b: 2}\nother:\n  <<: *base\n  b: 3\n")
    assert parsed.data["other"] == {"a": 1, "b": 3}
    assert parsed.lines[("other", "b")] == 4


def test_key_paths_split_into_keys_and_indices() -> None:
    """The paths problems carry map back to the parser's keys."""
    assert split_path("risks.x.delay_days") == ("risks", "x", "delay_days")
    assert split_path("sources.orbit.weather_scrub_probability_by_month[3]") == (
        "sources",
        "orbit",
        "weather_scrub_probability_by_month",
        3,
    )


def test_yaml_nested_hundreds_deep_is_one_line_with_its_line() -> None:
    """Deep nesting (a flow list or indented keys): refused with the line, never RecursionError."""
    flow = "a: " + "[" * 900 + "]" * 900 + "\n"
    with pytest.raises(ScenarioError, match=r"line 1: nested more than 50 levels deep"):
        parse("film.yaml", flow)
    block = "a:\n" + "".join("  " * i + f"k{i}:\n" for i in range(1, 60)) + "  " * 60 + "v: 1\n"
    with pytest.raises(ScenarioError, match=r"line 52: nested more than 50 levels deep"):
        parse("film.yaml", block)


def test_a_recursive_alias_is_refused_where_it_is() -> None:
    """An alias to the mapping that holds it would make an infinite scenario."""
    with pytest.raises(ScenarioError, match=r"line 2: a\.b: this alias \(\*name\) stands for"):
        parse("film.yaml", "a: &x\n  b: *x\n")


def test_a_nul_byte_is_one_line_with_line_and_column() -> None:
    """A control character YAML forbids: its line and column, on one line."""
    with pytest.raises(ScenarioError) as raised:
        parse("film.yaml", "simulation:\n  seed: 1\x00\n")
    (line,) = raised.value.lines()
    assert line == (
        "film.yaml: line 2, column 10: the control character #x0000 is not allowed in YAML;"
        " remove it"
    )
