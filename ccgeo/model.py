"""Domain schema of ccgeo: facility capabilities and quality, import reports, scenarios.

Everything here is pure data and is tested without Qt. Units: seconds and metres inside,
coordinates in EPSG:4326 (lon/lat) unless a name says otherwise.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

import geopandas as gpd
import numpy as np
import pandas as pd

#: Diagnostic capabilities, from specimen collection to sequencing (DOMAIN.md).
CAPABILITIES: tuple[str, ...] = (
    "biopsy",
    "cytology",
    "histology",
    "ihc",
    "ish",
    "pcr",
    "ngs",
    "flow",
)

#: Capability tiers from highest to lowest, used to pick one symbol per facility.
#: ``flow`` ranks with IHC: both are specialised lab work below molecular testing.
TIER_ORDER: tuple[str, ...] = (
    "ngs",
    "pcr",
    "ish",
    "ihc",
    "flow",
    "histology",
    "cytology",
    "biopsy",
)

#: External quality assessment participation, weakest first.
EQA_LEVELS: tuple[str, ...] = ("none", "national", "international")

#: Accreditation schemes.
ACCREDITATIONS: tuple[str, ...] = ("none", "iso15189", "cap", "other")

#: Ownership classes.
OWNERSHIPS: tuple[str, ...] = (
    "public",
    "private",
    "faith_based",
    "ngo",
    "military",
    "other",
    "unknown",
)

#: The fixed columns of a facility layer, in order; extra columns follow them as they came.
FACILITY_COLUMNS: tuple[str, ...] = (
    "facility_id",
    "name",
    *CAPABILITIES,
    "eqa",
    "accreditation",
    "capacity_tests_per_year",
    "ownership",
)

#: Quality filters accepted by `Facilities.capable`.
QUALITY_FILTERS: tuple[str, ...] = (
    "any",
    "eqa",
    "international_eqa",
    "accredited",
    "eqa_or_accredited",
)

Quality = Literal["any", "eqa", "international_eqa", "accredited", "eqa_or_accredited"]

#: ``progress(fraction, text)`` callback of long functions.
ProgressCallback = Callable[[float, str], None]


def report_progress(progress: ProgressCallback | None, fraction: float, text: str) -> None:
    """Call ``progress`` if given; fraction in 0..1."""
    if progress is not None:
        progress(min(max(float(fraction), 0.0), 1.0), text)


def scaled_progress(
    progress: ProgressCallback | None, start: float, end: float
) -> ProgressCallback | None:
    """A callback mapping 0..1 onto ``start..end`` of ``progress``: one stage of a longer job."""
    if progress is None:
        return None
    outer = progress

    def inner(fraction: float, text: str) -> None:
        outer(start + (end - start) * min(max(float(fraction), 0.0), 1.0), text)

    return inner


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


Severity = Literal["rejected", "doubtful", "fixed", "warning"]


@dataclass(frozen=True)
class ImportIssue:
    """One problem found while importing a file.

    ``row`` is the 1-based data row number as a spreadsheet user counts it (the header is row 1
    for tables, so the first data row is 2), or ``None`` for a problem of the whole file.
    ``severity``: ``rejected`` (row not imported), ``doubtful`` (imported, flagged for review),
    ``fixed`` (imported after an automatic correction), ``warning`` (file-level note).
    """

    row: int | None
    severity: Severity
    problem: str
    fix: str
    column: str | None = None
    value: str | None = None
    facility_id: str | None = None


@dataclass
class ImportReport:
    """What happened to every row of an imported file.

    Invariant: ``n_rows == n_imported + n_rejected``; every rejected row has one ``rejected`` issue.
    """

    source: str
    n_rows: int = 0
    n_imported: int = 0
    mapping: dict[str, str] = field(default_factory=dict)
    issues: list[ImportIssue] = field(default_factory=list)
    sheet: str | None = None

    def add(
        self,
        row: int | None,
        severity: Severity,
        problem: str,
        fix: str,
        **kwargs: Any,
    ) -> None:
        """Record one issue."""
        self.issues.append(ImportIssue(row, severity, problem, fix, **kwargs))

    @property
    def rejected(self) -> list[ImportIssue]:
        """Issues of rows that were not imported."""
        return [i for i in self.issues if i.severity == "rejected"]

    @property
    def doubtful(self) -> list[ImportIssue]:
        """Issues of rows imported but flagged for review."""
        return [i for i in self.issues if i.severity == "doubtful"]

    @property
    def warnings(self) -> list[ImportIssue]:
        """File-level warnings and automatic fixes."""
        return [i for i in self.issues if i.severity in ("warning", "fixed")]

    @property
    def n_rejected(self) -> int:
        """Number of distinct rows rejected."""
        return len({i.row for i in self.rejected})

    def rejected_rows(self) -> set[int]:
        """Row numbers that were not imported."""
        return {i.row for i in self.rejected if i.row is not None}

    def to_frame(self) -> pd.DataFrame:
        """The issues as a table (row, severity, column, value, problem, fix, facility_id)."""
        cols = ["row", "severity", "column", "value", "problem", "fix", "facility_id"]
        if not self.issues:
            return pd.DataFrame(columns=cols)
        return pd.DataFrame([asdict(i) for i in self.issues])[cols]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "source": self.source,
            "sheet": self.sheet,
            "n_rows": self.n_rows,
            "n_imported": self.n_imported,
            "n_rejected": self.n_rejected,
            "n_doubtful": len({i.row for i in self.doubtful}),
            "mapping": dict(self.mapping),
            "issues": [asdict(i) for i in self.issues],
        }

    def to_json(self, **kwargs: Any) -> str:
        """The report as JSON text."""
        return json.dumps(self.to_dict(), ensure_ascii=False, **kwargs)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImportReport:
        """Rebuild a report from `to_dict` output."""
        issues = [ImportIssue(**i) for i in data.get("issues", [])]
        return cls(
            source=data["source"],
            n_rows=int(data.get("n_rows", 0)),
            n_imported=int(data.get("n_imported", 0)),
            mapping=dict(data.get("mapping", {})),
            issues=issues,
            sheet=data.get("sheet"),
        )

    def summary(self) -> str:
        """One line for a status bar or a command's output."""
        n_doubt = len({i.row for i in self.doubtful})
        return (
            f"{self.source}: {self.n_imported} of {self.n_rows} rows imported, "
            f"{self.n_rejected} rejected, {n_doubt} flagged for review"
        )


@dataclass(frozen=True)
class Scenario:
    """A named what-if: hubs added, facilities upgraded or removed, and analysis settings.

    ``added_hubs`` holds dicts with ``hub_id``, ``lon``, ``lat`` and ``capabilities``;
    ``upgrades`` maps a facility id to the capabilities it gains; ``removed`` lists facility ids.
    """

    name: str
    description: str = ""
    added_hubs: tuple[dict[str, Any], ...] = ()
    upgrades: dict[str, tuple[str, ...]] = field(default_factory=dict)
    removed: tuple[str, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "name": self.name,
            "description": self.description,
            "added_hubs": [dict(h) for h in self.added_hubs],
            "upgrades": {k: list(v) for k, v in self.upgrades.items()},
            "removed": list(self.removed),
            "settings": dict(self.settings),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Scenario:
        """Rebuild a scenario from `to_dict` output."""
        return cls(
            name=str(data["name"]),
            description=str(data.get("description", "")),
            added_hubs=tuple(dict(h) for h in data.get("added_hubs", [])),
            upgrades={k: tuple(v) for k, v in data.get("upgrades", {}).items()},
            removed=tuple(data.get("removed", [])),
            settings=dict(data.get("settings", {})),
        )


def as_tuple(values: Sequence[str] | str) -> tuple[str, ...]:
    """Accept ``"a,b"`` or ``["a", "b"]`` and return a tuple of stripped names."""
    if isinstance(values, str):
        return tuple(v.strip() for v in values.split(",") if v.strip())
    return tuple(values)
