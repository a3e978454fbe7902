"""The input diff of `spacesim compare`: exactly the leaves two resolved scenarios differ in."""

from __future__ import annotations

from typing import Any

import yaml

from sim.report.input_diff import (
    UNKNOWN,
    VERSION_KEY,
    distribution_text,
    input_diff,
    leaves,
    value_text,
)
from sim.scenario.load import dump_scenario, scenario_from_data
from tests.conftest import tiny_data


def _resolved(data: dict[str, Any]) -> dict[str, Any]:
    """A scenario as its run folder's scenario.resolved.yaml holds it, read back."""
    loaded: dict[str, Any] = yaml.safe_load(dump_scenario(scenario_from_data(data)))
    return loaded


def test_the_diff_of_two_resolved_scenarios_is_exactly_the_changed_leaves() -> None:
    """Three edits (a count, a distribution's kind, the seed) are three rows, no more."""
    edited = tiny_data()
    edited["sources"]["cgi"]["artists"] = 80
    edited["risks"]["slip"]["delay_days"] = {"dist": "triangular", "min": 10, "mode": 30, "max": 90}
    edited["simulation"]["seed"] = 8
    diff = input_diff([_resolved(tiny_data()), _resolved(edited)], ["0.1", "0.1"], ["a", "b"])
    assert {change.key: change.values for change in diff.changes} == {
        "simulation.seed": ("7", "8"),
        "sources.cgi.artists": ("60", "80"),
        "risks.slip.delay_days": (
            "uniform(low 10; high 90)",
            "triangular(min 10; mode 30; max 90)",
        ),
    }
    assert [change.key for change in diff.changes] == [
        "simulation.seed",
        "sources.cgi.artists",
        "risks.slip.delay_days",
    ]  # in the first scenario's order
    assert diff.notes == ()


def test_the_same_scenario_has_no_changes() -> None:
    """A scenario against itself: nothing changed."""
    same = _resolved(tiny_data())
    assert input_diff([same, same], ["0.1", "0.1"], ["a", "b"]).changes == ()


def test_a_distribution_is_one_leaf_and_its_source_another() -> None:
    """A cited triangular made a plain number: the parameters change, the source goes."""
    cited = {
        "price": {"dist": "triangular", "min": 55e6, "mode": 70e6, "max": 75e6, "source": "Verge"}
    }
    cited["price"]["currency"] = "USD"
    plain = {"price": {"dist": "fixed", "value": 60e6}}
    assert leaves(cited) == {
        "price": "triangular(min 55,000,000; mode 70,000,000; max 75,000,000; currency USD)",
        "price.source": "Verge",
    }
    diff = input_diff([cited, plain], [None, None], ["a", "b"])
    assert [(c.key, c.values) for c in diff.changes] == [
        ("price", (leaves(cited)["price"], "fixed 60,000,000")),
        ("price.source", ("Verge", None)),
    ]


def test_keys_one_run_lacks_are_absent_and_an_empty_mapping_is_no_leaf() -> None:
    """A key added shows as absent in the run without it; {} reads the same as no key."""
    first = {"strategies": {"a": {"fallbacks": {}, "shortfall": "cgi"}}}
    other = {"strategies": {"a": {"shortfall": "cgi"}, "b": {"shortfall": "cut"}}}
    diff = input_diff([first, other], [None, None], ["one", "two"])
    assert [(c.key, c.values) for c in diff.changes] == [
        ("strategies.b.shortfall", (None, "cut")),
    ]


def test_lists_are_taken_item_by_item() -> None:
    """A list item changed is one row, by its index."""
    diff = input_diff([{"w": [1.0, 2.0]}, {"w": [1.0, 3.0, 4.0]}], [None, None], ["a", "b"])
    assert [(c.key, c.values) for c in diff.changes] == [
        ("w[1]", ("2", "3")),
        ("w[2]", (None, "4")),
    ]


def test_the_version_is_the_first_change_and_a_missing_scenario_a_note() -> None:
    """Versions that differ are a row; a run without its scenario is not known, with a note."""
    diff = input_diff([{"x": 1}, None, {"x": 2}], ["0.1", "0.2", "0.1"], ["a", "b", "c"])
    assert diff.changes[0].key == VERSION_KEY
    assert diff.changes[0].values == ("0.1", "0.2", "0.1")
    assert diff.changes[1].values == ("1", UNKNOWN, "2")
    assert diff.notes == ("b: no scenario.resolved.yaml, so its inputs are not compared",)


def test_values_read_as_a_reader_writes_them() -> None:
    """Amounts with separators, counts and seeds as they are, small numbers exact."""
    assert value_text(200_000_000.0) == "200,000,000"
    assert value_text(20270104) == "20270104"
    assert value_text(0.0625) == "0.0625"
    assert value_text(True) == "true"
    assert value_text(None) == "null"
    assert distribution_text({"dist": "fixed", "value": 25_000.0, "currency": "EUR"}) == (
        "fixed 25,000 EUR"
    )
    nested = {
        "dist": "mixture",
        "weights": [0.8, 0.2],
        "components": [0, {"dist": "fixed", "value": 9}],
    }
    assert distribution_text(nested) == "mixture(weights [0.8, 0.2]; components [0, fixed 9])"
