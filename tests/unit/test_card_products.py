"""Card products, the points rule and the rewards catalogue: what a manager configures."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.errors import ConflictError, FieldErrors, PermissionDenied, ValidationError
from frontdesk.models import AuditEntry, Setting
from frontdesk.models.card import CardKind, CardProduct, TopUpOffer, VoucherKind
from frontdesk.services.cards.points_setup import PointsRule, RewardDraft
from frontdesk.services.cards.products import OfferDraft, ProductDraft
from frontdesk.services.registry import Services
from tests.actors import staff_in_role
from tests.conftest import FakeClock

STORED = ProductDraft(CardKind.STORED_VALUE, "金卡储值", validity_days=730,
                      offers=(OfferDraft(500_000, 80_000), OfferDraft(100_000, 10_000)))


@pytest.fixture
def facial(services: Services, admin: Actor) -> int:
    return services.catalog.add_service_item(admin, "面部深层清洁", 38000, 60, "面部").id


def session_card(*service_ids: int, **kw: object) -> ProductDraft:
    draft = ProductDraft(CardKind.SESSION, "面部护理十次卡", price_fen=300_000, sessions=10,
                         validity_days=365, service_item_ids=service_ids)
    return dataclasses.replace(draft, **kw)  # type: ignore[arg-type]


def product_count(db: Database) -> int:
    with db.read() as s:
        return s.scalar(select(func.count(CardProduct.id))) or 0


def test_a_stored_value_card_with_its_offers(services: Services, admin: Actor,
                                             db: Database) -> None:
    made = services.card_products.create(admin, STORED)
    assert (made.kind, made.name, made.validity_days, made.version) == \
        (CardKind.STORED_VALUE, "金卡储值", 730, 1)
    assert [(o.pay_fen, o.bonus_fen) for o in made.offers] == [(100_000, 10_000),
                                                             (500_000, 80_000)]
    assert services.card_products.products(admin) == [made]
    with db.read() as s:
        assert s.scalar(select(AuditEntry.detail).where(
            AuditEntry.action == "card_product.create")) == "金卡储值"


def test_a_session_card_covers_its_services(services: Services, admin: Actor,
                                            facial: int) -> None:
    massage = services.catalog.add_service_item(admin, "肩颈经络", 26800, 90).id
    made = services.card_products.create(admin, session_card(facial, massage))
    assert (made.sessions, made.price_fen) == (10, 300_000)
    assert made.services == ((massage, "肩颈经络"), (facial, "面部深层清洁"))
    assert services.card_products.product(admin, made.id) == made


@pytest.mark.parametrize(("draft", "field"), [
    (ProductDraft(CardKind.STORED_VALUE, "  "), "name"),
    (ProductDraft(CardKind.STORED_VALUE, "x" * 61), "name"),
    (ProductDraft(CardKind.STORED_VALUE, "卡\n"), "name"),
    (ProductDraft(CardKind.STORED_VALUE, "卡", price_fen=-1), "price_fen"),
    (ProductDraft(CardKind.STORED_VALUE, "卡", price_fen=1.5), "price_fen"),  # type: ignore[arg-type]
    (ProductDraft(CardKind.STORED_VALUE, "卡", sessions=3), "sessions"),
    (ProductDraft(CardKind.STORED_VALUE, "卡", validity_days=0), "validity_days"),
    (ProductDraft(CardKind.STORED_VALUE, "卡", offers=(OfferDraft(0, 0),)), "offers"),
    (ProductDraft(CardKind.STORED_VALUE, "卡", offers=(OfferDraft(100, 101),)), "offers"),
    (ProductDraft(CardKind.STORED_VALUE, "卡", offers=(OfferDraft(100, 1), OfferDraft(100, 2))),
     "offers"),
    (ProductDraft(CardKind.MEMBERSHIP, "卡", offers=(OfferDraft(100, 1),)), "offers"),
    (ProductDraft(CardKind.SESSION, "卡", sessions=10), "service_item_ids"),
    (ProductDraft(CardKind.SESSION, "卡", sessions=0, service_item_ids=(1,)), "sessions"),
    (ProductDraft(CardKind.SESSION, "卡", sessions=10, service_item_ids=(2**40,)),
     "service_item_ids"),
    (ProductDraft(CardKind.MEMBERSHIP, "卡", service_item_ids=(1,)), "service_item_ids"),
    (ProductDraft("gift", "卡"), "kind"),  # type: ignore[arg-type]
])
def test_wrong_input_is_refused_naming_the_field(services: Services, admin: Actor, db: Database,
                                                 draft: ProductDraft, field: str) -> None:
    with pytest.raises(ValidationError) as refused:
        services.card_products.create(admin, draft)
    assert refused.value.field == field
    assert product_count(db) == 0


def test_several_wrong_fields_are_named_together(services: Services, admin: Actor) -> None:
    with pytest.raises(FieldErrors) as refused:
        services.card_products.create(admin, ProductDraft(CardKind.STORED_VALUE, "", -1))
    assert [e.field for e in refused.value.errors] == ["name", "price_fen"]


def test_a_service_of_another_store_or_none_is_refused(services: Services, admin: Actor,
                                                       db: Database, facial: int) -> None:
    with pytest.raises(ValidationError, match="no service number") as refused:
        services.card_products.create(admin, session_card(facial, facial + 100))
    assert refused.value.field == "service_item_ids"
    assert product_count(db) == 0


def test_a_name_is_unique_among_active_products(services: Services, admin: Actor) -> None:
    made = services.card_products.create(admin, STORED)
    with pytest.raises(ValidationError, match="called") as refused:
        services.card_products.create(admin, ProductDraft(CardKind.MEMBERSHIP, "金卡储值"))
    assert refused.value.field == "name"
    services.card_products.set_active(admin, made.id, made.version, False)
    services.card_products.create(admin, ProductDraft(CardKind.MEMBERSHIP, "金卡储值"))


def test_edit_replaces_offers_and_keeps_the_dropped_ones_inactive(
        services: Services, admin: Actor, db: Database) -> None:
    made = services.card_products.create(admin, STORED)
    edited = services.card_products.edit(admin, made.id, made.version, dataclasses.replace(
        made.draft(), offers=(OfferDraft(100_000, 10_000), OfferDraft(300_000, 50_000))))
    assert [(o.pay_fen, o.bonus_fen) for o in edited.offers] == [(100_000, 10_000),
                                                               (300_000, 50_000)]
    assert edited.offers[0].id == made.offers[0].id  # the unchanged offer is the same row
    assert edited.version == made.version + 1
    with db.read() as s:
        assert s.scalars(select(TopUpOffer.pay_fen).where(~TopUpOffer.active)).all() == [500_000]


def test_an_edit_of_offers_alone_moves_the_version_on(services: Services, admin: Actor) -> None:
    made = services.card_products.create(admin, STORED)
    edited = services.card_products.edit(admin, made.id, made.version,
                                         dataclasses.replace(made.draft(), offers=()))
    assert edited.offers == () and edited.version == made.version + 1


def test_two_terminals_editing_one_product_the_second_is_refused(
        services: Services, admin: Actor, db: Database, clock: FakeClock, tmp_path: Path) -> None:
    made = services.card_products.create(admin, STORED)
    other = Database(db.url)
    try:
        second = Services(other, clock, photos_dir=tmp_path / "photos")
        first_view = services.card_products.product(admin, made.id)
        second_view = second.card_products.product(admin, made.id)
        services.card_products.edit(admin, made.id, first_view.version,
                                    dataclasses.replace(first_view.draft(), note="首次"))
        with pytest.raises(ConflictError, match="meanwhile") as refused:
            second.card_products.edit(admin, made.id, second_view.version,
                                      dataclasses.replace(second_view.draft(), name="改名"))
        assert refused.value.field == "version"
    finally:
        other.dispose()
    after = services.card_products.product(admin, made.id)
    assert (after.name, after.note, after.version) == ("金卡储值", "首次", made.version + 1)


def test_deactivated_products_leave_the_list(services: Services, admin: Actor) -> None:
    made = services.card_products.create(admin, STORED)
    off = services.card_products.set_active(admin, made.id, made.version, False)
    assert services.card_products.products(admin) == []
    assert services.card_products.products(admin, with_inactive=True) == [off]
    with pytest.raises(ConflictError):
        services.card_products.set_active(admin, made.id, made.version, True)


def test_only_managers_configure_products(services: Services, admin: Actor, db: Database
                                         ) -> None:
    desk = staff_in_role(db, admin.branch_id, Role.RECEPTIONIST)
    with pytest.raises(PermissionDenied):
        services.card_products.create(desk, STORED)
    assert services.card_products.products(desk) == []  # the desk may read them
    with pytest.raises(PermissionDenied):
        services.card_products.set_points_rule(desk, PointsRule(2))


def test_the_points_rule_is_a_store_setting(services: Services, admin: Actor,
                                            db: Database) -> None:
    assert services.card_products.points_rule(admin) == PointsRule(1, 100, 0)
    saved = services.card_products.set_points_rule(admin, PointsRule(2, 0, 5000))
    assert services.card_products.points_rule(admin) == saved == PointsRule(2, 0, 5000)
    with pytest.raises(ValidationError) as refused:
        services.card_products.set_points_rule(admin, PointsRule(101, 0, 0))
    assert refused.value.field == "points_per_yuan"
    with db.read() as s:
        assert s.scalar(select(Setting.value).where(Setting.key == "points_per_yuan")) == "2"


def test_rewards_catalogue(services: Services, admin: Actor) -> None:
    spa = services.card_products.save_reward(
        admin, None, RewardDraft("水疗体验券", 2000, VoucherKind.SPA, 19_800))
    gift = services.card_products.save_reward(admin, None, RewardDraft("保湿小样", 500, None, 99))
    assert gift.voucher_value_fen == 0  # a gift has no voucher value
    assert services.card_products.rewards(admin) == [gift, spa]
    spa = services.card_products.save_reward(admin, spa.id, dataclasses.replace(
        RewardDraft("水疗体验券", 1800, VoucherKind.SPA, 19_800)))
    assert spa.points == 1800
    with pytest.raises(ValidationError) as refused:
        services.card_products.save_reward(admin, None, RewardDraft("保湿小样", 10))
    assert refused.value.field == "name"
    with pytest.raises(ValidationError) as refused:
        services.card_products.save_reward(admin, None, RewardDraft("x", 0))
    assert refused.value.field == "points"
    off = services.card_products.set_reward_active(admin, gift.id, False)
    assert services.card_products.rewards(admin) == [spa]
    assert services.card_products.rewards(admin, with_inactive=True) == [off, spa]
