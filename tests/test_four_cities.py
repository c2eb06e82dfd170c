"""The four-city test set of the readiness comparison (issue 14): Porto Alegre, Oaxaca de Juárez,
the demo city and Nairobi, compared by the Python API and by ``ccgeo compare``.

Nairobi's roads are **synthetic** (a street grid over the county boundary: there is no Nairobi
road file), and its lab capabilities are a synthetic assignment by KEPH level and facility type
(`citykit.NAIROBI_CAPABILITY_RULE`); Porto Alegre's and Oaxaca's capabilities, and Oaxaca's
population, are the ``_synthetic`` files of ``../shared/data``. No value here describes a real lab.
Run with ``-s`` to see the four cities' headline indicators.
"""

from __future__ import annotations

import importlib.util
import json
from typing import TYPE_CHECKING

import pandas as pd
import pytest
from citykit import CITY_NAMES, FourCities, build_four_cities

if TYPE_CHECKING:
    from pathlib import Path

    from ccgeo.analysis.readiness.evidence import Comparison

#: The test compared (every city has PCR labs) and the quality levels, kept few for speed.
TEST = "pcr"
QUALITIES = ("any", "eqa")
HEADLINE = ("coverage_30min", "coverage_60min", "coverage_120min", "coverage_60min_gap")
TIDY = ["city", "test", "quality", "indicator", "value", "unit", "level"]


def _needs(module: str) -> None:
    if importlib.util.find_spec(module) is None:
        pytest.skip(f"{module} is not there yet (the comparison task of issue 14)")


@pytest.fixture(scope="module")
def four(shared_data: Path, tmp_path_factory: pytest.TempPathFactory) -> FourCities:
    """The four cities, saved as projects once for the module (Nairobi: synthetic roads)."""
    return build_four_cities(shared_data, tmp_path_factory.mktemp("four_cities"))


@pytest.fixture(scope="module")
def comparison(four: FourCities) -> Comparison:
    _needs("ccgeo.tasks.compare")
    from ccgeo.tasks.compare import compare_projects

    return compare_projects(four.paths, tests=(TEST,), qualities=QUALITIES)


def test_the_four_projects_hold_every_layer_of_a_city(four):
    from ccgeo.project import open_project

    projects = [open_project(p) for p in four.paths]
    assert [p.name for p in projects] == list(CITY_NAMES)
    for project in projects:
        missing = [n for n in ("roads", "facilities", "demand") if getattr(project, n) is None]
        assert not missing, f"{project.name} has no {missing}"
        assert project.facilities.gdf[TEST].astype(bool).any(), project.name
        assert project.demand.total_population > 0
    nairobi = projects[-1]
    assert nairobi.roads.source == "synthetic"  # the grid of citykit, said so
    assert nairobi.demand.total_population == pytest.approx(4_397_073)  # the 2019 census
    assert len(nairobi.districts) == 84  # its wards


def test_the_comparison_is_one_tidy_table_of_the_four_cities(comparison):
    table = comparison.indicators
    assert list(table.columns) == TIDY
    assert list(dict.fromkeys(table["city"])) == list(CITY_NAMES)
    assert set(table["test"]) == {TEST}
    coverage = table[table["indicator"].str.fullmatch(r"coverage_\d+min")]
    assert set(coverage["quality"]) == set(QUALITIES)
    assert coverage["value"].between(0, 100).all()
    for city in CITY_NAMES:  # every city has its three coverage values for both qualities
        assert len(coverage[coverage["city"] == city]) == 3 * len(QUALITIES)
    levels = table["level"].dropna()
    assert levels.isin([1, 2, 3, 4, 5]).all()
    assert table.loc[table["level"].isna(), "value"].isna().any()  # missing values stay missing
    _print_headline(table)


def _print_headline(table: pd.DataFrame) -> None:
    rows = table[(table["indicator"].isin(HEADLINE)) & (table["quality"] == "any")]
    wide = rows.pivot_table(index="city", columns="indicator", values="value", sort=False)
    levels = rows.pivot_table(index="city", columns="indicator", values="level", sort=False)
    print(f"\nHeadline indicators, {TEST.upper()} (any lab), % of people; levels (draft scale):")
    print(wide.round(1).reindex(columns=list(HEADLINE)).to_string())
    print(levels.reindex(columns=list(HEADLINE[:-1])).to_string())


def test_ccgeo_compare_writes_its_files(four, tmp_path):
    _needs("ccgeo.cli.compare")
    from ccgeo.cli import main
    from ccgeo.cli.parser import build_parser

    out = tmp_path / "out"
    args = ["compare", *map(str, four.paths), "--out", str(out), "--tests", TEST]
    try:
        build_parser().parse_args(args)
    except SystemExit:
        pytest.skip("`ccgeo compare` is not a command of the parser yet (issue 14)")
    code = main(args)
    assert code == 0
    for name in ("indicators.csv", "indicators.xlsx", "districts.csv", "curves.csv"):
        assert (out / name).stat().st_size > 0, name
    table = pd.read_csv(out / "indicators.csv")
    assert list(table.columns) == TIDY
    assert list(dict.fromkeys(table["city"])) == list(CITY_NAMES)
    log = json.loads((out / "run_log.json").read_text(encoding="utf-8"))
    assert len(log["cities"]) == 4
