"""The optimiser's search space: derived from the registry and the schema, decoded to strategies."""

from __future__ import annotations

import typing

import pytest

from sim.core.errors import UsageError
from sim.experiment.search_space import (
    BOOKED_DATE,
    SPLIT_STEP,
    VFX_TEAM,
    Candidate,
    Choice,
    Share,
    Steps,
    candidate_scenario,
    encode,
    fitted,
    is_shipped,
    shortfall_choices,
    space_of,
    split_of,
)
from sim.scenario.load import scenario_from_data
from sim.scenario.schema import Strategy
from sim.scenario.sources import REGISTRY, RESHOOT_SOURCES
from tests.conftest import tiny_data


def test_split_of_puts_the_share_on_the_grid_and_sums_to_one() -> None:
    """0.613 to the first is 0.6 (the nearest twentieth), the second takes the rest exactly."""
    split = split_of(("orbit", "parabolic", "cgi"), "cgi", "orbit", 0.613)
    assert split == {"orbit": 0.4, "cgi": 0.6}  # in the sources' order
    assert sum(split.values()) == 1.0
    assert split_of(("orbit", "cgi"), "cgi", "cgi", 0.7) == {"cgi": 1.0}
    assert split_of(("orbit", "cgi"), "orbit", "cgi", 0.99) == {"orbit": 1.0}
    assert SPLIT_STEP == 0.05


def test_the_split_offers_only_the_sources_that_can_film_each_kind(tiny_scenario) -> None:
    """Stock cannot film weightless interiors, parabolic flights no Earth view: not offered."""
    space = space_of(tiny_scenario)
    for kind, sources in space.sources_by_kind.items():
        assert sources == tuple(s for s in REGISTRY if kind not in REGISTRY[s].refuses)
    firsts = {d.name: d for d in space.dimensions if d.name.endswith(".first")}
    assert "stock" not in firsts["split.weightless_interior.first"].options  # type: ignore[union-attr]
    assert "parabolic" not in firsts["split.earth_view.first"].options  # type: ignore[union-attr]


def test_sources_limit_the_split_and_an_unknown_one_is_refused(tiny_scenario) -> None:
    """--source parabolic --source cgi: two sources a kind at most, CGI for kinds left over."""
    space = space_of(tiny_scenario, ["parabolic", "cgi"])
    assert space.sources_by_kind["weightless_interior"] == ("parabolic", "cgi")
    assert space.sources_by_kind["earth_view"] == ("cgi",)
    assert not any(d.name.startswith("split.earth_view") for d in space.dimensions)
    with pytest.raises(UsageError, match="--source orbti: no such source; name one of: orbit"):
        space_of(tiny_scenario, ["orbti"])


def test_shortfall_choices_come_from_the_schema() -> None:
    """cgi, cut, and reshoot once per source that can reshoot."""
    policies = typing.get_args(Strategy.model_fields["shortfall"].annotation)
    expected = [p for p in policies if p != "reshoot"] + [f"reshoot:{s}" for s in RESHOOT_SOURCES]
    assert sorted(shortfall_choices()) == sorted(expected)


def test_who_flies_is_every_non_empty_subset_of_the_crew_roles(tiny_scenario) -> None:
    """Two roles: both, either alone."""
    space = space_of(tiny_scenario)
    (crew,) = [d for d in space.dimensions if d.name == "crew"]
    assert isinstance(crew, Choice)
    assert crew.options == ("director_dp+lead_actor", "director_dp", "lead_actor")


def test_the_scenario_wide_keys_have_their_grids(tiny_scenario) -> None:
    """The team from half to double in tenths; the booked date from training to the deadline."""
    steps = {d.name: d for d in space_of(tiny_scenario).dimensions if isinstance(d, Steps)}
    team = steps[VFX_TEAM]
    assert (team.low, team.high, team.step) == (30, 120, 6)  # the tiny scenario has 60 artists
    date = steps[BOOKED_DATE]
    assert date.low >= tiny_scenario.sources.orbit.shortest_training_days
    assert date.high <= tiny_scenario.deadline_day
    assert (date.high - date.low) % date.step == 0


def test_a_decoded_candidate_is_a_valid_strategy(tiny_scenario) -> None:
    """The candidate's scenario loads, with the candidate alone and the changes made."""
    space = space_of(tiny_scenario)
    params = {
        "split.weightless_interior.first": "parabolic",
        "split.weightless_interior.second": "cgi",
        "split.weightless_interior.first_share": 0.65,
        "crew": "director_dp",
        "shortfall": "reshoot:parabolic",
        VFX_TEAM: 90,
    }
    candidate = space.decode(params)
    assert candidate.strategy["split"]["weightless_interior"] == {"parabolic": 0.65, "cgi": 0.35}
    assert candidate.strategy["crew"] == {"director_dp": {"count": 1, "backups": 1}}
    assert (candidate.strategy["shortfall"], candidate.strategy["reshoot_on"]) == (
        "reshoot",
        "parabolic",
    )
    assert candidate.changes == {VFX_TEAM: 90}  # no orbit in the split: the date is left alone
    scenario = candidate_scenario(tiny_scenario, candidate)
    assert list(scenario.strategies) == ["candidate"]
    assert scenario.sources.cgi.artists == 90


def test_a_shipped_two_source_strategy_encodes_exactly() -> None:
    """A strategy already on the grid comes back as itself: the search starts from it."""
    data = tiny_data()
    data["strategies"]["mixed"]["split"]["weightless_interior"] = {"parabolic": 0.7, "cgi": 0.3}
    scenario = scenario_from_data(data)
    space = space_of(scenario)
    candidate = space.decode(encode(space, "mixed"))
    own = scenario.strategies["mixed"]
    assert candidate.strategy["split"] == {
        kind: dict(fractions) for kind, fractions in own.split.items()
    }
    assert candidate.strategy["shortfall"] == own.shortfall
    assert candidate.changes == {}


def test_share_dimensions_are_a_half_to_all(tiny_scenario) -> None:
    """The first source takes at least half: the second's share is what is left."""
    shares = [d for d in space_of(tiny_scenario).dimensions if isinstance(d, Share)]
    assert shares
    assert all((d.low, d.high, d.step) == (0.5, 1.0, SPLIT_STEP) for d in shares)


def test_a_fallback_rule_keeps_only_destinations_that_can_film_its_kinds() -> None:
    """Orbit planned for Earth views only: parabolic flights cannot film them, so they go."""
    rule = {"source": "orbit", "when": {"slots_missed": 2}, "move_to": ["parabolic", "stock"]}
    assert fitted(rule, {"earth_view": {"orbit": 0.5, "stock": 0.5}})["move_to"] == ["stock"]
    assert fitted(rule, {"ground_drama": {"ground": 1.0}}) is None  # nothing left to move


def test_keep_leaves_a_choice_as_the_scenario_has_it(tiny_scenario) -> None:
    """--keep crew, shortfall, vfx-team: not searched; the scenario's crew flies, nothing cut."""
    space = space_of(tiny_scenario, keep=["crew", "shortfall", "vfx-team"])
    names = {d.name for d in space.dimensions}
    assert not names & {"crew", "shortfall", VFX_TEAM}
    assert BOOKED_DATE in names
    strategy = space.decode({}).strategy
    assert "crew" not in strategy
    assert strategy["shortfall"] == "cgi"


def test_a_candidate_is_told_from_the_scenarios_own_strategy(tiny_scenario) -> None:
    """The shipped strategy, encoded and decoded, is itself; another split or team is not."""
    space = space_of(tiny_scenario)
    own = space.decode(encode(space, "ground"))
    assert is_shipped(tiny_scenario, own, "ground")
    assert not is_shipped(tiny_scenario, own, "orbit")
    other = Candidate(own.strategy, {VFX_TEAM: 90})
    assert not is_shipped(tiny_scenario, other, "ground")
