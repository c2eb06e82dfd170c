"""The files planners bring from other systems, each on a sample with that system's own
structure and column names: DHIS2 (API JSON and CSV), ODK Central and KoboToolbox exports,
KML/KMZ from Google Earth, zipped Shapefiles and GeoPackages, Healthsites.io, HXL tagged
sheets, UTF-16 and UTF-8-BOM text, and the GeoJSON a QGIS user saves."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import geopandas as gpd
import openpyxl
import pytest
import shapely
from pyproj import Transformer

from ccgeo.cli import main
from ccgeo.errors import InputError
from ccgeo.io.facilities import layer_names, read_facilities, read_raw
from ccgeo.io.kinds import dialog_filter, kind_of
from ccgeo.io.sources import source_format
from ccgeo.model.reports import ImportReport
from ccgeo.project import project_from_files


def lonlat_of(fac, facility_id: str) -> tuple[float, float]:
    row = fac.gdf.loc[fac.gdf["facility_id"] == facility_id].iloc[0]
    return round(row.geometry.x, 6), round(row.geometry.y, 6)


def described(path: Path) -> str:
    return source_format(read_raw(path)).describe()


def rejected(fac) -> dict[int, str]:
    return {i.row: i.problem for i in fac.report.rejected}


# --- DHIS2 ------------------------------------------------------------------------------------

#: Organisation units as the DHIS2 Web API gives them (Sierra Leone demo database):
#: /api/organisationUnits.json?fields=id,name,code,level,geometry,parent
DHIS2_UNITS = [
    ("DiszpKrYNg8", "Ngelehun CHC", "OU_559", 4, (-11.4197, 8.1039)),
    ("g8upMTyEZGZ", "Njandama MCHP", "OU_167609", 4, (-11.3924, 8.1285)),
    ("Rp268JB6Ne4", "Adonkia CHP", "OU_651071", 4, (-13.2064, 8.4272)),
    ("cDw53Ej8rju", "Afro Arab Clinic", "OU_278371", 4, (-13.2256, 8.4749)),
    ("GvFqTavdpGE", "Agape CHP", "OU_1106", 4, (-12.7845, 8.7677)),
    ("plnHVbJR6p4", "Ahamadyya Mission Cl", "OU_204930", 4, (-13.2341, 8.4866)),
    ("BV4IomHvri4", "Ahmadiyya Muslim Hospital", "OU_193245", 4, (-11.7394, 8.9704)),
]


def dhis2_answer(*, page_count: int = 1) -> dict:
    units = [
        {
            "id": uid,
            "name": name,
            "code": code,
            "level": level,
            "geometry": {"type": "Point", "coordinates": list(point)},
            "parent": {"id": "YuQRtpLP10I"},
        }
        for uid, name, code, level, point in DHIS2_UNITS
    ]
    # a chiefdom drawn as an area, and two org units without geometry (a district, a clinic)
    units.append(
        {
            "id": "YuQRtpLP10I",
            "name": "Badjia",
            "code": "OU_539",
            "level": 3,
            "geometry": {
                "type": "Polygon",
                "coordinates": [
                    [[-11.50, 8.05], [-11.30, 8.05], [-11.30, 8.20], [-11.50, 8.20], [-11.50, 8.05]]
                ],
            },
            "parent": {"id": "O6uvpzGd5pu"},
        }
    )
    units.append({"id": "O6uvpzGd5pu", "name": "Bo", "code": "OU_264", "level": 2})
    units.append({"id": "mwN7QuEfT8m", "name": "Koribondo CHC", "code": "OU_260", "level": 4})
    total = len(units)
    pager = {"page": 1, "pageCount": page_count, "total": total * page_count, "pageSize": total}
    return {"pager": pager, "organisationUnits": units}


def test_dhis2_api_json_keeps_uids_points_and_reports_units_without_geometry(tmp_path):
    path = tmp_path / "organisationUnits.json"
    path.write_text(json.dumps(dhis2_answer()), encoding="utf-8")
    fac = read_facilities(path)
    assert fac.report.n_rows == 10
    assert len(fac) == 8  # 7 points and the chiefdom's area
    assert lonlat_of(fac, "DiszpKrYNg8") == (-11.4197, 8.1039)
    assert lonlat_of(fac, "BV4IomHvri4") == (-11.7394, 8.9704)
    assert fac.gdf.set_index("facility_id").loc["cDw53Ej8rju", "name"] == "Afro Arab Clinic"
    assert fac.gdf.set_index("facility_id").loc["Rp268JB6Ne4", "parent"] == "YuQRtpLP10I"
    badjia = shapely.box(-11.50, 8.05, -11.30, 8.20)
    assert badjia.contains(shapely.Point(lonlat_of(fac, "YuQRtpLP10I")))
    assert set(rejected(fac).values()) == {"no location"}
    assert sorted(i.facility_id for i in fac.report.rejected) == ["O6uvpzGd5pu", "mwN7QuEfT8m"]
    line = described(path)
    assert line.startswith("Recognised: DHIS2 organisation units (API JSON)")
    assert "7 with a point, 2 without geometry" in line
    assert "1 areas: a point inside each used" in line
    assert "ids from id" in line


def test_dhis2_api_json_of_one_page_says_so(tmp_path):
    path = tmp_path / "organisationUnits.json"
    path.write_text(json.dumps(dhis2_answer(page_count=3)), encoding="utf-8")
    assert "page 1 of 3 only (30 units in all)" in described(path)


def test_dhis2_csv_with_old_coordinates_is_read_lon_first(tmp_path):
    """DHIS2's CSV metadata format: name,uid,code,parent,shortName,...,featureType,coordinates,
    the coordinates "[lon,lat]" (lon first, unlike a "lat, lon" cell)."""
    lines = ["name,uid,code,parent,shortName,featureType,coordinates"]
    for uid, name, code, _level, (lon, lat) in DHIS2_UNITS:
        lines.append(f'"{name}",{uid},{code},YuQRtpLP10I,"{name}",POINT,"[{lon},{lat}]"')
    lines.append('"Koribondo CHC",mwN7QuEfT8m,OU_260,YuQRtpLP10I,"Koribondo CHC",NONE,')
    path = tmp_path / "orgunits.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fac = read_facilities(path)
    assert (fac.report.n_rows, len(fac)) == (8, 7)
    assert lonlat_of(fac, "DiszpKrYNg8") == (-11.4197, 8.1039)
    assert lonlat_of(fac, "Rp268JB6Ne4") == (-13.2064, 8.4272)
    assert rejected(fac) == {9: "no location"}
    line = described(path)
    assert line.startswith("Recognised: DHIS2 organisation units (CSV)")
    assert "7 with a point in coordinates, 1 without geometry" in line


def test_dhis2_csv_with_geojson_geometry(tmp_path):
    rows = [["id", "name", "code", "level", "geometry"]]
    for uid, name, code, level, (lon, lat) in DHIS2_UNITS[:4]:
        geometry = json.dumps({"type": "Point", "coordinates": [lon, lat]})
        rows.append([uid, name, code, str(level), geometry])
    path = tmp_path / "organisationUnits.csv"
    import csv

    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    fac = read_facilities(path)
    assert len(fac) == 4
    assert fac.gdf["facility_id"].tolist() == [u[0] for u in DHIS2_UNITS[:4]]
    assert lonlat_of(fac, "g8upMTyEZGZ") == (-11.3924, 8.1285)


# --- ODK Central, KoboToolbox ------------------------------------------------------------------

ODK_HEADER = (
    "SubmissionDate,start,end,deviceid,facility-name,facility-type,"
    "site-location-Latitude,site-location-Longitude,site-location-Altitude,"
    "site-location-Accuracy,services-ihc,services-pcr,meta-instanceID,KEY,SubmitterID,"
    "SubmitterName,AttachmentsPresent,AttachmentsExpected,Status,ReviewState,DeviceID,Edits,"
    "FormVersion"
)
ODK_ROWS = [
    ("Hospital Nacional", "-1.3010", "36.8070", "1650.2", "4.9", "yes", "no",
     "uuid:2d3dbc0c-70f4-4a8c-9b5e-1f6f5b3c8a11"),
    ("Clínica Norte", "-1.2620", "36.8240", "1702.0", "3.2", "no", "yes",
     "uuid:8f1e2a7b-3c4d-4e5f-8a9b-0c1d2e3f4a5b"),
    ("Centro de Salud Sur", "", "", "", "", "yes", "yes",
     "uuid:c0ffee00-1234-4abc-9def-0123456789ab"),
    ("Laboratorio Este", "-1.2833", "36.8667", "1661.5", "5.0", "yes", "yes",
     "uuid:5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"),
]  # fmt: skip


def odk_csv(tmp_path: Path) -> Path:
    lines = [ODK_HEADER]
    for name, lat, lon, alt, acc, ihc, pcr, uuid in ODK_ROWS:
        lines.append(
            f"2024-03-0{len(lines)}T10:12:00.000Z,2024-03-01T09:58:11.000+03:00,"
            f"2024-03-01T10:11:40.000+03:00,collect:AbC123,{name},hospital,{lat},{lon},{alt},"
            f"{acc},{ihc},{pcr},{uuid},{uuid},5,enumerator1,0,0,,,collect:AbC123,0,2024030101"
        )
    path = tmp_path / "lab_survey.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_odk_central_csv_reads_the_split_geopoint_and_keeps_instance_ids(tmp_path):
    path = odk_csv(tmp_path)
    fac = read_facilities(path)
    assert (fac.report.n_rows, len(fac)) == (4, 3)
    assert fac.gdf["facility_id"].tolist() == [ODK_ROWS[i][7] for i in (0, 1, 3)]
    assert fac.gdf["name"].tolist() == ["Hospital Nacional", "Clínica Norte", "Laboratorio Este"]
    assert lonlat_of(fac, ODK_ROWS[1][7]) == (36.824, -1.262)
    assert fac.gdf["ihc"].tolist() == [True, False, True]
    # the row with an empty geopoint is reported, by its row, and the others kept
    assert rejected(fac) == {4: "no location"}
    assert fac.report.mapping["lat"] == "site-location-Latitude"
    assert described(path) == (
        "Recognised: ODK Central export — geopoint 'site-location' split into "
        "latitude/longitude; ids from KEY"
    )


KOBO_HEADER = [
    "start", "end", "nom_etablissement", "code_etablissement", "location",
    "_location_latitude", "_location_longitude", "_location_altitude", "_location_precision",
    "ihc", "_id", "_uuid", "_submission_time", "_validation_status", "_notes", "_status",
    "_submitted_by", "__version__", "_tags", "_index",
]  # fmt: skip
KOBO_ROWS = [
    ("Hôpital Laquintinie", "HL-01", "4.0447 9.6966 12.0 4.8", "4.0447", "9.6966", "oui",
     "4512", "b9f5b5c5-5f5e-4c1e-9c59-7a2b2c1d0e01"),
    ("Clinique de l'Aéroport", "CA-02", "4.0105 9.7195 9.0 3.9", "4.0105", "9.7195", "non",
     "4513", "0c1f6e2a-1b7d-4a8e-9f3c-2d4e6f8a0b02"),
    # the split columns empty, the geopoint in one column only
    ("Laboratoire Bonanjo", "LB-03", "4.0500 9.6950 20.0 5.0", "", "", "oui",
     "4514", "7d3e9b1c-8a2f-4c6d-b1e3-5f7a9c1e3b03"),
    ("Centre Médical Akwa", "CM-04", "", "", "", "oui",
     "4515", "e2a4c6e8-0b1d-4f3a-8c5e-7a9b1d3f5e04"),
]  # fmt: skip


def kobo_rows() -> list[list[str]]:
    out = []
    for i, (name, code, geopoint, lat, lon, ihc, _id, uuid) in enumerate(KOBO_ROWS, start=1):
        alt, acc = [*geopoint.split(), "", "", "", ""][2:4]
        out.append(
            ["2024-05-02T08:00:00.000+01:00", "2024-05-02T08:20:00.000+01:00", name, code,
             geopoint, lat, lon, alt if lat else "", acc if lat else "", ihc, _id, uuid,
             "2024-05-02T07:21:10", "", "", "submitted_via_web", "", "vQ7k2", "", str(i)]
        )  # fmt: skip
    return out


def check_kobo(fac) -> None:
    assert (fac.report.n_rows, len(fac)) == (4, 3)
    assert fac.gdf["facility_id"].tolist() == [r[7] for r in KOBO_ROWS[:3]]
    assert lonlat_of(fac, KOBO_ROWS[0][7]) == (9.6966, 4.0447)
    assert lonlat_of(fac, KOBO_ROWS[2][7]) == (9.695, 4.05)  # from "lat lon alt acc"
    assert list(rejected(fac).values()) == ["no location"]


def test_kobo_csv_export_with_semicolons(tmp_path):
    path = tmp_path / "enquete_labos_2024_05_02.csv"
    lines = [";".join(KOBO_HEADER)] + [";".join(f'"{c}"' for c in r) for r in kobo_rows()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fac = read_facilities(path)
    check_kobo(fac)
    assert rejected(fac) == {5: "no location"}
    line = described(path)
    assert line.startswith("Recognised: KoboToolbox export — geopoint 'location' split into")
    assert "ids from _uuid" in line
    assert "geopoint 'location' (lat lon altitude accuracy) read" in line


def test_kobo_xlsx_export(tmp_path):
    path = tmp_path / "enquete_labos.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "enquete_labos"
    sheet.append(KOBO_HEADER)
    for row in kobo_rows():
        sheet.append([float(c) if c and c[0].isdigit() and "-" not in c[1:] and c.count(".") <= 1
                      and " " not in c else c for c in row])  # fmt: skip
    book.save(path)
    fac = read_facilities(path)
    check_kobo(fac)


def test_a_geopoint_in_one_column(tmp_path):
    """ODK's geopoint as written in one cell, "lat lon altitude accuracy"; an empty one and a
    damaged one are reported with their rows, the others kept."""
    text = (
        "clues,nombre,punto_gps\n"
        "MX-01,Hospital General,19.4326 -99.1332 2240.0 5.0\n"
        "MX-02,Laboratorio Central,19.4200 -99.1500 2235.5 3.6\n"
        "MX-03,Clínica Roma,\n"
        "MX-04,Laboratorio Sur,19.30 abc 2250 4\n"
        "MX-05,Hospital Norte,19.5000 -99.1400 2260\n"
    )
    path = tmp_path / "levantamiento.csv"
    path.write_text(text, encoding="utf-8")
    fac = read_facilities(path)
    assert (fac.report.n_rows, len(fac)) == (5, 3)
    assert fac.gdf["facility_id"].tolist() == ["MX-01", "MX-02", "MX-05"]
    assert lonlat_of(fac, "MX-02") == (-99.15, 19.42)
    assert lonlat_of(fac, "MX-05") == (-99.14, 19.5)
    problems = rejected(fac)
    assert problems[4] == "no location"
    assert "19.30 abc 2250 4" in problems[5]
    assert "geopoint 'punto_gps' (lat lon altitude accuracy) read" in described(path)


# --- KML / KMZ ---------------------------------------------------------------------------------

GOOGLE_EARTH_KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:gx="http://www.google.com/kml/ext/2.2"
     xmlns:kml="http://www.opengis.net/kml/2.2" xmlns:atom="http://www.w3.org/2005/Atom">
<Document>
  <name>Laboratorios CDMX.kmz</name>
  <Style id="s_ylw-pushpin"><IconStyle><scale>1.1</scale><Icon>
    <href>http://maps.google.com/mapfiles/kml/pushpin/ylw-pushpin.png</href></Icon></IconStyle>
  </Style>
  <Folder>
    <name>Hospitales</name>
    <open>1</open>
    <Placemark id="0A1B2C3D">
      <name>Hospital General de México</name>
      <description><![CDATA[<b>Nivel:</b> III<br>Patología, IHQ]]></description>
      <LookAt><longitude>-99.1521</longitude><latitude>19.4118</latitude><range>800</range></LookAt>
      <styleUrl>#s_ylw-pushpin</styleUrl>
      <ExtendedData>
        <Data name="clues"><value>DFSSA003961</value></Data>
        <Data name="ihq"><value>sí</value></Data>
      </ExtendedData>
      <Point><gx:drawOrder>1</gx:drawOrder><coordinates>-99.1521,19.4118,0</coordinates></Point>
    </Placemark>
  </Folder>
  <Folder>
    <name>Laboratorios</name>
    <Placemark>
      <name>Laboratorio Estatal</name>
      <ExtendedData><Data name="clues"><value>DFSSA017221</value></Data></ExtendedData>
      <Point><coordinates>-99.1680,19.4012,0</coordinates></Point>
    </Placemark>
    <Placemark>
      <name>Laboratorio Norte</name>
      <ExtendedData><Data name="clues"><value>DFSSA004562</value></Data></ExtendedData>
      <Point><coordinates>-99.1302,19.4893</coordinates></Point>
    </Placemark>
    <Folder>
      <name>Sin ubicación</name>
      <Placemark>
        <name>Laboratorio sin punto</name>
        <ExtendedData><Data name="clues"><value>DFSSA009999</value></Data></ExtendedData>
      </Placemark>
    </Folder>
  </Folder>
</Document>
</kml>
"""


def google_earth_kmz(tmp_path: Path) -> Path:
    path = tmp_path / "Laboratorios CDMX.kmz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as kmz:
        kmz.writestr("doc.kml", GOOGLE_EARTH_KML)
        kmz.writestr("files/ylw-pushpin.png", b"\x89PNG\r\n\x1a\n")
    return path


def check_google_earth(fac) -> None:
    assert len(fac) == 3
    assert sorted(fac.gdf["facility_id"]) == ["DFSSA003961", "DFSSA004562", "DFSSA017221"]
    assert lonlat_of(fac, "DFSSA003961") == (-99.1521, 19.4118)
    assert lonlat_of(fac, "DFSSA004562") == (-99.1302, 19.4893)
    row = fac.gdf.set_index("facility_id").loc["DFSSA003961"]
    assert row["name"] == "Hospital General de México"
    assert bool(row["ihc"])
    assert row["folder"] == "Hospitales"
    assert "tessellate" not in fac.gdf.columns


@pytest.mark.parametrize("kind", ["kml", "kmz"])
def test_google_earth_kml_and_kmz_read_every_folder(tmp_path, kind):
    if kind == "kml":
        path = tmp_path / "Laboratorios CDMX.kml"
        path.write_text(GOOGLE_EARTH_KML, encoding="utf-8")
    else:
        path = google_earth_kmz(tmp_path)
    fac = read_facilities(path)
    check_google_earth(fac)
    # the placemark without a point is reported, not lost
    assert (fac.report.n_rows, fac.report.n_rejected) == (4, 1)
    assert [i.problem for i in fac.report.rejected] == ["no location"]
    line = described(path)
    assert line.startswith("Recognised: KML (Google Earth) — folders read together: ")
    assert "Hospitales" in line
    assert "Laboratorios" in line
    assert layer_names(path) == []


def test_the_cli_and_the_api_read_a_kmz_alike(tmp_path, capsys):
    path = google_earth_kmz(tmp_path)
    out = tmp_path / "labs.gpkg"
    assert main(["import-facilities", str(path), "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    assert "3 of 4 rows imported, 1 rejected" in printed  # the placemark without a point
    # the command says what it recognised, as the wizard does, and the report keeps it
    recognised = read_facilities(path).report.recognised
    assert recognised.startswith("Recognised: KML (Google Earth)")
    assert recognised in printed.splitlines()
    written = gpd.read_file(out, layer="facilities").set_index("facility_id")
    api = read_facilities(path).gdf.set_index("facility_id")
    assert sorted(written.index) == sorted(api.index)
    for fid in api.index:
        assert written.loc[fid, "name"] == api.loc[fid, "name"]
        assert written.loc[fid].geometry.equals_exact(api.loc[fid].geometry, 1e-9)


def test_project_from_files_reads_a_kmz(tmp_path):
    project = project_from_files(facilities=google_earth_kmz(tmp_path))
    check_google_earth(project.facilities)


def test_the_import_report_keeps_what_was_recognised(tmp_path):
    report = read_facilities(odk_csv(tmp_path)).report
    again = ImportReport.from_dict(json.loads(report.to_json()))
    assert again.recognised == report.recognised
    assert again.recognised.startswith("Recognised: ODK Central export")
    # a plain file recognises nothing, and a report saved before Step 10 has no such line
    assert ImportReport.from_dict({"source": "old.csv"}).recognised == ""


def test_a_damaged_kmz_is_refused_naming_the_file(tmp_path):
    path = tmp_path / "labs.kmz"
    path.write_bytes(b"PK\x03\x04 this is not a whole archive")
    with pytest.raises(InputError) as caught:
        read_facilities(path)
    assert caught.value.path == path


# --- zipped Shapefile and GeoPackage -------------------------------------------------------------


def labs_layer() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "HF_CODE": ["UG-0101", "UG-0102", "UG-0103"],
            "HF_NAME": ["Mulago NRH", "Nsambya Hospital", "Rubaga Hospital"],
            "OWNERSHIP": ["Government", "PNFP", "PNFP"],
        },
        geometry=shapely.points([(32.5760, 0.3380), (32.5860, 0.2990), (32.5530, 0.2970)]),
        crs="EPSG:4326",
    )


def test_a_zipped_shapefile_in_a_folder(tmp_path):
    shp = tmp_path / "shp" / "health_facilities.shp"
    shp.parent.mkdir()
    labs_layer().to_crs("EPSG:32636").to_file(shp)  # UTM 36N, with its .prj
    path = tmp_path / "health_facilities.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for part in sorted(shp.parent.iterdir()):
            archive.write(part, f"Uganda HF 2023/{part.name}")
        archive.writestr("__MACOSX/Uganda HF 2023/._health_facilities.shp", b"\x00\x05\x16\x07")
    fac = read_facilities(path)
    assert len(fac) == 3
    assert fac.gdf["facility_id"].tolist() == ["UG-0101", "UG-0102", "UG-0103"]
    assert fac.gdf["name"].tolist()[0] == "Mulago NRH"
    assert lonlat_of(fac, "UG-0101") == pytest.approx((32.576, 0.338), abs=1e-6)
    line = described(path)
    assert "read 'Uganda HF 2023/health_facilities.shp' from the zip archive" in line
    assert "coordinates in EPSG:32636 reprojected" in line


def test_a_zipped_geopackage_and_a_zip_of_two_layers(tmp_path):
    gpkg = tmp_path / "facilities.gpkg"
    labs_layer().to_file(gpkg, layer="hospitals")
    labs_layer().iloc[:2].to_file(gpkg, layer="labs")
    path = tmp_path / "facilities_gpkg.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.write(gpkg, "facilities.gpkg")
    assert layer_names(path) == ["hospitals", "labs"]
    assert len(read_facilities(path)) == 3
    assert len(read_facilities(path, layer="labs")) == 2


def test_a_zip_without_a_layer_says_what_it_holds(tmp_path):
    path = tmp_path / "labs.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "see the attached list")
    with pytest.raises(InputError, match=r"zip archive of readme\.txt, without a GIS layer") as e:
        read_facilities(path)
    assert e.value.path == path


# --- Healthsites.io ---------------------------------------------------------------------------

HEALTHSITES = [
    {"osm_id": 2557382961, "osm_type": "node", "completeness": 38, "amenity": "hospital",
     "healthcare": "hospital", "name": "Kenyatta National Hospital", "operator": "MOH",
     "operator_type": "government", "speciality": "pathology", "beds": "1800",
     "uuid": "a5d3b6c1e2f14c0a9d8b7e6f5a4b3c21", "addr_city": "Nairobi",
     "changeset_id": 82231412, "changeset_version": 7,
     "changeset_timestamp": "2020-03-20T09:13:31", "changeset_user": "healthsites",
     "point": (36.8070, -1.3010)},
    {"osm_id": 165432187, "osm_type": "way", "completeness": 25, "amenity": "hospital",
     "healthcare": "hospital", "name": "Aga Khan University Hospital", "operator": None,
     "operator_type": "private", "speciality": None, "beds": None,
     "uuid": "0f9e8d7c6b5a44f3a2b1c0d9e8f7a6b5", "addr_city": "Nairobi",
     "changeset_id": 79811243, "changeset_version": 3,
     "changeset_timestamp": "2019-12-01T12:00:00", "changeset_user": "mapper_ke",
     "point": (36.8240, -1.2620)},
    {"osm_id": 4821337190, "osm_type": "node", "completeness": 19, "amenity": "clinic",
     "healthcare": "laboratory", "name": "Lancet Laboratories Upper Hill", "operator": "Lancet",
     "operator_type": "private", "speciality": "laboratory", "beds": None,
     "uuid": "3c4d5e6f7a8b49c0d1e2f3a4b5c6d7e8", "addr_city": "Nairobi",
     "changeset_id": 90112345, "changeset_version": 1,
     "changeset_timestamp": "2021-07-14T08:30:00", "changeset_user": "mapper_ke",
     "point": (36.8140, -1.2930)},
]  # fmt: skip


def test_healthsites_geojson_keeps_its_ids(tmp_path):
    features = [
        {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": list(site["point"])},
            "properties": {k: v for k, v in site.items() if k != "point"},
        }
        for site in HEALTHSITES
    ]
    path = tmp_path / "kenya-healthsites.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    fac = read_facilities(path)
    assert len(fac) == 3
    assert fac.gdf["facility_id"].tolist() == [s["uuid"] for s in HEALTHSITES]
    assert lonlat_of(fac, HEALTHSITES[2]["uuid"]) == (36.814, -1.293)
    assert fac.gdf["osm_id"].tolist()[0] == "2557382961"
    assert not [i for i in fac.report.issues if "row-" in str(i.facility_id)]
    assert described(path) == "Recognised: Healthsites.io export — ids from uuid"


def test_healthsites_csv_export_with_x_y_and_osm_ids(tmp_path):
    """The HDX/Healthsites CSV: X, Y first, then osm_id, osm_type, ...; here without uuid."""
    columns = ["X", "Y", "osm_id", "osm_type", "completeness", "amenity", "healthcare", "name",
               "operator", "operator_type", "speciality", "beds", "addr_city"]  # fmt: skip
    lines = [",".join(columns)]
    for site in HEALTHSITES:
        values = [*site["point"], *(site[c] for c in columns[2:])]
        lines.append(",".join("" if v is None else f'"{v}"' for v in values))
    path = tmp_path / "kenya.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fac = read_facilities(path)
    assert fac.gdf["facility_id"].tolist() == ["2557382961", "165432187", "4821337190"]
    assert lonlat_of(fac, "165432187") == (36.824, -1.262)
    assert "ids from osm_id" in described(path)


# --- HXL -------------------------------------------------------------------------------------

HXL_ROWS = [
    ["Structure", "Pos. N", "Pos. E", "Partenaire", "Réf.", "Province"],
    ["#loc+name", "#geo+lat", "#geo+lon", "#org+name", "#loc+code", "#adm1+name"],
    ["Hôpital du Cinquantenaire", "-4.3355", "15.3022", "MSP", "KIN-001", "Kinshasa"],
    ["Cliniques Universitaires", "-4.4170", "15.3060", "UNIKIN", "KIN-002", "Kinshasa"],
    ["Laboratoire INRB", "-4.3190", "15.3110", "INRB", "KIN-003", "Kinshasa"],
    ["Centre de santé Kimbanseke", "quatre", "15.3900", "MSP", "KIN-004", "Kinshasa"],
]


def check_hxl(fac) -> None:
    assert (fac.report.n_rows, len(fac)) == (4, 3)
    assert fac.gdf["facility_id"].tolist() == ["KIN-001", "KIN-002", "KIN-003"]
    assert fac.gdf["name"].tolist()[0] == "Hôpital du Cinquantenaire"
    assert lonlat_of(fac, "KIN-002") == (15.306, -4.417)
    assert fac.report.mapping["lat"] == "Pos. N"
    # row numbers as the user sees them: header row 1, hashtags row 2, data from row 3
    assert list(rejected(fac)) == [6]
    assert "'quatre'" in rejected(fac)[6]


def test_hxl_tagged_csv(tmp_path):
    import csv

    path = tmp_path / "3w_labos.csv"
    with path.open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(HXL_ROWS)
    check_hxl(read_facilities(path))
    assert described(path) == "Recognised: HXL — HXL tags in row 2 (used to map columns)"


def test_hxl_tagged_workbook(tmp_path):
    path = tmp_path / "3w_labos.xlsx"
    book = openpyxl.Workbook()
    for row in HXL_ROWS:
        book.active.append(row)
    book.save(path)
    check_hxl(read_facilities(path))


# --- text encodings ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("encoding", "bom"),
    [("utf-16-le", "\ufeff"), ("utf-16-be", "\ufeff"), ("utf-8", "\ufeff")],
    ids=["utf-16-le", "utf-16-be", "utf-8-bom"],
)
@pytest.mark.parametrize("delimiter", [",", "\t"], ids=["csv", "tsv"])
def test_unicode_text_with_a_byte_order_mark(tmp_path, encoding, bom, delimiter):
    rows = [["código", "nombre", "latitud", "longitud"],
            ["SP-01", "Hospital São Paulo", "-23.5980", "-46.6420"],
            ["SP-02", "Laboratório Fleury", "-23.5870", "-46.6820"]]  # fmt: skip
    text = bom + "\r\n".join(delimiter.join(r) for r in rows) + "\r\n"
    path = tmp_path / ("labs.tsv" if delimiter == "\t" else "labs.csv")
    path.write_bytes(text.encode(encoding))
    fac = read_facilities(path)
    assert fac.gdf["facility_id"].tolist() == ["SP-01", "SP-02"]
    assert fac.gdf["name"].tolist() == ["Hospital São Paulo", "Laboratório Fleury"]
    assert lonlat_of(fac, "SP-02") == (-46.682, -23.587)


# --- GeoJSON saved by QGIS ---------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".geojson", ".json"])
def test_qgis_geojson_in_utm_is_reprojected(tmp_path, suffix):
    to_utm = Transformer.from_crs("EPSG:4326", "EPSG:32614", always_xy=True)
    points = {"CDMX-01": (-99.1332, 19.4326), "CDMX-02": (-99.1680, 19.4012)}
    features = []
    for fid, (lon, lat) in points.items():
        x, y = to_utm.transform(lon, lat)
        features.append(
            {
                "type": "Feature",
                "properties": {"fid": 1 + len(features), "clues": fid, "nombre": f"Lab {fid}"},
                "geometry": {"type": "Point", "coordinates": [round(x, 3), round(y, 3)]},
            }
        )
    data = {
        "type": "FeatureCollection",
        "name": "laboratorios_utm",
        "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::32614"}},
        "features": features,
    }
    path = tmp_path / f"laboratorios_utm{suffix}"
    path.write_text(json.dumps(data, indent=1), encoding="utf-8")
    fac = read_facilities(path)
    assert fac.gdf["facility_id"].tolist() == ["CDMX-01", "CDMX-02"]
    assert lonlat_of(fac, "CDMX-02") == pytest.approx((-99.168, 19.4012), abs=1e-6)
    assert "coordinates in EPSG:32614 reprojected" in described(path)


def test_rfc7946_geojson(tmp_path):
    path = tmp_path / "labs.geojson"
    data = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "properties": {"code": "A1", "name": "Lab A"},
             "geometry": {"type": "Point", "coordinates": [36.82, -1.28]}},
        ],
    }  # fmt: skip
    path.write_text(json.dumps(data), encoding="utf-8")
    fac = read_facilities(path)
    assert fac.gdf["facility_id"].tolist() == ["A1"]
    assert lonlat_of(fac, "A1") == (36.82, -1.28)


def test_a_plain_registry_table_is_not_taken_for_an_export(tmp_path):
    """Codes of 11 capitals and digits are a registry's, not DHIS2 uids; an ``_id`` column
    alone is not a KoboToolbox export."""
    path = tmp_path / "registry.csv"
    path.write_text(
        "id,name,lat,lon,_id\nKEN12345678,Lab A,-1.28,36.82,1\nKEN12345679,Lab B,-1.29,36.83,2\n",
        encoding="utf-8",
    )
    assert described(path) == ""
    assert read_facilities(path).gdf["facility_id"].tolist() == ["KEN12345678", "KEN12345679"]


# --- the kinds table ------------------------------------------------------------------------


def test_the_kinds_table_and_the_file_dialog_know_the_new_suffixes():
    for name in ("labs.kml", "labs.kmz", "labs.zip", "labs.geojson"):
        assert kind_of(name) == "vector"
    assert kind_of("organisationUnits.json") == "table"
    shown = dialog_filter(("table", "workbook", "vector"))
    for pattern in ("*.kml", "*.kmz", "*.zip", "*.json", "*.geojson"):
        assert pattern in shown
