"""A background task that fails in its first millisecond still reaches the user, every time.

`MainWindow.run_task` connects every handler before it starts the worker; when callers connected
their failure handlers after the start, a task refused at once could fail before anyone listened,
and the panel stayed "Running…" with no message. These tests fail a task instantly many times in a
row, through the Run buttons a person clicks and through `run_task` itself. A slow task shows its
time left on the status bar and stops within a second of the status bar's Cancel.
"""

from __future__ import annotations

import re
import time

from helpers import TIMEOUT_MS, click, run_by_click, show_dock, untick_every_lab
from PySide6.QtWidgets import QFileDialog

from ccgeo.errors import InputError, check_cancel
from ccgeo.gui.main_window import MainWindow

#: Instant failures in a row: enough to catch a failure that slips in before its handler.
RUNS = 200
#: One instant failure takes milliseconds; this only bounds a test that went wrong.
FAIL_TIMEOUT_MS = 10_000


def test_run_task_reports_every_instant_failure(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    done: list[object] = []
    failed_signals: list[str] = []
    window.taskFailed.connect(failed_signals.append)

    def refuse(*, progress=None, cancel=None) -> None:
        raise InputError("the test refuses at once")

    for i in range(RUNS):
        with qtbot.waitCallback(timeout=FAIL_TIMEOUT_MS) as on_failed:
            window.run_task(refuse, text="Refusing…", on_done=done.append, on_failed=on_failed)
        on_failed.assert_called_with("the test refuses at once")
        assert len(failed_signals) == i + 1
        assert window.message_label.text() == "Refusing: failed"
    assert done == []
    assert window.progress_bar.isHidden()


def test_the_capacity_dock_shows_every_instant_failure(qtbot, demo_window: MainWindow) -> None:
    window = demo_window
    # no facility does PCR any more: the capacity task refuses before it builds anything
    untick_every_lab(qtbot, window, "pcr")
    window.act_capacity.trigger()
    panel = show_dock(qtbot, window, "capacity")
    box = panel.runbox
    for _ in range(RUNS):
        with qtbot.waitSignal(panel.ended, timeout=FAIL_TIMEOUT_MS) as ended:
            click(qtbot, box.run_button)
        assert "no facility can do PCR" in ended.args[0]
        assert box.error.isVisible()
        assert "no facility can do PCR" in box.error.text()
        assert box.state.text() == "Failed."
        assert box.run_button.isEnabled()
        assert not box.cancel_button.isEnabled()
    assert panel.result is None


def test_the_analysis_dock_shows_every_instant_failure(
    qtbot, demo_window: MainWindow, tmp_path, monkeypatch
) -> None:
    window = demo_window
    panel = show_dock(qtbot, window, "analysis")
    # a speed file chosen, then moved away: the access task refuses before building the network
    speeds = tmp_path / "speeds.toml"
    speeds.write_text("[walk]\nmax_kmh = 4.0\n", encoding="utf-8")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(speeds), ""))
    )
    click(qtbot, panel.speeds_button)
    assert panel.speeds_label.text() == "speeds.toml"
    speeds.unlink()
    for _ in range(RUNS):
        with qtbot.waitSignal(window.analysis.runFailed, timeout=FAIL_TIMEOUT_MS) as failed:
            click(qtbot, panel.run_button)
        assert "speeds.toml" in failed.args[0]
        assert panel.error.isVisible()
        assert "speeds.toml" in panel.error.text()
        assert panel.state.text() == "Failed."
        assert panel.run_button.isEnabled()
        assert not window.analysis.is_running
    assert window.analysis.workspace.baseline is None
    # the file back in place: the same button runs the analysis
    speeds.write_text("[walk]\nmax_kmh = 4.0\n", encoding="utf-8")
    run_by_click(qtbot, window)
    assert window.analysis.workspace.baseline is not None
    assert not panel.error.isVisible()


def test_status_bar_shows_the_time_left_and_its_cancel_stops_within_a_second(
    qtbot, demo_window: MainWindow
) -> None:
    """A slow task through `run_task` (the path of every run of the app): once it has done
    enough to judge its pace, the status bar says how long is left; the status bar's Cancel,
    clicked as a user would, ends it as cancelled within a second."""
    window = demo_window
    done: list[object] = []

    def count_slowly(*, progress=None, cancel=None) -> str:
        for step in range(600):  # 30 s in steps of 50 ms
            check_cancel(cancel)
            progress(step / 600, f"Counting {step}")
            time.sleep(0.05)
        return "counted"

    window.run_task(count_slowly, text="Counting…", on_done=done.append)
    assert window.message_label.text() == "Counting…"
    qtbot.waitUntil(lambda: "Counting" in window.message_label.text(), timeout=TIMEOUT_MS)
    assert "left" not in window.message_label.text()  # no guess from the first reports
    qtbot.waitUntil(lambda: "left" in window.message_label.text(), timeout=TIMEOUT_MS)
    shown = re.fullmatch(r"Counting (\d+) · about (\d+) (s|min) left", window.message_label.text())
    assert shown is not None, window.message_label.text()
    step = int(shown[1])
    seconds = int(shown[2]) * (60 if shown[3] == "min" else 1)
    true_left = (600 - step) * 0.05
    assert 0.5 * true_left <= seconds <= 2.0 * true_left  # a loaded machine is slower
    assert window.cancel_button.isVisible()
    clicked = time.monotonic()
    click(qtbot, window.cancel_button)
    qtbot.waitUntil(window.progress_bar.isHidden, timeout=TIMEOUT_MS)
    assert time.monotonic() - clicked < 1.0
    assert window.message_label.text() == "Counting: cancelled"
    assert done == []
