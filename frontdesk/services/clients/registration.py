"""Clients at the desk: quick registration, the summary shown after picking one, phone look-up.

Registration checks every input and names each wrong field, all at once; nothing is
written on refusal. A phone on file raises :class:`DuplicatePhone` (with that client, so the
desk can offer them), after every other check; for a role that sees phones masked
that answer is audited and limited (:mod:`~frontdesk.services.clients.phone_matches`).
The same name and birthday raises :class:`PossibleDuplicate` until the desk
confirms. :func:`refresh_search_keys` writes the search keys in the caller's
transaction (profile editing reuses it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from sqlalchemy import delete, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk.core.birthdays import BirthdayInput, check_birthday, days_until_birthday
from frontdesk.core.calendar import Calendar
from frontdesk.core.context import Actor, Clock, local_today
from frontdesk.core.names import search_keys
from frontdesk.core.permissions import Action, allowed, require
from frontdesk.core.phones import last4, mask_phone, normalise_phone, phone_for
from frontdesk.core.validation import check_choice, check_each, check_prose
from frontdesk.core.visitors import VisitorClass
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.models import Client, ClientSearchKey, Gender, SourceChannel
from frontdesk.models.client import visit_seconds
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.clients import phone_matches
from frontdesk.services.clients.desk_warnings import DeskWarnings
from frontdesk.services.clients.fields import (
    ALLERGIES_MAX,
    NOTE_MAX,
    check_member_no,
    check_name,
)
from frontdesk.services.clients.lookup import live_client
from frontdesk.services.special_clients import SpecialClient, special_client_types


@dataclass(frozen=True)
class NewClient:
    """The quick registration form, as typed (validated by :meth:`ClientService.register`)."""

    name: str
    phone: str
    gender: Gender | str = Gender.UNKNOWN
    birthday: BirthdayInput | None = None
    source: SourceChannel | str = SourceChannel.WALK_IN
    referred_by_id: int | None = None
    """Required when the source is a referral: the client who referred this one."""
    consent_marketing: bool = False
    consent_health: bool = False
    member_no: str = ""
    visitor_class: VisitorClass | str = VisitorClass.GENERAL
    allergies: str = ""
    note: str = ""
    confirm_possible_duplicate: bool = False


@dataclass(frozen=True)
class _ValidClient:
    name: str
    phone_e164: str
    gender: Gender
    birthday: BirthdayInput | None
    """Checked, with ``calendar`` a :class:`Calendar`."""
    source: SourceChannel
    referred_by_id: int | None
    consent_marketing: bool
    consent_health: bool
    member_no: str | None
    visitor_class: VisitorClass
    allergies: str
    note: str


class DuplicatePhone(ConflictError):
    """The phone number is on file already; ``client_id``/``client_name`` say whose."""

    template = "This phone number belongs to {name} already."

    def __init__(self, client_id: int, client_name: str):
        super().__init__(field="phone", name=client_name, client_id=client_id)
        self.client_id = client_id
        self.client_name = client_name


@dataclass(frozen=True)
class DuplicateCandidate:
    client_id: int
    name: str
    phone: str
    """Always masked: enough to tell people apart at the desk."""


class PossibleDuplicate(ConflictError):
    """Someone with the same name and birthday exists; confirm to register anyway."""

    template = ("A client with the same name and birthday is on file: {names}. "
                "Pick them, or confirm this is a different person.")

    def __init__(self, candidates: tuple[DuplicateCandidate, ...]):
        names = ", ".join(f"{c.name} ({c.phone})" if c.phone else c.name for c in candidates)
        super().__init__(field="name", names=names)
        self.candidates = candidates


@dataclass(frozen=True)
class RegisteredClient:
    client_id: int
    name: str
    phone: str  # as the registering role may see it


@dataclass(frozen=True)
class BirthdayParts:
    """A birthday as stored, for the UI to word (``农历 闰四月初八`` / ``1990-05-08``)."""

    calendar: Calendar
    month: int
    day: int
    year: int | None
    leap_month: bool
    days_until: int | None
    """Days to the next birthday (0 today); None when it cannot be placed."""


@dataclass(frozen=True)
class ClientSummary(DeskWarnings):
    """What the desk shows once a client is picked."""

    client_id: int
    name: str
    gender: Gender
    tier: str
    visitor_class: VisitorClass
    phone: str
    """Masked (``138****1234``) unless the role may see full numbers."""
    allergies: str
    birthday: BirthdayParts | None
    member_no: str | None
    last_visit_at: dt.datetime | None
    consent_marketing: bool
    consent_health: bool
    special_client: tuple[SpecialClient, ...] = ()
    """The special-client types of the latest consultation, for roles that see health
    records (:mod:`frontdesk.services.special_clients`)."""


def refresh_search_keys(session: Session, client: Client) -> None:
    """(Re)write a client's phone tail and name keys (readings, initials, parts); needs
    ``client.id``. The keys carry the last visit, so the client's row must be locked."""
    client.phone_last4 = last4(client.phone_e164)
    session.execute(delete(ClientSearchKey).where(ClientSearchKey.client_id == client.id))
    seen = visit_seconds(client.last_visit_at)
    session.add_all(ClientSearchKey(client_id=client.id, key=key, grade=int(grade), seen=seen)
                    for key, grade in sorted(search_keys(client.name).items()))


class ClientService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def register(self, actor: Actor, form: NewClient) -> RegisteredClient:
        """Register a new client from the quick form; refuses duplicates (see the module doc)."""
        require(actor, Action.REGISTER_CLIENT)
        valid = _validate(form, local_today(self._clock))
        phone_matches.refuse_if_too_many(self._db, self._clock, actor)
        try:
            return self._register(actor, valid, form.confirm_possible_duplicate)
        except DuplicatePhone as taken:
            phone_matches.record_match(self._db, self._clock, actor, taken.client_id)
            raise

    @unit_of_work
    def _register(self, actor: Actor, valid: _ValidClient, confirmed: bool) -> RegisteredClient:
        try:
            with self._db.write() as s:
                self._refuse_duplicates(s, valid, confirmed)
                client = self._insert(s, actor, valid)
                return RegisteredClient(client.id, client.name, self._phone(actor, client))
        except IntegrityError:
            self._explain_integrity_error(valid)
            raise

    @unit_of_work
    def get_summary(self, actor: Actor, client_id: int) -> ClientSummary:
        require(actor, Action.VIEW_CLIENT)
        with self._db.read() as s:
            summary = self._summary(actor, live_client(s, client_id))
            types = special_client_types(s, actor, (client_id,)).get(client_id, ())
            return replace(summary, special_client=types)

    @unit_of_work
    def find_by_phone(self, actor: Actor, phone_text: str) -> ClientSummary | None:
        """The client with this phone number (as typed), or None; for roles that see full
        numbers only (to the others the answer would confirm a number they cannot see)."""
        require(actor, Action.SEARCH_CLIENTS)
        require(actor, Action.SEE_FULL_PHONE)
        phone = normalise_phone(phone_text)
        with self._db.read() as s:
            client = s.scalar(select(Client).where(Client.phone_e164 == phone,
                                                   Client.anonymised_at.is_(None)))
            return None if client is None else self._summary(actor, client)

    def _refuse_duplicates(self, s: Session, valid: _ValidClient, confirmed: bool) -> None:
        """The phone comes last: a number not on file then always costs a write (see
        :mod:`~frontdesk.services.clients.phone_matches`)."""
        if valid.member_no is not None and s.scalar(
                select(Client.id).where(Client.member_no == valid.member_no)) is not None:
            raise ValidationError("The member number {member_no} is taken.",
                                  field="member_no", member_no=valid.member_no)
        if valid.referred_by_id is not None:
            _refuse_unknown_referrer(s, valid.referred_by_id)
        if not confirmed:
            candidates = _same_name_and_birthday(s, valid)
            if candidates:
                raise PossibleDuplicate(candidates)
        taken = _phone_taken(s, valid.phone_e164)
        if taken is not None:
            raise taken

    def _insert(self, s: Session, actor: Actor, v: _ValidClient) -> Client:
        now = self._clock()
        b = v.birthday
        birthday = {} if b is None else {
            "birthday_calendar": Calendar(b.calendar), "birth_year": b.year,
            "birth_month": b.month, "birth_day": b.day, "birth_leap_month": b.leap_month}
        client = Client(
            branch_id=actor.branch_id, name=v.name, gender=v.gender, phone_e164=v.phone_e164,
            member_no=v.member_no, source=v.source, referred_by_id=v.referred_by_id,
            visitor_class=v.visitor_class, allergies=v.allergies, note=v.note, **birthday,
            consent_marketing=v.consent_marketing,
            consent_marketing_at=now if v.consent_marketing else None,
            consent_health=v.consent_health, consent_health_at=now if v.consent_health else None,
            created_at=now, updated_at=now,
        )
        s.add(client)
        s.flush()
        refresh_search_keys(s, client)
        audit.record(s, now, actor, AuditAction.CLIENT_CREATE, "client", client.id,
                     f"source={v.source}")
        return client

    @unit_of_work
    def _explain_integrity_error(self, valid: _ValidClient) -> None:
        """A unique key lost a race with another terminal: say which one."""
        with self._db.read() as s:
            taken = _phone_taken(s, valid.phone_e164)
        if taken is not None:
            raise taken from None
        if valid.member_no is not None:
            raise ValidationError("The member number {member_no} is taken.",
                                  field="member_no", member_no=valid.member_no) from None

    def _phone(self, actor: Actor, client: Client) -> str:
        return phone_for(client.phone_e164, allowed(actor, Action.SEE_FULL_PHONE))

    def _summary(self, actor: Actor, c: Client) -> ClientSummary:
        birthday = None
        if c.birthday_calendar is not None and c.birth_month and c.birth_day:
            days = days_until_birthday(c.birthday_calendar, c.birth_month, c.birth_day,
                                       c.birth_leap_month, local_today(self._clock))
            birthday = BirthdayParts(c.birthday_calendar, c.birth_month, c.birth_day,
                                     c.birth_year, c.birth_leap_month, days)
        return ClientSummary(
            client_id=c.id, name=c.name, gender=c.gender, tier=c.tier,
            visitor_class=c.visitor_class, phone=self._phone(actor, c), allergies=c.allergies,
            birthday=birthday, member_no=c.member_no, last_visit_at=c.last_visit_at,
            consent_marketing=c.consent_marketing, consent_health=c.consent_health)


def _phone_taken(s: Session, phone_e164: str) -> DuplicatePhone | None:
    holder = s.execute(select(Client.id, Client.name)
                       .where(Client.phone_e164 == phone_e164)).first()
    return None if holder is None else DuplicatePhone(holder.id, holder.name)


def _refuse_unknown_referrer(s: Session, client_id: int) -> None:
    try:
        live_client(s, client_id)
    except NotFound:
        raise ValidationError("No client with number {id} to credit the referral to.",
                              field="referred_by_id", id=client_id) from None


def _same_name_and_birthday(s: Session, v: _ValidClient) -> tuple[DuplicateCandidate, ...]:
    b = v.birthday
    if b is None:
        return ()
    query = select(Client.id, Client.name, Client.phone_e164).where(
        Client.name == v.name, Client.anonymised_at.is_(None),
        Client.birthday_calendar == Calendar(b.calendar), Client.birth_month == b.month,
        Client.birth_day == b.day, Client.birth_leap_month == b.leap_month,
    ).order_by(Client.id).limit(5)
    if b.year is not None:
        query = query.where(or_(Client.birth_year.is_(None), Client.birth_year == b.year))
    return tuple(DuplicateCandidate(r.id, r.name, mask_phone(r.phone_e164))
                 for r in s.execute(query))


def _check_referrer(form: NewClient) -> int | None:
    if form.source == SourceChannel.REFERRAL and form.referred_by_id is None:
        raise ValidationError("Pick the client who referred this one.", field="referred_by_id")
    return form.referred_by_id


def _validate(form: NewClient, today: dt.date) -> _ValidClient:
    """Every input checked: each wrong field is named, all at once (see ``check_each``)."""
    values = check_each({
        "name": lambda: check_name(form.name),
        "phone_e164": lambda: normalise_phone(form.phone, field="phone"),
        "gender": lambda: check_choice(Gender, form.gender, "gender"),
        "birthday": lambda: None if form.birthday is None else check_birthday(form.birthday,
                                                                               today),
        "source": lambda: check_choice(SourceChannel, form.source, "source"),
        "referred_by_id": lambda: _check_referrer(form),
        "member_no": lambda: check_member_no(form.member_no),
        "visitor_class": lambda: check_choice(VisitorClass, form.visitor_class,
                                              "visitor_class"),
        "allergies": lambda: check_prose(form.allergies, ALLERGIES_MAX, "allergies"),
        "note": lambda: check_prose(form.note, NOTE_MAX, "note"),
    })
    return _ValidClient(**values, consent_marketing=bool(form.consent_marketing),
                        consent_health=bool(form.consent_health))
