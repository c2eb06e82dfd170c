"""A project from the files a planner brings: roads, facilities, population, districts.

The command line and the demo city both build their projects here, so a project read from files
is the same whichever face asked for it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ccgeo.errors import InputError, check_cancel
from ccgeo.io.facilities import read_facilities
from ccgeo.io.osm import read_roads
from ccgeo.io.population import (
    read_districts,
    read_population,
    read_population_table,
    study_area_of,
)
from ccgeo.io.project import Project
from ccgeo.model import ProgressCallback, report_progress, scaled_progress


def project_from_files(
    *,
    roads: str | Path | None = None,
    facilities: str | Path | None = None,
    population: str | Path | None = None,
    districts: str | Path | None = None,
    population_by_district: str | Path | None = None,
    facility_mapping: Mapping[str, str] | str | Path | None = None,
    facility_sheet: str | int | None = None,
    name: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Project:
    """Read the given files with ccgeo's readers into one `Project`.

    The study area (used to catch swapped coordinates and outliers in the facility file and to
    clip the population) is the districts' union when districts are given, else the roads'
    bounding box.

    Parameters
    ----------
    roads
        Road file (see `ccgeo.io.osm.read_roads`); read for every travel mode.
    facilities
        Facility file (see `ccgeo.io.facilities.read_facilities`).
    population
        Population raster or point grid (see `ccgeo.io.population.read_population`).
    districts
        District boundaries (see `ccgeo.io.population.read_districts`).
    population_by_district
        A census table of population per district, joined to ``districts``, used instead of
        ``population``.
    facility_mapping, facility_sheet
        Column mapping and sheet of the facility file.
    name
        Project name; the roads' or facilities' file name by default.
    metadata
        Extra facts kept in ``project.metadata`` (``synthetic``, ``city``, ...).
    progress, cancel
        ``progress(fraction, text)`` callback and a `threading.Event` that cancels.

    Raises
    ------
    InputError
        From the readers, or when a population table is given without districts.
    """
    if population is not None and population_by_district is not None:
        msg = "give either a population raster/grid or a population table per district, not both"
        raise InputError(msg)
    if population_by_district is not None and districts is None:
        msg = "a population table per district needs the district boundaries (--districts)"
        raise InputError(msg)
    read_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    sources: list[dict[str, str]] = []

    def note(layer: str, path: str | Path) -> None:
        sources.append({"layer": layer, "path": str(path), "read_at": read_at})

    road_data = None
    if roads is not None:
        report_progress(progress, 0.0, f"reading roads {Path(roads).name}")
        road_data = read_roads(
            roads, mode="all", progress=scaled_progress(progress, 0.0, 0.5), cancel=cancel
        )
        note("roads", roads)
    check_cancel(cancel)
    district_gdf = None
    if districts is not None:
        report_progress(progress, 0.5, f"reading districts {Path(districts).name}")
        district_gdf = read_districts(districts)
        note("districts", districts)
    study_area = study_area_of(
        districts=district_gdf, roads_bbox=road_data.bbox if road_data is not None else None
    )
    demand = None
    if population is not None:
        report_progress(progress, 0.55, f"reading population {Path(population).name}")
        demand = read_population(
            population,
            districts=district_gdf,
            study_area=study_area,
            progress=scaled_progress(progress, 0.55, 0.85),
            cancel=cancel,
        )
        note("population", population)
    elif population_by_district is not None:
        assert district_gdf is not None
        demand = read_population_table(population_by_district, district_gdf)
        note("population", population_by_district)
    check_cancel(cancel)
    fac = None
    if facilities is not None:
        report_progress(progress, 0.85, f"reading facilities {Path(facilities).name}")
        fac = read_facilities(
            facilities,
            mapping=facility_mapping,
            sheet=facility_sheet,
            study_area=study_area,
            cancel=cancel,
        )
        note("facilities", facilities)
    first = next((p for p in (roads, facilities, population, districts) if p is not None), None)
    project = Project(
        name=name or (Path(first).stem.split(".")[0] if first is not None else "Untitled"),
        facilities=fac,
        roads=road_data,
        demand=demand,
        districts=district_gdf,
        import_reports=[fac.report] if fac is not None and fac.report is not None else [],
        metadata={"synthetic": False, **dict(metadata or {}), "sources": sources},
    )
    report_progress(progress, 1.0, "project ready")
    return project
