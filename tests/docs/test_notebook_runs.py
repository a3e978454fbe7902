"""The docs' notebook runs top to bottom, as a reader would run it from the repository's root."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "docs" / "how-to" / "notebook.ipynb"


def test_every_code_cell_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its cells, run in order in one namespace, write the run's folder at the end."""
    cells = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    code = ["".join(cell["source"]) for cell in cells if cell["cell_type"] == "code"]
    assert len(code) >= 8
    shutil.copytree(ROOT / "scenarios", tmp_path / "scenarios")
    monkeypatch.chdir(tmp_path)
    namespace: dict[str, object] = {}
    for index, source in enumerate(code):
        exec(compile(source, f"{NOTEBOOK.name}[{index}]", "exec"), namespace)
    written = {path.name for path in (tmp_path / "out" / "notebook-split").iterdir()}
    assert {"report.html", "report.xlsx", "summary.json", "replications.csv"} <= written
