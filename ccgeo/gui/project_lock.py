"""One window at a time saves a project: the window that opens it locks it
(`ccgeo.io.lock`); a second window, in this process or another, opens it read-only. A read-only
window says so in its title and status bar, never autosaves, and saves only a copy under another
name, which it then holds. The lock goes when the project is closed, replaced or the window
closes; one left by a crash is taken over.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ccgeo.gui.language import tr
from ccgeo.io import lock

if TYPE_CHECKING:
    from ccgeo.gui.main_window import MainWindow
    from ccgeo.project import Project


class ProjectLock:
    """Keeps the lock of the window's project (``window.project_lock``)."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        #: The project file this window holds the lock of (None: none).
        self.held: Path | None = None
        window.projectLoaded.connect(self._loaded)
        window.projectSaved.connect(self._saved)
        window.projectClosed.connect(self.release)
        window.closing.connect(self.release)

    def release(self) -> None:
        """Give up the lock held (the project closed, replaced, or the window closing)."""
        if self.held is not None:
            lock.release(self.held)
            self.held = None

    def _take(self, path: Path) -> lock.LockHolder | None:
        """Lock ``path`` for this window; who holds it when another window does."""
        if self.held is not None and self.held != path:
            self.release()
        holder = lock.acquire(path)
        if holder is None:
            self.held = path
        return holder

    def _loaded(self, project: Project) -> None:
        if project.path is None:
            self.release()
            self._set_read_only(None)
            return
        path = Path(project.path).resolve()
        if self.held == path:
            return  # this window's own project, shown again
        self._set_read_only(self._take(path))

    def _saved(self, path: object) -> None:
        saved = Path(str(path)).resolve()
        if saved != self.held:
            holder = self._take(saved)
            self._set_read_only(holder)

    def _set_read_only(self, holder: lock.LockHolder | None) -> None:
        window = self.window
        window.read_only = holder is not None
        window.update_title()
        if holder is not None:
            name = Path(str(window.project.path)).name if window.project is not None else ""
            window.say(
                lambda: tr(
                    "{name} is open in another ccgeo window ({holder}): opened read-only; "
                    "File ▸ Save As saves a copy under another name"
                ).format(name=name, holder=holder.describe())
            )


def install(window: MainWindow) -> None:
    """Lock the projects the window opens (kept as ``window.project_lock``)."""
    window.project_lock = ProjectLock(window)  # type: ignore[attr-defined]
