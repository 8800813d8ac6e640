"""Collect the DomainError templates into frontdesk/ui/domain_messages.py for lupdate.

Services raise errors with English templates and never translate (DESIGN.md);
the UI translates them through the "DomainError" context. lupdate only sees
literal strings in the UI sources, so this script writes them there:

    .venv/bin/python tools/extract_messages.py && make lupdate

tests/unit/test_messages.py fails when the generated file is out of date.
"""

from __future__ import annotations

import ast
import builtins
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "frontdesk"
TARGET = ROOT / "frontdesk" / "ui" / "domain_messages.py"
HEADER = '''"""DomainError templates and parameter words, for lupdate. Generated; do not edit.

Made by tools/extract_messages.py from the frontdesk package; the UI translates
them in the "DomainError" and "DomainParam" contexts (see ui/errors.py).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

'''


def _is_error_name(name: str) -> bool:
    if hasattr(builtins, name):  # ValueError, RuntimeError…: bugs, never shown to people
        return False
    return name.endswith(("Error", "Denied", "Missing", "Locked", "Taken", "Conflict",
                          "Duplicate", "Found", "Phone", "Refused", "Unavailable", "Invalid"))


def _callee_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def _is_sentence(text: str) -> bool:
    """A message, not an identifier such as a field name passed first."""
    return " " in text or not text.isascii()


ADVICE_TABLES = ("STORAGE_ADVICE",)
"""Module-level dicts of messages (the storage problems' advice), translated like templates."""


def _advice_in(node: ast.AST) -> set[str]:
    target = node.target if isinstance(node, ast.AnnAssign) else None
    if not (isinstance(target, ast.Name) and target.id in ADVICE_TABLES):
        return set()
    value = node.value if isinstance(node, ast.AnnAssign) else None
    if not isinstance(value, ast.Dict):
        return set()
    return {v.value for v in value.values
            if isinstance(v, ast.Constant) and isinstance(v.value, str)}


def templates_in(tree: ast.AST) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(tree):
        found |= _advice_in(node)
        if isinstance(node, ast.Call) and _is_error_name(_callee_name(node)) and node.args:
            first = node.args[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str) \
                    and _is_sentence(first.value):
                found.add(first.value)
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "template" for t in node.targets) \
                and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            found.add(node.value.value)
    return found


def parameter_words() -> set[str]:
    """Enum values that appear inside messages: roles and actions (passed as their values),
    and the states of appointments and visits (passed as enums, worded by param_word)."""
    sys.path.insert(0, str(ROOT))
    from frontdesk.core.context import Role
    from frontdesk.core.permissions import Action
    from frontdesk.errors import param_word
    from frontdesk.models import VisitStatus
    from frontdesk.models.appointment import AppointmentStatus

    states = [*AppointmentStatus, *VisitStatus]
    return {a.value for a in Action} | {r.value for r in Role} | {param_word(s) for s in states}


def render() -> str:
    templates: set[str] = set()
    sources = PACKAGE.rglob("*.py")
    for path in sorted(p for p in sources if p != TARGET):
        templates |= templates_in(ast.parse(path.read_text(encoding="utf-8")))
    lines = ["MESSAGES = ("]
    lines += [f'    QT_TRANSLATE_NOOP("DomainError", {t!r}),' for t in sorted(templates)]
    lines += [")", "", "PARAMETERS = ("]
    lines += [f'    QT_TRANSLATE_NOOP("DomainParam", {w!r}),' for w in sorted(parameter_words())]
    lines += [")", ""]
    return HEADER + "\n".join(lines)


def main() -> None:
    TARGET.write_text(render(), encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
