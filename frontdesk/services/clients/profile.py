"""The client profile (客户档案): basics, preferences, allergies, history and the last 12 months.

Reads are cheap: one client row, its preferences, a few aggregates; consumption and
visits come in keyset pages (:mod:`frontdesk.services.clients.history`). The phone is
shown as the actor's role may see it.

Edits are optimistic: the caller sends what it displayed, and if another terminal
changed it meanwhile the edit raises :class:`EditConflict` naming what changed, and
overwrites nothing. Each edit locks the client's row first, then compares, so the
check and the write cannot be split by another terminal's save.

- Basics: the caller sends the ``version`` it displayed, which only a person's edit
  of the basics moves on; what the desk writes on its own (the last visit at
  check-out, the search keys) never does, so it never makes an edit conflict. Pass
  the :class:`ClientBasics` you displayed as ``loaded`` and the conflict names just
  the fields the other terminal changed; without it, every field is listed as it now
  stands.
- Preferences and tags: the caller sends the :class:`Preferences` it displayed
  (``loaded``); the conflict names the lists that changed.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk.core.birthdays import BirthdayInput, check_birthday
from frontdesk.core.context import Actor, Clock, local_today
from frontdesk.core.permissions import Action, allowed, require
from frontdesk.core.phones import normalise_phone, phone_for
from frontdesk.core.validation import check_characters, check_choice, check_prose, check_text
from frontdesk.core.visitors import VisitorClass
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ConflictError, ValidationError
from frontdesk.models import Client, ConsumptionLine, Gender, SourceChannel, Visit
from frontdesk.models.profile import ClientPreference, PreferenceKind
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.clients import fields as client_fields
from frontdesk.services.clients import phone_matches
from frontdesk.services.clients.history import (
    ConsumptionRow,
    VisitRow,
    YearSummary,
    consumption_page,
    visit_page,
    year_summary,
)
from frontdesk.services.clients.lookup import live_client
from frontdesk.services.clients.registration import DuplicatePhone, refresh_search_keys
from frontdesk.services.clients.sections import (
    NOT_YET,
    CardSummary,
    CareSummary,
    ClientCards,
    ClientCare,
    ClientComplaints,
    ComplaintSummary,
)
from frontdesk.services.rows import check_row_id

STALE_AFTER = dt.timedelta(days=365)
SUMMARY_WINDOW = dt.timedelta(days=365)
MAX_PREFERENCES = 20
MAX_PREFERENCE_LEN = 80


class EditConflict(ConflictError):
    """Another terminal changed the client since it was loaded; nothing was saved.

    ``params``: ``fields`` (comma-separated names) and ``changed`` ({field: value now
    in the database}); for the basics also ``version`` (the version to edit against
    after reloading), for preferences ``preferences`` (all of them as they now stand).
    """

    template = ("Someone else changed this client meanwhile ({fields}). Nothing was saved: "
                "check the new values and make your change again.")


class _Keep(enum.Enum):
    KEEP = "keep"


KEEP = _Keep.KEEP
"""A :class:`BasicsChanges` field left at KEEP is not changed."""


@dataclass(frozen=True)
class BasicsChanges:
    """The fields to change; KEEP leaves one as it is. ``phone`` is text as typed (required)."""

    name: str | _Keep = KEEP
    gender: Gender | _Keep = KEEP
    phone: str | _Keep = KEEP
    member_no: str | _Keep = KEEP
    birthday: BirthdayInput | None | _Keep = KEEP
    source: SourceChannel | _Keep = KEEP
    referred_by_id: int | None | _Keep = KEEP
    visitor_class: VisitorClass | _Keep = KEEP
    tier: str | _Keep = KEEP
    note: str | _Keep = KEEP
    allergies: str | _Keep = KEEP
    consent_marketing: bool | _Keep = KEEP
    consent_health: bool | _Keep = KEEP

    def given(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)
                if getattr(self, f.name) is not KEEP}


@dataclass(frozen=True)
class ClientBasics:
    id: int
    name: str
    gender: Gender
    phone: str  # as the actor's role may see it (masked for most roles)
    member_no: str
    birthday: BirthdayInput | None
    source: SourceChannel
    referred_by_id: int | None
    referred_by_name: str
    visitor_class: VisitorClass
    tier: str
    note: str
    allergies: str  # allergies and contraindications: show them prominently
    consent_marketing: bool
    consent_marketing_at: dt.datetime | None
    consent_health: bool
    consent_health_at: dt.datetime | None
    created_at: dt.datetime
    basics_confirmed_at: dt.datetime | None
    version: int


CONFLICT_FIELDS = tuple(f.name for f in fields(BasicsChanges))


@dataclass(frozen=True)
class Preferences:
    favourite_services: tuple[str, ...] = ()
    preferred_staff: tuple[str, ...] = ()
    preferred_rooms: tuple[str, ...] = ()
    drinks: tuple[str, ...] = ()
    music: tuple[str, ...] = ()
    avoid_topics: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


_PREF_KINDS = {"favourite_services": PreferenceKind.FAVOURITE_SERVICE,
               "preferred_staff": PreferenceKind.PREFERRED_STAFF,
               "preferred_rooms": PreferenceKind.PREFERRED_ROOM, "drinks": PreferenceKind.DRINK,
               "music": PreferenceKind.MUSIC, "avoid_topics": PreferenceKind.AVOID_TOPIC,
               "tags": PreferenceKind.TAG}


@dataclass(frozen=True)
class ClientProfile:
    basics: ClientBasics
    preferences: Preferences
    stale: bool  # basics not confirmed for 12 months: ask the client to check them
    summary: YearSummary
    cards: tuple[CardSummary, ...] = ()
    complaints: tuple[ComplaintSummary, ...] = ()
    care: tuple[CareSummary, ...] = ()

    @property
    def allergies(self) -> str:
        return self.basics.allergies


def _birthday(c: Client) -> BirthdayInput | None:
    if c.birthday_calendar is None or not c.birth_month or not c.birth_day:
        return None
    return BirthdayInput(c.birthday_calendar, c.birth_month, c.birth_day, c.birth_year,
                         c.birth_leap_month)


def _basics(s: Session, c: Client, actor: Actor) -> ClientBasics:
    referrer = ""
    if c.referred_by_id is not None:
        referrer = s.scalar(select(Client.name).where(Client.id == c.referred_by_id)) or ""
    return ClientBasics(
        c.id, c.name, c.gender, phone_for(c.phone_e164, allowed(actor, Action.SEE_FULL_PHONE)),
        c.member_no or "", _birthday(c), c.source, c.referred_by_id, referrer, c.visitor_class,
        c.tier, c.note, c.allergies, c.consent_marketing, c.consent_marketing_at,
        c.consent_health, c.consent_health_at, c.created_at, c.basics_confirmed_at, c.version)


def is_stale(client: Client, now: dt.datetime) -> bool:
    """True when the basics were last confirmed (or entered) more than 12 months ago."""
    return (client.basics_confirmed_at or client.created_at) < now - STALE_AFTER


def preferences_of(s: Session, client_id: int) -> Preferences:
    by_kind: dict[PreferenceKind, list[str]] = {k: [] for k in PreferenceKind}
    for kind, value in s.execute(select(ClientPreference.kind, ClientPreference.value)
                                 .where(ClientPreference.client_id == client_id)
                                 .order_by(ClientPreference.position, ClientPreference.id)):
        by_kind[kind].append(value)
    return Preferences(**{attr: tuple(by_kind[kind]) for attr, kind in _PREF_KINDS.items()})


def _validated_preferences(prefs: Preferences) -> list[tuple[PreferenceKind, str]]:
    out: list[tuple[PreferenceKind, str]] = []
    for attr, kind in _PREF_KINDS.items():
        values = list(dict.fromkeys(" ".join(check_characters(v, attr).split())
                                    for v in getattr(prefs, attr)))
        values = [v for v in values if v]
        if len(values) > MAX_PREFERENCES:
            raise ValidationError("At most {n} entries here.", field=attr, n=MAX_PREFERENCES)
        for value in values:
            if len(value) > MAX_PREFERENCE_LEN:
                raise ValidationError("{value} is too long ({limit} characters at most).",
                                      field=attr, value=value, limit=MAX_PREFERENCE_LEN)
            out.append((kind, value))
    return out


def _bool(field: str) -> Callable[[Any, dt.date], dict[str, Any]]:
    def check(value: Any, _today: dt.date) -> dict[str, Any]:
        if not isinstance(value, bool):
            raise ValidationError("Choose yes or no.", field=field)
        return {field: value}
    return check


def _birthday_columns(value: BirthdayInput | None, today: dt.date) -> dict[str, Any]:
    b = None if value is None else check_birthday(value, today)
    return {"birthday_calendar": b and b.calendar, "birth_year": b and b.year,
            "birth_month": b and b.month, "birth_day": b and b.day,
            "birth_leap_month": bool(b and b.leap_month)}


# The fields' checks (shared with registration), field by field, as column values.
_VALIDATORS: dict[str, Callable[[Any, dt.date], dict[str, Any]]] = {
    "name": lambda v, _: {"name": client_fields.check_name(v)},
    "gender": lambda v, _: {"gender": check_choice(Gender, v, "gender")},
    "phone": lambda v, _: {"phone_e164": normalise_phone(v, field="phone")},
    "member_no": lambda v, _: {"member_no": client_fields.check_member_no(v)},
    "birthday": _birthday_columns,
    "source": lambda v, _: {"source": check_choice(SourceChannel, v, "source")},
    "referred_by_id": lambda v, _: {"referred_by_id": v if v is None else check_row_id(
        Client, v, "referred_by_id")},
    "visitor_class": lambda v, _: {"visitor_class": check_choice(VisitorClass, v,
                                                                "visitor_class")},
    "tier": lambda v, _: {"tier": check_text(v, client_fields.TIER_MAX, "tier")},
    "note": lambda v, _: {"note": check_prose(v, client_fields.NOTE_MAX, "note")},
    "allergies": lambda v, _: {"allergies": check_prose(v, client_fields.ALLERGIES_MAX,
                                                        "allergies")},
    "consent_marketing": _bool("consent_marketing"),
    "consent_health": _bool("consent_health"),
}


def validated_changes(changes: BasicsChanges, today: dt.date) -> dict[str, Any]:
    """The client columns to write, each input checked as registration checks it."""
    columns: dict[str, Any] = {}
    for name, value in changes.given().items():
        columns.update(_VALIDATORS[name](value, today))
    return columns


def _refuse_taken(s: Session, client: Client, columns: dict[str, Any]) -> None:
    """Refuse a member number or phone another client holds, or an impossible referrer.

    The phone comes last: a number not on file then always costs a write (see
    :mod:`~frontdesk.services.clients.phone_matches`).
    """
    number = columns.get("member_no")
    if number is not None and s.scalar(select(Client.id).where(
            Client.member_no == number, Client.id != client.id)) is not None:
        raise ValidationError("The member number {member_no} is taken.", field="member_no",
                              member_no=number)
    referrer = columns.get("referred_by_id")
    if referrer is not None and (referrer == client.id or s.get(Client, referrer) is None):
        raise ValidationError("No client with number {id} to credit the referral to.",
                              field="referred_by_id", id=referrer)
    phone = columns.get("phone_e164")
    if phone is not None:
        holder = s.execute(select(Client.id, Client.name).where(
            Client.phone_e164 == phone, Client.id != client.id)).first()
        if holder is not None:
            raise DuplicatePhone(holder.id, holder.name)


def _preferences_conflict(current: Preferences, loaded: Preferences) -> EditConflict | None:
    """The conflict to report, or None when the preferences are as ``loaded`` showed them."""
    names = [attr for attr in _PREF_KINDS if getattr(current, attr) != getattr(loaded, attr)]
    if not names:
        return None
    return EditConflict(fields=", ".join(names), preferences=current,
                        changed={attr: getattr(current, attr) for attr in names})


def _conflict(current: ClientBasics, loaded: ClientBasics | None) -> EditConflict | None:
    """The conflict to report, or None when ``loaded`` shows no profile field changed."""
    names = [f for f in CONFLICT_FIELDS
             if loaded is None or getattr(loaded, f) != getattr(current, f)]
    if not names:
        return None
    return EditConflict(fields=", ".join(names), version=current.version,
                        changed={f: getattr(current, f) for f in names})


def _check_page(client_id: int, model: Any, before_id: int | None) -> None:
    """Refuse ids no row can have (the keyset cursor ``before_id`` is a row of ``model``)."""
    check_row_id(Client, client_id, "client_id")
    if before_id is not None:
        check_row_id(model, before_id, "before_id")


class ProfileService:
    def __init__(self, db: Database, clock: Clock, *, cards: ClientCards = NOT_YET,
                 complaints: ClientComplaints = NOT_YET, care: ClientCare = NOT_YET):
        self._db = db
        self._clock = clock
        self._cards = cards
        self._complaints = complaints
        self._care = care

    @unit_of_work
    def profile(self, actor: Actor, client_id: int) -> ClientProfile:
        """The profile page: basics, preferences, the stale flag and the 12-month summary."""
        require(actor, Action.VIEW_CLIENT)
        now = self._clock()
        with self._db.read() as s:
            client = live_client(s, client_id)
            return ClientProfile(
                _basics(s, client, actor), preferences_of(s, client_id), is_stale(client, now),
                year_summary(s, client_id, now - SUMMARY_WINDOW),
                self._cards.cards_of(s, client_id), self._complaints.complaints_of(s, client_id),
                self._care.care_of(s, client_id))

    @unit_of_work
    def consumption(self, actor: Actor, client_id: int, before_id: int | None = None,
                    limit: int = 50) -> list[ConsumptionRow]:
        """Consumption lines newest first; pass the last row's id as ``before_id`` for more."""
        require(actor, Action.VIEW_CLIENT)
        _check_page(client_id, ConsumptionLine, before_id)
        with self._db.read() as s:
            return consumption_page(s, client_id, before_id, limit)

    @unit_of_work
    def visits(self, actor: Actor, client_id: int, before_id: int | None = None,
               limit: int = 50) -> list[VisitRow]:
        """The visits timeline newest first; pass the last row's id as ``before_id`` for more."""
        require(actor, Action.VIEW_CLIENT)
        _check_page(client_id, Visit, before_id)
        with self._db.read() as s:
            return visit_page(s, client_id, before_id, limit)

    @unit_of_work
    def update_basics(self, actor: Actor, client_id: int, expected_version: int,
                      changes: BasicsChanges, loaded: ClientBasics | None = None) -> ClientBasics:
        """Change the given fields if nobody else changed the client since ``expected_version``.

        Raises EditConflict (nothing written) when they did; see the module doc for ``loaded``.
        """
        require(actor, Action.EDIT_CLIENT)
        columns = validated_changes(changes, local_today(self._clock))
        if "phone_e164" in columns:
            phone_matches.refuse_if_too_many(self._db, self._clock, actor)
        try:
            return self._update_basics(actor, client_id, expected_version, columns, loaded)
        except DuplicatePhone as taken:
            phone_matches.record_match(self._db, self._clock, actor, taken.client_id)
            raise

    @unit_of_work
    def _update_basics(self, actor: Actor, client_id: int, expected_version: int,
                       columns: dict[str, Any], loaded: ClientBasics | None) -> ClientBasics:
        try:
            with self._db.write() as s:
                client = live_client(s, client_id, lock=True)
                if client.version != expected_version:
                    self._refuse_conflict(_basics(s, client, actor), loaded, actor, columns)
                _refuse_taken(s, client, columns)
                changed = self._apply(s, client, columns)
                s.flush()
                if "consent_marketing" in changed and not client.consent_marketing:
                    self._care.marketing_withdrawn(s, client.id, self._clock())
                if changed:
                    audit.record(s, self._clock(), actor, AuditAction.CLIENT_UPDATE, "client",
                                 client.id, "fields=" + ",".join(changed))
                return _basics(s, client, actor)
        except IntegrityError:  # another client took the phone or number meanwhile
            with self._db.read() as s:
                _refuse_taken(s, live_client(s, client_id), columns)
            raise

    @staticmethod
    def _refuse_conflict(current: ClientBasics, loaded: ClientBasics | None, actor: Actor,
                         columns: dict[str, Any]) -> None:
        conflict = _conflict(current, loaded)
        if conflict is None and "phone_e164" in columns and not allowed(
                actor, Action.SEE_FULL_PHONE):  # a masked phone may hide a change
            conflict = EditConflict(fields="phone", changed={"phone": current.phone},
                                    version=current.version)
        if conflict is not None:
            raise conflict

    def _apply(self, s: Session, client: Client, columns: dict[str, Any]) -> list[str]:
        now = self._clock()
        changed = [k for k, v in columns.items() if getattr(client, k) != v]
        for consent in ("consent_marketing", "consent_health"):
            if consent in changed:
                setattr(client, f"{consent}_at", now)
        for key in changed:
            setattr(client, key, columns[key])
        if changed:
            client.updated_at = now
            client.version += 1  # a person's edit: the one thing that moves the version on
        if {"name", "phone_e164"} & set(changed):
            refresh_search_keys(s, client)
        return changed

    def set_allergies(self, actor: Actor, client_id: int, expected_version: int, text: str,
                      loaded: ClientBasics | None = None) -> ClientBasics:
        """Allergies and contraindications (a basics edit, so the same conflict check)."""
        return self.update_basics(actor, client_id, expected_version,
                                  BasicsChanges(allergies=text), loaded)

    @unit_of_work
    def confirm_basics(self, actor: Actor, client_id: int) -> ClientBasics:
        """The client checked their basics today: clears the stale flag for 12 months.

        Nothing a person edits changes, so the version stays and no edit conflicts with it.
        """
        require(actor, Action.EDIT_CLIENT)
        with self._db.write() as s:
            client = live_client(s, client_id, lock=True)
            client.basics_confirmed_at = self._clock()
            s.flush()
            audit.record(s, self._clock(), actor, AuditAction.CLIENT_CONFIRM_BASICS, "client",
                         client.id)
            return _basics(s, client, actor)

    @unit_of_work
    def record_health_consent(self, actor: Actor, client_id: int, via: str) -> ClientBasics:
        """The client agrees now to keeping health data: record it where it is needed (the
        consultation form), without the basics form. A person's edit of the basics, so the
        version moves on; when it is on record already (another terminal recorded it) nothing
        changes and nothing is audited. ``via`` names the screen, for the audit trail."""
        require(actor, Action.EDIT_CLIENT)
        via = check_text(via, 32, "via")
        with self._db.write() as s:
            client = live_client(s, client_id, lock=True)
            if self._apply(s, client, {"consent_health": True}):
                s.flush()
                audit.record(s, self._clock(), actor, AuditAction.CLIENT_UPDATE, "client",
                             client.id, f"fields=consent_health via={via}")
            return _basics(s, client, actor)

    @unit_of_work
    def set_preferences(self, actor: Actor, client_id: int, prefs: Preferences, *,
                        loaded: Preferences) -> Preferences:
        """Replace the client's preferences and tags with ``prefs`` (blanks and repeats dropped).

        ``loaded`` is what the caller displayed: when another terminal changed them since,
        raises EditConflict naming the lists that changed, and writes nothing.
        """
        require(actor, Action.EDIT_CLIENT)
        rows = _validated_preferences(prefs)
        with self._db.write() as s:
            client = live_client(s, client_id, lock=True)
            conflict = _preferences_conflict(preferences_of(s, client_id), loaded)
            if conflict is not None:
                raise conflict
            s.execute(delete(ClientPreference).where(ClientPreference.client_id == client_id))
            s.add_all(ClientPreference(branch_id=client.branch_id, client_id=client_id, kind=k,
                                       value=v, position=i) for i, (k, v) in enumerate(rows))
            s.flush()
            audit.record(s, self._clock(), actor, AuditAction.CLIENT_PREFERENCES, "client",
                         client_id)
            return preferences_of(s, client_id)
