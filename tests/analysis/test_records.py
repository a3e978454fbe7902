"""The typed summary: to_json gives summary.json's data, and from_json reads it back, checked."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from sim.analysis.records import Summary
from sim.analysis.summary import summarise
from sim.core.errors import SummaryError
from sim.experiment.runner import run_experiment
from sim.scenario.load import scenario_from_data
from sim.scenario.sources import SOURCES
from tests.conftest import tiny_data


@pytest.fixture(scope="module")
def summary() -> Summary:
    """The summary of 12 replications of the tiny scenario, with a precision target."""
    results = run_experiment(scenario_from_data(tiny_data()), replications=12, seed=3)
    return summarise(results, "ground").with_target(0.05)


def _text(summary: Summary) -> str:
    return json.dumps(summary.to_json(), indent=2, allow_nan=False) + "\n"


def test_the_summary_round_trips_through_its_json(summary: Summary) -> None:
    """Written as summary.json and read back, it is the same summary and the same bytes."""
    text = _text(summary)
    again = Summary.from_json(json.loads(text))
    assert again == summary
    assert _text(again) == text
    assert again.precision.target == 0.05
    assert again.comparison.baseline == "ground"


def test_the_json_holds_plain_data_in_the_file_layout(summary: Summary) -> None:
    """Dates as ISO text, intervals as lists, the keys in summary.json's order."""
    data = summary.to_json()
    assert list(data) == [
        "scenario",
        "seed",
        "replications",
        "start_date",
        "deadline_date",
        "budget_usd",
        "budget_basis",
        "currency",
        "financing",
        "bond_rate",
        "required_contingency",
        "strategies",
        "comparison",
        "precision",
        "risk_register",
        "cash_flow",
        "fallbacks",
        "decision",
    ]
    assert data["start_date"] == "2027-01-04"
    orbit = data["strategies"]["orbit"]
    assert list(orbit["cost"]) == ["mean", "p10", "p50", "p70", "p80", "p90"]
    assert [level["level"] for level in orbit["financing"]["joint"]] == [0.7, 0.8, 0.9]
    assert list(orbit["swings"]) == ["delivery_days", "cost_usd"]
    assert isinstance(orbit["p_joint_ci95"], list)
    assert list(data["precision"]) == ["cost_p80", "delivery_p80", "target"]


def _broken(data: dict[str, Any], how: str) -> object:
    data = copy.deepcopy(data)
    orbit = data["strategies"]["orbit"]
    if how == "missing":
        del orbit["p_joint_ci95"]
    elif how == "wrong type":
        orbit["cost"]["p80"] = "lots"
    elif how == "unknown key":
        orbit["p_rain"] = 0.5
    elif how == "not finite":
        orbit["cost"]["p80"] = float("inf")
    elif how == "a source short":
        del orbit["minutes_by_source"]["stock"]
    elif how == "a source more":
        orbit["planned_by_source"]["hologram"] = 1.0
    else:
        return [data]
    return data


def test_a_source_added_since_a_run_reads_as_no_minutes(summary: Summary) -> None:
    """A run written before a source existed planned and got nothing from it."""
    older = _broken(summary.to_json(), "a source short")
    read = Summary.from_json(older)
    assert read.strategies["orbit"].minutes_by_source["stock"] == 0.0
    assert list(read.strategies["orbit"].minutes_by_source) == list(SOURCES)


@pytest.mark.parametrize(
    ("how", "message"),
    [
        (
            "missing",
            "out/a/summary.json: strategies.orbit.p_joint_ci95: missing, so it was written by an "
            "older spacesim; run its scenario again, or give the scenario file instead",
        ),
        (
            "wrong type",
            "out/a/summary.json: strategies.orbit.cost.p80: input should be a valid number, "
            "unable to parse string as a number (found 'lots'); run its scenario again",
        ),
        ("unknown key", "out/a/summary.json: strategies.orbit.p_rain: unknown key, so it was"),
        ("not finite", "out/a/summary.json: strategies.orbit.cost.p80: input should be a finite"),
        ("not an object", "out/a/summary.json: not a spacesim summary"),
        (
            "a source more",
            "out/a/summary.json: strategies.orbit.planned_by_source: unknown 'hologram', so it "
            "was written by a newer spacesim",
        ),
    ],
)
def test_a_summary_of_another_layout_is_one_line_naming_file_and_key(
    summary: Summary, how: str, message: str
) -> None:
    """Missing keys, wrong types, unknown keys or sources: one SummaryError line, exit code 2."""
    with pytest.raises(SummaryError) as raised:
        Summary.from_json(_broken(summary.to_json(), how), file="out/a/summary.json")
    assert str(raised.value).startswith(message)
    assert len(raised.value.lines()) == 1
    assert raised.value.exit_code == 2
