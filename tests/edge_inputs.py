"""Edge inputs for every service entry that reaches a text column or a query parameter.

One table, two users: ``tests/unit/test_edge_inputs.py`` asserts that each bad value
is refused with a DomainError naming the field and leaves the database unchanged
(on SQLite and PostgreSQL), and ``tests/reliability/probes_edge.py`` counts the same
cases as attacks. A bad value is a NUL, another control character, a lone surrogate
(which no database can store), or one character more than the field holds; a
single-line field also refuses line breaks and tabs, which a prose field (stored as
``Text``: notes, allergies, observations, reasons) keeps. The search never refuses:
it finds nothing, or strips what it cannot use.

:data:`NUMBER_CASES` are the same idea for numbers and dates: an id of 2**63, a
booking in the year 9999.
"""

from __future__ import annotations

import datetime as dt
import enum
import itertools
import os
import subprocess
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import inspect, text

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.errors import DomainError, StorageError
from frontdesk.models import RoomState
from frontdesk.models.consultation import ConditionKind
from frontdesk.services.clients.profile import BasicsChanges, Preferences
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.checkout import LineInput, PaymentInput
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.health.form import (
    ClientType,
    ConditionNote,
    ConsultationForm,
    PlanLine,
)
from frontdesk.services.registry import Services

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "correct-horse-9"
HUGE_ID = 2**63
"""One past the largest 64-bit id: SQLite raised OverflowError for it."""


class Kind(enum.Enum):
    LINE = "line"  # one line: names, numbers, references (String columns)
    PROSE = "prose"  # free text that may hold line breaks and tabs (Text columns)
    PHONE = "phone"
    SEARCH = "search"  # must not refuse: finds nothing, or strips what it cannot use


CONTROLS: dict[str, str] = {
    "nul": "王\x00", "escape": "a\x1b[31mb", "bell": "a\x07", "delete": "a\x7f",
    "c1": "a\x85b", "surrogate": "a\ud800b",
}
LINE_BREAKS: dict[str, str] = {"newline": "a\nb", "return": "a\rb", "tab": "a\tb"}
PHONES: dict[str, str] = {
    "letters": "138abcd5678", "full-width letters": "１３８ａｂｃｄ５６７８",
    "nul": "1380013\x008000", "escape": "138\x1b00138000", "long": "1" * 300,
}


@dataclass(frozen=True)
class Store:
    """A small store to attack: an admin, a client with health consent, a booking, a visit
    in service, a consultation record, a therapist, a room and a service."""

    services: Services
    admin: Actor
    client_id: int
    client2_id: int
    appointment_id: int
    visit_id: int
    record_id: int
    therapist_id: int
    room_id: int
    facial_id: int

    def version(self) -> int:
        return self.services.profile.profile(self.admin, self.client_id).basics.version


@dataclass(frozen=True)
class Entry:
    """One service input: ``call(store, value)`` sends ``value`` there."""

    name: str
    field: str
    kind: Kind
    limit: int
    call: Callable[[Store, str], Any]

    def bad_values(self) -> dict[str, str]:
        """Each value this entry must refuse (the search: must survive), by a short name."""
        if self.kind is Kind.PHONE:
            return {**PHONES, **{k: "138" + v for k, v in CONTROLS.items()}}
        values = dict(CONTROLS)
        if self.kind in (Kind.LINE, Kind.SEARCH):
            values.update(LINE_BREAKS)
        values["over-long"] = "王" * (self.limit + 1)
        return values


_numbers = itertools.count(1)


def fresh_phone() -> str:
    """A mobile number no other call has used, so a duplicate never hides a refusal."""
    return f"137{next(_numbers):08d}"


def in_hours(store: Store, hours: int) -> dt.datetime:
    start = store.services.clock() + dt.timedelta(hours=hours)
    return start.replace(minute=0, second=0, microsecond=0)


def _register(field: str) -> Callable[[Store, str], Any]:
    def call(s: Store, v: str) -> Any:
        values = {"name": "新客", "phone": fresh_phone(), field: v}
        return s.services.clients.register(s.admin, NewClient(**values))
    return call


def _basics(name: str) -> Callable[[Store, str], Any]:
    return lambda s, v: s.services.profile.update_basics(
        s.admin, s.client_id, s.version(), BasicsChanges(**{name: v}))


def _preference(name: str) -> Callable[[Store, str], Any]:
    return lambda s, v: s.services.profile.set_preferences(
        s.admin, s.client_id, Preferences(**{name: ("茉莉花茶", v)}),
        loaded=s.services.profile.profile(s.admin, s.client_id).preferences)


def _consultation(form: Callable[[str], ConsultationForm]) -> Callable[[Store, str], Any]:
    return lambda s, v: s.services.consultation.save(s.admin, s.client_id, form(v))


def _check_out(reference: str = "", key: str = "") -> Callable[[Store, str], Any]:
    def call(s: Store, v: str) -> Any:
        return s.services.checkout.check_out(
            s.admin, s.visit_id, [LineInput("service", s.facial_id)],
            [PaymentInput("cash", 38000, v if reference else "")],
            v if key else f"edge-{next(_numbers)}")
    return call


_SKIN, _BODY = ConsultationForm().skin, ConsultationForm().body
ENTRIES: tuple[Entry, ...] = (
    Entry("register name", "name", Kind.LINE, 40, _register("name")),
    Entry("register member number", "member_no", Kind.LINE, 32, _register("member_no")),
    Entry("register phone", "phone", Kind.PHONE, 0, _register("phone")),
    Entry("register allergies", "allergies", Kind.PROSE, 500, _register("allergies")),
    Entry("register note", "note", Kind.PROSE, 2000, _register("note")),
    Entry("profile name", "name", Kind.LINE, 40, _basics("name")),
    Entry("profile member number", "member_no", Kind.LINE, 32, _basics("member_no")),
    Entry("profile phone", "phone", Kind.PHONE, 0, _basics("phone")),
    Entry("profile tier", "tier", Kind.LINE, 24, _basics("tier")),
    Entry("profile note", "note", Kind.PROSE, 2000, _basics("note")),
    Entry("profile allergies", "allergies", Kind.PROSE, 500, _basics("allergies")),
    *(Entry(f"preferences {name}", name, Kind.LINE, 80, _preference(name))
      for name in ("favourite_services", "preferred_staff", "preferred_rooms", "drinks",
                   "music", "avoid_topics", "tags")),
    Entry("search", "query", Kind.SEARCH, 100,
          lambda s, v: s.services.search.search(s.admin, v)),
    Entry("find by phone", "phone", Kind.PHONE, 0,
          lambda s, v: s.services.clients.find_by_phone(s.admin, v)),
    Entry("sign-in user name", "username", Kind.LINE, 64,
          lambda s, v: s.services.auth.sign_in(v, PASSWORD)),
    Entry("sign-in password", "password", Kind.LINE, 256,
          lambda s, v: s.services.auth.sign_in("admin", v)),
    Entry("staff user name", "username", Kind.LINE, 64,
          lambda s, v: s.services.staff.add_staff(s.admin, v, "新同事", Role.THERAPIST, None)),
    Entry("staff display name", "display_name", Kind.LINE, 80,
          lambda s, v: s.services.staff.add_staff(s.admin, f"new{next(_numbers)}", v,
                                                  Role.THERAPIST, None)),
    Entry("staff password", "password", Kind.LINE, 256,
          lambda s, v: s.services.staff.add_staff(s.admin, f"new{next(_numbers)}", "新同事",
                                                  Role.THERAPIST, "long-enough-" + v)),
    Entry("store name", "store_name", Kind.LINE, 120,
          lambda s, v: s.services.store.initialise(v, "boss", "店长", PASSWORD)),
    Entry("service name", "name", Kind.LINE, 80,
          lambda s, v: s.services.catalog.add_service_item(s.admin, v, 100)),
    Entry("service category", "category", Kind.LINE, 40,
          lambda s, v: s.services.catalog.add_service_item(s.admin, f"项目{next(_numbers)}",
                                                           100, category=v)),
    Entry("product name", "name", Kind.LINE, 80,
          lambda s, v: s.services.catalog.add_product(s.admin, v, 100)),
    Entry("product category", "category", Kind.LINE, 40,
          lambda s, v: s.services.catalog.add_product(s.admin, f"产品{next(_numbers)}", 100,
                                                      category=v)),
    Entry("room name", "name", Kind.LINE, 40,
          lambda s, v: s.services.catalog.add_room(s.admin, v)),
    Entry("appointment note", "note", Kind.PROSE, 500,
          lambda s, v: s.services.appointments.book(s.admin, s.client_id, in_hours(s, 3),
                                                    duration_min=60, note=v)),
    Entry("appointment cancel reason", "reason", Kind.PROSE, 500,
          lambda s, v: s.services.appointments.cancel(s.admin, s.appointment_id, v)),
    Entry("check-in purpose", "purpose", Kind.LINE, 255,
          lambda s, v: s.services.visits.check_in(s.admin, CheckIn(s.client_id, purpose=v))),
    Entry("check-in prep note", "prep_note", Kind.PROSE, 1000,
          lambda s, v: s.services.visits.check_in(s.admin, CheckIn(s.client_id, prep_note=v))),
    Entry("visit cancel reason", "reason", Kind.PROSE, 1000,
          lambda s, v: s.services.visits.cancel_visit(s.admin, s.visit_id, v)),
    Entry("payment reference", "payments.0.reference", Kind.LINE, 64,
          _check_out(reference="yes")),
    Entry("check-out key", "idempotency_key", Kind.LINE, 64, _check_out(key="yes")),
    Entry("skin notes", "skin_notes", Kind.PROSE, 2000, _consultation(
        lambda v: ConsultationForm(skin=replace(_SKIN, notes=v)))),
    Entry("posture", "posture", Kind.PROSE, 2000, _consultation(
        lambda v: ConsultationForm(body=replace(_BODY, posture=v)))),
    Entry("pain areas", "pain_areas", Kind.PROSE, 2000, _consultation(
        lambda v: ConsultationForm(body=replace(_BODY, pain_areas=v)))),
    Entry("meridian notes", "meridian_notes", Kind.PROSE, 2000, _consultation(
        lambda v: ConsultationForm(body=replace(_BODY, meridian_notes=v)))),
    Entry("plan notes", "plan_notes", Kind.PROSE, 2000, _consultation(
        lambda v: ConsultationForm(plan_notes=v))),
    Entry("consultation notes", "notes", Kind.PROSE, 2000, _consultation(
        lambda v: ConsultationForm(notes=v))),
    Entry("client type note", "client_type_note", Kind.PROSE, 2000, _consultation(
        lambda v: ConsultationForm(client_type=ClientType(note=v)))),
    Entry("condition before", "conditions.acne.before", Kind.PROSE, 500, _consultation(
        lambda v: ConsultationForm(conditions=(ConditionNote(ConditionKind.ACNE, before=v),)))),
    Entry("condition after", "conditions.acne.after", Kind.PROSE, 500, _consultation(
        lambda v: ConsultationForm(conditions=(ConditionNote(ConditionKind.ACNE, after=v),)))),
    Entry("plan line name", "plan.0.name", Kind.LINE, 80, _consultation(
        lambda v: ConsultationForm(plan=(PlanLine(name=v),)))),
)


@dataclass(frozen=True)
class NumberCase:
    """An out-of-range id or date sent to one entry; ``field`` is the input it names."""

    name: str
    field: str
    call: Callable[[Store], Any]


_FAR = dt.datetime(9999, 12, 31, 23, 0, tzinfo=dt.UTC)
NUMBER_CASES: tuple[NumberCase, ...] = (
    NumberCase("booking in 9999", "starts_at", lambda s: s.services.appointments.book(
        s.admin, s.client_id, _FAR, duration_min=60)),
    NumberCase("booking in 2200", "starts_at", lambda s: s.services.appointments.book(
        s.admin, s.client_id, _FAR.replace(year=2200), duration_min=60)),
    NumberCase("move to 9999", "starts_at", lambda s: s.services.appointments.move(
        s.admin, s.appointment_id, _FAR, staff_id=None, room_id=None)),
    NumberCase("day list of 9999-12-31", "day", lambda s: s.services.appointments.day(
        s.admin, dt.date(9999, 12, 31))),
    NumberCase("next visit in 9999", "next_visit_on", lambda s: s.services.consultation.save(
        s.admin, s.client_id, ConsultationForm(next_visit_on=dt.date(9999, 12, 31)))),
    NumberCase("consultation in year 1", "taken_on", lambda s: s.services.consultation.save(
        s.admin, s.client_id, ConsultationForm(taken_on=dt.date(1, 1, 1)))),
    NumberCase("client summary", "client_id",
               lambda s: s.services.clients.get_summary(s.admin, HUGE_ID)),
    NumberCase("profile", "client_id", lambda s: s.services.profile.profile(s.admin, HUGE_ID)),
    NumberCase("consumption page", "before_id", lambda s: s.services.profile.consumption(
        s.admin, s.client_id, HUGE_ID)),
    NumberCase("visit page", "before_id", lambda s: s.services.profile.visits(
        s.admin, s.client_id, HUGE_ID)),
    NumberCase("referrer on registration", "referred_by_id", lambda s: s.services.clients.register(
        s.admin, NewClient("新客", fresh_phone(), source="referral", referred_by_id=HUGE_ID))),
    NumberCase("referrer on the profile", "referred_by_id",
               lambda s: s.services.profile.update_basics(
                   s.admin, s.client_id, s.version(), BasicsChanges(referred_by_id=HUGE_ID))),
    NumberCase("booking a client", "client_id", lambda s: s.services.appointments.book(
        s.admin, HUGE_ID, in_hours(s, 4), duration_min=60)),
    NumberCase("booking a therapist", "staff_id", lambda s: s.services.appointments.book(
        s.admin, s.client_id, in_hours(s, 4), duration_min=60, staff_id=HUGE_ID)),
    NumberCase("booking a room", "room_id", lambda s: s.services.appointments.book(
        s.admin, s.client_id, in_hours(s, 4), duration_min=60, room_id=HUGE_ID)),
    NumberCase("booking a service", "service_item_id", lambda s: s.services.appointments.book(
        s.admin, s.client_id, in_hours(s, 4), service_item_id=HUGE_ID)),
    NumberCase("booking minutes", "duration_min", lambda s: s.services.appointments.book(
        s.admin, s.client_id, in_hours(s, 4), duration_min=HUGE_ID)),
    NumberCase("cancel an appointment", "appointment_id",
               lambda s: s.services.appointments.cancel(s.admin, HUGE_ID)),
    NumberCase("no-show", "appointment_id",
               lambda s: s.services.appointments.mark_no_show(s.admin, HUGE_ID)),
    NumberCase("check in a client", "client_id",
               lambda s: s.services.visits.check_in(s.admin, CheckIn(HUGE_ID))),
    NumberCase("check in an appointment", "appointment_id",
               lambda s: s.services.visits.check_in(s.admin, CheckIn(
                   s.client_id, appointment_id=HUGE_ID))),
    NumberCase("check in a service", "service_item_id",
               lambda s: s.services.visits.check_in(s.admin, CheckIn(
                   s.client_id, service_item_ids=(HUGE_ID,)))),
    NumberCase("check in a consultant", "consultant_id",
               lambda s: s.services.visits.check_in(s.admin, CheckIn(
                   s.client_id, consultant_id=HUGE_ID))),
    NumberCase("check in a therapist", "therapist_id",
               lambda s: s.services.visits.check_in(s.admin, CheckIn(
                   s.client_id, therapist_id=HUGE_ID))),
    NumberCase("check in a room", "room_id", lambda s: s.services.visits.check_in(
        s.admin, CheckIn(s.client_id, room_id=HUGE_ID))),
    NumberCase("start a visit", "visit_id", lambda s: s.services.visits.start_service(
        s.admin, HUGE_ID, None, None)),
    NumberCase("finish a visit", "visit_id",
               lambda s: s.services.visits.finish(s.admin, HUGE_ID)),
    NumberCase("cancel a visit", "visit_id",
               lambda s: s.services.visits.cancel_visit(s.admin, HUGE_ID)),
    NumberCase("room ready", "room_id",
               lambda s: s.services.visits.mark_room_ready(s.admin, HUGE_ID)),
    NumberCase("room state", "room_id", lambda s: s.services.catalog.set_room_state(
        s.admin, HUGE_ID, RoomState.OUT_OF_SERVICE)),
    NumberCase("check out a visit", "visit_id", lambda s: s.services.checkout.check_out(
        s.admin, HUGE_ID, [LineInput("service", s.facial_id)], [PaymentInput("cash", 38000)],
        "edge-huge-visit")),
    NumberCase("check out an item", "lines.0.item_id", lambda s: s.services.checkout.check_out(
        s.admin, s.visit_id, [LineInput("service", HUGE_ID)], [PaymentInput("cash", 38000)],
        "edge-huge-item")),
    NumberCase("receipt", "visit_id", lambda s: s.services.checkout.receipt(s.admin, HUGE_ID)),
    NumberCase("planned services", "visit_id",
               lambda s: s.services.checkout.planned_services(s.admin, HUGE_ID)),
    NumberCase("consultation client", "client_id", lambda s: s.services.consultation.save(
        s.admin, HUGE_ID, ConsultationForm())),
    NumberCase("consultation consultant", "consultant_id",
               lambda s: s.services.consultation.save(
                   s.admin, s.client_id, ConsultationForm(consultant_id=HUGE_ID))),
    NumberCase("consultation plan service", "plan.0.service_item_id",
               lambda s: s.services.consultation.save(s.admin, s.client_id, ConsultationForm(
                   plan=(PlanLine(service_item_id=HUGE_ID),)))),
    NumberCase("consultation record", "record_id",
               lambda s: s.services.consultation.get(s.admin, HUGE_ID)),
    NumberCase("consultation list", "client_id",
               lambda s: s.services.consultation.list_for_client(s.admin, HUGE_ID)),
    NumberCase("trends", "client_id", lambda s: s.services.consultation.trends(s.admin, HUGE_ID)),
    NumberCase("photo list", "record_id",
               lambda s: s.services.photos.photo_list(s.admin, HUGE_ID)),
    NumberCase("photo bytes", "photo_id",
               lambda s: s.services.photos.photo_bytes(s.admin, HUGE_ID)),
    NumberCase("sheet", "client_id", lambda s: s.services.sheet.sheet_data(
        s.admin, HUGE_ID, _sheet_words())),
    NumberCase("idle lock minutes", "idle_lock_minutes",
               lambda s: s.services.store.set_idle_lock_minutes(s.admin, HUGE_ID)),
)


def _sheet_words() -> Any:
    from frontdesk.services.sheet.words import SheetWords

    return SheetWords(language="en")


def build_store(services: Services) -> Store:
    """The store the tables attack (see :class:`Store`)."""
    admin = services.store.initialise("边界测试店", "admin", "管理员", PASSWORD)
    therapist = services.staff.add_staff(admin, "meili", "美丽", Role.THERAPIST, None)
    room = services.catalog.add_room(admin, "牡丹厅")
    facial = services.catalog.add_service_item(admin, "面部清洁", 38000, 60)
    client = services.clients.register(admin, NewClient("王芳", "13900001111",
                                                        consent_health=True))
    client2 = services.clients.register(admin, NewClient("李娜", "13900002222"))
    start = services.clock() + dt.timedelta(hours=2)
    booking = services.appointments.book(admin, client.client_id, start, duration_min=60)
    visit = services.visits.check_in(admin, CheckIn(client2.client_id, therapist_id=therapist.id,
                                                    room_id=room.id))
    record = services.consultation.save(admin, client.client_id, ConsultationForm())
    return Store(services, admin, client.client_id, client2.client_id, booking.id, visit,
                 record, therapist.id, room.id, facial.id)


def snapshot(db: Database) -> dict[str, list[str]]:
    """Every row of every table, to show that a refusal wrote nothing."""
    with db.engine.connect() as conn:
        names = [n for n in inspect(conn).get_table_names() if n != "alembic_version"]
        return {n: sorted(repr(tuple(r)) for r in conn.execute(text(f'SELECT * FROM "{n}"')))
                for n in names}


@dataclass(frozen=True)
class Result:
    raised: BaseException | None
    changed: bool
    """Whether the database changed: a refused input must leave it as it was."""

    @property
    def refused(self) -> bool:
        return isinstance(self.raised, (DomainError, StorageError))

    @property
    def raw_error(self) -> bool:
        return self.raised is not None and not self.refused


def attack(db: Database, call: Callable[[], Any]) -> Result:
    """Run one attack; what it raised, and whether the database changed."""
    return attacks(db, [call])[0]


def attacks(db: Database, calls: Iterable[Callable[[], Any]]) -> list[Result]:
    """Run attacks one after the other, each compared with the database before it."""
    results, before = [], snapshot(db)
    for call in calls:
        raised: BaseException | None = None
        try:
            call()
        except Exception as exc:  # counted, not hidden: a raw error is a finding
            raised = exc
        after = snapshot(db)
        results.append(Result(raised, after != before))
        before = after
    return results


def cases() -> Iterator[tuple[Entry, str, str]]:
    """(entry, value name, value) for every bad value of every entry."""
    for entry in ENTRIES:
        for name, value in entry.bad_values().items():
            yield entry, name, value


def find_into_closed_pipe(url: str, *, unbuffered: bool = False) -> tuple[int, str]:
    """``frontdesk find 王 | true``: (exit code, stderr) of a search whose reader has gone.

    The reader (``true``) has exited before the search starts, so its first write
    meets a pipe nobody reads, every time (``head`` would race with the writes).
    ``unbuffered`` makes that write the first ``print`` rather than the flush at the end.
    """
    env = {**os.environ, "PYTHONUNBUFFERED": "1" if unbuffered else "",
           "FRONTDESK_PASSWORD": PASSWORD}
    read_end, write_end = os.pipe()
    subprocess.run(["true"], stdin=read_end, check=True)
    os.close(read_end)
    try:
        finder = subprocess.run([sys.executable, "-m", "frontdesk", "--database", url, "find",
                                 "王", "--as", "admin"], stdout=write_end, stderr=subprocess.PIPE,
                                cwd=ROOT, env=env, check=False)
    finally:
        os.close(write_end)
    return finder.returncode, finder.stderr.decode(errors="replace")
