"""Facilities: a validated facility layer (GeoDataFrame in EPSG:4326 with the ccgeo schema)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd

from ccgeo.model.reports import ImportReport
from ccgeo.model.schema import CAPABILITIES, FACILITY_COLUMNS, QUALITY_FILTERS, TIER_ORDER


def highest_capability(row: pd.Series | dict[str, Any]) -> str:
    """Return the highest capability tier a facility has, or ``"none"``."""
    for cap in TIER_ORDER:
        if bool(row.get(cap, False)):
            return cap
    return "none"


def quality_mask(gdf: pd.DataFrame, quality: str | None) -> np.ndarray:
    """Boolean mask of the rows that meet a quality filter (see `QUALITY_FILTERS`)."""
    quality = quality or "any"
    if quality not in QUALITY_FILTERS:
        msg = f"`quality` should be one of {', '.join(QUALITY_FILTERS)}, got {quality!r}"
        raise ValueError(msg)
    eqa = gdf["eqa"].astype(str).to_numpy()
    acc = gdf["accreditation"].astype(str).to_numpy()
    has_eqa = np.isin(eqa, ["national", "international"])
    accredited = np.isin(acc, ["iso15189", "cap", "other"])
    if quality == "any":
        return np.ones(len(gdf), dtype=bool)
    if quality == "eqa":
        return has_eqa
    if quality == "international_eqa":
        return eqa == "international"
    if quality == "accredited":
        return accredited
    return has_eqa | accredited


class Facilities:
    """A validated facility layer: a GeoDataFrame in EPSG:4326 with the ccgeo schema.

    Columns are `FACILITY_COLUMNS` (capabilities as booleans, ``eqa`` one of `EQA_LEVELS`,
    ``accreditation`` one of `ACCREDITATIONS`, ``capacity_tests_per_year`` a float that is NaN
    when unknown), then any extra columns of the source file, then ``geometry``. The column
    ``review`` (bool) flags rows that were imported but are doubtful and should be checked.

    Parameters
    ----------
    gdf
        The facilities; must already follow the schema (use `ccgeo.io.facilities.read_facilities`
        to build one from a messy file, or `Facilities.from_records`).
    report
        The `ImportReport` of the import that produced them, if any.
    """

    def __init__(self, gdf: gpd.GeoDataFrame, report: ImportReport | None = None) -> None:
        missing = [c for c in FACILITY_COLUMNS if c not in gdf.columns]
        if missing:
            msg = (
                f"facility layer lacks the schema columns {missing}; build it with read_facilities"
            )
            raise ValueError(msg)
        if gdf.crs is None or gdf.crs.to_epsg() != 4326:
            msg = f"facilities should be in EPSG:4326, got {gdf.crs}"
            raise ValueError(msg)
        if "review" not in gdf.columns:
            gdf = gdf.assign(review=False)
        self.gdf: gpd.GeoDataFrame = gdf
        self.report = report

    # -- construction -------------------------------------------------------------------------
    @classmethod
    def from_records(cls, records: Iterable[dict[str, Any]]) -> Facilities:
        """Build facilities from dicts with ``lon``, ``lat`` and schema keys (missing: defaults)."""
        rows = []
        for rec in records:
            row = {c: rec.get(c) for c in FACILITY_COLUMNS}
            for cap in CAPABILITIES:
                row[cap] = bool(rec.get(cap, False))
            row["eqa"] = rec.get("eqa") or "none"
            row["accreditation"] = rec.get("accreditation") or "none"
            row["ownership"] = rec.get("ownership") or "unknown"
            cap_tests = rec.get("capacity_tests_per_year")
            row["capacity_tests_per_year"] = np.nan if cap_tests is None else float(cap_tests)
            row["facility_id"] = str(rec["facility_id"])
            row["name"] = str(rec.get("name") or rec["facility_id"])
            extra = {k: v for k, v in rec.items() if k not in row and k not in ("lon", "lat")}
            row.update(extra)
            row["geometry"] = gpd.points_from_xy([rec["lon"]], [rec["lat"]])[0]
            rows.append(row)
        gdf = gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")
        if gdf.empty:
            gdf = empty_facility_frame()
        return cls(gdf)

    # -- queries ------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.gdf)

    def __repr__(self) -> str:
        return f"<Facilities: {len(self)} facilities>"

    @property
    def extra_columns(self) -> list[str]:
        """Columns kept from the source file beyond the schema."""
        fixed = {*FACILITY_COLUMNS, "review", "geometry"}
        return [c for c in self.gdf.columns if c not in fixed]

    def capable(self, capability: str, *, quality: str | None = "any") -> Facilities:
        """Return the facilities able to do ``capability`` that meet the ``quality`` filter.

        Parameters
        ----------
        capability
            One of `CAPABILITIES`.
        quality
            One of `QUALITY_FILTERS`: ``"eqa"`` keeps labs in national or international EQA,
            ``"accredited"`` those with an accreditation, ``"any"`` (default) keeps all.
        """
        if capability not in CAPABILITIES:
            msg = f"`capability` should be one of {', '.join(CAPABILITIES)}, got {capability!r}"
            raise ValueError(msg)
        mask = self.gdf[capability].to_numpy(dtype=bool) & quality_mask(self.gdf, quality)
        return Facilities(self.gdf.loc[mask].copy(), report=None)

    def tiers(self) -> pd.Series:
        """Highest capability tier of each facility (``"none"`` when it has none)."""
        caps = self.gdf[list(TIER_ORDER)].to_numpy(dtype=bool)
        names = np.array([*TIER_ORDER, "none"], dtype=object)
        first = np.where(caps.any(axis=1), caps.argmax(axis=1), len(TIER_ORDER))
        return pd.Series(names[first], index=self.gdf.index, name="tier")

    def lonlat(self) -> np.ndarray:
        """``(n, 2)`` array of longitude, latitude in degrees."""
        return np.column_stack([self.gdf.geometry.x.to_numpy(), self.gdf.geometry.y.to_numpy()])


def empty_facility_frame() -> gpd.GeoDataFrame:
    """An empty GeoDataFrame with the facility schema and dtypes."""
    data: dict[str, Any] = {
        "facility_id": pd.Series([], dtype=object),
        "name": pd.Series([], dtype=object),
    }
    for cap in CAPABILITIES:
        data[cap] = pd.Series([], dtype=bool)
    data["eqa"] = pd.Series([], dtype=object)
    data["accreditation"] = pd.Series([], dtype=object)
    data["capacity_tests_per_year"] = pd.Series([], dtype=float)
    data["ownership"] = pd.Series([], dtype=object)
    data["review"] = pd.Series([], dtype=bool)
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries([], crs="EPSG:4326"), crs="EPSG:4326")


def as_tuple(values: Sequence[str] | str) -> tuple[str, ...]:
    """Accept ``"a,b"`` or ``["a", "b"]`` and return a tuple of stripped names."""
    if isinstance(values, str):
        return tuple(v.strip() for v in values.split(",") if v.strip())
    return tuple(values)
