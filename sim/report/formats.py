"""How the terminal tables write numbers, dates and headers: shared by every table module."""

from __future__ import annotations

import datetime as dt

from sim.analysis.records import Precision


def money_text(value: float) -> str:
    """Dollars as millions to one decimal (226.4)."""
    return f"{value / 1e6:,.1f}"


def short_text(value: float) -> str:
    """Millions to three figures (226, 24.9, 3.3); nothing as a dash."""
    millions = value / 1e6
    if millions == 0:
        return "-"
    return f"{millions:,.0f}" if millions >= 100 else f"{millions:.1f}"


def precision_text(precision: Precision) -> str:
    """How well the run knows its P80s (the widest 95% interval over strategies)."""
    cost, delivery = precision.cost_p80, precision.delivery_p80
    known = "P80s known to" if delivery is not None else "P80 cost known to"
    text = f"{known} ±{cost:.1%} (cost)" if cost is not None else "P80 cost not known"
    if delivery is not None:
        text += f" and ±{delivery:.1%} of the duration (delivery)"
    else:
        text += "; a P80 delivery is never: more than 20% of its replications never deliver"
    return text + " at 95% confidence."


def date_text(date: dt.date | None) -> str:
    """An ISO date; a day never reached as 'never'."""
    return "never" if date is None else date.isoformat()


def minutes_text(value: float) -> str:
    """Screen minutes to one decimal; none as a dash."""
    return f"{value:.1f}" if value else "-"


def share_text(value: float | None) -> str:
    """A share as a whole percentage; unknown as a dash."""
    return "-" if value is None else f"{value:.0%}"


def narrow_header(label: str) -> str:
    """A source's label as a narrow column header: a word a line, a long word hyphenated."""
    words = [
        word if len(word) <= 7 else f"{word[: len(word) // 2]}-\n{word[len(word) // 2 :]}"
        for word in label.split()
    ]
    return "\n".join(words)
