"""The two languages all the way down: Qt's own dialogs, the first start, dates and times, and
the states inside domain messages.

Before: the Chinese file dialog said "Look in:" and "Files of type:"; a first start on an
English system showed the wizard in Chinese; English screens mixed "12/2/26", "1:30 AM" and
ISO dates; and a Chinese message read "此预约已经是 arrived 状态".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDateEdit,
    QFileDialog,
    QFileSystemModel,
    QLabel,
    QTimeEdit,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.errors import ConflictError, DomainError
from frontdesk.models import VisitStatus
from frontdesk.models.appointment import AppointmentStatus
from frontdesk.models.care import CareChannel, CareKind, CareStatus
from frontdesk.services.care.settings import CareStage
from frontdesk.services.care.views import DueTask
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.desk.visits import CheckIn
from frontdesk.services.registry import Services
from frontdesk.ui.care.reasons import detail_lines, reason_text
from frontdesk.ui.controller import AppController
from frontdesk.ui.dates import date_text, datetime_text, day_text, set_edit_format, time_text
from frontdesk.ui.errors import error_text
from frontdesk.ui.i18n import Translations, load_translator
from frontdesk.ui.local_settings import LocalSettings
from tests.conftest import FakeClock
from tests.ui.visible_text import untranslated

UI = Path(__file__).resolve().parents[2] / "frontdesk" / "ui"


def _labels(widget: QWidget) -> list[str]:
    return [label.text() for label in widget.findChildren(QLabel) if label.text()]


def _file_dialog(qtbot) -> QFileDialog:
    dialog = QFileDialog(None, "", str(Path.home()), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # Qt's own, as on Linux
    qtbot.addWidget(dialog)
    return dialog


def test_the_file_dialog_speaks_chinese_and_follows_a_switch(qtbot,
                                                             translations: Translations) -> None:
    labels = _labels(_file_dialog(qtbot))
    assert "查找范围(&L)：" in labels and "文件类型(&T)：" in labels, labels
    assert "文件名称(&N)：" in labels  # from Qt's own qtbase_zh_CN.qm, loaded beside ours
    assert untranslated(labels) == []
    translations.apply("en")
    assert "&Look in:" in _labels(_file_dialog(qtbot))


def test_the_file_dialog_calls_a_folder_a_folder_in_chinese(qtbot, tmp_path: Path,
                                                            translations: Translations) -> None:
    (tmp_path / "备份").mkdir()
    dialog = _file_dialog(qtbot)
    dialog.setDirectory(str(tmp_path))
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    folder = model.index(str(tmp_path))
    qtbot.waitUntil(lambda: model.rowCount(folder) == 1, timeout=5000)
    assert model.data(model.index(0, 2, folder)) == "文件夹"  # the Type column


def test_our_translation_file_carries_the_labels_qtbase_lacks(themed_app) -> None:
    ours = load_translator("zh_CN")
    assert ours.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
    assert ours.translate("QFileDialog", "Files of &type:") == "文件类型(&T)："


def test_the_print_dialog_speaks_chinese(qtbot, translations: Translations) -> None:
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    dialog.show()
    assert untranslated(_labels(dialog)) == []


@pytest.mark.parametrize(("system", "language"), [
    (QLocale(QLocale.Language.Chinese, QLocale.Country.China), "zh_CN"),
    (QLocale(QLocale.Language.Chinese, QLocale.Script.TraditionalChineseScript,
             QLocale.Country.Taiwan), "zh_CN"),
    (QLocale(QLocale.Language.English, QLocale.Country.UnitedStates), "en"),
    (QLocale(QLocale.Language.German, QLocale.Country.Germany), "en"),
])
def test_a_first_start_speaks_the_systems_language(tmp_path: Path, system: QLocale,
                                                   language: str) -> None:
    assert LocalSettings(tmp_path / "frontdesk.ini", system).language == language


def test_a_language_chosen_in_settings_outlasts_the_systems(tmp_path: Path) -> None:
    english_pc = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    LocalSettings(tmp_path / "frontdesk.ini", english_pc).language = "zh_CN"
    assert LocalSettings(tmp_path / "frontdesk.ini", english_pc).language == "zh_CN"


def test_the_wizard_of_a_first_start_on_an_english_system_is_english(
        qtbot, services: Services, translations: Translations, tmp_path: Path) -> None:
    settings = LocalSettings(tmp_path / "frontdesk.ini",
                             QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    translations.apply(settings.language)  # as app.run_gui does
    controller = AppController(services, settings, translations)
    controller.start()
    assert controller.wizard is not None
    qtbot.addWidget(controller.wizard)
    assert controller.wizard.windowTitle() == "Set up FrontDesk"


# Dates and times: one way per language, everywhere.

DAY = dt.date(2026, 12, 2)
MOMENT = dt.datetime(2026, 12, 2, 6, 30, tzinfo=dt.UTC)  # 14:30 in Shanghai (the tests' zone)


def test_dates_and_times_in_chinese(translations: Translations) -> None:
    assert date_text(DAY) == "2026-12-02"
    assert datetime_text(MOMENT) == "2026-12-02 14:30"
    assert day_text(2, 29) == "2月29日"
    assert time_text(MOMENT) == "14:30"


def test_dates_and_times_in_english(translations: Translations) -> None:
    translations.apply("en")
    assert date_text(DAY) == "2 Dec 2026"
    assert datetime_text(MOMENT) == "2 Dec 2026 14:30"
    assert day_text(3, 8) == "8 Mar"
    assert time_text(dt.time(9, 5)) == "09:05"


def test_date_and_time_fields_take_the_format_in_english(qtbot,
                                                         translations: Translations) -> None:
    translations.apply("en")
    date, time = QDateEdit(), QTimeEdit()
    for edit in (date, time):
        qtbot.addWidget(edit)
        set_edit_format(edit)
    assert (date.displayFormat(), time.displayFormat()) == ("d MMM yyyy", "HH:mm")


WRITES_A_DATE = re.compile(r"strftime|isoformat|setDisplayFormat|%[YmdHMIp]|\.toString\(\s*Q?"
                           r"(?:Date|Time)|Qt\.ISODate|FormatType\.")


def test_only_the_dates_module_writes_dates() -> None:
    """Screens write dates with frontdesk.ui.dates, so English never mixes formats again."""
    offenders = [f"{path.relative_to(UI)}:{n}: {line.strip()}"
                 for path in sorted(UI.rglob("*.py")) if path.name != "dates.py"
                 for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
                 if WRITES_A_DATE.search(line)]
    assert offenders == []


def test_the_board_writes_24_hour_times_in_english(qtbot, main_window, services: Services,
                                                   admin: Actor, clock: FakeClock,
                                                   translations: Translations) -> None:
    translations.apply("en")
    client = services.clients.register(admin, NewClient(name="单丽华", phone="138 0013 1234"))
    starts = clock().replace(hour=7, minute=30)  # 15:30 in Shanghai
    services.appointments.book(admin, client.client_id, starts, duration_min=60)
    board = main_window.page("desk").board
    board.refresh_now()
    expected = board.tree.topLevelItem(1)  # under the heading "Expected today (1)"
    assert expected.text(1) == "15:30"


# States inside domain messages.

@pytest.fixture
def visit_and_booking(services: Services, admin: Actor, clock: FakeClock) -> tuple[int, int]:
    """A visit for an appointment that has therefore arrived."""
    client = services.clients.register(admin, NewClient(name="单丽华", phone="138 0013 1234"))
    booking = services.appointments.book(admin, client.client_id,
                                         clock() + dt.timedelta(minutes=5), duration_min=60)
    visit = services.visits.check_in(admin, CheckIn(client_id=client.client_id,
                                                    appointment_id=booking.id))
    return visit, booking.id


def _refusal(action) -> DomainError:  # type: ignore[no-untyped-def]
    with pytest.raises(ConflictError) as refused:
        action()
    return refused.value


def test_states_in_messages_are_chinese_words(services: Services, admin: Actor,
                                              visit_and_booking: tuple[int, int],
                                              translations: Translations) -> None:
    visit, booking = visit_and_booking
    cancel = _refusal(lambda: services.appointments.cancel(admin, booking))
    assert error_text(cancel) == "此预约已经是“已到店”状态。"
    services.visits.finish(admin, visit)
    leave = _refusal(lambda: services.visits.cancel_visit(admin, visit))
    assert error_text(leave) == "此到店记录当前为“服务完成”，不能改为“已取消”。"
    translations.apply("en")
    assert error_text(leave) == "The visit is finished; it cannot become cancelled."
    assert error_text(cancel) == "This appointment is marked as arrived already."


def test_every_state_a_message_can_name_has_its_chinese_word(translations: Translations) -> None:
    from PySide6.QtCore import QCoreApplication

    from frontdesk.errors import param_word

    for state in (*AppointmentStatus, *VisitStatus):
        word = param_word(state)
        assert QCoreApplication.translate("DomainParam", word) != word, state
        assert untranslated([error_text(DomainError("{s}", s=state))]) == [], state


def _birthday_task(detail: dict[str, int | str]) -> DueTask:
    return DueTask(1, 1, CareKind.BIRTHDAY, CareStage.GREETINGS, DAY, DAY + dt.timedelta(days=3),
                   2, CareChannel.MESSAGE, CareStatus.OPEN, True, 7, "王丽华", "138****5678",
                   "", 3, DAY, None, "", False, "birthday", detail, (), "")


def test_the_care_list_writes_its_dates_and_numbers_in_the_language(
        translations: Translations) -> None:
    task = _birthday_task({"last_visit_on": "2026-11-01", "usual_fen": 98_000})
    assert reason_text(task) == "2026-12-05 生日"
    assert detail_lines(task.detail) == ["上次到店：2026-11-01", "平时同期消费：¥980.00"]
    translations.apply("en")
    assert reason_text(task) == "Birthday on 5 Dec 2026"
    assert detail_lines(task.detail) == ["Last visit: 1 Nov 2026",
                                         "Usual spend per window: ¥980.00"]


def test_a_reason_the_screens_do_not_know_is_shown_not_dropped(
        translations: Translations) -> None:
    task = _birthday_task({"new_number": 3})
    assert reason_text(dataclasses.replace(task, reason="moon_day")) == "生日祝福: moon_day"
    assert detail_lines(task.detail) == ["new_number: 3"]


def test_a_festival_and_a_lunar_birthday_in_the_language(translations: Translations) -> None:
    festival = dataclasses.replace(
        _birthday_task({"festival": "mid_autumn", "name": "Mid-Autumn Festival",
                        "date": "2026-12-05", "gifts": "spa_voucher,local_speciality",
                        "local_speciality": "not for local clients"}),
        kind=CareKind.FESTIVAL, reason="festival")
    lunar = _birthday_task({"calendar": "lunar", "month": 10, "day": 26, "leap": 0, "age": 40})
    assert reason_text(festival) == "2026-12-05 中秋节"
    assert detail_lines(festival.detail) == ["地方特产：不送本地客户"]
    assert reason_text(lunar) == "2026-12-05 农历生日"
    assert detail_lines(lunar.detail) == ["40 岁生日"]
    renamed = dataclasses.replace(festival, detail={"festival": "mid_autumn", "name": "团圆节"})
    assert reason_text(renamed) == "2026-12-05 团圆节"  # the store's own name stays
    translations.apply("en")
    assert reason_text(festival) == "Mid-Autumn Festival on 5 Dec 2026"
    assert reason_text(lunar) == "Lunar birthday on 5 Dec 2026"
