"""The care set-up page driven through its real widgets and keys: the rules (Ctrl+S saves,
Esc drops the edits, new churn settings rebuild the clients' figures), the festivals (a
day of the store's own added by keyboard), the tier plans, the follow-up days; a refusal
shown under its field; who gets the page."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from frontdesk.core.context import Actor, Role
from frontdesk.core.festivals import FestivalRule
from frontdesk.models.care import CareChannel, CareKind, TemplatePurpose
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.registry import Services
from frontdesk.ui.care_setup.list_form import ListFormTab
from frontdesk.ui.care_setup.setup_page import CareSetupPage
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.main_window import MainWindow
from frontdesk.ui.worker import DbWorker
from tests.actors import staff_in_role

CTRL = Qt.KeyboardModifier.ControlModifier


def page(qtbot: QtBot, services: Services, actor: Actor, worker: DbWorker) -> CareSetupPage:
    shown = CareSetupPage(services, actor, worker)
    qtbot.addWidget(shown)
    with qtbot.waitSignal(shown.rules.loaded):
        shown.show()
    qtbot.waitExposed(shown)
    shown.activateWindow()
    return shown


def open_tab(qtbot: QtBot, shown: CareSetupPage, tab: ListFormTab) -> None:
    with qtbot.waitSignal(tab.loaded):
        shown.tabs.setCurrentWidget(tab)


def choose(tab: ListFormTab, key: object) -> None:
    index = [tab.key_of(row) for row in tab.rows].index(key)
    tab.tree.setCurrentItem(tab.tree.topLevelItem(index))


def tab_through(qtbot: QtBot, start: QWidget, presses: int) -> list[QWidget]:
    """The widgets Tab moves the focus to, from ``start``."""
    start.setFocus()
    seen = []
    for _ in range(presses):
        qtbot.keyClick(QApplication.focusWidget() or start, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_a_rule_saved_with_ctrl_s_rebuilds_the_clients_figures(
        qtbot: QtBot, services: Services, admin: Actor, worker: DbWorker) -> None:
    shown = page(qtbot, services, admin, worker)
    rules = shown.rules
    choose(rules, CareKind.CHURN)
    floor = rules.params["floor_days"][1]
    assert floor.isVisibleTo(rules) and not rules.params["ratio_percent"][1].isVisibleTo(rules)
    assert not rules.days_ahead.isVisibleTo(rules)  # a warning falls due the day it is found
    reached = tab_through(qtbot, rules.tree, 8)
    assert {rules.enabled, rules.priority, floor, rules.params["max_days"][1],
            rules.save_button, rules.cancel_button} <= set(reached)
    floor.setValue(90)
    with qtbot.waitSignal(rules.loaded):
        qtbot.keyClick(floor, Qt.Key.Key_S, CTRL)
    qtbot.waitUntil(lambda: "clients" in rules.note.text())
    churn = next(r for r in services.care_setup.rules(admin) if r.kind is CareKind.CHURN)
    assert churn.param("floor_days") == 90
    assert "90" in rules.tree.currentItem().text(4)


def test_esc_drops_the_edits_and_a_wrong_amount_is_named(
        qtbot: QtBot, services: Services, admin: Actor, worker: DbWorker) -> None:
    shown = page(qtbot, services, admin, worker)
    rules = shown.rules
    choose(rules, CareKind.BIRTHDAY)
    rules.days_ahead.setValue(9)
    qtbot.keyClick(rules.days_ahead, Qt.Key.Key_Escape)
    assert rules.days_ahead.value() == 3
    choose(rules, CareKind.SPENDING_DROP)
    least = rules.params["min_usual_fen"][1]
    least.setText("五百")
    qtbot.keyClick(least, Qt.Key.Key_S, CTRL)
    assert "yuan" in rules.errors.text("min_usual_fen")
    least.setText("300")
    with qtbot.waitSignal(rules.loaded):
        rules.save()
    drop = next(r for r in services.care_setup.rules(admin)
                if r.kind is CareKind.SPENDING_DROP)
    assert drop.param("min_usual_fen") == 30_000


def test_a_day_of_the_stores_own_added_by_keyboard(qtbot: QtBot, services: Services,
                                                   admin: Actor, worker: DbWorker) -> None:
    shown = page(qtbot, services, admin, worker)
    festivals = shown.festivals
    open_tab(qtbot, shown, festivals)
    qtbot.keyClick(festivals.tree, Qt.Key.Key_N, CTRL)
    assert QApplication.focusWidget() is festivals.name
    festivals.name.insert("店庆日")  # typed through an input method
    festivals.rule.setCurrentIndex(festivals.rule.findData(FestivalRule.LUNAR))
    festivals.month.setValue(8)
    festivals.day.setValue(0)
    assert festivals.day.text() == "last day"
    with qtbot.waitSignal(festivals.loaded):
        qtbot.keyClick(festivals.name, Qt.Key.Key_S, CTRL)
    own = services.care_setup.festivals(admin)[-1]
    assert (own.name, own.rule, own.month, own.day) == ("店庆日", FestivalRule.LUNAR, 8, 0)
    assert festivals.chosen() == own
    assert festivals.tree.currentItem().text(2)  # its next date
    assert festivals.delete_button.isEnabled()
    with qtbot.waitSignal(festivals.loaded):
        festivals.delete_button.click()
    assert services.care_setup.festivals(admin)[-1].built_in
    qtbot.keyClick(festivals.tree, Qt.Key.Key_N, CTRL)  # Father's Day: June's third Sunday
    festivals.name.insert("父亲节")
    assert not festivals.weekday.isEnabled()
    festivals.rule.setCurrentIndex(festivals.rule.findData(FestivalRule.NTH_WEEKDAY))
    assert festivals.weekday.isEnabled()
    festivals.month.setValue(6)
    festivals.day.setValue(3)
    festivals.weekday.setCurrentIndex(6)
    with qtbot.waitSignal(festivals.loaded):
        festivals.save()
    fathers = services.care_setup.festivals(admin)[-1]
    assert (fathers.rule, fathers.month, fathers.day, fathers.weekday) == (
        FestivalRule.NTH_WEEKDAY, 6, 3, 6)


def test_a_built_in_festival_is_switched_off_but_keeps_its_date(
        qtbot: QtBot, services: Services, admin: Actor, worker: DbWorker) -> None:
    shown = page(qtbot, services, admin, worker)
    festivals = shown.festivals
    open_tab(qtbot, shown, festivals)
    choose(festivals, "spring_festival")
    assert not festivals.month.isEnabled() and not festivals.delete_button.isEnabled()
    festivals.enabled.setChecked(False)
    with qtbot.waitSignal(festivals.loaded):
        festivals.save()
    spring = next(f for f in services.care_setup.festivals(admin)
                  if f.code == "spring_festival")
    assert (spring.enabled, spring.name) == (False, "Spring Festival")


def test_a_tier_plan_needs_a_gift_to_give(qtbot: QtBot, services: Services, admin: Actor,
                                          worker: DbWorker) -> None:
    shown = page(qtbot, services, admin, worker)
    plans = shown.plans
    open_tab(qtbot, shown, plans)
    choose(plans, "diamond")
    assert all(box.isEnabled() and box.isChecked() for box in plans.gifts.values())
    for box in plans.gifts.values():
        box.setChecked(False)
    plans.central.setChecked(True)
    plans.save()
    assert plans.errors.text("gift_types")
    plans.channel.setCurrentIndex(plans.channel.findData(CareChannel.CALL))
    assert not any(box.isEnabled() for box in plans.gifts.values())
    with qtbot.waitSignal(plans.loaded):
        plans.save()
    diamond = next(p for p in services.care_setup.tier_plans(admin) if p.tier_code == "diamond")
    assert (diamond.channel, diamond.central, diamond.star_call_days) == (
        CareChannel.CALL, True, 30)


def test_follow_up_days_typed_as_a_list(qtbot: QtBot, services: Services, admin: Actor,
                                        worker: DbWorker) -> None:
    facial = services.catalog.add_service_item(admin, "补水护理", 38800, follow_up_days=(7,))
    shown = page(qtbot, services, admin, worker)
    follow_ups = shown.follow_ups
    open_tab(qtbot, shown, follow_ups)
    assert follow_ups.days.text() == "7"
    follow_ups.days.setText("1, 三")
    follow_ups.save()
    assert follow_ups.errors.text("follow_up_days")
    follow_ups.days.setText("7，1 3")
    with qtbot.waitSignal(follow_ups.loaded):
        qtbot.keyClick(follow_ups.days, Qt.Key.Key_S, CTRL)
    assert services.care_setup.follow_up_days(admin, facial.id) == (1, 3, 7)
    assert follow_ups.tree.topLevelItem(0).text(3) == "1, 3, 7"


def test_only_those_who_configure_care_get_the_page(
        qtbot: QtBot, services: Services, admin: Actor, local_settings: LocalSettings,
        worker: DbWorker) -> None:
    manager = staff_in_role(services.db, admin.branch_id, Role.MANAGER, "dianzhang")
    clerk = staff_in_role(services.db, admin.branch_id, Role.RECEPTIONIST, "xiaoli")
    for actor, shown in ((manager, True), (clerk, False)):
        window = MainWindow(services, actor, local_settings, worker)
        qtbot.addWidget(window)
        assert ("care_setup" in window._page_keys) is shown


def test_a_greeting_with_promotional_words_is_warned_about_and_previewed(
        qtbot: QtBot, services: Services, admin: Actor, worker: DbWorker) -> None:
    shown = page(qtbot, services, admin, worker)
    messages = shown.messages
    open_tab(qtbot, shown, messages)
    assert messages.rows and all(row.built_in for row in messages.rows)
    choose(messages, next(messages.key_of(r) for r in messages.rows
                          if r.purpose is TemplatePurpose.BIRTHDAY))
    assert not messages.festival.isEnabled()
    messages.purpose.setCurrentIndex(messages.purpose.findData(TemplatePurpose.FESTIVAL))
    assert messages.festival.isEnabled()
    messages.purpose.setCurrentIndex(messages.purpose.findData(TemplatePurpose.BIRTHDAY))
    messages.body.setPlainText("{salutation}，生日快乐！本月充值享八折优惠。")
    assert not messages.warning.isHidden()
    assert "优惠" in messages.warning.text() and "充值" in messages.warning.text()
    assert messages.preview.text().startswith("王女士，生日快乐")
    assert "水沐莲清美容会所" in messages.preview.text()  # signed with the store's name
    messages.body.setPlainText("{salutation}，生日快乐！{gift}")
    messages.save()
    assert "gift" in messages.errors.text("body")
    messages.body.setPlainText("{salutation}，祝您生日快乐，{staff}敬上。")
    assert messages.warning.isHidden()
    with qtbot.waitSignal(messages.loaded):
        qtbot.keyClick(messages.name, Qt.Key.Key_S, CTRL)
    bodies = [t.body for t in services.messages.templates(admin) if not t.built_in]
    assert "{salutation}，祝您生日快乐，{staff}敬上。" in bodies


def test_a_book_moved_to_another_client_manager(qtbot: QtBot, services: Services,
                                                admin: Actor, worker: DbWorker) -> None:
    first = staff_in_role(services.db, admin.branch_id, Role.CLIENT_MANAGER, "kefu1")
    second = staff_in_role(services.db, admin.branch_id, Role.CLIENT_MANAGER, "kefu2")
    clients = [services.clients.register(admin, NewClient(f"客户{i}", f"1390000{i:04d}"))
               .client_id for i in range(3)]
    services.care_books.assign(admin, clients, first.staff_id)
    shown = page(qtbot, services, admin, worker)
    books = shown.books
    open_tab(qtbot, shown, books)
    choose(books, first.staff_id)
    assert books.tree.currentItem().text(1) == "3"
    books.save()
    assert books.errors.text("to_staff_id")
    books.to.setCurrentIndex(books.to.findData(second.staff_id))
    with qtbot.waitSignal(books.loaded):
        qtbot.keyClick(books.to, Qt.Key.Key_S, CTRL)
    sizes = {b.staff_id: b.clients for b in services.care_books.book_sizes(admin)}
    assert sizes == {first.staff_id: 0, second.staff_id: 3}
    assert "3" in books.note.text()
