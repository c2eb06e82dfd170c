"""Start the desktop app: parse the command line, create the Qt application, open a project."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox

import ccgeo
from ccgeo.gui import settings
from ccgeo.gui.language import app_language, install_language, tr
from ccgeo.gui.main_window import MainWindow
from ccgeo.gui.workers import UNEXPECTED_ERROR
from ccgeo.i18n import LANGUAGES, speak_argparse

log = logging.getLogger("ccgeo.gui")

#: Window size of ``--screenshot`` renders, pixels: the workshop laptop (``--size`` changes it).
SCREENSHOT_SIZE = (1366, 768)


def build_parser() -> argparse.ArgumentParser:
    """The command line of ``python main.py``."""
    parser = argparse.ArgumentParser(
        prog="ccgeo-gui",
        description=tr(
            "ccgeo desktop app: where people can and cannot reach cancer diagnostic labs."
        ),
    )
    parser.add_argument(
        "project",
        nargs="?",
        metavar="PROJECT",
        type=Path,
        help=tr(
            "a .ccgeo project file to open (default: the last project opened, or the "
            "synthetic demo city on first start; with --screenshot: the demo city)"
        ),
    )
    parser.add_argument(
        "--screenshot",
        metavar="OUT.png",
        type=Path,
        help=tr(
            "render the window to OUT.png once the project is loaded and its analysis run, "
            "then exit"
        ),
    )
    parser.add_argument(
        "--no-analysis",
        dest="no_analysis",
        action="store_true",
        help=tr("with --screenshot: show the project as loaded, without running the analysis"),
    )
    parser.add_argument(
        "--size",
        metavar="WxH",
        type=_size,
        default=SCREENSHOT_SIZE,
        help=tr(
            "with --screenshot: the window size in pixels (default: 1366x768, a workshop laptop)"
        ),
    )
    parser.add_argument(
        "--import-wizard",
        dest="import_wizard",
        metavar="FILE",
        type=Path,
        help=tr("with --screenshot: show the facility import wizard's validation of FILE"),
    )
    parser.add_argument(
        "--lang",
        metavar="LANG",
        choices=list(LANGUAGES),
        help=tr(
            "the language of the app: {languages} (default: the one chosen in "
            "Edit ▸ Preferences, else the system's)"
        ).format(languages=", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())),
    )
    parser.add_argument("--version", action="version", version=f"ccgeo {ccgeo.__version__}")
    return parser


def _size(text: str) -> tuple[int, int]:
    """``"1366x768"`` → ``(1366, 768)``."""
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError:
        msg = tr("the size should be WIDTHxHEIGHT in pixels, such as 1366x768; got {text}").format(
            text=repr(text)
        )
        raise argparse.ArgumentTypeError(msg) from None
    if not (320 <= width <= 8000 and 240 <= height <= 8000):
        msg = tr("the size {text} is out of range (320x240 to 8000x8000 pixels)").format(
            text=repr(text)
        )
        raise argparse.ArgumentTypeError(msg)
    return width, height


#: References to ``None`` added by `guard_none_refcount` (never reached by real use: 2^40).
_NONE_REFERENCES = 1 << 40
_NONE_GUARDED = False


def guard_none_refcount() -> bool:
    """Keep PySide6's dropped references to ``None`` from aborting the app; True if needed.

    PySide6 6.12 returns ``None`` from every C++ ``void`` method without taking a reference,
    as if ``None`` were immortal (it is from Python 3.12 on). On Python 3.11 each such call
    (``setPen``, ``drawPath``, ``save``...) lowers ``None``'s reference count by one, and after
    a few hundred map redraws CPython aborts with "none_dealloc: deallocating None". The bug
    is detected, not assumed: ten ``void`` calls are made and the count compared; only when
    it drops is ``None`` given 2^40 extra references (a day of panning costs ~10^8), which is
    harmless because ``None`` is never freed anyway.
    """
    from PySide6.QtCore import QPointF

    global _NONE_GUARDED
    if _NONE_GUARDED:
        return True
    if sys.implementation.name != "cpython" or sys.version_info >= (3, 12):
        return False
    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(10):
        point.setX(1.0)
    if sys.getrefcount(None) >= before:
        return False
    import ctypes

    # ob_refcnt is the first field of every object in a release build of CPython 3.11.
    if hasattr(sys, "gettotalrefcount"):
        log.warning("PySide6 drops references to None; a debug CPython cannot be guarded")
        return True
    count = ctypes.c_ssize_t.from_address(id(None))
    start = sys.getrefcount(None)
    count.value += _NONE_REFERENCES
    if sys.getrefcount(None) != start + _NONE_REFERENCES:  # not the layout expected: undo
        count.value -= _NONE_REFERENCES
        log.warning("PySide6 drops references to None and the guard could not be applied")
        return True
    _NONE_GUARDED = True
    return True


def _application() -> QApplication:
    """The running QApplication, or a new one set up for maps on any screen."""
    guard_none_refcount()
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
                tr("Unexpected error"),
                tr(UNEXPECTED_ERROR).format(error=f"{exc_type.__name__}: {exc}"),
            )

    sys.excepthook = hook


def run(argv: Sequence[str] | None = None) -> int:
    """Run the desktop app; returns the exit status.

    Parameters
    ----------
    argv
        Command-line arguments without the program name: ``[PROJECT] [--screenshot OUT.png]``.
    """
    given = list(argv) if argv is not None else sys.argv[1:]
    app = _application()
    # the language first, so that --help and the errors of the command line speak it too
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", choices=list(LANGUAGES))
    asked, _rest = early.parse_known_args(given)
    install_language(app_language(asked.lang, saved=settings.language()))
    speak_argparse()
    args = build_parser().parse_args(given)
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    window = MainWindow()
    if args.screenshot is not None:
        return _screenshot(
            window,
            args.project,
            args.screenshot,
            analysis=not args.no_analysis,
            wizard_file=args.import_wizard,
            size=args.size,
        )
    previous_hook = sys.excepthook
    _install_excepthook(window)
    try:
        window.show()
        window.start(args.project)
        return int(app.exec())
    finally:
        sys.excepthook = previous_hook


def _screenshot(
    window: MainWindow,
    project: Path | None,
    out: Path,
    *,
    analysis: bool = True,
    wizard_file: Path | None = None,
    size: tuple[int, int] = SCREENSHOT_SIZE,
) -> int:
    """Load ``project`` (or the demo), save the window as ``out``, return 0 or 1 on failure.

    By default the project's analysis is run first, so the picture shows its bands and results;
    with ``wizard_file`` the facility import wizard is shown on top, at its validation of that
    file.

    It runs its own event loop rather than the application's, so that it also works inside a
    host that already runs one (the tests) and leaves no quit request behind.
    """
    # No dialogs, no recent files, no autosave: a screenshot leaves the user's settings alone.
    window.set_batch_mode()
    window.resize(*size)
    loop = QEventLoop()
    status = {"code": 0}

    wizard_box: dict[str, Any] = {}

    def shoot() -> None:
        # Let the layout settle and the canvas paint before grabbing the window.
        QApplication.processEvents()
        if _window_picture(window, wizard_box.get("wizard")).save(str(out), "PNG"):
            log.info("screenshot written to %s", out)
        else:
            text = tr("ccgeo: could not write the screenshot {path}").format(path=out)
            print(text, file=sys.stderr)
            status["code"] = 1
        loop.quit()

    def failed(message: str) -> None:
        print(f"ccgeo: {message}", file=sys.stderr)
        status["code"] = 1
        loop.quit()

    shot = {"asked": False}

    def shoot_once() -> None:
        if not shot["asked"]:
            shot["asked"] = True
            QTimer.singleShot(0, shoot)

    def loaded(_project: object) -> None:
        if wizard_file is not None:
            _show_wizard(window, wizard_file, wizard_box, ready=shoot_once)
            return
        # The picture shows an analysis: run the project's settings (or the defaults) first and
        # shoot once the bands and results are drawn.
        controller = getattr(window, "analysis", None)
        if not analysis or controller is None or not controller.can_run():
            shoot_once()
            return
        controller.settled.connect(shoot_once)
        if not controller.is_running:
            controller.run()

    window.projectLoaded.connect(loaded)
    window.taskFailed.connect(failed)
    window.show()
    window.load_project(project)
    loop.exec()
    window.cancel_tasks()
    # Hide rather than close: closing the last window would ask the application to quit.
    window.hide()
    window.deleteLater()
    return status["code"]


def _window_picture(window: MainWindow, wizard: Any | None) -> QPixmap:
    """The window as a pixmap, with ``wizard`` (if any) painted over it, centred and shadowed."""
    shot = window.grab()
    if wizard is not None:
        # offscreen, a dialog is its own surface: paint it over the window, centred
        dialog = wizard.grab()
        painter = QPainter(shot)
        x = (shot.width() - dialog.width()) // 2
        y = (shot.height() - dialog.height()) // 2
        painter.fillRect(x + 6, y + 6, dialog.width(), dialog.height(), QColor(0, 0, 0, 60))
        painter.drawPixmap(x, y, dialog)
        painter.end()
    return shot


def _show_wizard(
    window: MainWindow,
    wizard_file: Path,
    wizard_box: dict[str, Any],
    *,
    ready: Callable[[], None],
) -> None:
    """Open the import wizard on ``wizard_file`` and call ``ready`` at its validation page.

    The wizard is put in ``wizard_box["wizard"]`` at once, so that the picture can show it.
    """
    tools = window.data_tools  # type: ignore[attr-defined]
    wizard = tools.open_import_wizard()
    wizard_box["wizard"] = wizard
    wizard.file_page.set_path(wizard_file)
    page = wizard.validation_page

    def step() -> None:
        if wizard.busy or getattr(page, "_running", False):
            QTimer.singleShot(100, step)
        elif wizard.currentId() < wizard.VALIDATION:
            wizard.next()
            QTimer.singleShot(100, step)
        else:
            ready()

    QTimer.singleShot(100, step)
