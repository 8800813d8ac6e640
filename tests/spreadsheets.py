"""Spreadsheets written by other programs, for tests: a CSV made into an .xlsx by
LibreOffice (as a store's own file would be), and an .xlsx read back with python-calamine.

LibreOffice reads the CSV as a person's spreadsheet would: ``13812345678`` becomes a
number, ``1990/5/3`` a date cell (in the Chinese locale, 2052, the default here),
``￥1234.5`` an amount. Tests that need it skip when LibreOffice is not installed
(``apt-get install -y --no-install-recommends libreoffice-calc-nogui``)::

    @needs_libreoffice
    def test_x(tmp_path): xlsx = libreoffice_xlsx(csv_path, tmp_path)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest
from python_calamine import CalamineWorkbook

from frontdesk.services.imports.fields import Cell

SOFFICE = shutil.which("soffice")
CHINESE = 2052
"""LibreOffice's language id for zh-CN: how it reads dates and amounts in the CSV."""

needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice (soffice) is not installed: "
                            "apt-get install -y --no-install-recommends libreoffice-calc-nogui")


def libreoffice_xlsx(csv_path: Path, out_dir: Path, language: int = CHINESE) -> Path:
    """``csv_path`` (UTF-8, comma-separated) converted by LibreOffice to ``out_dir/<stem>.xlsx``.

    Each test process has its own LibreOffice profile, so processes running side by side
    (pytest-xdist, two people's test runs) do not wait on each other's profile lock.
    """
    assert SOFFICE is not None, "use @needs_libreoffice"
    profile = Path(tempfile.gettempdir()) / f"lo-profile-{os.getpid()}"
    done = subprocess.run(
        [SOFFICE, "--headless", f"-env:UserInstallation={profile.as_uri()}",
         "--convert-to", "xlsx", f"--infilter=CSV:44,34,76,1,,{language}",
         "--outdir", str(out_dir), str(csv_path)],
        capture_output=True, text=True, timeout=180, check=False)
    out = out_dir / f"{csv_path.stem}.xlsx"
    if done.returncode != 0 or not out.exists():
        raise RuntimeError(f"soffice could not convert {csv_path}: {done.stdout}{done.stderr}")
    return out


def calamine_rows(path: Path) -> list[tuple[int, tuple[Cell, ...]]]:
    """The first sheet's rows as an import reads them: (1-based row number, cells), blank
    rows left out, text stripped ("" → None), a whole float (13812345678.0) an int."""
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    rows = []
    for number, values in enumerate(sheet.to_python(skip_empty_area=False), start=1):
        cells = tuple(_cell(value) for value in values)
        if any(cell is not None for cell in cells):
            rows.append((number, cells))
    return rows


def _cell(value: object) -> Cell:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value  # type: ignore[return-value]
