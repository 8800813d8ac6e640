"""The import wizard, driven by keys on a real SQLite file: a sheet with a title row, a
column remapped, the preview's counts and refused rows in words, the report, the import;
Cancel during the import leaves the database as it was."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from sqlalchemy import func, select

from frontdesk.core.context import Actor
from frontdesk.models import Client
from frontdesk.services.imports.fields import Extra, Field
from frontdesk.services.registry import Services
from frontdesk.ui.i18n import Translations
from frontdesk.ui.imports.data_menu import DataMenu
from frontdesk.ui.imports.wizard import ImportWizard
from frontdesk.ui.worker import DbWorker
from tests.ui.visible_text import untranslated, visible_texts

WAIT = 20_000
HEADINGS = ("姓名", "手机", "性别", "生日", "余额", "推荐人", "备注")
ROWS = [
    ("王丽", 13800131234, "女", dt.date(1990, 5, 3), "¥1,234.50", "李长青", "常做面部"),
    ("李长青", "139 0013 5678", "男", "农历2001年闰四月十二", None, None, None),
    ("赵敏", "12345", "女", None, None, None, None),  # not a phone
    (None, "13700137777", "女", None, None, None, None),  # no name
    ("孙丽华", "13600136666", "女", "1990年13月40日", "abc", None, None),  # two reasons
]


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    """A client list kept by hand: a title row, a blank row, the headings, then the clients."""
    book = openpyxl.Workbook()
    ws = book.active
    ws.title = "会员"
    ws.append(["水沐莲清 会员名单 2026"])
    ws.append([])
    ws.append(list(HEADINGS))
    for row in ROWS:
        ws.append(list(row))
    path = tmp_path / "会员名单.xlsx"
    book.save(path)
    return path


@pytest.fixture
def wizard(qtbot, services: Services, admin: Actor, worker: DbWorker,
           translations: Translations) -> ImportWizard:
    w = ImportWizard(services, admin, worker)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    return w


def clients(services: Services) -> int:
    with services.db.read() as s:
        return s.scalar(select(func.count()).select_from(Client)) or 0


def enter(qtbot, wizard: ImportWizard) -> None:
    target = QApplication.focusWidget() or wizard
    qtbot.keyClick(target, Qt.Key.Key_Return)


def to_preview(qtbot, wizard: ImportWizard, sheet: Path) -> None:
    wizard.file_page.path.setFocus()
    wizard.file_page.path.setText(str(sheet))  # pasted (QTest types ASCII only)
    enter(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=WAIT)
    enter(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=WAIT)


def test_a_sheet_is_checked_remapped_previewed_and_imported_by_keys(
        qtbot, wizard: ImportWizard, sheet: Path, services: Services, tmp_path: Path) -> None:
    wizard.file_page.path.setFocus()
    wizard.file_page.path.setText(str(sheet))  # pasted (QTest types ASCII only)
    enter(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.mapping_page, timeout=WAIT)
    page = wizard.mapping_page
    assert wizard.preview is not None and wizard.preview.mapping.header_row == 3
    assert page.mapping().uses[:2] == (Field.NAME, Field.PHONE)
    assert page.table.item(0, 1).text() == "王丽"  # the samples: the first data rows
    referrer = page.combos[HEADINGS.index("推荐人")]
    assert page.mapping().uses[5] is Extra.TO_NOTES
    referrer.setFocus()
    qtbot.keyClick(referrer, Qt.Key.Key_Down)  # "Add to notes" → "Ignore"
    qtbot.waitUntil(lambda: wizard.job is None and wizard.preview is not None
                    and wizard.preview.mapping.uses[5] is Extra.IGNORE, timeout=WAIT)
    assert untranslated(visible_texts(wizard)) == []
    enter(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.preview_page, timeout=WAIT)
    preview = wizard.preview_page
    assert "新建 2 · 更新 0 · 不变 0 · 被拒 3 · 期初余额合计 ¥1,234.50" in preview.counts.text()
    accepted = [preview.accepted_model.texts(i) for i in range(2)]
    assert accepted[0][:2] == ("4", "王丽") and accepted[0][6] == "¥1,234.50"
    assert accepted[1][4] == "农历2001年闰四月十二"
    refused = {row[0]: row[3] for row in
               (preview.refused_model.texts(i) for i in range(3))}
    assert refused["6"] == "不是手机号" and refused["7"] == "没有姓名"
    assert refused["8"] == "生日无法识别（或日历上没有这一天）；金额无法识别"
    assert untranslated(visible_texts(wizard)) == []
    wizard.ask_report_path = lambda: str(tmp_path / "报告")
    preview.findChild(QWidget, "importSaveReport").click()
    qtbot.waitUntil(lambda: wizard.report_path is not None, timeout=WAIT)
    report = (tmp_path / "报告.csv").read_text(encoding="utf-8-sig")
    assert "phone_invalid" in report and "王丽" in report
    assert clients(services) == 0  # nothing saved before Import
    enter(qtbot, wizard)  # Import
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.done_page, timeout=WAIT)
    assert clients(services) == 2
    assert "新建客户：2" in wizard.done_page.summary.text()
    assert "¥1,234.50" in wizard.done_page.summary.text()


def test_cancel_during_the_import_leaves_the_database_as_it_was(
        qtbot, wizard: ImportWizard, sheet: Path, services: Services,
        worker: DbWorker) -> None:
    to_preview(qtbot, wizard, sheet)
    gate = threading.Event()
    worker.submit(gate.wait, lambda _r: None, lambda _e: None)  # the worker busy until set
    enter(qtbot, wizard)  # Import: the job waits behind the gate
    job = wizard.job
    assert job is not None and job.isVisible()
    qtbot.keyClick(job.cancel_button, Qt.Key.Key_Escape)
    gate.set()
    qtbot.waitUntil(lambda: wizard.job is None, timeout=WAIT)
    assert wizard.currentPage() is wizard.preview_page
    assert wizard.preview_page.message.text() == "已取消：没有做任何更改。"
    assert clients(services) == 0


def test_a_file_that_is_not_a_spreadsheet_is_refused_on_the_first_page(
        qtbot, wizard: ImportWizard, tmp_path: Path) -> None:
    fake = tmp_path / "名单.xlsx"
    fake.write_bytes(b"this is not a workbook")
    wizard.file_page.path.setText(str(fake))
    enter(qtbot, wizard)
    qtbot.waitUntil(lambda: bool(wizard.file_page.message.text()), timeout=WAIT)
    assert wizard.currentPage() is wizard.file_page
    assert wizard.file_page.message.text() == "名单.xlsx 不是 Excel 工作簿，也不是 CSV 文件。"


def test_the_data_menu_is_the_managers(qtbot, main_window) -> None:
    menu = main_window.findChild(DataMenu)
    assert menu is not None and menu.menu is not None
    assert [a.text() for a in menu.menu.actions()] == ["导入客户(&I)…", "导出全部数据(&E)…"]
