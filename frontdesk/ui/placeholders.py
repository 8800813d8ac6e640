"""Pages whose screens later work fills: each says plainly what it will hold. No fake data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        heading = QLabel(title, objectName="pageTitle")
        body = QLabel(description, objectName="placeholderText")
        body.setWordWrap(True)
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)


class PlannedPages(QWidget):
    """Namespace for the translated texts of the planned pages (lupdate reads them here)."""

    def reports(self) -> PlaceholderPage:
        return PlaceholderPage(self.tr("Reports"), self.tr(
            "Retention, revisit interval, spending, complaints, satisfaction and staff work, "
            "with Excel export. Coming in a later version."))
