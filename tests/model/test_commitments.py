"""Payment schedules: when each payment falls due and is committed, what a cancellation loses."""

from __future__ import annotations

import datetime as dt

import pytest
import simpy

from sim.core.rng import Streams
from sim.model.commitments import Contract, calendar, forfeit, pay
from sim.model.context import Replication
from sim.model.replication import run_replication
from sim.scenario.load import scenario_from_data
from sim.scenario.sources.spec import PaymentSchedule
from tests.conftest import tiny_data

#: Axiom-like: a quarter at booking, a quarter 180 days before the flight, the rest 30 days
#: before; nothing refundable.
ORBIT_LIKE = PaymentSchedule.model_validate(
    {
        "payments": [
            {"share": 0.25},
            {"share": 0.25, "due_days_before": 180},
            {"share": 0.5, "due_days_before": 30},
        ]
    }
)
#: Virgin-Galactic-like: 10% kept, 30% refundable until 30 days before, the balance 10 days
#: before.
DEPOSIT = PaymentSchedule.model_validate(
    {
        "payments": [
            {"share": 0.1},
            {"share": 0.3, "refundable_until_days_before": 30},
            {"share": 0.6, "due_days_before": 10},
        ]
    }
)
#: A stage hold: half at booking refundable until 14 days before, half 2 days before, all owed
#: within 7 days.
STAGE = PaymentSchedule.model_validate(
    {
        "payments": [
            {"share": 0.5, "refundable_until_days_before": 14},
            {"share": 0.5, "due_days_before": 2},
        ],
        "owed_in_full_days_before": 7,
    }
)


def _rep() -> Replication:
    scenario = scenario_from_data(tiny_data())
    return Replication(simpy.Environment(), scenario, "orbit", Streams(1, 0))


def _contract(schedule: PaymentSchedule, price: float = 100.0) -> Contract:
    return Contract(schedule, 0.0, price, "seats", "seats")


def _days(entries) -> list[tuple[float, float]]:
    return [(entry.day, entry.amount_usd) for entry in entries]


def test_each_payment_falls_due_on_its_day_and_is_committed_when_paid() -> None:
    """Booked on day 0, flown on day 400: 25 on day 0, 25 on day 220, 50 on day 370."""
    dues = calendar(_contract(ORBIT_LIKE), 400.0)
    assert [(d.amount_usd, d.due_day, d.committed_day) for d in dues] == [
        (25.0, 0.0, 0.0),
        (25.0, 220.0, 220.0),
        (50.0, 370.0, 370.0),
    ]


def test_a_payment_due_before_the_booking_falls_due_at_booking() -> None:
    """Flown on day 100: the instalment 180 days before the flight is paid at booking."""
    dues = calendar(_contract(ORBIT_LIKE), 100.0)
    assert [d.due_day for d in dues] == [0.0, 0.0, 70.0]


def test_a_flown_service_is_paid_in_full_spread_over_its_schedule() -> None:
    """The same total as paying at the flight; every amount committed by the flight."""
    rep = _rep()
    pay(rep, _contract(ORBIT_LIKE, 1e6), 400.0)
    assert rep.ledger.total_usd == 1e6
    assert _days(rep.ledger.entries) == [(0.0, 0.25e6), (220.0, 0.25e6), (370.0, 0.5e6)]
    assert rep.ledger.committed_by(400.0) == 1e6
    assert rep.ledger.committed_by(219.0) == 0.25e6


def test_a_refundable_deposit_is_committed_when_its_window_closes() -> None:
    """Flown on day 100: the refundable 30 paid on day 0 is committed on day 70."""
    rep = _rep()
    pay(rep, _contract(DEPOSIT), 100.0)
    assert _days(rep.ledger.entries) == [(0.0, 10.0), (0.0, 30.0), (90.0, 60.0)]
    assert _days(rep.ledger.commitments) == [(0.0, 10.0), (70.0, 30.0), (90.0, 60.0)]
    assert rep.ledger.committed_by(69.0) == 10.0


@pytest.mark.parametrize(
    ("cancel_day", "lost"),
    [
        (50.0, 10.0),  # 50 days before: the refundable 30 comes back
        (80.0, 40.0),  # 20 days before: the deposit is kept, the balance not yet due
        (95.0, 100.0),  # 5 days before: the balance was paid on day 90
    ],
)
def test_a_cancellation_loses_what_was_non_refundable_by_then(
    cancel_day: float, lost: float
) -> None:
    """The flight planned for day 100, booked on day 0, cancelled before or after the deadline."""
    rep = _rep()
    assert forfeit(rep, _contract(DEPOSIT), 100.0, cancel_day) == lost
    assert rep.ledger.total_usd == lost
    assert rep.drivers.cancelled_usd == lost
    assert rep.ledger.committed_by(cancel_day) == lost
    assert all(entry.day <= cancel_day for entry in rep.ledger.entries)


def test_within_the_owed_in_full_window_the_rest_is_invoiced_on_cancellation() -> None:
    """Stage planned for day 100, cancelled on day 95: 50 paid at booking, 50 invoiced on day 95.

    The deposit's refund window closed on day 86, the whole price was owed from day 93.
    """
    rep = _rep()
    assert forfeit(rep, _contract(STAGE), 100.0, 95.0) == 100.0
    assert _days(rep.ledger.entries) == [(0.0, 50.0), (95.0, 50.0)]
    assert _days(rep.ledger.commitments) == [(86.0, 50.0), (93.0, 50.0)]


def test_a_stage_cancelled_early_costs_nothing() -> None:
    """20 days before the shoot the deposit is still refundable: nothing lost, nothing charged."""
    rep = _rep()
    assert forfeit(rep, _contract(STAGE), 100.0, 80.0) == 0.0
    assert rep.ledger.entries == [] == rep.ledger.commitments


def test_shares_must_add_up_to_the_price() -> None:
    """A schedule whose shares do not add up to 1 is refused with the terms."""
    with pytest.raises(ValueError, match=r"add up to 0.9 \(0.5 \+ 0.4\)"):
        PaymentSchedule.model_validate({"payments": [{"share": 0.5}, {"share": 0.4}]})


def _cancelled_orbit(launch_after_days: int, **orbit):
    """Tiny scenario: orbit certainly cancelled when the crew is ready on day 100."""
    start = dt.date(2027, 1, 4)
    return scenario_from_data(
        tiny_data(
            production__preproduction_days=100,
            sources__orbit={
                "training_days": 100,
                "medical_disqualification_probability": 0,
                "seat_price_usd": 50e6,
                "mission_fee_usd": 10e6,
                "booked_launch_date": (start + dt.timedelta(days=launch_after_days)).isoformat(),
                # planned back from the date, the 100-day training starts on day 0
                "readiness_margin_days": launch_after_days - 100,
                **orbit,
            },
            risks={"cancelled": {"probability": 1, "hits": "orbit", "effect": "cancel"}},
        )
    )


@pytest.mark.parametrize(
    ("launch_after_days", "share"),
    [
        (400, 0.25),  # cancelled 300 days before the slot: the deposit only
        (250, 0.50),  # 150 days before: the instalment due 180 days before was paid on day 70
        (120, 1.00),  # 20 days before: the balance was due 30 days before
    ],
)
def test_a_cancelled_orbit_costs_its_non_refundable_part(
    launch_after_days: int, share: float
) -> None:
    """Two flyers at $50M and a $10M fee: the default schedule's share, not 0 nor always all."""
    outcome = run_replication(_cancelled_orbit(launch_after_days), "orbit", 7, 0)
    costs = outcome.cost_by_category
    assert costs["seats"] == pytest.approx(share * 100e6)
    assert costs["fees"] == pytest.approx(share * 10e6)
    assert outcome.drivers.cancelled_usd == pytest.approx(share * 110e6)
    assert outcome.drivers.launch_attempts == 0


def test_a_flown_orbit_pays_the_same_seats_spread_before_the_launch() -> None:
    """Not cancelled: the whole price, in three payments counted back from the liftoff."""
    scenario = _cancelled_orbit(400)
    flown = scenario.model_copy(update={"risks": {}})
    outcome = run_replication(flown, "orbit", 7, 0)
    seats = [e for e in outcome.ledger.entries if e.category == "seats"]
    launch = outcome.drivers.launch_day
    assert [e.amount_usd for e in seats] == pytest.approx([25e6, 25e6, 50e6])
    assert [e.day for e in seats] == pytest.approx([0.0, launch - 180, launch - 30])


def test_every_cost_is_committed_by_the_end() -> None:
    """Whatever the strategy and draws, the commitments add up to the ledger's total."""
    scenario = scenario_from_data(tiny_data())
    for name in scenario.strategies:
        for index in range(5):
            ledger = run_replication(scenario, name, 7, index).ledger
            committed = sum(entry.amount_usd for entry in ledger.commitments)
            assert committed == pytest.approx(ledger.total_usd, rel=1e-12)


def test_a_cancelled_suborbital_track_keeps_the_non_refundable_deposit() -> None:
    """Virgin Galactic's terms: of a $450k seat, $25k (5.6%) is kept per flyer; two flyers."""
    scenario = scenario_from_data(
        tiny_data(
            sources__suborbital={"seat_price_usd": 450_000, "available_from": "2028-06-01"},
            risks={"gone": {"probability": 1, "hits": "suborbital", "effect": "cancel"}},
        )
    )
    outcome = run_replication(scenario, "mixed", 7, 0)
    lost = [e for e in outcome.ledger.entries if e.account == "suborbital seats (cancelled)"]
    assert [e.amount_usd for e in lost] == pytest.approx([0.056 * 450_000 * 2])
    assert outcome.drivers.suborbital_flights == 0


def test_a_stage_cancelled_a_month_ahead_costs_nothing() -> None:
    """Booked 30 days ahead, the hold deposit is refundable until 14 days before: no cost."""
    scenario = scenario_from_data(
        tiny_data(
            sources__ground={"booking_lead_days": 30},
            risks={"gone": {"probability": 1, "hits": "ground", "effect": "cancel"}},
        )
    )
    outcome = run_replication(scenario, "ground", 7, 0)
    assert outcome.cost_by_category["ground"] == 0
    assert outcome.drivers.cancelled_usd == 0
