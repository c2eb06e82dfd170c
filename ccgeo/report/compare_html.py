"""The dashboard of a many-city comparison: one self-contained HTML file that opens offline (the
charts inline as SVG, the maps as embedded PNG, the style and the table sorting inline; nothing
is fetched from anywhere).
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ccgeo.i18n import _, current_language
from ccgeo.report.compare_charts import Chart
from ccgeo.report.methods import Block, Bullets, Heading, Paragraph, Table

_STYLE = """
body{font-family:"DejaVu Sans",Arial,sans-serif;color:#263238;margin:0;background:#FAFAFA}
header{background:#263238;color:#fff;padding:16px 24px}
header h1{margin:0 0 4px;font-size:22px}
nav{padding:8px 24px;background:#ECEFF1}
nav a{margin-right:16px;color:#0571B0}
main{padding:0 24px 32px;max-width:1200px}
section{margin-top:24px}
.draft{background:#FFF3E0;border-left:4px solid #E65100;padding:8px 12px;margin:8px 0}
.note{color:#607D8B;font-size:13px}
table{border-collapse:collapse;font-size:13px;margin:8px 0}
th,td{padding:4px 8px;border-bottom:1px solid #CFD8DC;text-align:left;vertical-align:top}
th{background:#E8EDF0}
table.sortable th{cursor:pointer}
td.r,th.r{text-align:right}
.charts{display:flex;flex-wrap:wrap;gap:16px}
.charts figure,.maps figure{margin:0;background:#fff;border:1px solid #CFD8DC;padding:4px}
.maps{display:flex;flex-wrap:wrap;gap:12px}
.maps img{width:360px;height:360px;display:block}
.card{background:#fff;border:1px solid #CFD8DC;padding:8px 16px;margin:12px 0}
"""

# Sorting by a click on a header; a cell's data-v is its number, else its text is compared.
_SCRIPT = """
document.querySelectorAll("table.sortable").forEach(function(table){
  table.querySelectorAll("th").forEach(function(th, col){
    th.addEventListener("click", function(){
      var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
      var up = th.getAttribute("data-dir") !== "up";
      table.querySelectorAll("th").forEach(function(h){ h.removeAttribute("data-dir"); });
      th.setAttribute("data-dir", up ? "up" : "down");
      function key(row){
        var cell = row.cells[col], v = cell.getAttribute("data-v");
        return v !== null && v !== "" ? parseFloat(v) : cell.textContent;
      }
      rows.sort(function(a, b){
        var x = key(a), y = key(b), c;
        if (typeof x === "number" && typeof y === "number") { c = x - y; }
        else { c = String(x).localeCompare(String(y)); }
        return up ? c : -c;
      });
      rows.forEach(function(row){ body.appendChild(row); });
    });
  });
});
"""


@dataclass(frozen=True)
class DashboardParts:
    """What the dashboard shows, already in the language of the moment."""

    title: str
    lines: tuple[str, ...]
    draft: str
    indicators: Table
    #: The sort key of each row of ``indicators``: its value and level as numbers (or "").
    sort_keys: tuple[tuple[str, str], ...]
    level_chart: Chart
    charts: tuple[Chart, ...]
    map_title: str
    map_legend: str
    maps: tuple[tuple[str, Path | None], ...]
    map_note: str
    cards: tuple[tuple[str, Sequence[Block]], ...]
    methods: Sequence[Block]


def write_dashboard(parts: DashboardParts, path: Path) -> Path:
    """Write ``dashboard.html`` from ``parts``; the path."""
    sections = [
        ("indicators", _("Indicators"), _indicator_section(parts)),
        ("levels", _("Readiness levels"), _levels_section(parts)),
        ("charts", _("Charts"), _charts_section(parts.charts)),
        ("maps", _("Maps"), _maps_section(parts)),
        ("scorecards", _("Scorecards"), _cards_section(parts)),
        ("methods", _("Methods and assumptions"), _blocks(parts.methods)),
    ]
    nav = "".join(f'<a href="#{key}">{escape(title)}</a>' for key, title, _body in sections)
    body = "".join(
        f'<section id="{key}"><h2>{escape(title)}</h2>{html}</section>'
        for key, title, html in sections
    )
    lines = "".join(f"<div>{escape(line)}</div>" for line in parts.lines)
    page = (
        f'<!DOCTYPE html>\n<html lang="{current_language()}"><head><meta charset="utf-8">'
        f"<title>{escape(parts.title)}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>{escape(parts.title)}</h1>{lines}</header>"
        f"<nav>{nav}</nav><main>{_draft(parts.draft)}{body}</main>"
        f"<script>{_SCRIPT}</script></body></html>\n"
    )
    path.write_text(page, encoding="utf-8")
    return path


def _draft(text: str) -> str:
    return f'<p class="draft">{escape(text)}</p>'


def inline_svg(svg: str) -> str:
    """An SVG document as an element of an HTML page (HTML needs no namespace declaration)."""
    return re.sub(r'\s+xmlns="[^"]*"', "", svg, count=1).strip()


def _indicator_section(parts: DashboardParts) -> str:
    table = parts.indicators
    head = "".join(
        f'<th class="{a}">{escape(c)}</th>' for c, a in zip(table.columns, table.align, strict=True)
    )
    rows = []
    for cells, (value, level) in zip(table.rows, parts.sort_keys, strict=True):
        keys = [""] * (len(cells) - 2) + [value, level]
        tds = "".join(
            f'<td class="{a}" data-v="{k}">{escape(c)}</td>'
            for c, a, k in zip(cells, table.align, keys, strict=True)
        )
        rows.append(f"<tr>{tds}</tr>")
    note = _("Click a column's header to sort by it.")
    return (
        f'<p class="note">{escape(note)}</p>{_draft(parts.draft)}'
        f'<table class="sortable"><thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def _levels_section(parts: DashboardParts) -> str:
    return f"{_draft(parts.draft)}<figure>{inline_svg(parts.level_chart.svg)}</figure>"


def _charts_section(charts: Sequence[Chart]) -> str:
    figures = "".join(f"<figure>{inline_svg(c.svg)}</figure>" for c in charts)
    return f'<div class="charts">{figures}</div>'


def _maps_section(parts: DashboardParts) -> str:
    figures = []
    for city, path in parts.maps:
        if path is None:
            text = _("{city}: no access result for this test").format(city=city)
            figures.append(f'<figure><p class="note">{escape(text)}</p></figure>')
            continue
        data = base64.b64encode(path.read_bytes()).decode("ascii")
        figures.append(
            f'<figure><img alt="{escape(city)}" src="data:image/png;base64,{data}">'
            f"<figcaption>{escape(city)}</figcaption></figure>"
        )
    return (
        f'<h3>{escape(parts.map_title)}</h3><p class="note">{escape(parts.map_note)}</p>'
        f'{inline_svg(parts.map_legend)}<div class="maps">{"".join(figures)}</div>'
    )


def _cards_section(parts: DashboardParts) -> str:
    return "".join(
        f'<div class="card"><h3>{escape(city)}</h3>{_blocks(blocks)}</div>'
        for city, blocks in parts.cards
    )


def _blocks(blocks: Sequence[Block]) -> str:
    """Headings, paragraphs (a note grey, the draft note boxed), bullets and tables as HTML."""
    out = []
    for block in blocks:
        if isinstance(block, Heading):
            out.append(f"<h4>{escape(block.text)}</h4>")
        elif isinstance(block, Paragraph):
            css = "note" if block.note else ""
            out.append(f'<p class="{css}">{escape(block.text)}</p>')
        elif isinstance(block, Bullets):
            items = "".join(f"<li>{escape(item)}</li>" for item in block.items)
            out.append(f"<ul>{items}</ul>")
        else:
            out.append(_table(block))
    return "".join(out)


def _table(table: Table) -> str:
    head = "".join(
        f'<th class="{a}">{escape(c)}</th>' for c, a in zip(table.columns, table.align, strict=True)
    )
    rows = "".join(
        "<tr>"
        + "".join(
            f'<td class="{a}">{escape(c)}</td>' for c, a in zip(row, table.align, strict=True)
        )
        + "</tr>"
        for row in table.rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"


__all__ = ["DashboardParts", "inline_svg", "write_dashboard"]
