"""Launch attempts under a per-attempt scrub probability p follow a geometric law: mean 1/(1-p).

N = 4,000 replications (replication indices 0..3999, seed 11) per p; tolerance 4 standard
errors of the mean, the variance of the number of attempts being p / (1-p)^2.
"""

from __future__ import annotations

import math

import numpy as np
import pytest

from sim.model.launch import launch_campaign
from sim.scenario.load import scenario_from_data
from tests.conftest import replication_of, tiny_data

N = 4_000


def only_weather(p: float) -> dict:
    """Orbit settings where pad weather at probability p is the only cause of scrubs."""
    return {
        "weather_scrub_probability": p,
        "technical_scrub_probability": 0,
        "recovery_zone_hold_probability": 0,
        "slip_days": 0,
        "slot_days": 365,
    }


@pytest.mark.parametrize("p", [0.0, 0.18, 0.5, 0.8])
def test_mean_attempts_is_one_over_one_minus_p(p: float) -> None:
    """Mean attempts per launch is 1/(1-p) within Monte Carlo error."""
    scenario = scenario_from_data(tiny_data(sources__orbit=only_weather(p)))
    attempts = []
    for index in range(N):
        rep = replication_of(scenario, "orbit", seed=11, index=index)
        rep.env.process(launch_campaign(rep, scenario.sources.orbit, 0.0, 0.0))
        rep.env.run()
        attempts.append(rep.drivers.launch_attempts)
    expected = 1 / (1 - p)
    stderr = math.sqrt(p) / (1 - p) / math.sqrt(N)
    assert abs(np.mean(attempts) - expected) <= max(4 * stderr, 1e-12)
