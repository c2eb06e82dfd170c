"""Progress reporting of long functions: ``progress(fraction, text)`` callbacks and stages."""

from __future__ import annotations

from collections.abc import Callable

#: ``progress(fraction, text)`` callback of long functions.
ProgressCallback = Callable[[float, str], None]


def report_progress(progress: ProgressCallback | None, fraction: float, text: str) -> None:
    """Call ``progress`` if given; fraction in 0..1."""
    if progress is not None:
        progress(min(max(float(fraction), 0.0), 1.0), text)


def scaled_progress(
    progress: ProgressCallback | None, start: float, end: float
) -> ProgressCallback | None:
    """A callback mapping 0..1 onto ``start..end`` of ``progress``: one stage of a longer job."""
    if progress is None:
        return None
    outer = progress

    def inner(fraction: float, text: str) -> None:
        outer(start + (end - start) * min(max(float(fraction), 0.0), 1.0), text)

    return inner
