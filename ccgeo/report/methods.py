"""The words of the printed report: numbers formatted for people, and the methods, assumptions
and data-sources pages built from the analysis settings (no Qt, so they can be tested alone).

Every text is written in the language of `ccgeo.i18n` at the moment it is built (a caller wraps
the call in ``using_language(lang)`` for a report in another language than the app's).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ccgeo.i18n import N_, _, ngettext, pgettext
from ccgeo.io.kinds import kind_of
from ccgeo.labels import (
    MISSING,
    format_count,
    format_days,
    format_number,
    format_people,
    format_percent,
    format_threshold,
)

if TYPE_CHECKING:
    from ccgeo.model.profile import SpeedProfile
    from ccgeo.project import Project

#: Map data credit required by the ODbL wherever OpenStreetMap roads are shown (English:
#: ``gettext`` it where it is shown).
OSM_ATTRIBUTION = N_("© OpenStreetMap contributors")

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


# -- words shared by the report's pages -----------------------------------------------------------

#: Travel modes as nouns ("Speed profile: car").
MODE_NAMES: dict[str, str] = {"car": N_("car"), "motorbike": N_("motorbike"), "walk": N_("walk")}
#: Travel modes after a verb of travel, in the English the report has always printed.
_TRAVEL_BY: dict[str, str] = {
    "car": N_("by car"),
    "motorbike": N_("by motorbike"),
    "walk": N_("by walk"),
}
#: The project's layers as the data-sources page names them.
LAYER_NAMES: dict[str, str] = {
    "roads": N_("roads"),
    "population": N_("population"),
    "districts": N_("districts"),
    "facilities": N_("facilities"),
}


def mode_name(mode: Any) -> str:
    """A travel mode as a noun in the current language (``"car"`` → ``"voiture"``); a mode
    ccgeo does not know as it is."""
    text = str(mode)
    return _(MODE_NAMES[text]) if text in MODE_NAMES else text


def travel_by(mode: Any) -> str:
    """How people travel, after a verb: ``"by car"`` (``"en voiture"``, ``"a pie"``)."""
    text = str(mode)
    if text in _TRAVEL_BY:
        return _(_TRAVEL_BY[text])
    return _("by {mode}").format(mode=text)


def layer_name(layer: str) -> str:
    """A project layer (``"roads"``) as the report names it in the current language."""
    return _(LAYER_NAMES[layer]) if layer in LAYER_NAMES else layer


def site_kind(kind: Any) -> str:
    """A kind of candidate site of a siting run (``"upgrade"``, ``"grid"``, ``"user"``) in the
    current language; another kind with its underscores as spaces."""
    text = str(kind)
    words = {
        "upgrade": pgettext("candidate site", "upgrade"),
        "grid": pgettext("candidate site", "grid"),
        "user": pgettext("candidate site", "user"),
    }
    return words.get(text, text.replace("_", " "))


def format_g(value: Any) -> str:
    """A number as ``{:g}`` writes it (``7.5``, ``60``), with the decimal sign of the current
    language (``7,5`` in Portuguese)."""
    return f"{float(value):g}".replace(".", format_number(0.5, decimals=1)[1])


# -- sources --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Source:
    """A published source behind a default value, as cited in the report (English: the
    methods page shows both in the current language)."""

    topic: str
    citation: str
    #: The percentages the citation quotes, by placeholder: written the language's way when
    #: shown (and no catalogue message holds a bare ``%`` before a word).
    percents: tuple[tuple[str, float], ...] = ()

    def cited(self) -> str:
        """The citation in the current language, its percentages in place."""
        values = {name: format_percent(p, decimals=None) for name, p in self.percents}
        return _(self.citation).format(**values)


#: The public sources of ccgeo's defaults (DOMAIN.md), in the order the methods page cites them.
SOURCES: tuple[Source, ...] = (
    Source(
        N_("Car speeds per road class"),
        N_("OSRM car profile (Project-OSRM/osrm-backend, profiles/car.lua), free-flow speeds"),
    ),
    Source(
        N_("Unpaved roads × 0.7"),
        N_("Bluesquare geohealthaccess, travel-time model for access to health care"),
    ),
    Source(
        N_("Walking 5 km/h, off-road leg"),
        N_("AccessMod (WHO); Tobler's hiking function on flat ground"),
    ),
    Source(
        N_("Peak-hour congestion (a scenario factor, not a default)"),
        N_(
            "African Journal of Emergency Medicine 10:40 (Nairobi: traffic added about 200 % to "
            "hospital travel time)"
        ),
    ),
    Source(
        N_("Two-hour indicator, target ≥ 80 % by 2030"),
        N_("Lancet Commission on Global Surgery"),
    ),
    Source(
        N_("Reference levels of access"),
        N_(
            "Weiss et al. 2020, Nature Medicine ({motorised} of people beyond 1 h of care by "
            "motorised transport, {walking} on foot); Ouma et al. 2018, Lancet Global Health "
            "(about {hospital} of sub-Saharan Africa within 2 h of a public hospital)"
        ),
        (("motorised", 8.9), ("walking", 43.3), ("hospital", 71)),
    ),
    Source(
        N_("Biomarkers by cancer"),
        N_(
            "CAP/ASCO, IASLC/AMP and ESMO guidance (JCO.2016.71.9807); WHO Essential "
            "Diagnostics List 2019 and later"
        ),
    ),
    Source(
        N_("Turnaround"),
        N_(
            "Biomarker result ≤ 10 working days from receipt (CAP/IASLC/AMP); dispatch to an "
            "outside lab ≤ 3 days (ESP); real-world median 14 working days (IASLC 2024 survey)"
        ),
    ),
    Source(
        N_("Pre-analytical limits"),
        N_(
            "Cold ischaemia ≤ 60 min, fixation 6–72 h, unstained HER2 slides ≤ 6 weeks "
            "(ASCO/CAP); FFPE blocks ambient (ARUP specimen stability); plasma ctDNA "
            "(PMC5104415; AACR 2016)"
        ),
    ),
    Source(
        N_("Sample-referral networks"),
        N_(
            "Uganda national hub system (PLoS One, doi:10.1371/journal.pone.0078609); South "
            "Africa NHLS courier network (Afr J Lab Med 11:1725); FIND and ASLM diagnostic "
            "network optimisation"
        ),
    ),
)

#: The texts of ccgeo's own parameter files (resources/speeds.toml, resources/referral.toml)
#: that the methods page quotes, so that they are translated too; a planner's own text is
#: shown as typed. Keep them equal to the files' words.
_RESOURCE_TEXTS: tuple[str, ...] = (
    N_("Car, free-flow speeds of the OSRM car profile"),
    N_("Motorbike: car speeds capped at 60 km/h (assumption, calibrate locally)"),
    N_("Walking at 5 km/h on any walkable way (AccessMod; Tobler on flat ground)"),
    N_("ASCO/CAP breast biomarker guideline: cold ischaemia time 60 min or less"),
    N_(
        "ARUP specimen stability: FFPE blocks ambient, no practical limit; fixation 6-72 h "
        "(ASCO/CAP)"
    ),
    N_("ASCO/CAP HER2 guideline: unstained slides 6 weeks or less (1008 h)"),
    N_("laboratory manuals: 24-48 h at room temperature; ccgeo takes the conservative 24 h"),
    N_("laboratory manuals: 48-72 h refrigerated; ccgeo takes the conservative 48 h"),
    N_("PMC5104415; AACR 2016: Streck tubes 5 days ambient"),
    N_("PMC5104415; AACR 2016: EDTA tubes 3 days at 4 °C"),
)


def own_text(text: Any) -> str:
    """A text ccgeo itself wrote into a file or a project (a description of
    resources/speeds.toml, a basis of resources/referral.toml, the demo city's note), in the
    current language when the catalogue has it (`_RESOURCE_TEXTS`); a planner's text as it is."""
    value = str(text)
    return _(value) if value else value


# -- the methods page -----------------------------------------------------------------------------


def speed_profile_table(profile: SpeedProfile) -> Table:
    """Speeds of a travel mode (km/h, fastest first) with the OSM ``highway`` classes at each."""
    by_speed: dict[float, list[str]] = {}
    for name, kmh in profile.speeds_kmh.items():
        by_speed.setdefault(float(kmh), []).append(name.replace("_", " "))
    return Table(
        columns=(_("Speed, km/h"), _("Road classes (OSM highway)")),
        rows=tuple(
            (format_g(kmh), ", ".join(sorted(names)))
            for kmh, names in sorted(by_speed.items(), reverse=True)
        ),
        align=("r", "l"),
    )


def profile_notes(profile: SpeedProfile) -> list[str]:
    """The rules of a speed profile beyond its class speeds, one sentence each."""
    notes = [
        _(
            "Road classes without a stated speed are driven at {default} km/h; no road is "
            "faster than {fastest} km/h."
        ).format(default=format_g(profile.default_kmh), fastest=format_g(profile.max_kmh)),
    ]
    if profile.unpaved_factor < 1.0:
        notes.append(
            _("Speeds on unpaved surfaces are multiplied by {factor}.").format(
                factor=format_g(profile.unpaved_factor)
            )
        )
    notes.append(
        _("Tagged speed limits (maxspeed) cap the class speed.")
        if profile.respect_maxspeed
        else _("Tagged speed limits (maxspeed) are ignored.")
    )
    notes.append(
        _("One-way streets are travelled one way only.")
        if profile.respect_oneway
        else _("One-way streets are travelled both ways (on foot).")
    )
    notes.append(
        _(
            "Roads closed to this mode by their access tags (no, private, and for "
            "vehicles destination, delivery, customers, farm, forest or bus only) are not used, "
            "nor are roads under construction; a barrier node that stops the mode (a bollard, a "
            "block or a closed gate for vehicles; a wall or a fence on foot) cuts the road there."
        )
    )
    if profile.congestion_factor != 1.0:
        notes.append(
            _(
                "Congestion: every travel time is multiplied by {factor} (a peak-hour scenario)."
            ).format(factor=format_g(profile.congestion_factor))
        )
    else:
        notes.append(_("Free-flow speeds: no congestion factor is applied (factor 1)."))
    if profile.excluded_classes:
        notes.append(
            _("Not used by this mode: {classes}.").format(
                classes=", ".join(sorted(c.replace("_", " ") for c in profile.excluded_classes))
            )
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
    """The methods-and-assumptions page, from the settings the analyses actually used, in the
    current language.

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
        Heading(_("Which labs count")),
        Paragraph(_lab_filter_text(settings)),
        *_speed_profile_blocks(profile, mode=mode),
    ]
    if siting_settings:
        blocks.append(Heading(_("Proposed hubs")))
        blocks.append(Paragraph(_siting_text(siting_settings)))
    if referral_settings:
        blocks.append(Heading(_("Sample referral")))
        blocks.extend(_referral_blocks(referral_settings))
    blocks.append(Heading(_("Limits of this analysis")))
    blocks.append(Bullets(tuple(_(limit) for limit in _LIMITS)))
    blocks.append(Heading(_("Sources of the defaults")))
    blocks.append(
        Table(
            (_("Value"), _("Source")),
            tuple((_(s.topic), s.cited()) for s in SOURCES),
            align=("l", "l"),
        )
    )
    return blocks


#: The "Limits of this analysis" list of the methods page (English; shown translated).
_LIMITS: tuple[str, ...] = (
    N_(
        "Speeds are free-flow defaults per road class; real trips are slower at peak "
        "hours, on damaged roads and when waiting for transport. Calibrate them "
        "locally and state any change."
    ),
    N_(
        "Travel time is not the only barrier: cost, opening hours, test availability "
        "and referral rules also decide whether a person is tested."
    ),
    N_("Population grids are modelled estimates; counts for small areas carry large errors."),
    N_(
        "A lab counts if the facility list says it can do the test; the list should be "
        "checked with the labs themselves."
    ),
)


def _travel_time_blocks(
    settings: Mapping[str, Any], *, mode: str, network_summary: Mapping[str, Any] | None
) -> list[Block]:
    """The travel-time section: the formula, the walk to the road, snapping, the network."""
    max_snap_m = float(settings.get("max_snap_m", float("nan")))
    walk_kmh = float(settings.get("walk_kmh", float("nan")))
    blocks: list[Block] = [Heading(_("Travel time"))]
    blocks.append(
        Paragraph(
            _(
                "For every place where people live, the travel time to the nearest lab is "
                "T = min over labs of the time {travel} along the road network, plus a walk at "
                "{walk_kmh} km/h from the home to the nearest road. People more than "
                "{max_snap_m} m from every road are counted as off the network and people "
                "with no route to any lab as unreachable; both stay in every table, never "
                "dropped. A lab more than {max_snap_m} m from a road is not used and is listed "
                "in the cautions."
            ).format(
                travel=travel_by(mode),
                walk_kmh=format_g(walk_kmh),
                max_snap_m=format_number(max_snap_m),
            )
        )
    )
    if network_summary:
        connectivity = network_summary.get("connectivity") or {}
        crs = network_summary["crs"] if "crs" in network_summary else _("a local metric grid")
        text = _(
            "The {mode} network has {nodes} junctions and {arcs} one-way road links, measured "
            "in {crs}."
        ).format(
            mode=mode_name(mode),
            nodes=format_count(int(network_summary.get("nodes", 0))),
            arcs=format_count(int(network_summary.get("arcs", 0))),
            crs=crs,
        )
        if connectivity.get("message"):
            text += " " + str(connectivity["message"])
        blocks.append(Paragraph(text))
    return blocks


def _coverage_blocks(settings: Mapping[str, Any]) -> list[Block]:
    """The coverage section: the formula, the thresholds used, how underserved areas form."""
    thresholds = [float(t) for t in settings.get("thresholds_minutes", [])]
    under = settings.get("underserved_minutes")
    blocks: list[Block] = [Heading(_("Coverage and thresholds"))]
    listed = ", ".join(format_threshold(t) for t in thresholds) or _("none")
    blocks.append(
        Paragraph(
            _(
                "Coverage within T minutes is the share of people whose travel time is at most "
                "T: Cov(T) = Σ people with T_i ≤ T / Σ people. Thresholds are inclusive: a "
                "person exactly at the threshold counts as within it. Thresholds used: "
                "{thresholds}."
            ).format(thresholds=listed)
        )
    )
    blocks.append(
        Paragraph(
            _(
                "Σ people counts the people of the study area. People of the population file "
                "outside the study area, and people in rows that could not be placed on the "
                "map, are not analysed; the summary counts them apart (outside the roads, not "
                "located), so that every person of the file is in exactly one line. A person "
                "inside several overlapping districts counts in the district listed first."
            )
        )
    )
    if under is not None:
        blocks.append(
            Paragraph(
                _(
                    "Underserved areas gather the people beyond {minutes} (unreachable and "
                    "off-network people included) on a grid of half the population grid's "
                    "spacing; touching cells form one area, and areas are ranked by the people "
                    "in them."
                ).format(minutes=format_threshold(float(under)))
            )
        )
    return blocks


def _speed_profile_blocks(profile: SpeedProfile | None, *, mode: str) -> list[Block]:
    """The speed-profile section: the profile's description, speeds table and rules."""
    blocks: list[Block] = [Heading(_("Speed profile: {mode}").format(mode=mode_name(mode)))]
    if profile is None:
        blocks.append(Paragraph(_("The speed profile of the network is not known."), note=True))
    else:
        if profile.description:
            blocks.append(Paragraph(own_text(profile.description) + "."))
        blocks.append(speed_profile_table(profile))
        blocks.append(Bullets(tuple(profile_notes(profile))))
    return blocks


#: The quality filters (`ccgeo.model.settings`) as the methods page says them.
_QUALITY_TEXTS: dict[str | None, str] = {
    None: N_("any quality"),
    "any": N_("any quality"),
    "eqa": N_("taking part in external quality assessment (national or international)"),
    "accredited": N_("accredited (ISO 15189, CAP or other)"),
    "eqa_or_accredited": N_("in external quality assessment or accredited"),
}


def _lab_filter_text(settings: Mapping[str, Any]) -> str:
    capability = settings.get("capability")
    quality = settings.get("quality")
    if capability is None:
        return _(
            "The labs were chosen before the analysis (the list given to it); the report lists "
            "them on the coverage map. Quality filter: as applied when choosing them."
        )
    quality_text = _(_QUALITY_TEXTS[quality]) if quality in _QUALITY_TEXTS else str(quality)
    return _(
        "A lab counts when the facility list says it can do {test} and it is {quality}."
    ).format(test=str(capability).upper(), quality=quality_text)


#: The siting models as the methods page names them.
_SITING_MODELS: dict[str, str] = {
    "mclp": N_("maximal covering location (MCLP): the most people within the limit"),
    "pmedian": N_("p-median: the least population-weighted travel time"),
    "lscp": N_("set covering (LSCP): the fewest hubs that reach the target share"),
}


def _siting_text(settings: Mapping[str, Any]) -> str:
    model = str(settings.get("model", ""))
    minutes = settings.get("minutes")
    name = _(_SITING_MODELS[model]) if model in _SITING_MODELS else model
    text = _("Model: {model}").format(model=name)
    if minutes is not None:
        text += _(", limit {minutes} (inclusive)").format(minutes=format_threshold(float(minutes)))
    mode = settings.get("mode")
    if mode:
        text += _(", travel {travel}").format(travel=travel_by(mode))
    text += _(
        ". Existing labs stay open. Hubs are ranked greedily over the chosen set: each hub's "
        "gain is what it adds given the hubs ranked before it, so the gains add up to the "
        "whole set's gain."
    )
    sources = settings.get("sources")
    if sources:
        text += _(" Candidate sites: {sources}.").format(
            sources=", ".join(site_kind(s) for s in sources)
        )
    return text


#: The waits of the referral plan's ``wait_rule`` as the methods page says them.
_WAIT_RULES: dict[str, str] = {"worst": N_("worst case"), "average": N_("average case")}
#: The specimen types of resources/referral.toml as the report names them (in English as it
#: has always printed them: the key with spaces).
SPECIMEN_NAMES: dict[str, str] = {
    "fresh_tissue": N_("fresh tissue"),
    "ffpe_block": N_("ffpe block"),
    "unstained_slides": N_("unstained slides"),
    "flow_specimen": N_("flow specimen"),
    "edta_blood_bcr_abl": N_("edta blood bcr abl"),
    "plasma_streck": N_("plasma streck"),
    "plasma_edta": N_("plasma edta"),
}


def _referral_blocks(settings: Mapping[str, Any]) -> list[Block]:
    params = dict(settings.get("parameters") or {})
    courier = params.get("courier_mode", settings.get("courier_mode", "motorbike"))
    target = params.get("target_working_days")
    dispatch = params.get("dispatch_working_days")
    rule = str(params.get("wait_rule", "worst"))
    text = _(
        "Samples travel {travel} along the fastest road route from the spoke to its hub"
    ).format(travel=travel_by(courier))
    if params.get("latest_pickup"):
        couriers = _("couriers work {start}–{end} with the last pick-up at {latest}").format(
            start=params.get("shift_start", "?"),
            end=params.get("shift_end", "?"),
            latest=params["latest_pickup"],
        )
        text = _("{route}; {couriers}").format(route=text, couriers=couriers)
    text += "."
    if target is not None:
        wait = _(_WAIT_RULES[rule]) if rule in _WAIT_RULES else _("{rule} case").format(rule=rule)
        text += _(
            " Sample-to-result time = dispatch ({dispatch} working days) + wait for the next "
            "pick-up ({wait}) + transport + the lab's turnaround; the target is {target} "
            "working days."
        ).format(dispatch=format_days(dispatch), wait=wait, target=format_g(target))
    blocks: list[Block] = [Paragraph(text)]
    rows = [_specimen_row(name, spec) for name, spec in (params.get("specimens") or {}).items()]
    if rows:
        blocks.append(
            Table((_("Specimen"), _("Limit"), _("Basis")), tuple(rows), align=("l", "r", "l"))
        )
    return blocks


def _specimen_row(name: Any, spec: Mapping[str, Any]) -> tuple[str, str, str]:
    """A specimen type, its limit in hours and the basis of the limit."""
    key = str(name)
    limit = spec.get("limit_hours")
    return (
        _(SPECIMEN_NAMES[key]) if key in SPECIMEN_NAMES else key.replace("_", " "),
        _("no practical limit") if limit is None else f"{format_g(limit)} h",
        own_text(spec.get("basis", "")),
    )


# -- the data sources page ------------------------------------------------------------------------


def _file_date(path: Path) -> str:
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return _("file not found")
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


#: Kinds of population layer (`ccgeo.model.demand.Demand.kind`) as the report names them.
_POPULATION_KINDS: dict[str, str] = {
    "raster": N_("population grid"),
    "points": N_("population points"),
    "district_table": N_("population table per district"),
}


def _layer_notes(project: Project, layer: str) -> str:
    if layer == "roads" and project.roads is not None:
        n = project.roads.n_edges
        # the English says "links" for one too, as it always has
        note = ngettext("{count} road links", "{count} road links", n).format(count=format_count(n))
        return note + (f"; {_(OSM_ATTRIBUTION)}, ODbL" if uses_osm(project) else "")
    if layer == "population" and project.demand is not None:
        return _population_note(project)
    if layer == "districts" and project.districts is not None:
        n = len(project.districts)
        return ngettext("{count} districts", "{count} districts", n).format(count=format_count(n))
    if layer == "facilities" and project.facilities is not None:
        n = len(project.facilities)
        text = ngettext("{count} facilities", "{count} facilities", n).format(count=format_count(n))
        report = project.facilities.report
        if report is not None:
            rejected = report.n_rejected
            text += ngettext(
                "; {count} rows rejected on import", "; {count} rows rejected on import", rejected
            ).format(count=format_count(rejected))
        return text
    return ""


def _population_note(project: Project) -> str:
    """The population layer's kind and its people in the study area (and in the file)."""
    demand = project.demand
    assert demand is not None
    kind = _(_POPULATION_KINDS[demand.kind]) if demand.kind in _POPULATION_KINDS else demand.kind
    text = _("{kind}, {people} people in the study area").format(
        kind=kind, people=format_people(demand.total_population)
    )
    in_file = demand.population_report.people_in_file
    if in_file - demand.total_population > 0.5:
        text += _(" of {people} in the file").format(people=format_people(in_file))
    return text


def data_sources_blocks(project: Project) -> list[Block]:
    """The data-sources page: each layer's file, the file's date and when it was read, in the
    current language.

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
        note = own_text(metadata.get("note") or "")
        blocks.append(
            Paragraph(
                _("These are synthetic demo data: {note}").format(
                    note=note or _("no real place, people or facilities are described.")
                )
            )
        )
    if rows:
        blocks.append(
            Table(
                (_("Layer"), _("File"), _("File modified"), _("Read into ccgeo"), _("Content")),
                tuple(rows),
                align=("l", "l", "l", "l", "l"),
            )
        )
    else:
        blocks.append(Paragraph(_("No data source is recorded in this project."), note=True))
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
                layer_name(layer),
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
                layer_name(layer),
                path.name if path is not None else _("not recorded"),
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
                _("Project file: {name} (modified {date}).").format(
                    name=Path(project.path).name, date=_file_date(Path(project.path))
                )
            )
        )
    blocks.append(
        Paragraph(
            _(
                "File dates are the files' modification dates on this computer; the date a "
                "survey or an extract describes may be earlier and should be taken from its "
                "provider."
            ),
            note=True,
        )
    )
    if uses_osm(project):
        blocks.append(
            Paragraph(
                _(
                    "Road data {credit}, available under the Open Database Licence "
                    "(openstreetmap.org/copyright)."
                ).format(credit=_(OSM_ATTRIBUTION)),
                note=True,
            )
        )
    return blocks
