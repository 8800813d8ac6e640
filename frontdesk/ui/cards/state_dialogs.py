"""A card's state and holders: freeze or unfreeze (F7), report lost and replace (F8), extend
the expiry (Ctrl+E, a manager's approval), add or remove a family member (F11).

Each confirms what it is about to do, with the balances it concerns, before it books
(:mod:`~frontdesk.ui.cards.op_dialog`).
"""

from __future__ import annotations

from PySide6.QtCore import QDate, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.errors import AuthError, DomainError, ValidationError
from frontdesk.models.card import CardStatus
from frontdesk.services.cards.views import CardView
from frontdesk.services.registry import Services
from frontdesk.ui.cards.card_labels import sessions_text
from frontdesk.ui.cards.op_dialog import CardOpDialog
from frontdesk.ui.clients.common import pydate, qdate
from frontdesk.ui.dates import date_text
from frontdesk.ui.desk.approval_panel import ApprovalPanel
from frontdesk.ui.desk.search_panel import SearchPanel
from frontdesk.ui.worker import DbWorker

REASON_MAX = 200


def reason_field(name: str, placeholder: str) -> QLineEdit:
    field = QLineEdit(objectName=name)
    field.setMaxLength(REASON_MAX)
    field.setPlaceholderText(placeholder)
    return field


def balances_text(card: CardView) -> str:
    text = format_fen(card.balance_fen)
    return f"{text} · {sessions_text(card.sessions)}" if card.sessions else text


class FreezeDialog(CardOpDialog):
    """冻结 / 解冻: the dialog does whichever the card's state calls for."""

    def __init__(self, services: Services, actor: Actor, card: CardView,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, card, "", parent)
        self.freezing = card.status is CardStatus.ACTIVE
        self.setWindowTitle(self.tr("Freeze the card (F7)") if self.freezing else
                            self.tr("Unfreeze the card (F7)"))
        self.setObjectName("freezeDialog")
        self.reason = reason_field("freezeReason", self.tr("e.g. at the owner's request"))
        self.errors.add_row(self.form, self.tr("Reason"), "reason", self.reason)
        self.finish_layout()
        self.reason.setFocus()

    def check(self) -> str:
        assert self.card is not None
        if self.freezing:
            return self.tr("Freeze card {no}: nothing can be charged or topped up until it is "
                           "unfrozen (balance {balance})").format(
                no=self.card.card_no, balance=balances_text(self.card))
        return self.tr("Unfreeze card {no} (balance {balance})").format(
            no=self.card.card_no, balance=balances_text(self.card))

    def book(self) -> object:
        assert self.card is not None
        call = self.services.cards.freeze if self.freezing else self.services.cards.unfreeze
        return call(self.actor, card_id=self.card.id, reason=self.reason.text().strip(),
                    key=self.key)


class ReplaceDialog(CardOpDialog):
    """挂失补卡: a new card carrying every balance; the lost one stops working."""

    def __init__(self, services: Services, actor: Actor, card: CardView,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, card, self.tr("Report lost and replace (F8)"), parent)
        self.setObjectName("replaceDialog")
        self.new_no = QLineEdit(objectName="replaceCardNo")
        self.new_no.setPlaceholderText(self.tr("swipe the new card, or leave empty"))
        self.reason = reason_field("replaceReason", self.tr("e.g. lost on the way"))
        self.errors.add_row(self.form, self.tr("New card number"), "card_no", self.new_no)
        self.errors.add_row(self.form, self.tr("Reason"), "reason", self.reason)
        self.finish_layout()
        self.new_no.setFocus()

    def check(self) -> str:
        assert self.card is not None
        return self.tr("Card {no} stops working; a new card carries its balance {balance}, "
                       "{points} points and family members").format(
            no=self.card.card_no, balance=balances_text(self.card), points=self.card.points)

    def book(self) -> object:
        assert self.card is not None
        return self.services.cards.replace(self.actor, card_id=self.card.id, key=self.key,
                                           new_card_no=self.new_no.text().strip(),
                                           reason=self.reason.text().strip())


class ExtendDialog(CardOpDialog):
    """A manager's new expiry date (or none); what expiry wrote off comes back."""

    def __init__(self, services: Services, actor: Actor, card: CardView,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, card, self.tr("Extend the expiry (Ctrl+E)"), parent)
        self.setObjectName("extendDialog")
        self.until = QDateEdit(objectName="extendUntil")
        self.until.setCalendarPopup(True)
        base = qdate(card.expires_on) if card.expires_on else QDate.currentDate()
        self.until.setDate(base.addMonths(6))
        self.forever = QCheckBox(self.tr("No expiry"), objectName="extendForever")
        self.forever.toggled.connect(lambda on: self.until.setEnabled(not on))
        self.errors.add_row(self.form, self.tr("New expiry date"), "until", self.until)
        self.form.addRow("", self.forever)
        self.approval = ApprovalPanel(self, approve_text=self.tr("Approve (Enter)"))
        cancel = self.approval.findChild(QPushButton, "approvalCancel")
        if cancel is not None:
            cancel.hide()
        self.approval.submitted.connect(self.go)
        self.approval.ask_for(self.tr("A new expiry date is a manager's decision."))
        self.finish_layout(self.approval)
        self.until.setFocus()

    def check(self) -> str:
        assert self.card is not None
        if self.forever.isChecked():
            return self.tr("Card {no} will not expire").format(no=self.card.card_no)
        until = pydate(self.until.date())
        return self.tr("Card {no} is usable until {date}").format(no=self.card.card_no,
                                                                  date=date_text(until))

    def book(self) -> object:
        assert self.card is not None
        until = None if self.forever.isChecked() else pydate(self.until.date())
        return self.services.cards.extend(self.actor, self.card.id, until,
                                          self.approval.approval(), self.key)

    def refused(self, exc: DomainError) -> None:
        if isinstance(exc, AuthError) or (exc.field or "").startswith("approval"):
            self.back()
            self.approval.show_error(exc)
            return
        super().refused(exc)


class HolderDialog(CardOpDialog):
    """家庭卡: add a client found with the desk's search (and how they are related), or remove
    one of the card's family members."""

    def __init__(self, services: Services, actor: Actor, worker: DbWorker, card: CardView,
                 parent: QWidget | None = None) -> None:
        super().__init__(services, actor, card, self.tr("Family members (F11)"), parent)
        self.setObjectName("holderDialog")
        self.picked: tuple[int, str] | None = None
        self.remove = QComboBox(objectName="holderRemove")
        self.remove.addItem(self.tr("Add a family member"), None)
        for h in card.holders:
            self.remove.addItem(self.tr("Remove {name}").format(name=h.name), h.client_id)
        self.search = SearchPanel(services, actor, worker)
        self.search.client_picked.connect(self._picked)
        self.who = QLabel(self.tr("Find the client above (Enter picks)"), objectName="holderWho")
        self.relation = QLineEdit(objectName="holderRelation")
        self.relation.setMaxLength(24)
        self.relation.setPlaceholderText(self.tr("e.g. spouse, daughter"))
        self.errors.add_row(self.form, self.tr("What"), "action", self.remove)
        self.form.addRow(self.search)
        self.errors.add_row(self.form, self.tr("Client"), "client_id", self.who)
        self.errors.add_row(self.form, self.tr("Relation"), "relation", self.relation)
        self.remove.currentIndexChanged.connect(self._mode)
        self.finish_layout()
        self.search.focus_search()

    @Slot()
    def _mode(self) -> None:
        adding = self.remove.currentData() is None
        for widget in (self.search, self.who, self.relation):
            widget.setEnabled(adding)

    @Slot(int)
    def _picked(self, client_id: int) -> None:
        picked = self.client_named(client_id)
        if picked is not None:
            self.picked = picked
            self.who.setText(picked[1])
            self.relation.setFocus()

    def check(self) -> str:
        assert self.card is not None
        removing = self.remove.currentData()
        if removing is not None:
            name = next(h.name for h in self.card.holders if h.client_id == removing)
            return self.tr("{name} may no longer pay with card {no}").format(
                name=name, no=self.card.card_no)
        if self.picked is None:
            raise ValidationError("Find and pick the client first.", field="client_id")
        return self.tr("{name} may pay with card {no} (balance {balance})").format(
            name=self.picked[1], no=self.card.card_no, balance=balances_text(self.card))

    def book(self) -> object:
        assert self.card is not None
        removing = self.remove.currentData()
        if removing is not None:
            return self.services.cards.remove_holder(self.actor, card_id=self.card.id,
                                                     client_id=removing, key=self.key)
        assert self.picked is not None
        return self.services.cards.add_holder(self.actor, card_id=self.card.id,
                                              client_id=self.picked[0],
                                              relation=self.relation.text().strip(), key=self.key)
