"""A sweep's summary: the tidy table, the decision per cell, and the break-evens."""

from __future__ import annotations

import math

import pytest

from sim.analysis.break_even import break_evens
from sim.analysis.sweep import sweep
from sim.analysis.sweep_cells import METRICS, CellSummary, Estimate
from sim.scenario.schema import Scenario


def _cell(index: int, values: dict, costs: dict[str, float], meeting: tuple = ()) -> CellSummary:
    """A cell recommending the cheapest strategy at P80 among `meeting` (all without targets)."""
    eligible = meeting or tuple(costs)
    return CellSummary(
        index=index,
        values=values,
        metrics={name: {"cost_p80_usd": Estimate(cost)} for name, cost in costs.items()},
        recommended=min(eligible, key=costs.__getitem__),
        meeting=meeting,
        nearest=False,
        reason="",
        targets={"real_share": 0.5} if meeting else {},
    )


def test_a_break_even_is_found_between_its_values_and_interpolated() -> None:
    """Cost a = 100 + 2x, b = 150 + x: b is cheaper past x = 50, between 40 and 60."""
    xs = (20, 40, 60, 80)
    cells = [_cell(i, {"x": x}, {"a": 100 + 2 * x, "b": 150 + x}) for i, x in enumerate(xs)]
    (found,) = break_evens({"x": xs}, cells)
    assert (found.below, found.above, found.before, found.after) == (40, 60, "a", "b")
    assert found.at_about == pytest.approx(50)
    assert "cheaper" in found.why


def test_break_evens_run_along_each_key_at_each_value_of_the_others() -> None:
    """Along x with y = 0 and y = 1, and along y at each x: a change is found where it is."""
    xs, ys = (0, 1, 2), (0, 1)
    cells = []
    for x in xs:
        for y in ys:  # b = 11.5 - x - 2y wins from x = 2 at y = 0, everywhere at y = 1
            cells.append(_cell(len(cells), {"x": x, "y": y}, {"a": 10, "b": 11.5 - x - 2 * y}))
    found = {
        (f.key, tuple(f.others.items()), f.below, f.above)
        for f in break_evens({"x": xs, "y": ys}, cells)
    }
    assert found == {
        ("x", (("y", 0),), 1, 2),
        ("y", (("x", 0),), 0, 1),
        ("y", (("x", 1),), 0, 1),
    }


def test_a_change_made_by_a_target_is_not_interpolated() -> None:
    """Strategy b meets the targets only from x = 2: the change is the targets', not costs'."""
    cells = [
        _cell(0, {"x": 1}, {"a": 10, "b": 5}, meeting=("a",)),
        _cell(1, {"x": 2}, {"a": 10, "b": 5}, meeting=("a", "b")),
    ]
    (found,) = break_evens({"x": (1, 2)}, cells)
    assert found.at_about is None
    assert found.why == "b starts meeting the targets"


def test_text_values_have_a_break_even_but_no_crossing() -> None:
    """Values that are not numbers still bound a change; there is nothing to interpolate."""
    cells = [
        _cell(0, {"s": "cgi"}, {"a": 10, "b": 12}),
        _cell(1, {"s": "cut"}, {"a": 12, "b": 10}),
    ]
    (found,) = break_evens({"s": ("cgi", "cut")}, cells)
    assert (found.below, found.above, found.at_about) == ("cgi", "cut", None)


def test_a_sweep_gives_a_tidy_table_and_a_decision_per_cell(tiny_scenario: Scenario) -> None:
    """One row per cell x strategy x metric; the wide frame a row per cell x strategy."""
    result = sweep(tiny_scenario, {"sources.cgi.artists": [40, 80]}, replications=8, seed=2)
    names = list(tiny_scenario.strategies)
    assert result.strategies == tuple(names)
    rows = result.rows()
    assert len(rows) == 2 * len(names) * len(METRICS)  # no targets: no target metrics
    assert {row["metric"] for row in rows} == set(METRICS)
    for cell in result.cells:
        chosen = [n for n in names if cell.metrics[n]["recommended"].value == 1]
        assert chosen == [cell.recommended]
        cheapest = min(names, key=lambda n: cell.metrics[n]["cost_p80_usd"].value)
        assert cell.recommended == cheapest  # no targets: the lowest P80 cost decides
    frame = result.to_pandas()
    assert list(frame.columns[:4]) == ["cell", "sources.cgi.artists", "strategy", "metric"]
    wide = result.to_pandas(wide=True)
    assert len(wide) == 2 * len(names)
    assert "delivery_p80_date" in wide.columns
    low, high = (rows[1]["ci95_low"], rows[1]["ci95_high"])  # cost_p80_usd of the first
    assert low <= rows[1]["value"] <= high
    assert math.isfinite(result.to_json()["cells"][0]["strategies"][names[0]]["p_joint"]["value"])
