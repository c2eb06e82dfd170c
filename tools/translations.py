"""Keep the app's Qt catalogues in step with the code: ``python tools/translations.py update``
then ``compile`` (docs/translating.md).

``update`` runs ``pyside6-lupdate`` over ``ccgeo/gui`` into ``ccgeo/gui/locale/ccgeo_<lang>.ts``
(es, pt, fr: every message; en: only the plural ones, whose English forms are given there), adding
new messages as unfinished and dropping those the code no longer has. ``compile`` runs
``pyside6-lrelease`` on each ``.ts`` into the ``.qm`` the app loads. Commit both.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUI = ROOT / "ccgeo" / "gui"
LOCALE = GUI / "locale"
#: The languages of the app and the locale name each ``.ts`` declares (its plural rules).
TARGETS = {"en": "en_GB", "es": "es_ES", "pt": "pt_BR", "fr": "fr_FR"}


def tool(name: str) -> str:
    """The path of a Qt tool shipped with PySide6 (``pyside6-lupdate``), beside this Python."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install the project (pip install -e .) first")
    return found


def sources() -> list[str]:
    """The app's Python files, in a stable order."""
    return [str(path) for path in sorted(GUI.rglob("*.py"))]


def ts_path(language: str) -> Path:
    return LOCALE / f"ccgeo_{language}.ts"


def update(*, languages: tuple[str, ...] = tuple(TARGETS)) -> None:
    """Bring each ``.ts`` in step with the messages of the code."""
    LOCALE.mkdir(parents=True, exist_ok=True)
    for language in languages:
        command = [tool("pyside6-lupdate"), *sources(), "-ts", str(ts_path(language))]
        command += ["-target-language", TARGETS[language], "-no-obsolete", "-locations", "none"]
        if language == "en":
            command.append("-pluralonly")
        subprocess.run(command, check=True, cwd=ROOT)


def compile_qm(language: str, out: Path) -> None:
    """Compile the ``.ts`` of ``language`` into ``out``."""
    command = [tool("pyside6-lrelease"), "-silent", str(ts_path(language)), "-qm", str(out)]
    subprocess.run(command, check=True, cwd=ROOT)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=["update", "compile"])
    args = parser.parse_args(argv)
    if args.command == "update":
        update()
    else:
        for language in TARGETS:
            compile_qm(language, ts_path(language).with_suffix(".qm"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
