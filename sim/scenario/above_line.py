"""Above the line: the story, producers, director and principal cast, each a fee paid on a pattern.

A budget's top sheet splits the film at "the line": above it the creative people and rights,
contracted before photography (Moviola: "usually set before principal photography begins");
below it everything it takes to shoot and finish. `production.budget_basis` says which of the
two the scenario's budget covers: ``whole_film`` (the fees below are charged, so the cost
compares with a whole-film budget) or ``below_the_line`` (no fee is charged: the budget and the
cost are the production's alone). The standby the flying crew is paid while a launch slips is
above the line too, and charged in either case (the ``holds`` category): it depends on the
strategy, so it belongs in any comparison of strategies.

A fee falls due at milestones of the production (`MILESTONES`), in the shares of its payment
pattern. The default pattern is the customary one for a director's fixed compensation, the
"20/60/10/10 formula": 20% in the weeks before principal photography, 60% over it, 10% on the
director's cut and 10% on delivery (IP Law Click, focusonlegal.com); a producer's fee follows
much the same (movielaw.net: 20% by the end of pre-production, 60% weekly over principal
photography, 20% on scoring and delivery).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from sim.scenario.quantities import SUM_TOLERANCE, Money, Node, Probability

#: When a share of a fee falls due: the day the production starts (the deal is signed), the day
#: principal photography starts (pre-production is done), weekly over principal photography (up
#: to the last picture in hand), the wrap (the last picture in hand) and delivery.
Milestone = Literal["signing", "photography_start", "photography", "wrap", "delivery"]

#: The customary 20/60/10/10 pattern (IP Law Click), the cut's 10% paid with delivery's.
DEFAULT_PAYMENT: dict[Milestone, float] = {
    "photography_start": 0.2,
    "photography": 0.6,
    "delivery": 0.2,
}


class AboveLineItem(Node):
    """One line above the line: a fee, when it is paid, and where the numbers come from."""

    description: str = Field(default="", description="who or what the fee pays for")
    fee_usd: Money = Field(description="the whole fee (fixed compensation; back end excluded)")
    payment: dict[Milestone, Probability] = Field(
        default=DEFAULT_PAYMENT,
        description="the share of the fee due at each milestone (signing, photography_start,"
        " photography: weekly over principal photography, wrap, delivery); sums to 1; none ="
        " 20% at the start of photography, 60% over it, 20% on delivery (the 20/60/10/10"
        " formula of directors' deals, IP Law Click)",
    )
    source: str | None = Field(default=None, description="where the fee and the pattern come from")

    @model_validator(mode="after")
    def _shares_sum_to_one(self) -> AboveLineItem:
        total = sum(self.payment.values())
        if abs(total - 1) > SUM_TOLERANCE:
            raise ValueError(
                f"the payment shares sum to {total:g}; they must sum to 1 (e.g. signing: 0.2,"
                " photography: 0.6, delivery: 0.2)"
            )
        return self
