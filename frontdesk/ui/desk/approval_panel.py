"""A manager's approval, asked for in place inside the check-out dialog.

When the check-out service answers :class:`ApprovalMissing`, the panel shows what
needs approval and asks for a manager's user name, password and a reason. Enter
in any of them submits, Esc cancels (the check-out dialog stays open). A wrong
password or a role that may not approve is shown in the panel itself.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.errors import DomainError
from frontdesk.services.desk.approval import Approval, ApprovalCause, ApprovalNeed
from frontdesk.ui.errors import error_text


class ApprovalPanel(QFrame):
    submitted = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None, *, approve_text: str = "") -> None:
        """``approve_text``: the approve button's words where it is not a check-out (a card
        refund)."""
        super().__init__(parent)
        self._approve_text = approve_text
        self.setObjectName("approvalPanel")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        title = QLabel(self.tr("A manager's approval is needed"), objectName="approvalTitle")
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.needs = QLabel(objectName="approvalNeeds")
        self.needs.setWordWrap(True)
        self.username = QLineEdit(objectName="approvalUsername")
        self.password = QLineEdit(objectName="approvalPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit(objectName="approvalReason")
        self.reason.setMaxLength(200)
        self.reason.setPlaceholderText(self.tr("e.g. a complaint: the facial is redone free"))
        for field in (self.username, self.password, self.reason):
            field.returnPressed.connect(self.submitted)
        self.error = QLabel(objectName="fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        self._layout(title)
        self.hide()

    def _layout(self, title: QLabel) -> None:
        approve = QPushButton(self._approve_text or self.tr("Approve and check out (Enter)"),
                              objectName="approve")
        cancel = QPushButton(self.tr("Back (Esc)"), objectName="approvalCancel")
        approve.clicked.connect(self.submitted)
        cancel.clicked.connect(self.cancel)
        grid = QGridLayout()  # two columns: the panel must fit under the lines at 1366×768
        grid.addWidget(QLabel(self.tr("Manager's user name")), 0, 0)
        grid.addWidget(self.username, 0, 1)
        grid.addWidget(QLabel(self.tr("Password")), 0, 2)
        grid.addWidget(self.password, 0, 3)
        grid.addWidget(QLabel(self.tr("Reason")), 1, 0)
        grid.addWidget(self.reason, 1, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(3, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addStretch(0)  # the buttons keep their size while no error is shown
        buttons.addWidget(cancel)
        buttons.addWidget(approve)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(self.needs)
        layout.addLayout(grid)
        layout.addLayout(buttons)

    def ask(self, needs: Sequence[ApprovalNeed], limit_percent: int) -> None:
        """Show what needs approval and put the cursor in the first empty field."""
        self.needs.setText("\n".join(f"• {self._need_text(n, limit_percent)}" for n in needs))
        self.error.hide()
        self.show()
        empty = [f for f in (self.username, self.password, self.reason) if not f.text()]
        (empty[0] if empty else self.username).setFocus()

    def _need_text(self, need: ApprovalNeed, limit_percent: int) -> str:
        if need.cause is ApprovalCause.PRICE_OVERRIDE:
            return self.tr("Line {line}: a price below the catalogue").format(line=need.line)
        if need.cause is ApprovalCause.DISCOUNT_OVER_LIMIT:
            return self.tr("Line {line}: a discount over {limit}% of the line").format(
                line=need.line, limit=limit_percent)
        return self.tr("Nothing to pay: a total of ¥0.00")

    def ask_for(self, what: str) -> None:
        """Show the panel for one thing to approve, said in ``what`` (a card refund)."""
        self.needs.setText(what)
        self.error.hide()
        self.show()

    def approval(self) -> Approval | None:
        """What the manager typed, while the panel is open; None when it is closed."""
        if self.isHidden():
            return None
        return Approval(self.username.text(), self.password.text(), self.reason.text())

    def show_error(self, exc: DomainError) -> None:
        """A refused approval: say why, clear the password, put the cursor where to fix it."""
        self.error.setText(error_text(exc))
        self.error.show()
        wrong_person = (exc.field or "").endswith("username")
        wrong_reason = (exc.field or "").endswith("reason")
        if not wrong_reason:  # the password was checked: it is typed again
            self.password.clear()
        target = self.username if wrong_person else self.reason if wrong_reason else self.password
        target.setFocus()
        if wrong_person:
            self.username.selectAll()

    @Slot()
    def cancel(self) -> None:
        """Close the panel and forget the password; the check-out stays as it was."""
        self.password.clear()
        self.error.hide()
        self.hide()
        self.cancelled.emit()
