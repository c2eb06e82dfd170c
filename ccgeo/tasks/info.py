"""What a file holds (for ``ccgeo info``): layers, rows, CRS, extent, roads per class, columns."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ccgeo.errors import InputError
from ccgeo.i18n import _
from ccgeo.io.kinds import kind_of, suffixes

#: Kinds of file (`ccgeo.io.kinds`) that `describe` reads.
DESCRIBED_KINDS: tuple[str, ...] = (
    "project",
    "osm",
    "graphml",
    "raster",
    "vector",
    "table",
    "workbook",
)


def describe(path: str | Path) -> dict[str, Any]:
    """Describe a file ccgeo can read.

    Returns a JSON-ready dict with at least ``path`` and ``kind`` (``project``, ``roads``,
    ``raster``, ``vector`` or ``table``) and what is known of that kind: rows, columns, CRS,
    bbox (lon/lat), roads per ``highway`` class, guessed facility columns, ...

    Raises
    ------
    InputError
        When the file is missing or of a kind ccgeo does not read.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(_("file not found; check the path"), path=path)
    kind = kind_of(path, among=DESCRIBED_KINDS)
    if kind == "table" and path.suffix.lower() == ".json" and _is_geojson(path):
        kind = "vector"
    if kind is None:
        accepted = ", ".join(suffixes(*DESCRIBED_KINDS))
        msg = _("unknown file type {suffix!r}; ccgeo reads {accepted}")
        msg = msg.format(suffix=path.suffix.lower(), accepted=accepted)
        raise InputError(msg, path=path)
    describers = {
        "project": _describe_project,
        "osm": _describe_roads,
        "graphml": _describe_roads,
        "raster": _describe_raster,
        "vector": _describe_vector,
        "table": _describe_table,
        "workbook": _describe_table,
    }
    return describers[kind](path)


def _is_geojson(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(4096).decode("utf-8", errors="ignore")
    except OSError:  # the table reader says why it cannot be read
        return False
    return '"FeatureCollection"' in head or '"Feature"' in head


def _describe_project(path: Path) -> dict[str, Any]:
    from ccgeo.project import open_project

    project = open_project(path)
    layers: dict[str, int] = {}
    if project.facilities is not None:
        layers["facilities"] = len(project.facilities)
    if project.roads is not None:
        layers["road edges"] = project.roads.n_edges
    if project.demand is not None:
        layers["demand points"] = len(project.demand)
    if project.districts is not None:
        layers["districts"] = len(project.districts)
    return {
        "path": str(path),
        "kind": "project",
        "name": project.name,
        "layers": layers,
        "population": None if project.demand is None else round(project.demand.total_population),
        "scenarios": [s.name for s in project.scenarios],
        "synthetic": bool(project.metadata.get("synthetic", False)),
    }


def _describe_roads(path: Path) -> dict[str, Any]:
    from ccgeo.io.osm import read_roads

    roads = read_roads(path, mode="all")
    return {
        "path": str(path),
        "kind": "roads",
        "crs": "EPSG:4326",
        "nodes": roads.n_nodes,
        "edges": roads.n_edges,
        "bbox": [round(v, 6) for v in roads.bbox],
        "length_km": round(float(roads.edge_length_m.sum()) / 1000, 1),
        "one_way_edges": int(roads.edge_oneway.sum()),
        "roads_per_class": roads.highway_counts(),
        "warnings": list(getattr(roads, "warnings", ())),
    }


def _describe_raster(path: Path) -> dict[str, Any]:
    import numpy as np
    import rasterio
    from rasterio.errors import RasterioIOError
    from rasterio.warp import transform_bounds

    try:
        with rasterio.open(path) as src:
            data = src.read(1, masked=True)
            bounds = src.bounds
            crs = src.crs
            bbox = list(transform_bounds(crs, "EPSG:4326", *bounds)) if crs else list(bounds)
            values = data.compressed()
            positive = values[np.isfinite(values) & (values > 0)]
            return {
                "path": str(path),
                "kind": "raster",
                "crs": crs.to_string() if crs else None,
                "width": src.width,
                "height": src.height,
                "bands": src.count,
                "dtype": src.dtypes[0],
                "cell_size": [abs(src.transform.a), abs(src.transform.e)],
                "nodata": None if src.nodata is None else float(src.nodata),
                "bbox": [round(float(v), 6) for v in bbox],
                "sum_of_positive_cells": float(positive.sum(dtype="float64")),
                "nodata_cells": int(np.ma.count_masked(data)),
            }
    except RasterioIOError as exc:
        from ccgeo.io.population.rasters import raster_error

        raise raster_error(path, exc, expected=_("a raster (GeoTIFF)")) from exc


def _describe_vector(path: Path) -> dict[str, Any]:
    import pyogrio
    from pyogrio.errors import DataSourceError

    target = f"zip://{path}" if path.suffix.lower() == ".zip" else str(path)
    try:
        layer_list = pyogrio.list_layers(target)
    except (DataSourceError, OSError) as exc:
        msg = _("is not a readable vector file ({problem})").format(problem=exc)
        raise InputError(msg, path=path) from exc
    layers = []
    for layer_name, geom_type in layer_list:
        info = pyogrio.read_info(target, layer=layer_name)
        crs = info.get("crs")
        entry: dict[str, Any] = {
            "layer": str(layer_name),
            "geometry": geom_type,
            "rows": int(info["features"]),
            "crs": crs,
            "columns": [str(f) for f in info["fields"]],
        }
        bounds = info.get("total_bounds")
        if bounds is not None and geom_type is not None:
            entry["bbox"] = _bbox_lonlat(bounds, crs)
        if "highway" in entry["columns"]:
            table = pyogrio.read_dataframe(
                target, layer=layer_name, columns=["highway"], read_geometry=False
            )
            entry["roads_per_class"] = {
                str(k): int(v) for k, v in table["highway"].value_counts().items()
            }
        layers.append(entry)
    return {"path": str(path), "kind": "vector", "layers": layers}


def _bbox_lonlat(bounds: Any, crs: str | None) -> list[float]:
    if crs and "4326" not in str(crs) and "CRS84" not in str(crs):
        from pyproj import Transformer

        t = Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
        bounds = t.transform_bounds(*bounds)
    return [round(float(v), 6) for v in bounds]


def _describe_table(path: Path) -> dict[str, Any]:
    from ccgeo.io.facilities import guess_mapping
    from ccgeo.io.tables import list_sheets, read_table

    df = read_table(path)
    out: dict[str, Any] = {
        "path": str(path),
        "kind": "table",
        "rows": len(df),
        "columns": [str(c) for c in df.columns],
        "encoding": df.attrs.get("encoding"),
        "guessed_facility_columns": guess_mapping(list(df.columns)),
    }
    if df.attrs.get("sheet") is not None:
        out["sheet"] = df.attrs["sheet"]
        out["sheets"] = list_sheets(path)
    return out


def format_description(desc: dict[str, Any]) -> str:
    """The description as indented plain text for a terminal."""
    lines: list[str] = []
    _format_into(desc, lines, indent=0)
    return "\n".join(lines)


def _format_into(value: Any, lines: list[str], *, indent: int) -> None:
    pad = "  " * indent
    if isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, dict) and item:
                lines.append(f"{pad}{key}:")
                _format_into(item, lines, indent=indent + 1)
            elif isinstance(item, list) and item and isinstance(item[0], dict):
                lines.append(f"{pad}{key}:")
                for entry in item:
                    _format_into(entry, lines, indent=indent + 1)
                    lines.append("")
            else:
                lines.append(f"{pad}{key}: {_short(item)}")
    else:
        lines.append(f"{pad}{_short(value)}")


def _short(item: Any) -> str:
    if isinstance(item, list):
        return ", ".join(str(i) for i in item) if item else "-"
    if isinstance(item, float):
        return f"{item:,.6g}"
    if isinstance(item, int) and not isinstance(item, bool):
        return f"{item:,}"
    return "-" if item is None else str(item)
