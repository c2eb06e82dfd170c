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


def _ended() -> int:
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


@pytest.mark.skipif(os.name != "posix", reason="whether a pid runs is asked with kill(pid, 0)")
def test_saves_killed_midway_leave_nothing_once_the_project_is_opened_or_saved(
    tmp_path: Path, fresh_demo, caplog: pytest.LogCaptureFixture
) -> None:
    """Saves killed mid-write (75 of them once left 122 files, 240 MB) are cleaned when the
    project is opened or saved again; a save under way in a running process is left alone."""
    import logging
    import subprocess
    import sys
    import time

    from ccgeo.project import open_project, save_project

    path = save_project(fresh_demo, tmp_path / "city.ccgeo")
    dead = [_ended() for _ in range(3)]
    left = [tmp_path / f".city.tmp-{pid}.ccgeo" for pid in dead]
    left += [tmp_path / f".city.tmp-{dead[0]}.ccgeo-journal"]
    for stale in left:
        stale.write_bytes(b"x" * 1000)
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        busy = tmp_path / f".city.tmp-{running.pid}.ccgeo"
        busy.write_bytes(b"y" * 10)
        old = tmp_path / f".city.tmp-{running.pid}-old.ccgeo"  # an old one, pid reused
        old.write_bytes(b"z")
        week = time.time() - 7 * 24 * 3600
        os.utime(old, (week, week))
        other = tmp_path / f".other.tmp-{dead[0]}.ccgeo"  # another project's
        other.write_bytes(b"o")
        with caplog.at_level(logging.INFO, logger="ccgeo.project"):
            open_project(path)
        assert not any(p.exists() for p in left)
        assert busy.exists()
        assert not old.exists()
        assert other.exists()
        assert "removed 0.0 MB left by saves that were stopped" in caplog.text
        # saving cleans too
        (tmp_path / f".city.tmp-{dead[1]}.ccgeo").write_bytes(b"x")
        save_project(fresh_demo, path)
        assert not (tmp_path / f".city.tmp-{dead[1]}.ccgeo").exists()
        assert busy.exists()
    finally:
        running.kill()
        running.wait()
