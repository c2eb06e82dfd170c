"""Small OSM XML files written by tests, feature by feature, on a grid of 100 m steps."""

from __future__ import annotations

import math
from pathlib import Path

#: The origin of the grid, degrees.
LON0, LAT0 = 10.0, 50.0
#: About 100 m in degrees of latitude and of longitude at 50° N.
DY, DX = 100 / 111_320, 100 / (111_320 * math.cos(math.radians(LAT0)))


class OsmXml:
    """A small OSM XML file written node by node, way by way, in steps of about 100 m from
    ``origin`` (lon, lat degrees)."""

    def __init__(self, origin: tuple[float, float] = (LON0, LAT0)) -> None:
        self.lon0, self.lat0 = origin
        self.dx = 100 / (111_320 * math.cos(math.radians(self.lat0)))
        self.nodes: list[str] = []
        self.ways: list[str] = []
        self.relations: list[str] = []

    def node(self, x: float, y: float, **tags: str) -> int:
        ref = len(self.nodes) + 1
        lon, lat = self.lon0 + x * self.dx, self.lat0 + y * DY
        body = "".join(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())
        self.nodes.append(
            f'<node id="{ref}" version="1" lat="{lat:.7f}" lon="{lon:.7f}">{body}</node>'
        )
        return ref

    def way(self, xy: list[tuple[float, float]], *, closed: bool = False, **tags: str) -> int:
        refs = [self.node(x, y) for x, y in xy]
        if closed:
            refs.append(refs[0])
        ref = len(self.ways) + 1
        nds = "".join(f'<nd ref="{r}"/>' for r in refs)
        body = "".join(f'<tag k="{k}" v="{v}"/>' for k, v in tags.items())
        self.ways.append(f'<way id="{ref}" version="1">{nds}{body}</way>')
        return ref

    def square(self, x0: float, y0: float, x1: float, y1: float, **tags: str) -> int:
        return self.way([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], closed=True, **tags)

    def multipolygon(self, outer: int, inner: int, **tags: str) -> None:
        members = f'<member type="way" ref="{outer}" role="outer"/>'
        members += f'<member type="way" ref="{inner}" role="inner"/>'
        body = "".join(
            f'<tag k="{k}" v="{v}"/>' for k, v in {"type": "multipolygon", **tags}.items()
        )
        self.relations.append(
            f'<relation id="{len(self.relations) + 1}" version="1">{members}{body}</relation>'
        )

    def write(self, path: Path) -> Path:
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<osm version="0.6" generator="test">']
        path.write_text("\n".join([*lines, *self.nodes, *self.ways, *self.relations, "</osm>"]))
        return path
