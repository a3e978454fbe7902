"""Shared fixtures: a small valid scenario built in code, a bare SimPy env, fixed streams."""

from __future__ import annotations

import copy
from typing import Any

import pytest
import simpy

from sim.core.rng import Streams
from sim.model.context import Replication
from sim.scenario.load import scenario_from_data
from sim.scenario.schema import Scenario

TINY: dict[str, Any] = {
    "simulation": {"replications": 20, "seed": 7, "horizon_days": 3650},
    "production": {
        "title": "Tiny test film",
        "start_date": "2027-01-04",
        "deadline_date": "2029-01-04",
        "budget_usd": 150_000_000,
    },
    "script": {
        "weightless_interior": 10,
        "earth_view": 4,
        "exterior_eva": 2,
        "launch_landing": 2,
        "ground_drama": 30,
    },
    "crew": {"director_dp": {"count": 1, "backups": 1}, "lead_actor": {"count": 1, "backups": 0}},
    "sources": {"cgi": {"artists": 60}},
    "risks": {
        "slip": {
            "probability": 0.3,
            "hits": "orbit",
            "delay_days": {"dist": "uniform", "low": 10, "high": 90},
        },
        "stage": {"probability": 0.2, "hits": "ground", "delay_days": 14, "cost_usd": 100_000},
    },
    "strategies": {
        "orbit": {
            "split": {
                "weightless_interior": {"orbit": 1},
                "earth_view": {"orbit": 0.5, "stock": 0.5},
                "exterior_eva": {"cgi": 1},
                "launch_landing": {"orbit": 1},
                "ground_drama": {"ground": 1},
            }
        },
        "mixed": {
            "split": {
                "weightless_interior": {"parabolic": 0.5, "suborbital": 0.2, "cgi": 0.3},
                "earth_view": {"stock": 0.5, "suborbital": 0.5},
                "exterior_eva": {"ground": 0.5, "cgi": 0.5},
                "launch_landing": {"stock": 1},
                "ground_drama": {"ground": 1},
            },
            "shortfall": "cut",
        },
        "reshoot": {
            "split": {
                "weightless_interior": {"orbit": 1},
                "earth_view": {"orbit": 1},
                "exterior_eva": {"cgi": 1},
                "launch_landing": {"stock": 1},
                "ground_drama": {"ground": 1},
            },
            "shortfall": "reshoot",
            "reshoot_on": "parabolic",
            "reshoot_rest": "cut",
        },
        "ground": {
            "split": {
                "weightless_interior": {"ground": 1},
                "earth_view": {"cgi": 1},
                "exterior_eva": {"ground": 0.5, "cgi": 0.5},
                "launch_landing": {"cgi": 1},
                "ground_drama": {"ground": 1},
            }
        },
    },
}


def tiny_data(**changes: Any) -> dict[str, Any]:
    """A deep copy of the tiny scenario's data with dotted-path changes applied."""
    data = copy.deepcopy(TINY)
    for path, value in changes.items():
        node = data
        keys = path.split("__")
        for key in keys[:-1]:
            node = node.setdefault(key, {})
        node[keys[-1]] = value
    return data


def with_orbit_rule(data: dict[str, Any], when: dict[str, Any]) -> dict[str, Any]:
    """`data` with its orbit strategy watched by a fallback rule ``late`` firing on `when`.

    The rule moves the unfilmed minutes to zero-g flights, stock and CGI.
    """
    data["strategies"]["orbit"]["fallbacks"] = {
        "late": {"source": "orbit", "when": when, "move_to": ["parabolic", "stock", "cgi"]}
    }
    return data


@pytest.fixture
def tiny_scenario() -> Scenario:
    """A small valid scenario with four strategies and two risk events."""
    return scenario_from_data(tiny_data())


@pytest.fixture
def env() -> simpy.Environment:
    """A bare SimPy environment."""
    return simpy.Environment()


@pytest.fixture
def streams() -> Streams:
    """Streams of replication 0 under seed 7."""
    return Streams(7, 0)


def replication_of(scenario: Scenario, strategy: str, seed: int = 7, index: int = 0) -> Replication:
    """A fresh replication context, for driving one process by hand."""
    return Replication(simpy.Environment(), scenario, strategy, Streams(seed, index))
