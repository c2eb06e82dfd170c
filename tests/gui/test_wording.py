"""What the app says when something is wrong is in the planner's words: bad input given through
the panels, a bad settings file and a bad speed file give messages that name no internal setting
(`max_snap_m`, ``spokes``, ``capability``) but the labels the panels show."""

from __future__ import annotations

import re

import pytest
from helpers import TIMEOUT_MS, click, open_window, show_dock, tick, type_into
from PySide6.QtWidgets import QFileDialog, QLabel, QMessageBox

from ccgeo.gui.wording import FIELD_LABELS, for_planner
from ccgeo.model.settings import SETTINGS_CLASSES

#: A name in backticks, or a snake_case word (``max_snap_m``): how code names a setting.
INTERNAL = re.compile(r"`[^`]*`|\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b")
#: What may look like a name but is the user's own: quoted values, paths and file names.
USERS_OWN = re.compile(r"'[^']*'|\"[^\"]*\"|“[^”]*”|\S*[/\\]\S*|\S+\.[A-Za-z]\w*")


def internal_names(message: str) -> list[str]:
    """The internal names ``message`` shows (none for a message in the planner's words)."""
    return INTERNAL.findall(USERS_OWN.sub(" ", message))


def shown_errors(window) -> list[str]:
    """Texts of the error lines visible in the window's docks."""
    return [
        label.text()
        for label in window.findChildren(QLabel)
        if label.isVisible() and label.text() and "B71C1C" in label.styleSheet()
    ]


@pytest.fixture
def boxes(monkeypatch) -> list[str]:
    """Texts of the error message boxes shown (answered at once)."""
    shown: list[str] = []

    def critical(_parent, _title, text, *_args, **_kwargs):
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", staticmethod(critical))
    return shown


@pytest.fixture
def loud_window(qtbot, fresh_demo):
    """The demo city in a window that shows its errors in message boxes, as the app does."""
    window = open_window(qtbot, fresh_demo, quiet=False)
    yield window
    window.close()


def test_a_bad_settings_file_is_told_with_the_panel_labels(
    qtbot, loud_window, boxes, tmp_path, monkeypatch
) -> None:
    path = tmp_path / "workshop.toml"
    path.write_text(
        "format_version = 1\n[access]\nmax_snap_m = -5\nwalk_kmh = 0\n"
        "[siting]\nhubs = 0\ntarget_share = 2\n[referral]\nlatest_pickup = '25:99'\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    loud_window.act_load_settings.trigger()
    assert len(boxes) == 1
    message = boxes[0]
    assert internal_names(message) == [], message
    assert "“Off-road up to”" in message
    assert "“New hubs”" in message


def test_a_bad_speed_file_is_told_without_code_names(
    qtbot, loud_window, boxes, tmp_path, monkeypatch
) -> None:
    path = tmp_path / "our_speeds.toml"
    path.write_text("[car]\ndefault_kmh = -3\nmax_kmh = 'fast'\n", encoding="utf-8")
    panel = show_dock(qtbot, loud_window, "analysis")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )
    click(qtbot, panel.speeds_button)
    errors = shown_errors(loud_window)
    assert errors, "the bad speed file is not reported"
    for message in errors + boxes:
        assert internal_names(message) == [], message


def test_bad_thresholds_are_told_in_words(qtbot, loud_window, boxes) -> None:
    panel = show_dock(qtbot, loud_window, "analysis")
    type_into(qtbot, panel.thresholds, "thirty, -5")
    click(qtbot, panel.run_button)
    errors = shown_errors(loud_window)
    assert errors
    assert "thresholds" in errors[0]
    for message in errors + boxes:
        assert internal_names(message) == [], message


def test_siting_on_points_placed_when_none_are_placed(qtbot, loud_window, boxes) -> None:
    panel = show_dock(qtbot, loud_window, "siting")
    tick(qtbot, panel.use_upgrade, False)
    tick(qtbot, panel.use_user, True)
    click(qtbot, panel.runbox.run_button)
    qtbot.waitUntil(lambda: panel.runbox.error.isVisible(), timeout=TIMEOUT_MS)
    for message in [panel.runbox.error.text(), *boxes]:
        assert internal_names(message) == [], message


def test_a_courier_day_that_ends_before_the_last_pickup(qtbot, loud_window, boxes) -> None:
    panel = show_dock(qtbot, loud_window, "referral")
    type_into(qtbot, panel.shift_end, "0900", enter=False)
    type_into(qtbot, panel.latest_pickup, "1700", enter=False)
    click(qtbot, panel.runbox.run_button)
    qtbot.waitUntil(lambda: panel.runbox.error.isVisible(), timeout=TIMEOUT_MS)
    for message in [panel.runbox.error.text(), *boxes]:
        assert internal_names(message) == [], message


@pytest.mark.parametrize("kind", sorted(SETTINGS_CLASSES))
def test_every_settings_message_translates(kind: str) -> None:
    """Each key of each analysis's settings, given a bad value: the message the app would show
    names no internal setting (the key has a label, or is turned into words)."""
    from ccgeo.errors import InputError

    cls = SETTINGS_CLASSES[kind]
    refused = 0
    for key in cls.flat_keys():
        try:
            cls.from_dict({key: [] if key in ("speeds", "params", "demand") else "?"})
        except InputError as exc:
            refused += 1
            message = for_planner(str(exc))
            assert internal_names(message) == [], message
            assert FIELD_LABELS[key] in message, message
    assert refused >= 4


HTML_NAME = '<img src="x.png"><b>Lab</b> & <a href="http://x">co</a>'


def shown_as(tip: str) -> str:
    """The text a person reads in a tooltip: Qt shows one that looks like HTML as HTML."""
    from PySide6.QtGui import Qt, QTextDocumentFragment

    if Qt.mightBeRichText(tip):
        return QTextDocumentFragment.fromHtml(tip).toPlainText()
    return tip


def test_names_from_files_show_as_written_never_as_html(qtbot, tiny_project) -> None:
    """A facility named like HTML shows its brackets in the attribute table's tooltip, the
    Identify panel and the status bar (once rendered as a picture and a link)."""
    from PySide6.QtCore import Qt

    from ccgeo.gui.wording import as_plain_text

    assert as_plain_text("Hospital Central") == "Hospital Central"
    assert shown_as(as_plain_text(HTML_NAME)) == HTML_NAME
    tiny_project.facilities.gdf.loc[0, "name"] = HTML_NAME
    window = open_window(qtbot, tiny_project)
    window.data_tools.act_attributes.trigger()
    table = window.data_tools.attributes.facility_table
    model = table.model
    index = model.index(0, model.column_index("name"))
    assert model.data(index) == HTML_NAME
    assert shown_as(model.data(index, Qt.ItemDataRole.ToolTipRole)) == HTML_NAME
    # Identify on that facility
    from helpers import click_map

    lab = window.project.facilities.gdf.geometry.iloc[0]
    window.data_tools.act_identify.trigger()
    click_map(window, lab.x, lab.y)
    tree = window.data_tools.identify_panel.tree
    tips = [
        tree.topLevelItem(i).child(j).toolTip(1)
        for i in range(tree.topLevelItemCount())
        for j in range(tree.topLevelItem(i).childCount())
        if tree.topLevelItem(i).child(j).text(1) == HTML_NAME
    ]
    assert tips
    assert all(shown_as(tip) == HTML_NAME for tip in tips)
    assert window.message_label.textFormat() == Qt.TextFormat.PlainText
