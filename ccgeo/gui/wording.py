"""Messages in the planner's words: the one place where the app turns the names of settings and
arguments (``max_snap_m``, ``spokes``) into the labels its panels show.

The settings objects and the analyses word their errors for the command line and the Python API,
naming the setting as it is spelt there (`` `max_snap_m` should be a number above 0``). The app
shows the same message with the panel's label instead (“Off-road up to” should be a number
above 0): every panel, dialog and message box passes what it shows through `for_planner`.

The labels are marked for Qt's translation (`QT_TR_NOOP`) and translated where a message is
worded, so a message translated by gettext (`ccgeo.i18n`), which keeps the backticked setting
names, reads with the labels of the app's language.
"""

from __future__ import annotations

import html
import re

from ccgeo.gui.language import QT_TR_NOOP, tr
from ccgeo.i18n import gettext

#: The label (or plain words) of every setting, argument and column a message may name, by name
#: (English; translated where a message is worded: `label_of`).
FIELD_LABELS: dict[str, str] = {
    # shared by every analysis (the Analysis panel)
    "capability": QT_TR_NOOP("Test"),
    "quality": QT_TR_NOOP("Lab quality"),
    "mode": QT_TR_NOOP("Travel mode"),
    "speeds": QT_TR_NOOP("Speeds"),
    "congestion": QT_TR_NOOP("Traffic"),
    "max_snap_m": QT_TR_NOOP("Off-road up to"),
    "walk_kmh": QT_TR_NOOP("Walking to road"),
    "candidates": QT_TR_NOOP("road points tried per person"),
    "thresholds_minutes": QT_TR_NOOP("Thresholds (min)"),
    "threshold_minutes": QT_TR_NOOP("threshold (min)"),
    # Site new hubs
    "model": QT_TR_NOOP("Goal"),
    "hubs": QT_TR_NOOP("New hubs"),
    "minutes": QT_TR_NOOP("time limit (min)"),
    "target_share": QT_TR_NOOP("Target share"),
    "sources": QT_TR_NOOP("Candidate sites"),
    "grid_spacing_m": QT_TR_NOOP("grid spacing (m)"),
    "spacing_m": QT_TR_NOOP("grid spacing (m)"),
    "exclude": QT_TR_NOOP("facilities never to propose"),
    "solver": QT_TR_NOOP("solver"),
    "time_limit_s": QT_TR_NOOP("solver time limit (s)"),
    "capacity": QT_TR_NOOP("labs' capacity limit"),
    "hub_capacity": QT_TR_NOOP("capacity of a new hub (tests a year)"),
    "penalty_minutes": QT_TR_NOOP("minutes counted for people out of reach"),
    "penalty_seconds": QT_TR_NOOP("time counted for people out of reach"),
    "curve_hubs": QT_TR_NOOP("hubs in the coverage curve"),
    "user_sites": QT_TR_NOOP("Points placed on the map"),
    # Lab capacity
    "method": QT_TR_NOOP("Method"),
    "bands_minutes": QT_TR_NOOP("E2SFCA bands (min)"),
    "weights": QT_TR_NOOP("E2SFCA weights"),
    "order": QT_TR_NOOP("Lab order"),
    "demand_unit": QT_TR_NOOP("unit of need"),
    "demand": QT_TR_NOOP("demand parameter file"),
    "tests_per_person_year": QT_TR_NOOP("tests per person a year"),
    "eligible_fraction": QT_TR_NOOP("share eligible for the test"),
    # Sample referral
    "params": QT_TR_NOOP("referral parameter file"),
    "courier_mode": QT_TR_NOOP("couriers' travel mode"),
    "couriers_per_hub": QT_TR_NOOP("Couriers per hub"),
    "shift_start": QT_TR_NOOP("Shift start"),
    "shift_end": QT_TR_NOOP("Shift end"),
    "latest_pickup": QT_TR_NOOP("Last pick-up"),
    "spokes": QT_TR_NOOP("biopsy sites (spokes)"),
    "spoke_tests_per_year": QT_TR_NOOP("tests a year of each biopsy site"),
    "assignment": QT_TR_NOOP("biopsy sites' hubs"),
    # speed files
    "default_kmh": QT_TR_NOOP("speed of roads with no stated speed (km/h)"),
    "max_kmh": QT_TR_NOOP("top speed (km/h)"),
    "unpaved_factor": QT_TR_NOOP("factor of unpaved roads"),
    "respect_oneway": QT_TR_NOOP("one-way streets rule"),
    "respect_maxspeed": QT_TR_NOOP("speed-limit rule"),
    "congestion_factor": QT_TR_NOOP("Traffic"),
    # facility columns
    "capacity_tests_per_year": QT_TR_NOOP("capacity (tests a year)"),
    "facility_id": QT_TR_NOOP("facility id"),
    "eqa": QT_TR_NOOP("quality assessment (EQA)"),
}

#: The analysis a settings message is about, by the name the settings object gives it (in English;
#: the same name translated by gettext is found too).
SETTINGS_NAMES: dict[str, str] = {
    "access settings": QT_TR_NOOP("Analysis settings"),
    "siting settings": QT_TR_NOOP("Site new hubs settings"),
    "capacity settings": QT_TR_NOOP("Lab capacity settings"),
    "referral settings": QT_TR_NOOP("Sample referral settings"),
    "courier settings": QT_TR_NOOP("Courier settings"),
}

#: A name in backticks, as the core words its messages: `` `max_snap_m` ``.
_QUOTED = re.compile(r"`([^`\n]+)`")
#: A snake_case word standing alone: not inside a file path or a file name, and not in quotes
#: (a quoted value is the user's own, such as a column of their spreadsheet), English or French
#: ones (« valeur », with a space or a no-break space inside) included.
_SNAKE = re.compile(
    r"(?<![\w/\\.:'\"“‘«-])(?<!« )(?<!«\u00a0)(?<!«\u202f)"
    r"([a-z][a-z0-9]*(?:_[a-z0-9]+)+)"
    r"(?![\w/\\'\"”’»-])(?! »)(?!\u00a0»)(?!\u202f»)(?!\.\w)"
)


#: A message about a file the planner wrote (a settings, speed or parameter file) starts with
#: the file's path: there a setting keeps the key the file spells it with, so it can be found.
_ABOUT_A_FILE = re.compile(r"^\S+\.toml: ")


def label_of(name: str, *, in_file: bool = False) -> str:
    """The label of the setting or argument ``name`` in the app's language, else its words
    (``"max_snap_m"`` → “Off-road up to”, ``"some_field"`` → ``"some field"``).

    With ``in_file``, for a message about the planner's own file: the label and the key the
    file uses (“Off-road up to” ('max_snap_m' in the file)), or the key alone, quoted.
    """
    name = name.strip()
    label = FIELD_LABELS.get(name)
    if label is None:
        return f"'{name}'" if in_file else name.replace("_", " ").strip()
    quoted = tr("“{label}”").format(label=tr(label))
    if in_file:
        return tr("{label} ('{name}' in the file)").format(label=quoted, name=name)
    return quoted


def _name_the_analyses(message: str) -> str:
    """``message`` with the settings of each analysis named as the app names them, whether the
    message is in English (“access settings”) or translated by gettext."""
    shown: dict[str, str] = {}
    for name, words in SETTINGS_NAMES.items():
        shown[name] = shown[gettext(name)] = tr(words)
    # one pass, longest first: a name never replaces part of a name put in before it
    names = sorted(shown, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(name) for name in names))
    return pattern.sub(lambda m: shown[m.group(0)], message)


def for_planner(message: str) -> str:
    """``message`` with every setting name in backticks or in snake_case replaced by the label
    the app shows for it (“Off-road up to”), and the analysis named as the panel names it, in
    the app's language.

    The message may come in English or already translated by gettext (its setting names are
    kept in backticks there too). File paths, file names and quoted values (the user's own)
    are kept as they are; in a message about a file the planner wrote, each setting keeps its
    key beside its label.
    """
    if not message:
        return message
    in_file = bool(_ABOUT_A_FILE.match(message))
    message = _name_the_analyses(message)

    def quoted(match: re.Match[str]) -> str:
        inner = match.group(1)
        if re.fullmatch(r"[A-Za-z_][\w.]*", inner):
            return label_of(inner, in_file=in_file)
        return inner  # a command or a snippet: shown without the backticks

    message = _QUOTED.sub(quoted, message)
    return _SNAKE.sub(lambda m: label_of(m.group(1), in_file=in_file), message)


def column_label(name: str) -> str:
    """The header of a column of ccgeo's own tables (a facility field, a district attribute, a
    column of an import report, a field Identify lists) in the app's language; a column of the
    planner's own is shown as it is named.

    English shows the column as ccgeo's files name it (``capacity_tests_per_year``); the other
    languages show it in words.
    """
    return _column_labels().get(name, name)


def _column_labels() -> dict[str, str]:
    # built at each call: `tr` answers in the language of the moment
    return {
        # the facility schema (ccgeo.model.schema)
        "facility_id": tr("facility_id", "column"),
        "name": tr("name", "column"),
        "biopsy": tr("biopsy", "column"),
        "cytology": tr("cytology", "column"),
        "histology": tr("histology", "column"),
        "ihc": tr("ihc", "column"),
        "ish": tr("ish", "column"),
        "pcr": tr("pcr", "column"),
        "ngs": tr("ngs", "column"),
        "flow": tr("flow", "column"),
        "eqa": tr("eqa", "column"),
        "accreditation": tr("accreditation", "column"),
        "capacity_tests_per_year": tr("capacity_tests_per_year", "column"),
        "ownership": tr("ownership", "column"),
        "review": tr("review", "column"),
        # the district table
        "district_id": tr("district_id", "column"),
        "population": tr("population", "column"),
        "area_km2": tr("area_km2", "column"),
        # an import report
        "row": tr("row", "column"),
        "severity": tr("severity", "column"),
        "column": tr("column", "column"),
        "value": tr("value", "column"),
        "problem": tr("problem", "column"),
        "fix": tr("fix", "column"),
        # the fields Identify lists besides those
        "capacity (tests/year)": tr("capacity (tests/year)", "column"),
        "flagged for review": tr("flagged for review", "column"),
        "longitude": tr("longitude", "column"),
        "latitude": tr("latitude", "column"),
        "class": tr("class", "column"),
        "maxspeed": tr("maxspeed", "column"),
        "oneway": tr("oneway", "column"),
        "length": tr("length", "column"),
        "surface": tr("surface", "column"),
        "OSM way": tr("OSM way", "column"),
    }


def test_name(capability: str) -> str:
    """A test (a capability of the facility schema) as a sentence names it, in the app's
    language: ``"pcr"`` → ``"PCR"``, ``"ihc"`` → ``"IHC"`` (``"IHQ"`` in Spanish)."""
    return column_label(capability).upper()


def value_label(column: str, value: str) -> str:
    """A value of ccgeo's own in column ``column`` (an EQA level, an accreditation, an
    ownership, the severity of an import issue) in the app's language; other values as they
    are. English shows the value as ccgeo's files spell it (``faith_based``)."""
    return _value_labels().get(column, {}).get(value, value)


def _value_labels() -> dict[str, dict[str, str]]:
    return {
        "eqa": {
            "none": tr("none", "EQA level"),
            "national": tr("national", "EQA level"),
            "international": tr("international", "EQA level"),
        },
        "accreditation": {
            "none": tr("none", "accreditation"),
            "iso15189": tr("iso15189", "accreditation"),
            "cap": tr("cap", "accreditation"),
            "other": tr("other", "accreditation"),
        },
        "ownership": {
            "public": tr("public", "ownership"),
            "private": tr("private", "ownership"),
            "faith_based": tr("faith_based", "ownership"),
            "ngo": tr("ngo", "ownership"),
            "military": tr("military", "ownership"),
            "other": tr("other", "ownership"),
            "unknown": tr("unknown", "ownership"),
        },
        "severity": {
            "doubtful": tr("doubtful", "import issue"),
            "rejected": tr("rejected", "import issue"),
            "warning": tr("warning", "import issue"),
            "fixed": tr("fixed", "import issue"),
        },
    }


def yes_no(value: object) -> str:
    """``"yes"`` or ``"no"`` in the app's language, for a true or false cell."""
    return tr("yes") if value else tr("no")


def as_plain_text(text: str) -> str:
    """``text`` (a facility name, a cell of the planner's file) as a tooltip shows it: never as
    HTML, so that a name like ``<img src=x>`` or ``<b>Lab</b>`` shows its brackets. Qt shows a
    tooltip that looks like HTML as HTML; such a text is escaped inside a paragraph."""
    from PySide6.QtGui import Qt

    if not Qt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
