"""Quick registration, the client summary and phone look-up, on real databases."""

from __future__ import annotations

import dataclasses
from typing import Any

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import Session

from frontdesk.core.birthdays import BirthdayInput
from frontdesk.core.calendar import Calendar
from frontdesk.core.context import Actor, Role
from frontdesk.core.names import Grade, search_keys
from frontdesk.core.visitors import VisitorClass
from frontdesk.db import Database
from frontdesk.errors import FieldErrors, NotFound, PermissionDenied, ValidationError
from frontdesk.models import AuditEntry, Client, ClientSearchKey, Gender, SourceChannel
from frontdesk.services.clients.phone_matches import MATCH_LIMIT, PhoneMatchesRefused
from frontdesk.services.clients.registration import (
    DuplicatePhone,
    NewClient,
    PossibleDuplicate,
    refresh_search_keys,
)
from frontdesk.services.registry import Services
from tests.actors import signed_actor
from tests.conftest import NOW, FakeClock


def stored_keys(s: Session, client_id: int) -> dict[str, Grade]:
    """A client's search keys as stored, with their grades."""
    rows = s.execute(select(ClientSearchKey.key, ClientSearchKey.grade)
                     .where(ClientSearchKey.client_id == client_id))
    return {key: Grade(grade) for key, grade in rows}

def snapshot(db: Database) -> dict[str, list[str]]:
    """Every row of every table, to show that a refusal wrote nothing."""
    with db.engine.connect() as conn:
        names = [n for n in inspect(conn).get_table_names() if n != "alembic_version"]
        return {n: sorted(repr(tuple(r)) for r in conn.execute(text(f'SELECT * FROM "{n}"')))
                for n in names}


def staff_actor(services: Services, admin: Actor, username: str, role: Role) -> Actor:
    """A signed-in colleague of the admin in another role (built from a real staff row)."""
    row = services.staff.add_staff(admin, username, username.title(), role, None)
    return signed_actor(services.db, row.id)


def form(**changes: Any) -> NewClient:
    base = NewClient(name="张三", phone="138 0000 1234", gender=Gender.FEMALE)
    return dataclasses.replace(base, **changes)


def test_register_writes_client_search_keys_and_audit(services: Services, admin: Actor,
                                                      db: Database) -> None:
    result = services.clients.register(admin, form(
        name="  张　三丰 ", consent_marketing=True, member_no="m-0012",
        birthday=BirthdayInput(Calendar.LUNAR, 4, 8, 1990), allergies=" 芒果过敏 "))

    assert result.name == "张 三丰"
    assert result.phone == "138 0000 1234"  # an admin may see the full number
    with db.read() as s:
        client = s.get(Client, result.client_id)
        assert client is not None
        assert (client.phone_e164, client.phone_last4) == ("+8613800001234", "1234")
        assert client.member_no == "M0012"
        assert (client.birthday_calendar, client.birth_year, client.birth_month,
                client.birth_day, client.birth_leap_month) == (Calendar.LUNAR, 1990, 4, 8, False)
        assert client.consent_marketing and client.consent_marketing_at == NOW
        assert not client.consent_health and client.consent_health_at is None
        assert client.allergies == "芒果过敏"
        assert client.branch_id == admin.branch_id
        keys = stored_keys(s, client.id)
        assert keys == search_keys("张 三丰")
        assert keys["zhangsanfeng"] == Grade.WHOLE and keys["zsf"] == Grade.INITIALS
        assert {k for k, g in keys.items() if g is Grade.INSIDE} == {"三", "丰", "三丰"}
        actions = list(s.scalars(select(AuditEntry.action)
                                 .where(AuditEntry.entity_id == client.id,
                                        AuditEntry.entity == "client")))
        assert actions == ["client.create"]


def test_receptionist_sees_a_masked_phone(services: Services, admin: Actor) -> None:
    desk = staff_actor(services, admin, "xiaoli", Role.RECEPTIONIST)
    assert services.clients.register(desk, form()).phone == "138****1234"


def test_duplicate_phone_offers_the_existing_client(services: Services, admin: Actor,
                                                   db: Database) -> None:
    first = services.clients.register(admin, form(phone="13800001234"))
    before = snapshot(db)
    with pytest.raises(DuplicatePhone) as caught:
        services.clients.register(admin, form(name="李四", phone="+86 138-0000-1234"))
    assert (caught.value.client_id, caught.value.client_name) == (first.client_id, "张三")
    assert caught.value.field == "phone" and "张三" in caught.value.message
    assert snapshot(db) == before


def test_same_name_and_birthday_needs_confirmation(services: Services, admin: Actor,
                                                  db: Database) -> None:
    birthday = BirthdayInput(Calendar.SOLAR, 5, 8)
    first = services.clients.register(admin, form(birthday=dataclasses.replace(birthday,
                                                                                year=1990)))
    before = snapshot(db)
    with pytest.raises(PossibleDuplicate) as caught:
        services.clients.register(admin, form(phone="13900005678", birthday=birthday))
    assert [c.client_id for c in caught.value.candidates] == [first.client_id]
    assert caught.value.candidates[0].phone == "138****1234"
    assert snapshot(db) == before

    again = services.clients.register(admin, form(phone="13900005678", birthday=birthday,
                                                  confirm_possible_duplicate=True))
    assert again.client_id != first.client_id


def test_same_name_with_another_birthday_is_no_duplicate(services: Services,
                                                        admin: Actor) -> None:
    services.clients.register(admin, form(birthday=BirthdayInput("solar", 5, 8, 1990)))
    other = services.clients.register(admin, form(phone="13900005678",
                                                  birthday=BirthdayInput("solar", 5, 8, 1991)))
    assert other.client_id > 0


REFUSALS = [
    ({"name": "  "}, "name"),
    ({"name": "张" * 41}, "name"),
    ({"phone": "12345"}, "phone"),
    ({"phone": ""}, "phone"),
    ({"gender": "robot"}, "gender"),
    ({"visitor_class": "vip"}, "visitor_class"),
    ({"source": "fax"}, "source"),
    ({"source": SourceChannel.REFERRAL}, "referred_by_id"),
    ({"source": SourceChannel.REFERRAL, "referred_by_id": 999}, "referred_by_id"),
    ({"member_no": "卡-12 号"}, "member_no"),
    ({"member_no": "A" * 33}, "member_no"),
    ({"allergies": "x" * 501}, "allergies"),
    ({"birthday": BirthdayInput("julian", 1, 1)}, "birthday_calendar"),
    ({"birthday": BirthdayInput(Calendar.SOLAR, 13, 1)}, "birth_month"),
    ({"birthday": BirthdayInput(Calendar.SOLAR, 0, 1)}, "birth_month"),
    ({"birthday": BirthdayInput(Calendar.SOLAR, 2, 30)}, "birth_day"),
    ({"birthday": BirthdayInput(Calendar.SOLAR, 4, 31)}, "birth_day"),
    ({"birthday": BirthdayInput(Calendar.SOLAR, 2, 29, 1991)}, "birth_day"),
    ({"birthday": BirthdayInput(Calendar.SOLAR, 5, 8, 1899)}, "birth_year"),
    ({"birthday": BirthdayInput(Calendar.SOLAR, 12, 24, 2026)}, "birth_year"),  # future
    ({"birthday": BirthdayInput(Calendar.SOLAR, 5, 8, leap_month=True)}, "birth_leap_month"),
    ({"birthday": BirthdayInput(Calendar.LUNAR, 4, 31)}, "birth_day"),
    ({"birthday": BirthdayInput(Calendar.LUNAR, 4, 0)}, "birth_day"),
    ({"birthday": BirthdayInput(Calendar.LUNAR, 3, 1, 2023, True)}, "birth_leap_month"),
    ({"birthday": BirthdayInput(Calendar.LUNAR, 1, 30, 2023)}, "birth_day"),
]


@pytest.mark.parametrize(("changes", "field"), REFUSALS,
                         ids=[f"{f}-{i}" for i, (_, f) in enumerate(REFUSALS)])
def test_bad_input_names_its_field_and_writes_nothing(services: Services, admin: Actor,
                                                       db: Database, changes: dict[str, Any],
                                                       field: str) -> None:
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        services.clients.register(admin, form(**changes))
    assert caught.value.field == field
    assert snapshot(db) == before


def test_every_wrong_field_is_named_at_once_and_nothing_is_written(
        services: Services, admin: Actor, db: Database) -> None:
    before = snapshot(db)
    form = NewClient(name=" ", phone="12345", birthday=BirthdayInput("solar", 2, 30),
                     source=SourceChannel.REFERRAL, allergies="\x00")
    with pytest.raises(FieldErrors) as caught:
        services.clients.register(admin, form)
    fields = [e.field for e in caught.value.errors]
    assert fields == ["name", "phone", "birth_day", "referred_by_id", "allergies"]
    assert caught.value.field == "name"  # shown alone, the first is the one to fix first
    assert all(isinstance(e, ValidationError) and "{" not in e.message
               for e in caught.value.errors)
    assert snapshot(db) == before
    with pytest.raises(ValidationError) as one:  # one wrong field: that refusal alone
        services.clients.register(admin, dataclasses.replace(form, name="新客", phone="13700001111",
                                                             birthday=None, allergies="",
                                                             source=SourceChannel.WALK_IN,
                                                             member_no="x" * 200))
    assert type(one.value) is ValidationError and one.value.field == "member_no"


def test_taken_member_number_is_refused(services: Services, admin: Actor, db: Database) -> None:
    services.clients.register(admin, form(member_no="VIP001"))
    before = snapshot(db)
    with pytest.raises(ValidationError) as caught:
        services.clients.register(admin, form(phone="13900005678", member_no="vip001"))
    assert caught.value.field == "member_no"
    assert snapshot(db) == before


@pytest.mark.parametrize("birthday", [
    BirthdayInput(Calendar.SOLAR, 2, 29),  # no year: any leap year will do
    BirthdayInput(Calendar.SOLAR, 2, 29, 2000),
    BirthdayInput(Calendar.LUNAR, 2, 1, 2023, True),  # 2023 has a leap second month
    BirthdayInput(Calendar.LUNAR, 2, 30, 2023),
    BirthdayInput(Calendar.LUNAR, 1, 30),  # no year: day 30 may exist
    BirthdayInput("lunar", 6, 15, None, True),
])
def test_valid_birthdays_are_kept(services: Services, admin: Actor,
                                  birthday: BirthdayInput) -> None:
    result = services.clients.register(admin, form(birthday=birthday))
    summary = services.clients.get_summary(admin, result.client_id)
    assert summary.birthday is not None
    assert (summary.birthday.calendar, summary.birthday.month, summary.birthday.day,
            summary.birthday.year, summary.birthday.leap_month) == (
        Calendar(birthday.calendar), birthday.month, birthday.day, birthday.year,
        birthday.leap_month)


def test_referral_credits_an_existing_client(services: Services, admin: Actor,
                                            db: Database) -> None:
    friend = services.clients.register(admin, form(name="王芳", phone="13900005678"))
    new = services.clients.register(admin, form(source="referral",
                                                referred_by_id=friend.client_id))
    with db.read() as s:
        client = s.get(Client, new.client_id)
        assert client is not None
        assert (client.source, client.referred_by_id) == (SourceChannel.REFERRAL,
                                                          friend.client_id)


def test_summary_for_the_desk(services: Services, admin: Actor, clock: FakeClock) -> None:
    desk = staff_actor(services, admin, "xiaoli", Role.RECEPTIONIST)
    result = services.clients.register(admin, form(
        visitor_class=VisitorClass.SPECIAL, allergies="对精油敏感", consent_health=True,
        birthday=BirthdayInput(Calendar.SOLAR, 11, 25, 1988), member_no="A12"))
    summary = services.clients.get_summary(desk, result.client_id)
    assert (summary.name, summary.gender, summary.visitor_class) == (
        "张三", Gender.FEMALE, VisitorClass.SPECIAL)
    assert summary.special_visitor and summary.has_allergy
    assert summary.phone == "138****1234"
    assert summary.member_no == "A12"
    assert summary.birthday is not None and summary.birthday.days_until == 2  # today is 11-23
    assert summary.consent_health and not summary.consent_marketing
    assert summary.last_visit_at is None
    assert services.clients.get_summary(admin, result.client_id).phone == "138 0000 1234"


def test_summary_of_unknown_client(services: Services, admin: Actor) -> None:
    with pytest.raises(NotFound):
        services.clients.get_summary(admin, 4242)


def test_find_by_phone(services: Services, admin: Actor) -> None:
    result = services.clients.register(admin, form())
    found = services.clients.find_by_phone(admin, "+86 １３８-0000-1234")
    assert found is not None and found.client_id == result.client_id
    assert services.clients.find_by_phone(admin, "13900005678") is None
    with pytest.raises(ValidationError) as caught:
        services.clients.find_by_phone(admin, "abc")
    assert caught.value.field == "phone"


def test_find_by_phone_is_for_roles_that_see_full_numbers(services: Services,
                                                          admin: Actor) -> None:
    services.clients.register(admin, form())
    desk = staff_actor(services, admin, "xiaoli", Role.RECEPTIONIST)
    with pytest.raises(PermissionDenied):
        services.clients.find_by_phone(desk, "13800001234")


def _matches_shown(db: Database, actor: Actor) -> list[int | None]:
    with db.read() as s:
        return list(s.scalars(select(AuditEntry.entity_id).where(
            AuditEntry.action == "client.phone_matched", AuditEntry.staff_id == actor.staff_id)))


def test_a_masked_role_told_a_number_is_on_file_is_audited_then_limited(
        services: Services, admin: Actor, db: Database, clock: FakeClock) -> None:
    taken = services.clients.register(admin, form(phone="13800001234")).client_id
    desk = staff_actor(services, admin, "xiaoli", Role.RECEPTIONIST)
    for _ in range(MATCH_LIMIT):
        with pytest.raises(DuplicatePhone):
            services.clients.register(desk, form(name="李四", phone="13800001234"))
    assert _matches_shown(db, desk) == [taken] * MATCH_LIMIT
    before = snapshot(db)
    for phone in ("13800001234", "13900005678"):  # taken or not: the same refusal
        with pytest.raises(PhoneMatchesRefused):
            services.clients.register(desk, form(name="李四", phone=phone))
    assert snapshot(db) == before
    clock.advance(minutes=61)
    assert services.clients.register(desk, form(name="李四", phone="13900005678")).client_id
    for _ in range(MATCH_LIMIT + 1):  # a manager sees full numbers: nothing to confirm
        with pytest.raises(DuplicatePhone):
            services.clients.register(admin, form(name="李四", phone="13800001234"))
    assert _matches_shown(db, admin) == []


def test_a_number_not_on_file_is_never_told_apart_for_free(services: Services, admin: Actor,
                                                           db: Database) -> None:
    """Every refusal that writes nothing comes before the phone's: a taken member number
    answers the same whether or not the phone is someone's."""
    services.clients.register(admin, form(phone="13800001234", member_no="M1"))
    desk = staff_actor(services, admin, "xiaoli", Role.RECEPTIONIST)
    for phone in ("13800001234", "13900005678"):
        with pytest.raises(ValidationError) as caught:
            services.clients.register(desk, form(name="李四", phone=phone, member_no="M1"))
        assert caught.value.field == "member_no"
    assert _matches_shown(db, desk) == []


def test_a_therapist_may_not_register(services: Services, admin: Actor, db: Database) -> None:
    therapist = staff_actor(services, admin, "meili", Role.THERAPIST)
    before = snapshot(db)
    with pytest.raises(PermissionDenied):
        services.clients.register(therapist, form())
    assert snapshot(db) == before


def test_refresh_search_keys_follows_a_renamed_client(services: Services, admin: Actor,
                                                     db: Database) -> None:
    result = services.clients.register(admin, form(name="单田芳"))
    with db.write() as s:
        client = s.get(Client, result.client_id)
        assert client is not None
        client.name, client.phone_e164 = "欧阳娜娜", "+8613900005678"
        refresh_search_keys(s, client)
    with db.read() as s:
        client = s.get(Client, result.client_id)
        assert client is not None
        assert client.phone_last4 == "5678"
        keys = stored_keys(s, client.id)
        assert keys == search_keys("欧阳娜娜")
        assert "ouyangnana" in keys and not any(k.startswith("shan") for k in keys)
