"""What every source declares once: its facts as a `SourceSpec`, and the nodes sources share.

A source's module (`sim.scenario.sources.<name>`) holds its schema node, with a `spec`
class attribute: whether its pictures are real, which scene kinds it cannot deliver and why,
whether it can reshoot a shortfall or be cancelled by a risk event, whether it flies the
crew, how tables and figures show it, and its cited defaults. Every list of sources elsewhere
is derived from the registry these make (`sim.scenario.sources`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from pydantic import Field, model_validator

from sim.scenario.quantities import (
    SUM_TOLERANCE,
    Node,
    Number,
    Positive,
    Probability,
    SceneKind,
    ShotClass,
)
from sim.scenario.vehicles import VehicleProfile

#: Why no space source can deliver ordinary drama.
NOT_IN_SPACE = "ground drama is shot on the ground"


@dataclass(frozen=True)
class SourceSpec:
    """The facts of one source that the schema, the model and the report read."""

    #: How tables and figures name it.
    label: str
    #: Its colour in every figure (Okabe-Ito, colour-blind safe).
    colour: str
    #: Its pictures were really shot weightless or in space (the real-footage share).
    real: bool
    #: The scene kinds it cannot deliver, each with the reason.
    refuses: Mapping[SceneKind, str]
    #: It can film again the scenes another source missed (``shortfall: reshoot``).
    reshoot: bool
    #: A risk event can cancel it (``effect: cancel``).
    cancellable: bool
    #: Its campaign flies the crew: a strategy using it must list one.
    flies_crew: bool
    #: Its keys' defaults (`sim.scenario.cited.Default`), by key.
    defaults: Mapping[str, Any]
    #: The vehicles its ``vehicle`` key may name, each a profile of cited defaults laid
    #: between `defaults` and the file (`sim.scenario.vehicles`); empty: no ``vehicle`` key.
    vehicles: Mapping[str, VehicleProfile] = field(default_factory=dict)
    #: Keys that choose a set of defaults, as the vehicle does: by key, each value's cited
    #: defaults, laid over the vehicle's profile (the orbit's ``medium`` and ``mission``).
    choices: Mapping[str, Mapping[str, Mapping[str, Any]]] = field(default_factory=dict)
    #: The fallback triggers its campaign checks at its waiting points, so a strategy's
    #: fallback rule may watch it with them (`sim.scenario.fallbacks.TRIGGERS`); none: no rule
    #: can watch it.
    triggers: tuple[str, ...] = ()


class SourceNode(Node):
    """The parameters of one source; its class carries the source's `SourceSpec`."""

    spec: ClassVar[SourceSpec]


class VfxWork(Node):
    """The VFX shots a source's footage needs: their class and the share of minutes affected."""

    shot_class: ShotClass
    share: dict[SceneKind, Probability] = Field(
        description="per scene kind, the fraction of this source's screen minutes needing VFX shots"
        " (kinds left out need none)"
    )


class KindRates(Node):
    """Screen minutes a stage day yields, per scene kind."""

    weightless_interior: Positive
    earth_view: Positive
    exterior_eva: Positive
    launch_landing: Positive
    ground_drama: Positive


class Payment(Node):
    """One payment of a contract: its share of the price, when it falls due, when it is lost."""

    share: Probability = Field(description="fraction of the contract's price")
    due_days_before: Number | None = Field(
        default=None,
        ge=0,
        le=3650,
        description="falls due this many days before the service (the flight, the shoot);"
        " none = at booking",
    )
    refundable_until_days_before: Number | None = Field(
        default=None,
        ge=0,
        le=3650,
        description="refunded if the booking is cancelled more than this many days before the"
        " service; none = not refundable once paid",
    )


class PaymentSchedule(Node):
    """How a source's contract is paid: deposit, instalments, balance, and what is refundable.

    The payments' shares add up to the price. A booking cancelled on a day loses what had
    become non-refundable by then: each payment made whose refund window had closed, and the
    whole price once within `owed_in_full_days_before` of the service.
    """

    payments: list[Payment] = Field(min_length=1, max_length=20)
    owed_in_full_days_before: Number | None = Field(
        default=None,
        ge=0,
        le=3650,
        description="cancelled within this many days of the service, the whole price is owed;"
        " none = only the payments already non-refundable",
    )

    @model_validator(mode="after")
    def _shares_add_up(self) -> PaymentSchedule:
        total = sum(payment.share for payment in self.payments)
        if abs(total - 1.0) > SUM_TOLERANCE:
            terms = " + ".join(f"{payment.share:g}" for payment in self.payments)
            raise ValueError(
                f"the payments' shares add up to {total:g} ({terms}); make them 1 (the price)"
            )
        return self
