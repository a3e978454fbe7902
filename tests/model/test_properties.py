"""Generated valid scenarios: the model never crashes and keeps its invariants."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.model.replication import run_replication
from sim.scenario.load import scenario_from_data
from sim.scenario.quantities import SCENE_KINDS
from sim.scenario.sources import RESHOOT_SOURCES, SOURCES, can_deliver
from tests.conftest import tiny_data

PROBABILITY = st.floats(0.0, 1.0)
ALMOST_SURE = st.floats(0.0, 0.9)  # a scrub or cancellation probability that can still launch


@st.composite
def triangular(draw, low: float, high: float) -> dict:
    """A triangular distribution with its parameters in order, within [low, high]."""
    a, b, c = sorted(draw(st.floats(low, high)) for _ in range(3))
    if a == c:
        return {"dist": "fixed", "value": a}
    return {"dist": "triangular", "min": a, "mode": b, "max": c}


@st.composite
def split(draw) -> dict:
    """Per scene kind, fractions over sources that can deliver it, summing to 1."""
    result = {}
    for kind in SCENE_KINDS:
        able = [source for source in SOURCES if can_deliver(source, kind)]
        chosen = draw(st.lists(st.sampled_from(able), min_size=1, max_size=3, unique=True))
        weights = [draw(st.integers(1, 4)) for _ in chosen]
        result[kind] = {s: w / sum(weights) for s, w in zip(chosen, weights, strict=True)}
    return result


@st.composite
def strategy(draw) -> dict:
    """A strategy with a random split and any shortfall policy."""
    policy = draw(st.sampled_from(["cgi", "cut", "reshoot"]))
    data = {"split": draw(split()), "shortfall": policy}
    if policy == "reshoot":
        data["reshoot_on"] = draw(st.sampled_from(RESHOOT_SOURCES))
        data["reshoot_rest"] = draw(st.sampled_from(["cgi", "cut"]))
    return data


@st.composite
def risk(draw) -> dict:
    """A risk event with a valid target for its effect."""
    effect = draw(st.sampled_from(["delay", "cancel", "early_return"]))
    hits = {
        "delay": st.sampled_from(["production", "orbit", "suborbital", "parabolic", "ground"]),
        "cancel": st.sampled_from(["orbit", "suborbital", "parabolic", "ground", "stock"]),
        "early_return": st.just("orbit"),
    }[effect]
    return {
        "probability": draw(PROBABILITY),
        "hits": draw(hits),
        "effect": effect,
        "delay_days": draw(triangular(0, 400)),
        "cost_usd": draw(triangular(0, 5e6)),
        "return_after_days": draw(triangular(0, 10)),
    }


@st.composite
def scenario_data(draw) -> dict:
    """The tiny scenario with sources, risks and strategies drawn at random, all valid."""
    return tiny_data(
        simulation__horizon_days=draw(st.sampled_from([400, 1500, 3650])),
        sources__orbit={
            "mission_days": draw(triangular(1, 30)),
            "extension_days": draw(triangular(0, 7)),
            "stay_margin_days": draw(triangular(0, 10)),
            "weather_scrub_probability": draw(triangular(0, 0.9)),
            "technical_scrub_probability": draw(ALMOST_SURE),
            "sickness_probability": draw(PROBABILITY),
            "footage_loss_probability": draw(PROBABILITY),
            "spare_cameras": draw(st.integers(0, 3)),
            "camera_mtbf_hours": draw(triangular(1, 1000)),
        },
        sources__suborbital={
            "grounding_probability": draw(PROBABILITY),
            "flight_interval_days": draw(triangular(1, 400)),
        },
        sources__parabolic={"flight_cancel_probability": draw(ALMOST_SURE)},
        sources__cgi={"artists": draw(st.integers(1, 100))},
        risks={f"r{i}": draw(risk()) for i in range(draw(st.integers(0, 3)))},
        strategies={f"s{i}": draw(strategy()) for i in range(draw(st.integers(1, 3)))},
    )


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scenario_data(), st.integers(0, 10**6))
def test_generated_scenarios_keep_the_invariants(data: dict, replication: int) -> None:
    """Costs >= 0 and summed by category; minutes conserved; delivery after every input."""
    scenario = scenario_from_data(data)
    for name in scenario.strategies:
        outcome = run_replication(scenario, name, 11, replication)
        assert all(entry.amount_usd >= 0 for entry in outcome.ledger.entries)
        assert outcome.cost_usd == pytest.approx(outcome.ledger.total_usd, rel=1e-9)
        assert all(math.isfinite(value) for value in outcome.cost_by_category.values())
        if not outcome.delivered:
            assert outcome.blocked_by
            continue
        total = sum(outcome.minutes_by_source.values()) + outcome.cut_minutes
        assert total == pytest.approx(scenario.script.total, abs=1e-6)
        fates = outcome.reshot_minutes + outcome.remade_minutes + outcome.cut_minutes
        assert fates == pytest.approx(outcome.shortfall_minutes, abs=1e-6)
        assert outcome.delivery_day >= max(span.end for span in outcome.timeline.spans)
        for driver in ("picture_done_day", "vfx_done_day", "landing_day"):
            day = getattr(outcome.drivers, driver)
            assert math.isnan(day) or day <= outcome.delivery_day
