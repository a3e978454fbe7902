"""Fallback rules: when a segment's trigger fires, cancel it and move its minutes elsewhere.

A strategy's rule watches one segment (its `source`: a flight campaign) and names what fires it
(`when`: any of its triggers, whichever comes first; a risk event cancelling the segment fires
it at once, whatever they say) and where the minutes still unfilmed then go (`move_to`: each
scene kind's minutes to the first source listed that can film it; what none can film goes to
the strategy's shortfall policy). The triggers a source's campaign
checks are declared in its `SourceSpec.triggers`, so a rule naming one its source does not
check is refused with the list. Also the checks that need the whole strategy (the source is
planned, the destinations can film the kinds), which `Scenario.problems()` gathers.

Knows nothing of SimPy: the model's side is `sim.model.fallback`.
"""

from __future__ import annotations

import datetime as dt

from pydantic import Field, model_validator

from sim.core.errors import Problem
from sim.scenario.quantities import SCENE_KINDS, Count, Date, Node, Number, SceneKind
from sim.scenario.sources import REGISTRY, SOURCES, SourceName, can_deliver

#: The triggers a rule can name, each with what makes it fire. Which sources check which is
#: their `SourceSpec.triggers`.
TRIGGERS: dict[str, str] = {
    "not_launched_by": "the segment's first flight has not flown by this date",
    "not_done_by": "the segment still has flights to fly on this date",
    "slots_missed": "this many launch slots lost: closed without a launch, or lost to a crew"
    " not ready for its booked slot",
    "grounded_days": "the fleet grounded this many days longer than the film planned for:"
    " past the announced end of the operator's pause, or since a grounding between flights"
    " began",
}

#: Sources a rule can watch: those whose campaign checks at least one trigger.
WATCHED: tuple[str, ...] = tuple(name for name, spec in REGISTRY.items() if spec.triggers)

#: Sources a rule can move minutes to: any that can start late, after its booking lead; the
#: orbit trains its crew from the production's first day, so it cannot take minutes over.
DESTINATIONS: tuple[str, ...] = tuple(
    name for name, spec in REGISTRY.items() if spec.reshoot or not spec.flies_crew
)

for _source, _spec in REGISTRY.items():
    _unknown = [trigger for trigger in _spec.triggers if trigger not in TRIGGERS]
    if _unknown:
        raise TypeError(f"source {_source} declares unknown fallback triggers {_unknown}")


class When(Node):
    """What fires a fallback rule: any of its triggers, whichever comes first."""

    not_launched_by: Date | None = Field(
        default=None, description=TRIGGERS["not_launched_by"] + " (orbit, suborbital, parabolic)"
    )
    not_done_by: Date | None = Field(
        default=None,
        description=TRIGGERS["not_done_by"] + "; the flights flown keep their footage (orbit,"
        " suborbital, parabolic)",
    )
    slots_missed: Count | None = Field(
        default=None, ge=1, le=100, description=TRIGGERS["slots_missed"] + " (orbit)"
    )
    grounded_days: Number | None = Field(
        default=None, gt=0, le=36_500, description=TRIGGERS["grounded_days"] + " (suborbital)"
    )

    @model_validator(mode="after")
    def _one_at_least(self) -> When:
        if not self.named():
            raise ValueError("no trigger; name at least one of: " + ", ".join(TRIGGERS))
        return self

    def named(self) -> dict[str, dt.date | float]:
        """The triggers given, by name, in `TRIGGERS` order."""
        found = {name: getattr(self, name) for name in TRIGGERS}
        return {name: value for name, value in found.items() if value is not None}


class Fallback(Node):
    """A rule: when a trigger fires, cancel the segment and move its unfilmed minutes."""

    description: str = Field(default="", description="what the rule is for")
    source: SourceName = Field(
        description="the segment the rule watches, and cancels when a trigger fires: "
        + ", ".join(WATCHED)
    )
    when: When = Field(
        description="the triggers: the first to come fires the rule (a risk event that cancels"
        " the segment fires it at once)"
    )
    move_to: list[SourceName] = Field(
        min_length=1,
        max_length=len(SOURCES),
        description="where the unfilmed minutes go: each scene kind's to the first source"
        " listed that can film it, which then runs its own campaign (cgi: full-CG shots); what"
        " none can film goes to the strategy's shortfall policy",
    )

    def trigger_text(self) -> str:
        """The triggers as a producer reads them: ``not launched by 2028-06-01 or ...``."""
        words = {
            "not_launched_by": "not launched by {}",
            "not_done_by": "not done by {}",
            "slots_missed": "{} slots missed",
            "grounded_days": "grounded {} d past the plan",
        }
        parts = []
        for name, value in self.when.named().items():
            shown = f"{value:g}" if isinstance(value, float | int) else str(value)
            parts.append(words[name].format(shown))
        return " or ".join(parts)


def assign(
    move_to: list[str], minutes: dict[SceneKind, float]
) -> tuple[dict[str, dict[SceneKind, float]], dict[SceneKind, float]]:
    """Each kind's `minutes` to the first of `move_to` that can film it; and what none can.

    Kinds with no minutes are left out of both.
    """
    moved: dict[str, dict[SceneKind, float]] = {}
    left: dict[SceneKind, float] = {}
    for kind, amount in minutes.items():
        if amount <= 0:
            continue
        taker = next((source for source in move_to if can_deliver(source, kind)), None)
        if taker is None:
            left[kind] = amount
        else:
            moved.setdefault(taker, {})[kind] = amount
    return moved, left


def problems(
    strategy: str,
    fallbacks: dict[str, Fallback],
    plan: dict[str, dict[SceneKind, float]],
    *,
    start_date: dt.date,
    free_flyer: bool,
) -> list[Problem]:
    """Every problem of one strategy's rules, each with its key path.

    `plan` is the strategy's planned minutes per source and kind; `free_flyer` whether the
    orbit flies a free flyer (it has no slots to miss).
    """
    found: list[Problem] = []
    watched: dict[str, str] = {}
    for name, rule in fallbacks.items():
        base = f"strategies.{strategy}.fallbacks.{name}"
        source = rule.source
        checked = REGISTRY[source].triggers
        if not checked:
            found.append(
                Problem(
                    f"{base}.source",
                    f"no rule can watch {source}: its track has no trigger to check; watch one"
                    " of: " + ", ".join(WATCHED),
                )
            )
            continue
        if source in watched:
            found.append(
                Problem(
                    f"{base}.source",
                    f"rule '{watched[source]}' already watches {source}; give one rule all"
                    " its triggers (the first to come fires it)",
                )
            )
        watched.setdefault(source, name)
        if source not in plan:
            found.append(
                Problem(
                    f"{base}.source",
                    f"the strategy plans no minutes on {source}, so there is nothing to watch;"
                    f" give {source} a share of the split or remove the rule",
                )
            )
        found += _trigger_problems(base, rule, checked, start_date=start_date, free=free_flyer)
        found += _move_problems(base, rule, plan.get(source, {}))
    return found


def _trigger_problems(
    base: str, rule: Fallback, checked: tuple[str, ...], *, start_date: dt.date, free: bool
) -> list[Problem]:
    found = []
    for trigger, value in rule.when.named().items():
        path = f"{base}.when.{trigger}"
        if trigger not in checked:
            found.append(
                Problem(
                    path,
                    f"{trigger} does not apply to {rule.source}; its campaign checks: "
                    + ", ".join(checked),
                )
            )
        elif trigger == "slots_missed" and free:
            found.append(
                Problem(
                    path,
                    "a free flyer has no launch slots to miss (sources.orbit.mission:"
                    " free_flyer); use not_launched_by instead",
                )
            )
        elif isinstance(value, dt.date) and value <= start_date:
            found.append(
                Problem(
                    path,
                    f"{value} is not after the production's start_date {start_date}; give a"
                    " date the segment could still meet",
                )
            )
    return found


def _move_problems(base: str, rule: Fallback, planned: dict[SceneKind, float]) -> list[Problem]:
    found = []
    path = f"{base}.move_to"
    seen: set[str] = set()
    kinds = [kind for kind in SCENE_KINDS if planned.get(kind, 0.0) > 0]
    for index, source in enumerate(rule.move_to):
        where = f"{path}[{index}]"
        if source == rule.source:
            found.append(Problem(where, f"{source} is the segment the rule cancels; name another"))
            continue
        if source in seen:
            found.append(Problem(where, f"{source} is listed twice; list each source once"))
            continue
        seen.add(source)
        if source not in DESTINATIONS:
            found.append(
                Problem(
                    where,
                    f"{source} cannot take minutes over late (its crew trains from the"
                    " production's start); move them to one of: " + ", ".join(DESTINATIONS),
                )
            )
            continue
        films = [kind for kind in kinds if can_deliver(source, kind)]
        if kinds and not films:
            found.append(
                Problem(
                    where,
                    f"{source} can film none of the kinds {rule.source} is planned for ("
                    + ", ".join(kinds)
                    + "); name a source that can, or cgi",
                )
            )
    return found
