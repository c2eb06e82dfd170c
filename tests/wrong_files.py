"""Files that are not facility lists but get chosen as one: a road extract, a road network, a
report and a picture, each with the words the refusal must say (what it is, what to do)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class WrongFile:
    """A file of another kind and the words its refusal must hold."""

    name: str
    content: bytes
    what: str
    fix: str


WRONG_FILES: tuple[WrongFile, ...] = (
    WrongFile(
        "roads.osm.pbf",
        b"\x00\x00\x00\x0d\n\tOSMHeader\x18\x7c\x10\x00\x00\x00\x00\x00",
        "OpenStreetMap road file",
        "File ▸ Import ▸ Roads",
    ),
    WrongFile(
        "network.graphml",
        b'<?xml version="1.0" encoding="utf-8"?>\n<graphml><graph edgedefault="directed">'
        b"</graph></graphml>\n",
        "road network",
        "File ▸ Import ▸ Roads",
    ),
    WrongFile(
        "labs list.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        "PDF",
        "CSV or Excel",
    ),
    WrongFile(
        "labs.png",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00",
        "image",
        "CSV",
    ),
)


def write(folder: Path, wrong: WrongFile) -> Path:
    """Write ``wrong`` into ``folder``; its path."""
    path = folder / wrong.name
    path.write_bytes(wrong.content)
    return path
