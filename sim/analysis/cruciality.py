"""Criticality by track: which tracks, had they ended earlier, would have moved delivery.

Picture lock waits for the edit (which starts with the last picture, whichever track brought
it) and for the last VFX shot: lock = max(last picture + editorial days, VFX done). A track is
on the critical path of a replication when its finish is within the slack of picture lock:
a shooting track when it brought the last picture and the edit ended no earlier than VFX;
VFX when it ended no earlier than the edit. Ties count for both, as a zero-float activity
counts as critical in a schedule. The share of delivered replications in which a track is
critical is its criticality index (Primavera Risk Analysis's); the correlation of its finish
day with the delivery day is its duration sensitivity (Safran Risk's); their product is
Primavera's cruciality, the track's share in the spread of the delivery date.

VFX is fed by the tracks (each releases its shots when it ends), so a track whose shots VFX
was still working on at lock also weighed on delivery; that weight shows in the track's
sensitivity, not in its criticality, which counts only the edit's path.
"""

from __future__ import annotations

import numpy as np

from sim.analysis.records import TrackCriticality
from sim.experiment.results import Results
from sim.model.outcome import TRACKED

#: Days within which two finishes count as the same (float rounding of the clock).
TIE_DAYS = 1e-6


def finish_days(results: Results, strategy: str) -> dict[str, np.ndarray]:
    """Each track's finish day per replication, for the tracks the strategy ran ("vfx" too)."""
    found = {}
    for source in TRACKED:
        days = results.column(f"done_{source}_day", strategy).astype(float)
        if np.isfinite(days).any():
            found[source] = days
    vfx = results.column("vfx_done_day", strategy).astype(float)
    if np.isfinite(vfx).any():
        found["vfx"] = vfx
    return found


def critical_paths(results: Results, strategy: str) -> dict[str, np.ndarray]:
    """Per track, whether it was on the critical path of each delivered replication."""
    delivered = np.isfinite(results.column("delivery_day", strategy).astype(float))
    picture = results.column("picture_done_day", strategy).astype(float)[delivered]
    edit = picture + results.column("editorial_days", strategy).astype(float)[delivered]
    tracks = {name: days[delivered] for name, days in finish_days(results, strategy).items()}
    vfx = tracks.get("vfx", np.full(edit.size, np.nan))
    vfx_known = np.isfinite(vfx)
    lock = np.where(vfx_known, np.fmax(edit, vfx), edit)
    edit_binds = edit >= lock - TIE_DAYS
    found = {}
    for name, days in tracks.items():
        if name == "vfx":
            found[name] = vfx_known & (vfx >= lock - TIE_DAYS)
        else:
            found[name] = edit_binds & np.isfinite(days) & (days >= picture - TIE_DAYS)
    return found


def track_criticality(results: Results, strategy: str) -> dict[str, TrackCriticality]:
    """Criticality, duration sensitivity and cruciality of each track, most critical first."""
    delivery = results.column("delivery_day", strategy).astype(float)
    delivered = np.isfinite(delivery)
    paths = critical_paths(results, strategy)
    found = {}
    for name, all_days in finish_days(results, strategy).items():
        days = all_days[delivered]
        criticality = float(np.mean(paths[name])) if paths[name].size else 0.0
        sensitivity = _correlation(days, delivery[delivered])
        finite = days[np.isfinite(days)]
        found[name] = TrackCriticality(
            criticality=criticality,
            sensitivity=sensitivity,
            cruciality=None if sensitivity is None else criticality * sensitivity,
            finish_day_p50=(
                float(np.percentile(finite, 50, method="inverted_cdf")) if finite.size else None
            ),
        )
    return dict(sorted(found.items(), key=lambda item: -item[1].criticality))


def _correlation(x: np.ndarray, y: np.ndarray) -> float | None:
    """Pearson's correlation over the pairs both known; None when either does not vary."""
    known = np.isfinite(x) & np.isfinite(y)
    if known.sum() < 3 or np.ptp(x[known]) == 0 or np.ptp(y[known]) == 0:
        return None
    return float(np.corrcoef(x[known], y[known])[0, 1])
