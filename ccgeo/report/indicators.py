"""The files of a comparison of cities (`ccgeo.tasks.compare`): the tidy indicator table (CSV,
XLSX), the districts and coverage curves (CSV), the run log of every city (JSON), the DHIS2
export when a mapping is given, and the visual outputs of ``ccgeo.report.compare``. The command
line and the app write them all through `write_compare_outputs`.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from ccgeo.analysis.readiness.evidence import Comparison
from ccgeo.io.atomic import atomic_path
from ccgeo.report.dhis2 import Dhis2Mapping, dhis2_export
from ccgeo.report.export import _out_folder, spreadsheet_safe, write_csv, write_json

#: Files of the output folder.
INDICATORS_CSV = "indicators.csv"
INDICATORS_XLSX = "indicators.xlsx"
DISTRICTS_CSV = "districts.csv"
CURVES_CSV = "curves.csv"
RUN_LOG_JSON = "run_log.json"
DHIS2_JSON = "dhis2_datavalues.json"
DHIS2_UNMAPPED_CSV = "dhis2_unmapped.csv"
#: The module of the charts, maps, dashboard and brief.
VISUAL_MODULE = "ccgeo.report.compare"


@dataclass(frozen=True)
class CompareOutputs:
    """What `write_compare_outputs` wrote: every file, the number of values the DHIS2 export
    left out (listed in `DHIS2_UNMAPPED_CSV`), and whether the visual outputs were written."""

    files: tuple[Path, ...]
    unmapped: int = 0
    visual: bool = False


def write_compare_outputs(
    comparison: Comparison,
    out_dir: str | Path,
    *,
    mapping: Dhis2Mapping | None = None,
    period: str | None = None,
) -> CompareOutputs:
    """Write every output of ``comparison`` in ``out_dir`` (created if missing).

    Parameters
    ----------
    comparison
        From `ccgeo.tasks.compare.compare_projects`.
    out_dir
        The output folder.
    mapping, period
        With a mapping (`ccgeo.report.dhis2.load_dhis2_mapping`): `DHIS2_JSON` for that DHIS2
        period, and `DHIS2_UNMAPPED_CSV` listing the values left out and why.

    Raises
    ------
    InputError
        When the folder or a file cannot be written.
    """
    files = write_compare_tables(comparison, out_dir)
    unmapped = 0
    if mapping is not None:
        export = dhis2_export(comparison, mapping, period=period)
        out = Path(out_dir)
        files.append(write_json(out / DHIS2_JSON, export.payload))
        files.append(write_csv(export.unmapped, out / DHIS2_UNMAPPED_CSV))
        unmapped = len(export.unmapped)
    visual = has_visual_outputs()
    if visual:
        from ccgeo.report.compare import write_compare_report  # type: ignore[import-not-found]

        written = write_compare_report(comparison, out_dir)
        files += list(written.values()) if isinstance(written, Mapping) else list(written or [])
    return CompareOutputs(tuple(files), unmapped, visual)


def has_visual_outputs() -> bool:
    """Whether `VISUAL_MODULE` (charts, maps, dashboard, brief) is installed."""
    return importlib.util.find_spec(VISUAL_MODULE) is not None


def write_compare_tables(comparison: Comparison, out_dir: str | Path) -> list[Path]:
    """Write the tables and run log of ``comparison`` in ``out_dir``: `INDICATORS_CSV` and
    `INDICATORS_XLSX` (the tidy table: city, test, quality, indicator, value, unit, level),
    `DISTRICTS_CSV`, `CURVES_CSV` and `RUN_LOG_JSON` (the scale and one record per city);
    return the files written."""
    out = _out_folder(out_dir)
    table = comparison.indicators
    parts = [c.districts for c in comparison.cities if not c.districts.empty]
    districts = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
    files = [
        write_csv(table, out / INDICATORS_CSV),
        write_csv(districts, out / DISTRICTS_CSV),
        write_csv(comparison.curves, out / CURVES_CSV),
    ]
    path = out / INDICATORS_XLSX
    with atomic_path(path, what=path.name) as tmp, pd.ExcelWriter(tmp, engine="openpyxl") as book:
        spreadsheet_safe(table).to_excel(book, sheet_name="indicators", index=False)
    files.append(path)
    log = {
        "scale": {"draft": comparison.scale.draft, "sources": list(comparison.scale.sources)},
        "cities": [dict(c.run_log) for c in comparison.cities],
    }
    files.append(write_json(out / RUN_LOG_JSON, log))
    return files


__all__ = [
    "CURVES_CSV",
    "DHIS2_JSON",
    "DHIS2_UNMAPPED_CSV",
    "DISTRICTS_CSV",
    "INDICATORS_CSV",
    "INDICATORS_XLSX",
    "RUN_LOG_JSON",
    "CompareOutputs",
    "has_visual_outputs",
    "write_compare_outputs",
    "write_compare_tables",
]
