"""What `spacesim optimise` writes and prints: the trials, the front, best.yaml, the tables.

The output folder holds ``trials.csv`` (every trial: its choices, objectives and target misses),
``front.csv`` and ``front.json`` (the Pareto front of the search, with the finalists' rerun
numbers and 95% intervals where a point was rerun), ``best.yaml`` (the finalists as strategies,
indented to paste under ``strategies:``), ``front.png`` and ``run.json``. It is written through
`sim.report.folder`, whole or not at all.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import math
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from sim.core.cells import spreadsheet_text
from sim.experiment.search_space import (
    Candidate,
    Space,
    Steps,
)
from sim.experiment.study import Finalist, Measure, Study, Trial
from sim.report.folder import Content, write_folder
from sim.report.formats import date_text, money_text, share_text
from sim.report.optimum_tables import date_value, interval_money, policy_text
from sim.report.record import made_record


def candidate_columns(space: Space, candidate: Candidate) -> dict[str, Any]:
    """A candidate's choices as table columns: every split fraction, crew, policy, rules, keys."""
    strategy = candidate.strategy
    columns: dict[str, Any] = {}
    for kind, sources in space.sources_by_kind.items():
        fractions = strategy["split"].get(kind, {})
        for source in sources:
            columns[f"split.{kind}.{source}"] = fractions.get(source, 0.0)
    crew = strategy.get("crew")
    columns["crew"] = "+".join(crew if crew is not None else space.scenario.crew)
    columns["shortfall"] = policy_text(strategy)
    rules = strategy.get("fallbacks", {})
    for source in space.fallbacks:
        chosen = [name for name, rule in rules.items() if rule.get("source") == source]
        columns[f"fallback.{source}"] = chosen[0] if chosen else "off"
    for name in _change_keys(space):
        columns[name] = candidate.changes.get(name, "")
    return columns


def measure_columns(study: Study, measure: Measure | None, prefix: str = "") -> dict[str, Any]:
    """A measure's objectives, target misses and numbers as columns (blank when not measured)."""
    names = [*study.objectives.names, *_target_names(study)]
    if measure is None:
        return {f"{prefix}{name}": "" for name in [*names, "feasible", "distance"]}
    columns: dict[str, Any] = dict(zip(study.objectives.names, measure.objectives, strict=True))
    day = measure.metrics.get("p80_delivery_day")
    columns["p80_delivery_date"] = _date(study, day)
    for name in _target_names(study):
        columns[f"miss.{name}"] = measure.constraints.get(name, "")
    columns["feasible"] = measure.feasible
    columns["distance"] = measure.distance
    return {f"{prefix}{key}": value for key, value in columns.items()}


def trials_csv(study: Study) -> str:
    """Every trial: number, problem, objectives, misses, whether on the front, its choices."""
    front = {trial.candidate.key for trial in study.front}
    rows = []
    for trial in study.trials:
        row: dict[str, Any] = {"trial": trial.number, "problem": trial.problem or ""}
        row |= measure_columns(study, trial.measure)
        row["on_front"] = trial.measure is not None and trial.candidate.key in front
        row |= candidate_columns(study.space, trial.candidate)
        rows.append(row)
    return _csv(rows)


def front_rows(study: Study) -> list[dict[str, Any]]:
    """The front's candidates; a finalist also with its rerun numbers and 95% intervals."""
    finals = {f.candidate.key: f for f in study.finalists if f.role != "shipped"}
    rows = []
    for trial in sorted(study.front, key=_cost):
        finalist = finals.get(trial.candidate.key)
        row: dict[str, Any] = {
            "trial": trial.number,
            "finalist": finalist.label if finalist else "",
        }
        row |= measure_columns(study, trial.measure)
        row |= _final_columns(finalist)
        row |= candidate_columns(study.space, trial.candidate)
        rows.append(row)
    return rows


def front_json(study: Study) -> dict[str, Any]:
    """front.json's data: the study's settings, the front and the finalists, each in full."""
    finals = {f.candidate.key: f for f in study.finalists}

    def entry(trial: Trial) -> dict[str, Any]:
        measure = trial.measure
        assert measure is not None
        finalist = finals.get(trial.candidate.key)
        return {
            "trial": trial.number,
            "finalist": finalist.label if finalist else None,
            "search": _measure_json(study, measure),
            "final": _measure_json(study, finalist.final) if finalist else None,
            "strategy": trial.candidate.strategy,
            "changes": trial.candidate.changes,
        }

    return {
        "seed": study.seed,
        "final_seed": study.final_seed,
        "trials": len(study.trials),
        "replications": study.replications,
        "final_replications": study.final_replications,
        "objectives": dict(zip(study.objectives.names, study.objectives.directions, strict=True)),
        "any_feasible": study.any_feasible,
        "front": [entry(trial) for trial in sorted(study.front, key=_cost)],
        "finalists": [
            {
                "label": f.label,
                "role": f.role,
                "final": _measure_json(study, f.final),
                "strategy": f.candidate.strategy,
                "changes": f.candidate.changes,
            }
            for f in study.finalists
        ],
    }


class _FlowLeaves(yaml.SafeDumper):
    """YAML with mappings of plain values on one line, as the shipped scenarios write splits."""


def _represent_mapping(dumper: yaml.SafeDumper, data: dict[str, Any]) -> yaml.Node:
    flat = all(not isinstance(value, dict | list) for value in data.values())
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=flat and bool(data))


_FlowLeaves.add_representer(dict, _represent_mapping)


def best_yaml(study: Study, scenario_file: str) -> str:
    """The finalists found, best first, as YAML indented to paste under ``strategies:``.

    Each strategy's description gives its rerun numbers; a comment above it names the
    scenario-wide keys it was simulated with (set under ``sources:``, they change every
    strategy of the scenario).
    """
    found = [f for f in study.finalists if f.role != "shipped" and not isinstance(f.final, str)]
    meeting = [f for f in found if isinstance(f.final, Measure) and f.final.feasible]
    lines = [
        f"# spacesim optimise {scenario_file}: the best strategies found, best first, each rerun"
        f" on {study.final_replications:,}",
        f"# fresh replications (seed {study.final_seed}). Paste these lines under `strategies:`"
        f" in {scenario_file};",
        "# they are indented for it.",
    ]
    if not meeting:
        lines.append("# None of them meets every target: they are the nearest found.")
    for finalist in meeting or found:
        assert isinstance(finalist.final, Measure)
        strategy = dict(finalist.candidate.strategy)
        strategy["description"] = _description(study, finalist)
        if finalist.candidate.changes:
            lines.append(
                f"  # {finalist.label} was simulated with, under sources: "
                + ", ".join(
                    f"{key.removeprefix('sources.')}: {value}"
                    for key, value in finalist.candidate.changes.items()
                )
                + " (scenario-wide: set them to get its numbers)"
            )
        text = yaml.dump(
            {finalist.label: strategy},
            Dumper=_FlowLeaves,
            sort_keys=False,
            allow_unicode=True,
            width=100,
        )
        lines += [f"  {line}" for line in text.splitlines()]
    return "\n".join(lines) + "\n"


def optimum_record(
    study: Study,
    *,
    command: Sequence[str],
    scenario_file: Path,
    jobs: int,
    dask: str | None,
    started: dt.datetime,
) -> dict[str, Any]:
    """run.json of `spacesim optimise`: the command, the inputs and the study's settings."""
    return made_record(
        command=command,
        scenario_file=scenario_file,
        settings={
            "seed": study.seed,
            "final_seed": study.final_seed,
            "trials": len(study.trials),
            "replications": study.replications,
            "final_replications": study.final_replications,
            "front_search": study.front_search,
        },
        jobs=jobs,
        dask=dask,
        started=started,
    )


def write_optimum(
    target: Path, *, study: Study, scenario_file: str, record: dict[str, Any], force: bool
) -> list[Path]:
    """Write the optimiser's folder atomically; returns the files written.

    Raises:
        OutputExistsError: `target` exists and `force` was not given.
        UsageError: `target` exists but is not a spacesim output folder.
    """
    # matplotlib, when the folder is written: not while the CLI starts (the commands import
    # this module)
    from sim.report.figures.front import front_figure  # noqa: PLC0415

    buffer = io.BytesIO()
    front_figure(study).savefig(buffer, format="png")
    files: dict[str, Content] = {
        "trials.csv": trials_csv(study),
        "front.csv": _csv(front_rows(study)),
        "front.json": json.dumps(front_json(study), indent=2, allow_nan=False, default=str) + "\n",
        "best.yaml": best_yaml(study, scenario_file),
        "front.png": buffer.getvalue(),
    }
    return write_folder(target, files, record, force)


def _description(study: Study, finalist: Finalist) -> str:
    final = finalist.final
    assert isinstance(final, Measure)
    metrics = final.metrics
    currency = study.scenario.production.currency
    if not final.constraints:
        met = "no targets set"
    elif final.feasible:
        met = "meets every target"
    else:
        met = "misses " + ", ".join(name for name, value in final.constraints.items() if value > 0)
    return (
        f"spacesim optimise: P80 cost {money_text(final.objectives[0])} M {currency}"
        f" [{interval_money(metrics, 'p80_cost')}], P80 delivery"
        f" {date_text(date_value(study, metrics.get('p80_delivery_day')))}, real share"
        f" {share_text(metrics.get('mean_real_share'))}; {met}"
    )


def _final_columns(finalist: Finalist | None) -> dict[str, Any]:
    keys = (
        "p80_cost_usd",
        "p80_cost_low_usd",
        "p80_cost_high_usd",
        "p80_delivery_day",
        "p80_delivery_low_day",
        "p80_delivery_high_day",
        "mean_real_share",
        "mean_real_share_low",
        "mean_real_share_high",
        "p_joint",
        "p_joint_low",
        "p_joint_high",
    )
    final = None if finalist is None or isinstance(finalist.final, str) else finalist.final
    columns = {f"final.{key}": "" if final is None else final.metrics.get(key) for key in keys}
    columns["final.feasible"] = "" if final is None else final.feasible
    return columns


def _measure_json(study: Study, measure: Measure | str) -> dict[str, Any] | str:
    if isinstance(measure, str):
        return measure
    return {
        "objectives": dict(zip(study.objectives.names, measure.objectives, strict=True)),
        "misses": measure.constraints,
        "feasible": measure.feasible,
        "metrics": {k: _json_number(v) for k, v in measure.metrics.items()},
    }


def _json_number(value: float | None) -> float | None:
    return value if value is None or math.isfinite(value) else None


def _date(study: Study, day: float | None) -> str:
    found = date_value(study, day)
    return "" if found is None else found.isoformat()


def _change_keys(space: Space) -> list[str]:
    return [d.name for d in space.dimensions if isinstance(d, Steps)]


def _target_names(study: Study) -> list[str]:
    names: list[str] = []
    for trial in study.trials:
        if trial.measure is not None:
            return list(trial.measure.constraints)
    return names


def _cost(trial: Trial) -> float:
    return trial.measure.objectives[0] if trial.measure is not None else math.inf


def _csv(rows: list[dict[str, Any]]) -> str:
    buffer = io.StringIO()
    if not rows:
        return ""
    writer = csv.DictWriter(buffer, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _cell(value) for key, value in row.items()})
    return buffer.getvalue()


def _cell(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "" if math.isnan(value) else repr(value)
    if value is None:
        return ""
    return spreadsheet_text(str(value))
