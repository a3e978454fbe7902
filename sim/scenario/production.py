"""The film as a business: dates, budget and its basis, currency, financing, daily costs.

Also the checks of this section that need more than one key (a whole-film budget lists its fees
above the line), which `Scenario.problems()` gathers with the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import Field, StringConstraints

from sim.core.errors import Problem
from sim.scenario.above_line import AboveLineItem
from sim.scenario.money import CURRENCY_PATTERN
from sim.scenario.quantities import (
    LARGEST,
    Date,
    Days,
    Money,
    Name,
    Node,
    Number,
    Positive,
    Probability,
)


class Production(Node):
    """The film as a business: dates, budget and what each day of it costs."""

    title: str = Field(min_length=1, max_length=200, description="the film's working title")
    start_date: Date = Field(description="day 0 of the simulation: the production starts")
    deadline_date: Date = Field(description="the delivery date the film must meet")
    budget_usd: Number = Field(
        gt=0,
        le=LARGEST,
        description="the budget the film must meet, in the scenario's currency; whole film or"
        " below the line, as `budget_basis` says",
    )
    budget_basis: Literal["whole_film", "below_the_line"] = Field(
        description="whole_film: the budget covers the film above and below the line, so the"
        " `above_the_line` fees are charged; below_the_line: the budget and the cost leave the"
        " above-the-line fees out (the holds are charged either way)"
    )
    above_the_line: dict[Name, AboveLineItem] = Field(
        description="story and rights, producers, director, principal cast: each line a fee and"
        " its payment pattern; only with budget_basis: whole_film"
    )
    currency: str = Field(
        pattern=CURRENCY_PATTERN,
        description="ISO code of the scenario's one currency: every amount it states (keys"
        " ending in _usd included) and every table is in it",
    )
    exchange_rates: dict[Annotated[str, StringConstraints(pattern=CURRENCY_PATTERN)], Positive] = (
        Field(
            description="units of the scenario's currency per unit of another currency (USD:"
            " 0.92 in a EUR scenario), a number or a distribution drawn once per replication;"
            " needed for each currency a value is stated in (the defaults are in USD)"
        )
    )
    overhead_usd_per_day: Money = Field(description="cost of each day until delivery")
    preproduction_days: Days = Field(description="script, casting, design, previs")
    hold_usd_per_day: Money = Field(
        description="what each person of the flying crew (backups too) is paid per day held"
        " waiting for a launch"
    )
    insurance_rate: Probability = Field(
        description="production insurance premium per dollar of net insurable cost: the flying"
        " crew's holds, space operations and stage days (post, VFX and overhead excluded)"
    )
    financing: Literal["studio", "independent"] = Field(
        description="studio: the financier guarantees completion itself, no bond and no"
        " contingency required; independent: a completion guarantor bonds the film, for a fee"
        " and a contingency it sets"
    )
    completion_bond_rate: Probability | None = Field(
        default=None,
        description="completion guarantor's fee per dollar of budget; none = the financing's"
        " (studio 0, independent 3%)",
    )
    contingency_share: Probability | None = Field(
        default=None,
        description="the contingency the guarantor requires, as a share of the budget; none ="
        " the financing's (studio 0, independent 10%)",
    )
    hold_break_days: Number = Field(
        ge=0,
        le=365,
        description="an announced launch delay longer than this lets the production release the"
        " crew and pick them up again unpaid; a shorter one is paid as hold days",
    )

    @property
    def bond_rate(self) -> float:
        """The completion bond's fee per dollar of budget: the scenario's, or the financing's."""
        if self.completion_bond_rate is not None:
            return self.completion_bond_rate
        return FINANCING[self.financing].bond_rate

    @property
    def required_contingency(self) -> float:
        """The contingency required, as a share of the budget: the scenario's, or by financing."""
        if self.contingency_share is not None:
            return self.contingency_share
        return FINANCING[self.financing].contingency_share


@dataclass(frozen=True)
class Financing:
    """What a way of financing a film asks of it: the bond's fee and the contingency."""

    bond_rate: float
    contingency_share: float


#: Studio pictures are self-guaranteed (Sunscope): no bond, no contingency a guarantor sets.
#: An independent film pays the guarantor a fee on the budget, "typically 3-5%" (opiatalk;
#: Beverly Boy; everything2), and holds the contingency it requires: "the closing guarantee will
#: also insist on adding a 10% emergency to the budget" (jaerlyd.no), the 10% contingency fund
#: of crew agreements' budget clauses (Law Insider).
FINANCING: dict[str, Financing] = {
    "studio": Financing(bond_rate=0.0, contingency_share=0.0),
    "independent": Financing(bond_rate=0.03, contingency_share=0.10),
}


def basis_problems(production: Production) -> list[Problem]:
    """A whole-film budget lists its above-the-line fees; a below-the-line one lists none."""
    if production.budget_basis == "whole_film" and not production.above_the_line:
        return [
            Problem(
                "production.above_the_line",
                "a whole_film budget needs its above-the-line fees (story, producers, director,"
                " cast); list them, or set budget_basis: below_the_line",
            )
        ]
    if production.budget_basis == "below_the_line" and production.above_the_line:
        return [
            Problem(
                "production.budget_basis",
                "below_the_line leaves the above-the-line fees out, but above_the_line lists "
                + ", ".join(production.above_the_line)
                + "; set budget_basis: whole_film or remove the lines",
            )
        ]
    return []
