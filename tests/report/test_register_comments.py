"""A scenario's comments as sources in the registers, the report and the resolved scenario."""

from __future__ import annotations

import pytest
import yaml

from sim.analysis.summary import summarise
from sim.experiment.runner import run_experiment
from sim.report.assumptions import assumptions, risk_register
from sim.report.record import resolved_scenario_text
from sim.report.run_page import report_html
from sim.scenario.load import load_scenario, scenario_from_data
from tests.conftest import tiny_data

#: Lines of the tiny scenario's YAML, and the same lines with a comment.
COMMENTED = {
    "  budget_usd: 150000000\n": "  budget_usd: 150_000_000  # Variety, Oct 2020\n",
    "    training_days: T\n": "    training_days: {dist: uniform, low: 90, high: 180}  # Axiom\n",
    "  slip:\n": "  slip:  # Crew-9 slipped a month (Wikipedia)\n",
    "  seed: 7\n": "  seed: 7  # any fixed number\n",
    "  replications: 20\n": "  replications: 20  # Acumen Risk\n",
}


@pytest.fixture(scope="module")
def scenario(tmp_path_factory):
    """The tiny scenario with a budget, an orbit default and a risk cited by comments."""
    text = yaml.safe_dump(tiny_data(sources__orbit__training_days="T"), sort_keys=False)
    for line, commented in COMMENTED.items():
        assert line in text, line
        text = text.replace(line, commented)
    path = tmp_path_factory.mktemp("comments") / "film.yaml"
    path.write_text(text)
    return load_scenario(path)


def test_a_comment_is_the_source_of_its_value_in_the_register(scenario) -> None:
    """A plain number and a distribution set in the file alike; marked as the file's comment."""
    listed = {row.path: row for row in assumptions(scenario)}
    budget = listed["production.budget_usd"]
    assert (budget.source, budget.from_comment, budget.default) == (
        "Variety, Oct 2020",
        True,
        False,
    )
    training = listed["sources.orbit.training_days"]
    assert (training.source, training.from_comment) == ("Axiom", True)


def test_defaults_keep_their_citations_and_uncommented_values_stay_uncited(scenario) -> None:
    """A default left alone cites its source; a value set without a comment has none."""
    listed = {row.path: row for row in assumptions(scenario)}
    for key in ("seat_price_usd", "weather_scrub_probability"):  # money and a plain number
        row = listed[f"sources.orbit.{key}"]
        assert (row.default, row.from_comment) == (True, False)
        assert row.source
        assert "Variety" not in row.source
    title = listed["production.title"]
    assert (title.source, title.from_comment) == (None, False)


def test_a_source_key_wins_over_a_comment() -> None:
    """Both given: the ``source:`` the distribution carries is the one shown."""
    cited = {"dist": "fixed", "value": 200, "source": "our own quote"}
    scenario = scenario_from_data(
        tiny_data(sources__orbit__training_days=cited),
        comment_sources={"sources.orbit.training_days": "a comment"},
    )
    listed = {row.path: row for row in assumptions(scenario)}
    row = listed["sources.orbit.training_days"]
    assert (row.source, row.from_comment) == ("our own quote", False)


def test_a_risk_without_a_source_takes_its_comment(scenario) -> None:
    """The comment after the event's key; an event with neither stays uncited."""
    rows = {risk.name: risk for risk in risk_register(scenario)}
    assert rows["slip"].source == "Crew-9 slipped a month (Wikipedia)"
    assert rows["stage"].source is None


def test_the_report_says_the_comment_is_the_scenarios_own(scenario) -> None:
    """The register's cell: "set in this scenario: <comment>", not the red "no source given"."""
    results = run_experiment(scenario, replications=4, seed=3)
    page = report_html(
        summary=summarise(results),
        figures={},
        assumptions=assumptions(scenario),
        risks=risk_register(scenario),
        record={"command": ["spacesim", "run", "film.yaml"], "finished_utc": "2026-12-02T10:00"},
    )
    row = page[page.index("<code>production.budget_usd</code>") :].split("</tr>")[0]
    assert "<td>set in this scenario: Variety, Oct 2020</td>" in row
    row = page[page.index("<code>production.title</code>") :].split("</tr>")[0]
    assert "<td class='uncited'>set in this scenario, no source given</td>" in row


def test_the_resolved_scenario_cites_beside_the_values_but_a_seed_the_run_changed(
    scenario, tmp_path
) -> None:
    """scenario.resolved.yaml: each comment beside its value; the run's own seed uncommented.

    Read back, its registers cite as the file's did.
    """
    results = run_experiment(scenario, replications=2, seed=99)
    text = resolved_scenario_text(results)
    resolved = tmp_path / "scenario.resolved.yaml"
    resolved.write_text(text)
    again = load_scenario(resolved)
    assert risk_register(again) == risk_register(scenario)
    assert assumptions(again) == assumptions(scenario)
    lines = text.splitlines()
    assert "  budget_usd: 150000000.0  # Variety, Oct 2020" in lines
    assert "    training_days:  # Axiom" in lines
    assert (
        "    probability: 0.3  # Crew-9 slipped a month (Wikipedia)" in lines
    )  # what the file set
    assert "  seed: 99" in lines
    assert "  replications: 2" in lines
    same = run_experiment(scenario, replications=20, seed=7)  # the scenario's own: kept
    lines = resolved_scenario_text(same).splitlines()
    assert "  seed: 7  # any fixed number" in lines
    assert "  replications: 20  # Acumen Risk" in lines
