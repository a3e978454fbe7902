"""Figures: each is drawn, names every strategy, and labels its axes with units."""

from __future__ import annotations

import numpy as np
import pytest

from sim.analysis.representative import representative, told
from sim.experiment.results import Results
from sim.experiment.runner import run_experiment
from sim.report.figures.gantt import gantt
from sim.report.writer import FIGURES
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data


@pytest.fixture(scope="module")
def results():
    """A small run of the tiny scenario."""
    return run_experiment(scenario_from_data(tiny_data()), replications=15, seed=4)


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_is_written_with_labels_and_legend(results, name: str, tmp_path) -> None:
    """The PNG is written; the legend or tick labels name every strategy; axes carry units."""
    figure = FIGURES[name](results)
    path = tmp_path / name
    figure.savefig(path)
    assert path.stat().st_size > 10_000
    texts = []
    for axis in figure.axes:
        texts += [axis.get_xlabel(), axis.get_ylabel(), axis.get_title(loc="left")]
        texts += [label.get_text() for label in axis.get_yticklabels()]
        legend = axis.get_legend()
        if legend:
            texts += [text.get_text() for text in legend.get_texts()]
    joined = " ".join(texts)
    for strategy in results.strategies:
        assert strategy in joined, f"{strategy} missing from {name}"
    assert any(unit in joined for unit in ("USD", "date", "minutes", "%"))
    assert "Tiny test film" in figure.get_suptitle()


def test_the_gantt_shows_the_replication_nearest_both_medians(results) -> None:
    """No delivered replication is nearer the median date and the median cost at once."""

    def percentiles(values):
        return (np.argsort(np.argsort(values, kind="stable"), kind="stable") + 0.5) / len(values)

    for name in results.strategies:
        index = representative(results, name)
        day = results.column("delivery_day", name).astype(float)
        cost = results.column("cost_usd", name).astype(float)
        off = np.maximum(abs(percentiles(day) - 0.5), abs(percentiles(cost) - 0.5))
        chosen = list(results.column("replication", name)).index(index)
        assert off[chosen] == off.min()


def test_a_cheap_outlier_delivered_on_the_median_day_is_not_the_story() -> None:
    """A replication delivered on the median day at a tenth of the usual cost is not typical.

    Its orbital segment was cancelled, say: a rarer story than one near both medians.
    """
    days = np.array([100.0, 110, 120, 130, 140, 150, 160, 170, 180])
    costs = np.array([50.0, 52, 54, 56, 5, 58, 60, 62, 64])  # replication 4: median day, cheap
    columns = {
        "replication": np.arange(9),
        "strategy": np.array(["a"] * 9),
        "delivery_day": days,
        "cost_usd": costs,
    }
    results = Results(scenario_from_data(tiny_data()), 0, ("a",), columns)
    assert representative(results, "a") == 3  # next to both medians (the old rule chose 4)


def test_the_gantt_draws_each_strategy_s_replayed_replication(results) -> None:
    """One chart per strategy, titled with its replayed replication and that one's trace command."""
    stories = told(results)
    figure = gantt(results, stories)
    titles = [axis.get_title(loc="left") for axis in figure.axes]
    for name, outcome in stories.items():
        assert outcome is not None
        assert (
            outcome.delivery_day
            == results.column("delivery_day", name)[
                list(results.column("replication", name)).index(outcome.replication)
            ]
        )
        assert any(
            f"--strategy {name} --replication {outcome.replication}" in title for title in titles
        )
    assert "Tiny test film" in figure.get_suptitle()
