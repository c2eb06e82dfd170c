"""Edit ▸ Preferences…: the app's language, changed at once in the running app and kept for the
next start."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ccgeo import i18n
from ccgeo.gui import settings
from ccgeo.gui.language import app_language, switch_language, tr

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow

__all__ = ["PreferencesDialog", "install"]

#: The combo box's item for "no choice: follow the system's language".
SYSTEM = ""


class PreferencesDialog(QDialog):
    """The user's preferences: the language of the app (each named in its own words)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferences")
        self.setWindowTitle(tr("Preferences"))
        self.language = QComboBox()
        self.language.setObjectName("preferences-language")
        system = i18n.language_from_environment()
        self.language.addItem(
            tr("System language ({language})").format(language=i18n.LANGUAGES[system]), SYSTEM
        )
        for code, name in i18n.LANGUAGES.items():
            self.language.addItem(name, code)
        chosen = settings.language()
        self.language.setCurrentIndex(max(self.language.findData(chosen or SYSTEM), 0))
        note = QLabel(
            tr(
                "Menus, panels, messages, numbers and dates change at once. Reports and maps "
                "you export are written in the language chosen when you export them."
            )
        )
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(tr("&Language:"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def chosen_language(self) -> str | None:
        """The language chosen (a key of `ccgeo.i18n.LANGUAGES`), None for the system's."""
        code = self.language.currentData()
        return code or None


def apply_language(chosen: str | None) -> str:
    """Keep ``chosen`` (None: the system's) for the next start and speak it now; returns the
    language the app speaks."""
    settings.set_language(chosen)
    language = chosen or app_language()
    if language != i18n.current_language():
        switch_language(language)
    return language


def install(window: MainWindow) -> None:
    """Add Edit ▸ Preferences… to ``window``."""

    def show() -> None:
        # window-modal and not blocking (open, not exec): the app goes on drawing behind it
        dialog = PreferencesDialog(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: apply_language(dialog.chosen_language()))
        dialog.open()

    action = QAction(tr("&Preferences…"), window)
    action.setObjectName("act-preferences")
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.setStatusTip(tr("Choose the language of ccgeo"))
    action.triggered.connect(show)
    window.menus["edit"].addSeparator()
    window.menus["edit"].addAction(action)
    window.act_preferences = action  # type: ignore[attr-defined]
