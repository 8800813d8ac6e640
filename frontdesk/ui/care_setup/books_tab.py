"""The client managers' books (客户经理): how many clients each looks after, and a whole
book moved to another client manager (a manager leaves, or shares out the work); the
open tasks of its clients go with it. Which tier is cared for centrally is set in the
tier plans."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from frontdesk.errors import ValidationError
from frontdesk.services.care.books import BookSize
from frontdesk.ui.care_setup.list_form import ListFormTab


class BooksTab(ListFormTab):
    list_name = "books"

    def headers(self) -> list[str]:
        return [self.tr("Client manager"), self.tr("Clients in the book")]

    def build_form(self, form: QFormLayout) -> None:
        self.holder = QLabel(objectName="bookHolder")
        self.to = QComboBox(objectName="moveBookTo")
        form.addRow(self.tr("Book of"), self.holder)
        self.errors.add_row(form, self.tr("Move the whole book to"), "to_staff_id", self.to)
        self.save_button.setText(self.tr("Move the book (Ctrl+S)"))

    def fields(self) -> Sequence[QWidget]:
        return [self.to]

    def fetch(self) -> Sequence[BookSize]:
        return self._services.care_books.book_sizes(self._actor)

    def _arrived(self, rows: Sequence[BookSize]) -> None:
        super()._arrived(rows)
        hint = self.tr("No client managers yet: add staff in the client manager role to give "
                       "them books.")
        if not rows:
            self.say(hint)
        elif self.note.text() == hint:
            self.say("")

    def key_of(self, row: BookSize) -> object:
        return row.staff_id

    def row_texts(self, row: BookSize) -> list[str]:
        return [row.name, str(row.clients)]

    def show_row(self, row: BookSize) -> None:
        self.holder.setText(row.name)
        self.to.clear()
        self.to.addItem(self.tr("Choose a client manager"), None)
        for other in self.rows:
            if other.staff_id != row.staff_id:
                self.to.addItem(other.name, other.staff_id)

    def store(self, row: BookSize) -> None:
        to = self.to.currentData()
        if to is None:
            raise ValidationError("Choose another client manager to move the book to.",
                                  field="to_staff_id")
        moved = self._services.care_books.move_book(self._actor, row.staff_id, to)
        self.say(self.tr("{n} clients moved to {name}.").format(n=moved,
                                                               name=self.to.currentText()))
