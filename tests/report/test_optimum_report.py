"""What `spacesim optimise` writes: trials.csv, front.json, best.yaml, the figure, the tables."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
import yaml
from rich.console import Console

from sim.analysis.optimum import optimise
from sim.experiment.study import Study
from sim.report.figures.front import front_figure
from sim.report.optimum import best_yaml, front_json, trials_csv
from sim.report.optimum_tables import choices_table, finalists_table, months_text, splits_table
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data


@pytest.fixture(scope="module")
def study() -> Study:
    """A small study of the tiny scenario, with a real-share target."""
    data = tiny_data()
    data["targets"] = {"real_share": 0.3}
    return optimise(
        scenario_from_data(data), trials=12, replications=4, final_replications=6, jobs=1
    )


def test_trials_csv_has_a_row_per_trial_with_its_choices_and_misses(study: Study) -> None:
    """Every trial, its objectives, its miss of each target and every split fraction."""
    rows = list(csv.DictReader(io.StringIO(trials_csv(study))))
    assert [int(row["trial"]) for row in rows] == list(range(12))
    header = rows[0].keys()
    for column in (
        "p80_cost_usd",
        "p80_delivery_date",
        "mean_real_share",
        "miss.real_share",
        "feasible",
        "on_front",
        "split.weightless_interior.orbit",
        "crew",
        "shortfall",
        "sources.cgi.artists",
    ):
        assert column in header
    for row in rows:
        fractions = [float(row[c]) for c in header if c.startswith("split.weightless_interior.")]
        assert sum(fractions) == pytest.approx(1.0)


def test_front_json_lists_the_front_and_the_finalists(study: Study) -> None:
    """Plain JSON: no NaN, every front point with its strategy, each finalist with its role."""
    data = json.loads(json.dumps(front_json(study), allow_nan=False, default=str))
    assert data["front"]
    assert all("split" in point["strategy"] for point in data["front"])
    roles = {finalist["role"] for finalist in data["finalists"]}
    assert roles <= {"best", "front", "shipped"}
    assert "shipped" in roles


def test_best_yaml_is_yaml_indented_to_paste(study: Study) -> None:
    """Every line is a comment or indented by two spaces; it reads as the finalists found."""
    text = best_yaml(study, "film.yaml")
    lines = [line for line in text.splitlines() if line.strip()]
    assert all(line.startswith(("#", "  ")) for line in lines)
    strategies = yaml.safe_load(text)
    found = [f.label for f in study.finalists if f.role != "shipped"]
    assert next(iter(strategies)) == found[0]
    assert set(strategies) <= set(found)
    assert all("split" in strategy for strategy in strategies.values())


def test_the_figure_names_its_axes_and_the_scenario_strategies(study: Study) -> None:
    """Two panels, cost against delivery; the legend names candidates and the shipped ones."""
    figure = front_figure(study)
    whole, _zoom, _bar = figure.axes
    assert "P80 whole-film cost" in whole.get_xlabel()
    assert whole.get_ylabel() == "P80 delivery date"
    labels = [text.get_text() for text in whole.get_legend().get_texts()]
    assert "the scenario's strategies" in labels
    assert "finalists (rerun; see the table)" in labels
    names = {text.get_text() for text in whole.texts}
    assert set(study.scenario.strategies) <= names
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    assert buffer.getvalue()[:4] == b"\x89PNG"


def test_the_tables_show_every_finalist_with_its_intervals(study: Study) -> None:
    """A row per finalist, its P80 cost and the interval under it; then the splits."""
    console = Console(width=100, record=True, markup=False)
    console.print(finalists_table(study))
    console.print(splits_table(study))
    console.print(choices_table(study))
    text = console.export_text()
    for finalist in study.finalists:
        assert finalist.label in text
    assert "95% interval" in text
    assert "weightless" in text


def test_intervals_of_dates_read_by_month() -> None:
    """One month, two months of a year, two years; a film never delivered as never."""
    assert months_text(dt.date(2028, 7, 3), dt.date(2028, 7, 30)) == "Jul 2028"
    assert months_text(dt.date(2028, 6, 3), dt.date(2028, 7, 30)) == "Jun-Jul 2028"
    assert months_text(dt.date(2028, 12, 3), dt.date(2029, 1, 30)) == "Dec 28-Jan 29"
    assert months_text(dt.date(2031, 2, 2), None) == "Feb 2031-never"
