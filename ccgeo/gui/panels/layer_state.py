"""What the user made of the map's layers: their order, the layers removed, visibility, opacity
and styles, kept per layer kind so that it outlives the layer objects (a rerun draws new catchment
bands, an attribute edit a new facility layer), with the undoable edits that change it and its
plain-dict form for the project file.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand

from ccgeo.errors import InputError
from ccgeo.gui.canvas.map_canvas import MapCanvas
from ccgeo.render.layers import MapLayer
from ccgeo.render.style import LayerStyle

#: Version of the dict of `LayerMemory.state`.
STATE_VERSION = 1


@dataclass
class KindSettings:
    """What the user set for one kind of layer (None: left as the app drew it)."""

    visible: bool | None = None
    opacity: float | None = None
    style: LayerStyle | None = None

    def apply(self, layer: MapLayer) -> None:
        """Give ``layer`` these settings."""
        if self.style is not None:
            layer.set_style(self.style)
        if self.visible is not None:
            layer.visible = self.visible
        if self.opacity is not None:
            layer.opacity = self.opacity


def merged_order(remembered: list[str], current: list[str]) -> list[str]:
    """``current`` kinds in their order, with the ``remembered`` kinds that are absent kept at
    their places (so a removed layer comes back there): those that were at the top stay on
    top, those at the bottom stay at the bottom, the others follow the kind that preceded them.
    """
    present = [kind in current for kind in remembered]
    first = present.index(True) if any(present) else len(remembered)
    last = len(present) - present[::-1].index(True) if any(present) else 0
    out = [kind for kind in remembered[:first] if kind not in current] + list(current)
    for i in range(first, len(remembered)):
        kind = remembered[i]
        if kind in out:
            continue
        if i >= last:
            out.append(kind)
            continue
        previous = next(k for k in reversed(remembered[:i]) if k in out)
        out.insert(out.index(previous) + 1, kind)
    return out


def ordered(layers: list[MapLayer], order: list[str]) -> list[MapLayer]:
    """``layers`` (bottom to top) with the kinds named in ``order`` (top-down) arranged by it
    among the places they hold; other layers keep their places."""
    rank = {kind: i for i, kind in enumerate(reversed(order))}
    slots = [i for i, layer in enumerate(layers) if layer.kind in rank]
    placed = sorted((layers[i] for i in slots), key=lambda layer: rank[layer.kind])
    out = list(layers)
    for i, layer in zip(slots, placed, strict=True):
        out[i] = layer
    return out


class LayerMemory:
    """The user's arrangement of the map, per layer kind, applied to every layer that appears.

    A layer that replaces one of its kind (new bands after a run) takes the user's style,
    visibility and opacity of that kind; the kinds the user put in order stay in that order; a
    removed kind stays off the map until it is added back.

    Parameters
    ----------
    canvas
        The map; call `reconcile` whenever its layers change.
    """

    def __init__(self, canvas: MapCanvas) -> None:
        self.canvas = canvas
        #: Top-down kinds as the user arranged them ([]: as the app placed them).
        self.order: list[str] = []
        self.settings: dict[str, KindSettings] = {}
        #: Removed kinds and their layer (None: removed in a restored state, not drawn yet).
        self.removed: dict[str, MapLayer | None] = {}
        self._known: dict[str, MapLayer] = {}
        self._busy = False

    # -- reading -------------------------------------------------------------------------------
    def layer(self, kind: str) -> MapLayer | None:
        """The layer of ``kind`` on the map, or None."""
        return next((x for x in self.canvas.layers if x.kind == kind), None)

    def top_down_kinds(self) -> list[str]:
        """Kinds on the map, top first."""
        return [layer.kind for layer in reversed(self.canvas.layers)]

    def full_order(self) -> list[str]:
        """Kinds on the map top-down, with the remembered absent ones at their places."""
        return merged_order(self.order, self.top_down_kinds())

    # -- keeping the map in step ---------------------------------------------------------------
    def forget(self) -> None:
        """Another map: drop everything the user set (the next layers are drawn as built)."""
        self.order = []
        self.settings = {}
        self.removed = {}
        self._known = {}

    def reconcile(self) -> None:
        """Apply the user's settings to new layers, take removed kinds off, keep the order."""
        if self._busy or self.canvas.crs is None:
            return
        self._busy = True
        try:
            layers = list(self.canvas.layers)
            fresh = [x for x in layers if self._known.get(x.kind) is not x]
            self._known.update({x.kind: x for x in layers})
            for layer in fresh:
                if layer.kind in self.settings:
                    self.settings[layer.kind].apply(layer)
            for layer in layers:
                if layer.kind in self.removed:
                    self.removed[layer.kind] = layer
            keep = ordered([x for x in layers if x.kind not in self.removed], self.order)
            if keep != layers:
                self.canvas.set_layers(keep, self.canvas.crs, zoom_to_full=False)
        finally:
            self._busy = False

    def set_order(self, order: list[str]) -> None:
        """Arrange the map top-down as ``order`` (kinds)."""
        self.order = list(order)
        self.reconcile()

    def remove(self, kind: str) -> None:
        """Take the layer of ``kind`` off the map (it remembers its place)."""
        layer = self.layer(kind)
        if layer is None or self.canvas.crs is None:
            return
        self.order = self.full_order()
        self.removed[kind] = layer
        self.reconcile()

    def add_back(self, kind: str) -> None:
        """Put the removed layer of ``kind`` back at its place."""
        layer = self.removed.pop(kind, None)
        if layer is None or self.canvas.crs is None:
            return
        self._known[kind] = layer
        self.canvas.set_layers([*self.canvas.layers, layer], self.canvas.crs, zoom_to_full=False)

    def set_style(self, kind: str, style: LayerStyle) -> None:
        """Draw the layers of ``kind`` (on the map or removed) with ``style``."""
        self.settings.setdefault(kind, KindSettings()).style = style
        for layer in (self.layer(kind), self.removed.get(kind)):
            if layer is not None:
                layer.set_style(style)

    def note(self, layer: MapLayer) -> None:
        """Remember the visibility and opacity the user gave ``layer``."""
        settings = self.settings.setdefault(layer.kind, KindSettings())
        settings.visible, settings.opacity = layer.visible, layer.opacity

    # -- the project file ----------------------------------------------------------------------
    def state(self) -> dict[str, Any]:
        """Order, removed kinds and per-kind visibility, opacity and style as a plain dict."""
        layers: dict[str, dict[str, Any]] = {}
        for kind in self.full_order():
            layer = self.layer(kind) or self.removed.get(kind)
            remembered = self.settings.get(kind, KindSettings())
            if layer is not None:
                entry = {"visible": layer.visible, "opacity": layer.opacity, "style": layer.style}
            else:
                entry = {
                    "visible": remembered.visible,
                    "opacity": remembered.opacity,
                    "style": remembered.style,
                }
            style = entry.pop("style")
            entry = {k: v for k, v in entry.items() if v is not None}
            if style is not None and not style.is_default:
                entry["style"] = style.to_dict()
            layers[kind] = entry
        return {
            "version": STATE_VERSION,
            "order": self.full_order(),
            "removed": sorted(self.removed),
            "layers": layers,
        }

    def restore(self, state: Mapping[str, Any] | None) -> list[str]:
        """Make ``state`` (from `state`) the user's settings and apply it to the map.

        Kinds not on the map yet (bands before the first run) take their settings when they
        appear. Unusable entries are left out; returns one line per entry left out, saying why.
        """
        problems: list[str] = []
        order, removed, settings = _parse_state(state or {}, problems)
        shelved = [x for k, x in self.removed.items() if x is not None and k not in removed]
        self.order, self.settings = order, settings
        self.removed = {kind: self.removed.get(kind) for kind in removed}
        self._busy = True  # one reconcile at the end, not one per change
        try:
            for layer in [*self.canvas.layers, *shelved]:
                if layer.kind in settings:
                    settings[layer.kind].apply(layer)
            if shelved and self.canvas.crs is not None:
                self.canvas.set_layers(
                    [*self.canvas.layers, *shelved], self.canvas.crs, zoom_to_full=False
                )
        finally:
            self._busy = False
        self._known = {x.kind: x for x in self.canvas.layers}
        self.reconcile()
        return problems


def _parse_state(
    state: Mapping[str, Any], problems: list[str]
) -> tuple[list[str], list[str], dict[str, KindSettings]]:
    """Order, removed kinds and settings of a state dict; what is unusable goes to ``problems``."""
    if not isinstance(state, Mapping):
        problems.append(f"the layer state should be a dict, got {type(state).__name__}")
        return [], [], {}
    version = state.get("version", STATE_VERSION)
    if version != STATE_VERSION:
        problems.append(f"layer state version {version!r} is not {STATE_VERSION}: ignored")
        return [], [], {}
    order = _kinds(state.get("order", []), "order", problems)
    removed = _kinds(state.get("removed", []), "removed", problems)
    layers = state.get("layers", {})
    if not isinstance(layers, Mapping):
        problems.append(f"`layers` should map layer kinds to settings, got {layers!r}")
        layers = {}
    settings = {}
    for kind, entry in layers.items():
        parsed = _kind_settings(str(kind), entry, problems)
        if parsed is not None:
            settings[str(kind)] = parsed
    return order, removed, settings


def _kinds(value: Any, what: str, problems: list[str]) -> list[str]:
    if not isinstance(value, (list, tuple)) or not all(isinstance(k, str) for k in value):
        problems.append(f"`{what}` should be a list of layer kinds, got {value!r}")
        return []
    return list(value)


def _kind_settings(kind: str, entry: Any, problems: list[str]) -> KindSettings | None:
    if not isinstance(entry, Mapping):
        problems.append(f"layer {kind!r}: settings should be a dict, got {entry!r}")
        return None
    out = KindSettings()
    visible = entry.get("visible")
    if isinstance(visible, bool):
        out.visible = visible
    elif visible is not None:
        problems.append(f"layer {kind!r}: `visible` should be true or false, got {visible!r}")
    opacity = entry.get("opacity")
    if isinstance(opacity, (int, float)) and math.isfinite(opacity) and 0 <= opacity <= 1:
        out.opacity = float(opacity)
    elif opacity is not None:
        problems.append(f"layer {kind!r}: `opacity` should be 0 to 1, got {opacity!r}")
    if entry.get("style") is not None:
        try:
            out.style = LayerStyle.from_dict(entry["style"])
        except InputError as exc:
            problems.append(f"layer {kind!r}: {exc}; drawn with the usual style")
    return out


class MapEdit(QUndoCommand):
    """An undoable change of the map's layers: ``do`` now (and on redo), ``undo`` on undo."""

    def __init__(self, text: str, do: Callable[[], object], undo: Callable[[], object]) -> None:
        super().__init__(text)
        self._do, self._undo = do, undo

    def redo(self) -> None:
        """Apply the change."""
        self._do()

    def undo(self) -> None:
        """Take the change back."""
        self._undo()


__all__ = ["KindSettings", "LayerMemory", "MapEdit", "merged_order", "ordered"]
