"""Regenerate the measured tables of docs/background/validation.md: python docs/validation.py.

Each case of `docs/cases` (a module per part of the model, each with its `CASES`) sits in the
page between ``<!-- measured:NAME -->`` and ``<!-- /measured -->``: its table, then a line with
its kind, tolerance and verdict. The ``overview`` block lists every case. The prose around the
blocks explains the gaps. `python docs/validation.py --check` exits 1 when a table is stale (a
test runs it), so the page cannot drift from the model.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import pkgutil
import re
import sys
from pathlib import Path

DOCS = Path(__file__).parent
sys.path.insert(0, str(DOCS))

import cases  # noqa: E402
from cases.common import Case, Verdict, table  # noqa: E402

PAGE = DOCS / "background" / "validation.md"

#: The block listing every case.
OVERVIEW = "overview"


def all_cases() -> list[Case]:
    """Every case of every module in `docs/cases`, by module name, then as each declares them."""
    found: list[Case] = []
    for module in sorted(pkgutil.iter_modules(cases.__path__), key=lambda m: m.name):
        if module.name != "common":
            found += importlib.import_module(f"cases.{module.name}").CASES
    names = [case.name for case in found]
    duplicated = sorted({name for name in names if names.count(name) > 1} | {OVERVIEW} & set(names))
    if duplicated:
        raise ValueError(f"validation cases named twice: {', '.join(duplicated)}")
    return found


@functools.cache
def verdict(name: str) -> Verdict:
    """The named case, measured once per process."""
    return next(case for case in all_cases() if case.name == name).measure()


def _block(case: Case) -> str:
    result = verdict(case.name)
    said = "meets" if result.met else "misses"
    return (
        f"{result.table}\n\n*{case.kind.capitalize()}. Tolerance: {case.tolerance}."
        f" Verdict: **{said}** ({result.finding}).*"
    )


def _overview() -> str:
    rows = [
        [
            case.title,
            case.kind,
            case.fitted,
            case.tolerance,
            "meets" if verdict(case.name).met else "**misses**",
        ]
        for case in sorted(
            all_cases(), key=lambda c: ("analytic", "calibration", "held out").index(c.kind)
        )
    ]
    return table(["case", "kind", "fitted to it / what it tests", "tolerance", "verdict"], rows)


_BLOCK = re.compile(
    r"(<!-- measured:(?P<name>[a-z0-9-]+) -->\n)(?:.*?\n)??(<!-- /measured -->)", re.S
)


def render(page: str) -> str:
    """The page with every measured block recomputed."""
    by_name = {case.name: case for case in all_cases()}

    def fill(match: re.Match[str]) -> str:
        name = match.group("name")
        body = _overview() if name == OVERVIEW else _block(by_name[name])
        return match.group(1) + body + "\n" + match.group(3)

    return _BLOCK.sub(fill, page)


def main() -> None:
    """Rewrite the page, or with --check exit 1 if it is stale."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true", help="fail if the page is stale")
    check = parser.parse_args().check
    page = PAGE.read_text(encoding="utf-8")
    fresh = render(page)
    if check:
        if fresh != page:
            sys.exit(f"{PAGE} is stale: run python docs/validation.py")
        return
    PAGE.write_text(fresh, encoding="utf-8")


if __name__ == "__main__":
    main()
