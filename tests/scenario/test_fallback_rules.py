"""Fallback rules in the scenario: their shape, the triggers each source checks, the problems."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from sim.core.errors import ScenarioError
from sim.scenario.fallbacks import DESTINATIONS, WATCHED, assign
from sim.scenario.load import dump_scenario, scenario_from_data
from tests.conftest import tiny_data

#: The tiny scenario's "mixed" strategy plans suborbital minutes of weightless interiors (2)
#: and Earth views (2), and parabolic weightless interiors (5).
RULE: dict[str, Any] = {
    "source": "suborbital",
    "when": {"grounded_days": 90},
    "move_to": ["parabolic", "stock", "cgi"],
}


def problems(rule: dict[str, Any], strategy: str = "mixed", **changes: Any) -> list[str]:
    """The error lines of the tiny scenario with `rule` on `strategy` (empty if it loads)."""
    data = tiny_data(**changes)
    data["strategies"][strategy]["fallbacks"] = {"plan_b": rule}
    try:
        scenario_from_data(data, "film.yaml")
    except ScenarioError as error:
        return error.lines()
    return []


def test_a_rule_loads_and_round_trips() -> None:
    """A valid rule loads as given, reads as a producer wrote it, and the dump keeps it."""
    data = tiny_data()
    data["strategies"]["mixed"]["fallbacks"] = {
        "plan_b": {**RULE, "when": {"grounded_days": 90, "not_done_by": "2028-10-01"}}
    }
    scenario = scenario_from_data(data)
    rule = scenario.strategies["mixed"].fallbacks["plan_b"]
    assert rule.move_to == ["parabolic", "stock", "cgi"]
    assert rule.trigger_text() == "not done by 2028-10-01 or grounded 90 d past the plan"
    assert scenario_from_data(yaml.safe_load(dump_scenario(scenario))) == scenario


def test_a_strategy_without_rules_has_none() -> None:
    """The key left out: no rules."""
    assert scenario_from_data(tiny_data()).strategies["mixed"].fallbacks == {}


def test_the_flight_sources_are_watched_and_the_orbit_takes_no_minutes() -> None:
    """The registry's triggers make the watched sources; the orbit trains from day 0."""
    assert WATCHED == ("orbit", "suborbital", "parabolic")
    assert "orbit" not in DESTINATIONS
    assert {"suborbital", "parabolic", "ground", "led_volume", "stock", "cgi"} == set(DESTINATIONS)


@pytest.mark.parametrize(
    ("rule", "line"),
    [
        (
            {**RULE, "when": {"slots_missed": 2}},
            "film.yaml: strategies.mixed.fallbacks.plan_b.when.slots_missed: slots_missed does not"
            " apply to suborbital; its campaign checks: not_launched_by, not_done_by,"
            " grounded_days",
        ),
        (
            {**RULE, "source": "parabolic", "when": {"grounded_days": 30}, "move_to": ["cgi"]},
            "film.yaml: strategies.mixed.fallbacks.plan_b.when.grounded_days: grounded_days does"
            " not apply to parabolic; its campaign checks: not_launched_by, not_done_by",
        ),
        (
            {**RULE, "source": "orbit", "when": {"not_launched_by": "2028-01-01"}},
            "film.yaml: strategies.mixed.fallbacks.plan_b.source: the strategy plans no minutes"
            " on orbit, so there is nothing to watch; give orbit a share of the split or remove"
            " the rule",
        ),
        (
            {**RULE, "source": "ground"},
            "film.yaml: strategies.mixed.fallbacks.plan_b.source: no rule can watch ground: its"
            " track has no trigger to check; watch one of: orbit, suborbital, parabolic",
        ),
        (
            {
                **RULE,
                "source": "parabolic",
                "when": {"not_done_by": "2028-01-01"},
                "move_to": ["stock"],
            },
            "film.yaml: strategies.mixed.fallbacks.plan_b.move_to[0]: stock can film none of the"
            " kinds parabolic is planned for (weightless_interior); name a source that can, or cgi",
        ),
        (
            {**RULE, "move_to": ["orbit"]},
            "film.yaml: strategies.mixed.fallbacks.plan_b.move_to[0]: orbit cannot take minutes"
            " over late (its crew trains from the production's start); move them to one of:"
            " suborbital, parabolic, ground, led_volume, stock, cgi",
        ),
        (
            {**RULE, "move_to": ["suborbital", "cgi"]},
            "film.yaml: strategies.mixed.fallbacks.plan_b.move_to[0]: suborbital is the segment"
            " the rule cancels; name another",
        ),
        (
            {**RULE, "move_to": ["cgi", "cgi"]},
            "film.yaml: strategies.mixed.fallbacks.plan_b.move_to[1]: cgi is listed twice; list"
            " each source once",
        ),
        (
            {**RULE, "when": {"not_launched_by": "2026-12-01"}},
            "film.yaml: strategies.mixed.fallbacks.plan_b.when.not_launched_by: 2026-12-01 is not"
            " after the production's start_date 2027-01-04; give a date the segment could still"
            " meet",
        ),
    ],
)
def test_a_rule_that_cannot_work_gives_one_line_with_its_key_path(rule, line) -> None:
    """Each mistake is named where it was written, with what to do instead."""
    assert problems(rule) == [line]


def test_a_rule_needs_a_trigger() -> None:
    """An empty `when` is refused with the triggers to choose from."""
    (line,) = problems({**RULE, "when": {}})
    assert line.startswith("film.yaml: strategies.mixed.fallbacks.plan_b.when: ")
    assert "name at least one of: not_launched_by, not_done_by, slots_missed, grounded_days" in line


def test_an_unknown_trigger_is_refused() -> None:
    """A misspelt trigger is an unknown key, as anywhere in a scenario."""
    (line,) = problems({**RULE, "when": {"grounded_for_days": 90}})
    assert "strategies.mixed.fallbacks.plan_b.when.grounded_for_days" in line


def test_a_free_flyer_has_no_slots_to_miss() -> None:
    """slots_missed on a free flyer's orbit is refused; on a station visit it loads."""
    rule = {"source": "orbit", "when": {"slots_missed": 2}, "move_to": ["parabolic", "cgi"]}
    assert problems(rule, "orbit") == []
    (line,) = problems(rule, "orbit", sources__orbit={"mission": "free_flyer"})
    assert line.startswith("film.yaml: strategies.orbit.fallbacks.plan_b.when.slots_missed: a free")


def test_two_rules_on_one_segment_are_refused() -> None:
    """One rule per segment: its triggers together, the first to come fires it."""
    data = tiny_data()
    data["strategies"]["mixed"]["fallbacks"] = {"a": RULE, "b": RULE}
    with pytest.raises(ScenarioError) as error:
        scenario_from_data(data, "film.yaml")
    assert error.value.lines() == [
        "film.yaml: strategies.mixed.fallbacks.b.source: rule 'a' already watches suborbital;"
        " give one rule all its triggers (the first to come fires it)"
    ]


def test_a_rule_moving_minutes_to_a_crewed_flight_must_seat_the_crew() -> None:
    """A destination that flies people is checked for seats as a planned one is."""
    data = tiny_data(
        crew={"director_dp": {"count": 4, "backups": 0}, "lead_actor": {"count": 3, "backups": 0}}
    )
    data["strategies"] = {
        "p": {
            "split": {
                "weightless_interior": {"parabolic": 1},
                "earth_view": {"stock": 1},
                "exterior_eva": {"cgi": 1},
                "launch_landing": {"stock": 1},
                "ground_drama": {"ground": 1},
            },
            "fallbacks": {
                "b": {
                    "source": "parabolic",
                    "when": {"not_done_by": "2028-01-01"},
                    "move_to": ["suborbital"],
                }
            },
        }
    }
    with pytest.raises(ScenarioError) as error:
        scenario_from_data(data, "film.yaml")
    assert any(
        "7 flyers do not fit the 6 seats of a suborbital flight" in x for x in error.value.lines()
    )


def test_each_kind_goes_to_the_first_source_that_can_film_it() -> None:
    """Weightless interiors to the aircraft, Earth views past it to stock, launches too."""
    moved, left = assign(
        ["parabolic", "stock"],
        {"weightless_interior": 3.0, "earth_view": 2.0, "launch_landing": 1.0, "exterior_eva": 0.0},
    )
    assert moved == {
        "parabolic": {"weightless_interior": 3.0},
        "stock": {"earth_view": 2.0, "launch_landing": 1.0},
    }
    assert left == {}
    moved, left = assign(["parabolic"], {"earth_view": 2.0})
    assert (moved, left) == ({}, {"earth_view": 2.0})
