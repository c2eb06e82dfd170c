"""The lock on an open project: one process at a time has a project for writing; a lock left by
a process that ended is taken over, one held on another computer is respected."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from ccgeo.io import lock

pytestmark = pytest.mark.skipif(os.name != "posix", reason="process checks use kill(pid, 0)")

HOLD = (
    "import sys, time\n"
    "from ccgeo.io.lock import acquire\n"
    "assert acquire(sys.argv[1]) is None\n"
    "print('locked', flush=True)\n"
    "time.sleep(120)\n"
)


def hold_in_another_process(path: Path) -> subprocess.Popen:
    """A second ccgeo process that opens ``path`` (takes its lock) and keeps it open."""
    other = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE, text=True
    )
    assert other.stdout is not None
    assert other.stdout.readline().strip() == "locked"
    return other


@pytest.fixture
def project(tmp_path: Path) -> Path:
    path = tmp_path / "city.ccgeo"
    path.write_bytes(b"not read by the lock")
    return path


def test_the_first_process_holds_it_the_second_is_told_who(project: Path) -> None:
    other = hold_in_another_process(project)
    try:
        holder = lock.acquire(project)
        assert holder is not None
        assert holder.pid == other.pid
        assert holder.host == socket.gethostname()
        assert " on " in holder.describe()
        lock.release(project)  # not ours: left alone
        assert lock.lock_path(project).exists()
    finally:
        other.kill()
        other.communicate()
    # the other process ended without a word (a crash): its lock is stale and taken over
    assert lock.acquire(project) is None
    assert lock.holder_of(project).is_me
    assert lock.acquire(project) is None  # again: still ours
    lock.release(project)
    assert not lock.lock_path(project).exists()


def test_a_lock_held_on_another_computer_is_respected(project: Path) -> None:
    record = {"user": "ana", "host": "LAPTOP-3", "pid": 1, "since": "2026-12-03T09:12:00+00:00"}
    lock.lock_path(project).write_text(json.dumps(record), encoding="utf-8")
    holder = lock.acquire(project)
    assert holder is not None
    assert holder.describe() == "ana on LAPTOP-3 since 3 Dec 2026 09:12"


def test_a_damaged_lock_is_taken_over(project: Path) -> None:
    lock.lock_path(project).write_bytes(b"\x00garbage")
    assert lock.acquire(project) is None
    assert lock.holder_of(project).is_me


def test_a_folder_that_cannot_be_written_locks_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "no such folder" / "city.ccgeo"
    assert lock.acquire(missing) is None
    assert not lock.lock_path(missing).exists()
