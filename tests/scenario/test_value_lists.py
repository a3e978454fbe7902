"""Lists of values as the command line writes them: commas, ranges, distributions."""

from __future__ import annotations

import datetime as dt

import pytest

from sim.core.errors import ScenarioError
from sim.scenario.value_lists import (
    parse_assignment,
    parse_setting,
    parse_values,
    setting_text,
    value_range,
)


def test_a_comma_list_keeps_the_commas_of_a_mapping() -> None:
    """Commas inside braces belong to the distribution."""
    values = parse_values("1, {dist: triangular, min: 1, mode: 2, max: 3}, 55e6")
    assert values == [1, {"dist": "triangular", "min": 1, "mode": 2, "max": 3}, 55e6]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("1:10:3", [1, 4, 7, 10]),
        ("1:9:3", [1, 4, 7]),
        ("0.1:0.3:0.1", [0.1, 0.2, 0.3]),
        ("40e6:85e6:15e6", [40e6, 55e6, 70e6, 85e6]),
        ("5:5:1", [5]),
        (
            "2027-01-01:2027-01-21:10",
            [dt.date(2027, 1, 1), dt.date(2027, 1, 11), dt.date(2027, 1, 21)],
        ),
    ],
)
def test_a_range_includes_its_stop_when_a_step_lands_on_it(text: str, values: list) -> None:
    """START:STOP:STEP counts in decimal, so 0.3 is reached from 0.1 by 0.1."""
    assert value_range(text) == values
    assert parse_values(text) == values


def test_ranges_and_values_mix() -> None:
    """A list may hold ranges beside single values."""
    assert parse_values("100,150:250:50") == [100, 150, 200, 250]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("1:10", "is not a range; write START:STOP:STEP"),
        ("1:10:0", "step that is not positive"),
        ("10:1:1", "ends before it starts"),
        ("a:b:c", "not a range of numbers"),
        ("1:1e9:1", "more than 1,000"),
        ("2027-01-01:2027-02-01:1.5", "whole number of days"),
    ],
)
def test_a_bad_range_says_what_is_wrong(text: str, problem: str) -> None:
    """Each bad range gets its own reason and names the key path."""
    with pytest.raises(ScenarioError, match=rf"^--set: sources\.cgi\.artists: .*{problem}"):
        parse_assignment(f"sources.cgi.artists={text}")


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("sources.cgi.artists=", "no values"),
        ("sources.cgi.artists=1,,2", "an empty value"),
        ("sources.cgi.artists", "write KEY.PATH=V1,V2"),
        ("sources..artists=1", "not a key path"),
        ("sources.orbit.seat_price_usd=60,000,000", "write the number as 60_000_000"),
        ("sources.orbit.seat_price_usd={dist: fixed", "fix the YAML syntax"),
    ],
)
def test_a_bad_assignment_is_one_line(text: str, problem: str) -> None:
    """No '=', no values, thousands commas, bad YAML: each named."""
    with pytest.raises(ScenarioError, match=problem) as raised:
        parse_assignment(text)
    assert len(raised.value.lines()) == 1


def test_an_assignment_gives_its_key_and_values() -> None:
    """KEY=V1,V2 -> (KEY, [V1, V2])."""
    assert parse_assignment("sources.cgi.artists=100,200") == ("sources.cgi.artists", [100, 200])


@pytest.mark.parametrize(
    "value",
    [None, True, 0.0, 60e6, 150, 1e-05, dt.date(2028, 3, 1), "insured", "2028", "a: b", {}, [1, 2]],
)
def test_a_setting_written_for_a_hint_reads_back_as_its_value(value: object) -> None:
    """`setting_text` gives KEY=VALUE that `parse_setting` reads as the same value."""
    assert parse_setting(setting_text("risks.slip.mitigation", value)) == (
        "risks.slip.mitigation",
        value,
    )


def test_a_setting_takes_one_value_commas_and_all() -> None:
    """A list or mapping with commas is one value; no value or no '=' is one line."""
    assert parse_setting("a.b={x: 1, y: [2, 3]}") == ("a.b", {"x": 1, "y": [2, 3]})
    for bad, problem in (("a.b=", "no value"), ("a.b", "write KEY.PATH=VALUE")):
        with pytest.raises(ScenarioError, match=problem) as raised:
            parse_setting(bad)
        assert len(raised.value.lines()) == 1
