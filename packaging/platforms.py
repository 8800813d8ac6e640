"""Everything about the build that differs between Linux and Windows, in one place.

The spec (``frontdesk.spec``), the build (``build.py``) and the smoke test (``smoke.py``) ask
this module, never ``sys.platform`` themselves: which executables the bundle has and which one
is the command line, the icon's format, the archive's name and kind, the executable's suffix.

- Linux: one executable, ``frontdesk`` — the program with no arguments, the command line with
  them (a terminal shows what it prints; a desktop launcher shows no terminal).
- Windows: a console program prints nothing unless it is started from a console, and a
  console program started from the Start menu opens a black window beside the desk. So there are
  two executables over one shared folder: ``FrontDesk.exe`` (windowed: the Start menu and the
  desktop shortcut) and ``frontdesk-cli.exe`` (console: ``frontdesk-cli version``, ``init``,
  ``demo``, ``sheet``…). Not ``frontdesk.exe``: Windows file names ignore case, and it would be
  the same file as ``FrontDesk.exe``.
- macOS is not a target (no store in the brief runs one); the spec would need a BUNDLE step.
"""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Executable:
    """One executable in the bundle: its file name (without suffix) and whether it has a console."""

    name: str
    console: bool


@dataclass(frozen=True)
class Target:
    """The platform a bundle is built for (always the one it is built on: no cross builds)."""

    system: str  # "linux" or "windows"
    machine: str  # "x86_64", "arm64", …
    executables: tuple[Executable, ...]
    command_line: str  # the executable the smoke test and the person at a terminal run
    exe_icon: str | None  # the icon file under packaging/icons/ the executables carry
    suffix: str  # of executables
    strip: bool  # strip symbols from the binaries (binutils' strip: Linux only)

    @property
    def archive_format(self) -> str:
        """shutil.make_archive's format: tar.gz where tar is at home, zip on Windows."""
        return "zip" if self.system == "windows" else "gztar"

    def archive_name(self, version: str) -> str:
        """``FrontDesk-0.1.0-linux-x86_64`` (the archive adds .tar.gz or .zip)."""
        return f"FrontDesk-{version}-{self.system}-{self.machine}"

    def archive_file(self, dist: Path, version: str) -> Path:
        """Where the build puts the archive: ``dist/FrontDesk-0.1.0-linux-x86_64.tar.gz``."""
        suffix = ".zip" if self.archive_format == "zip" else ".tar.gz"
        return dist / (self.archive_name(version) + suffix)

    def command(self, bundle: Path) -> Path:
        """The command-line executable inside a built bundle folder."""
        return bundle / (self.command_line + self.suffix)


def _machine() -> str:
    machine = platform.machine().lower()
    return {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)


def current() -> Target:
    """The target of this machine; a clear error on one FrontDesk is not built for."""
    if sys.platform.startswith("linux"):
        return Target("linux", _machine(), (Executable("frontdesk", console=True),),
                      command_line="frontdesk", exe_icon=None, suffix="",
                      strip=True)  # the .desktop names the icon
    if sys.platform == "win32":
        return Target("windows", _machine(),
                      (Executable("FrontDesk", console=False),
                       Executable("frontdesk-cli", console=True)),
                      command_line="frontdesk-cli", exe_icon="frontdesk.ico", suffix=".exe",
                      strip=False)
    raise SystemExit(f"FrontDesk is packaged on Linux and Windows, not on {sys.platform}")
