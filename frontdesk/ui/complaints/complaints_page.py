"""The complaints page (投诉): the cases (:mod:`.cases_tab`), a manager's deadlines
(:mod:`.deadlines_tab`), and the tabs other capabilities add (surveys, spot checks) through
:meth:`ComplaintsPage.add_tab`. Ctrl+Tab moves between the tabs."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.services.registry import Services
from frontdesk.ui.complaints.cases_tab import CasesTab
from frontdesk.ui.complaints.deadlines_tab import DeadlinesTab
from frontdesk.ui.worker import DbWorker


class ComplaintsPage(QWidget):
    changed = Signal()
    """A case was taken or moved."""

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintsPage")
        self.tabs = QTabWidget(objectName="complaintTabs")
        self.cases: CasesTab | None = None
        if allowed(actor, Action.TAKE_COMPLAINTS):  # not a quality inspector: spot checks only
            self.cases = CasesTab(services, actor, worker)
            self.cases.changed.connect(self.changed)
            self.tabs.addTab(self.cases, self.tr("Cases"))
        self.deadlines: DeadlinesTab | None = None
        if allowed(actor, Action.MANAGE_COMPLAINTS):
            self.deadlines = DeadlinesTab(services, actor)
            self.tabs.addTab(self.deadlines, self.tr("Deadlines"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        # here, not left to the tabs: a table of editors (the questionnaire) takes Ctrl+Tab
        QShortcut(QKeySequence("Ctrl+Tab"), self, lambda: self._turn(1), context=context)
        QShortcut(QKeySequence("Ctrl+Shift+Tab"), self, lambda: self._turn(-1), context=context)

    def _turn(self, step: int) -> None:
        """The next (or previous) tab, its first field focused."""
        self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())
        self.tabs.currentWidget().setFocus()
        self.tabs.currentWidget().focusNextChild()

    def add_tab(self, widget: QWidget, title: str) -> None:
        """Another capability's tab (surveys, spot checks), before the deadlines."""
        at = self.tabs.indexOf(self.deadlines) if self.deadlines is not None else -1
        self.tabs.insertTab(at if at >= 0 else self.tabs.count(), widget, title)

    def open_case(self, complaint_id: int | None, ref_no: str = "") -> None:
        """Show one case (the due list's "Open the case")."""
        if self.cases is None:
            return
        self.tabs.setCurrentWidget(self.cases)
        self.cases.open_case(complaint_id, ref_no)
