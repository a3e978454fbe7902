"""Money and its currency: which values a scenario states in another currency, and the rates.

A scenario has one currency (`production.currency`). Every amount a user writes is in it,
whatever its key is called: the ``_usd`` suffix of a key reads "money in the scenario's
currency". Each sourced default keeps the currency it was published in (all are US dollars)
and says so with a ``currency`` key on its distribution, added when the defaults are laid under
the file (`mark`); a user may mark one of their own values the same way
(``{dist: fixed, value: 55e6, currency: USD}``, a quote in dollars). The model converts a
marked value into the scenario's currency when it draws it, at the replication's rate
(`production.exchange_rates`: units of the scenario's currency per unit of the other).

A scenario that holds a value in a currency it gives no rate for is refused (`problems`), so
no table is ever relabelled silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from sim.core.errors import Problem
from sim.scenario.dists import DistBase

#: The currency every sourced default is published in.
DEFAULTS_CURRENCY = "USD"

#: An ISO 4217 code.
CURRENCY_PATTERN = r"^[A-Z]{3}$"


def is_money_key(key: str) -> bool:
    """Whether a scenario key names an amount of money (``seat_price_usd``, ``cost_usd``...)."""
    return "usd" in key.split("_")


def mark(value: Any, key: str) -> Any:
    """A default's plain data, its distribution marked with the defaults' currency if money."""
    if is_money_key(key) and isinstance(value, dict) and "dist" in value:
        return {**value, "currency": value.get("currency", DEFAULTS_CURRENCY)}
    return value


def _distributions(node: Any, path: str) -> Iterator[tuple[str, DistBase]]:
    """Every distribution under a validated scenario node, with its key path, in order."""
    if isinstance(node, DistBase):
        yield path, node
        return
    if isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _distributions(getattr(node, name), f"{path}.{name}" if path else name)
    elif isinstance(node, dict):
        for key, child in node.items():
            yield from _distributions(child, f"{path}.{key}" if path else str(key))


def problems(scenario: Any) -> list[Problem]:
    """A value in a currency the scenario gives no exchange rate for, one problem per currency.

    Args:
        scenario: a validated `sim.scenario.schema.Scenario`.
    """
    production = scenario.production
    own = production.currency
    first_use: dict[str, str] = {}
    for path, dist in _distributions(scenario, ""):
        currency = dist.currency
        if currency is not None and currency != own and currency not in production.exchange_rates:
            first_use.setdefault(currency, path)
    return [
        Problem(
            f"production.exchange_rates.{currency}",
            f"a {own} scenario holds amounts in {currency} ({path} and maybe others) but no"
            f" rate for {currency}; set production.exchange_rates: {{{currency}: <{own} per"
            f" {currency}>}}, a number or a distribution",
        )
        for currency, path in first_use.items()
    ]
