"""Regenerate the measured tables of docs/background/validation.md: python docs/validation.py.

Each table sits between ``<!-- measured:NAME -->`` and ``<!-- /measured -->`` in the page and
is computed here, from the model, against analytic results or real records; the prose around
it explains the gaps. `python docs/validation.py --check` exits 1 when a table is stale (a test
runs it), so the page cannot drift from the model.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import re
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np
import simpy

from sim import load_scenario, run_experiment
from sim.core.rng import Streams
from sim.model.context import Replication
from sim.model.launch import launch_campaign
from sim.model.suborbital import fly_suborbital
from sim.model.vfx import VendorTeam
from sim.orbits import eclipse_fraction, orbital_period_minutes
from sim.scenario.load import scenario_from_data
from sim.scenario.schema import Scenario

ROOT = Path(__file__).parent.parent
PAGE = ROOT / "docs" / "background" / "validation.md"
SEED = 20261124


def _table(header: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


def _starter(**orbit: object) -> Scenario:
    """The starter scenario with the given orbit settings (for a launch campaign alone)."""
    import yaml  # noqa: PLC0415

    from sim.scenario.file_format import starter_text  # noqa: PLC0415

    data = yaml.safe_load(starter_text())
    data["sources"]["orbit"].update(orbit)
    return scenario_from_data(data)


def launch_attempts() -> str:
    """Mean launch attempts against the geometric law 1/(1-p), pad weather the only cause."""
    rows = []
    n = 4_000
    for p in (0.1, 0.3, 0.5, 0.7):
        scenario = _starter(
            weather_scrub_probability=p,
            technical_scrub_probability=0,
            recovery_zone_hold_probability=0,
            slip_days=0,
            slot_days=365,
        )
        attempts = np.empty(n)
        for index in range(n):
            rep = Replication(simpy.Environment(), scenario, "orbit", Streams(SEED, index))
            rep.env.process(launch_campaign(rep, scenario.sources.orbit, 0.0, 0.0))
            rep.env.run()
            attempts[index] = rep.drivers.launch_attempts
        half = 1.96 * attempts.std(ddof=1) / math.sqrt(n)
        rows.append(
            [f"{p:.1f}", f"{1 / (1 - p):.3f}", f"{attempts.mean():.3f} ± {half:.3f}", f"{n:,}"]
        )
    return _table(["scrub probability p", "1/(1-p)", "model, mean ± 95%", "launches"], rows)


def eclipse() -> str:
    """Minutes of night per orbit at 400 km against the table computed from Sumanth (2019)."""
    published = {0: 36.0, 20: 35.4, 40: 32.7, 50: 29.9, 60: 24.3, 65: 18.9, 70: 4.2, 71: 0.0}
    period = orbital_period_minutes(400.0)
    rows = []
    for beta, minutes in published.items():
        model = float(eclipse_fraction(beta, 400.0)) * period
        rows.append([f"{beta}°", f"{minutes:.1f}", f"{model:.2f}", f"{model - minutes:+.2f}"])
    return _table(["beta", "published (min)", "model (min)", "gap"], rows)


def vfx_makespan() -> str:
    """Equal shots on c artists: ceil(N/c)·d exactly; random shots: busy time N·E[effort]."""
    rows = []
    for shots, artists, effort in ((100, 40, 0.5), (250, 40, 4.0), (37, 8, 2.5)):
        team = VendorTeam(artists, available_day=0.0)
        finish = max(team.schedule(0.0, [effort] * shots))
        exact = math.ceil(shots / artists) * effort
        rows.append([f"{shots} x {effort:g} d on {artists}", f"{exact:g}", f"{finish:g}"])
    return _table(["shots", "ceil(N/c)·d (days)", "model (days)"], rows)


def the_challenge() -> str:
    """Screen minutes shot aboard in the reconstruction, against the real 25-50 minutes."""
    scenario = load_scenario(ROOT / "scenarios" / "the_challenge.yaml")
    results = run_experiment(scenario, replications=1_000)
    minutes = results.column("orbit_yield_minutes").astype(float)
    hours = results.column("orbit_hours_filmed").astype(float)
    inside = float(np.mean((minutes >= 25) & (minutes <= 50)))
    rows = [
        [
            "screen minutes shot aboard",
            "25-50 (director after landing: 25-30; released: ~50)",
            f"mean {minutes.mean():.1f}; P10 {np.percentile(minutes, 10):.1f}, "
            f"P50 {np.percentile(minutes, 50):.1f}, P90 {np.percentile(minutes, 90):.1f}",
        ],
        ["replications inside 25-50 minutes", "-", f"{inside:.0%}"],
        ["largest replication", "~50 released", f"{minutes.max():.1f}"],
        ["hours filmed aboard", "-", f"mean {hours.mean():.0f}"],
        ["flyers space-sick (of 2)", "-", f"mean {results.column('orbit_sick_flyers').mean():.1f}"],
        [
            "Earth-view minutes lost to orbital night",
            "-",
            f"mean {results.column('orbit_light_limited_minutes').mean():.1f}",
        ],
    ]
    return _table(["", "real", f"model ({results.replications:,} replications)"], rows)


#: Crewed New Shepard flights per calendar year, NS-16 (20 Jul 2021) to NS-37 (20 Dec 2025).
NEW_SHEPARD = {2021: 3, 2022: 3, 2023: 0, 2024: 3, 2025: 7}


def new_shepard_cadence() -> str:
    """Flights per year of the model's suborbital fleet, flown from NS-16's date to 2025's end."""
    first, last = dt.date(2021, 7, 20), dt.date(2025, 12, 31)
    scenario = _starter()
    vehicle = scenario.sources.suborbital.model_copy(
        update={"available_from": first, "max_flights": 1_000}
    )
    production = scenario.production.model_copy(update={"start_date": first})
    scenario = scenario.model_copy(update={"production": production})
    n = 2_000
    counts = np.zeros((n, len(NEW_SHEPARD)))
    longest_gap = np.zeros(n)
    for index in range(n):
        rep = Replication(simpy.Environment(), scenario, "orbit", Streams(SEED, index))
        rep.env.process(fly_suborbital(rep, vehicle, {"weightless_interior": 1e9}, 0.0))
        rep.env.run(until=(last - first).days + 1)
        days = [m.day for m in rep.timeline.milestones if m.name == "suborbital flight"]
        for day in days:
            year = (first + dt.timedelta(days=day)).year
            counts[index, year - 2021] += 1
        longest_gap[index] = float(np.max(np.diff(days))) if len(days) > 1 else math.inf
    rows = [
        [
            str(year),
            str(real),
            f"{counts[:, i].mean():.1f}",
            f"{np.percentile(counts[:, i], 10):.0f}-{np.percentile(counts[:, i], 90):.0f}",
        ]
        for i, (year, real) in enumerate(NEW_SHEPARD.items())
    ]
    total = counts.sum(axis=1)
    rows.append(
        [
            "2021-2025",
            str(sum(NEW_SHEPARD.values())),
            f"{total.mean():.1f}",
            f"{np.percentile(total, 10):.0f}-{np.percentile(total, 90):.0f}",
        ]
    )
    rows.append(
        [
            "a gap of a year or more",
            "yes (654 days)",
            f"{np.mean(longest_gap >= 365):.0%} of runs",
            "-",
        ]
    )
    return _table(["year", "real crewed flights", "model, mean", "model, P10-P90"], rows)


#: Days from the last announced date to liftoff, and days added to (or cut from) the stay.
AXIOM = {
    "Ax-1": {"slip": 9, "stay": 7},
    "Ax-2": {"slip": None, "stay": -2},
    "Ax-3": {"slip": 9, "stay": 4},
    "Ax-4": {"slip": 27, "stay": 4},
}


def axiom() -> str:
    """Where the Axiom missions' slips and stay changes fall in the model's distributions."""
    from sim.model.sampling import sample  # noqa: PLC0415

    orbit = _starter().sources.orbit
    rng = np.random.default_rng(SEED)
    slips = sample(orbit.slip_days, rng, 100_000)
    extensions = sample(orbit.extension_days, rng, 100_000)
    margins = sample(orbit.stay_margin_days, rng, 100_000)
    rows = []
    for mission, real in AXIOM.items():
        slip = real["slip"]
        stay = real["stay"]
        slip_text = "-" if slip is None else f"{slip} d: P{np.mean(slips <= slip) * 100:.0f}"
        if stay >= extensions.max():
            stay_text = f"+{stay} d: the model's largest extension ({extensions.max():.0f} d)"
        elif stay >= 0:
            stay_text = f"+{stay} d: P{np.mean(extensions <= stay) * 100:.0f} of the extension"
        else:
            stay_text = f"{stay} d: cut; the model cuts up to {margins.max():.0f} d"
        rows.append([mission, slip_text, stay_text])
    rows.append(
        [
            "model",
            f"median {np.median(slips):.1f} d, P90 {np.percentile(slips, 90):.0f} d",
            f"extension mean {extensions.mean():.1f} d",
        ]
    )
    return _table(["mission", "pre-launch slip (percentile in the model)", "stay change"], rows)


def apollo_13() -> str:
    """Apollo 13's 40 zero-g flights, as the model's default aircraft would fly them."""
    from sim.model.sampling import sample  # noqa: PLC0415

    aircraft = _starter().sources.parabolic
    rng = np.random.default_rng(SEED)
    flights, campaigns = 40, 2_000
    parabolas = flights * aircraft.parabolas_per_flight
    seconds = sample(aircraft.weightless_seconds_per_parabola, rng, campaigns * parabolas)
    hours = seconds.reshape(campaigns, parabolas).sum(axis=1) / 3600
    usable = hours * sample(aircraft.usable_fraction, rng, campaigns)
    rows = [
        ["flights", '"40 weightless flights" (Space Adventures)', str(flights)],
        ["parabolas", "612", f"{parabolas} ({aircraft.parabolas_per_flight} a flight)"],
        [
            "weightless time",
            '612 x ~25 s = 4.25 h; "almost four hours" (TIME)',
            f"mean {hours.mean():.2f} h (P10-P90 {np.percentile(hours, 10):.2f}-"
            f"{np.percentile(hours, 90):.2f})",
        ],
        ["of it usable for takes", "-", f"mean {usable.mean():.2f} h"],
    ]
    return _table(["", "Apollo 13 (1995), NASA KC-135", f"model ({campaigns:,} campaigns)"], rows)


TABLES: dict[str, Callable[[], str]] = {
    "launch-attempts": launch_attempts,
    "eclipse": eclipse,
    "vfx-makespan": vfx_makespan,
    "the-challenge": the_challenge,
    "new-shepard": new_shepard_cadence,
    "axiom": axiom,
    "apollo-13": apollo_13,
}

_BLOCK = re.compile(
    r"(<!-- measured:(?P<name>[a-z0-9-]+) -->\n)(?:.*?\n)??(<!-- /measured -->)", re.S
)


def render(page: str) -> str:
    """The page with every measured block recomputed."""

    def fill(match: re.Match[str]) -> str:
        return match.group(1) + TABLES[match.group("name")]() + "\n" + match.group(3)

    return _BLOCK.sub(fill, page)


def main() -> None:
    """Rewrite the page, or with --check exit 1 if it is stale."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the page is stale")
    check = parser.parse_args().check
    page = PAGE.read_text(encoding="utf-8")
    fresh = render(page)
    if check:
        if fresh != page:
            sys.exit(f"{PAGE} is stale: run python docs/validation.py")
        return
    PAGE.write_text(fresh, encoding="utf-8")


if __name__ == "__main__":
    main()
