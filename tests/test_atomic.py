"""The one atomic write: all or nothing, no temporary left behind, a normal file mode."""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from ccgeo.errors import Cancelled, InputError
from ccgeo.io import atomic
from ccgeo.io.atomic import atomic_path, write_bytes_atomic, write_text_atomic


def names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def write_then_fail(target: Path, exc: BaseException, **options: Any) -> None:
    """Start writing ``target`` (and a SQLite journal beside it), then fail with ``exc``."""
    with atomic_path(target, **options) as tmp:
        tmp.write_text("half of the new", encoding="utf-8")
        tmp.with_name(tmp.name + "-journal").write_bytes(b"journal")
        raise exc


def test_write_and_replace(tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    assert write_text_atomic(target, "first\n") == target
    assert write_text_atomic(target, "second\nline\n") == target
    assert target.read_bytes() == b"second\nline\n"  # newlines as given, on every platform
    assert write_bytes_atomic(target, b"\x00\x01") == target
    assert target.read_bytes() == b"\x00\x01"
    assert names(tmp_path) == ["notes.txt"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    target.write_text("old", encoding="utf-8")
    crash = RuntimeError("simulated crash while writing")
    with pytest.raises(RuntimeError, match="crash"):
        write_then_fail(target, crash, side_suffixes=("-journal",))
    assert target.read_text(encoding="utf-8") == "old"
    assert names(tmp_path) == ["map.html"]


def test_a_full_disk_is_a_clear_error(tmp_path: Path) -> None:
    target = tmp_path / "map.html"
    target.write_text("old", encoding="utf-8")
    full = OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(
        InputError,
        match=r"map\.html: could not save the map: the disk is full \(No space left on "
        r"device\); free some space or save it on another drive; the previous version of "
        r"the map was left unchanged",
    ):
        write_then_fail(target, full, what="the map", side_suffixes=("-journal",))
    assert target.read_text(encoding="utf-8") == "old"
    assert names(tmp_path) == ["map.html"]


def test_a_library_saying_disk_full_is_a_full_disk(tmp_path: Path) -> None:
    target = tmp_path / "p.gpkg"
    full = sqlite3.OperationalError("database or disk is full")
    with pytest.raises(InputError, match=r"the disk is full.*nothing was written"):
        write_then_fail(target, full, side_suffixes=("-journal",))
    assert names(tmp_path) == []


def test_library_errors_named_by_the_caller_are_write_errors(tmp_path: Path) -> None:
    target = tmp_path / "p.gpkg"
    with (
        pytest.raises(InputError, match=r"could not save the layer \(locked\); nothing was"),
        atomic_path(target, what="the layer", write_errors=(sqlite3.Error,)),
    ):
        raise sqlite3.OperationalError("locked")
    assert names(tmp_path) == []


def test_no_permission(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.pdf"
    target.write_bytes(b"old")

    def refused(src: object, dst: object) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(atomic.os, "replace", refused)
    with pytest.raises(
        InputError,
        match=r"could not save the report: no permission to write in .*; save it in another "
        r"folder; the previous version of the report was left unchanged",
    ):
        write_bytes_atomic(target, b"new", what="the report")
    assert target.read_bytes() == b"old"
    assert names(tmp_path) == ["report.pdf"]


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"the folder .*nowhere does not exist; nothing was"):
        write_text_atomic(tmp_path / "nowhere" / "x.txt", "text")


def test_a_writer_that_makes_no_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="the writer made no file"), atomic_path(tmp_path / "x"):
        pass
    assert names(tmp_path) == []


def test_cancelled_passes_through_and_cleans_up(tmp_path: Path) -> None:
    with pytest.raises(Cancelled):
        write_then_fail(tmp_path / "x.html", Cancelled("cancelled"), side_suffixes=("-journal",))
    assert names(tmp_path) == []


def test_a_stale_temporary_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "x.html"
    with atomic_path(target) as tmp:
        pass_name = tmp.name
        tmp.write_text("new", encoding="utf-8")
    stale = tmp_path / pass_name
    stale.write_text("left by a crash", encoding="utf-8")
    write_text_atomic(target, "newer")
    assert target.read_text(encoding="utf-8") == "newer"
    assert names(tmp_path) == ["x.html"]


def test_the_temporary_keeps_the_suffix(tmp_path: Path) -> None:
    # GDAL chooses how to write from the suffix: a Shapefile path without it becomes a folder
    with atomic_path(tmp_path / "roads.gpkg") as tmp:
        assert tmp.parent == tmp_path
        assert tmp.suffix == ".gpkg"
        assert tmp.name.startswith(".roads.")
        tmp.write_bytes(b"x")


@pytest.mark.skipif(os.name != "posix", reason="file modes and umask are POSIX")
@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o027, 0o640), (0o002, 0o664)])
def test_the_new_file_mode_follows_the_umask(tmp_path: Path, umask: int, mode: int) -> None:
    old = os.umask(umask)
    try:
        write_text_atomic(tmp_path / "a.txt", "text")
        with atomic_path(tmp_path / "b.txt") as tmp:
            tmp.write_text("written by another writer", encoding="utf-8")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == mode
    assert stat.S_IMODE((tmp_path / "b.txt").stat().st_mode) == mode


def test_shapefile_parts_move_with_it(tmp_path: Path) -> None:
    import geopandas as gpd
    import shapely

    labs = gpd.GeoDataFrame({"name": ["A"]}, geometry=[shapely.Point(36.8, -1.3)], crs=4326)
    target = tmp_path / "labs.shp"
    (tmp_path / "labs.qpj").write_text("not ours", encoding="utf-8")
    for _ in range(2):  # the second write replaces every part
        with atomic_path(target) as tmp:
            labs.to_file(tmp, driver="ESRI Shapefile")
    assert names(tmp_path) == [
        "labs.cpg",
        "labs.dbf",
        "labs.prj",
        "labs.qpj",
        "labs.shp",
        "labs.shx",
    ]
    back = gpd.read_file(target)
    assert back["name"].tolist() == ["A"]
    assert back.crs.to_epsg() == 4326


def test_writers_of_one_file_in_threads_take_turns(tmp_path: Path) -> None:
    target = tmp_path / "note.json"
    texts = [f'{{"writer": {i}}}' + " " * 100_000 for i in range(8)]
    errors: list[BaseException] = []

    def write(text: str) -> None:
        try:
            write_text_atomic(target, text)
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=write, args=(t,)) for t in texts]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert target.read_text(encoding="utf-8") in texts
    assert names(tmp_path) == ["note.json"]
