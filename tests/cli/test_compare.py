"""`spacesim compare`: runs side by side, read from their folders without rerunning."""

from __future__ import annotations

import csv
import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sim.cli import cli
from tests.conftest import tiny_data


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory) -> Path:
    """Two finished runs of the tiny film: as it is, and with twice the VFX artists."""
    root = tmp_path_factory.mktemp("runs")
    more = tiny_data()
    more["sources"]["cgi"] = {**more["sources"].get("cgi", {}), "artists": 80}
    for name, data in (("base", tiny_data()), ("more-artists", more)):
        scenario = root / f"{name}.yaml"
        scenario.write_text(yaml.safe_dump(data, sort_keys=False))
        result = CliRunner().invoke(
            cli,
            ["run", str(scenario), "--reps", "30", "--out", str(root / name), "--quiet"],
            catch_exceptions=False,
        )
        assert result.exit_code == 0, result.output
    return root


def _compare(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["compare", *args])
    return result.exit_code, result.output


def test_folders_are_compared_without_rerunning(
    two_runs: Path, tmp_path: Path, monkeypatch
) -> None:
    """The table and compare.csv hold each run's own summary numbers; nothing is simulated."""

    def no_rerun(*_: object, **__: object) -> None:
        raise AssertionError("compare reran a folder")

    monkeypatch.setattr("sim.cli.compare.run_experiment", no_rerun)
    out = tmp_path / "cmp"
    code, output = _compare(
        str(two_runs / "base"), str(two_runs / "more-artists"), "--out", str(out)
    )
    assert code == 0, output
    assert "Runs side by side" in output
    assert f"Comparison written to {out}/" in output
    assert sorted(p.name for p in out.iterdir()) == [
        ".spacesim",
        "compare.csv",
        "inputs.csv",
        "joint_confidence.png",
        "minutes_by_source.png",
        "report.html",
        "run.json",
        "s_curves.png",
        "top_sheet.csv",
    ]
    rows = list(csv.DictReader((out / "compare.csv").read_text().splitlines()))
    for label in ("base", "more-artists"):
        summary = json.loads((two_runs / label / "summary.json").read_text())
        mine = {r["strategy"]: r for r in rows if r["run"] == label}
        assert list(mine) == list(summary["strategies"])
        for name, strategy in summary["strategies"].items():
            assert float(mine[name]["cost_p80_usd"]) == strategy["cost"]["p80"]
            assert float(mine[name]["p_joint"]) == strategy["p_joint"]
    page = (out / "report.html").read_text()
    assert page.count("data:image/png;base64,") == 3
    assert json.loads((out / "run.json").read_text())["runs"][1]["label"] == "more-artists"


def test_more_artists_deliver_earlier(two_runs: Path, tmp_path: Path) -> None:
    """Twice the VFX artists, same seed: no strategy's P80 delivery is later."""
    out = tmp_path / "cmp"
    code, output = _compare(
        str(two_runs / "base"), str(two_runs / "more-artists"), "--out", str(out)
    )
    assert code == 0, output
    rows = list(csv.DictReader((out / "compare.csv").read_text().splitlines()))
    for name in {r["strategy"] for r in rows}:
        base, more = (
            next(r for r in rows if r["strategy"] == name and r["run"] == run)
            for run in ("base", "more-artists")
        )
        assert (more["delivery_p80_date"] or "9999") <= (base["delivery_p80_date"] or "9999")


def test_a_scenario_file_is_run_and_set_beside_a_folder(two_runs: Path, tmp_path: Path) -> None:
    """A scenario argument runs now, with --reps and --seed; the folder is read as it is."""
    out = tmp_path / "cmp"
    code, output = _compare(
        str(two_runs / "base"),
        str(two_runs / "more-artists.yaml"),
        "--reps",
        "10",
        "--seed",
        "3",
        "--out",
        str(out),
        "--jobs",
        "1",
    )
    assert code == 0, output
    rows = list(csv.DictReader((out / "compare.csv").read_text().splitlines()))
    assert {r["replications"] for r in rows if r["run"] == "more-artists"} == {"10"}
    assert {r["seed"] for r in rows if r["run"] == "more-artists"} == {"3"}
    assert {r["replications"] for r in rows if r["run"] == "base"} == {"30"}


def test_same_names_are_told_apart_by_their_paths(two_runs: Path, tmp_path: Path) -> None:
    """Two folders both called 'base' are labelled by their whole paths."""
    copy = tmp_path / "other" / "base"
    shutil.copytree(two_runs / "base", copy)
    out = tmp_path / "cmp"
    code, output = _compare(str(two_runs / "base"), str(copy), "--out", str(out))
    assert code == 0, output
    labels = {r["run"] for r in csv.DictReader((out / "compare.csv").read_text().splitlines())}
    assert labels == {str(two_runs / "base"), str(copy)}


def _older(two_runs: Path, tmp_path: Path) -> Path:
    old = tmp_path / "old"
    shutil.copytree(two_runs / "base", old)
    summary = json.loads((old / "summary.json").read_text())
    for strategy in summary["strategies"].values():
        del strategy["p_joint_ci95"]
    (old / "summary.json").write_text(json.dumps(summary))
    return old


def _malformed(two_runs: Path, tmp_path: Path) -> Path:
    bad = tmp_path / "bad"
    shutil.copytree(two_runs / "base", bad)
    (bad / "summary.json").write_text('{"scenario": "Tiny", "seed": "forty-two"')
    return bad


def _trimmed(two_runs: Path, tmp_path: Path) -> Path:
    trimmed = tmp_path / "trimmed"
    shutil.copytree(two_runs / "base", trimmed)
    lines = (trimmed / "replications.csv").read_text().splitlines()
    (trimmed / "replications.csv").write_text("\n".join(lines[:-1]) + "\n")
    return trimmed


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda runs, tmp: [runs / "base"],
            "compare needs at least two run folders or scenario files",
        ),
        (
            lambda runs, tmp: [runs / "base", tmp / "nowhere"],
            "nowhere: no such run folder or scenario file",
        ),
        (
            lambda runs, tmp: [runs / "base", tmp],
            "is not a spacesim output folder (it needs summary.json",
        ),
        (
            lambda runs, tmp: [runs / "base", _older(runs, tmp)],
            "summary.json: strategies.orbit.p_joint_ci95: missing, so it was written by an "
            "older spacesim; run its scenario again",
        ),
        (
            lambda runs, tmp: [runs / "base", _malformed(runs, tmp)],
            "bad/summary.json: cannot read it (Expecting ',' delimiter",
        ),
        (
            lambda runs, tmp: [runs / "base", _trimmed(runs, tmp)],
            "the folder was changed after the run",
        ),
    ],
)
def test_what_cannot_be_compared_is_one_line_and_writes_nothing(
    two_runs: Path, tmp_path: Path, make, message: str
) -> None:
    """Exit 2, one Error line saying what is wrong, and no output folder."""
    out = tmp_path / "cmp"
    code, output = _compare(*(str(p) for p in make(two_runs, tmp_path)), "--out", str(out))
    assert code == 2
    assert len(output.strip().splitlines()) == 1
    assert output.startswith("Error: ")
    assert message in output
    assert not out.exists()


def test_the_output_folder_is_not_replaced_without_force(two_runs: Path, tmp_path: Path) -> None:
    """A second comparison into the same folder needs --force."""
    args = (str(two_runs / "base"), str(two_runs / "more-artists"), "--out", str(tmp_path / "c"))
    assert _compare(*args)[0] == 0
    code, output = _compare(*args)
    assert code == 2
    assert "already exists. Use --force" in output
    assert _compare(*args, "--force")[0] == 0


def test_long_run_labels_are_not_folded_mid_word(two_runs: Path, tmp_path: Path) -> None:
    """On an 80-column terminal a run label of 20 characters stays whole in the table."""
    long = tmp_path / "more-artists-for-vfx"
    shutil.copytree(two_runs / "more-artists", long)
    code, output = _compare(str(two_runs / "base"), str(long), "--out", str(tmp_path / "cmp"))
    assert code == 0, output
    rows = [line for line in output.splitlines() if line.startswith("   more-artists-for-vfx ")]
    assert len(rows) == 4  # once per strategy in the side-by-side table, whole


def test_what_changed_comes_first_then_the_paired_deltas(two_runs: Path, tmp_path: Path) -> None:
    """The inputs' diff heads the output; same seed and replications: the deltas are paired."""
    out = tmp_path / "cmp"
    code, output = _compare(
        str(two_runs / "base"), str(two_runs / "more-artists"), "--out", str(out)
    )
    assert code == 0, output
    assert output.index("What changed in the inputs") < output.index("Runs side by side")
    assert "more-artists minus base (paired, replication by replication)" in output
    assert "Same seed (7) and replications (30)" in output.replace("\n", " ")
    rows = list(csv.reader((out / "inputs.csv").read_text().splitlines()))
    assert rows == [["key", "base", "more-artists"], ["sources.cgi.artists", "60", "80"]]
    deltas = list(csv.DictReader((out / "compare.csv").read_text().splitlines()))
    more = [row for row in deltas if row["run"] == "more-artists"]
    assert {row["paired"] for row in more} == {"True"}
    assert {row["against"] for row in more} == {"base"}
    for row in more:
        low, high = (float(row[f"delivery_mean_delta_ci95_{end}_days"]) for end in ("low", "high"))
        assert low <= float(row["delivery_mean_delta_days"]) <= high
    assert "Top sheet, original and variance (mean)" in output


def test_a_folder_without_its_resolved_scenario_is_compared_with_a_note(
    two_runs: Path, tmp_path: Path
) -> None:
    """An older folder lacking scenario.resolved.yaml: compared, and its inputs said unknown."""
    old = tmp_path / "old"
    shutil.copytree(two_runs / "base", old)
    (old / "scenario.resolved.yaml").unlink()
    code, output = _compare(str(old), str(two_runs / "more-artists"), "--out", str(tmp_path / "c"))
    assert code == 0, output
    assert "no such file, so the run's inputs are not compared" in " ".join(output.split())
    assert (tmp_path / "c" / "inputs.csv").read_text() == "key,old,more-artists\n"


def test_every_column_of_the_comparison_is_documented(two_runs: Path, tmp_path: Path) -> None:
    """Each column of compare.csv and top_sheet.csv is named in docs/reference/outputs.md."""
    out = tmp_path / "cmp"
    code, output = _compare(
        str(two_runs / "base"), str(two_runs / "more-artists"), "--out", str(out), "--quiet"
    )
    assert code == 0, output
    docs = Path(__file__).parents[2] / "docs" / "reference" / "outputs.md"
    named = set(re.findall(r"`([^`]+)`", docs.read_text()))
    for file in ("compare.csv", "top_sheet.csv"):
        header = (out / file).read_text().splitlines()[0].split(",")
        for column in header:
            generic = re.sub(r"^minutes_\w+$", "minutes_<source>", column)
            assert column in named or generic in named, f"{file}: {column}"


def test_another_seed_gives_unpaired_deltas_and_the_p80_top_sheet(
    two_runs: Path, tmp_path: Path
) -> None:
    """A scenario run now with another seed: the seed is a change, the deltas unpaired."""
    out = tmp_path / "cmp"
    code, output = _compare(
        str(two_runs / "base"),
        str(two_runs / "base.yaml"),
        "--reps",
        "30",
        "--seed",
        "8",
        "--jobs",
        "1",
        "--statistic",
        "p80",
        "--out",
        str(out),
    )
    assert code == 0, output
    assert "(unpaired)" in output
    assert "(paired" not in output
    rows = list(csv.reader((out / "inputs.csv").read_text().splitlines()))
    assert rows[1:] == [["simulation.seed", "7", "8"]]
    sheet = list(csv.DictReader((out / "top_sheet.csv").read_text().splitlines()))
    assert {row["statistic"] for row in sheet} == {"p80"}
