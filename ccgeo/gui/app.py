"""Start the desktop app: parse the command line, create the Qt application, open a project."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox

import ccgeo
from ccgeo.gui.main_window import MainWindow

log = logging.getLogger("ccgeo.gui")

#: Window size of ``--screenshot`` renders, pixels: a common laptop and projector resolution.
SCREENSHOT_SIZE = (1440, 900)


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``python main.py``."""
    parser = argparse.ArgumentParser(
        prog="ccgeo-gui",
        description="ccgeo desktop app: where people can and cannot reach cancer diagnostic labs.",
    )
    parser.add_argument(
        "project",
        nargs="?",
        metavar="PROJECT",
        type=Path,
        help="a .ccgeo project file to open (default: the synthetic demo city)",
    )
    parser.add_argument(
        "--screenshot",
        metavar="OUT.png",
        type=Path,
        help="render the window to OUT.png once the project is loaded, then exit",
    )
    parser.add_argument("--version", action="version", version=f"ccgeo {ccgeo.__version__}")
    return parser


def _application() -> QApplication:
    """The running QApplication, or a new one set up for maps on any screen."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    # Fractional scaling (125 %, 150 %) must not be rounded, or lines and text blur.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )
    QCoreApplication.setOrganizationName("ccgeo")
    QCoreApplication.setOrganizationDomain("ccgeo.org")
    QCoreApplication.setApplicationName("ccgeo")
    QCoreApplication.setApplicationVersion(ccgeo.__version__)
    return QApplication(sys.argv[:1])


def _install_excepthook(window: MainWindow) -> None:
    """Exceptions escaping a Qt slot: log the traceback, tell the user it is a bug."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error:\n%s", "".join(traceback.format_exception(exc_type, exc, tb)))
        if window.isVisible() and not window.quiet_errors:
            QMessageBox.critical(
                window,
                "Unexpected error",
                f"An unexpected error occurred: {exc_type.__name__}: {exc}\n\n"
                "This is a bug in ccgeo, not a problem with your data. "
                "The details were written to the log.",
            )

    sys.excepthook = hook


def run(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app; returns the exit status.

    Parameters
    ----------
    argv
        Command-line arguments without the program name: ``[PROJECT] [--screenshot OUT.png]``.
    """
    args = build_parser().parse_args(list(argv) if argv is not None else sys.argv[1:])
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    app = _application()
    window = MainWindow()
    if args.screenshot is not None:
        return _screenshot(window, args.project, args.screenshot)
    previous_hook = sys.excepthook
    _install_excepthook(window)
    try:
        window.show()
        window.load_project(args.project)
        return int(app.exec())
    finally:
        sys.excepthook = previous_hook


def _screenshot(window: MainWindow, project: Path | None, out: Path) -> int:
    """Load ``project`` (or the demo), save the window as ``out``, return 0 or 1 on failure.

    It runs its own event loop rather than the application's, so that it also works inside a
    host that already runs one (the tests) and leaves no quit request behind.
    """
    window.quiet_errors = True
    window.resize(*SCREENSHOT_SIZE)
    loop = QEventLoop()
    status = {"code": 0}

    def shoot() -> None:
        # Let the layout settle and the canvas paint before grabbing the window.
        QApplication.processEvents()
        if window.grab().save(str(out), "PNG"):
            log.info("screenshot written to %s", out)
        else:
            print(f"ccgeo: could not write the screenshot {out}", file=sys.stderr)
            status["code"] = 1
        loop.quit()

    def failed(message: str) -> None:
        print(f"ccgeo: {message}", file=sys.stderr)
        status["code"] = 1
        loop.quit()

    window.projectLoaded.connect(lambda _project: QTimer.singleShot(0, shoot))
    window.taskFailed.connect(failed)
    window.show()
    window.load_project(project)
    loop.exec()
    window.cancel_tasks()
    # Hide rather than close: closing the last window would ask the application to quit.
    window.hide()
    window.deleteLater()
    return status["code"]
