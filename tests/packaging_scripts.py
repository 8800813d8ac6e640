"""Loading a script of ``packaging/`` by its file: the folder is no Python package (its name
is PyPI's ``packaging``, which PyInstaller and pip import), so it is never put on ``sys.path``
as one; its scripts import each other as plain modules from their own folder."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

PACKAGING = Path(__file__).resolve().parents[1] / "packaging"


def packaging_script(name: str) -> ModuleType:
    """``packaging/{name}.py``, loaded once per process."""
    key = f"frontdesk_packaging_{name}"
    if key in sys.modules:
        return sys.modules[key]
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))  # for the scripts' own `import platforms`
    spec = importlib.util.spec_from_file_location(key, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[key] = module  # dataclasses look their module up while it runs
    spec.loader.exec_module(module)
    return module
