"""The orbital launch campaign against analytic results and the range's record."""

from __future__ import annotations

import math

import numpy as np
import simpy

from cases.common import SEED, Case, Verdict, starter, table
from sim.core.rng import Streams
from sim.model.context import Replication
from sim.model.drivers import Drivers
from sim.model.timeline import Milestone
from sim.scenario.schema import Scenario

#: Standard errors a mean may lie from the law and still agree with it.
AGREE_SE = 4.0

#: The day the campaigns below are booked on (a weekday in the starter's first year).
BOOKED = 100.0


def campaigns(
    scenario: Scenario, n: int, until: float = BOOKED + 2_000
) -> list[tuple[Drivers, list[Milestone]]]:
    """Run `n` launch campaigns alone, booked on `BOOKED`: each one's drivers and milestones."""
    from sim.model.launch import launch_campaign  # noqa: PLC0415

    runs = []
    for index in range(n):
        rep = Replication(simpy.Environment(), scenario, "orbit", Streams(SEED, index))
        rep.env.process(launch_campaign(rep, scenario.sources.orbit, BOOKED, 0.0))
        rep.env.run(until=until)
        runs.append((rep.drivers, rep.timeline.milestones))
    return runs


def launch_attempts() -> Verdict:
    """Mean launch attempts against the geometric law 1/(1-p), pad weather the only cause."""
    rows = []
    n = 4_000
    worst = 0.0
    for p in (0.1, 0.3, 0.5, 0.7):
        scenario = starter(
            weather_scrub_probability=p,
            technical_scrub_probability=0,
            recovery_zone_hold_probability=0,
            slip_days=0,
            slot_days=365,
            window_minutes=0,
            weather_persistence=0,
        )
        attempts = np.array([d.launch_attempts for d, _ in campaigns(scenario, n)])
        se = attempts.std(ddof=1) / math.sqrt(n)
        worst = max(worst, abs(attempts.mean() - 1 / (1 - p)) / se)
        rows.append(
            [f"{p:.1f}", f"{1 / (1 - p):.3f}", f"{attempts.mean():.3f} ± {1.96 * se:.3f}", f"{n:,}"]
        )
    return Verdict(
        table(["scrub probability p", "1/(1-p)", "model, mean ± 95%", "launches"], rows),
        met=worst <= AGREE_SE,
        finding=f"the largest gap is {worst:.1f} standard errors",
    )


def launch_window() -> Verdict:
    """Same-day launches in a window of L minutes: (1-p) + p(1 - exp(-L/m))."""
    rows = []
    n = 3_000
    worst = 0.0
    for p, window, mean in ((0.3, 0, 120), (0.3, 60, 120), (0.3, 240, 120), (0.6, 270, 120)):
        scenario = starter(
            mission="free_flyer",
            weather_scrub_probability=p,
            technical_scrub_probability=0,
            recovery_zone_hold_probability=0,
            landing_weather_scrub_probability=0,
            slip_days=0,
            window_minutes=window,
            weather_clear_minutes={"dist": "gamma", "shape": 1, "scale": mean},
        )
        same_day = np.mean([d.launch_attempts == 1 for d, _ in campaigns(scenario, n)])
        law = (1 - p) + p * (1 - math.exp(-window / mean))
        se = math.sqrt(law * (1 - law) / n)
        worst = max(worst, abs(same_day - law) / se)
        rows.append(
            [
                f"{p:.1f}",
                f"{window}",
                f"{mean}",
                f"{law:.3f}",
                f"{same_day:.3f} ± {1.96 * se:.3f}",
            ]
        )
    return Verdict(
        table(
            ["p at opening", "window L (min)", "clearing mean m (min)", "law", "model ± 95%"],
            rows,
        ),
        met=worst <= AGREE_SE,
        finding=f"the largest gap is {worst:.1f} standard errors",
    )


#: Maier (AMS 1999), Eastern Range, 1 October 1988 to early 1999.
MAIER = {"missions": 266, "attempts": 406, "delayed": 116, "day_lost": 72}

#: The crewed Dragon forecasts the weather default resamples, scaled to the range's mean.
RANGE_MEAN_P = 0.265


def _weather_days(milestones: list[Milestone]) -> tuple[int, int]:
    """Attempts whose pad weather violated the rules: scrubbed for it, and held for it."""
    scrubbed = sum(m.name.startswith("scrub") and "weather" in m.name for m in milestones)
    held = sum(m.name.startswith("hold") and "weather" in m.name for m in milestones)
    return scrubbed, held


def eastern_range() -> Verdict:
    """The range's mix of 1988-99 launches: attempts, weather delays and day-long ones."""
    forecasts = starter().sources.orbit.weather_scrub_probability.data  # type: ignore[union-attr]
    scale = RANGE_MEAN_P / float(np.mean(forecasts))
    scenario = starter(
        mission="free_flyer",  # a window a day, no station slot: the range's uncrewed launches
        landing_weather_scrub_probability=0,
        recovery_zone_hold_probability=0,
        slip_days=0,
        weather_scrub_probability={"dist": "empirical", "data": [x * scale for x in forecasts]},
        window_minutes={"dist": "triangular", "min": 0, "mode": 60, "max": 180},
        technical_scrub_probability=0.2,
        technical_hold_minutes=1440,
    )
    runs = campaigns(scenario, 3_000)
    attempts = sum(d.launch_attempts for d, _ in runs)
    weather = np.array([_weather_days(m) for _, m in runs])
    other = sum(d.scrubs_technical for d, _ in runs) - sum(
        m.name.startswith("scrub") and "weather" in m.name and "technical" in m.name
        for _, ms in runs
        for m in ms
    )
    model = {
        "attempts per mission": attempts / len(runs),
        "attempts delayed by weather": weather.sum() / attempts,
        "attempts delayed a day or more by weather": weather[:, 0].sum() / attempts,
        "attempts lost to other causes": other / attempts,
        "missions delayed a day or more by weather": float(np.mean(weather[:, 0] > 0)),
    }
    real = {
        "attempts per mission": MAIER["attempts"] / MAIER["missions"],
        "attempts delayed by weather": MAIER["delayed"] / MAIER["attempts"],
        "attempts delayed a day or more by weather": MAIER["day_lost"] / MAIER["attempts"],
        "attempts lost to other causes": (MAIER["attempts"] - MAIER["missions"] - MAIER["day_lost"])
        / MAIER["attempts"],
    }
    text = {
        "attempts per mission": "406 / 266 = 1.53",
        "attempts delayed by weather": "116 of 406 = 29%",
        "attempts delayed a day or more by weather": "72 of 406 = 18%",
        "attempts lost to other causes": "68 of 406 = 17%",
        "missions delayed a day or more by weather": "'>100 of 626' (1988-2019) = >16%",
    }
    rows = []
    for key, value in model.items():
        shown = f"{value:.2f}" if key == "attempts per mission" else f"{value:.1%}"
        rows.append([key, text[key], shown])
    gaps = {
        key: abs(model[key] / real[key] - 1)
        for key in (
            "attempts per mission",
            "attempts delayed by weather",
            "attempts delayed a day or more by weather",
        )
    }
    spread = model["missions delayed a day or more by weather"]
    met = max(gaps.values()) <= 0.10 and spread > 1 / 7
    worst = max(gaps, key=gaps.__getitem__)
    return Verdict(
        table(["Eastern Range", "real (Maier, AMS 1999)", "model (3,000 campaigns)"], rows),
        met=met,
        finding=f"the largest gap is {gaps[worst]:.0%} ({worst}); {spread:.0%} of missions"
        " weather-delayed a day or more",
    )


#: Attempts lost to the launch site's weather in the 16 crewed Dragon ISS campaigns Demo-2 to
#: Crew-11 and Ax-1 to Ax-4: day-of scrubs (Demo-2 27 May 2020, Crew-11 31 July 2025) and dates
#: given up a day or two ahead for the site's weather (Crew-3 6 Nov 2021, Crew-8 2 Mar 2024,
#: Crew-9 26 Sep 2024, Tropical Storm Helene).
DRAGON_PAD = {"day-of scrubs": 2, "with dates given up ahead": 5}
#: The same campaigns' attempts lost to weather in the ascent's abort zones (fitted to).
DRAGON_ZONES = 7
DRAGON_CAMPAIGNS = 16


def _percentiles(values: np.ndarray) -> tuple[float, float]:
    return float(np.percentile(values, 10)), float(np.percentile(values, 90))


def crewed_dragon() -> Verdict:
    """Pad-weather scrubs over 16 crewed Dragon ISS campaigns, the Crew Dragon defaults."""
    sets = 400
    runs = campaigns(starter(slip_days=0), sets * DRAGON_CAMPAIGNS, until=BOOKED + 400)
    pad = np.array([d.scrubs_weather for d, _ in runs]).reshape(sets, -1).sum(axis=1)
    zones = np.array([d.scrubs_recovery for d, _ in runs]).reshape(sets, -1).sum(axis=1)
    attempts = np.array([d.launch_attempts for d, _ in runs]).reshape(sets, -1).sum(axis=1)
    low, high = _percentiles(pad)
    real = DRAGON_PAD["with dates given up ahead"]
    rows = [
        [
            "attempts lost to the pad's weather (held out)",
            f"{real} ({DRAGON_PAD['day-of scrubs']} day-of scrubs)",
            f"{pad.mean():.1f}",
            f"{low:.0f}-{high:.0f}",
        ],
        [
            "attempts lost to the abort zones' weather (fitted)",
            str(DRAGON_ZONES),
            f"{zones.mean():.1f}",
            "{:.0f}-{:.0f}".format(*_percentiles(zones)),
        ],
        [
            "attempts, all causes",
            "about 32 (16 launches)",
            f"{attempts.mean():.1f}",
            "{:.0f}-{:.0f}".format(*_percentiles(attempts)),
        ],
    ]
    return Verdict(
        table(
            ["16 campaigns, Demo-2 to Crew-11, Ax-1 to Ax-4", "real", "model mean", "P10-P90"],
            rows,
        ),
        met=low <= real <= high,
        finding=f"{real} attempts lost to the pad's weather against the model's P10-P90 of"
        f" {low:.0f}-{high:.0f} (mean {pad.mean():.1f})",
    )


#: Free flyers: days from the first window attempted to liftoff, and minutes held in the window.
FREE_FLYERS = {
    "Inspiration4 (2021)": (0.0, 0.0),
    "Polaris Dawn (2024)": (14.0, 105.0),
    "Fram2 (2025)": (0.0, 0.0),
}


def _binomial_quantile(n: int, p: float, q: float) -> int:
    """The smallest k with P(X <= k) >= q for X ~ Binomial(n, p)."""
    total = 0.0
    for k in range(n + 1):
        total += math.comb(n, k) * p**k * (1 - p) ** (n - k)
        if total >= q - 1e-12:
            return k
    return n


def free_flyers() -> Verdict:
    """Inspiration4, Polaris Dawn and Fram2 against the free flyer's defaults."""
    runs = campaigns(starter(mission="free_flyer", slip_days=0), 3_000)
    lost = np.array([d.launch_days_lost for d, _ in runs])
    held = np.array([d.window_hold_minutes for d, _ in runs])
    first = lost < 0.5  # launched in the first window attempted
    share = float(first.mean())
    n = len(FREE_FLYERS)
    real_first = sum(days == 0 for days, _ in FREE_FLYERS.values())
    low_k, high_k = _binomial_quantile(n, share, 0.1), _binomial_quantile(n, share, 0.9)
    low, high = np.percentile(lost, 10), np.percentile(lost, 90)
    polaris = FREE_FLYERS["Polaris Dawn (2024)"][0]
    rows = [
        [name, f"{days:.0f} d, held {minutes:.0f} min", "-"]
        for name, (days, minutes) in FREE_FLYERS.items()
    ]
    rows += [
        [
            "launched in the first window attempted",
            f"{real_first} of {n}",
            f"{share:.0%} of campaigns: P10-P90 {low_k}-{high_k} of {n}",
        ],
        [
            "days from the first window to liftoff",
            f"{polaris:.0f} (Polaris Dawn)",
            f"mean {lost.mean():.1f}, P10-P90 {low:.0f}-{high:.0f}, P95"
            f" {np.percentile(lost, 95):.0f}",
        ],
        [
            "minutes held in the window, when held",
            "105 (Polaris Dawn)",
            f"{np.mean(held > 0):.0%} of launches held; mean {held[held > 0].mean():.0f} min",
        ],
    ]
    met = low_k <= real_first <= high_k and low <= polaris <= high
    return Verdict(
        table(["free flyer", "real", "model (3,000 campaigns)"], rows),
        met=met,
        finding=f"{real_first} of {n} in the first window (model P10-P90 {low_k}-{high_k});"
        f" Polaris Dawn's {polaris:.0f} days against the model's P10-P90 of"
        f" {low:.0f}-{high:.0f}",
    )


CASES = [
    Case(
        name="launch-attempts",
        title="Launch attempts under a scrub probability",
        kind="analytic",
        fitted="the campaign neither loses nor invents attempts (instantaneous windows,"
        " independent days)",
        tolerance=f"every mean within {AGREE_SE:g} standard errors of 1/(1-p)",
        measure=launch_attempts,
    ),
    Case(
        name="launch-window",
        title="Same-day launch in a window of given length",
        kind="analytic",
        fitted="holds inside a window: weather waited out if it clears before the window closes",
        tolerance=f"every share within {AGREE_SE:g} standard errors of (1-p) + p(1 - e^(-L/m))",
        measure=launch_window,
    ),
    Case(
        name="eastern-range",
        title="The Eastern Range, 1988-1999: weather delays and day-long ones",
        kind="calibration",
        fitted="the orbit's weather_clear_minutes (the 29% of attempts delayed becoming 18% a"
        " day or more); weather_persistence is checked against it, not fitted",
        tolerance="attempts per mission and the shares of attempts weather-delayed and delayed"
        " a day or more each within ±10% of Maier's 1.53, 29% and 18%, and more than one"
        " mission in seven weather-delayed a day or more",
        measure=eastern_range,
    ),
    Case(
        name="crewed-dragon-weather",
        title="Crewed Dragon to the ISS, 2020-2025: attempts lost to the pad's weather",
        kind="calibration",
        fitted="the pad's chance (resampled from these campaigns' own forecasts) and the abort"
        " zones' chance (fitted to these campaigns' outcomes): a consistency check of the pad"
        " weather's persistence and instantaneous window",
        tolerance="the real count, 5 attempts, inside the model's P10-P90 over 16 campaigns",
        measure=crewed_dragon,
    ),
    Case(
        name="free-flyers",
        title="Free flyers: Inspiration4, Polaris Dawn and Fram2 launched",
        kind="held out",
        fitted="the free flyer's long window, landing weather and persistent weather, on three"
        " campaigns nothing was fitted to",
        tolerance="the real count of first-window launches (2 of 3) inside the model's P10-P90,"
        " and Polaris Dawn's 14 days from its first window to liftoff inside the model's"
        " P10-P90",
        measure=free_flyers,
        expect_met=False,  # Polaris Dawn's two weeks: see the page
    ),
]
