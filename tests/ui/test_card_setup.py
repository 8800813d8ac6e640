"""The card set-up page: products and their editor, the tiers table, points and rewards,
driven through the real widgets; and who gets the page."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem
from pytestqt.qtbot import QtBot

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.models.card import CardKind, VoucherKind
from frontdesk.services.cards.grading import assess_in
from frontdesk.services.cards.products import OfferDraft, ProductDraft
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.registry import Services
from frontdesk.ui.cards_setup.points_tab import RewardDialog
from frontdesk.ui.cards_setup.product_dialog import ProductDialog
from frontdesk.ui.cards_setup.setup_page import CardSetupPage
from frontdesk.ui.cards_setup.sweep import TierSweep
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.worker import DbWorker
from tests.actors import staff_in_role
from tests.conftest import FakeClock


def page(qtbot: QtBot, services: Services, actor: Actor, worker: DbWorker) -> CardSetupPage:
    shown = CardSetupPage(services, actor, worker)
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.products.loaded):
        shown.show()
    return shown


def test_a_stored_value_card_made_in_the_editor(qtbot: QtBot, services: Services,
                                                admin: Actor, worker: DbWorker) -> None:
    shown = page(qtbot, services, admin, worker)
    dialog = ProductDialog(services, admin, parent=shown)
    qtbot.addWidget(dialog)
    assert not dialog.sessions.isEnabled() and dialog.offers.isEnabled()
    dialog.name.setText("金卡储值")
    dialog.validity.setValue(730)
    qtbot.mouseClick(dialog.add_offer, Qt.MouseButton.LeftButton)
    dialog.offers.setItem(0, 0, QTableWidgetItem("5000"))
    dialog.offers.setItem(0, 1, QTableWidgetItem("800"))
    qtbot.mouseClick(dialog.add_offer, Qt.MouseButton.LeftButton)  # a row left empty
    dialog._save()
    assert dialog.saved is not None
    assert [(o.pay_fen, o.bonus_fen) for o in dialog.saved.offers] == [(500_000, 80_000)]
    assert dialog.saved.validity_days == 730
    with qtbot.waitSignal(shown.products.loaded):
        shown.products.load()
    assert shown.products.tree.topLevelItem(0).text(0) == "金卡储值"
    assert "¥5,000.00" in shown.products.tree.topLevelItem(0).text(4)


def test_a_session_card_with_its_service(qtbot: QtBot, services: Services, admin: Actor,
                                         worker: DbWorker) -> None:
    facial = services.catalog.add_service_item(admin, "面部深层清洁", 38000, 60).id
    dialog = ProductDialog(services, admin)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(dialog.kind.findData(CardKind.SESSION))
    assert dialog.sessions.isEnabled() and not dialog.offers.isEnabled()
    dialog.name.setText("面部护理十次卡")
    dialog.price.setText("3000")
    dialog.sessions.setValue(10)
    dialog._save()
    assert dialog.errors.text("service_item_ids")  # no service chosen: said under the list
    assert dialog.saved is None
    dialog.services_list.item(0).setCheckState(Qt.CheckState.Checked)
    dialog._save()
    assert dialog.saved is not None
    assert (dialog.saved.services, dialog.saved.price_fen) == (((facial, "面部深层清洁"),),
                                                               300_000)


def test_a_wrong_amount_is_named_and_nothing_saved(qtbot: QtBot, services: Services,
                                                   admin: Actor) -> None:
    dialog = ProductDialog(services, admin)
    qtbot.addWidget(dialog)
    dialog.name.setText("储值卡")
    dialog.price.setText("12.345")
    dialog._save()
    assert dialog.errors.text("price_fen") and dialog.saved is None
    assert services.card_products.products(admin) == []


def test_an_edit_over_another_terminals_change_is_refused(qtbot: QtBot, services: Services,
                                                          admin: Actor) -> None:
    made = services.card_products.create(admin, ProductDraft(
        CardKind.STORED_VALUE, "储值卡", offers=(OfferDraft(100_000, 10_000),)))
    dialog = ProductDialog(services, admin, made)
    qtbot.addWidget(dialog)
    services.card_products.edit(admin, made.id, made.version, made.draft())  # elsewhere
    dialog.name.setText("改名")
    dialog._save()
    assert "meanwhile" in dialog.errors.text() and dialog.saved is None
    assert services.card_products.product(admin, made.id).name == "储值卡"


def test_the_tiers_table_saves_the_chosen_tier(qtbot: QtBot, services: Services, admin: Actor,
                                               worker: DbWorker) -> None:
    shown = page(qtbot, services, admin, worker)
    with qtbot.waitSignal(shown.tiers.loaded):
        qtbot.keyClick(shown, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    tiers = shown.tiers
    assert tiers.tree.topLevelItemCount() == 4
    tiers.tree.setCurrentItem(tiers.tree.topLevelItem(1))
    assert tiers.name.text() == "银卡"
    tiers.spend.setText("0")
    tiers._save()
    assert "more monthly spend" in tiers.errors.text("min_monthly_spend_fen")
    tiers.spend.setText("1000")
    tiers.name.setText("白银会员")
    tiers.discount.setValue(92)
    with qtbot.waitSignal(tiers.saved):
        tiers._save()
    silver = services.tiers.tiers(admin)[1]
    assert (silver.name, silver.min_monthly_spend_fen, silver.discount_percent) == \
        ("白银会员", 100_000, 92)
    assert tiers.tree.topLevelItem(1).text(0) == "白银会员"
    drafts = [t.draft() for t in services.tiers.tiers(admin)]  # another terminal, meanwhile:
    services.tiers.save_tiers(admin, [*drafts[:3], dataclasses.replace(drafts[3], events="年会")])
    tiers.discount.setValue(90)
    with qtbot.waitSignal(tiers.loaded):
        tiers._save()
    assert "meanwhile" in tiers.errors.text()
    assert services.tiers.tiers(admin)[1].discount_percent == 92


def test_points_rule_and_a_reward(qtbot: QtBot, services: Services, admin: Actor,
                                  worker: DbWorker) -> None:
    shown = page(qtbot, services, admin, worker)
    with qtbot.waitSignal(shown.points.loaded):
        shown.tabs.setCurrentIndex(2)
    points = shown.points
    assert points.per_yuan.value() == 1
    points.per_yuan.setValue(2)
    points.referral_voucher.setText("50")
    points._save_rule()
    rule = services.card_products.points_rule(admin)
    assert (rule.points_per_yuan, rule.referral_voucher_fen) == (2, 5_000)
    dialog = RewardDialog(services, admin, None, points)
    qtbot.addWidget(dialog)
    dialog.name.setText("水疗体验券")
    dialog.points.setValue(2000)
    dialog.kind.setCurrentIndex(dialog.kind.findData(VoucherKind.SPA))
    dialog.value.setText("198")
    dialog._save()
    [reward] = services.card_products.rewards(admin)
    assert (reward.name, reward.points, reward.voucher_value_fen) == ("水疗体验券", 2000, 19_800)
    with qtbot.waitSignal(points.loaded):
        points.load()
    assert points.tree.topLevelItem(0).text(1) == "2000"


def test_only_managers_get_the_page(qtbot: QtBot, services: Services, admin: Actor,
                                    db: Database, local_settings: LocalSettings,
                                    worker: DbWorker) -> None:
    desk = staff_in_role(db, admin.branch_id, Role.RECEPTIONIST)
    for actor, has_it in ((admin, True), (desk, False)):
        window = MainWindow(services, actor, local_settings, worker)
        qtbot.addWidget(window)
        titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
        assert any("Card set-up" in t or "会员卡设置" in t for t in titles) is has_it


def test_the_sweep_lowers_a_tier_whose_period_ended(qtbot: QtBot, services: Services,
                                                    admin: Actor, worker: DbWorker,
                                                    db: Database, clock: FakeClock) -> None:
    client_id = services.clients.register(admin, NewClient("王芳", "13900001111")).client_id
    with db.write() as s:
        assess_in(s, clock(), admin, client_id, top_up_fen=300_000)  # silver for 12 months
    sweep = TierSweep(services.tiers, worker, every_ms=3_600_000)
    with qtbot.waitSignal(sweep.swept) as nothing_due:
        sweep.start()
    assert nothing_due.args == [0]
    clock.advance(days=366)
    with qtbot.waitSignal(sweep.swept) as one_down:
        sweep.run()
    assert one_down.args == [1]
    assert services.tiers.tier_of(admin, client_id).tier.code == "regular"
