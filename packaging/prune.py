"""Leaving Qt plugins FrontDesk never loads out of the bundle, with the libraries only they need.

PyInstaller's Qt hooks collect every plugin of a kind, and with each its libraries: the virtual
keyboard (a touch-screen input method) brings the whole QML engine, the GTK 3 platform theme
brings cairo and pango, the embedded-device platforms bring EGLFS. FrontDesk draws its own
theme (Fusion + qt-material) on a desktop, so it needs none of them; together they cost ~25 MB.

:func:`without` drops the plugins a predicate names, then every library that only they need:
a library stays when a kept plugin, a Python extension module or the Python library reaches it
through the libraries' own import tables (PyInstaller's ``get_imports``: ``ldd`` on Linux, the
PE import table on Windows). A library nothing analysed reaches (loaded by ``dlopen`` or
ctypes) stays too: only what the dropped plugins reach is ever a candidate.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import PurePath

from PyInstaller.depend.bindepend import get_imports

Entry = tuple[str, str, str]  # PyInstaller's TOC entry: (destination, source, type)


def _name(path: str) -> str:
    return PurePath(path.replace("\\", "/")).name


def _is_root(dest: str) -> bool:
    """A binary loaded by Python or Qt themselves, not as some other binary's dependency."""
    name = _name(dest)
    return ("/plugins/" in dest.replace("\\", "/") or name.endswith(".pyd")
            or ".cpython-" in name or ".abi3." in name
            or name.startswith(("libpython", "python3")))


def _reached(starts: Iterable[str], source_of: dict[str, str]) -> set[str]:
    seen: set[str] = set()
    stack = list(starts)
    while stack:
        name = stack.pop()
        if name in seen or name not in source_of:
            continue
        seen.add(name)
        stack.extend(_name(imported) for imported, _ in get_imports(source_of[name]))
    return seen


def without(binaries: list[Entry], unwanted: Callable[[str], bool]) -> list[Entry]:
    """``binaries`` less the unwanted plugins and the libraries that only they reach."""
    source_of = {_name(dest): src for dest, src, _ in binaries}
    dropped = [_name(dest) for dest, _, _ in binaries if unwanted(dest)]
    roots = [_name(dest) for dest, _, _ in binaries if _is_root(dest) and not unwanted(dest)]
    only_theirs = _reached(dropped, source_of) - _reached(roots, source_of)
    return [entry for entry in binaries
            if not unwanted(entry[0]) and _name(entry[0]) not in only_theirs]
