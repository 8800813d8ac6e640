"""Which pages the main window shows, in navigation order."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from frontdesk.core.context import Actor, Role
from frontdesk.core.permissions import Action, allowed
from frontdesk.services.registry import Services
from frontdesk.ui.cards.cards_page import CardsPage
from frontdesk.ui.cards_setup.setup_page import CardSetupPage
from frontdesk.ui.cards_setup.sweep import TierSweep
from frontdesk.ui.care.due_page import DuePage
from frontdesk.ui.care.notice import CareNotice
from frontdesk.ui.care.timers import CareTimers
from frontdesk.ui.care_setup.setup_page import CareSetupPage
from frontdesk.ui.clients.clients_page import ClientsPage
from frontdesk.ui.complaints.client_section import ClientComplaints
from frontdesk.ui.complaints.complaints_page import ComplaintsPage
from frontdesk.ui.complaints.intake_dialog import IntakeDialog
from frontdesk.ui.desk.desk_page import DeskPage
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.quality.spot_checks import SpotChecksTab
from frontdesk.ui.quality.spot_checks import tab_title as spot_checks_title
from frontdesk.ui.reports.reports_page import ReportsPage
from frontdesk.ui.settings_page import SettingsPage
from frontdesk.ui.surveys.tab import SurveysTab
from frontdesk.ui.worker import DbWorker

START_DELAY_MS = 2000
"""The first care scan waits this long after the window opens: the desk shows first."""

COMPLAINTS_FIRST = (Role.COMPLAINT_HANDLER, Role.QUALITY_INSPECTOR)
"""Roles whose first page is the complaints page (cases; a quality inspector's spot checks)."""

if TYPE_CHECKING:
    from frontdesk.ui.main_window import MainWindow


class PageTitles(QWidget):
    """The navigation titles (a QWidget only so lupdate and tr() share one context)."""

    def titles(self) -> dict[str, str]:
        return {
            "desk": self.tr("Check-in desk"),
            "clients": self.tr("Clients"),
            "cards": self.tr("Member cards"),
            "care": self.tr("Care list"),
            "complaints": self.tr("Complaints"),
            "reports": self.tr("Reports"),
            "card_setup": self.tr("Card set-up"),
            "care_setup": self.tr("Care set-up"),
            "settings": self.tr("Settings"),
        }


def build_pages(window: MainWindow, services: Services, actor: Actor, settings: LocalSettings,
                worker: DbWorker) -> list[tuple[str, str, QWidget]]:
    """(key, navigation title, widget) for each page."""
    texts = PageTitles()
    titles = texts.titles()
    settings_page = SettingsPage(services, actor, settings, window.backups)
    settings_page.language_changed.connect(window.language_changed)
    settings_page.idle_minutes_changed.connect(window.set_idle_minutes)
    desk = DeskPage(services, actor, worker)
    clients = ClientsPage(services, actor, worker)

    def open_profile(client_id: int) -> None:
        window.show_page("clients")
        clients.open_client(client_id)

    desk.profile_requested.connect(open_profile)
    cards = CardsPage(services, actor, worker)
    complaints = _complaints_page(services, actor, worker)

    def open_complaint(complaint_id: int | None, ref_no: str = "") -> None:
        window.show_page("complaints")
        complaints.open_case(complaint_id, ref_no)

    _complaint_entries(services, actor, worker, desk, clients, open_complaint)

    def find_card() -> None:
        """F10 from any page: the cards page, the cursor in its find box (a card reader)."""
        window.show_page("cards")
        cards.finder.focus_search()

    QShortcut(QKeySequence("F10"), window, find_card, context=Qt.ShortcutContext.WindowShortcut)
    pages: list[tuple[str, QWidget]] = [
        ("desk", desk),
        ("clients", clients),
        ("cards", cards),
        ("complaints", complaints),
        ("settings", settings_page),
    ]
    if allowed(actor, Action.VIEW_COMPLAINT_REPORTS):
        pages.insert(-1, ("reports", ReportsPage(services, actor, worker)))
    TierSweep(services.tiers, worker, window).start()
    if allowed(actor, Action.WORK_CARE):  # a client manager's main work: their first page
        care = _care(window, services, actor, worker)
        care.complaint_requested.connect(lambda ref: open_complaint(None, ref))
        complaints.changed.connect(care.changed)  # a case's deadline task: the badge counts
        pages.insert(0 if actor.role is Role.CLIENT_MANAGER else 3, ("care", care))
    if allowed(actor, Action.MANAGE_CARD_PRODUCTS):  # before the settings
        pages.insert(-1, ("card_setup", CardSetupPage(services, actor, worker)))
    if allowed(actor, Action.MANAGE_CARE):
        pages.insert(-1, ("care_setup", CareSetupPage(services, actor, worker)))
    if actor.role in COMPLAINTS_FIRST:  # their work is on that page: it opens first
        pages.insert(0, pages.pop([key for key, _ in pages].index("complaints")))
    return [(key, titles[key], widget) for key, widget in pages]


def _complaints_page(services: Services, actor: Actor, worker: DbWorker) -> ComplaintsPage:
    """The cases, then the surveys and the spot checks for those who work them."""
    page = ComplaintsPage(services, actor, worker)
    if allowed(actor, Action.ENTER_SURVEYS):
        page.add_tab(SurveysTab(services, actor, worker),
                     QCoreApplication.translate("ComplaintsPage", "Surveys"))
    if allowed(actor, Action.SPOT_CHECK):
        page.add_tab(SpotChecksTab(services, actor, worker), spot_checks_title())
    return page


def _complaint_entries(services: Services, actor: Actor, worker: DbWorker, desk: DeskPage,
                       clients: ClientsPage, open_case: Callable[[int | None], None]) -> None:
    """The complaint intake at the desk (Ctrl+T) and the client's complaints on the profile."""
    section = ClientComplaints(services, actor, worker)
    section.follow(clients.profile)
    section.case_requested.connect(open_case)

    def take(client_id: int | None, visit_id: int | None) -> None:
        dialog = IntakeDialog(services, actor, worker, client_id=client_id, visit_id=visit_id,
                              parent=desk)
        dialog.taken.connect(lambda row: desk.complaint_taken(row.ref_no))
        dialog.finished.connect(lambda _r: desk.activateWindow())  # no window manager: keys
        dialog.open()

    desk.complaint_requested.connect(take)


def _care(window: MainWindow, services: Services, actor: Actor, worker: DbWorker) -> DuePage:
    """The due list, its badge on the navigation, the notice of new tasks, F1 from any page,
    and the background scan that feeds them (started once the window is up)."""
    page = DuePage(services, actor, worker)
    notice = CareNotice()
    window.add_banner(notice)
    timers = CareTimers(services, actor, worker, window)
    window.care_timers = timers

    def open_care() -> None:
        notice.dismiss()
        window.show_page("care")
        page.tree.focus_list()

    def scanned(_result: object) -> None:
        if page.isVisible():
            page.reload()

    timers.counts_changed.connect(lambda counts: window.set_badge("care", counts.open))
    timers.new_tasks.connect(notice.announce)
    timers.scanned.connect(scanned)
    page.changed.connect(timers.refresh_counts)
    notice.open_requested.connect(open_care)
    QShortcut(QKeySequence("F1"), window, open_care, context=Qt.ShortcutContext.WindowShortcut)
    timers.start_in(START_DELAY_MS)
    return page
