"""The one way ccgeo writes a file: all or nothing, so a crash or a full disk keeps the old file.

The new content goes to a hidden temporary file beside the target, is flushed to disk, and then
replaces the target in one step (`os.replace`); on POSIX the folder is flushed too, so that the
rename itself survives a power cut. On any failure the temporary file is removed.
"""

from __future__ import annotations

import errno
import os
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path

from ccgeo.errors import CcgeoError, InputError
from ccgeo.i18n import N_, _
from ccgeo.io.kinds import file_type

_DISK_FULL = (errno.ENOSPC, errno.EDQUOT)
_NO_PERMISSION = (errno.EACCES, errno.EPERM, errno.EROFS)
#: How libraries that do not raise `OSError` (SQLite, GDAL, Qt) say that the disk is full.
_DISK_FULL_WORDS = ("no space left", "disk is full", "disk full", "quota exceeded")

# one writer at a time per target within this process: the temporary name holds only the pid
_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


@contextmanager
def atomic_path(
    target: str | Path,
    *,
    what: str = N_("the file"),
    side_suffixes: Sequence[str] = (),
    write_errors: tuple[type[BaseException], ...] = (),
) -> Iterator[Path]:
    """Give a temporary path to write; when the block ends without error, it becomes ``target``.

    The temporary file ``.<stem>.tmp-<pid><suffix>`` lies in the target's folder (a rename
    across drives would not be atomic) and keeps the target's suffix, from which GDAL chooses
    how to write; one left by an earlier crash is removed first. The block must create it as a
    new file (any writer does: GDAL, SQLite, Qt, `open`), so its mode is that of a normal new
    file under the process umask, not the 0600 of `tempfile.mkstemp`.

    A file with sidecars in `ccgeo.io.kinds` (a Shapefile's ``.dbf``, ``.shx``, ...) has them
    moved into place one by one before it: each file is replaced whole, but a crash between two
    of them can pair parts of the old and the new layer. Only single-file formats are all or
    nothing.

    Parameters
    ----------
    target
        The file to write.
    what
        The thing saved, for messages (``"the project"``, ``"the map"``): English marked with
        `ccgeo.i18n.N_`, translated here, or text already in the current language.
    side_suffixes
        Endings of files the writer may leave beside the temporary one (SQLite's
        ``"-journal"``, ``"-wal"``, ``"-shm"``), removed with it.
    write_errors
        Exceptions of the writing library, besides `OSError`, that mean the file could not be
        written; they are reported like `OSError`. Other exceptions pass through unchanged.

    Yields
    ------
    Path
        The temporary path to write.

    Raises
    ------
    InputError
        Naming ``target``, when the folder is missing, the disk is full, writing is not
        permitted or the file system fails; the message says that the previous file (if any)
        is unchanged.
    """
    target = Path(target)
    tmp = target.with_name(f".{target.stem}.tmp-{os.getpid()}{target.suffix}")
    entry = file_type(target)
    sidecars = entry.sidecars if entry is not None else ()
    with _lock_of(target):
        done = False
        try:
            _remove(tmp, side_suffixes, sidecars)
            yield tmp
            _commit(tmp, target, sidecars, what=what)
            done = True
        except CcgeoError:
            raise
        except (OSError, *write_errors) as exc:
            raise write_error(exc, target, what=what) from exc
        except Exception as exc:
            if _says_disk_full(exc):
                raise write_error(exc, target, what=what) from exc
            raise
        finally:
            if not done:
                with suppress(OSError):  # never hide the error that stopped the write
                    _remove(tmp, side_suffixes, sidecars)


#: A temporary file older than this is stale whatever its process (its pid may be reused).
STALE_AFTER_S = 24 * 3600.0


def remove_stale_temporaries(target: str | Path) -> int:
    """Remove the temporary files `atomic_path` left beside ``target`` when a save was killed
    (``.<stem>.tmp-<pid><suffix>``, with the files its writer kept beside it): those of
    processes that are no longer running, and any older than `STALE_AFTER_S`. A save under way
    in another process is left alone. Returns the number of bytes freed.
    """
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    prefix, freed = f".{target.stem}.tmp-", 0
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return 0
    now = time.time()
    for path in candidates:
        rest = path.name[len(prefix) :]
        digits = rest[: len(rest) - len(rest.lstrip("0123456789"))]
        if not digits or int(digits) == os.getpid():
            continue
        try:
            stat = path.stat()
        except OSError:
            continue
        if process_running(int(digits)) and now - stat.st_mtime < STALE_AFTER_S:
            continue
        with suppress(OSError):
            path.unlink()
            freed += stat.st_size
    return freed


def process_running(pid: int) -> bool:
    """Whether process ``pid`` runs on this computer (on Windows, where this is not cheap to
    know: assumed)."""
    if os.name != "posix":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def write_bytes_atomic(target: str | Path, data: bytes, *, what: str = N_("the file")) -> Path:
    """Write ``data`` to ``target`` atomically (see `atomic_path`); returns ``target``."""
    target = Path(target)
    with atomic_path(target, what=what) as tmp:
        # O_EXCL: a new file, made with mode 0666 less the umask
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    return target


def write_text_atomic(
    target: str | Path, text: str, *, encoding: str = "utf-8", what: str = N_("the file")
) -> Path:
    """Write ``text`` to ``target`` atomically, newlines as given (no ``\\r\\n`` on Windows)."""
    return write_bytes_atomic(target, text.encode(encoding), what=what)


def write_error(exc: BaseException, target: Path, *, what: str) -> InputError:
    """The message for a failed write of ``target``: what happened, the fix, and that the
    previous file was left unchanged. ``what`` as in `atomic_path`."""
    code = getattr(exc, "errno", None)
    reason = (exc.strerror if isinstance(exc, OSError) else None) or str(exc)
    what = _(what)
    kept = (
        _("the previous version of {what} was left unchanged").format(what=what)
        if target.exists()
        else _("nothing was written")
    )
    if code in _DISK_FULL or _says_disk_full(exc):
        msg = _(
            "could not save {what}: the disk is full ({reason}); free some space or save it "
            "on another drive; {kept}"
        ).format(what=what, reason=reason, kept=kept)
    elif code in _NO_PERMISSION:
        msg = _(
            "could not save {what}: no permission to write in {folder} ({reason}); "
            "save it in another folder; {kept}"
        ).format(what=what, folder=target.parent, reason=reason, kept=kept)
    elif code == errno.ENOENT and not target.parent.is_dir():
        msg = _("could not save {what}: the folder {folder} does not exist; {kept}").format(
            what=what, folder=target.parent, kept=kept
        )
    else:
        msg = _("could not save {what} ({exc}); {kept}").format(what=what, exc=exc, kept=kept)
    return InputError(msg, path=target)


def _commit(tmp: Path, target: Path, sidecars: Sequence[str], *, what: str) -> None:
    if not tmp.is_file():
        msg = _("could not save {what}: the writer made no file; nothing was written").format(
            what=_(what)
        )
        raise InputError(msg, path=target)
    for suffix in sidecars:
        part = tmp.with_suffix(suffix)
        if part.is_file():
            _fsync(part)
            os.replace(part, target.with_suffix(suffix))
        else:  # an old part the new file does not have (a .prj of another CRS) must not stay
            with suppress(FileNotFoundError):
                target.with_suffix(suffix).unlink()
    _fsync(tmp)
    os.replace(tmp, target)
    _fsync_folder(target.parent)


def _fsync(path: Path) -> None:
    # Windows flushes only handles open for writing
    fd = os.open(path, os.O_RDWR if os.name == "nt" else os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_folder(folder: Path) -> None:
    # makes the rename itself durable; folders cannot be opened for fsync on Windows
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(tmp: Path, side_suffixes: Sequence[str], sidecars: Sequence[str]) -> None:
    for path in (
        tmp,
        *(tmp.with_name(tmp.name + s) for s in side_suffixes),
        *(tmp.with_suffix(s) for s in sidecars),
    ):
        with suppress(FileNotFoundError):
            path.unlink()


def _says_disk_full(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(words in text for words in _DISK_FULL_WORDS)


def _lock_of(target: Path) -> threading.Lock:
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(target.absolute(), threading.Lock())
