"""One client's profile (客户档案): the header that is always in sight, and the tabs.

Always visible above the tabs: the name, the allergies and contraindications in
red (or that none are recorded), a special visitor's warning, the "please check
your details" banner when the basics were not confirmed for 12 months, and the
sheet buttons. Tabs: basics and consent, preferences, history, consultations,
trends, and "Cards, complaints, care": the sections other capabilities add
(:meth:`ProfileView.add_section`: the complaints) above what later versions add.
"""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.core.visitors import VisitorClass
from frontdesk.services.clients.profile import ClientProfile
from frontdesk.services.registry import Services
from frontdesk.ui.clients.basics_form import BasicsForm
from frontdesk.ui.clients.common import run_guarded
from frontdesk.ui.clients.consult_tab import ConsultationTab
from frontdesk.ui.clients.history_tab import HistoryTab
from frontdesk.ui.clients.preferences_form import PreferencesForm
from frontdesk.ui.clients.sheet_actions import SheetActions
from frontdesk.ui.clients.trends import TrendsTab
from frontdesk.ui.labels import gender_name, visitor_class_name
from frontdesk.ui.surveys.dialog import SurveyDialog
from frontdesk.ui.surveys.table import SurveyTable
from frontdesk.ui.widgets import scrolled
from frontdesk.ui.worker import DbWorker

ALERT_QSS = ("QLabel { background: #ffebee; color: #b71c1c; font-weight: bold; padding: 6px 10px;"
             " border: 1px solid #ef9a9a; border-radius: 4px; }")
CALM_QSS = "QLabel { color: #546e7a; padding: 6px 10px; }"
STALE_QSS = ("QFrame#staleBanner { background: #fff8e1; border: 1px solid #ffe082;"
             " border-radius: 4px; }")


class ProfileView(QWidget):
    loaded = Signal(int)  # client id, after a (re)load
    search_requested = Signal()

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileView")
        self._services = services
        self._actor = actor
        self._worker = worker
        self.profile: ClientProfile | None = None
        self.message = QLabel(objectName="sheetMessage")
        self.message.setWordWrap(True)
        self.message.hide()
        self.sheets = SheetActions(services, actor, self, self.message)
        self.basics = BasicsForm(services, actor)
        self.basics.saved.connect(lambda _b: self.reload())
        self.basics.reload_requested.connect(self.reload)
        self.preferences = PreferencesForm(services, actor)
        self.preferences.reload_requested.connect(self.reload)
        self.history = HistoryTab(services, actor, worker)
        self.consultation = ConsultationTab(services, actor, worker)
        if self.consultation.allowed:
            self.consultation.consent_recorded.connect(lambda _id: self.reload())
        self.trends = TrendsTab(services, actor)
        self.surveys = SurveyTable("profileSurveys", with_client=False) \
            if allowed(actor, Action.ENTER_SURVEYS) else None
        self.consultation.record_saved.connect(lambda _id: self.trends.set_client(
            self.client_id or 0))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._header())
        layout.addWidget(self.allergy)
        layout.addWidget(self._stale_banner())
        layout.addWidget(self.message)
        layout.addWidget(self._tabs(), 1)

    def _header(self) -> QHBoxLayout:
        self.title = QLabel(objectName="pageTitle")
        self.details = QLabel(objectName="clientDetails")
        self.details.setWordWrap(True)
        self.allergy = QLabel(objectName="allergyBanner")
        self.allergy.setWordWrap(True)
        self.print_button = QPushButton(self.tr("Print sheet…"), objectName="printSheet")
        self.print_button.clicked.connect(lambda: self._with_client(self.sheets.print_sheet))
        self.save_button = QPushButton(self.tr("Save sheet as PDF…"), objectName="saveSheet")
        self.save_button.clicked.connect(self._save_sheet)
        self.find_button = QPushButton(self.tr("Find a client (F2)"), objectName="findClient")
        self.find_button.clicked.connect(self.search_requested)
        self.survey_button = QPushButton(self.tr("Survey…"), objectName="enterSurvey")
        self.survey_button.setToolTip(self.tr("Enter the client's satisfaction survey"))
        self.survey_button.clicked.connect(lambda _c=False: self.enter_survey())
        self.survey_button.setVisible(allowed(self._actor, Action.ENTER_SURVEYS))
        may_print = allowed(self._actor, Action.PRINT_SHEET)
        self.print_button.setVisible(may_print)
        self.save_button.setVisible(may_print)
        names = QVBoxLayout()
        names.addWidget(self.title)
        names.addWidget(self.details)
        row = QHBoxLayout()
        row.addLayout(names, 1)
        row.addWidget(self.find_button)
        row.addWidget(self.survey_button)
        row.addWidget(self.print_button)
        row.addWidget(self.save_button)
        return row

    def _stale_banner(self) -> QFrame:
        self.stale = QFrame(objectName="staleBanner")
        self.stale.setStyleSheet(STALE_QSS)
        text = QLabel(self.tr("These details were last confirmed more than a year ago. Ask the "
                              "client to check them, correct what changed, then confirm."))
        text.setWordWrap(True)
        self.confirm_button = QPushButton(self.tr("Confirm basics"), objectName="confirmBasics")
        self.confirm_button.clicked.connect(self.confirm_basics)
        self.confirm_button.setVisible(allowed(self._actor, Action.EDIT_CLIENT))
        row = QHBoxLayout(self.stale)
        row.addWidget(text, 1)
        row.addWidget(self.confirm_button)
        self.stale.hide()
        return self.stale

    def _tabs(self) -> QTabWidget:
        self.tabs = QTabWidget(objectName="profileTabs")
        self.tabs.addTab(self.basics, self.tr("Basics and consent"))
        self.tabs.addTab(scrolled(self.preferences), self.tr("Preferences and tags"))
        self.tabs.addTab(self.history, self.tr("History"))
        self.tabs.addTab(self.consultation, self.tr("Consultations"))
        self.tabs.addTab(self.trends, self.tr("Trends"))
        if self.surveys is not None:
            self.tabs.addTab(self.surveys, self.tr("Surveys"))
        self.tabs.addTab(scrolled(self._later()), self.tr("Cards, complaints, care"))
        return self.tabs

    def _later(self) -> QWidget:
        page = QWidget()
        column = self._sections = QVBoxLayout(page)
        for title, text in (
                (self.tr("Member cards"), self.tr("The client's stored-value and session cards "
                                                  "with their balances: coming in a later "
                                                  "version.")),
                (self.tr("Care"), self.tr("Follow-up calls, greetings and churn warnings for "
                                          "this client: coming in a later version."))):
            note = QLabel(f"<b>{title}</b><br>{text}", objectName="placeholderText")
            note.setWordWrap(True)
            column.addWidget(note)
        column.addStretch(1)
        return page

    def add_section(self, widget: QWidget) -> None:
        """Another capability's section (the complaints), first on "Cards, complaints, care";
        it follows ``loaded`` and reads ``profile``."""
        self._sections.insertWidget(0, widget)

    @property
    def client_id(self) -> int | None:
        return self.profile.basics.id if self.profile else None

    def load(self, client_id: int) -> bool:
        """Read and show the client's profile; False when refused (reason in ``message``)."""
        self.message.hide()
        profile = run_guarded(self, self.message,
                              lambda: self._services.profile.profile(self._actor, client_id))
        if profile is None:
            return False
        self.show_profile(profile)
        self.loaded.emit(client_id)
        return True

    @Slot()
    def reload(self) -> None:
        if self.client_id is not None:
            self.load(self.client_id)

    def show_profile(self, profile: ClientProfile) -> None:
        b = profile.basics
        same_client = self.client_id == b.id
        self.profile = profile
        self.title.setText(b.name)
        parts = [gender_name(b.gender), visitor_class_name(b.visitor_class)]
        parts += [p for p in (b.tier, b.member_no and self.tr("No. {no}").format(no=b.member_no),
                              b.phone) if p]
        self.details.setText(" · ".join(parts))
        self._show_alerts(profile)
        self.stale.setVisible(profile.stale)
        self.basics.show_basics(b)
        self.preferences.show_preferences(b.id, profile.preferences)
        self.history.show_client(b.id, profile.summary)
        self._show_surveys(b.id)
        if not same_client or self.consultation.client is None or \
                self.consultation.client[2] != b.consent_health:
            self.consultation.set_client(b.id, b.name, b.consent_health)
            self.trends.set_client(b.id)

    def _show_surveys(self, client_id: int) -> None:
        """The client's satisfaction surveys, newest first (a few rows: read here)."""
        if self.surveys is None:
            return
        rows = run_guarded(self, self.message,
                           lambda: self._services.surveys.surveys_of(self._actor, client_id))
        self.surveys.show_rows(rows or ())

    def _show_alerts(self, profile: ClientProfile) -> None:
        b = profile.basics
        lines = []
        if b.visitor_class is VisitorClass.SPECIAL:
            lines.append(self.tr("⚠ Special visitor: inform the manager before serving."))
        if b.allergies.strip():
            lines.append(self.tr("Allergies / contraindications: {text}").format(
                text=b.allergies))
        self.allergy.setText("\n".join(lines) or self.tr(
            "No allergies or contraindications recorded."))
        self.allergy.setStyleSheet(ALERT_QSS if lines else CALM_QSS)

    @Slot()
    def confirm_basics(self) -> None:
        if self.client_id is None:
            return
        client_id = self.client_id
        if run_guarded(self, self.message, lambda: self._services.profile.confirm_basics(
                self._actor, client_id)) is not None:
            self.reload()

    def _with_client(self, action: object) -> None:
        if self.client_id is not None:
            action(self.client_id)  # type: ignore[operator]

    def enter_survey(self) -> None:
        """The client's satisfaction survey, about no visit (the desk's after a check-out, and
        the survey call's, are about their visit)."""
        profile = self.profile
        if profile is None:
            return
        dialog = run_guarded(self, self.message, lambda: SurveyDialog(
            self._services, self._actor, self._worker, client_id=profile.basics.id,
            client_name=profile.basics.name, parent=self))
        if dialog is not None:
            dialog.saved.connect(lambda _r: self._surveyed(dialog))
            dialog.open()

    def _surveyed(self, dialog: SurveyDialog) -> None:
        self.message.setText(dialog.done_text())
        self.message.show()
        if self.client_id is not None:
            self._show_surveys(self.client_id)

    @Slot()
    def _save_sheet(self) -> None:
        if self.profile is not None:
            b = self.profile.basics
            self.sheets.save_as(b.id, f"{b.member_no or b.name}")
