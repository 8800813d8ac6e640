"""Every page and dialog at 1366×768 (a common front-desk monitor) and the pages at 1280×800 too,
in Chinese and English.

On a busy day (a full board, long service names, rooms with long names, a client with
measurements), with the real theme: no column header cut short, no table scrolled
sideways, no label or button squeezed, and a main window that fits the screen. Before,
the window was 800 px tall, the board lost its last column, and empty tables scrolled.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, QRect, QSize
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QWidget

from frontdesk.bootstrap import demo_loader
from frontdesk.core.context import Actor, Role
from frontdesk.core.visitors import VisitorClass
from frontdesk.models import LineKind, PaymentMethod
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.checkout import Receipt, ReceiptLine, ReceiptPayment
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.health.consultation import BodyTest, ConsultationForm, SkinTest
from frontdesk.services.registry import Services
from frontdesk.ui.i18n import Translations
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.main_window import PREFERRED_SIZE, MainWindow, opening_size
from frontdesk.ui.worker import DbWorker
from tests.conftest import FakeClock
from tests.ui.layout_checks import SMALL_SCREEN, TASKBAR, fits_small_screen, layout_problems

SERVICES = ("玫瑰精油全身护理", "经络疏通", "日式头疗", "水光补水", "面部深层清洁", "肩颈经络推拿")
ROOMS = ("兰亭（VIP）", "海棠厅", "牡丹厅", "百合厅", "紫荆阁（VIP）", "芙蓉厅", "茉莉厅")
SPECIAL = "周佳怡"
"""A special visitor (a known trouble-maker), checked in: her rows are tinted red."""
VISITOR_CLASSES = {SPECIAL: VisitorClass.SPECIAL, "李长青": VisitorClass.IMPORTANT}
"""李长青 is booked today: the board says whom to tell of an important visitor, a long mark."""
PREFIXES = (130, 131, 132, 133, 135, 136, 137, 138, 139, 150, 151, 152)
"""Twelve clients whose phones end in 8888: the search finds them all."""
NAMES = ("欧阳晓梅", "王丽", "李长青", "司马云霞", "张凤琴", "赵敏", "孙丽华", "周佳怡", "吴海燕",
         "郑秀兰", "冯雨桐", "陈雅琴")


@pytest.fixture(params=["zh_CN", "en"])
def language(request: pytest.FixtureRequest, translations: Translations) -> str:
    translations.apply(request.param)
    return str(request.param)


@pytest.fixture
def busy_day(services: Services, admin: Actor, clock: FakeClock) -> dict[str, list[int]]:
    """Appointments to come, clients waiting, in service and awaiting check-out."""
    items = [services.catalog.add_service_item(admin, n, 29800 + 1000 * i, 60).id
             for i, n in enumerate(SERVICES)]
    rooms = [services.catalog.add_room(admin, name).id for name in ROOMS]
    staff = [services.staff.add_staff(admin, f"t{i}", name, Role.THERAPIST, None).id
             for i, name in enumerate(("刘思雨", "欧阳慧敏", "孙丽"))]
    clients = [services.clients.register(admin, NewClient(
        name=name, phone=f"{PREFIXES[i]} {2000 + i} 8888", consent_health=True,
        allergies="对果酸过敏" if i % 4 == 1 else "",
        visitor_class=VISITOR_CLASSES.get(name, VisitorClass.GENERAL))).client_id
        for i, name in enumerate(NAMES)]
    services.staff.add_staff(admin, "dianzhang", "欧阳丽娟", Role.MANAGER, None)  # is told
    _measure(services, admin, clients[0], clock)
    for i, client in enumerate(clients[:4]):
        services.appointments.book(admin, client, clock() + dt.timedelta(hours=1 + i),
                                   staff_id=staff[i % 3], room_id=rooms[i],
                                   service_item_id=items[i], note="提前十分钟到，要热毛巾")
    visits = [services.visits.check_in(admin, CheckIn(
        client_id=client, service_item_ids=(items[i % 6], items[(i + 2) % 6]),
        prep_note="玫瑰精油 20ml，热石" if i % 2 else "")) for i, client in enumerate(clients[4:])]
    for i, visit in enumerate(visits[:6]):
        services.visits.start_service(admin, visit, rooms[i], staff[i % 3], allow_busy_room=True)
    for visit in visits[:2]:
        services.visits.finish(admin, visit)
    return {"clients": clients, "visits": visits}


def _measure(services: Services, admin: Actor, client: int, clock: FakeClock) -> None:
    for moisture, weight in ((30, 60000), (36, 59000)):
        clock.advance(days=-40)
        services.consultation.save(admin, client, ConsultationForm(
            skin=SkinTest(moisture_pct=moisture, oil_pct=20, pores=2),
            body=BodyTest(height_mm=1620, weight_g=weight, waist_mm=720)))
    clock.advance(days=80)


@pytest.fixture(params=[SMALL_SCREEN, QSize(1280, 800 - TASKBAR)], ids=["1366x768", "1280x800"])
def screen(request: pytest.FixtureRequest) -> QSize:
    """The window's size: a whole 1366×768 screen, or 1280×800 less its taskbar."""
    return QSize(request.param)


@pytest.fixture
def window(qtbot, services: Services, admin: Actor, local_settings: LocalSettings,
           worker: DbWorker, language: str, busy_day: dict[str, list[int]],
           screen: QSize) -> MainWindow:
    window = MainWindow(services, admin, local_settings, worker)
    qtbot.addWidget(window)
    window.resize(screen)
    window.show()
    qtbot.waitExposed(window)
    assert window.size() == screen
    return window


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def test_every_page_fits_a_small_screen(window: MainWindow, language: str) -> None:
    assert fits_small_screen(window), window.minimumSizeHint()
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        _settle()
        assert layout_problems(window) == [], window.navigation.item(row).text()


def test_the_desk_on_a_busy_day_fits(window: MainWindow, language: str) -> None:
    window.show_page("desk")
    desk = window.page("desk")
    _settle()
    assert desk.board.board is not None and len(desk.board.board.in_service) == 4
    desk.search.box.setText("8888")
    desk.search.search_now()
    desk.pick_client(desk.search.model.hits[0].client_id)
    _settle()
    assert len(desk.search.model.hits) >= 10
    assert layout_problems(window) == []
    rooms, chips = desk.board.board.rooms, desk.board.rooms.labels
    assert len(rooms) == len(ROOMS)
    for room, chip in zip(rooms, chips, strict=False):  # each room whole, in a chip of its own
        assert room.name in chip.text() and chip.width() >= chip.sizeHint().width()


def test_many_matches_do_not_widen_the_search_column(window: MainWindow, language: str,
                                                     services: Services, admin: Actor) -> None:
    """'The first 20 shown, more match' is a long line: it wraps, the board keeps its width."""
    for i in range(25):
        services.clients.register(admin, NewClient(name=f"韩{NAMES[i % 12][-1]}",
                                                   phone=f"139 {3000 + i} 7777"))
    window.show_page("desk")
    desk = window.page("desk")
    _settle()
    before = desk.search.width()
    desk.search.box.setText("7777")
    desk.search.search_now()
    _settle()
    assert len(desk.search.model.hits) == 20 and desk.search.status.text()
    assert desk.search.width() == before
    assert layout_problems(window) == []


def _colour_of(view: QAbstractItemView, index: QModelIndex) -> str:
    """The colour at the right end of a cell (where no text is), as the screen shows it."""
    cell = view.visualRect(index)
    return QColor(view.viewport().grab().toImage().pixel(cell.right() - 3,
                                                         cell.center().y())).name()


def test_a_special_visitors_rows_stay_red_under_the_theme(window: MainWindow,
                                                          language: str) -> None:
    desk = window.page("desk")
    window.show_page("desk")
    desk.search.box.setText(SPECIAL)
    desk.search.search_now()
    _settle()
    table = desk.search.table
    table.clearSelection()
    assert _colour_of(table, table.model().index(0, 1)) == "#ffebee"
    tree = desk.board.tree
    row = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount())
               if SPECIAL in tree.topLevelItem(i).text(0))  # headings name no client
    tree.clearSelection()
    assert _colour_of(tree, tree.indexFromItem(row, 2)) == "#ffebee"


def test_every_tab_of_a_profile_fits(window: MainWindow, language: str,
                                     busy_day: dict[str, list[int]]) -> None:
    window.show_page("clients")
    page = window.page("clients")
    page.search.box.setText("8888")
    page.search.search_now()
    _settle()
    assert layout_problems(window) == []  # the search column, with its hits
    assert page.open_client(busy_day["clients"][0])
    tabs = page.profile.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        _settle()
        assert layout_problems(window) == [], tabs.tabText(index)
    trends = page.profile.trends
    tabs.setCurrentWidget(trends)
    _settle()
    assert all(chart.width() >= chart.minimumWidth() for chart in trends.charts.values())


def test_the_lock_screen_fits(window: MainWindow, language: str) -> None:
    window.lock()
    _settle()
    assert layout_problems(window) == []


def _dialogs(window: MainWindow, services: Services, admin: Actor,
             visits: list[int]) -> dict[str, Callable[[], QWidget]]:
    from frontdesk.ui.cards_setup.points_tab import RewardDialog
    from frontdesk.ui.cards_setup.product_dialog import ProductDialog
    from frontdesk.ui.clients.batch import BatchDialog
    from frontdesk.ui.desk.appointment_dialog import AppointmentDialog
    from frontdesk.ui.desk.checkin_dialog import CheckInDialog
    from frontdesk.ui.desk.checkout_dialog import CheckoutDialog
    from frontdesk.ui.desk.receipt_dialog import ReceiptDialog
    from frontdesk.ui.desk.register_dialog import RegisterDialog
    from frontdesk.ui.desk.start_dialog import StartServiceDialog
    from frontdesk.ui.login import LoginDialog
    from frontdesk.ui.wizard import SetupWizard

    client = services.clients.get_summary(admin, services.search.search(admin, "欧阳")[0]
                                          .client_id)
    return {
        "register": lambda: RegisterDialog(services, admin, parent=window),
        "check in": lambda: CheckInDialog(services, admin, client, parent=window),
        "appointment": lambda: AppointmentDialog(services, admin, client, parent=window),
        "start service": lambda: StartServiceDialog(services, admin, visits[-1], "冯雨桐",
                                                    parent=window),
        "check out": lambda: CheckoutDialog(services, admin, visits[0], "张凤琴",
                                            parent=window),
        "check out by card": lambda: _by_card(CheckoutDialog(services, admin, visits[0],
                                                             "张凤琴", parent=window)),
        "receipt": lambda: ReceiptDialog(_receipt(), window),
        "sheets": lambda: BatchDialog([1, 2, 3], [4, 5], window),
        "sign in": lambda: LoginDialog(services, "水沐莲清美容会所（演示）"),
        "set-up wizard": lambda: SetupWizard(services, demo_loader(services.db), "zh_CN"),
        "card product": lambda: ProductDialog(services, admin, parent=window),
        "points reward": lambda: RewardDialog(services, admin, None, window),
    }


def _by_card(dialog: QWidget) -> QWidget:
    """The check-out with 会员卡 chosen: the client's cards are listed in the payments."""
    method = dialog.findChild(QComboBox, "paymentMethod")
    method.setCurrentIndex(method.findData(PaymentMethod.MEMBER_CARD))
    return dialog


def _receipt() -> Receipt:
    return Receipt(store_name="水沐莲清美容会所", visit_id=42, client_name="欧阳晓梅",
                   closed_at=dt.datetime(2026, 11, 23, 4, 0, tzinfo=dt.UTC), cashier="管理员",
                   lines=(ReceiptLine(LineKind.SERVICE, "玫瑰精油全身护理", 1, 38000, 0, 38000),),
                   total_fen=38000, payments=(ReceiptPayment(PaymentMethod.WECHAT, 38000, ""),))


@pytest.mark.parametrize("screen", [SMALL_SCREEN], ids=["1366x768"])
def test_every_dialog_fits_1366_by_768(qtbot, window: MainWindow, services: Services,
                                       admin: Actor, language: str,
                                       busy_day: dict[str, list[int]], screen: QSize) -> None:
    room = QSize(screen.width(), screen.height() - TASKBAR)
    for name, make in _dialogs(window, services, admin, busy_day["visits"]).items():
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        _settle()
        assert dialog.width() <= room.width() and dialog.height() <= room.height(), name
        assert layout_problems(dialog) == [], name
        dialog.close()


@pytest.mark.parametrize(("available", "size"), [
    (QRect(0, 0, 1366, 728), None),  # 1366×768 less a taskbar: maximised
    (QRect(0, 0, 1280, 760), None),  # 1280×800
    (QRect(0, 0, 1440, 860), None),  # 1440×900: 1280×800 would leave no room for its frame
    (QRect(0, 0, 1920, 1040), PREFERRED_SIZE),
])
def test_the_window_opens_maximised_on_a_small_screen(available: QRect,
                                                      size: QSize | None) -> None:
    assert opening_size(available) == size
