"""The consistency check behind ``frontdesk check``: is the money where the ledger says?

A manager can run it at any time, while the desk works. It checks, each with a few
grouped SQL statements (never a Python loop over rows):

- the database file itself (SQLite: ``PRAGMA integrity_check``);
- every member card: its cached paid money, bonus money and sessions equal the sums
  of its ledger entries, none below zero, its entries booked in its own branch;
- every points account: its cached points equal the sum of the client's points
  entries, not below zero, booked in its branch; and no points entries without an
  account;
- every closed visit: its payments add up to its total, and so do its lines;
- every voucher: issued once, and its status agrees with its entries (used: used
  once; void: voided once; open: neither).

It reads in one read transaction (a snapshot on SQLite; on PostgreSQL each statement
reads its own), so a check-out committed meanwhile is either wholly seen or not.
Each violation is listed (the first :data:`LISTED` of each kind) and counted. The run
is audited (``card.check``): it sees the store's card money.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.core.money import format_fen
from frontdesk.core.permissions import Action, require
from frontdesk.db import Database, unit_of_work
from frontdesk.models.card import OperationKind, VoucherStatus
from frontdesk.models.visit import VisitStatus
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction

__all__ = ["LISTED", "CheckItem", "CheckReport", "Violation", "run_check"]

LISTED = 200
"""At most this many violations of one kind are listed; all are counted."""


@dataclass(frozen=True)
class Violation:
    """One thing that is not as the ledger says, in words a manager can follow up."""

    entity: str
    """``card``, ``client`` (points), ``visit``, ``voucher`` or ``database``."""
    entity_id: int | None
    detail: str


@dataclass(frozen=True)
class CheckItem:
    """One kind of check: what it covers, how many rows it checked, what it found."""

    name: str
    checked: int
    found: int
    violations: tuple[Violation, ...]
    """The first :data:`LISTED` of the ``found``."""


@dataclass(frozen=True)
class CheckReport:
    items: tuple[CheckItem, ...]
    seconds: float

    @property
    def ok(self) -> bool:
        return all(item.found == 0 for item in self.items)

    @property
    def found(self) -> int:
        return sum(item.found for item in self.items)


@unit_of_work
def run_check(db: Database, clock: Clock, actor: Actor) -> CheckReport:
    """Every check, in one read; audited. Needs a manager (it sees the store's card money)."""
    require(actor, Action.APPROVE_CARD_MONEY)
    started = time.perf_counter()
    with db.read() as s:
        items = tuple(check(s) for check in (_integrity, _cards, _points, _visits, _vouchers)
                      if not (check is _integrity and not db.is_sqlite))
    report = CheckReport(items, time.perf_counter() - started)
    with db.write() as s:
        audit.record(s, clock(), actor, AuditAction.CARD_CHECK, detail=f"found={report.found}")
    return report


def _item(name: str, checked: int, violations: list[Violation]) -> CheckItem:
    return CheckItem(name, checked, len(violations), tuple(violations[:LISTED]))


def _count(s: Session, sql: str) -> int:
    return int(s.execute(text(sql)).scalar_one())


def _integrity(s: Session) -> CheckItem:
    rows = [r for (r,) in s.execute(text("PRAGMA integrity_check"))]
    bad = [Violation("database", None, r) for r in rows if r != "ok"]
    return _item("database file (PRAGMA integrity_check)", _count(s, "PRAGMA page_count"), bad)


_CARDS = """
SELECT c.id, c.card_no, c.paid_fen, c.bonus_fen, c.sessions,
       COALESCE(e.paid, 0), COALESCE(e.bonus, 0), COALESCE(e.sessions, 0),
       c.branch_id, e.lo, e.hi
FROM member_card c
LEFT JOIN (SELECT card_id, SUM(paid_fen) AS paid, SUM(bonus_fen) AS bonus,
                  SUM(sessions) AS sessions, MIN(branch_id) AS lo, MAX(branch_id) AS hi
           FROM card_entry WHERE card_id IS NOT NULL GROUP BY card_id) e ON e.card_id = c.id
WHERE c.paid_fen <> COALESCE(e.paid, 0) OR c.bonus_fen <> COALESCE(e.bonus, 0)
   OR c.sessions <> COALESCE(e.sessions, 0)
   OR c.paid_fen < 0 OR c.bonus_fen < 0 OR c.sessions < 0
   OR e.lo <> c.branch_id OR e.hi <> c.branch_id
ORDER BY c.id
"""


def _cards(s: Session) -> CheckItem:
    found: list[Violation] = []
    for cid, no, paid, bonus, sessions, l_paid, l_bonus, l_sessions, branch, lo, hi \
            in s.execute(text(_CARDS)):
        said = f"card {no}:"
        if (paid, bonus, sessions) != (l_paid, l_bonus, l_sessions):
            found.append(Violation("card", cid, f"{said} cached paid {format_fen(paid)}, bonus "
                                   f"{format_fen(bonus)}, sessions {sessions}; the ledger says "
                                   f"{format_fen(int(l_paid))}, {format_fen(int(l_bonus))}, "
                                   f"{l_sessions}"))
        if min(paid, bonus, sessions) < 0:
            found.append(Violation("card", cid, f"{said} below zero (paid {format_fen(paid)}, "
                                   f"bonus {format_fen(bonus)}, sessions {sessions})"))
        if lo is not None and (lo != branch or hi != branch):
            found.append(Violation("card", cid, f"{said} entries booked in branch {lo}..{hi}, "
                                   f"the card is branch {branch}'s"))
    return _item("member cards: cached paid, bonus and sessions = ledger sums, none below zero",
                 _count(s, "SELECT COUNT(*) FROM member_card"), found)


_POINTS = """
SELECT a.client_id, a.points, COALESCE(e.points, 0), a.branch_id, e.lo, e.hi
FROM points_account a
LEFT JOIN (SELECT client_id, SUM(points) AS points, MIN(branch_id) AS lo, MAX(branch_id) AS hi
           FROM card_entry WHERE points <> 0 GROUP BY client_id) e ON e.client_id = a.client_id
WHERE a.points <> COALESCE(e.points, 0) OR a.points < 0
   OR e.lo <> a.branch_id OR e.hi <> a.branch_id
ORDER BY a.client_id
"""
_POINTS_WITHOUT_ACCOUNT = """
SELECT e.client_id, SUM(e.points) FROM card_entry e
WHERE e.points <> 0 AND NOT EXISTS (SELECT 1 FROM points_account a
                                    WHERE a.client_id = e.client_id)
GROUP BY e.client_id ORDER BY e.client_id
"""


def _points(s: Session) -> CheckItem:
    found: list[Violation] = []
    for client_id, points, ledger, branch, lo, hi in s.execute(text(_POINTS)):
        said = f"points of client {client_id}:"
        if points != ledger:
            found.append(Violation("client", client_id,
                                   f"{said} cached {points}; the ledger says {ledger}"))
        if points < 0:
            found.append(Violation("client", client_id, f"{said} below zero ({points})"))
        if lo is not None and (lo != branch or hi != branch):
            found.append(Violation("client", client_id, f"{said} entries booked in branch "
                                   f"{lo}..{hi}, the account is branch {branch}'s"))
    for client_id, ledger in s.execute(text(_POINTS_WITHOUT_ACCOUNT)):
        found.append(Violation("client", client_id, f"points of client {client_id}: {ledger} "
                               "in the ledger, and no points account"))
    return _item("points accounts: cached points = ledger sums, none below zero",
                 _count(s, "SELECT COUNT(*) FROM points_account"), found)


_VISITS = f"""
SELECT v.id, v.total_fen, COALESCE(p.fen, 0), COALESCE(l.fen, 0)
FROM visit v
LEFT JOIN (SELECT visit_id, SUM(amount_fen) AS fen FROM payment GROUP BY visit_id) p
       ON p.visit_id = v.id
LEFT JOIN (SELECT visit_id, SUM(amount_fen) AS fen FROM consumption_line GROUP BY visit_id) l
       ON l.visit_id = v.id
WHERE v.status = '{VisitStatus.CLOSED.value}'
  AND (v.total_fen <> COALESCE(p.fen, 0) OR v.total_fen <> COALESCE(l.fen, 0))
ORDER BY v.id
"""


def _visits(s: Session) -> CheckItem:
    found = [Violation("visit", vid, f"visit {vid}: total {format_fen(total)}, payments "
                       f"{format_fen(int(paid))}, lines {format_fen(int(lines))}")
             for vid, total, paid, lines in s.execute(text(_VISITS))]
    closed = _count(s, f"SELECT COUNT(*) FROM visit WHERE status = '{VisitStatus.CLOSED.value}'")
    return _item("closed visits: payments = total = the lines' sum", closed, found)


_USE, _VOID, _EXPIRE = (OperationKind.VOUCHER_USE.value, OperationKind.VOUCHER_VOID.value,
                        OperationKind.EXPIRE.value)
_VOUCHERS = f"""
SELECT v.id, v.code, v.status, COALESCE(k.issued, 0), COALESCE(k.used, 0), COALESCE(k.voided, 0)
FROM voucher v
LEFT JOIN (SELECT e.voucher_id,
                  SUM(CASE WHEN o.kind NOT IN ('{_USE}', '{_VOID}', '{_EXPIRE}')
                           THEN 1 ELSE 0 END) AS issued,
                  SUM(CASE WHEN o.kind = '{_USE}' THEN 1 ELSE 0 END) AS used,
                  SUM(CASE WHEN o.kind = '{_VOID}' THEN 1 ELSE 0 END) AS voided
           FROM card_entry e JOIN card_operation o ON o.id = e.operation_id
           WHERE e.voucher_id IS NOT NULL GROUP BY e.voucher_id) k ON k.voucher_id = v.id
WHERE COALESCE(k.issued, 0) <> 1
   OR COALESCE(k.used, 0) <> (CASE WHEN v.status = '{VoucherStatus.USED.value}' THEN 1 ELSE 0 END)
   OR COALESCE(k.voided, 0) <> (CASE WHEN v.status = '{VoucherStatus.VOID.value}' THEN 1 ELSE 0 END)
ORDER BY v.id
"""


def _vouchers(s: Session) -> CheckItem:
    found = [Violation("voucher", vid, f"voucher {code}: status {status}, issued {issued} "
                       f"time(s), used {used}, voided {voided}")
             for vid, code, status, issued, used, voided in s.execute(text(_VOUCHERS))]
    return _item("vouchers: issued once, status as their entries say",
                 _count(s, "SELECT COUNT(*) FROM voucher"), found)
