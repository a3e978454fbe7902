"""Launch opportunities as a terminal table and as a JSON-ready record (`spacesim windows`)."""

from __future__ import annotations

from typing import Any

from rich import box
from rich.table import Table

from sim.orbits import Opportunity, Site, Target, eclipse_fraction, orbital_period_minutes


def _night_minutes(opportunity: Opportunity, target: Target) -> float:
    altitude = target.plane.altitude_km
    fraction = float(eclipse_fraction(opportunity.beta_deg, altitude))
    return fraction * orbital_period_minutes(altitude)


def windows_record(site: Site, target: Target, opportunities: list[Opportunity]) -> dict[str, Any]:
    """Everything the table shows, with full precision, for ``--json``."""
    plane = target.plane
    return {
        "site": {"name": site.name, "lat_deg": site.lat_deg, "lon_deg": site.lon_deg},
        "target": {
            "name": target.name,
            "inclination_deg": plane.inclination_deg,
            "raan_deg": plane.raan_deg,
            "epoch": plane.epoch.isoformat(),
            "altitude_km": plane.altitude_km,
            "node_rate_deg_per_day": plane.node_rate_deg_per_day,
            "source": target.source,
        },
        "opportunities": [
            {
                "utc": o.when.isoformat(),
                "node": o.node,
                "beta_deg": round(o.beta_deg, 3),
                "night_minutes_per_orbit": round(_night_minutes(o, target), 2),
            }
            for o in opportunities
        ],
    }


def windows_table(site: Site, target: Target, opportunities: list[Opportunity]) -> Table:
    """One row per opportunity: instant, node, shift against a day before, beta, night."""
    plane = target.plane
    table = Table(
        title=f"Launch opportunities: {site.name} ({site.lat_deg:.3f}, {site.lon_deg:.3f}) to"
        f" {target.name} ({plane.inclination_deg:g}°)",
        caption=f"Elements of {plane.epoch:%Y-%m-%d %H:%M} UTC: for a booking, give a current"
        " set with --target INC,RAAN,EPOCH. Each instant is an in-plane launch; a rendezvous"
        " window opens around it.",
        box=box.SIMPLE_HEAD,
        collapse_padding=True,
    )
    for header, justify in (
        ("date (UTC)", "left"),
        ("time", "right"),
        ("node", "left"),
        ("vs day\nbefore", "right"),
        ("beta", "right"),
        ("night per\norbit", "right"),
    ):
        table.add_column(header, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    previous: dict[str, Opportunity] = {}
    for o in opportunities:
        before = previous.get(o.node)
        shift = "-"
        if before is not None:
            minutes = ((o.when - before.when).total_seconds() - 86_400) / 60
            shift = f"{minutes:+.0f} min"
        previous[o.node] = o
        table.add_row(
            f"{o.when:%Y-%m-%d %a}",
            f"{o.when:%H:%M:%S}",
            o.node,
            shift,
            f"{o.beta_deg:+.1f}°",
            f"{_night_minutes(o, target):.1f} min",
        )
    return table
