"""The resolution (处理 → 反馈, F7): what was done for the client, the note, the corrective
action (整改), and a compensation through the card ledger.

The remedies are checkboxes (Space ticks, Tab moves on). A compensation is a voucher
(kind, value in yuan read to the fen exactly, title, expiry) or a credit to one of the
client's member cards; a credit needs a manager's approval, asked in place with the
desk's approval panel (user name, password, reason): the manager is signed in on the spot
and the service books the credit with them as approver. The dialog's key is made when it
opens, so a double Enter books one compensation.
"""

from __future__ import annotations

import datetime as dt
import uuid

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QLineEdit,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.errors import DomainError, ValidationError
from frontdesk.models.card import VoucherKind
from frontdesk.models.complaint import Remedy
from frontdesk.services.complaints.views import Compensation, ComplaintCase, Resolution
from frontdesk.services.registry import Services
from frontdesk.ui.cards.card_labels import voucher_kind_name
from frontdesk.ui.cards_setup.words import fen_of, money_edit
from frontdesk.ui.clients.common import pydate, qdate
from frontdesk.ui.complaints.intake_dialog import text_box
from frontdesk.ui.complaints.step_dialogs import StepDialog
from frontdesk.ui.complaints.words import remedy_name
from frontdesk.ui.dates import set_edit_format
from frontdesk.ui.desk.approval_panel import ApprovalPanel
from frontdesk.ui.widgets import enum_combo

EXPIRY_MONTHS = 3
NONE, VOUCHER, CREDIT = "", "voucher", "credit"


class ResolveDialog(StepDialog):
    """Records the resolution and books its compensation (see the module docstring)."""

    def __init__(self, services: Services, actor: Actor, case: ComplaintCase, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, case, self.tr("Resolve (F7)"), parent)
        self.setObjectName("complaintResolve")
        self.key = uuid.uuid4().hex
        self._approved: Actor | None = None
        self.remedies = {r: QCheckBox(remedy_name(r), objectName=f"remedy_{r.value}")
                         for r in Remedy}
        grid = QGridLayout()
        for i, box in enumerate(self.remedies.values()):
            grid.addWidget(box, i // 4, i % 4)
        boxes = QWidget(objectName="complaintRemedies")
        boxes.setLayout(grid)
        self.note = text_box("complaintResolutionNote", self.tr("What was done, and how"))
        self.corrective = text_box("complaintCorrective",
                                   self.tr("What the store changes so it does not happen again"))
        self._compensation_fields(today)
        add = self.errors.add_row
        add(self.form, self.tr("Done for the client"), "remedies", boxes)
        add(self.form, self.tr("Note"), "note", self.note)
        add(self.form, self.tr("Corrective action (整改)"), "corrective_action", self.corrective)
        add(self.form, self.tr("Compensation"), "compensation", self.kind)
        add(self.form, self.tr("Value"), "value_fen", self.value)
        add(self.form, self.tr("Voucher kind"), "voucher_kind", self.voucher_kind)
        add(self.form, self.tr("Voucher title"), "title", self.title)
        add(self.form, self.tr("Valid until"), "expires_on", self.expires)
        add(self.form, self.tr("Member card"), "card_id", self.card)
        self.approval = ApprovalPanel(self, approve_text=self.tr("Approve and resolve (Enter)"))
        self.approval.submitted.connect(self.go)
        self.column.insertWidget(3, self.approval)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.finish(640)
        self.remedies[Remedy.APOLOGY].setFocus()

    def _compensation_fields(self, today: dt.date) -> None:
        self.kind = QComboBox(objectName="complaintCompensation")
        self.kind.addItem(self.tr("None"), NONE)
        self.kind.addItem(self.tr("A voucher"), VOUCHER)
        self.cards = self._client_cards()
        if self.cards:
            self.kind.addItem(self.tr("A credit to a member card"), CREDIT)
        self.value = money_edit("complaintCompensationValue")
        self.value.setPlaceholderText(self.tr("yuan, e.g. 200"))
        self.voucher_kind = enum_combo("complaintVoucherKind", list(VoucherKind),
                                       voucher_kind_name)
        self.title = QLineEdit(objectName="complaintVoucherTitle")
        self.title.setMaxLength(80)
        self.title.setPlaceholderText(self.tr("e.g. apology: a free facial"))
        self.expires = QDateEdit(objectName="complaintVoucherExpires")
        self.expires.setCalendarPopup(True)
        set_edit_format(self.expires)
        self.expires.setMinimumDate(qdate(today))
        self.expires.setDate(qdate(today).addMonths(EXPIRY_MONTHS))
        self.card = QComboBox(objectName="complaintCreditCard")
        for card_id, text in self.cards:
            self.card.addItem(text, card_id)

    def _client_cards(self) -> list[tuple[int, str]]:
        client_id = self.case.row.client_id
        if client_id is None:
            return []
        try:
            cards = self.services.cards.cards_of_client(self.actor, client_id)
        except DomainError:  # a role that may not see cards: no credit offered
            return []
        return [(c.id, f"{c.card_no} · {c.product_name} · {format_fen(c.bonus_fen + c.paid_fen)}")
                for c in cards if c.client_id == client_id]

    @Slot()
    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self.form.setRowVisible(self.value, kind != NONE)
        for widget in (self.voucher_kind, self.title, self.expires):
            self.form.setRowVisible(widget, kind == VOUCHER)
        self.form.setRowVisible(self.card, kind == CREDIT)
        if kind == CREDIT:
            self.approval.ask_for(self.tr("A credit to a member card's bonus balance."))
        else:
            self.approval.hide()
        if kind == VOUCHER:
            self.remedies[Remedy.VOUCHER].setChecked(True)
        if kind == CREDIT:
            self.remedies[Remedy.CREDIT].setChecked(True)
        self.adjustSize()

    def compensation(self) -> Compensation | None:
        kind = self.kind.currentData()
        if kind == NONE:
            return None
        value = fen_of(self.value, "value_fen") or 0
        if value <= 0:
            raise ValidationError("Type the compensation's value, more than zero.",
                                  field="value_fen")
        if kind == VOUCHER:
            return Compensation("voucher", value, self.title.text().strip(),
                                self.voucher_kind.currentData(), pydate(self.expires.date()))
        return Compensation("credit", value, card_id=self.card.currentData())

    def resolution(self) -> Resolution:
        remedies = tuple(r for r, box in self.remedies.items() if box.isChecked())
        note = self.note.toPlainText()
        approval = self.approval.approval()
        if approval is not None and approval.reason.strip():
            approved = self.tr("Approval: {reason}").format(reason=approval.reason.strip())
            note = f"{note.strip()}\n{approved}".strip()
        return Resolution(remedies, note, self.corrective.toPlainText(), self.compensation())

    def _approver(self) -> Actor | None:
        approval = self.approval.approval()
        if self.kind.currentData() != CREDIT or approval is None:
            return None
        return self.services.auth.sign_in(approval.username, approval.password)

    @Slot()
    def go(self) -> None:
        """Sign the approving manager in first (a refusal shows in the approval panel)."""
        self.errors.clear()
        try:
            self._approved = self._approver()
        except DomainError as exc:
            self.approval.show_error(exc)
            return
        super().go()

    def save(self) -> ComplaintCase:
        return self.services.complaints.resolve(self.actor, self.complaint_id, self.version,
                                                self.resolution(), key=self.key,
                                                approver=self._approved)
