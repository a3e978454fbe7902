"""Every default of a scenario, with the public source it comes from: one table, no other.

The loader lays the user's file over this table (`merged`), so a scenario may leave out any
key that has a default here; a source's vehicle profile is laid between its defaults and the
file (`defaults_for`). The sections of the film are declared here; each source's
defaults are declared beside its schema (`sim.scenario.sources`) and gathered from the
registry. Distribution defaults carry their citation into the resolved scenario as a
``source`` key.
"""

from __future__ import annotations

import difflib
from typing import Any

from sim.core.errors import Problem
from sim.scenario import money
from sim.scenario.cited import Default, fixed, tri
from sim.scenario.quantities import SCENE_KINDS
from sim.scenario.sources import REGISTRY

DEFAULTS: dict[str, Any] = {
    "simulation": {
        "replications": Default(1000, "Acumen Risk: 1,000 iterations adequate for most schedules"),
        "seed": Default(1, "fixed so that reruns and scenario variants share random numbers"),
        "horizon_days": Default(3650, "ten years: a replication not delivered by then is late"),
    },
    "production": {
        "currency": Default(
            "USD", "the defaults' own currency: each sourced amount is published in US dollars"
        ),
        "exchange_rates": Default(
            {}, "none: a scenario in another currency gives the rate of the US dollar"
        ),
        "budget_basis": Default(
            "below_the_line",
            "a budget that does not say otherwise leaves the above-the-line fees out (they are"
            " 'usually set before principal photography begins', Moviola); a whole_film budget"
            " lists them",
        ),
        "above_the_line": Default(
            {},
            "none: fees are the production's own contracts; whole-film scenarios list them",
        ),
        "overhead_usd_per_day": fixed(
            25_000, "assumption: office and core staff while the production runs"
        ),
        "preproduction_days": tri(
            90,
            146,
            240,
            "mode: 146 days of pre-production, 782 Hollywood films 2006-2016 (Stephen Follows"
            " 2018); min and max an assumption",
        ),
        "hold_usd_per_day": fixed(
            50_000,
            "assumption: a lead's or director's fee spread over a ~60-day shoot; replace with"
            " your contracts. Days held are paid: SAG-AFTRA performers are paid consecutively"
            " from their first call (sagaftra.org)",
        ),
        "insurance_rate": Default(
            0.007,
            "'a typical rate might be .70 cents per hundred dollars of net budget', post and"
            " overhead excluded (Front Row Insurance 2014); cover for the flyers in space is"
            " not public",
        ),
        "financing": Default(
            "studio",
            "studio pictures are self-guaranteed (Sunscope); an independently financed film pays"
            " a completion guarantor 'typically 3-5%' of the budget (Beverly Boy, opiatalk) and"
            " holds the 10% contingency it requires (jaerlyd.no, Law Insider)",
        ),
        "completion_bond_rate": Default(None, "none: the financing's (studio 0, independent 3%)"),
        "contingency_share": Default(
            None, "none: the financing's (studio 0, independent 10% of the budget)"
        ),
        "hold_break_days": Default(
            10,
            "SAG-AFTRA consecutive employment: a firm pick-up date more than 10 calendar days"
            " away (theatrical films) lets the intervening days go unpaid (sagaftra.org)",
        ),
    },
    "script": {kind: Default(0.0, "scene kinds left out need no minutes") for kind in SCENE_KINDS},
    "crew": Default(
        {"director_dp": {"count": 1, "backups": 1}, "lead_actor": {"count": 1, "backups": 1}},
        "The Challenge flew its director-cameraman and lead actress, with a backup actress and"
        " cameraman trained alongside (TASS 4 Oct 2021)",
    ),
    "risks": Default({}, "no risk events unless the scenario lists them"),
    "post": {
        "editorial_days": tri(
            60,
            90,
            180,
            "assumption; The Challenge took 18 months from flight to release, including extra"
            " shooting and 'big post-production' (TASS)",
        ),
        "finishing_days": tri(45, 75, 120, "assumption: sound, music, colour and conform"),
        "cost_usd": tri(2e6, 4e6, 8e6, "assumption: post-production excluding VFX"),
    },
    "sources": {name: spec.defaults for name, spec in REGISTRY.items()},
}


def _materialise(node: Any, key: str = "") -> Any:
    """Plain data for a defaults subtree, each distribution carrying its source.

    An amount of money (a key with ``usd`` in it) also carries its currency, the defaults'
    (`sim.scenario.money`), so a scenario in another currency converts it.
    """
    if isinstance(node, Default):
        value = node.value
        if isinstance(value, dict) and "dist" in value:
            return money.mark({**value, "source": node.source}, key)
        return _copy(value)
    return {name: _materialise(child, name) for name, child in node.items()}


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _copy(child) for key, child in value.items()}
    if isinstance(value, list):
        return [_copy(child) for child in value]
    return value


def defaults_for(data: Any) -> tuple[dict[str, Any], list[Problem]]:
    """The defaults table for a scenario: each source's vehicle profile and choices laid over it.

    A source with vehicles (`SourceSpec.vehicles`) takes the profile of the vehicle the file
    names, or of its default vehicle, and each choice key (`SourceSpec.choices`: the orbit's
    medium and mission) the defaults of the value the file gives, or of its default: source
    defaults < the vehicle's profile < the choices < the file (laid on by `merged`).
    A vehicle that is no profile's is a problem, listing the known ones; the source then keeps
    its own defaults, so the rest of the file is still checked.

    Args:
        data: plain data read from a scenario file (not changed).

    Returns:
        The table to pass to `merged` and `sources_by_path`, and the problems found.
    """
    given = data.get("sources") if isinstance(data, dict) else None
    table = dict(DEFAULTS)
    sources = dict(DEFAULTS["sources"])
    problems = []
    for name, spec in REGISTRY.items():
        node = given.get(name) if isinstance(given, dict) else None
        if spec.choices:
            sources[name] = _chosen(spec, node)
        if not spec.vehicles:
            continue
        vehicle = node.get("vehicle") if isinstance(node, dict) else None
        if vehicle is None:
            vehicle = spec.defaults["vehicle"].value
        elif not isinstance(vehicle, str):
            continue  # not a name at all: the schema says so
        profile = spec.vehicles.get(vehicle)
        if profile is None:
            problems.append(Problem(f"sources.{name}.vehicle", _unknown(vehicle, spec.vehicles)))
            continue
        sources[name] = {**spec.defaults, **profile.defaults(), **_chosen(spec, node, base={})}
        if vehicle != spec.defaults["vehicle"].value:  # the choice cites its profile's record
            sources[name]["vehicle"] = Default(vehicle, f"{profile.label}: {profile.citation}")
    table["sources"] = sources
    return table, problems


def _chosen(spec: Any, node: Any, base: dict[str, Any] | None = None) -> dict[str, Any]:
    """The defaults each choice key of a source (`SourceSpec.choices`) brings, over `base`.

    A value the key does not know brings nothing: the schema refuses it with the allowed ones.
    """
    chosen = dict(spec.defaults if base is None else base)
    for key, options in spec.choices.items():
        value = node.get(key) if isinstance(node, dict) else None
        if value is None:
            value = spec.defaults[key].value
        if isinstance(value, str):
            chosen.update(options.get(value, {}))
    return chosen


def _unknown(vehicle: str, known: Any) -> str:
    close = difflib.get_close_matches(vehicle, list(known), n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown vehicle '{vehicle}'{hint}; known: {', '.join(known)}"


def merged(user: Any, defaults: Any = None) -> Any:
    """The user's data laid over the defaults; the user's input is not changed.

    Args:
        user: plain data read from a scenario file.
        defaults: a subtree of `DEFAULTS` (the whole table when None).

    Returns:
        New plain data in which every key the user left out holds its default.
    """
    if defaults is None:
        defaults = DEFAULTS
    if isinstance(defaults, Default):
        return _copy(user)
    if not isinstance(user, dict):
        return _copy(user)
    result = {key: _copy(value) for key, value in user.items()}
    for key, default in defaults.items():
        if key in user:
            result[key] = merged(user[key], default)
        else:
            result[key] = _materialise(default, key)
    return result


def sources_by_path(node: Any = None, prefix: str = "") -> dict[str, Default]:
    """Every default keyed by its dotted path, for the docs."""
    if node is None:
        node = DEFAULTS
    if isinstance(node, Default):
        return {prefix: node}
    found: dict[str, Default] = {}
    for key, child in node.items():
        found.update(sources_by_path(child, f"{prefix}.{key}" if prefix else key))
    return found
