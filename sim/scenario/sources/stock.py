"""Stock: licensed archive footage, by clip or by second, cleared or refused; and its defaults."""

from __future__ import annotations

from pydantic import Field, model_validator

from sim.scenario.cited import Default, fixed, tri, vfx
from sim.scenario.quantities import SUM_TOLERANCE, Days, Money, Node, Positive, Probability
from sim.scenario.sources.spec import PaymentSchedule, SourceNode, SourceSpec, VfxWork

DEFAULTS = {
    "find_probability": {
        "earth_view": Default(
            0.9, "assumption; NASA's ISS imagery is generally not copyrighted (NASA)"
        ),
        "exterior_eva": Default(0.5, "assumption: spacewalks exist, not with your actors"),
        "launch_landing": Default(0.8, "assumption: launches are widely filmed"),
    },
    "clip_seconds": tri(5, 15, 30, "most stock clips run 5-30 s (CrackerClips)"),
    "search_days": tri(
        3,
        10,
        30,
        "assumption; royalty-free clips download at once after checkout (Pond5 FAQ),"
        " the search takes the time",
    ),
    "archives": {
        "nasa": {
            "share": Default(0.5, "assumption: half the clips from NASA's media"),
            "price_usd_per_clip": fixed(
                0, "NASA media 'generally are not subject to copyright' (NASA guidelines)"
            ),
            "price_usd_per_second": fixed(0, "as above: no licence fee"),
            "clearance_probability": Default(
                0.3,
                "assumption: share of clips showing an identifiable astronaut or NASA"
                " insignia, which need permission for commercial use (NASA JSC"
                " guidelines)",
            ),
            "clearance_usd": tri(
                500, 2_000, 10_000, "assumption: legal time and a release fee per clip"
            ),
            "clearance_days": tri(
                14, 30, 90, "assumption: NASA neither licenses nor indemnifies (NASA JSC)"
            ),
            "refusal_probability": Default(0.1, "assumption: a person or NASA declines the use"),
        },
        "royalty_free": {
            "share": Default(0.4, "assumption"),
            "price_usd_per_clip": tri(
                100, 200, 500, "4K clips priced $100 to $79-299 on average (Pond5; low)"
            ),
            "price_usd_per_second": fixed(0, "royalty-free clips are priced per clip"),
            "clearance_probability": Default(
                0.0, "the licence comes cleared, with an indemnity (Pond5, iStock)"
            ),
            "clearance_usd": fixed(0, "none needed"),
            "clearance_days": fixed(0, "downloadable at once after checkout (Pond5 FAQ)"),
            "refusal_probability": Default(0.0, "none needed"),
        },
        "rights_managed": {
            "share": Default(0.1, "assumption: rare footage"),
            "price_usd_per_clip": fixed(0, "priced per second of use"),
            "price_usd_per_second": tri(
                20,
                50,
                100,
                "rights-managed rare footage 'up to $100 per second' (Steve's"
                " Digicams); min and mode assumptions",
            ),
            "clearance_probability": Default(
                1.0, "every use is quoted by medium, territory and term (Getty, Dissolve)"
            ),
            "clearance_usd": fixed(0, "the quote is the price"),
            "clearance_days": tri(1, 3, 10, "assumption for a per-use quote"),
            "refusal_probability": Default(0.0, "assumption: a quote is always given"),
        },
    },
    "payments": Default(
        {"payments": [{"share": 1.0, "due_days_before": 0}]},
        "licences are paid on licensing, nothing before: royalty-free clips at checkout"
        " (Pond5 FAQ), rights-managed ones on the quote for the use (Getty, Dissolve)",
    ),
    "vfx": vfx(
        "composite",
        {"earth_view": 0.2, "exterior_eva": 0.5, "launch_landing": 0.3},
        "assumption: matching archive plates to the film's look",
    ),
}


class StockFind(Node):
    """Chance that a needed clip of each kind exists in the archives."""

    earth_view: Probability
    exterior_eva: Probability
    launch_landing: Probability


class Archive(Node):
    """One kind of archive: what its clips cost and how often they need clearing."""

    share: Probability = Field(description="fraction of the clips found that come from here")
    price_usd_per_clip: Money
    price_usd_per_second: Money
    clearance_probability: Probability = Field(
        description="chance a clip needs clearing first (an identifiable person, insignia,"
        " a per-use quote)"
    )
    clearance_usd: Money = Field(description="cost of clearing one clip")
    clearance_days: Days = Field(description="time to clear this archive's clips, in parallel")
    refusal_probability: Probability = Field(
        description="chance a clearance is refused: the clip cannot be used"
    )


class Archives(Node):
    """Where archive clips come from: NASA's public media, royalty-free and rights-managed."""

    nasa: Archive
    royalty_free: Archive
    rights_managed: Archive

    @model_validator(mode="after")
    def _shares_add_up(self) -> Archives:
        total = sum(archive.share for _, archive in self)
        if abs(total - 1.0) > SUM_TOLERANCE:
            terms = " + ".join(f"{name} {archive.share:g}" for name, archive in self)
            raise ValueError(f"the archives' shares add up to {total:g} ({terms}); make them 1")
        return self


class Stock(SourceNode):
    """Licensed archive footage: search, pay by clip or by second, clear, or lose the clip."""

    spec = SourceSpec(
        label="stock",
        colour="#CC79A7",
        real=True,  # real space footage, though not of your actors
        refuses={
            "weightless_interior": "archive footage cannot show your actors floating",
            "ground_drama": "archive footage cannot show your actors",
        },
        reshoot=False,  # licensing, not shooting
        cancellable=True,
        flies_crew=False,
        defaults=DEFAULTS,
    )

    find_probability: StockFind
    clip_seconds: Positive
    search_days: Days
    archives: Archives
    payments: PaymentSchedule = Field(
        description="how the licences and clearances are paid (on licensing by default)"
    )
    vfx: VfxWork
