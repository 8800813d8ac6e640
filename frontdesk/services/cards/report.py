"""The day's closing report of member cards (日结 / 交班报表): what moved, and the totals.

For one branch and one local day (:func:`frontdesk.core.context.local_day_bounds`):
the operations of the day by kind (top-ups, charges, refunds, card sales, expiry,
corrections…), with the money that changed hands at the desk by payment method, the
paid, bonus, session and points movements, the vouchers issued, used and voided, and
the opening and closing totals of paid money, bonus money, sessions and points.

It reconciles to the fen: ``opening + the day's movements = closing``, where

- the day's movements are the sums of the day's ledger entries (``card_entry``);
- closing is the cached balances now (``member_card``, ``points_account``) minus the
  entries after the day, or, for a day nearer the ledger's start than its end, the
  entries up to the day's end (whichever side of the day holds less of the ledger);
- opening is closing minus the day's movements.

Both ways read only a slice of the ledger through ``ix_card_entry_branch_at``; the
cached balances equal the ledger sums (the ledger writes them in one transaction, and
``frontdesk check`` proves it, :mod:`frontdesk.services.cards.check`), so either way
gives the same totals. A card's entries are booked in its own branch, as are a
client's points in the branch of their points account (the check proves that too).

It reads in one read transaction (a snapshot: SQLite's read, PostgreSQL's REPEATABLE
READ), so a top-up committed meanwhile is either wholly in it or not at all, and it holds
no write lock while it reads. Seeing the store's card money is audited
(``card.report_view``, written after the read).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock, local_day_bounds
from frontdesk.core.permissions import Action, require
from frontdesk.db import Database, unit_of_work
from frontdesk.models.card import (
    CardEntry,
    CardOperation,
    MemberCard,
    OperationKind,
    PointsAccount,
    Voucher,
)
from frontdesk.models.visit import PaymentMethod
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.check import CheckReport, run_check

__all__ = ["Balances", "CardReportService", "ClosingReport", "KindLine", "MethodLine",
           "VoucherLine", "closing_report"]


@dataclass(frozen=True)
class Balances:
    """Totals of the cards' paid money, bonus money, sessions, and of the points accounts."""

    paid_fen: int = 0
    bonus_fen: int = 0
    sessions: int = 0
    points: int = 0

    def __add__(self, other: Balances) -> Balances:
        return Balances(self.paid_fen + other.paid_fen, self.bonus_fen + other.bonus_fen,
                        self.sessions + other.sessions, self.points + other.points)

    def __sub__(self, other: Balances) -> Balances:
        return Balances(self.paid_fen - other.paid_fen, self.bonus_fen - other.bonus_fen,
                        self.sessions - other.sessions, self.points - other.points)


ZERO = Balances()


@dataclass(frozen=True)
class KindLine:
    """The day's movements of one kind of operation (signed: a charge is negative)."""

    kind: OperationKind
    operations: int
    moved: Balances
    points_in: int
    """Points earned or given back (the positive deltas)."""
    points_out: int
    """Points spent or written off (the negative deltas, as a positive number)."""


@dataclass(frozen=True)
class MethodLine:
    """Money that changed hands at the desk for one kind of operation and payment method:
    received (+: a top-up, a card sold) or given back (−: a refund)."""

    kind: OperationKind
    method: PaymentMethod | None
    operations: int
    money_fen: int


@dataclass(frozen=True)
class VoucherLine:
    """Vouchers that moved in one kind of operation: how many, and their face value."""

    kind: OperationKind
    vouchers: int
    value_fen: int


L = TypeVar("L", MethodLine, VoucherLine)


@dataclass(frozen=True)
class ClosingReport:
    """One branch's card day: the totals at its start and end, and what moved in between."""

    branch_id: int
    day: dt.date
    starts_at: dt.datetime
    ends_at: dt.datetime
    made_at: dt.datetime
    opening: Balances
    closing: Balances
    lines: tuple[KindLine, ...]
    money: tuple[MethodLine, ...]
    vouchers: tuple[VoucherLine, ...]

    @property
    def movements(self) -> Balances:
        """The sum of the day's movements of every kind."""
        total = ZERO
        for line in self.lines:
            total += line.moved
        return total

    @property
    def reconciles(self) -> bool:
        """Opening + the day's movements = closing, to the fen, and no total below zero."""
        balances = (self.opening, self.closing)
        return self.opening + self.movements == self.closing and all(
            min(b.paid_fen, b.bonus_fen, b.sessions, b.points) >= 0 for b in balances)

    def line(self, kind: OperationKind) -> KindLine:
        """The day's line of ``kind`` (all zero when none happened)."""
        for line in self.lines:
            if line.kind is kind:
                return line
        return KindLine(kind, 0, ZERO, 0, 0)

    def money_by_method(self, *kinds: OperationKind) -> dict[PaymentMethod | None, int]:
        """Money received (+) or given back (−) by payment method, for ``kinds`` (all if none)."""
        by_method: dict[PaymentMethod | None, int] = {}
        for m in self.money:
            if m.money_fen and (not kinds or m.kind in kinds):
                by_method[m.method] = by_method.get(m.method, 0) + m.money_fen
        return by_method

    @property
    def top_ups(self) -> dict[PaymentMethod | None, int]:
        return self.money_by_method(OperationKind.TOP_UP)

    @property
    def refunds(self) -> dict[PaymentMethod | None, int]:
        """Money given back by method, as positive amounts."""
        return {m: -fen for m, fen in self.money_by_method(OperationKind.REFUND).items()}

    @property
    def card_sales(self) -> dict[PaymentMethod | None, int]:
        return self.money_by_method(OperationKind.ISSUE)

    @property
    def bonus_given(self) -> int:
        return self.line(OperationKind.TOP_UP).moved.bonus_fen

    @property
    def charged(self) -> Balances:
        """Spent at check-out, as positive amounts (paid, bonus, sessions; points not)."""
        moved = self.line(OperationKind.CHARGE).moved
        return Balances(-moved.paid_fen, -moved.bonus_fen, -moved.sessions, 0)

    @property
    def points_earned(self) -> int:
        return sum(line.points_in for line in self.lines)

    @property
    def points_redeemed(self) -> int:
        return sum(line.points_out for line in self.lines)


@unit_of_work
def closing_report(db: Database, clock: Clock, actor: Actor, day: dt.date) -> ClosingReport:
    """The closing report of ``actor``'s branch for the local ``day`` (audited)."""
    require(actor, Action.VIEW_CARDS)
    start, end = local_day_bounds(day)
    with db.read() as s:
        if not db.is_sqlite:  # every statement on one snapshot, as SQLite's read has
            s.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        report = _report(s, actor.branch_id, day, start, end, clock())
    with db.write() as s:
        audit.record(s, report.made_at, actor, AuditAction.CARD_REPORT_VIEW, "branch",
                     actor.branch_id, f"day={day.isoformat()}")
    return report


def _report(s: Session, branch_id: int, day: dt.date, start: dt.datetime, end: dt.datetime,
            now: dt.datetime) -> ClosingReport:
    lines = _kind_lines(s, branch_id, start, end)
    moved = ZERO
    for line in lines:
        moved += line.moved
    closing = _closing(s, branch_id, start, end)
    return ClosingReport(
        branch_id=branch_id, day=day, starts_at=start, ends_at=end, made_at=now,
        opening=closing - moved, closing=closing, lines=lines,
        money=_money(s, branch_id, start, end), vouchers=_vouchers(s, branch_id, start, end))


_ENTRY_SUMS = (func.coalesce(func.sum(CardEntry.paid_fen), 0),
               func.coalesce(func.sum(CardEntry.bonus_fen), 0),
               func.coalesce(func.sum(CardEntry.sessions), 0),
               func.coalesce(func.sum(CardEntry.points), 0))


def _balances(row: Sequence[Any]) -> Balances:
    return Balances(*(int(v) for v in row))


def _closing(s: Session, branch_id: int, start: dt.datetime, end: dt.datetime) -> Balances:
    """The totals at the day's end, from whichever side of the day holds less of the ledger."""
    in_branch = CardEntry.branch_id == branch_id
    # two statements: SQLite reads one end of the index for a lone MIN() or MAX() (both
    # together scan the branch's whole range)
    first = s.scalar(select(func.min(CardEntry.at)).where(in_branch))
    last = s.scalar(select(func.max(CardEntry.at)).where(in_branch))
    if first is not None and last is not None and end - first < last - start:
        return _balances(s.execute(select(*_ENTRY_SUMS).where(in_branch, CardEntry.at < end))
                         .one())
    cards = s.execute(select(func.coalesce(func.sum(MemberCard.paid_fen), 0),
                             func.coalesce(func.sum(MemberCard.bonus_fen), 0),
                             func.coalesce(func.sum(MemberCard.sessions), 0))
                      .where(MemberCard.branch_id == branch_id)).one()
    points = s.execute(select(func.coalesce(func.sum(PointsAccount.points), 0))
                       .where(PointsAccount.branch_id == branch_id)).scalar_one()
    after = _balances(s.execute(select(*_ENTRY_SUMS).where(in_branch, CardEntry.at >= end))
                      .one())
    return Balances(int(cards[0]), int(cards[1]), int(cards[2]), int(points)) - after


def _kind_lines(s: Session, branch_id: int, start: dt.datetime,
                end: dt.datetime) -> tuple[KindLine, ...]:
    """The day's entries summed by the kind of their operation, and the day's operations
    counted by kind (a freeze moves nothing but is counted)."""
    points_in = func.coalesce(func.sum(case((CardEntry.points > 0, CardEntry.points), else_=0)), 0)
    points_out = func.coalesce(func.sum(case((CardEntry.points < 0, -CardEntry.points),
                                             else_=0)), 0)
    sums = {kind: (Balances(int(p), int(b), int(se), int(pt)), int(pin), int(pout))
            for kind, p, b, se, pt, pin, pout in s.execute(
                select(CardOperation.kind, *_ENTRY_SUMS, points_in, points_out)
                .select_from(CardEntry)
                .join(CardOperation, CardOperation.id == CardEntry.operation_id)
                .where(CardEntry.branch_id == branch_id, CardEntry.at >= start,
                       CardEntry.at < end)
                .group_by(CardOperation.kind))}
    counts = dict(s.execute(
        select(CardOperation.kind, func.count(CardOperation.id))
        .where(CardOperation.branch_id == branch_id, CardOperation.at >= start,
               CardOperation.at < end)
        .group_by(CardOperation.kind)).all())
    return tuple(KindLine(kind, int(counts.get(kind, 0)), *sums.get(kind, (ZERO, 0, 0)))
                 for kind in OperationKind if kind in sums or kind in counts)


def _money(s: Session, branch_id: int, start: dt.datetime,
           end: dt.datetime) -> tuple[MethodLine, ...]:
    rows = s.execute(
        select(CardOperation.kind, CardOperation.method, func.count(CardOperation.id),
               func.coalesce(func.sum(CardOperation.money_fen), 0))
        .where(CardOperation.branch_id == branch_id, CardOperation.at >= start,
               CardOperation.at < end, CardOperation.money_fen != 0)
        .group_by(CardOperation.kind, CardOperation.method))
    return _sorted(MethodLine(kind, method, int(n), int(fen)) for kind, method, n, fen in rows)


def _vouchers(s: Session, branch_id: int, start: dt.datetime,
              end: dt.datetime) -> tuple[VoucherLine, ...]:
    rows = s.execute(
        select(CardOperation.kind, func.count(func.distinct(Voucher.id)),
               func.coalesce(func.sum(Voucher.value_fen), 0))
        .select_from(CardEntry)
        .join(CardOperation, CardOperation.id == CardEntry.operation_id)
        .join(Voucher, Voucher.id == CardEntry.voucher_id)
        .where(CardEntry.branch_id == branch_id, CardEntry.at >= start, CardEntry.at < end)
        .group_by(CardOperation.kind))
    return _sorted(VoucherLine(kind, int(n), int(fen)) for kind, n, fen in rows)


def _sorted(lines: Iterable[L]) -> tuple[L, ...]:
    order = list(OperationKind)
    return tuple(sorted(lines, key=lambda line: (
        order.index(line.kind), getattr(getattr(line, "method", None), "value", ""))))


class CardReportService:
    """What a manager runs to trust the card money: the closing report and the check."""

    def __init__(self, db: Database, clock: Clock) -> None:
        self._db = db
        self._clock = clock

    def closing(self, actor: Actor, day: dt.date) -> ClosingReport:
        """The closing report of ``actor``'s branch for the local ``day`` (audited)."""
        return closing_report(self._db, self._clock, actor, day)

    def check(self, actor: Actor) -> CheckReport:
        """The consistency check of the whole database (audited; a manager's)."""
        return run_check(self._db, self._clock, actor)
