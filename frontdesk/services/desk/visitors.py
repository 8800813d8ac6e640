"""Visitor classes that act (访客类别): who is told, notices, and a special visitor's notes.

domain/001 (访客管理制度): an important (重要级) or guest (来宾级) visitor is announced at once
to the person who receives them, who prepares the reception; a special visitor (特殊访客)
is explained to, and reported to the office. In a store the person who receives them and
the office is the store manager (店长): every active manager of the branch, or its
administrators when it has no manager.

- :func:`notify_arrival` runs inside check-in's transaction: the receivers get a
  :class:`~frontdesk.models.visitors.StaffNotice` each (not the person checking the
  client in, who knows), so a check-in refused or rolled back tells nobody.
- :meth:`VisitorService.notices` is what a person sees on their desk until they mark a
  notice seen; :meth:`VisitorService.mark_seen` is a guarded ``UPDATE … WHERE seen_at
  IS NULL``, so two terminals of one person mark it once.
- A special visitor keeps notes (:meth:`VisitorService.add_note`): the reason they are
  one (the latest stands) and each incident, with who wrote it and when; anyone at the
  desk may write one, only managers and administrators read them
  (:meth:`VisitorService.notes`), and both are audited.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock, Role
from frontdesk.core.permissions import Action, require
from frontdesk.core.validation import check_choice, check_prose
from frontdesk.core.visitors import VisitorClass
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.models import Client, Staff
from frontdesk.models.visitors import StaffNotice, VisitorNote, VisitorNoteKind
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.clients.lookup import live_client
from frontdesk.services.rows import fits

ANNOUNCED = frozenset({VisitorClass.IMPORTANT, VisitorClass.GUEST, VisitorClass.SPECIAL})
"""The classes whose arrival is announced to whoever receives them (domain/001)."""
NOTE_MAX = 2000
NOTICES_SHOWN = 20


@dataclass(frozen=True)
class Notice:
    id: int
    at: dt.datetime
    client_id: int
    client_name: str
    visitor_class: VisitorClass
    sent_by: str


@dataclass(frozen=True)
class NoteRow:
    kind: VisitorNoteKind
    text: str
    at: dt.datetime
    by: str


@dataclass(frozen=True)
class VisitorNotes:
    """A special visitor's standing reason (the latest) and incidents, newest first."""

    reason: NoteRow | None
    incidents: tuple[NoteRow, ...]


def receivers(s: Session, branch_id: int) -> list[tuple[int, str]]:
    """(staff id, name) of who receives announced visitors: the managers, else the admins."""
    for role in (Role.MANAGER, Role.ADMIN):
        rows = s.execute(select(Staff.id, Staff.display_name).where(
            Staff.branch_id == branch_id, Staff.active, Staff.role == role)
            .order_by(Staff.display_name, Staff.id)).all()
        if rows:
            return [(r.id, r.display_name) for r in rows]
    return []


def notify_arrival(s: Session, now: dt.datetime, actor: Actor, client: Client,
                   visit_id: int) -> None:
    """Inside check-in's transaction: a notice for each receiver of an announced class."""
    if client.visitor_class not in ANNOUNCED:
        return
    s.add_all(StaffNotice(branch_id=actor.branch_id, staff_id=staff_id, at=now,
                          client_id=client.id, visit_id=visit_id,
                          visitor_class=client.visitor_class, sent_by_id=actor.staff_id)
              for staff_id, _name in receivers(s, actor.branch_id)
              if staff_id != actor.staff_id)


def _note_text(text: object) -> str:
    text = check_prose(text, NOTE_MAX, "text")
    if not text:
        raise ValidationError("Write what happened, or why.", field="text")
    return text


class VisitorService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def receiver_names(self, actor: Actor) -> tuple[str, ...]:
        """Who is told when an important, guest or special visitor checks in."""
        require(actor, Action.VIEW_CLIENT)
        with self._db.read() as s:
            return tuple(name for _id, name in receivers(s, actor.branch_id))

    @unit_of_work
    def notices(self, actor: Actor) -> tuple[Notice, ...]:
        """The actor's notices not yet seen, newest first."""
        require(actor, Action.VIEW_CLIENT)
        sender = Staff.__table__.alias("sender")
        with self._db.read() as s:
            rows = s.execute(
                select(StaffNotice, Client.name, sender.c.display_name)
                .join(Client, Client.id == StaffNotice.client_id)
                .outerjoin(sender, sender.c.id == StaffNotice.sent_by_id)
                .where(StaffNotice.staff_id == actor.staff_id, StaffNotice.seen_at.is_(None))
                .order_by(StaffNotice.at.desc(), StaffNotice.id.desc())
                .limit(NOTICES_SHOWN)).all()
        return tuple(Notice(n.id, n.at, n.client_id, name, n.visitor_class, by or "")
                     for n, name, by in rows)

    @unit_of_work
    def mark_seen(self, actor: Actor, notice_id: int) -> bool:
        """Mark one of the actor's notices seen; False when it was already (elsewhere)."""
        require(actor, Action.VIEW_CLIENT)
        with self._db.write() as s:
            mine = fits(StaffNotice, notice_id) and s.scalar(select(StaffNotice.id).where(
                StaffNotice.id == notice_id, StaffNotice.staff_id == actor.staff_id))
            if not mine:
                raise NotFound("No notice with number {id}.", field="notice_id", id=notice_id)
            marked = s.execute(update(StaffNotice).where(
                StaffNotice.id == notice_id, StaffNotice.seen_at.is_(None))
                .values(seen_at=self._clock()))
            return bool(marked.rowcount)  # type: ignore[attr-defined]

    @unit_of_work
    def add_note(self, actor: Actor, client_id: int, kind: str, text: str) -> NoteRow:
        """A special visitor's reason or an incident, with who wrote it and when."""
        require(actor, Action.EDIT_CLIENT)
        note_kind, text = check_choice(VisitorNoteKind, kind, "kind"), _note_text(text)
        now = self._clock()
        with self._db.write() as s:
            client = live_client(s, client_id, lock=True)
            if client.visitor_class is not VisitorClass.SPECIAL:
                raise ConflictError("{name} is not a special visitor; change the visitor "
                                    "class first.", field="visitor_class", name=client.name)
            note = VisitorNote(branch_id=actor.branch_id, client_id=client.id,
                               kind=note_kind, text=text, at=now, by_id=actor.staff_id)
            s.add(note)
            s.flush()
            audit.record(s, now, actor, AuditAction.VISITOR_NOTE_ADD, "client", client.id,
                         f"kind={note_kind.value} note={note.id}")
            return NoteRow(note_kind, text, now, actor.display_name)

    @unit_of_work
    def notes(self, actor: Actor, client_id: int) -> VisitorNotes:
        """A special visitor's reason and incidents, for managers; every reading audited."""
        require(actor, Action.SEE_VISITOR_NOTES)
        with self._db.write() as s:
            client = live_client(s, client_id)
            rows = [NoteRow(n.kind, n.text, n.at, by or "") for n, by in s.execute(
                select(VisitorNote, Staff.display_name)
                .outerjoin(Staff, Staff.id == VisitorNote.by_id)
                .where(VisitorNote.client_id == client.id)
                .order_by(VisitorNote.at.desc(), VisitorNote.id.desc()))]
            audit.record(s, self._clock(), actor, AuditAction.VISITOR_NOTES_VIEW, "client",
                         client.id)
        reason = next((r for r in rows if r.kind is VisitorNoteKind.REASON), None)
        return VisitorNotes(reason, tuple(r for r in rows if r.kind is VisitorNoteKind.INCIDENT))
