"""Reading a run folder back: its summary.json through the typed summary, refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sim.analysis.summary import summarise
from sim.core.errors import SummaryError
from sim.experiment.runner import run_experiment
from sim.report.input_diff import leaves
from sim.report.runs import read_run, read_summary
from sim.report.writer import write_run
from sim.scenario.load import scenario_from_data
from tests.conftest import tiny_data


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """A folder written by write_run from 4 replications of the tiny scenario."""
    results = run_experiment(scenario_from_data(tiny_data()), replications=4, seed=2)
    target = tmp_path_factory.mktemp("runs") / "run"
    write_run(
        target,
        results=results,
        summary=summarise(results),
        resolved_scenario="resolved: true\n",
        record={"seed": 2},
        stories=dict.fromkeys(results.strategies),
        force=False,
    )
    return target


def test_a_folder_reads_back_as_the_summary_it_wrote(folder: Path) -> None:
    """The summary read is the one written, to the byte, with each replication's numbers."""
    run = read_run(folder, "run")
    text = (folder / "summary.json").read_text()
    assert json.dumps(run.summary.to_json(), indent=2, allow_nan=False) + "\n" == text
    assert run.strategies == list(json.loads(text)["strategies"])
    assert all(len(run.cost_usd[name]) == 4 for name in run.strategies)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "summary.json: cannot read it (Expecting property name"),
        ("[]", "summary.json: not a spacesim summary"),
        ('{"scenario": "x"}', "summary.json: seed: missing, so it was written by an older"),
    ],
)
def test_a_malformed_summary_is_one_summary_error(
    folder: Path, tmp_path: Path, content: str, message: str
) -> None:
    """Not JSON, not an object, or lacking keys: one line naming the file, exit code 2."""
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "replications.csv").write_text((folder / "replications.csv").read_text())
    (broken / "summary.json").write_text(content)
    with pytest.raises(SummaryError) as raised:
        read_run(broken, "broken")
    assert str(raised.value).startswith(f"{broken / 'summary.json'}: ")
    assert message in str(raised.value)
    assert len(raised.value.lines()) == 1
    assert raised.value.exit_code == 2


def test_a_missing_summary_says_the_folder_is_not_an_output_folder(tmp_path: Path) -> None:
    """No summary.json: the folder is not one spacesim wrote."""
    with pytest.raises(SummaryError, match="is not a spacesim output folder"):
        read_summary(tmp_path / "summary.json")


def test_a_source_given_as_a_comment_is_a_leaf_of_the_input_diff(
    folder: Path, tmp_path: Path
) -> None:
    """A distribution cited by a comment in scenario.resolved.yaml keeps its source when read.

    The resolved scenario writes a comment's source back as a comment; without it the input
    diff would call the source absent, as if the new number had none.
    """
    copy = tmp_path / "run"
    copy.mkdir()
    for file in folder.iterdir():
        (copy / file.name).write_bytes(file.read_bytes())
    (copy / "scenario.resolved.yaml").write_text(
        "sources:\n  orbit:\n    seat_price_usd:  # Variety, 2020\n"
        "      dist: fixed\n      value: 80000000.0\n"
    )
    leaf = leaves(read_run(copy, "run").scenario)
    assert leaf["sources.orbit.seat_price_usd.source"] == "Variety, 2020"
