"""The picked client at a glance: who, tier, class, phone, and the warnings the desk must see."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from frontdesk.core.money import format_fen
from frontdesk.services.clients.registration import ClientSummary
from frontdesk.services.desk.visitors import VisitorNotes
from frontdesk.services.special_clients import SpecialClient
from frontdesk.ui.dates import local_date_text
from frontdesk.ui.labels import gender_name, visitor_class_name


def special_client_names(types: tuple[SpecialClient, ...]) -> str:
    """The special-client types as the consultation form names them, joined."""
    names = {
        SpecialClient.NERVOUS: QCoreApplication.translate("ClientCard", "nervous"),
        SpecialClient.DISTRUSTFUL: QCoreApplication.translate("ClientCard", "lacks trust"),
        SpecialClient.HIGHLY_STRUNG: QCoreApplication.translate("ClientCard", "highly strung"),
        SpecialClient.NEW_CLIENT: QCoreApplication.translate("ClientCard", "new client"),
        SpecialClient.NEW_COURSE: QCoreApplication.translate("ClientCard",
                                                             "existing client, new course"),
    }
    return QCoreApplication.translate("ClientCard", ", ").join(names[t] for t in types)


def special_client_text(types: tuple[SpecialClient, ...]) -> str:
    """One line for the card: who the client is and what the desk does (domain/001)."""
    if not types:
        return ""
    return QCoreApplication.translate(
        "ClientCard", "Special client ({types}): the consultant guides the service in "
        "person.").format(types=special_client_names(types))


def client_warning_text(client: ClientSummary) -> str:
    """Red text for a special visitor and for allergies; empty when there is nothing to warn of."""
    parts = []
    if client.special_visitor:
        parts.append(QCoreApplication.translate(
            "ClientCard", "⚠ Special visitor: inform the manager before serving."))
    if client.has_allergy:
        parts.append(QCoreApplication.translate("ClientCard", "Allergies / contraindications: "
                                                "{text}").format(text=client.allergies))
    return "\n".join(parts)


class ClientCard(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientCard")
        self.title = QLabel(objectName="pageTitle")
        self.details = QLabel(objectName="clientDetails")
        self.details.setWordWrap(True)
        self.warning = QLabel(objectName="warning")
        self.warning.setWordWrap(True)
        self.special = QLabel(objectName="specialClient")
        self.special.setWordWrap(True)
        self.visitor_notes = QLabel(objectName="visitorNotes")
        self.visitor_notes.setWordWrap(True)
        self.visitor_notes.hide()
        self.hint = QLabel(objectName="clientHint")
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.warning, self.visitor_notes, self.special, self.details,
                       self.hint):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.show_client(None)

    def show_visitor_notes(self, notes: VisitorNotes | None) -> None:
        """A special visitor's reason and latest incident (for managers); None hides them."""
        lines = []
        if notes is not None and notes.reason is not None:
            r = notes.reason
            lines.append(self.tr("Why: {text} ({by}, {date})").format(
                text=r.text, by=r.by, date=local_date_text(r.at)))
        if notes is not None and notes.incidents:
            last = notes.incidents[0]
            lines.append(self.tr("Last incident, {date} ({by}): {text} · {n} in all").format(
                date=local_date_text(last.at), by=last.by, text=last.text,
                n=len(notes.incidents)))
        self.visitor_notes.setText("\n".join(lines))
        self.visitor_notes.setVisible(bool(lines))

    def show_client(self, client: ClientSummary | None, *,
                    balance_fen: int | None = None) -> None:
        """The client, and their stored-value balance when the search found it (None: no
        active card, or not known here)."""
        if client is None:
            self.title.setText(self.tr("No client picked"))
            self.details.setText(self.tr("F2 search · F3 new client"))
            self.warning.hide()
            self.special.hide()
            self.visitor_notes.hide()
            self.hint.clear()
            return
        self.title.setText(client.name)
        lines = [f"{gender_name(client.gender)} · {visitor_class_name(client.visitor_class)}"
                 + (f" · {client.tier}" if client.tier else ""),
                 self.tr("Phone: {phone}").format(phone=client.phone or "—")]
        if client.member_no:
            lines.append(self.tr("Card: {no}").format(no=client.member_no))
        if balance_fen is not None:
            lines.append(self.tr("Card balance: {amount}").format(amount=format_fen(balance_fen)))
        if client.last_visit_at:
            lines.append(self.tr("Last visit: {date}").format(
                date=local_date_text(client.last_visit_at)))
        self.details.setText("\n".join(lines))
        warning = client_warning_text(client)
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        self.special.setText(special_client_text(client.special_client))
        self.special.setVisible(bool(client.special_client))
        self.hint.setText(self.tr("F4 check in · F6 appointment · Enter in the board: act on a "
                                  "visit"))
        self.visitor_notes.hide()  # until the desk reads them (managers only)
