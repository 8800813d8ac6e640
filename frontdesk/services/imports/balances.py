"""Opening balances: a sheet's balance becomes ledger rows marked as migrated, never a bare number.

Each client with a balance to carry over (and none carried over before) gets a
stored-value card of the store's "期初余额" (opening balance) product, made once per
store (kind STORED_VALUE, price 0, not sold at the desk), with one
:class:`~frontdesk.models.card.CardOperation` of kind MIGRATE (no money changed hands:
``money_fen`` 0; the file and row in ``reference``; key ``import-balance:{client_id}``,
so a client's balance is carried over once whatever is imported again) and one
:class:`~frontdesk.models.card.CardEntry` of the paid money. The card's cached
``paid_fen`` is written equal to that entry, as :func:`~frontdesk.services.cards.ledger.book`
leaves it; ``frontdesk check`` proves it.

Card numbers are generated as :mod:`~frontdesk.services.cards.numbers` makes them, a
batch at a time, with one look-up for the batch instead of one per card.
"""

from __future__ import annotations

import datetime as dt
import secrets
import threading
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.jobs import check_cancelled
from frontdesk.models.card import (
    CardEntry,
    CardKind,
    CardOperation,
    CardProduct,
    CardStatus,
    MemberCard,
    OperationKind,
)
from frontdesk.services.cards.numbers import PREFIX, luhn_digit
from frontdesk.services.imports.bulk import insert_rows, new_ids
from frontdesk.services.imports.matching import batches

PRODUCT_NAME = "期初余额"
"""The opening-balance product's name (the store may rename it; found by this name)."""
REASON = "Opening balance from an import"
REFERENCE_MAX = 64
BATCH = 2_000


def balance_key(client_id: int) -> str:
    return f"import-balance:{client_id}"


def reference(file_name: str, line: int) -> str:
    """``FILE.xlsx:row N``, the file's name shortened to fit the column."""
    tail = f":row {line}"
    return file_name[:REFERENCE_MAX - len(tail)] + tail


def opening_product(s: Session, branch_id: int) -> int:
    """The store's opening-balance product, made on first use (imports are serialised)."""
    found = s.scalar(select(CardProduct.id).where(
        CardProduct.branch_id == branch_id, CardProduct.name == PRODUCT_NAME,
        CardProduct.kind == CardKind.STORED_VALUE).order_by(CardProduct.id).limit(1))
    if found is not None:
        return found
    product = CardProduct(branch_id=branch_id, kind=CardKind.STORED_VALUE, name=PRODUCT_NAME,
                          price_fen=0, active=False,
                          note="Opening balances carried over from the store's old records")
    s.add(product)
    s.flush()
    return product.id


def card_numbers(s: Session, count: int) -> list[str]:
    """``count`` new generated card numbers that nobody holds (nor each other)."""
    chosen: list[str] = []
    while len(chosen) < count:
        wanted = {_generated() for _ in range(count - len(chosen))} - set(chosen)
        taken = set(s.scalars(select(MemberCard.card_no).where(MemberCard.card_no.in_(wanted))))
        chosen.extend(sorted(wanted - taken))
    return chosen


def _generated() -> str:
    body = PREFIX + f"{secrets.randbelow(10**10):010d}"
    return body + luhn_digit(body)


def book_balances(s: Session, actor: Actor, now: dt.datetime, file_name: str,
                  owed: Sequence[tuple[int, int, int]], cancel: threading.Event | None) -> int:
    """Book ``(client_id, sheet row, fen)`` opening balances; the number of cards issued."""
    if not owed:
        return 0
    product_id = opening_product(s, actor.branch_id)
    for chunk in batches(owed, BATCH):
        check_cancelled(cancel)
        _book_batch(s, actor, now, file_name, product_id, chunk)  # type: ignore[arg-type]
    return len(owed)


def _book_batch(s: Session, actor: Actor, now: dt.datetime, file_name: str, product_id: int,
                owed: list[tuple[int, int, int]]) -> None:
    numbers = card_numbers(s, len(owed))
    cards = new_ids(s, MemberCard, len(owed))
    operations = new_ids(s, CardOperation, len(owed))
    insert_rows(s, MemberCard, [
        {"id": card_id, "branch_id": actor.branch_id, "client_id": client_id,
         "product_id": product_id, "card_no": number, "status": CardStatus.ACTIVE,
         "issued_at": now, "expires_on": None, "paid_fen": fen, "bonus_fen": 0, "sessions": 0}
        for (client_id, _, fen), number, card_id in zip(owed, numbers, cards, strict=True)])
    insert_rows(s, CardOperation, [
        {"id": op_id, "branch_id": actor.branch_id, "idempotency_key": balance_key(client_id),
         "kind": OperationKind.MIGRATE, "at": now, "staff_id": actor.staff_id,
         "client_id": client_id, "card_id": card_id, "money_fen": 0, "reason": REASON,
         "reference": reference(file_name, line)}
        for (client_id, line, _), card_id, op_id in zip(owed, cards, operations, strict=True)])
    entries = new_ids(s, CardEntry, len(owed))
    insert_rows(s, CardEntry, [
        {"id": entry_id, "operation_id": op_id, "branch_id": actor.branch_id, "at": now,
         "card_id": card_id, "client_id": client_id, "paid_fen": fen}
        for (client_id, _, fen), card_id, op_id, entry_id
        in zip(owed, cards, operations, entries, strict=True)])
