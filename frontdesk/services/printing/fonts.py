"""The Chinese font every PDF embeds, found on this machine and registered once.

A printout must read correctly on a machine that has never seen the program, so
the font is always embedded (subset). reportlab's built-in ``STSong-Light`` is
never used: it is not embedded, and prints boxes (and drops "·") where no CJK
font is installed. reportlab reads TrueType outlines only, so an OpenType-CFF
font (Noto CJK ``.otf``, Hiragino) is skipped; a TrueType collection (``.ttc``)
is read at ``subfontIndex=0``.

Search order: a configured path (the argument, else ``FRONTDESK_PDF_FONT``),
then the font an installed FrontDesk carries (:data:`BUNDLED_FONT`: WenQuanYi Micro Hei, Apache
2.0, see packaging/fonts; absent in a source checkout), then the usual places on Linux, macOS
and Windows. The bundled font comes first so a sheet prints alike on every store's PCs.
Loading a font takes about 0.1–0.2 s, so each path is loaded and registered once per process.
"""

from __future__ import annotations

import os
import re
import sys
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from frontdesk.errors import DomainError
from frontdesk.services.printing.bundled import BUNDLED_FONT

FONT_ENV = "FRONTDESK_PDF_FONT"
# A sheet needs these: a font without digits (Droid Sans Fallback) would print blanks.
PROBE_TEXT = "客情分析表顾问签名0123456789%¥ABCxyz"

_LINUX = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/wqy-microhei/wqy-microhei.ttc",  # Fedora
    "/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc",  # Arch
    "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/arphic/uming.ttc",
    "/usr/share/fonts/truetype/arphic/ukai.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
)
_MACOS = (
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Light.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/System/Library/Fonts/Supplemental/Songti.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "/System/Library/Fonts/Supplemental/Arial Unicode.ttf",
)
_WINDOWS = ("msyh.ttc", "msyh.ttf", "simhei.ttf", "simsun.ttc", "Deng.ttf")


@dataclass(frozen=True)
class CjkFont:
    """A registered, embeddable font: ``name`` is what reportlab styles refer to."""

    name: str
    path: Path


class FontMissing(DomainError):
    """No usable Chinese TrueType font: says what to install and where to point."""

    template = ("No Chinese font for PDFs was found. {install} Or set the PDF font in the "
                "settings, or the environment variable {env}, to a TrueType font "
                "(.ttf or .ttc). {tried}")


def install_hint(platform: str = sys.platform) -> str:
    """What to install on this kind of machine."""
    if platform.startswith("win"):
        return "Install Microsoft YaHei (msyh.ttc): Settings → Fonts, Chinese Supplemental Fonts."
    if platform == "darwin":
        return "Restore the system font STHeiti (Font Book → Restore Standard Fonts)."
    return "Install one: sudo apt-get install fonts-wqy-microhei (Fedora: wqy-microhei-fonts)."


def default_search_paths(environ: Mapping[str, str] = os.environ) -> list[Path]:
    """The usual places of a Chinese TrueType font, best first, on any platform."""
    paths = [BUNDLED_FONT, *(Path(p) for p in (*_LINUX, *_MACOS))]
    windir = environ.get("WINDIR") or environ.get("SystemRoot")
    local = environ.get("LOCALAPPDATA")
    for folder in (Path(windir) / "Fonts" if windir else None,
                   Path(local) / "Microsoft" / "Windows" / "Fonts" if local else None):
        if folder is not None:
            paths.extend(folder / name for name in _WINDOWS)
    return paths


_lock = threading.RLock()  # find_cjk_font may be called inside cjk_font
_by_path: dict[Path, CjkFont] = {}
_by_setting: dict[str | None, CjkFont] = {}


def _font_name(path: Path) -> str:
    base = "FrontDeskCJK-" + re.sub(r"[^A-Za-z0-9]+", "-", path.stem).strip("-")
    taken = {font.name for font in _by_path.values()}
    return base if base not in taken else f"{base}-{len(taken)}"


def _load(path: Path) -> CjkFont:
    """Load and register ``path``; raises ValueError with a reason when it is unusable."""
    path = path.resolve()
    if path in _by_path:
        return _by_path[path]
    if not path.is_file():
        raise ValueError("not found")
    name = _font_name(path)
    try:
        ttf = TTFont(name, str(path), subfontIndex=0)
    except Exception as exc:  # a foreign file can fail to parse in many ways
        reason = re.sub(r'TTF file "[^"]*":\s*', "", str(exc)) or type(exc).__name__
        raise ValueError(reason) from exc
    missing = [ch for ch in PROBE_TEXT if ord(ch) not in ttf.face.charToGlyph]
    if missing:
        raise ValueError("lacks characters " + "".join(missing))
    pdfmetrics.registerFont(ttf)
    font = CjkFont(name, path)
    _by_path[path] = font
    return font


def find_cjk_font(configured: str | Path | None, search: Iterable[Path]) -> CjkFont:
    """The configured font, else the first usable one in ``search``; FontMissing otherwise.

    A configured path that cannot be used is an error (not silently replaced), so
    a wrong setting is noticed.
    """
    with _lock:
        return _find(configured, search)


def _find(configured: str | Path | None, search: Iterable[Path]) -> CjkFont:
    if configured:
        try:
            return _load(Path(configured))
        except ValueError as exc:
            raise FontMissing(install=install_hint(), env=FONT_ENV,
                              tried=f"Configured font {configured}: {exc}.") from None
    rejected = []
    for path in search:
        try:
            return _load(path)
        except ValueError as exc:
            if path.exists():
                rejected.append(f"{path}: {exc}")
    tried = ("Unusable: " + "; ".join(rejected) + ".") if rejected else ""
    raise FontMissing(install=install_hint(), env=FONT_ENV, tried=tried)


def cjk_font(configured: str | None = None) -> CjkFont:
    """The font for PDFs, registered with reportlab; found once per setting and cached.

    Args:
        configured: a font path from the settings; ``None`` reads ``FRONTDESK_PDF_FONT``.
    """
    key = configured or os.environ.get(FONT_ENV) or None
    with _lock:
        if key not in _by_setting:
            _by_setting[key] = find_cjk_font(key, default_search_paths())
        return _by_setting[key]
