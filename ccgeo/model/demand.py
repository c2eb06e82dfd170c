"""Demand: where people live, as population-weighted points, and where every person of the
population file went (`PopulationReport`)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any

from ccgeo.i18n import N_, pgettext

if TYPE_CHECKING:
    import geopandas as gpd


#: How a person in several overlapping districts is counted: in exactly one of them (English,
#: kept so in reports and projects; shown as ``ccgeo.i18n._(OVERLAP_RULE)``).
def unit_words(unit: str) -> str:
    """What a row of the population file is (``PopulationReport.unit``: ``"cells"``, ``"rows"``,
    ``"features"``, ``"districts"``), in the current language."""
    words = {
        "rows": pgettext("rows of a population file", "rows"),
        "features": pgettext("rows of a population file", "features"),
        "cells": pgettext("rows of a population file", "cells"),
        "districts": pgettext("rows of a population file", "districts"),
    }
    return words.get(unit, unit)


OVERLAP_RULE = N_(
    "a person in overlapping districts counts in the district listed first in its file"
)


@dataclass(frozen=True)
class PopulationReport:
    """Where every person of a population file went, as the reader and the analysis found it.

    ``people_in_file == located + outside_people + not_located_people``: the people the
    analysis places on the map (``located``), those outside the study area (the districts'
    union, else the roads' extent) and those in rows that could not be placed. Of the located
    people, ``no_district_people`` lie in no district and ``overlap_people`` in several (each
    counted in one district by `OVERLAP_RULE`). A count that is not usable (missing, not a
    number, negative, more than ``MAX_PEOPLE``) is counted as 0 people and only its rows are
    counted here.

    Attributes
    ----------
    file : str
        Name of the population file (without its folder).
    unit : str
        What a row is: ``"rows"`` (a table), ``"features"`` (a GIS layer), ``"cells"`` (a
        raster) or ``"districts"`` (a census table joined to polygons).
    rows_in_file : int
        Rows, features or cells in the file (for a raster, the cells of the whole raster).
    people_in_file : float
        People of every usable count in the file, wherever they live.
    rows_with_people : int
        Rows (cells) with more than 0 people.
    outside_people, outside_rows : float, int
        People (rows) outside the study area, left out of the analysis.
    not_located_people, not_located_rows : float, int
        People (rows) that could not be placed: no usable coordinates, or a district name that
        matches no polygon.
    counted_zero_rows : int
        Rows whose count could not be used (missing, not a number, negative, too large),
        counted as 0 people.
    above_max_rows : int
        Of those, rows with more than ``MAX_PEOPLE`` people (a typo or an undeclared nodata).
    no_district_people, no_district_rows : float, int
        Located people (rows) in no district (all of them when no districts were given).
    overlap_people, overlap_rows : float, int
        Located people (rows) inside several districts.
    overlap_rule : str
        How those are counted (`OVERLAP_RULE`).
    warnings : tuple of str
        The reader's notes about the file (rows left out, counted as 0, ...).
    """

    file: str = ""
    unit: str = "rows"
    rows_in_file: int = 0
    people_in_file: float = 0.0
    rows_with_people: int = 0
    outside_people: float = 0.0
    outside_rows: int = 0
    not_located_people: float = 0.0
    not_located_rows: int = 0
    counted_zero_rows: int = 0
    above_max_rows: int = 0
    no_district_people: float = 0.0
    no_district_rows: int = 0
    overlap_people: float = 0.0
    overlap_rows: int = 0
    overlap_rule: str = OVERLAP_RULE
    warnings: tuple[str, ...] = ()

    @property
    def located_people(self) -> float:
        """People placed on the map: the file's people neither outside nor unplaced."""
        return self.people_in_file - self.outside_people - self.not_located_people

    @classmethod
    def of_points(cls, gdf: gpd.GeoDataFrame, *, file: str = "") -> PopulationReport:
        """The report of points given as they are (no file read): all of them located."""
        pop = gdf["population"].astype("float64")
        return cls(
            file=file,
            unit="rows",
            rows_in_file=len(gdf),
            people_in_file=float(pop.sum()),
            rows_with_people=int((pop > 0).sum()),
        )

    def with_districts(
        self,
        *,
        no_district: tuple[float, int],
        overlaps: tuple[float, int],
    ) -> PopulationReport:
        """A copy with the people (and rows) in no district and in overlaps."""
        return replace(
            self,
            no_district_people=float(no_district[0]),
            no_district_rows=int(no_district[1]),
            overlap_people=float(overlaps[0]),
            overlap_rows=int(overlaps[1]),
        )

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: plain numbers and text, ``warnings`` as a list, ``located_people`` added."""
        out = asdict(self)
        out["warnings"] = list(self.warnings)
        out["located_people"] = self.located_people
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PopulationReport:
        """The report written by `to_dict` (unknown keys ignored)."""
        names = {f.name for f in fields(cls)}
        kept = {k: v for k, v in data.items() if k in names}
        kept["warnings"] = tuple(kept.get("warnings") or ())
        return cls(**kept)


@dataclass(frozen=True, eq=False)
class Demand:
    """Where people live, as weighted points in EPSG:4326.

    Attributes
    ----------
    gdf : GeoDataFrame
        Points with columns ``demand_id`` (str), ``population`` (float, people), ``district_id``
        (str, ``""`` where the point falls in no district) and ``geometry``.
    source : str
        The file(s) it was read from.
    kind : str
        ``"raster"`` (cell centres), ``"points"`` (a point grid) or ``"district_table"``
        (one point per district, from a census table joined to polygons).
    cell_size_m : float or None
        Approximate cell size in metres for raster demand.
    warnings : tuple of str
        What the reader noticed and the user should know (cells clipped, nodata, ...).
    report : PopulationReport or None
        Where every person of the file went (set by ccgeo's readers); see `population_report`.
    """

    gdf: gpd.GeoDataFrame
    source: str = ""
    kind: str = "points"
    cell_size_m: float | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)
    report: PopulationReport | None = None

    @property
    def total_population(self) -> float:
        """Sum of the population weights, people."""
        return float(self.gdf["population"].sum())

    @property
    def population_report(self) -> PopulationReport:
        """The reader's report, or one of the points as they are when none was made."""
        if self.report is not None:
            return self.report
        return PopulationReport.of_points(self.gdf, file=_file_name(self.source))

    def __len__(self) -> int:
        return len(self.gdf)


def _file_name(source: str) -> str:
    """The last part of a path, without importing pathlib's heavier cousins."""
    return source.replace("\\", "/").rsplit("/", 1)[-1]
