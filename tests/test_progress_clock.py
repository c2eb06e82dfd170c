"""Progress you can trust: the time-left estimate, the terminal bar of the commands, and Ctrl+C
that stops a command within a second."""

from __future__ import annotations

import _thread
import io
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from ccgeo.cli import EXIT_CANCELLED, main
from ccgeo.cli.progress_bar import TerminalProgress, run_cancellable
from ccgeo.demo import DEMO_FILES
from ccgeo.errors import Cancelled, check_cancel
from ccgeo.i18n import using_language
from ccgeo.labels import format_seconds
from ccgeo.progress import ProgressClock


class FakeClock:
    """A monotonic clock the test moves by hand, seconds."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


# -- the estimate ------------------------------------------------------------------------------


def test_no_estimate_before_five_percent_and_one_second() -> None:
    clock = FakeClock()
    eta = ProgressClock(clock=clock)
    clock.now += 3.0
    assert eta.update(0.04, "reading") is None  # 3 s but only 4 %
    eta = ProgressClock(clock=clock)
    clock.now += 0.5
    assert eta.update(0.5, "reading") is None  # half done, but in half a second
    clock.now += 0.5
    assert eta.update(0.5) == pytest.approx(1.0)  # 1 s for half: 1 s left
    assert eta.elapsed == pytest.approx(1.0)
    assert eta.text == "reading"  # a report without text keeps the stage


def test_steady_pace_gives_the_true_time_left() -> None:
    clock = FakeClock()
    eta = ProgressClock(clock=clock)
    for step in range(1, 10):  # 10 % every 2 s: 20 s in all
        clock.now += 2.0
        left = eta.update(step / 10, "routing")
        assert left == pytest.approx(20.0 - 2.0 * step)
    clock.now += 1.0  # no report for a second: the time left still runs down
    assert eta.seconds_left == pytest.approx(1.0)


def test_an_uneven_step_moves_the_estimate_by_a_part_only() -> None:
    clock = FakeClock()
    eta = ProgressClock(clock=clock, smoothing=0.3)
    for step in range(1, 5):  # 10 % a second: 10 s in all
        clock.now += 1.0
        eta.update(step / 10)
    assert eta.seconds_left == pytest.approx(6.0)
    clock.now += 4.0  # one slow step: 50 % in 8 s, a pace of 16 s in all
    left = eta.update(0.5)
    raw_left = 16.0 - 8.0
    assert left is not None
    # the total moves 30 % of the way from 10 s to 16 s: 11.8 s, of which 8 s are gone
    assert left == pytest.approx(10.0 + 0.3 * (16.0 - 10.0) - 8.0)
    assert left < raw_left


def test_a_fraction_that_goes_back_starts_the_pace_again() -> None:
    clock = FakeClock()
    eta = ProgressClock(clock=clock)
    clock.now += 2.0
    assert eta.update(0.8) == pytest.approx(0.5)
    clock.now += 0.1
    assert eta.update(0.1, "second pass") is None  # the old pace says nothing of this pass
    clock.now += 2.0
    # from 10 % to 55 % in 2 s: the 90 % left of this pass take 4 s, 2 s of them still to go
    assert eta.update(0.55) == pytest.approx(2.0)


def test_format_seconds_in_each_language() -> None:
    assert format_seconds(12.4) == "12 s"
    assert format_seconds(250) == "4 min"
    assert format_seconds(4500) == "1 h 15 min"
    assert format_seconds(-3) == "0 s"
    assert format_seconds(None) == "–"
    with using_language("fr"):
        assert format_seconds(2_000_000) == "555 h 33 min"
        assert format_seconds(12_000 * 60).startswith("200 h")
    with using_language("pt"):
        assert format_seconds(3_700_000) == "1.027 h 47 min"


# -- the terminal bar --------------------------------------------------------------------------


def feed(bar: TerminalProgress, clock: FakeClock) -> None:
    """A job of 10 s in two stages, reporting every half second."""
    for step in range(21):
        bar(step / 20, "building the network" if step < 10 else "isochrones")
        clock.now += 0.5


def test_bar_on_a_terminal_redraws_one_line_in_place() -> None:
    clock = FakeClock()
    stream = io.StringIO()
    bar = TerminalProgress(stream, tty=True, width=10, clock=clock)
    feed(bar, clock)
    out = stream.getvalue()
    assert "\n" not in out
    frames = out.split("\r")[1:]
    assert len(frames) == 21  # every report is half a second apart: each one is drawn
    assert frames[0] == "[..........] 0 % building the network"
    assert frames[9].rstrip() == "[####......] 45 % building the network · 6 s left"
    assert frames[14].rstrip() == "[#######...] 70 % isochrones · 3 s left"
    assert frames[10].startswith("[#####.....] 50 % isochrones · 5 s left")
    # a shorter line blanks what is left of the longer one before it
    assert len(frames[10]) >= len(frames[9].rstrip())
    bar.close()
    assert stream.getvalue().endswith("\r" + " " * len(frames[-1]) + "\r")


def test_bar_on_a_terminal_draws_at_most_ten_times_a_second() -> None:
    clock = FakeClock()
    stream = io.StringIO()
    bar = TerminalProgress(stream, tty=True, clock=clock)
    for step in range(1000):  # 1000 reports in one second, one stage
        bar(step / 1000, "routing")
        clock.now += 0.001
    assert 9 <= stream.getvalue().count("\r") <= 11


def test_a_count_that_grows_is_one_stage_in_a_log() -> None:
    clock = FakeClock()
    stream = io.StringIO()
    bar = TerminalProgress(stream, tty=False, width=4, clock=clock)
    for step in range(1, 200):
        bar(step / 400, f"reading roads.osm.pbf: {5000 * step:,} features")
        clock.now += 0.1
    bar(0.5, "building the network from 22,887 ways")
    assert stream.getvalue().splitlines() == [
        "[....] 0 % reading roads.osm.pbf: 5,000 features",
        "[##..] 50 % building the network from 22,887 ways · 20 s left",
    ]


def test_bar_in_a_log_writes_one_line_per_stage() -> None:
    clock = FakeClock()
    stream = io.StringIO()
    bar = TerminalProgress(stream, tty=False, width=10, clock=clock)
    feed(bar, clock)
    bar.close()
    assert stream.getvalue().splitlines() == [
        "[..........] 0 % building the network",
        "[#####.....] 50 % isochrones · 5 s left",
    ]


# -- Ctrl+C ------------------------------------------------------------------------------------


def slow_task(*, progress=None, cancel=None, steps: int = 3000) -> str:
    """Thirty seconds of work in steps of 10 ms, checking ``cancel`` at each."""
    for step in range(steps):
        check_cancel(cancel)
        if progress is not None:
            progress(step / steps, "slow work")
        time.sleep(0.01)
    return "finished"


def test_run_cancellable_returns_the_result_and_raises_the_error() -> None:
    assert run_cancellable(slow_task, steps=3) == "finished"

    def refuse(*, progress=None, cancel=None):
        raise ValueError("no")

    with pytest.raises(ValueError, match="no"):
        run_cancellable(refuse)


def test_ctrl_c_cancels_the_task_within_a_second() -> None:
    stopped = threading.Event()

    def task(*, progress=None, cancel=None):
        try:
            return slow_task(progress=progress, cancel=cancel)
        finally:
            stopped.set()

    threading.Timer(0.3, _thread.interrupt_main).start()  # Ctrl+C after 0.3 s
    started = time.monotonic()
    with pytest.raises(Cancelled):
        run_cancellable(task, progress=TerminalProgress(io.StringIO(), tty=True))
    assert time.monotonic() - started < 1.3
    assert stopped.wait(0.5)  # the task itself saw the cancel and ended


def test_ctrl_c_on_a_command_prints_one_line_and_exits_130(tmp_path, demo_dir) -> None:
    """A real SIGINT to ``ccgeo access`` whose task is slow: cancelled within a second."""
    script = textwrap.dedent(
        f"""
        import sys, time
        sys.path.insert(0, {os.path.dirname(__file__)!r})
        import ccgeo.tasks.access as access
        from test_progress_clock import slow_task
        def run_access(project, settings, *, progress=None, cancel=None, **options):
            return slow_task(progress=progress, cancel=cancel)
        access.run_access = run_access
        from ccgeo.cli import main
        sys.exit(main(sys.argv[1:]))
        """
    )
    command = [
        sys.executable,
        "-c",
        script,
        "access",
        "--roads",
        str(demo_dir / DEMO_FILES["roads"]),
        "--facilities",
        str(demo_dir / DEMO_FILES["facilities"]),
        "--population",
        str(demo_dir / DEMO_FILES["population"]),
        "--out",
        str(tmp_path / "out"),
        "--lang",
        "en",
    ]
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1
    ) as proc:
        try:
            assert proc.stderr is not None
            line = ""
            while "slow work" not in line:
                line = proc.stderr.readline()  # not a terminal: one line per stage
                assert line, "the command ended before its task began"
            time.sleep(0.5)
            proc.send_signal(signal.SIGINT)
            sent = time.monotonic()
            out, err = proc.communicate(timeout=10)
            assert time.monotonic() - sent < 1.0
        finally:
            proc.kill()
    assert proc.returncode == EXIT_CANCELLED == 130
    assert err.strip().splitlines()[-1] == (
        "ccgeo: cancelled by the user; the outputs of the unfinished work were not written"
    )
    assert "Traceback" not in err
    assert out == ""  # the bar and the message go to stderr only
    assert not (tmp_path / "out").exists()


# -- the commands ------------------------------------------------------------------------------


def access_args(demo_dir, out, *extra: str) -> list[str]:
    return [
        "access",
        "--roads",
        str(demo_dir / DEMO_FILES["roads"]),
        "--facilities",
        str(demo_dir / DEMO_FILES["facilities"]),
        "--population",
        str(demo_dir / DEMO_FILES["population"]),
        "--districts",
        str(demo_dir / DEMO_FILES["districts"]),
        "--out",
        str(out),
        "--no-isochrones",
        *extra,
    ]


def test_access_draws_its_stages_on_stderr_only(tmp_path, demo_dir, capsys) -> None:
    assert main(access_args(demo_dir, tmp_path / "a")) == 0
    captured = capsys.readouterr()
    stages = captured.err.splitlines()  # pytest's stderr is no terminal: one line per stage
    assert stages[0].startswith("[")
    assert "0 %" in stages[0]
    assert any("reading demo_city.osm.pbf" in s for s in stages)  # reading the inputs
    assert any("placing the people on the network" in s for s in stages)
    assert stages[-1].startswith("[####################] 100 %")
    assert "%" in captured.out  # the coverage shares...
    assert "[" not in captured.out
    assert "\r" not in captured.out


def test_access_on_a_terminal_clears_its_bar(tmp_path, demo_dir, capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(access_args(demo_dir, tmp_path / "a")) == 0
    err = capsys.readouterr().err
    assert "\n" not in err
    assert "placing the people on the network" in err
    assert err.endswith("\r")
    assert err.rsplit("\r", 2)[-2].strip() == ""


def test_quiet_draws_no_bar(tmp_path, demo_dir, capsys) -> None:
    assert main(access_args(demo_dir, tmp_path / "a", "--quiet")) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    assert "within 60 min" in captured.out
