"""The read-only part of a visit's handover (交接): who serves, the consultation's brief,
the items and products of this session and the operation notes, as rich text."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from frontdesk.core.money import format_fen
from frontdesk.models import LineKind
from frontdesk.services.desk.handover import ConsultationBrief, Handover
from frontdesk.ui.dates import datetime_text
from frontdesk.ui.labels import condition_name, skin_type_name

CELL = "padding:1px 10px 1px 0"


class HandoverBrief(QLabel):
    """What the beautician reads: the handover of one visit, as it stands."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("handoverBrief")
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

    def show_handover(self, handover: Handover, *, with_lines: bool = True) -> None:
        parts = [self._who(handover), self._consultation(handover.consultation)]
        if with_lines:
            parts += [self._lines(handover), self._notes(handover)]
        self.setText("".join(parts))

    def _heading(self, text: str) -> str:
        return f"<p><b>{html.escape(text)}</b></p>"

    def _table(self, rows: Iterable[Iterable[str]]) -> str:
        body = "".join("<tr>" + "".join(f"<td style='{CELL}'>{html.escape(c)}</td>" for c in row)
                       + "</tr>" for row in rows)
        return f"<table>{body}</table>" if body else ""

    def _who(self, h: Handover) -> str:
        staff = self.tr(", ").join(ref.name for ref in h.staff) or self.tr("Not assigned")
        return self._table([(self.tr("Client"), h.client_name), (self.tr("Room"), h.room_name),
                            (self.tr("Beauticians"), staff),
                            (self.tr("Consultant"), h.consultant_name)])

    def _consultation(self, brief: ConsultationBrief | None) -> str:
        if brief is None:
            return self._heading(self.tr("No consultation taken at this visit"))
        t = brief.client_type
        flags = [(t.nervous, self.tr("Nervous")), (t.distrustful, self.tr("Lacks trust")),
                 (t.highly_strung, self.tr("Highly strung")),
                 (t.new_client, self.tr("New client")),
                 (t.new_course, self.tr("Existing client, new course"))]
        rows = [(self.tr("Skin type"), skin_type_name(brief.skin_type) if brief.skin_type
                 else ""),
                *((condition_name(c.kind), self.tr("before: {before} · after: {after}").format(
                    before=c.before, after=c.after)) for c in brief.conditions),
                (self.tr("Client type"), self.tr(", ").join(text for on, text in flags if on)),
                (self.tr("How to handle"), t.note), (self.tr("Notes"), brief.notes)]
        title = self.tr("Consultation of {time} by {name}").format(
            time=datetime_text(brief.taken_at), name=brief.consultant_name)
        return self._heading(title) + self._table(row for row in rows if row[1])

    def _lines(self, h: Handover) -> str:
        rows = [(line.name, line.purpose, line.amount,
                 format_fen(line.price_fen) if line.kind is LineKind.SERVICE or line.price_fen
                 else "") for line in h.lines]
        header = (self.tr("Item"), self.tr("Purpose"), self.tr("Amount to use"), self.tr("Price"))
        total = self.tr("Total {amount}").format(amount=format_fen(h.total_fen))
        return (self._heading(self.tr("This session")) + self._table([header, *rows])
                + f"<p>{html.escape(total)}</p>")

    def _notes(self, h: Handover) -> str:
        if h.version == 0:
            return self._heading(self.tr("The consultant has not written the handover yet."))
        written = self.tr("Written by {name} at {time}").format(
            name=h.written_by, time=datetime_text(h.written_at) if h.written_at else "")
        return (self._heading(self.tr("Operation notes")) + self._table([(h.notes,)])
                + f"<p>{html.escape(written)}</p>")
