"""Valid-looking input the model could not run, or would read wrongly, is refused up front."""

from __future__ import annotations

import pytest

from sim.core.errors import ScenarioError
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data


def _refused(data: dict) -> str:
    with pytest.raises(ScenarioError) as raised:
        scenario_from_data(data, "film.yaml")
    return "\n".join(raised.value.lines())


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"sources__ground__weather_day_loss_probability": 1},
            "sources.ground.weather_day_loss_probability: 1 is not allowed: a day lost with"
            " certainty would be lost again forever",
        ),
        (
            {"sources__orbit__seat_price_usd": 1e308},
            "sources.orbit.seat_price_usd: 1e+308 is not allowed: a quantity must stay below 1e+15",
        ),
        (
            {"sources__cgi__artist_day_usd": {"dist": "lognormal", "mu": 800, "sigma": 1}},
            "sources.cgi.artist_day_usd: this lognormal overflows, but a quantity must stay"
            " below 1e+15; use smaller parameters",
        ),
        (
            {"sources__orbit__slip_days": {"dist": "gamma", "shape": 2, "scale": 1e300}},
            "a quantity must stay below 1e+15",
        ),
        (
            {"production__start_date": 0},
            "production.start_date: 0 is a number, not a date; write a date as YYYY-MM-DD",
        ),
        (
            {"production__start_date": "9999-01-04", "production__deadline_date": "9999-06-04"},
            "production.start_date: 9999-01-04 plus the horizon of 3650 days passes 2999-12-31",
        ),
        (
            {"script__weightless_interior": True},
            "script.weightless_interior: true is a yes/no, not a number; write a number",
        ),
        (
            {"sources__suborbital__seats_per_flight": True},
            "sources.suborbital.seats_per_flight: true is a yes/no, not a number",
        ),
        (
            {"crew": {"cast": {"count": 4, "backups": 0}}},
            "crew: 4 flyers do not fit the 3 seats of an orbit flight; fly fewer people or raise"
            " sources.orbit.seats_per_flight",
        ),
    ],
)
def test_what_the_model_cannot_run_is_refused(changes: dict, message: str) -> None:
    """Each is one line with its key path and what is allowed."""
    assert message in _refused(tiny_data(**changes))


def test_more_strategies_than_can_be_read_are_refused() -> None:
    """Past 40 strategies, tables and figures cannot be read: compare several files instead."""
    data = tiny_data()
    ground = data["strategies"]["ground"]
    data["strategies"] = {f"s{i}": ground for i in range(41)}
    assert "strategies" in _refused(data)
    data["strategies"] = {f"s{i}": ground for i in range(40)}
    assert len(scenario_from_data(data).strategies) == 40


def test_a_launch_slot_shorter_than_an_hour_is_refused() -> None:
    """A slot of 1e-9 days holds no launch window: the campaign would only miss slots."""
    assert "sources.orbit.slot_days" in _refused(tiny_data(sources__orbit__slot_days=1e-9))
