"""The chosen complaint beside the list: who, what, the client's words and asks, the
findings, the resolution with its compensation, the feedback, and the steps (who did what,
when). A case past its deadline says so in red, an escalated one says the manager was told.
"""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.money import format_fen
from frontdesk.models.complaint import ComplaintStage
from frontdesk.services.complaints.views import ComplaintCase, StepView
from frontdesk.ui.complaints.words import (
    category_name,
    channel_name,
    marks,
    remedy_name,
    severity_name,
    stage_name,
    step_name,
)
from frontdesk.ui.dates import datetime_text
from frontdesk.ui.views import WrappingColumn

LATE = "#c62828"


class CasePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("complaintCasePanel")
        self.case: ComplaintCase | None = None
        self.title = QLabel(objectName="complaintCaseTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.body = QTextBrowser(objectName="complaintCaseBody")
        self.body.setTabChangesFocus(True)
        self.body.setOpenLinks(False)
        self.body.setStyleSheet("QTextBrowser { color: palette(window-text); }")  # not an input's
        self.steps = QTreeWidget(objectName="complaintSteps")
        self.steps.setHeaderLabels([self.tr("When, who"), self.tr("Step"), self.tr("Note")])
        self.steps.setRootIsDecorated(False)
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.steps.header()
        header.setStretchLastSection(False)
        for column in range(2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        WrappingColumn.install(self.steps, 2)  # a long note wraps instead of being cut
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.body, 3)
        layout.addWidget(QLabel(self.tr("Steps")))
        layout.addWidget(self.steps, 2)
        self.show_case(None)

    def show_case(self, case: ComplaintCase | None) -> None:
        self.case = case
        if case is None:
            self.title.setText(self.tr("Choose a complaint in the list."))
            self.title.setStyleSheet("")
            self.body.clear()
            self.steps.clear()
            return
        row = case.row
        late = marks(row.overdue, row.escalated)
        self.title.setText(" · ".join(t for t in (row.ref_no, stage_name(row.stage),
                                                  severity_name(row.severity), late) if t))
        self.title.setStyleSheet(f"color: {LATE};" if late else "")
        self.body.setHtml(self._html(case))
        self._show_steps(case.steps)

    def _facts(self, case: ComplaintCase) -> list[tuple[str, str]]:
        row = case.row
        return [
            (self.tr("Client"), " ".join(t for t in (row.client_name, row.phone) if t)),
            (self.tr("Channel"), channel_name(row.channel)),
            (self.tr("Category"), category_name(row.category)),
            (self.tr("Received"), datetime_text(row.received_at)),
            (self.tr("Due"), datetime_text(row.due_at) if row.due_at else "—"),
            (self.tr("Owner"), row.owner_name or self.tr("nobody yet")),
            (self.tr("Staff concerned"), row.staff_name or "—"),
            (self.tr("Service"), case.service_name or "—"),
            (self.tr("Visit"), case.visit_label or "—"),
        ]

    def _texts(self, case: ComplaintCase) -> list[tuple[str, str]]:
        remedies = "、".join(remedy_name(r) for r in case.remedies)
        money = ""
        if case.compensation_fen:
            money = format_fen(case.compensation_fen)
            if case.voucher_code:
                money += " · " + self.tr("voucher {code}").format(code=case.voucher_code)
        feedback = ""
        if case.satisfied is not None:
            feedback = self.tr("Satisfied") if case.satisfied else self.tr("Not satisfied")
            feedback = " · ".join(t for t in (feedback, case.feedback_note) if t)
        return [
            (self.tr("The client's words"), case.words),
            (self.tr("Asks for"), case.asks),
            (self.tr("Findings"), case.findings),
            (self.tr("Done for the client"), remedies),
            (self.tr("Resolution note"), case.resolution_note),
            (self.tr("Corrective action (整改)"), case.corrective_action),
            (self.tr("Compensation"), money),
            (self.tr("Feedback"), feedback),
        ]

    def _html(self, case: ComplaintCase) -> str:
        facts = "".join(f"<tr><td><b>{escape(k)}</b>&nbsp;</td><td>{escape(v)}</td></tr>"
                        for k, v in self._facts(case))
        texts = "".join(f"<p><b>{escape(k)}</b><br>{escape(v).replace(chr(10), '<br>')}</p>"
                        for k, v in self._texts(case) if v)
        return f"<table>{facts}</table>{texts}"

    def _show_steps(self, steps: tuple[StepView, ...]) -> None:
        self.steps.clear()
        for step in reversed(steps):  # the newest first
            what = step_name(step.kind)
            if step.to_stage is not None and step.from_stage is not None \
                    and step.from_stage != step.to_stage:
                what = f"{stage_name(step.from_stage)} → {stage_name(step.to_stage)}"
            who = step.staff_name or self.tr("the timer")
            self.steps.addTopLevelItem(QTreeWidgetItem([f"{datetime_text(step.at)}\n{who}",
                                                        what, self._note(step)]))

    def _note(self, step: StepView) -> str:
        """The step's note; a closing step's "satisfied: …" (the service's record of the
        client's answer) in the screen's words."""
        if step.to_stage is not ComplaintStage.CLOSED:
            return step.note
        for code, words in (("not satisfied", self.tr("Not satisfied")),
                            ("satisfied", self.tr("Satisfied"))):
            if step.note == code or step.note.startswith(code + ": "):
                return words + step.note[len(code):].replace(": ", "：", 1)
        return step.note
