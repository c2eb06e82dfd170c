"""The outputs of a scenario batch: the comparison table (CSV, XLSX) and the comparison map.

`write_comparison` writes, in the batch's output folder, ``comparison.csv`` and
``comparison.xlsx`` (results only, byte-identical whichever executor ran the batch: timings are
in each scenario's run log) and ``comparison_map.html`` (one layer per scenario: its underserved
areas and its new hubs, offline). Each scenario's own outputs are written by
`ccgeo.report.export.write_access`, the ``write`` of `ccgeo.tasks.batch.run_batch`.
`run_and_compare` does both, for ``ccgeo batch`` and the app alike.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from ccgeo.i18n import _
from ccgeo.io.atomic import atomic_path
from ccgeo.labels import MISSING, format_minutes, format_people, format_share
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress
from ccgeo.project import Project
from ccgeo.report.export import spreadsheet_safe, write_access, write_csv
from ccgeo.tasks.batch import (
    BatchOutcome,
    BatchPlan,
    comparison_frame,
    run_batch,
    scenario_folder,
)

#: Names of the comparison files in the batch's output folder.
COMPARISON_CSV = "comparison.csv"
COMPARISON_XLSX = "comparison.xlsx"
COMPARISON_MAP = "comparison_map.html"
COMPARISON_PDF = "comparison.pdf"
#: Share of a batch's progress bar given to writing the comparison files.
COMPARISON_SHARE = 0.05


@dataclass(frozen=True)
class BatchRun:
    """A batch run and compared: what ran (`BatchOutcome`) and the comparison files by kind."""

    outcome: BatchOutcome
    written: Mapping[str, Path]


def run_and_compare(
    plan: BatchPlan,
    out_dir: str | Path,
    *,
    executor: str = "pool",
    workers: int | None = None,
    scheduler: str | None = None,
    pdf: bool = True,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> BatchRun:
    """Run the scenarios of ``plan`` not finished in ``out_dir``, each writing its outputs
    (`ccgeo.report.export.write_access`), then write the comparison of them all.

    ``executor``, ``workers``, ``scheduler``, ``progress`` and ``cancel`` are those of
    `ccgeo.tasks.batch.run_batch`; ``pdf`` writes ``comparison.pdf`` too.

    Raises
    ------
    Cancelled
        If ``cancel`` is set; the scenarios finished so far stay finished.
    """
    outcome = run_batch(
        plan,
        out_dir,
        executor=executor,
        workers=workers,
        scheduler=scheduler,
        write=write_access,
        progress=scaled_progress(progress, 0.0, 1.0 - COMPARISON_SHARE),
        cancel=cancel,
    )
    report_progress(progress, 1.0 - COMPARISON_SHARE, _("Writing the comparison…"))
    written = write_comparison(plan, outcome, out_dir, project=outcome.project, pdf=pdf)
    report_progress(progress, 1.0, _("Writing the comparison…"))
    return BatchRun(outcome=outcome, written=written)


def write_comparison(
    plan: BatchPlan,
    outcome: BatchOutcome,
    out_dir: str | Path,
    *,
    project: Project | None = None,
    map_html: bool = True,
    pdf: bool = False,
) -> dict[str, Path]:
    """Write the comparison table (CSV, XLSX) and map of a batch; the paths by kind.

    Parameters
    ----------
    plan, outcome
        The scenario file and what `ccgeo.tasks.batch.run_batch` returned.
    out_dir
        The batch's output folder.
    project
        The inputs (facilities, districts) for the map's base layers; None: the map shows the
        scenarios' layers only.
    map_html
        Whether to write the map.
    pdf
        Whether to write ``comparison.pdf`` (the table as pages; needs Qt, see
        `write_comparison_pdf`).
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    table = comparison_frame(plan, outcome.rows)
    written = {"csv": write_csv(table, out / COMPARISON_CSV)}
    path = out / COMPARISON_XLSX
    with (
        atomic_path(path, what=path.name) as tmp,
        pd.ExcelWriter(tmp, engine="openpyxl") as book,
    ):
        spreadsheet_safe(table).to_excel(book, sheet_name="comparison", index=False)
    written["xlsx"] = path
    if map_html:
        written["map"] = write_comparison_map(plan, outcome, out, project=project)
    if pdf:
        written["pdf"] = write_comparison_pdf(plan, table, out / COMPARISON_PDF)
    return written


def comparison_tables(plan: BatchPlan, table: pd.DataFrame) -> list[tuple[str, Any]]:
    """The comparison as two printable tables: shares and mean time; people."""
    from ccgeo.report.methods import Table

    axes = ["scenario", *plan.axes]
    shares = [c for c in table.columns if c.startswith("share_")]
    within = [c for c in table.columns if c.startswith("within_")]
    minutes = [c.split("_")[1] for c in shares]
    head = [_("scenario"), *plan.axes]
    rows_a, rows_b = [], []
    for row in table.to_dict("records"):
        keys = [str(row[c]) for c in axes]
        if row["status"] != "ok":
            rows_a.append((*keys, *[MISSING] * len(shares), _("failed")))
            rows_b.append((*keys, *[MISSING] * (len(within) + 2), str(row["error"])[:80]))
            continue
        rows_a.append((*keys, *[format_share(row[c]) for c in shares], _minutes(row)))
        people = [format_people(row[c]) for c in [*within, "unreachable"]]
        rows_b.append((*keys, *people, format_people(row["population"]), str(row["new_hubs"])))
    first = Table(
        columns=(
            *head,
            *[_("within {minutes} min").format(minutes=m) for m in minutes],
            _("mean time"),
        ),
        rows=tuple(rows_a),
        align=("l",) * len(axes) + ("r",) * (len(shares) + 1),
    )
    second = Table(
        columns=(
            *head,
            *[_("people within {minutes} min").format(minutes=m) for m in minutes],
            _("unreachable"),
            _("people"),
            _("new hubs"),
        ),
        rows=tuple(rows_b),
        align=("l",) * len(axes) + ("r",) * (len(within) + 2) + ("l",),
    )
    return [(_("Share of people within each threshold"), first), (_("People"), second)]


def _minutes(row: Mapping[str, Any]) -> str:
    return format_minutes(row.get("mean_minutes"))


def write_comparison_pdf(plan: BatchPlan, table: pd.DataFrame, out_path: str | Path) -> Path:
    """``comparison.pdf``: the comparison table as A4 landscape pages (`ccgeo.report.pdf`)."""
    from ccgeo.report.pdf import write_table_pages

    title = _("Scenario comparison: {name}").format(name=plan.name)
    tables = comparison_tables(plan, table)
    return write_table_pages(out_path, title, tables, subtitle=plan.path.name)


def write_comparison_map(
    plan: BatchPlan, outcome: BatchOutcome, out_dir: str | Path, *, project: Project | None
) -> Path:
    """``comparison_map.html``: the base map, then one layer per scenario (the first shown)
    with its underserved areas and the hubs it adds, read from its ``access.gpkg``."""
    import folium
    import geopandas as gpd

    from ccgeo.report.webmap import build_webmap, save_webmap

    base = project if project is not None else Project(name=plan.name)
    layers = _scenario_layers(plan, outcome, out_dir)
    if base.facilities is None and base.districts is None and layers:
        base = Project(name=plan.name, districts=_outline(layers))
    title = _("Scenario comparison: {name}").format(name=plan.name)
    fmap = build_webmap(base, title=title, include_roads=False, tiles=False)
    for i, (row, areas, hubs) in enumerate(layers):
        group = folium.FeatureGroup(name=_layer_name(row), show=i == 0)
        if len(areas):
            folium.GeoJson(
                gpd.GeoDataFrame(areas[["population", "geometry"]]).to_json(),
                style_function=lambda _f: {"color": "#b2182b", "weight": 1, "fillOpacity": 0.35},
            ).add_to(group)
        for hub in hubs.itertuples(index=False):
            folium.CircleMarker(
                [hub.geometry.y, hub.geometry.x],
                radius=7,
                color="#1a9850",
                fill=True,
                tooltip=str(hub.name),
            ).add_to(group)
        group.add_to(fmap)
    return save_webmap(fmap, Path(out_dir) / COMPARISON_MAP)


def _scenario_layers(
    plan: BatchPlan, outcome: BatchOutcome, out_dir: str | Path
) -> list[tuple[Any, Any, Any]]:
    """Per finished scenario: its row, underserved areas and new hubs (EPSG:4326)."""
    import pyogrio

    scenarios = {s.id: s for s in plan.scenarios}
    out = []
    for row in outcome.rows:
        gpkg = scenario_folder(out_dir, row["scenario"]) / "access.gpkg"
        if row.get("status") != "ok" or not gpkg.is_file():
            continue
        names = {str(name) for name, _kind in pyogrio.list_layers(gpkg)}
        if "labs" not in names:
            continue
        labs = pyogrio.read_dataframe(gpkg, layer="labs").to_crs(4326)
        areas = labs.iloc[:0]
        if "underserved" in names:
            areas = pyogrio.read_dataframe(gpkg, layer="underserved").to_crs(4326)
        added = {str(h["hub_id"]) for h in scenarios[row["scenario"]].hubs.added}
        added |= {f"sited-{i}" for i in str(row.get("new_hubs") or "").split()}
        hubs = labs[labs["facility_id"].astype(str).isin(added)]
        out.append((row, areas, hubs))
    return out


def _outline(layers: list[tuple[Any, Any, Any]]) -> Any:
    """A district-like outline of the scenarios' areas, when no base layer is given."""
    import geopandas as gpd

    frames = [areas for _row, areas, _hubs in layers if len(areas)]
    if not frames:
        return None
    union = pd.concat(frames).geometry.union_all().envelope
    return gpd.GeoDataFrame(
        {"district_id": ["area"], "name": [_("study area")]}, geometry=[union], crs=4326
    )


def _layer_name(row: Mapping[str, Any]) -> str:
    """``"car-rainy-sited: 83 % within 30 min"``: a scenario's layer in the map's control."""
    shares = sorted(
        (float(k.split("_")[1]), v)
        for k, v in row.items()
        if k.startswith("share_") and v is not None
    )
    if not shares:
        return str(row["scenario"])
    minutes, share = shares[len(shares) // 2]
    text = _("{scenario}: {share} % within {minutes} min")
    return text.format(scenario=row["scenario"], share=f"{100 * share:.1f}", minutes=f"{minutes:g}")
