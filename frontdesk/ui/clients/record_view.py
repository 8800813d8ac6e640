"""One saved consultation, read-only: what was measured, observed and recommended."""

from __future__ import annotations

import html
from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from frontdesk.core.money import format_fen
from frontdesk.models import LineKind
from frontdesk.services.health.consultation import ConsultationView
from frontdesk.ui.clients.units import shown
from frontdesk.ui.dates import date_text
from frontdesk.ui.labels import condition_name, grade_name, measure_method_name, skin_type_name

CELL = "padding-right:14px"


def _unit(value: int | None, per_unit: int, unit: str) -> str:
    return "" if value is None else f"{shown(value, per_unit)} {unit}".strip()


class RecordView(QLabel):
    """The record as formatted text (selectable, so a consultant can copy from it)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("recordView")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def show_record(self, view: ConsultationView) -> None:
        self.setText(self.record_html(view))

    def record_html(self, view: ConsultationView) -> str:
        taken = date_text(view.form.taken_on or view.taken_at.date())
        title = self.tr("Consultation of {date} by {consultant}").format(
            date=taken, consultant=view.consultant_name or "—")
        parts = [f"<h3>{html.escape(title)}</h3>"]
        for heading, body in ((self.tr("Skin test"), self._skin(view)),
                              (self.tr("Special conditions"), self._conditions(view)),
                              (self.tr("Body test"), self._body(view)),
                              (self.tr("Recommended plan"), self._plan(view)),
                              (self.tr("Client type and notes"), self._client_type(view))):
            parts.append(f"<h4>{html.escape(heading)}</h4>{body}")
        return "".join(parts)

    def _table(self, rows: Iterable[tuple[str, str]]) -> str:
        cells = "".join(f"<tr><td style='{CELL};color:#555'>{html.escape(k)}</td>"
                        f"<td>{html.escape(v)}</td></tr>" for k, v in rows if v)
        empty = self.tr("Not recorded")
        return f"<table>{cells}</table>" if cells else f"<p>{html.escape(empty)}</p>"

    def _skin(self, view: ConsultationView) -> str:
        k = view.form.skin
        grades = ((self.tr("Pores"), k.pores), (self.tr("Acne"), k.acne_grade),
                  (self.tr("Pigmentation"), k.pigmentation), (self.tr("Wrinkles"), k.wrinkles),
                  (self.tr("Sensitivity"), k.sensitivity))
        rows = [(self.tr("Measured by"), measure_method_name(k.method) if k.method else ""),
                (self.tr("Skin type"), skin_type_name(k.skin_type) if k.skin_type else ""),
                (self.tr("Moisture"), _unit(k.moisture_pct, 1, "%")),
                (self.tr("Oil"), _unit(k.oil_pct, 1, "%")),
                (self.tr("Elasticity"), _unit(k.elasticity, 1, ""))]
        rows += [(label, grade_name(g) if g is not None else "") for label, g in grades]
        return self._table([*rows, (self.tr("Skin notes"), k.notes)])

    def _conditions(self, view: ConsultationView) -> str:
        if not view.form.conditions:
            none = self.tr("None noted")
            return f"<p>{html.escape(none)}</p>"
        before, after = self.tr("Before cleansing"), self.tr("After cleansing")
        head = (f"<tr><th></th><th align='left'>{html.escape(before)}</th>"
                f"<th align='left'>{html.escape(after)}</th></tr>")
        rows = "".join(f"<tr><td style='{CELL}'>{html.escape(condition_name(c.kind))}</td>"
                       f"<td style='{CELL}'>{html.escape(c.before)}</td>"
                       f"<td>{html.escape(c.after)}</td></tr>" for c in view.form.conditions)
        return f"<table>{head}{rows}</table>"

    def _body(self, view: ConsultationView) -> str:
        b = view.form.body
        cm, kg = self.tr("cm"), self.tr("kg")
        return self._table([
            (self.tr("Measured by"), measure_method_name(b.method) if b.method else ""),
            (self.tr("Height"), _unit(b.height_mm, 10, cm)),
            (self.tr("Weight"), _unit(b.weight_g, 1000, kg)),
            ("BMI", "" if b.bmi is None else f"{b.bmi:.1f}"),
            (self.tr("Body fat"), _unit(b.body_fat_permille, 10, "%")),
            (self.tr("Waist"), _unit(b.waist_mm, 10, cm)),
            (self.tr("Hips"), _unit(b.hip_mm, 10, cm)),
            (self.tr("Posture"), b.posture), (self.tr("Pain areas"), b.pain_areas),
            (self.tr("Meridian notes"), b.meridian_notes)])

    def _lines(self, view: ConsultationView, kind: LineKind) -> list[tuple[str, str]]:
        unit = self.tr("sessions") if kind is LineKind.SERVICE else self.tr("pcs")
        return [(p.name, f"× {p.quantity} {unit}   {format_fen(p.price_fen)}")
                for p in view.form.plan if p.kind is kind]

    def _plan(self, view: ConsultationView) -> str:
        form = view.form
        total = (self.tr("Plan total"), format_fen(view.plan_total_fen)) if form.plan else ("", "")
        visit = date_text(form.next_visit_on) if form.next_visit_on else ""
        courses, products = self.tr("Courses"), self.tr("Home-care products")
        return (f"<p><b>{html.escape(courses)}</b></p>"
                f"{self._table(self._lines(view, LineKind.SERVICE))}"
                f"<p><b>{html.escape(products)}</b></p>"
                f"{self._table(self._lines(view, LineKind.PRODUCT))}"
                + self._table([total, (self.tr("Next visit"), visit),
                               (self.tr("Plan notes"), form.plan_notes)]))

    def _client_type(self, view: ConsultationView) -> str:
        t = view.form.client_type
        flags = [(t.nervous, self.tr("Nervous")), (t.distrustful, self.tr("Lacks trust")),
                 (t.highly_strung, self.tr("Highly strung")),
                 (t.new_client, self.tr("New client")),
                 (t.new_course, self.tr("Existing client, new course"))]
        sep = self.tr(", ")
        return self._table([(self.tr("Client type"), sep.join(text for on, text in flags if on)),
                            (self.tr("How to handle"), t.note),
                            (self.tr("Notes"), view.form.notes)])
