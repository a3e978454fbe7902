"""Fallback rules in the model: each trigger fires, or not, on a hand-made campaign.

Also what the cancelled bookings forfeit (worked out by hand), where the minutes go, and that a
rule which never fires changes nothing, bit for bit.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pytest
import simpy

from sim.core.rng import Streams
from sim.model.context import Replication
from sim.model.fallback import Watch
from sim.model.launch import launch_campaign
from sim.model.parabolic import fly_parabolic
from sim.model.production import Book, produce
from sim.model.replication import Opening, run_replication
from sim.model.suborbital import fly_suborbital
from sim.model.vfx import Vendors
from sim.scenario.fallbacks import Fallback, When, assign
from sim.scenario.load import scenario_from_data
from sim.scenario.schema import Scenario
from sim.scenario.sources import SOURCES
from tests.conftest import replication_of, tiny_data

START = dt.date(2027, 1, 4)

#: A zero-g campaign worked out by hand: 1.5 screen minutes a flight (15 x 20 s x 3 cameras
#: / 10), two flights a day after a 10-day lead, $250,000 a charter, half at booking and the
#: balance 14 days before the flight.
PARABOLIC = {
    "booking_lead_days": 10,
    "parabolas_per_flight": 15,
    "weightless_seconds_per_parabola": 20,
    "usable_fraction": 1,
    "cameras": 3,
    "shooting_ratio": 10,
    "flight_cancel_probability": 0,
    "flights_per_day": 2,
    "charter_usd": 250_000,
    "max_flights": 40,
    "payments": {"payments": [{"share": 0.5}, {"share": 0.5, "due_days_before": 14}]},
}

#: A suborbital campaign of one screen minute a flight, 60 days apart, two flyers at $450,000
#: a seat, 10% at booking and the rest 30 days before the flight.
SUBORBITAL = {
    "training_days": 6,
    "flight_interval_days": 60,
    "flights_per_year": None,
    "slip_days": 0,
    "weather_scrub_probability": 0,
    "technical_scrub_probability": 0,
    "weather_recycle_days": 2,
    "technical_recycle_days": 5,
    "grounding_probability": 0,
    "weightless_minutes_per_flight": 3.5,
    "cameras": 2,
    "shooting_ratio": 7,
    "medical_disqualification_probability": 0,
    "seat_price_usd": 450_000,
    "max_flights": 1_000,
    "payments": {"payments": [{"share": 0.1}, {"share": 0.9, "due_days_before": 30}]},
}


def watch_of(
    source: str, *, not_launched: float = math.inf, not_done: float = math.inf, **when: Any
) -> Watch:
    """A watch on `source` with its days given directly (as a date's day would be)."""
    rule = Fallback(
        source=source, when=When(**(when or {"not_done_by": "2030-01-01"})), move_to=["cgi"]
    )
    return Watch("plan_b", rule, not_launched_day=not_launched, not_done_day=not_done)


def fly(kind: str, settings: dict, plan: dict, watch: Watch | None) -> tuple[Replication, dict]:
    """Run one campaign from day 0 under `watch`; return the replication and its minutes."""
    scenario = scenario_from_data(tiny_data(**{f"sources__{kind}": settings}))
    rep = replication_of(scenario, "mixed")
    rep.watch = watch
    process_of = {"parabolic": fly_parabolic, "suborbital": fly_suborbital}[kind]
    process = rep.env.process(process_of(rep, getattr(scenario.sources, kind), plan, 0.0))
    rep.env.run()
    return rep, process.value


def fired(rep: Replication) -> list[tuple[float, str]]:
    return [(m.day, m.name) for m in rep.timeline.milestones if m.name.startswith("fallback")]


# --- parabolic ----------------------------------------------------------------------------


def test_a_date_during_the_booking_lead_cancels_the_campaign_and_loses_the_deposit() -> None:
    """6 minutes need 4 flights; the date comes on day 5 of the 10-day lead: nothing flown.

    The balance falls due 14 days before day 10, so at the booking (day 0): both halves of
    the 4 charters were paid, and are lost.
    """
    watch = watch_of("parabolic", not_launched=5.0, not_launched_by="2030-01-01")
    rep, got = fly("parabolic", PARABOLIC, {"weightless_interior": 6.0}, watch)
    assert got == {"weightless_interior": 0.0}
    assert rep.env.now == 5.0
    assert watch.fired_day == 5.0
    assert fired(rep) == [(5.0, "fallback plan_b fired (not launched by 2030-01-01)")]
    assert rep.drivers.cancelled_usd == pytest.approx(4 * 250_000)
    assert rep.drivers.parabolic_flights == 0


def test_a_date_far_enough_ahead_loses_only_the_deposit() -> None:
    """A 30-day lead, the date on day 5: the balance, due on day 16, is refunded."""
    watch = watch_of("parabolic", not_launched=5.0, not_launched_by="2030-01-01")
    rep, _ = fly(
        "parabolic", {**PARABOLIC, "booking_lead_days": 30}, {"weightless_interior": 6.0}, watch
    )
    assert rep.drivers.cancelled_usd == pytest.approx(0.5 * 4 * 250_000)
    assert rep.ledger.by_category()["seats"] == pytest.approx(0.5 * 4 * 250_000)


def test_not_done_by_stops_a_campaign_under_way_and_keeps_what_was_flown() -> None:
    """A campaign under way stops on the date and keeps what it flew.

    30 minutes = 20 flights from day 10, two a day; the date is day 13.5: days 10-13 fly 8
    flights (12 minutes), the 12 flights left, their balance already due, are lost whole.
    """
    watch = watch_of("parabolic", not_done=13.5)
    rep, got = fly("parabolic", PARABOLIC, {"weightless_interior": 30.0}, watch)
    assert got == {"weightless_interior": pytest.approx(12.0)}
    assert rep.drivers.parabolic_flights == 8
    assert rep.env.now == 13.5
    assert rep.drivers.cancelled_usd == pytest.approx(12 * 250_000)
    assert rep.ledger.by_category()["seats"] == pytest.approx(20 * 250_000)


def test_a_date_after_the_campaign_changes_nothing() -> None:
    """The campaign ends on day 20; a date on day 21 leaves every entry as without the rule."""
    plan = {"weightless_interior": 30.0}
    rep, got = fly("parabolic", PARABOLIC, plan, watch_of("parabolic", not_done=21.0))
    bare, bare_got = fly("parabolic", PARABOLIC, plan, None)
    assert got == bare_got
    assert rep.ledger.entries == bare.ledger.entries
    assert rep.env.now == bare.env.now == 20.0
    assert fired(rep) == []


# --- suborbital ---------------------------------------------------------------------------


def test_a_pause_overrunning_its_announced_end_fires_grounded_days() -> None:
    """The pause past its announced end by the rule's days fires it.

    Paused from day 0 for at least 100 days, 200 over: flies day 300. 90 days past the
    announced end is day 190: the first flight's seats lose their 10% deposit (2 x $450,000).
    """
    settings = {
        **SUBORBITAL,
        "pause": {"since": "2027-01-04", "at_least_days": 100, "overrun_days": 200},
    }
    watch = watch_of("suborbital", grounded_days=90)
    rep, got = fly("suborbital", settings, {"weightless_interior": 3.0}, watch)
    assert got == {"weightless_interior": 0.0}
    assert fired(rep) == [(190.0, "fallback plan_b fired (grounded 90 d past the plan)")]
    assert rep.drivers.cancelled_usd == pytest.approx(0.1 * 2 * 450_000)
    assert rep.drivers.suborbital_flights == 0


def test_a_pause_within_the_rule_s_days_flies_as_without_it() -> None:
    """The same pause with 250 days allowed: three flights from day 300, as with no rule."""
    settings = {
        **SUBORBITAL,
        "pause": {"since": "2027-01-04", "at_least_days": 100, "overrun_days": 200},
    }
    plan = {"weightless_interior": 3.0}
    rep, got = fly("suborbital", settings, plan, watch_of("suborbital", grounded_days=250))
    bare, bare_got = fly("suborbital", settings, plan, None)
    assert got == bare_got == {"weightless_interior": pytest.approx(3.0)}
    assert rep.ledger.entries == bare.ledger.entries
    assert [m.day for m in rep.timeline.milestones] == [300.0, 360.0, 420.0]


def test_a_grounding_between_flights_fires_once_it_lasts_the_rule_s_days() -> None:
    """A grounding fires the rule once it has lasted the rule's days.

    Every flight grounded 400 days from the last one (or the start): with 100 days allowed
    the rule fires on day 100, before the first flight, its seats' 10% lost.
    """
    settings = {
        **SUBORBITAL,
        "available_from": "2027-03-01",
        "grounding_probability": 1,
        "grounding_days": 400,
    }
    watch = watch_of("suborbital", grounded_days=100)
    rep, _ = fly("suborbital", settings, {"weightless_interior": 3.0}, watch)
    assert watch.fired_day == 100.0
    assert rep.drivers.cancelled_usd == pytest.approx(0.1 * 2 * 450_000)


def test_not_launched_by_stops_applying_once_the_first_flight_flew() -> None:
    """not_launched_by lapses with the first flight; not_done_by does not.

    Flights on days 56, 116, 176: a not_launched_by date on day 100 never fires; a
    not_done_by date on day 100 stops the campaign after one flight.
    """
    settings = {**SUBORBITAL, "available_from": "2027-03-01"}
    plan = {"weightless_interior": 3.0}
    rep, got = fly("suborbital", settings, plan, watch_of("suborbital", not_launched=100.0))
    assert got == {"weightless_interior": pytest.approx(3.0)}
    assert fired(rep) == []
    rep, got = fly("suborbital", settings, plan, watch_of("suborbital", not_done=100.0))
    assert got == {"weightless_interior": pytest.approx(1.0)}
    assert [day for day, _ in fired(rep)] == [100.0]
    # The second flight, booked at the first (day 56) for day 116: 10% at booking and the
    # rest, due on day 86, both paid by day 100: lost whole.
    assert rep.drivers.cancelled_usd == pytest.approx(2 * 450_000)


# --- orbit --------------------------------------------------------------------------------

ORBIT = {
    "booked_launch_date": "2028-01-04",  # day 365
    "slip_days": 0,
    "seat_price_usd": 50e6,
    "mission_fee_usd": 10e6,
}


@pytest.mark.parametrize("slots", [1, 2])
def test_slots_missed_fires_as_the_n_th_slot_closes(slots: int) -> None:
    """A rule of N slots fires as the N-th slot closes without a launch, not before.

    Every attempt is scrubbed, so each slot closes after its slot_days (20); the campaign
    returns no liftoff.
    """
    orbit = {
        "technical_scrub_probability": 1,
        "weather_scrub_probability": 0,
        "recovery_zone_hold_probability": 0,
        "slip_days": 0,
        "slot_days": 20,
        "window_minutes": 0,
    }
    scenario = scenario_from_data(tiny_data(sources__orbit=orbit, risks={}))
    rep = replication_of(scenario, "orbit")
    rep.watch = watch_of("orbit", slots_missed=slots)
    process = rep.env.process(launch_campaign(rep, scenario.sources.orbit, 0.0, 0.0))
    rep.env.run()
    assert process.value is None
    assert rep.drivers.slots_missed == slots
    ((day, name),) = fired(rep)
    assert name.endswith(f"({slots} slots missed)")
    if slots == 1:
        assert day == pytest.approx(20.0, abs=1.0)
    else:
        assert day > 40.0  # the second slot opened a drawn gap after the first closed


def rule_data(when: dict, move_to: list[str], **orbit: Any) -> dict:
    """The tiny scenario, no risks, its orbit strategy watched by a rule."""
    data = tiny_data(sources__orbit={**ORBIT, **orbit}, risks={})
    data["strategies"]["orbit"]["fallbacks"] = {
        "late_launch": {"source": "orbit", "when": when, "move_to": move_to}
    }
    return data


@pytest.mark.parametrize(
    ("date", "share"),
    [
        ("2027-05-01", 0.25),  # day 117: more than 180 days before the launch: the booking's 25%
        ("2027-11-01", 0.50),  # day 301: the 25% due 180 days before is paid, the 50% not yet
    ],
)
def test_a_launch_not_made_by_the_date_forfeits_what_the_schedule_committed(date, share) -> None:
    """Cancelled on the date, the share of the price the schedule had committed is lost.

    Two seats at $50M and a $10M mission fee booked at day 0 for day 365: 25% at booking,
    25% 180 days before, 50% 30 days before.
    """
    scenario = scenario_from_data(
        rule_data({"not_launched_by": date}, ["parabolic", "stock", "cgi"])
    )
    outcome = run_replication(scenario, "orbit", 7, 0, record=True)
    day = float((dt.date.fromisoformat(date) - START).days)
    assert outcome.fallback_days["orbit"] == day
    assert outcome.drivers.cancelled_usd == pytest.approx(share * (2 * 50e6 + 10e6))
    assert outcome.minutes_by_source["orbit"] == 0.0
    assert outcome.moved_minutes["orbit"] == pytest.approx(outcome.planned_by_source["orbit"])
    names = [m.name for m in outcome.timeline.milestones]
    assert f"fallback late_launch fired (not launched by {date})" in names
    assert "parabolic fallback done" in names
    assert "stock fallback done" in names
    tracks = {span.track for span in outcome.timeline.spans}
    assert {"parabolic fallback", "stock fallback"} <= tracks


def produced(scenario: Scenario, strategy: str, index: int) -> tuple[Replication, Book]:
    """One replication's production, its book kept (as `run_replication` runs it)."""
    opening = Opening.draw(scenario, 7, index)
    rep = Replication(simpy.Environment(), scenario, strategy, Streams(7, index))
    rep.pending_risks = dict(opening.register)
    vendors = Vendors(scenario.sources.cgi, opening.preproduction_days, opening.vendor_rates_usd)
    book = Book(vendors=vendors)
    rep.env.process(produce(rep, book, opening.preproduction_days))
    rep.env.run(until=scenario.simulation.horizon_days)
    return rep, book


@pytest.mark.parametrize("index", range(6))
def test_minutes_are_conserved_planned_is_obtained_plus_moved_plus_shortfall(index) -> None:
    """The segment's plan = what it filmed + what the rule moved + what none can film.

    The aircraft films only weightless interiors. The destinations' footage is at most what
    was moved; the film's minutes plus cuts = the script; the shortfall ends reshot, remade
    or cut.
    """
    scenario = scenario_from_data(
        rule_data({"not_launched_by": "2027-11-01"}, ["parabolic"])
        | {"strategies": {"o": _orbit_everything()}}
    )
    rep, book = produced(scenario, "o", index)
    planned = rep.plan["orbit"]
    own = book.obtained["orbit"]
    moved, left = assign(["parabolic"], {k: planned[k] - own[k] for k in planned})
    assert set(moved) == {"parabolic"}
    assert set(left) == set(planned) - {"weightless_interior"}
    assert book.moved_minutes["orbit"] == pytest.approx(
        sum(sum(m.values()) for m in moved.values())
    )
    delivered = sum(sum(kinds.values()) for kinds in book.fallback.values())
    assert delivered <= book.moved_minutes["orbit"] + 1e-9
    outcome = run_replication(scenario, "o", 7, index)
    assert sum(outcome.minutes_by_source.values()) + outcome.cut_minutes == pytest.approx(
        scenario.script.total
    )
    assert outcome.shortfall_minutes == pytest.approx(
        outcome.reshot_minutes + outcome.remade_minutes + outcome.cut_minutes
    )
    planned_total = sum(outcome.planned_by_source[s] for s in SOURCES if s != "cgi")
    own_total = sum(sum(kinds.values()) for kinds in book.obtained.values())
    assert planned_total == pytest.approx(own_total + delivered + outcome.shortfall_minutes)


def _orbit_everything() -> dict:
    return {
        "split": {
            "weightless_interior": {"orbit": 1},
            "earth_view": {"orbit": 1},
            "exterior_eva": {"orbit": 1},
            "launch_landing": {"orbit": 1},
            "ground_drama": {"ground": 1},
        },
        "fallbacks": {
            "late_launch": {
                "source": "orbit",
                "when": {"not_launched_by": "2027-11-01"},
                "move_to": ["parabolic"],
            }
        },
    }


@pytest.mark.parametrize("index", range(8))
def test_a_rule_that_never_fires_changes_nothing_bit_for_bit(index) -> None:
    """A date past the horizon: every entry, minute and milestone as without the rule."""
    with_rule = scenario_from_data(rule_data({"not_launched_by": "2036-01-01"}, ["cgi"]))
    without = scenario_from_data(tiny_data(sources__orbit=ORBIT, risks={}))
    a = run_replication(with_rule, "orbit", 7, index)
    b = run_replication(without, "orbit", 7, index)
    assert a.ledger.entries == b.ledger.entries
    assert a.delivery_day == b.delivery_day
    assert a.minutes_by_source == b.minutes_by_source
    assert a.timeline.milestones == b.timeline.milestones
    assert math.isnan(a.fallback_days["orbit"])
    assert a.moved_minutes["orbit"] == 0.0


@pytest.mark.parametrize("index", range(3))
def test_a_cancelled_segment_fires_its_rule_at_once_and_its_minutes_move(index) -> None:
    """A risk event cancels the orbit: the rule fires that day, whatever its date says.

    Every planned orbital minute moves (nothing was filmed): weightless interiors to the
    aircraft, the rest to stock and CGI; only what those miss goes to the shortfall policy.
    The date is years away, so without the cancellation the rule could not have fired by
    then. The cancellation still costs what it costs without the rule: the same ledger
    entries under ``orbit``.
    """
    data = rule_data({"not_launched_by": "2031-01-01"}, ["parabolic", "stock", "cgi"])
    data["risks"] = {"gone": {"probability": 1.0, "hits": "orbit", "effect": "cancel"}}
    scenario = scenario_from_data(data)
    outcome = run_replication(scenario, "orbit", 7, index, record=True)
    planned = outcome.planned_by_source["orbit"]
    assert outcome.moved_minutes["orbit"] == pytest.approx(planned)
    assert outcome.minutes_by_source.get("orbit", 0.0) == 0.0
    _, book = produced(scenario, "orbit", index)
    delivered = sum(sum(kinds.values()) for kinds in book.fallback.values())
    assert delivered > planned / 2
    own = sum(sum(kinds.values()) for kinds in book.obtained.values())
    planned_total = sum(outcome.planned_by_source[s] for s in SOURCES if s != "cgi")
    assert planned_total == pytest.approx(own + delivered + outcome.shortfall_minutes)
    milestones = {m.name: m.day for m in outcome.timeline.milestones}
    fired = milestones["fallback late_launch fired (segment cancelled)"]
    assert fired == outcome.fallback_days["orbit"] < 400  # day 1,458 is the rule's date
    without = scenario_from_data({**data, "strategies": tiny_data()["strategies"]})
    plain = run_replication(without, "orbit", 7, index)
    assert plain.shortfall_minutes >= planned  # all of it to the policy: CGI remakes
    orbit_costs = [e for e in outcome.ledger.entries if e.category == "orbit"]
    assert orbit_costs == [e for e in plain.ledger.entries if e.category == "orbit"]


def test_a_rule_fired_in_pre_production_starts_its_campaigns_when_it_ends() -> None:
    """Cancelled while the crew trains, before pre-production ends: the rule fires then.

    The campaigns it moves minutes to start on pre-production's last day, as planned ones do.
    """
    data = rule_data({"not_launched_by": "2031-01-01"}, ["parabolic", "stock", "cgi"])
    data["risks"] = {"gone": {"probability": 1.0, "hits": "orbit", "effect": "cancel"}}
    data["production"]["preproduction_days"] = 420  # past the booked launch's day 365
    outcome = run_replication(scenario_from_data(data), "orbit", 7, 0, record=True)
    assert outcome.fallback_days["orbit"] < 365
    moved = [span for span in outcome.timeline.spans if span.track.endswith(" fallback")]
    assert {span.track for span in moved} == {"parabolic fallback", "stock fallback"}
    assert min(span.start for span in moved) == pytest.approx(420.0)
