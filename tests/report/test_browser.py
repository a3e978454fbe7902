"""report.html in a real browser: headless Chromium renders split.yaml's report and prints it.

Skipped, with the reason printed, where no Chromium is installed (`.ci/run` installs Debian's
``chromium``). Screenshots at a laptop's and a phone's width are left beside the PDF in the
test's folder for a person to look at; the test checks what a person would look for: every
figure loaded, nothing wider than the window, and a PDF that opens on a one-page executive
summary with each section starting its own page.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pypdf
import pytest

from sim.analysis.representative import told
from sim.analysis.summary import summarise
from sim.experiment.runner import run_experiment
from sim.report.figures.drawing import run_figure_names
from sim.report.record import resolved_scenario_text
from sim.report.writer import write_run
from sim.scenario.load import load_scenario

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = next(
    (
        found
        for name in ("chromium", "chromium-browser", "google-chrome")
        if (found := shutil.which(name))
    ),
    None,
)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium to render report.html in (apt install chromium)"
)
#: Flags for a headless Chromium run from a test (as root in a container: no sandbox).
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--mute-audio")
#: Widths the page is checked at: a laptop's and a phone's.
WIDTHS = {"laptop": 1280, "narrow": 390}
#: Collects, once the page has loaded, what a person would check by eye.
CHECK = """<script>
window.addEventListener("load", () => {
  const root = document.documentElement;
  const images = [...document.images];
  const wide = [...document.body.querySelectorAll("*")]
    .filter((e) => !e.closest(".scroll") && e.getBoundingClientRect().right > root.clientWidth + 1)
    .map((e) => e.tagName.toLowerCase() + (e.className ? "." + e.className : ""));
  const out = document.createElement("pre");
  out.id = "spacesim-check";
  out.textContent = JSON.stringify({
    images: images.length,
    broken: images.filter((i) => !(i.complete && i.naturalWidth > 0)).map((i) => i.alt),
    scroll_width: root.scrollWidth,
    client_width: root.clientWidth,
    wide: wide.slice(0, 10),
  });
  document.body.appendChild(out);
});
</script>"""


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """split.yaml's run folder, at few replications."""
    scenario = load_scenario(ROOT / "scenarios" / "split.yaml")
    results = run_experiment(scenario, replications=60, seed=11, jobs=2)
    target = tmp_path_factory.mktemp("browser") / "split"
    write_run(
        target,
        results=results,
        summary=summarise(results),
        resolved_scenario=resolved_scenario_text(results),
        record={
            "command": ["spacesim", "run"],
            "spacesim_version": "test",
            "finished_utc": "2026-12-02",
        },
        stories=told(results),
        force=False,
    )
    return target


def _chromium(*arguments: str) -> str:
    assert CHROMIUM is not None
    done = subprocess.run(
        [CHROMIUM, *FLAGS, *arguments], capture_output=True, text=True, timeout=120, check=True
    )
    return done.stdout


@pytest.mark.parametrize("width", WIDTHS.values(), ids=WIDTHS.keys())
def test_every_image_loads_and_nothing_overflows(folder: Path, width: int) -> None:
    page = folder / f"checked-{width}.html"
    page.write_text((folder / "report.html").read_text().replace("</body>", CHECK + "</body>"))
    dom = _chromium(
        f"--window-size={width},900", "--virtual-time-budget=10000", "--dump-dom", page.as_uri()
    )
    found = re.search(r"<pre id=\"spacesim-check\">(.*?)</pre>", dom, re.DOTALL)
    assert found, "the check script did not run"
    checked = json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))
    assert checked["images"] == len(run_figure_names())  # every figure of the run, embedded
    assert checked["broken"] == []
    assert checked["scroll_width"] <= checked["client_width"], checked["wide"]
    shot = folder / f"report-{width}.png"
    _chromium(
        f"--window-size={width},2400", f"--screenshot={shot}", (folder / "report.html").as_uri()
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_pdf_opens_on_a_one_page_summary_and_each_section_starts_a_page(folder: Path) -> None:
    pdf = folder / "report.pdf"
    _chromium(
        "--no-pdf-header-footer",
        "--generate-pdf-document-outline",
        f"--print-to-pdf={pdf}",
        (folder / "report.html").as_uri(),
    )
    pages = [page.extract_text() for page in pypdf.PdfReader(pdf).pages]
    first = pages[0]
    assert "Executive summary" in first
    assert "Recommended: " in first
    assert "seed 11" in first  # the running header names the run
    assert "page 1 of" in first
    headings = re.findall(
        r"<section class='part' id='[^']+'><h2>([^<]+)</h2>", (folder / "report.html").read_text()
    )
    assert headings[0] == "The decision in detail"
    tops = [_first_line(text) for text in pages]
    assert tops[1] == "The decision in detail"  # the summary took one page, the figure too
    for heading in headings:
        assert heading.replace("&#x27;", "'") in tops, f"section {heading!r} does not open a page"
    assert len(pages) >= 1 + len(headings)


def _first_line(text: str) -> str:
    """A printed page's first line under its running header and page number."""
    lines = [line for line in text.splitlines() if line.strip()]
    body = [line for line in lines if " · spacesim " not in line and not line.startswith("page ")]
    return body[0] if body else ""
