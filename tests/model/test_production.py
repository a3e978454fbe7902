"""Whole replications: invariants that must hold whatever the draws."""

from __future__ import annotations

import math

import pytest

from sim.model.replication import Opening, run_replication
from sim.scenario.load import scenario_from_data
from sim.scenario.sources import SOURCES
from tests.conftest import tiny_data

REPLICATIONS = range(25)


@pytest.fixture(scope="module")
def outcomes():
    """25 replications of each strategy of the tiny scenario."""
    scenario = scenario_from_data(tiny_data())
    return scenario, [
        run_replication(scenario, name, 7, index)
        for name in scenario.strategies
        for index in REPLICATIONS
    ]


def test_costs_are_non_negative_and_add_up(outcomes) -> None:
    """Every ledger entry is >= 0 and the categories sum to the ledger's total."""
    _, runs = outcomes
    for outcome in runs:
        assert all(entry.amount_usd >= 0 for entry in outcome.ledger.entries)
        assert outcome.cost_usd == pytest.approx(outcome.ledger.total_usd, rel=1e-12)


def test_screen_minutes_are_conserved(outcomes) -> None:
    """Film minutes by source plus cuts equal the script, and no shortfall minute is lost.

    Minutes shot on plan plus the shortfall equal the plan; the shortfall ends reshot, remade
    or cut.
    """
    scenario, runs = outcomes
    for outcome in runs:
        assert outcome.delivered
        total = sum(outcome.minutes_by_source.values()) + outcome.cut_minutes
        assert total == pytest.approx(scenario.script.total)
        shot = sum(outcome.minutes_by_source[s] for s in SOURCES if s != "cgi")
        planned = sum(outcome.planned_by_source[s] for s in SOURCES if s != "cgi")
        on_plan = shot - outcome.reshot_minutes
        assert on_plan + outcome.shortfall_minutes == pytest.approx(planned)
        fates = outcome.reshot_minutes + outcome.remade_minutes + outcome.cut_minutes
        assert fates == pytest.approx(outcome.shortfall_minutes)


def test_delivery_comes_after_every_input(outcomes) -> None:
    """Delivery is on or after the last picture, the last VFX shot and every span of work."""
    _, runs = outcomes
    for outcome in runs:
        last_work = max(span.end for span in outcome.timeline.spans)
        assert outcome.delivery_day >= last_work
        for driver in ("picture_done_day", "vfx_done_day", "landing_day"):
            day = getattr(outcome.drivers, driver)
            assert math.isnan(day) or outcome.delivery_day >= day


def test_a_strategy_without_a_space_source_never_launches(outcomes) -> None:
    """The ground strategy makes no launch attempt and pays for no seat."""
    _, runs = outcomes
    for outcome in runs:
        if outcome.strategy == "ground":
            assert outcome.drivers.launch_attempts == 0
            assert outcome.cost_by_category["seats"] == 0
            assert math.isnan(outcome.drivers.launch_day)


def test_the_cut_policy_shortens_the_film_and_cgi_policy_remakes(outcomes) -> None:
    """'mixed' cuts its shortfall; 'orbit' remakes its shortfall in CGI."""
    _, runs = outcomes
    mixed = [o for o in runs if o.strategy == "mixed"]
    assert any(o.cut_minutes > 0 for o in mixed)
    for outcome in mixed:
        assert outcome.cut_minutes == pytest.approx(outcome.shortfall_minutes)
        assert outcome.minutes_by_source["cgi"] == outcome.planned_by_source["cgi"]
    for outcome in (o for o in runs if o.strategy == "orbit"):
        assert outcome.cut_minutes == 0
        remade = outcome.minutes_by_source["cgi"] - outcome.planned_by_source["cgi"]
        assert remade == pytest.approx(outcome.shortfall_minutes)


def test_a_cancelled_orbital_segment_goes_to_cgi() -> None:
    """A certain cancellation: nothing shot in orbit, every orbit minute in CGI.

    No slot is booked, so the launch was due when the crew was ready, the moment it was
    cancelled: every payment of the seat contract was due, and all of it is lost.
    """
    scenario = scenario_from_data(
        tiny_data(
            risks={
                "cancelled": {
                    "probability": 1,
                    "hits": "orbit",
                    "effect": "cancel",
                    "cost_usd": 5e6,
                },
            },
            strategies__orbit__split__earth_view={"orbit": 1},  # no stock to miss clips
        )
    )
    outcome = run_replication(scenario, "orbit", 7, 0)
    assert outcome.minutes_by_source["orbit"] == 0
    seats, fees = outcome.cost_by_category["seats"], outcome.cost_by_category["fees"]
    assert 2 * 50e6 <= seats <= 2 * 80e6  # two flyers, the whole seat price lost
    assert outcome.drivers.cancelled_usd == pytest.approx(seats + fees)
    assert all(
        e.account.endswith("(cancelled)") for e in outcome.ledger.entries if e.category == "seats"
    )
    assert outcome.cost_by_category["risk"] == 5e6
    assert outcome.shortfall_minutes == outcome.planned_by_source["orbit"]
    assert outcome.risks_struck["cancelled"] == 1


def test_an_undeliverable_film_stops_at_the_horizon_with_its_reason() -> None:
    """Scrub probability 1: not delivered, blocked by the orbit track, overhead to the horizon."""
    scenario = scenario_from_data(
        tiny_data(
            sources__orbit={"weather_scrub_probability": 1},
            simulation__horizon_days=2000,
            production__overhead_usd_per_day=1000,
        )
    )
    outcome = run_replication(scenario, "orbit", 7, 0)
    assert not outcome.delivered
    assert outcome.delivery_day == math.inf
    assert outcome.blocked_by == "orbit"
    assert outcome.cost_by_category["overhead"] == 2000 * 1000


def test_risk_events_strike_only_strategies_that_run_their_track() -> None:
    """A certain orbital delay costs the orbit strategy, not the ground one."""
    scenario = scenario_from_data(
        tiny_data(
            risks={
                "grounded": {"probability": 1, "hits": "orbit", "delay_days": 100, "cost_usd": 1e6},
            }
        )
    )
    assert run_replication(scenario, "orbit", 7, 0).cost_by_category["risk"] == 1e6
    assert run_replication(scenario, "ground", 7, 0).cost_by_category["risk"] == 0


def cancelled_orbit(strategy: dict | None = None):
    """The tiny scenario with a certain cancellation of the orbital segment."""
    changes = {"strategies__reshoot": strategy} if strategy else {}
    return scenario_from_data(
        tiny_data(
            risks={"cancelled": {"probability": 1, "hits": "orbit", "effect": "cancel"}},
            **changes,
        )
    )


@pytest.mark.parametrize("index", range(6))
def test_a_reshoot_films_what_it_can_and_the_rest_follows_its_policy(index: int) -> None:
    """A reshoot films what its source can, once the loss is known; the rest is cut.

    Orbit cancelled: the weightless interiors go to a parabolic campaign that starts then; the
    Earth views, which an aircraft cannot show, are cut (`reshoot_rest: cut`).
    """
    scenario = cancelled_orbit()
    outcome = run_replication(scenario, "reshoot", 7, index)
    stock_missed = outcome.planned_by_source["stock"] - outcome.minutes_by_source["stock"]
    assert outcome.shortfall_minutes == pytest.approx(10 + 4 + stock_missed)  # all of orbit's
    assert outcome.planned_by_source["parabolic"] == 0
    assert outcome.minutes_by_source["parabolic"] == pytest.approx(outcome.reshot_minutes)
    assert 0 < outcome.reshot_minutes <= 10
    assert outcome.cut_minutes == pytest.approx(outcome.shortfall_minutes - outcome.reshot_minutes)
    assert outcome.remade_minutes == 0
    cancelled = next(m.day for m in outcome.timeline.milestones if m.name == "risk: cancelled")
    booking = next(s for s in outcome.timeline.spans if s.track == "parabolic")
    assert booking.start == pytest.approx(cancelled)  # the reshoot starts when the loss is known
    assert outcome.delivery_day >= outcome.timeline.first("parabolic reshoot done").day
    assert outcome.drivers.parabolic_flights > 0


def test_a_reshoot_rest_of_cgi_remakes_what_the_reshoot_cannot_film() -> None:
    """With `reshoot_rest: cgi` the Earth views are remade in CGI instead of cut."""
    strategy = {**tiny_data()["strategies"]["reshoot"], "reshoot_rest": "cgi"}
    outcome = run_replication(cancelled_orbit(strategy), "reshoot", 7, 0)
    assert outcome.cut_minutes == 0
    assert outcome.remade_minutes == pytest.approx(
        outcome.shortfall_minutes - outcome.reshot_minutes
    )
    assert outcome.minutes_by_source["cgi"] == pytest.approx(2 + outcome.remade_minutes)


def test_a_reshoot_costs_its_flights_and_time() -> None:
    """Against cutting at once, a parabolic reshoot buys minutes with charters and days."""
    strategy = {**tiny_data()["strategies"]["reshoot"], "shortfall": "cut", "reshoot_on": None}
    scenario = cancelled_orbit(strategy)
    cut = run_replication(scenario, "reshoot", 7, 0)
    reshot = run_replication(cancelled_orbit(), "reshoot", 7, 0)
    assert cut.reshot_minutes == 0
    assert cut.cut_minutes == pytest.approx(cut.shortfall_minutes)
    assert reshot.cost_by_category["seats"] > cut.cost_by_category["seats"] > 0
    assert reshot.drivers.cancelled_usd == cut.drivers.cancelled_usd > 0
    assert reshot.drivers.picture_done_day > cut.drivers.picture_done_day


@pytest.mark.parametrize(
    ("strategy", "changes", "blocked_by"),
    [
        (
            "mixed",
            {"sources__suborbital": {"flight_interval_days": 3650, "flights_per_year": None}},
            "suborbital",
        ),
        ("mixed", {"sources__parabolic": {"flight_cancel_probability": 1}}, "parabolic"),
        (
            "ground",
            {"sources__cgi": {"artists": 1, "shot_seconds": 1}, "simulation__horizon_days": 900},
            "vfx",
        ),
        ("orbit", {"sources__orbit": {"recovery_zone_hold_probability": 1}}, "orbit"),
    ],
)
def test_pathological_scenarios_stop_at_the_horizon_with_the_reason(
    strategy: str, changes: dict, blocked_by: str
) -> None:
    """Replications that cannot deliver end at the horizon, not delivered, naming the cause.

    A cadence of ten years, every flight day cancelled, one artist for a CG-heavy film, every
    launch held.
    """
    scenario = scenario_from_data(tiny_data(**changes))
    outcome = run_replication(scenario, strategy, 7, 0)
    assert not outcome.delivered
    assert outcome.blocked_by == blocked_by
    assert outcome.cost_by_category["overhead"] > 0


def test_twice_the_vfx_team_speeds_up_only_the_films_waiting_on_vfx() -> None:
    """Same seed, 40 artists then 80, replication by replication.

    The CGI-heavy film waits on its full-CG shots, so every replication delivers earlier; the
    stage film's few clean-up shots finish well inside the edit, so every replication delivers
    on the very same day at the very same cost (common random numbers: the team's size
    changes no draw).
    """
    everything = {kind: {"cgi": 1} for kind in ("weightless_interior", "earth_view")} | {
        "exterior_eva": {"cgi": 1},
        "launch_landing": {"cgi": 1},
        "ground_drama": {"ground": 1},
    }
    stage = {kind: {"ground": 1} for kind in everything}
    strategies = {"cgi_heavy": {"split": everything}, "stage": {"split": stage}}
    small, large = (
        scenario_from_data(tiny_data(strategies=strategies, sources__cgi={"artists": artists}))
        for artists in (40, 80)
    )
    for index in range(25):
        heavy = [run_replication(s, "cgi_heavy", 7, index) for s in (small, large)]
        assert heavy[0].critical_track == "vfx"
        assert heavy[1].delivery_day < heavy[0].delivery_day
        staged = [run_replication(s, "stage", 7, index) for s in (small, large)]
        assert staged[0].critical_track != "vfx"
        assert staged[1].delivery_day == staged[0].delivery_day
        assert staged[1].cost_usd == staged[0].cost_usd


def test_one_opening_shared_by_every_strategy_changes_nothing() -> None:
    """A run draws a replication's opening once for all strategies: nothing changes.

    Each outcome is the same as when the strategy draws its own opening, the risk register
    struck by each strategy independently.
    """
    scenario = scenario_from_data(tiny_data())
    for index in range(8):
        opening = Opening.draw(scenario, 7, index)
        for name in scenario.strategies:
            shared = run_replication(scenario, name, 7, index, record=False, opening=opening)
            alone = run_replication(scenario, name, 7, index, record=False)
            assert shared.drivers == alone.drivers
            assert shared.cost_by_category == alone.cost_by_category
            assert shared.delivery_day == alone.delivery_day
