"""The receptionist's screen: search and the picked client on the left, today's board on the right.

Keyboard first: F2 search · F3 new client · F4 check in · F5 board · F6 appointment ·
F8 check out · F9 service finished · F12 the chosen visit's handover to its beauticians ·
Ctrl+U the satisfaction survey of the visit just checked out (or of the picked client) ·
Ctrl+E a visit's services and prep note · Ctrl+T take a complaint (for the visit chosen on
the board, else the picked client). Each shortcut is shown in the buttons' tooltips
(Ctrl+E in the board's menu).

The client card shows the client F4, F6 and F11 act on: the highlighted search
result (it follows the arrow keys and each new query), or a client picked
elsewhere (just registered, or an expected one on the board), which takes the
highlight off the search results.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QPoint, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from frontdesk.core.context import Actor
from frontdesk.core.permissions import Action, allowed
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.clients.registration import ClientSummary
from frontdesk.services.desk.appointments import AppointmentRow
from frontdesk.services.desk.visits import BoardSection, RoomStatus, VisitRow
from frontdesk.services.registry import Services
from frontdesk.ui.desk.appointment_dialog import AppointmentDialog
from frontdesk.ui.desk.board_panel import BoardPanel
from frontdesk.ui.desk.checkin_dialog import CheckInDialog
from frontdesk.ui.desk.checkout_dialog import CheckoutDialog
from frontdesk.ui.desk.client_card import ClientCard
from frontdesk.ui.desk.handover_dialog import HandoverDialog
from frontdesk.ui.desk.notices import NoticesPanel
from frontdesk.ui.desk.plan_dialog import PlanDialog
from frontdesk.ui.desk.register_dialog import RegisterDialog
from frontdesk.ui.desk.search_panel import SearchPanel
from frontdesk.ui.desk.start_dialog import StartServiceDialog
from frontdesk.ui.desk.visitor_note_dialog import VisitorNoteDialog
from frontdesk.ui.errors import error_text, show_storage_error
from frontdesk.ui.surveys.dialog import SurveyDialog
from frontdesk.ui.worker import DbWorker

PLAN_SECTIONS = (BoardSection.WAITING, BoardSection.IN_SERVICE)
VISIT_SECTIONS = (BoardSection.WAITING, BoardSection.IN_SERVICE, BoardSection.FINISHED)
"""The board's visits whose services and prep note may still change."""


class DeskPage(QWidget):
    profile_requested = Signal(int)  # client id: open their profile on the Clients page
    complaint_requested = Signal(object, object)
    """Ctrl+T: (client id, visit id), either None: the composition root opens the intake."""

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deskPage")
        self._services = services
        self._actor = actor
        self._worker = worker
        self.client: ClientSummary | None = None
        self.checked_out: tuple[int, int, str] | None = None
        """The visit checked out last here (visit, client, name): Ctrl+U enters its survey."""
        self.search = SearchPanel(services, actor, worker)
        self.search.client_picked.connect(self._show_client)
        self.search.client_highlighted.connect(self._follow_highlight)
        self.card = ClientCard()
        self.notices = NoticesPanel(services, actor, worker)
        self.board = BoardPanel(services, actor, worker)
        self.board.activated.connect(self._board_activated)
        self.board.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.board.tree.customContextMenuRequested.connect(self._board_menu)
        self.message = QLabel(objectName="deskMessage")
        self.message.setWordWrap(True)
        self._build()
        self._shortcuts()

    def _build(self) -> None:
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search, 3)
        column.addWidget(self.card, 2)
        column.addWidget(self.notices)
        column.addLayout(self._buttons())
        column.addWidget(self.message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.board)
        splitter.setStretchFactor(1, 1)  # a wider screen gives the board the room
        splitter.setSizes([500, 700])
        layout = QHBoxLayout(self)
        layout.addWidget(splitter)

    def _actions(self) -> list[tuple[str, str, str, Callable[[], None]]]:
        return [
            ("F3", "newClient", self.tr("New client"), self.register_client),
            ("F4", "checkIn", self.tr("Check in"), self.check_in),
            ("F6", "book", self.tr("Appointment"), self.book),
            ("F9", "finish", self.tr("Service finished"), self.finish_selected),
            ("F8", "checkOut", self.tr("Check out"), self.check_out_selected),
            ("F7", "roomReady", self.tr("Room ready"), self.room_ready_menu),
            ("F11", "profile", self.tr("Profile"), self.open_profile),
            ("F12", "handover", self.tr("Handover"), self.handover_selected),
            ("Ctrl+U", "enterSurvey", self.tr("Survey"), self.enter_survey),
            ("Ctrl+T", "complaint", self.tr("Complaint"), self.take_complaint),
        ]

    def _buttons(self) -> QGridLayout:
        grid = QGridLayout()  # three a row, so long English labels leave the board its width
        for i, (key, name, text, slot) in enumerate(self._actions()):
            button = QPushButton(f"{text} ({key})", objectName=name)
            button.setToolTip(f"{text} ({key})")
            button.clicked.connect(lambda _c=False, s=slot: s())
            grid.addWidget(button, i // 3, i % 3)
        return grid

    def _shortcuts(self) -> None:
        context = Qt.ShortcutContext.WindowShortcut
        QShortcut(QKeySequence("F2"), self, self.search.focus_search, context=context)
        QShortcut(QKeySequence("F5"), self, self.board.focus_board, context=context)
        QShortcut(QKeySequence("Ctrl+E"), self, self.change_plan_selected, context=context)
        QShortcut(QKeySequence("Ctrl+N"), self, self.notices.focus_notices, context=context)
        QShortcut(QKeySequence("Ctrl+I"), self, self.note_visitor, context=context)
        for key, _name, _text, slot in self._actions():
            QShortcut(QKeySequence(key), self, slot, context=context)

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.board.refresh_async()  # off the UI thread: the board says it is loading
        self.notices.refresh_async()
        self.search.focus_search()

    def _safely(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except DomainError as exc:
            self.message.setText(error_text(exc))
            return False
        except StorageError as exc:
            show_storage_error(self, exc)
            return False
        self.message.clear()
        return True

    @Slot(int)
    def pick_client(self, client_id: int) -> None:
        """A client picked outside the search results: the card shows them, and no search
        result stays highlighted (so F4 never acts on another than the card shows)."""
        self.search.release()
        self._show_client(client_id)

    @Slot(object)
    def _follow_highlight(self, client_id: int | None) -> None:
        if client_id is None:
            self.client = None
            self.card.show_client(None)
        else:
            self._show_client(client_id)

    @Slot(int)
    def _show_client(self, client_id: int) -> None:
        if self.client is not None and self.client.client_id == client_id:
            return

        def load() -> None:
            self.client = None  # until the card shows the new one
            self.client = self._services.clients.get_summary(self._actor, client_id)
            hit = self.search.hit_of(client_id)
            self.card.show_client(self.client,
                                  balance_fen=hit.card_balance_fen if hit is not None else None)
            self._show_visitor_notes(self.client)
        if not self._safely(load):
            self.card.show_client(None)

    def _show_visitor_notes(self, client: ClientSummary) -> None:
        """A special visitor's reason and latest incident on the card, for managers (the
        reading is audited)."""
        if client.special_visitor and allowed(self._actor, Action.SEE_VISITOR_NOTES):
            self.card.show_visitor_notes(self._services.visitors.notes(self._actor,
                                                                       client.client_id))

    def note_visitor(self) -> None:
        """Ctrl+I: a special visitor's reason or an incident."""
        client = self.client
        if client is None:
            self.message.setText(self.tr("Pick a client first (F2)."))
            return
        if not client.special_visitor:
            self.message.setText(self.tr("Notes are kept for special visitors only; change "
                                         "the visitor class in the profile first (F11)."))
            return
        dialog = VisitorNoteDialog(self._services, self._actor, client, parent=self)
        dialog.saved.connect(lambda _id: self._safely(lambda: self._show_visitor_notes(client)))
        dialog.open()

    def register_client(self) -> None:
        dialog = RegisterDialog(self._services, self._actor, parent=self)
        dialog.client_chosen.connect(self.pick_client)
        dialog.open()

    def check_in(self) -> None:
        if self.client is None:
            self.message.setText(self.tr("Pick a client first (F2)."))
            return
        dialog = CheckInDialog(self._services, self._actor, self.client, parent=self)
        dialog.checked_in.connect(lambda visit_id: self._after_check_in(visit_id))
        dialog.open()

    def _after_check_in(self, visit_id: int) -> None:
        self._safely(self.board.refresh_now)
        self._safely(self.notices.refresh_now)
        if not self.board.select(BoardSection.IN_SERVICE, visit_id):
            self.board.select(BoardSection.WAITING, visit_id)

    def _after_start(self, visit_id: int) -> None:
        """The started visit stays chosen, now in service: F9 finishes it."""
        self._safely(self.board.refresh_now)
        self.board.select(BoardSection.IN_SERVICE, visit_id)
        self.board.tree.setFocus()

    def book(self) -> None:
        if self.client is None:
            self.message.setText(self.tr("Pick a client first (F2)."))
            return
        dialog = AppointmentDialog(self._services, self._actor, self.client, parent=self)
        dialog.accepted.connect(lambda: self._safely(self.board.refresh_now))
        dialog.open()

    def open_profile(self) -> None:
        if self.client is None:
            self.message.setText(self.tr("Pick a client first (F2)."))
            return
        self.profile_requested.emit(self.client.client_id)

    def room_ready_menu(self) -> None:
        """The rooms being cleaned, to mark one ready again (keyboard: arrows and Enter)."""
        board = self.board.board
        cleaning = [r for r in board.rooms if r.status is RoomStatus.CLEANING] if board else []
        if not cleaning:
            self.message.setText(self.tr("No room is being cleaned."))
            return
        menu = QMenu(self)
        for room in cleaning:
            menu.addAction(room.name, partial(self._mark_room_ready, room.room_id))
        button = self.findChild(QPushButton, "roomReady")
        assert button is not None
        menu.popup(button.mapToGlobal(button.rect().topLeft()))
        menu.setActiveAction(menu.actions()[0])  # Enter marks the first room ready
        self.ready_menu = menu

    def _mark_room_ready(self, room_id: int) -> None:
        self._appointment_done(lambda: self._services.visits.mark_room_ready(self._actor, room_id))

    def _selected_visit(self, sections: tuple[BoardSection, ...]
                        ) -> tuple[BoardSection, int] | None:
        selected = self.board.selected()
        if selected is None or selected[0] not in sections:
            self.message.setText(self.tr("Choose a visit on the board first (F5, arrows)."))
            return None
        return selected

    def _visit_name(self, visit_id: int) -> str:
        row = self._visit_row(visit_id)
        return row.client_name if row is not None else ""

    def _visit_row(self, visit_id: int) -> VisitRow | None:
        board = self.board.board
        rows = (*board.waiting, *board.in_service, *board.finished) if board else ()
        return next((r for r in rows if r.visit_id == visit_id), None)

    def finish_selected(self) -> None:
        selected = self._selected_visit((BoardSection.IN_SERVICE,))
        if selected and self._safely(lambda: self._services.visits.finish(self._actor,
                                                                           selected[1])):
            self._safely(self.board.refresh_now)
            self.board.select(BoardSection.FINISHED, selected[1])

    def check_out_selected(self) -> None:
        selected = self._selected_visit((BoardSection.IN_SERVICE, BoardSection.FINISHED))
        if selected is None:
            return
        row = self._visit_row(selected[1])
        dialog = CheckoutDialog(self._services, self._actor, selected[1],
                                row.client_name if row else "", parent=self)
        dialog.checked_out.connect(lambda _r: self._after_checkout(row))
        dialog.open()

    def _after_checkout(self, row: VisitRow | None) -> None:
        self._safely(self.board.refresh_now)
        if row is not None:
            self.checked_out = (row.visit_id, row.client_id, row.client_name)
            self.message.setText(self.tr("Checked out. Ctrl+U enters {name}'s satisfaction "
                                         "survey.").format(name=row.client_name))

    def enter_survey(self) -> None:
        """The satisfaction survey of the visit checked out last here, or of the picked
        client (about no visit)."""
        if self.checked_out is not None:
            visit_id, client_id, name = self.checked_out
        elif self.client is not None:
            visit_id, client_id, name = None, self.client.client_id, self.client.name
        else:
            self.message.setText(self.tr("Check a visit out (F8) or pick a client (F2) first."))
            return

        def load() -> None:
            dialog = SurveyDialog(self._services, self._actor, self._worker,
                                  client_id=client_id, visit_id=visit_id, client_name=name,
                                  parent=self)
            dialog.saved.connect(lambda _r: self._surveyed(dialog))
            dialog.open()
        self._safely(load)

    def _surveyed(self, dialog: SurveyDialog) -> None:
        self.checked_out = None
        self.message.setText(dialog.done_text())

    def take_complaint(self) -> None:
        """Ctrl+T: take a complaint for the visit chosen on the board, else the picked client
        (else the dialog finds the client)."""
        selected = self.board.selected()
        visit_id = selected[1] if selected is not None and selected[0] in VISIT_SECTIONS \
            else None
        client_id = self._visit_client(visit_id) if visit_id is not None else None
        if client_id is None:
            visit_id = None
            client_id = self.client.client_id if self.client is not None else None
        self.complaint_requested.emit(client_id, visit_id)

    def complaint_taken(self, ref_no: str) -> None:
        self.message.setText(self.tr("Complaint {ref} taken: the client can quote this "
                                     "number.").format(ref=ref_no))

    def _visit_client(self, visit_id: int) -> int | None:
        board = self.board.board
        rows = (*board.waiting, *board.in_service, *board.finished) if board else ()
        return next((r.client_id for r in rows if r.visit_id == visit_id), None)

    def handover_selected(self) -> None:
        """The chosen visit's handover: to read (its beauticians) or write (a consultant)."""
        selected = self._selected_visit((BoardSection.WAITING, BoardSection.IN_SERVICE,
                                         BoardSection.FINISHED))
        if selected is None:
            return

        def load() -> None:
            handover = self._services.handover.handover(self._actor, selected[1])
            dialog = HandoverDialog(self._services, self._actor, handover, parent=self)
            dialog.accepted.connect(
                lambda: self.message.setText(self.tr("The handover is saved.")))
            dialog.open()
        self._safely(load)

    def _expected(self, appointment_id: int) -> AppointmentRow | None:
        board = self.board.board
        return next((a for a in board.expected if a.id == appointment_id), None) if board \
            else None

    @Slot(QPoint)
    def _board_menu(self, point: QPoint) -> None:
        """Appointments on the board: check in, move, cancel, no-show; a waiting visit or one
        in service: change its services and prep note (menu key or right click)."""
        selected = self.board.selected()
        if selected is not None and selected[0] in PLAN_SECTIONS:
            self._visit_menu(selected[1], point)
            return
        if selected is None or selected[0] is not BoardSection.EXPECTED:
            return
        row = self._expected(selected[1])
        if row is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Check in"),
                       lambda: self._board_activated(BoardSection.EXPECTED, row.id))
        menu.addAction(self.tr("Move…"), lambda: self._move_appointment(row))
        menu.addAction(self.tr("Cancel the appointment"), lambda: self._appointment_done(
            lambda: self._services.appointments.cancel(self._actor, row.id)))
        menu.addAction(self.tr("Mark as no-show"), lambda: self._appointment_done(
            lambda: self._services.appointments.mark_no_show(self._actor, row.id)))
        menu.popup(self.board.tree.viewport().mapToGlobal(point))

    def _visit_menu(self, visit_id: int, point: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self.tr("Change services and prep note… (Ctrl+E)"),
                       lambda: self.change_plan(visit_id))
        menu.popup(self.board.tree.viewport().mapToGlobal(point))
        menu.setActiveAction(menu.actions()[0])  # Enter opens it
        self.visit_menu = menu

    def change_plan_selected(self) -> None:
        """Ctrl+E: the chosen waiting or in-service visit's services and prep note."""
        selected = self._selected_visit(PLAN_SECTIONS)
        if selected is not None:
            self.change_plan(selected[1])

    def change_plan(self, visit_id: int) -> None:
        """The services and prep note of a visit after check-in (the prep room is told)."""
        def load() -> None:
            plan = self._services.visit_plan.plan(self._actor, visit_id)
            dialog = PlanDialog(self._services, self._actor, plan, parent=self)
            dialog.changed.connect(self._after_plan_change)
            dialog.open()
        self._safely(load)

    def _after_plan_change(self, visit_id: int) -> None:
        current = self.board.selected()
        self._safely(self.board.refresh_now)
        if current is not None:
            self.board.select(*current)
        self.board.tree.setFocus()

    def _appointment_done(self, change: Callable[[], object]) -> None:
        if self._safely(change):
            self._safely(self.board.refresh_now)

    def _move_appointment(self, row: AppointmentRow) -> None:
        def load() -> None:
            client = self._services.clients.get_summary(self._actor, row.client_id)
            dialog = AppointmentDialog(self._services, self._actor, client, moving=row,
                                       parent=self)
            dialog.accepted.connect(lambda: self._safely(self.board.refresh_now))
            dialog.open()
        self._safely(load)

    @Slot(str, int)
    def _board_activated(self, section_value: str, ident: int) -> None:
        section = BoardSection(section_value)
        if section is BoardSection.EXPECTED:
            row = self._expected(ident)
            if row is not None:
                self.pick_client(row.client_id)
                self.check_in()
        elif section is BoardSection.WAITING:
            dialog = StartServiceDialog(self._services, self._actor, ident,
                                        self._visit_name(ident), parent=self)
            dialog.accepted.connect(lambda: self._after_start(ident))
            dialog.open()
        elif section is BoardSection.IN_SERVICE:
            self.finish_selected()
        elif section is BoardSection.FINISHED:
            self.check_out_selected()
