"""The care set-up page (关怀设置), a manager's: the rules, the festivals, the tier plans,
the follow-up days of each service, the message templates and the client managers' books.

Each tab reads its list on the worker thread when it is first shown, and again after a
change. Ctrl+Tab and Ctrl+Shift+Tab go from tab to tab (the tab bar's own keys); in a tab,
Tab goes from the list through the form, Ctrl+S saves and Esc drops the edits. Roles that
may not configure care see the page read-only (the main window shows it only to those
who may).
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.services.registry import Services
from frontdesk.ui.care_setup.books_tab import BooksTab
from frontdesk.ui.care_setup.festivals_tab import FestivalsTab
from frontdesk.ui.care_setup.follow_ups_tab import FollowUpsTab
from frontdesk.ui.care_setup.list_form import ListFormTab
from frontdesk.ui.care_setup.messages_tab import MessagesTab
from frontdesk.ui.care_setup.plans_tab import PlansTab
from frontdesk.ui.care_setup.rules_tab import RulesTab
from frontdesk.ui.worker import DbWorker


class CareSetupPage(QWidget):
    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("careSetupPage")
        may_change = allowed(actor, Action.MANAGE_CARE)
        self.rules = RulesTab(services, actor, worker, may_change)
        self.festivals = FestivalsTab(services, actor, worker, may_change)
        self.plans = PlansTab(services, actor, worker, may_change)
        self.follow_ups = FollowUpsTab(services, actor, worker, may_change)
        self.messages = MessagesTab(services, actor, worker, may_change)
        self.books = BooksTab(services, actor, worker, may_change)
        self.tabs = QTabWidget(objectName="careSetupTabs")
        self.tabs.addTab(self.rules, self.tr("Care rules"))
        self.tabs.addTab(self.festivals, self.tr("Festivals"))
        self.tabs.addTab(self.plans, self.tr("Tier plans"))
        self.tabs.addTab(self.follow_ups, self.tr("Follow-up calls"))
        self.tabs.addTab(self.messages, self.tr("Message templates"))
        self.tabs.addTab(self.books, self.tr("Books"))
        self.tabs.currentChanged.connect(self._load_current)
        self._loaded: set[int] = set()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Care set-up"), objectName="pageTitle"))
        if not may_change:
            layout.addWidget(QLabel(self.tr("Only a manager can change these.")))
        layout.addWidget(self.tabs, 1)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._load_current()

    @Slot()
    def _load_current(self) -> None:
        index = self.tabs.currentIndex()
        if index in self._loaded:
            return
        self._loaded.add(index)
        tab = self.tabs.widget(index)
        if isinstance(tab, ListFormTab):
            tab.load()
