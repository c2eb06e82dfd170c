"""Problems travel with the results: the same data notes in summary.json, the data tables, the
HTML map's "Data notes" panel and the PDF's "Data notes" page (the app's Problems tab is tested
in tests/gui/test_problems.py)."""

from __future__ import annotations

import html
import json
import shutil
import subprocess

import pandas as pd
import pytest

from ccgeo.analysis.access import access
from ccgeo.model.reports import ImportReport
from ccgeo.model.settings import AccessSettings
from ccgeo.report.export import export_results, write_access
from ccgeo.report.notes import data_notes, note_lines
from ccgeo.report.pdf import write_report
from ccgeo.report.webmap import export_webmap

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

#: A facility value that would be a formula in a spreadsheet, and markup in a web page.
NASTY = '=HYPERLINK("http://x","<b>click</b>")'


@pytest.fixture(scope="module")
def case(copy_demo):
    """The demo city with an import report of three problems, and a PCR access run."""
    project = copy_demo()
    report = ImportReport(source="/data/registry.csv", n_rows=40, n_imported=39)
    report.add(7, "rejected", "latitude 'abc' is not a number", "correct it", column="lat")
    fid = str(project.facilities.gdf["facility_id"].iloc[0])
    report.add(
        12,
        "fixed",
        "latitude and longitude were swapped; put back",
        "check the row",
        value=NASTY,
        facility_id=fid,
    )
    report.add(20, "doubtful", "capacity 'n.d.' is not a number", "write a number")
    project.import_reports.append(report)
    result = access(
        project.network("car"),
        project.facilities.capable("pcr"),
        project.demand,
        AccessSettings(capability="pcr"),
        districts=project.districts,
    )
    return project, result


def test_the_notes_gather_imports_population_and_analysis(case):
    project, result = case
    notes = data_notes(project, result)
    topics = {n.topic for n in notes}
    assert {"facilities", "population"} <= topics
    severities = [n.severity for n in notes]
    # the most serious first: rejected, then changed, then to check, then notes
    assert severities[:3] == ["rejected", "fixed", "doubtful"]
    rows = [n.row for n in notes if n.topic == "facilities" and n.row is not None]
    assert rows == [7, 12, 20]
    population = next(n for n in notes if n.topic == "population" and n.severity == "info")
    summary = result.summary()
    assert f"{summary['population_total']:,.0f}" in population.text
    assert note_lines(notes, limit=2)[-1].startswith(f"… and {len(notes) - 2:,} more notes")


def test_summary_json_and_the_tables_carry_the_notes(case, tmp_path):
    project, result = case
    written = write_access(result, tmp_path / "cli", project=project)
    summary = json.loads(written["json"].read_text(encoding="utf-8"))
    notes = summary["data_notes"]
    assert [n["row"] for n in notes[:3]] == [7, 12, 20]
    assert notes[1]["facility_id"] == str(project.facilities.gdf["facility_id"].iloc[0])
    assert NASTY in notes[1]["text"]  # JSON keeps the value as it was
    files = export_results(result, tmp_path / "app", formats=["csv", "xlsx"], project=project)
    table = pd.read_csv(tmp_path / "app" / "data_notes.csv", dtype=str, keep_default_na=False)
    assert len(table) == len(notes)
    # no formula reaches a spreadsheet: the note starting with "=" is kept as text
    sheet = pd.read_excel(tmp_path / "app" / "results.xlsx", sheet_name="data_notes", dtype=str)
    assert sheet["row"].tolist()[:3] == ["7", "12", "20"]
    assert any(path.name == "results.xlsx" for path in files)
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "app" / "results.xlsx")
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{ws.title}!{cell.coordinate} is a formula"


def test_the_html_map_has_a_data_notes_panel(case, tmp_path):
    project, result = case
    path = export_webmap(project, result, out_path=tmp_path / "map.html", include_roads=False)
    text = path.read_text(encoding="utf-8")
    assert '<details id="ccgeo-notes">' in text
    to_review = sum(n.severity != "info" for n in data_notes(project, result))
    assert f"Data notes ({to_review} to review)" in text
    assert "registry.csv, row 7 — not imported: column &#x27;lat&#x27;" in text
    # the facility value is shown as text, never as markup
    assert "<b>click</b>" not in text
    assert html.escape(NASTY) in text


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")
def test_the_pdf_has_a_data_notes_page(case, tmp_path):
    project, result = case
    path = write_report(project, result, tmp_path / "report.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = text.split("\f")
    page = next(p for p in pages if "Data notes" in p and "registry.csv" in p)
    assert "not imported" in page
    assert "changed on" in page  # (wrapped in its cell)
    assert "swapped; put back" in page
    assert "placed on the map" in page


def test_without_districts_nobody_is_said_to_lie_in_no_district():
    from ccgeo.model.demand import PopulationReport
    from ccgeo.report.notes import population_notes

    report = PopulationReport(
        file="people.csv", rows_in_file=10, people_in_file=500.0, no_district_people=500.0,
        no_district_rows=10, outside_people=20.0, outside_rows=1,
    )  # fmt: skip
    texts = [n.text for n in population_notes(report, districts=False)]
    assert not any("no district" in t for t in texts)
    assert any("outside the study area" in t for t in texts)
    assert any("no district" in n.text for n in population_notes(report, districts=True))
