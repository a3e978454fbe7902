"""The kit of spacesim's HTML pages: one self-contained page, its style for screen and print.

A page holds nothing it would have to fetch: the figures are embedded as base64 PNGs and the
style is inline, so it opens the same from a mail attachment as from the output folder. Its
tables are the terminal's (`sim.report.tables`) rendered as HTML, so the two never differ.

Printed (guarantors file PDFs), a page is A4 with a running header naming the film, the run's
date, spacesim's version and the seed, and a page count in the footer; each section starts on
a new page, and no table row, figure or short table is broken across two. On a narrow screen a
wide table scrolls in its own box, so the page itself never scrolls sideways. The pages are
built from the run's page (`sim.report.run_page`) and the comparison's
(`sim.report.compare_page`).
"""

from __future__ import annotations

import base64
import html
from collections.abc import Mapping

from rich.table import Table
from rich.text import Text

#: Figures in the order the pages tell the story, with what each shows (the caption).
CAPTIONS = {
    "joint_confidence.png": "Per strategy, each run's chance of being both on time and on "
    "budget, with its 95% interval.",
    "cost_vs_delivery.png": "Cost against delivery date, one dot per replication, with the "
    "budget and the deadline. Each strategy's joint-confidence isocurves (solid 70%, dashed "
    "50%): any budget and deadline on or above and to the right of a curve are met together "
    "in at least that share of replications.",
    "s_curves.png": "The chance of finishing at or below each cost and by each date.",
    "drivers.png": "What drives each strategy's delivery (days) and cost (money): the change "
    "of the P50 (solid) and P80 (outline) from the replications with an input in its lowest "
    "tenth to those with it in its highest; all-or-nothing events (hatched) as the change when "
    "they happen. Only inputs beyond noise are shown.",
    "criticality.png": "What picture lock waited for last, and how often.",
    "gantt.png": "One replication per strategy, track by track: the one nearest both the median "
    "delivery date and the median cost.",
    "minutes_by_source.png": "Screen minutes by source in the final film (a run: planned too).",
    "cost_breakdown.png": "Mean cost per budget category, grouped by top-sheet line.",
    "cash_flow.png": "Spend per month (mean bars, P10-P90 band) and to date (P50 line, band), "
    "and the money committed and not refundable (P50, dashed); cash_flow.csv has the numbers.",
}

#: What each figure shows, for a reader who cannot see it (the image's alt text).
ALT_TEXTS = {
    "joint_confidence.png": "Bar chart: per strategy, one bar per run of the chance of being "
    "both on time and on budget, with error bars for the 95% interval.",
    "cost_vs_delivery.png": "Scatter chart: one dot per replication, delivery date across and "
    "cost up, a colour per strategy, with a dashed vertical line at the deadline, a dotted "
    "horizontal line at the budget, and each strategy's 50% and 70% joint-confidence "
    "isocurves as steps.",
    "s_curves.png": "Two line charts: per strategy, the cumulative chance of the cost being at "
    "or below each amount, and of delivery by each date, with the budget and the deadline.",
    "drivers.png": "Tornado charts, one per strategy and outcome: horizontal bars of how much "
    "the P50 and P80 of delivery and of cost change from the lowest tenth of each input to "
    "its highest, largest first.",
    "criticality.png": "Stacked bars: per strategy, the share of replications in which each "
    "track was the last one picture lock waited for.",
    "gantt.png": "Gantt charts, one panel per strategy: a row per track with its spans over "
    "the calendar, and ticks for each flight and milestone.",
    "minutes_by_source.png": "Stacked bars: per strategy, the screen minutes in the final film "
    "from each source, beside the minutes planned.",
    "cost_breakdown.png": "Stacked bars: per strategy, the mean cost of each budget category, "
    "grouped by top-sheet line.",
    "cash_flow.png": "Per strategy, monthly spend as bars with a P10 to P90 band, cumulative "
    "spend as a line, and the money committed and not refundable as a dashed line.",
}

_STYLE = """
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #222;
       max-width: 1100px; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 1.6em; margin-bottom: 0.2em; }
h2 { font-size: 1.25em; margin-top: 2em; border-bottom: 1px solid #ddd; padding-bottom: 0.2em; }
h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
p.meta { color: #666; margin-top: 0; }
.scroll { overflow-x: auto; max-width: 100%; }
table { border-collapse: collapse; margin: 0.8em 0; font-size: 0.92em; }
caption { caption-side: top; text-align: left; color: #222; font-weight: 600;
          padding-bottom: 0.4em; }
p.note { color: #666; font-size: 0.9em; margin: 0 0 1em; }
th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #eee; vertical-align: top; }
th { border-bottom: 2px solid #ccc; text-align: left; }
td.right, th.right { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1.5em 0; }
figure img { width: 100%; height: auto; border: 1px solid #eee; }
figcaption { color: #555; font-size: 0.9em; }
ul.findings li { margin: 0.3em 0; }
td.uncited { color: #a33; }
details { margin: 0.5em 0; }
summary { cursor: pointer; font-weight: 600; }
code { font-size: 0.95em; overflow-wrap: anywhere; }
section.summary { border: 1px solid #ddd; padding: 0.2em 1.2em 0.8em; border-radius: 4px; }
section.summary p.verdict { font-size: 1.1em; }
nav.contents ol { columns: 2; margin: 0.3em 0; }
.print-only { display: none; }
@media (max-width: 700px) {
  body { font-size: 14px; margin: 1em auto; }
  nav.contents ol { columns: 1; }
}
@page {
  size: A4;
  margin: 16mm 12mm 14mm;
  @bottom-right { content: "page " counter(page) " of " counter(pages);
                  font: 8pt system-ui, sans-serif; color: #666; }
}
@media print {
  body { max-width: none; margin: 0; padding: 0; font-size: 9.5pt; }
  h1 { font-size: 16pt; margin-top: 0; }
  h2 { margin-top: 0; }
  section.part { break-before: page; }
  section.summary { border: none; padding: 0; }
  section.summary figure { margin: 0.6em 0 0; }
  section.summary figure img { max-height: 82mm; }
  .scroll { overflow: visible; }
  table { font-size: 8pt; }
  tr, figure, img { break-inside: avoid; }
  table.short { break-inside: avoid; }
  thead { display: table-header-group; }
  h2, h3, caption { break-after: avoid; }
  figure img { max-height: 150mm; width: auto; max-width: 100%; display: block;
               margin: 0 auto; }
  details > summary { list-style: none; }
  details::details-content { content-visibility: visible; display: contents; }
  nav.contents, .screen-only { display: none; }
  .print-only { display: block; }
  a { color: inherit; text-decoration: none; }
}
"""

#: Tables with at most this many rows are kept whole on one printed page.
SHORT_TABLE_ROWS = 25


def page(title: str, parts: list[str], running_header: str = "") -> str:
    """A whole HTML page of `parts` (HTML already escaped), with the printed running header."""
    header = ""
    if running_header:
        quoted = running_header.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
        # CSS text inside the page's <style>: no "<" may close it early.
        quoted = quoted.replace("<", "\\3c ")
        header = (
            f'@page {{ @top-left {{ content: "{quoted}"; font: 8pt system-ui, sans-serif;'
            " color: #666; } }\n"
        )
    return (
        "<!DOCTYPE html>\n<html lang='en'>\n<head>\n<meta charset='utf-8'>\n"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>\n"
        f"<title>{escape(title)}</title>\n"
        f"<style>{_STYLE}{header}</style>\n</head>\n<body>\n"
        + "\n".join(parts)
        + "\n</body>\n</html>\n"
    )


def section(anchor: str, heading: str, parts: list[str]) -> str:
    """A section of the page starting on a new printed page, with its heading's anchor."""
    return (
        f"<section class='part' id='{escape(anchor)}'><h2>{escape(heading)}</h2>"
        + "".join(parts)
        + "</section>"
    )


def table_html(table: Table) -> str:
    """A rich table as an HTML table: its title as the caption, its caption as a note after.

    The table scrolls in its own box on a narrow screen; one of at most `SHORT_TABLE_ROWS`
    rows is kept whole when printed (a longer one breaks between rows, its header repeated).
    """
    columns = table.columns
    align = [" class='right'" if column.justify == "right" else "" for column in columns]
    head = "".join(
        f"<th{a}>{escape(str(column.header)).replace(chr(10), '<br>')}</th>"
        for column, a in zip(columns, align, strict=True)
    )
    cells = [[_cell(cell) for cell in column.cells] for column in columns]
    body = "".join(
        "<tr>"
        + "".join(f"<td{a}>{column[row]}</td>" for column, a in zip(cells, align, strict=True))
        + "</tr>"
        for row in range(table.row_count)
    )
    title = f"<caption>{escape(str(table.title))}</caption>" if table.title else ""
    note = f"<p class='note'>{escape(str(table.caption))}</p>" if table.caption else ""
    short = " class='short'" if table.row_count <= SHORT_TABLE_ROWS else ""
    return (
        f"<div class='scroll'><table{short}>{title}<thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table></div>{note}"
    )


def figures_html(figures: Mapping[str, bytes], names: tuple[str, ...]) -> list[str]:
    """The named figures that were drawn, each with its alt text and caption."""
    return [
        f"<figure><img alt='{escape(ALT_TEXTS[name])}' src='data:image/png;base64,"
        f"{base64.b64encode(figures[name]).decode('ascii')}'>"
        f"<figcaption>{escape(CAPTIONS[name])} <code>{escape(name)}</code></figcaption></figure>"
        for name in names
        if name in figures
    ]


def _cell(cell: object) -> str:
    """A table cell's text, escaped; bold kept, leading spaces kept as an indent."""
    text = cell.plain if isinstance(cell, Text) else str(cell)
    indent = len(text) - len(text.lstrip(" "))
    shown = "&nbsp;" * indent + escape(text.lstrip(" ")).replace("\n", "<br>")
    return f"<b>{shown}</b>" if isinstance(cell, Text) and "bold" in str(cell.style) else shown


def escape(text: object) -> str:
    """`text` safe inside HTML text and quoted attributes."""
    return html.escape(str(text), quote=True)
