"""Readiness indicators of a city on a tiny synthetic project whose every value is known by hand,
and on the demo city."""

from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from roadkit import LAT0, LON0, make_roads
from shapely.geometry import box

from ccgeo.analysis.readiness import (
    INDICATOR_COLUMNS,
    access_runs,
    city_indicators,
    district_indicators,
)
from ccgeo.analysis.referral import plan_referral
from ccgeo.errors import InputError
from ccgeo.io.facilities import facilities_from_frame
from ccgeo.model.capacity import DemandParameters
from ccgeo.model.demand import Demand
from ccgeo.model.facilities import Facilities
from ccgeo.model.settings import AccessSettings, ReferralSettings, Travel
from ccgeo.project import Project, SavedPlan

#: Residential streets: 25 km/h by car and motorbike (resources/speeds.toml).
KMH = 25.0

# Nine nodes on a line. Edges 0-1 ... 5-6 take 10 min each, 6-7 takes 50 min, 7-8 takes 55 min
# (by car and by motorbike); the nodes lie as far apart as their roads are long (0.004 degrees,
# about 425 m, per minute by car), so that no one walks off the road faster than the car drives.
# Lab L1 at node 0 does IHC and PCR, in international EQA and ISO 15189 accredited; lab L2 at
# node 6 does IHC only, in national EQA, not accredited.
EDGE_MINUTES = [10.0, 10.0, 10.0, 10.0, 10.0, 10.0, 50.0, 55.0]
DEG_PER_MINUTE = 0.004
LONLAT = np.array(
    [(LON0 + DEG_PER_MINUTE * t, LAT0) for t in np.concatenate([[0.0], np.cumsum(EDGE_MINUTES)])]
)

# People on nodes (all snapped with 0 m), district, and by sex and age band:
#   node 1: 100 (A)  f 15-49        node 3: 200 (A) m 15-49       node 5: 300 (B) f 50+
#   node 7: 400 (C)  m 50+          node 8: 500 (C) f 15-49 250, f 50+ 250
# Minutes to the nearest IHC lab of any quality (L1 or L2): 10, 30, 10, 60, 115.
# Minutes to L1 alone (IHC accredited, and PCR at every level): 10, 30, 50, 110, 165.
PEOPLE = [
    # node, people, district, f_15_49, m_15_49, f_50_plus, m_50_plus
    (1, 100.0, "A", 100.0, 0.0, 0.0, 0.0),
    (3, 200.0, "A", 0.0, 200.0, 0.0, 0.0),
    (5, 300.0, "B", 0.0, 0.0, 300.0, 0.0),
    (7, 400.0, "C", 0.0, 0.0, 0.0, 400.0),
    (8, 500.0, "C", 250.0, 0.0, 250.0, 0.0),
]
BANDS = ("pop_f_15_49", "pop_m_15_49", "pop_f_50_plus", "pop_m_50_plus")

# Incidence 20,000 per 100,000 (a fifth of the people), half of them need IHC, a fifth PCR:
# 1500 people x 0.2 x 0.5 = 150 IHC tests a year, 1500 x 0.2 x 0.2 = 60 PCR tests a year.
PARAMS = DemandParameters(
    incidence_per_100k=20_000.0,
    eligible_fraction={"biopsy": 1.0, "ihc": 0.5, "pcr": 0.2},
    basis={},
)


def _metres(minutes: float) -> float:
    return minutes * KMH * 1000.0 / 60.0


def _facilities() -> Facilities:
    """L1 and L2 (labs), S1 at node 1 and S2 at node 4 (spokes that take biopsies), S4 two
    kilometres off every road."""
    off_road = LONLAT[1] + np.array([0.0, 0.02])
    places = {"L1": LONLAT[0], "L2": LONLAT[6], "S1": LONLAT[1], "S2": LONLAT[4], "S4": off_road}
    labs = {
        "L1": {"ihc": True, "pcr": True, "eqa": "international", "accreditation": "iso15189"},
        "L2": {"ihc": True, "eqa": "national"},
    }
    # capacity: L1 300 tests a year, L2 unknown; staff: L1 2 pathologists and 1 molecular
    # technologist, L2 1 pathologist and an unknown number of molecular technologists
    staff = {
        "L1": {
            "capacity_tests_per_year": 300.0,
            "pathologists": 2.0,
            "molecular_technologists": 1.0,
        },
        "L2": {"pathologists": 1.0, "molecular_technologists": math.nan},
    }
    records = []
    for fid, (lon, lat) in places.items():
        record = {"facility_id": fid, "lon": lon, "lat": lat, "biopsy": fid.startswith("S")}
        records.append(record | labs.get(fid, {}) | staff.get(fid, {}))
    return Facilities.from_records(records)


def _demand(*, bands: bool, districts: bool) -> Demand:
    rows = [
        {"demand_id": f"p{node}", "population": people, "district_id": district * districts}
        | (dict(zip(BANDS, split, strict=True)) if bands else {})
        for node, people, district, *split in PEOPLE
    ]
    points = gpd.points_from_xy(
        LONLAT[[r[0] for r in PEOPLE], 0], LONLAT[[r[0] for r in PEOPLE], 1]
    )
    return Demand(gpd.GeoDataFrame(rows, geometry=points, crs="EPSG:4326"))


def _districts() -> gpd.GeoDataFrame:
    """A holds nodes 0-3, B nodes 4-6, C nodes 7-8."""
    pad = 0.01
    spans = {"A": (0, 3), "B": (4, 6), "C": (7, 8)}
    shapes = [
        box(LONLAT[a, 0] - pad, LAT0 - pad, LONLAT[b, 0] + pad, LAT0 + pad)
        for a, b in spans.values()
    ]
    frame = {"district_id": list(spans), "name": [f"District {d}" for d in spans]}
    return gpd.GeoDataFrame(frame, geometry=shapes, crs="EPSG:4326")


def _project(*, bands: bool = True, districts: bool = True) -> Project:
    edges = [(i, i + 1) for i in range(len(EDGE_MINUTES))]
    roads = make_roads(LONLAT, edges, length_m=[_metres(m) for m in EDGE_MINUTES])
    return Project(
        name="Tiny city",
        roads=roads,
        facilities=_facilities(),
        demand=_demand(bands=bands, districts=districts),
        districts=_districts() if districts else None,
    )


def _with_referral(project: Project) -> Project:
    """The project with a saved IHC referral plan (the couriers ride motorbikes)."""
    settings = ReferralSettings(capability="ihc", travel=Travel(mode="car"))
    result = plan_referral(project.network("motorbike"), project.facilities, settings)
    project.plans["referral"] = SavedPlan(result, settings.to_dict())
    return project


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return city_indicators(_with_referral(_project()), demand_parameters=PARAMS)


def _value(table: pd.DataFrame, test: str, quality: str, indicator: str) -> float:
    row = table[
        (table["test"] == test) & (table["quality"] == quality) & (table["indicator"] == indicator)
    ]
    assert len(row) == 1, (test, quality, indicator)
    return float(row["value"].iat[0])


def _note(table: pd.DataFrame, test: str, quality: str, indicator: str) -> str:
    row = table[
        (table["test"] == test) & (table["quality"] == quality) & (table["indicator"] == indicator)
    ]
    return str(row["note"].iat[0])


def test_table_has_the_contract_columns_and_one_row_per_key(table) -> None:
    assert tuple(table.columns) == INDICATOR_COLUMNS
    assert set(table["city"]) == {"Tiny city"}
    assert list(dict.fromkeys(table["test"])) == ["ihc", "pcr"]  # biopsy is no test
    assert not table.duplicated(["city", "test", "quality", "indicator"]).any()
    assert table["value"].dtype == float


def test_coverage_by_threshold_and_quality(table) -> None:
    # any quality (L1 or L2): 10, 30, 10, 60, 115 min for 100, 200, 300, 400, 500 people
    assert _value(table, "ihc", "any", "coverage_30min") == pytest.approx(600 / 1500 * 100)
    # 60.0 min is within 60 (inclusive): the 400 people of node 7 count
    assert _value(table, "ihc", "any", "coverage_60min") == pytest.approx(1000 / 1500 * 100)
    assert _value(table, "ihc", "any", "coverage_120min") == pytest.approx(100.0)
    # both labs are in EQA: the same as any
    assert _value(table, "ihc", "eqa", "coverage_60min") == pytest.approx(1000 / 1500 * 100)
    # accredited: L1 only, 10, 30, 50, 110, 165 min
    assert _value(table, "ihc", "accredited", "coverage_30min") == pytest.approx(300 / 1500 * 100)
    assert _value(table, "ihc", "accredited", "coverage_60min") == pytest.approx(600 / 1500 * 100)
    assert _value(table, "ihc", "accredited", "coverage_120min") == pytest.approx(1000 / 15)
    assert _value(table, "pcr", "any", "coverage_60min") == pytest.approx(40.0)
    assert (table.loc[table["indicator"].str.startswith("coverage_"), "unit"] != "ratio").all()


def test_equity_worst_and_best_fifth_of_districts(table) -> None:
    # 3 districts: a fifth is ceil(3 / 5) = 1 district. At 60 min, any quality:
    # A 300 of 300 (100 %), B 300 of 300 (100 %), C 400 of 900 (44.4 %). Ranked by share then
    # id: C, A, B; worst C 44.4 %, best B 100 %, gap 55.6 points.
    assert _value(table, "ihc", "any", "coverage_60min_worst_fifth") == pytest.approx(400 / 9)
    assert _value(table, "ihc", "any", "coverage_60min_best_fifth") == pytest.approx(100.0)
    assert _value(table, "ihc", "any", "coverage_60min_gap") == pytest.approx(100 - 400 / 9)
    # accredited (L1 alone): C 0 of 900
    assert _value(table, "ihc", "accredited", "coverage_60min_worst_fifth") == 0.0
    assert _value(table, "ihc", "accredited", "coverage_60min_gap") == pytest.approx(100.0)
    gap = table[table["indicator"] == "coverage_60min_gap"]
    assert set(gap["unit"]) == {"points"}


def test_equity_needs_districts() -> None:
    table = city_indicators(_project(districts=False), tests=["pcr"], demand_parameters=PARAMS)
    assert math.isnan(_value(table, "pcr", "any", "coverage_60min_worst_fifth"))
    assert "two districts" in _note(table, "pcr", "any", "coverage_60min_gap")


def test_coverage_by_sex_and_age_band(table) -> None:
    # any quality, 60 min: nodes 1, 3, 5, 7 covered, node 8 (250 f 15-49, 250 f 50+) not
    # women: 100 + 300 of 100 + 300 + 250 + 250; men: 200 + 400 of 600
    assert _value(table, "ihc", "any", "coverage_60min_sex_f") == pytest.approx(400 / 900 * 100)
    assert _value(table, "ihc", "any", "coverage_60min_sex_m") == pytest.approx(100.0)
    # 15-49: 100 + 200 of 550; 50+: 300 + 400 of 950
    assert _value(table, "ihc", "any", "coverage_60min_age_15_49") == pytest.approx(300 / 5.5)
    assert _value(table, "ihc", "any", "coverage_60min_age_50_plus") == pytest.approx(700 / 9.5)
    # accredited, L1 alone: women 100 + 300 of 900, men 200 of 600
    assert _value(table, "ihc", "accredited", "coverage_60min_sex_m") == pytest.approx(100 / 3)


def test_no_band_rows_without_band_columns() -> None:
    table = city_indicators(_project(bands=False), tests=["pcr"], demand_parameters=PARAMS)
    assert not table["indicator"].str.contains("_sex_|_age_").any()


def test_capacity_ratio(table) -> None:
    # IHC: 150 tests a year expected; L1 gives 300, L2 no capacity (counted as 0, said)
    assert _value(table, "ihc", "any", "capacity_ratio") == pytest.approx(2.0)
    assert "1 of 2" in _note(table, "ihc", "any", "capacity_ratio")
    assert _value(table, "ihc", "accredited", "capacity_ratio") == pytest.approx(2.0)
    assert _note(table, "ihc", "accredited", "capacity_ratio") == ""
    # PCR: 60 tests a year expected, L1 300
    assert _value(table, "pcr", "eqa", "capacity_ratio") == pytest.approx(5.0)


def test_lab_quality_shares(table) -> None:
    # IHC: L1 and L2 both in EQA, L1 alone accredited
    assert _value(table, "ihc", "", "labs_eqa_share") == pytest.approx(100.0)
    assert _value(table, "ihc", "", "labs_accredited_share") == pytest.approx(50.0)
    assert _value(table, "pcr", "", "labs_accredited_share") == pytest.approx(100.0)


def test_workforce_per_million(table) -> None:
    # IHC labs: 2 + 1 pathologists for 1500 people = 2000 per million
    assert _value(table, "ihc", "", "pathologists_per_million") == pytest.approx(2000.0)
    # molecular technologists: L1 1, L2 unknown (counted as 0, said)
    assert _value(table, "ihc", "", "molecular_staff_per_million") == pytest.approx(1e6 / 1500)
    assert "1 of 2" in _note(table, "ihc", "", "molecular_staff_per_million")
    # PCR: L1 alone, 2 pathologists
    assert _value(table, "pcr", "", "pathologists_per_million") == pytest.approx(4e6 / 3000)


def test_workforce_missing_without_the_columns() -> None:
    project = _project()
    gdf = project.facilities.gdf.drop(columns=["pathologists", "molecular_technologists"])
    project.facilities = Facilities(gdf)
    table = city_indicators(project, tests=["pcr"], demand_parameters=PARAMS)
    assert math.isnan(_value(table, "pcr", "", "pathologists_per_million"))
    assert "pathologists" in _note(table, "pcr", "", "pathologists_per_million")


def test_turnaround_and_routes_from_the_referral_plan(table) -> None:
    plan = _with_referral(_project()).plans["referral"].result
    spokes = plan.spokes.set_index("facility_id")
    # S1 10 min from L1: picked up 08:10, 10 min service and 10 min back, 20 min on board;
    # S2 20 min from L2: picked up 08:20, 30 min on board; S4 is off every road (no pick-up)
    assert list(spokes.loc[["S1", "S2"], "hub_id"]) == ["L1", "L2"]
    assert list(spokes.loc[["S1", "S2"], "on_board_minutes"]) == pytest.approx([20.0, 30.0])
    assert not spokes.loc["S4", "servable"]
    # worst-case rule: dispatch 1 + daily wait 1 + on board / 8-hour day + IHC lab 3 days
    s1, s2 = 5.0 + 20.0 / 480.0, 5.0 + 30.0 / 480.0
    assert _value(table, "ihc", "", "turnaround_median_days") == pytest.approx((s1 + s2) / 2)
    assert _value(table, "ihc", "", "turnaround_p90_days") == pytest.approx(s1 + 0.9 * (s2 - s1))
    assert "1 spoke" in _note(table, "ihc", "", "turnaround_median_days")
    # FFPE blocks and unstained slides reach the hub in time from S1 and S2, nothing from S4
    assert _value(table, "ihc", "", "routes_within_limits") == pytest.approx(200 / 3)
    assert _value(table, "ihc", "", "turnaround_median_days") <= 10.0


def test_referral_indicators_missing_without_a_plan_for_the_test(table) -> None:
    assert math.isnan(_value(table, "pcr", "", "turnaround_p90_days"))
    assert "PCR" in _note(table, "pcr", "", "routes_within_limits")
    units = table.set_index("indicator")["unit"]
    assert units["turnaround_median_days"].iat[0] == "working days"


def test_district_rows_are_the_access_coverage_table() -> None:
    project = _project()
    runs = access_runs(project, tests=["ihc"], qualities=("any",))
    districts = district_indicators(project, runs=runs)
    assert list(districts.columns) == [
        "city",
        "test",
        "quality",
        "district_id",
        "district_name",
        "threshold_min",
        "population",
        "covered",
        "share",
    ]
    c60 = districts[(districts["district_id"] == "C") & (districts["threshold_min"] == 60.0)]
    assert (c60["district_name"].iat[0], c60["population"].iat[0]) == ("District C", 900.0)
    assert c60["covered"].iat[0] == 400.0
    assert c60["share"].iat[0] == pytest.approx(4 / 9)
    # the same runs give the city table without running the analysis again
    table = city_indicators(project, runs=runs, demand_parameters=PARAMS)
    assert set(table["quality"]) == {"any", ""}


def test_bad_tests_and_qualities_are_named() -> None:
    with pytest.raises(InputError, match="'xray'"):
        city_indicators(_project(), tests=["xray"])
    with pytest.raises(InputError, match="'gold'"):
        city_indicators(_project(), qualities=("gold",))


def test_missing_layers_give_notes_not_errors() -> None:
    project = _project()
    project.roads = None
    table = city_indicators(project, tests=["ihc"], demand_parameters=PARAMS)
    assert math.isnan(_value(table, "ihc", "any", "coverage_60min"))
    assert "roads" in _note(table, "ihc", "any", "coverage_60min")
    assert _value(table, "ihc", "", "labs_eqa_share") == pytest.approx(100.0)


def test_import_reads_the_workforce_columns() -> None:
    raw = pd.DataFrame(
        {
            "code": ["a", "b", "c"],
            "name": ["Lab A", "Lab B", "Lab C"],
            "lat": ["17.06", "17.07", "17.08"],
            "lon": ["-96.72", "-96.71", "-96.70"],
            "Number of pathologists": ["2", "", "three"],
            "Molecular staff": ["1", "0", "4"],
        }
    )
    facilities = facilities_from_frame(raw, source="labs.csv")
    gdf = facilities.gdf
    assert list(gdf["molecular_technologists"]) == [1.0, 0.0, 4.0]
    assert gdf["pathologists"].iloc[0] == 2.0
    assert gdf["pathologists"].iloc[1:].isna().all()
    assert list(gdf["review"]) == [False, False, True]  # "three" is doubtful, blank is not
    problems = [issue.problem for issue in facilities.report.issues]
    assert any("'three'" in text and "pathologists" in text for text in problems)


def test_demo_city_table_is_plausible(fresh_demo) -> None:
    settings = AccessSettings(travel=Travel(mode="walk"))
    table = city_indicators(fresh_demo, tests=["ihc", "pcr"], settings=settings)
    assert tuple(table.columns) == INDICATOR_COLUMNS
    assert set(table["city"]) == {fresh_demo.name}
    coverage = table[table["indicator"].str.match(r"coverage_\d+min$")]
    assert coverage["value"].between(0, 100).all()
    for test in ("ihc", "pcr"):
        # more minutes never cover fewer people; a stricter quality never covers more
        values = [_value(table, test, "any", f"coverage_{t}min") for t in (30, 60, 120)]
        assert values == sorted(values)
        assert _value(table, test, "accredited", "coverage_60min") <= values[1]
    assert (table.loc[table["indicator"] == "capacity_ratio", "value"] > 0).all()
    assert table.loc[table["unit"] == "%", "value"].dropna().between(0, 100).all()


def test_no_lab_at_a_quality_level_covers_nobody() -> None:
    project = _project()
    gdf = project.facilities.gdf
    gdf.loc[gdf["facility_id"] == "L1", "accreditation"] = "none"
    table = city_indicators(
        project, tests=["pcr"], qualities=("accredited",), demand_parameters=PARAMS
    )
    # no accredited PCR lab: nobody within any threshold, no capacity, none of the labs accredited
    assert _value(table, "pcr", "accredited", "coverage_120min") == 0.0
    assert _value(table, "pcr", "accredited", "capacity_ratio") == 0.0
    assert _value(table, "pcr", "", "labs_accredited_share") == 0.0
