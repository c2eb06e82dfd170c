"""The printed map report: pages rendered by poppler, text read back, numbers as analysed."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import os
import re
import shutil
import struct
import subprocess
import threading
from pathlib import Path

import numpy as np
import pytest

from ccgeo.analysis.access import access
from ccgeo.errors import Cancelled, InputError
from ccgeo.labels import format_minutes, format_people, format_share, format_threshold
from ccgeo.model.settings import AccessSettings, ReferralSettings, SitingSettings, Travel
from ccgeo.network.profiles import get_profile
from ccgeo.project import Project
from ccgeo.report.methods import (
    SOURCES,
    Heading,
    Paragraph,
    Table,
    data_sources_blocks,
    methods_blocks,
    speed_profile_table,
)

#: Paper sizes in PostScript points (1/72 inch), portrait.
PAPER_PT = {"a4": (595.276, 841.890), "letter": (612.0, 792.0)}
RENDER_DPI = 36


# -- poppler helpers ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def poppler() -> None:
    missing = [t for t in ("pdftoppm", "pdftotext", "pdfimages") if shutil.which(t) is None]
    if missing:
        pytest.skip(f"poppler-utils not installed ({', '.join(missing)} missing): apt install it")


def png_size(path: Path) -> tuple[int, int]:
    """Width and height of a PNG from its IHDR chunk."""
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    return struct.unpack(">II", head[16:24])


def render_pages(pdf: Path, out_dir: Path) -> list[tuple[int, int]]:
    """Render every page with pdftoppm; the size of each page image, in page order."""
    subprocess.run(
        ["pdftoppm", "-r", str(RENDER_DPI), "-png", str(pdf), str(out_dir / "page")],
        check=True,
        capture_output=True,
    )
    pngs = sorted(out_dir.glob("page-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
    return [png_size(p) for p in pngs]


def pdf_pages_text(pdf: Path) -> list[str]:
    """Text of each page (pdftotext, layout kept), whitespace runs folded to one space."""
    done = subprocess.run(
        ["pdftotext", "-layout", "-enc", "UTF-8", str(pdf), "-"],
        check=True,
        capture_output=True,
    )
    pages = done.stdout.decode("utf-8").split("\f")
    if pages and not pages[-1].strip():
        pages = pages[:-1]
    return [re.sub(r"\s+", " ", p).strip() for p in pages]


def images_per_page(pdf: Path) -> dict[int, int]:
    """Number of raster images drawn on each page (pdfimages -list; soft masks not counted)."""
    done = subprocess.run(
        ["pdfimages", "-list", str(pdf)], check=True, capture_output=True, text=True
    )
    counts: dict[int, int] = {}
    for line in done.stdout.splitlines()[2:]:
        parts = line.split()
        if len(parts) > 2 and parts[2] == "image":
            counts[int(parts[0])] = counts.get(int(parts[0]), 0) + 1
    return counts


def section_start(texts: list[str], title: str) -> int:
    """Page number (1-based) where a section starts: its title opens the page under the header."""
    for i, text in enumerate(texts[1:], start=2):
        body = re.split(r"\d{4}-\d{2}-\d{2} ", text, maxsplit=1)[-1]
        if body.startswith(title + " "):
            return i
    msg = f"no page starts the section {title!r}"
    raise AssertionError(msg)


def expected_png(paper: str, orientation: str) -> tuple[float, float]:
    w, h = PAPER_PT[paper]
    if orientation == "landscape":
        w, h = h, w
    return w * RENDER_DPI / 72.0, h * RENDER_DPI / 72.0


# -- fixtures -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo(copy_demo):
    """This module's own copy of the demo city (its networks are built in it)."""
    return copy_demo()


@pytest.fixture(scope="module")
def car_result(demo):
    return access(
        demo.network("car"),
        demo.facilities.capable("pcr"),
        demo.demand,
        AccessSettings(capability="pcr"),
        districts=demo.districts,
    )


@pytest.fixture(scope="module")
def walk_analyses(demo):
    """Walking access (people beyond 60 min exist), two proposed hubs and a referral plan."""
    from ccgeo.analysis.referral import plan_referral
    from ccgeo.analysis.siting import site_hubs

    walk = Travel(mode="walk")
    net = demo.network("walk")
    result = access(
        net,
        demo.facilities.capable("pcr"),
        demo.demand,
        AccessSettings(capability="pcr", travel=walk),
        districts=demo.districts,
    )
    siting = site_hubs(
        net,
        demo.demand,
        demo.facilities,
        SitingSettings(capability="pcr", hubs=2, minutes=60, curve_hubs=3, travel=walk),
        districts=demo.districts,
    )
    referral = plan_referral(
        demo.network("motorbike"),
        demo.facilities,
        ReferralSettings(capability="pcr", travel=Travel(mode="car")),
        patient_net=demo.network("car"),
    )
    return result, siting, referral


def headline_rows(result) -> list[str]:
    """The cover's key-number rows as printed: threshold, people within, share, beyond."""
    return [
        f"≤ {format_threshold(rec['threshold_min'])} {format_people(rec['covered'])} "
        f"{format_share(rec['share'])} {format_people(rec['beyond'])}"
        for rec in result.summary()["coverage"]
    ]


# -- the report on the demo city ------------------------------------------------------------------


def test_a4_portrait_report_of_the_demo_city(poppler, demo, car_result, tmp_path):
    from ccgeo.report.pdf import SECTION_TITLES, write_report

    seen: list[float] = []
    out = write_report(
        demo,
        car_result,
        tmp_path / "report.pdf",
        paper="a4",
        orientation="portrait",
        progress=lambda f, _t: seen.append(f),
    )
    assert out == tmp_path / "report.pdf"
    assert [p.name for p in tmp_path.iterdir()] == ["report.pdf"]  # no temporary file left
    sizes = render_pages(out, tmp_path)
    texts = pdf_pages_text(out)
    n = len(texts)
    assert len(sizes) == n >= 7
    want_w, want_h = expected_png("a4", "portrait")
    for w, h in sizes:
        assert abs(w - want_w) <= 1, (w, h)
        assert abs(h - want_h) <= 1, (w, h)
    for i, text in enumerate(texts, start=1):
        assert f"page {i} of {n}" in text
    everything = " ".join(texts)
    for key in ("map", "coverage", "underserved", "methods", "sources"):
        assert SECTION_TITLES[key] in everything
    assert "Proposed hubs" not in everything
    assert "Sample referral" not in everything
    assert "synthetic demo data" in texts[0].lower()
    assert "Vila Demo" in texts[0]
    for row in headline_rows(car_result):
        assert row in texts[0]
    # every district of the analysis has its row, with its people
    coverage_page = texts[section_start(texts, SECTION_TITLES["coverage"]) - 1]
    for rec in car_result.coverage.drop_duplicates("district_id").itertuples():
        assert str(rec.district_name) in coverage_page
        assert format_people(rec.population) in coverage_page
    # the demo's roads are synthetic, not OpenStreetMap data: no OSM credit
    assert "OpenStreetMap" not in everything
    assert seen[0] == 0.0
    assert seen[-1] == 1.0
    assert seen == sorted(seen)


def test_letter_landscape_report_with_hubs_and_referral(poppler, demo, walk_analyses, tmp_path):
    from ccgeo.report.pdf import SECTION_TITLES, write_report

    result, siting, referral = walk_analyses
    out = write_report(
        demo,
        result,
        tmp_path / "walk.pdf",
        paper="letter",
        orientation="landscape",
        title="Walking access to PCR",
        scenario="two upgraded hubs",
        siting=siting,
        referral=referral,
    )
    sizes = render_pages(out, tmp_path)
    texts = pdf_pages_text(out)
    n = len(texts)
    assert len(sizes) == n
    want_w, want_h = expected_png("letter", "landscape")
    assert want_w > want_h
    for w, h in sizes:
        assert abs(w - want_w) <= 1, (w, h)
        assert abs(h - want_h) <= 1, (w, h)
    assert all(f"page {i} of {n}" in t for i, t in enumerate(texts, start=1))
    everything = " ".join(texts)
    for title in SECTION_TITLES.values():
        assert title in everything, title
    cover = texts[0]
    assert "Walking access to PCR" in cover
    assert "Scenario: two upgraded hubs" in cover
    rows = headline_rows(result)
    assert len(set(rows)) == len(rows)  # walking: the thresholds cover different numbers
    for row in rows:
        assert row in cover
    shares = [rec["share"] for rec in result.summary()["coverage"]]
    assert any(0 < s < 1 for s in shares)
    # the contents list the page each section starts on
    for key in ("map", "coverage", "underserved", "siting", "referral", "methods", "sources"):
        assert f"{SECTION_TITLES[key]} {section_start(texts, SECTION_TITLES[key])}" in cover
    # underserved areas ranked, with their people
    under_page = texts[section_start(texts, SECTION_TITLES["underserved"]) - 1]
    for rec in result.underserved.itertuples():
        assert format_people(rec.population) in under_page
    # hubs in rank order with their marginal gains, and the curve's shares
    hubs_page = texts[section_start(texts, SECTION_TITLES["siting"]) - 1]
    assert "Coverage curve" in hubs_page
    positions = [hubs_page.index(str(name)) for name in siting.hubs["name"]]
    assert positions == sorted(positions)
    for gain in siting.marginal_gains:
        assert format_people(gain) in hubs_page
    for share in siting.curve["share"]:
        assert format_share(share) in hubs_page
    # every spoke with its hub and sample-to-result days
    first = section_start(texts, SECTION_TITLES["referral"])
    last = section_start(texts, SECTION_TITLES["methods"])
    referral_text = " ".join(texts[first - 1 : last - 1])
    assert format_share(referral.summary["share_meeting_target"]) in referral_text
    for rec in referral.spokes.itertuples():
        assert f"{rec.sample_to_result_worst_wd:.1f}" in referral_text
        assert format_minutes(rec.sample_minutes) in referral_text


def test_osm_roads_are_credited(poppler, demo, car_result, tmp_path):
    from ccgeo.report.pdf import write_report

    real = dataclasses.replace(demo, metadata={**demo.metadata, "synthetic": False})
    out = write_report(real, car_result, tmp_path / "osm.pdf")
    assert "© OpenStreetMap contributors" in " ".join(pdf_pages_text(out))


def test_maps_are_vector_and_only_the_population_is_an_image(
    poppler, demo, walk_analyses, tmp_path
):
    from ccgeo.report.pdf import write_report

    result, _, _ = walk_analyses
    out = write_report(demo, result, tmp_path / "maps.pdf")
    texts = pdf_pages_text(out)
    images = images_per_page(out)
    map_page = section_start(texts, "Coverage map")
    # the underserved map follows its table, on the section's first or second page
    under_page = next(
        i
        for i in (section_start(texts, "Underserved areas"),) * 2
        for i in (i, i + 1)
        if "Legend" in texts[i - 1]
    )
    assert images.get(map_page, 0) == 0  # bands, roads, districts, labs: all vector
    assert images.get(under_page, 0) == 1  # the population shading
    assert sum(images.values()) == 1
    assert "Underserved: beyond 60 min" in texts[under_page - 1]


def test_cancel_leaves_no_file(demo, car_result, tmp_path):
    from ccgeo.report.pdf import write_report

    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        write_report(demo, car_result, tmp_path / "r.pdf", cancel=cancel)
    assert list(tmp_path.iterdir()) == []


def test_cancel_midway_leaves_no_file(demo, car_result, tmp_path):
    from ccgeo.report.pdf import write_report

    cancel = threading.Event()

    def progress(fraction: float, _text: str) -> None:
        if fraction > 0.5:
            cancel.set()

    with pytest.raises(Cancelled):
        write_report(demo, car_result, tmp_path / "r.pdf", progress=progress, cancel=cancel)
    assert list(tmp_path.iterdir()) == []


def test_bad_options_and_places_are_input_errors(demo, car_result, tmp_path):
    from ccgeo.report.pdf import write_report

    with pytest.raises(InputError, match="`paper` should be one of a4, letter, got 'a3'"):
        write_report(demo, car_result, tmp_path / "r.pdf", paper="a3")
    with pytest.raises(InputError, match="`orientation` should be one of portrait, landscape"):
        write_report(demo, car_result, tmp_path / "r.pdf", orientation="sideways")
    with pytest.raises(InputError, match="does not exist"):
        write_report(demo, car_result, tmp_path / "missing" / "r.pdf")
    with pytest.raises(InputError, match="should be an AccessResult"):
        write_report(demo, car_result.summary(), tmp_path / "r.pdf")  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_existing_report_replaced_only_when_complete(poppler, demo, car_result, tmp_path):
    from ccgeo.report.pdf import write_report

    target = tmp_path / "r.pdf"
    target.write_bytes(b"old report")
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        write_report(demo, car_result, target, cancel=cancel)
    assert target.read_bytes() == b"old report"
    write_report(demo, car_result, target, paper="letter")
    assert target.read_bytes().startswith(b"%PDF")


def test_coverage_rows_follow_the_coverage_table(car_result):
    from ccgeo.report.pdf import coverage_rows

    table = coverage_rows(car_result)
    thresholds = car_result.settings["thresholds_minutes"]
    assert len(table.columns) == 2 + 2 * len(thresholds) + 2
    cov = car_result.coverage
    assert len(table.rows) == cov["district_id"].nunique()
    assert table.emphasis == frozenset({0})
    for row, (_, group) in zip(table.rows, cov.groupby("district_id", sort=False), strict=True):
        assert row[0] == group["district_name"].iloc[0]
        assert row[1] == format_people(group["population"].iloc[0])
        for k, rec in enumerate(group.itertuples()):
            assert row[2 + 2 * k] == format_people(rec.covered)
            assert row[3 + 2 * k] == format_share(rec.share)


# -- the words: Qt-free --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (812934.6, "812,935"),
        (0, "0"),
        (1849999.9995, "1,850,000"),
        (float("nan"), "–"),
        (None, "–"),
    ],
)
def test_format_people(value, text):
    assert format_people(value) == text


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (1.0, "100.0 %"),
        (0.999, "99.9 %"),
        (0.9996, "> 99.9 %"),  # not everyone: never printed as 100 %
        (0.0004, "< 0.1 %"),
        (0.0, "0.0 %"),
        (0.5482, "54.8 %"),
        (float("nan"), "–"),
    ],
)
def test_format_share_never_rounds_to_everyone_or_no_one(value, text):
    assert format_share(value) == text


def test_format_minutes():
    assert format_minutes(7.25) == "7.2 min"
    assert format_minutes(87.4) == "87 min"
    assert format_minutes(math.inf) == "unreachable"
    assert format_minutes(None) == "–"


def test_speed_table_groups_classes_by_speed():
    car = get_profile("car")
    table = speed_profile_table(car)
    speeds = [float(r[0]) for r in table.rows]
    assert speeds == sorted(set(speeds), reverse=True)
    listed = {c for r in table.rows for c in r[1].split(", ")}
    assert listed == {k.replace("_", " ") for k in car.speeds_kmh}
    assert table.rows[0] == (f"{max(car.speeds_kmh.values()):g}", "motorway")


def test_methods_state_the_settings_used(car_result):
    car = get_profile("car")
    blocks = methods_blocks(
        car_result.settings, network_summary=car_result.network_summary, profile=car
    )
    text = " ".join(
        b.text if isinstance(b, Heading | Paragraph) else " ".join(map(" ".join, b.rows))
        for b in blocks
        if isinstance(b, Heading | Paragraph | Table)
    )
    assert "inclusive" in text
    assert "Thresholds used: 30 min, 60 min, 120 min" in text
    assert "5 km/h" in text
    assert "1,000 m" in text
    assert "Speed profile: car" in text
    for source in SOURCES:
        assert source.cited() in text  # with its percentages: "(8.9 % of people"
    filtered = methods_blocks({**car_result.settings, "capability": "pcr", "quality": "eqa"})
    assert any(
        isinstance(b, Paragraph) and "PCR" in b.text and "external quality" in b.text
        for b in filtered
    )


def test_data_sources_give_file_dates(tmp_path):
    roads = tmp_path / "city.osm.pbf"
    roads.write_bytes(b"x")
    stamp = dt.datetime(2024, 3, 5, 12, tzinfo=dt.UTC).timestamp()
    os.utime(roads, (stamp, stamp))
    project = Project(
        name="Test city",
        metadata={
            "synthetic": False,
            "sources": [
                {"layer": "roads", "path": str(roads), "read_at": "2026-01-02T03:04:05+00:00"},
                {"layer": "facilities", "path": str(tmp_path / "gone.csv"), "read_at": ""},
            ],
        },
    )
    blocks = data_sources_blocks(project)
    table = next(b for b in blocks if isinstance(b, Table))
    assert table.rows[0][:4] == ("roads", "city.osm.pbf", "2024-03-05", "2026-01-02 03:04 UTC")
    assert table.rows[1][:3] == ("facilities", "gone.csv", "file not found")
    assert not any(isinstance(b, Paragraph) and "synthetic" in b.text for b in blocks)


# -- the map's extent -----------------------------------------------------------------------------

#: An area inside the demo city, wider (11 km) than tall (9 km), degrees.
ASKED = (34.45, -8.55, 34.55, -8.47)


def printed_extent(text: str) -> tuple[float, float, float, float]:
    """The "Map area: …" a map page prints, as (min_lon, min_lat, max_lon, max_lat) degrees."""
    deg = r"([\d.]+)°([EWNS])"
    found = re.search(rf"Map area: {deg} – {deg}, {deg} – {deg}", text)
    assert found, "the map page does not say which area it shows"
    v = [float(found[i]) * (-1 if found[i + 1] in "WS" else 1) for i in (1, 3, 5, 7)]
    return v[0], v[2], v[1], v[3]


def _longest_run(mask: np.ndarray) -> slice:
    best, start = slice(0, 0), None
    for i, on in enumerate([*mask.tolist(), False]):
        if on and start is None:
            start = i
        elif not on and start is not None:
            if i - start > best.stop - best.start:
                best = slice(start, i)
            start = None
    return best


def map_frame_share(pdf: Path, page: int, out_dir: Path) -> float:
    """Share of the page the map frame covers, as poppler renders it: the largest block of rows,
    then of columns in them, that are mostly ink (the map's land colour counts as ink)."""
    prefix = out_dir / f"frame-{page}"
    subprocess.run(
        ["pdftoppm", "-r", str(RENDER_DPI), "-f", str(page), "-l", str(page), str(pdf), prefix],
        check=True,
        capture_output=True,
    )
    magic, size, _depth, raw = (
        next(out_dir.glob(f"{prefix.name}*.ppm")).read_bytes().split(b"\n", 3)
    )
    assert magic == b"P6"
    w, h = map(int, size.split())
    inked = (np.frombuffer(raw, dtype=np.uint8).reshape(h, w, 3) < 245).any(axis=2)
    rows = _longest_run(inked.mean(axis=1) > 0.6)
    cols = _longest_run(inked[rows].mean(axis=0) > 0.9)
    return (rows.stop - rows.start) * (cols.stop - cols.start) / (w * h)


@pytest.mark.parametrize(("paper", "orientation"), [("a4", "portrait"), ("letter", "landscape")])
def test_the_map_fills_its_page_and_shows_the_area_asked(
    poppler, demo, car_result, tmp_path, paper, orientation
):
    from ccgeo.report.pdf import write_report

    out = write_report(
        demo, car_result, tmp_path / "r.pdf", paper=paper, orientation=orientation, extent=ASKED
    )
    texts = pdf_pages_text(out)
    page = section_start(texts, "Coverage map")
    text = texts[page - 1]
    assert map_frame_share(out, page, tmp_path) > 0.5
    shown = printed_extent(text)
    # all of the area asked is shown, widened in one direction only to the frame's shape
    tolerance = 0.0002  # degrees, about 20 m: the report prints four decimals
    assert shown[0] <= ASKED[0] + tolerance
    assert shown[1] <= ASKED[1] + tolerance
    assert shown[2] >= ASKED[2] - tolerance
    assert shown[3] >= ASKED[3] - tolerance
    lon_span, lat_span = shown[2] - shown[0], shown[3] - shown[1]
    asked_lon, asked_lat = ASKED[2] - ASKED[0], ASKED[3] - ASKED[1]
    fits = [abs(lon_span / asked_lon - 1) < 0.005, abs(lat_span / asked_lat - 1) < 0.005]
    assert any(fits)
    # the centre stays where it was asked
    assert (shown[0] + shown[2]) / 2 == pytest.approx((ASKED[0] + ASKED[2]) / 2, abs=tolerance)
    assert (shown[1] + shown[3]) / 2 == pytest.approx((ASKED[1] + ASKED[3]) / 2, abs=tolerance)
    # the map's title, sources and date
    assert "Vila Demo (synthetic)" in text
    assert "Sources: roads demo_city.osm.pbf" in text
    assert f"printed {dt.date.today().strftime('%d %B %Y').lstrip('0')}" in text


def test_the_whole_study_area_by_default(poppler, demo, car_result, tmp_path):
    from ccgeo.render.build import project_extent_lonlat
    from ccgeo.report.pdf import write_report

    out = write_report(demo, car_result, tmp_path / "r.pdf")
    texts = pdf_pages_text(out)
    page = section_start(texts, "Coverage map")
    shown = printed_extent(texts[page - 1])
    study = project_extent_lonlat(demo)
    assert shown[0] < study[0]
    assert shown[1] < study[1]
    assert shown[2] > study[2]
    assert shown[3] > study[3]
    assert map_frame_share(out, page, tmp_path) > 0.5


def test_a_bad_extent_says_every_problem(demo, car_result, tmp_path):
    from ccgeo.report.pdf import write_report

    with pytest.raises(InputError) as caught:
        write_report(demo, car_result, tmp_path / "r.pdf", extent=(34.6, -95, 34.4, -8.4))
    text = str(caught.value)
    assert "min_lat -95 is outside -90..90" in text
    assert "min_lon 34.6 is not below max_lon 34.4" in text
    swapped = (-8.55, 34.45, -8.47, 34.55)
    with pytest.raises(InputError, match=r"misses the study area .*swapped"):
        write_report(demo, car_result, tmp_path / "r.pdf", extent=swapped)
    with pytest.raises(InputError, match="should be four numbers"):
        write_report(demo, car_result, tmp_path / "r.pdf", extent=(1, 2, 3))
    assert list(tmp_path.iterdir()) == []


def test_the_maps_are_drawn_on_the_projects_base_map(poppler, demo, car_result, tmp_path):
    """The printed map reads like the one on screen: the base map from the project's own OSM
    data (water, parks, place names) under the bands, its classes in the legend."""
    from ccgeo.report.pdf import write_report
    from ccgeo.styles import BASEMAP_AREA_FILLS

    assert demo.basemap is not None
    assert not demo.basemap.is_empty
    with_base = write_report(demo, car_result, tmp_path / "base.pdf")
    texts = pdf_pages_text(with_base)
    page = section_start(texts, "Coverage map")
    assert "Water" in texts[page - 1]
    place = str(demo.basemap.place_name[0])
    assert place in texts[page - 1]

    kept, demo.basemap = demo.basemap, None
    try:
        without = write_report(demo, car_result, tmp_path / "bare.pdf")
    finally:
        demo.basemap = kept
    assert "Water" not in pdf_pages_text(without)[page - 1]

    water = np.array([int(BASEMAP_AREA_FILLS["water"][i : i + 2], 16) for i in (1, 3, 5)])

    def water_pixels(pdf: Path) -> int:
        prefix = tmp_path / f"{pdf.stem}-map"
        subprocess.run(
            ["pdftoppm", "-r", "60", "-f", str(page), "-l", str(page), str(pdf), prefix],
            check=True,
            capture_output=True,
        )
        magic, size, _depth, raw = (
            next(tmp_path.glob(f"{prefix.name}*.ppm")).read_bytes().split(b"\n", 3)
        )
        assert magic == b"P6"
        w, h = map(int, size.split())
        rgb = np.frombuffer(raw, dtype=np.uint8).reshape(h, w, 3).astype(int)
        return int((np.abs(rgb - water).max(axis=2) <= 6).sum())

    assert water_pixels(with_base) > 50
    assert water_pixels(without) == 0
