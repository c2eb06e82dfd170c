"""The argument parser of ``ccgeo``: every command and its options (light: no heavy imports)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ccgeo import __version__
from ccgeo.cli.options import add_settings_options
from ccgeo.model.settings import (
    AccessSettings,
    CapacitySettings,
    ReferralSettings,
    SitingSettings,
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every sub-command."""
    parser = argparse.ArgumentParser(
        prog="ccgeo",
        description=(
            "ccgeo: who can reach a lab able to do a given cancer diagnostic test, and who cannot. "
            "Run `ccgeo COMMAND --help` for the options of a command."
        ),
    )
    parser.add_argument("--version", action="version", version=f"ccgeo {__version__}")
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
    return parser


def _import_facilities(sub: argparse._SubParsersAction) -> None:
    imp = sub.add_parser(
        "import-facilities",
        help="import a facility file (CSV, XLSX, ODS, JSON, GeoJSON/GPKG/SHP), report problems",
        description=(
            "Read a facility registry, guess its columns (English, Spanish, Portuguese, French), "
            "validate every row and write the good ones. Rejected and doubtful rows are listed "
            "with their row number, the problem and the fix. Exit code 0 when at least one row "
            "was imported."
        ),
    )
    imp.add_argument("file", type=Path, help="the facility file")
    imp.add_argument(
        "-o",
        "--out",
        type=Path,
        required=True,
        help="output layer: .gpkg (layer 'facilities'), .geojson or .csv",
    )
    imp.add_argument(
        "--mapping",
        type=Path,
        help="TOML or JSON file mapping schema fields to column names (overrides the guess)",
    )
    imp.add_argument("--sheet", help="sheet name or 0-based index of an XLSX/ODS workbook")
    imp.add_argument("--layer", help="layer name of a GeoPackage")
    imp.add_argument(
        "--study-area",
        dest="study_area",
        help="boundary file (GeoJSON/GPKG/SHP) or bbox 'minlon,minlat,maxlon,maxlat' used to "
        "detect swapped coordinates and outliers (a bbox may begin with a minus sign: "
        "--study-area -1.75,...)",
    )
    imp.add_argument(
        "--keep-lat-lon",
        dest="keep_lat_lon",
        action="store_true",
        help="keep the file's latitude and longitude as they are, even where they look swapped",
    )
    imp.add_argument("--report", type=Path, help="write the import report as JSON here")
    imp.set_defaults(command_name="import_facilities")


def _info(sub: argparse._SubParsersAction) -> None:
    info = sub.add_parser(
        "info",
        help="say what a file holds: layers, rows, CRS, extent, roads per class",
        description="Describe a road, facility, population, boundary or project file.",
    )
    info.add_argument("path", type=Path, help="the file to describe")
    info.add_argument("--json", action="store_true", help="print the description as JSON")
    info.set_defaults(command_name="info")


def _access(sub: argparse._SubParsersAction) -> None:
    acc = sub.add_parser(
        "access",
        help="travel time to the nearest capable lab, coverage by district, underserved areas",
        description=(
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
    acc.add_argument("--no-isochrones", action="store_true", help="skip the isochrone polygons")
    acc.set_defaults(command_name="access")


def _export(sub: argparse._SubParsersAction) -> None:
    exp = sub.add_parser(
        "export",
        help="run the access analysis and write its layers and tables (GPKG, GeoJSON, CSV, XLSX)",
        description=(
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
        help="comma-separated: gpkg, geojson, csv, xlsx (default: gpkg,csv)",
    )
    exp.set_defaults(command_name="export")


def _capacity(sub: argparse._SubParsersAction) -> None:
    cap = sub.add_parser(
        "capacity",
        help="capacity-aware access: 2SFCA, E2SFCA, or coverage limited by lab capacity",
        description=(
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
        help="where to put new testing hubs: MCLP, p-median or the fewest hubs for a target",
        description=(
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
        help="how biopsy samples should travel to hub labs, and how long to a result",
        description=(
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
        help="export the analysis as an interactive HTML map that works with no internet",
        description=(
            "Run the access analysis on a project (or the input files) and write a "
            "self-contained HTML map: facilities by tier, catchment bands, underserved areas, "
            "population, districts with coverage, roads; it opens offline in any browser."
        ),
    )
    add_input_arguments(mp)
    add_settings_options(mp, AccessSettings)
    add_scenario_argument(mp)
    mp.add_argument("-o", "--out", type=Path, required=True, help="the HTML file to write")
    mp.add_argument("--title", help="title shown on the map")
    mp.add_argument(
        "--tiles", action="store_true", help="add an optional OSM tile layer (blank offline)"
    )
    mp.set_defaults(command_name="map")


def _report(sub: argparse._SubParsersAction) -> None:
    rep = sub.add_parser(
        "report",
        help="print the analysis as a PDF map report (A4 or Letter)",
        description=(
            "Run the access analysis on a project (or the input files) and write the printed "
            "map report: cover, coverage map, coverage by district, underserved areas, methods "
            "and assumptions, data sources."
        ),
    )
    add_input_arguments(rep)
    add_settings_options(rep, AccessSettings)
    add_scenario_argument(rep)
    rep.add_argument("-o", "--out", type=Path, required=True, help="the PDF file to write")
    rep.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (a4)")
    rep.add_argument(
        "--orientation",
        choices=("portrait", "landscape"),
        default="portrait",
        help="page orientation (portrait)",
    )
    rep.add_argument("--title", help="title on the cover")
    rep.add_argument(
        "--extent",
        type=lonlat_box,
        metavar="MINLON,MINLAT,MAXLON,MAXLAT",
        help="area of the maps, degrees (default: the whole study area)",
    )
    rep.set_defaults(command_name="report")


def _settings(sub: argparse._SubParsersAction) -> None:
    st = sub.add_parser(
        "settings",
        help="print the settings of every analysis, or write them as a settings file",
        description=(
            "Show the settings each analysis would use (the defaults, a project's saved "
            "settings, a settings file) and where each value comes from; with --write FILE, "
            "write them as a TOML settings file to edit and give back with --settings."
        ),
    )
    st.add_argument("project", nargs="?", type=Path, help="a .ccgeo project")
    st.add_argument("--settings", type=Path, metavar="FILE", help="a settings file to read")
    st.add_argument("--write", type=Path, metavar="FILE", help="write a settings file here")
    st.set_defaults(command_name="settings")


def _demo(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser(
        "demo",
        help="write the synthetic demo city (roads, population, districts, facilities) to a folder",
        description="Write the deterministic synthetic demo city to DIR (as in layers/demo).",
    )
    demo.add_argument("dir", type=Path, help="output folder (created if missing)")
    demo.set_defaults(command_name="demo")


def add_out_folder(parser: argparse.ArgumentParser) -> None:
    """``--out DIR``, the folder a command writes its files to."""
    parser.add_argument(
        "--out", type=Path, required=True, help="output folder (created if missing)"
    )


def add_input_arguments(parser: argparse.ArgumentParser) -> None:
    """The inputs shared by the analysis commands: a project, or the files themselves."""
    parser.add_argument(
        "project", nargs="?", type=Path, help="a .ccgeo project (instead of the files below)"
    )
    group = parser.add_argument_group("input files (when no project is given)")
    group.add_argument("--roads", type=Path, help="roads: .osm.pbf, .osm(.bz2), GraphML, GPKG/SHP")
    group.add_argument("--facilities", type=Path, help="facility file (CSV, XLSX, ODS, JSON, ...)")
    group.add_argument("--population", type=Path, help="population raster or point grid")
    group.add_argument(
        "--population-by-district",
        dest="population_by_district",
        type=Path,
        help="census table of population per district (needs --districts)",
    )
    group.add_argument("--districts", type=Path, help="district boundaries (GeoJSON/GPKG/SHP)")
    group.add_argument("--mapping", type=Path, help="column mapping for the facility file")
    group.add_argument("--sheet", help="sheet of the facility workbook")


def add_scenario_argument(parser: argparse.ArgumentParser) -> None:
    """``--scenario NAME``: a scenario saved in the project."""
    parser.add_argument(
        "--scenario", help="name of a scenario saved in the project (its hubs and upgrades)"
    )


def lonlat_box(text: str) -> tuple[float, float, float, float]:
    """``"34.4,-8.6,34.6,-8.4"`` → four floats (their ranges are checked by the report)."""
    parts = [p.strip() for p in str(text).replace(";", ",").split(",")]
    try:
        values = tuple(float(p) for p in parts)
    except ValueError:
        values = ()
    if len(values) != 4:
        msg = (
            "should be four numbers MINLON,MINLAT,MAXLON,MAXLAT in degrees, such as "
            f"34.4,-8.6,34.6,-8.4; got {text!r}"
        )
        raise argparse.ArgumentTypeError(msg)
    return values  # type: ignore[return-value]
