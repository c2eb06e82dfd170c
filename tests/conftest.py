"""Shared fixtures: the real city data in ../shared/data, skipped with a reason when absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = Path(os.environ.get("CCGEO_SHARED_DATA", ROOT.parent / "shared" / "data"))
DEMO_DIR = ROOT / "layers" / "demo"


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """Folder of real city data; tests using it skip when it is not beside the project."""
    if not SHARED_DATA.is_dir():
        pytest.skip(f"real city data not found at {SHARED_DATA} (set CCGEO_SHARED_DATA)")
    return SHARED_DATA


@pytest.fixture(scope="session")
def demo_dir() -> Path:
    """The bundled demo city."""
    return DEMO_DIR
