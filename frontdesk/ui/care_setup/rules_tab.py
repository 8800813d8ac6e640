"""The care rules: each kind of care task switched on or off, how many days ahead it falls
due, its priority, and its own settings with their units (days, months, %, and amounts
typed in yuan, kept in fen).

Saving new churn or spending settings works out every client's figures again
(``Services.care_scan.rebuild_stats``) on the worker thread; the line under the form
says when it has.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from frontdesk.core.money import format_fen
from frontdesk.errors import DomainError
from frontdesk.services.care.settings import DEFAULT_RULES, RuleSettings
from frontdesk.services.care.setup_checks import (
    DAYS_AHEAD_KINDS,
    MAX_DAYS_AHEAD,
    PARAMS,
    PRIORITIES,
    ParamSpec,
    Unit,
)
from frontdesk.ui.cards_setup.words import fen_of, money_edit
from frontdesk.ui.care_setup.list_form import ListFormTab
from frontdesk.ui.care_setup.words import kind_name, param_label, unit_suffix

ParamField = QSpinBox | QLineEdit


class RulesTab(ListFormTab):
    list_name = "careRules"

    def headers(self) -> list[str]:
        return [self.tr("Care task"), self.tr("On"), self.tr("Days ahead"), self.tr("Priority"),
                self.tr("Settings")]

    def build_form(self, form: QFormLayout) -> None:
        self.enabled = QCheckBox(self.tr("Make these tasks"), objectName="ruleEnabled")
        self.days_ahead = QSpinBox(objectName="daysAhead", minimum=0, maximum=MAX_DAYS_AHEAD)
        self.days_ahead.setSuffix(self.tr(" days"))
        self.priority = QSpinBox(objectName="priority", minimum=PRIORITIES[0],
                                 maximum=PRIORITIES[1])
        self.priority.setToolTip(self.tr("1 comes first within its part of the day"))
        form.addRow("", self.enabled)
        self.errors.add_row(form, self.tr("Due this many days before"), "days_ahead",
                            self.days_ahead)
        self.errors.add_row(form, self.tr("Priority (1 first, 9 last)"), "priority",
                            self.priority)
        self.params: dict[str, tuple[ParamSpec, ParamField]] = {}
        for kind in DEFAULT_RULES:  # each kind's settings, shown when it is chosen
            for spec in PARAMS.get(kind, ()):
                field = self._param_field(spec)
                self.params[spec.name] = (spec, field)
                self.errors.add_row(form, param_label(spec.name), spec.name, field)
                form.setRowVisible(field, False)  # the page's least height: one kind's rows

    @staticmethod
    def _param_field(spec: ParamSpec) -> ParamField:
        if spec.unit is Unit.FEN:
            return money_edit(spec.name)
        spin = QSpinBox(objectName=spec.name, minimum=spec.low, maximum=spec.high)
        spin.setSuffix(unit_suffix(spec.unit))
        return spin

    def fields(self) -> Sequence[QWidget]:
        return [self.enabled, self.days_ahead, self.priority,
                *(field for _spec, field in self.params.values())]

    def fetch(self) -> Sequence[RuleSettings]:
        return self._services.care_setup.rules(self._actor)

    def key_of(self, row: RuleSettings) -> object:
        return row.kind

    def row_texts(self, row: RuleSettings) -> list[str]:
        ahead = str(row.days_ahead) if row.kind in DAYS_AHEAD_KINDS else ""
        return [kind_name(row.kind), self.tr("On") if row.enabled else self.tr("Off"), ahead,
                str(row.priority), self._params_text(row)]

    def _params_text(self, row: RuleSettings) -> str:
        parts = []
        for spec in PARAMS.get(row.kind, ()):
            value = row.param(spec.name)
            parts.append(format_fen(value) if spec.unit is Unit.FEN
                         else f"{value}{unit_suffix(spec.unit)}")
        return ", ".join(parts)

    def show_row(self, row: RuleSettings) -> None:
        if row.kind is not getattr(self, "_shown_kind", row.kind):
            self.say("")  # what the last save started was about another kind
        self._shown_kind = row.kind
        self.enabled.setChecked(row.enabled)
        self.days_ahead.setValue(row.days_ahead)
        self.priority.setValue(row.priority)
        self.form.setRowVisible(self.days_ahead, row.kind in DAYS_AHEAD_KINDS)
        own = {spec.name for spec in PARAMS.get(row.kind, ())}
        for name, (_spec, field) in self.params.items():
            self.form.setRowVisible(field, name in own)
        for spec in PARAMS.get(row.kind, ()):
            field = self.params[spec.name][1]
            if isinstance(field, QSpinBox):
                field.setValue(row.param(spec.name))
            else:
                value = row.param(spec.name)
                field.setText(f"{value // 100}.{value % 100:02d}")

    def edited(self, row: RuleSettings) -> RuleSettings:
        params = {}
        for spec in PARAMS.get(row.kind, ()):
            field = self.params[spec.name][1]
            params[spec.name] = field.value() if isinstance(field, QSpinBox) \
                else fen_of(field, spec.name) or 0
        return RuleSettings(row.kind, self.enabled.isChecked(), self.days_ahead.value(),
                            self.priority.value(), params)

    def store(self, row: RuleSettings) -> None:
        saved = self._services.care_setup.save_rule(self._actor, self.edited(row))
        self._rebuild_pending = saved.rebuild_stats

    def save(self) -> None:
        self._rebuild_pending = False
        super().save()  # the list is read again first, then the figures worked out
        if self._rebuild_pending:
            self._rebuild_stats()

    def _rebuild_stats(self) -> None:
        """Every client's figures again, by the new settings, off the UI thread."""
        scan, branch_id = self._services.care_scan, self._actor.branch_id
        self.say(self.tr("Working out each client's figures with the new settings…"))
        self._worker.submit(lambda: scan.rebuild_stats(branch_id), self._rebuilt,
                            self._rebuild_failed)

    def _rebuilt(self, clients: int) -> None:
        self.say(self.tr("Each client's figures follow the new settings ({n} clients).")
                 .format(n=clients))

    def _rebuild_failed(self, exc: BaseException) -> None:
        if not isinstance(exc, DomainError):
            raise exc
        self.errors.show(exc)
