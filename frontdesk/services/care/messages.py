"""The message library (短信库): the store's messages for birthdays, festivals, the change of
season, "we miss you", follow-ups and promotions, with placeholders.

A store sees the built-in library (:mod:`.library`, in its language, see
:func:`~.wording.store_language`) until it saves a message of its own. Built-in
messages have negative ids (-1, -2, …) and version 0: saving or deleting one first
copies the whole built-in library into the store's rows (under a lock on the store's
row, so two terminals copy it once), then changes the copy. From then on the store
sees its own rows only (a store that deletes every one of its messages sees the built-in
library again; switching a message off, ``active`` False, keeps it out of suggestions).

Placeholders: ``{salutation} {name} {store} {staff}``; any other ``{…}`` is refused on
save, naming the field. :func:`promotional_words` finds promotional words in a greeting
or a season message (domain/003: greetings carry no promotion) for the editor's warning:
a warning, never a refusal. Every rendered message ends with the signature
(:func:`~.wording.signed`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock
from frontdesk.core.permissions import Action, require
from frontdesk.core.validation import check_choice, check_prose, check_text
from frontdesk.db import Database, locking, unit_of_work
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.models import Branch
from frontdesk.models.care import MessageTemplate, TemplatePurpose
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.care.library import BuiltIn, built_in
from frontdesk.services.care.wording import store_language
from frontdesk.services.rows import locked_row

PLACEHOLDERS = ("salutation", "name", "store", "staff")
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
BODY_MAX = 500
NAME_MAX = 60

GREETINGS = frozenset({TemplatePurpose.BIRTHDAY, TemplatePurpose.FESTIVAL,
                       TemplatePurpose.SEASON, TemplatePurpose.MISS_YOU})
"""The purposes that carry no promotion (the editor warns about promotional words)."""

_PROMOTIONAL = re.compile(
    r"优惠|打折|折扣|\d+(?:\.\d+)?\s*折|[一二三四五六七八九]折|折上折|特价|促销|活动|新品|上市"
    r"|买.{0,6}?送|充值|满.{0,6}?减|限时|秒杀|赠送|团购|抢购|"
    r"\bsales?\b|\bdiscounts?\b|\d+\s*%\s*off\b|\bnew arrivals?\b|\bpromotions?\b|\bcoupons?\b"
    r"|\boffers?\b|\bbuy\b.{0,20}?\bget\b|\btop[ -]?up\b|\blimited time\b",
    re.IGNORECASE)


@dataclass(frozen=True)
class TemplateInput:
    purpose: TemplatePurpose
    name: str
    body: str
    festival_code: str = ""
    """For a festival message: the festival's code (``mid_autumn``…); empty for any festival."""
    active: bool = True


@dataclass(frozen=True)
class TemplateRow:
    template_id: int
    """Negative for a built-in message (the store has not saved its own library yet)."""
    purpose: TemplatePurpose
    name: str
    body: str
    language: str
    festival_code: str
    active: bool
    version: int
    """0 for a built-in message."""
    promotional: tuple[str, ...] = ()
    """The promotional words found in a greeting (the editor's warning)."""

    @property
    def built_in(self) -> bool:
        return self.template_id < 0


def promotional_words(purpose: TemplatePurpose, body: str) -> tuple[str, ...]:
    """The promotional words in a greeting or a season message, in order, each once; empty
    for promotions and follow-ups."""
    if purpose not in GREETINGS:
        return ()
    found: list[str] = []
    for match in _PROMOTIONAL.finditer(body):
        if match.group() not in found:
            found.append(match.group())
    return tuple(found)


def unknown_placeholders(body: str) -> tuple[str, ...]:
    return tuple(p for p in _PLACEHOLDER.findall(body) if p not in PLACEHOLDERS)


def render(body: str, *, salutation: str, name: str, store: str, staff: str) -> str:
    """``body`` with its placeholders filled in; ValidationError for an unknown one."""
    unknown = unknown_placeholders(body)
    if unknown:
        raise ValidationError("The message has an unknown placeholder {{{placeholder}}}; use "
                              "{choices}.", field="body", placeholder=unknown[0],
                              choices=_choices())
    values = {"salutation": salutation, "name": name, "store": store, "staff": staff}
    return _PLACEHOLDER.sub(lambda m: values[m.group(1)], body)


def _choices() -> str:
    return " ".join("{" + p + "}" for p in PLACEHOLDERS)


def _built_in_row(index: int, entry: BuiltIn, language: str) -> TemplateRow:
    return TemplateRow(-(index + 1), entry.purpose, entry.name, entry.body, language,
                       entry.festival_code, True, 0, promotional_words(entry.purpose, entry.body))


def _row(t: MessageTemplate) -> TemplateRow:
    return TemplateRow(t.id, t.purpose, t.name, t.body, t.language, t.festival_code, t.active,
                       t.version, promotional_words(t.purpose, t.body))


def library_in(s: Session, branch_id: int) -> tuple[TemplateRow, ...]:
    """The store's library, read in the caller's transaction: its rows, or the built-in one."""
    rows = s.scalars(select(MessageTemplate).where(MessageTemplate.branch_id == branch_id)
                     .order_by(MessageTemplate.purpose, MessageTemplate.id)).all()
    if rows:
        return tuple(_row(t) for t in rows)
    language = store_language(s, branch_id)
    return tuple(_built_in_row(i, e, language) for i, e in enumerate(built_in(language)))


def check_input(data: TemplateInput) -> TemplateInput:
    """The cleaned input, or ValidationError naming the field that is wrong."""
    purpose = check_choice(TemplatePurpose, data.purpose, "purpose")
    name = check_text(data.name, NAME_MAX, "name")
    if not name:
        raise ValidationError("Give the message a name.", field="name")
    body = check_prose(data.body, BODY_MAX, "body")
    if not body:
        raise ValidationError("Write the message.", field="body")
    render(body, salutation="", name="", store="", staff="")  # refuses unknown placeholders
    code = check_text(data.festival_code, 32, "festival_code")
    if code and purpose is not TemplatePurpose.FESTIVAL:
        raise ValidationError("Only a festival message names a festival.", field="festival_code")
    return TemplateInput(purpose, name, body, code, bool(data.active))


class MessageLibrary:
    """The message library: read by whoever works the due list, edited with MANAGE_CARE."""

    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    promotional_words = staticmethod(promotional_words)
    render = staticmethod(render)

    @unit_of_work
    def templates(self, actor: Actor,
                  purpose: TemplatePurpose | None = None) -> tuple[TemplateRow, ...]:
        """The store's library (the built-in one until the store saves its own)."""
        require(actor, Action.WORK_CARE)
        with self._db.read() as s:
            rows = library_in(s, actor.branch_id)
        return tuple(r for r in rows if purpose is None or r.purpose is purpose)

    @unit_of_work
    def save(self, actor: Actor, data: TemplateInput, *, template_id: int | None = None,
             version: int | None = None) -> TemplateRow:
        """Add a message (``template_id`` None) or change the one shown at ``version``."""
        require(actor, Action.MANAGE_CARE)
        clean = check_input(data)
        with self._db.write() as s:
            t = self._editable(s, actor, template_id, version)
            if t is None:
                t = MessageTemplate(branch_id=actor.branch_id,
                                    language=store_language(s, actor.branch_id), version=0)
                s.add(t)
            t.purpose, t.name, t.body = clean.purpose, clean.name, clean.body
            t.festival_code, t.active = clean.festival_code, clean.active
            t.version += 1
            t.updated_at, t.updated_by_id = self._clock(), actor.staff_id
            s.flush()
            audit.record(s, self._clock(), actor, AuditAction.CARE_TEMPLATE_SAVE,
                         "message_template", t.id, f"purpose={t.purpose.value}")
            return _row(t)

    @unit_of_work
    def delete(self, actor: Actor, template_id: int, version: int) -> None:
        """Take a message out of the library (the one shown at ``version``)."""
        require(actor, Action.MANAGE_CARE)
        with self._db.write() as s:
            t = self._editable(s, actor, template_id, version)
            if t is None:
                raise _not_found(template_id)
            audit.record(s, self._clock(), actor, AuditAction.CARE_TEMPLATE_DELETE,
                         "message_template", t.id, f"name={t.name}")
            s.delete(t)

    def _editable(self, s: Session, actor: Actor, template_id: int | None,
                  version: int | None) -> MessageTemplate | None:
        """The row to change, locked and at ``version``; None to add one. A built-in id
        copies the built-in library first and names its copy."""
        if template_id is None:
            self._own_library(s, actor)
            return None
        if template_id < 0:
            copies = self._own_library(s, actor)
            if not copies or version not in (0, None):  # the store saved its own meanwhile
                raise _changed()
            if not 1 <= -template_id <= len(copies):
                raise _not_found(template_id)
            template_id, version = copies[-template_id - 1], None
        t = locked_row(s, MessageTemplate, template_id)
        if t is None or t.branch_id != actor.branch_id:
            raise _not_found(template_id)
        if version is not None and t.version != version:
            raise _changed()
        return t

    def _own_library(self, s: Session, actor: Actor) -> list[int]:
        """The ids of the built-in library's copies, made now when the store has no rows
        (the store's row locked first: two terminals copy it once); [] when it had rows."""
        s.scalar(locking(select(Branch.id).where(Branch.id == actor.branch_id)))
        exists = s.scalar(select(MessageTemplate.id)
                          .where(MessageTemplate.branch_id == actor.branch_id).limit(1))
        if exists is not None:
            return []
        language = store_language(s, actor.branch_id)
        rows = [MessageTemplate(branch_id=actor.branch_id, purpose=e.purpose, name=e.name,
                                body=e.body, language=language, festival_code=e.festival_code,
                                active=True, updated_at=self._clock(), version=1)
                for e in built_in(language)]
        s.add_all(rows)
        s.flush()
        return [t.id for t in rows]


def _not_found(template_id: object) -> NotFound:
    return NotFound("The library has no message number {id}.", field="template_id",
                    id=template_id)


def _changed() -> ConflictError:
    return ConflictError("Someone else changed the message library meanwhile; open it again to "
                         "see their change.", field="version")


def choose(library: Sequence[TemplateRow], purpose: TemplatePurpose, festival_code: str,
           seed: int) -> TemplateRow | None:
    """The active message for ``purpose`` (a festival's own first), varied by ``seed``."""
    active = [t for t in library if t.active and t.purpose is purpose]
    if purpose is TemplatePurpose.FESTIVAL:
        own = [t for t in active if festival_code and t.festival_code == festival_code]
        active = own or [t for t in active if not t.festival_code]
    return active[seed % len(active)] if active else None
