"""Population rasters (people per cell) → one demand point per cell with people.

rasterio is imported inside the functions, so that importing ccgeo stays light.
"""

from __future__ import annotations

import math
import re
import warnings as warnings_module
from dataclasses import dataclass
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
    #: cells of the whole raster
    file_cells: int = 0
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
    """The cells of a raster with people, as points at the cell centres (EPSG:4326)."""
    report_progress(progress, 0.0, _("opening {name}").format(name=path.name))
    warnings: list[str] = []
    win = _read_window(
        path, study_area=study_area, progress=progress, warnings=warnings, cancel=cancel
    )
    check_cancel(cancel)
    report_progress(progress, 0.4, _("finding cells with people"))
    people = _cells_with_people(win, warnings=warnings)
    with_people = people.copy()
    if study_area is not None:
        people &= _cells_inside(study_area, win, people=people, warnings=warnings)
    rows, cols = np.nonzero(people)
    if len(rows) == 0:
        raise InputError(_no_one_there(in_study_area=study_area is not None), path=path)
    population = win.data[rows, cols].astype(np.float64)
    check_cancel(cancel)
    placing = ngettext("placing {n} cell centres", "placing {n} cell centres", len(rows))
    report_progress(progress, 0.55, placing.format(n=len(rows)))

    g_rows = rows + win.row0
    g_cols = cols + win.col0
    x, y = _cell_centres_lonlat(win, g_rows, g_cols)
    district_id = np.full(len(rows), "", dtype=object)
    in_overlap = np.zeros(len(rows), dtype=bool)
    if districts is not None and not districts.empty:
        check_cancel(cancel)
        report_progress(progress, 0.75, _("assigning cells to districts"))
        ids, overlap = _raster_districts(districts, win)
        district_id, in_overlap = ids[rows, cols], overlap[rows, cols]
        warnings.extend(overlap_warning(in_overlap, population, unit="cells"))

    report_progress(progress, 0.9, _("building demand points"))
    gdf = gpd.GeoDataFrame(
        {
            "demand_id": _cell_ids(g_rows, g_cols),
            "population": population,
            "district_id": district_id,
        },
        geometry=gpd.GeoSeries(shapely.points(x, y), crs="EPSG:4326"),
        crs="EPSG:4326",
    )
    done = ngettext("{n} cells with {people} people", "{n} cells with {people} people", len(gdf))
    report_progress(
        progress, 1.0, done.format(n=len(gdf), people=_fmt_people(float(population.sum())))
    )
    report = _raster_report(path, win, with_people, people, gdf, in_overlap, warnings=warnings)
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
    kept: np.ndarray,
    gdf: gpd.GeoDataFrame,
    in_overlap: np.ndarray,
    *,
    warnings: list[str],
) -> PopulationReport:
    """Where the people of every cell of the raster went."""
    data, valid = win.data, win.valid
    finite = np.isfinite(data)
    unusable = valid & (~finite | (finite & (data < 0)) | (finite & (data > MAX_PEOPLE)))
    in_window = float(data[with_people].sum(dtype=np.float64))
    left_in_window = with_people & ~kept
    pop = gdf["population"].to_numpy(dtype=np.float64)
    no_district = (gdf["district_id"] == "").to_numpy()
    return PopulationReport(
        file=path.name,
        unit="cells",
        rows_in_file=win.file_cells,
        people_in_file=in_window + win.outside_people,
        rows_with_people=int(with_people.sum()) + win.outside_cells,
        outside_people=float(data[left_in_window].sum(dtype=np.float64)) + win.outside_people,
        outside_rows=int(left_in_window.sum()) + win.outside_cells,
        counted_zero_rows=int(unusable.sum()),
        above_max_rows=int((valid & ((finite & (data > MAX_PEOPLE)) | np.isposinf(data))).sum()),
        no_district_people=float(pop[no_district].sum()),
        no_district_rows=int(no_district.sum()),
        overlap_people=float(pop[in_overlap].sum()),
        overlap_rows=int(in_overlap.sum()),
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
) -> _RasterWindow:
    """Open the raster and read band 1 and its mask over the study area's bounding box; the
    people of the cells outside that box are counted, not read as demand."""
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
            outside_people, outside_cells = _people_outside_window(
                src, (row0, col0, height, width), cancel=cancel
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
        outside_people=outside_people,
        outside_cells=outside_cells,
    )


#: Cells read at once when counting the people outside the study area's box.
_STRIP_CELLS = 4_000_000


def _people_outside_window(
    src: Any, window: tuple[int, int, int, int], *, cancel: Any
) -> tuple[float, int]:
    """People and cells with people of the whole raster outside ``(row0, col0, height,
    width)``, read in strips of whole rows (`_STRIP_CELLS` cells)."""
    import rasterio.windows

    row0, col0, height, width = window
    if window == (0, 0, src.height, src.width):
        return 0.0, 0
    people, cells = 0.0, 0
    step = max(1, _STRIP_CELLS // max(int(src.width), 1))
    for r in range(0, int(src.height), step):
        check_cancel(cancel)
        h = min(step, int(src.height) - r)
        strip = rasterio.windows.Window(0, r, src.width, h)
        data = src.read(1, window=strip)
        finite = np.isfinite(data)
        usable = (src.read_masks(1, window=strip) > 0) & finite & (data > 0)
        usable &= ~(finite & (data > MAX_PEOPLE))
        lo, hi = max(r, row0), min(r + h, row0 + height)
        if lo < hi:  # the part inside the window was read as demand
            usable[lo - r : hi - r, col0 : col0 + width] = False
        people += float(data[usable].sum(dtype=np.float64))
        cells += int(usable.sum())
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


def _cells_inside(
    study_area: BaseGeometry, win: _RasterWindow, *, people: np.ndarray, warnings: list[str]
) -> np.ndarray:
    """Mask of the cells inside the study area; the people outside it are counted, those in
    the study area's bounding box and those beyond it alike."""
    import rasterio.features

    area_in_crs = (
        study_area if win.is_lonlat else _transform_geometry(study_area, "EPSG:4326", win.crs)
    )
    inside = rasterio.features.geometry_mask(
        [area_in_crs], out_shape=win.data.shape, transform=win.win_transform, invert=True
    )
    outside = people & ~inside
    n_cells = int(outside.sum()) + win.outside_cells
    if n_cells:
        n_people = float(win.data[outside].sum(dtype=np.float64)) + win.outside_people
        warnings.append(
            ngettext(
                "{n} cells with {people} people lie outside the study area and were left out; "
                "they are counted as outside the study area in every total",
                "{n} cells with {people} people lie outside the study area and were left out; "
                "they are counted as outside the study area in every total",
                n_cells,
            ).format(n=n_cells, people=_fmt_people(n_people))
        )
    return inside


def _cell_centres_lonlat(
    win: _RasterWindow, g_rows: np.ndarray, g_cols: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Longitude and latitude of the centres of cells (rows and columns of the whole raster)."""
    transform = win.transform
    x = transform.c + (g_cols + 0.5) * transform.a + (g_rows + 0.5) * transform.b
    y = transform.f + (g_cols + 0.5) * transform.d + (g_rows + 0.5) * transform.e
    if not win.is_lonlat:
        t = Transformer.from_crs(CRS.from_user_input(win.crs.to_wkt()), "EPSG:4326", always_xy=True)
        x, y = t.transform(x, y)
    return x, y


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


def _raster_districts(
    districts: gpd.GeoDataFrame, win: _RasterWindow
) -> tuple[np.ndarray, np.ndarray]:
    """District id of every cell of the window, by burning the polygons at cell centres, and
    the mask of the cells inside several districts (those go to the district listed first).

    The polygons are reprojected to the raster's CRS whatever theirs (EPSG:4326 when unset).
    """
    import rasterio.features
    from rasterio.enums import MergeAlg

    geoms = districts.geometry
    if geoms.crs is None:
        geoms = geoms.set_crs("EPSG:4326")
    if not (win.is_lonlat and geoms.crs.to_epsg() == 4326):
        geoms = geoms.to_crs(win.crs.to_wkt())
    shapes = [
        (g, i + 1) for i, g in enumerate(geoms.to_numpy()) if g is not None and not g.is_empty
    ]
    shape = win.data.shape
    # burnt last to first, so that the district listed first is the one a cell keeps
    index = rasterio.features.rasterize(
        shapes[::-1], out_shape=shape, transform=win.win_transform, fill=0, dtype="int32"
    )
    count = rasterio.features.rasterize(
        ((g, 1) for g, _index in shapes),
        out_shape=shape,
        transform=win.win_transform,
        fill=0,
        dtype="int32",
        merge_alg=MergeAlg.add,
    )
    ids = np.concatenate(
        [np.array([""], dtype=object), districts["district_id"].to_numpy(dtype=object)]
    )
    return ids[index], count > 1


def _cell_size_m(transform: Any, crs: Any, row: float, col: float) -> float:
    """Side of a square with the area of a cell near (row, col), metres."""
    if crs.is_geographic:
        lon, lat = transform * (col, row)
        dx = great_circle_m(lon, lat, lon + math.hypot(transform.a, transform.d), lat)
        dy = great_circle_m(lon, lat, lon, lat + math.hypot(transform.b, transform.e))
        return float(math.sqrt(float(dx) * float(dy)))
    factor = CRS.from_user_input(crs.to_wkt()).axis_info[0].unit_conversion_factor
    return float(math.sqrt(abs(transform.a * transform.e - transform.b * transform.d)) * factor)
