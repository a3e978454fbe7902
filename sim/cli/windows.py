"""`spacesim windows`: the instants a launch site passes through a target orbit's plane."""

from __future__ import annotations

import datetime as dt
import json

import click
from rich.console import Console

from sim.cli.options import json_option
from sim.core.errors import UsageError
from sim.orbits import launch_opportunities, site_of, target_of
from sim.report.windows import windows_record, windows_table


@click.command()
@click.option(
    "--site", "site_text", required=True, help="ksc, baikonur, west_texas, or LAT,LON in degrees."
)
@click.option(
    "--target",
    "target_text",
    default="iss",
    show_default=True,
    help="iss, or INC,RAAN,EPOCH[,ALTITUDE_KM] (degrees, degrees, ISO UTC time, km).",
)
@click.option(
    "--from",
    "start",
    required=True,
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M"]),
    help="First day, UTC (YYYY-MM-DD or YYYY-MM-DDTHH:MM).",
)
@click.option(
    "--days",
    type=click.FloatRange(min=0, max=3660),
    default=14,
    show_default=True,
    help="How many days to list.",
)
@click.option(
    "--node",
    type=click.Choice(["ascending", "descending", "both"]),
    default="ascending",
    show_default=True,
    help="Ascending: the orbit heads north over the site (a north-east launch).",
)
@json_option(help="Print JSON instead of a table.")
def windows(
    *, site_text: str, target_text: str, start: dt.datetime, days: float, node: str, as_json: bool
) -> None:
    """List the instants a launch site passes through a target orbit's plane.

    Each is the moment of an ideal in-plane rendezvous launch ("instantaneous window"), with
    the orbit's beta angle and minutes of night per orbit then. Earth's rotation and the J2
    drift of the orbit's node are taken into account.

    Example:

    \b
        spacesim windows --site ksc --target iss --from 2027-03-01 --days 14
    """
    try:
        site = site_of(site_text)
    except ValueError as error:
        raise UsageError(f"--site: {error}") from None
    try:
        target = target_of(target_text)
    except ValueError as error:
        raise UsageError(f"--target: {error}") from None
    plane = target.plane
    try:
        opportunities = launch_opportunities(
            site.lat_deg,
            site.lon_deg,
            plane.inclination_deg,
            plane.raan_deg,
            plane.epoch,
            start.replace(tzinfo=dt.UTC),
            days,
            altitude_km=plane.altitude_km,
            node=node,  # type: ignore[arg-type]
        )
    except ValueError as error:
        raise UsageError(f"--site {site_text} and --target {target_text}: {error}") from None
    if as_json:
        click.echo(json.dumps(windows_record(site, target, opportunities), indent=2))
    else:
        Console(markup=False).print(windows_table(site, target, opportunities))
