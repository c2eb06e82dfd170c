"""The facility schema, capability/quality queries, import reports and scenarios."""

from __future__ import annotations

import json

import numpy as np
import pytest

from ccgeo.model.facilities import Facilities, empty_facility_frame, highest_capability
from ccgeo.model.reports import ImportReport
from ccgeo.model.scenario import Scenario
from ccgeo.model.schema import CAPABILITIES, FACILITY_COLUMNS


@pytest.fixture
def labs() -> Facilities:
    return Facilities.from_records(
        [
            {"facility_id": "A", "lon": 1.0, "lat": 2.0, "biopsy": True},
            {
                "facility_id": "B",
                "lon": 1.1,
                "lat": 2.1,
                "histology": True,
                "ihc": True,
                "eqa": "national",
            },
            {
                "facility_id": "C",
                "lon": 1.2,
                "lat": 2.2,
                "pcr": True,
                "eqa": "international",
                "accreditation": "iso15189",
                "capacity_tests_per_year": 5000,
                "district": "north",
            },
            {"facility_id": "D", "lon": 1.3, "lat": 2.3, "pcr": True, "ngs": True},
        ]
    )


def test_schema_columns_first_and_extra_kept(labs):
    assert list(labs.gdf.columns[: len(FACILITY_COLUMNS)]) == list(FACILITY_COLUMNS)
    assert labs.extra_columns == ["district"]
    assert labs.gdf.crs.to_epsg() == 4326
    assert np.isnan(labs.gdf.loc[0, "capacity_tests_per_year"])


@pytest.mark.parametrize(
    ("capability", "quality", "expected"),
    [
        ("pcr", "any", ["C", "D"]),
        ("pcr", "eqa", ["C"]),
        ("pcr", "international_eqa", ["C"]),
        ("pcr", "accredited", ["C"]),
        ("ihc", "eqa", ["B"]),
        ("ihc", "accredited", []),
        ("ngs", None, ["D"]),
    ],
)
def test_capable_with_quality(labs, capability, quality, expected):
    assert labs.capable(capability, quality=quality).gdf["facility_id"].tolist() == expected


def test_capable_rejects_unknown_names(labs):
    with pytest.raises(ValueError, match="`capability` should be one of"):
        labs.capable("mri")
    with pytest.raises(ValueError, match="`quality` should be one of"):
        labs.capable("pcr", quality="gold")


def test_tiers_follow_highest_capability(labs):
    assert labs.tiers().tolist() == ["biopsy", "ihc", "pcr", "ngs"]
    assert highest_capability({"histology": True, "cytology": True}) == "histology"
    assert highest_capability({}) == "none"


def test_constructor_checks_schema_and_crs(labs):
    with pytest.raises(ValueError, match="lacks the schema columns"):
        Facilities(labs.gdf.drop(columns=["pcr"]))
    with pytest.raises(ValueError, match="EPSG:4326"):
        Facilities(labs.gdf.to_crs(3857))


def test_empty_frame_has_schema():
    gdf = empty_facility_frame()
    fac = Facilities(gdf)
    assert len(fac) == 0
    assert all(gdf[c].dtype == bool for c in CAPABILITIES)
    assert len(fac.capable("pcr")) == 0


def test_import_report_round_trip_and_counts():
    report = ImportReport(source="x.csv", n_rows=3, n_imported=2, mapping={"name": "nombre"})
    report.add(4, "rejected", "no location", "fill lat/lon", column="lat")
    report.add(3, "doubtful", "unknown test 'MRI'", "check the tests column", value="MRI")
    report.add(None, "warning", "latitude and longitude swapped", "map lat to the other column")
    assert report.n_rejected == 1
    assert report.rejected_rows() == {4}
    assert len(report.doubtful) == 1
    assert len(report.warnings) == 1
    back = ImportReport.from_dict(json.loads(report.to_json()))
    assert back == report
    table = report.to_frame()
    assert table["row"].tolist()[:2] == [4, 3]
    assert "2 of 3 rows imported, 1 rejected, 1 flagged" in report.summary()


def test_scenario_round_trip():
    sc = Scenario(
        name="Two new PCR hubs",
        added_hubs=({"hub_id": "new-1", "lon": 1.0, "lat": 2.0, "capabilities": ["pcr"]},),
        upgrades={"B": ("pcr",)},
        removed=("A",),
        settings={"mode": "car", "thresholds_minutes": [30, 60, 120]},
    )
    assert Scenario.from_dict(json.loads(json.dumps(sc.to_dict()))) == sc
