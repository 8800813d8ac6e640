"""Today's board: expected appointments, waiting, in service, awaiting check-out, and the rooms.

Loaded off the UI thread when the desk is shown (the board says it is loading
meanwhile) and every few seconds after (a tick is skipped while the last one is
still running); refreshed at once, on the UI thread, after every action at the
desk, so the desk sees its action: a few indexed queries over today's rows. A
board read before an action and delivered after it is dropped, not shown over
the newer one. Enter on a row acts on it: an expected client is checked in, a
waiting one starts service, one in service finishes, a finished one is checked out.

The section headings are disabled rows in one flat list with the rows under them
(a heading holding its rows would disable them too), so the arrow keys pass over
them (QTreeView skips disabled rows) and a chosen row is always a visit or an
appointment; a refresh keeps the chosen row, and F5 chooses the first when none is.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QBrush, QColor, QKeyEvent
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from frontdesk.core.context import Actor
from frontdesk.core.visitors import VisitorClass
from frontdesk.services.desk.appointments import AppointmentRow
from frontdesk.services.desk.visits import Board, BoardSection, RoomStatus, VisitRow
from frontdesk.services.registry import Services
from frontdesk.ui.dates import time_text
from frontdesk.ui.desk.client_card import special_client_text
from frontdesk.ui.desk.room_strip import Chip, RoomStrip
from frontdesk.ui.labels import room_status_name
from frontdesk.ui.views import ITEM_PADDING, TintedRows, WrappingColumn
from frontdesk.ui.worker import DbWorker

REFRESH_MS = 5000
_WARN = QBrush(QColor("#ffebee"))
_ROOM_COLOURS = {RoomStatus.FREE: "#2e7d32", RoomStatus.OCCUPIED: "#c62828",
                 RoomStatus.CLEANING: "#ef6c00", RoomStatus.OUT_OF_SERVICE: "#757575"}
ROLE_SECTION = Qt.ItemDataRole.UserRole
ROLE_ID = Qt.ItemDataRole.UserRole + 1
VISIT_SECTIONS = (BoardSection.WAITING, BoardSection.IN_SERVICE, BoardSection.FINISHED)
"""The sections whose rows are visits (the expected ones are appointments)."""


class BoardPanel(QWidget):
    """``activated`` carries a row's :class:`BoardSection` value and appointment or visit id."""

    activated = Signal(str, int)
    WHAT_COLUMN = 4
    """Services / note: the last column, which takes the width left and wraps its text."""
    CLIENT_WIDTH_MAX = 190
    """The Client column's widest: a name with its marks ("(important: tell Zhou Lijuan)")
    wraps there rather than taking the services' room (at 1366×768 they were cut off)."""

    def __init__(self, services: Services, actor: Actor, worker: DbWorker,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._services = services
        self._actor = actor
        self._worker = worker
        self._busy = False
        self._asked = 0
        """How many boards were asked for; each is numbered."""
        self._shown = 0
        """The number of the board on show (a later one may already be showing)."""
        self.board: Board | None = None
        self.tree = QTreeWidget(objectName="board")
        self.tree.setHeaderLabels([self.tr("Client"), self.tr("Time"), self.tr("Room"),
                                   self.tr("Staff"), self.tr("Services / note")])
        self.tree.setRootIsDecorated(False)
        TintedRows.install(self.tree)  # a special visitor's row stays red under the theme
        WrappingColumn.install(self.tree, self.WHAT_COLUMN)  # services wrap, never cut off
        WrappingColumn.install(self.tree, 0)  # so does a client's name with its marks
        self.tree.installEventFilter(self)
        self.tree.itemActivated.connect(self._item_activated)
        self.rooms = RoomStrip()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Today (F5 to go to the board)"), objectName="boardTitle"))
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.rooms)
        self._say(self.tr("Loading today's board…"))
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh_async)
        self._timer.start()

    def refresh_now(self) -> None:
        """Refresh on this thread (right after an action, so the desk sees it at once)."""
        self._asked += 1
        asked = self._asked
        self._show(self._services.visits.board(self._actor))
        self._shown = asked

    @Slot()
    def refresh_async(self) -> None:
        """Read the board on the worker thread (when the desk is shown, and every few seconds)."""
        if self._busy or not self.isVisible():
            return
        self._busy = True
        self._asked += 1
        board, actor = self._services.visits.board, self._actor
        self._worker.submit(lambda: board(actor), partial(self._arrived, self._asked),
                            self._failed)

    def _arrived(self, asked: int, board: Board) -> None:
        self._busy = False
        if asked > self._shown:  # else a board read after it is showing already
            self._show(board)
            self._shown = asked

    def _failed(self, exc: BaseException) -> None:
        self._busy = False  # the next tick tries again; the board keeps its last state
        if self.board is None:
            self._say(self.tr("Today's board could not be read; trying again every few "
                              "seconds."))

    def _say(self, text: str) -> None:
        """Until the first board arrives: one calm line where its rows will be."""
        self.tree.clear()
        line = QTreeWidgetItem([text])
        line.setFlags(Qt.ItemFlag.NoItemFlags)
        self.tree.addTopLevelItem(line)
        self.tree.setFirstColumnSpanned(0, self.tree.rootIndex(), True)

    def _show(self, board: Board) -> None:
        self._busy = False
        self.board = board
        current = self.selected()
        self.tree.clear()
        titles = {BoardSection.EXPECTED: self.tr("Expected today"),
                  BoardSection.WAITING: self.tr("Waiting"),
                  BoardSection.IN_SERVICE: self.tr("In service"),
                  BoardSection.FINISHED: self.tr("Awaiting check-out")}
        for section in BoardSection:
            self._section(section, titles[section], board.section(section))
        self._fit_client_column()
        for column in range(1, self.WHAT_COLUMN):
            self.tree.resizeColumnToContents(column)
        self._reselect(current)
        self.rooms.show_chips(self._room_chips(board))

    def _fit_client_column(self) -> None:
        """As wide as the longest name with its marks, up to CLIENT_WIDTH_MAX (then it wraps).
        Measured unwrapped: the wrapping delegate's own hint follows the column's width."""
        metrics = self.tree.fontMetrics()
        texts = [self.tree.headerItem().text(0), *(item.text(0) for item in self._rows())]
        wanted = max(metrics.horizontalAdvance(text) for text in texts) + ITEM_PADDING
        self.tree.setColumnWidth(0, min(wanted, self.CLIENT_WIDTH_MAX))

    def _section(self, section: BoardSection, title: str,
                 rows: tuple[AppointmentRow, ...] | tuple[VisitRow, ...]) -> None:
        head = QTreeWidgetItem([f"{title} ({len(rows)})"])
        head.setFlags(Qt.ItemFlag.NoItemFlags)  # never chosen: the arrow keys skip it
        head.setForeground(0, self.palette().text())  # a heading, not greyed out
        font = head.font(0)
        font.setBold(True)
        head.setFont(0, font)
        self.tree.addTopLevelItem(head)
        head.setFirstColumnSpanned(True)  # a heading does not widen the Client column
        for row in rows:
            item = QTreeWidgetItem(self._cells(section, row))
            item.setData(0, ROLE_SECTION, section.value)
            item.setData(0, ROLE_ID, row.id if isinstance(row, AppointmentRow) else row.visit_id)
            if row.visitor_class.value == "special":
                for column in range(5):
                    item.setBackground(column, _WARN)
            if row.special_client:
                item.setToolTip(0, special_client_text(row.special_client))
            self.tree.addTopLevelItem(item)

    def _cells(self, section: BoardSection, row: AppointmentRow | VisitRow) -> list[str]:
        flags = (" ⚠" if row.visitor_class.value == "special" else "") + \
                (" " + self.tr("(allergy)") if row.has_allergy else "") + \
                (" " + self.tr("(special client)") if row.special_client else "")
        if isinstance(row, AppointmentRow):
            time = time_text(row.starts_at)
            return [row.client_name + flags + self._who_to_tell(row), time, row.room_name,
                    row.staff_name, row.service_name or row.note]
        if section is BoardSection.IN_SERVICE:
            time = self.tr("{n} min").format(n=row.elapsed_min)
        else:
            time = time_text(row.arrived_at)
        staff = " / ".join(n for n in (row.therapist_name, row.consultant_name) if n)
        what = "、".join(row.services) or row.purpose
        if row.prep_note:
            what += f"  [{row.prep_note}]"
        return [row.client_name + flags, time, row.room_name, staff, what]

    def _who_to_tell(self, row: AppointmentRow) -> str:
        """An important visitor or guest expected today: whom the desk tells on arrival."""
        names = "、".join(self.board.receivers) if self.board else ""
        if not names or row.visitor_class not in (VisitorClass.IMPORTANT, VisitorClass.GUEST):
            return ""
        if row.visitor_class is VisitorClass.IMPORTANT:
            return " " + self.tr("(important: tell {names})").format(names=names)
        return " " + self.tr("(guest: tell {names})").format(names=names)

    def _room_chips(self, board: Board) -> list[Chip]:
        chips = [(f"■ {r.name} {room_status_name(r.status)}"
                  + (f" · {r.client_name}" if r.client_name else ""), _ROOM_COLOURS[r.status])
                 for r in board.rooms]
        done = self.tr("{n} checked out today").format(n=board.closed_count)
        return [*chips, (f"— {done}", "")]

    def selected(self) -> tuple[BoardSection, int] | None:
        """The section and id (appointment or visit) of the chosen row, if a row is chosen."""
        item = self.tree.currentItem()
        if item is None or item.data(0, ROLE_SECTION) is None:
            return None
        return BoardSection(item.data(0, ROLE_SECTION)), int(item.data(0, ROLE_ID))

    def select(self, section: BoardSection, ident: int) -> bool:
        for item in self._rows():
            if (item.data(0, ROLE_SECTION), item.data(0, ROLE_ID)) == (section.value, ident):
                self.tree.setCurrentItem(item)
                return True
        return False

    def _rows(self) -> Iterator[QTreeWidgetItem]:
        """The board's rows, section by section (the section headings left out)."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item is not None and item.data(0, ROLE_SECTION) is not None:
                yield item

    def _reselect(self, current: tuple[BoardSection, int] | None) -> None:
        """Choose the row chosen before a refresh; a visit that moved on (started, finished)
        is followed to its new section."""
        if current is None or self.select(*current):
            return
        if current[0] in VISIT_SECTIONS:
            for section in VISIT_SECTIONS:
                if self.select(section, current[1]):
                    return

    def focus_board(self) -> None:
        """Focus the board with a row chosen: the chosen one, else the first."""
        if self.selected() is None:
            first = next(self._rows(), None)
            if first is not None:
                self.tree.setCurrentItem(first)
        self.tree.setFocus()

    @Slot(QTreeWidgetItem, int)
    def _item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        if item.data(0, ROLE_SECTION) is not None:
            self.activated.emit(str(item.data(0, ROLE_SECTION)), int(item.data(0, ROLE_ID)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.tree and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            item = self.tree.currentItem()
            if item is not None:
                self._item_activated(item, 0)
            return True
        return False
