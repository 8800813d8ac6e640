"""The consultation form says that health consent is missing before anything is typed and
records it in place, by keyboard, for a role that may; the form is then usable at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.models import AuditEntry, Client
from frontdesk.services.clients.registration import NewClient
from frontdesk.services.registry import Services
from frontdesk.ui.clients.clients_page import ClientsPage
from frontdesk.ui.i18n import Translations
from frontdesk.ui.worker import DbWorker
from tests.ui.visible_text import untranslated, visible_texts


@pytest.fixture
def consultant(services: Services, admin: Actor) -> Actor:
    services.staff.add_staff(admin, "yaqin", "陈雅琴", Role.CONSULTANT, "password-123")
    return services.auth.sign_in("yaqin", "password-123")


@pytest.fixture
def client_id(services: Services, admin: Actor) -> int:
    return services.clients.register(admin, NewClient("林静", "13900003333")).client_id


def open_consultation(qtbot, services: Services, actor: Actor, worker: DbWorker,
                      client_id: int) -> ClientsPage:
    page = ClientsPage(services, actor, worker)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitActive(page):
        page.activateWindow()
    page.open_client(client_id)
    page.profile.tabs.setCurrentWidget(page.profile.consultation)
    return page


def test_missing_consent_is_said_first_and_recorded_in_place_by_keyboard(
        qtbot, services: Services, consultant: Actor, client_id: int, worker: DbWorker,
        translations: Translations) -> None:
    page = open_consultation(qtbot, services, consultant, worker, client_id)
    tab = page.profile.consultation
    assert tab.consent_hint.isVisibleTo(page) and "林静" in tab.consent_hint.text()
    assert tab.record_consent.isVisibleTo(page)
    assert not tab.editor.isEnabled()  # nothing is typed before the consent
    assert untranslated(visible_texts(tab)) == []
    tab.record_consent.setFocus()
    assert tab.record_consent.hasFocus()
    qtbot.keyClick(tab.record_consent, Qt.Key.Key_Space)
    assert tab.editor.isEnabled() and tab.editor.taken_on.hasFocus()
    assert not tab.consent_hint.isVisibleTo(page) and not tab.record_consent.isVisibleTo(page)
    assert page.profile.basics.consent_health.isChecked()  # the profile shows it too
    with services.db.read() as s:
        client = s.get(Client, client_id)
        assert client is not None and client.consent_health
        [entry] = s.scalars(select(AuditEntry).where(AuditEntry.action == "client.update"))
        assert (entry.staff_id, entry.detail) == (
            consultant.staff_id, "fields=consent_health via=consultation")
    tab.editor.notes.setFocus()
    tab.editor.notes.insert("初次到店")
    tab.editor.save()
    assert tab.shown_record is not None  # saved and shown, without leaving the tab


def test_a_client_who_consented_gets_the_form_at_once(
        qtbot, services: Services, consultant: Actor, admin: Actor, worker: DbWorker,
        translations: Translations) -> None:
    client = services.clients.register(admin, NewClient("单丽华", "13800131234",
                                                        consent_health=True)).client_id
    page = open_consultation(qtbot, services, consultant, worker, client)
    tab = page.profile.consultation
    assert tab.editor.isEnabled()
    assert tab.consent_hint.isHidden() and tab.record_consent.isHidden()
