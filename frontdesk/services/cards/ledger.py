"""The cards' ledger: the one way money, sessions, points and vouchers move.

Every writer of the cards capability (top-ups, charges at check-out, refunds,
expiry, points, vouchers…) books through :func:`book`:

1. it inserts the :class:`~frontdesk.models.card.CardOperation`, whose unique
   idempotency key is the last guard against booking one business event twice
   (a replay is found first by :func:`replayed`, under the card's row lock);
2. it applies each :class:`Movement` to the cached balance with ONE guarded
   statement, ``UPDATE member_card SET paid_fen = paid_fen + :d, …, version =
   version + 1 WHERE id = :id AND paid_fen + :d >= 0 AND …`` (the same for
   ``points_account``, made on a client's first points), so a balance can never be
   overspent, not even by two terminals at once: the second statement waits for the
   first's row lock, then sees its result. When the guard fails it raises
   :class:`InsufficientBalance` (naming what is short) and the caller's transaction
   is rolled back whole;
3. it inserts the :class:`~frontdesk.models.card.CardEntry` rows (signed deltas),
   so the cached balances always equal the sums of the entries.

Lock order (the README's "Concurrency"): after client → … → room come the member
cards (lower id first), then the points account, then the voucher. :func:`book`
applies the movements in that order whatever order they are given in.

The spend proportion (:func:`split_charge`): a charge of money spends paid and bonus
money in proportion to the card's balances, in whole fen: ``from_bonus = amount ×
bonus ÷ (paid + bonus)``, rounded down, and ``from_paid`` the rest (so the remainder
fen comes from paid money). A card of ¥1,000 paid and ¥200 bonus charged ¥100 spends
¥83.34 of paid and ¥16.66 of bonus. The proportion keeps the share of bonus on the card
constant, so a client cannot spend the bonus first and then have all the paid money
refunded, nor be refused a refund of what they paid.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, and_, literal, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from frontdesk.core.money import format_fen
from frontdesk.core.validation import check_characters
from frontdesk.errors import ConflictError, DomainError, NotFound, ValidationError
from frontdesk.models.card import CardEntry, CardOperation, MemberCard, PointsAccount

KEY_MAX = 64
"""An idempotency key a screen gives is 1 to 64 characters."""
KEY_COLUMN_MAX = 80
"""What the column holds: a caller inside another action (check-out) may prefix its own key."""

BOOKED = "frontdesk.cards.booked"
"""``session.info`` key: the ids of the operations booked in this session (not replays)."""
_CARD: Table = MemberCard.__table__  # type: ignore[assignment]
_POINTS: Table = PointsAccount.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class Movement:
    """One signed movement of an operation: of a card's money and sessions (``card_id``),
    of a client's points (``client_id`` without ``card_id``), or of a voucher
    (``voucher_id``: an entry only; the voucher's status is changed by its writer)."""

    card_id: int | None = None
    client_id: int | None = None
    voucher_id: int | None = None
    paid_fen: int = 0
    bonus_fen: int = 0
    sessions: int = 0
    points: int = 0
    service_item_id: int | None = None


class InsufficientBalance(DomainError):
    """A movement would take a balance below zero; nothing was booked."""

    template = "Not enough left on card {card_no}: {available} there, {needed} needed."

    def __init__(self, template: str | None = None, *, field: str | None = "amount_fen",
                 **params: object) -> None:
        super().__init__(template, field=field, **params)


class NotEnoughSessions(InsufficientBalance):
    template = "Not enough sessions left on card {card_no}: {available} there, {needed} needed."


class NotEnoughPoints(InsufficientBalance):
    template = "Not enough points: {available} there, {needed} needed."


class DuplicateOperation(ConflictError):
    """Another transaction booked the same idempotency key meanwhile (the unique key's guard)."""

    template = "This operation was booked meanwhile by another terminal."


def check_key(key: object, limit: int = KEY_MAX) -> str:
    """An idempotency key of 1 to ``limit`` characters, else ValidationError."""
    text = check_characters(key, "key").strip() if isinstance(key, str) else ""
    if not text or len(text) > min(limit, KEY_COLUMN_MAX):
        raise ValidationError("An operation needs an idempotency key of 1 to {n} characters.",
                              field="key", n=min(limit, KEY_COLUMN_MAX))
    return text


def replayed(s: Session, key: str) -> CardOperation | None:
    """The operation already booked with ``key``, or None."""
    return s.scalar(select(CardOperation).where(CardOperation.idempotency_key == key))


def split_charge(paid: int, bonus: int, amount: int) -> tuple[int, int]:
    """``(from_paid, from_bonus)`` of a charge of ``amount`` fen (see the module docstring).

    Raises ValueError when the amount is negative or more than ``paid + bonus`` (callers
    check the balance first and refuse with :class:`InsufficientBalance`).
    """
    if min(paid, bonus, amount) < 0 or amount > paid + bonus:
        raise ValueError(f"cannot split {amount} over {paid} paid and {bonus} bonus")
    if amount == 0:
        return 0, 0
    from_bonus = amount * bonus // (paid + bonus)
    return amount - from_bonus, from_bonus


def book(s: Session, operation: CardOperation, movements: Iterable[Movement]) -> CardOperation:
    """Insert ``operation``, apply ``movements`` to the balances (guarded) and insert their
    entries; returns the operation (flushed, with its id).

    Raises :class:`InsufficientBalance` when a balance would go below zero,
    :class:`DuplicateOperation` when the key was booked meanwhile, NotFound for an unknown
    card. The caller rolls the transaction back on any of them (a unit of work does).
    """
    s.add(operation)
    try:
        s.flush()
    except IntegrityError as exc:
        if "idempotency_key" in str(exc.orig):
            raise DuplicateOperation(field="key") from exc
        raise
    s.info.setdefault(BOOKED, set()).add(operation.id)
    entries = [_apply(s, operation, m) for m in sorted(movements, key=_lock_order)]
    s.add_all(entries)
    s.flush()
    return operation


def _lock_order(m: Movement) -> tuple[int, int]:
    if m.card_id is not None:
        return 0, m.card_id
    if m.points:
        return 1, m.client_id or 0
    return 2, m.voucher_id or 0


def _apply(s: Session, op: CardOperation, m: Movement) -> CardEntry:
    client_id = m.client_id
    if m.card_id is not None:
        client_id = _move_card(s, m)
    elif m.points:
        if client_id is None:
            raise ValueError("a points movement needs a client_id")
        _move_points(s, client_id, op.branch_id, m.points)
    return CardEntry(operation_id=op.id, branch_id=op.branch_id, at=op.at, card_id=m.card_id,
                     client_id=client_id, voucher_id=m.voucher_id, paid_fen=m.paid_fen,
                     bonus_fen=m.bonus_fen, sessions=m.sessions, points=m.points,
                     service_item_id=m.service_item_id)


def _move_card(s: Session, m: Movement) -> int:
    """Apply a card movement with one guarded UPDATE; the card owner's id."""
    deltas = {"paid_fen": m.paid_fen, "bonus_fen": m.bonus_fen, "sessions": m.sessions}
    guards = [_CARD.c[name] + literal(d) >= 0 for name, d in deltas.items() if d < 0]
    values = {name: _CARD.c[name] + literal(d) for name, d in deltas.items() if d}
    owner = s.execute(update(_CARD).where(and_(_CARD.c.id == m.card_id, *guards))
                      .values(**values, version=_CARD.c.version + 1)
                      .returning(_CARD.c.client_id)).scalar()
    if owner is None:
        raise _card_short(s, m)
    _expire(s, MemberCard, m.card_id, ("paid_fen", "bonus_fen", "sessions", "version"))
    return int(owner)


def _card_short(s: Session, m: Movement) -> DomainError:
    card = s.execute(select(_CARD.c.card_no, _CARD.c.paid_fen, _CARD.c.bonus_fen,
                            _CARD.c.sessions).where(_CARD.c.id == m.card_id)).first()
    if card is None:
        return NotFound("No such member card.", field="card_id")
    return short_of(tuple(card), m)


def short_of(card: tuple[str, int, int, int], m: Movement) -> InsufficientBalance:
    """The refusal for ``m`` against the card's balances (card_no, paid, bonus, sessions)."""
    card_no, paid, bonus, sessions = card
    if sessions + m.sessions < 0:
        return NotEnoughSessions(card_no=card_no, available=sessions, needed=-m.sessions,
                                 field="sessions")
    if bonus + m.bonus_fen < 0 and paid + m.paid_fen >= 0:
        return InsufficientBalance(card_no=card_no, available=format_fen(bonus),
                                   needed=format_fen(-m.bonus_fen))
    return InsufficientBalance(card_no=card_no, available=format_fen(paid + max(bonus, 0)),
                               needed=format_fen(-(m.paid_fen + min(m.bonus_fen, 0))))


def _move_points(s: Session, client_id: int, branch_id: int, delta: int) -> None:
    if delta > 0:
        _ensure_account(s, client_id, branch_id)
    done = s.execute(update(_POINTS)
                     .where(_POINTS.c.client_id == client_id,
                            _POINTS.c.points + literal(delta) >= 0)
                     .values(points=_POINTS.c.points + literal(delta),
                             version=_POINTS.c.version + 1)
                     .returning(_POINTS.c.client_id)).scalar()
    if done is None:
        available = s.scalar(select(_POINTS.c.points).where(_POINTS.c.client_id == client_id))
        raise NotEnoughPoints(available=available or 0, needed=-delta, field="points")
    _expire(s, PointsAccount, client_id, ("points", "version"))


def _ensure_account(s: Session, client_id: int, branch_id: int) -> None:
    """The client's points account, made empty if there is none (no race: ON CONFLICT)."""
    from sqlalchemy.dialects import postgresql, sqlite

    dialect = postgresql if s.get_bind().dialect.name == "postgresql" else sqlite
    s.execute(dialect.insert(_POINTS)
              .values(client_id=client_id, branch_id=branch_id, points=0, version=1)
              .on_conflict_do_nothing(index_elements=["client_id"]))


def _expire(s: Session, model: type, row_id: object, names: Sequence[str]) -> None:
    """Forget the cached columns of a row the session holds, changed behind its back."""
    key: Any = identity_key(model, row_id)
    if key in s.identity_map:
        s.expire(s.identity_map[key], list(names))
