"""A card's life: freeze and unfreeze (冻结/解冻), lost and replaced (挂失补卡), expiry and its
extension (有效期), family members (家庭卡). Inside the caller's transaction, like
:mod:`.writers`, whose helpers they use.

Expiry writes off only by an EXPIRE operation per card, listed in what
:func:`expire_due` returns: sessions always (a session card's sessions end with its
validity), money only when the store's rule says so (``expire_money``; by default
money on a stored-value card does not expire, as the prepaid-card rules require). The
key of a card's EXPIRE operation is made of the card's id and version, so the sweep run
twice (two terminals at opening) books each write-off once. :func:`extend` restores
every write-off expiry made that no extension restored yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.core.validation import check_text, is_whole
from frontdesk.errors import AuthError, ValidationError
from frontdesk.models import Client
from frontdesk.models.card import (
    CardEntry,
    CardHolder,
    CardOperation,
    CardStatus,
    MemberCard,
    OperationKind,
)
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.ledger import Movement, book, replayed
from frontdesk.services.cards.numbers import add_card, new_card_no
from frontdesk.services.cards.writers import (
    audit_op,
    check_not_closed,
    check_reason,
    lock_approved,
    lock_owner_then_card,
    operation,
    replay_of,
    set_status,
)
from frontdesk.services.desk.approval import Approval
from frontdesk.services.rows import locked_row

MAX_HOLDERS = 8
RELATION_MAX = 24


@dataclass(frozen=True)
class ExpiredCard:
    """What expiry wrote off one card (``expire_due`` lists them; never silent)."""

    operation_id: int
    card_id: int
    card_no: str
    client_id: int
    expires_on: dt.date
    paid_fen: int
    bonus_fen: int
    sessions: int


def set_frozen(s: Session, actor: Actor, now: dt.datetime, key: str, *, card_id: int,
               frozen: bool, reason: str) -> CardOperation:
    kind = OperationKind.FREEZE if frozen else OperationKind.UNFREEZE
    card = lock_owner_then_card(s, actor, card_id)
    done = replay_of(s, key, kind)
    if done is not None:
        return done
    why = check_reason(reason, required=False)
    check_not_closed(s, card)
    if frozen and card.status is CardStatus.FROZEN:
        raise ValidationError("The card is frozen already.", field="card_id")
    if not frozen and card.status is not CardStatus.FROZEN:
        raise ValidationError("The card is not frozen.", field="card_id")
    op = book(s, operation(actor, now, key, kind, card, reason=why), [])
    set_status(s, card, CardStatus.FROZEN if frozen else CardStatus.ACTIVE)
    audit_op(s, actor, op, AuditAction.CARD_FREEZE if frozen else AuditAction.CARD_UNFREEZE,
             f"reason={why}")
    return op


def replace(s: Session, actor: Actor, now: dt.datetime, key: str, *, card_id: int,
            card_no: str, reason: str) -> CardOperation:
    """The new card carries every balance, the holders and the expiry; the operation's card
    is the new one (the old one's history shows the move by its entries)."""
    old = lock_owner_then_card(s, actor, card_id)
    done = replay_of(s, key, OperationKind.REPLACE)
    if done is not None:
        return done
    why = check_reason(reason, required=False)
    check_not_closed(s, old)
    new = MemberCard(branch_id=old.branch_id, client_id=old.client_id, product_id=old.product_id,
                     card_no=new_card_no(s, card_no), status=CardStatus.ACTIVE,
                     issued_at=now, expires_on=old.expires_on, paid_fen=0, bonus_fen=0,
                     sessions=0, replaces_id=old.id)
    add_card(s, new)
    balances = (old.paid_fen, old.bonus_fen, old.sessions)
    moves = [Movement(card_id=old.id, paid_fen=-balances[0], bonus_fen=-balances[1],
                      sessions=-balances[2]),
             Movement(card_id=new.id, paid_fen=balances[0], bonus_fen=balances[1],
                      sessions=balances[2])]
    op = book(s, operation(actor, now, key, OperationKind.REPLACE, new, reason=why),
              moves if any(balances) else [])
    for h in s.scalars(select(CardHolder).where(CardHolder.card_id == old.id)).all():
        s.add(CardHolder(card_id=new.id, client_id=h.client_id, relation=h.relation,
                         added_at=now, added_by_id=actor.staff_id))
    set_status(s, old, CardStatus.REPLACED, replaced_by_id=new.id)
    audit_op(s, actor, op, AuditAction.CARD_REPLACE,
             f"old={old.card_no} new={new.card_no} paid={format_fen(balances[0])} "
             f"bonus={format_fen(balances[1])} sessions={balances[2]}")
    return op


def expire_due(s: Session, actor: Actor, now: dt.datetime, today: dt.date, *,
               expire_money: bool) -> list[ExpiredCard]:
    """Write off what cards that expired before ``today`` hold (see the module docstring)."""
    holding = MemberCard.sessions > 0
    if expire_money:
        holding = holding | (MemberCard.paid_fen > 0) | (MemberCard.bonus_fen > 0)
    due = s.scalars(select(MemberCard.id).where(
        MemberCard.branch_id == actor.branch_id, MemberCard.expires_on < today,
        MemberCard.status.in_([CardStatus.ACTIVE, CardStatus.FROZEN]), holding)
        .order_by(MemberCard.id)).all()
    return [gone for card_id in due
            if (gone := _expire_one(s, actor, now, today, card_id, expire_money)) is not None]


def _expire_one(s: Session, actor: Actor, now: dt.datetime, today: dt.date, card_id: int,
                expire_money: bool) -> ExpiredCard | None:
    card = locked_row(s, MemberCard, card_id)
    if card is None or card.expires_on is None or card.expires_on >= today \
            or card.status not in (CardStatus.ACTIVE, CardStatus.FROZEN):
        return None  # extended or closed meanwhile
    paid, bonus = (card.paid_fen, card.bonus_fen) if expire_money else (0, 0)
    if not (paid or bonus or card.sessions):
        return None
    key = f"expire:{card.id}:v{card.version}"
    if replayed(s, key) is not None:
        return None
    expires_on, sessions = card.expires_on, card.sessions
    op = book(s, operation(actor, now, key, OperationKind.EXPIRE, card,
                           reason=f"expired {expires_on.isoformat()}"),
              [Movement(card_id=card.id, paid_fen=-paid, bonus_fen=-bonus, sessions=-sessions)])
    audit_op(s, actor, op, AuditAction.CARD_EXPIRE,
             f"paid={format_fen(paid)} bonus={format_fen(bonus)} sessions={sessions}")
    return ExpiredCard(op.id, card.id, card.card_no, card.client_id, expires_on, paid, bonus,
                       sessions)


def extend(s: Session, actor: Actor, now: dt.datetime, key: str, *, card_id: int,
           until: dt.date | None, approval: Approval | None) -> CardOperation | AuthError:
    locked = lock_approved(s, actor, card_id, approval, now)
    if isinstance(locked, AuthError):
        return locked
    card, approver, why = locked
    done = replay_of(s, key, OperationKind.EXTEND)
    if done is not None:
        return done
    if until is not None and (not isinstance(until, dt.date) or until < now.astimezone().date()):
        raise ValidationError("The new expiry date is today or later.", field="until")
    check_not_closed(s, card)
    paid, bonus, sessions = _written_off(s, card.id)
    moves = [Movement(card_id=card.id, paid_fen=paid, bonus_fen=bonus, sessions=sessions)]
    op = book(s, operation(actor, now, key, OperationKind.EXTEND, card, reason=why,
                           approved_by_id=approver.staff_id),
              moves if paid or bonus or sessions else [])
    before = card.expires_on
    set_status(s, card, card.status, expires_on=until)
    audit_op(s, actor, op, AuditAction.CARD_EXTEND,
             f"from={before} to={until} restored_paid={paid} restored_bonus={bonus} "
             f"restored_sessions={sessions} approver={approver.username}")
    return op


def _written_off(s: Session, card_id: int) -> tuple[int, int, int]:
    """What expiry wrote off the card that no extension restored yet (as positive amounts)."""
    e = CardEntry
    row = s.execute(select(func.coalesce(func.sum(e.paid_fen), 0),
                           func.coalesce(func.sum(e.bonus_fen), 0),
                           func.coalesce(func.sum(e.sessions), 0))
                    .join(CardOperation, CardOperation.id == e.operation_id)
                    .where(e.card_id == card_id, CardOperation.kind.in_(
                        [OperationKind.EXPIRE, OperationKind.EXTEND]))).one()
    return -int(row[0]), -int(row[1]), -int(row[2])


def holder(s: Session, actor: Actor, now: dt.datetime, key: str, *, card_id: int,
           client_id: int, relation: str, add: bool) -> CardOperation:
    kind = OperationKind.HOLDER_ADD if add else OperationKind.HOLDER_REMOVE
    card = lock_owner_then_card(s, actor, card_id)
    done = replay_of(s, key, kind)
    if done is not None:
        return done
    check_not_closed(s, card)
    relation = check_text(relation, RELATION_MAX, "relation")
    member = s.get(Client, client_id) if is_whole(client_id) else None
    if member is None or member.branch_id != actor.branch_id:
        raise ValidationError("No such client.", field="client_id")
    existing = s.get(CardHolder, (card.id, member.id))
    if add:
        _check_new_holder(s, card, member.id, existing)
        s.add(CardHolder(card_id=card.id, client_id=member.id, relation=relation,
                         added_at=now, added_by_id=actor.staff_id))
    elif existing is None:
        raise ValidationError("This client is not a family member on the card.",
                              field="client_id")
    else:
        s.delete(existing)
    op = book(s, operation(actor, now, key, kind, card, client_id=member.id, reason=relation), [])
    audit_op(s, actor, op, AuditAction.CARD_HOLDER_ADD if add else AuditAction.CARD_HOLDER_REMOVE,
             f"client={member.id}")
    return op


def _check_new_holder(s: Session, card: MemberCard, client_id: int,
                      existing: CardHolder | None) -> None:
    if client_id == card.client_id:
        raise ValidationError("The owner holds the card already.", field="client_id")
    if existing is not None:
        raise ValidationError("This client is on the card already.", field="client_id")
    count = s.scalar(select(func.count()).select_from(CardHolder)
                     .where(CardHolder.card_id == card.id)) or 0
    if count >= MAX_HOLDERS:
        raise ValidationError("A card has at most {n} family members.", field="client_id",
                              n=MAX_HOLDERS)

