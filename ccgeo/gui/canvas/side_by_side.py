"""A second map canvas beside the window's main one, showing the same extent at the same scale:
panning or zooming either map moves the other."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from pyproj import CRS
from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QSplitter, QWidget

from ccgeo.gui.canvas.map_canvas import MapCanvas
from ccgeo.gui.language import tr
from ccgeo.render.layers import MapLayer

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow


class FollowerCanvas(MapCanvas):
    """A map canvas that keeps its centre and scale when resized (the main canvas leads)."""

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Keep the centre and zoom: the view is the main canvas's, never a fit of its own."""
        QWidget.resizeEvent(self, event)
        self.set_view(self.view)


class SideBySide(QObject):
    """The main canvas and a second one in a splitter, their views linked.

    The splitter takes the main canvas's place in the window the first time it is shown; the
    second canvas is hidden again by `hide`, and the main canvas then fills the map area alone.

    Parameters
    ----------
    window
        The main window; its ``canvas`` is the one followed.
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.main: MapCanvas = window.canvas
        #: The second map (made on first use).
        self.canvas: FollowerCanvas | None = None
        self._splitter: QSplitter | None = None

    @property
    def shown(self) -> bool:
        """Whether the second map is on screen."""
        return self.canvas is not None and self.canvas.isVisible()

    def _build(self) -> FollowerCanvas:
        canvas = FollowerCanvas()
        canvas.setObjectName("second_map")
        canvas.setToolTip(tr("The second scenario: drag or zoom either map and both follow"))
        canvas.attribution = self.main.attribution
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("map_splitter")
        splitter.setChildrenCollapsible(False)
        self.window.takeCentralWidget()  # the main canvas, kept: it moves into the splitter
        splitter.addWidget(self.main)
        splitter.addWidget(canvas)
        self.window.setCentralWidget(splitter)
        splitter.show()  # now, not once the event loop runs (as a new central widget would be)
        self.main.show()
        self.main.viewChanged.connect(lambda: self._follow(self.main, canvas))
        canvas.viewChanged.connect(lambda: self._follow(canvas, self.main))
        # the status bar's coordinates follow the mouse over either map
        canvas.cursorMoved.connect(self.main.cursorMoved)
        self._splitter = splitter
        return canvas

    def show(self, layers: Sequence[MapLayer], crs: CRS) -> FollowerCanvas:
        """Show ``layers`` (bottom to top, in ``crs``) on the second map, beside the main one,
        both maps half the width, the second at the main one's centre and scale."""
        if self.canvas is None:
            self.canvas = self._build()
        canvas = self.canvas
        canvas.attribution = self.main.attribution
        canvas.set_layers(layers, crs, zoom_to_full=False)
        canvas.show()
        splitter = self._splitter
        assert splitter is not None
        half = max(splitter.width() // 2, 1)
        splitter.setSizes([half, half])
        canvas.set_view(self.main.view)
        return canvas

    def hide(self) -> None:
        """Take the second map away (its layers are let go); the main map fills the area."""
        if self.canvas is None:
            return
        self.canvas.hide()
        crs = self.canvas.crs or self.main.crs or CRS.from_epsg(3857)
        self.canvas.set_layers([], crs, zoom_to_full=False)
        self.canvas.overlays.clear()

    def _follow(self, leader: MapCanvas, follower: MapCanvas) -> None:
        # a follower that already shows the view does not answer (set_view is a no-op then)
        if self.shown:
            follower.set_view(leader.view)
