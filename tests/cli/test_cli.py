"""The spacesim command, as a user types it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from sim.cli import cli
from sim.core.errors import UsageError
from tests.conftest import tiny_data


@pytest.fixture
def scenario_file(tmp_path: Path) -> Path:
    """The tiny scenario written to film.yaml in a temporary folder."""
    path = tmp_path / "film.yaml"
    path.write_text(yaml.safe_dump(tiny_data(), sort_keys=False))
    return path


def invoke(*args: str, cwd: Path):
    """Run spacesim in `cwd`."""
    runner = CliRunner()
    with runner.isolated_filesystem(temp_dir=cwd):
        return runner.invoke(cli, list(args), catch_exceptions=False), Path.cwd()


def test_run_prints_tables_and_writes_the_folder(scenario_file: Path, tmp_path: Path) -> None:
    """`spacesim run --details` prints every table and writes out/<stem>/."""
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        ["run", str(scenario_file), "--reps", "8", "--details", "--out", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    for strategy in ("orbit", "mixed", "reshoot", "ground"):
        assert strategy in result.output
    assert "P50" in result.output
    assert "real" in result.output
    assert "Shortfall and where it went" in result.output
    assert "Top sheet (millions USD)" in result.output
    assert "parabolic, then cut" in result.output  # the reshoot strategy's policy
    assert "Against orbit, replication by replication" in result.output
    assert f"Results written to {out}/" in result.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["replications"] == 8
    assert set(summary["strategies"]) == {"orbit", "mixed", "reshoot", "ground"}
    for key in ("cost", "delivery_day"):
        assert set(summary["strategies"]["orbit"][key]) == {
            "mean",
            "p10",
            "p50",
            "p70",
            "p80",
            "p90",
        }
    header = (out / "replications.csv").read_text().splitlines()[0].split(",")
    assert header[:2] == ["strategy", "replication"]
    resolved = yaml.safe_load((out / "scenario.resolved.yaml").read_text())
    assert resolved["simulation"]["replications"] == 8


def test_same_seed_same_bytes_other_seed_other_numbers(scenario_file: Path, tmp_path: Path) -> None:
    """Two runs with one seed give identical summary.json; another seed does not."""
    runner = CliRunner()
    for name, seed in (("a", "5"), ("b", "5"), ("c", "6")):
        args = [
            "run",
            str(scenario_file),
            "--reps",
            "6",
            "--seed",
            seed,
            "--out",
            str(tmp_path / name),
            "--quiet",
        ]
        assert runner.invoke(cli, args, catch_exceptions=False).exit_code == 0
    first = (tmp_path / "a" / "summary.json").read_bytes()
    assert first == (tmp_path / "b" / "summary.json").read_bytes()
    assert first != (tmp_path / "c" / "summary.json").read_bytes()
    assert (tmp_path / "a" / "replications.csv").read_bytes() == (
        tmp_path / "b" / "replications.csv"
    ).read_bytes()


def test_run_refuses_to_overwrite_without_force(scenario_file: Path, tmp_path: Path) -> None:
    """The second run into one folder exits 2 with the sqlite-utils style hint."""
    runner = CliRunner()
    args = ["run", str(scenario_file), "--reps", "2", "--out", str(tmp_path / "o"), "--quiet"]
    assert runner.invoke(cli, args).exit_code == 0
    result = runner.invoke(cli, args)
    assert result.exit_code == 2
    assert result.output == (
        f"Error: {tmp_path / 'o'} already exists. Use --force to replace it, or --out to choose "
        "another folder.\n"
    )
    assert runner.invoke(cli, [*args, "--force"]).exit_code == 0


def test_a_bad_scenario_exits_2_with_the_key_path(tmp_path: Path) -> None:
    """One line per problem, no traceback, no output folder."""
    data = tiny_data(production__budgt_usd=5)
    data["risks"]["slip"]["probability"] = 1.4
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    result = CliRunner().invoke(cli, ["run", str(path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    text = path.read_text().splitlines()
    typo = text.index("  budgt_usd: 5") + 1
    probability = text.index("    probability: 1.4") + 1
    assert result.output.splitlines() == [
        f"Error: {path}: line {typo}: production.budgt_usd: unknown key (did you mean "
        "'budget_usd'?)",
        f"Error: {path}: line {probability}: risks.slip.probability: 1.4 is not a probability; "
        "use a number from 0 to 1",
    ]
    assert not (tmp_path / "o").exists()


def test_jobs_default_to_the_cores_this_process_may_use(
    scenario_file: Path, tmp_path: Path, monkeypatch
) -> None:
    """Confined to 3 cores of a bigger machine (Slurm, a cpuset, taskset), a run uses 3 workers."""
    asked = []

    def recorded(*args, **kwargs):
        asked.append(kwargs["jobs"])
        raise UsageError("stop here")

    monkeypatch.delattr("os.process_cpu_count", raising=False)
    monkeypatch.setattr("os.sched_getaffinity", lambda pid: {0, 5, 7}, raising=False)
    monkeypatch.setattr("os.cpu_count", lambda: 64)
    monkeypatch.setattr("sim.cli.run.run_experiment", recorded)
    result = CliRunner().invoke(cli, ["run", str(scenario_file), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert asked == [3]


def test_ctrl_c_says_nothing_was_written_and_exits_130(
    scenario_file: Path, tmp_path: Path, monkeypatch
) -> None:
    """An interrupted run leaves no folder and says so, with the shell's SIGINT exit code."""

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("sim.cli.run.run_experiment", interrupted)
    out = tmp_path / "o"
    result = CliRunner().invoke(cli, ["run", str(scenario_file), "--out", str(out)])
    assert result.exit_code == 130
    assert result.output == f"Error: interrupted: no results were written; {out} was not created\n"
    assert list(tmp_path.iterdir()) == [scenario_file]  # no folder, no staging left behind


def test_an_unknown_baseline_exits_2_and_writes_nothing(
    scenario_file: Path, tmp_path: Path
) -> None:
    """--baseline with a typo: one line with the name meant and the strategies, no folder."""
    out = tmp_path / "o"
    args = ["run", str(scenario_file), "--reps", "2", "--baseline", "orbt", "--out", str(out)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert result.output == (
        "Error: unknown baseline 'orbt' (did you mean 'orbit'?); the run has: orbit, mixed,"
        " reshoot, ground\n"
    )
    assert not out.exists()


def test_validate_reports_each_file(scenario_file: Path, tmp_path: Path) -> None:
    """Good files say ok; a bad one gives its lines and exit 2."""
    bad = tmp_path / "bad.yaml"
    bad.write_text("strategies: {}\n")
    result = CliRunner().invoke(cli, ["validate", str(scenario_file), str(bad)])
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[0] == f"{scenario_file}: ok (4 strategies, 48 screen minutes)"
    assert f"Error: {bad}: production.title: required key is missing; add it" in lines
    assert f"Error: {bad}: line 1: strategies: needs at least 1 item(s); add some" in lines


def test_an_unknown_strategy_exits_2(scenario_file: Path, tmp_path: Path) -> None:
    """--strategy with a typo names the strategies there are."""
    result = CliRunner().invoke(
        cli,
        [
            "run",
            str(scenario_file),
            "--strategy",
            "orbt",
            "--out",
            str(tmp_path / "o"),
        ],
    )
    assert result.exit_code == 2
    assert result.output == (
        "Error: unknown strategy 'orbt' (did you mean 'orbit'?); the scenario has: orbit, mixed,"
        " reshoot, ground\n"
    )


def test_an_internal_error_is_one_line_unless_debug(
    scenario_file: Path, tmp_path: Path, monkeypatch
) -> None:
    """A bug prints one line and exits 1; --debug shows the traceback."""

    def broken(*args, **kwargs):
        raise KeyError("oops")

    monkeypatch.setattr("sim.report.publish.summarise", broken)
    args = ["run", str(scenario_file), "--reps", "2", "--out", str(tmp_path / "o"), "--quiet"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    assert result.output == (
        "Error: internal error (KeyError: 'oops'); rerun with --debug and report it\n"
    )
    debug = CliRunner().invoke(cli, ["--debug", *args])
    assert isinstance(debug.exception, KeyError)


def test_the_resolved_scenario_reproduces_the_run(scenario_file: Path, tmp_path: Path) -> None:
    """Running scenario.resolved.yaml gives the same summary.json, byte for byte."""
    runner = CliRunner()
    first = ["run", str(scenario_file), "--reps", "6", "--seed", "11", "--out", str(tmp_path / "a")]
    assert runner.invoke(cli, [*first, "--quiet"], catch_exceptions=False).exit_code == 0
    resolved = tmp_path / "a" / "scenario.resolved.yaml"
    again = ["run", str(resolved), "--out", str(tmp_path / "b"), "--quiet"]
    assert runner.invoke(cli, again, catch_exceptions=False).exit_code == 0
    summary = (tmp_path / "a" / "summary.json").read_bytes()
    assert summary == (tmp_path / "b" / "summary.json").read_bytes()
    record = json.loads((tmp_path / "a" / "run.json").read_text())
    assert record["seed"] == 11
    assert record["replications"] == 6


def test_precision_reports_the_replications_used_and_the_precision(
    scenario_file: Path, tmp_path: Path
) -> None:
    """--precision 50 is met at once; the summary records target, precision and replications."""
    out = tmp_path / "o"
    result = CliRunner().invoke(
        cli,
        ["run", str(scenario_file), "--reps", "20", "--precision", "50", "--out", str(out)],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    summary = json.loads((out / "summary.json").read_text())
    assert summary["precision"]["target"] == 0.5
    assert summary["precision"]["cost_p80"] <= 0.5
    assert summary["replications"] >= 20
    assert "known to" in result.output
    orbit = summary["strategies"]["orbit"]
    low, high = orbit["cost_ci95"]["p80"]
    assert low <= orbit["cost"]["p80"] <= high
    assert orbit["p_on_time_ci95"][0] <= orbit["p_on_time"] <= orbit["p_on_time_ci95"][1]


def test_an_unreachable_precision_warns_at_the_maximum(scenario_file: Path, tmp_path: Path) -> None:
    """A 0.01% target with --max-reps 40 stops at 40 and says the target was not reached."""
    result = CliRunner().invoke(
        cli,
        [
            "run",
            str(scenario_file),
            "--reps",
            "20",
            "--precision",
            "0.01",
            "--max-reps",
            "40",
            "--out",
            str(tmp_path / "o"),
        ],
        catch_exceptions=False,
    )
    assert result.exit_code == 0, result.output
    assert "Warning: the P80s are not known to ±0.01% after --max-reps 40" in result.output
    summary = json.loads((tmp_path / "o" / "summary.json").read_text())
    assert summary["replications"] == 40


def test_a_dask_address_that_cannot_be_used_exits_2_and_writes_nothing(
    scenario_file: Path, tmp_path: Path
) -> None:
    """`--dask` with an address Dask refuses: one line naming it, and no output folder."""
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli, ["run", str(scenario_file), "--reps", "3", "--dask", "nonsense://x", "--out", str(out)]
    )
    assert result.exit_code == 2
    assert result.output.startswith("Error: --dask nonsense://x: cannot reach the scheduler")
    assert len(result.output.strip().splitlines()) == 1
    assert not out.exists()


def test_init_writes_a_starter_that_runs_and_never_overwrites(tmp_path: Path) -> None:
    """`spacesim init` writes a scenario that validates; a second init leaves the file alone."""
    path = tmp_path / "film.yaml"
    result = CliRunner().invoke(cli, ["init", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"Wrote {path}: edit it, then run: spacesim run {path}"
    assert CliRunner().invoke(cli, ["validate", str(path)]).exit_code == 0
    path.write_text("my edits\n")
    again = CliRunner().invoke(cli, ["init", str(path)])
    assert again.exit_code == 2
    assert "already exists. Use --force" in again.output
    assert path.read_text() == "my edits\n"
    assert CliRunner().invoke(cli, ["init", str(path), "--force"]).exit_code == 0
    assert path.read_text().startswith("# A spacesim scenario")


def test_schema_prints_a_json_schema() -> None:
    """`spacesim schema` prints JSON naming the draft and the scenario's top-level keys."""
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert {"production", "script", "strategies"} <= set(schema["properties"])
