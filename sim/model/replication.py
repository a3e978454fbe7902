"""One replication of one strategy: its opening, the production run to the horizon, the wrap.

The opening (exchange rates, risk register, overhead, pre-production, vendor day rates,
above-the-line fees) is drawn once per replication for all its strategies. The production
(`sim.model.production`) runs until the film is delivered or the horizon comes; a replication
still running at the horizon stops there and counts as not delivered, with the tracks that were
still open. At the wrap the above-the-line fees (on their payment patterns' days), the daily
overhead, the completion bond and the production insurance are charged.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import simpy

from sim.core.rng import Stream, Streams
from sim.model.above_line import charge_fees, draw_fees
from sim.model.context import Replication
from sim.model.exchange import converted, draw_rates
from sim.model.outcome import Outcome, outcome_of
from sim.model.production import Book, blocked_by, critical_track, produce
from sim.model.register import Strike, draw_all
from sim.model.risks import pay_mitigations, strike
from sim.model.sampling import sample
from sim.model.timeline import Timeline
from sim.model.vfx import Vendors, day_rates
from sim.scenario.schema import Scenario


@dataclass(frozen=True)
class Opening:
    """What every strategy of one replication starts from, drawn once for all of them.

    The exchange rates, the risk register, the daily overhead, pre-production's length, the
    vendors' day rates and the above-the-line fees come from streams nothing else draws from
    (``exchange``, ``risks``, ``production``, ``vfx_rates``, ``above_line``), in an order no
    strategy changes: every strategy gets the same numbers (common random numbers),
    so a run draws them once per replication rather than once per strategy.
    """

    register: dict[str, list[Strike]]
    overhead_per_day: float
    preproduction_days: float
    vendor_rates_usd: list[float]
    #: What each event's bought mitigation costs in this replication, by event.
    mitigation_usd: dict[str, float]
    #: Each above-the-line fee, in the scenario's order (`sim.model.above_line`).
    above_line_usd: list[float]

    @classmethod
    def draw(cls, scenario: Scenario, seed: int, replication: int) -> Opening:
        """The opening of replication `replication` under master seed `seed`."""
        streams = Streams(seed, replication)
        production = scenario.production
        rates = draw_rates(production, streams)
        register = draw_all(scenario, streams, rates)
        overhead = production.overhead_usd_per_day
        return cls(
            register=register.occurred,
            overhead_per_day=converted(
                overhead, sample(overhead, streams[Stream.production]), rates
            ),
            preproduction_days=sample(production.preproduction_days, streams[Stream.production]),
            vendor_rates_usd=day_rates(scenario.sources.cgi, streams, rates),
            mitigation_usd=register.payments(scenario),
            above_line_usd=draw_fees(production, streams, rates),
        )


def run_replication(
    scenario: Scenario,
    strategy: str,
    seed: int,
    replication: int,
    *,
    record: bool = True,
    opening: Opening | None = None,
) -> Outcome:
    """Simulate replication `replication` of `strategy` with master seed `seed`.

    Same arguments, same outcome, bit for bit: every draw comes from the replication's named
    streams. `record` keeps the timeline and the days aboard, which only a trace reads.
    `opening` is the replication's `Opening` when the caller runs several strategies of it.
    """
    if opening is None:
        opening = Opening.draw(scenario, seed, replication)
    env = simpy.Environment()
    rep = Replication(
        env, scenario, strategy, Streams(seed, replication), timeline=Timeline(recording=record)
    )
    rep.pending_risks = dict(opening.register)  # strikes replace a target's list, never edit it
    pay_mitigations(rep, opening.mitigation_usd)
    preproduction_days = opening.preproduction_days + strike(rep, "production").delay_days
    rep.drivers.preproduction_days = preproduction_days
    vendors = Vendors(scenario.sources.cgi, preproduction_days, opening.vendor_rates_usd)
    book = Book(vendors=vendors)
    production = env.process(produce(rep, book, preproduction_days))
    env.run(until=scenario.simulation.horizon_days)
    rep.drivers.vfx_done_day = vendors.done_day
    delivered = not production.is_alive
    end_day = book.delivery_day if delivered else env.now
    charge_fees(
        rep.ledger,
        scenario.production,
        opening.above_line_usd,
        photography_start=preproduction_days,
        last_picture=rep.drivers.picture_done_day,
        end_day=end_day,
    )
    rep.ledger.charge(end_day, "overhead", "daily overhead", opening.overhead_per_day * end_day)
    _insure(rep, preproduction_days, end_day)
    blocked = "" if delivered else blocked_by(rep, book)
    return outcome_of(
        rep,
        delivery_day=end_day if delivered else math.inf,
        blocked_by=blocked,
        critical_track=critical_track(rep, book) if delivered else f"{blocked} (not delivered)",
        obtained=book.obtained,
        reshot=book.reshot,
        remade_minutes=book.remade_minutes,
        cut_minutes=book.cut_minutes,
        done_days=book.done_days,
        fallback=book.fallback,
        fallback_days=book.fallback_days,
        moved_minutes=book.moved_minutes,
    )


#: Categories an insurer rates: the production's own exposure, not post, VFX or overhead.
INSURED: tuple[str, ...] = ("holds", "seats", "training", "fees", "ground")


def _insure(rep: Replication, preproduction_days: float, end_day: float) -> None:
    """Charge the completion bond (on the budget, at financing) and the insurance premium.

    The premium is a rate on the net insurable cost as it was actually spent, as an insurer's
    audit at wrap settles it; the bond fee is a rate on the budget it guarantees.
    """
    production = rep.scenario.production
    bond = production.bond_rate * production.budget_usd
    if bond > 0:
        rep.ledger.charge(preproduction_days, "insurance", "completion bond", bond)
    totals = rep.ledger.by_category()
    insured = sum(totals[category] for category in INSURED)
    if insured > 0 and production.insurance_rate > 0:
        rep.ledger.charge(
            end_day, "insurance", "production insurance", production.insurance_rate * insured
        )
