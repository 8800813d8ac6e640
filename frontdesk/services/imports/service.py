"""The import service (``Services.imports``): a client list from Excel or CSV, previewed, then
committed in one transaction or not at all.

:meth:`ImportService.open` reads the file (:mod:`.reading`, with its safety checks), finds
the headings (:mod:`.headers`), normalises and validates every row (:mod:`.rows`) and
compares the accepted ones with the database (:mod:`.matching`): the preview. The person
may correct the column mapping (:meth:`ImportService.remap`). The preview keeps the sheet's
top rows only (:data:`SAMPLE_ROWS` below the headings, for the mapping's examples): a
100,000-row sheet's cells would double the import's memory, and reading the file again
on a remap takes a few seconds. :meth:`ImportService.commit`
writes the accepted rows in ONE transaction, after comparing them again inside it: new
clients (:mod:`.writing`), the changes of existing ones, tiers and opening balances
(:mod:`.balances`), and one audit row (``clients.import``: the file's name, its SHA-256
and the counts). A Cancel or any failure half-way rolls everything back.

Imports are serialised (PostgreSQL: a transaction-scoped advisory lock; SQLite's write
lock is taken at BEGIN), so two terminals importing overlapping lists make one client per
phone: the second compares its rows after the first committed. A phone a desk registered
meanwhile (the unique key refused the insert) makes the whole commit run again, which
then finds that client. Needs IMPORT_CLIENTS (managers and admins).
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock, local_today
from frontdesk.core.jobs import Progress, check_cancelled, no_progress
from frontdesk.core.permissions import Action, require
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ConflictError
from frontdesk.models.card import Tier
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.imports import balances, writing
from frontdesk.services.imports.fields import CandidateRow, Mapping, Outcome
from frontdesk.services.imports.headers import check_mapping, guess_mapping
from frontdesk.services.imports.matching import Plan, classify, store_tiers
from frontdesk.services.imports.reading import Table, read_table
from frontdesk.services.imports.rows import candidate_rows

_LOCK = text("SELECT pg_advisory_xact_lock(:lock_class, :branch)")
_LOCK_CLASS = 0x46440014
"""The first key of the PostgreSQL advisory lock that serialises a store's imports."""
SQLITE_CACHE = -16_384
"""SQLite's page cache while an import writes (16 MiB rather than the default 2): the search
keys' index takes its new keys in random order. More is hardly faster and costs memory."""
RACES = 3
SAMPLE_ROWS = 20
"""Data rows the preview keeps of the sheet (with the rows above them) to show as examples."""
"""How many times a commit runs again when a desk took one of its phones meanwhile."""


class ImportRaced(ConflictError):
    """Other terminals kept taking the file's phones or numbers while it was committed."""

    template = ("Other terminals kept adding the same clients meanwhile; nothing was imported. "
                "Import the file again.")


@dataclass
class ImportPreview:
    """A file read and validated; what committing it would do."""

    path: Path
    sha256: str
    table: Table
    """The sheet's top rows once validated (``table.sample``; see the module docstring)."""
    mapping: Mapping
    rows: list[CandidateRow]
    update_existing: bool
    opening_balances: dict[int, int] = field(default_factory=dict)
    """Sheet row number → fen, for the rows whose balance would be carried over."""

    @property
    def accepted(self) -> list[CandidateRow]:
        return [r for r in self.rows if r.accepted]

    @property
    def rejected(self) -> list[CandidateRow]:
        return [r for r in self.rows if not r.accepted]

    @property
    def counts(self) -> dict[str, int]:
        counts = {outcome.value: 0 for outcome in Outcome} | {"rejected": 0}
        for row in self.rows:
            counts[row.outcome.value if row.accepted and row.outcome else "rejected"] += 1
        return counts

    @property
    def balance_fen(self) -> int:
        return sum(self.opening_balances.values())


@dataclass(frozen=True)
class ImportResult:
    created: int
    updated: int
    unchanged: int
    rejected: int
    balance_fen: int
    cards: int


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class ImportService:
    """Client lists in (see the module docstring)."""

    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    def open(self, actor: Actor, path: Path, *, update_existing: bool = False,
             cancel: threading.Event | None = None,
             progress: Progress = no_progress) -> ImportPreview:
        """Read, validate and compare ``path``: the preview (nothing is written)."""
        require(actor, Action.IMPORT_CLIENTS)
        table = read_table(path, cancel=cancel, progress=progress)
        preview = ImportPreview(path, file_sha256(path), table, guess_mapping(table), [],
                                update_existing)
        return self._validated(actor, preview, cancel)

    def remap(self, actor: Actor, preview: ImportPreview, mapping: Mapping, *,
              update_existing: bool | None = None, cancel: threading.Event | None = None,
              progress: Progress = no_progress) -> ImportPreview:
        """The same file under the person's corrected mapping (or choice of updating)."""
        require(actor, Action.IMPORT_CLIENTS)
        check_mapping(mapping)
        table, sha256 = preview.table, preview.sha256
        if table.sample:  # the preview kept only the top rows: the whole sheet again
            table = read_table(preview.path, cancel=cancel, progress=progress)
            sha256 = file_sha256(preview.path)
        again = ImportPreview(preview.path, sha256, table, mapping, [],
                              preview.update_existing if update_existing is None
                              else update_existing)
        return self._validated(actor, again, cancel)

    @unit_of_work
    def _validated(self, actor: Actor, preview: ImportPreview,
                   cancel: threading.Event | None) -> ImportPreview:
        with self._db.read() as s:
            tiers = store_tiers(s, actor.branch_id)
            check_cancelled(cancel)
            preview.rows = candidate_rows(preview.table, preview.mapping,
                                          local_today(self._clock),
                                          sorted({t.name for t in tiers.values()}))
            check_cancelled(cancel)
            plan = classify(s, actor.branch_id, preview.rows, preview.update_existing, tiers)
        preview.opening_balances = plan.balances
        preview.table = top_rows(preview.table, preview.mapping.header_row)
        return preview

    def commit(self, actor: Actor, preview: ImportPreview, *,
               cancel: threading.Event | None = None,
               progress: Progress = no_progress) -> ImportResult:
        """Write the accepted rows in one transaction (see the module docstring)."""
        require(actor, Action.IMPORT_CLIENTS)
        for _ in range(RACES):
            try:
                return self._commit(actor, preview, cancel, progress)
            except IntegrityError as exc:
                if not _taken_meanwhile(exc):
                    raise
        raise ImportRaced(field="file")

    @unit_of_work
    def _commit(self, actor: Actor, preview: ImportPreview, cancel: threading.Event | None,
                progress: Progress) -> ImportResult:
        with self._db.write() as s:
            if s.get_bind().dialect.name == "postgresql":
                s.execute(_LOCK, {"lock_class": _LOCK_CLASS, "branch": actor.branch_id})
            else:
                s.execute(text(f"PRAGMA cache_size = {SQLITE_CACHE}"))
            result = self._write(s, actor, preview, cancel, progress)
            check_cancelled(cancel)
        return result

    def _write(self, s: Session, actor: Actor, preview: ImportPreview,
               cancel: threading.Event | None, progress: Progress) -> ImportResult:
        from frontdesk.services.cards.grading import ensure_tiers_in

        now, today = self._clock(), local_today(self._clock)
        lowest = ensure_tiers_in(s, actor.branch_id)[0].rank
        tiers = store_tiers(s, actor.branch_id)
        for row in preview.rows:
            row.outcome = None
        plan = classify(s, actor.branch_id, preview.rows, preview.update_existing, tiers)
        if plan.known:  # lock them (lower id first), then compare again what is now locked
            writing.lock_clients(s, [k.id for k in plan.known.values()])
            plan = classify(s, actor.branch_id, preview.rows, preview.update_existing, tiers)
        preview.opening_balances = plan.balances
        check_cancelled(cancel)
        new = [r for r in preview.rows if r.accepted and r.outcome is Outcome.CREATED]
        ids = writing.insert_clients(s, actor, now, new, tiers, cancel, progress)
        writing.update_clients(s, now, plan, cancel)
        ids |= {line: known.id for line, known in plan.known.items()}
        writing.tier_rows(s, actor, now, today, _tiered(preview, plan, ids, tiers), lowest)
        cards = balances.book_balances(
            s, actor, now, preview.path.name,
            [(ids[line], line, fen) for line, fen in sorted(plan.balances.items())], cancel)
        result = _result(preview, cards)
        audit.record(s, now, actor, AuditAction.CLIENTS_IMPORT, "client", None,
                     f"file={preview.path.name} sha256={preview.sha256} "
                     f"created={result.created} updated={result.updated} "
                     f"unchanged={result.unchanged} rejected={result.rejected} "
                     f"balance_fen={result.balance_fen} cards={cards}")
        return result


def top_rows(table: Table, header_row: int) -> Table:
    """``table`` down to :data:`SAMPLE_ROWS` rows below the sheet row ``header_row``."""
    if table.sample:
        return table
    above = next((i for i, (line, _) in enumerate(table.rows) if line > header_row),
                 len(table.rows))
    return replace(table, rows=table.rows[:above + SAMPLE_ROWS], sample=True)


def _taken_meanwhile(exc: IntegrityError) -> bool:
    """True when a unique key another terminal took meanwhile refused the insert."""
    return any(column in str(exc.orig) for column in ("phone_e164", "member_no", "card_no"))


def _tiered(preview: ImportPreview, plan: Plan, ids: dict[int, int],
            tiers: dict[str, Tier]) -> list[tuple[int, Tier]]:
    """(client id, tier) of each new client with a tier, and each existing one whose changes
    set its tier."""
    found = []
    for row in preview.accepted:
        if row.tier is None:
            continue
        if row.outcome is Outcome.CREATED or "tier" in plan.changes.get(row.line, {}):
            found.append((ids[row.line], tiers[row.tier.casefold()]))
    return found


def _result(preview: ImportPreview, cards: int) -> ImportResult:
    counts = preview.counts
    return ImportResult(created=counts[Outcome.CREATED.value],
                        updated=counts[Outcome.UPDATED.value],
                        unchanged=counts[Outcome.UNCHANGED.value], rejected=counts["rejected"],
                        balance_fen=preview.balance_fen, cards=cards)
