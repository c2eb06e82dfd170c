"""Progress reporting of long functions: ``progress(fraction, text)`` callbacks and stages."""

from __future__ import annotations

import time
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


class ProgressClock:
    """Elapsed time and an estimate of the time left of a job reporting ``(fraction, text)``.

    Feed it every ``progress(fraction, text)`` call (`update`); it says nothing about the time
    left until the job has done ``min_fraction`` of its work and run ``min_seconds`` since its
    start (an estimate from the first percent is a guess), then estimates the total duration
    from the pace so far, smoothed so that the time shown does not jump with each uneven
    step. A fraction that goes back (a job that starts a part again) starts the pace anew.

    Parameters
    ----------
    clock
        Seconds of a monotonic clock (`time.monotonic`; a test gives its own).
    min_fraction
        Share of the work (0..1) done before any estimate.
    min_seconds
        Seconds run before any estimate.
    smoothing
        Weight (0..1) of each new pace in the estimated total duration; 1 follows every step.
    """

    def __init__(
        self,
        *,
        clock: Callable[[], float] = time.monotonic,
        min_fraction: float = 0.05,
        min_seconds: float = 1.0,
        smoothing: float = 0.3,
    ) -> None:
        self._clock = clock
        self.min_fraction = min_fraction
        self.min_seconds = min_seconds
        self.smoothing = smoothing
        self.started = clock()
        #: Where the current pace was first measured: (seconds, fraction).
        self._base = (self.started, 0.0)
        self._total_s: float | None = None  # smoothed duration from the base, seconds
        self.fraction = 0.0
        self.text = ""

    @property
    def elapsed(self) -> float:
        """Seconds since the clock was made."""
        return self._clock() - self.started

    def update(self, fraction: float, text: str = "") -> float | None:
        """Record a report of progress; returns `seconds_left`."""
        now = self._clock()
        fraction = min(max(float(fraction), 0.0), 1.0)
        if fraction < self.fraction:
            self._base, self._total_s = (now, fraction), None
        self.fraction = fraction
        if text:
            self.text = text
        base_s, base_fraction = self._base
        done = fraction - base_fraction
        if done >= self.min_fraction and now - base_s >= self.min_seconds:
            total = (now - base_s) * (1.0 - base_fraction) / done
            if self._total_s is None:
                self._total_s = total
            else:
                self._total_s += self.smoothing * (total - self._total_s)
        return self.seconds_left

    @property
    def seconds_left(self) -> float | None:
        """Estimated seconds until the job ends (0 or more); None until it can be told."""
        if self._total_s is None:
            return None
        return max(0.0, self._base[0] + self._total_s - self._clock())
