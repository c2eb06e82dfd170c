"""The Style dialog of a map layer: colour, size and visibility of each class, a colour ramp."""

from __future__ import annotations

from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ccgeo.gui.language import tr
from ccgeo.i18n import gettext
from ccgeo.render.layers import MapLayer
from ccgeo.render.style import (
    BAND_RAMPS,
    DEFAULT_RAMP,
    SIZE_RANGE_PX,
    LayerStyle,
    StyleClass,
    ramp_colors,
)


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(28, 16)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class _ClassRow:
    """The widgets of one class: shown (a check box, or its name), colour button, size."""

    def __init__(self, dialog: StyleDialog, label: str, *, checkable: bool) -> None:
        self.dialog = dialog
        self.name = QCheckBox(label) if checkable else QLabel(label)
        if isinstance(self.name, QCheckBox):
            self.name.setToolTip(tr("Untick to leave “{label}” off the map").format(label=label))
        self.color_button = QPushButton()
        self.color_button.setToolTip(tr("Choose the colour of “{label}”").format(label=label))
        self.color_button.clicked.connect(self.choose_color)
        self.size = QDoubleSpinBox()
        self.size.setRange(*SIZE_RANGE_PX)
        self.size.setSingleStep(0.5)
        self.size.setDecimals(1)
        self.size.setSuffix(" px")
        self.color = "#000000"

    def set_values(self, color: str, size_px: float | None, shown: bool) -> None:
        """Show ``color``, ``size_px`` (None: the class has no size) and ``shown``."""
        self.set_color(color)
        self.size.setVisible(size_px is not None)
        if size_px is not None:
            self.size.setValue(size_px)
        if isinstance(self.name, QCheckBox):
            self.name.setChecked(shown)

    def set_color(self, color: str) -> None:
        """Show ``color`` (``#RRGGBB``) on the button."""
        self.color = QColor(color).name().upper()
        self.color_button.setText(self.color)
        self.color_button.setIcon(_swatch(self.color))

    def choose_color(self) -> None:
        """Ask for a colour (the colour dialog); Cancel keeps the current one."""
        label = self.name.text()
        title = tr("Colour of {label}").format(label=label)
        chosen = QColorDialog.getColor(QColor(self.color), self.dialog, title)
        if chosen.isValid():
            self.set_color(chosen.name())

    @property
    def shown(self) -> bool:
        """Whether the class is ticked (always True without a check box)."""
        return self.name.isChecked() if isinstance(self.name, QCheckBox) else True


class StyleDialog(QDialog):
    """Change how a layer is drawn: one row per class with its colour and symbol size or line
    width, a check box to leave a class off the map, and for catchment bands a colour ramp.

    OK accepts; `chosen_style` is then the new style (only what differs from the palette).

    Parameters
    ----------
    layer
        The layer to restyle (its `MapLayer.style_classes` are listed).
    """

    def __init__(self, layer: MapLayer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self.setWindowTitle(tr("Style of {layer}").format(layer=layer.name))
        self._classes = layer.style_classes()
        self._defaults = layer.default_style_classes()
        self.ramp = QComboBox()
        for key in layer.ramps:
            self.ramp.addItem(gettext(BAND_RAMPS[key][0]), key)  # named in `ccgeo.render.style`
        self.ramp.setToolTip(tr("Colour every class from this ramp, nearest band darkest"))
        self.ramp.setVisible(bool(layer.ramps))
        checkable = len(self._classes) > 1
        self.rows = [_ClassRow(self, c.label, checkable=checkable) for c in self._classes]
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.reset_button = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.reset_button.setText(tr("Usual style"))
        self.reset_button.setToolTip(tr("Back to the colours and sizes ccgeo draws by default"))
        self._lay_out()
        self._show(layer.style.ramp or DEFAULT_RAMP, self._classes)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reset_button.clicked.connect(lambda: self._show(DEFAULT_RAMP, self._defaults))
        self.ramp.activated.connect(lambda _i: self._recolor())

    def _lay_out(self) -> None:
        grid = QGridLayout()
        grid.setColumnStretch(0, 1)
        if self.layer.ramps:
            grid.addWidget(QLabel(tr("Colours")), 0, 0)
            grid.addWidget(self.ramp, 0, 1, 1, 2)
        for i, row in enumerate(self.rows, start=1):
            grid.addWidget(row.name, i, 0)
            grid.addWidget(row.color_button, i, 1)
            grid.addWidget(row.size, i, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def _show(self, ramp: str, classes: list[StyleClass]) -> None:
        self.ramp.setCurrentIndex(max(self.ramp.findData(ramp), 0))
        for row, cls in zip(self.rows, classes, strict=True):
            row.set_values(cls.color, cls.size_px, cls.shown)

    def _ramp_defaults(self) -> list[str]:
        """The colour of each class when nothing but the ramp is chosen."""
        if not self.layer.ramps:
            return [c.color for c in self._defaults]
        return ramp_colors(self.ramp.currentData(), len(self.rows))

    def _recolor(self) -> None:
        for row, color in zip(self.rows, self._ramp_defaults(), strict=True):
            row.set_color(color)

    def chosen_style(self) -> LayerStyle:
        """The style the dialog shows, naming only what differs from the palette."""
        colors, sizes, hidden = {}, {}, set()
        plain = self._ramp_defaults()
        for row, cls, default, color in zip(
            self.rows, self._classes, self._defaults, plain, strict=True
        ):
            if row.color != QColor(color).name().upper():
                colors[cls.key] = row.color
            if default.size_px is not None and abs(row.size.value() - default.size_px) > 1e-9:
                sizes[cls.key] = float(row.size.value())
            if not row.shown:
                hidden.add(cls.key)
        ramp = self.ramp.currentData() if self.layer.ramps else None
        return LayerStyle(colors, sizes, frozenset(hidden), None if ramp == DEFAULT_RAMP else ramp)


__all__ = ["StyleDialog"]
