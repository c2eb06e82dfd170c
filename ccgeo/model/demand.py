"""Demand: where people live, as population-weighted points."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import geopandas as gpd


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
    """

    gdf: gpd.GeoDataFrame
    source: str = ""
    kind: str = "points"
    cell_size_m: float | None = None
    warnings: tuple[str, ...] = field(default_factory=tuple)

    @property
    def total_population(self) -> float:
        """Sum of the population weights, people."""
        return float(self.gdf["population"].sum())

    def __len__(self) -> int:
        return len(self.gdf)
