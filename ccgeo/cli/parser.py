"""The argument parser of ``ccgeo``: every command and its options (light: no heavy imports)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ccgeo import __version__
from ccgeo.cli.batch import add_batch_command
from ccgeo.cli.compare import add_compare_command
from ccgeo.cli.options import add_settings_options
from ccgeo.cli.progress import add_progress_command
from ccgeo.i18n import LANGUAGES, _, speak_argparse
from ccgeo.model.settings import (
    AccessSettings,
    CapacitySettings,
    ReferralSettings,
    SitingSettings,
)


def add_language_option(parser: argparse.ArgumentParser) -> None:
    """``--lang``, accepted before and after the command name (`ccgeo.cli.main` reads it before
    the parser is built, so that the help is in that language)."""
    parser.add_argument(
        "--lang",
        choices=tuple(LANGUAGES),
        default=argparse.SUPPRESS,
        help=_(
            "language of the help and messages: en, es, pt (Brazil) or fr (default: lang in "
            "the --settings file, else CCGEO_LANG, else the system's)"
        ),
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command, in the current language (`ccgeo.i18n`)."""
    speak_argparse()
    parser = argparse.ArgumentParser(
        prog="ccgeo",
        description=_(
            "ccgeo: who can reach a lab able to do a given cancer diagnostic test, and who cannot. "
            "Run `ccgeo COMMAND --help` for the options of a command."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"ccgeo {__version__}",
        help=_("show program's version number and exit"),  # argparse 3.11 leaves it English
    )
    add_language_option(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    _import_facilities(sub)
    _info(sub)
    _access(sub)
    _export(sub)
    _capacity(sub)
    _site(sub)
    _referral(sub)
    _map(sub)
    _report(sub)
    _settings(sub)
    _demo(sub)
    add_batch_command(sub)
    add_compare_command(sub)
    add_progress_command(sub)
    for command in sub.choices.values():
        add_language_option(command)
    return parser


def _import_facilities(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser(
        "import-facilities",
        help=_("import a facility file (CSV, XLSX, ODS, JSON, GeoJSON/GPKG/SHP), report problems"),
        description=_(
            "Read a facility registry, guess its columns (English, Spanish, Portuguese, French), "
            "validate every row and write the good ones. Rejected and doubtful rows are listed "
            "with their row number, the problem and the fix. Exit code 0 when at least one row "
            "was imported."
        ),
    )
    imp.add_argument("file", type=Path, help=_("the facility file"))
    imp.add_argument(
        "-o",
        "--out",
        type=Path,
        required=True,
        help=_("output layer: .gpkg (layer 'facilities'), .geojson or .csv"),
    )
    imp.add_argument(
        "--mapping",
        type=Path,
        help=_("TOML or JSON file mapping schema fields to column names (overrides the guess)"),
    )
    imp.add_argument("--sheet", help=_("sheet name or 0-based index of an XLSX/ODS workbook"))
    imp.add_argument("--layer", help=_("layer name of a GeoPackage"))
    imp.add_argument(
        "--study-area",
        dest="study_area",
        help=_(
            "boundary file (GeoJSON/GPKG/SHP) or bbox 'minlon,minlat,maxlon,maxlat' used to "
            "detect swapped coordinates and outliers (a bbox may begin with a minus sign: "
            "--study-area -1.75,...)"
        ),
    )
    imp.add_argument(
        "--keep-lat-lon",
        dest="keep_lat_lon",
        action="store_true",
        help=_("keep the file's latitude and longitude as they are, even where they look swapped"),
    )
    imp.add_argument("--report", type=Path, help=_("write the import report as JSON here"))
    imp.set_defaults(command_name="import_facilities")


def _info(sub: argparse._SubParsersAction) -> None:
    info = sub.add_parser(
        "info",
        help=_("say what a file holds: layers, rows, CRS, extent, roads per class"),
        description=_("Describe a road, facility, population, boundary or project file."),
    )
    info.add_argument("path", type=Path, help=_("the file to describe"))
    info.add_argument("--json", action="store_true", help=_("print the description as JSON"))
    info.set_defaults(command_name="info")


def _access(sub: argparse._SubParsersAction) -> None:
    acc = sub.add_parser(
        "access",
        help=_("travel time to the nearest capable lab, coverage by district, underserved areas"),
        description=_(
            "For a test (capability) and a quality filter, compute each person's travel time to "
            "the nearest lab able to do it, the people within each threshold (inclusive) for the "
            "city and per district, unreachable and off-network people, underserved areas and "
            "isochrones. Writes summary.json (with the settings and where each came from), "
            "coverage_by_district.csv, demand_times.csv and access.gpkg to --out."
        ),
    )
    add_input_arguments(acc)
    add_settings_options(acc, AccessSettings)
    add_out_folder(acc)
    acc.add_argument("--no-isochrones", action="store_true", help=_("skip the isochrone polygons"))
    acc.set_defaults(command_name="access")


def _export(sub: argparse._SubParsersAction) -> None:
    exp = sub.add_parser(
        "export",
        help=_(
            "run the access analysis and write its layers and tables (GPKG, GeoJSON, CSV, XLSX)"
        ),
        description=_(
            "Run the access analysis on a project (or the input files) and write the results as "
            "GeoPackage/GeoJSON layers (facilities, labs, districts with coverage, isochrones, "
            "underserved areas, demand with times) and CSV/XLSX tables."
        ),
    )
    add_input_arguments(exp)
    add_settings_options(exp, AccessSettings)
    add_out_folder(exp)
    exp.add_argument(
        "--format",
        dest="formats",
        default="gpkg,csv",
        help=_("comma-separated: gpkg, geojson, parquet, csv, xlsx (default: gpkg,csv)"),
    )
    exp.set_defaults(command_name="export")


def _capacity(sub: argparse._SubParsersAction) -> None:
    cap = sub.add_parser(
        "capacity",
        help=_("capacity-aware access: 2SFCA, E2SFCA, or coverage limited by lab capacity"),
        description=_(
            "Weigh lab capacity (tests per year) against demand (population x cancer incidence "
            "x eligible share, resources/demand.toml): 2SFCA or E2SFCA accessibility per demand "
            "point and district, or AccessMod-style coverage where each lab's catchment grows "
            "until its capacity or the time limit. Writes capacity.json, labs.csv, "
            "districts.csv, demand.csv and capacity.gpkg to --out."
        ),
    )
    add_input_arguments(cap)
    add_settings_options(cap, CapacitySettings)
    add_out_folder(cap)
    cap.set_defaults(command_name="capacity")


def _site(sub: argparse._SubParsersAction) -> None:
    site = sub.add_parser(
        "site",
        help=_("where to put new testing hubs: MCLP, p-median or the fewest hubs for a target"),
        description=_(
            "Choose new hubs for a test, existing capable labs fixed as open: the most people "
            "within --minutes of a lab with --hubs new ones (mclp), the least population-weighted "
            "travel time (pmedian), or the fewest hubs that bring the share within --minutes up "
            "to --target (lscp). Candidates: existing facilities that lack the test (upgrade) "
            "and/or a grid of points. Writes siting.json and siting.gpkg to --out."
        ),
    )
    add_input_arguments(site)
    add_settings_options(site, SitingSettings)
    add_out_folder(site)
    site.set_defaults(command_name="site")


def _referral(sub: argparse._SubParsersAction) -> None:
    ref = sub.add_parser(
        "referral",
        help=_("how biopsy samples should travel to hub labs, and how long to a result"),
        description=_(
            "Assign each spoke (a facility that takes biopsies but cannot do the test) to a hub "
            "lab, check each specimen type against its pre-analytical limit, plan courier loops "
            "with OR-Tools, and compute the sample-to-result time against the 10-working-day "
            "target. Writes referral.json, routes.gpkg and referral.csv to --out."
        ),
    )
    add_input_arguments(ref)
    add_settings_options(ref, ReferralSettings)
    add_out_folder(ref)
    ref.set_defaults(command_name="referral")


def _map(sub: argparse._SubParsersAction) -> None:
    mp = sub.add_parser(
        "map",
        help=_("export the analysis as an interactive HTML map that works with no internet"),
        description=_(
            "Run the access analysis on a project (or the input files) and write a "
            "self-contained HTML map: facilities by tier, catchment bands, underserved areas, "
            "population, districts with coverage, roads; it opens offline in any browser."
        ),
    )
    add_input_arguments(mp)
    add_settings_options(mp, AccessSettings)
    add_scenario_argument(mp)
    mp.add_argument("-o", "--out", type=Path, required=True, help=_("the HTML file to write"))
    mp.add_argument("--title", help=_("title shown on the map"))
    mp.add_argument(
        "--tiles", action="store_true", help=_("add an optional OSM tile layer (blank offline)")
    )
    mp.set_defaults(command_name="map")


def _report(sub: argparse._SubParsersAction) -> None:
    rep = sub.add_parser(
        "report",
        help=_("print the analysis as a PDF map report (A4 or Letter)"),
        description=_(
            "Run the access analysis on a project (or the input files) and write the printed "
            "map report: cover, coverage map, coverage by district, underserved areas, methods "
            "and assumptions, data sources."
        ),
    )
    add_input_arguments(rep)
    add_settings_options(rep, AccessSettings)
    add_scenario_argument(rep)
    rep.add_argument("-o", "--out", type=Path, required=True, help=_("the PDF file to write"))
    rep.add_argument("--paper", choices=("a4", "letter"), default="a4", help=_("paper size (a4)"))
    rep.add_argument(
        "--orientation",
        choices=("portrait", "landscape"),
        default="portrait",
        help=_("page orientation (portrait)"),
    )
    rep.add_argument("--title", help=_("title on the cover"))
    rep.add_argument(
        "--extent",
        type=lonlat_box,
        metavar="MINLON,MINLAT,MAXLON,MAXLAT",
        help=_("area of the maps, degrees (default: the whole study area)"),
    )
    rep.set_defaults(command_name="report")


def _settings(sub: argparse._SubParsersAction) -> None:
    st = sub.add_parser(
        "settings",
        help=_("print the settings of every analysis, or write them as a settings file"),
        description=_(
            "Show the settings each analysis would use (the defaults, a project's saved "
            "settings, a settings file) and where each value comes from; with --write FILE, "
            "write them as a TOML settings file to edit and give back with --settings."
        ),
    )
    st.add_argument("project", nargs="?", type=Path, help=_("a .ccgeo project"))
    st.add_argument("--settings", type=Path, metavar="FILE", help=_("a settings file to read"))
    st.add_argument("--write", type=Path, metavar="FILE", help=_("write a settings file here"))
    st.set_defaults(command_name="settings")


def _demo(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser(
        "demo",
        help=_(
            "write the synthetic demo city (roads, population, districts, facilities) to a folder"
        ),
        description=_("Write the deterministic synthetic demo city to DIR (as in layers/demo)."),
    )
    demo.add_argument("dir", type=Path, help=_("output folder (created if missing)"))
    demo.set_defaults(command_name="demo")


def error_line(message: object) -> str:
    """``ccgeo: error: MESSAGE``, the one line of a failed command, in the current language."""
    return _("ccgeo: error: {message}").format(message=message)


def add_out_folder(parser: argparse.ArgumentParser) -> None:
    """``--out DIR``, the folder a command writes its files to."""
    parser.add_argument(
        "--out", type=Path, required=True, help=_("output folder (created if missing)")
    )


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """The inputs shared by the analysis commands: a project, or the files themselves."""
    parser.add_argument(
        "project", nargs="?", type=Path, help=_("a .ccgeo project (instead of the files below)")
    )
    group = parser.add_argument_group(_("input files (when no project is given)"))
    group.add_argument(
        "--roads", type=Path, help=_("roads: .osm.pbf, .osm(.bz2), GraphML, GPKG/SHP")
    )
    group.add_argument(
        "--facilities", type=Path, help=_("facility file (CSV, XLSX, ODS, JSON, ...)")
    )
    group.add_argument("--population", type=Path, help=_("population raster or point grid"))
    group.add_argument(
        "--population-by-district",
        dest="population_by_district",
        type=Path,
        help=_("census table of population per district (needs --districts)"),
    )
    group.add_argument("--districts", type=Path, help=_("district boundaries (GeoJSON/GPKG/SHP)"))
    group.add_argument("--mapping", type=Path, help=_("column mapping for the facility file"))
    group.add_argument("--sheet", help=_("sheet of the facility workbook"))
    add_quiet_option(parser)


def add_quiet_option(parser: argparse.ArgumentParser) -> None:
    """``-q/--quiet``: no progress bar on stderr (the bar never goes to stdout)."""
    parser.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help=_("no progress bar (it is drawn on stderr, never on the standard output)"),
    )


def add_scenario_argument(parser: argparse.ArgumentParser) -> None:
    """``--scenario NAME``: a scenario saved in the project."""
    parser.add_argument(
        "--scenario", help=_("name of a scenario saved in the project (its hubs and upgrades)")
    )


def lonlat_box(text: str) -> tuple[float, float, float, float]:
    """``"34.4,-8.6,34.6,-8.4"`` → four floats (their ranges are checked by the report)."""
    parts = [p.strip() for p in str(text).replace(";", ",").split(",")]
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        values = ()
    if len(values) != 4:
        msg = _(
            "should be four numbers MINLON,MINLAT,MAXLON,MAXLAT in degrees, such as "
            "34.4,-8.6,34.6,-8.4; got {text!r}"
        ).format(text=text)
        raise argparse.ArgumentTypeError(msg)
    return values  # type: ignore[return-value]
