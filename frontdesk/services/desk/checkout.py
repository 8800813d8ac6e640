"""Check-out (结账): what was consumed, how it was paid, and the receipt; booked exactly once.

Every input is checked before anything is written: quantities of 1 or more,
prices and discounts in whole fen of 0 or more, a discount no larger than its
line, payments that add up to the total exactly (no change is given here), and
upper bounds a real salon never reaches but a typing slip or an attack does
(:data:`MAX_LINES`, :data:`MAX_PAYMENTS`, :data:`MAX_QUANTITY`,
:data:`MAX_UNIT_PRICE_FEN`, :data:`MAX_TOTAL_FEN`). The lines, payments, the
visit's total and status, the client's last visit, the audit rows and the
idempotency key are written in one transaction.

Money that leaves without payment (a price below the catalogue's, a discount
over the store's limit, a total of zero) needs a manager's approval on the spot
(:mod:`frontdesk.services.desk.approval`): without it the check-out is refused
with :class:`ApprovalMissing`, which says what needs approval, and nothing is
written; a wrong approver password books nothing but counts towards lock-out.

The same idempotency key twice (a double-click, a retry) books once and returns
the same receipt: the visit row is locked (after its client's, the lock order of
the README's "Concurrency"), then the key is looked up, so a concurrent retry
waits for the first and then finds its key; the key's unique constraint is the
last guard. The whole check-out is one :func:`~frontdesk.db.unit_of_work`: when
PostgreSQL undoes it (a deadlock, a connection lost before COMMIT) it runs again
from the start, with nothing of the undone run left to book twice.

The client's last visit is a derived field: one UPDATE of that column alone,
which moves it forward only and never counts as an edit of the client (a profile
save on another terminal neither conflicts with it nor makes it fail). A replay
writes nothing, so it needs no approval.

Once the visit is closed, a :class:`~frontdesk.services.desk.visit_closed.VisitClosed` hook
derives what it must from it in the same transaction (the care engine's per-client figures).

Member-card payments go to a :class:`~frontdesk.services.desk.card_payments.CardCharger`,
inside the check-out's transaction: it quotes the member's tier discount on the
service lines when a stored-value card pays (added to the lines' discount, never
counted as the desk's discount that needs approval; :meth:`CheckoutService.quote`
shows it before paying), books the card payments and the points the check-out earns.
Until the cards capability passes its own, :data:`NO_MEMBER_CARDS` refuses them.

Each line is credited to who did it (``staff_id``: an active beautician of the
store, :mod:`frontdesk.services.desk.staffing`); a line sent without one goes to
the visit's lead beautician when it is a service, to nobody when it is a product.

The receipt is plain data (:class:`Receipt`): the screens word it in their
language and lay it out for the receipt printer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock, local_today
from frontdesk.core.money import check_fen, format_fen
from frontdesk.core.permissions import Action, require
from frontdesk.core.validation import check_characters, check_text, is_whole
from frontdesk.db import Database, locking, unit_of_work
from frontdesk.errors import AuthError, ConflictError, NotFound, ValidationError
from frontdesk.models import (
    Branch,
    Client,
    ConsumptionLine,
    LineKind,
    Payment,
    PaymentMethod,
    Product,
    Room,
    ServiceItem,
    Staff,
    Visit,
    VisitStatus,
)
from frontdesk.models.appointment import CheckoutKey, PlannedService
from frontdesk.models.client import ClientSearchKey, visit_seconds
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.desk.approval import (
    Approval,
    ApprovalMissing,
    PricedLine,
    approve,
    check_reason,
    needs_of,
    record_approval,
)
from frontdesk.services.desk.card_payments import (
    NO_MEMBER_CARDS,
    CardCharger,
    CardPayment,
    CardSettlement,
    ServiceLine,
    UsableCard,
)
from frontdesk.services.desk.staffing import (
    ServingStaffNotFound,
    StaffRef,
    serving_staff,
    visit_staff,
)
from frontdesk.services.desk.visit_closed import NOTHING_AFTER_CLOSE, VisitClosed
from frontdesk.services.desk.visits import finish_room
from frontdesk.services.rows import check_row_id, fits, get_row, locked_row
from frontdesk.services.store.catalog import ServiceItemRow, service_item_row
from frontdesk.services.store.setup import discount_limit_percent_in

MAX_LINES = 50
MAX_PAYMENTS = 10
MAX_QUANTITY = 99
MAX_UNIT_PRICE_FEN = 50_000_000
"""¥500,000.00 for one unit: more is a typing slip (a price is checked again as charged)."""
MAX_TOTAL_FEN = 100_000_000
"""¥1,000,000.00 for one check-out."""
KEY_MAX = 64


@dataclass(frozen=True)
class LineInput:
    kind: LineKind | str
    item_id: int
    quantity: int = 1
    unit_price_fen: int | None = None
    """None: the catalog price."""
    discount_fen: int = 0
    """Off the whole line (not per unit)."""
    staff_id: int | None = None
    """Who did it; None: the visit's lead beautician for a service, nobody for a product."""


@dataclass(frozen=True)
class PaymentInput:
    method: PaymentMethod | str
    amount_fen: int
    reference: str = ""
    """A transaction number from the terminal or the app, if any."""


@dataclass(frozen=True)
class ReceiptLine:
    kind: LineKind
    description: str
    quantity: int
    unit_price_fen: int
    discount_fen: int
    amount_fen: int
    staff_name: str = ""
    """Who the line is credited to ("" for nobody)."""


@dataclass(frozen=True)
class ReceiptPayment:
    method: PaymentMethod
    amount_fen: int
    reference: str


@dataclass(frozen=True)
class Receipt:
    store_name: str
    visit_id: int
    client_name: str
    closed_at: dt.datetime
    cashier: str
    lines: tuple[ReceiptLine, ...]
    total_fen: int
    payments: tuple[ReceiptPayment, ...]


@dataclass(frozen=True)
class _Line:
    index: int
    kind: LineKind
    item_id: int
    quantity: int
    unit_price_fen: int | None
    discount_fen: int
    staff_id: int | None = None


@dataclass(frozen=True)
class _Priced:
    line: _Line
    description: str
    catalogue_fen: int
    unit_price_fen: int
    amount_fen: int
    staff_id: int | None = None
    member_discount_fen: int = 0
    """The member's tier discount (a right, not the desk's discount: no approval)."""

    def for_approval(self) -> PricedLine:
        """The desk's own discount against the line's gross; the member's is not counted."""
        gross = self.amount_fen + self.line.discount_fen + self.member_discount_fen
        return PricedLine(self.line.index + 1, self.catalogue_fen, self.unit_price_fen,
                          gross, self.line.discount_fen)

    def service_line(self) -> ServiceLine | None:
        if self.line.kind is not LineKind.SERVICE:
            return None
        return ServiceLine(self.line.index, self.line.item_id, self.line.quantity,
                           self.amount_fen)


def _check_key(key: str) -> str:
    key = check_characters(key, "idempotency_key").strip() if isinstance(key, str) else ""
    if not key or len(key) > KEY_MAX:
        raise ValidationError("A check-out needs an idempotency key of 1 to {n} characters.",
                              field="idempotency_key", n=KEY_MAX)
    return key


def _check_counts(lines: Sequence[LineInput], payments: Sequence[PaymentInput]) -> None:
    if len(lines) > MAX_LINES:
        raise ValidationError("A check-out has at most {n} lines.", field="lines", n=MAX_LINES)
    if len(payments) > MAX_PAYMENTS:
        raise ValidationError("A check-out has at most {n} payments.", field="payments",
                              n=MAX_PAYMENTS)


def _check_unit_price(unit: int, index: int) -> int:
    if unit > MAX_UNIT_PRICE_FEN:
        raise ValidationError("Line {line}: a unit price is at most {max}.",
                              field=f"lines.{index}.unit_price_fen", line=index + 1,
                              max=format_fen(MAX_UNIT_PRICE_FEN))
    return unit


def _check_line(line: LineInput, index: int) -> _Line:
    field = f"lines.{index}"
    try:
        kind = LineKind(line.kind)
    except ValueError:
        raise ValidationError("Line {line}: choose a service or a product.",
                              field=f"{field}.kind", line=index + 1) from None
    if not is_whole(line.item_id):
        raise ValidationError("Line {line}: pick the item from the list.",
                              field=f"{field}.item_id", line=index + 1)
    qty = line.quantity
    if not is_whole(qty) or not 1 <= qty <= MAX_QUANTITY:
        raise ValidationError("Line {line}: the quantity is a whole number from 1 to {n}.",
                              field=f"{field}.quantity", line=index + 1, n=MAX_QUANTITY)
    unit = (None if line.unit_price_fen is None
            else _check_unit_price(check_fen(line.unit_price_fen, f"{field}.unit_price_fen"),
                                   index))
    if line.staff_id is not None and not is_whole(line.staff_id):
        raise ValidationError("Line {line}: pick who did it from the list.",
                              field=f"{field}.staff_id", line=index + 1)
    return _Line(index, kind, line.item_id, qty, unit,
                 check_fen(line.discount_fen, f"{field}.discount_fen"), line.staff_id)


def _check_payment(payment: PaymentInput, index: int) -> PaymentInput:
    field = f"payments.{index}"
    try:
        method = PaymentMethod(payment.method)
    except ValueError:
        raise ValidationError("Payment {n}: choose how it is paid.", field=f"{field}.method",
                              n=index + 1) from None
    amount = check_fen(payment.amount_fen, f"{field}.amount_fen")
    if not 0 < amount <= MAX_TOTAL_FEN:
        raise ValidationError("Payment {n}: enter an amount above zero and at most {max}.",
                              field=f"{field}.amount_fen", n=index + 1,
                              max=format_fen(MAX_TOTAL_FEN))
    reference = check_text(payment.reference, 64, f"{field}.reference")
    return PaymentInput(method, amount, reference)


def _credited(s: Session, visit: Visit, line: _Line) -> int | None:
    """Who the line goes to: the one chosen, checked, or the visit's default."""
    if line.staff_id is None:
        return visit.therapist_id if line.kind is LineKind.SERVICE else None
    field = f"lines.{line.index}.staff_id"
    try:
        return serving_staff(s, visit.branch_id, line.staff_id, field).id
    except ServingStaffNotFound:
        raise ServingStaffNotFound("Line {line}: credit it to an active beautician of this store.",
                              field=field, line=line.index + 1) from None


def _price(s: Session, branch_id: int, line: _Line) -> _Priced:
    item: ServiceItem | Product | None = (
        get_row(s, ServiceItem, line.item_id) if line.kind is LineKind.SERVICE
        else get_row(s, Product, line.item_id))
    if item is None or item.branch_id != branch_id or not item.active:
        raise NotFound("Line {line}: this item is not in the catalog.",
                       field=f"lines.{line.index}.item_id", line=line.index + 1)
    unit = _check_unit_price(
        item.price_fen if line.unit_price_fen is None else line.unit_price_fen, line.index)
    gross = line.quantity * unit
    if line.discount_fen > gross:
        raise ValidationError("Line {line}: the discount is more than the line's {gross}.",
                              field=f"lines.{line.index}.discount_fen", line=line.index + 1,
                              gross=format_fen(gross))
    return _Priced(line, item.name[:120], item.price_fen, unit, gross - line.discount_fen)


def _refuse_unpayable(visit: Visit) -> None:
    if visit.status is VisitStatus.CLOSED:
        raise ConflictError("This visit is checked out already.", field="visit_id")
    if visit.status is VisitStatus.CANCELLED:
        raise ConflictError("This visit was cancelled.", field="visit_id")
    if visit.status is VisitStatus.WAITING:
        raise ConflictError("The service has not started: start it, or cancel the visit.",
                            field="visit_id")


def _check_total(payments: Sequence[PaymentInput], priced: Sequence[_Priced]) -> int:
    """The check-out's total, once it is within bounds and paid exactly."""
    total = sum(p.amount_fen for p in priced)
    if total > MAX_TOTAL_FEN:
        raise ValidationError("The total may be at most {max}; this one is {total}.",
                              field="total", max=format_fen(MAX_TOTAL_FEN),
                              total=format_fen(total))
    paid = sum(p.amount_fen for p in payments)
    if paid != total:
        raise ValidationError("The payments add up to {paid}; the total is {total}.",
                              field="payments", paid=format_fen(paid), total=format_fen(total))
    return total


@dataclass(frozen=True)
class QuotedLine:
    amount_fen: int
    """What the line costs, after the desk's discount and the member's."""
    member_discount_fen: int


@dataclass(frozen=True)
class Quote:
    """What a check-out would cost with these lines and cards, before anything is paid."""

    lines: tuple[QuotedLine, ...]
    total_fen: int


def _card_references(payments: Sequence[PaymentInput]) -> list[str]:
    return [p.reference for p in payments if PaymentMethod(p.method) is PaymentMethod.MEMBER_CARD]


class CheckoutService:
    def __init__(self, db: Database, clock: Clock, *,
                 member_cards: CardCharger = NO_MEMBER_CARDS,
                 visit_closed: VisitClosed = NOTHING_AFTER_CLOSE):
        self._db = db
        self._clock = clock
        self._member_cards = member_cards
        self._visit_closed = visit_closed

    @unit_of_work
    def check_out(self, actor: Actor, visit_id: int, lines: Sequence[LineInput],
                  payments: Sequence[PaymentInput], idempotency_key: str, *,
                  approval: Approval | None = None) -> Receipt:
        """Close a visit with its lines and payments; the same key again, the same receipt.

        ``approval`` is a manager's, for a check-out that needs one: without it such a
        check-out raises :class:`ApprovalMissing`, saying what needs approval.
        """
        require(actor, Action.CHECK_OUT)
        key = _check_key(idempotency_key)
        _check_counts(lines, payments)
        wanted = [_check_line(line, i) for i, line in enumerate(lines)]
        paid = [_check_payment(p, i) for i, p in enumerate(payments)]
        try:
            with self._db.write() as s:
                outcome = self._close(s, actor, visit_id, wanted, paid, key, approval)
        except IntegrityError:
            with self._db.read() as s:  # lost a race with the same key: the winner's receipt
                done = s.get(CheckoutKey, key)
                if done is None:
                    raise
                return _replay(s, done, visit_id)
        if isinstance(outcome, AuthError):
            raise outcome  # a wrong approver password: only the failed attempt was committed
        return outcome

    @unit_of_work
    def quote(self, actor: Actor, visit_id: int, lines: Sequence[LineInput],
              card_references: Sequence[str] = ()) -> Quote:
        """The lines' amounts and total when these cards (numbers) pay: the member's tier
        discount shows before paying, as the check-out will book it."""
        require(actor, Action.CHECK_OUT)
        _check_counts(lines, ())
        wanted = [_check_line(line, i) for i, line in enumerate(lines)]
        references = [check_text(r, 64, "payments.reference") for r in card_references]
        with self._db.read() as s:
            visit = self._visit(s, actor, visit_id)
            priced = self._member_priced(s, actor, visit.client_id, references,
                                         [_price(s, actor.branch_id, line) for line in wanted])
        return Quote(tuple(QuotedLine(p.amount_fen, p.member_discount_fen) for p in priced),
                     sum(p.amount_fen for p in priced))

    @unit_of_work
    def usable_cards(self, actor: Actor, visit_id: int) -> tuple[UsableCard, ...]:
        """The member cards the visit's client may pay with now (own and shared)."""
        require(actor, Action.CHECK_OUT)
        with self._db.read() as s:
            visit = self._visit(s, actor, visit_id)
            return self._member_cards.usable_cards(s, actor, visit.client_id,
                                                   local_today(self._clock))

    @staticmethod
    def _visit(s: Session, actor: Actor, visit_id: int) -> Visit:
        visit = get_row(s, Visit, visit_id)
        if visit is None or visit.branch_id != actor.branch_id:
            raise NotFound("No visit with number {id}.", field="visit_id", id=visit_id)
        return visit

    def _member_priced(self, s: Session, actor: Actor, client_id: int,
                       references: Sequence[str], priced: list[_Priced]) -> list[_Priced]:
        """The lines with the member's tier discount taken off (none without a card)."""
        if not references:
            return priced
        lines = [line for line in (p.service_line() for p in priced) if line is not None]
        off = self._member_cards.member_discounts(s, actor, client_id, references, lines,
                                                  local_today(self._clock))
        by_index = {line.index: min(d, line.amount_fen) for line, d in zip(lines, off,
                                                                           strict=True)}
        return [replace(p, amount_fen=p.amount_fen - by_index.get(p.line.index, 0),
                        member_discount_fen=by_index.get(p.line.index, 0)) for p in priced]

    @unit_of_work
    def receipt(self, actor: Actor, visit_id: int) -> Receipt:
        """The receipt of a checked-out visit (to print again)."""
        require(actor, Action.CHECK_OUT)
        with self._db.read() as s:
            visit = get_row(s, Visit, visit_id)
            if visit is None or visit.branch_id != actor.branch_id \
                    or visit.status is not VisitStatus.CLOSED:
                raise NotFound("No checked-out visit with number {id}.", field="visit_id",
                               id=visit_id)
            return build_receipt(s, visit_id)

    @unit_of_work
    def planned_services(self, actor: Actor, visit_id: int) -> list[ServiceItemRow]:
        """The services planned at check-in, in order: the check-out's first lines."""
        require(actor, Action.CHECK_OUT)
        check_row_id(Visit, visit_id, "visit_id")
        with self._db.read() as s:
            items = s.scalars(
                select(ServiceItem)
                .join(PlannedService, PlannedService.service_item_id == ServiceItem.id)
                .join(Visit, Visit.id == PlannedService.visit_id)
                .where(PlannedService.visit_id == visit_id, Visit.branch_id == actor.branch_id)
                .order_by(PlannedService.position))
            return [service_item_row(item) for item in items]

    @unit_of_work
    def visit_staff(self, actor: Actor, visit_id: int) -> tuple[StaffRef, ...]:
        """Who serves in the visit, its lead first: the check-out's choices for a line's credit."""
        require(actor, Action.CHECK_OUT)
        with self._db.read() as s:
            return visit_staff(s, self._visit(s, actor, visit_id))

    def _close(self, s: Session, actor: Actor, visit_id: int, wanted: Sequence[_Line],
               paid: Sequence[PaymentInput], key: str,
               approval: Approval | None) -> Receipt | AuthError:
        """The check-out in ``s``: its receipt, or the approver's failed sign-in to commit."""
        visit = self._lock_visit(s, actor, visit_id)
        done = s.get(CheckoutKey, key)
        if done is not None:
            return _replay(s, done, visit_id)
        _refuse_unpayable(visit)
        priced = [replace(_price(s, actor.branch_id, line), staff_id=_credited(s, visit, line))
                  for line in wanted]
        priced = self._member_priced(s, actor, visit.client_id, _card_references(paid), priced)
        total = _check_total(paid, priced)
        try:
            self._approve(s, actor, visit.id, priced, total, approval)
        except AuthError as exc:  # lock-out counts the attempt: commit it, book nothing
            return exc
        self._book(s, actor, visit, priced, paid, key)
        return build_receipt(s, visit.id)

    def _approve(self, s: Session, actor: Actor, visit_id: int, priced: Sequence[_Priced],
                 total: int, approval: Approval | None) -> None:
        """Nothing, or a manager's approval checked and audited; ApprovalMissing without one."""
        limit = discount_limit_percent_in(s, actor.branch_id)
        needs = needs_of([p.for_approval() for p in priced], total, limit)
        if not needs:
            return
        if approval is None:
            raise ApprovalMissing(needs, limit)
        reason = check_reason(approval)
        now = self._clock()
        approver = approve(s, actor, approval, now)
        record_approval(s, now, approver, actor, visit_id, reason, needs, total)

    def _lock_visit(self, s: Session, actor: Actor, visit_id: int) -> Visit:
        """The visit, locked after its client's row and before its room's (the lock order).

        The visit's client is read first, unlocked: it never changes. The room is locked
        now because a member card, charged later, comes after it in the order.
        """
        if not fits(Visit, visit_id):
            raise NotFound("No visit with number {id}.", field="visit_id", id=visit_id)
        client_id = s.scalar(select(Visit.client_id).where(Visit.id == visit_id))
        s.execute(locking(select(Client.id).where(Client.id == client_id)))
        visit = locked_row(s, Visit, visit_id)
        if visit is None or visit.branch_id != actor.branch_id:
            raise NotFound("No visit with number {id}.", field="visit_id", id=visit_id)
        s.execute(locking(select(Room.id).where(Room.id == visit.room_id)))
        return visit

    def _book(self, s: Session, actor: Actor, visit: Visit, priced: Sequence[_Priced],
              paid: Sequence[PaymentInput], key: str) -> None:
        now = self._clock()
        self._member_cards.settle(s, actor, _settlement(visit, priced, paid, key, now))
        s.add_all(_consumption(visit, p, now) for p in priced)
        s.add_all(Payment(branch_id=visit.branch_id, visit_id=visit.id,
                          method=PaymentMethod(p.method), amount_fen=p.amount_fen, at=now,
                          reference=p.reference) for p in paid)
        if visit.status is VisitStatus.IN_SERVICE:
            visit.move_to(VisitStatus.FINISHED, now)
            finish_room(s, visit)
        visit.total_fen = sum(p.amount_fen for p in priced)
        visit.move_to(VisitStatus.CLOSED, now)
        record_last_visit(s, visit.client_id, visit.arrived_at)
        s.add(CheckoutKey(key=key, visit_id=visit.id, staff_id=actor.staff_id, at=now))
        s.flush()
        self._member_cards.assess(s, actor, visit.client_id, now)
        self._visit_closed.closed(s, actor, visit.client_id, now)
        member = sum(p.member_discount_fen for p in priced)
        audit.record(s, now, actor, AuditAction.VISIT_CHECK_OUT, "visit", visit.id,
                     f"total_fen={visit.total_fen}"
                     + (f" member_discount_fen={member}" if member else ""))


def _settlement(visit: Visit, priced: Sequence[_Priced], paid: Sequence[PaymentInput],
                key: str, now: dt.datetime) -> CardSettlement:
    card = PaymentMethod.MEMBER_CARD
    return CardSettlement(
        client_id=visit.client_id, visit_id=visit.id,
        payments=tuple(CardPayment(i, p.amount_fen, p.reference)
                       for i, p in enumerate(paid) if p.method is card),
        lines=tuple(line for line in (p.service_line() for p in priced) if line is not None),
        other_paid_fen=sum(p.amount_fen for p in paid if p.method is not card),
        idempotency_key=key, at=now)


def record_last_visit(s: Session, client_id: int, arrived_at: dt.datetime) -> None:
    """Move the client's last visit forward to ``arrived_at`` (never back).

    A derived field: this column alone, in one UPDATE, without the person-edit
    ``version`` (so no profile edit conflicts with it) and without reading the row
    first (so no other terminal's save can make it stale). The client's search keys
    carry it too (the search ranks the most recent visitors first).
    """
    s.execute(update(Client)
              .where(Client.id == client_id,
                     or_(Client.last_visit_at.is_(None), Client.last_visit_at < arrived_at))
              .values(last_visit_at=arrived_at)
              .execution_options(synchronize_session=False))
    seen = visit_seconds(arrived_at)
    s.execute(update(ClientSearchKey)
              .where(ClientSearchKey.client_id == client_id, ClientSearchKey.seen < seen)
              .values(seen=seen)
              .execution_options(synchronize_session=False))


def _consumption(visit: Visit, p: _Priced, at: dt.datetime) -> ConsumptionLine:
    service = p.line.kind is LineKind.SERVICE
    return ConsumptionLine(
        branch_id=visit.branch_id, visit_id=visit.id, client_id=visit.client_id, at=at,
        kind=p.line.kind, service_item_id=p.line.item_id if service else None,
        product_id=None if service else p.line.item_id, description=p.description,
        quantity=p.line.quantity, unit_price_fen=p.unit_price_fen,
        discount_fen=p.line.discount_fen + p.member_discount_fen, amount_fen=p.amount_fen,
        staff_id=p.staff_id)


def _replay(s: Session, done: CheckoutKey, visit_id: int) -> Receipt:
    if done.visit_id != visit_id:
        raise ConflictError("This check-out key belongs to visit {other}.",
                            field="idempotency_key", other=done.visit_id)
    return build_receipt(s, visit_id)


def build_receipt(s: Session, visit_id: int) -> Receipt:
    """The receipt of a closed visit, read back from what was booked."""
    visit = s.get(Visit, visit_id)
    assert visit is not None and visit.closed_at is not None
    client_name = s.scalar(select(Client.name).where(Client.id == visit.client_id)) or ""
    store = s.scalar(select(Branch.name).where(Branch.id == visit.branch_id)) or ""
    cashier = s.scalar(select(Staff.display_name)
                       .join(CheckoutKey, CheckoutKey.staff_id == Staff.id)
                       .where(CheckoutKey.visit_id == visit_id)) or ""
    lines = tuple(ReceiptLine(c.kind, c.description, c.quantity, c.unit_price_fen,
                              c.discount_fen, c.amount_fen, name or "")
                  for c, name in s.execute(select(ConsumptionLine, Staff.display_name)
                                           .outerjoin(Staff, Staff.id == ConsumptionLine.staff_id)
                                           .where(ConsumptionLine.visit_id == visit_id)
                                           .order_by(ConsumptionLine.id)))
    payments = tuple(ReceiptPayment(p.method, p.amount_fen, p.reference)
                     for p in s.scalars(select(Payment).where(Payment.visit_id == visit_id)
                                        .order_by(Payment.id)))
    return Receipt(store, visit.id, client_name, visit.closed_at, cashier, lines,
                   visit.total_fen, payments)

