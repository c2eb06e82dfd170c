"""Only ccgeo.gui may import Qt; main.py may import only ccgeo.gui; the palette stays Qt-free."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Outside ccgeo/gui, Qt's painting (never widgets) may be used by the map layers of ccgeo/render
#: and by the PDF documents that print them (DESIGN.md): the map report, and the evidence brief of
#: a comparison of cities with its small-multiple maps.
QT_ALLOWED = frozenset({"report/pdf.py", "report/compare_pdf.py", "report/compare_maps.py"})
QT_PACKAGES = frozenset({"gui", "render"})
QT_MODULES = ("PySide6", "PySide2", "PyQt5", "PyQt6", "shiboken6", "shiboken2", "sip", "qtpy")


def imported_modules(path: Path) -> list[tuple[int, str]]:
    """Absolute module names imported by a file, with their line numbers."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.append((node.lineno, node.module))
    return found


def is_qt(module: str) -> bool:
    return module.split(".")[0] in QT_MODULES


def test_checker_sees_qt_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("import os\nfrom PySide6.QtCore import Qt\nimport PyQt5.QtGui as g\n")
    qt = [m for _, m in imported_modules(sample) if is_qt(m)]
    assert qt == ["PySide6.QtCore", "PyQt5.QtGui"]


def test_no_qt_outside_gui():
    package = ROOT / "ccgeo"
    offenders = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package)
        if rel.parts[0] in QT_PACKAGES or rel.as_posix() in QT_ALLOWED:
            continue
        offenders += [
            f"{path.relative_to(ROOT)}:{line} imports {m}"
            for line, m in imported_modules(path)
            if is_qt(m)
        ]
    assert not offenders, (
        "Qt may only be imported in ccgeo/gui, ccgeo/render and the PDF documents in ccgeo/report:"
        "\n" + ("\n".join(offenders))
    )


def test_main_py_imports_only_the_gui():
    main = ROOT / "main.py"
    if not main.is_file():
        pytest.skip("main.py is not in this checkout")
    modules = [m for _, m in imported_modules(main)]
    outside = [
        m for m in modules if m not in ("__future__", "sys") and not m.startswith("ccgeo.gui")
    ]
    assert not outside, f"main.py should import only ccgeo.gui, got {outside}"


def test_palette_and_view_import_without_qt():
    code = (
        "import sys; import ccgeo.styles, ccgeo.render.view; "
        "print(any(m.split('.')[0] in ('PySide6', 'shiboken6') for m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
