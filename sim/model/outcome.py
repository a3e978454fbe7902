"""What one replication produced: the flat record the experiment layer turns into a row."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from sim.model.context import Replication
from sim.model.drivers import NAMES as DRIVERS
from sim.model.drivers import Drivers
from sim.model.ledger import Ledger
from sim.model.timeline import OrbitDay, Timeline
from sim.model.tracks import TRACKS
from sim.scenario.fallbacks import WATCHED
from sim.scenario.quantities import SPACE_KINDS, SceneKind
from sim.scenario.sources import REAL_SOURCES, SOURCES

#: The sources filmed by a track of their own (CGI's shots are the VFX vendor's), in order.
TRACKED: tuple[str, ...] = tuple(s for s in SOURCES if TRACKS[s].campaign is not None)


@dataclass(frozen=True)
class Outcome:
    """Delivery, costs and screen minutes of one replication of one strategy.

    Screen minutes are conserved: the final film's minutes by source plus the minutes cut add
    up to the script's minutes. A source's minutes include what it reshot for another; CGI's
    include the shortfall remade as full-CG shots. The shortfall (minutes a source did not
    deliver of its own plan) ends as reshot, remade or cut minutes. A fallback rule that fired
    moved some of its segment's minutes to other sources: what they delivered is theirs (CGI's
    every minute moved to it), so it is no shortfall; what they missed is.
    """

    strategy: str
    replication: int
    delivered: bool
    delivery_day: float
    blocked_by: str
    critical_track: str
    cost_by_category: dict[str, float]
    planned_by_source: dict[str, float]
    minutes_by_source: dict[str, float]
    shortfall_minutes: float
    reshot_minutes: float
    remade_minutes: float
    cut_minutes: float
    real_share: float
    drivers: Drivers
    #: 1.0 for each risk event that struck, by name, else 0.0.
    risks_struck: dict[str, float]
    ledger: Ledger
    timeline: Timeline
    orbit_log: tuple[OrbitDay, ...] = ()
    #: The day each tracked source's track ended (its reshoot's, if later); NaN: no track.
    done_days: dict[str, float] = field(default_factory=dict)
    #: By source a fallback rule can watch: the day its rule fired (NaN: did not), and the
    #: minutes it moved to other sources (0: none).
    fallback_days: dict[str, float] = field(default_factory=dict)
    moved_minutes: dict[str, float] = field(default_factory=dict)
    #: Per space scene kind, its real minutes over its script minutes; NaN: none scripted.
    real_share_by_kind: dict[str, float] = field(default_factory=dict)

    @property
    def cost_usd(self) -> float:
        """Total cost."""
        return sum(self.cost_by_category.values())

    def driver_columns(self) -> dict[str, float]:
        """The drivers, then the risk events (``risk_<name>``), by their results column."""
        columns = dict(zip(DRIVERS, self.drivers.values(), strict=True))
        columns.update({f"risk_{name}": hit for name, hit in self.risks_struck.items()})
        return columns


def outcome_of(
    rep: Replication,
    *,
    delivery_day: float,
    blocked_by: str,
    critical_track: str,
    obtained: dict[str, dict[SceneKind, float]],
    reshot: dict[str, dict[SceneKind, float]],
    remade_minutes: float,
    cut_minutes: float,
    done_days: dict[str, float] | None = None,
    fallback: dict[str, dict[SceneKind, float]] | None = None,
    fallback_days: dict[str, float] | None = None,
    moved_minutes: dict[str, float] | None = None,
) -> Outcome:
    """Summarise a finished (or stopped) replication.

    `fallback`: what the fallback rules' sources delivered of the minutes moved to them, by
    source; `fallback_days` and `moved_minutes`: by watched source, when its rule fired and
    what it moved.
    """
    script = rep.scenario.script
    plan = rep.plan
    planned: dict[str, float] = {
        source: float(sum(plan.get(source, {}).values())) for source in SOURCES
    }
    own: dict[str, float] = {
        source: float(sum(obtained.get(source, {}).values())) for source in SOURCES
    }
    reshot_by_source = {source: float(sum(reshot.get(source, {}).values())) for source in SOURCES}
    minutes: dict[str, float] = {
        source: own[source] + reshot_by_source[source] for source in SOURCES
    }
    minutes["cgi"] = planned["cgi"] + remade_minutes
    shortfall = sum(planned[s] - own[s] for s in SOURCES if s != "cgi")
    fallback = fallback or {}
    if fallback:  # only then: a strategy whose rules never fired sums as it always did
        taken = {source: float(sum(kinds.values())) for source, kinds in fallback.items()}
        for source, amount in taken.items():
            minutes[source] += amount
        shortfall -= sum(taken.values())
    space_total = sum(script.minutes(kind) for kind in SPACE_KINDS)
    real = 0.0  # summed in this order, so the overall share stays what it was bit for bit
    real_by_kind = dict.fromkeys(SPACE_KINDS, 0.0)
    for footage in (obtained, reshot, fallback):
        for source in REAL_SOURCES:
            kinds = footage.get(source, {})
            for kind in SPACE_KINDS if kinds else ():
                real += kinds.get(kind, 0.0)
                real_by_kind[kind] += kinds.get(kind, 0.0)
    return Outcome(
        strategy=rep.strategy_name,
        replication=rep.streams.replication,
        delivered=math.isfinite(delivery_day),
        delivery_day=delivery_day,
        blocked_by=blocked_by,
        critical_track=critical_track,
        cost_by_category=rep.ledger.by_category(),
        planned_by_source=planned,
        minutes_by_source=minutes,
        shortfall_minutes=shortfall,
        reshot_minutes=sum(reshot_by_source.values()),
        remade_minutes=remade_minutes,
        cut_minutes=cut_minutes,
        real_share=real / space_total if space_total > 0 else math.nan,
        drivers=rep.drivers,
        risks_struck=rep.risks_struck,
        ledger=rep.ledger,
        timeline=rep.timeline,
        orbit_log=tuple(rep.orbit_log),
        done_days={source: (done_days or {}).get(source, math.nan) for source in TRACKED},
        fallback_days={source: (fallback_days or {}).get(source, math.nan) for source in WATCHED},
        moved_minutes={source: (moved_minutes or {}).get(source, 0.0) for source in WATCHED},
        real_share_by_kind={
            kind: real_by_kind[kind] / script.minutes(kind)
            if script.minutes(kind) > 0
            else math.nan
            for kind in SPACE_KINDS
        },
    )
