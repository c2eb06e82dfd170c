"""The four cities of the readiness comparison (issue 14), saved as ``.ccgeo`` projects.

Porto Alegre and Oaxaca de Juárez from their OpenStreetMap extracts and the ``_synthetic``
capability and population files of ``../shared/data``; the demo city (``ccgeo demo``); and
Nairobi from its facility registry, wards and 2019 census table, with **synthetic roads** (there
is no Nairobi road file: a street grid laid over the county boundary) and **synthetic lab
capabilities** derived from each facility's KEPH level and type (`NAIROBI_CAPABILITY_RULE`).
None of these capabilities describes a real facility; every project name says "synthetic".
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from roadkit import make_roads

from ccgeo.demo import load_demo_project
from ccgeo.io.facilities import read_facilities
from ccgeo.io.population.census import read_population_table
from ccgeo.io.population.districts import read_districts
from ccgeo.project import Project, project_from_files, save_project

if TYPE_CHECKING:
    from ccgeo.model.roads import RoadData

#: Project names of the four cities, in the order of the comparison.
PORTO_ALEGRE = "Porto Alegre (synthetic labs)"
OAXACA = "Oaxaca de Juárez (synthetic labs and population)"
NAIROBI = "Nairobi (synthetic roads and labs)"
CITY_NAMES: tuple[str, ...] = (PORTO_ALEGRE, OAXACA, "Vila Demo (synthetic)", NAIROBI)

#: Nairobi's synthetic capabilities: KEPH level (or facility type) → what the facility is said
#: to do in these tests. Levels 5-6 are the county's referral hospitals, "Laboratory" the
#: registry's stand-alone labs. Invented for the tests; the registry lists no test menu.
NAIROBI_CAPABILITY_RULE: dict[str, dict[str, str]] = {
    "Level 6": {
        "biopsy": "yes",
        "histology": "yes",
        "ihc": "yes",
        "pcr": "yes",
        "eqa": "international",
    },
    "Level 5": {"biopsy": "yes", "histology": "yes", "ihc": "yes", "pcr": "yes", "eqa": "national"},
    "Laboratory": {"pcr": "yes"},
    "Level 4": {"biopsy": "yes"},
}

#: Census sub-county (KNBS 2019, 11) of each of Nairobi's 17 constituencies in the wards file.
#: Njiru sub-county is the three eastern wards of Kasarani constituency (`NJIRU_WARDS`); Roysambu
#: and Ruaraka are counted in Kasarani. An approximation for the tests, not an official key.
NAIROBI_SUBCOUNTY: dict[str, str] = {
    "DAGORETTI NORTH": "DAGORETTI",
    "DAGORETTI SOUTH": "DAGORETTI",
    "EMBAKASI CENTRAL": "EMBAKASI",
    "EMBAKASI EAST": "EMBAKASI",
    "EMBAKASI NORTH": "EMBAKASI",
    "EMBAKASI SOUTH": "EMBAKASI",
    "EMBAKASI WEST": "EMBAKASI",
    "KAMUKUNJI": "KAMUKUNJI",
    "KASARANI": "KASARANI",
    "ROYSAMBU": "KASARANI",
    "RUARAKA": "KASARANI",
    "KIBRA": "KIBRA",
    "LANGATA": "LANGATA",
    "MAKADARA": "MAKADARA",
    "MATHARE": "MATHARE",
    "STAREHE": "STAREHE",
    "WESTLANDS": "WESTLANDS",
}
NJIRU_WARDS: frozenset[str] = frozenset({"MWIKI", "NJIRU", "RUAI"})

#: Spacing of Nairobi's synthetic street grid, degrees (about 550 m); every sixth line is a
#: primary road, the others residential streets.
NAIROBI_GRID_STEP = 0.005
_PRIMARY_EVERY = 6


@dataclass(frozen=True)
class FourCities:
    """The four saved projects, in the order of `CITY_NAMES`."""

    paths: tuple[Path, ...]

    @property
    def folder(self) -> Path:
        return self.paths[0].parent


def build_four_cities(data: Path, out_dir: Path) -> FourCities:
    """Build and save the four projects into ``out_dir``.

    Parameters
    ----------
    data
        The shared city data folder (``../shared/data``).
    out_dir
        Where the ``.ccgeo`` files (and Nairobi's derived inputs) are written.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    projects = [
        porto_alegre(data),
        oaxaca(data),
        load_demo_project(),
        nairobi(data, out_dir / "nairobi_inputs"),
    ]
    paths = tuple(save_project(p, out_dir / f"city{i}.ccgeo") for i, p in enumerate(projects))
    return FourCities(paths)


def porto_alegre(data: Path) -> Project:
    """Porto Alegre: r5r's OSM extract, the synthetic lab overlay, the hexagon population."""
    folder = data / "porto_alegre"
    return project_from_files(
        roads=folder / "poa_osm.pbf",
        facilities=folder / "poa_workshop_labs_synthetic.csv",
        population=folder / "poa_hexgrid.csv",
        name=PORTO_ALEGRE,
        metadata={"synthetic": True, "city": "Porto Alegre"},
    )


def oaxaca(data: Path) -> Project:
    """Oaxaca de Juárez: the OSM extract, the synthetic facility overlay and population."""
    folder = data / "oaxaca"
    return project_from_files(
        roads=folder / "oaxaca_base.osm.pbf",
        facilities=folder / "oaxaca_workshop_facilities_synthetic.csv",
        population=folder / "oaxaca_population_synthetic.csv",
        name=OAXACA,
        metadata={"synthetic": True, "city": "Oaxaca de Juárez"},
    )


def nairobi(data: Path, work: Path) -> Project:
    """Nairobi: KMHFL registry (with synthetic capabilities), wards joined to the 2019 census
    table by sub-county, and a **synthetic** street grid over the county boundary.

    Parameters
    ----------
    data
        The shared city data folder.
    work
        Folder for the derived inputs (the registry with capabilities, the wards named by census
        sub-county), so that they are read by ccgeo's own readers.
    """
    folder = data / "nairobi"
    work.mkdir(parents=True, exist_ok=True)
    labs = nairobi_labs(folder / "nairobi_kmhfl_facilities_derived.csv")
    labs_csv = work / "nairobi_labs_synthetic.csv"
    labs.to_csv(labs_csv, index=False)
    wards_file = work / "nairobi_wards_by_subcounty.geojson"
    nairobi_wards(folder / "nairobi_wards.geojson").to_file(wards_file, driver="GeoJSON")
    districts = read_districts(wards_file, id_column="ward_code", name_column="subcounty")
    demand = read_population_table(folder / "nairobi_subcounty_population_2019.csv", districts)
    boundary = gpd.read_file(folder / "nairobi_boundary_derived.geojson").union_all()
    return Project(
        name=NAIROBI,
        roads=grid_over(boundary, step=NAIROBI_GRID_STEP),
        facilities=read_facilities(labs_csv, study_area=boundary),
        demand=demand,
        districts=districts,
        metadata={
            "synthetic": True,
            "city": "Nairobi",
            "note": "synthetic road grid and lab capabilities; real registry, wards and census",
        },
    )


def nairobi_labs(registry: Path) -> pd.DataFrame:
    """The registry's facilities with the synthetic capability columns of
    `NAIROBI_CAPABILITY_RULE` (``no`` / ``none`` where no rule applies)."""
    table = pd.read_csv(registry, dtype={"code": str})
    columns = {"biopsy": "no", "histology": "no", "ihc": "no", "pcr": "no", "eqa": "none"}
    out = table[["code", "name", "keph_level", "facility_type", "longitude", "latitude"]].copy()
    out = out.rename(columns={"code": "facility_id"}).assign(**columns)
    for key, values in NAIROBI_CAPABILITY_RULE.items():
        rows = (out["keph_level"] == key) | (out["facility_type"] == key)
        for column, value in values.items():
            out.loc[rows, column] = value
    return out


def nairobi_wards(path: Path) -> gpd.GeoDataFrame:
    """The 84 wards with a ``subcounty`` column naming their census sub-county
    (`NAIROBI_SUBCOUNTY`, `NJIRU_WARDS`): the census join then spreads each sub-county's
    people over its wards by area."""
    wards = gpd.read_file(path)
    sub = wards["constituency_name"].map(NAIROBI_SUBCOUNTY)
    sub = sub.where(~wards["ward_name"].str.upper().isin(NJIRU_WARDS), "NJIRU")
    return wards.assign(subcounty=sub)[["ward_code", "ward_name", "subcounty", "geometry"]]


def grid_over(area: shapely.Geometry, *, step: float) -> RoadData:
    """A street grid (nodes every ``step`` degrees) keeping the nodes inside ``area`` and the
    edges between two kept nodes; **synthetic roads** for a city without a road file."""
    minx, miny, maxx, maxy = area.bounds
    lons = np.arange(minx, maxx + step, step)
    lats = np.arange(miny, maxy + step, step)
    lon, lat = np.meshgrid(lons, lats)
    inside = shapely.contains_xy(area, lon, lat)
    index = np.full(inside.shape, -1, dtype=np.int64)
    index[inside] = np.arange(int(inside.sum()))
    edges: list[tuple[int, int]] = []
    classes: list[str] = []
    for (dr, dc), along in (((0, 1), 0), ((1, 0), 1)):
        a = index[: index.shape[0] - dr, : index.shape[1] - dc]
        b = index[dr:, dc:]
        keep = (a >= 0) & (b >= 0)
        rows, cols = np.nonzero(keep)
        line = rows if along == 0 else cols
        edges += list(zip(a[keep].tolist(), b[keep].tolist(), strict=True))
        classes += ["primary" if i % _PRIMARY_EVERY == 0 else "residential" for i in line]
    lonlat = np.column_stack([lon[inside], lat[inside]])
    return make_roads(lonlat, edges, highway=classes)
