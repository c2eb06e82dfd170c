"""The exceptions ccgeo raises on purpose; the faces (GUI, CLI) catch only these."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


class CcgeoError(Exception):
    """Base of every error ccgeo raises on purpose; its text is meant for the user."""


class InputError(CcgeoError):
    """A file, column or value that ccgeo cannot use.

    Parameters
    ----------
    message
        What was expected, what arrived, and how to fix it.
    path
        The file concerned, if any; it is prefixed to the message.
    """

    def __init__(self, message: str, *, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else None
        self.reason = message
        text = f"{self.path}: {message}" if self.path is not None else message
        super().__init__(text)


class OfflineError(CcgeoError):
    """An online feature (OSM download, web tiles) was asked for with no internet."""


class Cancelled(CcgeoError):
    """A long computation was cancelled by the user."""


def check_cancel(cancel: object | None) -> None:
    """Raise `Cancelled` if the `threading.Event` ``cancel`` is set."""
    if cancel is not None and cancel.is_set():  # type: ignore[attr-defined]
        raise Cancelled("cancelled by the user")


def call_cancellable(
    fn: Callable[..., T],
    *args: Any,
    cancel: object | None,
    on_cancel: Callable[[], object] | None = None,
) -> T:
    """``fn(*args)``, given up on within a tenth of a second of Cancel.

    For one long call in C that cannot look at Cancel itself but lets other threads run while it
    works (it releases the GIL, as a KD-tree build or a compiled search does): it runs in a
    thread of its own while this one watches ``cancel``. On Cancel this calls ``on_cancel`` (to
    tell the call to stop early, if it can be told) and raises `Cancelled` at once; the call
    finishes in the background and its result is dropped.
    """
    check_cancel(cancel)
    if cancel is None:
        return fn(*args)
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn(*args)
        except BaseException as exc:  # handed to the caller below
            box["error"] = exc

    worker = threading.Thread(target=run, name="ccgeo-call", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.05)
        if worker.is_alive() and cancel.is_set():  # type: ignore[attr-defined]
            if on_cancel is not None:
                on_cancel()
            check_cancel(cancel)
    if "error" in box:
        raise box["error"]
    return box["value"]
