"""Population rasters (people per cell) → one demand point per cell with people, or per part
of a cell in one district (exact zonal shares, `ccgeo.io.population.zonal`).

rasterio is imported inside the functions, so that importing ccgeo stays light.
"""

from __future__ import annotations

import math
import re
import warnings as warnings_module
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import shapely
from pyproj import CRS, Transformer
from shapely.geometry.base import BaseGeometry

from ccgeo.errors import InputError, check_cancel
from ccgeo.geo import great_circle_m
from ccgeo.i18n import _, ngettext
from ccgeo.io.population.common import MAX_PEOPLE, _extent_text, _fmt_people, overlap_warning
from ccgeo.io.population.zonal import MIN_FRACTION, CellCover, cell_cover, window_bounds
from ccgeo.labels import format_count, format_number
from ccgeo.model.demand import Demand, PopulationReport
from ccgeo.progress import ProgressCallback, report_progress


@dataclass(frozen=True)
class _RasterWindow:
    """Band 1 of a raster, read over the study area's bounding box (else the whole raster)."""

    data: np.ndarray
    #: False where the raster has no data
    valid: np.ndarray
    #: the raster's CRS (rasterio), EPSG:4326 when the file had none but looked like degrees
    crs: Any
    is_lonlat: bool
    #: affine transform of the whole raster, and of the window read
    transform: Any
    win_transform: Any
    #: the window's first row and column in the whole raster, and its size, cells
    row0: int
    col0: int
    height: int
    width: int
    #: cells of the whole raster, and its rows and columns
    file_cells: int = 0
    file_shape: tuple[int, int] = (0, 0)
    #: people (and cells with people) of the raster outside the window, not read as demand
    outside_people: float = 0.0
    outside_cells: int = 0


def _read_raster(
    path: Path,
    *,
    study_area: BaseGeometry | None,
    districts: gpd.GeoDataFrame | None,
    progress: ProgressCallback | None,
    cancel: Any,
) -> Demand:
    """The cells of a raster with people, as points at the cell centres (EPSG:4326); with
    districts, a border cell is one point per district it touches (`_district_parts`)."""
    report_progress(progress, 0.0, _("opening {name}").format(name=path.name))
    warnings: list[str] = []
    win = _read_window(
        path, study_area=study_area, progress=progress, warnings=warnings, cancel=cancel
    )
    return _demand_from_window(
        path,
        win,
        study_area=study_area,
        districts=districts,
        warnings=warnings,
        progress=progress,
        cancel=cancel,
    )


def _demand_from_window(
    path: Path,
    win: _RasterWindow,
    *,
    study_area: BaseGeometry | None,
    districts: gpd.GeoDataFrame | None,
    warnings: list[str],
    progress: ProgressCallback | None,
    cancel: Any,
    bands: dict[str, np.ndarray] | None = None,
) -> Demand:
    """The demand points of the cells with people of a window read from ``path`` (a raster,
    or the folder of the rasters summed into it); ``bands``, people by sex and age on the
    window's cells (`ccgeo.io.population.worldpop`), become columns shared as the people are."""
    check_cancel(cancel)
    report_progress(progress, 0.4, _("finding cells with people"))
    with_people = _cells_with_people(win, warnings=warnings)
    if districts is not None and not districts.empty:
        check_cancel(cancel)
        report_progress(progress, 0.55, _("assigning cells to districts"))
        parts = _district_parts(win, districts, with_people=with_people, study_area=study_area)
    elif study_area is not None:
        parts = _whole_cells(win, with_people & _cells_inside(study_area, win))
    else:
        parts = _whole_cells(win, with_people)
    warnings.extend(_outside_warnings(win, with_people, parts))
    if len(parts.population) == 0:
        raise InputError(_no_one_there(in_study_area=study_area is not None), path=path)
    check_cancel(cancel)
    population = parts.population
    placing = ngettext("placing {n} cell centres", "placing {n} cell centres", len(population))
    report_progress(progress, 0.75, placing.format(n=len(population)))
    g_rows = parts.rows + win.row0
    g_cols = parts.cols + win.col0
    x, y = _lonlat(win, parts.x, parts.y)
    warnings.extend(
        overlap_warning(
            np.ones(len(parts.overlap_people), dtype=bool), parts.overlap_people, unit="cells"
        )
    )

    report_progress(progress, 0.9, _("building demand points"))
    gdf = gpd.GeoDataFrame(
        {
            "demand_id": _cell_ids(g_rows, g_cols) + parts.suffix,
            "population": population,
            "district_id": parts.district_id,
        },
        geometry=gpd.GeoSeries(shapely.points(x, y), crs="EPSG:4326"),
        crs="EPSG:4326",
    )
    for column, people in (bands or {}).items():
        gdf[column] = _shared_as_people(win, parts, people)
    done = ngettext("{n} cells with {people} people", "{n} cells with {people} people", len(gdf))
    report_progress(
        progress, 1.0, done.format(n=len(gdf), people=_fmt_people(float(population.sum())))
    )
    report = _raster_report(path, win, with_people, parts, gdf, warnings=warnings)
    cell_size_m = _cell_size_m(
        win.transform, win.crs, win.row0 + win.height / 2, win.col0 + win.width / 2
    )
    return Demand(
        gdf,
        source=str(path),
        kind="raster",
        cell_size_m=cell_size_m,
        warnings=tuple(warnings),
        report=report,
    )


def _shared_as_people(win: _RasterWindow, parts: _Parts, values: np.ndarray) -> np.ndarray:
    """``values`` of the window's cells (people of one sex and age) at each demand point: a
    cell's value times the share of the cell's people the point holds."""
    cell = parts.rows * win.width + parts.cols
    cell_people = win.data.ravel()[cell].astype(np.float64)
    share = np.divide(parts.population, cell_people, out=np.zeros(len(cell)), where=cell_people > 0)
    return values.ravel()[cell].astype(np.float64) * share


@dataclass(frozen=True)
class _Parts:
    """The demand points made from the cells of a window: a whole cell at its centre, or the
    part of a border cell inside one district (or in none) at that part's centroid."""

    #: window row and column of the cell of each point
    rows: np.ndarray
    cols: np.ndarray
    #: people of each point, its district (``""`` in none), and what its id adds to the cell's
    population: np.ndarray
    district_id: np.ndarray
    suffix: np.ndarray
    #: location of each point, in the raster's CRS
    x: np.ndarray
    y: np.ndarray
    #: window mask of the cells with at least one point
    kept: np.ndarray
    #: people (and cells) of the parts of kept cells outside the study area, left out
    outside_people: float = 0.0
    outside_cells: int = 0
    #: people inside several districts, one value per cell with such people
    overlap_people: np.ndarray = field(default_factory=lambda: np.zeros(0))


def _whole_cells(win: _RasterWindow, kept: np.ndarray) -> _Parts:
    """One point per kept cell, at its centre, in no district."""
    rows, cols = np.nonzero(kept)
    x, y = _cell_centres(win, rows, cols)
    return _Parts(
        rows=rows,
        cols=cols,
        population=win.data[rows, cols].astype(np.float64),
        district_id=np.full(len(rows), "", dtype=object),
        suffix=np.full(len(rows), "", dtype=object),
        x=x,
        y=y,
        kept=kept,
    )


def _district_parts(
    win: _RasterWindow,
    districts: gpd.GeoDataFrame,
    *,
    with_people: np.ndarray,
    study_area: BaseGeometry | None,
) -> _Parts:
    """The cells with people split by district: each cell's people times the share of its area
    in each district (exactextract's coverage fraction), the district listed first where
    several overlap.

    The share of a cell in no district but in the study area is a point with no district; the
    share outside the study area is counted outside it. Rotated rasters, which exactextract
    does not read, give each cell whole to the district and study area of its centre.
    """
    geoms = districts.geometry
    if geoms.crs is None:
        geoms = geoms.set_crs("EPSG:4326")
    if not (win.is_lonlat and geoms.crs.to_epsg() == 4326):
        geoms = geoms.to_crs(win.crs.to_wkt())
    area = None
    if study_area is not None:
        area = (
            study_area if win.is_lonlat else _transform_geometry(study_area, "EPSG:4326", win.crs)
        )
    n = with_people.size
    t = win.win_transform
    north_up = t.b == 0 and t.d == 0 and t.a > 0 and t.e < 0
    in_area = np.ones(n)
    if north_up:
        grid = {"shape": win.data.shape, "bounds": window_bounds(win), "crs_wkt": win.crs.to_wkt()}
        cover = cell_cover(geoms.to_numpy(), **grid)
        if area is not None:
            area_cover = cell_cover(np.array([area], dtype=object), **grid)
            in_area = np.bincount(area_cover.cell, weights=area_cover.fraction, minlength=n)
    else:
        cover = _centre_cover(geoms.to_numpy(), win)
    shares = None
    if study_area is not None:
        centre_in = _cells_inside(study_area, win).ravel()
        shares = (in_area if north_up else centre_in * 1.0, centre_in)
    cell, polygon, share, outside_share = _split_shares(cover, with_people.ravel(), shares)
    pop_flat = win.data.ravel().astype(np.float64)
    touched = np.zeros(n, dtype=bool)
    touched[cell] = True
    x, y = _part_locations(win, cover, (cell, polygon, share), area=area)
    ids = np.append(districts["district_id"].to_numpy(dtype=object), "")
    partial = np.bincount(cell, minlength=with_people.size)[cell] > 1
    partial |= share < 1 - MIN_FRACTION
    suffix = np.where(partial, ":" + ids[polygon].astype(str), "").astype(object)
    ov = cover.overlap_cell[touched[cover.overlap_cell]]
    ov_share = cover.overlap_fraction[touched[cover.overlap_cell]]
    return _Parts(
        rows=cell // win.width,
        cols=cell % win.width,
        population=pop_flat[cell] * share,
        district_id=ids[polygon],
        suffix=suffix,
        x=x,
        y=y,
        kept=touched.reshape(with_people.shape),
        outside_people=float((pop_flat * outside_share).sum()),
        outside_cells=int((outside_share > 0).sum()),
        overlap_people=pop_flat[ov] * ov_share,
    )


def _split_shares(
    cover: CellCover, with_people: np.ndarray, area: tuple[np.ndarray, np.ndarray] | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """``(cell, polygon, share)`` of each part of the cells with people (``polygon`` -1 for the
    share in no district), sorted by cell, and the share of each cell counted outside the study
    area.

    ``area`` is ``(share of each cell in the study area, whether its centre is in it)``, None
    without a study area. The share of a cell in no district is a part in no district as far
    as it lies in the study area. Beyond it, the share goes to the cell's other parts when the
    cell's centre is in the study area (the cell counts whole in it, as it always did: a
    national raster's border cell holds only the people of that country), else it is counted
    outside. The shares of a cell add up to 1 with the share outside, exactly: shares below
    `MIN_FRACTION` go to the cell's other parts.
    """
    n = with_people.size
    keep = with_people[cover.cell] & (cover.fraction >= MIN_FRACTION)
    cell, polygon, share = cover.cell[keep], cover.polygon[keep], cover.fraction[keep]
    in_any = np.bincount(cell, weights=share, minlength=n)
    rest = np.where(with_people, np.maximum(1.0 - in_any, 0.0), 0.0)
    rest_in, centre_in = rest, np.ones(n, dtype=bool)
    if area is not None:
        rest_in = np.minimum(rest, np.maximum(area[0] - in_any, 0.0))
        centre_in = area[1]
    rest_in[rest_in < MIN_FRACTION] = 0.0
    # the cells counted whole: their parts are scaled up to fill the cell
    whole = centre_in & with_people & (in_any + rest_in > 0)
    filled = whole | ((in_any > 0) & (rest - rest_in < MIN_FRACTION))
    total = in_any + rest_in
    scale = np.where(filled & (total > 0), 1.0 / np.where(total > 0, total, 1.0), 1.0)
    share, rest_in = share * scale[cell], rest_in * scale
    has_part = (in_any > 0) | (rest_in > 0)
    outside_share = np.where(filled | ~has_part, 0.0, 1.0 - in_any - rest_in)
    rest_cells = np.flatnonzero(rest_in > 0)
    cell = np.concatenate([cell, rest_cells])
    polygon = np.concatenate([polygon, np.full(len(rest_cells), -1, dtype=np.int64)])
    share = np.concatenate([share, rest_in[rest_cells]])
    order = np.lexsort((polygon < 0, cell))
    return cell[order], polygon[order], share[order], np.maximum(outside_share, 0.0)


def _part_locations(
    win: _RasterWindow,
    cover: CellCover,
    parts: tuple[np.ndarray, np.ndarray, np.ndarray],
    *,
    area: BaseGeometry | None,
) -> tuple[np.ndarray, np.ndarray]:
    """Where each part's point goes, in the raster's CRS: the centre of a whole cell; inside a
    border cell, the centroid of the part of the cell in its district (or in none, within the
    study ``area``), or a point on that part when the centroid falls outside it (a part shaped
    like an L). ``parts`` is ``(cell, polygon, share)`` of `_split_shares`."""
    cell, polygon, share = parts
    rows, cols = cell // win.width, cell % win.width
    x, y = _cell_centres(win, rows, cols)
    partial = np.bincount(cell, minlength=win.data.size)[cell] > 1
    partial |= share < 1 - MIN_FRACTION
    if not partial.any():
        return x, y
    t = win.win_transform
    sel = np.flatnonzero(partial)
    r, c = rows[sel], cols[sel]
    x0, y0 = t.c + c * t.a, t.f + r * t.e
    boxes = shapely.box(x0, y0 + t.e, x0 + t.a, y0)
    pieces = np.array([None] * len(sel), dtype=object)
    in_district = polygon[sel] >= 0
    local = _tile_clip(win, cover.pieces, polygon[sel][in_district], r[in_district], c[in_district])
    pieces[in_district] = shapely.intersection(boxes[in_district], local)
    taken: dict[int, list[Any]] = {}
    for k in np.flatnonzero(in_district).tolist():
        taken.setdefault(int(cell[sel[k]]), []).append(pieces[k])
    rest = np.flatnonzero(~in_district)  # the share of a cell in no district
    for k in rest.tolist():
        pieces[k] = shapely.difference(
            boxes[k], shapely.union_all(taken.get(int(cell[sel[k]]), []))
        )
    if area is not None and len(rest):
        in_area = _tile_clip(
            win, np.array([area], dtype=object), np.zeros(len(rest), int), r[rest], c[rest]
        )
        pieces[rest] = shapely.intersection(pieces[rest].astype(object), in_area)
    point = shapely.centroid(pieces)
    off = ~shapely.within(point, pieces)
    point[off] = shapely.point_on_surface(pieces[off])
    ok = ~shapely.is_empty(point) & shapely.is_valid(point)
    x[sel[ok]], y[sel[ok]] = shapely.get_x(point[ok]), shapely.get_y(point[ok])
    return x, y


#: Side of the tiles, cells, the polygons are cut into before a border cell is cut out of
#: them: a cell is then cut from a few vertices instead of a whole district's boundary.
_TILE_CELLS = 16


def _tile_clip(
    win: _RasterWindow, geoms: np.ndarray, which: np.ndarray, rows: np.ndarray, cols: np.ndarray
) -> np.ndarray:
    """``geoms[which]`` clipped to the tile of `_TILE_CELLS` cells around each (row, column),
    each polygon and tile clipped once."""
    t = win.win_transform
    tiles_per_row = win.width // _TILE_CELLS + 1
    key = (which * (win.height // _TILE_CELLS + 1) + rows // _TILE_CELLS) * tiles_per_row
    key += cols // _TILE_CELLS
    unique, inverse = np.unique(key, return_inverse=True)
    first = np.zeros(len(unique), dtype=np.int64)
    first[inverse[::-1]] = np.arange(len(key))[::-1]
    clipped = np.empty(len(unique), dtype=object)
    for u, k in enumerate(first.tolist()):
        r0, c0 = rows[k] // _TILE_CELLS * _TILE_CELLS, cols[k] // _TILE_CELLS * _TILE_CELLS
        xa, xb = t.c + (c0 - 1) * t.a, t.c + (c0 + _TILE_CELLS + 1) * t.a
        ya, yb = t.f + (r0 + _TILE_CELLS + 1) * t.e, t.f + (r0 - 1) * t.e
        clipped[u] = shapely.clip_by_rect(geoms[which[k]], xa, ya, xb, yb)
    return clipped[inverse]


def _no_one_there(*, in_study_area: bool) -> str:
    """Why a raster gives no demand: no cell (in the study area) has people."""
    if in_study_area:
        return _(
            "no cell in the study area has people (all cells are 0, negative or nodata); "
            "choose a population raster"
        )
    return _(
        "no cell in the raster has people (all cells are 0, negative or nodata); "
        "choose a population raster"
    )


def _raster_report(
    path: Path,
    win: _RasterWindow,
    with_people: np.ndarray,
    parts: _Parts,
    gdf: gpd.GeoDataFrame,
    *,
    warnings: list[str],
) -> PopulationReport:
    """Where the people of every cell of the raster went."""
    data, valid = win.data, win.valid
    finite = np.isfinite(data)
    unusable = valid & (~finite | (finite & (data < 0)) | (finite & (data > MAX_PEOPLE)))
    in_window = float(data[with_people].sum(dtype=np.float64))
    left_in_window = with_people & ~parts.kept
    pop = gdf["population"].to_numpy(dtype=np.float64)
    no_district = (gdf["district_id"] == "").to_numpy()
    outside = float(data[left_in_window].sum(dtype=np.float64)) + parts.outside_people
    return PopulationReport(
        file=path.name,
        unit="cells",
        rows_in_file=win.file_cells,
        people_in_file=in_window + win.outside_people,
        rows_with_people=int(with_people.sum()) + win.outside_cells,
        outside_people=outside + win.outside_people,
        outside_rows=int(left_in_window.sum()) + win.outside_cells,
        counted_zero_rows=int(unusable.sum()),
        above_max_rows=int((valid & ((finite & (data > MAX_PEOPLE)) | np.isposinf(data))).sum()),
        no_district_people=float(pop[no_district].sum()),
        no_district_rows=int(no_district.sum()),
        overlap_people=float(parts.overlap_people.sum()),
        overlap_rows=len(parts.overlap_people),
        warnings=tuple(warnings),
    )


def raster_error(path: Path, exc: Exception, *, expected: str) -> InputError:
    """The `InputError` for a raster GDAL cannot open or read, with GDAL's own reason;
    ``expected`` says what the file should be, in the current language.

    rasterio's error often only says "see previous exception": the reason is in its cause.
    A file shorter than the places its header points to was cut short (a download or a copy
    that stopped).
    """
    reason = str(exc)
    cause = exc.__cause__ or exc.__context__
    if "previous exception" in reason and cause is not None:
        reason = str(cause)
    if isinstance(exc, PermissionError) or "Permission denied" in reason:
        msg = _(
            "cannot be read: permission denied; ask its owner to let you read it, or copy it "
            "into a folder of yours and give the copy"
        )
        return InputError(msg, path=path)
    try:
        size = path.stat().st_size
    except OSError:
        size = None
    offsets = [int(n) for n in re.findall(r"offset (\d+)", reason)]
    damage = any(w in reason for w in ("IReadBlock", "TIFFRead", "Read failed", "Read error"))
    if size is not None and (damage or any(n >= size for n in offsets)):
        msg = _(
            "is not a readable raster: it is damaged or cut short ({size} bytes; GDAL says: "
            "{reason}); the copy or download may have stopped before the end: copy or "
            "download it again"
        ).format(size=format_count(size), reason=reason)
    else:
        msg = _("is not a readable raster ({reason}); expected {expected}").format(
            reason=reason, expected=expected
        )
    return InputError(msg, path=path)


def _read_window(
    path: Path,
    *,
    study_area: BaseGeometry | None,
    progress: ProgressCallback | None,
    warnings: list[str],
    cancel: Any = None,
    count_outside: bool = True,
) -> _RasterWindow:
    """Open the raster and read band 1 and its mask over the study area's bounding box; the
    people of the cells outside that box are counted (unless ``count_outside`` is False), not
    read as demand."""
    import rasterio
    import rasterio.windows

    try:
        with warnings_module.catch_warnings():
            # a raster without georeference says so by a warning: an input error here
            warnings_module.simplefilter("ignore", rasterio.errors.NotGeoreferencedWarning)
            src = rasterio.open(path)
    except (rasterio.errors.RasterioIOError, OSError) as exc:
        raise raster_error(path, exc, expected=_("a GeoTIFF of people per cell")) from exc
    with src:
        if src.crs is None and src.transform.is_identity:
            msg = _(
                "the raster has no georeference: nothing says where its cells lie (it may be "
                "damaged, or a picture rather than a map); use a GeoTIFF of people per cell "
                "with its coordinates (e.g. from WorldPop)"
            )
            raise InputError(msg, path=path)
        crs = _raster_crs(src, path=path, warnings=warnings)
        is_lonlat = crs.to_epsg() == 4326
        if src.count > 1:
            warnings.append(
                ngettext(
                    "the raster has {n} bands; band 1 was read as people per cell",
                    "the raster has {n} bands; band 1 was read as people per cell",
                    src.count,
                ).format(n=src.count)
            )
        transform = src.transform
        row0, col0, height, width = _study_window(src, crs, study_area, path=path)
        window = rasterio.windows.Window(col0, row0, width, height)
        win_transform = rasterio.windows.transform(window, transform)
        report_progress(
            progress, 0.1, _("reading {width} × {height} cells").format(width=width, height=height)
        )
        try:
            data = src.read(1, window=window)
            valid = src.read_masks(1, window=window) > 0
            outside_people, outside_cells = (
                _people_outside_window([src], (row0, col0, height, width), cancel=cancel)
                if count_outside
                else (0.0, 0)
            )
        except (rasterio.errors.RasterioIOError, OSError) as exc:
            raise raster_error(path, exc, expected=_("a GeoTIFF of people per cell")) from exc
    return _RasterWindow(
        data=data,
        valid=valid,
        crs=crs,
        is_lonlat=is_lonlat,
        transform=transform,
        win_transform=win_transform,
        row0=row0,
        col0=col0,
        height=height,
        width=width,
        file_cells=int(src.width) * int(src.height),
        file_shape=(int(src.height), int(src.width)),
        outside_people=outside_people,
        outside_cells=outside_cells,
    )


#: Cells read at once when counting the people outside the study area's box.
_STRIP_CELLS = 4_000_000


def _people_outside_window(
    srcs: Sequence[Any], window: tuple[int, int, int, int], *, cancel: Any
) -> tuple[float, int]:
    """People and cells with people outside ``(row0, col0, height, width)`` of the rasters
    ``srcs`` (one, or several on the same grid whose people are summed), read in strips of
    whole rows (`_STRIP_CELLS` cells)."""
    import rasterio.windows

    row0, col0, height, width = window
    first = srcs[0]
    if window == (0, 0, first.height, first.width):
        return 0.0, 0
    people, cells = 0.0, 0
    step = max(1, _STRIP_CELLS // max(int(first.width), 1))
    for r in range(0, int(first.height), step):
        check_cancel(cancel)
        h = min(step, int(first.height) - r)
        strip = rasterio.windows.Window(0, r, first.width, h)
        total = np.zeros((h, int(first.width)), dtype=np.float64)
        for src in srcs:
            data = src.read(1, window=strip)
            finite = np.isfinite(data)
            usable = (src.read_masks(1, window=strip) > 0) & finite & (data > 0)
            usable &= ~(finite & (data > MAX_PEOPLE))
            total += np.where(usable, data, 0.0)
        lo, hi = max(r, row0), min(r + h, row0 + height)
        if lo < hi:  # the part inside the window was read as demand
            total[lo - r : hi - r, col0 : col0 + width] = 0.0
        people += float(total.sum())
        cells += int((total > 0).sum())
    return people, cells


def _raster_crs(src: Any, *, path: Path, warnings: list[str]) -> Any:
    """The raster's CRS; a raster without one is accepted only when its extent is in degrees."""
    import rasterio

    if src.crs is not None:
        return src.crs
    left, bottom, right, top = src.bounds
    if (
        min(left, right) >= -180
        and max(left, right) <= 180
        and min(bottom, top) >= -90
        and max(bottom, top) <= 90
    ):
        warnings.append(
            _(
                "the raster has no coordinate reference system; its extent looks like "
                "degrees, read as EPSG:4326"
            )
        )
        return rasterio.crs.CRS.from_epsg(4326)
    msg = _(
        "has no coordinate reference system and its extent is not in degrees; "
        "save it again with its CRS"
    )
    raise InputError(msg, path=path)


def _study_window(
    src: Any, crs: Any, study_area: BaseGeometry | None, *, path: Path
) -> tuple[int, int, int, int]:
    """``(row0, col0, height, width)`` of the cells over the study area's bounding box.

    The whole raster without a study area (or when the raster is rotated); an error when the
    raster does not reach the study area.
    """
    import rasterio.warp
    import rasterio.windows

    transform = src.transform
    extent = rasterio.warp.transform_bounds(crs, "EPSG:4326", *src.bounds, densify_pts=21)
    row0, col0, height, width = 0, 0, src.height, src.width
    if study_area is None:
        return row0, col0, height, width
    area_bounds = study_area.bounds
    overlap = not (
        area_bounds[0] > extent[2]
        or area_bounds[2] < extent[0]
        or area_bounds[1] > extent[3]
        or area_bounds[3] < extent[1]
    )
    if overlap and transform.b == 0 and transform.d == 0:
        b = rasterio.warp.transform_bounds("EPSG:4326", crs, *area_bounds, densify_pts=21)
        win = rasterio.windows.from_bounds(*b, transform=transform)
        c0 = max(math.floor(win.col_off), 0)
        r0 = max(math.floor(win.row_off), 0)
        c1 = min(math.ceil(win.col_off + win.width), src.width)
        r1 = min(math.ceil(win.row_off + win.height), src.height)
        overlap = c1 > c0 and r1 > r0
        row0, col0, height, width = r0, c0, r1 - r0, c1 - c0
    if not overlap:
        msg = _(
            "the raster covers {extent}; the study area is {area}: choose a raster of this area"
        ).format(extent=_extent_text(extent), area=_extent_text(area_bounds))
        raise InputError(msg, path=path)
    return row0, col0, height, width


def _cells_with_people(win: _RasterWindow, *, warnings: list[str]) -> np.ndarray:
    """Mask of the cells with more than 0 people; nodata, NaN and negative cells counted."""
    data, valid = win.data, win.valid
    finite = np.isfinite(data)
    n_nodata = int((~valid).sum())
    n_nan = int((valid & ~finite).sum())
    negative = valid & finite & (data < 0)
    n_negative = int(negative.sum())
    too_many = valid & ((finite & (data > MAX_PEOPLE)) | np.isposinf(data))
    n_too_many = int(too_many.sum())
    if n_nodata:
        warnings.append(
            ngettext(
                "{n} cells had no data, counted as 0",
                "{n} cells had no data, counted as 0",
                n_nodata,
            ).format(n=n_nodata)
        )
    if n_nan:
        warnings.append(
            ngettext(
                "{n} cells were NaN, counted as 0", "{n} cells were NaN, counted as 0", n_nan
            ).format(n=n_nan)
        )
    if n_negative:
        warnings.append(
            ngettext(
                "{n} cells had negative values, counted as 0",
                "{n} cells had negative values, counted as 0",
                n_negative,
            ).format(n=n_negative)
        )
    if n_too_many:
        warnings.append(
            ngettext(
                "{n} cells had more than {max} people, more than any city holds (a nodata value "
                "not declared as nodata?), counted as 0",
                "{n} cells had more than {max} people, more than any city holds (a nodata value "
                "not declared as nodata?), counted as 0",
                n_too_many,
            ).format(n=n_too_many, max=format_number(MAX_PEOPLE))
        )
    return valid & finite & (data > 0) & ~too_many


def _cells_inside(study_area: BaseGeometry, win: _RasterWindow) -> np.ndarray:
    """Mask of the cells whose centre lies inside the study area."""
    import rasterio.features

    area_in_crs = (
        study_area if win.is_lonlat else _transform_geometry(study_area, "EPSG:4326", win.crs)
    )
    return rasterio.features.geometry_mask(
        [area_in_crs], out_shape=win.data.shape, transform=win.win_transform, invert=True
    )


def _outside_warnings(win: _RasterWindow, with_people: np.ndarray, parts: _Parts) -> list[str]:
    """The notes about the people left outside the study area: whole cells, and the parts of
    border cells outside it (their centre outside, a part inside a district)."""
    out = []
    outside = with_people & ~parts.kept
    n_cells = int(outside.sum()) + win.outside_cells
    if n_cells:
        n_people = float(win.data[outside].sum(dtype=np.float64)) + win.outside_people
        out.append(
            ngettext(
                "{n} cells with {people} people lie outside the study area and were left out; "
                "they are counted as outside the study area in every total",
                "{n} cells with {people} people lie outside the study area and were left out; "
                "they are counted as outside the study area in every total",
                n_cells,
            ).format(n=n_cells, people=_fmt_people(n_people))
        )
    if parts.outside_cells:
        out.append(
            ngettext(
                "the parts outside the study area of {n} border cells ({people} people) were "
                "left out; they are counted as outside the study area in every total",
                "the parts outside the study area of {n} border cells ({people} people) were "
                "left out; they are counted as outside the study area in every total",
                parts.outside_cells,
            ).format(n=parts.outside_cells, people=_fmt_people(parts.outside_people))
        )
    return out


def _cell_centres(
    win: _RasterWindow, rows: np.ndarray, cols: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Centres of cells (rows and columns of the window), in the raster's CRS."""
    t = win.win_transform
    x = t.c + (cols + 0.5) * t.a + (rows + 0.5) * t.b
    y = t.f + (cols + 0.5) * t.d + (rows + 0.5) * t.e
    return np.asarray(x, dtype=np.float64), np.asarray(y, dtype=np.float64)


def _lonlat(win: _RasterWindow, x: np.ndarray, y: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Longitude and latitude of points given in the raster's CRS."""
    if win.is_lonlat:
        return x, y
    t = Transformer.from_crs(CRS.from_user_input(win.crs.to_wkt()), "EPSG:4326", always_xy=True)
    return t.transform(x, y)


def _cell_ids(g_rows: np.ndarray, g_cols: np.ndarray) -> np.ndarray:
    """``"r{row}_c{col}"`` of each cell (rows and columns of the whole raster)."""
    # ids from two small lookup tables: far faster than formatting a million strings
    u_rows, inv_rows = np.unique(g_rows, return_inverse=True)
    u_cols, inv_cols = np.unique(g_cols, return_inverse=True)
    row_text = np.array([f"r{r}_c" for r in u_rows], dtype=object)
    col_text = np.array([str(c) for c in u_cols], dtype=object)
    return row_text[inv_rows] + col_text[inv_cols]


def _transform_geometry(geom: BaseGeometry, src: Any, dst: Any) -> BaseGeometry:
    t = Transformer.from_crs(
        CRS.from_user_input(src),
        CRS.from_user_input(dst.to_wkt() if hasattr(dst, "to_wkt") else dst),
        always_xy=True,
    )
    return shapely.transform(geom, lambda xy: np.column_stack(t.transform(xy[:, 0], xy[:, 1])))


def _centre_cover(geoms: np.ndarray, win: _RasterWindow) -> CellCover:
    """Each cell whole to the district of its centre, the district listed first where several
    overlap: for rotated rasters, which exactextract does not read."""
    import rasterio.features
    from rasterio.enums import MergeAlg

    shapes = [(g, i + 1) for i, g in enumerate(geoms) if g is not None and not g.is_empty]
    shape = win.data.shape
    # burnt last to first, so that the district listed first is the one a cell keeps
    index = rasterio.features.rasterize(
        shapes[::-1], out_shape=shape, transform=win.win_transform, fill=0, dtype="int32"
    ).ravel()
    count = rasterio.features.rasterize(
        ((g, 1) for g, _index in shapes),
        out_shape=shape,
        transform=win.win_transform,
        fill=0,
        dtype="int32",
        merge_alg=MergeAlg.add,
    ).ravel()
    cell = np.flatnonzero(index)
    overlap_cell = np.flatnonzero(count > 1)
    return CellCover(
        cell=cell,
        polygon=(index[cell] - 1).astype(np.int64),
        fraction=np.ones(len(cell)),
        overlap_cell=overlap_cell,
        overlap_fraction=np.ones(len(overlap_cell)),
        pieces=geoms,
    )


def _cell_size_m(transform: Any, crs: Any, row: float, col: float) -> float:
    """Side of a square with the area of a cell near (row, col), metres."""
    if crs.is_geographic:
        lon, lat = transform * (col, row)
        dx = great_circle_m(lon, lat, lon + math.hypot(transform.a, transform.d), lat)
        dy = great_circle_m(lon, lat, lon, lat + math.hypot(transform.b, transform.e))
        return float(math.sqrt(float(dx) * float(dy)))
    factor = CRS.from_user_input(crs.to_wkt()).axis_info[0].unit_conversion_factor
    return float(math.sqrt(abs(transform.a * transform.e - transform.b * transform.d)) * factor)
