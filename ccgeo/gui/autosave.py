"""Autosave and crash recovery: unsaved changes go to a recovery file, offered back on next start.

A recovery file is an ordinary ``.ccgeo`` project written atomically by
`ccgeo.project.save_project` into the user's data folder (never over the user's own file),
with a small JSON note beside it naming the project it belongs to. A clean exit, a save, or
discarding the changes deletes it; finding one on start means ccgeo did not exit cleanly.
"""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import json
import logging
import os
import threading
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ccgeo import project as project_io
from ccgeo.errors import InputError, check_cancel
from ccgeo.gui import settings
from ccgeo.gui.language import QT_TR_NOOP, tr
from ccgeo.gui.workers import Worker
from ccgeo.i18n import babel_locale
from ccgeo.io.atomic import write_text_atomic
from ccgeo.model.facilities import Facilities
from ccgeo.progress import ProgressCallback, report_progress
from ccgeo.project import Project

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow

log = logging.getLogger(__name__)

#: Seconds of quiet after an edit before the burst of edits is autosaved.
DEBOUNCE_S = 3.0
_PREFIX = "recovery-"
#: `ccgeo.project.UNTITLED` as the app shows it (`tr` where shown).
_UNTITLED = QT_TR_NOOP("Untitled project")
_NOTE_VERSION = 1


def recovery_key(project_path: Path | None) -> str:
    """Name part of the recovery file of a project: a digest of its path, or ``untitled``."""
    if project_path is None:
        return "untitled"
    resolved = os.path.normcase(os.path.abspath(project_path))
    return hashlib.sha1(resolved.encode("utf-8"), usedforsecurity=False).hexdigest()[:16]


def recovery_file(project_path: Path | None, folder: Path) -> Path:
    """The recovery ``.ccgeo`` of the project saved at ``project_path`` (``None``: untitled)."""
    return Path(folder) / f"{_PREFIX}{recovery_key(project_path)}{project_io.PROJECT_SUFFIX}"


def _note_file(recovery: Path) -> Path:
    return recovery.with_suffix(".json")


@dataclass(frozen=True)
class Recovery:
    """An autosaved copy of a project left behind by a session that did not exit cleanly.

    Attributes
    ----------
    path
        The recovery ``.ccgeo`` file.
    project_path
        The user's project file it belongs to, ``None`` for a project never saved.
    name
        The project's name when it was autosaved.
    saved_at
        When it was autosaved (local time, aware).
    """

    path: Path
    project_path: Path | None
    name: str
    saved_at: dt.datetime

    def when(self) -> str:
        """``"14:32"`` today, else ``"3 May 14:32"`` (the day and month in the app's language)."""
        from babel.dates import format_skeleton

        local = self.saved_at.astimezone()
        if local.date() == dt.datetime.now().astimezone().date():
            return local.strftime("%H:%M")
        day = format_skeleton("dMMM", local, locale=babel_locale())
        return f"{day} {local.strftime('%H:%M')}"

    def question(self) -> str:
        """The sentence that offers the recovery to the user, in the app's language."""
        name = tr(_UNTITLED) if self.name == project_io.UNTITLED else self.name
        if self.project_path is None:
            text = tr(
                "ccgeo closed unexpectedly: restore the unsaved changes to “{name}” "
                "from {when}?\n\nNo deletes them."
            )
        else:
            text = tr(
                "ccgeo closed unexpectedly: restore the unsaved changes to “{name}” ({path}) "
                "from {when}?\n\nNo deletes them."
            )
        return text.format(name=name, path=self.project_path, when=self.when())

    def adopt(self, path: Path) -> None:
        """Treat the recovery file ``path`` (restored from a crash) as written by this session."""
        self._written.add(Path(path))

    def discard(self) -> None:
        """Delete the recovery file and its note."""
        remove_recovery(self.path)


def remove_recovery(path: Path) -> None:
    """Delete a recovery file and its note (missing files are fine)."""
    for file in (Path(path), _note_file(Path(path))):
        with suppress(FileNotFoundError):
            file.unlink()


def find_recovery(project_path: Path | None, folder: Path) -> Recovery | None:
    """The recovery of a project, if one was left behind and is newer than the saved project.

    Parameters
    ----------
    project_path
        The project about to be opened, ``None`` for an untitled one.
    folder
        The recovery folder (`ccgeo.gui.settings.data_dir`).
    """
    path = recovery_file(project_path, folder)
    note = _note_file(path)
    if not (path.is_file() and note.is_file()):
        return None
    try:
        info = json.loads(note.read_text(encoding="utf-8"))
        saved_at = dt.datetime.fromisoformat(str(info["autosaved_at"]))
        owner = Path(info["project_path"]) if info.get("project_path") else None
        name = str(info.get("name") or project_io.UNTITLED)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("ignoring the unreadable recovery note %s: %s", note, exc)
        return None
    if project_path is not None:
        try:
            if Path(project_path).stat().st_mtime >= path.stat().st_mtime:
                return None  # saved after the autosave: the recovery holds nothing newer
        except FileNotFoundError:
            pass  # the project file is gone: the recovery is all that is left
    return Recovery(path, owner, name, saved_at)


def snapshot(project: Project) -> Project:
    """A copy of ``project`` that a worker may save while the GUI keeps editing the original.

    Tables that edits change (facilities, districts, settings, scenarios) are copied; the road
    arrays and population points are shared (nothing edits them in place). Cached routing
    networks are left out: they are rebuilt from the roads and would slow every autosave.
    """
    facilities = project.facilities
    return Project(
        name=project.name,
        facilities=(
            Facilities(facilities.gdf.copy(), report=facilities.report)
            if facilities is not None
            else None
        ),
        roads=project.roads,
        demand=project.demand,
        districts=project.districts.copy() if project.districts is not None else None,
        import_reports=list(project.import_reports),
        settings=copy.deepcopy(project.settings),
        scenarios=list(project.scenarios),
        metadata=copy.deepcopy(project.metadata),
        path=None,
        description=project.description,
        plans=dict(project.plans),  # plans are frozen: shared
    )


def write_recovery(
    project: Project,
    project_path: Path | None,
    folder: Path,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Recovery:
    """Save ``project`` (a `snapshot`) as the recovery of ``project_path`` (worker thread).

    The project is written first, atomically, then the note; a crash between the two leaves a
    previous note that still describes a readable file.
    """
    report_progress(progress, 0.0, tr("Autosaving…"))
    check_cancel(cancel)
    target = recovery_file(project_path, folder)
    project_io.save_project(project, target)
    saved_at = dt.datetime.now().astimezone().replace(microsecond=0)
    note = {
        "version": _NOTE_VERSION,
        "project_path": str(project_path) if project_path is not None else None,
        "name": project.name,
        "autosaved_at": saved_at.isoformat(timespec="seconds"),
    }
    write_text_atomic(_note_file(target), json.dumps(note, indent=1), what="the autosave note")
    return Recovery(target, project_path, project.name, saved_at)


def load_recovery(
    recovery: Recovery,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> Project:
    """Open a recovery file as the project it was saved from (its path is the user's file)."""
    report_progress(progress, 0.0, tr("Restoring the unsaved changes…"))
    check_cancel(cancel)
    if not recovery.path.is_file():
        raise InputError(tr("the recovery file has gone; nothing to restore"), path=recovery.path)
    project = project_io.open_project(recovery.path)
    project.path = recovery.project_path
    return project


class Autosaver(QObject):
    """Autosaves the window's project while it has unsaved changes.

    Writes after each burst of edits (`DEBOUNCE_S` seconds of quiet) and, while edits keep
    coming, at least every ``minutes``; one write at a time, in a worker thread, never touching
    the user's file. Deletes its recovery files when the changes are saved or discarded.

    Parameters
    ----------
    window
        The main window (its ``project``, ``is_modified``, ``edited`` and ``modifiedChanged``).
    folder
        Recovery folder; default `ccgeo.gui.settings.data_dir`.
    minutes
        Longest time between two autosaves of a changing project; default from the settings.

    Signals
    -------
    saved(recovery)
        A recovery file was written.
    failed(message)
        An autosave failed (the user's file is untouched).
    """

    saved = Signal(object)
    failed = Signal(str)

    def __init__(
        self, window: MainWindow, *, folder: Path | None = None, minutes: float | None = None
    ) -> None:
        super().__init__(window)
        self.window = window
        self._folder = folder
        #: When False nothing is written (screenshot runs).
        self.enabled = True
        self._dirty = False
        self._worker: Worker | None = None
        self._again = False
        self._written: set[Path] = set()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(round(DEBOUNCE_S * 1000))
        self._debounce.timeout.connect(self.autosave_now)
        self._periodic = QTimer(self)
        self._periodic.timeout.connect(self._tick)
        self.set_interval(minutes if minutes is not None else settings.autosave_minutes())
        window.edited.connect(self._on_edit)
        window.modifiedChanged.connect(self._on_modified)

    @property
    def folder(self) -> Path:
        """Where recovery files are written."""
        if self._folder is None:
            self._folder = settings.data_dir()
        self._folder.mkdir(parents=True, exist_ok=True)
        return self._folder

    @property
    def minutes(self) -> float:
        """Longest time between two autosaves of a changing project, minutes."""
        return self._periodic.interval() / 60_000.0

    def set_interval(self, minutes: float) -> None:
        """Autosave a changing project at least every ``minutes``."""
        self._periodic.start(max(round(float(minutes) * 60_000), 1000))

    @property
    def busy(self) -> bool:
        """Whether an autosave is being written."""
        return self._worker is not None

    def _on_edit(self) -> None:
        self._dirty = True
        self._debounce.start()

    def _on_modified(self, modified: bool) -> None:
        if not modified:
            # Saved, or the changes were discarded: nothing is left to recover.
            self._dirty = False
            self._debounce.stop()
            self.discard()

    def _tick(self) -> None:
        if self._dirty:
            self.autosave_now()

    def autosave_now(self) -> Worker | None:
        """Write the recovery file now (in a worker) if the project has unsaved changes."""
        project = self.window.project
        if not self.enabled or project is None or not self.window.is_modified:
            return None
        if getattr(self.window, "read_only", False):
            return None  # another window has the project open, and autosaves it
        if self._worker is not None:
            self._again = True  # the edits since the snapshot get their own write after it
            return None
        self._dirty = False
        self._debounce.stop()
        owner = Path(project.path) if project.path is not None else None
        self.window.aboutToSave.emit(project)  # the view, kept with the project
        # known before the write, so that a discard during it still finds the file
        self._written.add(recovery_file(owner, self.folder))
        worker = Worker(write_recovery, snapshot(project), owner, self.folder)
        worker.signals.finished.connect(lambda rec: self._written_ok(worker, project, rec))
        worker.signals.failed.connect(lambda text: self._write_failed(worker, text))
        worker.signals.cancelled.connect(lambda: self._finish(worker))
        self._worker = worker
        return worker.start()

    def _finish(self, worker: Worker) -> None:
        if self._worker is worker:
            self._worker = None
        if self._again:
            self._again = False
            self._dirty = True
            self._debounce.start()

    def _written_ok(self, worker: Worker, project: Project, recovery: Recovery) -> None:
        self._finish(worker)
        if not self.enabled or self.window.project is not project or not self.window.is_modified:
            # Saved, discarded or replaced while this was being written.
            self._remove(recovery.path)
            return
        log.info("autosaved %s to %s", project.name, recovery.path)
        self.saved.emit(recovery)

    def _write_failed(self, worker: Worker, text: str) -> None:
        self._finish(worker)
        log.warning("autosave failed: %s", text)
        self.failed.emit(
            tr("Autosave failed (your project file is untouched): {error}").format(error=text)
        )

    def _remove(self, path: Path) -> None:
        remove_recovery(path)
        self._written.discard(path)

    def wait(self, timeout_s: float = 30.0) -> bool:
        """Block until the running autosave (if any) has finished writing; True if none is left."""
        worker = self._worker
        return worker is None or worker.done.wait(timeout_s)

    def adopt(self, path: Path) -> None:
        """Treat the recovery file ``path`` (restored from a crash) as written by this session."""
        self._written.add(Path(path))

    def discard(self) -> None:
        """Delete the recovery files this session wrote (changes saved, discarded or closed)."""
        if self._worker is not None:
            self._worker.done.wait(30.0)
        for path in list(self._written):
            self._remove(path)

    def shutdown(self) -> None:
        """Clean exit: stop the timers, let a running write finish, delete the recovery files."""
        self._debounce.stop()
        self._periodic.stop()
        self.enabled = False
        self.discard()
