"""Card operations through CardService: issue, top-up, charge, refund, freeze, replace, expiry,
family members, corrections, vouchers and points; replays, refusals and permissions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.errors import AuthError, DomainError, PermissionDenied, ValidationError
from frontdesk.models import AuditEntry
from frontdesk.models.card import (
    CardEntry,
    CardHolder,
    CardKind,
    CardOperation,
    CardStatus,
    OperationKind,
    PointsReward,
    VoucherStatus,
)
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.charging import CardExpired, CardFrozen, CardReplaced
from frontdesk.services.cards.ledger import InsufficientBalance, Movement, NotEnoughPoints, book
from frontdesk.services.cards.numbers import is_generated
from frontdesk.services.cards.writers import CardApprovalMissing
from frontdesk.services.desk.approval import Approval, ApprovalRefused
from frontdesk.services.registry import Services
from tests.actors import signed_actor
from tests.cards import Shop, client, drift, product, shop
from tests.conftest import FakeClock

PASSWORD = "desk-password-7"


@dataclass(frozen=True)
class Team:
    cards: Shop
    desk: Actor
    """A receptionist."""
    manager: Approval
    owner: int


@pytest.fixture
def team(services: Services, admin: Actor) -> Team:
    clerk = services.staff.add_staff(admin, "xiaoli", "小李", Role.RECEPTIONIST, PASSWORD)
    services.staff.add_staff(admin, "dianzhang", "张店长", Role.MANAGER, PASSWORD)
    return Team(shop(services, admin), signed_actor(services.db, clerk.id),
                Approval("dianzhang", PASSWORD, "顾客搬家"), client(services, admin))


def stored_card(services: Services, team: Team, key: str = "issue", **kw: object) -> int:
    return services.cards.issue(team.desk, client_id=team.owner, product_id=team.cards.stored,
                                key=key, **kw).card.id  # type: ignore[arg-type]


def operations(services: Services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(CardOperation)) or 0


def test_issue_a_stored_value_card_with_an_offer(services: Services, team: Team) -> None:
    done = services.cards.issue(team.desk, client_id=team.owner, product_id=team.cards.stored,
                                key="k1", method="wechat", offer_id=team.cards.offer)
    card = done.card
    assert (card.paid_fen, card.bonus_fen, card.sessions) == (100_000, 20_000, 0)
    assert card.kind is CardKind.STORED_VALUE and card.status is CardStatus.ACTIVE
    assert is_generated(card.card_no) and card.owner_name == "王芳"
    assert card.phone.count("*") == 4  # a receptionist sees the phone masked
    assert card.expires_on is None and not card.expired and not done.replayed
    with services.db.read() as s:
        op = s.get(CardOperation, done.operation_id)
        assert op is not None and (op.kind, op.money_fen, op.method) == (
            OperationKind.ISSUE, 100_000, "wechat")
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == AuditAction.CARD_ISSUE)) == 1
    assert drift(services.db) == []


def test_issue_a_session_card(services: Services, team: Team, clock: FakeClock) -> None:
    card = services.cards.issue(team.desk, client_id=team.owner, product_id=team.cards.session,
                                key="k1", method="cash", card_no="ｖｉｐ0001").card
    assert (card.card_no, card.sessions, card.paid_fen) == ("VIP0001", 10, 0)
    assert card.expires_on == dt.date(2026, 11, 23) + dt.timedelta(days=365)
    assert card.services == ((team.cards.facial, "面部护理"),)
    with pytest.raises(ValidationError) as taken:
        services.cards.issue(team.desk, client_id=team.owner, product_id=team.cards.session,
                             key="k2", method="cash", card_no="vip0001")
    assert taken.value.field == "card_no"
    with pytest.raises(ValidationError) as no_method:
        services.cards.issue(team.desk, client_id=team.owner, product_id=team.cards.session,
                             key="k3")
    assert no_method.value.field == "method"
    assert operations(services) == 1


def test_top_up_and_charge_spend_paid_and_bonus_in_proportion(services: Services,
                                                               team: Team) -> None:
    card_id = stored_card(services, team, method="cash", offer_id=team.cards.offer)
    top = services.cards.top_up(team.desk, card_id=card_id, amount_fen=50_000, method="alipay",
                                key="t1")
    assert (top.card.paid_fen, top.card.bonus_fen) == (150_000, 20_000)
    charged = services.cards.charge(team.desk, card_id=card_id, amount_fen=17_000, key="c1")
    assert (charged.card.paid_fen, charged.card.bonus_fen) == (135_000, 18_000)
    with pytest.raises(InsufficientBalance) as short:
        services.cards.charge(team.desk, card_id=card_id, amount_fen=153_001, key="c2")
    assert short.value.params["needed"] == "¥1,530.01"
    assert services.cards.charge(team.desk, card_id=card_id, amount_fen=153_000,
                                 key="c3").card.balance_fen == 0
    assert drift(services.db) == []


def test_sessions_of_a_covered_service_only(services: Services, team: Team) -> None:
    card_id = services.cards.issue(team.desk, client_id=team.owner, product_id=team.cards.session,
                                   key="k1", method="cash").card.id
    with pytest.raises(ValidationError) as other_service:
        services.cards.charge(team.desk, card_id=card_id, sessions=1,
                              service_item_id=team.cards.massage, key="c1")
    assert other_service.value.field == "service_item_id"
    with pytest.raises(ValidationError) as money:
        services.cards.charge(team.desk, card_id=card_id, amount_fen=100, key="c2")
    assert money.value.field == "amount_fen"
    done = services.cards.charge(team.desk, card_id=card_id, sessions=3,
                                 service_item_id=team.cards.facial, key="c3")
    assert done.card.sessions == 7
    with pytest.raises(InsufficientBalance):
        services.cards.charge(team.desk, card_id=card_id, sessions=8,
                              service_item_id=team.cards.facial, key="c4")
    with pytest.raises(ValidationError):
        services.cards.top_up(team.desk, card_id=card_id, amount_fen=100, method="cash", key="t")
    assert operations(services) == 2


def test_family_members_may_pay_others_may_not(services: Services, team: Team,
                                               admin: Actor) -> None:
    card_id = stored_card(services, team, method="cash", amount_fen=10_000)
    daughter, stranger = client(services, admin, "王小芳"), client(services, admin, "李四")
    with pytest.raises(ValidationError) as refused:
        services.cards.charge(team.desk, card_id=card_id, amount_fen=100,
                              payer_client_id=daughter, key="c1")
    assert refused.value.field == "payer_client_id"
    added = services.cards.add_holder(team.desk, card_id=card_id, client_id=daughter,
                                      relation="女儿", key="h1")
    assert [(h.client_id, h.name, h.relation) for h in added.card.holders] == [
        (daughter, "王小芳", "女儿")]
    services.cards.charge(team.desk, card_id=card_id, amount_fen=100, payer_client_id=daughter,
                          key="c2")
    assert [c.id for c in services.cards.cards_of_client(team.desk, daughter)] == [card_id]
    with pytest.raises(ValidationError):
        services.cards.charge(team.desk, card_id=card_id, amount_fen=100,
                              payer_client_id=stranger, key="c3")
    services.cards.remove_holder(team.desk, card_id=card_id, client_id=daughter, key="h2")
    with pytest.raises(ValidationError):
        services.cards.charge(team.desk, card_id=card_id, amount_fen=100,
                              payer_client_id=daughter, key="c4")
    assert services.cards.card(team.desk, card_id).paid_fen == 9_900


def test_refund_needs_a_manager_and_gives_back_paid_money_only(services: Services,
                                                                team: Team) -> None:
    card_id = stored_card(services, team, method="cash", offer_id=team.cards.offer)
    services.cards.charge(team.desk, card_id=card_id, amount_fen=60_000, key="c1")
    card = services.cards.card(team.desk, card_id)
    assert (card.paid_fen, card.bonus_fen) == (50_000, 10_000)

    def refund(amount: int, approval: Approval | None, key: str) -> object:
        return services.cards.refund(team.desk, card_id=card_id, amount_fen=amount,
                                     method="cash", reason="搬家", approval=approval, key=key)

    with pytest.raises(CardApprovalMissing):
        refund(10_000, None, "r1")
    with pytest.raises(AuthError):
        refund(10_000, Approval("dianzhang", "wrong", "搬家"), "r2")
    with pytest.raises(ApprovalRefused):
        refund(10_000, Approval("xiaoli", PASSWORD, "搬家"), "r3")
    with pytest.raises(ValidationError) as too_much:
        refund(50_001, team.manager, "r4")
    assert too_much.value.params == {"amount": "¥500.00"}
    assert operations(services) == 2
    part = services.cards.refund(team.desk, card_id=card_id, amount_fen=20_000, method="cash",
                                 reason="搬家", approval=team.manager, key="r5")
    assert (part.card.paid_fen, part.card.bonus_fen, part.card.status) == (
        30_000, 6_000, CardStatus.ACTIVE)
    rest = services.cards.refund(team.desk, card_id=card_id, amount_fen=30_000, method="cash",
                                 reason="搬家", approval=team.manager, key="r6")
    assert (rest.card.paid_fen, rest.card.bonus_fen, rest.card.status) == (
        0, 0, CardStatus.CLOSED)
    with services.db.read() as s:
        op = s.get(CardOperation, rest.operation_id)
        assert op is not None and op.money_fen == -30_000 and op.approved_by_id is not None
    with pytest.raises(DomainError):
        services.cards.top_up(team.desk, card_id=card_id, amount_fen=100, method="cash", key="t")
    assert drift(services.db) == []


def test_frozen_cards_do_not_move(services: Services, team: Team) -> None:
    card_id = stored_card(services, team, method="cash", amount_fen=10_000)
    assert services.cards.freeze(team.desk, card_id=card_id, reason="顾客要求",
                                 key="f1").card.status is CardStatus.FROZEN
    with pytest.raises(CardFrozen):
        services.cards.charge(team.desk, card_id=card_id, amount_fen=1, key="c1")
    with pytest.raises(CardFrozen):
        services.cards.top_up(team.desk, card_id=card_id, amount_fen=1, method="cash", key="t1")
    with pytest.raises(ValidationError):
        services.cards.freeze(team.desk, card_id=card_id, key="f2")
    services.cards.unfreeze(team.desk, card_id=card_id, key="u1")
    assert services.cards.charge(team.desk, card_id=card_id, amount_fen=1,
                                 key="c2").card.paid_fen == 9_999


def test_a_lost_card_is_replaced_with_every_balance(services: Services, team: Team,
                                                    admin: Actor) -> None:
    card_id = stored_card(services, team, method="cash", offer_id=team.cards.offer)
    daughter = client(services, admin, "王小芳")
    services.cards.add_holder(team.desk, card_id=card_id, client_id=daughter, key="h1")
    services.cards.freeze(team.desk, card_id=card_id, reason="挂失", key="f1")
    new = services.cards.replace(team.desk, card_id=card_id, key="rep1").card
    assert (new.paid_fen, new.bonus_fen, new.status, new.replaces_id) == (
        100_000, 20_000, CardStatus.ACTIVE, card_id)
    assert [h.client_id for h in new.holders] == [daughter]
    old = services.cards.card(team.desk, card_id)
    assert (old.paid_fen, old.bonus_fen, old.status, old.replaced_by_id) == (
        0, 0, CardStatus.REPLACED, new.id)
    with pytest.raises(CardReplaced) as replaced:
        services.cards.charge(team.desk, card_id=card_id, amount_fen=1, key="c1")
    assert replaced.value.params["new_no"] == new.card_no
    assert [r.kind for r in services.cards.history(team.desk, card_id)][:1] == [
        OperationKind.REPLACE]
    assert drift(services.db) == []


def test_expiry_writes_sessions_off_and_extension_restores_them(
        services: Services, team: Team, clock: FakeClock) -> None:
    session_card = services.cards.issue(team.desk, client_id=team.owner,
                                        product_id=team.cards.session, key="k1",
                                        method="cash").card
    money_card = stored_card(services, team, key="k2", method="cash", amount_fen=5_000)
    with services.db.write() as s:  # the stored-value card expires the same day
        from frontdesk.models.card import MemberCard

        row = s.get(MemberCard, money_card)
        assert row is not None
        row.expires_on = session_card.expires_on
    assert services.cards.expire_due(team.desk, session_card.expires_on) == []
    clock.advance(days=400)
    gone = services.cards.expire_due(team.desk)
    assert [(g.card_id, g.sessions, g.paid_fen) for g in gone] == [(session_card.id, 10, 0)]
    assert services.cards.expire_due(team.desk) == []  # run twice: booked once
    expired = services.cards.card(team.desk, session_card.id)
    assert expired.expired and expired.sessions == 0 and expired.status is CardStatus.ACTIVE
    assert services.cards.card(team.desk, money_card).paid_fen == 5_000  # money does not expire
    with pytest.raises(CardExpired):
        services.cards.charge(team.desk, card_id=money_card, amount_fen=1, key="c1")
    until = dt.date(2028, 6, 30)
    back = services.cards.extend(team.desk, session_card.id, until, team.manager, "e1").card
    assert (back.sessions, back.expires_on, back.expired) == (10, until, False)
    assert drift(services.db) == []


def test_a_correction_needs_a_manager_and_cannot_overdraw(services: Services,
                                                         team: Team) -> None:
    card_id = stored_card(services, team, method="cash", amount_fen=1_000)
    with pytest.raises(InsufficientBalance):
        services.cards.adjust(team.desk, card_id=card_id, paid_fen=-1_001, reason="录错",
                              approval=team.manager, key="a1")
    done = services.cards.adjust(team.desk, card_id=card_id, paid_fen=-300, bonus_fen=50,
                                 reason="录错", approval=team.manager, key="a2")
    assert (done.card.paid_fen, done.card.bonus_fen) == (700, 50)
    assert drift(services.db) == []


def test_vouchers_are_used_once(services: Services, team: Team) -> None:
    issued = services.cards.issue_voucher(team.desk, client_id=team.owner, kind="spa",
                                          title="生日水疗券", value_fen=19_800, source="care",
                                          key="v1")
    voucher = issued.voucher
    assert voucher is not None and voucher.status is VoucherStatus.OPEN
    card = services.cards.cards_of_client(team.desk, team.owner)
    assert card == []
    used = services.cards.use_voucher(team.desk, voucher_id=voucher.id, key="v2")
    assert used.voucher is not None and used.voucher.status is VoucherStatus.USED
    with pytest.raises(ValidationError):
        services.cards.use_voucher(team.desk, voucher_id=voucher.id, key="v3")
    with pytest.raises(ValidationError):
        services.cards.void_voucher(team.desk, voucher_id=voucher.id, reason="错发", key="v4")


def test_points_are_redeemed_for_a_voucher_within_the_balance(services: Services, team: Team,
                                                               admin: Actor) -> None:
    with services.db.write() as s:
        s.add(PointsReward(branch_id=admin.branch_id, name="面膜券", points=500,
                           voucher_kind="service", voucher_value_fen=5_000))
        s.flush()
        reward = s.scalar(select(PointsReward.id))
        book(s, CardOperation(branch_id=admin.branch_id, idempotency_key="earn",
                              at=services.clock(), kind=OperationKind.POINTS_EARN),
             [Movement(client_id=team.owner, points=800)])
    assert reward is not None
    done = services.cards.redeem_points(team.desk, client_id=team.owner, reward_id=reward,
                                        key="p1")
    assert done.points == 300 and done.voucher is not None and done.voucher.value_fen == 5_000
    with pytest.raises(NotEnoughPoints):
        services.cards.redeem_points(team.desk, client_id=team.owner, reward_id=reward, key="p2")
    assert services.cards.points(team.desk, team.owner) == 300
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == AuditAction.CARD_POINTS_REDEEM)) == 1
    assert drift(services.db) == []


@pytest.mark.parametrize("times", [2, 5])
def test_a_replay_books_once_and_returns_the_same(services: Services, team: Team,
                                                  times: int) -> None:
    card_id = stored_card(services, team, method="cash", amount_fen=10_000)
    results = [services.cards.charge(team.desk, card_id=card_id, amount_fen=250, key="same")
               for _ in range(times)]
    assert {r.operation_id for r in results} == {results[0].operation_id}
    assert [r.replayed for r in results] == [False] + [True] * (times - 1)
    assert services.cards.card(team.desk, card_id).paid_fen == 9_750
    tops = [services.cards.top_up(team.desk, card_id=card_id, amount_fen=100, method="cash",
                                  key="top") for _ in range(times)]
    assert len({t.operation_id for t in tops}) == 1
    with pytest.raises(DomainError) as other:
        services.cards.top_up(team.desk, card_id=card_id, amount_fen=100, method="cash",
                              key="same")
    assert other.value.field == "key"
    assert operations(services) == 3


def test_roles_and_refusals_write_nothing(services: Services, team: Team, admin: Actor) -> None:
    card_id = stored_card(services, team, method="cash", amount_fen=1_000)
    therapist = services.staff.add_staff(admin, "meili", "美丽", Role.THERAPIST, PASSWORD)
    beautician = signed_actor(services.db, therapist.id)
    with pytest.raises(PermissionDenied):
        services.cards.charge(beautician, card_id=card_id, amount_fen=1, key="c1")
    with pytest.raises(PermissionDenied):
        services.cards.card(beautician, card_id)
    for bad in (-1, 1.5, True, "100"):
        with pytest.raises(ValidationError):
            services.cards.charge(team.desk, card_id=card_id, amount_fen=bad, key="c2")  # type: ignore[arg-type]
    for key in ("", " ", "x" * 65):
        with pytest.raises(ValidationError) as no_key:
            services.cards.charge(team.desk, card_id=card_id, amount_fen=1, key=key)
        assert no_key.value.field == "key"
    with pytest.raises(ValidationError):
        services.cards.top_up(team.desk, card_id=card_id, amount_fen=100, method="member_card",
                              key="t1")
    assert operations(services) == 1 and drift(services.db) == []


def test_history_pages_with_the_balances_after_each_operation(services: Services,
                                                              team: Team) -> None:
    card_id = stored_card(services, team, method="cash", offer_id=team.cards.offer)
    for i in range(5):
        services.cards.charge(team.desk, card_id=card_id, amount_fen=1_200, key=f"c{i}")
    services.cards.freeze(team.desk, card_id=card_id, key="f")
    first = services.cards.history(team.desk, card_id, limit=3)
    assert [r.kind for r in first] == [OperationKind.FREEZE, OperationKind.CHARGE,
                                       OperationKind.CHARGE]
    assert (first[0].paid_after, first[0].bonus_after) == (95_000, 19_000)
    assert (first[1].paid_fen, first[1].bonus_fen) == (-1_000, -200)
    rest = services.cards.history(team.desk, card_id, before_id=first[-1].operation_id)
    assert [r.kind for r in rest][-1] is OperationKind.ISSUE
    assert (rest[-1].paid_after, rest[-1].bonus_after, rest[-1].money_fen) == (
        100_000, 20_000, 100_000)
    assert all(type(v) is int for r in first + rest for v in (
        r.paid_fen, r.bonus_fen, r.sessions, r.points, r.paid_after, r.bonus_after,
        r.sessions_after, r.money_fen))  # never a Decimal (PostgreSQL's sums)
    charges = services.cards.history(team.desk, card_id, kinds=[OperationKind.ISSUE])
    assert [(r.paid_after, r.staff_name) for r in charges] == [(100_000, "小李")]
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.action == AuditAction.CARD_HISTORY_VIEW)) == 3


def test_find_cards_by_number_phone_tail_and_name(services: Services, team: Team,
                                                  admin: Actor) -> None:
    card = services.cards.issue(team.desk, client_id=team.owner, product_id=team.cards.stored,
                                key="k1").card
    other = product(services.db, admin.branch_id, CardKind.MEMBERSHIP, "会员卡")
    services.cards.issue(team.desk, client_id=team.owner, product_id=other, key="k2")
    assert [c.id for c in services.cards.find_cards(team.desk, card.card_no)] == [card.id]
    by_name = services.cards.find_cards(team.desk, "王芳")
    assert len(by_name) == 2 and card.id in [c.id for c in by_name]
    assert services.cards.find_cards(team.desk, "没有这个人") == []
    with services.db.read() as s:
        assert s.scalar(select(func.count()).select_from(CardHolder)) == 0
        assert s.scalar(select(func.count()).select_from(CardEntry)) == 0


def test_charge_in_books_inside_the_callers_transaction(services: Services, team: Team) -> None:
    """What the check-out's charger does: charge in its own transaction, with a longer key;
    the same key again in it is the same operation, and a rollback undoes the charge."""
    from frontdesk.services.cards.charging import charge_in

    card_id = stored_card(services, team, method="cash", amount_fen=1_000)
    key = "checkout:" + "k" * 60 + ":1"
    with pytest.raises(RuntimeError), services.db.write() as s:
        first = charge_in(s, team.desk, card_id=card_id, amount_fen=400, key=key,
                          now=services.clock())
        again = charge_in(s, team.desk, card_id=card_id, amount_fen=400, key=key,
                          now=services.clock())
        assert again is first
        raise RuntimeError("the check-out failed after the charge")
    assert services.cards.card(team.desk, card_id).paid_fen == 1_000 and operations(services) == 1
    with services.db.write() as s:
        charge_in(s, team.desk, card_id=card_id, amount_fen=400, key=key, now=services.clock())
    assert services.cards.card(team.desk, card_id).paid_fen == 600
    with pytest.raises(ValidationError), services.db.write() as s:
        charge_in(s, team.desk, card_id=card_id, amount_fen=1, key="k" * 81, now=services.clock())
