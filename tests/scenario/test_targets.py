"""The targets section: optional, each key checked, one line per problem with its key path."""

from __future__ import annotations

from typing import Any

import pytest

from sim.core.errors import ScenarioError
from sim.scenario.load import dump_scenario, scenario_from_data
from tests.conftest import tiny_data


def problems(targets: Any, **changes: Any) -> list[str]:
    """The error lines the tiny scenario with `targets` gives (empty if it loads)."""
    data = tiny_data(**changes)
    data["targets"] = targets
    try:
        scenario_from_data(data, "film.yaml")
    except ScenarioError as error:
        return error.lines()
    return []


def test_a_scenario_without_targets_sets_none() -> None:
    """No section: no targets, and the resolved scenario writes none."""
    scenario = scenario_from_data(tiny_data())
    assert scenario.targets is None
    assert "targets" not in dump_scenario(scenario)


def test_targets_load_with_the_median_film_as_the_default_confidence() -> None:
    """real_share_confidence left out is 0.5; the section round-trips through the dump."""
    data = tiny_data()
    data["targets"] = {"real_share": 0.85, "real_share_by_kind": {"weightless_interior": 0.8}}
    scenario = scenario_from_data(data)
    assert scenario.targets is not None
    assert scenario.targets.real_share_confidence == 0.5
    assert scenario.targets.real_share_by_kind == {"weightless_interior": 0.8}
    assert scenario.targets.joint_confidence is None
    assert scenario.targets.any


def test_a_per_kind_target_for_a_kind_the_script_lacks_names_its_path() -> None:
    """Exterior EVA with no script minutes has no real share to reach."""
    found = problems({"real_share_by_kind": {"exterior_eva": 0.5}}, script__exterior_eva=0)
    assert found == [
        "film.yaml: targets.real_share_by_kind.exterior_eva: the script has no exterior_eva"
        " minutes, so it has no real share to reach; remove this target or give"
        " script.exterior_eva some minutes"
    ]


def test_ground_drama_has_no_real_share_to_target() -> None:
    """Real share counts space scenes only."""
    (line,) = problems({"real_share_by_kind": {"ground_drama": 0.5}})
    assert line.startswith("film.yaml: targets.real_share_by_kind.ground_drama: ground_drama is")
    assert "weightless_interior, earth_view, exterior_eva, launch_landing" in line


def test_an_overall_target_needs_space_scenes() -> None:
    """A script of ground drama only has no real share."""
    kinds = ("weightless_interior", "earth_view", "exterior_eva", "launch_landing")
    changes = {f"script__{kind}": 0 for kind in kinds}
    (line,) = problems({"real_share": 0.5}, **changes)
    assert line.startswith("film.yaml: targets.real_share: the script has no space scenes")


def test_a_confidence_of_real_share_without_a_real_share_target_is_a_slip() -> None:
    """real_share_confidence alone would check nothing."""
    (line,) = problems({"real_share_confidence": 0.8, "joint_confidence": 0.8})
    assert line.startswith("film.yaml: targets.real_share_confidence: it applies only to")


@pytest.mark.parametrize(
    ("targets", "path"),
    [
        ({"real_share": 1.2}, "targets.real_share"),
        ({"real_share": 0}, "targets.real_share"),
        ({"joint_confidence": -0.1}, "targets.joint_confidence"),
        ({"real_share_by_kind": {"weightless_interior": 2}}, "targets.real_share_by_kind"),
        ({"real_share_by_kind": {"zero_g": 0.5}}, "targets.real_share_by_kind"),
        ({"realshare": 0.5}, "targets.realshare"),
    ],
)
def test_a_bad_value_is_one_line_naming_its_key(targets: dict[str, Any], path: str) -> None:
    """Out of range, unknown kind or unknown key: one line that starts with the key path."""
    (line,) = problems(targets)
    assert line.startswith(f"film.yaml: {path}")
