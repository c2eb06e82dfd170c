"""Two scenarios on the map, chosen in the Scenarios dock: side by side (a second map beside the
main one, views linked, each titled with its coverage) or as a difference map (who gains and who
loses access within a threshold, with the counts)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QGroupBox, QLabel, QPushButton

from ccgeo.gui.canvas.side_by_side import SideBySide
from ccgeo.gui.language import QT_TR_NOOP, notifier, tr
from ccgeo.labels import format_people, format_share, format_threshold
from ccgeo.render.analysis_layers import CatchmentLayer, WhatIfLayer
from ccgeo.render.layers import MapLayer
from ccgeo.render.scenario_layers import AccessDifferenceLayer, paint_map_title
from ccgeo.render.view import ViewTransform

if TYPE_CHECKING:
    from pyproj import CRS

    from ccgeo.gui.panels.analysis import AnalysisController
    from ccgeo.model.scenario import Scenario
    from ccgeo.tasks.whatif import ScenarioPair, ScenarioRun

#: What the map and the report call the analysis of the existing labs (English: shown through
#: `tr`).
BASELINE_LABEL = QT_TR_NOOP("Baseline (existing labs)")
#: Layers of the live what-if, hidden while two scenarios are on the map.
LIVE_KINDS = frozenset({"catchments", "underserved", "whatif"})
#: Layers drawn under a scenario's catchment bands (and under the difference map).
UNDER_KINDS = frozenset({"basemap", "population"})


def coverage_line(covered: float, share: float, threshold_minutes: float) -> str:
    """``"1,260,837 people (78.2 %) within 60 min"``."""
    return tr("{people} people ({share}) within {minutes}").format(
        people=format_people(covered),
        share=format_share(share),
        minutes=format_threshold(threshold_minutes),
    )


def pair_titles(pair: ScenarioPair, names: tuple[str, str]) -> tuple[list[str], list[str]]:
    """The title lines of A's map and of B's: its name, its people within the threshold; B's
    also who gains and who loses."""
    d = pair.difference
    t = d.threshold_minutes
    a = [f"A · {names[0]}", coverage_line(d.covered_a, d.share(d.covered_a), t)]
    b = [f"B · {names[1]}", coverage_line(d.covered_b, d.share(d.covered_b), t), d.summary()]
    return a, b


def with_scenario(
    layers: list[MapLayer], below: list[MapLayer], top: list[MapLayer]
) -> list[MapLayer]:
    """``layers`` with ``below`` just over the base map and population, and ``top`` on top."""
    under = [i for i, layer in enumerate(layers) if layer.kind in UNDER_KINDS]
    at = under[-1] + 1 if under else 0
    return [*layers[:at], *below, *layers[at:], *top]


def scenario_marks(run: ScenarioRun, crs: CRS, name: str) -> WhatIfLayer:
    """The hubs, upgrades and closures of ``run``, as a map layer named after the scenario."""
    marks = WhatIfLayer(crs, name=tr("{name}: hubs and upgrades").format(name=name))
    labs = run.labs
    open_ = labs["open"].to_numpy(dtype=bool)
    hubs = labs[open_ & (labs["kind"] == "hub").to_numpy()]
    upgraded = labs[open_ & (labs["kind"] == "upgrade").to_numpy()]
    closed = labs[~open_ & (labs["kind"] == "existing").to_numpy()]
    marks.set_state(
        list(zip(hubs["lab_id"], hubs["name"], hubs["lon"], hubs["lat"], strict=True)),
        list(zip(upgraded["lon"], upgraded["lat"], strict=True)),
        list(zip(closed["lon"], closed["lat"], strict=True)),
    )
    return marks


def scenario_layers(run: ScenarioRun, bands, crs: CRS, name: str) -> tuple[MapLayer, MapLayer]:
    """The catchment bands (``bands``: `Overlay.isochrones`) and the marks of ``run``."""
    catchments = CatchmentLayer(bands, crs, name=tr("{name}: catchment bands").format(name=name))
    return catchments, scenario_marks(run, crs, name)


class ScenarioMapsBox(QGroupBox):
    """ "On the map": scenario A and B, the threshold, Side by side, Difference map, Close; the
    numbers of what is shown below them.

    Signals
    -------
    shown(mode)
        ``"side"`` or ``"difference"``: two scenarios are on the map.
    closed()
        The comparison left the map.
    """

    shown = Signal(str)
    closed = Signal()

    def __init__(self, controller: AnalysisController) -> None:
        super().__init__(tr("On the map"))
        self.controller = controller
        self.window = controller.window
        self.maps = ScenarioMaps(self)
        self._build()
        controller.runFinished.connect(lambda _b: self._analysis_changed())
        controller.projectChanged.connect(lambda _p: self._analysis_changed())
        controller.coverageChanged.connect(self.update_buttons)
        if hasattr(self.window, "projectClosed"):
            self.window.projectClosed.connect(self.maps.close)
        notifier().changed.connect(self.retranslate)

    def retranslate(self) -> None:
        """Write again, in the language chosen now, what was built from data: the baseline's
        name, the thresholds, the numbers and titles of the scenarios on the map."""
        for combo in (self.a_combo, self.b_combo):
            at = combo.findData(-1)
            if at >= 0:
                combo.setItemText(at, tr(BASELINE_LABEL))
        self._fill_thresholds()
        self.maps.retranslate()

    def _build(self) -> None:
        self.a_combo = QComboBox()
        self.a_combo.setToolTip(tr("Scenario A: what the map is compared with (before)"))
        self.b_combo = QComboBox()
        self.b_combo.setToolTip(tr("Scenario B: the scenario compared with A (after)"))
        self.threshold_combo = QComboBox()
        self.threshold_combo.setToolTip(
            tr("Travel time within which a person counts as served (inclusive)")
        )
        self.side_button = QPushButton(tr("Side by side"))
        self.side_button.setToolTip(
            tr(
                "A on the main map, B on a second map beside it: same extent and scale, panning "
                "and zooming linked"
            )
        )
        self.difference_button = QPushButton(tr("Difference map"))
        self.difference_button.setToolTip(
            tr(
                "People who gain access within the threshold from A to B, who lose it, and the "
                "unchanged, with their numbers"
            )
        )
        self.close_button = QPushButton(tr("Close", "take the scenarios off the map"))
        self.close_button.setToolTip(tr("Back to the live what-if on a single map"))
        self.numbers = QLabel("")
        self.numbers.setWordWrap(True)
        self.numbers.setToolTip(
            tr("Coverage of A and B within the threshold, and who gains or loses")
        )
        form = QFormLayout()
        # a long label (in French, in Portuguese) puts its field below it, not the dock wider
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(tr("A:", "scenario A"), self.a_combo)
        form.addRow(tr("B:", "scenario B"), self.b_combo)
        form.addRow(tr("Within:"), self.threshold_combo)
        buttons = QGridLayout()
        buttons.addWidget(self.side_button, 0, 0)
        buttons.addWidget(self.difference_button, 0, 1)
        buttons.addWidget(self.close_button, 0, 2)
        form.addRow(buttons)
        form.addRow(self.numbers)
        self.setLayout(form)
        self.side_button.clicked.connect(lambda: self.maps.start("side"))
        self.difference_button.clicked.connect(lambda: self.maps.start("difference"))
        self.close_button.clicked.connect(self.maps.close)
        for combo in (self.a_combo, self.b_combo):
            combo.currentIndexChanged.connect(self.update_buttons)
        self.threshold_combo.currentIndexChanged.connect(self._threshold_changed)
        self.refresh()

    # -- choices -------------------------------------------------------------------------------

    def _scenarios(self) -> list[Scenario]:
        ws = self.controller.workspace
        return ws.project.scenarios if ws is not None else []

    def refresh(self) -> None:
        """List the baseline and the project's scenarios again (keeping the choices by name)."""
        names = [s.name for s in self._scenarios()]
        for combo, default in ((self.a_combo, None), (self.b_combo, 0)):
            keep, baseline = combo.currentText(), combo.currentData() == -1
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr(BASELINE_LABEL), -1)
            for i, name in enumerate(names):
                combo.addItem(name, i)
            at = 0 if baseline else (combo.findText(keep) if keep else -1)
            if at < 0:
                at = combo.findData(default) if default is not None and names else 0
            combo.setCurrentIndex(max(at, 0))
            combo.blockSignals(False)
        if names and self.a_combo.currentData() == self.b_combo.currentData():
            # nothing to compare: B becomes the first scenario (the baseline when A is that one)
            self.b_combo.setCurrentIndex(0 if self.a_combo.currentIndex() == 1 else 1)
        self._fill_thresholds()
        self.update_buttons()

    def _fill_thresholds(self) -> None:
        ws = self.controller.workspace
        settings = ws.baseline.settings if ws is not None and ws.baseline else None
        thresholds = settings.thresholds_minutes if settings is not None else ()
        keep = self.threshold_combo.currentData()
        self.threshold_combo.blockSignals(True)
        self.threshold_combo.clear()
        for minutes in thresholds:
            self.threshold_combo.addItem(format_threshold(minutes), float(minutes))
        want = keep if keep in thresholds else getattr(settings, "underserved_minutes", None)
        at = self.threshold_combo.findData(want) if want is not None else -1
        self.threshold_combo.setCurrentIndex(at if at >= 0 else len(thresholds) // 2)
        self.threshold_combo.blockSignals(False)

    def choose(self, a: int, b: int) -> None:
        """Choose the scenarios of rows ``a`` and ``b`` of the project's list (-1: baseline)."""
        self.a_combo.setCurrentIndex(max(self.a_combo.findData(a), 0))
        self.b_combo.setCurrentIndex(max(self.b_combo.findData(b), 0))

    def chosen(self) -> tuple[Scenario | None, Scenario | None]:
        """Scenario A and B (None: the baseline)."""
        scenarios = self._scenarios()

        def pick(combo: QComboBox) -> Scenario | None:
            row = combo.currentData()
            return scenarios[row] if isinstance(row, int) and 0 <= row < len(scenarios) else None

        return pick(self.a_combo), pick(self.b_combo)

    def names(self) -> tuple[str, str]:
        """Names of A and B as the combos show them."""
        return self.a_combo.currentText(), self.b_combo.currentText()

    def threshold(self) -> float | None:
        """The threshold chosen, minutes (None before a run)."""
        data = self.threshold_combo.currentData()
        return float(data) if data is not None else None

    def update_buttons(self) -> None:
        ws = self.controller.workspace
        ran = ws is not None and ws.baseline is not None and self.threshold() is not None
        apart = self.a_combo.currentData() != self.b_combo.currentData()
        for button in (self.side_button, self.difference_button):
            button.setEnabled(ran and apart)
        self.close_button.setEnabled(self.maps.mode is not None)

    def _analysis_changed(self) -> None:
        self.maps.close()
        self.refresh()

    def _threshold_changed(self) -> None:
        minutes = self.threshold()
        if minutes is not None:
            self.maps.set_threshold(minutes)

    def say(self, text: str, *, error: bool = False) -> None:
        """Show ``text`` under the buttons (in red for an error)."""
        self.numbers.setText(text)
        self.numbers.setStyleSheet("color: #B71C1C;" if error else "")


class ScenarioMaps(QObject):
    """What two scenarios put on the map, and how it is taken away again."""

    def __init__(self, box: ScenarioMapsBox) -> None:
        super().__init__(box)
        self.box = box
        self.window = box.window
        self.side = SideBySide(self.window)
        #: The scenarios on the map, ``"side"`` or ``"difference"``, or None.
        self.mode: str | None = None
        self.pair: ScenarioPair | None = None
        self.names: tuple[str, str] = ("A", "B")
        #: Which of A and B is the baseline (its name is said in the language of the moment).
        self.baseline: tuple[bool, bool] = (False, False)
        self.titles: tuple[list[str], list[str]] = ([], [])
        self.difference_layer: AccessDifferenceLayer | None = None
        self._added: list[MapLayer] = []
        self._hidden: list[MapLayer] = []
        self._overlays: list[Callable[[QPainter, ViewTransform], None]] = []

    def start(self, mode: str) -> None:
        """Run A and B (in a worker) and show them as ``mode``: ``"side"`` or ``"difference"``."""
        ws = self.box.controller.workspace
        minutes = self.box.threshold()
        if ws is None or ws.baseline is None or minutes is None:
            return
        a, b = self.box.chosen()
        names = self.box.names()
        is_baseline = (a is None, b is None)
        baseline = ws.baseline
        run = partial(ws.scenario_pair, threshold_minutes=minutes, overlays=mode == "side")
        comparing = tr("Comparing {b} with {a}…").format(a=names[0], b=names[1])
        self.box.say(comparing)
        self.window.run_task(
            run,
            a,
            b,
            text=comparing,
            on_done=lambda pair: self._show(mode, pair, names, baseline, is_baseline),
            on_failed=lambda message: self.box.say(message, error=True),
        )

    def _show(
        self,
        mode: str,
        pair: ScenarioPair,
        names: tuple[str, str],
        baseline,
        is_baseline: tuple[bool, bool] = (False, False),
    ) -> None:
        ws = self.box.controller.workspace
        canvas = self.window.canvas
        if ws is None or ws.baseline is not baseline or canvas.crs is None:
            return  # the analysis ran again (or the project changed) meanwhile
        self.close()
        self.mode, self.pair, self.names = mode, pair, names
        self.baseline = is_baseline
        self._hide_live()
        if mode == "side":
            self._show_side(pair, canvas.crs)
        else:
            self._show_difference(pair, canvas.crs)
        self._describe()
        self.box.update_buttons()
        self.box.shown.emit(mode)

    def _hide_live(self) -> None:
        self._hidden = [
            layer
            for layer in self.window.canvas.layers
            if layer.kind in LIVE_KINDS and layer.visible
        ]
        for layer in self._hidden:
            layer.visible = False

    def _add_to_main(self, below: list[MapLayer], top: list[MapLayer]) -> None:
        canvas = self.window.canvas
        self._added = [*below, *top]
        canvas.set_layers(
            with_scenario(list(canvas.layers), below, top), canvas.crs, zoom_to_full=False
        )

    def _overlay(self, canvas, paint: Callable[[QPainter, ViewTransform], None]) -> None:
        canvas.overlays.append(paint)
        self._overlays.append(paint)
        canvas.update()

    def _show_side(self, pair: ScenarioPair, crs: CRS) -> None:
        assert pair.overlays is not None
        a_layers = scenario_layers(pair.a, pair.overlays[0].isochrones, crs, f"A · {self.names[0]}")
        b_layers = scenario_layers(pair.b, pair.overlays[1].isochrones, crs, f"B · {self.names[1]}")
        main = self.window.canvas
        base = [layer for layer in main.layers if layer.kind not in LIVE_KINDS]
        self._add_to_main([a_layers[0]], [a_layers[1]])
        second = self.side.show(with_scenario(base, [b_layers[0]], [b_layers[1]]), crs)
        self._overlay(main, lambda painter, view: self._paint_title(painter, view, 0))
        second.overlays.append(lambda painter, view: self._paint_title(painter, view, 1))

    def _show_difference(self, pair: ScenarioPair, crs: CRS) -> None:
        layer = AccessDifferenceLayer(pair.difference, crs, names=self.names)
        self.difference_layer = layer
        # the hubs of both: a loss sits near a hub of A, a gain near one of B
        marks = [
            scenario_marks(run, crs, f"{side} · {name}")
            for run, side, name in ((pair.a, "A", self.names[0]), (pair.b, "B", self.names[1]))
        ]
        self._add_to_main([layer], marks)
        self._overlay(
            self.window.canvas,
            lambda painter, view: layer.paint_key(painter, view, font=self.window.canvas.font()),
        )

    def _paint_title(self, painter: QPainter, view: ViewTransform, side: int) -> None:
        paint_map_title(painter, view, self.titles[side], font=self.window.canvas.font())

    def retranslate(self) -> None:
        """Say the numbers and titles of the scenarios on the map again, in the language
        chosen now."""
        self.names = tuple(  # type: ignore[assignment]
            tr(BASELINE_LABEL) if base else name
            for name, base in zip(self.names, self.baseline, strict=True)
        )
        self._describe()

    def _describe(self) -> None:
        if self.pair is None:
            return
        self.titles = pair_titles(self.pair, self.names)
        a, b = self.titles
        lines = [f"{a[0]}: {a[1]}", f"{b[0]}: {b[1]}", b[2]]
        skipped = [*self.pair.a.skipped, *self.pair.b.skipped]
        if skipped:
            lines.append(tr("Not applied: {edits}").format(edits="; ".join(skipped)))
        self.box.say("\n".join(lines))
        self.window.canvas.update()
        if self.side.canvas is not None:
            self.side.canvas.update()

    def set_threshold(self, minutes: float) -> None:
        """Count the gains and losses within ``minutes`` instead (no run again)."""
        if self.pair is None:
            return
        self.pair = self.pair.at(minutes)
        if self.difference_layer is not None:
            self.difference_layer.set_difference(self.pair.difference)
        self._describe()

    def close(self) -> None:
        """Take the scenarios off the map: one map again, the live what-if shown as it was."""
        if self.mode is None:
            return
        canvas = self.window.canvas
        for paint in self._overlays:
            if paint in canvas.overlays:
                canvas.overlays.remove(paint)
        kept = [layer for layer in canvas.layers if layer not in self._added]
        if canvas.crs is not None:
            canvas.set_layers(kept, canvas.crs, zoom_to_full=False)
        for layer in self._hidden:
            layer.visible = True
        self.side.hide()
        self.mode = self.pair = self.difference_layer = None
        self._added, self._hidden, self._overlays = [], [], []
        self.box.say("")
        self.box.update_buttons()
        self.box.closed.emit()
