"""Population by sex and age band: the ``pop_<f|m>_<band>`` columns, as census tables spell them
and as WorldPop names its age/sex rasters.

``ccgeo.analysis.readiness.coverage`` reads these columns (``pop_f_15_49``, ``pop_m_80_plus``):
people of one sex and age band at each demand point. A band is named by its first and last
whole year of age (``0_0`` under one, ``1_4``, ``5_9``), or by its first and ``plus``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ccgeo.errors import InputError
from ccgeo.i18n import _, ngettext
from ccgeo.io.population.common import RASTER_SUFFIXES, _column_key, _listing

#: The sexes of the columns: ``f`` women, ``m`` men (in this order in listings).
SEXES: tuple[str, ...] = ("f", "m")

#: First year of age of WorldPop's age bands: 0 under one, 1 one to four, then five-year bands
#: to 80 and over.
WORLDPOP_AGES: tuple[int, ...] = (0, 1, *range(5, 85, 5))

#: The band of all ages, given to a sex's total when a table has no band of that sex.
ALL_AGES = "0_plus"

# How census tables name the sexes (after `_column_key`: lower case, no accents).
_SEX_WORDS = {
    **dict.fromkeys(("female", "females", "women", "woman", "mujeres", "mujer"), "f"),
    **dict.fromkeys(("mulheres", "mulher", "femmes", "femme"), "f"),
    **dict.fromkeys(("male", "males", "men", "man", "hombres", "hombre"), "m"),
    **dict.fromkeys(("homens", "homem", "hommes", "homme"), "m"),
}
_OPEN_ENDS = ("plus", "and_over", "and_older", "y_mas", "ou_mais", "et_plus")
_CENSUS_COLUMN = re.compile(
    r"^(?:pop(?:ulation)?_)?(?P<sex>[a-z]+)"
    r"(?:_(?:aged?_)?(?P<first>\d+)"
    r"(?:_(?:to_|a_)?(?P<last>\d+)|_?(?P<plus>" + "|".join(_OPEN_ENDS) + r")))?$"
)
# WorldPop's age/sex rasters: ken_f_15_2020.tif, bra_m_80_2020_constrained.tif
_WORLDPOP_NAME = re.compile(
    r"^(?P<iso3>[a-z]{3})_(?P<sex>[fm])_(?P<age>\d{1,2})_(?P<year>\d{4})(?:_[^.]*)?$",
    re.IGNORECASE,
)


def band_column(sex: str, first: int, last: int | None) -> str:
    """``pop_<sex>_<first>_<last>``, or ``pop_<sex>_<first>_plus`` when ``last`` is None."""
    return f"pop_{sex}_{first}_{'plus' if last is None else last}"


def census_band_column(name: object) -> str | None:
    """The ``pop_<sex>_<band>`` column a census table's column stands for, else None.

    ``female_15_49``, ``F 15-49``, ``women 15-49``, ``male_65+``, ``M_80plus``, ``mujeres
    15-49``, ``hombres 65+`` (case and accents ignored) give ``pop_f_15_49``, ...; a sex word
    alone (``female``, ``homens``) gives the sex's total, ``pop_<sex>_0_plus``. A lone letter
    (``F``, ``M``) is read only with a band.
    """
    match = _CENSUS_COLUMN.match(_column_key(str(name).replace("+", " plus")))
    if match is None:
        return None
    word = match["sex"]
    sex = word if word in SEXES else _SEX_WORDS.get(word)
    if sex is None:
        return None
    if match["first"] is None:
        return None if word in SEXES else f"pop_{sex}_{ALL_AGES}"
    first = int(match["first"])
    last = None if match["plus"] else int(match["last"])
    if last is not None and last < first:
        return None
    return band_column(sex, first, last)


def worldpop_band(age: int) -> str:
    """The band of WorldPop's ``age`` (a value of `WORLDPOP_AGES`): ``0_0``, ``1_4``, ``5_9``,
    ..., ``80_plus``."""
    last = {0: 0, 1: 4, WORLDPOP_AGES[-1]: None}.get(age, age + 4)
    return f"{age}_{'plus' if last is None else last}"


def worldpop_column(name: str) -> str | None:
    """The column of a WorldPop age/sex raster's file name (``ken_f_15_2020.tif`` gives
    ``pop_f_15_19``), else None."""
    path = Path(name)
    if path.suffix.lower() not in RASTER_SUFFIXES:
        return None
    match = _WORLDPOP_NAME.match(path.stem)
    if match is None or int(match["age"]) not in WORLDPOP_AGES:
        return None
    return f"pop_{match['sex'].lower()}_{worldpop_band(int(match['age']))}"


@dataclass(frozen=True)
class AgeSexRasters:
    """WorldPop age/sex rasters: the file of each ``pop_<sex>_<band>`` column, in `SEXES`
    and age order, and the rasters left out because their names are not WorldPop's."""

    files: dict[str, Path]
    misnamed: tuple[Path, ...] = ()
    #: the folder they were found in, or the first file's folder
    folder: Path = Path()

    def warnings(self) -> list[str]:
        """The note about the rasters left out (none when every raster was read)."""
        if not self.misnamed:
            return []
        names = [p.name for p in self.misnamed]
        return [
            ngettext(
                "{count} raster is not named like a WorldPop age/sex raster "
                "(<iso3>_<f|m>_<age>_<year>.tif), left out: {items}",
                "{count} rasters are not named like a WorldPop age/sex raster "
                "(<iso3>_<f|m>_<age>_<year>.tif), left out: {items}",
                len(names),
            ).format(count=len(names), items=_listing(names))
        ]


def find_age_sex_rasters(source: str | Path | Sequence[str | Path]) -> AgeSexRasters:
    """The WorldPop age/sex rasters of a folder, or of a list of files.

    Raises
    ------
    InputError
        No raster named like WorldPop's, a file that does not exist, or two files of the same
        sex and age band (two years, or constrained and unconstrained).
    """
    if isinstance(source, str | Path):
        folder = Path(source)
        if not folder.is_dir():
            msg = _("is not a folder; expected a folder of WorldPop age/sex rasters")
            raise InputError(msg, path=folder)
        paths = sorted(p for p in folder.iterdir() if p.suffix.lower() in RASTER_SUFFIXES)
    else:
        paths = [Path(p) for p in source]
        folder = paths[0].parent if paths else Path()
        for p in paths:
            if not p.is_file():
                raise InputError(_("file not found; expected a WorldPop age/sex raster"), path=p)
    files: dict[str, Path] = {}
    misnamed = []
    for path in paths:
        column = worldpop_column(path.name)
        if column is None:
            misnamed.append(path)
        elif column in files:
            msg = _(
                "{first} and {second} both hold {column}; keep one year and one version "
                "(constrained or not) of each age/sex raster"
            ).format(first=files[column].name, second=path.name, column=column)
            raise InputError(msg, path=path)
        else:
            files[column] = path
    if not files:
        msg = _(
            "holds no WorldPop age/sex raster; expected files named "
            "<iso3>_<f|m>_<age>_<year>.tif, such as ken_f_15_2020.tif"
        )
        raise InputError(msg, path=folder)
    ordered = dict(sorted(files.items(), key=lambda item: band_order(item[0])))
    return AgeSexRasters(ordered, tuple(misnamed), folder)


def band_order(column: str) -> tuple[int, int, int]:
    """Sort key of a ``pop_<sex>_<band>`` column: sex (`SEXES`), first age, last age."""
    _pop, sex, first, last = column.split("_", 3)
    return SEXES.index(sex), int(first), 999 if last == "plus" else int(last)


def age_sex_columns(columns: Iterable[object]) -> list[str]:
    """The ``pop_<sex>_<band>`` columns among ``columns``, by sex and age."""
    found = [str(c) for c in columns if _is_band_column(str(c))]
    return sorted(found, key=band_order)


def _is_band_column(name: str) -> bool:
    return re.fullmatch(r"pop_[fm]_\d+_(?:\d+|plus)", name) is not None


def age_sex_summary(columns: Iterable[object]) -> str:
    """What a planner reads about the sex/age columns found: ``"4 columns by sex and age:
    pop_f_0_0, pop_f_1_4, ..."``; ``""`` when there is none."""
    found = age_sex_columns(columns)
    if not found:
        return ""
    text = ngettext(
        "{count} column by sex and age: {columns}",
        "{count} columns by sex and age: {columns}",
        len(found),
    )
    return text.format(count=len(found), columns=_listing(found, limit=6))
