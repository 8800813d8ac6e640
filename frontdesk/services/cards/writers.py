"""The card writers' bodies, each inside the caller's transaction (:mod:`.operations` opens it).

Each one locks what it changes in the README's order (the client, then the card),
looks for a replay of its key under that lock (:func:`~.ledger.replayed`: the same
operation returned, nothing written), checks everything, then books through
:func:`~.ledger.book` and audits. See :mod:`.operations` for the rules they keep.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.money import MAX_FEN, check_fen, format_fen
from frontdesk.core.permissions import Action, allowed
from frontdesk.core.validation import check_choice, check_text, is_whole
from frontdesk.errors import AuthError, ConflictError, DomainError, NotFound, ValidationError
from frontdesk.models import Client
from frontdesk.models.card import (
    CardKind,
    CardOperation,
    CardProduct,
    CardStatus,
    MemberCard,
    OperationKind,
    TopUpOffer,
)
from frontdesk.models.visit import PaymentMethod
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.charging import check_usable, lock_card
from frontdesk.services.cards.ledger import BOOKED, Movement, book, replayed
from frontdesk.services.cards.numbers import add_card, new_card_no
from frontdesk.services.cards.views import CardResult, card_view
from frontdesk.services.desk.approval import Approval, ApprovalRefused
from frontdesk.services.rows import locked_row
from frontdesk.services.staff.auth import check_password_in

REASON_MAX = 200
MONEY_METHODS = (PaymentMethod.CASH, PaymentMethod.BANK_CARD, PaymentMethod.WECHAT,
                 PaymentMethod.ALIPAY)
"""How money comes in or goes back at the desk (never a member card: no card pays a card)."""


def booked_here(s: Session, op: CardOperation) -> bool:
    """True when ``op`` was booked in this session (not found as a replay)."""
    return op.id in s.info.get(BOOKED, set())


def result(s: Session, actor: Actor, op: CardOperation, today: dt.date, *,
           replayed: bool) -> CardResult:
    """What a card operation returns: the operation and its card as it left it."""
    assert op.card_id is not None
    return CardResult(op.id, card_view(s, actor, op.card_id, today), replayed)


def audit_view(s: Session, now: dt.datetime, actor: Actor, card_id: int) -> None:
    audit.record(s, now, actor, AuditAction.CARD_HISTORY_VIEW, "member_card", card_id)


def audit_op(s: Session, actor: Actor, op: CardOperation, action: AuditAction, detail: str) -> None:
    audit.record(s, op.at, actor, action, "member_card", op.card_id, f"op={op.id} {detail}".strip())


def operation(actor: Actor, now: dt.datetime, key: str, kind: OperationKind,
              card: MemberCard | None, **fields: object) -> CardOperation:
    """A new operation by ``actor`` (on ``card``, for its owner, unless ``fields`` say)."""
    values: dict[str, object] = {"client_id": card.client_id if card else None,
                                 "card_id": card.id if card else None, **fields}
    return CardOperation(branch_id=actor.branch_id, idempotency_key=key, kind=kind, at=now,
                         staff_id=actor.staff_id, **values)


def replay_of(s: Session, key: str, kind: OperationKind) -> CardOperation | None:
    done = replayed(s, key)
    if done is not None and done.kind is not kind:
        raise ConflictError("This key was used for another operation.", field="key")
    return done


def check_method(value: object, field: str = "method") -> PaymentMethod:
    method = check_choice(PaymentMethod, value, field)
    if method not in MONEY_METHODS:
        raise ValidationError("Money for a card is paid in cash, by bank card, WeChat or Alipay.",
                              field=field)
    return method


def check_reason(value: object, field: str = "reason", *, required: bool = True) -> str:
    reason = check_text(value, REASON_MAX, field)
    if required and not reason:
        raise ValidationError("Give the reason.", field=field)
    return reason


def lock_client(s: Session, actor: Actor, client_id: object) -> Client:
    client = locked_row(s, Client, client_id)
    if client is None or client.branch_id != actor.branch_id:
        raise NotFound("No such client.", field="client_id")
    return client


def _offer(s: Session, product_id: int, offer_id: int | None,
           amount: int) -> tuple[int, int]:
    """``(paid, bonus)`` of a top-up of ``amount`` with the offer ``offer_id`` (if any)."""
    if offer_id is None:
        return amount, 0
    offer = s.get(TopUpOffer, offer_id) if isinstance(offer_id, int) else None
    if offer is None or offer.product_id != product_id or not offer.active:
        raise ValidationError("This top-up offer is not available for this card.",
                              field="offer_id")
    if amount not in (0, offer.pay_fen):
        raise ValidationError("This offer is for a top-up of exactly {amount}.",
                              field="amount_fen", amount=format_fen(offer.pay_fen))
    return offer.pay_fen, offer.bonus_fen


# -- issue and top-up ---------------------------------------------------------------------------

def issue(s: Session, actor: Actor, now: dt.datetime, key: str, *, client_id: int,
          product_id: int, card_no: str, method: object, amount_fen: int,
          offer_id: int | None) -> CardOperation:
    client = lock_client(s, actor, client_id)
    done = replay_of(s, key, OperationKind.ISSUE)
    if done is not None:
        return done
    product = s.get(CardProduct, product_id) if isinstance(product_id, int) else None
    if product is None or product.branch_id != actor.branch_id or not product.active:
        raise NotFound("No such card product.", field="product_id")
    amount = check_fen(amount_fen, "amount_fen")
    paid, bonus, money = _issue_money(s, product, amount, offer_id)
    pay_method = check_method(method) if money else None
    today = now.astimezone().date()
    card = MemberCard(branch_id=actor.branch_id, client_id=client.id, product_id=product.id,
                      card_no=new_card_no(s, card_no), status=CardStatus.ACTIVE, issued_at=now,
                      expires_on=today + dt.timedelta(days=product.validity_days)
                      if product.validity_days else None, paid_fen=0, bonus_fen=0, sessions=0)
    add_card(s, card)
    sessions = product.sessions if product.kind is CardKind.SESSION else 0
    moves = [Movement(card_id=card.id, paid_fen=paid, bonus_fen=bonus, sessions=sessions)]
    op = book(s, operation(actor, now, key, OperationKind.ISSUE, card, method=pay_method,
                            money_fen=money), moves if paid or bonus or sessions else [])
    audit_op(s, actor, op, AuditAction.CARD_ISSUE,
           f"card={card.card_no} money={format_fen(money)} sessions={sessions}")
    from frontdesk.services.cards.grading import assess_in
    from frontdesk.services.cards.referral import reward_referral_in

    reward_referral_in(s, actor, now, client.id, first_card=True)  # referred: her first card
    if paid:
        assess_in(s, now, actor, client.id, top_up_fen=paid)  # its first top-up
    return op


def _issue_money(s: Session, product: CardProduct, amount: int,
                 offer_id: int | None) -> tuple[int, int, int]:
    """``(paid, bonus, money received)`` when a card of ``product`` is issued."""
    if product.kind is CardKind.STORED_VALUE:
        paid, bonus = _offer(s, product.id, offer_id, amount)
        return paid, bonus, paid
    if amount not in (0, product.price_fen) or offer_id is not None:
        raise ValidationError("This card costs {price}.", field="amount_fen",
                              price=format_fen(product.price_fen))
    # A session card's price is paid money spent at once on its sessions: nothing
    # stays on the card as money, so nothing of it can be refunded as unused money.
    return 0, 0, product.price_fen


def top_up(s: Session, actor: Actor, now: dt.datetime, key: str, *, card_id: int,
           amount_fen: int, method: object, offer_id: int | None,
           reference: str) -> CardOperation:
    card = lock_owner_then_card(s, actor, card_id)
    done = replay_of(s, key, OperationKind.TOP_UP)
    if done is not None:
        return done
    amount = check_fen(amount_fen, "amount_fen")
    pay_method = check_method(method)
    check_usable(s, card, now.astimezone().date())
    kind = s.scalar(select(CardProduct.kind).where(CardProduct.id == card.product_id))
    if kind is not CardKind.STORED_VALUE:
        raise ValidationError("Only a stored-value card can be topped up.", field="card_id")
    paid, bonus = _offer(s, card.product_id, offer_id, amount)
    if paid == 0:
        raise ValidationError("Enter the amount to top up.", field="amount_fen")
    op = book(s, operation(actor, now, key, OperationKind.TOP_UP, card, method=pay_method,
                            money_fen=paid, reference=check_text(reference, 64, "reference")),
              [Movement(card_id=card.id, paid_fen=paid, bonus_fen=bonus)])
    audit_op(s, actor, op, AuditAction.CARD_TOP_UP,
           f"paid={format_fen(paid)} bonus={format_fen(bonus)} method={pay_method.value}")
    from frontdesk.services.cards.grading import assess_in

    assess_in(s, now, actor, card.client_id, top_up_fen=paid)  # a tier by one top-up
    return op


def lock_owner_then_card(s: Session, actor: Actor, card_id: object) -> MemberCard:
    """The card locked after its owner (the lock order: client → member card)."""
    from frontdesk.services.cards.views import require_card

    owner_id = require_card(s, actor, card_id).client_id
    lock_client(s, actor, owner_id)
    return lock_card(s, actor, card_id)


# -- money given back, corrections ----------------------------------------------------------------

class CardApprovalMissing(DomainError):
    template = "A manager's approval is needed for this."


def approve_money(s: Session, actor: Actor, approval: Approval | None,
                  now: dt.datetime) -> tuple[Actor, str]:
    """The approver on the spot and their reason; AuthError (the failed attempt to commit),
    ApprovalRefused for a role that may not approve card money."""
    if approval is None:
        raise CardApprovalMissing(field="approval")
    reason = check_reason(approval.reason, "approval.reason")
    approver = check_password_in(s, approval.username, approval.password, now)
    if approver.branch_id != actor.branch_id or not allowed(approver, Action.APPROVE_CARD_MONEY):
        raise ApprovalRefused(field="approval.username")
    return approver, reason


def lock_approved(s: Session, actor: Actor, card_id: object, approval: Approval | None,
                  now: dt.datetime) -> tuple[MemberCard, Actor, str] | AuthError:
    """The card, locked after its owner and the approver's sign-in on the spot (the name's
    advisory lock on PostgreSQL): client → approver → member card, the order check-out takes
    them in too, so a refund and a check-out approved by one manager never wait in a circle.
    AuthError (returned: the caller commits the failed attempt) for a wrong password."""
    from frontdesk.services.cards.views import require_card

    lock_client(s, actor, require_card(s, actor, card_id).client_id)
    try:
        approver, reason = approve_money(s, actor, approval, now)
    except AuthError as exc:
        return exc
    return lock_card(s, actor, card_id), approver, reason


def check_not_closed(s: Session, card: MemberCard) -> None:
    """Refuse a card that no longer holds anything (replaced or closed)."""
    if card.status in (CardStatus.REPLACED, CardStatus.CLOSED):
        check_usable(s, card, dt.date.min)


def refund(s: Session, actor: Actor, now: dt.datetime, key: str, *, card_id: int,
           amount_fen: int, method: object, reason: str,
           approval: Approval | None) -> CardOperation | AuthError:
    amount = check_fen(amount_fen, "amount_fen")
    pay_method, why = check_method(method), check_reason(reason)
    locked = lock_approved(s, actor, card_id, approval, now)
    if isinstance(locked, AuthError):
        return locked
    card, approver, _ = locked
    done = replay_of(s, key, OperationKind.REFUND)
    if done is not None:
        return done
    check_not_closed(s, card)
    if card.status is CardStatus.FROZEN:
        check_usable(s, card, dt.date.min)
    if not 0 < amount <= card.paid_fen:
        raise ValidationError("At most the unused paid money, {amount}, can be refunded.",
                              field="amount_fen", amount=format_fen(card.paid_fen))
    closing = amount == card.paid_fen
    bonus_off = card.bonus_fen if closing else card.bonus_fen * amount // card.paid_fen
    op = book(s, operation(actor, now, key, OperationKind.REFUND, card, method=pay_method,
                            money_fen=-amount, reason=why, approved_by_id=approver.staff_id),
              [Movement(card_id=card.id, paid_fen=-amount, bonus_fen=-bonus_off)])
    if closing:
        set_status(s, card, CardStatus.CLOSED)
    audit_op(s, actor, op, AuditAction.CARD_REFUND,
           f"paid={format_fen(amount)} bonus_written_off={format_fen(bonus_off)} "
           f"method={pay_method.value} approver={approver.username} closed={closing}")
    return op


def adjust(s: Session, actor: Actor, now: dt.datetime, key: str, *, card_id: int,
           deltas: tuple[int, int, int], reason: str,
           approval: Approval | None) -> CardOperation | AuthError:
    paid, bonus, sessions = (_check_delta(d, f) for d, f in
                             zip(deltas, ("paid_fen", "bonus_fen", "sessions"), strict=True))
    why = check_reason(reason)
    if not (paid or bonus or sessions):
        raise ValidationError("Enter the correction.", field="paid_fen")
    locked = lock_approved(s, actor, card_id, approval, now)
    if isinstance(locked, AuthError):
        return locked
    card, approver, _ = locked
    return book_adjustment(s, actor, now, key, card, approver, (paid, bonus, sessions), why)


def book_adjustment(s: Session, actor: Actor, now: dt.datetime, key: str, card: MemberCard,
                    approver: Actor, deltas: tuple[int, int, int], why: str) -> CardOperation:
    """Book a correction of the locked ``card`` that ``approver`` approved (checked by the
    caller), or find its replay; also a complaint's credit to the card's bonus balance."""
    paid, bonus, sessions = deltas
    done = replay_of(s, key, OperationKind.ADJUST)
    if done is not None:
        return done
    check_not_closed(s, card)
    op = book(s, operation(actor, now, key, OperationKind.ADJUST, card, reason=why,
                            approved_by_id=approver.staff_id),
              [Movement(card_id=card.id, paid_fen=paid, bonus_fen=bonus, sessions=sessions)])
    audit_op(s, actor, op, AuditAction.CARD_ADJUST,
           f"paid={paid} bonus={bonus} sessions={sessions} approver={approver.username}")
    return op


def _check_delta(value: object, field: str) -> int:
    if not is_whole(value) or abs(value) > MAX_FEN:
        raise ValidationError("A correction is a whole number.", field=field)
    return value


def set_status(s: Session, card: MemberCard, status: CardStatus, **columns: object) -> None:
    """Change a locked card's status (and ``columns``), bumping its version."""
    s.execute(update(MemberCard).where(MemberCard.id == card.id)
              .values(status=status, version=MemberCard.version + 1, **columns)
              .execution_options(synchronize_session=False))
    s.expire(card)
