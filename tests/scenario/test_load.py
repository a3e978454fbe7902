"""Loading scenarios: defaults, round trips, and one clear line per problem."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
import yaml

from sim.core.errors import ScenarioError
from sim.scenario.defaults import DEFAULTS, merged, sources_by_path
from sim.scenario.load import dump_scenario, load_scenario, scenario_from_data
from tests.conftest import TINY, tiny_data


def problems(data, file: str = "film.yaml") -> list[str]:
    """The error lines a scenario gives (empty if it loads)."""
    try:
        scenario_from_data(data, file)
    except ScenarioError as error:
        return error.lines()
    return []


def test_defaults_fill_what_the_file_leaves_out(tiny_scenario) -> None:
    """A source the file never mentions comes with its sourced defaults."""
    seat = tiny_scenario.sources.orbit.seat_price_usd
    assert (seat.min, seat.mode, seat.max) == (55e6, 70e6, 75e6)
    assert "Axiom" in seat.source


def test_a_user_value_replaces_a_default_distribution_whole() -> None:
    """A plain number replaces the default triangular, not mixes with it."""
    scenario = scenario_from_data(tiny_data(sources__orbit={"seat_price_usd": 60e6}))
    assert scenario.sources.orbit.seat_price_usd.dist == "fixed"


def test_loading_never_changes_the_input() -> None:
    """The plain data handed in is left as it was."""
    data = tiny_data()
    before = copy.deepcopy(data)
    scenario_from_data(data)
    assert data == before
    assert merged(data) is not data


def test_every_default_names_its_source() -> None:
    """Each default in the table carries a non-empty citation."""
    for path, default in sources_by_path().items():
        assert default.source.strip(), path
    assert "sources.orbit.seat_price_usd" in sources_by_path(DEFAULTS)


def test_the_resolved_scenario_loads_back_equal(tiny_scenario, tmp_path: Path) -> None:
    """The YAML written beside the results reads back into the same scenario."""
    path = tmp_path / "resolved.yaml"
    path.write_text(dump_scenario(tiny_scenario))
    assert load_scenario(path) == tiny_scenario


@pytest.mark.parametrize(
    ("change", "line"),
    [
        (
            {"production__budgt_usd": 1},
            "film.yaml: production.budgt_usd: unknown key (did you mean 'budget_usd'?)",
        ),
        (
            {"sources__orbit": {"seat_prise_usd": 1}},
            "film.yaml: sources.orbit.seat_prise_usd: unknown key (did you mean 'seat_price_usd'?)",
        ),
        (
            {"risks": {"early": {"probability": 1.4, "hits": "orbit"}}},
            "film.yaml: risks.early.probability: 1.4 is not a probability; "
            "use a number from 0 to 1",
        ),
        (
            {
                "sources__orbit": {
                    "training_days": {"dist": "triangular", "min": 9, "mode": 3, "max": 5}
                }
            },
            "film.yaml: sources.orbit.training_days: min 9, mode 3, max 5 are out of order; "
            "use min <= mode <= max with min < max",
        ),
        (
            {"sources__orbit": {"slip_days": {"dist": "normal", "mean": 10, "sd": 5}}},
            "film.yaml: sources.orbit.slip_days: this normal has no lower bound, but this quantity "
            "must be >= 0; raise the minimum or truncate with low: 0",
        ),
        (
            {"sources__cgi": {"shot_seconds": {"dist": "weibull", "k": 2}}},
            "film.yaml: sources.cgi.shot_seconds: 'weibull' is not a distribution; use one of: "
            "fixed, uniform, triangular, pert, normal, lognormal, gamma, bernoulli, discrete, "
            "empirical, mixture",
        ),
        (
            {"sources__cgi": {"artists": 0}},
            "film.yaml: sources.cgi.artists: 0 is out of range; use a number >= 1",
        ),
        (
            {"sources__cgi": {"artists": "forty"}},
            "film.yaml: sources.cgi.artists: 'forty' is not a whole number; use a whole number",
        ),
        (
            {"production__start_date": "next spring"},
            "film.yaml: production.start_date: 'next spring' is not a date; write it as YYYY-MM-DD",
        ),
        (
            {"strategies__orbit__shortfall": "cgii"},
            "film.yaml: strategies.orbit.shortfall: 'cgii' is not allowed (did you mean 'cgi'?); "
            "use one of: cgi, cut, reshoot",
        ),
        (
            {"sources__orbit": {"launch_site": "mars"}},
            "film.yaml: sources.orbit.launch_site: unknown site 'mars': give one of ksc, baikonur,"
            " west_texas, or LAT,LON in degrees",
        ),
        (
            {"sources__orbit": {"launch_site": "62.9,40.6"}},
            "film.yaml: sources.orbit: a site at latitude 62.9° never lies in the plane of an"
            " orbit inclined 51.6342°; reachable sites lie within ±51.6342°",
        ),
        (
            {"sources__orbit": {"target": "tiangong"}},
            "film.yaml: sources.orbit.target: unknown target 'tiangong': give one of iss, or"
            " INC,RAAN,EPOCH[,ALTITUDE_KM] (degrees, degrees, ISO UTC date-time, km)",
        ),
        (
            {"production__budget_usd": float("nan")},
            "film.yaml: production.budget_usd: nan is not a finite number; use a finite number",
        ),
        (
            {"production__overhead_usd_per_day": -5},
            "film.yaml: production.overhead_usd_per_day: -5 is not allowed: this quantity must be "
            ">= 0",
        ),
        (
            {"production__title": None},
            "film.yaml: production.title: expected text, got an empty value; quote it",
        ),
    ],
)
def test_a_bad_value_gives_one_line_with_its_key_path(change: dict, line: str) -> None:
    """Each kind of bad value gives exactly the documented line."""
    assert problems(tiny_data(**change)) == [line]


def test_semantic_problems_name_the_strategy_and_scene_kind() -> None:
    """Fractions off 1 and a source that cannot deliver a kind are both reported."""
    data = tiny_data()
    data["strategies"]["orbit"]["split"]["weightless_interior"] = {"stock": 0.5, "cgi": 0.6}
    assert problems(data) == [
        "film.yaml: strategies.orbit.split.weightless_interior: fractions sum to 1.1; "
        "they must sum to 1",
        "film.yaml: strategies.orbit.split.weightless_interior.stock: stock cannot deliver "
        "weightless_interior: archive footage cannot show your actors floating; move this "
        "fraction to another source",
    ]


def test_all_problems_are_reported_at_once() -> None:
    """Three independent mistakes give three lines."""
    data = tiny_data(production__budgt_usd=1, sources__cgi={"artists": 0})
    data["risks"]["slip"]["hits"] = "orbitt"
    assert len(problems(data)) == 3


def test_a_missing_split_and_a_deadline_before_the_start_are_refused() -> None:
    """Script minutes without a split, and a deadline before the start."""
    data = tiny_data(production__deadline_date="2026-01-01")
    del data["strategies"]["ground"]["split"]["earth_view"]
    assert problems(data) == [
        "film.yaml: production.deadline_date: 2026-01-01 is not after start_date 2027-01-04; "
        "set a deadline after the start",
        "film.yaml: strategies.ground.split: scene kind 'earth_view' has 4 screen minutes in the "
        "script but no split; add e.g. earth_view: {cgi: 1}",
    ]


def test_too_many_flyers_for_a_suborbital_capsule() -> None:
    """Seven flyers do not fit six seats (an orbital flight seating ten here)."""
    data = tiny_data(
        crew={"extras": {"count": 7, "backups": 0}}, sources__orbit={"seats_per_flight": 10}
    )
    assert problems(data) == [
        "film.yaml: crew: 7 flyers do not fit the 6 seats of a suborbital flight; fly fewer "
        "people or raise sources.suborbital.seats_per_flight"
    ]


def test_cancel_only_hits_a_source() -> None:
    """Cancelling post-production makes no sense and is refused."""
    data = tiny_data(risks={"x": {"probability": 0.1, "hits": "post", "effect": "cancel"}})
    assert problems(data) == [
        "film.yaml: risks.x.effect: 'cancel' cannot apply to post; cancel hits one of: orbit, "
        "suborbital, parabolic, ground, led_volume, stock"
    ]


def test_early_return_only_ends_a_stay_in_orbit() -> None:
    """A parabolic campaign has no stay to cut short."""
    data = tiny_data(
        risks={"x": {"probability": 0.1, "hits": "parabolic", "effect": "early_return"}}
    )
    assert problems(data) == [
        "film.yaml: risks.x.effect: 'early_return' cannot apply to parabolic; only a stay in "
        "orbit can end early (hits: orbit)"
    ]


def test_a_reshoot_names_its_source_and_only_a_reshoot_does() -> None:
    """shortfall: reshoot without reshoot_on, and reshoot_on under another policy."""
    data = tiny_data()
    del data["strategies"]["reshoot"]["reshoot_on"]
    data["strategies"]["orbit"]["reshoot_on"] = "ground"
    assert problems(data) == [
        "film.yaml: strategies.orbit.reshoot_on: reshoot_on is only used with shortfall: reshoot "
        "(this strategy's shortfall is 'cgi'); set shortfall: reshoot or remove reshoot_on",
        "film.yaml: strategies.reshoot.reshoot_on: shortfall 'reshoot' needs the source to "
        "reshoot on; set reshoot_on to one of: suborbital, parabolic, ground, led_volume",
    ]


def test_a_suborbital_reshoot_must_seat_the_crew() -> None:
    """A strategy that may reshoot on suborbital flights must fit its flyers in the capsule."""
    data = tiny_data(
        crew={"extras": {"count": 7, "backups": 0}}, sources__orbit={"seats_per_flight": 10}
    )
    del data["strategies"]["mixed"]  # the only one that plans suborbital flights
    data["strategies"]["reshoot"]["reshoot_on"] = "suborbital"
    assert problems(data) == [
        "film.yaml: crew: 7 flyers do not fit the 6 seats of a suborbital flight; fly fewer "
        "people or raise sources.suborbital.seats_per_flight"
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "production: [1, 2\n",
            "film.yaml: line 2, column 1: expected ',' or ']', but got '<stream end>'; "
            "fix the YAML syntax there",
        ),
        ("- a list\n", "film.yaml: the top level must be a mapping of sections"),
        (
            "production:\n\ttitle: x\n",
            "film.yaml: line 2, column 1: found character '\\t' that cannot start any token; "
            "fix the YAML syntax there",
        ),
    ],
)
def test_yaml_that_does_not_parse_names_line_and_column(
    tmp_path: Path, text: str, line: str
) -> None:
    """Broken YAML gives the line and column, not a traceback."""
    path = tmp_path / "film.yaml"
    path.write_text(text)
    with pytest.raises(ScenarioError) as error:
        load_scenario(path)
    assert [entry.replace(str(tmp_path) + "/", "") for entry in error.value.lines()] == [line]


def test_a_missing_file_is_a_scenario_error(tmp_path: Path) -> None:
    """A path that does not exist is reported, not raised as OSError."""
    with pytest.raises(ScenarioError, match="cannot read the file"):
        load_scenario(tmp_path / "nope.yaml")


def test_the_tiny_fixture_is_untouched() -> None:
    """Guard: fixtures copy TINY rather than editing it."""
    assert TINY["production"]["title"] == "Tiny test film"


def test_exponent_numbers_are_numbers(tmp_path: Path) -> None:
    """`55e6` is a number, as in YAML 1.2, not the text PyYAML would make of it."""
    path = tmp_path / "film.yaml"
    text = yaml.safe_dump(tiny_data(sources={"orbit": {"seat_price_usd": "SEAT"}}))
    path.write_text(text.replace("SEAT", "55e6"))
    assert load_scenario(path).sources.orbit.seat_price_usd.mean == 55e6
