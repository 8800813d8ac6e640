"""Vouchers (礼券) and points (积分): issued, used, voided, redeemed — through the ledger.

A voucher moves by an operation and an entry naming it (``voucher_id``), and its status
changes by one guarded UPDATE (``… WHERE id = :id AND status = 'open'``), so two
terminals can never both use it. Points are spent with a guarded movement of the
client's points account (:mod:`.ledger`): a redemption beyond the balance is refused.

Voucher codes are ``V`` and ten random digits: not guessable from another voucher's,
Code-128-safe, unique (checked).

Lock order: the client, then the voucher (the points account and the voucher come last,
after any card).
"""

from __future__ import annotations

import datetime as dt
import secrets

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.money import check_fen
from frontdesk.core.validation import check_choice, check_text
from frontdesk.errors import NotFound, ValidationError
from frontdesk.models.card import (
    CardOperation,
    OperationKind,
    PointsAccount,
    PointsReward,
    Voucher,
    VoucherKind,
    VoucherSource,
    VoucherStatus,
)
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.ledger import Movement, book
from frontdesk.services.cards.views import VoucherView, voucher_view
from frontdesk.services.cards.writers import check_reason, lock_client, operation, replay_of
from frontdesk.services.rows import get_row, locked_row

TITLE_MAX = 80


def new_code(s: Session) -> str:
    for _ in range(20):
        code = "V" + "".join(secrets.choice("0123456789") for _ in range(10))
        if s.scalar(select(Voucher.id).where(Voucher.code == code)) is None:
            return code
    raise RuntimeError("no free voucher code after many tries")


def points_of(s: Session, client_id: int) -> int:
    return s.scalar(select(PointsAccount.points).where(PointsAccount.client_id == client_id)) or 0


def voucher_of(s: Session, op: CardOperation) -> VoucherView | None:
    """The voucher an operation moved (its first voucher entry's), if any."""
    from frontdesk.models.card import CardEntry

    voucher_id = s.scalar(select(CardEntry.voucher_id).where(
        CardEntry.operation_id == op.id, CardEntry.voucher_id.is_not(None)).limit(1))
    voucher = s.get(Voucher, voucher_id) if voucher_id else None
    if voucher is not None:
        s.refresh(voucher)
    return voucher_view(voucher) if voucher else None


def _audit(s: Session, actor: Actor, op: CardOperation, action: AuditAction, entity_id: int,
           detail: str) -> None:
    audit.record(s, op.at, actor, action, "voucher", entity_id, f"op={op.id} {detail}".strip())


def issue_voucher(s: Session, actor: Actor, now: dt.datetime, key: str, *, client_id: int,
                  kind: object, title: str, value_fen: int, source: object,
                  expires_on: dt.date | None) -> CardOperation:
    client = lock_client(s, actor, client_id)
    done = replay_of(s, key, OperationKind.VOUCHER_ISSUE)
    if done is not None:
        return done
    voucher_kind = check_choice(VoucherKind, kind, "kind")
    voucher_source = check_choice(VoucherSource, source, "source")
    name = check_text(title, TITLE_MAX, "title")
    if not name:
        raise ValidationError("Give the voucher a title.", field="title")
    value = check_fen(value_fen, "value_fen")
    if expires_on is not None and (not isinstance(expires_on, dt.date)
                                   or expires_on < now.astimezone().date()):
        raise ValidationError("The expiry date is today or later.", field="expires_on")
    return _issue(s, actor, now, key, client.id, OperationKind.VOUCHER_ISSUE,
                  Voucher(branch_id=actor.branch_id, client_id=client.id, code=new_code(s),
                          kind=voucher_kind, title=name, value_fen=value, source=voucher_source,
                          status=VoucherStatus.OPEN, issued_at=now, expires_on=expires_on))


def _issue(s: Session, actor: Actor, now: dt.datetime, key: str, client_id: int,
           kind: OperationKind, voucher: Voucher, moves: tuple[Movement, ...] = (),
           reason: str = "") -> CardOperation:
    s.add(voucher)
    s.flush()
    op = book(s, operation(actor, now, key, kind, None, client_id=client_id, reason=reason),
              [*moves, Movement(client_id=client_id, voucher_id=voucher.id)])
    _audit(s, actor, op, AuditAction.CARD_VOUCHER_ISSUE, voucher.id,
           f"code={voucher.code} kind={voucher.kind.value} value={voucher.value_fen}")
    return op


def close_voucher(s: Session, actor: Actor, now: dt.datetime, key: str, *, voucher_id: int,
                  use: bool, reason: str, visit_id: int | None) -> CardOperation:
    """Use (核销) or void a voucher: one guarded UPDATE from OPEN; refused otherwise."""
    kind = OperationKind.VOUCHER_USE if use else OperationKind.VOUCHER_VOID
    found = get_row(s, Voucher, voucher_id)
    if found is None or found.branch_id != actor.branch_id:
        raise NotFound("No such voucher.", field="voucher_id")
    lock_client(s, actor, found.client_id)
    voucher = locked_row(s, Voucher, found.id)
    assert voucher is not None
    done = replay_of(s, key, kind)
    if done is not None:
        return done
    why = check_reason(reason, required=not use)
    _check_open(voucher, now.astimezone().date() if use else None)
    status = VoucherStatus.USED if use else VoucherStatus.VOID
    s.execute(update(Voucher).where(Voucher.id == voucher.id,
                                    Voucher.status == VoucherStatus.OPEN)
              .values(status=status, used_at=now if use else None, version=Voucher.version + 1)
              .execution_options(synchronize_session=False))
    s.expire(voucher)
    op = book(s, operation(actor, now, key, kind, None, client_id=voucher.client_id,
                           visit_id=visit_id, reason=why),
              [Movement(client_id=voucher.client_id, voucher_id=voucher.id)])
    _audit(s, actor, op, AuditAction.CARD_VOUCHER_USE if use else AuditAction.CARD_VOUCHER_VOID,
           voucher.id, f"reason={why}")
    return op


def _check_open(voucher: Voucher, today: dt.date | None) -> None:
    if voucher.status is VoucherStatus.USED:
        raise ValidationError("This voucher was used already.", field="voucher_id")
    if voucher.status is not VoucherStatus.OPEN:
        raise ValidationError("This voucher is void or expired.", field="voucher_id")
    if today is not None and voucher.expires_on is not None and voucher.expires_on < today:
        raise ValidationError("This voucher expired on {date}.", field="voucher_id",
                              date=voucher.expires_on.isoformat())


def redeem_points(s: Session, actor: Actor, now: dt.datetime, key: str, *, client_id: int,
                  reward_id: int) -> CardOperation:
    """积分兑换: the reward's points spent (guarded); a voucher issued when the reward is one,
    else a gift handed over at the desk (the operation names it)."""
    client = lock_client(s, actor, client_id)
    done = replay_of(s, key, OperationKind.POINTS_REDEEM)
    if done is not None:
        return done
    reward = get_row(s, PointsReward, reward_id)
    if reward is None or reward.branch_id != actor.branch_id or not reward.active:
        raise NotFound("No such reward.", field="reward_id")
    spend = Movement(client_id=client.id, points=-reward.points)
    if not reward.voucher_kind:
        op = book(s, operation(actor, now, key, OperationKind.POINTS_REDEEM, None,
                               client_id=client.id, reason=reward.name), [spend])
        _audit(s, actor, op, AuditAction.CARD_POINTS_REDEEM, reward.id,
               f"points={reward.points} gift={reward.name}")
        return op
    voucher = Voucher(branch_id=actor.branch_id, client_id=client.id, code=new_code(s),
                      kind=check_choice(VoucherKind, reward.voucher_kind, "reward_id"),
                      title=reward.name, value_fen=reward.voucher_value_fen,
                      source=VoucherSource.POINTS, status=VoucherStatus.OPEN, issued_at=now)
    op = _issue(s, actor, now, key, client.id, OperationKind.POINTS_REDEEM, voucher, (spend,),
                reward.name)
    _audit(s, actor, op, AuditAction.CARD_POINTS_REDEEM, voucher.id,
           f"points={reward.points} reward={reward.name}")
    return op
