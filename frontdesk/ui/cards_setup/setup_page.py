"""The card set-up page (会员卡设置), a manager's: card products, the tiers table, points.

Each tab reads its lists on the worker thread when it is first shown, and again after a
change. Ctrl+1, Ctrl+2 and Ctrl+3 go to the tabs. Roles that may not configure cards see
the page read-only (the main window shows it only to managers and administrators).
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.services.registry import Services
from frontdesk.ui.cards_setup.points_tab import PointsTab
from frontdesk.ui.cards_setup.products_tab import ProductsTab
from frontdesk.ui.cards_setup.tiers_tab import TiersTab
from frontdesk.ui.worker import DbWorker


class CardSetupPage(QWidget):
    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("cardSetupPage")
        may_change = allowed(actor, Action.MANAGE_CARD_PRODUCTS)
        self.products = ProductsTab(services, actor, worker, may_change)
        self.tiers = TiersTab(services, actor, worker, may_change)
        self.points = PointsTab(services, actor, worker, may_change)
        self.tabs = QTabWidget(objectName="cardSetupTabs")
        self.tabs.addTab(self.products, self.tr("Card products"))
        self.tabs.addTab(self.tiers, self.tr("Tiers"))
        self.tabs.addTab(self.points, self.tr("Points and rewards"))
        self.tabs.currentChanged.connect(self._load_current)
        for index in range(self.tabs.count()):
            QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self,
                      lambda i=index: self.tabs.setCurrentIndex(i))
        self._loaded: set[int] = set()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Card set-up"), objectName="pageTitle"))
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
        if isinstance(tab, ProductsTab | TiersTab | PointsTab):
            tab.load()
