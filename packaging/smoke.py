"""Smoke-test the built FrontDesk, not the source tree: ``python packaging/smoke.py [DIST]``.

Unpacks the archive the build made in DIST (default ``dist/``) into a temporary folder — so
what is tested is what a store receives, moved away from where it was built — and runs that
copy's own command line (``FrontDesk/frontdesk``, ``frontdesk-cli.exe`` on Windows) with its data
and log folders in a temporary directory and none of the developer's ``FRONTDESK_*`` settings:

- ``version`` prints the source's version;
- ``init`` + ``demo --clients 500`` make a store;
- ``sheet`` writes a client analysis sheet whose PDF embeds a CJK TrueType font (``pdffonts``)
  and reads as Chinese (``pdftotext``) — and, where this runs as root with ``unshare`` (a
  build machine or CI), again with the system's fonts hidden, so the bundled font is shown to
  be enough;
- the GUI, offscreen, reaches its sign-in window and closes (the start-up probe);
- on Linux, the unpacked copy's ``install-desktop-entry.sh`` writes a desktop entry that names
  the copy and passes ``desktop-file-validate`` (where that is installed), and the build's own
  ``dist/frontdesk.desktop`` passes it too.

Each failure says which step and what the program printed; the exit code is 1.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from collections.abc import Sequence
from pathlib import Path

from frontdesk import __version__
from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.ui.startup_probe import ENV as PROBE_ENV
from frontdesk.ui.startup_probe import MARKER as PROBE_MARKER

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import platforms  # noqa: E402

CJK_FONT_NAME = "WenQuanYiMicroHei"  # the bundled font's PostScript name, as pdffonts shows it
TIMEOUT = 300


class SmokeFailed(Exception):
    """A step of the smoke test did not do what it should."""


class Smoke:
    """One run of the checks against one bundle, in one temporary data folder."""

    def __init__(self, bundle: Path, work: Path, dist: Path) -> None:
        self.target = platforms.current()
        self.dist = dist
        self.bundle = bundle
        self.program = self.target.command(bundle)
        self.work = work
        self.env = {k: v for k, v in os.environ.items()
                    if not k.startswith(("FRONTDESK_", "PYTHON", "QT_"))}
        self.env.update(FRONTDESK_DATA_DIR=str(work / "data"), FRONTDESK_LOG_DIR=str(work / "log"),
                        FRONTDESK_ADMIN_PASSWORD=DEMO_PASSWORD, FRONTDESK_PASSWORD=DEMO_PASSWORD,
                        QT_QPA_PLATFORM="offscreen")

    def run(self, *args: str, wrap: Sequence[str] = ()) -> str:
        """The program's output; SmokeFailed with what it printed when it fails."""
        command = [*wrap, str(self.program), *args]
        done = subprocess.run(command, env=self.env, cwd=self.work, capture_output=True,
                              text=True, timeout=TIMEOUT, check=False)
        if done.returncode != 0:
            raise SmokeFailed(f"`frontdesk {' '.join(args)}` exited with {done.returncode}:\n"
                              f"{done.stdout[-2000:]}{done.stderr[-2000:]}")
        return done.stdout

    def version(self) -> str:
        printed = self.run("version").strip()
        if printed != f"FrontDesk {__version__}":
            raise SmokeFailed(f"the bundle says {printed!r}, the source is {__version__}")
        return printed

    def store(self) -> str:
        self.run("init", "--store", "冒烟测试店", "--admin", "admin")
        self.run("demo", "--clients", "500", "--quiet")
        hits = self.run("find", "王", "--as", "reception1").splitlines()
        if not hits:
            raise SmokeFailed("the demo store's search for 王 found nobody")
        return f"a store with 500 demo clients; `find 王` lists {len(hits)}"

    def sheet(self, name: str = "sheet.pdf", wrap: Sequence[str] = ()) -> str:
        pdf = self.work / name
        self.run("sheet", "1", "-o", str(pdf), "--as", "admin", wrap=wrap)
        fonts = _tool("pdffonts", pdf)
        embedded = [line for line in fonts.splitlines()
                    if CJK_FONT_NAME in line and "TrueType" in line and " yes " in line]
        if not embedded:
            raise SmokeFailed(f"{pdf.name} embeds no {CJK_FONT_NAME} TrueType font:\n{fonts}")
        if "客情分析表" not in _tool("pdftotext", pdf, "-"):
            raise SmokeFailed(f"{pdf.name} does not read 客情分析表")
        return f"{pdf.name}: {embedded[0].split()[0]} embedded, reads 客情分析表"

    def without_system_fonts(self) -> str:
        """The sheet and the GUI again on a PC without Chinese fonts: the bundled one must do."""
        if self.target.system != "linux" or os.geteuid() != 0 or not shutil.which("unshare"):
            return "skipped: needs root and unshare (to hide /usr/share/fonts)"
        hide = ["unshare", "--mount", "--propagation", "private", "sh", "-c",
                'mount -t tmpfs none /usr/share/fonts && exec "$0" "$@"']
        return (self.sheet("sheet-no-system-fonts.pdf", wrap=hide) + "; GUI: "
                + self.gui(wrap=hide))

    def gui(self, wrap: Sequence[str] = ()) -> str:
        env = {**self.env, PROBE_ENV: "1"}
        started = time.perf_counter()
        done = subprocess.run([*wrap, str(self.program)], env=env, cwd=self.work,
                              capture_output=True, text=True, timeout=TIMEOUT, check=False)
        seconds = time.perf_counter() - started
        shown = [line for line in done.stderr.splitlines() if line.startswith(PROBE_MARKER)]
        if done.returncode != 0 or shown != [f"{PROBE_MARKER} loginDialog"]:
            raise SmokeFailed(f"the GUI did not show its sign-in window and close (exit "
                              f"{done.returncode}):\n{done.stderr[-2000:]}")
        return f"sign-in window shown and closed in {seconds:.1f} s"

    def desktop_entry(self) -> str:
        if self.target.system != "linux":
            return "not on this platform"
        xdg = self.work / "xdg"
        done = subprocess.run(["sh", str(self.bundle / "install-desktop-entry.sh")],
                              env={**self.env, "XDG_DATA_HOME": str(xdg)}, capture_output=True,
                              text=True, check=False)
        entry = xdg / "applications" / "frontdesk.desktop"
        if done.returncode != 0 or not entry.is_file():
            raise SmokeFailed(f"install-desktop-entry.sh failed: {done.stdout}{done.stderr}")
        if f'Exec="{self.program}"' not in entry.read_text(encoding="utf-8"):
            raise SmokeFailed(f"{entry} does not run {self.program}")
        if not shutil.which("desktop-file-validate"):
            return f"{entry.name} installed (desktop-file-validate not installed)"
        _tool("desktop-file-validate", entry)
        _tool("desktop-file-validate", self.dist / "frontdesk.desktop")
        return f"installed {entry.name} for the unpacked copy; it and dist's entry are valid"

def _tool(name: str, *args: str | Path) -> str:
    done = subprocess.run([name, *map(str, args)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SmokeFailed(f"{name} failed: {done.stdout}{done.stderr}")
    return done.stdout


def unpack(dist: Path, into: Path) -> Path:
    """The build's archive unpacked into ``into``: the bundle folder of the copy."""
    target = platforms.current()
    archive = target.archive_file(dist, __version__)
    if not archive.is_file():
        raise SmokeFailed(f"no {archive.name} in {dist}: run packaging/build.py first")
    if archive.suffix == ".zip":
        with zipfile.ZipFile(archive) as zipped:
            zipped.extractall(into)
    else:
        with tarfile.open(archive) as tarred:
            tarred.extractall(into, filter="tar")
    program = target.command(into / "FrontDesk")
    if not program.is_file():
        raise SmokeFailed(f"{archive.name} holds no FrontDesk/{program.name}")
    print(f"smoke: unpacked {archive.name} ({archive.stat().st_size / 2**20:.0f} MB)")
    return into / "FrontDesk"


def main(argv: Sequence[str]) -> int:
    dist = Path(argv[0]).resolve() if argv else HERE.parent / "dist"
    with tempfile.TemporaryDirectory(prefix="frontdesk-smoke-") as tmp:
        try:
            bundle = unpack(dist, Path(tmp) / "unpacked")
        except SmokeFailed as exc:
            print(f"smoke: FAILED: {exc}", file=sys.stderr)
            return 1
        work = Path(tmp) / "work"
        work.mkdir()
        smoke = Smoke(bundle, work, dist)
        steps = [("version", smoke.version), ("store", smoke.store), ("sheet", smoke.sheet),
                 ("GUI", smoke.gui), ("without the system's fonts", smoke.without_system_fonts),
                 ("desktop entry", smoke.desktop_entry)]
        for title, step in steps:
            try:
                print(f"smoke: {title}: {step()}", flush=True)
            except (SmokeFailed, subprocess.TimeoutExpired) as exc:
                print(f"smoke: {title}: FAILED: {exc}", file=sys.stderr)
                return 1
    print(f"smoke: the unpacked {dist.name}/{bundle.name} passed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
