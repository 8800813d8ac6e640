"""The concurrency rules, read from the source (the README's "Concurrency").

- Every function of a service that opens a transaction (``with <db>.write()``,
  ``.read()`` or ``.connect()``) is a ``@unit_of_work``, so PostgreSQL's deadlocks,
  serialization failures and lost connections run it again instead of reaching a
  person as a traceback; a future capability (member cards) is held to it too.
- Rows are locked only through ``frontdesk.db.locking`` (one lock strength).
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SERVICES = ROOT / "frontdesk" / "services"
TRANSACTIONS = {"write", "read", "connect"}


def _opens_transaction(fn: ast.FunctionDef) -> bool:
    for node in ast.walk(fn):
        if not isinstance(node, ast.With):
            continue
        for item in node.items:
            call = item.context_expr
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) \
                    and call.func.attr in TRANSACTIONS:
                owner = call.func.value
                name = owner.attr if isinstance(owner, ast.Attribute) else \
                    getattr(owner, "id", "")
                if name in ("db", "_db"):
                    return True
    return False


def _is_unit_of_work(fn: ast.FunctionDef) -> bool:
    return any(ast.unparse(d).split(".")[-1] == "unit_of_work" for d in fn.decorator_list)


def units_missing(source: str) -> list[str]:
    """Functions in ``source`` that open a transaction without being a unit of work."""
    return [fn.name for fn in ast.walk(ast.parse(source))
            if isinstance(fn, ast.FunctionDef) and _opens_transaction(fn)
            and not _is_unit_of_work(fn)]


def test_every_function_that_opens_a_transaction_is_a_unit_of_work() -> None:
    missing = {str(p.relative_to(ROOT)): units_missing(p.read_text(encoding="utf-8"))
               for p in sorted(SERVICES.rglob("*.py"))}
    assert {path: names for path, names in missing.items() if names} == {}


def test_rows_are_locked_only_through_locking() -> None:
    found = [str(p.relative_to(ROOT)) for p in sorted((ROOT / "frontdesk").rglob("*.py"))
             if "with_for_update" in p.read_text(encoding="utf-8")
             and p != ROOT / "frontdesk" / "db.py"]
    assert found == []


def test_the_check_sees_a_missing_unit_of_work() -> None:
    source = '''
class CardService:
    @unit_of_work
    def top_up(self):
        with self._db.write() as s: ...

    def charge(self):
        with self._db.write() as s: ...

    def balance(self):
        with self._db.read() as s, open("x"): ...

def report(db):
    with db.connect() as conn: ...
'''
    assert sorted(units_missing(source)) == ["balance", "charge", "report"]
