"""The import's writes, inside the commit's one transaction: new clients, changed ones, tiers.

New clients go in by bulk ``INSERT``s of :data:`BATCH` rows (their ids come back by
``RETURNING``), with their search keys (:func:`~frontdesk.core.names.search_keys`, as
the registration writes them) and the phone tail; a Cancel is honoured between batches.
Existing clients are locked first (lower id first, the README's lock order), then
updated in bulk by primary key, with their version moved on (the person's edit of the
same client sees it changed) and their search keys rewritten when the name changed.

A tier from the sheet is a :class:`~frontdesk.models.card.ClientTier` row with reason
IMPORT (valid for the tier's period from today; the lowest tier has no end) and the
name cached in ``client.tier``, as the grading writes it.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Sequence
from functools import lru_cache

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.core.jobs import Progress, check_cancelled
from frontdesk.core.names import search_keys
from frontdesk.core.phones import last4
from frontdesk.db import locking
from frontdesk.models import Client
from frontdesk.models.card import ClientTier, Tier, TierReason
from frontdesk.models.client import ClientSearchKey, Gender
from frontdesk.services.cards import tier_rules
from frontdesk.services.imports.bulk import insert_rows, new_ids
from frontdesk.services.imports.fields import CandidateRow
from frontdesk.services.imports.matching import Plan, batches, birthday_columns

BATCH = 2_000
"""Rows per bulk statement (and between two looks at Cancel)."""
KEY_BATCH = 5_000
"""Search keys per bulk statement (a batch of clients has ~15 each: made a slice at a time,
the import's memory stays small)."""
_NO_BIRTHDAY = {"birthday_calendar": None, "birth_year": None, "birth_month": None,
                "birth_day": None, "birth_leap_month": False}


@lru_cache(maxsize=1_024)
def _keys_of(name: str) -> tuple[tuple[str, int], ...]:
    """A name's search keys (cached: a list has many 张伟 and 王芳; the commonest thousand
    names, ~2 MB, as each holds ~15 keys: the import's memory stays small)."""
    return tuple((key, int(grade)) for key, grade in sorted(search_keys(name).items()))


def lock_clients(s: Session, ids: Sequence[int]) -> None:
    """Lock the clients the import changes, lower id first."""
    for chunk in batches(sorted(ids)):
        s.execute(locking(select(Client.id).where(Client.id.in_(chunk)).order_by(Client.id)))


def insert_clients(s: Session, actor: Actor, now: dt.datetime, rows: Sequence[CandidateRow],
                   tiers: dict[str, Tier], cancel: threading.Event | None,
                   progress: Progress) -> dict[int, int]:
    """Insert the new clients; their ids by sheet row number."""
    ids = dict(zip((row.line for row in rows), new_ids(s, Client, len(rows)), strict=True))
    for start in range(0, len(rows), BATCH):
        check_cancelled(cancel)
        chunk = rows[start:start + BATCH]
        insert_rows(s, Client, [_new_client(actor, now, row, ids[row.line], tiers)
                                for row in chunk])
        keys = sorted((key, grade, ids[row.line]) for row in chunk
                      for key, grade in _keys_of(row.name))  # the lookup index's order
        for at in range(0, len(keys), KEY_BATCH):
            insert_rows(s, ClientSearchKey, [
                {"client_id": client_id, "key": key, "grade": grade, "seen": 0}
                for key, grade, client_id in keys[at:at + KEY_BATCH]])
        progress("clients", start + len(chunk), len(rows))
    _keys_of.cache_clear()
    return ids


def _new_client(actor: Actor, now: dt.datetime, row: CandidateRow, client_id: int,
                tiers: dict[str, Tier]) -> dict[str, object]:
    return {"id": client_id, "branch_id": actor.branch_id, "name": row.name,
            "gender": Gender(row.gender) if row.gender else Gender.UNKNOWN,
            "phone_e164": row.phone_e164, "phone_last4": last4(row.phone_e164),
            "member_no": row.member_no or None,
            "tier": tiers[row.tier.casefold()].name if row.tier else "",
            "allergies": row.allergies, "note": row.notes,
            **(birthday_columns(row) or _NO_BIRTHDAY), "created_at": now, "updated_at": now}


def update_clients(s: Session, now: dt.datetime, plan: Plan,
                   cancel: threading.Event | None) -> None:
    """Apply the planned changes (grouped by the columns they set, for bulk updates)."""
    groups: dict[tuple[str, ...], list[dict[str, object]]] = {}
    renamed: list[tuple[int, str]] = []
    for line, changes in plan.changes.items():
        known = plan.known[line]
        groups.setdefault(tuple(sorted(changes)), []).append(
            {"id": known.id, **changes, "version": known.version + 1, "updated_at": now})
        if "name" in changes:
            renamed.append((known.id, str(changes["name"])))
    for values in groups.values():
        for start in range(0, len(values), BATCH):
            check_cancelled(cancel)
            s.execute(update(Client), values[start:start + BATCH])
    for client_id, name in renamed:
        seen = s.scalar(select(Client.last_visit_at).where(Client.id == client_id))
        s.execute(delete(ClientSearchKey).where(ClientSearchKey.client_id == client_id))
        insert_rows(s, ClientSearchKey, [
            {"client_id": client_id, "key": key, "grade": grade,
             "seen": int(seen.timestamp()) if seen else 0} for key, grade in _keys_of(name)])


def tier_rows(s: Session, actor: Actor, now: dt.datetime, today: dt.date,
              tiered: Sequence[tuple[int, Tier]], lowest_rank: int) -> None:
    """The tier history rows (reason IMPORT) of the clients whose tier the sheet set (the
    store's lowest tier, ``lowest_rank``, has no end date); made a batch at a time."""
    until = {tier.code: None if tier.rank == lowest_rank
             else tier_rules.valid_until(today, tier.validity_months) for _, tier in tiered}
    for start in range(0, len(tiered), BATCH):
        insert_rows(s, ClientTier, [
            {"client_id": client_id, "tier_code": tier.code, "tier_name": tier.name,
             "valid_from": today, "valid_until": until[tier.code], "reason": TierReason.IMPORT,
             "at": now, "staff_id": actor.staff_id}
            for client_id, tier in tiered[start:start + BATCH]])
