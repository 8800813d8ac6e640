"""The Linux desktop entry: how a built FrontDesk appears in the applications menu.

A ``.desktop`` file must name the program and its icon by absolute path, which is only known
where the archive is unpacked. So the bundle carries ``install-desktop-entry.sh``, which writes
``~/.local/share/applications/frontdesk.desktop`` for the folder it sits in, and the build
writes ``dist/frontdesk.desktop`` for the folder it built (to try it on the build machine).
"""

from __future__ import annotations

import shutil
from pathlib import Path

ENTRY = """[Desktop Entry]
Type=Application
Version=1.0
Name=FrontDesk
Name[zh_CN]=FrontDesk 前台
GenericName=Front desk
GenericName[zh_CN]=前台接待
Comment=Check-in, client records, member cards and care calls of a salon or spa
Comment[zh_CN]=美容院、会所前台：接待、客情、会员卡、回访
Exec="{program}"
Icon={icon}
Terminal=false
Categories=Office;
StartupWMClass=FrontDesk
"""

INSTALL_SCRIPT = """#!/bin/sh
# Add FrontDesk to this user's applications menu, for the folder this script is in.
# Run it again after moving the folder.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
mkdir -p "$apps"
sed -e "s|@PROGRAM@|$here/frontdesk|" -e "s|@ICON@|$here/frontdesk.png|" \\
    "$here/frontdesk.desktop.in" > "$apps/frontdesk.desktop"
echo "FrontDesk is in the applications menu ($apps/frontdesk.desktop)"
"""


def desktop_entry(program: str, icon: str) -> str:
    return ENTRY.format(program=program, icon=icon)


def write_desktop_files(bundle: Path, icon: Path, dist: Path) -> Path:
    """The icon, the entry's template and its installer in ``bundle``; an entry in ``dist``."""
    shutil.copy2(icon, bundle / "frontdesk.png")
    (bundle / "frontdesk.desktop.in").write_text(desktop_entry("@PROGRAM@", "@ICON@"),
                                                  encoding="utf-8")
    script = bundle / "install-desktop-entry.sh"
    script.write_text(INSTALL_SCRIPT, encoding="utf-8")
    script.chmod(0o755)
    entry = dist / "frontdesk.desktop"
    entry.write_text(desktop_entry(str(bundle / "frontdesk"), str(bundle / "frontdesk.png")),
                     encoding="utf-8")
    return entry
