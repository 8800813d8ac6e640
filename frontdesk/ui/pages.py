"""Which pages the main window shows, in navigation order."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.services.registry import Services
from frontdesk.ui.cards.cards_page import CardsPage
from frontdesk.ui.cards_setup.setup_page import CardSetupPage
from frontdesk.ui.cards_setup.sweep import TierSweep
from frontdesk.ui.care_setup.setup_page import CareSetupPage
from frontdesk.ui.clients.clients_page import ClientsPage
from frontdesk.ui.desk.desk_page import DeskPage
from frontdesk.ui.local_settings import LocalSettings
from frontdesk.ui.placeholders import PlannedPages
from frontdesk.ui.settings_page import SettingsPage
from frontdesk.ui.worker import DbWorker

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
    planned = PlannedPages()
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

    def find_card() -> None:
        """F10 from any page: the cards page, the cursor in its find box (a card reader)."""
        window.show_page("cards")
        cards.finder.focus_search()

    QShortcut(QKeySequence("F10"), window, find_card, context=Qt.ShortcutContext.WindowShortcut)
    pages: list[tuple[str, QWidget]] = [
        ("desk", desk),
        ("clients", clients),
        ("cards", cards),
        ("care", planned.care()),
        ("complaints", planned.complaints()),
        ("reports", planned.reports()),
        ("settings", settings_page),
    ]
    TierSweep(services.tiers, worker, window).start()
    if allowed(actor, Action.MANAGE_CARD_PRODUCTS):  # before the settings
        pages.insert(-1, ("card_setup", CardSetupPage(services, actor, worker)))
    if allowed(actor, Action.MANAGE_CARE):
        pages.insert(-1, ("care_setup", CareSetupPage(services, actor, worker)))
    return [(key, titles[key], widget) for key, widget in pages]
