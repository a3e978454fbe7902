"""The assumption and risk registers of a scenario: every input, and where it comes from.

A financier reading a result asks first what it assumes. Each value of the resolved scenario
(the strategies and simulation settings aside: they are the choices compared and how) is
listed with its source: the ``source`` the scenario gives it, else the comment the file wrote
beside it (``budget_usd: 200_000_000  # Variety, Oct 2020``), else the cited default it equals,
else none: a value set in the scenario without a citation, which the register says plainly.
Risk events get a register of their own, one row per event, as schedule-risk tools keep one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sim.scenario import money
from sim.scenario.cited import Default
from sim.scenario.defaults import defaults_for, sources_by_path
from sim.scenario.risks import RiskEvent
from sim.scenario.schema import Scenario

#: Parts of a scenario that are not assumptions about the world (targets: the film's asks,
#: shown with the decision).
NOT_ASSUMPTIONS = ("simulation", "strategies", "risks", "targets")


@dataclass(frozen=True)
class Assumption:
    """One input: its dotted key path, its value in words, and its source (None if uncited).

    `from_comment`: the source is the comment the scenario file wrote beside the value.
    """

    path: str
    value: str
    source: str | None
    default: bool
    from_comment: bool = False


@dataclass(frozen=True)
class Risk:
    """One risk event: its chance, what it strikes, its impact in words, and its source."""

    name: str
    description: str
    probability: float
    hits: str
    impact: str
    source: str | None
    owner: str = ""
    #: Each mitigation in words: name, cost, effect, and whether the scenario buys it.
    mitigations: tuple[str, ...] = ()


def assumptions(scenario: Scenario) -> list[Assumption]:
    """Every assumption of `scenario`, in the order of the scenario file."""
    data = scenario.model_dump(mode="json", by_alias=True, exclude_none=True)
    cited = sources_by_path(defaults_for(data)[0])  # the vehicles' profiles' citations too
    comments = scenario.comment_sources
    found: list[Assumption] = []
    for key, value in data.items():
        if key not in NOT_ASSUMPTIONS:
            _walk(value, key, cited, comments, found)
    return found


def risk_register(scenario: Scenario) -> list[Risk]:
    """The scenario's risk events, in its order.

    An event without a ``source`` takes the comment after its key, or after its probability (as
    the resolved scenario writes it, beside the values the file set).
    """
    comments = scenario.comment_sources
    return [
        Risk(
            name,
            risk.description,
            risk.probability,
            risk.hits,
            _impact(risk),
            risk.source
            or comments.get(f"risks.{name}")
            or comments.get(f"risks.{name}.probability"),
            risk.owner,
            tuple(_mitigation(risk, listed) for listed in risk.mitigations),
        )
        for name, risk in scenario.risks.items()
    ]


def _mitigation(risk: RiskEvent, name: str) -> str:
    """A mitigation in words: what it costs, what it changes, where that comes from."""
    mitigation = risk.mitigations[name]
    effects = []
    if mitigation.probability is not None:
        effects.append(f"chance {mitigation.probability:.1%}")
    if mitigation.delay_factor != 1:
        effects.append(f"delay x {mitigation.delay_factor:g}")
    if mitigation.cost_factor != 1:
        effects.append(f"cost x {mitigation.cost_factor:g}")
    words = f"{name}{' (bought)' if risk.mitigation == name else ''}: "
    words += f"costs {describe(_plain(mitigation.cost_usd))} USD; "
    words += ", ".join(effects) or "no effect"
    if mitigation.description:
        words += f" ({mitigation.description})"
    return words + f"; source: {mitigation.source or 'none given'}"


def _impact(risk: RiskEvent) -> str:
    if risk.effect == "cancel":
        words = "cancels the track"
    elif risk.effect == "early_return":
        words = f"ends the stay {describe(_plain(risk.return_after_days))} days after the problem"
    else:
        words = f"delays the start by {describe(_plain(risk.delay_days))} days"
    cost = _plain(risk.cost_usd)
    if cost != {"dist": "fixed", "value": 0.0}:
        words += f"; costs {describe(cost)} USD"
    return words


def _plain(dist: Any) -> Any:
    return _without_source(dist.model_dump(mode="json", exclude_none=True))


def _walk(
    node: Any,
    path: str,
    cited: dict[str, Default],
    comments: dict[str, str],
    found: list[Assumption],
) -> None:
    default = cited.get(path)
    is_default = default is not None and _without_source(node) == _materialised(default, path)
    if isinstance(node, dict) and not ({"dist", "source"} & node.keys() or is_default):
        for key, value in node.items():
            _walk(value, f"{path}.{key}", cited, comments, found)
        return
    source = node.get("source") if isinstance(node, dict) else None
    comment = comments.get(path) if source is None else None
    if comment is not None:
        source = comment
    elif source is None and default is not None and is_default:
        source = default.source
    found.append(
        Assumption(path, describe(_without_source(node)), source, is_default, comment is not None)
    )


def _materialised(default: Default, path: str) -> Any:
    """The default's value as the scenario holds it: an amount marked with its currency."""
    return money.mark(default.value, path.rsplit(".", 1)[-1])


def _without_source(node: Any) -> Any:
    if isinstance(node, dict):
        return {key: value for key, value in node.items() if key != "source"}
    return node


def describe(value: Any) -> str:
    """A value in words: a distribution as its kind and parameters, a list joined by commas."""
    if isinstance(value, dict):
        if "dist" in value:
            kind = value["dist"]
            if kind == "fixed":
                return _number(value["value"])
            parameters = ", ".join(f"{k} {_text(v)}" for k, v in value.items() if k != "dist")
            return f"{kind} ({parameters})"
        return "; ".join(f"{k}: {_text(v)}" for k, v in value.items())
    return _text(value)


def _text(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    if isinstance(value, dict):
        return "{" + describe(value) + "}"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return _number(value)
    return str(value)


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 10_000 else f"{value:g}"
