"""The risk register's events: chance, target, impact, owner, and the mitigations on offer."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sim.scenario.quantities import (
    Days,
    Money,
    Name,
    Node,
    Number,
    Probability,
)
from sim.scenario.sources import (
    RiskTarget,
)


class Mitigation(Node):
    """A response to a risk bought before the production starts: a cost, and a smaller risk.

    Its cost is paid at day 0 by every strategy the risk can strike; its effect is a new chance
    of the event (on the same random number, so a lower chance removes some of the occurrences
    and adds none) and scales of its delay and cost.
    """

    description: str = Field(default="", description="what the production buys")
    cost_usd: Money = Field(default=0.0, validate_default=True, description="what it costs")
    probability: Probability | None = Field(
        default=None, description="the event's chance with it; none = unchanged"
    )
    delay_factor: Number = Field(
        default=1.0, ge=0, le=10, description="scale of the event's delay with it"
    )
    cost_factor: Number = Field(default=1.0, ge=0, le=10, description="scale of the event's cost")
    source: str | None = Field(default=None, description="where the cost and the effect come from")


class RiskEvent(Node):
    """A one-off event of a risk register: a chance, a target, an impact, an owner, responses."""

    description: str = Field(default="", description="what the event is")
    owner: str = Field(default="", max_length=200, description="who manages the risk")
    probability: Probability = Field(description="chance it happens in a replication")
    hits: RiskTarget = Field(description="the production, or the track it strikes")
    effect: Literal["delay", "cancel", "early_return"] = Field(
        default="delay",
        description="delay the track's start, cancel the track, or (orbit only) end the stay"
        " aboard early",
    )
    delay_days: Days = Field(default=0.0, validate_default=True, description="delay if it happens")
    cost_usd: Money = Field(default=0.0, validate_default=True, description="cost if it happens")
    return_after_days: Days = Field(
        default=0.0,
        validate_default=True,
        description="early_return: days from the problem, at a uniform moment of the stay, to"
        " undocking",
    )
    source: str | None = Field(
        default=None, description="where the chance and the impact come from"
    )
    mitigations: dict[Name, Mitigation] = Field(
        default_factory=dict,
        description="responses the production could buy, each measured against the event as it"
        " runs in the scenario",
    )
    mitigation: Name | None = Field(
        default=None,
        description="the one of `mitigations` the production buys (its cost paid, its effect"
        " applied); none = none",
    )

    def applied(self) -> Mitigation | None:
        """The mitigation bought, if any."""
        return None if self.mitigation is None else self.mitigations[self.mitigation]

    @property
    def chance(self) -> float:
        """The event's chance, with the mitigation bought if any."""
        bought = self.applied()
        return (
            self.probability if bought is None or bought.probability is None else bought.probability
        )
