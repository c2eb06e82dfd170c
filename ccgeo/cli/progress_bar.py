"""The progress of a long command on the terminal, and Ctrl+C that cancels it.

`TerminalProgress` is a ``progress(fraction, text)`` callback that draws
``[####......] 45 % building the network · 12 s left`` on stderr: redrawn in place on a
terminal, one line per stage in a log file, never on stdout (the outputs stay machine-readable).
`run_cancellable` runs a task in a thread so that Ctrl+C sets its ``cancel`` event and the
command stops within a second (`ccgeo.errors.Cancelled`).
"""

from __future__ import annotations

import argparse
import re
import sys
import threading
import time
from collections.abc import Callable
from typing import Any, TextIO

from ccgeo.errors import Cancelled
from ccgeo.i18n import _
from ccgeo.labels import format_percent, format_seconds
from ccgeo.progress import ProgressCallback, ProgressClock

#: Seconds the task is given to stop after Ctrl+C before the command ends without it.
CANCEL_GRACE_S = 0.8

#: Seconds between two redraws of the bar on a terminal (a stage change redraws at once).
REDRAW_S = 0.1


class TerminalProgress:
    """A progress bar on ``stream`` (stderr): a ``progress(fraction, text)`` callback.

    On a terminal the bar is redrawn in place (``\\r``) at most every `REDRAW_S` seconds and at
    each new stage; elsewhere (a log file, a pipe) one line is written per stage, so a log keeps
    what was done and when. A text that only changes its numbers (``"reading: 5,000 features"``)
    stays the same stage. `close` clears the bar from the terminal.

    Parameters
    ----------
    stream
        Where to draw (default: ``sys.stderr`` at the time of the call).
    tty
        Whether ``stream`` is a terminal (default: its ``isatty()``).
    width
        Characters of the bar itself.
    clock
        Seconds of a monotonic clock (for the time left; a test gives its own).
    """

    def __init__(
        self,
        stream: TextIO | None = None,
        *,
        tty: bool | None = None,
        width: int = 20,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.tty = bool(self.stream.isatty()) if tty is None else tty
        self.width = width
        self.clock = ProgressClock(clock=clock)
        self._now = clock
        self._lock = threading.Lock()
        self._drawn_at: float | None = None
        self._stage = ""
        self._shown = 0  # characters of the bar on the terminal line

    def __call__(self, fraction: float, text: str) -> None:
        with self._lock:
            left = self.clock.update(fraction, text)
            now = self._now()
            new_stage = bool(text) and _stage_key(text) != _stage_key(self._stage)
            if text:
                self._stage = text
            if self.tty:
                if new_stage or self._drawn_at is None or now - self._drawn_at >= REDRAW_S:
                    self._redraw(self.line(self.clock.fraction, self._stage, left))
                    self._drawn_at = now
            elif new_stage:
                self.stream.write(self.line(self.clock.fraction, self._stage, left) + "\n")
                self.stream.flush()

    def line(self, fraction: float, stage: str, seconds_left: float | None) -> str:
        """``[####......] 45 % building the network · 12 s left`` (no time before it is known)."""
        filled = int(self.width * min(max(fraction, 0.0), 1.0))  # full only when done
        bar = "[" + "#" * filled + "." * (self.width - filled) + "]"
        percent = format_percent(100 * fraction)
        if seconds_left is None:
            return _("{bar} {percent} {stage}").format(bar=bar, percent=percent, stage=stage)
        return _("{bar} {percent} {stage} · {time} left").format(
            bar=bar, percent=percent, stage=stage, time=format_seconds(seconds_left)
        )

    def _redraw(self, line: str) -> None:
        padding = " " * max(0, self._shown - len(line))
        self.stream.write("\r" + line + padding)
        self.stream.flush()
        self._shown = len(line)

    def close(self) -> None:
        """Clear the bar from the terminal line (nothing to do in a log)."""
        with self._lock:
            if self.tty and self._shown:
                self.stream.write("\r" + " " * self._shown + "\r")
                self.stream.flush()
                self._shown = 0


def _stage_key(text: str) -> str:
    """What names a stage in a progress text: its words, without the counts that change as it
    goes (``"reading roads: 5,000 features"`` and ``"...: 10,000 features"`` are one stage)."""
    return re.sub(r"\d", "", text)


def progress_for(args: argparse.Namespace) -> TerminalProgress | None:
    """The progress bar of a command: none with ``--quiet``, else one on stderr."""
    return None if getattr(args, "quiet", False) else TerminalProgress()


def run_cancellable(
    task: Callable[..., Any],
    *args: Any,
    progress: ProgressCallback | None = None,
    **kwargs: Any,
) -> Any:
    """``task(*args, progress=, cancel=, **kwargs)`` in a thread; Ctrl+C cancels it.

    The main thread waits and stays ready for Ctrl+C (a task deep in a compiled library would
    not see ``KeyboardInterrupt`` until it came back). On Ctrl+C the task's ``cancel`` event is
    set and the task has `CANCEL_GRACE_S` seconds to stop; then `Cancelled` is raised whether
    it stopped or not (its thread is a daemon: it does not keep the command alive). A bar given
    as ``progress`` is cleared when the task ends.

    Raises
    ------
    Cancelled
        After Ctrl+C, or when the task raises it.
    """
    cancel = threading.Event()
    outcome: dict[str, Any] = {}

    def work() -> None:
        try:
            outcome["result"] = task(*args, progress=progress, cancel=cancel, **kwargs)
        except BaseException as exc:  # handed to the main thread as it is
            outcome["error"] = exc

    thread = threading.Thread(target=work, name="ccgeo-task", daemon=True)
    try:
        thread.start()
        try:
            while thread.is_alive():
                thread.join(0.05)
        except KeyboardInterrupt:
            cancel.set()
            thread.join(CANCEL_GRACE_S)
            raise Cancelled("cancelled by the user (Ctrl+C)") from None
    finally:
        if isinstance(progress, TerminalProgress):
            progress.close()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")
