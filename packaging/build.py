"""Build the installable FrontDesk: ``python packaging/build.py`` (``make package`` runs it,
then ``smoke.py`` on the result).

With the project's venv and the ``package`` extra installed (PyInstaller), on Linux or Windows,
from any directory:

1. checks the bundled font is the one whose licence is recorded (packaging/fonts/README.md);
2. compiles the translations (``pyside6-lrelease``, as ``make translations`` does);
3. runs PyInstaller on ``frontdesk.spec`` into ``build/pyinstaller`` and ``dist/FrontDesk``;
4. on Linux, puts the icon, ``install-desktop-entry.sh`` and a ``frontdesk.desktop`` for this
   folder beside the program;
5. archives the folder as ``dist/FrontDesk-VERSION-SYSTEM-MACHINE.tar.gz`` (``.zip`` on
   Windows) and prints how long it took and how big the result is.

Pure Python, no shell: the same steps run from a Windows command prompt.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
import time
from pathlib import Path

from frontdesk import __version__

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "FrontDesk"
FONT = HERE / "fonts" / "wqy-microhei.ttc"
FONT_SHA256 = "2420e8078af796b19a3f6ef13de527a1a91c1e7171eea115926c614ced1009b3"
TS = ROOT / "resources" / "translations" / "frontdesk_zh_CN.ts"
QM = ROOT / "frontdesk" / "ui" / "i18n" / "frontdesk_zh_CN.qm"

sys.path.insert(0, str(HERE))
import platforms  # noqa: E402
from linux_desktop import write_desktop_files  # noqa: E402


def check_font() -> None:
    digest = hashlib.sha256(FONT.read_bytes()).hexdigest()
    if digest != FONT_SHA256:
        raise SystemExit(f"{FONT} is not the font whose licence packaging/fonts/README.md "
                         f"records (sha256 {digest}); put the recorded file back")


def compile_translations() -> None:
    lrelease = Path(sys.executable).with_name("pyside6-lrelease" + platforms.current().suffix)
    QM.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([str(lrelease), "-silent", str(TS), "-qm", str(QM)], check=True)


def run_pyinstaller() -> None:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--workpath", str(ROOT / "build" / "pyinstaller"), "--distpath", str(DIST),
                    str(HERE / "frontdesk.spec")], check=True, cwd=ROOT)


def folder_size(folder: Path) -> int:
    """Bytes of the files under ``folder``, each once (PyInstaller links some libraries twice)."""
    return sum(path.lstat().st_size for path in folder.rglob("*")
               if path.is_file() and not path.is_symlink())


def main() -> int:
    started = time.perf_counter()
    target = platforms.current()
    check_font()
    compile_translations()
    run_pyinstaller()
    if target.system == "linux":
        write_desktop_files(BUNDLE, HERE / "icons" / "frontdesk.png", DIST)
    archive = Path(shutil.make_archive(str(DIST / target.archive_name(__version__)),
                                       target.archive_format, root_dir=DIST,
                                       base_dir=BUNDLE.name))
    minutes = (time.perf_counter() - started) / 60
    print(f"built {BUNDLE} in {minutes:.1f} min: {folder_size(BUNDLE) / 2**20:.0f} MB unpacked; "
          f"{archive.name} {archive.stat().st_size / 2**20:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
