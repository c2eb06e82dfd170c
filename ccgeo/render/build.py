"""Turn a `ccgeo.project.Project` into map layers in a local metric CRS (no widgets)."""

from __future__ import annotations

import threading
from collections.abc import Callable

import numpy as np
from pyproj import CRS

from ccgeo.errors import check_cancel
from ccgeo.geo import local_utm_crs
from ccgeo.i18n import N_, _
from ccgeo.progress import ProgressCallback, report_progress
from ccgeo.project import Project
from ccgeo.render.districts import DistrictLayer
from ccgeo.render.facilities import FacilityLayer
from ccgeo.render.layers import MapLayer
from ccgeo.render.population import PopulationLayer
from ccgeo.render.roads import RoadLayer
from ccgeo.render.view import Extent, union_extent


def project_extent_lonlat(project: Project) -> Extent | None:
    """Bounding box of every layer of ``project`` in lon/lat degrees, or ``None`` if empty."""
    boxes: list[Extent | None] = []

    def add(lonlat: np.ndarray) -> None:
        lonlat = np.asarray(lonlat, dtype=float).reshape(-1, 2)
        lonlat = lonlat[np.isfinite(lonlat).all(axis=1)]
        if len(lonlat):
            lo, hi = lonlat.min(axis=0), lonlat.max(axis=0)
            boxes.append((float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])))

    if project.facilities is not None and len(project.facilities):
        add(project.facilities.lonlat())
    if project.roads is not None and len(project.roads.node_lonlat):
        add(project.roads.node_lonlat)
    for gdf in (
        project.demand.gdf if project.demand is not None else None,
        project.districts,
    ):
        if gdf is not None and len(gdf) and not gdf.geometry.is_empty.all():
            b = gdf.to_crs("EPSG:4326").total_bounds
            add(np.array([[b[0], b[1]], [b[2], b[3]]]))
    return union_extent(boxes)


def map_crs(project: Project) -> CRS:
    """The UTM zone at the centre of the project's data: metres, nearly true scale in a city."""
    extent = project_extent_lonlat(project)
    if extent is None:
        return CRS.from_epsg(3857)
    return local_utm_crs((extent[0] + extent[2]) / 2.0, (extent[1] + extent[3]) / 2.0)


def layers_from_project(
    project: Project,
    *,
    crs: CRS | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> tuple[CRS, list[MapLayer]]:
    """Build the map layers of ``project``, bottom to top: population, roads, districts, facilities.

    Parameters
    ----------
    project
        The project to show.
    crs
        Metric CRS to draw in; default `map_crs` of the project.
    progress, cancel
        Progress callback and cancel event; raises `ccgeo.errors.Cancelled` when cancelled.

    Returns
    -------
    crs, layers
        The CRS and the layers, in drawing order.
    """
    map_crs_ = crs or map_crs(project)
    demand, roads, districts, facilities = (
        project.demand,
        project.roads,
        project.districts,
        project.facilities,
    )
    # (what the status line says, how the layer is built)
    builders: list[tuple[str, Callable[[], MapLayer]]] = []
    if demand is not None:
        builders.append(
            (
                N_("Drawing population…"),
                lambda: PopulationLayer(demand, map_crs_, districts=districts),
            )
        )
    if roads is not None:
        builders.append((N_("Drawing roads…"), lambda: RoadLayer(roads, map_crs_)))
    if districts is not None and len(districts) > 0:
        builders.append((N_("Drawing districts…"), lambda: DistrictLayer(districts, map_crs_)))
    if facilities is not None:
        builders.append((N_("Drawing facilities…"), lambda: FacilityLayer(facilities, map_crs_)))
    layers: list[MapLayer] = []
    for i, (doing, build) in enumerate(builders):
        check_cancel(cancel)
        report_progress(progress, i / len(builders), _(doing))
        layers.append(build())
    report_progress(progress, 1.0, _("Map layers ready"))
    return map_crs_, layers
