"""The `spacesim` group: its commands, ``--version``, ``--debug``, and the error translation.

`SpacesimGroup.invoke` is the one place where spacesim's errors become terminal lines and exit
codes; the commands raise and never print an error themselves.
"""

from __future__ import annotations

from typing import Any

import click

from sim.cli.compare import compare
from sim.cli.errors import InterruptedRunError, TerminatedError, TerminatedRunError, reported
from sim.cli.optimise import optimise
from sim.cli.run import run
from sim.cli.scenario import init, schema, validate
from sim.cli.sweep import sweep
from sim.cli.trace import trace
from sim.cli.windows import windows
from sim.core.errors import SpacesimError
from sim.report.record import spacesim_version


class SpacesimGroup(click.Group):
    """The one translation point from spacesim's errors to the user's terminal."""

    def invoke(self, ctx: click.Context) -> Any:  # noqa: D102
        try:
            return super().invoke(ctx)
        except SpacesimError as error:
            raise reported(error) from None
        except (
            click.ClickException,
            click.exceptions.Exit,
            click.Abort,
            BrokenPipeError,  # a reader that stopped early (`| head`): click exits quietly
        ):
            raise
        except KeyboardInterrupt as stop:  # Ctrl-C or SIGTERM before a run's folder was begun
            failed = (
                TerminatedRunError if isinstance(stop, TerminatedError) else InterruptedRunError
            )
            raise failed("interrupted; nothing was written") from None
        except MemoryError:
            raise click.ClickException(
                "out of memory: run fewer replications (--reps) or strategies (--strategy)"
            ) from None
        except Exception as error:
            if ctx.meta.get("debug"):
                raise
            raise click.ClickException(
                f"internal error ({type(error).__name__}: {error}); "
                "rerun with --debug and report it"
            ) from None


@click.group(cls=SpacesimGroup)
@click.version_option(spacesim_version(), prog_name="spacesim")
@click.option("--debug", is_flag=True, help="Show the traceback of an internal error.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Plan a film shot partly in space: compare split strategies by cost and schedule.

    Example:

    \b
        spacesim run scenarios/split.yaml

    Exit codes: 0 done; 1 a run failed (the replication is named, with how to replay it);
    2 bad input (one line per problem: file, line, key path, what is allowed); 130
    interrupted (nothing written).
    """
    ctx.meta["debug"] = debug


for _command in (run, compare, sweep, optimise, init, schema, validate, trace, windows):
    cli.add_command(_command)
