"""File ▸ Import ▸ Population… with a folder of WorldPop age/sex rasters, as a user."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import rasterio
from conftest import LAT0, LON0
from helpers import click, open_window, tick, type_into
from rasterio.transform import from_origin

#: People of each WorldPop raster in every cell of its 3 × 3 grid over the tiny city.
PEOPLE = {"f_0": 1.0, "f_80": 2.0, "m_0": 1.5, "m_80": 0.5}


def _write(path: Path, value: float) -> None:
    transform = from_origin(LON0 - 0.012, LAT0 + 0.012, 0.008, 0.008)
    profile = {"driver": "GTiff", "width": 3, "height": 3, "count": 1, "dtype": "float32"}
    profile |= {"crs": "EPSG:4326", "transform": transform, "nodata": -99.0}
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(np.full((3, 3), value, dtype=np.float32), 1)


@pytest.fixture
def worldpop(tmp_path: Path) -> Path:
    folder = tmp_path / "worldpop"
    folder.mkdir()
    for band, value in PEOPLE.items():
        _write(folder / f"mex_{band}_2020_constrained.tif", value)
    _write(folder / "mexico_population.tif", 9.0)  # not a WorldPop age/sex name
    return folder


def test_a_worldpop_folder_is_previewed_and_imported(qtbot, tiny_project, worldpop):
    win = open_window(qtbot, tiny_project)
    dialog = win.data_tools.open_layer_import("population")
    assert dialog.worldpop_radio.isVisible()
    assert not dialog.age_sex_label.isVisible()
    tick(qtbot, dialog.worldpop_radio)
    type_into(qtbot, dialog.path_edit, str(worldpop), enter=False)
    preview = dialog.age_sex_label
    assert preview.isVisible()
    assert "4 columns by sex and age: pop_f_0_0, pop_f_80_plus, pop_m_0_0, pop_m_80_plus" in (
        preview.text()
    )
    assert "left out: mexico_population.tif" in preview.text()
    with qtbot.waitSignal(dialog.loaded, timeout=20_000):
        click(qtbot, dialog.import_button)
    demand = win.project.demand
    columns = ["pop_f_0_0", "pop_f_80_plus", "pop_m_0_0", "pop_m_80_plus"]
    assert [c for c in demand.gdf.columns if c.startswith("pop_")] == columns
    # nine whole cells inside the districts: 5 people each, as the four rasters add up
    assert demand.total_population == pytest.approx(9 * sum(PEOPLE.values()))
    assert demand.gdf["pop_f_80_plus"].sum() == pytest.approx(18.0)
    assert win.project.metadata["sources"][-1]["path"] == str(worldpop)
    win.close()


def test_a_folder_without_worldpop_rasters_says_so(qtbot, tiny_project, tmp_path):
    win = open_window(qtbot, tiny_project)
    dialog = win.data_tools.open_layer_import("population")
    tick(qtbot, dialog.worldpop_radio)
    type_into(qtbot, dialog.path_edit, str(tmp_path), enter=False)
    assert dialog.age_sex_label.isVisible()
    assert "holds no WorldPop age/sex raster" in dialog.age_sex_label.text()
    tick(qtbot, dialog.file_radio)
    assert not dialog.age_sex_label.isVisible()
    win.close()
