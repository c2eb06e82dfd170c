"""Facility import: the spreadsheets and point layers planners bring → validated `Facilities`.

Every input row is either imported or listed as ``rejected`` in the `ImportReport`, with its
row number; doubtful rows are imported with ``review=True``. The rules of the import
(`facilities_from_frame`):

- Location: ``lon``/``lat`` columns (decimal degrees, decimal commas, DMS), else one
  ``coordinates`` column ("lat, lon" or WKT ``POINT (lon lat)``); a GIS layer's own points
  win, and its attribute lat/lon columns fill features without geometry. Blank → rejected
  ("no location"); unparseable → rejected quoting the value; out of range or (0, 0) → rejected.
- Swapped latitude/longitude, decided row by row (`_decide_swaps`). The expected extent is
  the study area, else a box around the rows' median location (±4 scaled median absolute
  deviations, at least ±1°) on the coarse Natural Earth 1:110m land mask (0.2° tolerance).
  A row whose given point is impossible (|lat| > 90) or outside the extent while its swapped
  point is inside is put back (``fixed``, naming the row and both readings); one whose
  latitude is beyond ±90 and whose swap does not help is rejected; rows inside the extent
  never move. When at least half of the rows fall in the study area (or on land) only
  swapped, and fewer than half as many only as given, the file reads swapped: one
  ``warning`` says so and names the rows kept as given, the box is taken from the swapped
  points, and a row keeps its given order when only that puts it in the extent, or (in the
  extent neither way) when only that puts it on land.
- Study area: a point more than 10 km outside is rejected, a point up to 10 km outside is
  doubtful. Without a study area, a point farther from the median location than
  max(5 × the 95th percentile of those distances, 50 km) is doubtful (a robust outlier rule:
  it holds as long as fewer than 5 % of the points are outliers).
- Capabilities: booleans, yes/no in four languages, x/✓, numbers (> 0 is yes), or one
  ``tests`` column listing tests ("IHC; PCR", "biologia molecular / NGS", "GeneXpert",
  biomarker names such as HER2 → ihc, EGFR → pcr). Unrecognised values are doubtful and
  leave the flag False.
- ``eqa``: IQN Path, UK NEQAS, CAP, EMQN, NordiQC, "international" → international;
  "national", PNCQ, Controllab → national. ASSUMPTION: a plain yes (yes, sí, sim, oui, x, 1)
  is read as national participation, the weaker claim; blank/no → none; other text → none,
  doubtful.
- ``accreditation``: ISO 15189 in any spelling → iso15189; CAP → cap; blank/no → none;
  pending/in progress/expired → none, doubtful; any other scheme or yes → other.
- ``capacity_tests_per_year``: numbers with thousand separators (12,000 / 12 000 / 12.000 /
  12'000 — a dot counts as thousands only when followed by groups of exactly 3 digits);
  text or negative → NaN, doubtful.
- ``ownership``: words in four languages → public, private, faith_based, ngo, military;
  blank → unknown; other text → other.
- ``pathologists``, ``molecular_technologists`` (optional, only when the file has them):
  staff counts read like capacity; text or negative → NaN, doubtful.
- Ids: blank or all zeros (a registry's placeholder) → ``row-N`` (fixed); no id column at
  all → ``row-N`` for every row, one warning.
  Same id, name and location as an earlier row → rejected as its duplicate; same id with
  other data → ``<id>-dup<N>``, doubtful; same name and location under another id → doubtful.
  Missing name → the id is used as name, doubtful.
- Files other systems write are recognised (`ccgeo.io.sources`): the DHIS2 uid, ODK's KEY,
  Kobo's ``_uuid``, Healthsites.io's ``uuid``/``osm_id`` are the ids; an ODK/Kobo geopoint,
  split into columns or in one cell ("lat lon altitude accuracy"), is the location; an HXL
  hashtag row is not data, and its tags map columns. These hints win over the guess from
  column names, never over a mapping given by the user.
- Other columns are kept, as text, under their own names after the schema columns.
"""

from __future__ import annotations

import json
import math
import re
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from ccgeo.errors import InputError, check_cancel
from ccgeo.geo import great_circle_m, local_utm_crs, project_lonlat
from ccgeo.i18n import N_, _, ngettext
from ccgeo.io.kinds import file_type, kind_of
from ccgeo.io.sources import (
    GEOPOINT,
    KML_HOUSEKEEPING,
    add_note,
    json_kind,
    read_dhis2_json,
    recognise,
    source_format,
)
from ccgeo.io.tables import (
    LAT_COLUMN_NAMES,
    LON_COLUMN_NAMES,
    cell_text,
    normalise_name,
    parse_coordinate,
    pick_name,
    read_bytes,
    read_table,
)
from ccgeo.model.facilities import Facilities
from ccgeo.model.reports import ImportReport, Severity
from ccgeo.model.schema import CAPABILITIES, FACILITY_COLUMNS, WORKFORCE_COLUMNS
from ccgeo.params import load_toml_text, resource
from ccgeo.progress import ProgressCallback, report_progress

#: Schema fields a source column can be mapped to. ``coordinates`` is one column holding
#: "lat, lon" (or WKT ``POINT (lon lat)``); ``tests`` is one text column listing the tests done.
FIELDS: tuple[str, ...] = (
    "facility_id",
    "name",
    "lon",
    "lat",
    "coordinates",
    *CAPABILITIES,
    "tests",
    "eqa",
    "accreditation",
    "capacity_tests_per_year",
    "ownership",
    *WORKFORCE_COLUMNS,
)

#: Kinds of file (`ccgeo.io.kinds`) read as facilities: tables and workbooks with `read_table`,
#: GIS layers (points) through GDAL. A ``.json`` is a table: records, or GeoJSON read as one.
FACILITY_KINDS: tuple[str, ...] = ("table", "workbook", "vector")

#: What to do with a file that is not a facility list, when nothing more fitting is known.
GIVE_A_LIST = N_(
    "give the facility list as a table (CSV, Excel, OpenDocument, JSON records) or a point "
    "layer (GeoJSON, GeoPackage, Shapefile, KML)"
)

#: Files inside a zip archive read as GIS layers (a zipped Shapefile, GeoPackage, ...).
ZIPPED_LAYERS: tuple[str, ...] = (".shp", ".gpkg", ".geojson", ".json", ".kml", ".fgb")

#: A file of another kind given as the facility list, by its kind (`ccgeo.io.kinds.KINDS`):
#: what it is, and what to do with it. ``{label}`` is the file type's label. Both are marked
#: for translation (`N_`) and translated where the message is made.
OTHER_KINDS: dict[str, tuple[str, str]] = {
    "osm": (
        N_("an OpenStreetMap road file ({label})"),
        N_("import it with File ▸ Import ▸ Roads (or --roads)"),
    ),
    "graphml": (
        N_("a road network ({label})"),
        N_("import it with File ▸ Import ▸ Roads (or --roads)"),
    ),
    "raster": (
        N_("a raster ({label}), such as a population grid"),
        N_("import it with File ▸ Import ▸ Population (or --population)"),
    ),
    "project": (N_("a ccgeo project"), N_("open it with File ▸ Open project")),
    "pdf": (
        N_("a PDF document"),
        N_(
            "ccgeo cannot read a table from a PDF; export the list as CSV or Excel from where it "
            "is kept (or copy the table into a spreadsheet) and import that"
        ),
    ),
    "image": (N_("a picture ({label})"), GIVE_A_LIST),
    "webmap": (N_("a web page ({label})"), GIVE_A_LIST),
    "settings": (
        N_("a settings or column-mapping file ({label})"),
        N_("give it as the column mapping (--mapping) and the facility list as the file"),
    ),
}


def check_facility_file(path: str | Path) -> None:
    """Refuse a file that is known to be something other than a facility list.

    The kind comes from the file name (`ccgeo.io.kinds.kind_of`); a name ccgeo does not know
    is left to the readers.

    Raises
    ------
    InputError
        Naming the file, what it is and where it belongs (a road extract: File ▸ Import ▸ Roads).
    """
    entry = file_type(path)
    if entry is None or entry.kind in FACILITY_KINDS:
        return
    what, todo = OTHER_KINDS.get(entry.kind, ("{label}", GIVE_A_LIST))
    what = _(what).format(label=_(entry.label))
    msg = _("is {what}, not a facility list: {todo}").format(what=what, todo=_(todo))
    raise InputError(msg, path=path)


#: A point this far outside the study area is rejected; closer, it is imported for review (metres).
OUTSIDE_REJECT_M = 10_000.0

#: Without a study area, a point farther from the median location than
#: ``max(OUTLIER_FACTOR × 95th percentile distance, OUTLIER_MIN_M)`` is flagged for review.
OUTLIER_FACTOR = 5.0
OUTLIER_MIN_M = 50_000.0

#: A point within this many degrees of the coarse land mask counts as on land (the 1:110m
#: coastline is generalised by a few kilometres; correct coastal cities stay within 0.06°).
LAND_TOLERANCE_DEG = 0.2

#: Without a study area, the rows are expected within this many scaled median absolute
#: deviations of their median location on each axis, and at least `SWAP_BOX_MIN_DEG` degrees
#: from it: a box that a few stray rows (even half the file less one) cannot move.
SWAP_BOX_MADS = 4.0
SWAP_BOX_MIN_DEG = 1.0

_LAND_FILE = ("land", "naturalearth_110m_land.geojson")

# ---------------------------------------------------------------------------------------------
# vocabularies (all written normalised: lower case, no accents, words separated by one space)

# fmt: off
#: Column names recognised for each field, best first (matched after normalising case, accents,
#: spaces and underscores).
_COLUMN_NAMES: dict[str, tuple[str, ...]] = {
    "facility_id": (
        "facility id", "facility code", "mfl code", "mflcode", "kmhfl code", "code", "codigo",
        "cod", "co cnes", "cnes", "codigo cnes", "clues", "id", "fid", "site id", "lab id",
        "hf code", "hfr code", "identifier", "identificador", "id establecimiento",
        "code etablissement", "uid", "facility uid",
    ),
    "name": (
        "name", "facility name", "f name", "fname", "nome", "nombre", "nom", "lab name",
        "laboratory", "laboratorio", "laboratoire", "facility", "establecimiento",
        "estabelecimento", "etablissement", "nombre establecimiento", "nome estabelecimento",
        "nom etablissement", "nombre unidad", "nome fantasia", "no fantasia", "unidad", "unidade",
        "officialname", "official name", "site name", "hospital name",
    ),
    "lon": ("__lon", *LON_COLUMN_NAMES),
    "lat": ("__lat", *LAT_COLUMN_NAMES),
    "coordinates": (
        "coordinates", "coordinate", "coords", "coordenadas", "coordonnees", "lat lon", "lat long",
        "lat lng", "latlon", "latlong", "latlng", "latitude longitude", "gps", "gps coordinates",
        "geolocation", "geolocalizacion", "point", "punto", "ponto",
    ),
    "biopsy": (
        "biopsy", "biopsies", "biopsia", "biopsias", "biopsie", "biopsy collection",
        "toma de biopsia",
    ),
    "cytology": (
        "cytology", "citologia", "cytologie", "cytopathology", "citopatologia", "cytopathologie",
    ),
    "histology": (
        "histology", "histopathology", "histologia", "histopatologia", "histologie",
        "histopathologie", "anatomia patologica", "anatomie pathologique", "pathology",
        "patologia",
    ),
    "ihc": (
        "ihc", "ihq", "immunohistochemistry", "inmunohistoquimica", "imunohistoquimica",
        "imuno histoquimica", "immunohistochimie",
    ),
    "ish": (
        "ish", "fish", "in situ hybridization", "in situ hybridisation", "hibridacion in situ",
        "hibridizacao in situ", "hybridation in situ",
    ),
    "pcr": (
        "pcr", "molecular", "molecular pcr", "qpcr", "rt pcr", "biologia molecular",
        "biologie moleculaire", "molecular biology",
    ),
    "ngs": (
        "ngs", "sequencing", "next generation sequencing", "secuenciacion", "sequenciamento",
        "sequencage",
    ),
    "flow": (
        "flow", "flow cytometry", "cytometry", "citometria", "citometria de flujo",
        "citometria de fluxo", "cytometrie", "cytometrie en flux",
    ),
    "tests": (
        "tests", "test menu", "tests offered", "tests available", "diagnostic tests",
        "capabilities", "capacidades", "pruebas", "pruebas disponibles", "examenes", "exames",
        "analyses", "tests disponibles", "services diagnostiques", "examens",
        "examens disponibles", "examens realises",
    ),
    "eqa": (
        "eqa", "eqas", "external quality assessment", "external quality", "proficiency testing",
        "eec", "peec", "evaluacion externa de calidad", "aeq", "avaliacao externa da qualidade",
        "controle externo de qualidade", "eeq", "evaluation externe de la qualite",
    ),
    "accreditation": (
        "accreditation", "accredited", "acreditacion", "acreditado", "acreditacao", "acreditada",
        "accreditation iso", "certification", "certificacion", "certificacao", "iso 15189",
        "iso15189",
    ),
    "capacity_tests_per_year": (
        "capacity tests per year", "capacity", "tests per year", "annual tests", "annual volume",
        "tests year", "volume", "capacidad", "capacidade", "capacite", "pruebas por ano",
        "pruebas ano", "exames por ano", "exames ano", "tests par an", "throughput",
    ),
    "ownership": (
        "ownership", "owner type name", "owner type", "owner", "owner name", "propiedad",
        "tipo de propiedad", "tipo propiedad", "propriedade", "natureza juridica", "propriete",
        "secteur", "sector", "managing authority", "agency", "dependencia", "institucion",
        "tipo gestao", "gestion", "operator type", "operator",
    ),
    "pathologists": (
        "pathologists", "number of pathologists", "pathologists count", "patologos",
        "numero de patologos", "medicos patologistas", "patologistas", "pathologistes",
        "nombre de pathologistes",
    ),
    "molecular_technologists": (
        "molecular technologists", "molecular staff", "molecular scientists",
        "molecular biologists", "tecnologos moleculares", "tecnicos moleculares",
        "biologos moleculares", "biologistes moleculaires", "techniciens en biologie moleculaire",
    ),
}

#: Words that, as the first or last word of a longer column name, say which field it holds
#: (``LATITUDE_WGS84``, ``gps_lat``, ``nome_unidade``, ``pcr_available``).
_COLUMN_WORDS: dict[str, tuple[str, ...]] = {
    "facility_id": ("code", "codigo", "cnes", "clues", "mfl"),
    "name": ("name", "nome", "nombre", "nom"),
    "lon": ("lon", "lng", "longitude", "longitud"),
    "lat": ("lat", "latitude", "latitud"),
    "biopsy": ("biopsy", "biopsia"),
    "cytology": ("cytology", "citologia"),
    "histology": ("histology", "histopathology", "histologia", "histopatologia"),
    "ihc": ("ihc", "ihq", "immunohistochemistry", "inmunohistoquimica", "imunohistoquimica"),
    "ish": ("ish", "fish"),
    "pcr": ("pcr",),
    "ngs": ("ngs",),
    "flow": ("cytometry", "citometria"),
    "eqa": ("eqa",),
    "accreditation": ("accreditation", "acreditacion", "acreditacao"),
    "capacity_tests_per_year": ("capacity", "capacidad", "capacidade"),
    "ownership": ("ownership", "owner", "propiedad", "propriedade"),
    "pathologists": ("pathologists", "patologos", "patologistas", "pathologistes"),
    "molecular_technologists": ("technologists", "tecnologos"),
}

#: A column holding one of these words is about something else (``county_name``, ``zip_code``).
_FOREIGN_WORDS = frozenset(
    (
        "county", "district", "province", "state", "region", "ward", "constituency", "city",
        "municipio", "municipality", "bairro", "barrio", "commune", "sub", "location", "division",
        "zip", "postal", "post", "cep", "phone", "telefone", "telefono", "owner", "type", "level",
        "keph", "contact", "email", "address", "endereco", "direccion", "adresse", "street",
    )
)

#: Cell values (normalised) read as yes / no in capability columns.
_YES = frozenset(
    (
        "yes", "y", "si", "s", "sim", "oui", "x", "✓", "✔", "☑", "true", "t", "verdadero",
        "verdadeiro", "vrai", "available", "disponible", "disponivel", "ok", "+",
    )
)
_NO = frozenset(
    (
        "no", "n", "nao", "non", "false", "f", "falso", "faux", "none", "ninguno", "nenhum",
        "aucun", "-", "--", "—", "✗", "✘", "na", "n a", "not available", "no disponible",
        "nao disponivel", "indisponible",
    )
)

#: Phrases naming each capability in a free-text list of tests, in English, Spanish,
#: Portuguese and French, plus platform and biomarker names that imply one capability.
_TEST_TERMS: dict[str, tuple[str, ...]] = {
    "biopsy": (
        "biopsy", "biopsies", "biopsia", "biopsias", "biopsie", "biopsies", "fna", "fnac",
        "core needle", "paaf", "toma de muestra", "prelevement",
    ),
    "cytology": (
        "cytology", "citologia", "cytologie", "cytopathology", "citopatologia", "cytopathologie",
        "pap", "pap smear", "papanicolaou", "frotis", "citologia cervical",
    ),
    "histology": (
        "histology", "histopathology", "histologia", "histopatologia", "histologie",
        "histopathologie", "anatomia patologica", "anatomie pathologique", "pathology",
        "patologia", "anatomopatologia", "h e", "he", "h&e",
    ),
    "ihc": (
        "ihc", "ihq", "immunohistochemistry", "inmunohistoquimica", "imunohistoquimica",
        "imuno histoquimica", "immunohistochimie", "ihc panel", "her2 ihc", "er", "pr", "er pr",
        "her2", "pd l1", "ki 67", "ki67",
    ),
    "ish": (
        "ish", "fish", "cish", "sish", "in situ hybridization", "in situ hybridisation",
        "hibridacion in situ", "hibridizacao in situ", "hybridation in situ",
    ),
    "pcr": (
        "pcr", "qpcr", "rt pcr", "real time pcr", "molecular", "molecular biology",
        "biologia molecular", "biologie moleculaire", "genexpert", "gene xpert", "idylla", "egfr",
        "kras", "nras", "braf", "bcr abl", "bcr abl1", "hpv", "hpv dna", "msi",
    ),
    "ngs": (
        "ngs", "next generation sequencing", "sequencing", "secuenciacion", "secuenciacion masiva",
        "sequenciamento", "sequencage", "sequencage haut debit", "ion torrent", "illumina",
        "gene panel", "panel ngs",
    ),
    "flow": (
        "flow", "flow cytometry", "cytometry", "citometria", "citometria de flujo",
        "citometria de fluxo", "cytometrie", "cytometrie en flux", "facs",
    ),
}

_PHRASE_TO_CAPABILITY: dict[str, str] = {p: cap for cap, ps in _TEST_TERMS.items() for p in ps}

#: EQA providers and words meaning international / national participation.
_EQA_INTERNATIONAL = (
    "iqn path", "iqnpath", "uk neqas", "ukneqas", "neqas", "cap",
    "college of american pathologists", "international", "internacional", "internationale",
    "nordiqc", "emqn", "rcpa", "esp", "genqa", "gen qa", "qcmd", "instand", "labquality", "who",
    "oms",
)
_EQA_NATIONAL = (
    "national", "nacional", "nationale", "regional", "pncq", "controllab", "peec", "nhls", "kenas",
    "neqa",
)

_ACCREDITATION_PENDING = (
    "pending", "in progress", "en proceso", "em processo", "em andamento", "en cours", "planned",
    "planeado", "planejado", "expired", "vencida", "vencido", "expire", "applied", "solicitada",
)

#: Ownership classes by words found in the value, checked in this order (so that
#: "non-governmental" is an NGO before "government" makes it public).
_OWNERSHIP_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("military", (
        "military", "militar", "militaire", "armed forces", "fuerzas armadas", "forcas armadas",
        "forces armees", "army", "navy", "air force", "defence", "defense", "sedena", "semar",
        "ejercito", "exercito", "armee",
    )),
    ("faith_based", (
        "faith", "fbo", "mission", "missionary", "miss", "church", "religious", "religioso",
        "religiosa", "religieux", "catholic", "catolica", "catolico", "catholique", "christian",
        "cristiano", "cristiana", "chretien", "islamic", "muslim", "adventist", "sda", "diocese",
        "diocesis", "confessionnel", "confessionnelle", "evangelical", "evangelica", "kecs",
        "cham", "chak",
    )),
    ("ngo", (
        "ngo", "ngos", "ong", "ongs", "non governmental", "nongovernmental", "non government",
        "no gubernamental", "nao governamental", "non gouvernemental", "non profit", "nonprofit",
        "not for profit", "sin fines de lucro", "sem fins lucrativos", "sans but lucratif",
        "foundation", "fundacion", "fundacao", "fondation", "charity", "association", "asociacion",
        "associacao", "red cross", "cruz roja", "croix rouge",
    )),
    ("private", (
        "private", "privado", "privada", "prive", "privee", "particular", "for profit",
        "privately", "pp",
    )),
    ("public", (
        "public", "publico", "publica", "publique", "government", "governmental", "gobierno",
        "governo", "gouvernement", "gov", "govt", "moh", "mohs", "ministry", "ministerio",
        "ministere", "state", "estatal", "estadual", "etat", "municipal", "municipalidad",
        "prefeitura", "county", "county government", "local authority", "la", "federal", "sus",
        "imss", "issste", "ssa", "secretaria de saude", "secretaria de salud", "parastatal",
        "national", "nacional", "district",
    )),
)
# fmt: on

_CAPACITY_THOUSANDS = re.compile(r"^\d{1,3}(?:([,.'])\d{3})(?:\1\d{3})*$")
_CAPACITY_EUROPEAN = re.compile(r"^\d{1,3}(?:\.\d{3})+,\d+$")
_CAPACITY_ENGLISH = re.compile(r"^\d{1,3}(?:,\d{3})+\.\d+$")
_NUMBER = re.compile(r"^[+-]?\d+(?:\.\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d+,\d+$")
_WKT_POINT = re.compile(r"^\s*point\s*z?\s*\(\s*(\S+)\s+(\S+)(?:\s+\S+)?\s*\)\s*$", re.IGNORECASE)


_norm = normalise_name


def _norm_symbolic(text: Any) -> str:
    """Like `_norm` but keeps a lone symbol such as ``✓`` or ``-`` that `_norm` would erase."""
    n = _norm(text)
    return n if n else str(text).strip()


# ---------------------------------------------------------------------------------------------
# reading


def read_raw(
    path: str | Path,
    *,
    sheet: str | int | None = None,
    layer: str | int | None = None,
) -> pd.DataFrame:
    """Read a facility file as text, for preview and mapping, without interpreting it.

    Parameters
    ----------
    path
        CSV/TSV (any common encoding and delimiter, UTF-16 too), XLSX, ODS, JSON records (for
        example the KMHFL API export ``{"results": [...]}``, or DHIS2's organisation units), or
        a GeoJSON, GeoPackage, Shapefile, FlatGeobuf or KML/KMZ point layer, also zipped: the
        kinds `FACILITY_KINDS`. Exports of DHIS2, ODK, KoboToolbox, Healthsites.io and HXL
        tagged sheets are recognised (`ccgeo.io.sources.recognise`).
    sheet
        Sheet name or 0-based index of a workbook; the first sheet by default.
    layer
        Layer name or 0-based index (`layer_names`) of a GeoPackage or a zip archive; the
        first layer by default. The folders of a KML file are read together unless one is named.

    Returns
    -------
    DataFrame
        Every cell as text or None. For point layers the point coordinates, reprojected to
        EPSG:4326, are in the columns ``__lon`` and ``__lat`` (degrees). ``df.attrs`` holds
        ``first_row_number`` (the number the user sees for the first data row: 2 in a
        spreadsheet whose header is row 1, 1 for records and features), ``sheet``, ``layer``
        and ``source_format``, what was recognised (`ccgeo.io.sources.SourceFormat`).
    """
    path = Path(path)
    if not path.exists():
        raise InputError(_("file not found; check the path"), path=path)
    check_facility_file(path)
    kind = kind_of(path, among=FACILITY_KINDS)
    what = json_kind(path) if path.suffix.lower() == ".json" else None
    if what == "dhis2":
        df = read_dhis2_json(path)
    elif kind == "vector" or what == "geojson":
        df = _read_layer(path, layer=layer)
    else:
        df = read_table(path, sheet=sheet)
        df.attrs["layer"] = None
    df.attrs.setdefault("first_row_number", 1)
    return recognise(df)


def layer_names(path: str | Path) -> list[str]:
    """The layers of a GIS file that `read_raw` can be asked for, by name.

    A GeoPackage's layers; the layers of the files in a zip archive (a layer's name, or
    ``"member: layer"`` where names repeat); none for a KML file, whose folders are read
    together.

    Raises
    ------
    InputError
        When GDAL cannot open the file, naming it and why.
    """
    path = Path(path)
    if _is_kml(path):
        return []
    return [name for name, _source, _layer in _layer_entries(path)]


def _is_kml(path: Path) -> bool:
    return path.suffix.lower() in (".kml", ".kmz")


def _read_layer(path: Path, *, layer: str | int | None) -> pd.DataFrame:
    """A GIS layer's features as text rows (`_read_layer_frame`), with what GDAL warned of."""
    with warnings.catch_warnings(record=True) as said:
        # GDAL's warnings on a damaged layer (an unknown srs_id) go into the report, not stderr
        warnings.simplefilter("always", RuntimeWarning)
        df = _read_layer_frame(path, layer=layer)
    gdal_said = sorted({str(w.message) for w in said if issubclass(w.category, RuntimeWarning)})
    for w in said:
        if not issubclass(w.category, RuntimeWarning):
            warnings.warn_explicit(w.message, w.category, w.filename, w.lineno)
    if gdal_said:
        df.attrs["layer_note"] = f"GDAL: {'; '.join(gdal_said)}"
    return df


def _gdal_errors() -> tuple[type[Exception], ...]:
    import pyogrio.errors

    return (pyogrio.errors.DataSourceError, pyogrio.errors.DataLayerError, OSError)


def _zip_members(path: Path) -> list[tuple[str, str]]:
    """(member, GDAL path) of the GIS layers in a zip archive (a zipped Shapefile, with its
    .shx, .dbf and .prj beside it, perhaps in a folder; a zipped GeoPackage; ...)."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
    except (zipfile.BadZipFile, OSError, NotImplementedError) as exc:
        msg = _("is not a readable zip archive ({exc}); download or zip it again").format(exc=exc)
        raise InputError(msg, path=path) from exc
    members = [
        n
        for n in names
        if n.lower().endswith(ZIPPED_LAYERS)
        and not n.startswith("__MACOSX/")
        and not Path(n).name.startswith("._")
    ]
    if not members:
        held = ", ".join(names[:4]) + (", ..." if len(names) > 4 else "") or _("nothing")
        msg = _(
            "is a zip archive of {held}, without a GIS layer (.shp, .gpkg, .geojson, .kml, "
            ".fgb) in it; unzip it and give the facility list itself"
        ).format(held=held)
        raise InputError(msg, path=path)
    return [(m, f"/vsizip/{path}/{m}") for m in members]


def _layer_entries(path: Path) -> list[tuple[str, str, str]]:
    """(name shown, GDAL path, layer name) of every layer of a GIS file or zip archive."""
    import pyogrio

    is_zip = path.suffix.lower() == ".zip"
    sources = _zip_members(path) if is_zip else [("", str(path))]
    found: list[tuple[str, str, str]] = []
    for member, source in sources:
        try:
            names = [str(n) for n in pyogrio.list_layers(source)[:, 0]]
        except (*_gdal_errors(), UnicodeDecodeError) as exc:
            what = f"{member}: {exc}" if member else exc
            msg = _("cannot open as a GIS layer ({exc})").format(exc=what)
            raise InputError(msg, path=path) from exc
        found += [(member, source, n) for n in names]
    if not found:
        raise InputError(_("holds no layers"), path=path)
    repeated = {n for n in (e[2] for e in found) if [e[2] for e in found].count(n) > 1}
    return [(f"{m}: {n}" if n in repeated else n, src, n) for m, src, n in found]


def _read_gdal_layer(path: Path, source: str, layer: str) -> gpd.GeoDataFrame:
    try:
        return gpd.read_file(source, layer=layer, engine="pyogrio")
    except _gdal_errors() as exc:
        msg = _("cannot read layer {layer!r} ({exc})").format(layer=layer, exc=exc)
        raise InputError(msg, path=path) from exc
    except UnicodeDecodeError as exc:  # a damaged byte in a column name or a text value
        msg = _(
            "cannot read layer {layer!r}: its text is not UTF-8 ({exc}); the file is damaged "
            "or was saved in another encoding: open it in QGIS and save it again as GeoPackage"
        ).format(layer=layer, exc=exc)
        raise InputError(msg, path=path) from exc


def _kml_folders(path: Path, entries: list[tuple[str, str, str]]) -> gpd.GeoDataFrame:
    """Every folder of a KML/KMZ file (GDAL reads each as a layer) in one table, the folder
    named in a ``folder`` column when there are several; KML styling columns left out."""
    parts = [(e[0], _read_gdal_layer(path, e[1], e[2])) for e in entries]
    parts = [(name, gdf) for name, gdf in parts if len(gdf)]
    if not parts:
        return gpd.GeoDataFrame(geometry=[], crs="EPSG:4326")
    if len(parts) > 1:
        parts = [(name, gdf.assign(folder=name)) for name, gdf in parts]
    crs = parts[0][1].crs
    gdf = gpd.GeoDataFrame(pd.concat([g for _n, g in parts], ignore_index=True), crs=crs)
    empty = [c for c in KML_HOUSEKEEPING if c in gdf.columns]
    return gdf.drop(columns=empty)


def _read_layer_frame(path: Path, *, layer: str | int | None) -> pd.DataFrame:
    entries = _layer_entries(path)
    names = [e[0] for e in entries]
    if _is_kml(path) and layer is None:
        gdf = _kml_folders(path, entries)
        chosen = names[0] if len(names) == 1 else ", ".join(names)
    else:
        chosen = pick_name(names, layer, kind="layer", container=_("the file"), path=path)
        _name, source, gdal_layer = entries[names.index(chosen)]
        gdf = _read_gdal_layer(path, source, gdal_layer)
        if _is_kml(path):
            gdf = gdf.drop(columns=[c for c in KML_HOUSEKEEPING if c in gdf.columns])
    if len(gdf) == 0:
        raise InputError(_("layer {layer!r} holds no features").format(layer=chosen), path=path)
    if not isinstance(gdf, gpd.GeoDataFrame) or gdf.geometry.name not in gdf.columns:
        msg = _("layer {layer!r} has no geometry; expected facility points").format(layer=chosen)
        raise InputError(msg, path=path)
    crs_given = gdf.crs
    gdf = _to_lonlat(gdf, path=path)
    geoms = gdf.geometry.to_numpy()
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    kinds = shapely.get_type_id(geoms)
    not_point = present & (kinds != 0)
    points = geoms.copy()
    if not_point.any():
        # polygons (a facility's footprint) and multipoints: use a point that lies inside them
        points[not_point] = shapely.point_on_surface(geoms[not_point])
    lon = np.full(len(gdf), np.nan)
    lat = np.full(len(gdf), np.nan)
    lon[present] = shapely.get_x(points[present])
    lat[present] = shapely.get_y(points[present])
    props = pd.DataFrame(gdf.drop(columns=gdf.geometry.name))
    df = (
        props.astype(object).map(cell_text) if len(props.columns) else pd.DataFrame(index=gdf.index)
    )
    df = df.reset_index(drop=True)
    df["__lon"] = [repr(float(v)) if math.isfinite(v) else None for v in lon]
    df["__lat"] = [repr(float(v)) if math.isfinite(v) else None for v in lat]
    df.attrs["first_row_number"] = 1
    df.attrs["sheet"] = None
    df.attrs["layer"] = chosen
    df.attrs["encoding"] = None
    _layer_notes(df, path, entries, crs=crs_given)
    if not_point.any():
        kinds_seen = sorted(set(gdf.geometry[not_point].geom_type))
        n_not_point = int(not_point.sum())
        df.attrs["geometry_note"] = ngettext(
            "{n} features are not points ({kinds}); a point inside each was used as its location",
            "{n} features are not points ({kinds}); a point inside each was used as its location",
            n_not_point,
        ).format(n=n_not_point, kinds=", ".join(kinds_seen))
    return df


def _layer_notes(
    df: pd.DataFrame, path: Path, entries: list[tuple[str, str, str]], *, crs: Any
) -> None:
    """Say what kind of GIS file was read: a KML's folders, the member of a zip archive, a
    layer reprojected from another CRS (a GeoJSON saved by QGIS in UTM)."""
    if _is_kml(path):
        folders = ", ".join(dict.fromkeys(e[0] for e in entries))
        add_note(
            df, N_("KML (Google Earth)"), N_("folders read together: {folders}"), folders=folders
        )
    if path.suffix.lower() == ".zip":
        source = next((e[1] for e in entries if e[0] == df.attrs.get("layer")), entries[0][1])
        member = source.removeprefix(f"/vsizip/{path}/")
        add_note(df, N_("zip archive"), N_("read {member!r} from the zip archive"), member=member)
    if crs is not None and crs.to_epsg() != 4326:
        add_note(
            df,
            None,
            N_("coordinates in {crs} reprojected to longitude/latitude (WGS 84)"),
            crs=crs.to_string(),
        )


def _to_lonlat(gdf: gpd.GeoDataFrame, *, path: Path) -> gpd.GeoDataFrame:
    if gdf.crs is None:
        minx, miny, maxx, maxy = gdf.total_bounds
        if np.isfinite([minx, miny, maxx, maxy]).all() and (
            minx < -180 or maxx > 180 or miny < -90 or maxy > 90
        ):
            msg = _(
                "the layer has no coordinate reference system (is the .prj file missing?) and its "
                "coordinates ({minx:.0f}, {miny:.0f}, {maxx:.0f}, {maxy:.0f}) are not degrees; "
                "set its CRS in QGIS and save it again"
            ).format(minx=minx, miny=miny, maxx=maxx, maxy=maxy)
            raise InputError(msg, path=path)
        return gdf.set_crs("EPSG:4326")
    if gdf.crs.to_epsg() != 4326:
        return gdf.to_crs("EPSG:4326")
    return gdf


# ---------------------------------------------------------------------------------------------
# mapping


def guess_mapping(
    columns: Sequence[str], *, hints: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Guess which source column holds each schema field.

    Names are compared after folding case, accents, spaces and underscores, against names in
    English, Spanish, Portuguese and French (``latitud``, ``NOME``, ``F_NAME``, ``CO_CNES``,
    ``propiedad``...); a longer name whose first or last word names a field also matches
    (``LATITUDE_WGS84``, ``pcr_available``). Point coordinates of a GIS layer (``__lon``,
    ``__lat``) win over attribute columns. A column is never given to two fields.

    Parameters
    ----------
    columns
        The source column names.
    hints
        Field → column that the file's format says (``SourceFormat.hints`` of the frame
        `read_raw` returns: an ODK geopoint, a DHIS2 uid); they win over the names.

    Returns
    -------
    dict
        Schema field (see `FIELDS`) → source column, for the fields found.
    """
    columns = list(columns)
    given = _usable_hints(hints, columns, fields=FIELDS, taken=set())
    rest = [f for f in FIELDS if f not in given]
    given.update(_guess(columns, fields=rest, taken=set(given.values())))
    return {f: given[f] for f in FIELDS if f in given}


def _usable_hints(
    hints: Mapping[str, str] | None, columns: list[str], *, fields: Sequence[str], taken: set[str]
) -> dict[str, str]:
    """The hints for ``fields`` whose columns exist and are not taken, each column once."""
    out: dict[str, str] = {}
    used = set(taken)
    for field_name, column in (hints or {}).items():
        if field_name in fields and column in columns and column not in used:
            out[field_name] = column
            used.add(column)
    return out


def _match_score(field_name: str, column: str) -> tuple[int, int] | None:
    """How well ``column`` names ``field_name``: (kind, -rank), higher is better; None if not."""
    norm = _norm(column)
    if column in ("__lon", "__lat"):
        return (9, 0) if column == f"__{field_name}" else None
    names = _COLUMN_NAMES.get(field_name, ())
    compact = norm.replace(" ", "")
    for rank, name in enumerate(names):
        if norm == name:
            return (3, -rank)
    for rank, name in enumerate(names):
        if len(name) > 1 and compact == name.replace(" ", ""):
            return (2, -rank)
    words = norm.split()
    if len(words) > 1 and not _FOREIGN_WORDS.intersection(words):
        for rank, word in enumerate(_COLUMN_WORDS.get(field_name, ())):
            if word in (words[0], words[-1]):
                return (1, -rank)
    return None


def _guess(columns: list[str], *, fields: Sequence[str], taken: set[str]) -> dict[str, str]:
    candidates: list[tuple[tuple[int, int], int, int, str, str]] = []
    for fi, field_name in enumerate(fields):
        for ci, column in enumerate(columns):
            if column in taken:
                continue
            score = _match_score(field_name, column)
            if score is not None:
                # best score first; ties go to the earlier field, then the earlier column
                candidates.append((score, -fi, -ci, field_name, column))
    candidates.sort(reverse=True)
    mapping: dict[str, str] = {}
    used = set(taken)
    for _score, _field, _column, field_name, column in candidates:
        if field_name in mapping or column in used:
            continue
        mapping[field_name] = column
        used.add(column)
    return {f: mapping[f] for f in fields if f in mapping}


def load_mapping(path: str | Path) -> dict[str, str]:
    """Read a column mapping file: TOML (a ``[columns]`` table, or flat keys) or JSON.

    Keys are schema fields (see `FIELDS`), values source column names; an empty value means
    "do not use any column for this field" (it stops the guess). Example TOML::

        [columns]
        lat = "LATITUDE"
        lon = "LONGITUDE"
        name = "NOME"

    Raises
    ------
    InputError
        When the file cannot be read, or names an unknown field.
    """
    path = Path(path)
    if not path.exists():
        raise InputError(_("mapping file not found; check the path"), path=path)
    raw = read_bytes(path, expected=_("a column mapping file (TOML or JSON)"))
    text = raw.decode("utf-8-sig", errors="replace")
    data: Any
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            msg = _("mapping is not valid JSON (line {line}: {error})").format(
                line=exc.lineno, error=exc.msg
            )
            raise InputError(msg, path=path) from exc
    else:
        data = load_toml_text(text, what=_("column mapping"), source=path)
    if isinstance(data, dict) and isinstance(data.get("columns"), dict):
        data = data["columns"]
    if not isinstance(data, dict):
        msg = _('mapping should be a table of field = "column" pairs')
        raise InputError(msg, path=path)
    return _validate_mapping(data, path=path)


def _validate_mapping(data: Mapping[Any, Any], *, path: str | Path | None) -> dict[str, str]:
    out: dict[str, str] = {}
    unknown = [str(k) for k in data if k not in FIELDS]
    if unknown:
        msg = _(
            "mapping names unknown fields {unknown}; the fields are {fields} "
            '(write field = "source column")'
        ).format(unknown=unknown, fields=", ".join(FIELDS))
        raise InputError(msg, path=path)
    for key, value in data.items():
        if value is None:
            value = ""
        if not isinstance(value, str):
            msg = _("mapping of {key!r} should be a column name (text), got {value!r}").format(
                key=key, value=value
            )
            raise InputError(msg, path=path)
        out[str(key)] = value.strip()
    return out


def _resolve_mapping(
    columns: list[str],
    mapping: Mapping[str, str] | str | Path | None,
    *,
    source: str,
    hints: Mapping[str, str] | None = None,
) -> tuple[dict[str, str], set[str]]:
    """Explicit mapping, then the format's hints, then the guess for the other fields; returns
    (mapping, explicit fields)."""
    where = source or None
    if mapping is None:
        explicit: dict[str, str] = {}
    elif isinstance(mapping, (str, Path)):
        explicit = load_mapping(mapping)
    else:
        explicit = _validate_mapping(mapping, path=where)
    resolved: dict[str, str] = {}
    by_fold = {}
    for c in columns:
        by_fold.setdefault(c.strip().casefold(), []).append(c)
    for field_name, column in explicit.items():
        if not column:
            continue
        if column not in columns:
            folded = by_fold.get(column.casefold(), [])
            if len(folded) != 1:
                msg = _(
                    "the mapping gives {field} = {column!r}, but there is no such column; "
                    "the columns are {columns}"
                ).format(field=field_name, column=column, columns=columns)
                raise InputError(msg, path=where)
            column = folded[0]
        resolved[field_name] = column
    taken_by = {}
    for field_name, column in resolved.items():
        if column in taken_by:
            msg = _(
                "the mapping gives column {column!r} to both {first} and {second}; "
                "a column can hold one field only"
            ).format(column=column, first=taken_by[column], second=field_name)
            raise InputError(msg, path=where)
        taken_by[column] = field_name
    rest = [f for f in FIELDS if f not in explicit]
    resolved.update(_usable_hints(hints, columns, fields=rest, taken=set(resolved.values())))
    rest = [f for f in rest if f not in resolved]
    resolved.update(_guess(columns, fields=rest, taken=set(resolved.values())))
    return {f: resolved[f] for f in FIELDS if f in resolved}, set(explicit)


# ---------------------------------------------------------------------------------------------
# value parsers (each runs once per distinct value, then is mapped over the column)


def _distinct_map(values: pd.Series, parse: Callable[[str], Any]) -> pd.Series:
    """Apply ``parse`` once per distinct non-null value; nulls map to ``parse("")``."""
    text = values.where(values.notna(), "")
    uniques = pd.unique(text.to_numpy(dtype=object))
    table = {u: parse(str(u)) for u in uniques}
    return text.map(table)


def _parse_coordinate_column(values: pd.Series) -> tuple[np.ndarray, np.ndarray, dict[int, str]]:
    """Coordinates of a column: (degrees with NaN where blank or bad, blank mask, {pos: error})."""
    text = values.astype(object).where(values.notna(), None)
    s = text.fillna("").astype(str).str.strip()
    plain = s.str.replace("\u2212", "-", regex=False).str.replace(" ", "", regex=False)
    plain = plain.where(~plain.str.fullmatch(_DECIMAL_COMMA.pattern), plain.str.replace(",", "."))
    # the fast vectorised path covers plain decimal degrees, the bulk of every real file
    fast = pd.to_numeric(
        plain.where(plain.str.fullmatch(r"[+-]?\d+(?:\.\d*)?|[+-]?\.\d+")), errors="coerce"
    ).to_numpy(dtype=float)
    out = fast.copy()
    blank = np.array(s == "", dtype=bool)
    errors: dict[int, str] = {}
    slow = np.flatnonzero(~blank & np.isnan(fast))
    if slow.size:
        cache: dict[str, tuple[float, str | None]] = {}
        for pos in slow:
            raw = s.iat[pos]
            if raw not in cache:
                try:
                    cache[raw] = (parse_coordinate(raw), None)
                except ValueError as exc:
                    cache[raw] = (math.nan, str(exc))
            value, err = cache[raw]
            if err is not None:
                errors[int(pos)] = err
            elif math.isnan(value):
                blank[pos] = True  # "n/a", "null" and the like
            elif not math.isfinite(value):
                errors[int(pos)] = _("{value!r} is not a finite number").format(value=raw)
            else:
                out[pos] = value
    return out, blank, errors


def _split_pair(text: str) -> tuple[str, str] | None:
    """Split one "lat, lon" cell into its two parts (WKT POINT gives lon lat: returned swapped;
    an ODK geopoint "lat lon altitude accuracy" gives its first two)."""
    m = _WKT_POINT.match(text)
    if m:
        return m.group(2), m.group(1)
    t = text.strip().strip("()[]{}").strip()
    if GEOPOINT.match(t):
        # an ODK geopoint: "lat lon altitude accuracy"
        return t.split()[0], t.split()[1]
    if ";" in t:
        parts = t.split(";")
    elif t.count(",") == 1:
        parts = t.split(",")
    elif ", " in t:
        parts = t.split(", ")
    else:
        parts = t.split()
    parts = [p.strip() for p in parts if p.strip()]
    if len(parts) != 2:
        return None
    first, second = parts
    # hemisphere letters tell the order: "36.8E, 1.28S" is lon first
    if re.search(r"[EeWw]\s*$|^\s*[EeWw]", first) and re.search(r"[NnSs]\s*$|^\s*[NnSs]", second):
        return second, first
    return first, second


def _yes_no(text: str) -> bool | None:
    """True/False for a yes/no cell; None when the value is not recognised (blank → False)."""
    n = _norm_symbolic(text)
    if not n:
        return False
    if n in _YES:
        return True
    if n in _NO:
        return False
    num = n.replace(" ", ".") if re.fullmatch(r"\d+ \d+", n) else n
    if _NUMBER.fullmatch(num):
        # a count of instruments or tests: any positive number means the service exists
        return float(num) > 0
    return None


def _tests_listed(text: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """Capabilities named in a free-text list of tests, and the items not recognised."""
    if not text.strip():
        return frozenset(), ()
    items = re.split(r"[;,/|+\n]|\s+(?:and|y|e|et)\s+", text)
    caps: set[str] = set()
    unknown: list[str] = []
    for item in items:
        n = _norm(item)
        if not n:
            continue
        found = _capabilities_in(n)
        if found:
            caps |= found
        else:
            unknown.append(item.strip())
    return frozenset(caps), tuple(unknown)


def _capabilities_in(phrase: str) -> set[str]:
    """Capabilities named by a normalised phrase: the whole phrase or any run of its words."""
    if phrase in _PHRASE_TO_CAPABILITY:
        return {_PHRASE_TO_CAPABILITY[phrase]}
    words = phrase.split()
    found: set[str] = set()
    for size in range(min(len(words), 4), 0, -1):
        for start in range(len(words) - size + 1):
            cap = _PHRASE_TO_CAPABILITY.get(" ".join(words[start : start + size]))
            if cap is not None and (size > 1 or len(words[start]) > 2):
                found.add(cap)
    return found


def _has_phrase(norm: str, phrases: Sequence[str]) -> bool:
    padded = f" {norm} "
    return any(f" {p} " in padded for p in phrases)


def _eqa_level(text: str) -> tuple[str, bool]:
    """EQA level of a cell and whether the value was understood (see `facilities_from_frame`)."""
    n = _norm_symbolic(text)
    if not n or n in _NO:
        return "none", True
    if _has_phrase(n, _EQA_INTERNATIONAL):
        return "international", True
    if n in _YES or _has_phrase(n, _EQA_NATIONAL):
        return "national", True
    return "none", False


def _accreditation(text: str) -> tuple[str, bool]:
    """Accreditation of a cell and whether it was understood (pending → none, doubtful)."""
    n = _norm_symbolic(text)
    if not n or n in _NO:
        return "none", True
    if _has_phrase(n, _ACCREDITATION_PENDING):
        return "none", False
    if "15189" in n.replace(" ", ""):
        return "iso15189", True
    if _has_phrase(n, ("cap", "college of american pathologists")):
        return "cap", True
    return "other", True


#: The doubtful capacity of a row, by what `_capacity` found wrong with it.
_CAPACITY_PROBLEMS = {
    "is not a number": N_("capacity {value!r} is not a number; left unknown"),
    "is not a finite number": N_("capacity {value!r} is not a finite number; left unknown"),
    "is negative": N_("capacity {value!r} is negative; left unknown"),
}


def _capacity(text: str) -> tuple[float, str | None]:
    """Tests per year from text with thousand separators; (NaN, why) when unusable."""
    raw = text.strip()
    if not raw:
        return math.nan, None
    t = re.sub(r"[\s\u00a0\u202f\u2009]", "", raw)
    if _CAPACITY_THOUSANDS.fullmatch(t):
        value = float(re.sub(r"[,.']", "", t))
    elif _CAPACITY_EUROPEAN.fullmatch(t):
        value = float(t.replace(".", "").replace(",", "."))
    elif _CAPACITY_ENGLISH.fullmatch(t):
        value = float(t.replace(",", ""))
    elif _DECIMAL_COMMA.fullmatch(t):
        value = float(t.replace(",", "."))
    else:
        try:
            value = float(t)
        except ValueError:
            return math.nan, "is not a number"
    if not math.isfinite(value):
        return math.nan, "is not a finite number"
    if value < 0:
        return math.nan, "is negative"
    return value, None


def _ownership(text: str) -> str:
    """Ownership class of a cell (see `facilities_from_frame`)."""
    n = _norm(text)
    if not n:
        return "unknown"
    for cls, words in _OWNERSHIP_WORDS:
        if _has_phrase(n, words):
            return cls
    return "other"


# ---------------------------------------------------------------------------------------------
# study area and land mask


def _study_area_geometry(study_area: Any) -> BaseGeometry | None:
    if study_area is None:
        return None
    if isinstance(study_area, (gpd.GeoDataFrame, gpd.GeoSeries)):
        frame = study_area if study_area.crs is None else study_area.to_crs("EPSG:4326")
        geom: Any = (
            frame.geometry.union_all() if isinstance(frame, gpd.GeoDataFrame) else frame.union_all()
        )
    elif isinstance(study_area, BaseGeometry):
        geom = study_area
    elif isinstance(study_area, (tuple, list)) and len(study_area) == 4:
        try:
            minx, miny, maxx, maxy = (float(v) for v in study_area)
        except (TypeError, ValueError) as exc:
            msg = _(
                "`study_area` bounds should be 4 numbers (minlon, minlat, maxlon, maxlat), "
                "got {value!r}"
            ).format(value=study_area)
            raise InputError(msg) from exc
        if not (minx < maxx and miny < maxy):
            msg = _(
                "`study_area` bounds {value!r} are empty; expected (minlon, minlat, maxlon, "
                "maxlat) with min < max"
            ).format(value=study_area)
            raise InputError(msg)
        geom = shapely.box(minx, miny, maxx, maxy)
    else:
        msg = _(
            "`study_area` should be a polygon in EPSG:4326, a GeoDataFrame, or bounds "
            "(minlon, minlat, maxlon, maxlat), got {type}"
        ).format(type=type(study_area).__name__)
        raise InputError(msg)
    if geom is None or geom.is_empty or geom.area <= 0:
        raise InputError(_("`study_area` is empty or has no area; pass a polygon of the city"))
    minx, miny, maxx, maxy = geom.bounds
    if minx < -180 or maxx > 180 or miny < -90 or maxy > 90:
        msg = _(
            "`study_area` bounds ({minx:.0f}, {miny:.0f}, {maxx:.0f}, {maxy:.0f}) are not "
            "longitude/latitude degrees; reproject the boundary to EPSG:4326"
        ).format(minx=minx, miny=miny, maxx=maxx, maxy=maxy)
        raise InputError(msg)
    return shapely.make_valid(geom)


@lru_cache(maxsize=1)
def _land_tree() -> shapely.STRtree | None:
    """STRtree over the parts of the bundled coarse land mask."""
    data = json.loads(resource(*_LAND_FILE).read_text(encoding="utf-8"))
    geoms = [shapely.geometry.shape(f["geometry"]) for f in data["features"]]
    parts = shapely.get_parts(np.asarray(geoms, dtype=object))
    return shapely.STRtree(parts)


# ---------------------------------------------------------------------------------------------
# the import


@dataclass
class _Issues:
    """Issues by row position, turned into `ImportIssue` once the final ids are known."""

    rows: np.ndarray
    items: list[tuple[int | None, Severity, str, str, str | None, str | None]] = field(
        default_factory=list
    )

    def add(
        self,
        pos: int | None,
        severity: Severity,
        problem: str,
        fix: str,
        *,
        column: str | None = None,
        value: Any = None,
    ) -> None:
        text = None if value is None else str(value)
        self.items.append((pos, severity, problem, fix, column, text))


def facilities_from_frame(
    df: pd.DataFrame,
    mapping: Mapping[str, str] | str | Path | None = None,
    *,
    source: str = "",
    study_area: Any = None,
    detect_swap: bool = True,
    progress: ProgressCallback | None = None,
    cancel: Any = None,
) -> Facilities:
    """Validate a raw facility table (from `read_raw`) into `Facilities` with an `ImportReport`.

    Every row is imported or rejected with a reason in ``facilities.report``; doubtful rows are
    imported with ``review=True``. The rules are listed in the docstring of this module
    (`ccgeo.io.facilities`).

    Parameters
    ----------
    df
        Raw table, every cell text or None; ``df.attrs["first_row_number"]`` is the row number
        of its first data row as the user counts it (1 when absent).
    mapping
        Schema field → source column, or a path to a mapping file (`load_mapping`). It overrides
        the guess field by field; the other fields are still guessed (`guess_mapping`).
    source
        File name for messages and the report.
    study_area
        Shapely polygon in EPSG:4326, a GeoDataFrame/GeoSeries of the boundary, or bounds
        ``(minlon, minlat, maxlon, maxlat)`` in degrees; None for no study area.
    detect_swap
        Set False to keep the latitude/longitude order of the file even if it looks swapped.
    progress, cancel
        ``progress(fraction, text)`` callback and a `threading.Event` that cancels the import.

    Returns
    -------
    Facilities
        Points in EPSG:4326 with ``.report`` the `ImportReport`.

    Raises
    ------
    InputError
        When no location column is found, or the mapping names a column that does not exist.
    """
    area = _study_area_geometry(study_area)
    text = _text_frame(df, where=source or None)
    resolved, explicit = _frame_mapping(text, mapping, source=source)
    _require_location(resolved, list(text.columns), where=source or None)
    first_row = int(df.attrs.get("first_row_number", 1))
    rows = np.arange(first_row, first_row + len(text))
    issues = _Issues(rows)
    _geometry_note(df, issues)
    report_progress(progress, 0.05, _("reading locations"))
    check_cancel(cancel)
    keep = ~_empty_rows(text, issues)
    review = np.zeros(len(text), dtype=bool)
    lon, lat = _locations(
        text, resolved, issues, keep, detect_swap=detect_swap, area=area, review=review
    )
    report_progress(progress, 0.35, _("checking locations"))
    check_cancel(cancel)
    _check_places(lon, lat, issues, keep, review, area=area)
    report_progress(progress, 0.5, _("reading capabilities"))
    check_cancel(cancel)
    ids, names = _ids_and_names(text, resolved, issues, keep, review, explicit=explicit)
    values: dict[str, Any] = dict(_capabilities(text, resolved, issues, keep, review))
    report_progress(progress, 0.7, _("reading quality and capacity"))
    check_cancel(cancel)
    values.update(_quality(text, resolved, issues, keep, review))
    report_progress(progress, 0.85, _("finding duplicates"))
    check_cancel(cancel)
    values["facility_id"] = _duplicates(ids, names, lon, lat, rows, issues, keep, review)
    _reading_notes(df.attrs.get("row_notes") or {}, issues, keep, review)
    values["name"] = names
    values["review"] = review
    gdf = _facility_frame(text, resolved, values, lon, lat, keep)
    report = _import_report(df, resolved, issues, values["facility_id"], keep, source=source)
    report_progress(progress, 1.0, report.summary())
    return Facilities(gdf, report=report)


def _import_report(
    df: pd.DataFrame,
    resolved: Mapping[str, str],
    issues: _Issues,
    ids: np.ndarray,
    keep: np.ndarray,
    *,
    source: str,
) -> ImportReport:
    """The `ImportReport` of a read: the mapping used, what was recognised of the file
    (`ccgeo.io.sources`) and every row's issues."""
    report = ImportReport(
        source=source,
        mapping=dict(resolved),
        sheet=df.attrs.get("sheet"),
        recognised=source_format(df).describe(),
    )
    _fill_report(report, issues, ids, keep)
    return report


def _text_frame(df: pd.DataFrame, *, where: str | None) -> pd.DataFrame:
    """The table with text column names and every cell text or None; refuses repeated column
    names and a table without rows."""
    columns = [str(c) for c in df.columns]
    if len(df.columns) != len(set(columns)):
        msg = _("the table has repeated column names: {columns}").format(columns=columns)
        raise InputError(msg, path=where)
    if len(df) == 0:
        msg = _("the table has no data rows (columns found: {columns})").format(columns=columns)
        raise InputError(msg, path=where)
    df = df.copy()
    df.columns = columns
    text = df.astype(object).where(df.notna(), None)
    for c in text.columns:
        # frames built in code may hold numbers; files read by read_raw hold text already
        if pd.api.types.infer_dtype(text[c], skipna=True) not in ("string", "empty"):
            text[c] = text[c].map(cell_text)
    return text


def _frame_mapping(
    text: pd.DataFrame, mapping: Mapping[str, str] | str | Path | None, *, source: str
) -> tuple[dict[str, str], set[str]]:
    """`_resolve_mapping` of a frame, with the hints of its recognised format."""
    hints = source_format(text).hints
    return _resolve_mapping(list(text.columns), mapping, source=source, hints=hints)


def _require_location(resolved: dict[str, str], columns: list[str], *, where: str | None) -> None:
    if ("lon" in resolved and "lat" in resolved) or "coordinates" in resolved:
        return
    found = [f for f in ("lon", "lat") if f in resolved]
    why = (
        _("only {field} ({column!r}) was found; ").format(field=found[0], column=resolved[found[0]])
        if found
        else ""
    )
    msg = _(
        "no location columns: {why}expected latitude and longitude columns (lat, latitude, "
        "latitud, y / lon, lng, long, longitude, longitud, x) or one coordinates column "
        "with 'lat, lon'; the columns are {columns}; map them with a mapping file"
    ).format(why=why, columns=columns)
    raise InputError(msg, path=where)


def _empty_rows(text: pd.DataFrame, issues: _Issues) -> np.ndarray:
    """Rows with no value at all, each rejected."""
    empty = text.isna().all(axis=1).to_numpy()
    for pos in np.flatnonzero(empty):
        issues.add(int(pos), "rejected", _("empty row"), _("delete the row or fill it in"))
    return empty


def _geometry_note(df: pd.DataFrame, issues: _Issues) -> None:
    """The point layer reader's notes (features that are not points, what GDAL warned of on
    a damaged layer), as file warnings."""
    if df.attrs.get("geometry_note"):
        issues.add(
            None, "warning", str(df.attrs["geometry_note"]), _("check those locations on the map")
        )
    if df.attrs.get("layer_note"):
        issues.add(
            None,
            "warning",
            _("the layer is damaged: {note}").format(note=df.attrs["layer_note"]),
            _("check the locations on the map; open the layer in QGIS and save it again"),
        )


def _reading_notes(
    notes: Mapping[int, str], issues: _Issues, keep: np.ndarray, review: np.ndarray
) -> None:
    """Rows the table reader read in an unusual way (a stray quote): doubtful when imported."""
    fix = _("check the row's cells against the file; remove the stray quote there")
    for pos, note in notes.items():
        if not 0 <= pos < keep.size:
            continue
        issues.add(int(pos), "doubtful" if keep[pos] else "rejected", note, fix)
        review[pos] |= bool(keep[pos])


def _facility_frame(
    text: pd.DataFrame,
    resolved: dict[str, str],
    values: dict[str, Any],
    lon: np.ndarray,
    lat: np.ndarray,
    keep: np.ndarray,
) -> gpd.GeoDataFrame:
    """The kept rows: schema columns, then the file's other columns as text, as points."""
    schema = pd.DataFrame(
        {
            "facility_id": pd.Series(values["facility_id"], dtype=object),
            "name": pd.Series(values["name"], dtype=object),
            **{cap: pd.Series(values[cap], dtype=bool) for cap in CAPABILITIES},
            "eqa": pd.Series(values["eqa"], dtype=object),
            "accreditation": pd.Series(values["accreditation"], dtype=object),
            "capacity_tests_per_year": pd.Series(values["capacity_tests_per_year"], dtype=float),
            "ownership": pd.Series(values["ownership"], dtype=object),
            **{c: pd.Series(values[c], dtype=float) for c in WORKFORCE_COLUMNS if c in values},
            "review": pd.Series(values["review"], dtype=bool),
        }
    )
    used = set(resolved.values()) | {"__lon", "__lat"}
    reserved = {*FACILITY_COLUMNS, *WORKFORCE_COLUMNS, "review", "geometry"}
    extras = text[[c for c in text.columns if c not in used]].reset_index(drop=True)
    extras.columns = [f"{c} (source)" if c in reserved else c for c in extras.columns]
    table = pd.concat([schema, extras], axis=1).loc[keep].reset_index(drop=True)
    return gpd.GeoDataFrame(
        table, geometry=gpd.points_from_xy(lon[keep], lat[keep]), crs="EPSG:4326"
    )


def _fill_report(
    report: ImportReport, issues: _Issues, final_ids: Sequence[Any], keep: np.ndarray
) -> None:
    """Move the issues into the report, by row, with the final ids; check that every row not
    kept has its rejection."""
    rows = issues.rows
    ids = np.asarray(final_ids, dtype=object)
    for pos, severity, problem, fix, column, value in sorted(
        issues.items, key=lambda it: -1 if it[0] is None else it[0]
    ):
        report.add(
            None if pos is None else int(rows[pos]),
            severity,
            problem,
            fix,
            column=column,
            value=value,
            facility_id=None if pos is None else str(ids[pos]),
        )
    report.n_rows = len(rows)
    report.n_imported = int(keep.sum())
    rejected = report.rejected_rows()
    # the promise of every reader: no row disappears without a rejected issue
    if (
        rejected != set(rows[~keep].tolist())
        or report.n_rows != report.n_imported + report.n_rejected
    ):
        msg = (
            f"import bookkeeping broke: {len(rows)} rows, {int(keep.sum())} kept, "
            f"{len(rejected)} rejected"
        )
        raise AssertionError(msg)


def _locations(
    text: pd.DataFrame,
    mapping: dict[str, str],
    issues: _Issues,
    keep: np.ndarray,
    *,
    detect_swap: bool,
    area: BaseGeometry | None,
    review: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Parse lon/lat of every row; reject blank and bad ones; put swapped rows back
    (`_decide_swaps`) and reject those no reading makes plausible."""
    n = len(text)
    lon = np.full(n, np.nan)
    lat = np.full(n, np.nan)
    missing = np.ones(n, dtype=bool)
    bad = np.zeros(n, dtype=bool)
    if "lon" in mapping and "lat" in mapping:
        lon, lat, missing, bad = _lon_lat_columns(
            text, mapping["lon"], mapping["lat"], issues, keep
        )
    # fallbacks fill rows with no location at all
    for first, second in _fallback_columns(text, mapping):
        todo = missing & ~bad & keep
        if not todo.any():
            break
        got = _fill_from(text, first, second, todo, lon, lat, bad, issues)
        missing &= ~got
    for pos in np.flatnonzero(missing & ~bad & keep):
        issues.add(int(pos), "rejected", _("no location"), _("fill lat/lon or geocode the address"))
    keep &= ~(missing | bad)
    if detect_swap and keep.any():
        decision = _decide_swaps(lon, lat, keep, area=area)
        _report_swaps(decision, lon, lat, keep, issues, review, mapping=mapping)
        _reject_unswappable(decision, lon, lat, keep, issues)
        lon, lat = np.where(decision.swap, lat, lon), np.where(decision.swap, lon, lat)
    return lon, lat


def _lon_lat_columns(
    text: pd.DataFrame, lon_col: str, lat_col: str, issues: _Issues, keep: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Parse the lon and lat columns: (lon, lat, both blank, rejected); a value that does not
    parse, or one of the two left blank, rejects the row."""
    lon, lon_blank, lon_err = _parse_coordinate_column(text[lon_col])
    lat, lat_blank, lat_err = _parse_coordinate_column(text[lat_col])
    bad = np.zeros(len(text), dtype=bool)
    for problem, col, errs in (
        (N_("longitude {error}"), lon_col, lon_err),
        (N_("latitude {error}"), lat_col, lat_err),
    ):
        for pos, err in errs.items():
            if keep[pos]:
                issues.add(
                    pos,
                    "rejected",
                    _(problem).format(error=err),
                    _("correct the coordinate in the file"),
                    column=col,
                    value=text[col].iat[pos],
                )
            bad[pos] = True
    half = (lon_blank ^ lat_blank) & ~bad & keep
    for pos in np.flatnonzero(half):
        blank, col = (
            (_("longitude is blank"), lon_col)
            if lon_blank[pos]
            else (_("latitude is blank"), lat_col)
        )
        issues.add(
            int(pos),
            "rejected",
            blank,
            _("fill {column!r} or geocode the address").format(column=col),
            column=col,
        )
    return lon, lat, lon_blank & lat_blank, bad | half


def _fallback_columns(text: pd.DataFrame, mapping: dict[str, str]) -> list[tuple[str, str | None]]:
    """Where else a location may be: the ``coordinates`` column (second None), then the lat/lon
    attributes of a GIS layer whose features lack geometry."""
    fallbacks: list[tuple[str, str | None]] = []
    if "coordinates" in mapping:
        fallbacks.append((mapping["coordinates"], None))
    if mapping.get("lon") == "__lon":
        attr = _guess(
            [c for c in text.columns if c not in mapping.values()],
            fields=("lon", "lat"),
            taken=set(),
        )
        if "lon" in attr and "lat" in attr:
            fallbacks.append((attr["lon"], attr["lat"]))
    return fallbacks


def _fill_from(
    text: pd.DataFrame,
    first: str,
    second: str | None,
    todo: np.ndarray,
    lon: np.ndarray,
    lat: np.ndarray,
    bad: np.ndarray,
    issues: _Issues,
) -> np.ndarray:
    """Fill ``lon``/``lat`` of the rows in ``todo`` from a fallback (see `_fallback_columns`);
    mark the values that do not parse in ``bad``. Returns the rows filled."""
    if second is None:
        f_lon, f_lat, f_blank, f_err = _parse_pair_column(text[first], todo)
    else:
        f_lon, f_blank_lon, e1 = _parse_coordinate_column(text[first].where(todo, None))
        f_lat, f_blank_lat, e2 = _parse_coordinate_column(text[second].where(todo, None))
        f_blank = f_blank_lon | f_blank_lat
        f_err = {**e2, **e1}
    for pos, err in f_err.items():
        if todo[pos]:
            issues.add(
                pos,
                "rejected",
                _("location {error}").format(error=err),
                _("correct the coordinates in the file"),
                column=first,
                value=text[first].iat[pos],
            )
            bad[pos] = True
    got = todo & ~f_blank & ~bad
    lon[got], lat[got] = f_lon[got], f_lat[got]
    if second is not None:
        for pos in np.flatnonzero(got):
            issues.add(
                int(pos),
                "fixed",
                _("no point geometry; location taken from columns {first!r}/{second!r}").format(
                    first=first, second=second
                ),
                _("check the location on the map"),
            )
    return got


#: How a user keeps the file's latitude/longitude order, in the app and on the command line.
KEEP_ORDER = N_(
    "if this is wrong, import again with swap detection off (untick 'Detect swapped latitude "
    "and longitude' in the import wizard, or give --keep-lat-lon to ccgeo import-facilities)"
)


def _undo_swap_hint(mapping: dict[str, str]) -> str:
    if "lon" in mapping and "lat" in mapping:
        return _(
            "{keep_order}; to make the swap explicit, map lat = {lon_column!r} and "
            "lon = {lat_column!r} in a column mapping (--mapping)"
        ).format(keep_order=_(KEEP_ORDER), lon_column=mapping["lon"], lat_column=mapping["lat"])
    return _(KEEP_ORDER)


def _parse_pair_column(
    values: pd.Series, todo: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, dict[int, str]]:
    """Parse a "lat, lon" column on the rows in ``todo``: (lon, lat, blank, {pos: error})."""
    n = len(values)
    lon = np.full(n, np.nan)
    lat = np.full(n, np.nan)
    blank = np.ones(n, dtype=bool)
    errors: dict[int, str] = {}
    for pos in np.flatnonzero(todo & values.notna().to_numpy()):
        raw = str(values.iat[pos]).strip()
        if not raw:
            continue
        pair = _split_pair(raw)
        if pair is None:
            errors[int(pos)] = _(
                "{value!r} is not a pair of coordinates; expected 'lat, lon' such as '-1.28, 36.82'"
            ).format(value=raw)
            continue
        try:
            la, lo = parse_coordinate(pair[0]), parse_coordinate(pair[1])
        except ValueError as exc:
            errors[int(pos)] = f"{raw!r}: {exc}"
            continue
        if math.isnan(la) or math.isnan(lo):
            errors[int(pos)] = _("{value!r} lacks one of latitude and longitude").format(value=raw)
            continue
        lat[pos], lon[pos], blank[pos] = la, lo, False
    return lon, lat, blank, errors


# ---------------------------------------------------------------------------------------------
# swapped latitude and longitude, row by row


@dataclass(frozen=True)
class _Extent:
    """Where the rows of a file are expected: the study area, else a robust box around the
    rows' median location (`SWAP_BOX_MADS`, `SWAP_BOX_MIN_DEG`) and on land."""

    area: BaseGeometry | None
    box: tuple[float, float, float, float] | None

    def inside(
        self, lon: np.ndarray, lat: np.ndarray, land: np.ndarray | None = None
    ) -> np.ndarray:
        """Whether each point (degrees) is possible and where the rows are expected; ``land``
        is `_near_land` of the points when already known."""
        ok = _possible(lon, lat)
        if self.area is not None:
            shapely.prepare(self.area)
            ok[ok] = shapely.contains_xy(self.area, lon[ok], lat[ok])
            return ok
        if self.box is not None:
            minx, miny, maxx, maxy = self.box
            ok &= (lon >= minx) & (lon <= maxx) & (lat >= miny) & (lat <= maxy)
        if land is not None:
            return ok & land
        ok[ok] = _near_land(lon[ok], lat[ok])
        return ok

    def describe(self) -> str:
        """The extent in words, for messages."""
        if self.area is not None:
            return _("the study area")
        if self.box is None:
            return _("land")
        minx, miny, maxx, maxy = self.box
        return _(
            "the area of the other rows (lat {miny:.1f} to {maxy:.1f}, lon {minx:.1f} to "
            "{maxx:.1f}), on land"
        ).format(minx=minx, miny=miny, maxx=maxx, maxy=maxy)


def _possible(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Finite, within ±90 latitude and ±180 longitude, and not the (0, 0) placeholder."""
    with np.errstate(invalid="ignore"):
        ok = np.isfinite(lon) & np.isfinite(lat) & (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    return ok & ~((lon == 0) & (lat == 0))


def _near_land(lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Whether each point lies within `LAND_TOLERANCE_DEG` of the coarse land mask."""
    out = np.zeros(lon.size, dtype=bool)
    tree = _land_tree()
    if tree is None or not lon.size:
        return out
    idx = np.flatnonzero(_possible(lon, lat))
    pts = shapely.points(lon[idx], lat[idx])
    hits = tree.query(pts, predicate="dwithin", distance=LAND_TOLERANCE_DEG)
    out[idx[np.unique(hits[0])]] = True
    return out


def _rows_box(lon: np.ndarray, lat: np.ndarray) -> tuple[float, float, float, float] | None:
    """A box around the median location that a few stray rows cannot move: the median ±
    `SWAP_BOX_MADS` scaled median absolute deviations (at least `SWAP_BOX_MIN_DEG`) on each
    axis, in degrees; None without a possible point."""
    ok = _possible(lon, lat)
    if not ok.any():
        return None
    bounds = []
    for v in (lon[ok], lat[ok]):
        centre = float(np.median(v))
        half = max(SWAP_BOX_MADS * 1.4826 * float(np.median(np.abs(v - centre))), SWAP_BOX_MIN_DEG)
        bounds.append((centre - half, centre + half))
    (minx, maxx), (miny, maxy) = bounds
    return (minx, miny, maxx, maxy)


@dataclass(frozen=True)
class _SwapDecision:
    """Which located rows to swap, and why."""

    swap: np.ndarray  #: by row position: take (lat, lon) for (lon, lat)
    file_reason: str  #: why the whole file reads swapped, or ""
    extent: _Extent  #: where the rows are expected (in the file's reading)
    given_inside: np.ndarray  #: the given point lies in the extent
    swapped_inside: np.ndarray  #: the swapped point lies in the extent


def _decide_swaps(
    lon: np.ndarray, lat: np.ndarray, keep: np.ndarray, *, area: BaseGeometry | None
) -> _SwapDecision:
    """Decide, row by row, whether latitude and longitude are swapped.

    The file is first read as given or, when most rows make sense only swapped, as swapped
    (`_file_swap_reason`). The expected extent is the study area, else the box of the rows in
    that reading (`_rows_box`) on land. A row takes the other reading when its point in the
    file's reading is impossible or outside the extent while the other point is inside it; in
    a swapped file, a row in the extent neither way keeps its given order when only that puts
    it on land, and a row impossible when swapped keeps it too (it is rejected later, naming
    its values). Rows in the extent never move.
    """
    idx = np.flatnonzero(keep)
    lo, la = lon[idx], lat[idx]
    land: tuple[np.ndarray | None, np.ndarray | None] = (None, None)
    if area is None:
        # the land mask is the slow part: look each point up once, both ways
        land = (_near_land(lo, la), _near_land(la, lo))
    reason = _file_swap_reason(lo, la, area=area, land=land)
    box = None if area is not None else _rows_box(*((la, lo) if reason else (lo, la)))
    extent = _Extent(area, box)
    given_inside = np.zeros(lon.size, dtype=bool)
    swapped_inside = np.zeros(lon.size, dtype=bool)
    given_inside[idx] = extent.inside(lo, la, land[0])
    swapped_inside[idx] = extent.inside(la, lo, land[1])
    if reason:
        take_given = given_inside & ~swapped_inside
        land_given, land_swapped = land
        if land_given is not None and land_swapped is not None:
            # in the extent neither way (a registry's stray row) but on land only as given:
            # it stays as given, never moved into the sea
            g, w = given_inside[idx], swapped_inside[idx]
            take_given[idx] |= ~g & ~w & land_given & ~land_swapped
        swap = keep & ~take_given & _possible(lat, lon)
    else:
        swap = keep & swapped_inside & ~given_inside
    return _SwapDecision(swap, reason, extent, given_inside, swapped_inside)


def _file_swap_reason(
    lon: np.ndarray,
    lat: np.ndarray,
    *,
    area: BaseGeometry | None,
    land: tuple[np.ndarray | None, np.ndarray | None] = (None, None),
) -> str:
    """Why the located rows read swapped as a whole, or ``""``: at least half of them are where
    the rows are expected (`_Extent` without a box: the study area, or land) only when swapped,
    and fewer than half as many only as given. ``land``: `_near_land` of the given and the
    swapped points, when known."""
    n = lon.size
    if not n:
        return ""
    extent = _Extent(area, None)
    given = extent.inside(lon, lat, land[0])
    swapped = extent.inside(lat, lon, land[1])
    only_swapped = int((swapped & ~given).sum())
    only_given = int((given & ~swapped).sum())
    if only_swapped < max(1, 0.5 * n) or only_given >= only_swapped / 2:
        return ""
    beyond = int(((np.abs(lat) > 90) & (np.abs(lon) <= 90)).sum())
    if beyond >= 0.5 * n:
        return ngettext(
            "{beyond} of {n} latitudes are beyond ±90 while their longitudes are not",
            "{beyond} of {n} latitudes are beyond ±90 while their longitudes are not",
            n,
        ).format(beyond=beyond, n=n)
    if area is not None:
        return _(
            "{swapped:.0%} of the swapped points fall in the study area against "
            "{given:.0%} of the given ones"
        ).format(swapped=swapped.mean(), given=given.mean())
    return _(
        "{sea:.0%} of the given points fall in the sea while {swapped:.0%} "
        "of the swapped ones fall on land"
    ).format(sea=1 - given.mean(), swapped=swapped.mean())


def _deg(value: float) -> str:
    """Degrees as written in a message: up to 6 decimals, no trailing zeros."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _report_swaps(
    decision: _SwapDecision,
    lon: np.ndarray,
    lat: np.ndarray,
    keep: np.ndarray,
    issues: _Issues,
    review: np.ndarray,
    *,
    mapping: dict[str, str],
) -> None:
    """Name every row the swap rule changed (values as given, as imported, and why), and the
    rows a swapped file keeps as given; ``lon``/``lat`` are the values as given."""
    rows = issues.rows
    where = decision.extent.describe()
    if decision.file_reason:
        kept = np.flatnonzero(keep & ~decision.swap)
        which = (
            _("every located row")
            if not kept.size
            else _("every located row except {rows} (kept as given, see below)").format(
                rows=_row_list(rows[kept])
            )
        )
        issues.add(
            None,
            "warning",
            _(
                "latitude and longitude look swapped in the whole file ({reason}); "
                "they were swapped back for {which}"
            ).format(reason=decision.file_reason, which=which),
            _undo_swap_hint(mapping),
        )
        for pos in kept[_possible(lon[kept], lat[kept])]:
            issues.add(
                int(pos),
                "doubtful",
                _(
                    "kept as given (lat {lat}, lon {lon}) although the file reads swapped: "
                    "swapped, it would fall outside {where}"
                ).format(lat=_deg(lat[pos]), lon=_deg(lon[pos]), where=where),
                _("check the location; if it is swapped too, exchange the two cells in the file"),
            )
            review[pos] = True
        return
    for pos in np.flatnonzero(decision.swap):
        problem = (
            N_(
                "latitude and longitude swapped: given lat {lat}, lon {lon}, which is impossible; "
                "put back as lat {new_lat}, lon {new_lon}, in {where}"
            )
            if abs(lat[pos]) > 90
            else N_(
                "latitude and longitude swapped: given lat {lat}, lon {lon}, which falls outside "
                "{where}; put back as lat {new_lat}, lon {new_lon}, in {where}"
            )
        )
        issues.add(
            int(pos),
            "fixed",
            _(problem).format(
                lat=_deg(lat[pos]),
                lon=_deg(lon[pos]),
                new_lat=_deg(lon[pos]),
                new_lon=_deg(lat[pos]),
                where=where,
            ),
            _("correct the row in the file; {keep_order}").format(keep_order=_(KEEP_ORDER)),
            value=f"{_deg(lat[pos])}, {_deg(lon[pos])}",
        )


def _row_list(rows: np.ndarray, *, most: int = 20) -> str:
    """Row numbers in words: 'row 4', 'rows 4, 9 and 12', the first `most` and how many more."""
    shown = [str(int(r)) for r in rows[:most]]
    if len(shown) == 1:
        return _("row {row}").format(row=shown[0])
    more = len(rows) - len(shown)
    if more:
        return _("rows {rows} and {more} more").format(rows=", ".join(shown), more=more)
    return _("rows {rows} and {last}").format(rows=", ".join(shown[:-1]), last=shown[-1])


def _reject_unswappable(
    decision: _SwapDecision, lon: np.ndarray, lat: np.ndarray, keep: np.ndarray, issues: _Issues
) -> None:
    """Reject the rows whose latitude is beyond ±90 and that are not kept swapped: neither
    reading puts them where the rows are expected."""
    where = decision.extent.describe()
    with np.errstate(invalid="ignore"):
        beyond = keep & ~decision.swap & (np.abs(lat) > 90)
    for pos in np.flatnonzero(beyond):
        if abs(lon[pos]) <= 90:
            fix = _(
                "swapped (lat {lat}, lon {lon}) it does not fall in {where} either; correct the "
                "coordinate"
            ).format(lat=_deg(lon[pos]), lon=_deg(lat[pos]), where=where)
        else:
            fix = _("are latitude and longitude swapped? correct the coordinate")
        issues.add(
            int(pos),
            "rejected",
            _("latitude {value} is outside -90..90").format(value=f"{lat[pos]:g}"),
            fix,
            value=f"{lat[pos]:g}",
        )
        keep[pos] = False


def _check_places(
    lon: np.ndarray,
    lat: np.ndarray,
    issues: _Issues,
    keep: np.ndarray,
    review: np.ndarray,
    *,
    area: BaseGeometry | None,
) -> None:
    """Reject impossible points and those far outside the study area; flag outliers."""
    _reject_impossible(lon, lat, issues, keep)
    idx = np.flatnonzero(keep)
    if idx.size == 0:
        return
    if area is not None:
        _check_study_area(area, idx, lon, lat, issues, keep, review)
    elif idx.size >= 3:
        _flag_outliers(idx, lon, lat, issues, review)


def _reject_impossible(lon: np.ndarray, lat: np.ndarray, issues: _Issues, keep: np.ndarray) -> None:
    """Reject coordinates out of range and the (0, 0) placeholder."""
    for pos in np.flatnonzero(keep & (np.abs(lat) > 90)):
        issues.add(
            int(pos),
            "rejected",
            _("latitude {value} is outside -90..90").format(value=f"{lat[pos]:g}"),
            _("are latitude and longitude swapped? correct the coordinate"),
            value=f"{lat[pos]:g}",
        )
    for pos in np.flatnonzero(keep & (np.abs(lat) <= 90) & (np.abs(lon) > 180)):
        issues.add(
            int(pos),
            "rejected",
            _("longitude {value} is outside -180..180").format(value=f"{lon[pos]:g}"),
            _("correct the coordinate"),
            value=f"{lon[pos]:g}",
        )
    keep &= (np.abs(lat) <= 90) & (np.abs(lon) <= 180)
    null_island = keep & (lon == 0) & (lat == 0)
    for pos in np.flatnonzero(null_island):
        issues.add(
            int(pos),
            "rejected",
            _("location 0, 0 is a placeholder, not a place"),
            _("fill lat/lon or geocode the address"),
            value="0, 0",
        )
    keep &= ~null_island


def _check_study_area(
    area: BaseGeometry,
    idx: np.ndarray,
    lon: np.ndarray,
    lat: np.ndarray,
    issues: _Issues,
    keep: np.ndarray,
    review: np.ndarray,
) -> None:
    """Reject the points ``idx`` more than `OUTSIDE_REJECT_M` outside the area; flag the rest
    of those outside it."""
    shapely.prepare(area)
    outside = idx[~shapely.contains_xy(area, lon[idx], lat[idx])]
    if not outside.size:
        return
    for pos, d in zip(outside, _metres_outside(area, lon[outside], lat[outside]), strict=True):
        where = _("location ({lon:.5f}, {lat:.5f}) is {km:.1f} km outside the study area").format(
            lon=lon[pos], lat=lat[pos], km=d / 1000
        )
        if d > OUTSIDE_REJECT_M:
            issues.add(
                int(pos),
                "rejected",
                where,
                _("check the geocoding or the coordinates, or widen the study area"),
            )
            keep[pos] = False
        else:
            issues.add(
                int(pos),
                "doubtful",
                where,
                _("check the location; it may be just across the boundary"),
            )
            review[pos] = True


def _metres_outside(area: BaseGeometry, lon: np.ndarray, lat: np.ndarray) -> np.ndarray:
    """Distance from each point to the area in metres, in the area's local UTM zone."""
    c = area.centroid
    crs = local_utm_crs(c.x, c.y)
    area_m = shapely.transform(area, lambda xy: project_lonlat(xy, crs))
    xy = project_lonlat(np.column_stack([lon, lat]), crs)
    # points a continent away do not project into the local UTM zone: far anyway
    finite = np.isfinite(xy).all(axis=1)
    dist = np.full(len(lon), np.inf)
    dist[finite] = shapely.distance(area_m, shapely.points(xy[finite]))
    return dist


def _flag_outliers(
    idx: np.ndarray, lon: np.ndarray, lat: np.ndarray, issues: _Issues, review: np.ndarray
) -> None:
    """Flag the points ``idx`` far from the median location (the rule in the module docstring)."""
    mlon, mlat = float(np.median(lon[idx])), float(np.median(lat[idx]))
    dist = great_circle_m(np.full(idx.size, mlon), np.full(idx.size, mlat), lon[idx], lat[idx])
    limit = max(OUTLIER_FACTOR * float(np.percentile(dist, 95)), OUTLIER_MIN_M)
    for pos, d in zip(idx[dist > limit], dist[dist > limit], strict=True):
        issues.add(
            int(pos),
            "doubtful",
            _(
                "location ({lon:.5f}, {lat:.5f}) is {km:.0f} km from the median location of the "
                "file, beyond {limit:.0f} km"
            ).format(lon=lon[pos], lat=lat[pos], km=d / 1000, limit=limit / 1000),
            _("check the geocoding, or give a study area"),
        )
        review[pos] = True


def _ids_and_names(
    text: pd.DataFrame,
    mapping: dict[str, str],
    issues: _Issues,
    keep: np.ndarray,
    review: np.ndarray,
    *,
    explicit: set[str],
) -> tuple[np.ndarray, np.ndarray]:
    n = len(text)
    rows = issues.rows
    generated = np.array([f"row-{r}" for r in rows], dtype=object)
    if "facility_id" in mapping:
        raw = text[mapping["facility_id"]].fillna("").astype(str).str.strip().to_numpy(dtype=object)
        blank = raw == ""
        # registries write 0 (or 000) where the code is unknown: a placeholder, not an id
        placeholder = pd.Series(raw, dtype=object).str.fullmatch(r"0+").to_numpy(dtype=bool)
        ids = np.where(blank | placeholder, generated, raw)
        for pos in np.flatnonzero((blank | placeholder) & keep):
            problem = (
                _("no id; {id} was given").format(id=generated[pos])
                if blank[pos]
                else _("id {value!r} is a placeholder; {id} was given").format(
                    value=raw[pos], id=generated[pos]
                )
            )
            issues.add(
                int(pos),
                "fixed",
                problem,
                _("fill {column!r} to keep ids stable").format(column=mapping["facility_id"]),
                column=mapping["facility_id"],
                value=None if blank[pos] else str(raw[pos]),
            )
    else:
        ids = generated
        if "facility_id" not in explicit:
            issues.add(
                None,
                "warning",
                _("no id column found; ids row-N were made from row numbers"),
                _("add an id column (code, id, CO_CNES, mfl_code...) or map one"),
            )
    if "name" in mapping:
        names = text[mapping["name"]].fillna("").astype(str).str.strip().to_numpy(dtype=object)
    else:
        names = np.full(n, "", dtype=object)
    no_name = (names == "") & keep
    for pos in np.flatnonzero(no_name):
        issues.add(
            int(pos),
            "doubtful",
            _("no name; the id is shown instead"),
            _("fill the name") if "name" in mapping else _("map a name column"),
            column=mapping.get("name"),
        )
    review |= no_name
    names = np.where(names == "", ids, names)
    return ids, names


def _capabilities(
    text: pd.DataFrame,
    mapping: dict[str, str],
    issues: _Issues,
    keep: np.ndarray,
    review: np.ndarray,
) -> dict[str, np.ndarray]:
    n = len(text)
    out = {cap: np.zeros(n, dtype=bool) for cap in CAPABILITIES}
    for cap in CAPABILITIES:
        if cap not in mapping:
            continue
        col = mapping[cap]
        parsed = _distinct_map(text[col], _yes_no)
        unknown = parsed.isna().to_numpy() & keep
        # np.array copies: pandas' copy-on-write hands out read-only views
        out[cap] = np.array(parsed.fillna(False), dtype=bool)
        for pos in np.flatnonzero(unknown):
            value = text[col].iat[pos]
            issues.add(
                int(pos),
                "doubtful",
                _("{capability}: {value!r} is not a yes/no value; read as no").format(
                    capability=cap, value=value
                ),
                _("write yes or no"),
                column=col,
                value=value,
            )
        review |= unknown
    if "tests" in mapping:
        col = mapping["tests"]
        listed = _distinct_map(text[col], _tests_listed)
        found = listed.map(lambda t: t[0])
        for cap in CAPABILITIES:
            out[cap] = out[cap] | found.map(lambda s, c=cap: c in s).to_numpy(dtype=bool)
        unknown_items = listed.map(lambda t: t[1])
        has_unknown = unknown_items.map(bool).to_numpy() & keep
        for pos in np.flatnonzero(has_unknown):
            items = unknown_items.iat[pos]
            issues.add(
                int(pos),
                "doubtful",
                _("tests not recognised: {tests}").format(tests=", ".join(repr(i) for i in items)),
                _(
                    "name the tests (IHC, PCR, NGS, FISH, flow cytometry, histology...) or set "
                    "the capability columns"
                ),
                column=col,
                value="; ".join(items),
            )
        review |= has_unknown
    return out


def _quality(
    text: pd.DataFrame,
    mapping: dict[str, str],
    issues: _Issues,
    keep: np.ndarray,
    review: np.ndarray,
) -> dict[str, np.ndarray]:
    n = len(text)
    out: dict[str, np.ndarray] = {
        "eqa": np.full(n, "none", dtype=object),
        "accreditation": np.full(n, "none", dtype=object),
        "capacity_tests_per_year": np.full(n, np.nan),
        "ownership": np.full(n, "unknown", dtype=object),
    }
    checks: tuple[tuple[str, Callable[[str], Any], str], ...] = (
        ("eqa", _eqa_level, N_("eqa: {value!r} is not a known EQA scheme; read as none")),
        (
            "accreditation",
            _accreditation,
            N_("accreditation: {value!r} is not a current accreditation; read as none"),
        ),
    )
    for key, parse, why in checks:
        if key not in mapping:
            continue
        col = mapping[key]
        parsed = _distinct_map(text[col], parse)
        out[key] = parsed.map(lambda t: t[0]).to_numpy(dtype=object)
        doubtful = ~parsed.map(lambda t: t[1]).to_numpy(dtype=bool) & keep
        for pos in np.flatnonzero(doubtful):
            value = text[col].iat[pos]
            fix = (
                _("write the scheme (IQN Path, UK NEQAS, CAP, national...) or no")
                if key == "eqa"
                else _("write ISO 15189, CAP, another scheme, or no")
            )
            issues.add(
                int(pos), "doubtful", _(why).format(value=value), fix, column=col, value=value
            )
        review |= doubtful
    if "capacity_tests_per_year" in mapping:
        col = mapping["capacity_tests_per_year"]
        parsed = _distinct_map(text[col], _capacity)
        out["capacity_tests_per_year"] = parsed.map(lambda t: t[0]).to_numpy(dtype=float)
        errs = parsed.map(lambda t: t[1])
        doubtful = errs.notna().to_numpy() & keep
        for pos in np.flatnonzero(doubtful):
            value = text[col].iat[pos]
            issues.add(
                int(pos),
                "doubtful",
                _(_CAPACITY_PROBLEMS[errs.iat[pos]]).format(value=value),
                _("write the number of tests per year, such as 12000"),
                column=col,
                value=value,
            )
        review |= doubtful
    if "ownership" in mapping:
        out["ownership"] = _distinct_map(text[mapping["ownership"]], _ownership).to_numpy(
            dtype=object
        )
    out.update(_workforce(text, mapping, issues, keep, review))
    return out


def _workforce(
    text: pd.DataFrame,
    mapping: dict[str, str],
    issues: _Issues,
    keep: np.ndarray,
    review: np.ndarray,
) -> dict[str, np.ndarray]:
    """Staff counts of the workforce columns the file has (people; NaN when blank or unusable,
    which is doubtful)."""
    out: dict[str, np.ndarray] = {}
    for key in WORKFORCE_COLUMNS:
        if key not in mapping:
            continue
        col = mapping[key]
        parsed = _distinct_map(text[col], _capacity)
        out[key] = parsed.map(lambda t: t[0]).to_numpy(dtype=float)
        doubtful = parsed.map(lambda t: t[1]).notna().to_numpy() & keep
        for pos in np.flatnonzero(doubtful):
            value = text[col].iat[pos]
            problem = _("{field}: {value!r} is not a number of people; left unknown")
            issues.add(
                int(pos),
                "doubtful",
                problem.format(field=key, value=value),
                _("write how many people, such as 3"),
                column=col,
                value=value,
            )
        review |= doubtful
    return out


def _duplicates(
    ids: np.ndarray,
    names: np.ndarray,
    lon: np.ndarray,
    lat: np.ndarray,
    rows: np.ndarray,
    issues: _Issues,
    keep: np.ndarray,
    review: np.ndarray,
) -> np.ndarray:
    """Reject exact duplicates, rename reused ids, flag one place listed under two ids."""
    ids = ids.copy()
    idx = np.flatnonzero(keep)
    if idx.size < 2:
        return ids
    # ~1 m: the same point typed twice, not two labs in one building with different ids
    frame = pd.DataFrame(
        {
            "id": ids[idx],
            "name": [_norm(v) for v in names[idx]],
            "x": np.round(lon[idx], 5),
            "y": np.round(lat[idx], 5),
            "row": rows[idx],
            "pos": idx,
        }
    )
    exact_keys = ["id", "name", "x", "y"]
    first_row = frame.groupby(exact_keys, sort=False)["row"].transform("first")
    exact = frame.duplicated(exact_keys, keep="first").to_numpy()
    for pos, first in zip(frame["pos"][exact], first_row[exact], strict=True):
        issues.add(
            int(pos),
            "rejected",
            _("duplicate of row {row}").format(row=first),
            _("delete the repeated row"),
        )
        keep[pos] = False
    rest = frame.loc[~exact]
    first_id_row = rest.groupby("id", sort=False)["row"].transform("first")
    same_id = rest.duplicated("id", keep="first").to_numpy()
    for pos, row, first in zip(
        rest["pos"][same_id], rest["row"][same_id], first_id_row[same_id], strict=True
    ):
        new = f"{ids[pos]}-dup{row}"
        issues.add(
            int(pos),
            "doubtful",
            _(
                "id {id!r} is also used by row {row} for another name or location; renamed {new!r}"
            ).format(id=ids[pos], row=first, new=new),
            _("give each facility its own id, or delete the repeated row"),
        )
        ids[pos] = new
        review[pos] = True
    named = rest.loc[rest["name"] != ""]
    place_keys = ["name", "x", "y"]
    first_place = named.groupby(place_keys, sort=False)["row"].transform("first")
    first_place_id = named.groupby(place_keys, sort=False)["id"].transform("first")
    same_place = named.duplicated(place_keys, keep="first").to_numpy()
    for pos, first, first_id in zip(
        named["pos"][same_place], first_place[same_place], first_place_id[same_place], strict=True
    ):
        issues.add(
            int(pos),
            "doubtful",
            _("same name and location as row {row} (id {id!r}) under another id").format(
                row=first, id=first_id
            ),
            _("if it is the same facility, delete one of the rows"),
        )
        review[pos] = True
    return ids


def read_facilities(
    path: str | Path,
    *,
    mapping: Mapping[str, str] | str | Path | None = None,
    sheet: str | int | None = None,
    layer: str | int | None = None,
    study_area: Any = None,
    detect_swap: bool = True,
    progress: ProgressCallback | None = None,
    cancel: Any = None,
) -> Facilities:
    """Read a facility file into validated `Facilities`; see `facilities_from_frame` for the rules.

    Parameters
    ----------
    path
        Any file `read_raw` reads.
    mapping
        Schema field → source column, or a path to a mapping file; the rest is guessed.
    sheet, layer
        Workbook sheet, or GeoPackage layer (name or 0-based index).
    study_area
        Polygon in EPSG:4326, boundary GeoDataFrame, or (minlon, minlat, maxlon, maxlat) degrees.
    detect_swap
        Set False to keep the file's latitude/longitude order even when it looks swapped.
    progress, cancel
        Progress callback ``(fraction, text)`` and a `threading.Event` that cancels the import.

    Returns
    -------
    Facilities
        Points in EPSG:4326; ``.report`` lists what happened to every row.
    """
    path = Path(path)
    report_progress(progress, 0.0, _("reading {name}").format(name=path.name))
    df = read_raw(path, sheet=sheet, layer=layer)
    check_cancel(cancel)

    def scaled(fraction: float, text: str) -> None:
        report_progress(progress, 0.1 + 0.9 * fraction, text)

    facilities = facilities_from_frame(
        df,
        mapping,
        source=str(path),
        study_area=study_area,
        detect_swap=detect_swap,
        progress=scaled if progress is not None else None,
        cancel=cancel,
    )
    if facilities.report is not None:
        facilities.report.sheet = df.attrs.get("sheet") or df.attrs.get("layer")
    return facilities


__all__ = [
    "FACILITY_KINDS",
    "FIELDS",
    "check_facility_file",
    "facilities_from_frame",
    "guess_mapping",
    "load_mapping",
    "read_facilities",
    "read_raw",
]
