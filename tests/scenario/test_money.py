"""Currency and budget basis at load: marked defaults, refused scenarios, one-line errors."""

from __future__ import annotations

import pytest

from sim.core.errors import ScenarioError
from sim.scenario.load import scenario_from_data
from sim.scenario.money import is_money_key
from tests.conftest import tiny_data


def refusal(**changes: object) -> list[str]:
    with pytest.raises(ScenarioError) as caught:
        scenario_from_data(tiny_data(**changes))
    return caught.value.lines()


def test_sourced_money_defaults_say_usd_and_the_users_values_say_nothing() -> None:
    scenario = scenario_from_data(tiny_data())
    assert scenario.sources.orbit.seat_price_usd.currency == "USD"
    assert scenario.production.overhead_usd_per_day.currency == "USD"
    assert scenario.sources.orbit.training_days.currency is None  # days are not money
    assert scenario.risks["stage"].cost_usd.currency is None  # written by the user


def test_a_eur_scenario_without_the_dollar_rate_is_refused_in_one_line() -> None:
    lines = refusal(production__currency="EUR")
    assert len(lines) == 1
    assert "production.exchange_rates.USD" in lines[0]
    assert "set production.exchange_rates" in lines[0]


def test_a_eur_scenario_with_the_dollar_rate_loads() -> None:
    scenario = scenario_from_data(
        tiny_data(production__currency="EUR", production__exchange_rates={"USD": 0.92})
    )
    assert scenario.production.exchange_rates["USD"].mean == 0.92


def test_a_quote_in_a_third_currency_needs_its_own_rate() -> None:
    risk = {
        "probability": 0.2,
        "hits": "ground",
        "cost_usd": {"dist": "fixed", "value": 1e5, "currency": "GBP"},
    }
    lines = refusal(risks__fx=risk)
    assert len(lines) == 1
    assert "production.exchange_rates.GBP" in lines[0]
    assert "risks.fx.cost_usd" in lines[0]


def test_a_rate_must_be_positive() -> None:
    lines = refusal(production__currency="EUR", production__exchange_rates={"USD": 0})
    assert any("exchange_rates.USD" in line for line in lines)


def test_money_keys_are_those_with_usd_as_a_word() -> None:
    assert is_money_key("seat_price_usd")
    assert is_money_key("overhead_usd_per_day")
    assert not is_money_key("training_days")
    assert not is_money_key("refusal")


LINE = {"fee_usd": 1e6, "payment": {"signing": 0.5, "delivery": 0.5}}


def test_a_whole_film_budget_without_above_the_line_is_refused() -> None:
    lines = refusal(production__budget_basis="whole_film")
    assert len(lines) == 1
    assert "production.above_the_line" in lines[0]


def test_a_below_the_line_budget_with_above_the_line_lines_is_refused() -> None:
    lines = refusal(production__above_the_line={"cast": LINE})
    assert len(lines) == 1
    assert "production.budget_basis" in lines[0]
    assert "cast" in lines[0]


def test_payment_shares_must_sum_to_one() -> None:
    bad = {"fee_usd": 1e6, "payment": {"signing": 0.5, "delivery": 0.4}}
    lines = refusal(production__budget_basis="whole_film", production__above_the_line={"c": bad})
    assert any("sum to 0.9" in line for line in lines)


def test_a_line_without_a_pattern_takes_the_20_60_20_default() -> None:
    scenario = scenario_from_data(
        tiny_data(
            production__budget_basis="whole_film",
            production__above_the_line={"director": {"fee_usd": 1e6}},
        )
    )
    payment = scenario.production.above_the_line["director"].payment
    assert payment == {"photography_start": 0.2, "photography": 0.6, "delivery": 0.2}
