"""Edge inputs are refused the same way on SQLite and PostgreSQL: a DomainError naming the
field, and the database as it was (the table is :mod:`tests.edge_inputs`).

Before, PostgreSQL raised a raw DataError on a NUL or an over-long value (a crash
dialog) where SQLite stored both; an id of 2**63 or a booking in 9999 raised
OverflowError on both.
"""

from __future__ import annotations

import pytest
from sqlalchemy import select

from frontdesk.core.context import Role
from frontdesk.core.phones import normalise_phone
from frontdesk.core.validation import check_characters, check_prose, check_text
from frontdesk.db import Database
from frontdesk.errors import DomainError, NotFound, PermissionDenied, ValidationError
from frontdesk.models import AuditEntry
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.clients.search import Lookup, plan_query
from frontdesk.services.registry import Services
from frontdesk.services.sheet.service import find_client
from tests.actors import signed_actor
from tests.edge_inputs import (
    ENTRIES,
    HUGE_ID,
    NUMBER_CASES,
    Entry,
    Kind,
    Store,
    attack,
    attacks,
    build_store,
    snapshot,
)


@pytest.fixture
def store(services: Services) -> Store:
    return build_store(services)


def _name(entry: Entry) -> str:
    return entry.name.replace(" ", "-")


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind is not Kind.SEARCH], ids=_name)
def test_each_text_input_refuses_control_characters_and_overlong_values(
        store: Store, db: Database, entry: Entry) -> None:
    values = entry.bad_values()
    results = attacks(db, [lambda v=v: entry.call(store, v) for v in values.values()])
    for value_name, result in zip(values, results, strict=True):
        assert isinstance(result.raised, DomainError), (value_name, result.raised)
        assert result.raised.field == entry.field, (value_name, result.raised.message)
        assert not result.changed, value_name
    _takes_a_good_value(store, entry)


def _takes_a_good_value(store: Store, entry: Entry) -> None:
    """The refusals are about the bad values: an ordinary one gets past the checks."""
    good = "13912345678" if entry.kind is Kind.PHONE else "Ab12"
    try:
        entry.call(store, good)
    except ValidationError as exc:
        assert exc.field != entry.field, exc.message
    except DomainError:
        pass  # e.g. the store exists already: refused, but not for this field


@pytest.mark.parametrize("entry", [e for e in ENTRIES if e.kind is Kind.PROSE], ids=_name)
def test_prose_keeps_line_breaks_and_tabs(store: Store, db: Database, entry: Entry) -> None:
    entry.call(store, "第一行\r\n第二行\t缩进\r第三行")
    stored = repr("第一行\n第二行\t缩进\n第三行")[1:-1]  # as the snapshot shows it
    assert any(stored in row for rows in snapshot(db).values() for row in rows)


def test_the_search_never_refuses_and_strips_what_it_cannot_use(store: Store,
                                                                 db: Database) -> None:
    [search] = [e for e in ENTRIES if e.kind is Kind.SEARCH]
    values = search.bad_values()
    results = attacks(db, [lambda v=v: search.call(store, v) for v in values.values()])
    for value_name, result in zip(values, results, strict=True):
        assert result.raised is None, (value_name, result.raised)
        assert not result.changed
    find = store.services.search.search
    assert [h.name for h in find(store.admin, "王\x00")] == ["王芳"]
    assert [h.name for h in find(store.admin, "\t1111\n")] == ["王芳"]
    assert plan_query("王" * 101).lookups == () and plan_query("王" * 100).lookups != ()


def test_out_of_range_ids_and_dates_are_refused_naming_the_field(store: Store,
                                                                  db: Database) -> None:
    results = attacks(db, [lambda c=c: c.call(store) for c in NUMBER_CASES])
    for case, result in zip(NUMBER_CASES, results, strict=True):
        assert isinstance(result.raised, DomainError), (case.name, result.raised)
        assert result.raised.field == case.field, (case.name, result.raised.message)
        assert not result.changed, case.name


def test_an_id_past_the_32_bit_key_of_clients_is_refused_on_both_databases(
        store: Store, db: Database) -> None:
    """Client ids are a 32-bit INTEGER on PostgreSQL: 2**31 raised "integer out of range"."""
    result = attack(db, lambda: store.services.profile.profile(store.admin, 2**31))
    assert isinstance(result.raised, DomainError) and result.raised.field == "client_id"
    assert store.services.profile.profile(store.admin, store.client_id).basics.name == "王芳"


@pytest.mark.parametrize("typed", ["138abcd5678", "１３８ａｂｃｄ５６７８", "138-0013-800O",
                                   "tel:13800138000", "138\x000013 8000"])
def test_letters_in_a_phone_are_refused_not_read_as_keypad_digits(typed: str) -> None:
    with pytest.raises(ValidationError) as caught:
        normalise_phone(typed)
    assert caught.value.field == "phone"


def test_no_lookup_reads_letters_as_a_phone(store: Store, db: Database) -> None:
    """13822235678 is what phonenumbers made of 138abcd5678 (a=2, b=2, c=2, d=3)."""
    keypad = store.services.clients.register(store.admin, NewClient("张伟", "13822235678"))
    assert plan_query("138abcd5678").lookups == (Lookup.CARD, Lookup.MEMBER_CARD)
    assert store.services.search.search(store.admin, "138abcd5678") == []
    with pytest.raises(NotFound):
        find_client(db, store.admin, "138abcd5678")
    assert find_client(db, store.admin, "138 2223 5678") == keypad.client_id
    assert normalise_phone("+86 (138) 0013-8000") == "+8613800138000"


def test_a_refused_view_of_an_impossible_id_is_still_audited(store: Store) -> None:
    """The audit trail's entity id is a 32-bit INTEGER: a huge id goes into the detail."""
    desk = store.services.staff.add_staff(store.admin, "desk", "前台", Role.RECEPTIONIST, None)
    receptionist = signed_actor(store.services.db, desk.id)
    with pytest.raises(PermissionDenied):
        store.services.consultation.get(receptionist, HUGE_ID)
    with store.services.db.read() as s:
        denied = s.scalars(select(AuditEntry).where(
            AuditEntry.action == "health.view.denied")).one()
    assert (denied.entity_id, denied.detail) == (None, f"view health records id={HUGE_ID}")


def test_a_booking_a_year_ahead_is_taken_and_a_day_more_is_not(store: Store) -> None:
    import datetime as dt

    from frontdesk.services.desk.appointments import BOOKING_HORIZON

    last = store.services.clock() + BOOKING_HORIZON
    row = store.services.appointments.book(store.admin, store.client_id,
                                           last.replace(second=0, microsecond=0),
                                           duration_min=60)
    assert row.starts_at <= last
    with pytest.raises(ValidationError) as caught:
        store.services.appointments.book(store.admin, store.client_id,
                                         last + dt.timedelta(minutes=1), duration_min=60)
    assert caught.value.field == "starts_at"


@pytest.mark.parametrize(("text", "code"), [("a\x00", "U+0000"), ("\x1b[0m", "U+001B"),
                                            ("x\x7f", "U+007F"), ("x\x9b", "U+009B"),
                                            ("x\ud83d", "U+D83D")])
def test_the_refusal_names_the_character(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_characters(text, "note", prose=True)
    assert (caught.value.field, caught.value.params["code"]) == ("note", code)


def test_one_line_and_prose_differ_only_in_line_breaks_and_tabs() -> None:
    assert check_prose(" a\r\nb\tc\rd ", 10, "note") == "a\nb\tc\nd"
    for text in ("a\nb", "a\tb", "a\rb"):
        with pytest.raises(ValidationError):
            check_text(text, 10, "name")
    assert check_text(" 张三 😀 ", 10, "name") == "张三 😀"  # emoji are text, not controls
    with pytest.raises(ValidationError):
        check_text(None, 10, "name")
