"""Client search: every query kind, ranking, masking and flags, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import Connection, select, text

from frontdesk.cli import main
from frontdesk.core.calendar import Calendar
from frontdesk.core.context import Actor, Role
from frontdesk.core.names import clean_name
from frontdesk.core.permissions import ROLE_ACTIONS, Action
from frontdesk.core.phones import normalise_phone
from frontdesk.core.visitors import VisitorClass
from frontdesk.db import Database
from frontdesk.errors import PermissionDenied
from frontdesk.models import AuditEntry, Branch, Client, Staff
from frontdesk.services.clients.registration import refresh_search_keys
from frontdesk.services.clients.search import (
    ClientSearch,
    HitExtras,
    Lookup,
    MatchKind,
    masked_plan,
    plan_query,
    statement,
)
from frontdesk.services.staff.auth import hash_password
from tests.actors import staff_in_role
from tests.conftest import NOW, FakeClock

UTC = dt.UTC


@dataclass
class Store:
    db: Database
    branch_id: int
    actors: dict[Role, Actor] = field(default_factory=dict)

    def add(self, name: str, phone: str | None = None, *, member_no: str | None = None,
            visited_days_ago: int | None = None, visited_at: dt.datetime | None = None,
            anonymised: bool = False, **fields: object) -> int:
        """Insert a client the way the app stores one, search keys included."""
        name = clean_name(name)
        e164 = normalise_phone(phone) if phone else None
        last = NOW - dt.timedelta(days=visited_days_ago) if visited_days_ago is not None \
            else visited_at
        with self.db.write() as s:
            client = Client(branch_id=self.branch_id, name=name, phone_e164=e164,
                            member_no=member_no, last_visit_at=last,
                            anonymised_at=NOW if anonymised else None, **fields)
            s.add(client)
            s.flush()
            refresh_search_keys(s, client)
            return client.id


@pytest.fixture
def store(db: Database) -> Store:
    with db.write() as s:
        branch = Branch(name="水沐莲清")
        s.add(branch)
        s.flush()
        return Store(db, branch.id)


def actor(store: Store, role: Role = Role.RECEPTIONIST) -> Actor:
    """A signed-in colleague in ``role`` (one staff row per role, made on first use)."""
    if role not in store.actors:
        store.actors[role] = staff_in_role(store.db, store.branch_id, role)
    return store.actors[role]


@pytest.fixture
def search(db: Database, clock: FakeClock) -> ClientSearch:
    return ClientSearch(db, clock)


def names(search: ClientSearch, store: Store, query: str, limit: int = 20) -> list[str]:
    return [h.name for h in search.search(actor(store), query, limit)]


@pytest.mark.parametrize(("name", "queries", "not_found_by"), [
    ("单丽", ["shanli", "shan", "sl"], "danli"),
    ("曾强", ["zengqiang", "zeng", "zq"], "cengqiang"),
    ("解放", ["xiefang", "xie", "xf"], "jiefang"),
    ("仇敏", ["qiumin", "qiu", "qm"], "choumin"),
    ("区伟", ["ouwei", "ou", "ow"], "quwei"),
    ("欧阳娜娜", ["ouyangnana", "ouyang", "oynn", "oy"], "oun"),
    ("司马光", ["simaguang", "sima", "smg", "sm"], "sig"),
])
def test_heteronym_and_compound_surnames_by_pinyin_and_initials(
        search: ClientSearch, store: Store, name: str, queries: list[str],
        not_found_by: str) -> None:
    store.add(name)
    for query in queries:
        assert names(search, store, query) == [name], query
    assert names(search, store, query.upper()) == [name]
    assert names(search, store, not_found_by) == []


def test_pinyin_with_spaces_and_initials_kinds(search: ClientSearch, store: Store) -> None:
    store.add("张三")
    hits = search.search(actor(store), "zhang san")
    assert [(h.name, h.matched_by) for h in hits] == [("张三", MatchKind.PINYIN)]
    assert search.search(actor(store), "zs")[0].matched_by is MatchKind.INITIALS


@pytest.mark.parametrize("typed", [
    "１３８００１３８０００", "+86 138-0013-8000", "0086 138 0013 8000", "138 0013 8000",
    "13800138000", "(+86) 138.0013.8000",
])
def test_full_phone_in_any_form_is_an_exact_match(search: ClientSearch, store: Store,
                                                  typed: str) -> None:
    store.add("王芳", "13800138000")
    store.add("王芳芳", "13800138001")
    hits = search.search(actor(store, Role.MANAGER), typed)
    assert [(h.name, h.matched_by) for h in hits] == [("王芳", MatchKind.PHONE)]


def test_a_masked_role_finds_every_client_whose_number_looks_the_same(
        search: ClientSearch, store: Store) -> None:
    """A client on the phone says her number; the desk sees who it may be, masked, and
    asks her name. What it sees is the same whatever the hidden middle digits are."""
    store.add("孙丽", "13900000001", visited_days_ago=3)
    store.add("孙小丽", "13912340001", visited_days_ago=1)
    store.add("孙大丽", "13800000001")  # another start: looks different
    store.add("孙老丽", "13900000002")  # another tail
    desk = actor(store, Role.RECEPTIONIST)
    seen = {typed: [(h.name, h.phone, h.matched_by) for h in search.search(desk, typed)]
            for typed in ("13900000001", "139 1234 0001", "13955550001", "+86 139-8888-0001")}
    expected = [("孙小丽", "139****0001", MatchKind.PHONE_MASK),
                ("孙丽", "139****0001", MatchKind.PHONE_MASK)]
    assert all(hits == expected for hits in seen.values()), seen
    exact = search.search(actor(store, Role.MANAGER), "13900000001")
    assert [(h.name, h.phone) for h in exact] == [("孙丽", "139 0000 0001")]


def test_no_middle_confirms_a_masked_number(search: ClientSearch, store: Store) -> None:
    """Every one of the 10,000 middles gives the desk the same hits: nothing to recover."""
    client_id = store.add("孙丽", "13900000001")
    desk = actor(store, Role.RECEPTIONIST)
    answers = {tuple(h.client_id for h in search.search(desk, f"139{m:04d}0001"))
               for m in range(0, 10_000, 7)}  # her own middle, 0000, among them
    assert answers == {(client_id,)}  # every 139 middle is a valid number, and finds her


def test_phone_tail_finds_all_most_recent_visit_first(search: ClientSearch,
                                                      store: Store) -> None:
    store.add("甲", "13900005678", visited_days_ago=30)
    store.add("乙", "13700005678")  # never visited: last
    store.add("丙", "13600005678", visited_days_ago=1)
    store.add("丁", "13500005679", visited_days_ago=0)
    hits = search.search(actor(store), "5678")
    assert [h.name for h in hits] == ["丙", "甲", "乙"]
    assert {h.matched_by for h in hits} == {MatchKind.PHONE_TAIL}
    assert names(search, store, "５６７８") == ["丙", "甲", "乙"]
    assert names(search, store, "5678", limit=2) == ["丙", "甲"]


def test_one_character_names_and_queries_rank_exact_then_shorter_then_parts(
        search: ClientSearch, store: Store) -> None:
    store.add("李张")
    store.add("张三丰")
    store.add("张三")
    store.add("张")
    store.add("王")
    hits = search.search(actor(store), "张")
    assert [(h.name, h.matched_by) for h in hits] == [
        ("张", MatchKind.NAME), ("张三", MatchKind.NAME), ("张三丰", MatchKind.NAME),
        ("李张", MatchKind.NAME_PART)]
    assert names(search, store, "王") == ["王"]


def test_a_part_inside_a_name(search: ClientSearch, store: Store) -> None:
    store.add("张三丰")
    store.add("李丰")
    hits = search.search(actor(store), "丰")
    assert sorted((h.name, h.matched_by) for h in hits) == [
        ("张三丰", MatchKind.NAME_PART), ("李丰", MatchKind.NAME_PART)]
    assert names(search, store, "三丰") == ["张三丰"]
    assert names(search, store, "三李") == []


def test_query_longer_than_a_stored_part_is_filtered(search: ClientSearch,
                                                     store: Store) -> None:
    store.add("爱新觉罗启星")
    store.add("爱新觉罗启明")
    assert names(search, store, "觉罗启星") == ["爱新觉罗启星"]
    assert sorted(names(search, store, "觉罗启")) == ["爱新觉罗启明", "爱新觉罗启星"]
    assert names(search, store, "爱新觉罗启明") == ["爱新觉罗启明"]


def test_names_with_like_wildcards_are_literal(search: ClientSearch, store: Store) -> None:
    store.add("阿依古丽·买买提")
    store.add("阿依古丽买买提")
    assert names(search, store, "古丽·买买") == ["阿依古丽·买买提"]
    assert names(search, store, "阿依古丽·") == ["阿依古丽·买买提"]
    assert names(search, store, "古丽·_买") == []  # "_" would match "买" unescaped
    assert names(search, store, "古丽·%提") == []


@pytest.mark.parametrize("typed", ["M00012345", "m00012345", " M0001 2345 "])
def test_member_card_exact_and_case_insensitive(search: ClientSearch, store: Store,
                                                typed: str) -> None:
    store.add("刘洋", member_no="M00012345")
    store.add("刘洋洋", member_no="M000123456")
    hits = search.search(actor(store), typed)
    assert [(h.name, h.matched_by) for h in hits] == [("刘洋", MatchKind.CARD)]
    assert names(search, store, "M0001234") == []


def test_scanned_digit_card_number(search: ClientSearch, store: Store) -> None:
    store.add("赵敏", "13911112222", member_no="6200012345")
    assert [h.matched_by for h in search.search(actor(store), "6200012345")] == [MatchKind.CARD]


def test_ranking_across_kinds(search: ClientSearch, store: Store) -> None:
    tail_old = store.add("孙一", "13911115678", visited_days_ago=9)
    tail_new = store.add("孙二", "13911125678", visited_days_ago=2)
    card = store.add("孙三", "13911130000", member_no="5678")
    hits = search.search(actor(store), "5678")
    assert [(h.client_id, h.matched_by) for h in hits] == [
        (card, MatchKind.CARD), (tail_new, MatchKind.PHONE_TAIL),
        (tail_old, MatchKind.PHONE_TAIL)]


def test_pinyin_exact_key_before_longer_keys(search: ClientSearch, store: Store) -> None:
    store.add("张三丰", visited_days_ago=0)
    store.add("张三", visited_days_ago=50)
    store.add("章散", visited_days_ago=10)
    hits = search.search(actor(store), "zhangsan")
    assert [h.name for h in hits] == ["章散", "张三", "张三丰"]  # same key: recent first
    assert names(search, store, "zs") == ["章散", "张三", "张三丰"]
    assert names(search, store, "zsf") == ["张三丰"]


def test_phone_is_masked_for_the_desk_and_full_for_a_manager(search: ClientSearch,
                                                             store: Store) -> None:
    store.add("周丽", "13800138000")
    desk = search.search(actor(store, Role.RECEPTIONIST), "周丽")[0]
    therapist = search.search(actor(store, Role.THERAPIST), "周丽")[0]
    manager = search.search(actor(store, Role.MANAGER), "周丽")[0]
    assert desk.phone == therapist.phone == "138****8000"
    assert manager.phone == "138 0013 8000"


def test_every_role_that_searches_may_search_and_others_are_refused(
        search: ClientSearch, store: Store) -> None:
    store.add("周丽", "13800138000")
    for role, actions in ROLE_ACTIONS.items():
        if Action.SEARCH_CLIENTS in actions:
            assert [h.name for h in search.search(actor(store, role), "周丽")] == ["周丽"]
        else:  # pragma: no cover - every role searches today
            with pytest.raises(PermissionDenied):
                search.search(actor(store, role), "周丽")


def test_anonymised_clients_are_never_found(search: ClientSearch, store: Store) -> None:
    store.add("吴佳", "13800138000", member_no="M1", anonymised=True, visited_days_ago=1)
    store.add("吴佳佳", "13800138001", visited_days_ago=3)
    for query in ("吴佳", "佳", "wujia", "wj", "8000", "13800138000", "M1"):
        assert "吴佳" not in names(search, store, query), query
    assert names(search, store, "吴") == ["吴佳佳"]


def test_flags_and_last_visit(search: ClientSearch, store: Store) -> None:
    store.add("郑秀", visited_days_ago=0, visitor_class=VisitorClass.SPECIAL,
              allergies="果酸过敏", tier="金卡")
    store.add("郑秀秀", allergies="   ", visited_days_ago=None)
    first, second = search.search(actor(store), "郑秀")
    assert (first.special_visitor, first.has_allergy, first.tier) == (True, True, "金卡")
    assert first.last_visit == NOW.astimezone().date()
    assert first.card_balance_fen is None and not first.open_complaint
    assert not first.follow_up_due
    assert first.flags == ("special_visitor", "has_allergy")
    assert (second.special_visitor, second.has_allergy, second.last_visit) == (
        False, False, None)


class NameFlags:
    """An extras source as the cards or complaints capability will be: one query for all hits."""

    def __init__(self, extras: HitExtras, name: str) -> None:
        self.extras, self.name, self.asked = extras, name, []

    def hit_extras(self, conn: Connection, client_ids: Sequence[int]) -> dict[int, HitExtras]:
        self.asked.append(sorted(client_ids))
        rows = conn.execute(select(Client.id).where(Client.id.in_(client_ids),
                                                    Client.name == self.name))
        return {client_id: self.extras for (client_id,) in rows}


def test_other_capabilities_flag_hits_through_their_sources(
        db: Database, clock: FakeClock, store: Store) -> None:
    zheng, xiu = store.add("郑秀"), store.add("郑秀秀")
    cards = NameFlags(HitExtras(card_balance_fen=12345), "郑秀")
    complaints = NameFlags(HitExtras(open_complaint=True), "郑秀")
    care = NameFlags(HitExtras(follow_up_due=True), "郑秀秀")
    search = ClientSearch(db, clock, extras=(cards, complaints, care))
    hits = {h.client_id: h for h in search.search(actor(store), "郑秀")}
    assert (hits[zheng].card_balance_fen, hits[zheng].open_complaint,
            hits[zheng].follow_up_due) == (12345, True, False)
    assert (hits[xiu].card_balance_fen, hits[xiu].open_complaint,
            hits[xiu].follow_up_due) == (None, False, True)
    assert hits[zheng].flags == ("open_complaint",)
    assert cards.asked == complaints.asked == [sorted((zheng, xiu))]  # once, for all hits


def test_last_visit_is_the_local_date(search: ClientSearch, store: Store,
                                      clock: FakeClock) -> None:
    # 2026-11-22 17:30 UTC is already Nov 23, 01:30 in Shanghai.
    store.add("冯", visited_at=dt.datetime(2026, 11, 22, 17, 30, tzinfo=UTC))
    assert search.search(actor(store), "冯")[0].last_visit == dt.date(2026, 11, 23)


@pytest.mark.parametrize(("calendar", "month", "day", "leap", "today", "week"), [
    (Calendar.SOLAR, 11, 23, False, True, True),
    (Calendar.SOLAR, 11, 29, False, False, True),
    (Calendar.SOLAR, 11, 30, False, False, False),
    (Calendar.SOLAR, 11, 22, False, False, False),
    (Calendar.LUNAR, 10, 15, False, True, True),    # Nov 23, 2026 is lunar 10/15
    (Calendar.LUNAR, 10, 15, True, True, True),     # no leap 10th month in 2026
    (Calendar.LUNAR, 10, 20, False, False, True),
    (Calendar.LUNAR, 10, 14, False, False, False),
    (None, None, None, False, False, False),
])
def test_birthday_flags_follow_the_injected_clock(
        search: ClientSearch, store: Store, calendar: Calendar | None, month: int | None,
        day: int | None, leap: bool, today: bool, week: bool) -> None:
    store.add("何静", birthday_calendar=calendar, birth_month=month, birth_day=day,
              birth_leap_month=leap)
    hit = search.search(actor(store), "何静")[0]
    assert (hit.birthday_today, hit.birthday_this_week) == (today, week)


def test_birthday_flags_move_with_the_clock(search: ClientSearch, store: Store,
                                            clock: FakeClock) -> None:
    store.add("何静", birthday_calendar=Calendar.SOLAR, birth_month=12, birth_day=1)
    assert not search.search(actor(store), "hj")[0].birthday_this_week
    clock.advance(days=2)
    assert search.search(actor(store), "hj")[0].birthday_this_week


def test_blank_query_and_zero_limit_find_nothing(search: ClientSearch, store: Store) -> None:
    store.add("陈")
    assert names(search, store, "  ") == []
    assert names(search, store, " - ") == []
    assert names(search, store, "陈", limit=0) == []
    assert names(search, store, "陈") == ["陈"]


def test_limit_caps_each_kind(search: ClientSearch, store: Store) -> None:
    for i in range(6):
        store.add(f"林{'一二三四五六'[i]}", visited_days_ago=i)
    assert len(search.search(actor(store), "林", limit=4)) == 4
    assert len(search.search(actor(store), "lin", limit=3)) == 3


@pytest.mark.parametrize(("query", "lookups", "key"), [
    ("5678", (Lookup.CARD, Lookup.MEMBER_CARD, Lookup.PHONE_TAIL), None),
    ("13800138000", (Lookup.PHONE, Lookup.CARD, Lookup.MEMBER_CARD), None),
    ("12345", (Lookup.CARD, Lookup.MEMBER_CARD), None),
    ("M001", (Lookup.CARD, Lookup.MEMBER_CARD), None),
    ("Zhang San", (Lookup.KEY,), "zhangsan"),
    ("张", (Lookup.KEY,), "张"),
    ("张 三丰", (Lookup.KEY,), "张三丰"),
    ("爱新觉罗", (Lookup.LONG_NAME,), "爱新觉"),
    ("", (), None),
])
def test_plan_query_lookups(query: str, lookups: tuple[Lookup, ...], key: str | None) -> None:
    plan = plan_query(query)
    assert (plan.lookups, plan.params.get("key")) == (lookups, key)


def test_a_masked_plan_looks_numbers_up_by_what_the_mask_shows() -> None:
    plan = masked_plan(plan_query("13800138000"))
    assert plan.lookups == (Lookup.PHONE_MASK, Lookup.CARD, Lookup.MEMBER_CARD)
    assert "phone" not in plan.params
    assert (plan.params["shown"], plan.params["tail"], plan.params["phone_len"]) == (
        "+86138", "8000", 14)
    assert masked_plan(plan_query("张")) == plan_query("张")


@pytest.mark.parametrize(("query", "masked"), [
    ("5678", False), ("13800138000", False), ("13800138000", True), ("M001", False),
    ("zhang", False), ("张", False), ("觉罗启星", False)])
def test_sqlite_plans_use_indexes_not_scans(sqlite_db: Database, query: str,
                                            masked: bool) -> None:
    plan = masked_plan(plan_query(query)) if masked else plan_query(query)
    sql = statement(plan.lookups).element.text
    with sqlite_db.connect() as conn:
        steps = conn.execute(text(f"EXPLAIN QUERY PLAN {sql}"), {
            **plan.params, "n": 20, "branch": 1, "day_start": "2026-11-22 16:00:00.000000",
            "day_end": "2026-11-23 16:00:00.000000"}).all()
    details = [row[3] for row in steps]
    scans = [d for d in details if d.startswith("SCAN") and "USING" not in d]
    assert all(d.startswith(("SCAN b", "SCAN h")) for d in scans), details  # sub-queries
    assert not any(d.startswith("SCAN") and " INDEX " in d and "COVERING" not in d
                   for d in details), details  # no walk along a whole index
    todays = {parent for _, parent, _, d in steps if d == "SCAN h"}  # today's few clients
    sorts = [d for _, parent, _, d in steps if "TEMP B-TREE" in d and parent not in todays]
    tail_sorted = query == "5678" or masked  # only the ~100 matches of a phone tail
    assert len(sorts) == (1 if tail_sorted else 0), details
    if Lookup.KEY in plan.lookups or Lookup.LONG_NAME in plan.lookups:
        assert any("ix_client_search_key_lookup" in d for d in details), details


def _plan_nodes(plan: dict[str, object]) -> list[dict[str, object]]:
    """Every node of a PostgreSQL JSON plan, depth first."""
    children = plan.get("Plans", [])
    assert isinstance(children, list)
    return [plan, *(n for child in children for n in _plan_nodes(child))]


@pytest.mark.parametrize("query", ["张", "觉罗启星"])
def test_postgresql_probes_today_s_clients_one_by_one(db: Database, query: str) -> None:
    """Today's branch looks the key up per client (a correlated sub-select, a SubPlan), so no
    estimate can make PostgreSQL read all of a key's entries to join them with today's few
    (静: 20,000 entries, 20 ms, at 1,000,000 clients); the key's own branch reads its index."""
    if db.is_sqlite:
        pytest.skip("PostgreSQL's plan")
    plan = plan_query(query)
    with db.engine.connect() as conn:  # a transaction, for SET LOCAL
        for method in ("seqscan", "bitmapscan"):  # as on big tables
            conn.execute(text(f"SET LOCAL enable_{method} = off"))
        sql = statement(plan.lookups).element.text
        [[found]] = conn.execute(text(f"EXPLAIN (FORMAT JSON) {sql}"), {
            **plan.params, "n": 20, "branch": 1, "day_start": NOW, "day_end": NOW}).all()
    nodes = _plan_nodes(found[0]["Plan"])
    keys = [n for n in nodes if n.get("Relation Name") == "client_search_key"]
    joined = [n for n in keys if n.get("Parent Relationship") != "SubPlan"]
    assert [(n.get("Index Name"), n.get("Scan Direction")) for n in joined] == [
        ("ix_client_search_key_lookup", "Backward")], keys  # the key's own branch
    assert len(keys) > len(joined), keys  # today's: per client (on a big table, by its pk)


def test_postgresql_keeps_the_search_prepared(db: Database, search: ClientSearch,
                                              store: Store) -> None:
    """psycopg prepares a statement the fifth time a connection runs it and forgets them all
    at a ROLLBACK; the search reads in autocommit, so it is not planned every time."""
    if db.is_sqlite:
        pytest.skip("PostgreSQL's prepared statements")
    store.add("张三", "13800138000")
    for _ in range(12):  # the pool may hold two connections
        assert names(search, store, "张") == ["张三"]
    with db.connect() as conn:
        prepared = conn.execute(text("SELECT statement FROM pg_prepared_statements")).scalars()
        assert any("client_search_key" in sql for sql in prepared)


PASSWORD = "desk-pass-1234"


def _account(store: Store, username: str, role: Role) -> int:
    """A staff account that signs in with PASSWORD; its id."""
    with store.db.write() as s:
        staff = Staff(branch_id=store.branch_id, username=username, display_name=username,
                      role=role, password_hash=hash_password(PASSWORD))
        s.add(staff)
        s.flush()
        return staff.id


def test_find_command_prints_ranked_masked_matches(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    store.add("孙一", "13911115678", visited_days_ago=9, tier="金卡")
    store.add("孙二", "13911125678", visited_days_ago=2, allergies="芒果")
    desk = _account(store, "desk", Role.RECEPTIONIST)
    monkeypatch.setenv("FRONTDESK_PASSWORD", PASSWORD)
    assert main(["--database", store.db.url, "find", "5678", "--as", "desk"]) == 0
    lines = capsys.readouterr().out.splitlines()
    visited = (NOW - dt.timedelta(days=2)).astimezone().date().isoformat()
    assert lines[0].split("\t")[:5] == ["孙二", "-", "139****5678", visited, "has_allergy"]
    assert lines[1].split("\t")[:3] == ["孙一", "金卡", "139****5678"]
    assert len(lines) == 2
    assert main(["--database", store.db.url, "find", "9999", "--limit", "5", "--as", "desk"]) == 1
    with store.db.read() as s:
        signed_in = list(s.scalars(select(AuditEntry.staff_id).where(
            AuditEntry.action == "auth.sign_in")))
    assert signed_in == [desk, desk]  # the audit trail names who searched


def test_find_command_signs_in_for_real_under_the_lock_out(
        store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    store.add("孙一", "13911115678")
    _account(store, "boss", Role.MANAGER)
    monkeypatch.setenv("FRONTDESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("FRONTDESK_PASSWORD", PASSWORD)
    assert main(["--database", store.db.url, "find", "5678", "--as", "boss"]) == 0
    assert "139 1111 5678" in capsys.readouterr().out  # a manager's role sees full numbers
    monkeypatch.setenv("FRONTDESK_PASSWORD", "not-the-password")
    for _ in range(5):
        assert main(["--database", store.db.url, "find", "5678", "--as", "boss"]) == 2
    monkeypatch.setenv("FRONTDESK_PASSWORD", PASSWORD)
    assert main(["--database", store.db.url, "find", "5678", "--as", "boss"]) == 2
    assert "Too many failed sign-ins" in capsys.readouterr().err.splitlines()[-1]

