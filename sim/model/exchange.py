"""Exchange rates of one replication, and money drawn in another currency converted with them.

Each rate is drawn once per replication, on stream ``exchange``, in the order the scenario lists
them, so every strategy of a replication converts at the same rates (common random numbers);
a fixed rate draws nothing. A distribution marked with a currency other than the scenario's
(`sim.scenario.money`) is converted when it is drawn: the value times the rate. An unmarked one
is in the scenario's currency already, and so is every value of a scenario in the defaults'
currency: those draws are the same numbers, bit for bit, as before currencies existed.
"""

from __future__ import annotations

from typing import overload

import numpy as np

from sim.core.rng import Stream, Streams
from sim.model.sampling import sample
from sim.scenario.dists import DistBase, Fixed
from sim.scenario.production import Production


def draw_rates(production: Production, streams: Streams) -> dict[str, float]:
    """Units of the scenario's currency per unit of each other currency, for one replication.

    Stream ``exchange``: one draw per rate that is not a fixed number, in the scenario's order.
    """
    rates: dict[str, float] = {}
    for currency, dist in production.exchange_rates.items():
        if currency == production.currency:
            continue
        if type(dist) is Fixed:
            rates[currency] = dist.value
        else:
            rates[currency] = sample(dist, streams[Stream.exchange])
    return rates


@overload
def converted(dist: DistBase, value: float, rates: dict[str, float]) -> float: ...
@overload
def converted(dist: DistBase, value: np.ndarray, rates: dict[str, float]) -> np.ndarray: ...
@overload
def converted(
    dist: DistBase, value: float | np.ndarray, rates: dict[str, float]
) -> float | np.ndarray: ...


def converted(
    dist: DistBase, value: float | np.ndarray, rates: dict[str, float]
) -> float | np.ndarray:
    """`value`, drawn from `dist`, in the scenario's currency.

    `rates` hold only currencies other than the scenario's, so a value in the scenario's own
    currency (marked or not) is returned as it is. The loader refused a currency with no rate.
    """
    currency = dist.currency
    if currency is None:
        return value
    rate = rates.get(currency)
    return value if rate is None else value * rate
