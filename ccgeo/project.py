"""The ``.ccgeo`` project file: one GeoPackage holding layers, import reports, settings, scenarios.

The file is a GeoPackage 1.3 (OGC 12-128r15, what GDAL 3.6 and QGIS 3.22 read) with another
extension: the layers (``facilities``, ``districts``, ``demand``, ``roads``) are ordinary
GeoPackage layers that QGIS opens and draws with ccgeo's symbology (a ``layer_styles`` table,
`ccgeo.io.qgis_styles`); everything else lives in two plain SQLite tables beside them, declared
as the ``ccgeo_project`` extension in ``gpkg_extensions``: ``ccgeo_meta`` (JSON values) and
``ccgeo_arrays`` (``.npz`` blobs such as the road arrays and routing-network caches). Tables a
user or QGIS adds to the file, and the styles a user saves in QGIS, are kept when ccgeo saves
(`save_project`). `save_copy` writes the same as a ``.gpkg`` for colleagues.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import logging
import sqlite3
import threading
import warnings
import zipfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import shapely
from shapely.geometry.base import BaseGeometry

from ccgeo.errors import InputError, check_cancel
from ccgeo.i18n import N_, _
from ccgeo.io.atomic import atomic_path, remove_stale_temporaries
from ccgeo.io.basemap import read_roads_and_basemap
from ccgeo.io.facilities import read_facilities
from ccgeo.io.population import (
    read_districts,
    read_population,
    read_population_table,
    study_area_of,
)
from ccgeo.io.qgis_styles import foreign_rows, read_style_rows, write_layer_styles
from ccgeo.io.results import result_from_record, result_record
from ccgeo.io.tables import unreadable
from ccgeo.model.basemap import BasemapData
from ccgeo.model.demand import Demand, PopulationReport
from ccgeo.model.facilities import Facilities
from ccgeo.model.network import Network
from ccgeo.model.profile import SpeedProfile
from ccgeo.model.referral import ReferralResult
from ccgeo.model.reports import ImportReport
from ccgeo.model.roads import RoadData
from ccgeo.model.scenario import Scenario
from ccgeo.model.siting import SitingResult
from ccgeo.network.build import build_network
from ccgeo.network.profiles import resolve_profile
from ccgeo.progress import ProgressCallback, report_progress, scaled_progress

log = logging.getLogger(__name__)

PROJECT_SUFFIX = ".ccgeo"
#: Suffix of a copy for colleagues (`save_copy`): the standard GeoPackage extension.
GPKG_SUFFIX = ".gpkg"
#: ``PRAGMA user_version`` of GeoPackage 1.3, the version a project file declares (GDAL 3.6
#: opens a 1.4 file only when it ends in ``.gpkg``, and QGIS 3.22 then warns).
GPKG_USER_VERSION = 10300
#: The name of a project until the planner names it (File ▸ Project properties).
UNTITLED = "Untitled project"
#: Version of the file layout; `open_project` refuses files with a higher one.
FORMAT_VERSION = 1
#: Value of ``ccgeo_meta.application`` that marks a file as a ccgeo project.
APPLICATION = "ccgeo"

_SQLITE_MAGIC = b"SQLite format 3\x00"
#: Entries of ``ccgeo_meta`` a project opens without when they are damaged (the log says so):
#: the saved plans are made again by running them.
_OPTIONAL_META = frozenset({"plans"})
#: Files SQLite may leave beside a database being written.
_SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")
#: Errors of GDAL and SQLite that mean the project file could not be written.
_WRITE_ERRORS = (sqlite3.Error, pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError)
_GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
#: ccgeo's own tables, declared in ``gpkg_extensions`` under `_EXTENSION_NAME`.
_CCGEO_TABLES = ("ccgeo_meta", "ccgeo_arrays")
_EXTENSION_NAME = "ccgeo_project"
_EXTENSION_DEFINITION = (
    "ccgeo project file: ccgeo_meta holds the project's settings, scenarios and import reports "
    "as JSON; ccgeo_arrays holds numpy .npz blobs (road network, routing caches)"
)
#: The layers a project writes; never carried over from the file being replaced.
_PROJECT_LAYERS = ("facilities", "districts", "demand", "roads")
# column names GDAL keeps for itself in a GeoPackage layer
_RESERVED_COLUMNS = ("fid", "geom", "geometry")
# arrays that were object (text) before saving; restored as object when read
_OBJECT_MANIFEST = "__object_arrays__"
_ROADS_ARRAYS = "roads"
_BASEMAP_ARRAYS = "basemap"
# GDAL's R-tree costs ~14 s per million points; above this size QGIS can build one on demand
_SPATIAL_INDEX_MAX_FEATURES = 200_000
# GDAL's notices that a GeoPackage should end in .gpkg: a .ccgeo is one on purpose
_EXTENSION_NOTICES = (
    r".*filename extension should be 'gpkg'.*",
    r".*has GPKG application_id, but non conformant file extension.*",
)


@contextmanager
def _gdal_quiet() -> Iterator[None]:
    """Silence only GDAL's notices about the ``.ccgeo`` extension, nothing else."""
    with warnings.catch_warnings():
        for pattern in _EXTENSION_NOTICES:
            warnings.filterwarnings("ignore", message=pattern, category=RuntimeWarning)
        yield


#: The kinds of plan a project keeps (`Project.plans`), with the class of their result.
PLAN_KINDS: dict[str, type] = {"siting": SitingResult, "referral": ReferralResult}


@dataclass(frozen=True, eq=False)
class SavedPlan:
    """The last siting or referral plan of a project, kept in its file with what it was made
    from, so that a reopened project shows it and can tell when its data changed since.

    Attributes
    ----------
    result : SitingResult or ReferralResult
        The plan.
    settings : dict
        The flat settings it was made with (`SitingSettings.to_dict` or
        `ReferralSettings.to_dict`).
    scenario : Scenario or None
        The what-if edits it counted (None: the existing labs only).
    made_at : str
        When it was made, ISO 8601 in UTC.
    data_digest : str
        `Project.data_digest` of the project when it was made.
    """

    result: SitingResult | ReferralResult
    settings: dict[str, Any]
    scenario: Scenario | None = None
    made_at: str = ""
    data_digest: str = ""

    @property
    def kind(self) -> str:
        """``"siting"`` or ``"referral"``."""
        return "siting" if isinstance(self.result, SitingResult) else "referral"

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready record (see `from_dict`)."""
        return {
            "kind": self.kind,
            "result": result_record(self.result),
            "settings": self.settings,
            "scenario": self.scenario.to_dict() if self.scenario is not None else None,
            "made_at": self.made_at,
            "data_digest": self.data_digest,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SavedPlan:
        """The plan of a `to_dict` record.

        Raises
        ------
        InputError
            When the record is damaged or does not fit this ccgeo's results.
        """
        if not isinstance(data, Mapping):
            msg = _("a saved plan should be a record, got {type} {value!r:.40}").format(
                type=type(data).__name__, value=data
            )
            raise InputError(msg)
        kind = data.get("kind")
        if kind not in PLAN_KINDS:
            msg = _("a saved plan should be one of {kinds}, got {kind!r}").format(
                kinds=", ".join(PLAN_KINDS), kind=kind
            )
            raise InputError(msg)
        try:
            scenario = data.get("scenario")
            return cls(
                result=result_from_record(PLAN_KINDS[kind], data["result"]),
                settings=dict(data["settings"]),
                scenario=Scenario.from_dict(scenario) if scenario else None,
                made_at=str(data.get("made_at", "")),
                data_digest=str(data.get("data_digest", "")),
            )
        except (KeyError, TypeError, ValueError) as exc:
            msg = _("the saved {kind} plan is damaged ({exc!r})").format(kind=kind, exc=exc)
            raise InputError(msg) from exc


@dataclass(eq=False)
class Project:
    """Everything a planner works on in one session, saved as one ``.ccgeo`` file.

    Attributes
    ----------
    name : str
        Shown in the title bar and on reports; `UNTITLED` until the planner names it.
    facilities : Facilities or None
        The facility layer (with its review flags).
    roads : RoadData or None
        The road network as read from its source.
    demand : Demand or None
        Population as weighted points.
    districts : GeoDataFrame or None
        District polygons in EPSG:4326 with ``district_id`` and ``name``.
    import_reports : list of ImportReport
        One per imported facility file, kept so doubtful rows can be reviewed later.
    settings : dict
        Analysis settings (capability, quality filter, mode, thresholds, ...), JSON-serialisable.
    scenarios : list of Scenario
        Named what-if scenarios.
    metadata : dict
        JSON-serialisable facts about the data: ``synthetic`` (bool), ``sources`` (list of
        ``{"layer", "path", "read_at"}``), ``city``, ``created``.
    path : Path or None
        Where it was last saved or opened from.
    basemap : BasemapData or None
        Water, green and built-up areas, rivers and place names read from the roads' OSM file,
        for the offline base map.
    description : str
        What the project is for, in the planner's words (on the HTML map and the report).
    plans : dict of SavedPlan
        The last siting and referral plans (keys ``"siting"``, ``"referral"``).
    """

    name: str = UNTITLED
    facilities: Facilities | None = None
    roads: RoadData | None = None
    demand: Demand | None = None
    districts: gpd.GeoDataFrame | None = None
    import_reports: list[ImportReport] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)
    scenarios: list[Scenario] = field(default_factory=list)
    metadata: dict[str, Any] = field(default_factory=dict)
    path: Path | None = None
    basemap: BasemapData | None = None
    description: str = ""
    plans: dict[str, SavedPlan] = field(default_factory=dict)
    # built routing networks by speed profile, with the roads object they were built from
    _networks: dict[SpeedProfile, tuple[RoadData, Network]] = field(
        default_factory=dict, init=False, repr=False
    )
    # the digest of the roads (`_digest` of their arrays), with the roads object it is of
    _roads_digest: tuple[RoadData, str] | None = field(default=None, init=False, repr=False)

    def network(
        self,
        profile: SpeedProfile | str = "car",
        *,
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> Network:
        """The routable network of a speed profile, built once and cached in memory and in the
        file.

        Parameters
        ----------
        profile
            The speed profile (`ccgeo.network.profiles.resolve_profile` gives the one of a
            `ccgeo.model.settings.Travel`), or the name of a bundled mode (``"car"``, ...).
        progress, cancel
            ``progress(fraction, text)`` and a `threading.Event`, for a build.

        A network cached in the project file (saved with the project) is used when it was built
        from the same roads with the same profile; otherwise it is built from `roads` (the one
        build path, `ccgeo.network.build.build_network`) and kept for the next call and save.

        Raises
        ------
        InputError
            When the project has no roads, or the mode is unknown.
        """
        if self.roads is None:
            msg = _("the project has no road network; import roads (.osm.pbf, .osm, GraphML) first")
            raise InputError(msg)
        if not isinstance(profile, SpeedProfile):
            profile = resolve_profile(profile)
        held = self._networks.get(profile)
        if held is not None and held[0] is self.roads:
            return held[1]
        net = self._cached_network(profile)
        if net is None:
            net = build_network(self.roads, profile, progress=progress, cancel=cancel)
        self._networks[profile] = (self.roads, net)
        return net

    def _cached_network(self, profile: SpeedProfile) -> Network | None:
        """The network stored in the project file for the profile's mode, if it still fits."""
        if self.path is None or not Path(self.path).is_file() or self.roads is None:
            return None
        try:
            meta = _read_meta(Path(self.path))
            if (meta.get("roads") or {}).get("digest") != _digest(self.roads.to_arrays()):
                return None
            arrays = read_arrays(self.path, network_cache_name(profile.name))
            if arrays is None:
                return None
            net = Network.from_arrays(arrays)
        except (InputError, sqlite3.Error, ValueError, KeyError):
            return None  # a stale or damaged cache is rebuilt, never trusted
        return net if net.profile == profile else None

    def built_networks(self) -> dict[str, Network]:
        """Networks built for the current roads, by mode (what `save_project` caches): of several
        profiles of one mode (traffic scenarios), the free-flow one, else the last built."""
        out: dict[str, Network] = {}
        for profile, (roads, net) in self._networks.items():
            if roads is self.roads and (
                profile.name not in out or out[profile.name].profile.congestion_factor != 1.0
            ):
                out[profile.name] = net
        return out

    def study_area(self) -> BaseGeometry | None:
        """The area analyses cover, EPSG:4326: the districts' union, else the roads' bounding
        box, else the facilities' envelope with a margin (see `study_area_of`); None if empty.
        """
        bbox = None
        if self.roads is not None and self.roads.n_edges:
            bbox = self.roads.bbox
        return study_area_of(districts=self.districts, roads_bbox=bbox, facilities=self.facilities)

    def record_source(
        self, layer: str, path: str | Path, *, rows: int, replace: bool = True
    ) -> None:
        """Record in ``metadata["sources"]`` that ``layer`` was read from ``path`` just now.

        Parameters
        ----------
        layer
            ``"facilities"``, ``"roads"``, ``"population"`` or ``"districts"``.
        path
            The file read (or what was downloaded: ``"download: Nairobi"``).
        rows
            What the file gave the layer: facilities, road segments, population points or
            districts.
        replace
            The file replaced the layer, so the files it came from before are no longer its
            sources; False when the file's rows were added to the layer (facilities appended).
        """
        read_at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
        kept = [
            dict(s)
            for s in self.metadata.get("sources", [])
            if not (replace and s.get("layer") == layer)
        ]
        entry = {"layer": layer, "path": str(path), "read_at": read_at, "rows": int(rows)}
        self.metadata["sources"] = [*kept, entry]

    def data_digest(self) -> str:
        """A digest of the data analyses read (facilities, roads, population, districts):
        equal data, equal digest. A plan made from other data than the project holds now is
        out of date."""
        h = hashlib.sha256()
        facilities = self.facilities.gdf if self.facilities is not None else None
        demand = self.demand.gdf if self.demand is not None else None
        for frame in (facilities, demand, self.districts):
            h.update(_frame_digest(frame).encode())
        h.update(self.roads_digest().encode())
        return h.hexdigest()

    def roads_digest(self) -> str:
        """The digest of the road arrays (kept for the roads object; ``"none"`` without)."""
        roads = self.roads
        if roads is None:
            return "none"
        held = self._roads_digest
        if held is None or held[0] is not roads:
            held = (roads, _digest(roads.to_arrays()))
            self._roads_digest = held
        return held[1]

    def layer_rows(self, layer: str) -> int:
        """Rows of ``layer`` now (0 without it): facilities, road segments, population points
        or districts."""
        counts = {
            "facilities": lambda: len(self.facilities) if self.facilities is not None else 0,
            "roads": lambda: self.roads.n_edges if self.roads is not None else 0,
            "population": lambda: len(self.demand.gdf) if self.demand is not None else 0,
            "districts": lambda: len(self.districts) if self.districts is not None else 0,
        }
        if layer not in counts:
            msg = f"`layer` should be one of {', '.join(counts)}, got {layer!r}"
            raise ValueError(msg)
        return int(counts[layer]())


# ---------------------------------------------------------------------------------------------
# save


def save_project(project: Project, path: str | Path) -> Path:
    """Save a project atomically as one GeoPackage.

    Everything is written to a hidden temporary file in the same folder, flushed to disk, then
    moved over the target in one step, so a crash or a full disk never leaves a half-written
    project: the previous file stays as it was. Arrays cached by `write_arrays` in the file being
    replaced (routing networks) are carried over when the roads have not changed.

    The file is a GeoPackage 1.3 with a QGIS style for every layer. What the project's own
    file (``project.path``) holds beyond ccgeo's content is kept: tables a user or QGIS added,
    and the styles a user saved in QGIS (`ccgeo.io.qgis_styles.write_layer_styles` says which
    style wins). A file saved by an earlier ccgeo (GeoPackage 1.4, no styles) is written anew in
    this form.

    Parameters
    ----------
    project
        What to save; its ``path`` is set to the saved file on success.
    path
        Target file; `PROJECT_SUFFIX` is appended when the name lacks it.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    InputError
        When the folder does not exist, is not writable, the disk is full, or the file system,
        GDAL or SQLite fails (see `ccgeo.io.atomic.atomic_path`).
    """
    target = _target_path(path, PROJECT_SUFFIX)
    _write_file(project, target)
    project.path = target
    return target


def save_copy(project: Project, path: str | Path) -> Path:
    """Save a copy of a project as a ``.gpkg`` file for colleagues who use QGIS or another GIS.

    The copy holds what `save_project` writes (layers with their QGIS styles, and ccgeo's
    tables, so ccgeo opens it too) under the standard GeoPackage extension. The project keeps
    its own file: ``project.path`` does not change.

    Parameters
    ----------
    project
        What to copy.
    path
        Target file; `GPKG_SUFFIX` is appended when the name lacks it.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    InputError
        As `save_project`; also when ``path`` is the project's own file.
    """
    target = _target_path(path, GPKG_SUFFIX)
    if project.path is not None and target.resolve() == Path(project.path).resolve():
        msg = _(
            "is the project's own file; choose another name for the copy, or use Save to save "
            "the project"
        )
        raise InputError(msg, path=target)
    _write_file(project, target)
    return target


def _target_path(path: str | Path, suffix: str) -> Path:
    """``path`` with ``suffix`` appended when it lacks it, in a folder that exists."""
    target = Path(path)
    if target.suffix.lower() != suffix:
        target = target.with_name(target.name + suffix)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        msg = _(
            "the folder {folder} does not exist; choose an existing folder to save the project in"
        ).format(folder=folder)
        raise InputError(msg, path=target)
    if target.is_dir():
        raise InputError(_("is a folder; choose a file name for the project"), path=target)
    return target


def _write_file(project: Project, target: Path) -> None:
    """Write ``project`` atomically to ``target`` (see `save_project`)."""
    _clean_beside(target)
    roads_arrays = project.roads.to_arrays() if project.roads is not None else None
    roads_digest = _digest(roads_arrays) if roads_arrays is not None else None
    carried = _arrays_to_carry(project, target, roads_digest)
    networks = [
        (network_cache_name(mode), _npz_bytes(net.to_arrays()))
        for mode, net in project.built_networks().items()
    ]
    source = Path(project.path) if project.path is not None else None
    if source is not None and not source.is_file():
        source = None
    kept_styles = _kept_styles(source)

    with atomic_path(
        target,
        what=N_("the project"),
        side_suffixes=_SQLITE_SIDE_FILES,
        write_errors=_WRITE_ERRORS,
    ) as tmp:
        frames = _write_project(project, tmp, roads_arrays=roads_arrays, roads_digest=roads_digest)
        if carried or networks:
            _insert_arrays(tmp, carried + networks)
        with _connect(tmp) as con:
            write_layer_styles(con, frames, kept=kept_styles)
            _declare_extension(con)
            if source is not None:
                _carry_foreign_tables(con, source)


def _kept_styles(source: Path | None) -> list[dict[str, Any]]:
    """The styles a user saved in QGIS into the project's file (`foreign_rows`)."""
    if source is None:
        return []
    try:
        with _connect(source) as con:
            return foreign_rows(read_style_rows(con))
    except sqlite3.Error as exc:
        log.warning(
            "%s: the styles saved in QGIS cannot be read and are not kept (%s)", source, exc
        )
        return []


def _write_project(
    project: Project,
    path: Path,
    *,
    roads_arrays: dict[str, np.ndarray] | None,
    roads_digest: str | None,
) -> dict[str, gpd.GeoDataFrame]:
    """Write every layer with GDAL, then the ccgeo tables with sqlite3, into ``path``; return
    the layers written, by name."""
    frames: dict[str, gpd.GeoDataFrame] = {}
    if project.facilities is not None:
        frames["facilities"] = project.facilities.gdf
    if project.districts is not None:
        frames["districts"] = project.districts
    if project.demand is not None:
        frames["demand"] = project.demand.gdf
    if project.roads is not None:
        # for QGIS only: the roads come back from the exact arrays, not from this layer
        frames["roads"] = project.roads.edges_gdf()
    layers = {name: _write_layer(path, gdf, name) for name, gdf in frames.items()}
    if not layers:
        _create_empty_geopackage(path)

    meta: dict[str, Any] = {
        "application": APPLICATION,
        "format_version": FORMAT_VERSION,
        "name": project.name,
        "description": project.description,
        "saved_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "settings": project.settings,
        "scenarios": [s.to_dict() for s in project.scenarios],
        "import_reports": [r.to_dict() for r in project.import_reports],
        "metadata": project.metadata,
        "plans": {kind: plan.to_dict() for kind, plan in project.plans.items()},
        "layers": layers,
    }
    if project.facilities is not None and project.facilities.report is not None:
        meta["facilities_report"] = project.facilities.report.to_dict()
    if project.districts is not None:
        meta["districts_attrs"] = _json_safe_attrs(project.districts.attrs)
    if project.demand is not None:
        d = project.demand
        meta["demand"] = {
            "source": d.source,
            "kind": d.kind,
            "cell_size_m": d.cell_size_m,
            "warnings": list(d.warnings),
            "attrs": _json_safe_attrs(d.gdf.attrs),
            "report": d.report.to_dict() if d.report is not None else None,
        }
    if project.roads is not None:
        meta["roads"] = {
            "source": project.roads.source,
            "mode": project.roads.mode,
            "digest": roads_digest,
        }
    if project.basemap is not None:
        meta["basemap"] = {"source": project.basemap.source, "counts": project.basemap.counts()}
    rows = [(key, _to_json(value, key=key)) for key, value in meta.items()]
    with _connect(path, create=True) as con:
        con.execute("CREATE TABLE ccgeo_meta (key TEXT PRIMARY KEY, value TEXT)")
        con.execute(_CREATE_ARRAYS)
        con.executemany("INSERT INTO ccgeo_meta (key, value) VALUES (?, ?)", rows)
    if roads_arrays is not None:
        write_arrays(path, _ROADS_ARRAYS, roads_arrays)
    if project.basemap is not None:
        write_arrays(path, _BASEMAP_ARRAYS, project.basemap.to_arrays())
    return frames


def _write_layer(path: Path, gdf: gpd.GeoDataFrame, layer: str) -> dict[str, Any]:
    """Write one layer to the GeoPackage; return what is needed to restore its columns exactly.

    Column names that SQLite would confuse (equal but for case, or taken by GDAL: ``fid``,
    ``geom``) are written under another name and renamed back when read. Layers larger than
    `_SPATIAL_INDEX_MAX_FEATURES` are written without an R-tree index to keep saving fast.
    """
    data = gdf.reset_index(drop=True)
    geometry_name = data.geometry.name
    columns = [c for c in data.columns if c != geometry_name]
    written: list[str] = []
    taken = {c.lower() for c in _RESERVED_COLUMNS}
    for col in columns:
        name = str(col)
        base, n = name, 1
        while name.lower() in taken:
            n += 1
            name = f"{base}_{n}"
        taken.add(name.lower())
        written.append(name)
    frame = pd.DataFrame(
        {w: _writable(data[c]) for c, w in zip(columns, written, strict=True)}, index=data.index
    )
    out = gpd.GeoDataFrame(frame, geometry=data.geometry.to_numpy(), crs=data.crs)
    types = sorted(set(out.geom_type.dropna()))
    geometry_type = types[0] if len(types) == 1 else "Unknown"
    with _gdal_quiet():
        pyogrio.write_dataframe(
            out,
            path,
            layer=layer,
            driver="GPKG",
            promote_to_multi=False,
            geometry_type=geometry_type,
            dataset_options={"VERSION": "1.3"},
            layer_options={
                "SPATIAL_INDEX": "YES" if len(out) <= _SPATIAL_INDEX_MAX_FEATURES else "NO"
            },
        )
    return {
        "order": [str(c) for c in data.columns],
        "geometry": str(geometry_name),
        "columns": [str(c) for c in columns],
        "written": written,
        "dtypes": [str(data[c].dtype) for c in columns],
    }


def _writable(values: pd.Series) -> pd.Series:
    """Text columns as str or None, so that GDAL writes a text field whatever Python held."""
    if values.dtype != object:
        return values
    return values.map(
        lambda v: None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v)
    )


_CREATE_ARRAYS = "CREATE TABLE IF NOT EXISTS ccgeo_arrays (name TEXT PRIMARY KEY, data BLOB)"


def _create_empty_geopackage(path: Path) -> None:
    """The minimal tables of a GeoPackage 1.3, for a project without any layer yet."""
    with _connect(path, create=True) as con:
        con.execute(f"PRAGMA application_id = {_GPKG_APPLICATION_ID}")
        con.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
        con.execute(
            "CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,"
            " organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL,"
            " definition TEXT NOT NULL, description TEXT)"
        )
        wgs84 = (
            'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],'
            'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]'
        )
        con.executemany(
            "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
            [
                ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", "undefined cartesian"),
                ("Undefined geographic SRS", 0, "NONE", 0, "undefined", "undefined geographic"),
                ("WGS 84 geodetic", 4326, "EPSG", 4326, wgs84, "longitude/latitude WGS 84"),
            ],
        )
        con.execute(
            "CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY,"
            " data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',"
            " last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
            " min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,"
            " CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id)"
            " REFERENCES gpkg_spatial_ref_sys(srs_id))"
        )
        con.execute(
            "CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL,"
            " column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,"
            " srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,"
            " CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name))"
        )


_CREATE_EXTENSIONS = (
    "CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT,"
    " extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,"
    " CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))"
)


def _declare_extension(con: sqlite3.Connection) -> None:
    """Declare ccgeo's own tables in ``gpkg_extensions`` (an Extended GeoPackage, OGC 12-128
    clause 2.3), and mark the file as GeoPackage 1.3."""
    con.execute(_CREATE_EXTENSIONS)
    con.executemany(
        "INSERT OR REPLACE INTO gpkg_extensions"
        " (table_name, column_name, extension_name, definition, scope)"
        " VALUES (?, NULL, ?, ?, 'read-write')",
        [
            (table, _EXTENSION_NAME, _EXTENSION_DEFINITION)
            for table in _CCGEO_TABLES
            if _has_table(con, table)
        ],
    )
    con.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")


#: GeoPackage tables that register other tables by their ``table_name``, in the order their rows
#: are copied for a table kept on save.
_GPKG_REGISTRIES = (
    "gpkg_contents",
    "gpkg_geometry_columns",
    "gpkg_ogr_contents",
    "gpkg_extensions",
    "gpkg_tile_matrix_set",
    "gpkg_tile_matrix",
    "gpkg_data_columns",
)


def _carry_foreign_tables(con: sqlite3.Connection, source: Path) -> None:
    """Copy into the file being written (``con``) the tables and views of ``source`` that
    ccgeo does not write: layers or tables a user or QGIS added, with their registration, spatial
    index, indexes and triggers. A table that cannot be copied is left out, said in the log."""
    con.execute("ATTACH DATABASE ? AS src", (f"{source.resolve().as_uri()}?mode=ro",))
    try:
        for name, kind in _foreign_tables(con):
            try:
                _copy_table(con, name, kind)
            except sqlite3.Error as exc:
                log.warning(
                    "%s: the table %r added outside ccgeo is not kept (%s)", source, name, exc
                )
                con.execute(f'DROP {kind.upper()} IF EXISTS main."{name}"')
        con.commit()
    finally:
        con.execute("DETACH DATABASE src")


def _foreign_tables(con: sqlite3.Connection) -> list[tuple[str, str]]:
    """(name, ``table`` or ``view``) of what the attached ``src`` holds beyond ccgeo's content."""
    written = {str(r[0]).lower() for r in con.execute("SELECT name FROM main.sqlite_master")}
    ours = {n.lower() for n in (*_PROJECT_LAYERS, *_CCGEO_TABLES, "layer_styles")}
    rows = con.execute(
        "SELECT name, type FROM src.sqlite_master WHERE type IN ('table', 'view')"
        " AND sql IS NOT NULL ORDER BY type, rowid"
    ).fetchall()
    return [
        (str(name), str(kind))
        for name, kind in rows
        if not str(name).lower().startswith(("sqlite_", "gpkg_", "rtree_"))
        and str(name).lower() not in ours | written
    ]


def _copy_table(con: sqlite3.Connection, name: str, kind: str) -> None:
    """Copy table (or view) ``name`` of the attached ``src`` into ``main`` (see
    `_carry_foreign_tables`); triggers are made after the rows, so GDAL's spatial-index
    triggers (which call GDAL's SQL functions) do not run here."""
    schema = "SELECT sql FROM src.sqlite_master WHERE name = ?"
    con.execute(con.execute(schema, (name,)).fetchone()[0])
    if kind == "view":
        return
    con.execute(f'INSERT INTO main."{name}" SELECT * FROM src."{name}"')
    con.execute(
        "INSERT OR IGNORE INTO main.gpkg_spatial_ref_sys (srs_name, srs_id, organization,"
        " organization_coordsys_id, definition, description) SELECT srs_name, srs_id,"
        " organization, organization_coordsys_id, definition, description"
        " FROM src.gpkg_spatial_ref_sys WHERE srs_id IN (SELECT srs_id FROM src.gpkg_contents"
        " WHERE table_name = ?1 UNION SELECT srs_id FROM src.gpkg_geometry_columns"
        " WHERE table_name = ?1)",
        (name,),
    )
    for registry in _GPKG_REGISTRIES:
        _copy_registration(con, registry, name)
    owned = [name]
    if _src_has(con, "gpkg_extensions"):
        for (column,) in con.execute(
            "SELECT column_name FROM src.gpkg_extensions WHERE table_name = ?"
            " AND extension_name = 'gpkg_rtree_index'",
            (name,),
        ).fetchall():
            rtree = f"rtree_{name}_{column}"
            if _src_has(con, rtree):
                con.execute(con.execute(schema, (rtree,)).fetchone()[0])
                con.execute(f'INSERT INTO main."{rtree}" SELECT * FROM src."{rtree}"')
                owned.append(rtree)
    marks = ", ".join("?" * len(owned))
    for (sql,) in con.execute(
        "SELECT sql FROM src.sqlite_master WHERE type IN ('index', 'trigger')"
        f" AND sql IS NOT NULL AND tbl_name IN ({marks}) ORDER BY type",
        owned,
    ).fetchall():
        con.execute(sql)


def _copy_registration(con: sqlite3.Connection, registry: str, name: str) -> None:
    """Copy the rows of GeoPackage table ``registry`` about table ``name`` from ``src``."""
    if not _src_has(con, registry):
        return
    if not _has_table(con, registry):
        schema = "SELECT sql FROM src.sqlite_master WHERE name = ?"
        con.execute(con.execute(schema, (registry,)).fetchone()[0])
    mine = {str(r[1]) for r in con.execute(f'PRAGMA main.table_info("{registry}")')}
    theirs = [str(r[1]) for r in con.execute(f'PRAGMA src.table_info("{registry}")')]
    columns = ", ".join(f'"{c}"' for c in theirs if c in mine)
    con.execute(
        f'INSERT OR REPLACE INTO main."{registry}" ({columns}) SELECT {columns}'
        f' FROM src."{registry}" WHERE table_name = ?',
        (name,),
    )


def _src_has(con: sqlite3.Connection, name: str) -> bool:
    row = con.execute(
        "SELECT 1 FROM src.sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def _arrays_to_carry(
    project: Project, target: Path, roads_digest: str | None
) -> list[tuple[str, bytes]]:
    """Cached arrays of the file being replaced (or opened from) that still fit the roads."""
    for candidate in (target, project.path):
        if candidate is None or not Path(candidate).is_file():
            continue
        try:
            meta = _read_meta(Path(candidate))
            old_digest = (meta.get("roads") or {}).get("digest")
            if old_digest != roads_digest:
                return []
            with _connect(Path(candidate)) as con:
                if not _has_table(con, "ccgeo_arrays"):
                    return []
                rows = con.execute(
                    "SELECT name, data FROM ccgeo_arrays WHERE name NOT IN (?, ?)",
                    (_ROADS_ARRAYS, _BASEMAP_ARRAYS),
                ).fetchall()
            return [(str(n), bytes(b)) for n, b in rows]
        except (InputError, sqlite3.Error):
            # not a project we can read: nothing to carry over, and nothing to lose
            continue
    return []


def network_cache_name(mode: str) -> str:
    """Name of a mode's routing network in the ``ccgeo_arrays`` table."""
    return f"network:{mode}"


def _insert_arrays(path: Path, rows: list[tuple[str, bytes]]) -> None:
    with _connect(path) as con:
        con.execute(_CREATE_ARRAYS)
        con.executemany("INSERT OR REPLACE INTO ccgeo_arrays (name, data) VALUES (?, ?)", rows)


# ---------------------------------------------------------------------------------------------
# open


def _clean_beside(path: Path) -> None:
    """Remove what killed saves of ``path`` left beside it (`remove_stale_temporaries`)."""
    freed = remove_stale_temporaries(path)
    if freed:
        log.info("%s: removed %.1f MB left by saves that were stopped", path, freed / 1e6)


def open_project(path: str | Path) -> Project:
    """Open a ``.ccgeo`` project saved by `save_project`.

    Layers edited in QGIS come back with the edits; columns get back the dtypes they were saved
    with (booleans, floats with NaN, text), and the roads come back exactly from their arrays.

    Raises
    ------
    InputError
        When the file is missing, is not a ccgeo project (a text file, a plain GeoPackage, ...),
        was saved by a newer ccgeo, or is damaged.
    """
    path = Path(path)
    meta = _read_meta(path)
    _clean_beside(path)
    layers: dict[str, Any] = meta.get("layers") or {}
    try:
        with _gdal_quiet():
            present = {str(n) for n in pyogrio.list_layers(path)[:, 0]} if layers else set()
    except (pyogrio.errors.DataSourceError, OSError) as exc:
        msg = _("the project's layers cannot be read ({exc})").format(exc=exc)
        raise InputError(msg, path=path) from exc
    missing = [name for name in layers if name not in present]
    if missing:
        msg = _(
            "the project lacks its layer(s) {layers}; the file was changed outside "
            "ccgeo; restore a backup or import the data again"
        ).format(layers=", ".join(missing))
        raise InputError(msg, path=path)

    facilities = _open_facilities(path, meta) if "facilities" in layers else None
    districts = None
    if "districts" in layers:
        districts = _read_layer(path, "districts", layers["districts"])
        districts.attrs.update(meta.get("districts_attrs") or {})
    demand = _open_demand(path, meta) if "demand" in layers else None
    roads = _open_roads(path, meta["roads"]) if "roads" in meta else None
    basemap = _open_basemap(path, meta["basemap"]) if "basemap" in meta else None
    try:
        return Project(
            name=str(meta.get("name", path.stem)),
            facilities=facilities,
            roads=roads,
            demand=demand,
            districts=districts,
            import_reports=[ImportReport.from_dict(r) for r in meta.get("import_reports") or []],
            settings=dict(meta.get("settings") or {}),
            scenarios=[Scenario.from_dict(s) for s in meta.get("scenarios") or []],
            metadata=dict(meta.get("metadata") or {}),
            path=path,
            basemap=basemap,
            description=str(meta.get("description") or ""),
            plans=_open_plans(meta.get("plans"), path),
        )
    except (KeyError, TypeError, ValueError) as exc:
        msg = _("the project's settings are damaged ({exc!r})").format(exc=exc)
        raise InputError(msg, path=path) from exc


def _open_plans(records: Any, path: Path) -> dict[str, SavedPlan]:
    """The saved plans of a project (none in files of earlier versions). A plan that cannot be
    read is left out, with a warning in the log: the project opens without it (its settings
    are kept, so running it again gives it back)."""
    plans: dict[str, SavedPlan] = {}
    if not isinstance(records, Mapping):
        if records is not None:
            log.warning("%s: the saved plans are left out: not a record (%.40r)", path, records)
        return plans
    for kind, record in records.items():
        try:
            plans[str(kind)] = SavedPlan.from_dict(record)
        except InputError as exc:
            log.warning("%s: the saved %s plan is left out: %s", path, kind, exc)
    return plans


def _open_facilities(path: Path, meta: Mapping[str, Any]) -> Facilities:
    gdf = _read_layer(path, "facilities", meta["layers"]["facilities"])
    report = meta.get("facilities_report")
    try:
        return Facilities(gdf, report=ImportReport.from_dict(report) if report else None)
    except ValueError as exc:
        msg = _("the facilities layer does not fit ccgeo's schema ({exc})").format(exc=exc)
        raise InputError(msg, path=path) from exc


def _open_demand(path: Path, meta: Mapping[str, Any]) -> Demand:
    info = meta.get("demand") or {}
    gdf = _read_layer(path, "demand", meta["layers"]["demand"])
    gdf.attrs.update(info.get("attrs") or {})
    return Demand(
        gdf,
        source=str(info.get("source", "")),
        kind=str(info.get("kind", "points")),
        cell_size_m=info.get("cell_size_m"),
        warnings=tuple(info.get("warnings") or ()),
        report=PopulationReport.from_dict(info["report"]) if info.get("report") else None,
    )


def _open_roads(path: Path, info: Mapping[str, Any]) -> RoadData:
    arrays = read_arrays(path, _ROADS_ARRAYS)
    if arrays is None:
        msg = _("the project's road arrays are missing; import the roads again")
        raise InputError(msg, path=path)
    try:
        return RoadData.from_arrays(
            arrays, source=str(info.get("source", "")), mode=str(info.get("mode", "all"))
        )
    except ValueError as exc:
        msg = _("the project's road arrays are damaged ({exc}); import the roads again").format(
            exc=exc
        )
        raise InputError(msg, path=path) from exc


def _open_basemap(path: Path, info: Mapping[str, Any]) -> BasemapData:
    arrays = read_arrays(path, _BASEMAP_ARRAYS)
    if arrays is None:
        msg = _("the project's base map arrays are missing; import the roads again")
        raise InputError(msg, path=path)
    try:
        return BasemapData.from_arrays(arrays, source=str(info.get("source", "")))
    except ValueError as exc:
        msg = _("the project's base map arrays are damaged ({exc}); import the roads again").format(
            exc=exc
        )
        raise InputError(msg, path=path) from exc


def _read_meta(path: Path) -> dict[str, Any]:
    """Check that ``path`` is a ccgeo project this version can read; return its meta table."""
    project = _("a ccgeo project ({suffix} file saved by ccgeo)").format(suffix=PROJECT_SUFFIX)
    expected = _("expected {what}").format(what=project)
    if not path.exists():
        raise InputError(_("file not found; {expected}").format(expected=expected), path=path)
    if path.is_dir():
        raise InputError(_("is a folder; {expected}").format(expected=expected), path=path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise unreadable(path, exc, expected=project) from exc
    if head != _SQLITE_MAGIC:
        msg = _("is not a ccgeo project: it is {kind}, not a GeoPackage; {expected}").format(
            kind=_describe_bytes(head), expected=expected
        )
        raise InputError(msg, path=path)
    try:
        with _connect(path) as con:
            if not _has_table(con, "ccgeo_meta"):
                if _has_table(con, "gpkg_contents"):
                    names = [r[0] for r in con.execute("SELECT table_name FROM gpkg_contents")]
                    listed = ", ".join(names) if names else _("no layers")
                    msg = _(
                        "is a GeoPackage ({layers}) but not a ccgeo project (it has no ccgeo_meta "
                        "table); import its layers (facilities, roads, population, districts) "
                        "into a project instead of opening it"
                    ).format(layers=listed)
                else:
                    msg = _("is an SQLite database but not a ccgeo project; {expected}").format(
                        expected=expected
                    )
                raise InputError(msg, path=path)
            rows = con.execute("SELECT key, value FROM ccgeo_meta").fetchall()
    except sqlite3.DatabaseError as exc:
        msg = _("is damaged and cannot be read as a project ({exc})").format(exc=exc)
        raise InputError(msg, path=path) from exc
    meta: dict[str, Any] = {}
    for key, value in rows:
        try:
            meta[str(key)] = json.loads(value) if value is not None else None
        except json.JSONDecodeError as exc:
            if key in _OPTIONAL_META:
                log.warning(
                    "%s: the project's %r entry is damaged and left out (%s)", path, key, exc.msg
                )
                continue
            msg = _("the project's {key!r} entry is damaged ({error})").format(
                key=key, error=exc.msg
            )
            raise InputError(msg, path=path) from exc
    if meta.get("application") != APPLICATION:
        msg = _("has a ccgeo_meta table but was not written by ccgeo; {expected}").format(
            expected=expected
        )
        raise InputError(msg, path=path)
    version = meta.get("format_version")
    if not isinstance(version, int):
        msg = _("has no valid format_version ({version!r}); the file is damaged").format(
            version=version
        )
        raise InputError(msg, path=path)
    if version > FORMAT_VERSION:
        msg = _(
            "was saved by a newer ccgeo (project format {version}); this ccgeo reads format "
            "{supported} and older: update ccgeo to open it"
        ).format(version=version, supported=FORMAT_VERSION)
        raise InputError(msg, path=path)
    return meta


def _describe_bytes(head: bytes) -> str:
    if not head:
        return _("an empty file")
    if head.startswith(b"PK\x03\x04"):
        return _("a zip archive (a spreadsheet or zipped Shapefile?)")
    try:
        head.decode("utf-8")
    except UnicodeDecodeError:
        return _("a binary file of another kind")
    return _("a text file")


def _read_layer(path: Path, layer: str, schema: Mapping[str, Any]) -> gpd.GeoDataFrame:
    """Read a layer and give its columns back their saved names, order and dtypes."""
    try:
        with _gdal_quiet():
            gdf = pyogrio.read_dataframe(path, layer=layer)
    except (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError) as exc:
        msg = _("the project's {layer} layer cannot be read ({exc})").format(layer=layer, exc=exc)
        raise InputError(msg, path=path) from exc
    except (UnicodeDecodeError, shapely.errors.GEOSException) as exc:  # a flipped bit
        msg = _(
            "is damaged: the project's {layer} layer holds bytes that cannot be read ({exc}); "
            "open a backup copy, or import the data again"
        ).format(layer=layer, exc=exc)
        raise InputError(msg, path=path) from exc
    columns = list(schema.get("columns", []))
    written = list(schema.get("written", columns))
    dtypes = list(schema.get("dtypes", []))
    gdf = gdf.rename(columns={w: c for w, c in zip(written, columns, strict=False) if w != c})
    for col, dtype in zip(columns, dtypes, strict=False):
        if col in gdf.columns:
            gdf[col] = _restore_dtype(gdf[col], dtype)
    # the saved order (geometry where it was); columns added in QGIS go before the geometry
    geometry_name = str(schema.get("geometry", "geometry"))
    if geometry_name != "geometry":
        gdf = gdf.rename_geometry(geometry_name)
    saved = [str(c) for c in schema.get("order", [*columns, geometry_name])]
    order = [c for c in saved if c in gdf.columns]
    added = [c for c in gdf.columns if c not in order]
    at = order.index(geometry_name) if geometry_name in order else len(order)
    order[at:at] = added
    return gpd.GeoDataFrame(gdf[order], geometry=geometry_name, crs=gdf.crs)


def _restore_dtype(values: pd.Series, dtype: str) -> pd.Series:
    if str(values.dtype) == dtype:
        return values
    try:
        if dtype == "object":
            out = values.astype(object)
            return out.where(values.notna(), None)
        if dtype == "bool":
            # a row added in QGIS may hold NULL: it is not a capability
            return values.fillna(False).astype(bool)
        return values.astype(dtype)
    except (TypeError, ValueError):
        # e.g. NULLs typed into an integer column in QGIS: keep what was read
        return values


# ---------------------------------------------------------------------------------------------
# arrays


def write_arrays(path: str | Path, name: str, arrays: Mapping[str, np.ndarray]) -> None:
    """Store named numpy arrays in a project's ``ccgeo_arrays`` table, replacing ``name``.

    Used for the road network and for caches of derived data (routing networks). Text arrays of
    dtype object are stored as fixed-width unicode, so that reading needs no pickle (a project
    file received by email must not be able to run code).

    Parameters
    ----------
    path
        An existing project file (or the GeoPackage being written by `save_project`).
    name
        Key of the entry, e.g. ``"network_car"``.
    arrays
        Array names (not starting with ``__``) to arrays of numbers, booleans or text
        (fixed-width unicode, or object arrays holding only ``str``).
    """
    path = Path(path)
    if not path.is_file():
        msg = _("file not found; save the project before caching arrays in it")
        raise InputError(msg, path=path)
    blob = _npz_bytes(arrays)
    with _connect(path) as con:
        con.execute(_CREATE_ARRAYS)
        con.execute("INSERT OR REPLACE INTO ccgeo_arrays (name, data) VALUES (?, ?)", (name, blob))


def read_arrays(path: str | Path, name: str) -> dict[str, np.ndarray] | None:
    """The arrays stored under ``name`` by `write_arrays`, or None when there is no such entry."""
    path = Path(path)
    if not path.is_file():
        raise InputError(_("file not found; expected a ccgeo project"), path=path)
    try:
        with _connect(path) as con:
            if not _has_table(con, "ccgeo_arrays"):
                return None
            row = con.execute("SELECT data FROM ccgeo_arrays WHERE name = ?", (name,)).fetchone()
    except sqlite3.DatabaseError as exc:
        msg = _("cannot read the project's arrays ({exc})").format(exc=exc)
        raise InputError(msg, path=path) from exc
    if row is None:
        return None
    try:
        with np.load(io.BytesIO(row[0]), allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    except (ValueError, OSError, EOFError, KeyError, zipfile.BadZipFile) as exc:
        msg = _(
            "the project's {name!r} arrays are damaged ({exc}); open a backup copy, or import "
            "the data again"
        ).format(name=name, exc=exc)
        raise InputError(msg, path=path) from exc
    objects = arrays.pop(_OBJECT_MANIFEST, np.array([], dtype=str))
    for key in objects.tolist():
        arrays[key] = arrays[key].astype(object)
    return arrays


def array_names(path: str | Path) -> list[str]:
    """Names of the entries in a project's ``ccgeo_arrays`` table, sorted."""
    with _connect(Path(path)) as con:
        if not _has_table(con, "ccgeo_arrays"):
            return []
        return sorted(str(r[0]) for r in con.execute("SELECT name FROM ccgeo_arrays"))


def _npz_bytes(arrays: Mapping[str, np.ndarray]) -> bytes:
    out: dict[str, np.ndarray] = {}
    objects: list[str] = []
    for key, value in arrays.items():
        if key.startswith("__"):
            msg = f"array names may not start with '__', got {key!r}"
            raise ValueError(msg)
        arr = np.asarray(value)
        if arr.dtype == object:
            if not all(isinstance(v, str) for v in arr.ravel().tolist()):
                msg = f"object array {key!r} may hold only str (text) values to be stored"
                raise TypeError(msg)
            objects.append(key)
            arr = arr.astype(str)
            if arr.dtype.itemsize == 0:
                arr = arr.astype("<U1")
        out[key] = arr
    out[_OBJECT_MANIFEST] = np.array(objects, dtype="<U256")
    buffer = io.BytesIO()
    np.savez(buffer, **out)  # type: ignore[arg-type]
    return buffer.getvalue()


def _frame_digest(frame: pd.DataFrame | None) -> str:
    """Content hash of a (Geo)DataFrame: column names, values and geometry."""
    if frame is None:
        return "none"
    h = hashlib.sha256()
    h.update(json.dumps([str(c) for c in frame.columns]).encode())
    geometry = frame.geometry.name if isinstance(frame, gpd.GeoDataFrame) else None
    values = pd.DataFrame(frame.drop(columns=geometry) if geometry is not None else frame)
    try:
        hashed = pd.util.hash_pandas_object(values, index=False)
    except TypeError:  # unhashable cells (lists): their text
        hashed = pd.util.hash_pandas_object(values.astype(str), index=False)
    h.update(hashed.to_numpy().tobytes())
    if geometry is not None:
        for wkb in shapely.to_wkb(frame.geometry.to_numpy()).tolist():
            h.update(wkb or b"")
    return h.hexdigest()


def _digest(arrays: Mapping[str, np.ndarray]) -> str:
    """Content hash of arrays (names, dtypes, shapes, values): equal arrays, equal digest."""
    h = hashlib.sha256()
    for key in sorted(arrays):
        arr = np.ascontiguousarray(np.asarray(arrays[key]))
        h.update(f"{key}|{arr.dtype.str}|{arr.shape}|".encode())
        h.update(arr.tobytes())
    return h.hexdigest()


# ---------------------------------------------------------------------------------------------
# sqlite and json helpers


@contextmanager
def _connect(path: Path, *, create: bool = False) -> Iterator[sqlite3.Connection]:
    """An ``sqlite3`` connection that commits on success and always closes.

    sqlite3's own context manager commits but leaves the file open, which keeps it locked on
    Windows and would make `os.replace` fail.
    """
    mode = "rwc" if create else "rw"
    con = sqlite3.connect(f"{path.resolve().as_uri()}?mode={mode}", uri=True)
    try:
        yield con
        con.commit()
    finally:
        con.close()


def _has_table(con: sqlite3.Connection, name: str) -> bool:
    row = con.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def _json_default(value: Any) -> Any:
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.ndarray):
        return value.tolist()
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    msg = f"{type(value).__name__} cannot be saved in a project (not JSON-serialisable)"
    raise TypeError(msg)


def _to_json(value: Any, *, key: str) -> str:
    try:
        return json.dumps(value, ensure_ascii=False, default=_json_default)
    except TypeError as exc:
        msg = f"project entry {key!r}: {exc}"
        raise TypeError(msg) from exc


def _json_safe_attrs(attrs: Mapping[str, Any]) -> dict[str, Any]:
    """The entries of ``DataFrame.attrs`` that JSON can hold (others are session-only)."""
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        try:
            json.dumps(value, default=_json_default)
        except (TypeError, ValueError):
            continue
        out[str(key)] = value
    return out


# ---------------------------------------------------------------------------------------------
# a project from the files a planner brings


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

    The study area (to catch swapped coordinates and outliers among the facilities, and to clip
    the population) is the districts' union, else the roads' bounding box.

    Parameters
    ----------
    roads, facilities, population, districts
        Files for `ccgeo.io.osm.read_roads` (every way: each mode's network is built from
        them; an OSM file also gives the offline base map, `ccgeo.io.basemap.read_basemap`),
        `ccgeo.io.facilities.read_facilities`, `ccgeo.io.population.read_population`
        (a raster or point grid) and `ccgeo.io.population.read_districts`.
    population_by_district
        A census table of population per district, joined to ``districts``, used instead of
        ``population``.
    facility_mapping, facility_sheet
        Column mapping and sheet of the facility file.
    name, metadata
        Project name (default: the first file's name); extra facts kept in ``project.metadata``
        (``synthetic``, ``city``, ...).
    progress, cancel
        ``progress(fraction, text)`` callback and a `threading.Event` that cancels.

    Raises
    ------
    InputError
        From the readers, or when a population table is given without districts.
    """
    _check_population_files(population, population_by_district, districts)
    given = {
        "roads": roads,
        "districts": districts,
        "population": population if population is not None else population_by_district,
        "facilities": facilities,
    }
    (road_data, basemap), district_gdf, demand, fac = _read_layers(
        roads,
        districts,
        population,
        population_by_district,
        facilities,
        facility_mapping=facility_mapping,
        facility_sheet=facility_sheet,
        progress=progress,
        cancel=cancel,
    )
    first = next((p for p in (roads, facilities, population, districts) if p is not None), None)
    project = Project(
        name=name or (Path(first).stem.split(".")[0] if first is not None else UNTITLED),
        facilities=fac,
        roads=road_data,
        demand=demand,
        districts=district_gdf,
        import_reports=[fac.report] if fac is not None and fac.report is not None else [],
        metadata={"synthetic": False, **dict(metadata or {}), "sources": []},
        basemap=basemap,
    )
    for layer, path in given.items():
        if path is not None:
            project.record_source(layer, path, rows=project.layer_rows(layer))
    report_progress(progress, 1.0, _("project ready"))
    return project


def _check_population_files(
    population: str | Path | None,
    population_by_district: str | Path | None,
    districts: str | Path | None,
) -> None:
    if population is not None and population_by_district is not None:
        msg = _("give either a population raster/grid or a population table per district, not both")
        raise InputError(msg)
    if population_by_district is not None and districts is None:
        msg = _("a population table per district needs the district boundaries (--districts)")
        raise InputError(msg)


def _read_layers(
    roads: str | Path | None,
    districts: str | Path | None,
    population: str | Path | None,
    population_by_district: str | Path | None,
    facilities: str | Path | None,
    *,
    facility_mapping: Mapping[str, str] | str | Path | None,
    facility_sheet: str | int | None,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> tuple[
    tuple[RoadData | None, BasemapData | None],
    gpd.GeoDataFrame | None,
    Demand | None,
    Facilities | None,
]:
    """Read the given files; the districts (else the roads' box) bound the study area."""
    road_data, basemap = None, None
    if roads is not None:
        road_data, basemap = read_roads_and_basemap(
            roads, progress=scaled_progress(progress, 0.0, 0.5), cancel=cancel
        )
    check_cancel(cancel)
    district_gdf = None
    if districts is not None:
        report_progress(
            progress, 0.5, _("reading districts {name}").format(name=Path(districts).name)
        )
        district_gdf = read_districts(districts)
    study_area = study_area_of(
        districts=district_gdf, roads_bbox=road_data.bbox if road_data is not None else None
    )
    demand = _demand_from_files(
        population,
        population_by_district,
        district_gdf,
        study_area,
        progress=scaled_progress(progress, 0.55, 0.85),
        cancel=cancel,
    )
    check_cancel(cancel)
    fac = None
    if facilities is not None:
        report_progress(
            progress, 0.85, _("reading facilities {name}").format(name=Path(facilities).name)
        )
        fac = read_facilities(
            facilities,
            mapping=facility_mapping,
            sheet=facility_sheet,
            study_area=study_area,
            cancel=cancel,
        )
    return (road_data, basemap), district_gdf, demand, fac


def _demand_from_files(
    population: str | Path | None,
    population_by_district: str | Path | None,
    districts: gpd.GeoDataFrame | None,
    study_area: BaseGeometry | None,
    *,
    progress: ProgressCallback | None,
    cancel: threading.Event | None,
) -> Demand | None:
    """People from a raster or point grid, or from a census table joined to the districts."""
    if population is not None:
        report_progress(
            progress, 0.0, _("reading population {name}").format(name=Path(population).name)
        )
        return read_population(
            population, districts=districts, study_area=study_area, progress=progress, cancel=cancel
        )
    if population_by_district is not None:
        assert districts is not None  # checked by project_from_files
        return read_population_table(population_by_district, districts)
    return None
