"""Financing: the JCL budget and date against brute force, and the guarantor's exposure."""

from __future__ import annotations

import numpy as np
import pytest

from sim.analysis.financing import exposure, jcl_budget, jcl_day


def _replications(seed: int, size: int = 400) -> tuple[np.ndarray, np.ndarray]:
    """Correlated cost and delivery day, a tenth of them never delivered."""
    rng = np.random.default_rng(seed)
    day = rng.gamma(9.0, 40.0, size)
    cost = 1e8 + 2e5 * day + rng.normal(0, 1e7, size)
    day[rng.uniform(size=size) < 0.1] = np.inf
    return cost, day


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("level", [0.5, 0.7, 0.8])
def test_jcl_budget_is_the_smallest_budget_a_brute_force_search_finds(
    seed: int, level: float
) -> None:
    """Every observed cost tried as the budget: the first that reaches the level is the JCL's."""
    cost, day = _replications(seed)
    deadline = float(np.percentile(day[np.isfinite(day)], 90))
    found = jcl_budget(cost, day, deadline, level)
    reaching = [b for b in np.sort(cost) if np.mean((cost <= b) & (day <= deadline)) >= level]
    assert found == (reaching[0] if reaching else None)


def test_jcl_budget_is_none_when_too_few_deliver_on_time() -> None:
    """80% on time at any cost: 90% joint confidence is out of reach, 80% is not."""
    day = np.where(np.arange(100) < 80, 10.0, 50.0)
    cost = np.arange(100.0)
    assert jcl_budget(cost, day, 20.0, 0.9) is None
    assert jcl_budget(cost, day, 20.0, 0.8) == 79.0


@pytest.mark.parametrize("seed", [4, 5])
def test_jcl_day_is_the_earliest_date_a_brute_force_search_finds(seed: int) -> None:
    """Every observed day tried as the date, at a budget met by 85%: the first reaching 70%."""
    cost, day = _replications(seed)
    budget = float(np.percentile(cost, 85))
    found = jcl_day(cost, day, budget, 0.7)
    finite = np.sort(day[np.isfinite(day)])
    reaching = [d for d in finite if np.mean((cost <= budget) & (day <= d)) >= 0.7]
    assert found == reaching[0]
    assert jcl_day(cost, day, budget, 0.9) is None  # 85% within budget: 90% is out of reach


def test_exposure_by_hand() -> None:
    """Costs 90..109 against a strike of 105: 4 above it, overruns 1..4."""
    cost = np.arange(90.0, 110.0)
    found = exposure(cost, 105.0)
    assert found.p_exceeds == pytest.approx(4 / 20)
    assert found.expected_overrun_usd == pytest.approx((1 + 2 + 3 + 4) / 20)
    assert found.p90_overrun_usd == 2.0  # the 18th of 20 sorted overruns (0 x 16, 1, 2, 3, 4)
