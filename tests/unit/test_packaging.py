"""The packaging scripts' parts that run without building: the platform's names, the desktop
entry and its installer, the pruning of unused Qt plugins (on PySide6's real libraries), the
bundled font's checksum, and the window's fallback to the bundled font.

``make package`` builds and smoke-tests the real bundle (minutes; not part of ``make test``).
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import frontdesk
from tests.packaging_scripts import PACKAGING, packaging_script

QT = Path(str(importlib.util.find_spec("PySide6").origin)).resolve().parent  # type: ignore[union-attr]


def test_the_archive_is_named_by_version_system_and_machine() -> None:
    target = packaging_script("platforms").current()
    assert target.archive_name(frontdesk.__version__) == (
        f"FrontDesk-{frontdesk.__version__}-{target.system}-{target.machine}")
    assert target.command(Path("/opt/FrontDesk")).parent == Path("/opt/FrontDesk")
    assert target.archive_file(Path("dist"), "1.2.3").name.startswith("FrontDesk-1.2.3-")
    assert target.command_line in {exe.name for exe in target.executables}
    assert [exe for exe in target.executables if exe.name == target.command_line][0].console


def test_the_committed_font_is_the_one_whose_licence_is_recorded() -> None:
    build = packaging_script("build")
    build.check_font()  # raises SystemExit on another file
    readme = (PACKAGING / "fonts" / "README.md").read_text(encoding="utf-8")
    assert build.FONT_SHA256 in readme and "Apache License 2.0" in readme
    assert (PACKAGING / "fonts" / "LICENSE-Apache-2.0.txt").read_text().startswith(
        "\n                                 Apache License")


def test_the_desktop_entry_installer_names_the_unpacked_folder(tmp_path: Path) -> None:
    desktop = packaging_script("linux_desktop")
    bundle = tmp_path / "unpacked here" / "FrontDesk"
    bundle.mkdir(parents=True)
    entry = desktop.write_desktop_files(bundle, PACKAGING / "icons" / "frontdesk.png", tmp_path)
    xdg = tmp_path / "xdg"
    subprocess.run(["sh", str(bundle / "install-desktop-entry.sh")], check=True,
                   env={"XDG_DATA_HOME": str(xdg), "PATH": "/usr/bin:/bin"},
                   stdout=subprocess.DEVNULL)
    installed = (xdg / "applications" / "frontdesk.desktop").read_text(encoding="utf-8")
    assert f'Exec="{bundle}/frontdesk"' in installed
    assert f"Icon={bundle}/frontdesk.png" in installed
    assert "Name[zh_CN]=FrontDesk 前台" in installed
    assert f'Exec="{bundle}/frontdesk"' in entry.read_text(encoding="utf-8")
    if shutil.which("desktop-file-validate"):
        subprocess.run(["desktop-file-validate", str(xdg / "applications" / "frontdesk.desktop")],
                       check=True)


@pytest.mark.skipif(sys.platform != "linux", reason="PySide6's Linux libraries")
def test_pruning_drops_the_virtual_keyboard_and_the_qml_it_alone_needs() -> None:
    prune = packaging_script("prune")
    lib, plugins = QT / "Qt" / "lib", QT / "Qt" / "plugins"
    keyboard = "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so"
    entries = [
        (keyboard, str(plugins / "platforminputcontexts" / "libqtvirtualkeyboardplugin.so"), "B"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", str(plugins / "platforms" / "libqxcb.so"), "B"),
        ("PySide6/QtWidgets.abi3.so", str(QT / "QtWidgets.abi3.so"), "E"),
        *((f"PySide6/Qt/lib/{path.name}", str(path), "B")
          for path in sorted(lib.glob("libQt6*.so.6"))),
    ]
    kept = {Path(dest).name for dest, _, _ in prune.without(entries, lambda d: d == keyboard)}
    assert "libqtvirtualkeyboardplugin.so" not in kept
    assert not {"libQt6Qml.so.6", "libQt6Quick.so.6", "libQt6VirtualKeyboard.so.6"} & kept
    assert {"libQt6Core.so.6", "libQt6Gui.so.6", "libQt6Widgets.so.6", "libQt6XcbQpa.so.6",
            "libqxcb.so", "QtWidgets.abi3.so"} <= kept
    # a library nothing analysed reaches stays (it may be loaded at run time)
    assert "libQt6Pdf.so.6" in kept
