"""The app entry point: ``python main.py [PROJECT] [--screenshot OUT.png]``."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from helpers import count_colour
from PySide6.QtGui import QColor, QImage

from ccgeo.gui import app as gui_app
from ccgeo.gui import main_window as mw
from ccgeo.styles import BACKGROUND, BAND_OPACITY, FACILITY_STYLES, band_colors

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]


def distinct_colours(image: QImage) -> int:
    img = image.convertToFormat(QImage.Format.Format_RGB32)
    arr = np.frombuffer(img.constBits(), dtype=np.uint32, count=img.width() * img.height())
    return len(np.unique(arr))


def _band_over_background() -> str:
    """The first catchment band's colour as drawn over the map background."""
    band = QColor(band_colors(1)[0])
    back = QColor(BACKGROUND)
    mix = [
        round(BAND_OPACITY * a + (1 - BAND_OPACITY) * b)
        for a, b in zip(band.getRgb()[:3], back.getRgb()[:3], strict=True)
    ]
    return "#{:02X}{:02X}{:02X}".format(*mix)


def test_screenshot_of_the_startup_project(qapp, monkeypatch, tmp_path, project_factory):
    calls = []

    def fake_demo(*, progress=None, cancel=None):
        calls.append(cancel)
        return project_factory("Demo stand-in")

    monkeypatch.setattr(mw, "load_demo", fake_demo)
    out = tmp_path / "shot.png"
    assert gui_app.run(["--screenshot", str(out)]) == 0
    assert len(calls) == 1
    assert calls[0] is not None
    image = QImage(str(out))
    assert image.width() == gui_app.SCREENSHOT_SIZE[0]  # the height: the next test
    assert distinct_colours(image) > 200  # a map, a legend and a toolbar, not a blank window
    # screenshot mode runs the default analysis: the nearest catchment band tints the map
    assert count_colour(image, _band_over_background(), tolerance=10) > 10_000
    assert count_colour(image, FACILITY_STYLES["pcr"].fill, tolerance=2) > 30


def test_the_screenshot_has_the_size_asked(qapp, monkeypatch, tmp_path, project_factory):
    monkeypatch.setattr(mw, "load_demo", lambda **_kw: project_factory("Demo stand-in"))
    out = tmp_path / "shot.png"
    assert gui_app.run(["--screenshot", str(out)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == gui_app.SCREENSHOT_SIZE


def test_screenshot_of_a_project_file(qapp, tmp_path, project_factory):
    from ccgeo.project import save_project

    path = tmp_path / "tiny.ccgeo"
    save_project(project_factory("Saved tiny"), path)
    out = tmp_path / "file.png"
    assert gui_app.run([str(path), "--screenshot", str(out)]) == 0
    assert count_colour(QImage(str(out)), FACILITY_STYLES["ngs"].fill, tolerance=2) > 30


def test_screenshot_of_a_missing_project_fails_cleanly(qapp, tmp_path, capsys):
    out = tmp_path / "never.png"
    missing = tmp_path / "missing.ccgeo"
    assert gui_app.run([str(missing), "--screenshot", str(out)]) == 1
    assert not out.exists()
    err = capsys.readouterr().err
    assert "missing.ccgeo: the project file does not exist" in err
    assert "Traceback" not in err


def test_parser():
    args = gui_app.build_parser().parse_args(["city.ccgeo", "--screenshot", "out.png"])
    assert args.project == Path("city.ccgeo")
    assert args.screenshot == Path("out.png")
    assert gui_app.build_parser().parse_args([]).project is None


@pytest.mark.skipif(
    not (ROOT / "layers" / "demo" / "demo_city.osm.pbf").is_file(),
    reason="the demo city files are not generated (run `ccgeo demo layers/demo`)",
)
def test_main_py_opens_the_demo_city(tmp_path):
    out = tmp_path / "demo.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--screenshot", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    image = QImage(str(out))
    assert distinct_colours(image) > 1000
    for tier in ("ngs", "pcr", "ihc"):
        assert count_colour(image, FACILITY_STYLES[tier].fill, tolerance=2) > 20, tier
