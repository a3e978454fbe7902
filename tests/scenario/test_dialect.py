"""The scenario dialect in public: `sim.read_yaml`, and numbers written as prose refused kindly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

import sim
from sim.core.errors import ScenarioError
from sim.scenario.load import load_scenario, scenario_from_data
from sim.scenario.messages import number_written
from sim.scenario.yaml_text import read_yaml
from tests.conftest import tiny_data


def test_read_yaml_reads_numbers_and_dates_as_the_loader_does() -> None:
    """55e6 and 60_000_000 are numbers (yaml.safe_load makes text of the first), dates dates."""
    text = "a: 55e6\nb: 60_000_000\nc: 1_000.5\nd: 2027-01-04\ne: yes\nf: '55e6'\ng: 1.5E+3\n"
    assert sim.read_yaml is read_yaml
    assert read_yaml(text) == {
        "a": 55e6,
        "b": 60_000_000,
        "c": 1000.5,
        "d": dt.date(2027, 1, 4),
        "e": True,
        "f": "55e6",
        "g": 1500.0,
    }
    assert yaml.safe_load(text)["a"] == "55e6"  # why the reader is public


def test_read_yaml_refuses_a_duplicate_key_with_both_lines() -> None:
    """The loader's rules hold for any text read."""
    with pytest.raises(ScenarioError) as raised:
        read_yaml("seed: 1\nseed: 2\n", "notes.yaml")
    assert raised.value.lines() == [
        "notes.yaml: line 2, column 1: seed: duplicate key (first on line 1); keep one of them"
    ]


def test_a_date_the_calendar_lacks_is_one_located_line() -> None:
    """2027-13-45 looks like a date to YAML; it was a bare ValueError, it is a problem now."""
    with pytest.raises(ScenarioError) as raised:
        read_yaml("production:\n  start_date: 2027-13-45\n", "film.yaml")
    assert raised.value.lines() == [
        "film.yaml: line 2, column 15: production.start_date: '2027-13-45' is not a date; write"
        " it as YYYY-MM-DD (a real day)"
    ]


@pytest.mark.parametrize(
    ("written", "fix"),
    [
        ("60,000,000", "60_000_000 or 60e6"),
        ("$60M", "60_000_000 or 60e6"),
        ("60 M", "60_000_000 or 60e6"),
        ("60M", "60_000_000 or 60e6"),
        ("USD 1.5 million", "1_500_000 or 1.5e6"),
        ("250k", "250_000 or 250e3"),
        ("1 000 000", "1_000_000 or 1e6"),
        ("$2bn", "2_000_000_000 or 2e9"),
    ],
)
def test_a_number_written_as_prose_gets_the_yaml_spelling(written: str, fix: str) -> None:
    """Hand-computed: M is a million, k a thousand, bn a billion; commas group thousands."""
    assert number_written(written) == fix


@pytest.mark.parametrize("written", ["1,5", "60.000.000", "3 days", "abc", "", "1e400", "60Me6"])
def test_text_that_is_no_number_gets_no_spelling(written: str) -> None:
    """A European decimal, a unit other than a scale, or words: no guess."""
    assert number_written(written) is None


def _lines(tmp_path: Path, budget: str, seat: str) -> list[str]:
    data = tiny_data(production__budget_usd="BUDGET", sources={"orbit": {"seat_price_usd": "S"}})
    text = yaml.safe_dump(data, sort_keys=False).replace("BUDGET", budget)
    path = tmp_path / "film.yaml"
    path.write_text(text.replace("seat_price_usd: S", f"seat_price_usd: {seat}"))
    with pytest.raises(ScenarioError) as raised:
        load_scenario(path)
    return [line.replace(f"{tmp_path}/", "") for line in raised.value.lines()]


@pytest.mark.parametrize("written", ["60,000,000", "$60M", "60 M", "60M"])
def test_a_number_or_distribution_written_as_prose_says_how_to_write_it(
    tmp_path: Path, written: str
) -> None:
    """A plain number (the budget) and a distribution (a seat) alike: key path, line, the fix."""
    assert _lines(tmp_path, written, written) == [
        f"film.yaml: line 9: production.budget_usd: '{written}' is not a number; write it as"
        " 60_000_000 or 60e6",
        f"film.yaml: line 25: sources.orbit.seat_price_usd: '{written}' is not a number; write"
        " it as 60_000_000 or 60e6",
    ]


def test_a_quoted_number_where_a_distribution_goes_says_to_drop_the_quotes(tmp_path: Path) -> None:
    """'55e6' is text in any YAML; a distribution must be a number or a mapping."""
    assert _lines(tmp_path, "150e6", "'55e6'") == [
        "film.yaml: line 25: sources.orbit.seat_price_usd: '55e6' is text, not a number; write it"
        " without quotes: 55_000_000 or 55e6"
    ]


def test_other_text_where_a_distribution_goes_says_how_to_write_either(tmp_path: Path) -> None:
    """Not 'expected a mapping': the key takes a number or a distribution, and says so."""
    assert _lines(tmp_path, "150e6", "expensive") == [
        "film.yaml: line 25: sources.orbit.seat_price_usd: 'expensive' is not a number or a"
        " distribution; write a number (60_000_000, 60e6) or a mapping with dist: (fixed,"
        " uniform, triangular, pert, normal, lognormal, gamma, bernoulli, discrete, empirical,"
        " mixture)"
    ]


def test_text_where_a_section_goes_keeps_the_mappings_message() -> None:
    with pytest.raises(ScenarioError) as error:
        scenario_from_data(tiny_data(production="abc"))
    assert "production: expected a mapping (key: value lines), got 'abc'" in str(error.value)
