"""Simulation time is days (float) from the production's start date; reports show dates."""

from __future__ import annotations

import datetime as dt
import math


def day_of(start: dt.date, date: dt.date) -> float:
    """Simulation day of a calendar date."""
    return float((date - start).days)


def date_of(start: dt.date, day: float) -> dt.date | None:
    """Calendar date on which simulation day `day` falls; None for a day that never came."""
    if not math.isfinite(day):
        return None
    return start + dt.timedelta(days=math.floor(day))
