"""``ccgeo progress`` and `progress_of_projects`: a tiny city before and after a PCR hub opens
beside its far district (``tests/progresskit.py``), written as a table, a page, a PDF and the run
log of each version, from the one engine the app uses too."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import threading
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from progresskit import NAME, save_versions, version

import ccgeo
from ccgeo.analysis.readiness.progress import PROGRESS_COLUMNS
from ccgeo.analysis.readiness.scorecard import draft_note, load_readiness
from ccgeo.cli import main
from ccgeo.errors import Cancelled, InputError
from ccgeo.tasks.compare import progress_names, progress_of_projects

TESTS = "pcr,ihc"
poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="pdftotext and pdftoppm (poppler-utils) read the PDF",
)


@pytest.fixture(scope="module")
def versions(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return save_versions(tmp_path_factory.mktemp("versions"))


@pytest.fixture(scope="module")
def cli_out(versions: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("progress")
    before, after = map(str, versions)
    assert main(["progress", before, after, "--out", str(out), "--tests", TESTS, "-q"]) == 0
    return out


def _csv(out: Path) -> pd.DataFrame:
    return pd.read_csv(out / "progress.csv", keep_default_na=False, na_values=[""])


def test_the_cli_writes_every_file(cli_out: Path) -> None:
    names = (
        "progress.csv",
        "progress.xlsx",
        "progress.html",
        "progress.pdf",
        "run_log_progress_baseline.json",
        "run_log_progress_after.json",
    )
    for name in names:
        assert (cli_out / name).is_file(), name
        assert (cli_out / name).stat().st_size > 0, name
    table = _csv(cli_out)
    assert tuple(table.columns) == PROGRESS_COLUMNS
    sheet = pd.read_excel(cli_out / "progress.xlsx", sheet_name="progress")
    assert tuple(sheet.columns) == PROGRESS_COLUMNS
    assert len(sheet) == len(table)


def test_the_change_is_after_minus_before(cli_out: Path) -> None:
    table = _csv(cli_out)
    both = table["before"].notna() & table["after"].notna()
    assert both.sum() > 10
    np.testing.assert_allclose(
        table.loc[both, "change"], table.loc[both, "after"] - table.loc[both, "before"]
    )
    assert table.loc[~both, "change"].isna().all()


def test_the_new_hub_moves_pcr_in_the_far_district_and_not_ihc(cli_out: Path) -> None:
    """People at 10, 30 and 190 minutes (100, 200, 300 of them): the hub beside the 300 lifts
    30-minute PCR coverage from 50 % to 100 %, district B's from 0 % to 100 %; IHC stays."""
    table = _csv(cli_out)
    key = (table["indicator"] == "coverage_30min") & (table["quality"] == "any")
    pcr = table[key & (table["test"] == "pcr") & (table["scope"] == "city")]
    assert pcr[["before", "after", "change"]].to_numpy().tolist() == [[50.0, 100.0, 50.0]]
    far = table[key & (table["test"] == "pcr") & (table["district_id"] == "B")]
    assert far[["before", "after"]].to_numpy().tolist() == [[0.0, 100.0]]
    ihc = table[(table["test"] == "ihc") & table["change"].notna()]
    assert (ihc["change"] == 0).all()


def test_the_run_logs_name_each_version_and_its_command(cli_out, versions) -> None:
    for name, path in zip(("baseline", "after"), versions, strict=True):
        log = json.loads((cli_out / f"run_log_progress_{name}.json").read_text("utf-8"))
        assert log["project"] == str(path)
        assert log["command"].startswith("ccgeo progress ")
        assert ccgeo.__version__ in log["ccgeo"]
        assert log["city"] == f"{NAME} ({name}: {path.stem})"
        assert log["tests"] == TESTS.split(",")


def test_the_page_says_what_changed_first_and_is_offline(cli_out: Path) -> None:
    page = (cli_out / "progress.html").read_text(encoding="utf-8")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "http://" not in page
    assert "https://" not in page
    assert "<link" not in page
    assert "@import" not in page
    changed = page.index("What changed")
    assert changed < page.index("before and after") < page.index("coverage rose most")
    assert "30-minute coverage of PCR rose from 50.0 % to 100.0 % (+50.0 pts)" in page
    assert "most in District B (+100.0 pts)" in page
    assert "Draft scale" in page


@poppler
def test_the_pdf_renders_and_says_a_sentence_and_draft(cli_out: Path, tmp_path: Path) -> None:
    pdf = cli_out / "progress.pdf"
    subprocess.run(["pdftoppm", "-r", "24", "-png", str(pdf), str(tmp_path / "p")], check=True)
    assert sorted(tmp_path.glob("p*.png"))
    run = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True)
    text = " ".join(run.stdout.replace("\xa0", " ").replace("\u202f", " ").split())
    assert "30-minute coverage of PCR rose from 50.0 % to 100.0 % (+50.0 pts)" in text
    assert "draft" in text.lower()
    assert " ".join(draft_note(load_readiness()).split()) in text
    assert "District B" in text


def test_the_cli_and_the_api_give_the_same_table(cli_out, versions) -> None:
    found = ccgeo.progress_of_projects(*versions, tests=TESTS.split(","))
    table = _csv(cli_out)
    api = found.table
    assert len(api) == len(table)
    assert list(table["indicator"]) == list(api["indicator"])
    for column in ("before", "after", "change"):
        np.testing.assert_allclose(table[column], api[column], equal_nan=True)


def test_same_names_are_told_apart_by_baseline_and_after(cli_out: Path) -> None:
    assert progress_names([NAME, NAME], ["v1", "v2"]) == [
        f"{NAME} (baseline: v1)",
        f"{NAME} (after: v2)",
    ]
    assert progress_names(["Old town", "New town"], ["v1", "v2"]) == ["Old town", "New town"]
    page = (cli_out / "progress.html").read_text(encoding="utf-8")
    assert f"{NAME} (baseline: baseline) → {NAME} (after: new_hub)" in page


def test_projects_in_memory_and_nothing_changed() -> None:
    same = version(new_hub=False)
    found = progress_of_projects(same, version(new_hub=False), tests=["pcr"])
    assert found.sentences == ["Nothing changed between the two versions."]
    assert (found.table["change"].dropna() == 0).all()


def test_cancel_stops_it(versions) -> None:
    cancel = threading.Event()
    cancel.set()
    with pytest.raises(Cancelled):
        progress_of_projects(*versions, cancel=cancel)


def test_a_missing_version_is_named(tmp_path: Path, versions) -> None:
    with pytest.raises(InputError, match=r"nowhere\.ccgeo"):
        progress_of_projects(versions[0], tmp_path / "nowhere.ccgeo")
