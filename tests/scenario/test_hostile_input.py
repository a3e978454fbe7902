"""Hostile input: any YAML-like mapping ends in a Scenario or a ScenarioError, nothing else."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.core.errors import ScenarioError
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data

KEYS = st.sampled_from(
    [
        "production",
        "script",
        "sources",
        "orbit",
        "cgi",
        "artists",
        "dist",
        "min",
        "mode",
        "max",
        "strategies",
        "split",
        "weightless_interior",
        "probability",
        "hits",
        "risks",
        "crew",
        "count",
        "seat_price_usd",
        "value",
        "triangular",
        "fixed",
        "1",
        "",
    ]
)
LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.text(max_size=8),
    st.dates().map(str),
)
YAMLISH = st.recursive(
    LEAVES,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEYS, children, max_size=5),
    max_leaves=25,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(YAMLISH)
def test_arbitrary_data_is_refused_cleanly(data) -> None:
    """Random structures either load or raise ScenarioError with at least one line."""
    try:
        scenario_from_data(data)
    except ScenarioError as error:
        lines = error.lines()
    else:
        lines = ["loaded"]
    assert lines


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(["production", "script", "sources", "risks", "strategies", "crew"]), YAMLISH)
def test_a_valid_scenario_with_one_section_replaced_never_crashes(section, value) -> None:
    """Replacing one section of a valid scenario by junk gives a Scenario or a ScenarioError."""
    data = tiny_data()
    data[section] = value
    try:
        scenario_from_data(data)
    except ScenarioError as error:
        lines = error.lines()
    else:
        lines = []
    assert all(line.startswith("<scenario>: ") for line in lines)
