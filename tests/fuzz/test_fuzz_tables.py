"""Fuzzing facility spreadsheets built from real registry rows: CSV/TSV in every encoding,
separator and line end, XLSX and ODS; damaged, truncated and bit-flipped (see `fuzzkit`)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fuzzkit import (
    STUDY_AREAS,
    Written,
    check_facilities,
    examples,
    fail_or_record,
    text_files,
    workbook_files,
    write_case,
)
from hypothesis import given


def _run(written: Written, kind: str, area: Any) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = write_case(Path(tmp), written)
        problems = check_facilities(written, path, kind, study_area=area)
    fail_or_record(problems, data=written.data, suffix=written.suffix)


@examples("text")
@given(text_files(), STUDY_AREAS)
def test_fuzz_delimited_text(written: Written, area: Any) -> None:
    _run(written, "text", area)


@examples("xlsx")
@given(workbook_files(ods=False), STUDY_AREAS)
def test_fuzz_xlsx(written: Written, area: Any) -> None:
    _run(written, "xlsx", area)


@examples("ods")
@given(workbook_files(ods=True), STUDY_AREAS)
def test_fuzz_ods(written: Written, area: Any) -> None:
    _run(written, "ods", area)
