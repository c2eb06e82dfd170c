"""A lock on a project while a ccgeo window has it open, so that two windows never save (or
autosave) over each other: the second one opens the project read-only.

The lock is a small file beside the project, ``.~lock.<name>#`` as LibreOffice names its own,
holding who has the project open: user, computer, process and since when. A lock whose process
has ended on this computer (a crash, a power cut) is stale and taken over; a lock held on another
computer (a project on a shared drive) is respected.
"""

from __future__ import annotations

import datetime as dt
import getpass
import json
import os
import socket
from contextlib import suppress
from dataclasses import asdict, dataclass
from pathlib import Path

from ccgeo.i18n import _, babel_locale, current_language
from ccgeo.io.atomic import process_running


@dataclass(frozen=True)
class LockHolder:
    """Who has a project open: ``user`` on computer ``host``, process ``pid``, ``since`` (ISO
    8601, local time)."""

    user: str
    host: str
    pid: int
    since: str

    @classmethod
    def me(cls) -> LockHolder:
        """This process."""
        try:
            user = getpass.getuser()
        except (KeyError, OSError):  # no user name in a container
            user = "someone"
        since = dt.datetime.now().astimezone().isoformat(timespec="seconds")
        return cls(user=user, host=socket.gethostname(), pid=os.getpid(), since=since)

    @property
    def is_me(self) -> bool:
        """Whether this process holds the lock."""
        return self.host == socket.gethostname() and self.pid == os.getpid()

    def describe(self) -> str:
        """``"ana on LAPTOP-3 since 3 Dec 2026 09:12"``, in the current language."""
        try:
            when = dt.datetime.fromisoformat(self.since)
        except ValueError:
            since = self.since
        else:
            since = _day_and_time(when)
        return _("{user} on {host} since {since}").format(
            user=self.user, host=self.host, since=since
        )


def _day_and_time(when: dt.datetime) -> str:
    """``"3 Dec 2026 09:12"``: the month's short name in the current language."""
    if current_language() == "en":
        return f"{when.day} {when:%b %Y %H:%M}"
    from babel.dates import format_datetime

    return format_datetime(when, "d MMM y HH:mm", locale=babel_locale())


def lock_path(project: str | Path) -> Path:
    """The lock file of ``project``: ``.~lock.<name>#`` beside it."""
    project = Path(project)
    return project.with_name(f".~lock.{project.name}#")


def acquire(project: str | Path) -> LockHolder | None:
    """Lock ``project`` for this process. Returns None when it is ours now, or who holds it.

    A stale lock (its process ended on this computer) or a damaged one is taken over. When the
    folder cannot be written (a read-only medium), the project is not locked and None is
    returned: there is no one to protect it from, and it cannot be saved there anyway.
    """
    path = lock_path(project)
    me = LockHolder.me()
    for _attempt in range(2):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = holder_of(project)
            if holder is not None and (holder.is_me or not _stale(holder)):
                return None if holder.is_me else holder
            with suppress(OSError):
                path.unlink()  # stale or damaged: take it over
            continue
        except OSError:
            return None
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(asdict(me), fh)
        return None
    return holder_of(project)


def holder_of(project: str | Path) -> LockHolder | None:
    """Who holds the lock of ``project`` (None: nobody, or a lock file that cannot be read)."""
    try:
        data = json.loads(lock_path(project).read_text(encoding="utf-8"))
        return LockHolder(
            user=str(data["user"]),
            host=str(data["host"]),
            pid=int(data["pid"]),
            since=str(data["since"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def release(project: str | Path) -> None:
    """Remove the lock of ``project`` when this process holds it."""
    holder = holder_of(project)
    if holder is not None and holder.is_me:
        with suppress(OSError):
            lock_path(project).unlink()


def _stale(holder: LockHolder) -> bool:
    """Whether ``holder``'s process has ended (known only on this computer)."""
    return holder.host == socket.gethostname() and not process_running(holder.pid)
