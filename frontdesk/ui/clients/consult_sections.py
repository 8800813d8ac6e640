"""The consultation form's sections: skin test, the five special conditions, body test, client type.

Each section builds its widgets, registers its fields with the form's
:class:`~frontdesk.ui.clients.common.FieldErrors` under the names the service
uses (``moisture_pct``, ``height_mm``, ``conditions.acne.before``…), and turns
what was typed into the service's units with :mod:`frontdesk.ui.clients.units`.
A number that cannot be read raises :class:`InputError` naming its field.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from frontdesk.models.consultation import ConditionKind, MeasureMethod, SkinType
from frontdesk.services.health.consultation import (
    BodyTest,
    ClientType,
    ConditionNote,
    SkinTest,
    bmi,
)
from frontdesk.ui.clients.common import FieldErrors
from frontdesk.ui.clients.units import NotANumber, scaled
from frontdesk.ui.labels import condition_name, grade_name, measure_method_name, skin_type_name
from frontdesk.ui.widgets import enum_combo


class InputError(Exception):
    """A typed value the screen cannot read; ``text`` is already translated."""

    def __init__(self, field: str, text: str) -> None:
        super().__init__(text)
        self.field = field
        self.text = text


def read_number(edit: QLineEdit, field: str, per_unit: int, decimals: int) -> int | None:
    """The number typed in ``edit`` in stored units, or InputError naming ``field``."""
    try:
        return scaled(edit.text(), per_unit, decimals)
    except NotANumber:
        example = "58" if decimals == 0 else "58.5"
        raise InputError(field, QCoreApplication.translate(
            "ConsultationForm", "Type a number such as {example}.").format(
                example=example)) from None


def _number(name: str) -> QLineEdit:
    edit = QLineEdit(objectName=name)
    edit.setMaximumWidth(110)
    return edit


def _grade_combo(name: str) -> QComboBox:
    return enum_combo(name, range(5), grade_name, blank="—")


def _method_combo(name: str) -> QComboBox:
    return enum_combo(name, list(MeasureMethod), measure_method_name,
                      blank=QCoreApplication.translate("ConsultationForm", "Not recorded"))


class SkinSection(QGroupBox):
    """皮肤检测: skin type, moisture, oil, elasticity and the graded observations."""

    GRADES = ("pores", "acne_grade", "pigmentation", "wrinkles", "sensitivity")

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Skin test"), parent)
        self.method = _method_combo("skinMethod")
        self.skin_type = enum_combo("skinType", list(SkinType), skin_type_name, blank="—")
        self.moisture, self.oil, self.elasticity = (
            _number("moisture"), _number("oil"), _number("elasticity"))
        self.grades = {g: _grade_combo(g) for g in self.GRADES}
        self.notes = QLineEdit(objectName="skinNotes")
        self._lay_out(errors)

    def _lay_out(self, errors: FieldErrors) -> None:
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Measured by"), self.method)
        left.addRow(self.tr("Skin type"), self.skin_type)
        errors.add_unit_row(left, self.tr("Moisture"), "moisture_pct", self.moisture, "%")
        errors.add_unit_row(left, self.tr("Oil"), "oil_pct", self.oil, "%")
        errors.add_unit_row(left, self.tr("Elasticity"), "elasticity", self.elasticity,
                            self.tr("(0–100)"))
        labels = (self.tr("Pores"), self.tr("Acne"), self.tr("Pigmentation"),
                  self.tr("Wrinkles"), self.tr("Sensitivity"))
        for label, (field, combo) in zip(labels, self.grades.items(), strict=True):
            errors.add_row(right, label, field, combo)
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        column = QVBoxLayout(self)
        column.addLayout(row)
        notes = QFormLayout()
        errors.add_row(notes, self.tr("Skin notes"), "skin_notes", self.notes)
        column.addLayout(notes)

    def value(self) -> SkinTest:
        return SkinTest(
            method=self.method.currentData(), skin_type=self.skin_type.currentData(),
            moisture_pct=read_number(self.moisture, "moisture_pct", 1, 0),
            oil_pct=read_number(self.oil, "oil_pct", 1, 0),
            elasticity=read_number(self.elasticity, "elasticity", 1, 0),
            notes=self.notes.text(), **{g: c.currentData() for g, c in self.grades.items()})


class ConditionsSection(QGroupBox):
    """The five special conditions, each observed before and after cleansing (洗脸前后)."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Special conditions (observe before and after cleansing)"),
                         parent)
        self.edits: dict[ConditionKind, tuple[QLineEdit, QLineEdit]] = {}
        grid = QGridLayout(self)
        grid.addWidget(QLabel(self.tr("Before cleansing")), 0, 1)
        grid.addWidget(QLabel(self.tr("After cleansing")), 0, 2)
        for i, kind in enumerate(ConditionKind):
            before = QLineEdit(objectName=f"before_{kind.value}")
            after = QLineEdit(objectName=f"after_{kind.value}")
            self.edits[kind] = (before, after)
            row = 1 + 2 * i
            grid.addWidget(QLabel(condition_name(kind)), row, 0)
            grid.addWidget(before, row, 1)
            grid.addWidget(after, row, 2)
            error = errors.attach(f"conditions.{kind.value}.before", before)
            errors.attach(f"conditions.{kind.value}.after", after, error)
            errors.attach(f"conditions.{kind.value}", before, error)
            grid.addWidget(error, row + 1, 1, 1, 2)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

    def value(self) -> tuple[ConditionNote, ...]:
        return tuple(ConditionNote(kind, before.text(), after.text())
                     for kind, (before, after) in self.edits.items()
                     if before.text().strip() or after.text().strip())


class BodySection(QGroupBox):
    """身体检测: height, weight, BMI (computed as typed), body fat, waist, hip and notes."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Body test"), parent)
        self.method = _method_combo("bodyMethod")
        self.height_edit, self.weight_edit, self.body_fat = (
            _number("height"), _number("weight"), _number("bodyFat"))
        self.waist, self.hip = _number("waist"), _number("hip")
        self.bmi = QLabel("—", objectName="bmi")
        self.posture = QLineEdit(objectName="posture")
        self.pain_areas = QLineEdit(objectName="painAreas")
        self.meridian_notes = QLineEdit(objectName="meridianNotes")
        self._lay_out(errors)
        for edit in (self.height_edit, self.weight_edit):
            edit.textChanged.connect(self._update_bmi)

    def _lay_out(self, errors: FieldErrors) -> None:
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.tr("Measured by"), self.method)
        errors.add_unit_row(left, self.tr("Height"), "height_mm", self.height_edit, self.tr("cm"))
        errors.add_unit_row(left, self.tr("Weight"), "weight_g", self.weight_edit, self.tr("kg"))
        left.addRow("BMI", self.bmi)
        errors.add_unit_row(right, self.tr("Body fat"), "body_fat_permille", self.body_fat, "%")
        errors.add_unit_row(right, self.tr("Waist"), "waist_mm", self.waist, self.tr("cm"))
        errors.add_unit_row(right, self.tr("Hips"), "hip_mm", self.hip, self.tr("cm"))
        row = QHBoxLayout()
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        notes = QFormLayout()
        errors.add_row(notes, self.tr("Posture"), "posture", self.posture)
        errors.add_row(notes, self.tr("Pain areas"), "pain_areas", self.pain_areas)
        errors.add_row(notes, self.tr("Meridian notes"), "meridian_notes", self.meridian_notes)
        column = QVBoxLayout(self)
        column.addLayout(row)
        column.addLayout(notes)

    @Slot()
    def _update_bmi(self) -> None:
        try:
            height = scaled(self.height_edit.text(), 10, 1)
            weight = scaled(self.weight_edit.text(), 1000, 1)
        except NotANumber:
            height = weight = None
        value = bmi(height, weight)
        self.bmi.setText("—" if value is None else f"{value:.1f}")

    def value(self) -> BodyTest:
        return BodyTest(
            method=self.method.currentData(),
            height_mm=read_number(self.height_edit, "height_mm", 10, 1),
            weight_g=read_number(self.weight_edit, "weight_g", 1000, 1),
            body_fat_permille=read_number(self.body_fat, "body_fat_permille", 10, 1),
            waist_mm=read_number(self.waist, "waist_mm", 10, 1),
            hip_mm=read_number(self.hip, "hip_mm", 10, 1),
            posture=self.posture.text(), pain_areas=self.pain_areas.text(),
            meridian_notes=self.meridian_notes.text())


class ClientTypeSection(QGroupBox):
    """特殊客人: clients the consultant guides in person, and why."""

    def __init__(self, errors: FieldErrors, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Client type"), parent)
        self.boxes = {
            "nervous": QCheckBox(self.tr("Nervous")),
            "distrustful": QCheckBox(self.tr("Lacks trust")),
            "highly_strung": QCheckBox(self.tr("Highly strung")),
            "new_client": QCheckBox(self.tr("New client")),
            "new_course": QCheckBox(self.tr("Existing client, new course")),
        }
        self.note = QLineEdit(objectName="clientTypeNote")
        hint = QLabel(self.tr("Guide these clients in person and take over when needed."))
        hint.setWordWrap(True)
        grid = QGridLayout()
        for i, (name, box) in enumerate(self.boxes.items()):
            box.setObjectName(name)
            grid.addWidget(box, i // 3, i % 3)
        form = QFormLayout()
        errors.add_row(form, self.tr("How to handle"), "client_type_note", self.note)
        column = QVBoxLayout(self)
        column.addWidget(hint)
        column.addLayout(grid)
        column.addLayout(form)

    def value(self) -> ClientType:
        return ClientType(note=self.note.text(),
                          **{name: box.isChecked() for name, box in self.boxes.items()})
