"""The files of the progress of a city between two versions (`ccgeo progress`, File ▸ Progress
Over Time): the tidy table (CSV, XLSX), each version's run log, an offline HTML page and its PDF,
all from one `ccgeo.tasks.compare.Progress` and the blocks of `ccgeo.report.progress_content`.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

import pandas as pd

from ccgeo.analysis.readiness.progress import PROGRESS_COLUMNS
from ccgeo.analysis.readiness.scorecard import draft_note
from ccgeo.i18n import _, current_language
from ccgeo.io.atomic import atomic_path, write_text_atomic
from ccgeo.report.compare_content import made_line
from ccgeo.report.compare_html import _STYLE, _blocks
from ccgeo.report.export import _out_folder, spreadsheet_safe, write_csv, write_run_log
from ccgeo.report.progress_content import progress_blocks, progress_title, sources_line
from ccgeo.tasks.compare import Progress

#: Files of the output folder.
PROGRESS_CSV = "progress.csv"
PROGRESS_XLSX = "progress.xlsx"
PROGRESS_HTML = "progress.html"
PROGRESS_PDF = "progress.pdf"
#: The analysis names of the two run logs (``run_log_<name>.json``).
RUN_LOGS = ("progress_baseline", "progress_after")


def write_progress_outputs(progress: Progress, out_dir: str | Path) -> tuple[Path, ...]:
    """Write every output of ``progress`` in ``out_dir`` (created if missing), in the current
    language: `PROGRESS_CSV` and `PROGRESS_XLSX` (`PROGRESS_COLUMNS`, changes in the indicator's
    unit, points for %), the run log of each version (`RUN_LOGS`), `PROGRESS_HTML` (offline,
    self-contained) and `PROGRESS_PDF`; return the files written.

    Raises
    ------
    InputError
        When the folder or a file cannot be written.
    """
    out = _out_folder(out_dir)
    table = progress.table[list(PROGRESS_COLUMNS)]
    files = [write_csv(table, out / PROGRESS_CSV), _write_xlsx(table, out / PROGRESS_XLSX)]
    logs = {
        city.city: write_run_log(out, name, city.run_log)
        for city, name in zip((progress.before, progress.after), RUN_LOGS, strict=True)
    }
    files += logs.values()
    title = progress_title(progress)
    lines = (sources_line(progress), made_line(dt.date.today()))
    blocks = progress_blocks(progress, logs)
    files.append(_write_html(out / PROGRESS_HTML, title, lines, _blocks(blocks)))
    from ccgeo.report.compare_pdf import PageParts, write_page  # Qt: only when painting

    draft = draft_note(progress.scale)
    footer = _("ccgeo progress over time")
    files.append(write_page(PageParts(title, lines, draft, blocks, footer), out / PROGRESS_PDF))
    return tuple(files)


def _write_xlsx(table: pd.DataFrame, path: Path) -> Path:
    with atomic_path(path, what=path.name) as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as book:
        spreadsheet_safe(table).to_excel(book, sheet_name="progress", index=False)
    return path


def _write_html(path: Path, title: str, lines: tuple[str, ...], body: str) -> Path:
    """The page: the style inline, nothing fetched from anywhere."""
    head = "".join(f"<div>{escape(line)}</div>" for line in lines)
    page = (
        f'<!DOCTYPE html>\n<html lang="{current_language()}"><head><meta charset="utf-8">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<header><h1>{escape(title)}</h1>{head}</header><main>{body}</main></body></html>\n"
    )
    return write_text_atomic(path, page, what=path.name)


__all__ = [
    "PROGRESS_CSV",
    "PROGRESS_HTML",
    "PROGRESS_PDF",
    "PROGRESS_XLSX",
    "RUN_LOGS",
    "write_progress_outputs",
]
