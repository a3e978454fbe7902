"""Break-evens of a sweep: where, along one swept key, the recommended strategy changes.

Along each key, the other keys held at each of their values, the cells are read in the order
the values were given; wherever two neighbours recommend different strategies there is a
break-even between their values. When both cells decide by P80 cost alone (the scenario sets
no targets, or both strategies meet them in both cells) and the values are numbers, the P80
costs of the two strategies are interpolated linearly to where they cross (`at_about`): a
reading of the grid, as good as its spacing, not a new simulation.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sim.analysis.sweep_cells import CellSummary


@dataclass(frozen=True)
class BreakEven:
    """Along `key`, the other keys at `others`: `before` recommended at `below`, `after` at `above`.

    `at_about` is where their P80 costs cross, interpolated (None unless the cost decides);
    `why` says what changes.
    """

    key: str
    others: dict[str, Any]
    below: Any
    above: Any
    before: str
    after: str
    at_about: float | None
    why: str


def break_evens(
    axes: Mapping[str, Sequence[Any]], cells: Sequence[CellSummary]
) -> tuple[BreakEven, ...]:
    """Every change of the recommended strategy between neighbouring values of one key.

    `cells` are in grid order: the product of the axes, the first key varying slowest.
    """
    keys = list(axes)
    sizes = [len(axes[key]) for key in keys]
    if math.prod(sizes) != len(cells):
        raise ValueError(f"{len(cells)} cells for a grid of {math.prod(sizes)}")
    found = []
    for position, key in enumerate(keys):
        others = [range(size) if at != position else range(1) for at, size in enumerate(sizes)]
        for fixed in itertools.product(*others):
            line = [
                cells[_flat([*fixed[:position], step, *fixed[position + 1 :]], sizes)]
                for step in range(sizes[position])
            ]
            for left, right in itertools.pairwise(line):
                if left.recommended != right.recommended and left.recommended and right.recommended:
                    found.append(_between(key, left, right))
    return tuple(found)


def _flat(digits: Sequence[int], sizes: Sequence[int]) -> int:
    index = 0
    for digit, size in zip(digits, sizes, strict=True):
        index = index * size + digit
    return index


def _between(key: str, left: CellSummary, right: CellSummary) -> BreakEven:
    before, after = str(left.recommended), str(right.recommended)
    below, above = left.values[key], right.values[key]
    by_cost = all(
        not cell.targeted or {before, after} <= set(cell.meeting) for cell in (left, right)
    )
    at_about = _crossing((below, above), (left, right), (before, after)) if by_cost else None
    if by_cost:
        why = f"{after} becomes cheaper than {before} at P80"
    elif before in left.meeting and before not in right.meeting:
        why = f"{before} stops meeting the targets"
    elif after in right.meeting and after not in left.meeting:
        why = f"{after} starts meeting the targets"
    else:
        why = f"{after} becomes the nearest to the targets" + _distances(right, after, before)
    others = {name: value for name, value in left.values.items() if name != key}
    return BreakEven(key, others, below, above, before, after, at_about, why)


def _crossing(
    values: tuple[Any, Any], cells: tuple[CellSummary, CellSummary], names: tuple[str, str]
) -> float | None:
    """Where the P80 cost of `after` minus that of `before` crosses 0, linearly; None if not."""
    below, above = values
    before, after = names
    if not all(isinstance(v, int | float) and not isinstance(v, bool) for v in (below, above)):
        return None
    gaps = []
    for cell in cells:
        costs = [cell.metrics[name]["cost_p80_usd"].value for name in (after, before)]
        if costs[0] is None or costs[1] is None:
            return None
        gaps.append(costs[0] - costs[1])
    start, end = gaps
    if start == end or start * end > 0:
        return None
    return float(below + (above - below) * start / (start - end))


def _distances(cell: CellSummary, after: str, before: str) -> str:
    """`` (distance 0.48 against split's 0.50)``, as far as the cell knows them."""
    found = [cell.metrics[name].get("target_distance") for name in (after, before)]
    if any(estimate is None or estimate.value is None for estimate in found):
        return ""
    ours, theirs = (estimate.value for estimate in found if estimate is not None)
    return f" (distance {ours:.2f} against {before}'s {theirs:.2f})"
