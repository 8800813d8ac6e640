"""The strip of rooms under today's board: one chip a room, in its state's colour.

The chips flow onto as many lines as the board's width needs, and a chip is never broken:
a wrapped label broke 百合厅 into 百 / 合厅 at the end of a line.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from frontdesk.ui.flow_layout import FlowLayout

Chip = tuple[str, str]
"""A chip's text and its colour (``#rrggbb``; "" for the text colour)."""


class RoomStrip(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rooms")
        self._flow = FlowLayout(self)
        self._shown: list[Chip] = []
        self.labels: list[QLabel] = []
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def show_chips(self, chips: list[Chip]) -> None:
        if chips == self._shown:
            return  # the board refreshes every few seconds; the rooms seldom change
        self._shown = list(chips)
        for label in self.labels:
            self._flow.removeWidget(label)
            label.deleteLater()
        self.labels = []
        for text, colour in chips:
            chip = QLabel(text, objectName="roomChip")
            if colour:
                chip.setStyleSheet(f"color: {colour};")
            self._flow.addWidget(chip)
            self.labels.append(chip)

    def text(self) -> str:
        """The chips' texts in order, as one line (for tests and screen readers)."""
        return "  ".join(text for text, _colour in self._shown)
