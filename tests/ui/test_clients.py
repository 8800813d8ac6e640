"""The Clients page: profile, consultation (客情分析表), conflicts, health access, sheets."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QListWidget, QPushButton, QTableView
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.errors import PermissionDenied
from frontdesk.models import AuditEntry, Client, ConsumptionLine, LineKind, Visit
from frontdesk.models.consultation import ConsultationPlanLine, ConsultationRecord
from frontdesk.services.clients.profile import BasicsChanges, EditConflict, Preferences
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.health.consultation import ConsultationForm, SkinTest
from frontdesk.services.printing.fonts import FontMissing
from frontdesk.services.registry import Services
from frontdesk.ui.clients.batch import BatchDialog
from frontdesk.ui.clients.clients_page import ClientsPage
from frontdesk.ui.clients.history_models import ConsumptionModel, VisitsModel
from frontdesk.ui.i18n import Translations
from frontdesk.ui.worker import DbWorker
from tests.conftest import FakeClock
from tests.ui.visible_text import untranslated, visible_texts

PASSWORD = "password-123"


@pytest.fixture
def services(db: Database, clock: FakeClock, tmp_path: Path) -> Services:
    """The conftest's services, with consultation photos kept in this test's folder."""
    return Services(db, clock, photos_dir=tmp_path / "photos")


def _staff(services: Services, admin: Actor, username: str, name: str, role: Role) -> Actor:
    services.staff.add_staff(admin, username, name, role, PASSWORD)
    return services.auth.sign_in(username, PASSWORD)


@pytest.fixture
def consultant(services: Services, admin: Actor) -> Actor:
    return _staff(services, admin, "yaqin", "陈雅琴", Role.CONSULTANT)


@pytest.fixture
def receptionist(services: Services, admin: Actor) -> Actor:
    return _staff(services, admin, "lily", "莉莉", Role.RECEPTIONIST)


@pytest.fixture
def client_id(services: Services, admin: Actor) -> int:
    services.catalog.add_service_item(admin, "补水护理疗程", 29800, 60)
    return services.clients.register(admin, NewClient(
        name="单丽华", phone="138 0013 1234", consent_health=True,
        allergies="对芒果过敏")).client_id


def _page(qtbot, services: Services, actor: Actor, worker: DbWorker) -> ClientsPage:
    page = ClientsPage(services, actor, worker)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def _audit(services: Services, action: str) -> list[AuditEntry]:
    with services.db.read() as s:
        return list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)))


def _type(qtbot, widget, text: str) -> None:
    widget.clear()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        widget.insert(text)


def test_consultant_fills_and_saves_a_consultation(
        qtbot, services: Services, consultant: Actor, client_id: int, worker: DbWorker,
        translations: Translations) -> None:
    page = _page(qtbot, services, consultant, worker)
    qtbot.keyClick(page, Qt.Key.Key_F2)
    qtbot.keyClicks(page.search.box, "1234")
    qtbot.waitUntil(lambda: len(page.search.model.hits) == 1, timeout=3000)
    qtbot.keyClick(page.search.box, Qt.Key.Key_Return)
    view = page.profile
    assert view.client_id == client_id and "对芒果过敏" in view.allergy.text()
    assert not page.search_shown  # folded away for the profile; F2 brings it back
    qtbot.keyClick(page, Qt.Key.Key_F2)
    assert page.search_shown and page.search.box.hasFocus()
    view.tabs.setCurrentWidget(view.consultation)
    editor = view.consultation.editor
    assert view.consultation.stack.currentWidget() is editor
    skin, body = editor.skin, editor.body
    skin.skin_type.setCurrentIndex(skin.skin_type.findText("混合性"))
    _type(qtbot, skin.moisture, "38")
    _type(qtbot, skin.oil, "22")
    skin.grades["acne_grade"].setCurrentIndex(3)  # blank, 0, 1, 2 → grade 2
    before, after = editor.conditions.edits[next(iter(editor.conditions.edits))]
    _type(qtbot, before, "粉底较厚")
    _type(qtbot, after, "T区毛孔粗大")
    _type(qtbot, body.height_edit, "165.5")
    _type(qtbot, body.weight_edit, "58.2")
    assert body.bmi.text() == "21.2"
    _type(qtbot, body.body_fat, "26.5")
    course = editor.courses.add_row()
    course.item.setCurrentIndex(course.item.findText("补水护理疗程"))
    course.quantity.setValue(10)
    _type(qtbot, course.price, "2680.50")
    editor.client_type.boxes["nervous"].setChecked(True)
    editor.next_visit_set.setChecked(True)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    assert editor.general.text() == "" or editor.general.isHidden()
    with services.db.read() as s:
        rec = s.scalar(select(ConsultationRecord).where(ConsultationRecord.client_id == client_id))
        assert rec is not None
        assert (rec.moisture_pct, rec.oil_pct, rec.acne_grade) == (38, 22, 2)
        assert (rec.height_mm, rec.weight_g, rec.body_fat_permille) == (1655, 58200, 265)
        assert rec.nervous and rec.next_visit_on == dt.date(2026, 12, 7)
        [line] = s.scalars(select(ConsultationPlanLine).where(
            ConsultationPlanLine.record_id == rec.id))
        assert (line.name, line.quantity, line.price_fen) == ("补水护理疗程", 10, 268050)
        assert line.service_item_id is not None
        record_id = rec.id
    assert view.consultation.shown_record == record_id  # the saved record is shown
    assert "38" in view.consultation.record_view.text()
    assert [e.entity_id for e in _audit(services, "health.save")] == [record_id]
    assert _audit(services, "health.view")
    assert all(e.staff_id == consultant.staff_id for e in _audit(services, "health.view"))


def test_bad_numbers_and_missing_consent_are_said_beside_the_field(
        qtbot, services: Services, consultant: Actor, admin: Actor, client_id: int,
        worker: DbWorker, translations: Translations) -> None:
    page = _page(qtbot, services, consultant, worker)
    page.open_client(client_id)
    page.profile.tabs.setCurrentWidget(page.profile.consultation)
    editor = page.profile.consultation.editor
    _type(qtbot, editor.body.height_edit, "一米六")
    editor.save()
    assert "165" not in editor.errors.text("height_mm") and editor.errors.text("height_mm")
    _type(qtbot, editor.body.height_edit, "30")
    editor.save()
    assert "50" in editor.errors.text("height_mm") and "250" in editor.errors.text("height_mm")
    services.profile.update_basics(admin, client_id, page.profile.profile.basics.version,
                                   BasicsChanges(consent_health=False))
    page.open_client(client_id)
    assert page.profile.consultation.consent_hint.isVisibleTo(page)
    _type(qtbot, editor.body.height_edit, "160")
    editor.save()
    assert "单丽华" in editor.errors.text() and "同意" in editor.errors.text()
    with services.db.read() as s:
        assert s.scalar(select(ConsultationRecord.id)) is None


def test_receptionist_cannot_open_health_records(
        qtbot, services: Services, receptionist: Actor, client_id: int, worker: DbWorker,
        translations: Translations) -> None:
    page = _page(qtbot, services, receptionist, worker)
    assert page.open_client(client_id)
    view = page.profile
    view.tabs.setCurrentWidget(view.consultation)
    assert view.consultation.refusal.isVisibleTo(page)
    assert view.consultation.findChild(QListWidget, "consultationList") is None
    view.tabs.setCurrentWidget(view.trends)
    assert not view.trends.charts
    assert not view.print_button.isVisibleTo(page) and not page.batch_button.isVisibleTo(page)
    assert _audit(services, "health.view") == []
    assert untranslated(visible_texts(page)) == []
    with pytest.raises(PermissionDenied):
        services.consultation.list_for_client(receptionist, client_id)
    with pytest.raises(PermissionDenied):
        services.consultation.save(receptionist, client_id, ConsultationForm(SkinTest()))
    denied = _audit(services, "health.view.denied") + _audit(services, "health.save.denied")
    assert [(e.staff_id, e.action) for e in denied] == [
        (receptionist.staff_id, "health.view.denied"),
        (receptionist.staff_id, "health.save.denied")]


def test_edit_conflict_from_another_terminal_keeps_typed_values_and_saves_nothing(
        qtbot, services: Services, consultant: Actor, admin: Actor, client_id: int,
        worker: DbWorker, translations: Translations) -> None:
    page = _page(qtbot, services, consultant, worker)
    page.open_client(client_id)
    form = page.profile.basics
    _type(qtbot, form.allergies, "对芒果和花粉过敏")
    loaded = form.loaded
    services.profile.update_basics(admin, client_id, loaded.version,  # the other terminal
                                   BasicsChanges(name="单丽花"), loaded)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    text = form.conflict_text()
    head = QCoreApplication.translate("DomainError", EditConflict.template)
    assert head != EditConflict.template  # said in Chinese
    assert text.startswith(head.split("{fields}")[0]) and "（姓名）" in text, text
    assert "单丽花" in text
    assert "对芒果和花粉过敏" in text
    assert form.allergies.text() == "对芒果和花粉过敏"  # what the person typed stays
    assert form.reload_button.isVisibleTo(page)
    with services.db.read() as s:
        client = s.get(Client, client_id)
        assert (client.name, client.allergies) == ("单丽花", "对芒果过敏")
    qtbot.mouseClick(form.reload_button, Qt.MouseButton.LeftButton)
    assert form.name.text() == "单丽花" and form.allergies.text() == "对芒果过敏"
    assert "对芒果和花粉过敏" in form.conflict_text()  # listed to make again
    _type(qtbot, form.allergies, "对芒果和花粉过敏")
    form.save()
    assert form.conflict_text() == ""
    with services.db.read() as s:
        assert s.get(Client, client_id).allergies == "对芒果和花粉过敏"
    assert "花粉" in page.profile.allergy.text()


def test_a_preferences_conflict_says_what_changed_and_keeps_the_typed_tags(
        qtbot, services: Services, consultant: Actor, admin: Actor, client_id: int,
        worker: DbWorker, translations: Translations) -> None:
    page = _page(qtbot, services, consultant, worker)
    page.open_client(client_id)
    page.profile.tabs.setCurrentIndex(1)
    form = page.profile.preferences
    _type(qtbot, form.edits["tags"], "怕冷、爱聊天")
    services.profile.set_preferences(admin, client_id, Preferences(drinks=("温水",)),
                                     loaded=form.loaded)  # the other terminal
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)

    text = form.conflict_text()
    head = QCoreApplication.translate("DomainError", EditConflict.template)
    assert text.startswith(head.split("{fields}")[0]) and "（饮品）" in text, text
    assert "温水" in text and "怕冷、爱聊天" in text
    assert form.edits["tags"].text() == "怕冷、爱聊天"  # what the person typed stays
    assert form.reload_button.isVisibleTo(page)
    assert untranslated(visible_texts(page)) == []
    assert services.profile.profile(admin, client_id).preferences == Preferences(
        drinks=("温水",))
    qtbot.mouseClick(form.reload_button, Qt.MouseButton.LeftButton)
    assert form.edits["drinks"].text() == "温水" and form.edits["tags"].text() == ""
    assert "怕冷、爱聊天" in form.conflict_text()  # listed to make again
    assert page.focusWidget() is form.edits["tags"]  # where to make it
    _type(qtbot, form.edits["tags"], "怕冷、爱聊天")
    form.save()
    assert form.conflict_text() == "" and not form.reload_button.isVisibleTo(page)
    assert services.profile.profile(admin, client_id).preferences == Preferences(
        drinks=("温水",), tags=("怕冷", "爱聊天"))


def _history(services: Services, admin: Actor, client_id: int, visits: int) -> None:
    start = services.clock() - dt.timedelta(days=visits)
    with services.db.write() as s:
        for i in range(visits):
            at = start + dt.timedelta(days=i // 2)  # pairs share a time: the keyset's tie
            visit = Visit(branch_id=admin.branch_id, client_id=client_id, arrived_at=at,
                          purpose=f"第{i}次", total_fen=100 * i)
            s.add(visit)
            s.flush()
            s.add_all(ConsumptionLine(branch_id=admin.branch_id, visit_id=visit.id,
                                      client_id=client_id, at=at, kind=LineKind.SERVICE,
                                      description=f"护理{i}-{j}", unit_price_fen=100 * i,
                                      amount_fen=100 * i) for j in range(2))


def test_history_models_page_through_everything(
        qtbot, qtmodeltester, services: Services, admin: Actor, client_id: int,
        translations: Translations) -> None:
    _history(services, admin, client_id, 120)
    profile = services.profile
    visits = VisitsModel(lambda before, n: profile.visits(admin, client_id, before, n))
    lines = ConsumptionModel(lambda before, n: profile.consumption(admin, client_id, before, n))
    for model, total in ((visits, 120), (lines, 240)):
        qtmodeltester.check(model)
        while model.canFetchMore():
            model.fetchMore()
        qtmodeltester.check(model)
        ids = [row.id for row in model.rows]
        assert len(ids) == len(set(ids)) == total
    assert visits.index(0, 3).data() == "第119次"
    assert lines.index(239, 2).data() == "护理0-0"
    empty = VisitsModel()
    qtmodeltester.check(empty)
    assert not empty.canFetchMore()


def test_history_models_start_over_for_another_client(
        qtbot, qtmodeltester, services: Services, admin: Actor, client_id: int,
        translations: Translations) -> None:
    """reset() to another client's rows, then to none: the tester and a view follow.

    (The model tester fetches a first page itself whenever the model is reset.)"""
    other = services.clients.register(admin, NewClient(name="曾晓", phone="13900005678"))
    _history(services, admin, client_id, 60)
    _history(services, admin, other.client_id, 3)
    profile = services.profile
    for model_type, load, mine, others in ((VisitsModel, profile.visits, 60, 3),
                                           (ConsumptionModel, profile.consumption, 120, 6)):
        model = model_type(lambda before, n, c=client_id, f=load: f(admin, c, before, n))
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        qtmodeltester.check(model)
        while model.canFetchMore():
            model.fetchMore()
        assert view.verticalHeader().count() == model.rowCount() == mine

        model.reset(lambda before, n, c=other.client_id, f=load: f(admin, c, before, n))
        assert view.verticalHeader().count() == model.rowCount() <= others  # the view was told
        while model.canFetchMore():
            model.fetchMore()
        assert view.verticalHeader().count() == model.rowCount() == others
        model.reset(None)
        assert view.verticalHeader().count() == model.rowCount() == 0
        assert not model.canFetchMore()


def test_history_tab_loads_the_first_page_and_more_on_scroll(
        qtbot, services: Services, admin: Actor, client_id: int, worker: DbWorker,
        translations: Translations) -> None:
    _history(services, admin, client_id, 70)
    page = _page(qtbot, services, admin, worker)
    page.open_client(client_id)
    history = page.profile.history
    page.profile.tabs.setCurrentWidget(history)
    assert history.visits.rowCount() == 50
    history.visits_table.scrollToBottom()
    qtbot.waitUntil(lambda: history.visits.rowCount() == 70, timeout=3000)
    assert "70" in history.summary.text() and "¥" in history.summary.text()


def _record(services: Services, actor: Actor, client_id: int, clock: FakeClock) -> int:
    from frontdesk.models.consultation import ConditionKind, SkinType
    from frontdesk.services.health.consultation import BodyTest, ConditionNote

    for moisture, weight in ((30, 60000), (36, 59000)):
        record_id = services.consultation.save(actor, client_id, ConsultationForm(
            skin=SkinTest(skin_type=SkinType.DRY, moisture_pct=moisture, oil_pct=20, pores=2),
            conditions=(ConditionNote(ConditionKind.ACNE, "额头少量", "已清洁"),),
            body=BodyTest(height_mm=1620, weight_g=weight, waist_mm=720)))
        clock.advance(days=30)
    return record_id


def test_every_tab_is_chinese(qtbot, services: Services, admin: Actor, client_id: int,
                              clock: FakeClock, worker: DbWorker,
                              translations: Translations) -> None:
    record_id = _record(services, admin, client_id, clock)
    clock.advance(days=400)  # the basics are stale now
    page = _page(qtbot, services, admin, worker)
    assert untranslated(visible_texts(page)) == []
    page.open_client(client_id)
    view = page.profile
    assert view.stale.isVisibleTo(page)
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        assert untranslated(visible_texts(page)) == [], view.tabs.tabText(index)
    view.tabs.setCurrentWidget(view.consultation)
    view.consultation.editor.courses.add_row()
    view.consultation.editor.products.add_row()
    assert untranslated(visible_texts(page)) == []
    view.consultation.open_record(record_id)
    assert untranslated(visible_texts(page)) == []
    assert [len(c.points) for c in view.trends.charts.values()] == [2, 2, 0, 2, 2, 0, 2]
    qtbot.mouseClick(view.confirm_button, Qt.MouseButton.LeftButton)
    assert not view.stale.isVisibleTo(page)
    dialog = BatchDialog([client_id], [client_id], page)
    dialog.show()
    assert untranslated(visible_texts(dialog)) == []
    assert dialog.client_ids() == [client_id]


def test_photos_attach_to_a_saved_record_and_load_on_demand(
        qtbot, services: Services, consultant: Actor, client_id: int, clock: FakeClock,
        worker: DbWorker, tmp_path: Path, translations: Translations) -> None:
    record_id = _record(services, consultant, client_id, clock)
    page = _page(qtbot, services, consultant, worker)
    page.open_client(client_id)
    page.profile.tabs.setCurrentWidget(page.profile.consultation)
    page.profile.consultation.open_record(record_id)
    photos = page.profile.consultation.photos
    picture = QImage(64, 48, QImage.Format.Format_RGB32)
    picture.fill(QColor("#e0a0b0"))
    path = tmp_path / "before.png"
    picture.save(str(path))
    assert photos.add_file(str(path))
    assert photos.photos.count() == 1
    qtbot.waitUntil(lambda: photos.loaded.get(photos.photos.item(0).data(
        Qt.ItemDataRole.UserRole)) is not None, timeout=3000)
    assert [e.entity for e in _audit(services, "health.photo.add")] == ["consultation_photo"]
    assert any(e.entity == "consultation_photo" for e in _audit(services, "health.view"))
    assert not photos.add_file(str(tmp_path / "missing.png"))
    assert photos.message.text()


def test_sheet_saves_prints_and_says_when_the_font_is_missing(
        qtbot, services: Services, consultant: Actor, client_id: int, worker: DbWorker,
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, translations: Translations) -> None:
    page = _page(qtbot, services, consultant, worker)
    page.open_client(client_id)
    sheets = page.profile.sheets
    target = tmp_path / "sheet.pdf"
    assert sheets.write(client_id, target)
    assert target.read_bytes().startswith(b"%PDF")
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert sheets.print_to(str(target), printer)
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")

    def no_font(_configured: object = None) -> object:
        raise FontMissing(install="sudo apt-get install fonts-wqy-microhei",
                          env="FRONTDESK_PDF_FONT", tried="")
    monkeypatch.setattr("frontdesk.services.sheet.pdf.cjk_font", no_font)
    assert not sheets.write(client_id, tmp_path / "nofont.pdf")
    assert "FRONTDESK_PDF_FONT" in page.profile.message.text()
    assert "字体" in page.profile.message.text()
    assert page.profile.message.objectName() == "fieldError"  # said in red


class GatedSheets:
    """The sheet service, holding the ``hold_at``-th sheet until the test lets it go."""

    def __init__(self, real, hold_at: int) -> None:
        self._real, self._hold_at, self.calls = real, hold_at, 0
        self.gate = threading.Event()

    def sheet_data(self, *args, **kwargs):
        self.calls += 1
        if self.calls == self._hold_at:
            self.gate.wait(timeout=20)
        return self._real.sheet_data(*args, **kwargs)


def _clients(services: Services, admin: Actor, n: int) -> list[int]:
    return [services.clients.register(admin, NewClient(
        name=f"客人{i}", phone=f"139000011{i:02d}", member_no=f"M{i:04d}")).client_id
        for i in range(n)]


def test_batch_writes_every_sheet_with_progress(
        qtbot, services: Services, admin: Actor, worker: DbWorker, tmp_path: Path,
        translations: Translations) -> None:
    ids = _clients(services, admin, 4)
    page = _page(qtbot, services, admin, worker)
    page.start_batch(ids, str(tmp_path / "sheets"))
    assert page.progress.isVisible() and not page.batch_button.isEnabled()
    assert untranslated(visible_texts(page.progress)) == []
    qtbot.waitUntil(lambda: page.batch_button.isEnabled(), timeout=20000)
    assert sorted(p.name for p in (tmp_path / "sheets").iterdir()) == [
        f"00{i + 1}-M{i:04d}.pdf" for i in range(4)]
    assert "4" in page.status.text() and not page.progress.isVisible()


def test_batch_cancel_stops_after_the_current_sheet(
        qtbot, services: Services, admin: Actor, worker: DbWorker, tmp_path: Path,
        translations: Translations) -> None:
    ids = _clients(services, admin, 5)
    gated = GatedSheets(services.sheet, hold_at=3)
    services.sheet = gated  # type: ignore[assignment]  # the sheet service, held at the 3rd
    page = _page(qtbot, services, admin, worker)
    page.start_batch(ids, str(tmp_path / "sheets"))
    try:
        qtbot.waitUntil(lambda: page.progress.value() == 2, timeout=20000)
        assert "2/5" in page.progress.labelText()
        cancel = page.progress.findChild(QPushButton)
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)  # the window answers mid-batch
    finally:
        gated.gate.set()
    qtbot.waitUntil(lambda: page.batch_button.isEnabled(), timeout=20000)
    # the third sheet was being read when Cancel came: the batch stops before writing it
    assert sorted(p.name for p in (tmp_path / "sheets").iterdir()) == [
        "001-M0000.pdf", "002-M0001.pdf"]
    assert gated.calls == 3
    assert "2" in page.status.text() and "5" in page.status.text()
