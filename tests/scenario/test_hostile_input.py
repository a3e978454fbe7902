"""Hostile input: any YAML-like mapping ends in a Scenario or a ScenarioError, nothing else."""

from __future__ import annotations

import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sim.cli import cli
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


TINY_TEXT = yaml.safe_dump(tiny_data(), sort_keys=False)


@st.composite
def hand_edited(draw) -> str:
    """The tiny scenario's text after a few careless edits: characters deleted or typed in."""
    text = TINY_TEXT
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        if draw(st.booleans()):
            text = text[:at] + text[at + draw(st.integers(1, 6)) :]
        else:
            text = (
                text[:at]
                + draw(st.text(alphabet=":-,[]{}&*!|>#'\"\t\n 0123456789.eax"))
                + text[at:]
            )
    return text


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(hand_edited())
def test_a_hand_edited_file_is_ok_or_exits_2_with_located_lines(tmp_path_factory, text) -> None:
    """`spacesim validate` on a mangled file: ok, or exit 2 with one located line per problem."""
    path = tmp_path_factory.mktemp("edit") / "film.yaml"
    path.write_text(text)
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code in (0, 2), result.output
    assert "Traceback" not in result.output
    for line in result.output.splitlines():
        assert line.startswith((f"Error: {path}: ", f"{path}: ok")), line
