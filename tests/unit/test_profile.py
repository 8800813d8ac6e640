"""The client profile: contents, paging, the stale flag, edits and the two-terminal conflict."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.birthdays import BirthdayInput
from frontdesk.core.calendar import Calendar
from frontdesk.core.context import Actor, Role
from frontdesk.core.names import search_keys
from frontdesk.db import Database
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.models import (
    AuditEntry,
    Client,
    ClientSearchKey,
    ConsumptionLine,
    Gender,
    LineKind,
    Visit,
    VisitStatus,
)
from frontdesk.services.clients.profile import (
    BasicsChanges,
    ClientBasics,
    EditConflict,
    Preferences,
    ProfileService,
)
from frontdesk.services.clients.registration import DuplicatePhone
from frontdesk.services.clients.sections import CardSummary, CareSummary, ComplaintSummary
from frontdesk.services.registry import Services
from tests.concurrency import Background, PauseBefore, wait_until_blocked
from tests.conftest import NOW, FakeClock
from tests.unit.test_consultation import make_staff, register


@pytest.fixture
def profiles(services: Services) -> ProfileService:
    return ProfileService(services.db, services.clock)


@pytest.fixture
def client_id(services: Services, admin: Actor) -> int:
    return register(services, admin, "张晓梅", "13800138000")


@pytest.fixture
def second_db(db: Database) -> Iterator[Database]:
    """A second terminal's Database: its own engine and connections, the same database."""
    second = Database(db.url)
    yield second
    second.dispose()


@pytest.fixture
def other_terminal(second_db: Database, clock: FakeClock) -> ProfileService:
    return ProfileService(second_db, clock)


def add_history(services: Services, client_id: int, branch_id: int,
                lines: list[tuple[int, str, int]]) -> list[int]:
    """One closed visit per (days ago, service, amount fen); returns the line ids."""
    ids = []
    with services.db.write() as s:
        for days_ago, service, amount in lines:
            at = NOW - dt.timedelta(days=days_ago)
            visit = Visit(branch_id=branch_id, client_id=client_id, arrived_at=at,
                          status=VisitStatus.CLOSED, total_fen=amount)
            s.add(visit)
            s.flush()
            line = ConsumptionLine(branch_id=branch_id, visit_id=visit.id, client_id=client_id,
                                   at=at, kind=LineKind.SERVICE, description=service,
                                   unit_price_fen=amount, amount_fen=amount)
            s.add(line)
            s.flush()
            ids.append(line.id)
    return ids


def test_the_profile_holds_basics_preferences_and_the_last_12_months(
        services: Services, admin: Actor, profiles: ProfileService, client_id: int) -> None:
    add_history(services, client_id, admin.branch_id, [
        (3, "补水", 30_000), (10, "补水", 30_000), (20, "肩颈", 25_000), (40, "补水", 30_000),
        (50, "肩颈", 25_000), (60, "美白", 50_000), (70, "眼部", 20_000), (400, "补水", 99_900)])
    profiles.set_preferences(admin, client_id, Preferences(
        favourite_services=("补水", "肩颈"), preferred_staff=("小芳",), drinks=("玫瑰花茶",),
        music=("轻音乐",), avoid_topics=("年龄",), tags=("怕冷", "爱聊天")), loaded=Preferences())
    profile = profiles.profile(admin, client_id)
    basics = profile.basics
    assert (basics.name, basics.phone, basics.consent_health) == ("张晓梅", "138 0013 8000", True)
    assert basics.version >= 1 and basics.created_at == NOW
    assert profile.preferences.drinks == ("玫瑰花茶",)
    assert profile.preferences.tags == ("怕冷", "爱聊天")
    assert profile.summary.visits == 7  # the visit 400 days ago is outside the window
    assert profile.summary.spend_fen == 210_000
    assert profile.summary.top_services == (("补水", 3), ("肩颈", 2), ("眼部", 1))
    assert (profile.cards, profile.complaints, profile.care) == ((), (), ())
    assert not profile.stale


class Sections:
    """Cards, complaints and care as their capabilities will give them: read in the
    profile's own transaction (the session must be the one the profile reads with)."""

    def __init__(self) -> None:
        self.sessions: list[Session] = []

    def cards_of(self, s: Session, client_id: int) -> tuple[CardSummary, ...]:
        self.sessions.append(s)
        name = s.scalar(select(Client.name).where(Client.id == client_id))
        return (CardSummary(1, f"{name}的储值卡", balance_fen=50_000),)

    def complaints_of(self, s: Session, client_id: int) -> tuple[ComplaintSummary, ...]:
        self.sessions.append(s)
        return (ComplaintSummary(2, NOW, "intake", "等太久"),)

    def care_of(self, s: Session, client_id: int) -> tuple[CareSummary, ...]:
        self.sessions.append(s)
        return (CareSummary(3, "follow_up", NOW.date(), None, ""),)


def test_other_capabilities_fill_their_sections_in_the_profiles_transaction(
        db: Database, clock: FakeClock, admin: Actor, client_id: int) -> None:
    sections = Sections()
    profile = ProfileService(db, clock, cards=sections, complaints=sections,
                             care=sections).profile(admin, client_id)
    assert profile.cards == (CardSummary(1, "张晓梅的储值卡", balance_fen=50_000),)
    assert [c.subject for c in profile.complaints] == ["等太久"]
    assert [c.task_id for c in profile.care] == [3]
    assert len(set(map(id, sections.sessions))) == 1


def test_the_phone_is_masked_for_roles_that_may_not_see_it(
        services: Services, admin: Actor, profiles: ProfileService, client_id: int) -> None:
    desk = make_staff(services, admin, Role.RECEPTIONIST, "lily")
    manager = make_staff(services, admin, Role.MANAGER, "boss")
    assert profiles.profile(desk, client_id).basics.phone == "138****8000"
    assert profiles.profile(manager, client_id).basics.phone == "138 0013 8000"


def test_history_comes_in_keyset_pages_newest_first(
        services: Services, admin: Actor, profiles: ProfileService, client_id: int) -> None:
    ids = add_history(services, client_id, admin.branch_id,
                      [(d, f"服务{d}", 100 * d) for d in (5, 1, 9, 3, 7)])
    newest_first = [ids[1], ids[3], ids[0], ids[4], ids[2]]
    first = profiles.consumption(admin, client_id, limit=2)
    second = profiles.consumption(admin, client_id, before_id=first[-1].id, limit=2)
    third = profiles.consumption(admin, client_id, before_id=second[-1].id, limit=2)
    assert [r.id for r in first + second + third] == newest_first
    assert third[0].description == "服务9" and third[0].amount_fen == 900
    visits = profiles.visits(admin, client_id, limit=3)
    more = profiles.visits(admin, client_id, before_id=visits[-1].id, limit=3)
    days = [(NOW - v.arrived_at).days for v in visits + more]
    assert days == [1, 3, 5, 7, 9]
    assert profiles.visits(admin, client_id, before_id=999_999) == []


def test_basics_go_stale_after_12_months_until_confirmed(
        services: Services, admin: Actor, profiles: ProfileService, client_id: int,
        clock: FakeClock) -> None:
    clock.advance(days=365)
    assert not profiles.profile(admin, client_id).stale
    clock.advance(days=1)
    assert profiles.profile(admin, client_id).stale
    confirmed = profiles.confirm_basics(admin, client_id)
    assert confirmed.basics_confirmed_at == clock.now
    assert not profiles.profile(admin, client_id).stale
    clock.advance(days=366)
    assert profiles.profile(admin, client_id).stale


def test_an_edit_over_another_terminals_change_is_refused(
        services: Services, admin: Actor, profiles: ProfileService,
        other_terminal: ProfileService, client_id: int) -> None:
    seen_by_a = profiles.profile(admin, client_id).basics
    seen_by_b = other_terminal.profile(admin, client_id).basics
    saved = profiles.update_basics(admin, client_id, seen_by_a.version,
                                   BasicsChanges(phone="139 0013 9000", tier="金卡"), seen_by_a)
    assert saved.version == seen_by_a.version + 1
    with pytest.raises(EditConflict) as caught:
        other_terminal.update_basics(admin, client_id, seen_by_b.version,
                                     BasicsChanges(name="张小梅", phone="13700137000"),
                                     seen_by_b)
    conflict = caught.value
    assert conflict.params["changed"] == {"phone": "139 0013 9000", "tier": "金卡"}
    assert conflict.params["fields"] == "phone, tier"
    assert conflict.params["version"] == saved.version
    assert "phone, tier" in conflict.message
    now = profiles.profile(admin, client_id).basics
    assert (now.name, now.phone, now.tier, now.version) == (
        "张晓梅", "139 0013 9000", "金卡", saved.version)


def test_without_the_loaded_basics_a_conflict_lists_every_field(
        admin: Actor, profiles: ProfileService, other_terminal: ProfileService,
        client_id: int) -> None:
    version = profiles.profile(admin, client_id).basics.version
    profiles.set_allergies(admin, client_id, version, "芒果过敏")
    with pytest.raises(EditConflict) as caught:
        other_terminal.update_basics(admin, client_id, version, BasicsChanges(note="新备注"))
    assert caught.value.params["changed"]["allergies"] == "芒果过敏"
    assert caught.value.params["changed"]["name"] == "张晓梅"
    assert profiles.profile(admin, client_id).basics.note == ""


def test_what_the_desk_writes_on_its_own_never_moves_the_version(
        services: Services, admin: Actor, profiles: ProfileService, client_id: int,
        clock: FakeClock) -> None:
    loaded = profiles.profile(admin, client_id).basics
    with services.db.write() as s:  # any write of a derived column, even through the ORM
        s.get(Client, client_id).last_visit_at = NOW  # type: ignore[union-attr]
    clock.advance(days=400)
    profiles.confirm_basics(admin, client_id)
    assert profiles.profile(admin, client_id).basics.version == loaded.version
    saved = profiles.update_basics(admin, client_id, loaded.version,  # no ``loaded`` needed
                                   BasicsChanges(note="喜欢靠窗"))
    assert saved.note == "喜欢靠窗" and saved.version == loaded.version + 1
    unchanged = profiles.update_basics(admin, client_id, saved.version,
                                       BasicsChanges(note="喜欢靠窗"))
    assert unchanged.version == saved.version  # saving what is there is no edit


@pytest.mark.parametrize(("changes", "field"), [
    (BasicsChanges(name="   "), "name"),
    (BasicsChanges(phone="12345"), "phone"),
    (BasicsChanges(phone=""), "phone"),
    (BasicsChanges(member_no="卡-001"), "member_no"),
    (BasicsChanges(birthday=BirthdayInput(Calendar.SOLAR, 2, 30)), "birth_day"),
    (BasicsChanges(birthday=BirthdayInput(Calendar.SOLAR, 13, 1)), "birth_month"),
    (BasicsChanges(gender="robot"), "gender"),  # type: ignore[arg-type]
    (BasicsChanges(allergies="x" * 501), "allergies"),
    (BasicsChanges(consent_health="yes"), "consent_health"),  # type: ignore[arg-type]
    (BasicsChanges(referred_by_id=999_999), "referred_by_id"),
])
def test_bad_basics_are_refused_and_nothing_changes(
        services: Services, admin: Actor, profiles: ProfileService, client_id: int,
        changes: BasicsChanges, field: str) -> None:
    before = profiles.profile(admin, client_id).basics
    with pytest.raises(ValidationError) as caught:
        profiles.update_basics(admin, client_id, before.version, changes, before)
    assert caught.value.field == field
    assert profiles.profile(admin, client_id).basics == before


def test_a_phone_on_another_client_is_refused(
        services: Services, admin: Actor, profiles: ProfileService, client_id: int) -> None:
    register(services, admin, "李丽", "13900139000")
    before = profiles.profile(admin, client_id).basics
    with pytest.raises(DuplicatePhone) as caught:
        profiles.update_basics(admin, client_id, before.version,
                               BasicsChanges(phone="139-0013-9000"))
    assert caught.value.field == "phone" and caught.value.client_name == "李丽"
    assert profiles.profile(admin, client_id).basics == before


def test_a_masked_role_told_a_phone_is_taken_is_audited(
        services: Services, admin: Actor, profiles: ProfileService, client_id: int) -> None:
    other = register(services, admin, "李丽", "13900139000")
    desk = make_staff(services, admin, Role.RECEPTIONIST, "lily")
    before = profiles.profile(desk, client_id).basics
    with pytest.raises(DuplicatePhone):
        profiles.update_basics(desk, client_id, before.version,
                               BasicsChanges(phone="139-0013-9000"), before)
    with services.db.read() as s:
        shown = list(s.scalars(select(AuditEntry.entity_id).where(
            AuditEntry.action == "client.phone_matched", AuditEntry.staff_id == desk.staff_id)))
    assert shown == [other]


def test_an_edit_refreshes_search_keys_stamps_consent_and_is_audited(
        services: Services, admin: Actor, profiles: ProfileService, client_id: int,
        clock: FakeClock) -> None:
    before = profiles.profile(admin, client_id).basics
    clock.advance(hours=1)
    saved = profiles.update_basics(admin, client_id, before.version, BasicsChanges(
        name="欧阳娜娜", gender=Gender.FEMALE, phone="+86 137 0013 7000",
        birthday=BirthdayInput(Calendar.LUNAR, 8, 15, 1990), consent_marketing=True,
        consent_health=True))
    assert saved.birthday == BirthdayInput(Calendar.LUNAR, 8, 15, 1990, False)
    assert saved.consent_marketing_at == clock.now
    assert saved.consent_health_at == NOW  # unchanged consent keeps its date
    with services.db.read() as s:
        client = s.get(Client, client_id)
        assert client is not None
        assert client.phone_last4 == "7000"
        keys = set(s.scalars(select(ClientSearchKey.key)
                             .where(ClientSearchKey.client_id == client_id)))
        assert keys == set(search_keys("欧阳娜娜"))
        entry = s.scalar(select(AuditEntry).where(AuditEntry.action == "client.update"))
    assert entry is not None and entry.staff_id == admin.staff_id and entry.at == clock.now
    assert entry.detail == "fields=name,gender,phone_e164,birthday_calendar,birth_year," \
                           "birth_month,birth_day,consent_marketing"


def test_preferences_are_replaced_cleaned_and_checked(
        admin: Actor, profiles: ProfileService, client_id: int) -> None:
    first = profiles.set_preferences(admin, client_id, Preferences(drinks=("绿茶", "红茶")),
                                     loaded=Preferences())
    saved = profiles.set_preferences(admin, client_id, Preferences(
        drinks=(" 玫瑰  花茶 ", "", "玫瑰 花茶", "温水"), preferred_rooms=("3号包厢",)),
        loaded=first)
    assert saved.drinks == ("玫瑰 花茶", "温水")
    assert saved.preferred_rooms == ("3号包厢",) and saved.tags == ()
    with pytest.raises(ValidationError) as caught:
        profiles.set_preferences(admin, client_id, Preferences(tags=("长" * 81,)), loaded=saved)
    assert caught.value.field == "tags"
    assert profiles.profile(admin, client_id).preferences == saved


def test_a_therapist_may_look_but_not_edit(
        services: Services, admin: Actor, profiles: ProfileService, client_id: int) -> None:
    therapist = make_staff(services, admin, Role.THERAPIST, "fang")
    basics = profiles.profile(therapist, client_id).basics
    for edit in (lambda: profiles.update_basics(therapist, client_id, basics.version,
                                                BasicsChanges(note="x")),
                 lambda: profiles.confirm_basics(therapist, client_id),
                 lambda: profiles.set_preferences(therapist, client_id, Preferences(),
                                                  loaded=Preferences()),
                 lambda: profiles.set_allergies(therapist, client_id, basics.version, "x")):
        with pytest.raises(PermissionDenied):
            edit()
    assert profiles.profile(admin, client_id).basics.version == basics.version


def test_a_save_waits_for_another_terminals_save_then_sees_its_change(
        db: Database, second_db: Database, admin: Actor, profiles: ProfileService,
        other_terminal: ProfileService, client_id: int) -> None:
    """The other terminal is stopped inside its save, holding the client's row; this one's
    save waits for it, then compares with what it loaded (before: a race between the
    version check and the write)."""
    loaded = profiles.profile(admin, client_id).basics
    pause = PauseBefore(second_db, "UPDATE client")
    theirs = Background(lambda: other_terminal.update_basics(
        admin, client_id, loaded.version, BasicsChanges(tier="银卡"), loaded))
    pause.wait()
    ours = Background(lambda: profiles.update_basics(
        admin, client_id, loaded.version, BasicsChanges(note="靠窗"), loaded))
    wait_until_blocked(db, ours)
    pause.release()
    assert isinstance(theirs.result(), ClientBasics)
    conflict = ours.result()
    assert isinstance(conflict, EditConflict), conflict
    assert conflict.params["changed"] == {"tier": "银卡"}
    after = profiles.profile(admin, client_id).basics
    assert (after.tier, after.note, after.version) == ("银卡", "", loaded.version + 1)


def test_preferences_changed_elsewhere_are_refused_and_kept(
        admin: Actor, profiles: ProfileService, other_terminal: ProfileService,
        client_id: int) -> None:
    loaded = profiles.set_preferences(admin, client_id, Preferences(tags=("老客",)),
                                      loaded=Preferences())
    theirs = other_terminal.set_preferences(
        admin, client_id, Preferences(tags=("老客",), drinks=("温水",)), loaded=loaded)
    with pytest.raises(EditConflict) as caught:
        profiles.set_preferences(admin, client_id, Preferences(tags=("老客", "怕冷")),
                                 loaded=loaded)
    assert caught.value.params["fields"] == "drinks"
    assert caught.value.params["changed"] == {"drinks": ("温水",)}
    assert caught.value.params["preferences"] == theirs
    assert profiles.profile(admin, client_id).preferences == theirs
    saved = profiles.set_preferences(admin, client_id, Preferences(
        tags=("老客", "怕冷"), drinks=("温水",)), loaded=theirs)
    assert saved.tags == ("老客", "怕冷") and saved.drinks == ("温水",)


def test_two_terminals_saving_preferences_at_once_lose_nothing(
        db: Database, second_db: Database, admin: Actor, profiles: ProfileService,
        other_terminal: ProfileService, client_id: int) -> None:
    """The other terminal is stopped inside its save, holding the client's row; this
    one's save waits, then sees the other's tag and is refused (before: last one won)."""
    loaded = profiles.set_preferences(admin, client_id, Preferences(tags=("老客",)),
                                      loaded=Preferences())
    pause = PauseBefore(second_db, "DELETE FROM client_preference")
    theirs = Background(lambda: other_terminal.set_preferences(
        admin, client_id, Preferences(tags=("老客", "爱聊天")), loaded=loaded))
    pause.wait()
    ours = Background(lambda: profiles.set_preferences(
        admin, client_id, Preferences(tags=("老客", "怕冷")), loaded=loaded))
    wait_until_blocked(db, ours)
    pause.release()
    assert theirs.result() == Preferences(tags=("老客", "爱聊天"))
    refused = ours.result()
    assert isinstance(refused, EditConflict), refused
    assert refused.params["changed"] == {"tags": ("老客", "爱聊天")}
    assert profiles.profile(admin, client_id).preferences.tags == ("老客", "爱聊天")


def test_two_clients_given_one_new_phone_at_once_name_the_holder(
        db: Database, second_db: Database, admin: Actor, profiles: ProfileService,
        other_terminal: ProfileService, services: Services, client_id: int) -> None:
    """The other terminal has checked the number is free and is stopped before its write;
    this one takes the number meanwhile. On PostgreSQL the other's write then breaks the
    unique index, and is told who holds the number (before: a raw IntegrityError)."""
    second = register(services, admin, "李丽", "13900139000")
    mine, theirs = (profiles.profile(admin, c).basics for c in (client_id, second))
    pause = PauseBefore(second_db, "UPDATE client")
    late = Background(lambda: other_terminal.update_basics(
        admin, second, theirs.version, BasicsChanges(phone="13700137000"), theirs))
    pause.wait()
    early = Background(lambda: profiles.update_basics(
        admin, client_id, mine.version, BasicsChanges(phone="13700137000"), mine))
    wait_until_blocked(db, early)
    pause.release()
    results = {type(r).__name__: r for r in (early.result(), late.result())}
    assert sorted(results) == ["ClientBasics", "DuplicatePhone"], results
    holder = results["ClientBasics"]
    assert isinstance(holder, ClientBasics)
    assert results["DuplicatePhone"].client_id == holder.id  # type: ignore[attr-defined]


def test_a_masked_phone_cannot_hide_another_terminals_change(
        services: Services, admin: Actor, profiles: ProfileService,
        other_terminal: ProfileService, client_id: int) -> None:
    desk = make_staff(services, admin, Role.RECEPTIONIST, "lily")
    loaded = profiles.profile(desk, client_id).basics
    other_terminal.update_basics(admin, client_id, loaded.version,
                                 BasicsChanges(phone="13899998000"))  # same mask: 138****8000
    assert profiles.profile(desk, client_id).basics.phone == loaded.phone
    with pytest.raises(EditConflict) as caught:
        profiles.update_basics(desk, client_id, loaded.version,
                               BasicsChanges(phone="13700137000"), loaded)
    assert caught.value.params["fields"] == "phone"
    saved = profiles.update_basics(desk, client_id, loaded.version,
                                   BasicsChanges(note="改约周三"), loaded)
    assert saved.note == "改约周三"
    assert profiles.profile(admin, client_id).basics.phone == "138 9999 8000"
