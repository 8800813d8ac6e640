"""The first-run set-up: the store's name, the first admin account, and an optional demo store.

Ticking the demo store shows, before anything is made, the sign-in accounts it will
add beside the admin (user name, name, role) and their shared password: the demo
never makes an account nobody was told about.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError, ValidationError
from frontdesk.services.registry import Services
from frontdesk.services.store.setup import check_store_name
from frontdesk.ui.forms import FormErrors
from frontdesk.ui.labels import role_name

if TYPE_CHECKING:
    from frontdesk.ui.controller import DemoLoader

DEMO_CLIENTS = 2000


class StorePage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("Welcome to FrontDesk"))
        self.setSubTitle(self.tr("First, the name of your store as clients see it on printouts."))
        self.store_name = QLineEdit(objectName="storeName")
        self.store_name.setPlaceholderText(self.tr("e.g. 水沐莲清美容会所"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.errors = FormErrors(QLabel())
        self.errors.add_row(form, self.tr("Store name"), "store_name", self.store_name)
        layout.addLayout(form)

    def validatePage(self) -> bool:
        try:
            check_store_name(self.store_name.text())
        except DomainError as exc:
            self.errors.show(exc)
            return False
        self.errors.clear()
        return True


class AdminPage(QWizardPage):
    def __init__(self, demo: DemoLoader | None, language: str) -> None:
        super().__init__()
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(self.tr("This account adds staff and changes settings. "
                                 "Keep the password safe."))
        self.username = QLineEdit("admin", objectName="adminUsername")
        self.display_name = QLineEdit(objectName="adminName")
        self.password = QLineEdit(objectName="adminPassword")
        self.confirm = QLineEdit(objectName="adminPasswordConfirm")
        for field in (self.password, self.confirm):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.demo = QCheckBox(self.tr("Load a demo store ({n} clients, two years of visits) to "
                                      "try FrontDesk out").format(n=f"{DEMO_CLIENTS:,}"),
                              objectName="loadDemo")
        self.demo_accounts = QLabel(objectName="demoAccounts", wordWrap=True)
        self.demo_accounts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_accounts.setVisible(False)
        if demo is None:  # nothing to load it with
            self.demo.setVisible(False)
        else:
            self.demo_accounts.setText(self._accounts_text(demo, language))
            self.demo.toggled.connect(self.demo_accounts.setVisible)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        general = QLabel()
        self.errors = FormErrors(general)
        self.errors.add_row(form, self.tr("User name"), "username", self.username)
        self.errors.add_row(form, self.tr("Your name"), "display_name", self.display_name)
        self.errors.add_row(form, self.tr("Password"), "password", self.password)
        self.errors.add_row(form, self.tr("Password again"), "confirm", self.confirm)
        layout.addLayout(form)
        layout.addWidget(self.demo)
        layout.addWidget(self.demo_accounts)
        layout.addWidget(general)

    def _accounts_text(self, demo: DemoLoader, language: str) -> str:
        """The demo's sign-in accounts, one a line, under the password they share."""
        lines = [self.tr("The demo store adds these sign-in accounts, all with the password "
                          "{password}:")
                 .format(password=demo.password)]
        lines += [self.tr("{username} — {name}, {role}").format(
            username=a.username, name=a.name, role=role_name(a.role))
            for a in demo.accounts(language)]
        return "\n".join(lines)


class SetupWizard(QWizard):
    """Creates the store and its admin through the store service; ``actor`` is set on success."""

    def __init__(self, services: Services, demo: DemoLoader | None = None,
                 language: str = "zh_CN", parent: QWidget | None = None) -> None:
        """``demo``: offers to load a demo store, its accounts' names in ``language``."""
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.setWindowTitle(self.tr("Set up FrontDesk"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setMinimumSize(640, 460)
        self._services = services
        self.store_page = StorePage()
        self.admin_page = AdminPage(demo, language)
        self.addPage(self.store_page)
        self.addPage(self.admin_page)
        self.actor: Actor | None = None
        self.admin_page.validatePage = self._create  # type: ignore[method-assign]

    @property
    def wants_demo(self) -> bool:
        return self.admin_page.demo.isChecked()

    def _create(self) -> bool:
        page = self.admin_page
        try:
            if page.password.text() != page.confirm.text():
                raise ValidationError("The two passwords differ.", field="confirm")
            self.actor = self._services.store.initialise(
                self.store_page.store_name.text(), page.username.text(),
                page.display_name.text() or page.username.text(), page.password.text())
        except DomainError as exc:
            page.errors.show(exc)
            return False
        return True
