"""A background task that fails in its first millisecond still reaches the user, every time.

`MainWindow.run_task` connects every handler before it starts the worker; when callers connected
their failure handlers after the start, a task refused at once could fail before anyone listened,
and the panel stayed "Running…" with no message. These tests fail a task instantly many times in a
row, through the Run buttons a person clicks and through `run_task` itself.
"""

from __future__ import annotations

from helpers import click, run_by_click, show_dock, untick_every_lab
from PySide6.QtWidgets import QFileDialog

from ccgeo.errors import InputError
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
