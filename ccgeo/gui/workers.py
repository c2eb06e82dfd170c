"""Run long core functions on Qt's thread pool and report back through signals.

Worker code never touches widgets: it calls ``f(*args, progress=..., cancel=...)`` and emits
signals that Qt delivers to the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ccgeo.errors import Cancelled, CcgeoError
from ccgeo.gui.language import QT_TR_NOOP, tr
from ccgeo.labels import format_seconds
from ccgeo.progress import ProgressClock

log = logging.getLogger(__name__)

#: Shown for errors that are bugs rather than bad input; the traceback goes to the log.
UNEXPECTED_ERROR = QT_TR_NOOP(
    "An unexpected error occurred: {error}\n\n"
    "This is a bug in ccgeo, not a problem with your data. The details were written to the log."
)


class WorkerSignals(QObject):
    """Signals of a `Worker`; they live in the thread that created the worker (the GUI)."""

    progress = Signal(float, str)
    finished = Signal(object)
    failed = Signal(str)
    cancelled = Signal()


class Worker(QRunnable):
    """Run ``fn(*args, progress=..., cancel=..., **kwargs)`` on a pool thread.

    ``progress(fraction, text)`` is forwarded as the ``progress`` signal; `cancel` sets the
    `threading.Event` the function checks. The result arrives as ``finished(result)``; a
    `ccgeo.errors.CcgeoError` arrives as ``failed(message)`` with its text for the user; any
    other exception is logged with its traceback and arrives as ``failed`` with
    `UNEXPECTED_ERROR`; `ccgeo.errors.Cancelled` arrives as ``cancelled()``.

    Parameters
    ----------
    fn
        A core function accepting the keyword arguments ``progress`` and ``cancel``.
    *args, **kwargs
        Its other arguments.
    """

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.fn = fn
        self.args = args
        self.kwargs = kwargs
        self.signals = WorkerSignals()
        self.cancel_event = threading.Event()
        self.done = threading.Event()
        #: The pace of the function's progress, fed in its own thread (`time_left_text`).
        self.clock = ProgressClock()
        # Qt must not delete the C++ runnable while Python still holds its signals.
        self.setAutoDelete(False)

    def cancel(self) -> None:
        """Ask the function to stop at its next cancellation check."""
        self.cancel_event.set()

    def start(self, pool: QThreadPool | None = None) -> Worker:
        """Queue the worker on ``pool`` (default: the global pool) and return it."""
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def _progress(self, fraction: float, text: str) -> None:
        self.clock.update(fraction, text)
        self.signals.progress.emit(float(fraction), str(text))

    def with_time_left(self, text: str) -> str:
        """``text`` and, once it can be told, the time left: ``"Isochrones · about 12 s left"``."""
        seconds = self.clock.seconds_left
        if seconds is None or self.done.is_set():
            return text
        return tr("{stage} · about {time} left").format(stage=text, time=format_seconds(seconds))

    def run(self) -> None:
        """Called by the pool thread; runs the function in a fresh Python thread and waits.

        A pool thread is reused for many tasks, and PySide gives it a new Python thread state
        for each one; GDAL (through pyogrio) keeps per-thread state that then points at the
        previous, freed one, and the second GeoPackage write in the same pool thread crashes
        the process. A plain Python thread per task keeps one thread state for its lifetime.
        """
        thread = threading.Thread(
            target=self._execute, name=f"ccgeo-worker-{id(self):x}", daemon=True
        )
        thread.start()
        thread.join()

    def _execute(self) -> None:
        try:
            result = self.fn(
                *self.args, progress=self._progress, cancel=self.cancel_event, **self.kwargs
            )
        except Cancelled:
            self.signals.cancelled.emit()
        except CcgeoError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:
            log.error(
                "unexpected error in %s:\n%s",
                getattr(self.fn, "__qualname__", self.fn),
                traceback.format_exc(),
            )
            error = f"{type(exc).__name__}: {exc}"
            self.signals.failed.emit(tr(UNEXPECTED_ERROR).format(error=error))
        else:
            if self.cancel_event.is_set():
                self.signals.cancelled.emit()
            else:
                self.signals.finished.emit(result)
        finally:
            self.done.set()
