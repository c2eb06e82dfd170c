"""The words of the printed report: numbers formatted for people, and the methods, assumptions
and data-sources pages built from the analysis settings (no Qt, so they can be tested alone).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccgeo.io.kinds import kind_of
from ccgeo.labels import (
    MISSING,
    format_days,
    format_people,
    format_threshold,
)

if TYPE_CHECKING:
    from ccgeo.model.profile import SpeedProfile
    from ccgeo.project import Project

#: Map data credit required by the ODbL wherever OpenStreetMap roads are shown.
OSM_ATTRIBUTION = "© OpenStreetMap contributors"

#: Kinds of road file (`ccgeo.io.kinds`) that mean OpenStreetMap data (osmnx GraphML is OSM).
_OSM_KINDS = ("osm", "graphml")


# -- blocks of text -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heading:
    """A subheading inside a page."""

    text: str


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text; ``note`` paragraphs are set smaller and grey."""

    text: str
    note: bool = False


@dataclass(frozen=True)
class Bullets:
    """A list of short items."""

    items: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table of text cells (already formatted).

    Attributes
    ----------
    columns
        Header of each column.
    rows
        One tuple of cells per row, as many as ``columns``.
    align
        ``"l"`` or ``"r"`` per column (numbers right-aligned); default: first column left, the
        others right.
    emphasis
        Row numbers drawn bold (a total row).
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    align: tuple[str, ...] = ()
    emphasis: frozenset[int] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        n = len(self.columns)
        bad = [i for i, row in enumerate(self.rows) if len(row) != n]
        if bad:
            msg = f"table rows {bad[:5]} do not have {n} cells like the header {self.columns}"
            raise ValueError(msg)
        if not self.align:
            object.__setattr__(self, "align", ("l",) + ("r",) * (n - 1))
        elif len(self.align) != n:
            msg = f"`align` has {len(self.align)} entries for {n} columns"
            raise ValueError(msg)


Block = Heading | Paragraph | Bullets | Table


# -- sources --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A published source behind a default value, as cited in the report."""

    topic: str
    citation: str


#: The public sources of ccgeo's defaults (DOMAIN.md), in the order the methods page cites them.
SOURCES: tuple[Source, ...] = (
    Source(
        "Car speeds per road class",
        "OSRM car profile (Project-OSRM/osrm-backend, profiles/car.lua), free-flow speeds",
    ),
    Source(
        "Unpaved roads × 0.7",
        "Bluesquare geohealthaccess, travel-time model for access to health care",
    ),
    Source(
        "Walking 5 km/h, off-road leg",
        "AccessMod (WHO); Tobler's hiking function on flat ground",
    ),
    Source(
        "Peak-hour congestion (a scenario factor, not a default)",
        "African Journal of Emergency Medicine 10:40 (Nairobi: traffic added about 200 % to "
        "hospital travel time)",
    ),
    Source(
        "Two-hour indicator, target ≥ 80 % by 2030",
        "Lancet Commission on Global Surgery",
    ),
    Source(
        "Reference levels of access",
        "Weiss et al. 2020, Nature Medicine (8.9 % of people beyond 1 h of care by motorised "
        "transport, 43.3 % on foot); Ouma et al. 2018, Lancet Global Health (about 71 % of "
        "sub-Saharan Africa within 2 h of a public hospital)",
    ),
    Source(
        "Biomarkers by cancer",
        "CAP/ASCO, IASLC/AMP and ESMO guidance (JCO.2016.71.9807); WHO Essential Diagnostics "
        "List 2019 and later",
    ),
    Source(
        "Turnaround",
        "Biomarker result ≤ 10 working days from receipt (CAP/IASLC/AMP); dispatch to an "
        "outside lab ≤ 3 days (ESP); real-world median 14 working days (IASLC 2024 survey)",
    ),
    Source(
        "Pre-analytical limits",
        "Cold ischaemia ≤ 60 min, fixation 6–72 h, unstained HER2 slides ≤ 6 weeks (ASCO/CAP); "
        "FFPE blocks ambient (ARUP specimen stability); plasma ctDNA (PMC5104415; AACR 2016)",
    ),
    Source(
        "Sample-referral networks",
        "Uganda national hub system (PLoS One, doi:10.1371/journal.pone.0078609); South Africa "
        "NHLS courier network (Afr J Lab Med 11:1725); FIND and ASLM diagnostic network "
        "optimisation",
    ),
)


# -- the methods page -----------------------------------------------------------------------------


def speed_profile_table(profile: SpeedProfile) -> Table:
    """Speeds of a travel mode (km/h, fastest first) with the OSM ``highway`` classes at each."""
    by_speed: dict[float, list[str]] = {}
    for name, kmh in profile.speeds_kmh.items():
        by_speed.setdefault(float(kmh), []).append(name.replace("_", " "))
    return Table(
        columns=("Speed, km/h", "Road classes (OSM highway)"),
        rows=tuple(
            (f"{kmh:g}", ", ".join(sorted(names)))
            for kmh, names in sorted(by_speed.items(), reverse=True)
        ),
        align=("r", "l"),
    )


def profile_notes(profile: SpeedProfile) -> list[str]:
    """The rules of a speed profile beyond its class speeds, one sentence each."""
    notes = [
        f"Road classes without a stated speed are driven at {profile.default_kmh:g} km/h; "
        f"no road is faster than {profile.max_kmh:g} km/h.",
    ]
    if profile.unpaved_factor < 1.0:
        notes.append(f"Speeds on unpaved surfaces are multiplied by {profile.unpaved_factor:g}.")
    notes.append(
        "Tagged speed limits (maxspeed) cap the class speed."
        if profile.respect_maxspeed
        else "Tagged speed limits (maxspeed) are ignored."
    )
    notes.append(
        "One-way streets are travelled one way only."
        if profile.respect_oneway
        else "One-way streets are travelled both ways (on foot)."
    )
    notes.append(
        "Roads closed to this mode by their access tags (no, private, and for "
        "vehicles destination, delivery, customers, farm, forest or bus only) are not used, "
        "nor are roads under construction; a barrier node that stops the mode (a bollard, a "
        "block or a closed gate for vehicles; a wall or a fence on foot) cuts the road there."
    )
    if profile.congestion_factor != 1.0:
        notes.append(
            f"Congestion: every travel time is multiplied by {profile.congestion_factor:g} "
            "(a peak-hour scenario)."
        )
    else:
        notes.append("Free-flow speeds: no congestion factor is applied (factor 1).")
    if profile.excluded_classes:
        notes.append(
            "Not used by this mode: "
            + ", ".join(sorted(c.replace("_", " ") for c in profile.excluded_classes))
            + "."
        )
    return notes


def methods_blocks(
    settings: Mapping[str, Any],
    *,
    network_summary: Mapping[str, Any] | None = None,
    profile: SpeedProfile | None = None,
    siting_settings: Mapping[str, Any] | None = None,
    referral_settings: Mapping[str, Any] | None = None,
) -> list[Block]:
    """The methods-and-assumptions page, from the settings the analyses actually used.

    Parameters
    ----------
    settings
        ``AccessResult.settings``: ``capability``, ``quality``, ``thresholds_minutes``,
        ``underserved_minutes``, ``max_snap_m``, ``walk_kmh``, ``mode``.
    network_summary
        ``AccessResult.network_summary`` (nodes, arcs, CRS, connectivity).
    profile
        The speed profile of the network the access analysis ran on.
    siting_settings, referral_settings
        ``SitingResult.settings`` and ``ReferralResult.settings`` when those analyses are in
        the report.

    Returns
    -------
    list of Heading, Paragraph, Bullets and Table
    """
    mode = str(settings.get("mode") or (profile.name if profile else "car"))
    blocks: list[Block] = [
        *_travel_time_blocks(settings, mode=mode, network_summary=network_summary),
        *_coverage_blocks(settings),
        Heading("Which labs count"),
        Paragraph(_lab_filter_text(settings)),
        *_speed_profile_blocks(profile, mode=mode),
    ]
    if siting_settings:
        blocks.append(Heading("Proposed hubs"))
        blocks.append(Paragraph(_siting_text(siting_settings)))
    if referral_settings:
        blocks.append(Heading("Sample referral"))
        blocks.extend(_referral_blocks(referral_settings))
    blocks.append(Heading("Limits of this analysis"))
    blocks.append(Bullets(_LIMITS))
    blocks.append(Heading("Sources of the defaults"))
    blocks.append(
        Table(
            ("Value", "Source"),
            tuple((s.topic, s.citation) for s in SOURCES),
            align=("l", "l"),
        )
    )
    return blocks


#: The "Limits of this analysis" list of the methods page.
_LIMITS: tuple[str, ...] = (
    "Speeds are free-flow defaults per road class; real trips are slower at peak "
    "hours, on damaged roads and when waiting for transport. Calibrate them "
    "locally and state any change.",
    "Travel time is not the only barrier: cost, opening hours, test availability "
    "and referral rules also decide whether a person is tested.",
    "Population grids are modelled estimates; counts for small areas carry large errors.",
    "A lab counts if the facility list says it can do the test; the list should be "
    "checked with the labs themselves.",
)


def _travel_time_blocks(
    settings: Mapping[str, Any], *, mode: str, network_summary: Mapping[str, Any] | None
) -> list[Block]:
    """The travel-time section: the formula, the walk to the road, snapping, the network."""
    max_snap_m = float(settings.get("max_snap_m", float("nan")))
    walk_kmh = float(settings.get("walk_kmh", float("nan")))
    blocks: list[Block] = [Heading("Travel time")]
    blocks.append(
        Paragraph(
            f"For every place where people live, the travel time to the nearest lab is "
            f"T = min over labs of the time by {mode} along the road network, plus a walk at "
            f"{walk_kmh:g} km/h from the home to the nearest road. People more than "
            f"{max_snap_m:,.0f} m from every road are counted as off the network and people "
            "with no route to any lab as unreachable; both stay in every table, never dropped. "
            f"A lab more than {max_snap_m:,.0f} m from a road is not used and is listed in the "
            "cautions."
        )
    )
    if network_summary:
        connectivity = network_summary.get("connectivity") or {}
        text = (
            f"The {mode} network has {int(network_summary.get('nodes', 0)):,} junctions and "
            f"{int(network_summary.get('arcs', 0)):,} one-way road links, measured in "
            f"{network_summary.get('crs', 'a local metric grid')}."
        )
        if connectivity.get("message"):
            text += " " + str(connectivity["message"])
        blocks.append(Paragraph(text))
    return blocks


def _coverage_blocks(settings: Mapping[str, Any]) -> list[Block]:
    """The coverage section: the formula, the thresholds used, how underserved areas form."""
    thresholds = [float(t) for t in settings.get("thresholds_minutes", [])]
    under = settings.get("underserved_minutes")
    blocks: list[Block] = [Heading("Coverage and thresholds")]
    listed = ", ".join(format_threshold(t) for t in thresholds) or "none"
    blocks.append(
        Paragraph(
            "Coverage within T minutes is the share of people whose travel time is at most T: "
            "Cov(T) = Σ people with T_i ≤ T / Σ people. Thresholds are inclusive: a person "
            f"exactly at the threshold counts as within it. Thresholds used: {listed}."
        )
    )
    blocks.append(
        Paragraph(
            "Σ people counts the people of the study area. People of the population file "
            "outside the study area, and people in rows that could not be placed on the map, "
            "are not analysed; the summary counts them apart (outside the roads, not located), "
            "so that every person of the file is in exactly one line. A person inside several "
            "overlapping districts counts in the district listed first."
        )
    )
    if under is not None:
        blocks.append(
            Paragraph(
                f"Underserved areas gather the people beyond {format_threshold(float(under))} "
                "(unreachable and off-network people included) on a grid of half the "
                "population grid's spacing; touching cells form one area, and areas are ranked "
                "by the people in them."
            )
        )
    return blocks


def _speed_profile_blocks(profile: SpeedProfile | None, *, mode: str) -> list[Block]:
    """The speed-profile section: the profile's description, speeds table and rules."""
    blocks: list[Block] = [Heading(f"Speed profile: {mode}")]
    if profile is None:
        blocks.append(Paragraph("The speed profile of the network is not known.", note=True))
    else:
        if profile.description:
            blocks.append(Paragraph(profile.description + "."))
        blocks.append(speed_profile_table(profile))
        blocks.append(Bullets(tuple(profile_notes(profile))))
    return blocks


def _lab_filter_text(settings: Mapping[str, Any]) -> str:
    capability = settings.get("capability")
    quality = settings.get("quality")
    if capability is None:
        return (
            "The labs were chosen before the analysis (the list given to it); the report lists "
            "them on the coverage map. Quality filter: as applied when choosing them."
        )
    quality_text = {
        None: "any quality",
        "any": "any quality",
        "eqa": "taking part in external quality assessment (national or international)",
        "accredited": "accredited (ISO 15189, CAP or other)",
        "eqa_or_accredited": "in external quality assessment or accredited",
    }.get(quality, str(quality))
    return (
        f"A lab counts when the facility list says it can do {str(capability).upper()} and it "
        f"is {quality_text}."
    )


def _siting_text(settings: Mapping[str, Any]) -> str:
    model = str(settings.get("model", ""))
    minutes = settings.get("minutes")
    names = {
        "mclp": "maximal covering location (MCLP): the most people within the limit",
        "pmedian": "p-median: the least population-weighted travel time",
        "lscp": "set covering (LSCP): the fewest hubs that reach the target share",
    }
    text = f"Model: {names.get(model, model)}"
    if minutes is not None:
        text += f", limit {format_threshold(float(minutes))} (inclusive)"
    mode = settings.get("mode")
    if mode:
        text += f", travel by {mode}"
    text += (
        ". Existing labs stay open. Hubs are ranked greedily over the chosen set: each hub's "
        "gain is what it adds given the hubs ranked before it, so the gains add up to the "
        "whole set's gain."
    )
    sources = settings.get("sources")
    if sources:
        text += " Candidate sites: " + ", ".join(str(s) for s in sources) + "."
    return text


def _referral_blocks(settings: Mapping[str, Any]) -> list[Block]:
    params = dict(settings.get("parameters") or {})
    courier = params.get("courier_mode", settings.get("courier_mode", "motorbike"))
    target = params.get("target_working_days")
    dispatch = params.get("dispatch_working_days")
    rule = params.get("wait_rule", "worst")
    parts = [
        f"Samples travel by {courier} along the fastest road route from the spoke to its hub",
    ]
    if params.get("latest_pickup"):
        parts.append(
            f"couriers work {params.get('shift_start', '?')}–{params.get('shift_end', '?')} with "
            f"the last pick-up at {params['latest_pickup']}"
        )
    text = "; ".join(parts) + "."
    if target is not None:
        text += (
            f" Sample-to-result time = dispatch ({format_days(dispatch)} working days) + wait "
            f"for the next pick-up ({rule} case) + transport + the lab's turnaround; the target "
            f"is {float(target):g} working days."
        )
    blocks: list[Block] = [Paragraph(text)]
    specimens = params.get("specimens") or {}
    rows = []
    for name, spec in specimens.items():
        limit = spec.get("limit_hours")
        rows.append(
            (
                str(name).replace("_", " "),
                "no practical limit" if limit is None else f"{float(limit):g} h",
                str(spec.get("basis", "")),
            )
        )
    if rows:
        blocks.append(Table(("Specimen", "Limit", "Basis"), tuple(rows), align=("l", "r", "l")))
    return blocks


# -- the data sources page ------------------------------------------------------------------------


def _file_date(path: Path) -> str:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return "file not found"
    return dt.datetime.fromtimestamp(stamp, tz=dt.UTC).strftime("%Y-%m-%d")


def _read_date(text: Any) -> str:
    if not text:
        return MISSING
    try:
        when = dt.datetime.fromisoformat(str(text))
    except ValueError:
        return str(text)
    if when.tzinfo is not None:
        when = when.astimezone(dt.UTC)
        return when.strftime("%Y-%m-%d %H:%M UTC")
    return when.strftime("%Y-%m-%d %H:%M")


def uses_osm(project: Project) -> bool:
    """True when the project's roads come from OpenStreetMap (an OSM file or a download), so
    that maps must credit "© OpenStreetMap contributors"; never for the synthetic demo city,
    whose roads only use the OSM file format."""
    roads = project.roads
    if roads is None or project.metadata.get("synthetic"):
        return False
    source = str(roads.source).lower()
    return source.startswith("download") or kind_of(source, among=_OSM_KINDS) is not None


def _layer_notes(project: Project, layer: str) -> str:
    if layer == "roads" and project.roads is not None:
        note = f"{project.roads.n_edges:,} road links"
        return note + (f"; {OSM_ATTRIBUTION}, ODbL" if uses_osm(project) else "")
    if layer == "population" and project.demand is not None:
        kinds = {
            "raster": "population grid",
            "points": "population points",
            "district_table": "population table per district",
        }
        text = (
            f"{kinds.get(project.demand.kind, project.demand.kind)}, "
            f"{format_people(project.demand.total_population)} people in the study area"
        )
        in_file = project.demand.population_report.people_in_file
        if in_file - project.demand.total_population > 0.5:
            text += f" of {format_people(in_file)} in the file"
        return text
    if layer == "districts" and project.districts is not None:
        return f"{len(project.districts):,} districts"
    if layer == "facilities" and project.facilities is not None:
        text = f"{len(project.facilities):,} facilities"
        report = project.facilities.report
        if report is not None:
            text += f"; {report.n_rejected:,} rows rejected on import"
        return text
    return ""


def data_sources_blocks(project: Project) -> list[Block]:
    """The data-sources page: each layer's file, the file's date and when it was read.

    Parameters
    ----------
    project
        Its ``metadata["sources"]`` (``layer``, ``path``, ``read_at``) lists the files; layers
        without a recorded source are listed from the layer's own ``source``.
    """
    metadata = project.metadata or {}
    rows = _source_rows(project)
    blocks: list[Block] = []
    if metadata.get("synthetic"):
        note = str(metadata.get("note") or "")
        blocks.append(
            Paragraph(
                "These are synthetic demo data: "
                + (note or "no real place, people or facilities are described.")
            )
        )
    if rows:
        blocks.append(
            Table(
                ("Layer", "File", "File modified", "Read into ccgeo", "Content"),
                tuple(rows),
                align=("l", "l", "l", "l", "l"),
            )
        )
    else:
        blocks.append(Paragraph("No data source is recorded in this project.", note=True))
    blocks.extend(_data_source_notes(project))
    return blocks


def _source_rows(project: Project) -> list[tuple[str, str, str, str, str]]:
    """Layer, file, file date, read date and content: the recorded sources first, then the
    layers without one, from the layer's own ``source``."""
    sources: Sequence[Mapping[str, Any]] = (project.metadata or {}).get("sources") or []
    rows: list[tuple[str, str, str, str, str]] = []
    seen: set[str] = set()
    for src in sources:
        layer = str(src.get("layer", ""))
        path = Path(str(src.get("path", "")))
        seen.add(layer)
        rows.append(
            (
                layer,
                path.name or MISSING,
                _file_date(path) if str(path) not in ("", ".") else MISSING,
                _read_date(src.get("read_at")),
                _layer_notes(project, layer),
            )
        )
    for layer, source in _layer_sources(project).items():
        if layer in seen or source is None:
            continue
        path = Path(source) if source else None
        rows.append(
            (
                layer,
                path.name if path is not None else "not recorded",
                _file_date(path) if path is not None and path.name else MISSING,
                MISSING,
                _layer_notes(project, layer),
            )
        )
    return rows


def _layer_sources(project: Project) -> dict[str, str | None]:
    """Each layer's own record of its file: ``None`` without the layer, ``""`` if unknown."""
    return {
        "roads": project.roads.source if project.roads is not None else None,
        "population": project.demand.source if project.demand is not None else None,
        "districts": "" if project.districts is not None else None,
        "facilities": (
            project.facilities.report.source
            if project.facilities is not None and project.facilities.report is not None
            else ("" if project.facilities is not None else None)
        ),
    }


def _data_source_notes(project: Project) -> list[Block]:
    """The project file's date, what the file dates mean, and the OpenStreetMap credit."""
    blocks: list[Block] = []
    if project.path is not None:
        blocks.append(
            Paragraph(
                f"Project file: {Path(project.path).name} "
                f"(modified {_file_date(Path(project.path))})."
            )
        )
    blocks.append(
        Paragraph(
            "File dates are the files' modification dates on this computer; the date a survey "
            "or an extract describes may be earlier and should be taken from its provider.",
            note=True,
        )
    )
    if uses_osm(project):
        blocks.append(
            Paragraph(
                f"Road data {OSM_ATTRIBUTION}, available under the Open Database Licence "
                "(openstreetmap.org/copyright).",
                note=True,
            )
        )
    return blocks
