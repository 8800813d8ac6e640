"""The import wizard's first two pages: the file, then what each of its columns holds.

The mapping is a table, one row per column of the sheet: its heading, two values from the
first data rows, and a combo of what the column is used for (a client field, "Add to
notes" or "Ignore"). A change reads the file again with the new mapping (a job); Tab moves
from combo to combo and leaves the table.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from frontdesk.services.imports.fields import Cell, ColumnUse, Extra, Field, Mapping
from frontdesk.ui.dates import date_text
from frontdesk.ui.imports.words import use_name

if TYPE_CHECKING:
    from frontdesk.services.imports.service import ImportPreview
    from frontdesk.ui.imports.wizard import ImportWizard

USES: tuple[ColumnUse, ...] = (*Field, Extra.TO_NOTES, Extra.IGNORE)
SAMPLES = 2


def message_label(name: str) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(True)
    return label


class FilePage(QWizardPage):
    """Which file: typed, pasted or chosen (Alt+C); Next reads it."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Choose the client list"))
        self.setSubTitle(self.tr("An Excel workbook (.xlsx) or a CSV file, as your old system or "
                                 "your own sheet has it. Nothing is saved before the last step."))
        self.path = QLineEdit(objectName="importPath")
        self.path.setPlaceholderText(self.tr("The file's path"))
        self.path.textChanged.connect(self.completeChanged)
        choose = QPushButton(self.tr("&Choose a file…"), objectName="importChoose")
        choose.setAutoDefault(False)  # Enter is Next
        choose.clicked.connect(self.choose)
        self.message = message_label("importFileMessage")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        hint = QLabel(self.tr("An old Excel file (.xls): open it in Excel or WPS and save it as "
                              ".xlsx first."), objectName="importHint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addStretch(1)

    def choose(self) -> None:
        chosen = self._wizard.ask_open_path()
        if chosen:
            self.path.setText(chosen)
            self._wizard.next()

    def chosen(self) -> Path:
        return Path(self.path.text().strip().strip('"'))

    def isComplete(self) -> bool:
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:
        preview = self._wizard.preview
        if preview is not None and preview.path == self.chosen():
            return True
        self._wizard.preview = None
        self._wizard.open_file(self.chosen(), self._wizard.mapping_page.update_existing.isChecked(),
                               self.message.setText)
        return False


class MappingPage(QWizardPage):
    """One row per column: heading, sample values, and what the column is used for."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Check what each column holds"))
        self.table = QTableWidget(0, 2 + SAMPLES, objectName="importMapping")
        self.table.setHorizontalHeaderLabels([self.tr("Column heading"), self.tr("Example"),
                                              self.tr("Example"), self.tr("Use as")])
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1 + SAMPLES, QHeaderView.ResizeMode.Fixed)
        self.update_existing = QCheckBox(
            self.tr("&Update clients already here where the sheet has a value"),
            objectName="importUpdateExisting")
        self.update_existing.toggled.connect(self._update_toggled)
        self.message = message_label("importMappingMessage")
        self.combos: list[QComboBox] = []
        self._filling = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.update_existing)
        layout.addWidget(self.message)

    def initializePage(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        self.setSubTitle(self._subtitle(preview))
        self._fill(preview)

    def _subtitle(self, preview: ImportPreview) -> str:
        sheet, row = preview.table.sheet, preview.mapping.header_row
        if sheet:
            return self.tr("Sheet “{sheet}”: the headings are on row {row}; each column is "
                           "matched by its heading. Correct any that is wrong.").format(
                sheet=sheet, row=row)
        return self.tr("The headings are on row {row}; each column is matched by its heading. "
                       "Correct any that is wrong.").format(row=row)

    def _fill(self, preview: ImportPreview) -> None:
        self._filling = True
        mapping = preview.mapping
        samples = _samples(preview)
        self.table.setRowCount(len(mapping.headings))
        self.combos = []
        for column, heading in enumerate(mapping.headings):
            values = [_cell_text(row[column]) if column < len(row) else ""
                      for row in samples]
            for j, text in enumerate([heading, *values, *[""] * (SAMPLES - len(values))]):
                self.table.setItem(column, j, QTableWidgetItem(text))
            combo = QComboBox(objectName=f"importUse{column}")
            for use in USES:  # (read back by index: Qt keeps an enum's value, a str)
                combo.addItem(use_name(use))
            combo.setCurrentIndex(USES.index(mapping.uses[column]))
            combo.currentIndexChanged.connect(self._use_changed)
            self.table.setCellWidget(column, 1 + SAMPLES, combo)
            self.combos.append(combo)
        if self.combos:  # the column as wide as the widest combo: no use cut short
            widest = max(c.sizeHint().width() for c in self.combos)
            self.table.horizontalHeader().resizeSection(1 + SAMPLES, widest + 8)
        self.update_existing.setChecked(preview.update_existing)
        self._filling = False
        if self.combos:
            self.combos[0].setFocus()

    def mapping(self) -> Mapping:
        preview = self._wizard.preview
        assert preview is not None
        return Mapping(header_row=preview.mapping.header_row,
                       headings=preview.mapping.headings,
                       uses=tuple(USES[combo.currentIndex()] for combo in self.combos))

    def _use_changed(self) -> None:
        if not self._filling:
            self._remap()

    def _update_toggled(self) -> None:
        if not self._filling and self._wizard.preview is not None:
            self._remap()

    def _remap(self) -> None:
        self._wizard.remap(self.mapping(), self.update_existing.isChecked(), self.message.setText,
                           self._remapped)

    def _remapped(self) -> None:
        preview = self._wizard.preview
        assert preview is not None
        focused = next((i for i, c in enumerate(self.combos) if c.hasFocus()), 0)
        self._fill(preview)
        if self.combos:
            self.combos[min(focused, len(self.combos) - 1)].setFocus()

    def validatePage(self) -> bool:
        preview = self._wizard.preview
        if preview is None or self._wizard.job is not None:
            return False
        if preview.mapping.uses != self.mapping().uses:  # the last change was refused
            return False
        return not self.message.text()


def _samples(preview: ImportPreview) -> list[tuple[Cell, ...]]:
    """The first data rows under the headings (as many as :data:`SAMPLES`)."""
    below = [cells for line, cells in preview.table.rows if line > preview.mapping.header_row]
    return below[:SAMPLES]


def _cell_text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, dt.datetime):
        return date_text(cell.date()) if cell.time() == dt.time() else str(cell)
    if isinstance(cell, dt.date):
        return date_text(cell)
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return str(cell)
