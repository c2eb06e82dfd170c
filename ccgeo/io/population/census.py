"""Census tables of population per district, joined to the district polygons by name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely

from ccgeo.errors import InputError
from ccgeo.geo import local_utm_crs
from ccgeo.i18n import _, ngettext
from ccgeo.io.population.agesex import ALL_AGES, census_band_column
from ccgeo.io.population.common import (
    _DISTRICT_NAME_NAMES,
    MAX_PEOPLE,
    _as_text,
    _check_path,
    _find_column,
    _first_text_column,
    _fmt_people,
    _listing,
    _name_key,
    _parse_numbers,
    _population_column,
    _require_column,
    _rows_warning,
    count_warning,
    row_label,
)
from ccgeo.io.tables import read_table
from ccgeo.model.demand import Demand, PopulationReport

# a census table's total row ("NAIROBI CITY" is recognised by its sum, these by name)
_TOTAL_WORDS = ("total", "totals", "all", "overall", "todos", "todas", "tous", "grand total")


def read_population_table(
    path: str | Path,
    districts: gpd.GeoDataFrame,
    *,
    district_column: str | None = None,
    population_column: str | None = None,
    sheet: str | int | None = None,
) -> Demand:
    """Join a census table of population per district to district polygons.

    Names are matched loosely (case, accents, spaces, hyphens and punctuation ignored), first
    against the districts' ``name``, then against their ``district_id``. A row that holds the
    total of the others (by its name, "Total", or because its population equals their sum) is
    left out with a warning. A name shared by several polygons has its people split among them
    by area.

    Parameters
    ----------
    path
        CSV, XLSX, ODS or JSON table with one row per district.
    districts
        District polygons from `read_districts` (EPSG:4326).
    district_column, population_column
        Column names, overriding the guess.
    sheet
        Sheet of a workbook.

    Returns
    -------
    Demand
        ``kind="district_table"``: one point per matched district, at a point inside its
        polygon, with ``demand_id`` and ``district_id`` equal to the district's id.

    Raises
    ------
    InputError
        When no name matches (the message lists names of both sides), or columns are missing.
    """
    path = _check_path(path, expected=_("a table of population per district"))
    if districts is None or districts.empty:
        msg = _("no district polygons to join the table to; read the district boundaries first")
        raise InputError(msg, path=path)
    table = read_table(path, sheet=sheet)
    columns = [str(c) for c in table.columns]
    pop_col = _population_column(columns, population_column, path=path)
    name_col = _district_name_column(table, columns, district_column, pop_col=pop_col, path=path)
    warnings: list[str] = []
    census = _census_rows(table, name_col=name_col, pop_col=pop_col, warnings=warnings)
    band_names, band_people = _age_sex_rows(
        table, census, skip=(pop_col, name_col), path=path, warnings=warnings
    )
    shares, matched_district, unmatched_rows = _spread_over_districts(
        census, districts, warnings=warnings
    )
    people_per_district = _per_district(census.population, shares, len(districts))
    bands = dict(zip(band_names, _per_district(band_people, shares, len(districts)).T, strict=True))
    _report_unmatched(
        census,
        districts,
        matched_district,
        unmatched_rows,
        name_col=name_col,
        path=path,
        warnings=warnings,
    )

    gdf = _district_points(districts, people_per_district, matched_district, bands)
    if gdf.empty:
        msg = _("the matched districts have no people in {column!r}").format(column=pop_col)
        raise InputError(msg, path=path)
    source = f"{path} + {districts.attrs.get('source', 'districts')}"
    report = _census_report(path, census, unmatched_rows, gdf, warnings=warnings)
    return Demand(
        gdf,
        source=source,
        kind="district_table",
        cell_size_m=None,
        warnings=tuple(warnings),
        report=report,
    )


def _census_report(
    path: Path,
    census: _CensusRows,
    unmatched_rows: list[int],
    gdf: gpd.GeoDataFrame,
    *,
    warnings: list[str],
) -> PopulationReport:
    """Where the people of every row went: into their district, or not located (a row without
    a name or whose name matches no polygon). A row of totals holds nobody of its own."""
    population = census.population
    people = ~census.is_total & (population > 0)
    not_located = people & ~census.use
    not_located[unmatched_rows] = people[unmatched_rows]
    return PopulationReport(
        file=path.name,
        unit="rows",
        rows_in_file=len(population),
        people_in_file=float(population[people].sum(dtype=np.float64)),
        rows_with_people=int(people.sum()),
        not_located_people=float(population[not_located].sum(dtype=np.float64)),
        not_located_rows=int(not_located.sum()),
        counted_zero_rows=int(census.unusable.sum()),
        above_max_rows=int(census.too_many.sum()),
        no_district_people=0.0,
        no_district_rows=0,
        warnings=tuple(warnings),
    )


def _district_points(
    districts: gpd.GeoDataFrame,
    people_per_district: np.ndarray,
    matched_district: np.ndarray,
    bands: dict[str, np.ndarray],
) -> gpd.GeoDataFrame:
    """One demand point per matched district with people, at a point inside its polygon, with
    its people by sex and age (``bands``: people per polygon of each ``pop_<sex>_<band>``)."""
    d_ids = districts["district_id"].to_numpy(dtype=object)
    keep = matched_district & (people_per_district > 0)
    points = districts.geometry.to_numpy()[keep]
    return gpd.GeoDataFrame(
        {
            "demand_id": d_ids[keep],
            "population": people_per_district[keep],
            "district_id": d_ids[keep],
            **{column: people[keep] for column, people in bands.items()},
        },
        geometry=gpd.GeoSeries(shapely.point_on_surface(points), crs="EPSG:4326"),
        crs="EPSG:4326",
    )


@dataclass(frozen=True)
class _CensusRows:
    """The rows of a census table, with people counted as 0 where the cell was unusable."""

    names: np.ndarray
    #: the names compared loosely (`_name_key`)
    keys: np.ndarray
    #: row numbers as a spreadsheet shows them
    numbers: np.ndarray
    population: np.ndarray
    #: rows to match to districts: named, and not the total of the others
    use: np.ndarray
    #: rows holding the total of the others (not people of their own)
    is_total: np.ndarray
    #: rows whose count could not be used (counted as 0), and of them those above MAX_PEOPLE
    unusable: np.ndarray
    too_many: np.ndarray


def _district_name_column(
    table: pd.DataFrame,
    columns: Sequence[str],
    district_column: str | None,
    *,
    pop_col: str,
    path: Path,
) -> str:
    """The column of district names: the one given (checked), else guessed."""
    if district_column is not None:
        return _require_column(
            columns, district_column, what=_("district name column"), argument="district_column"
        )
    found = _find_column(columns, _DISTRICT_NAME_NAMES, skip=[pop_col])
    name_col = found or _first_text_column(table, [c for c in columns if c != pop_col]) or ""
    if not name_col:
        msg = _(
            "found no column of district names among {columns}; pass `district_column=`"
        ).format(columns=", ".join(map(repr, columns)))
        raise InputError(msg, path=path)
    return name_col


def _census_rows(
    table: pd.DataFrame, *, name_col: str, pop_col: str, warnings: list[str]
) -> _CensusRows:
    """Names and people per row; rows without a count, without a name or with the total listed."""
    first = int(table.attrs.get("first_row_number", 2))
    names = _as_text(table[name_col]).to_numpy(dtype=object)
    rows = np.arange(len(table)) + first
    labels = [f"{row_label(rows[i])} {names[i]!r}" for i in range(len(table))]
    counts = _usable_counts(table[pop_col], labels, warnings=warnings)
    population = counts.people
    no_name = names == ""
    if no_name.any():
        items = [
            _("row {row} ({people} people)").format(row=rows[i], people=_fmt_people(population[i]))
            for i in np.flatnonzero(no_name)
        ]
        template = ngettext(
            "{count} row has no {column!r}, left out: {items}",
            "{count} rows have no {column!r}, left out: {items}",
            len(items),
        )
        warnings.append(_rows_warning(template, items, column=name_col))
    keys = np.array([_name_key(n) for n in names], dtype=object)
    is_total = _total_rows(keys, population, ~no_name)
    for i in np.flatnonzero(is_total):
        warnings.append(
            _(
                "row {row} {name!r} ({people} people) is the total of the other rows; "
                "left out so that nobody is counted twice"
            ).format(row=rows[i], name=names[i], people=_fmt_people(population[i]))
        )
    return _CensusRows(
        names=names,
        keys=keys,
        numbers=rows,
        population=population,
        use=~no_name & ~is_total,
        is_total=is_total,
        unusable=counts.unusable,
        too_many=counts.too_many,
    )


@dataclass(frozen=True)
class _Counts:
    """People of a column per row, 0 where the cell was unusable."""

    people: np.ndarray
    #: rows whose cell could not be used (missing, not a number, negative, too large)
    unusable: np.ndarray
    #: of those, rows above `MAX_PEOPLE`
    too_many: np.ndarray


def _usable_counts(
    values: pd.Series, labels: Sequence[str], *, warnings: list[str], file: str = ""
) -> _Counts:
    """The counts of a column, each unusable cell counted as 0 and named in a warning (by its
    row's label, and by ``file`` when given)."""
    column = str(values.name)
    people, missing, bad = _parse_numbers(values)
    negative = np.isfinite(people) & (people < 0)
    too_many = np.isposinf(people) | (np.isfinite(people) & (people > MAX_PEOPLE))
    bad = bad & ~too_many  # 1e400 is a number, too large: said as such
    for mask, problem in (
        (missing, "missing"),
        (bad, "not_a_number"),
        (negative, "negative"),
        (too_many, "too_many"),
    ):
        if mask.any():
            items = [labels[i] for i in np.flatnonzero(mask)]
            warning = count_warning(problem, items, column, features=False)
            warnings.append(
                _("{file}: {warning}").format(file=file, warning=warning) if file else warning
            )
    return _Counts(
        people=np.where(np.isfinite(people) & ~negative & ~too_many, people, 0.0),
        unusable=missing | bad | negative | too_many,
        too_many=too_many,
    )


def _age_sex_rows(
    table: pd.DataFrame,
    census: _CensusRows,
    *,
    skip: Sequence[str],
    path: Path,
    warnings: list[str],
) -> tuple[list[str], np.ndarray]:
    """The table's columns of people by sex and age (`census_band_column`), as ``pop_<sex>_
    <band>`` names and their people per row (rows by columns), unusable cells counted as 0.

    A sex's total of all ages is read (as ``pop_<sex>_0_plus``) only when the table has no
    band of that sex: beside bands it would count their people twice.
    """
    found: dict[str, str] = {}
    for column in table.columns:
        name = census_band_column(column)
        if name is None or str(column) in skip:
            continue
        if name in found:
            warnings.append(
                _(
                    "{file}: columns {first!r} and {second!r} both hold {name}; only {first!r} "
                    "was read"
                ).format(file=path.name, first=found[name], second=str(column), name=name)
            )
            continue
        found[name] = str(column)
    banded = {name.split("_")[1] for name in found if not name.endswith(f"_{ALL_AGES}")}
    for sex in sorted(banded):
        total = found.pop(f"pop_{sex}_{ALL_AGES}", None)
        if total is not None:
            warnings.append(
                _(
                    "{file}: column {column!r} (all ages) was not read: the table also has age "
                    "bands of that sex, and both would count the same people twice"
                ).format(file=path.name, column=total)
            )
    labels = [f"{row_label(r)} {n!r}" for r, n in zip(census.numbers, census.names, strict=True)]
    people = np.zeros((len(table), len(found)), dtype=np.float64)
    for j, column in enumerate(found.values()):
        counts = _usable_counts(table[column], labels, warnings=warnings, file=path.name)
        people[:, j] = counts.people
    return list(found), people


#: How a row's people go to the polygons it matches: ``(row, polygons, share of each)``.
_Share = tuple[int, np.ndarray, np.ndarray]


def _spread_over_districts(
    census: _CensusRows, districts: gpd.GeoDataFrame, *, warnings: list[str]
) -> tuple[list[_Share], np.ndarray, list[int]]:
    """How the rows that match a district (by name, else by id) spread over the polygons.

    Returns
    -------
    shares, matched_district, unmatched_rows
        Of each matched row, its polygons and the share of its people in each (a name shared
        by several polygons split by area; see `_per_district`), the mask of the polygons some
        row matched, and the indices of the rows that matched none.
    """
    names, keys, rows = census.names, census.keys, census.numbers
    by_name = _indices_by_key(districts["name"].to_numpy(dtype=object))
    by_id = _indices_by_key(districts["district_id"].to_numpy(dtype=object))
    spread: list[_Share] = []
    matched_district = np.zeros(len(districts), dtype=bool)
    unmatched_rows: list[int] = []
    seen_keys: dict[str, int] = {}
    shared: list[str] = []
    areas = _areas_m2(districts)
    for i in np.flatnonzero(census.use):
        key = keys[i]
        targets = by_name.get(key) or by_id.get(key)
        if not targets:
            unmatched_rows.append(int(i))
            continue
        if key in seen_keys:
            warnings.append(
                _(
                    "rows {first} and {second} both name {name!r}; their populations were added"
                ).format(first=rows[seen_keys[key]], second=rows[i], name=names[i])
            )
        seen_keys[key] = int(i)
        idx = np.asarray(targets)
        if len(idx) > 1:
            shared.append(_("{name!r} ({n} polygons)").format(name=names[i], n=len(idx)))
        share = (
            areas[idx] / areas[idx].sum()
            if areas[idx].sum() > 0
            else np.full(len(idx), 1 / len(idx))
        )
        spread.append((int(i), idx, share))
        matched_district[idx] = True
    if shared:
        warnings.append(
            _("names shared by several polygons, people split among them by area: {names}").format(
                names=_listing(shared)
            )
        )
    return spread, matched_district, unmatched_rows


def _per_district(values: np.ndarray, shares: list[_Share], n_districts: int) -> np.ndarray:
    """Per polygon, the sum of the matched rows' ``values`` (one per row, or a row of several
    columns) times the row's share in the polygon: people, or people of each sex and age."""
    out = np.zeros((n_districts, *values.shape[1:]), dtype=np.float64)
    for row, idx, share in shares:
        out[idx] += np.multiply.outer(share, values[row])
    return out


def _indices_by_key(values: np.ndarray) -> dict[str, list[int]]:
    """Positions of the values, by their loose key (`_name_key`)."""
    out: dict[str, list[int]] = {}
    for j, n in enumerate(values):
        out.setdefault(_name_key(n), []).append(j)
    return out


def _report_unmatched(
    census: _CensusRows,
    districts: gpd.GeoDataFrame,
    matched_district: np.ndarray,
    unmatched_rows: list[int],
    *,
    name_col: str,
    path: Path,
    warnings: list[str],
) -> None:
    """List the rows and the districts left unmatched; an error when nothing matched."""
    names, population = census.names, census.population
    d_names = districts["name"].to_numpy(dtype=object)
    unmatched_d = np.flatnonzero(~matched_district)
    if not matched_district.any():
        table_names = [str(names[i]) for i in np.flatnonzero(census.use)]
        msg = _(
            "no name in {column!r} matches a district: the table has {names}; the districts are "
            "named {districts}; choose the district column that holds the same names, or "
            "boundaries of the same districts"
        ).format(
            column=name_col,
            names=_listing(table_names, limit=5),
            districts=_listing([str(n) for n in d_names], limit=5),
        )
        raise InputError(msg, path=path)
    if unmatched_rows:
        items = []
        for i in unmatched_rows:
            hint = _similar_districts(census.keys[i], d_names)
            items.append(
                _("{name} ({people} people{hint})").format(
                    name=names[i], people=_fmt_people(population[i]), hint=hint
                )
            )
        people = _fmt_people(float(population[unmatched_rows].sum()))
        warnings.append(
            ngettext(
                "{n} table rows match no district polygon and were left out ({people} people): "
                "{items}",
                "{n} table rows match no district polygon and were left out ({people} people): "
                "{items}",
                len(unmatched_rows),
            ).format(n=len(unmatched_rows), people=people, items=_listing(items))
        )
    if len(unmatched_d):
        items = [str(d_names[j]) for j in unmatched_d]
        warnings.append(
            ngettext(
                "{n} districts have no row in the table and get no population: {items}",
                "{n} districts have no row in the table and get no population: {items}",
                len(unmatched_d),
            ).format(n=len(unmatched_d), items=_listing(items))
        )


def _total_rows(keys: np.ndarray, population: np.ndarray, named: np.ndarray) -> np.ndarray:
    """Rows that hold a total: named so, or whose population equals the sum of the others."""
    total = np.array(
        [k in {_name_key(w) for w in _TOTAL_WORDS} or k.startswith("total") for k in keys]
    )
    total &= named
    rest = named & ~total
    if rest.sum() >= 3:
        # a sub-total would equal the sum of its parts only by chance; 0.5 % allows rounding
        others = population[rest].sum() - population[rest]
        equal = np.isclose(population[rest], others, rtol=0.005) & (population[rest] > 0)
        if equal.sum() == 1:
            total[np.flatnonzero(rest)[equal]] = True
    return total


def _similar_districts(key: str, d_names: np.ndarray) -> str:
    """A hint naming the polygons whose names start with this name (``DAGORETTI NORTH``, ...)."""
    if len(key) < 3:
        return ""
    similar = [
        str(n)
        for n in d_names
        if _name_key(n).startswith(key) or key.startswith(_name_key(n) or "\0")
    ]
    if not similar:
        return ""
    return _("; maybe {names}: merge those polygons into one district to match").format(
        names=" + ".join(similar[:4])
    )


def _areas_m2(districts: gpd.GeoDataFrame) -> np.ndarray:
    bounds = districts.total_bounds
    utm = local_utm_crs((bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2)
    return districts.geometry.to_crs(utm).area.to_numpy()
