"""The exceptions spacesim raises on purpose; the CLI turns each into a one-line message.

Bad input (a scenario that does not load or validate, an output folder that exists) is a
`SpacesimError` with `exit_code = 2`; a run that fails is one with `exit_code = 1`.
"""

from __future__ import annotations

import shlex
from dataclasses import dataclass, replace


class SpacesimError(Exception):
    """Base of every error spacesim reports to the user instead of a traceback."""

    exit_code = 1

    def lines(self) -> list[str]:
        """The message, one line per problem."""
        return str(self).splitlines() or [type(self).__name__]


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a scenario file: where (a dotted key path, a line) and what."""

    path: str
    message: str
    line: int | None = None
    column: int | None = None

    @property
    def where(self) -> str:
        """``line 12, column 3: a.b`` as far as known; empty when nothing is."""
        parts = []
        if self.line is not None:
            parts.append(f"line {self.line}" + (f", column {self.column}" if self.column else ""))
        if self.path:
            parts.append(self.path)
        return ": ".join(parts)


class ScenarioError(SpacesimError):
    """A scenario file that cannot be read or does not validate; lists every problem found."""

    exit_code = 2

    def __init__(self, file: str, problems: list[Problem]) -> None:
        self.file = file
        self.problems = problems
        super().__init__("\n".join(self.lines()))

    def lines(self) -> list[str]:
        """`<file>: line <n>: <key path>: <what is wrong>; <what is allowed>`, one per problem."""
        return [
            f"{self.file}: {problem.where}: {problem.message}"
            if problem.where
            else f"{self.file}: {problem.message}"
            for problem in self.problems
        ]


class UsageError(SpacesimError):
    """A request that cannot be carried out as asked (unknown strategy, output folder exists)."""

    exit_code = 2


class OutputExistsError(UsageError):
    """The output folder already exists and the user did not ask to replace it."""

    def __init__(self, path: str) -> None:
        super().__init__(
            f"{path} already exists. Use --force to replace it, or --out to choose another folder."
        )


class OutOfMemoryError(UsageError):
    """The results of the replications asked for do not fit in this machine's memory."""

    def __init__(self, replications: int, strategies: int, need_bytes: int, fits: int | None):
        advice = f"about {fits:,} would fit: use --reps with fewer" if fits else "use fewer --reps"
        super().__init__(
            f"--reps {replications:,}: the results of {strategies} strategies would take about"
            f" {need_bytes / 1e9:,.1f} GB, more than this machine can give; {advice}"
        )


class SummaryError(UsageError):
    """A summary.json that cannot be read back: missing, not JSON, or not of this layout."""

    def __init__(self, file: str, problem: str) -> None:
        self.file = file
        self.problem = problem
        super().__init__(f"{file}: {problem}")


@dataclass(frozen=True)
class Failure:
    """One replication that raised: enough to replay it with `spacesim trace`.

    `settings` (``KEY.PATH=VALUE``) make the scenario it ran from the run's: a sweep's cell, or
    a what-if's variant (an event removed, a rule dropped); none for the run's own.
    """

    strategy: str
    replication: int
    error: str
    settings: tuple[str, ...] = ()


class ReplicationError(SpacesimError):
    """One or more replications raised; the run is not usable."""

    exit_code = 1

    def __init__(self, scenario_file: str, seed: int, failures: list[Failure]) -> None:
        self.scenario_file, self.seed, self.failures = scenario_file, seed, failures
        shown = failures[:5]
        lines = [
            f"replication {f.replication} of strategy '{f.strategy}' failed: {f.error}. "
            "Replay it with: "
            + shlex.join(
                [
                    *("spacesim", "trace", scenario_file, "--strategy", f.strategy),
                    *("--replication", str(f.replication), "--seed", str(seed)),
                    *(part for setting in f.settings for part in ("--set", setting)),
                ]
            )
            for f in shown
        ]
        if len(failures) > len(shown):
            lines.append(f"... and {len(failures) - len(shown)} more failed replications")
        super().__init__("\n".join(lines))

    def within(self, settings: tuple[str, ...]) -> ReplicationError:
        """The same failures, of a scenario made from the run's by `settings` (a sweep's cell)."""
        failures = [replace(f, settings=settings + f.settings) for f in self.failures]
        return ReplicationError(self.scenario_file, self.seed, failures)
