"""Every registered source reaches every layer: schema, defaults, model, outputs, figures, docs."""

from __future__ import annotations

from pathlib import Path

import pytest

from sim.core.rng import Stream
from sim.experiment.results import columns_for
from sim.model.tracks import TRACKS
from sim.model.vfx import release_shots
from sim.report.figures.gantt import TRACKS as GANTT_ROWS
from sim.report.figures.style import SOURCE_COLOURS
from sim.scenario.defaults import DEFAULTS
from sim.scenario.file_format import file_schema
from sim.scenario.load import scenario_from_data
from sim.scenario.sources import CANCELLABLE, REAL_SOURCES, RESHOOT_SOURCES, SOURCES, Sources
from tests.conftest import tiny_data

DOCS = Path(__file__).parents[1] / "docs"


@pytest.mark.parametrize("source", SOURCES)
def test_every_source_reaches_every_layer(tiny_scenario, source: str) -> None:
    """Schema, defaults, model track, results columns, colour, Gantt row and docs name it."""
    assert source in file_schema()["$defs"]["Sources"]["properties"]
    assert source in DEFAULTS["sources"]
    assert source in TRACKS
    columns = columns_for(tiny_scenario)
    assert f"planned_{source}_minutes" in columns
    assert f"minutes_{source}" in columns
    assert source in SOURCE_COLOURS
    assert source in GANTT_ROWS
    assert f"`sources.{source}." in (DOCS / "reference" / "scenario.md").read_text()
    process = TRACKS[source].campaign or release_shots  # CGI's minutes are VFX shots
    module = process.__module__.replace(".", "/") + ".py"
    headings = (DOCS / "background" / "model.md").read_text().splitlines()
    assert any(line.startswith("## ") and f"`{module}`" in line for line in headings), module


def test_sources_have_their_own_colours_and_vfx_streams() -> None:
    """No two sources share a colour or a VFX stream; every VFX stream is a declared one."""
    assert len(set(SOURCE_COLOURS.values())) == len(SOURCES)
    streams = [track.vfx_stream for track in TRACKS.values()]
    assert len(set(streams)) == len(streams)
    assert all(isinstance(stream, Stream) for stream in streams)


def test_derived_lists_follow_the_specs() -> None:
    """Real footage, reshoot and cancellable sources are read from each source's spec."""
    assert REAL_SOURCES == ("orbit", "suborbital", "parabolic", "stock")
    assert RESHOOT_SOURCES == ("suborbital", "parabolic", "ground", "led_volume")
    assert "cgi" not in CANCELLABLE
    assert tuple(Sources.model_fields) == SOURCES


def test_a_registered_source_can_be_reshot_on_and_struck() -> None:
    """The LED volume, registered once, is a valid reshoot source and risk target."""
    data = tiny_data()
    data["strategies"]["reshoot"]["reshoot_on"] = "led_volume"
    data["risks"]["wall"] = {"probability": 0.5, "hits": "led_volume", "effect": "cancel"}
    scenario = scenario_from_data(data)
    assert scenario.strategies["reshoot"].reshoot_on == "led_volume"
    assert scenario.risks["wall"].hits == "led_volume"
