"""The calendar's and the cards' rules read by their indexes, never a whole table: the plan the
database chooses for each statement a rule really sends. On SQLite without statistics (as a
store's file is) the index meant for it; on PostgreSQL, told not to scan tables, some index
(its choice among them on a table of a few rows says little). At 1,000,000 clients a rule
that read the store by ``ix_client_branch_id`` took a second, one that looked for a card's
newest operation by scanning them all took minutes."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.core.calendar import Calendar
from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.services.care.drafts import OccasionSource
from frontdesk.services.care.occasions.birthdays import BirthdaySource
from frontdesk.services.care.occasions.cards import (
    CardBalanceLowSource,
    CardExpiringSource,
    CardLastSessionSource,
)
from frontdesk.services.care.occasions.festivals import FestivalSource
from frontdesk.services.care.occasions.follow_ups import FollowUpSource
from frontdesk.services.care.occasions.profile import ProfileSource
from frontdesk.services.care.occasions.star_calls import StarCallSource
from frontdesk.services.registry import Services
from tests.cards import client, shop
from tests.occasions import add_client, add_visit, follow_up_days, run, unique_key
from tests.unit.test_query_plans import plan, statements

TODAY = dt.date(2026, 11, 23)
SQLITE_WHOLE = ("SCAN client", "SCAN member_card", "SCAN card_entry", "SCAN card_operation",
                "SCAN consumption_line", "SCAN visit", "ix_client_branch_id")
"""What reads a whole table (or a whole store) on SQLite."""
PG_WHOLE = ("Seq Scan",)
"""On PostgreSQL (whose choice among indexes on a table of a few rows says little)."""


@pytest.fixture
def store(services: Services, admin: Actor) -> None:
    """A client or two for each rule, so each sends every statement it has."""
    db, branch = services.db, admin.branch_id
    cards = shop(services, admin)
    follow_up_days(db, cards.facial, 1, 3)
    owner = client(services, admin)
    add_client(db, branch, "金卡", tier="金卡", birthday_calendar=Calendar.LUNAR,
               birth_month=10, birth_day=5)
    add_visit(db, branch, owner, TODAY - dt.timedelta(days=1), ((cards.facial, "面部护理"),))
    stored = services.cards.issue(admin, client_id=owner, product_id=cards.stored,
                                  key=unique_key(), method="cash", amount_fen=50_000).card
    services.cards.charge(admin, card_id=stored.id, amount_fen=40_000, key=unique_key())
    session = services.cards.issue(admin, client_id=owner, product_id=cards.session,
                                   key=unique_key(), method="cash").card
    services.cards.charge(admin, card_id=session.id, sessions=10,
                          service_item_id=cards.facial, key=unique_key())


@pytest.mark.parametrize(("source", "first", "indexes"), [
    (BirthdaySource(), TODAY, ("ix_client_birthday",)),
    (FestivalSource(), dt.date(2026, 9, 22), ("ix_client_tier",)),
    (StarCallSource(), TODAY, ("ix_client_tier", "ix_care_call_client_at")),
    (FollowUpSource(), TODAY, ("ix_consumption_line_branch_at",)),
    (ProfileSource(), TODAY, ("ix_client_basics_confirmed", "ix_client_branch_created",
                              "ix_client_last_visit_at")),
    (CardExpiringSource(), TODAY + dt.timedelta(days=335), ("ix_member_card_expires_on",)),
    (CardBalanceLowSource(), TODAY, ("ix_card_entry_branch_at", "ix_card_entry_card_id")),
    (CardLastSessionSource(), TODAY, ("ix_card_entry_branch_at", "ix_card_entry_card_id")),
], ids=lambda v: getattr(v, "kind", None) or "")
def test_each_rule_reads_by_its_indexes(db: Database, admin: Actor, store: None,
                                        source: OccasionSource, first: dt.date,
                                        indexes: tuple[str, ...]) -> None:
    with statements(db) as seen:
        run(source, db, admin.branch_id, first)
    plans = [plan(db, s) for s in seen if s[0].lstrip().upper().startswith("SELECT")]
    assert plans
    for p in plans:
        assert not any(whole in p for whole in (SQLITE_WHOLE if db.is_sqlite else PG_WHOLE)), p
    if db.is_sqlite:
        for index in indexes:
            assert any(index in p for p in plans), (index, plans)
