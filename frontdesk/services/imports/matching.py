"""An import's rows against the database: which client each accepted row is, and what it does.

A row is matched to a client by its phone (E.164; the column is unique). A row without a
phone is matched by its exact name among the store's clients who have no phone (the one
with the lowest number when several have that name); no match: a new client.

- The phone belongs to a client under another name (or another store's client):
  :attr:`~.fields.Reason.PHONE_TAKEN`. The member number belongs to another client, or
  an earlier row of the file took it: :attr:`~.fields.Reason.MEMBER_NO_TAKEN`. A second
  row that is the same client: :attr:`~.fields.Reason.DUPLICATE_ROW`. A tier the store
  has no longer: :attr:`~.fields.Reason.TIER_UNKNOWN`.
- A matched client is UPDATED only when the person chose "update existing" and the sheet
  has a value that differs (an empty cell never clears anything), or an opening balance
  to book (a client whose balance was never migrated); else UNCHANGED.

:func:`classify` runs for the preview (a read) and again inside the commit's transaction.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.calendar import Calendar
from frontdesk.core.names import clean_name
from frontdesk.models import Client
from frontdesk.models.card import CardOperation, OperationKind, Tier
from frontdesk.services.imports.fields import CandidateRow, Outcome, Reason
from frontdesk.services.imports.rows import add_reason

LOOKUP_BATCH = 900
"""Values per ``IN (…)`` look-up (SQLite allows 32,766 parameters; PostgreSQL 65,535)."""


@dataclass(frozen=True)
class Known:
    """A client already in the database, as a row is compared with it."""

    id: int
    branch_id: int
    name: str
    gender: str
    birthday: tuple[object, ...]
    tier: str
    note: str
    allergies: str
    member_no: str | None
    version: int


@dataclass
class Plan:
    """What the accepted rows do: the client each existing row is, its column changes, and
    the rows whose opening balance is booked (sheet row number → fen)."""

    known: dict[int, Known] = field(default_factory=dict)
    changes: dict[int, dict[str, object]] = field(default_factory=dict)
    balances: dict[int, int] = field(default_factory=dict)


_COLUMNS = (Client.id, Client.branch_id, Client.name, Client.gender, Client.birthday_calendar,
            Client.birth_year, Client.birth_month, Client.birth_day, Client.birth_leap_month,
            Client.tier, Client.note, Client.allergies, Client.member_no, Client.version,
            Client.phone_e164)


def batches(items: Sequence[object], size: int = LOOKUP_BATCH) -> Iterator[list[object]]:
    for start in range(0, len(items), size):
        yield list(items[start:start + size])


def store_tiers(s: Session, branch_id: int) -> dict[str, Tier]:
    """The store's active tiers by their name and code, case-folded."""
    from frontdesk.services.cards.grading import tiers_in

    found: dict[str, Tier] = {}
    for tier in tiers_in(s, branch_id):
        found.setdefault(tier.code.casefold(), tier)
        found[tier.name.casefold()] = tier
    return found


def classify(s: Session, branch_id: int, rows: Sequence[CandidateRow], update_existing: bool,
             tiers: dict[str, Tier]) -> Plan:
    """Set each accepted row's outcome (or refuse it, see the module docstring)."""
    accepted = [r for r in rows if r.accepted]
    by_phone = _clients_by_phone(s, [r.phone_e164 for r in accepted if r.phone_e164])
    by_name = _phoneless_by_name(s, branch_id, [r.name for r in accepted if not r.phone_e164])
    numbers = _member_numbers(s, [r.member_no for r in accepted if r.member_no])
    plan = Plan()
    claimed = _Claimed()
    for row in accepted:
        known = by_phone.get(row.phone_e164) if row.phone_e164 else by_name.get(row.name)
        _check(row, branch_id, known, numbers.get(row.member_no or ""), claimed, tiers)
        if not row.accepted:
            continue
        if row.member_no:
            claimed.numbers.add(row.member_no)
        if known is None:
            row.outcome = Outcome.CREATED
            if row.balance_fen:
                plan.balances[row.line] = row.balance_fen
            continue
        claimed.clients.add(known.id)
        plan.known[row.line] = known
        _plan_existing(row, known, update_existing, tiers, plan)
    _drop_migrated(s, plan)
    for row in accepted:
        if row.line in plan.known and row.line not in plan.changes \
                and row.line not in plan.balances:
            row.outcome = Outcome.UNCHANGED
    return plan


@dataclass
class _Claimed:
    """What earlier rows of the file took: clients, member numbers."""

    clients: set[int] = field(default_factory=set)
    numbers: set[str] = field(default_factory=set)


def _check(row: CandidateRow, branch_id: int, known: Known | None, holder: int | None,
           claimed: _Claimed, tiers: dict[str, Tier]) -> None:
    """Refuse the row for what only the database (or an earlier row) can tell."""
    if known is not None and (known.branch_id != branch_id or not same_name(known.name, row.name)):
        refuse(row, Reason.PHONE_TAKEN, f"phone {row.phone_e164}: another client's number")
    if row.member_no and (row.member_no in claimed.numbers or (
            holder is not None and (known is None or holder != known.id))):
        refuse(row, Reason.MEMBER_NO_TAKEN,
               f"member number {row.member_no}: another client's number")
    if known is not None and known.id in claimed.clients:
        refuse(row, Reason.DUPLICATE_ROW, f"{row.name}: the same client as a row above")
    if row.tier is not None and row.tier.casefold() not in tiers:
        refuse(row, Reason.TIER_UNKNOWN, f"tier {row.tier}: the store has no such tier")


def _plan_existing(row: CandidateRow, known: Known, update_existing: bool,
                   tiers: dict[str, Tier], plan: Plan) -> None:
    changes = changes_of(row, known, tiers) if update_existing else {}
    balance = row.balance_fen if update_existing and row.balance_fen else 0
    row.outcome = Outcome.UPDATED if changes or balance else Outcome.UNCHANGED
    if changes:
        plan.changes[row.line] = changes
    if balance:
        plan.balances[row.line] = balance


def _drop_migrated(s: Session, plan: Plan) -> None:
    """No second opening balance for a client whose balance was migrated already."""
    ids = {plan.known[line].id: line for line in plan.balances if line in plan.known}
    for chunk in batches(list(ids)):
        for client_id in s.scalars(select(CardOperation.client_id).where(
                CardOperation.kind == OperationKind.MIGRATE, CardOperation.client_id.in_(chunk))):
            plan.balances.pop(ids[client_id or 0], None)


def refuse(row: CandidateRow, reason: Reason, detail: str) -> None:
    add_reason(row, reason, detail)
    row.outcome = None


def same_name(stored: str, given: str) -> bool:
    """The same person's name: equal once spaces and letter case are set aside."""
    return clean_name(stored).casefold() == clean_name(given).casefold()


def birthday_columns(row: CandidateRow) -> dict[str, object]:
    b = row.birthday
    if b is None:
        return {}
    return {"birthday_calendar": Calendar(b.calendar), "birth_year": b.year,
            "birth_month": b.month, "birth_day": b.day, "birth_leap_month": b.leap_month}


def changes_of(row: CandidateRow, known: Known, tiers: dict[str, Tier]) -> dict[str, object]:
    """The client columns the row changes: only where the sheet has a value that differs."""
    wanted: dict[str, object] = {}
    if row.name != known.name:
        wanted["name"] = row.name
    if row.gender is not None and row.gender != known.gender:
        wanted["gender"] = row.gender
    birthday = birthday_columns(row)
    if birthday and tuple(birthday.values()) != known.birthday:
        wanted.update(birthday)
    if row.tier is not None and tiers[row.tier.casefold()].name != known.tier:
        wanted["tier"] = tiers[row.tier.casefold()].name
    if row.notes and row.notes != known.note:
        wanted["note"] = row.notes
    if row.allergies and row.allergies != known.allergies:
        wanted["allergies"] = row.allergies
    if row.member_no and row.member_no != known.member_no:
        wanted["member_no"] = row.member_no
    return wanted


def _known(found: object) -> Known:
    c = found._mapping  # type: ignore[attr-defined]
    return Known(id=c["id"], branch_id=c["branch_id"], name=c["name"], gender=str(c["gender"]),
                 birthday=(c["birthday_calendar"], c["birth_year"], c["birth_month"],
                           c["birth_day"], c["birth_leap_month"]),
                 tier=c["tier"], note=c["note"], allergies=c["allergies"],
                 member_no=c["member_no"], version=c["version"])


def _clients_by_phone(s: Session, phones: list[str]) -> dict[str, Known]:
    found: dict[str, Known] = {}
    for chunk in batches(sorted(set(phones))):
        for row in s.execute(select(*_COLUMNS).where(Client.phone_e164.in_(chunk))):
            found[row.phone_e164] = _known(row)
    return found


def _phoneless_by_name(s: Session, branch_id: int, names: list[str]) -> dict[str, Known]:
    found: dict[str, Known] = {}
    for chunk in batches(sorted(set(names))):
        for row in s.execute(select(*_COLUMNS).where(
                Client.branch_id == branch_id, Client.phone_e164.is_(None),
                Client.anonymised_at.is_(None), Client.name.in_(chunk)).order_by(Client.id)):
            found.setdefault(row.name, _known(row))
    return found


def _member_numbers(s: Session, numbers: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in batches(sorted(set(numbers))):
        for number, client_id in s.execute(select(Client.member_no, Client.id)
                                           .where(Client.member_no.in_(chunk))):
            found[number or ""] = client_id
    return found
