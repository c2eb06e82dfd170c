"""Messages in the planner's words: the one place where the app turns the names of settings and
arguments (``max_snap_m``, ``spokes``) into the labels its panels show.

The settings objects and the analyses word their errors for the command line and the Python API,
naming the setting as it is spelt there (`` `max_snap_m` should be a number above 0``). The app
shows the same message with the panel's label instead (“Off-road up to” should be a number
above 0): every panel, dialog and message box passes what it shows through `for_planner`.
"""

from __future__ import annotations

import html
import re

#: The label (or plain words) of every setting, argument and column a message may name, by name.
FIELD_LABELS: dict[str, str] = {
    # shared by every analysis (the Analysis panel)
    "capability": "Test",
    "quality": "Lab quality",
    "mode": "Travel mode",
    "speeds": "Speeds",
    "congestion": "Traffic",
    "max_snap_m": "Off-road up to",
    "walk_kmh": "Walking to road",
    "candidates": "road points tried per person",
    "thresholds_minutes": "Thresholds (min)",
    "threshold_minutes": "threshold (min)",
    # Site new hubs
    "model": "Goal",
    "hubs": "New hubs",
    "minutes": "time limit (min)",
    "target_share": "Target share",
    "sources": "Candidate sites",
    "grid_spacing_m": "grid spacing (m)",
    "spacing_m": "grid spacing (m)",
    "exclude": "facilities never to propose",
    "solver": "solver",
    "time_limit_s": "solver time limit (s)",
    "capacity": "labs' capacity limit",
    "hub_capacity": "capacity of a new hub (tests a year)",
    "penalty_minutes": "minutes counted for people out of reach",
    "penalty_seconds": "time counted for people out of reach",
    "curve_hubs": "hubs in the coverage curve",
    "user_sites": "Points placed on the map",
    # Lab capacity
    "method": "Method",
    "bands_minutes": "E2SFCA bands (min)",
    "weights": "E2SFCA weights",
    "order": "Lab order",
    "demand_unit": "unit of need",
    "demand": "demand parameter file",
    "tests_per_person_year": "tests per person a year",
    "eligible_fraction": "share eligible for the test",
    # Sample referral
    "params": "referral parameter file",
    "courier_mode": "couriers' travel mode",
    "couriers_per_hub": "Couriers per hub",
    "shift_start": "Shift start",
    "shift_end": "Shift end",
    "latest_pickup": "Last pick-up",
    "spokes": "biopsy sites (spokes)",
    "spoke_tests_per_year": "tests a year of each biopsy site",
    "assignment": "biopsy sites' hubs",
    # speed files
    "default_kmh": "speed of roads with no stated speed (km/h)",
    "max_kmh": "top speed (km/h)",
    "unpaved_factor": "factor of unpaved roads",
    "respect_oneway": "one-way streets rule",
    "respect_maxspeed": "speed-limit rule",
    "congestion_factor": "Traffic",
    # facility columns
    "capacity_tests_per_year": "capacity (tests a year)",
    "facility_id": "facility id",
    "eqa": "quality assessment (EQA)",
}

#: The analysis a settings message is about, by the name the settings object gives it.
SETTINGS_NAMES: dict[str, str] = {
    "access settings": "Analysis settings",
    "siting settings": "Site new hubs settings",
    "capacity settings": "Lab capacity settings",
    "referral settings": "Sample referral settings",
    "courier settings": "Courier settings",
}

#: A name in backticks, as the core words its messages: `` `max_snap_m` ``.
_QUOTED = re.compile(r"`([^`\n]+)`")
#: A snake_case word standing alone: not inside a file path or a file name, and not in quotes
#: (a quoted value is the user's own, such as a column of their spreadsheet).
_SNAKE = re.compile(r"(?<![\w/\\.:'\"“-])([a-z][a-z0-9]*(?:_[a-z0-9]+)+)(?![\w/\\'\"”-])(?!\.\w)")


#: A message about a file the planner wrote (a settings, speed or parameter file) starts with
#: the file's path: there a setting keeps the key the file spells it with, so it can be found.
_ABOUT_A_FILE = re.compile(r"^\S+\.toml: ")


def label_of(name: str, *, in_file: bool = False) -> str:
    """The label of the setting or argument ``name``, else its words (``"max_snap_m"`` →
    “Off-road up to”, ``"some_field"`` → ``"some field"``).

    With ``in_file``, for a message about the planner's own file: the label and the key the
    file uses (“Off-road up to” ('max_snap_m' in the file)), or the key alone, quoted.
    """
    name = name.strip()
    label = FIELD_LABELS.get(name)
    if in_file:
        return f"“{label}” ('{name}' in the file)" if label else f"'{name}'"
    return f"“{label}”" if label else name.replace("_", " ").strip()


def for_planner(message: str) -> str:
    """``message`` with every setting name in backticks or in snake_case replaced by the label
    the app shows for it (“Off-road up to”), and the analysis named as the panel names it.

    File paths, file names and quoted values (the user's own) are kept as they are; in a message
    about a file the planner wrote, each setting keeps its key beside its label.
    """
    if not message:
        return message
    in_file = bool(_ABOUT_A_FILE.match(message))
    for name, words in SETTINGS_NAMES.items():
        message = message.replace(name, words)

    def quoted(match: re.Match[str]) -> str:
        inner = match.group(1)
        if re.fullmatch(r"[A-Za-z_][\w.]*", inner):
            return label_of(inner, in_file=in_file)
        return inner  # a command or a snippet: shown without the backticks

    message = _QUOTED.sub(quoted, message)
    return _SNAKE.sub(lambda m: label_of(m.group(1), in_file=in_file), message)


def as_plain_text(text: str) -> str:
    """``text`` (a facility name, a cell of the planner's file) as a tooltip shows it: never as
    HTML, so that a name like ``<img src=x>`` or ``<b>Lab</b>`` shows its brackets. Qt shows a
    tooltip that looks like HTML as HTML; such a text is escaped inside a paragraph."""
    from PySide6.QtGui import Qt

    if not Qt.mightBeRichText(text):
        return text
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>"
