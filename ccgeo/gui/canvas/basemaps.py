"""Which base map the window draws under its layers, and its map layers.

Four sources (View ▸ Base map): the project's own OpenStreetMap data (offline, the default), a
tiles file the planner brings (MBTiles or PMTiles, offline), OpenStreetMap web tiles (online,
cached), or none. `BasemapSwitch` keeps the choice and puts the right layers in the canvas's
list: the base map at the bottom, place names just above the roads.
"""

from __future__ import annotations

from collections.abc import Sequence

from pyproj import CRS

from ccgeo.gui.canvas.tiles import MAX_TILES_PER_VIEW, BaseMap, TileLayer
from ccgeo.gui.language import tr
from ccgeo.i18n import gettext
from ccgeo.io import tiles as tiles_io
from ccgeo.io.tilefiles import TileArchive, describe
from ccgeo.io.tiles import OSM_TILE_ATTRIBUTION, TileKey
from ccgeo.labels import format_count
from ccgeo.model.basemap import BasemapData
from ccgeo.project import Project
from ccgeo.render.basemap import BasemapLayer, PlaceLabelLayer, basemap_layers
from ccgeo.render.layers import MapLayer
from ccgeo.render.view import ViewTransform
from ccgeo.styles import LegendEntry

#: The base maps of View ▸ Base map, in menu order.
SOURCES: tuple[str, ...] = ("project", "file", "osm", "none")


class TileFileLayer(TileLayer):
    """Raster tiles from an MBTiles or PMTiles file, drawn like web tiles but never fetched.

    Parameters
    ----------
    crs
        Metric CRS of the canvas.
    archive
        The open tiles file.
    """

    def __init__(self, crs: CRS, archive: TileArchive) -> None:
        super().__init__(
            crs,
            archive,
            name=archive.label,
            max_zoom=archive.max_zoom,  # type: ignore[arg-type]
        )
        self.archive = archive

    @property
    def name(self) -> str:
        """Name shown in the layer panel, in the app's language."""
        return tr("Base map ({file})").format(file=self.archive.label)

    def tiles_for_view(self, view: ViewTransform, *, pixel_ratio: float = 1.0) -> list[TileKey]:
        """As `TileLayer.tiles_for_view`, but never coarser than the file's first zoom level
        while its tiles fit on one screen (a zoomed-out view then shows them smaller)."""
        keys = super().tiles_for_view(view, pixel_ratio=pixel_ratio)
        if not keys or keys[0][0] >= self.archive.min_zoom:
            return keys
        corners = tiles_io.tile_corners_lonlat(keys).reshape(-1, 2)
        finer = tiles_io.tiles_covering(corners, self.archive.min_zoom)
        return finer if len(finer) <= 4 * MAX_TILES_PER_VIEW else keys

    def legend(self) -> list[LegendEntry]:
        """The file's credit line, or its name."""
        return [
            LegendEntry(self.archive.attribution or self.archive.label, "fill", color="#FFFFFF")
        ]


class BasemapSwitch:
    """The window's choice of base map and the layers that draw it.

    Parameters
    ----------
    web
        The fetcher of OpenStreetMap web tiles (its layer is the ``"osm"`` base map).
    """

    def __init__(self, web: BaseMap) -> None:
        self.web = web
        self.choice = "none"
        self.archive: TileArchive | None = None
        self._file_layer: TileFileLayer | None = None
        # the project base map's layers, and the data and CRS they were built for
        self._built: tuple[BasemapData, CRS, list[MapLayer]] | None = None
        #: The bottom layer of the base map after the last `arrange` (None: no base map).
        self.layer: MapLayer | None = None

    def choose(self, name: str, *, archive: TileArchive | None = None) -> None:
        """Switch to base map ``name`` (one of `SOURCES`); ``"file"`` needs ``archive``."""
        if name not in SOURCES:
            msg = f"`name` should be one of {', '.join(SOURCES)}, got {name!r}"
            raise ValueError(msg)
        if name == "file":
            if archive is None:
                raise ValueError("the tiles-file base map needs the open `archive`")
            if self.archive is not None and self.archive is not archive:
                self.archive.close()
            self.archive = archive
            self._file_layer = None
        if name != "osm" and self.web.layer is not None:
            self.web.stop(wait_s=0.0)
            self.web.layer.on_missing = None
            self.web.layer = None
        self.choice = name

    @staticmethod
    def owns(layer: MapLayer) -> bool:
        """Whether ``layer`` draws a base map (any source): the switch places it."""
        return isinstance(layer, (TileLayer, BasemapLayer, PlaceLabelLayer))

    def arrange(
        self, layers: Sequence[MapLayer], project: Project | None, crs: CRS | None
    ) -> list[MapLayer]:
        """``layers`` with the chosen base map in place of any other.

        Base-map layers built in a worker for ``project`` (see `prepared_layers`) are taken
        from ``layers`` and kept; the base map goes at the bottom, place names right above the
        roads (or the base map when there are no roads).
        """
        self._adopt(layers, project, crs)
        out = [layer for layer in layers if not self.owns(layer)]
        chosen = self._layers_for(project, crs)
        self.layer = chosen[0] if chosen else None
        if not chosen:
            return out
        bottom, *labels = chosen
        roads = [i for i, layer in enumerate(out) if layer.kind == "roads"]
        at = roads[-1] + 1 if roads else 0
        return [bottom, *out[:at], *labels, *out[at:]]

    def _adopt(self, layers: Sequence[MapLayer], project: Project | None, crs: CRS | None) -> None:
        """Hold the base-map layers of ``project`` found in ``layers`` (built in a worker)."""
        data = project.basemap if project is not None else None
        if data is None or crs is None:
            return
        mine = [x for x in layers if isinstance(x, (BasemapLayer, PlaceLabelLayer))]
        mine = [x for x in mine if x.data is data]
        held = self._built
        if mine and not (held is not None and held[2] == mine and held[1] == crs):
            self._hold(data, crs, mine)

    def _hold(self, data: BasemapData, crs: CRS, layers: list[MapLayer]) -> None:
        """Keep ``layers`` as the project base map, shown as the user left the previous one."""
        if self._built is not None:
            before = {x.kind: x for x in self._built[2]}
            for layer in layers:
                if layer.kind in before:
                    layer.visible = before[layer.kind].visible
                    layer.opacity = before[layer.kind].opacity
        self._built = (data, crs, layers)

    def _layers_for(self, project: Project | None, crs: CRS | None) -> list[MapLayer]:
        if self.choice == "project":
            return self._project_layers(project, crs)
        if self.choice == "osm":
            layer = self.web.layer or self.web.make_layer(crs or CRS.from_epsg(3857))
            layer.set_crs(crs or layer.crs)
            return [layer]
        if self.choice == "file" and self.archive is not None:
            if self._file_layer is None:
                self._file_layer = TileFileLayer(crs or CRS.from_epsg(3857), self.archive)
            elif crs is not None and self._file_layer.crs != crs:
                self._file_layer.set_crs(crs)
            return [self._file_layer]
        return []

    def _project_layers(self, project: Project | None, crs: CRS | None) -> list[MapLayer]:
        data = project.basemap if project is not None else None
        if data is None or crs is None or data.is_empty:
            return []
        held = self._built
        if held is None or held[0] is not data or held[1] != crs:
            self._hold(data, crs, basemap_layers(data, crs))
        assert self._built is not None
        return self._built[2]

    def credit(self, project: Project | None) -> str:
        """The credit line of the base map shown, ``""`` for none."""
        if self.layer is None:
            return ""
        # the credit of OpenStreetMap in the language of the moment (io marks it for gettext)
        osm = gettext(OSM_TILE_ATTRIBUTION)
        if self.choice == "osm":
            return osm
        if self.choice == "file" and self.archive is not None:
            return self.archive.attribution or tr("Base map: {file}").format(
                file=self.archive.label
            )
        if project is not None and project.metadata.get("synthetic"):
            return ""  # synthetic features are not OpenStreetMap data
        return osm

    def status(self, project: Project | None) -> str:
        """One sentence for the status bar after a switch."""
        if self.choice == "osm":
            return tr(
                "Base map: OpenStreetMap tiles load in the background and are kept for offline use"
            )
        if self.choice == "file" and self.archive is not None:
            return tr("Base map: {file}").format(file=describe(self.archive))
        if self.choice == "project":
            if project is None:
                return ""
            data = project.basemap
            if data is None or data.is_empty:
                return tr(
                    "Base map: this project has no OpenStreetMap land use, water or place names; "
                    "import its roads from an OSM file (.osm.pbf) to draw them"
                )
            return tr(
                "Base map: drawn offline from the project's OpenStreetMap data ({areas} areas, "
                "{lines} rivers and streams, {places} place names)"
            ).format(
                areas=format_count(data.n_areas),
                lines=format_count(data.n_lines),
                places=format_count(data.n_places),
            )
        return tr("Base map: none; the roads and districts are the base map")


def prepared_layers(project: Project, crs: CRS) -> list[MapLayer]:
    """The project base map's layers, built in a worker so the window need not build them."""
    if project.basemap is None or project.basemap.is_empty:
        return []
    return basemap_layers(project.basemap, crs)
