"""The fuzz folder: its kit on the path, and its tally printed at the end of the run and
written for the runner (a package, so that this conftest does not shadow tests/gui's)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

# the fuzz tests import their kit (`fuzzkit`) as a sibling module, as tests/bench does
FUZZ_DIR = str(Path(__file__).resolve().parent)
if FUZZ_DIR not in sys.path:
    sys.path.insert(0, FUZZ_DIR)

from fuzzkit import TALLY, dump_tally, thorough_total  # noqa: E402


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Print what the invariant checks counted (cases, tracebacks, unaccounted and moved rows)."""
    if not sum(TALLY.cases.values()):
        return
    tally = TALLY.as_dict()
    profile = f"thorough ({thorough_total()} cases)" if thorough_total() else "quick (CI)"
    terminalreporter.write_sep("-", f"fuzz tally, {profile} profile")
    for key in (
        "cases",
        "tracebacks",
        "unaccounted_rows",
        "moved_rows",
        "wrong_swaps",
        "leaked_warnings",
        "rows_written",
        "rows_checked_in_place",
        "input_errors",
    ):
        terminalreporter.write_line(f"{key}: {tally[key]}")
    terminalreporter.write_line(f"cases by kind: {tally['cases_by_kind']}")
    path = os.environ.get("CCGEO_FUZZ_TALLY")
    if path:
        dump_tally(path)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A failing case may hold a 150,000-character cell: hypothesis warns that printing it is
    costly, and the warning must not hide the failure it goes with."""
    here = Path(__file__).parent
    for item in items:
        if item.path.parent == here:
            item.add_marker(pytest.mark.filterwarnings("ignore:Generating overly large repr"))
