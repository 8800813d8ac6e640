"""Signing in, and the lock screen that covers the desk after idle minutes.

The sign-in dialog can open before the database has: it then shows the store's
name as this PC last saw it, and a sign-in asked for meanwhile waits for
:meth:`LoginDialog.attach` and then goes ahead.

The lock screen asks the person who is signed in for their password only, so its
refusals speak of the password, never of a user name; from the wrong password that
locks the account, it says until when, and that someone else can sign in after
Sign out.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.errors import AccountLocked, AuthError, DomainError, LockedOut
from frontdesk.ui.errors import error_text

if TYPE_CHECKING:  # the registry brings SQLAlchemy, which the dialog must not wait for
    from frontdesk.services.registry import Services


def _error_label() -> QLabel:
    label = QLabel(objectName="fieldError")
    label.setWordWrap(True)
    return label


class LoginDialog(QDialog):
    """Asks for user name and password; ``actor`` holds the signed-in staff member.

    ``services`` is None while the database is still opening (see the module docstring).
    """

    first_painted = Signal()
    """Once, when the dialog is on screen: the moment to start loading behind it."""

    def __init__(self, services: Services | None, store_name: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setMinimumWidth(420)
        self._services = services
        self._waiting = False
        self._painted = False
        self.actor: Actor | None = None
        self.store_name = QLabel(objectName="pageTitle")
        self.username = QLineEdit(objectName="username")
        self.password = QLineEdit(objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = _error_label()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in = QPushButton(self.tr("Sign in"), objectName="signIn")
        self.sign_in.setDefault(True)
        buttons.addButton(self.sign_in, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self._try_sign_in)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.addWidget(self.store_name)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._show_store(store_name)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            # After this paint has reached the screen; with the dialog as the timer's context,
            # a dialog deleted before then cancels it (a bare emit would hit a deleted object).
            QTimer.singleShot(0, self, self.first_painted.emit)

    def _show_store(self, name: str) -> None:
        self.setWindowTitle(self.tr("Sign in — {store}").format(store=name))
        self.store_name.setText(name)

    def attach(self, services: Services, store_name: str) -> None:
        """The database is open: sign-ins work now, and one asked for already goes ahead."""
        self._services = services
        self._show_store(store_name)
        if self._waiting:
            self._waiting = False
            self.error.clear()
            self._try_sign_in()

    @Slot()
    def _try_sign_in(self) -> None:
        if self._services is None:
            self._waiting = True
            self.error.setText(self.tr("Opening the database…"))
            return
        try:
            self.actor = self._services.auth.sign_in(self.username.text(), self.password.text())
        except DomainError as exc:
            self.error.setText(error_text(exc))
            self.password.clear()
            self.password.setFocus()
            return
        self.accept()


class LockScreen(QWidget):
    """Covers the window when the desk is idle; what was on screen stays as it was."""

    unlocked = Signal()
    sign_out_requested = Signal()
    actor_changed = Signal(object)
    """Unlocked, but the database now gives the person another role: the new Actor."""

    def __init__(self, services: Services, actor: Actor, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self._services = services
        self._actor = actor
        title = QLabel(self.tr("The desk is locked"), objectName="pageTitle")
        who = QLabel(self.tr("Signed in: {name}. Enter your password to continue.")
                     .format(name=actor.display_name))
        who.setWordWrap(True)
        self.password = QLineEdit(objectName="unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaximumWidth(360)
        self.password.returnPressed.connect(self._try_unlock)
        self.error = _error_label()
        unlock = QPushButton(self.tr("Unlock"), objectName="unlock")
        unlock.clicked.connect(self._try_unlock)
        switch = QPushButton(self.tr("Sign out"), objectName="signOut")
        switch.clicked.connect(self.sign_out_requested)
        self._layout([title, who, self.password, unlock, switch, self.error])

    def _layout(self, column: list[QWidget]) -> None:
        """One centred column. Its labels fill the column's width, so a long message wraps
        onto as many lines as it needs (centred in a box layout, it was cut off)."""
        grid = QGridLayout(self)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        grid.setColumnMinimumWidth(1, 480)
        grid.setRowStretch(0, 1)
        for row, widget in enumerate(column, start=1):
            if isinstance(widget, QLabel):
                widget.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
                grid.addWidget(widget, row, 1)
            else:
                grid.addWidget(widget, row, 1, Qt.AlignmentFlag.AlignHCenter)
        grid.setRowStretch(len(column) + 1, 2)

    def activate(self) -> None:
        self.password.clear()
        self.error.clear()
        self.password.setFocus()

    def refusal_text(self, exc: DomainError) -> str:
        """A refusal worded for the person signed in (the screen asks no user name)."""
        after = self.tr("Someone else can sign in after Sign out.")
        if isinstance(exc, LockedOut):
            return self.tr("Wrong password, and too many of them: this account is locked "
                           "until {until}.").format(until=exc.params["until"]) + "\n" + after
        if isinstance(exc, AccountLocked):
            return self.tr("Too many wrong passwords: this account is locked until "
                           "{until}.").format(until=exc.params["until"]) + "\n" + after
        if isinstance(exc, AuthError):
            return self.tr("Wrong password (or this account is no longer active).")
        return error_text(exc)

    @Slot()
    def _try_unlock(self) -> None:
        try:
            now = self._services.auth.unlock(self._actor, self.password.text())
        except DomainError as exc:
            self.error.setText(self.refusal_text(exc))
            self.password.clear()
            return
        if now != self._actor:
            self.actor_changed.emit(now)
            return
        self.unlocked.emit()
