"""The docs tell the truth.

Generated pages are fresh, commands and columns are documented, the README's commands are exact,
and the tutorial shows what a run really prints.
"""

from __future__ import annotations

import importlib.util
import io
import re
from pathlib import Path

import pytest
from rich.console import Console

from sim.analysis.summary import summarise
from sim.cli import cli
from sim.experiment.results import columns_for
from sim.experiment.runner import run_experiment
from sim.report.tables import decision_table
from sim.scenario.load import load_scenario
from sim.scenario.sources import SOURCES

ROOT = Path(__file__).parents[2]
DOCS = ROOT / "docs"


def _generator(name: str = "generate"):
    spec = importlib.util.spec_from_file_location(name, DOCS / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_validation_page_is_fresh_and_its_verdicts_the_expected_ones() -> None:
    """The validation page is what the model gives now, each verdict the one the page expects.

    Every measured table is recomputed and equal (else rerun docs/validation.py); each case
    meets its tolerance, or misses it where the page says so and why; at least ten real cases,
    at least half of them held out of calibration.
    """
    validation = _generator("validation")
    page = validation.PAGE.read_text()
    cases = validation.all_cases()
    assert page.count("<!-- measured:") == len(cases) + 1  # and the overview
    assert "-->\n<!-- /measured -->" not in page  # no block left empty
    assert validation.render(page) == page, "run: python docs/validation.py"
    verdicts = {case.name: validation.verdict(case.name).met for case in cases}
    assert verdicts == {case.name: case.expect_met for case in cases}
    held_out = [case for case in cases if case.kind == "held out"]
    real = [case for case in cases if case.kind != "analytic"]
    assert len(real) >= 10
    assert 2 * len(held_out) >= len(real)


@pytest.mark.parametrize("page", ["scenario.md", "cli.md", "outputs.md"])
def test_generated_reference_is_fresh(page: str) -> None:
    """docs/reference pages equal what docs/generate.py makes now (rerun it if not)."""
    built = _generator().PAGES[page]()
    assert (DOCS / "reference" / page).read_text() == built, "run: python docs/generate.py"


def test_every_command_is_documented() -> None:
    """Each CLI command has help and appears in the CLI reference and the README."""
    reference = (DOCS / "reference" / "cli.md").read_text()
    readme = (ROOT / "README.md").read_text()
    for name, command in cli.commands.items():
        assert command.help
        assert f"spacesim {name}" in reference
        assert f"spacesim {name}" in readme


def test_readme_shows_the_two_setup_commands() -> None:
    """The README's set-up is exactly the two commands CI relies on."""
    readme = (ROOT / "README.md").read_text()
    assert "pip install . && spacesim run scenarios/split.yaml" in readme
    assert "pip install '.[test]' && python -m pytest" in readme


def test_every_output_column_is_documented() -> None:
    """Each column of replications.csv is named in docs/reference/outputs.md."""
    outputs = (DOCS / "reference" / "outputs.md").read_text()
    named = set(re.findall(r"`([^`]+)`", outputs))
    scenario = load_scenario(ROOT / "scenarios" / "split.yaml")
    for column in columns_for(scenario):
        names = "|".join(sorted(SOURCES, key=len, reverse=True))
        generic = re.sub(names, "<source>", column)
        category = re.fullmatch(r"cost_(\w+)_usd", column)
        documented = column in named or generic in named or column.startswith("risk_")
        assert documented or (category and category[1] in named), column


def test_docs_links_point_to_files() -> None:
    """Every relative link in README and docs leads to a file that exists."""
    for page in [ROOT / "README.md", *DOCS.rglob("*.md")]:
        for target in re.findall(r"\]\(([^)#:]+)\)", page.read_text()):
            assert (page.parent / target).exists(), f"{page.name}: {target}"


def test_tutorial_table_is_what_the_run_prints() -> None:
    """The table in the tutorial is the one `spacesim run scenarios/split.yaml` prints."""
    scenario = load_scenario(ROOT / "scenarios" / "split.yaml")
    results = run_experiment(scenario, jobs=2)
    console = Console(width=80, record=True, file=io.StringIO())
    console.print(decision_table(summarise(results)))
    printed = [line.rstrip() for line in console.export_text().splitlines() if line.strip()]
    tutorial = (DOCS / "tutorial.md").read_text()
    block = tutorial.split("## The tables", 1)[1].split("```")[1]
    shown = [line.rstrip() for line in block.splitlines() if line.strip()]
    assert shown == printed[: len(shown)]
