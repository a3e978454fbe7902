"""Every default of a scenario, with the public source it comes from: one table, no other.

The loader lays the user's file over this table (`merged`), so a scenario may leave out any
key that has a default here. The sections of the film are declared here; each source's
defaults are declared beside its schema (`sim.scenario.sources`) and gathered from the
registry. Distribution defaults carry their citation into the resolved scenario as a
``source`` key.
"""

from __future__ import annotations

from typing import Any

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
