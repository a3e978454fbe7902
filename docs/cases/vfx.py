"""The VFX pipeline against analytic results and real films.

The effort per screen second was fitted to an animation studio's person-weeks per film (full
CG) and, with an assumed mix of classes, to a blockbuster's cost per shot (composite and
clean-up); the day rate comes from artists' pay and a vendor's mark-ups. *Gravity* and
*Godzilla Minus One* were fitted to nothing: their minutes, shot lengths and teams go in, the
model's months and money come out.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import simpy

from cases.common import SEED, Case, Verdict, starter_data, table
from sim.core.rng import Stream, Streams
from sim.model.context import Replication
from sim.model.vfx import Vendors, VendorTeam, day_rates, release_shots
from sim.scenario.load import scenario_from_data
from sim.scenario.schema import Scenario

#: Replications behind each film case.
RUNS = 200

#: Days in a month, on average.
MONTH_DAYS = 365.25 / 12

#: The class mix (shares of VFX screen time) assumed for a film whose mix is not public.
MIX = {"full_cg": 0.30, "composite": 0.45, "cleanup": 0.25}


def _vfx_scenario(**cgi: Any) -> Scenario:
    """The starter scenario with the VFX vendor changed."""
    data = starter_data()
    data["sources"]["cgi"] = cgi
    return scenario_from_data(data)


def _film(scenario: Scenario, minutes: dict[str, float], index: int) -> tuple[float, float, Any]:
    """One replication of a film's VFX alone: all its shots released on day 0.

    Returns the day the last shot is done, the cost, and the drivers (shots, artist-days).
    """
    rep = Replication(simpy.Environment(), scenario, "ground", Streams(SEED, index))
    cgi = scenario.sources.cgi
    vendors = Vendors(cgi, 0.0, day_rates(cgi, rep.streams))
    done = 0.0
    for shot_class, class_minutes in minutes.items():
        stream = {"full_cg": Stream.vfx_cgi, "composite": Stream.vfx_ground}.get(
            shot_class, Stream.vfx_stock
        )
        done = max(
            done,
            release_shots(
                rep,
                vendors,
                cgi=cgi,
                origin="film",
                stream=stream,
                shot_class=shot_class,  # type: ignore[arg-type]
                minutes=class_minutes,
            ),
        )
    return done, rep.ledger.by_category()["vfx"], rep.drivers


def _films(scenario: Scenario, minutes: dict[str, float]) -> dict[str, np.ndarray]:
    """`RUNS` replications of a film's VFX: span (days), cost, shots and artist-days."""
    runs = [_film(scenario, minutes, index) for index in range(RUNS)]
    return {
        "days": np.array([run[0] for run in runs]),
        "usd": np.array([run[1] for run in runs]),
        "shots": np.array([run[2].vfx_shots for run in runs]),
        "artist_days": np.array([run[2].vfx_artist_days for run in runs]),
    }


def _spread(values: np.ndarray, scale: float = 1.0, digits: int = 0) -> str:
    p10, p50, p90 = np.percentile(values / scale, [10, 50, 90])
    return f"{p50:,.{digits}f} ({p10:,.{digits}f}-{p90:,.{digits}f})"


def vfx_makespan() -> Verdict:
    """Equal shots on c artists in crews of k: ceil(N / floor(c/k)) rounds of d/k working days."""
    cgi = _vfx_scenario().sources.cgi
    fraction = cgi.working_fraction
    rows = []
    exact_everywhere = True
    cases = ((100, 40, 1, 0.5, 1.0), (250, 40, 2, 4.0, 1.0), (37, 8, 3, 2.5, fraction))
    for shots, artists, crew, effort, per_day in cases:
        team = VendorTeam(artists, available_day=0.0, working_fraction=per_day)
        finish = max(team.schedule(0.0, [effort] * shots, crew))
        exact = math.ceil(shots / (artists // crew)) * effort / crew / per_day
        exact_everywhere &= math.isclose(finish, exact, rel_tol=1e-12)
        week = "7-day weeks" if per_day == 1.0 else "5-day weeks, 28 days off"
        rows.append(
            [
                f"{shots} x {effort:g} artist-days on {artists}, crews of {crew}, {week}",
                f"{exact:.4g}",
                f"{finish:.4g}",
            ]
        )
    return Verdict(
        table(["shots", "ceil(N/⌊c/k⌋)·(d/k)/f (days)", "model (days)"], rows),
        met=exact_everywhere,
        finding="every makespan is exact" if exact_everywhere else "a makespan is off",
    )


def effort_per_second() -> Verdict:
    """Twice the minutes, twice the artist-days; the same minutes in longer shots, the same."""
    rows = []
    met = True
    for minutes, seconds in ((10, 4), (20, 4), (20, 40)):
        scenario = _vfx_scenario(
            classes={"full_cg": {"shot_seconds": seconds, "artist_days_per_second": 15}}
        )
        _, _, drivers = _film(scenario, {"full_cg": minutes}, 0)
        exact = minutes * 60 * 15
        met &= math.isclose(drivers.vfx_artist_days, exact, rel_tol=1e-12)
        rows.append(
            [
                f"{minutes} min in {seconds}-s shots",
                f"{drivers.vfx_shots:.0f}",
                f"{exact:,.0f}",
                f"{drivers.vfx_artist_days:,.0f}",
            ]
        )
    return Verdict(
        table(["full-CG screen time", "shots", "seconds x 15 (artist-days)", "model"], rows),
        met=met,
        finding="artist-days are seconds x the rate in every row" if met else "a row is off",
    )


#: Pixar's effort per film, in artist working days: ~20,000 person-weeks (noneofthisisright)
#: and "a 500-year career for one person" (Quora via HuffPost), 28 days' leave a year out.
PIXAR_WORKING_DAYS = {
    "20,000 person-weeks": 20_000 * 5 * (1 - 28 / (5 * 365.25 / 7)),
    "a 500-year career": 500 * (5 * 365.25 / 7 - 28),
}
#: A Pixar film: "roughly 100 minutes including credits" (Quora via HuffPost), ~95 animated.
PIXAR_MINUTES = 95


def pixar() -> Verdict:
    """A full-CG feature's artist-days against Pixar's person-weeks per film."""
    result = _films(_vfx_scenario(), {"full_cg": PIXAR_MINUTES})
    per_second = result["artist_days"] / (PIXAR_MINUTES * 60)
    low, high = (days / (PIXAR_MINUTES * 60) for days in PIXAR_WORKING_DAYS.values())
    mean = float(per_second.mean())
    rows = [
        [
            f"{name} over {PIXAR_MINUTES} min",
            f"{days:,.0f}",
            f"{days / (PIXAR_MINUTES * 60):.1f}",
        ]
        for name, days in PIXAR_WORKING_DAYS.items()
    ]
    rows.append(
        [
            f"model ({RUNS} replications)",
            _spread(result["artist_days"]),
            f"mean {mean:.1f}",
        ]
    )
    return Verdict(
        table(["", "artist working days (P50, P10-P90)", "a screen second"], rows),
        met=low <= mean <= high,
        finding=f"the model's {mean:.1f} artist-days a second against Pixar's {low:.1f}-{high:.1f}",
    )


#: A VFX-heavy studio feature: Avengers 2,200, Winter Soldier 2,500 VFX shots (moviepilot), Top
#: Gun: Maverick 2,400 (THR via recognizecity), Barbie 1,300 (AWN via pickoncash).
BLOCKBUSTER_SHOTS = 2_000
#: Hollywood's mean shot now runs about 4 s (Barry Salt, The Register).
MEAN_SHOT_SECONDS = 4.0
#: Its VFX bill: "from a fifth up to a half of the overall budget, between 40 and over 100
#: million dollars" (Nuts CG); a shot "from 10.000 to well over 60.000 dollars" (Nuts CG).
BLOCKBUSTER_BUDGET = (40e6, 100e6)
SHOT_COST = (10_000, 60_000)


def blockbuster() -> Verdict:
    """A 2,000-shot feature's VFX bill and cost per shot against the published ranges."""
    seconds = BLOCKBUSTER_SHOTS * MEAN_SHOT_SECONDS
    minutes = {shot_class: share * seconds / 60 for shot_class, share in MIX.items()}
    result = _films(_vfx_scenario(), minutes)
    per_shot = result["usd"] / result["shots"]
    rows = [
        ["VFX shots", "1,300-2,500 (Barbie to Winter Soldier)", _spread(result["shots"])],
        ["VFX bill ($M)", "40 to over 100", _spread(result["usd"], 1e6, 1)],
        ["cost per shot ($)", "10,000 to 'well over' 60,000", _spread(np.round(per_shot, -2))],
        ["artist working days", "-", _spread(result["artist_days"])],
    ]
    bill = float(np.median(result["usd"]))
    shot = float(np.median(per_shot))
    met = BLOCKBUSTER_BUDGET[0] <= bill <= BLOCKBUSTER_BUDGET[1] and (
        SHOT_COST[0] <= shot <= SHOT_COST[1]
    )
    return Verdict(
        table(["", "published", f"model, P50 (P10-P90), {RUNS} replications"], rows),
        met=met,
        finding=f"a median bill of ${bill / 1e6:.1f}M and ${shot:,.0f} a shot",
    )


#: Gravity (2013): Framestore "delivered approximately 84 of the 86 minutes" (HP, Martin
#: Preston), nearly all of it CG but the faces (KFTV): full-CG shots.
GRAVITY_MINUTES = 84
#: Its 156 shots in ~86 minutes (Collider), 13 over a minute making 68% of the film (Genero):
#: a lognormal of median 10 s and P90 78 s has a mean of 36 s and 69% of the time in shots
#: over a minute.
GRAVITY_SHOTS = {"dist": "lognormal", "median": 10, "p90": 78}
#: Shot in early 2011 and in post-production since (FirstShowing); Framestore "just delivered
#: Gravity" in November 2012 (its tweet, via cuaroninspired): about 20 months.
GRAVITY_MONTHS = 20
#: "The total number of people who worked specifically on the visual effects was 440"
#: (Richard Graham, Indian Express), over the whole project.
GRAVITY_PEOPLE = 440
#: The film cost "around $100 million" (Variety via nosolohd), with $20M of it Bullock's fee
#: (CinemaBlend): the VFX between 40% and 80% of it.
GRAVITY_VFX_USD = (40e6, 80e6)
#: Teams tried for Gravity.
GRAVITY_TEAMS = (100, 150, 200, 250, 300, 440)


def gravity() -> Verdict:
    """Gravity's 84 CG minutes: the team that delivers them in 20 months, and their cost."""
    spans = {}
    cost = None
    for artists in GRAVITY_TEAMS:
        scenario = _vfx_scenario(
            artists=artists, classes={"full_cg": {"shot_seconds": GRAVITY_SHOTS}}
        )
        result = _films(scenario, {"full_cg": GRAVITY_MINUTES})
        spans[artists] = result["days"] / MONTH_DAYS
        cost = result["usd"] if cost is None else cost
        shots, artist_days = result["shots"], result["artist_days"]
    medians = [float(np.median(spans[artists])) for artists in GRAVITY_TEAMS]
    # The team whose median span is 20 months: interpolated in 1/team (spans ~ work / team).
    inverse = np.interp(
        GRAVITY_MONTHS, medians[::-1], [1 / artists for artists in GRAVITY_TEAMS][::-1]
    )
    team = 1 / float(inverse)
    assert cost is not None
    rows = [
        [
            f"{artists} artists: months of VFX",
            f"{GRAVITY_MONTHS} with a team of up to {GRAVITY_PEOPLE}" if artists == 440 else "",
            _spread(spans[artists], 1, 1),
        ]
        for artists in GRAVITY_TEAMS
    ]
    rows += [
        [
            "team delivering in 20 months",
            f"at most the {GRAVITY_PEOPLE} people credited",
            f"{team:.0f} artists all through",
        ],
        ["VFX cost ($M)", "40-80 of a ~$100M film", _spread(cost, 1e6, 1)],
        ["shots", "156", _spread(shots)],
        ["artist working days", "-", _spread(artist_days)],
    ]
    bill = float(np.median(cost))
    met = GRAVITY_PEOPLE / 4 <= team <= GRAVITY_PEOPLE and (
        GRAVITY_VFX_USD[0] <= bill <= GRAVITY_VFX_USD[1]
    )
    return Verdict(
        table(["", "real", f"model, P50 (P10-P90), {RUNS} replications"], rows),
        met=met,
        finding=f"{team:.0f} artists deliver in 20 months, for a median ${bill / 1e6:.0f}M",
    )


#: Godzilla Minus One (2023): 610 VFX shots by 35 artists (THR via comicbook.com), who "had
#: eight months to deliver their work" (Variety via Yahoo).
GODZILLA_SHOTS = 610
GODZILLA_ARTISTS = 35
GODZILLA_MONTHS = 8


def godzilla() -> Verdict:
    """Godzilla Minus One's 610 shots on a team of 35: the model's months against 8."""
    seconds = GODZILLA_SHOTS * MEAN_SHOT_SECONDS
    minutes = {shot_class: share * seconds / 60 for shot_class, share in MIX.items()}
    result = _films(_vfx_scenario(artists=GODZILLA_ARTISTS), minutes)
    months = result["days"] / MONTH_DAYS
    real_days = GODZILLA_ARTISTS * GODZILLA_MONTHS * MONTH_DAYS * (5 * 365.25 / 7 - 28) / 365.25
    rows = [
        ["shots", str(GODZILLA_SHOTS), _spread(result["shots"])],
        [f"months on {GODZILLA_ARTISTS} artists", str(GODZILLA_MONTHS), _spread(months, 1, 1)],
        [
            "artist working days",
            f"~{real_days:,.0f} (35 artists x 8 months, no overtime)",
            _spread(result["artist_days"]),
        ],
        ["VFX cost ($M)", "the whole film under 15", _spread(result["usd"], 1e6, 1)],
    ]
    median = float(np.median(months))
    return Verdict(
        table(["", "real", f"model, P50 (P10-P90), {RUNS} replications"], rows),
        met=GODZILLA_MONTHS / 2 <= median <= GODZILLA_MONTHS * 2,
        finding=f"a median {median:.0f} months against the real 8",
    )


CASES = [
    Case(
        name="vfx-makespan",
        title="The VFX vendor's makespan",
        kind="analytic",
        fitted="the list schedule of the vendor's team, in crews, on the working calendar",
        tolerance="exact",
        measure=vfx_makespan,
    ),
    Case(
        name="vfx-effort",
        title="VFX effort grows with screen seconds, not cuts",
        kind="analytic",
        fitted="effort = seconds x artist-days per second, whatever the shots' lengths",
        tolerance="exact",
        measure=effort_per_second,
    ),
    Case(
        name="vfx-pixar",
        title="A full-CG feature's person-weeks (Pixar)",
        kind="calibration",
        fitted="full_cg artist_days_per_second",
        tolerance="the model's mean artist-days a screen second between Pixar's two figures",
        measure=pixar,
    ),
    Case(
        name="vfx-blockbuster",
        title="A 2,000-shot feature's VFX bill",
        kind="calibration",
        fitted="composite and cleanup artist_days_per_second (with the full-CG rate and an"
        " assumed mix of classes)",
        tolerance="a median bill of $40-100M and $10,000-60,000 a shot",
        measure=blockbuster,
    ),
    Case(
        name="vfx-gravity",
        title="Gravity (2013): 84 CG minutes in 20 months",
        kind="held out",
        fitted="full-CG effort per second and the day rate on a film of long takes",
        tolerance="the team delivering in 20 months between a quarter of the 440 credited and"
        " all of them, and a median VFX cost of $40-80M",
        measure=gravity,
    ),
    Case(
        name="vfx-godzilla",
        title="Godzilla Minus One (2023): 610 shots by 35 artists",
        kind="held out",
        fitted="the effort per second and the calendar on a small in-house team",
        tolerance="the model's median months within half to twice the real 8",
        measure=godzilla,
        expect_met=False,
    ),
]
