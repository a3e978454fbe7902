"""What an output folder says about how it was made: run.json and scenario.resolved.yaml.

The record names the command, the version, the inputs (a scenario file by its SHA-256) and the
machine, so a reader can tell which run made a folder and run it again. The resolved scenario
is the one that was run, every default filled in, with the seed and replications the run used:
`spacesim run` on it gives the same results.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import platform
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sim.scenario.load import dump_scenario, scenario_from_data

if TYPE_CHECKING:
    from sim.experiment.results import Results
    from sim.report.runs import Run


def spacesim_version() -> str:
    """The installed version of spacesim, or ``"unknown"`` when it runs uninstalled."""
    try:
        return version("spacesim")
    except PackageNotFoundError:
        return "unknown"


def run_record(
    results: Results,
    *,
    command: Sequence[str],
    scenario_file: Path | None,
    jobs: int,
    dask: str | None,
    started: dt.datetime,
) -> dict[str, Any]:
    """The run.json of a run made by `command` from `scenario_file`, finished now.

    Without a file (a scenario made or changed in Python) the record names none, and its
    SHA-256 is that of the resolved scenario the folder holds.
    """
    text = None if scenario_file is not None else resolved_scenario_text(results).encode("utf-8")
    return made_record(
        command=command,
        scenario_file=scenario_file,
        settings={
            "seed": results.seed,
            "replications": results.replications,
            "strategies": list(results.strategies),
        },
        jobs=jobs,
        dask=dask,
        started=started,
        scenario_text=text,
    )


def made_record(
    *,
    command: Sequence[str],
    scenario_file: Path | None,
    settings: dict[str, Any],
    jobs: int,
    dask: str | None,
    started: dt.datetime,
    scenario_text: bytes | None = None,
) -> dict[str, Any]:
    """The run.json of anything spacesim made from a scenario, finished now.

    The command, the version, the scenario file and its SHA-256 (of `scenario_text` when no
    file is named), the command's own `settings` (a run's seed and replications, a sweep's
    grid, a study's trials), the workers, the times and the machine.
    """
    text = scenario_file.read_bytes() if scenario_file is not None else scenario_text or b""
    return {
        "command": list(command),
        "spacesim_version": spacesim_version(),
        "scenario_file": None if scenario_file is None else str(scenario_file),
        "scenario_sha256": hashlib.sha256(text).hexdigest(),
        **settings,
        "jobs": jobs,
        "dask": dask,
        "started_utc": _utc_text(started),
        "finished_utc": _utc_text(dt.datetime.now(dt.UTC)),
        "python": platform.python_version(),
        "platform": platform.platform(),
    }


def comparison_record(
    runs: Sequence[Run], sources: Sequence[Path], *, command: Sequence[str]
) -> dict[str, Any]:
    """The run.json of `spacesim compare`: each run's label, where it came from and its seed."""
    return {
        "command": list(command),
        "spacesim_version": spacesim_version(),
        "runs": [
            {"label": run.label, "source": str(path), "seed": run.summary.seed}
            for run, path in zip(runs, sources, strict=True)
        ],
        "finished_utc": _utc_text(dt.datetime.now(dt.UTC)),
    }


def resolved_scenario_text(results: Results) -> str:
    """The scenario of `results` as YAML, with the seed and replications the run used.

    It is built the way a scenario file is read, so it is validated like one. The sources
    the file gave as comments stand beside their values, but for a seed or a number of
    replications the run changed.

    Raises:
        ScenarioError: the run used a seed or a number of replications a scenario file may
            not hold.
    """
    scenario = results.scenario
    data = scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    run = {"seed": results.seed, "replications": results.replications}
    data["simulation"] |= run
    sources = scenario.comment_sources
    for key, value in run.items():
        if getattr(scenario.simulation, key) != value:
            sources.pop(f"simulation.{key}", None)
    resolved = scenario_from_data(data, "scenario.resolved.yaml", comment_sources=sources)
    return dump_scenario(resolved)


def _utc_text(moment: dt.datetime) -> str:
    return moment.isoformat(timespec="seconds")
