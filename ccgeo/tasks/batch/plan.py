"""Scenario files: a TOML matrix of what-ifs read into a `BatchPlan` of `BatchScenario` values.

A scenario file names the inputs (paths relative to the file, or a ``.ccgeo`` project), the base
access settings, and axes whose cartesian product gives the scenarios; ``[[scenario]]`` entries
add scenarios by hand. Every problem is an `InputError` naming the file, the key and the value.

::

    [inputs]
    roads = "../data/city.osm.pbf"
    facilities = "../data/labs.csv"
    population = "../data/people.csv"

    [settings]                      # access settings (flat form), shared by every scenario
    capability = "pcr"
    thresholds_minutes = [15, 30, 60]

    [axes]                          # every combination is a scenario
    mode = ["car", "motorbike"]
    closures = ["none", "rainy"]    # "none", or tables of [closures]
    hubs = ["existing", "two_new", "sited"]

    [closures.rainy]
    closed_surfaces = ["dirt", "ground", "mud"]
    slowed_surfaces = ["unpaved", "gravel", "compacted"]
    surface_factor = 0.5
    closed_classes = ["track"]
    areas = "flood_prone.geojson"   # polygons; roads crossing them travel at area_factor
    area_factor = 0.0               # 0 closes them

    [hubs.two_new]                  # "existing" needs no table
    new = [{id = "H1", name = "North", lon = -96.72, lat = 17.08, capabilities = ["pcr"]}]
    remove = ["F0001"]
    upgrade = {F0002 = ["pcr"]}

    [hubs.sited]
    siting = 2                      # the 2 best new hubs chosen by siting (run_siting)
    siting_settings = {minutes = 30, sources = ["upgrade"]}

    [referral.two_couriers]         # axis "referral": the sample referral of each hub set
    couriers_per_hub = 2            # courier values of ReferralSettings ("none": no plan)
    courier_mode = "motorbike"

Axes with one value set every scenario (and are shown in the table); axes with several values
name the scenarios: ``car-rainy-sited``. The speed files of ``speeds`` are relative to the file.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ccgeo.errors import InputError
from ccgeo.i18n import _
from ccgeo.model.closures import RoadClosures
from ccgeo.model.settings import (
    AccessSettings,
    ReferralSettings,
    SitingSettings,
    parse_thresholds,
)
from ccgeo.params import load_toml

#: The axes a scenario file may vary, in the order of ids and table columns.
AXES: tuple[str, ...] = (
    "mode",
    "speeds",
    "congestion",
    "thresholds",
    "closures",
    "hubs",
    "referral",
)
#: Reserved values: no closure, the facilities as they are.
NO_CLOSURES = "none"
NO_REFERRAL = "none"
EXISTING_HUBS = "existing"
#: Top-level tables of a scenario file.
TABLES: tuple[str, ...] = (
    "batch",
    "inputs",
    "settings",
    "axes",
    "closures",
    "hubs",
    "referral",
    "scenario",
)
INPUT_KEYS: tuple[str, ...] = ("project", "roads", "facilities", "population", "districts")
CLOSURE_KEYS: tuple[str, ...] = (
    "closed_classes",
    "closed_surfaces",
    "slowed_surfaces",
    "surface_factor",
    "areas",
    "area_factor",
)
HUB_KEYS: tuple[str, ...] = ("new", "remove", "upgrade", "siting", "siting_settings")
#: Keys of a [referral.NAME] table: the courier values of `ReferralSettings`.
REFERRAL_KEYS: tuple[str, ...] = (
    "params",
    "courier_mode",
    "couriers_per_hub",
    "shift_start",
    "shift_end",
    "latest_pickup",
)


@dataclass(frozen=True)
class HubSet:
    """The labs of a scenario: the existing ones, changed.

    Attributes
    ----------
    name
        The value of the ``hubs`` axis.
    added
        New hubs: dicts with ``hub_id``, ``name``, ``lon``, ``lat`` (degrees), ``capabilities``.
    removed
        Facility ids that lose the test.
    upgrades
        Facility id → capabilities it gains, as ``(id, (cap, ...))`` pairs.
    siting
        Number of new hubs chosen by siting on the scenario's network (0: none).
    siting_settings
        Flat `SitingSettings` values over the scenario's test, quality, travel and snapping.
    """

    name: str = EXISTING_HUBS
    added: tuple[dict[str, Any], ...] = ()
    removed: tuple[str, ...] = ()
    upgrades: tuple[tuple[str, tuple[str, ...]], ...] = ()
    siting: int = 0
    siting_settings: tuple[tuple[str, Any], ...] = ()


@dataclass(frozen=True)
class BatchScenario:
    """One scenario of a batch: its id, the values of the axes, and what it runs.

    Attributes
    ----------
    id
        Stable id, safe as a folder name (``"car-rainy-sited"``).
    values
        The axis values as shown in the comparison table, in `AXES` order.
    settings
        The access settings (mode, speed file, traffic, thresholds, ...).
    closures
        Roads closed or slowed, or None.
    hubs
        The hub set.
    referral
        The sample referral's settings (couriers over the scenario's test, travel and hubs),
        or None for no referral plan.
    """

    id: str
    values: tuple[tuple[str, str], ...]
    settings: AccessSettings
    closures: RoadClosures | None = None
    hubs: HubSet = field(default_factory=HubSet)
    referral: ReferralSettings | None = None

    @property
    def network_key(self) -> tuple[Any, ...]:
        """What makes its network: mode, speed file, traffic and closures."""
        travel = self.settings.travel
        return (travel.mode, travel.speeds, travel.congestion, self.closures)

    def courier_key(self, courier_mode: str) -> tuple[Any, ...]:
        """What makes its couriers' network: ``network_key`` with the couriers' mode."""
        travel = self.settings.travel
        return (courier_mode, travel.speeds, travel.congestion, self.closures)


@dataclass(frozen=True)
class BatchPlan:
    """A scenario file read and checked.

    Attributes
    ----------
    path
        The scenario file.
    name
        Its title (``[batch] name``), or the file's stem.
    inputs
        Input paths by layer (`INPUT_KEYS`), resolved against the file's folder.
    axes
        The axes the file sets, in `AXES` order (columns of the comparison table); only those
        with several values name the scenarios.
    scenarios
        Every scenario, in file order: the matrix first, then ``[[scenario]]`` entries.
    isochrones
        Whether each scenario draws its catchment bands (``[batch] isochrones``, default false).
    """

    path: Path
    name: str
    inputs: Mapping[str, Path]
    axes: tuple[str, ...]
    scenarios: tuple[BatchScenario, ...]
    isochrones: bool = False


def read_plan(path: str | Path) -> BatchPlan:
    """Read and check a scenario file.

    Raises
    ------
    InputError
        When the file is missing or not TOML, or a key or value is not usable; the message names
        the file, the key and the value, and says what was expected.
    """
    path = Path(path)
    data = load_toml(path, what=_("scenario file"))
    return _Reader(path, data).plan()


def _slug(text: str) -> str:
    """``"Two new hubs"`` → ``"two_new_hubs"``: a value as a part of an id."""
    slug = re.sub(r"[^A-Za-z0-9.]+", "_", str(text).strip()).strip("_").lower()
    return slug or "x"


class _Reader:
    """Reads one scenario file; every problem names ``path``, the key and the value."""

    def __init__(self, path: Path, data: Mapping[str, Any]) -> None:
        self.path = path
        self.data = data
        self.folder = path.parent

    def fail(self, key: str, value: Any, problem: str) -> InputError:
        text = _("{key} = {value!r}: {problem}").format(key=key, value=value, problem=problem)
        return InputError(text, path=self.path)

    def table(self, key: str) -> Mapping[str, Any]:
        value = self.data.get(key, {})
        if not isinstance(value, Mapping):
            raise self.fail(key, value, _("should be a table such as [{key}]").format(key=key))
        return value

    def plan(self) -> BatchPlan:
        unknown = sorted(set(self.data) - set(TABLES))
        if unknown:
            raise self.fail(
                unknown[0],
                self.data[unknown[0]],
                _("unknown table; a scenario file holds {tables}").format(tables=", ".join(TABLES)),
            )
        batch = self.table("batch")
        isochrones = batch.get("isochrones", False)
        if not isinstance(isochrones, bool):
            raise self.fail("batch.isochrones", isochrones, _("should be true or false"))
        base = self.base_settings()
        axes = self.axes()
        varied = tuple(a for a in AXES if len(axes.get(a, ())) > 1)
        scenarios = [
            self.scenario(base, dict(zip(axes, combo, strict=True)), varied)
            for combo in itertools.product(*axes.values())
        ]
        scenarios += self.explicit(base, axes, varied)
        self.check_ids(scenarios)
        named = {a for scenario in scenarios for a, _value in scenario.values}
        shown = tuple(a for a in AXES if a in named)
        return BatchPlan(
            path=self.path,
            name=str(batch.get("name") or self.path.stem),
            inputs=self.inputs(),
            axes=shown,
            scenarios=tuple(scenarios),
            isochrones=isochrones,
        )

    def inputs(self) -> dict[str, Path]:
        table = self.table("inputs")
        out: dict[str, Path] = {}
        for key, value in table.items():
            if key not in INPUT_KEYS:
                text = _("unknown input; the inputs are {keys}").format(keys=", ".join(INPUT_KEYS))
                raise self.fail(f"inputs.{key}", value, text)
            if not isinstance(value, str) or not value:
                raise self.fail(f"inputs.{key}", value, _("should be a path, relative to the file"))
            full = (self.folder / value).resolve()
            if not full.exists():
                text = _("no such file {path}; paths are relative to the scenario file's folder")
                raise self.fail(f"inputs.{key}", value, text.format(path=full))
            out[key] = full
        if "project" not in out and not {"roads", "facilities", "population"} <= set(out):
            text = _("give a .ccgeo project, or roads, facilities and population")
            raise self.fail("inputs", dict(table), text)
        return out

    def base_settings(self) -> AccessSettings:
        table = dict(self.table("settings"))
        if "speeds" in table and isinstance(table["speeds"], str):
            table["speeds"] = str((self.folder / table["speeds"]).resolve())
        try:
            return AccessSettings.from_dict(table)
        except InputError as exc:
            raise InputError(_("[settings]: {error}").format(error=exc), path=self.path) from None

    def axes(self) -> dict[str, list[Any]]:
        table = self.table("axes")
        out: dict[str, list[Any]] = {}
        for key, values in table.items():
            if key not in AXES:
                text = _("unknown axis; the axes are {axes}").format(axes=", ".join(AXES))
                raise self.fail(f"axes.{key}", values, text)
            if not isinstance(values, list) or not values:
                text = _('should be a list of values, such as ["car", "motorbike"]')
                raise self.fail(f"axes.{key}", values, text)
            out[key] = values
        return out

    def explicit(
        self, base: AccessSettings, axes: Mapping[str, list[Any]], varied: tuple[str, ...]
    ) -> list[BatchScenario]:
        entries = self.data.get("scenario", [])
        if not isinstance(entries, list):
            raise self.fail("scenario", entries, _("should be [[scenario]] tables"))
        out = []
        for i, entry in enumerate(entries):
            key = f"scenario[{i + 1}]"
            if not isinstance(entry, Mapping):
                raise self.fail(key, entry, _("should be a table"))
            unknown = sorted(set(entry) - {*AXES, "id"})
            if unknown:
                text = _("unknown key; a [[scenario]] holds id and the axes {axes}")
                raise self.fail(
                    f"{key}.{unknown[0]}", entry[unknown[0]], text.format(axes=", ".join(AXES))
                )
            values = {a: entry[a] if a in entry else axes.get(a, [None])[0] for a in AXES}
            values = {a: v for a, v in values.items() if v is not None}
            made = self.scenario(base, values, (*varied, *[a for a in AXES if a in entry]))
            if "id" in entry:
                if not isinstance(entry["id"], str) or _slug(entry["id"]) != entry["id"]:
                    text = _(
                        "an id is lower-case letters, digits, '.' and '_', such as 'walk_rainy'"
                    )
                    raise self.fail(f"{key}.id", entry["id"], text)
                made = BatchScenario(
                    entry["id"], made.values, made.settings, made.closures, made.hubs
                )
            out.append(made)
        return out

    def check_ids(self, scenarios: Sequence[BatchScenario]) -> None:
        seen: set[str] = set()
        for scenario in scenarios:
            if scenario.id in seen:
                text = _("two scenarios have this id; give each [[scenario]] its own id")
                raise self.fail("id", scenario.id, text)
            seen.add(scenario.id)

    def scenario(
        self, base: AccessSettings, values: Mapping[str, Any], varied: Sequence[str]
    ) -> BatchScenario:
        changes: dict[str, Any] = {}
        shown: dict[str, str] = {}
        if "mode" in values:
            changes["mode"] = shown["mode"] = self.word("axes.mode", values["mode"])
        if "speeds" in values:
            speeds = self.word("axes.speeds", values["speeds"], empty=True)
            changes["speeds"] = str((self.folder / speeds).resolve()) if speeds else None
            shown["speeds"] = speeds or _NONE
        if "congestion" in values:
            changes["congestion"] = values["congestion"]
            shown["congestion"] = f"{self.number('axes.congestion', values['congestion']):g}"
        if "thresholds" in values:
            try:
                minutes = parse_thresholds(values["thresholds"])
            except InputError as exc:
                raise self.fail("axes.thresholds", values["thresholds"], exc.reason) from None
            changes["thresholds_minutes"] = minutes
            shown["thresholds"] = " ".join(f"{m:g}" for m in minutes)
        try:
            settings = base.updated(changes)
        except InputError as exc:
            raise self.fail("axes", values, str(exc)) from None
        closures = None
        if "closures" in values:
            closures = self.closures(self.word("axes.closures", values["closures"]))
            shown["closures"] = values["closures"]
        hubs = HubSet()
        if "hubs" in values:
            hubs = self.hubs(self.word("axes.hubs", values["hubs"]), settings)
            shown["hubs"] = hubs.name
        referral = None
        if "referral" in values:
            name = self.word("axes.referral", values["referral"])
            referral = self.referral(name, settings)
            shown["referral"] = name
        parts = [_slug(shown[a]) for a in AXES if a in varied and a in shown]
        ordered = tuple((a, shown[a]) for a in AXES if a in shown)
        made = "-".join(parts) or "base"
        return BatchScenario(made, ordered, settings, closures, hubs, referral)

    def word(self, key: str, value: Any, *, empty: bool = False) -> str:
        if not isinstance(value, str) or (not value.strip() and not empty):
            raise self.fail(key, value, _("should be a name (text)"))
        return value.strip()

    def number(self, key: str, value: Any) -> float:
        ok = isinstance(value, int | float) and not isinstance(value, bool)
        if not ok or not math.isfinite(value):
            raise self.fail(key, value, _("should be a number"))
        return float(value)

    def closures(self, name: str) -> RoadClosures | None:
        tables = self.table("closures")
        if name == NO_CLOSURES:
            return None
        if name not in tables or not isinstance(tables[name], Mapping):
            text = _('no table [closures.{name}]; add it, or use "none" (no road closed)')
            raise self.fail("axes.closures", name, text.format(name=name))
        table = dict(tables[name])
        unknown = sorted(set(table) - set(CLOSURE_KEYS))
        if unknown:
            text = _("unknown key; [closures] tables hold {keys}").format(
                keys=", ".join(CLOSURE_KEYS)
            )
            raise self.fail(f"closures.{name}.{unknown[0]}", table[unknown[0]], text)
        for key in ("closed_classes", "closed_surfaces", "slowed_surfaces"):
            value = table.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise self.fail(f"closures.{name}.{key}", value, _("should be a list of names"))
        areas = table.pop("areas", None)
        if areas is not None:
            table["areas_wkb"] = self.areas(f"closures.{name}.areas", areas)
        try:
            return RoadClosures(name=name, **table)
        except (InputError, TypeError) as exc:
            raise self.fail(f"closures.{name}", tables[name], str(exc)) from None

    def areas(self, key: str, value: Any) -> tuple[bytes, ...]:
        import geopandas as gpd  # only when a file asks for areas

        if not isinstance(value, str) or not (self.folder / value).is_file():
            text = _("should be a polygon file (GeoJSON, GPKG, SHP) relative to the scenario file")
            raise self.fail(key, value, text)
        try:
            gdf = gpd.read_file(self.folder / value)
        except Exception as exc:
            raise self.fail(key, value, str(exc)) from None
        if gdf.crs is not None:
            gdf = gdf.to_crs(4326)
        polygons = gdf[gdf.geom_type.isin(["Polygon", "MultiPolygon"])]
        if polygons.empty:
            raise self.fail(key, value, _("holds no polygon"))
        return tuple(geom.wkb for geom in polygons.geometry)

    def hubs(self, name: str, settings: AccessSettings) -> HubSet:
        tables = self.table("hubs")
        if name == EXISTING_HUBS and name not in tables:
            return HubSet()
        if name not in tables or not isinstance(tables[name], Mapping):
            text = _('no table [hubs.{name}]; add it, or use "existing" (the labs as they are)')
            raise self.fail("axes.hubs", name, text.format(name=name))
        table = tables[name]
        unknown = sorted(set(table) - set(HUB_KEYS))
        if unknown:
            text = _("unknown key; [hubs] tables hold {keys}").format(keys=", ".join(HUB_KEYS))
            raise self.fail(f"hubs.{name}.{unknown[0]}", table[unknown[0]], text)
        added = tuple(
            self.new_hub(f"hubs.{name}.new[{i + 1}]", h, settings)
            for i, h in enumerate(self.listed(f"hubs.{name}.new", table.get("new", [])))
        )
        removed = tuple(str(v) for v in self.listed(f"hubs.{name}.remove", table.get("remove", [])))
        upgrade = table.get("upgrade", {})
        if not isinstance(upgrade, Mapping) or not all(
            isinstance(v, list) for v in upgrade.values()
        ):
            text = _('should map facility ids to the tests they gain, such as F0002 = ["pcr"]')
            raise self.fail(f"hubs.{name}.upgrade", upgrade, text)
        upgrades = tuple((str(k), tuple(str(c) for c in v)) for k, v in upgrade.items())
        siting = table.get("siting", 0)
        if isinstance(siting, bool) or not isinstance(siting, int) or siting < 0:
            text = _("should be the number of new hubs siting chooses, such as 2")
            raise self.fail(f"hubs.{name}.siting", siting, text)
        extra = table.get("siting_settings", {})
        if siting:
            try:
                SitingSettings.from_dict({**_shared(settings), **dict(extra), "hubs": siting})
            except (InputError, TypeError) as exc:
                raise self.fail(f"hubs.{name}.siting_settings", extra, str(exc)) from None
        return HubSet(name, added, removed, upgrades, siting, tuple(sorted(dict(extra).items())))

    def referral(self, name: str, settings: AccessSettings) -> ReferralSettings | None:
        tables = self.table("referral")
        if name == NO_REFERRAL:
            return None
        if name not in tables or not isinstance(tables[name], Mapping):
            text = _('no table [referral.{name}]; add it, or use "none" (no referral plan)')
            raise self.fail("axes.referral", name, text.format(name=name))
        table = dict(tables[name])
        unknown = sorted(set(table) - set(REFERRAL_KEYS))
        if unknown:
            text = _("unknown key; [referral] tables hold {keys}")
            text = text.format(keys=", ".join(REFERRAL_KEYS))
            raise self.fail(f"referral.{name}.{unknown[0]}", table[unknown[0]], text)
        if isinstance(table.get("params"), str):
            table["params"] = str((self.folder / table["params"]).resolve())
        try:
            return ReferralSettings.from_dict({**_shared(settings), **table})
        except (InputError, TypeError) as exc:
            raise self.fail(f"referral.{name}", tables[name], str(exc)) from None

    def listed(self, key: str, value: Any) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(key, value, _("should be a list"))
        return value

    def new_hub(self, key: str, hub: Any, settings: AccessSettings) -> dict[str, Any]:
        if not isinstance(hub, Mapping):
            raise self.fail(
                key, hub, _("should be a table with id, name, lon, lat and capabilities")
            )
        lon, lat = hub.get("lon"), hub.get("lat")
        for part, value, limit in (("lon", lon, 180.0), ("lat", lat, 90.0)):
            ok = isinstance(value, int | float) and not isinstance(value, bool)
            if not ok or not math.isfinite(value) or abs(value) > limit:
                text = _("should be degrees from -{limit:g} to {limit:g} (EPSG:4326)")
                raise self.fail(f"{key}.{part}", value, text.format(limit=limit))
        caps = hub.get("capabilities", [settings.capability])
        if not isinstance(caps, list) or not all(isinstance(c, str) for c in caps):
            raise self.fail(f"{key}.capabilities", caps, _("should be a list of tests"))
        hub_id = str(hub.get("id") or f"{key}")
        name = str(hub.get("name") or hub_id)
        return {"hub_id": hub_id, "name": name, "lon": lon, "lat": lat, "capabilities": caps}


#: How an empty value (no speed file) shows in the table.
_NONE = "-"


def _shared(settings: AccessSettings) -> dict[str, Any]:
    """The flat values every analysis shares (test, quality, travel, snapping)."""
    flat = settings.to_dict()
    return {k: flat[k] for k in AccessSettings.SHARED_KEYS if k in flat}


def siting_settings(scenario: BatchScenario) -> SitingSettings:
    """The siting settings of a scenario's hub set (its test, travel and snapping)."""
    hubs = scenario.hubs
    extra = dict(hubs.siting_settings)
    return SitingSettings.from_dict({**_shared(scenario.settings), **extra, "hubs": hubs.siting})
