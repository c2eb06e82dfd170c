"""The exceptions ccgeo raises on purpose; the faces (GUI, CLI) catch only these."""

from __future__ import annotations

from pathlib import Path


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
