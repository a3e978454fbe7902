"""The registers of the run's page: the risk events as the scenario gives them, and every input.

Both list text from the scenario, escaped. An input's source is its default's citation, the
comment the file wrote beside it (`sim.scenario.yaml_text`), or none: then it shows in red as
set in the scenario with no source given.
"""

from __future__ import annotations

from sim.report.assumptions import Assumption, Risk
from sim.report.html import escape


def risks_html(risks: list[Risk]) -> str:
    """The risk register as written: each event, its owner, chance, impact, source, mitigations."""
    if not risks:
        return "<p>The scenario has no risk events.</p>"
    rows = "".join(
        f"<tr><td><b>{escape(r.name)}</b><br>{escape(r.description)}</td>"
        f"<td>{escape(r.owner)}</td><td class='right'>{r.probability:.1%}</td>"
        f"<td>{escape(r.hits)}</td><td>{escape(r.impact)}</td>{_source(r.source)}"
        f"<td>{'<br>'.join(escape(m) for m in r.mitigations)}</td></tr>"
        for r in risks
    )
    return (
        "<div class='scroll'><table><caption>Risk events as the scenario gives them</caption>"
        "<thead><tr><th>event</th><th>owner</th><th class='right'>chance</th><th>strikes</th>"
        "<th>impact</th><th>source</th><th>mitigations</th></tr>"
        f"</thead><tbody>{rows}</tbody></table></div><p class='note'>Each event strikes a"
        " replication at most once, with its chance; the measured register below gives what"
        " each cost in this run.</p>"
    )


def assumptions_html(assumptions: list[Assumption]) -> str:
    """Every input with its value and source, a folded section per part of the scenario.

    Printed, every section is unfolded (`details::details-content` in the page's print style).
    """
    uncited = sum(a.source is None for a in assumptions)
    sections: dict[str, list[Assumption]] = {}
    for assumption in assumptions:
        parts = assumption.path.split(".")
        section = ".".join(parts[:2]) if parts[0] == "sources" else parts[0]
        sections.setdefault(section, []).append(assumption)
    blocks = []
    for section, items in sections.items():
        rows = "".join(
            f"<tr><td><code>{escape(a.path)}</code></td><td>{escape(a.value)}</td>"
            f"<td>{'default' if a.default else 'this scenario'}</td>"
            f"{_source(a.source, a.from_comment)}</tr>"
            for a in items
        )
        blocks.append(
            f"<details><summary>{escape(section)} ({len(items)})</summary>"
            "<div class='scroll'><table><thead><tr><th>key</th><th>value</th><th>set by</th>"
            f"<th>source</th></tr></thead><tbody>{rows}</tbody></table></div></details>"
        )
    return (
        f"<p>{len(assumptions)} inputs, {len(assumptions) - uncited} with a cited source. The "
        "others are set in the scenario itself: the film's own facts (dates, budget, script) "
        "or choices to check. <span class='screen-only'>Open a section to read them.</span></p>"
        + "".join(blocks)
    )


def _source(source: str | None, from_comment: bool = False) -> str:
    if source is None:
        return "<td class='uncited'>set in this scenario, no source given</td>"
    if from_comment:  # the comment the file wrote beside the value
        return f"<td>set in this scenario: {escape(source)}</td>"
    return f"<td>{escape(source)}</td>"
