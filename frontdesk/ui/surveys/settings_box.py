"""A manager's survey settings: the survey calls on or off, the share of visits sampled,
how many days after the visit they fall, and the scores that open a complaint."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import QCheckBox, QFormLayout, QGroupBox, QLabel, QPushButton, QSpinBox

from frontdesk.core.context import Actor
from frontdesk.errors import DomainError, StorageError
from frontdesk.services.registry import Services
from frontdesk.services.surveys.views import SurveySettings
from frontdesk.ui.errors import show_storage_error
from frontdesk.ui.forms import FormErrors


def _spin(name: str, low: int, high: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox(objectName=name, minimum=low, maximum=high)
    spin.setSuffix(suffix)
    return spin


class SurveySettingsBox(QGroupBox):
    saved = Signal(str)

    def __init__(self, services: Services, actor: Actor) -> None:
        super().__init__()
        self.setTitle(self.tr("Survey calls"))
        self.setObjectName("surveySettings")
        self._services, self._actor = services, actor
        self.enabled = QCheckBox(self.tr("Make survey calls after visits"),
                                 objectName="surveyEnabled")
        self.sample = _spin("surveySample", 0, 100, " %")
        self.after = _spin("surveyAfterDays", 0, 30, self.tr(" days"))
        self.low_score = _spin("surveyLowScore", 1, 4)
        self.low_recommend = _spin("surveyLowRecommend", 0, 9)
        self.save_button = QPushButton(self.tr("Save the settings"),
                                       objectName="surveySaveSettings")
        self.save_button.clicked.connect(self.save)
        general = QLabel()
        self.errors = FormErrors(general)
        form = QFormLayout(self)
        form.addRow(self.enabled)
        self.errors.add_row(form, self.tr("Share of visits called"), "sample_percent",
                            self.sample)
        self.errors.add_row(form, self.tr("Call this many days after the visit"), "after_days",
                            self.after)
        self.errors.add_row(form, self.tr("A complaint at a score of at most"), "low_score",
                            self.low_score)
        self.errors.add_row(form, self.tr("or a recommendation of at most"), "low_recommend",
                            self.low_recommend)
        form.addRow(general)
        form.addRow(self.save_button)

    def show_settings(self, settings: SurveySettings) -> None:
        self.enabled.setChecked(settings.enabled)
        self.sample.setValue(settings.sample_percent)
        self.after.setValue(settings.after_days)
        self.low_score.setValue(settings.low_score)
        self.low_recommend.setValue(settings.low_recommend)

    def value(self) -> SurveySettings:
        return SurveySettings(self.enabled.isChecked(), self.sample.value(), self.after.value(),
                              self.low_score.value(), self.low_recommend.value())

    @Slot()
    def save(self) -> None:
        self.errors.clear()
        try:
            self.show_settings(self._services.surveys.save_settings(self._actor, self.value()))
        except DomainError as exc:
            self.errors.show(exc)
            return
        except StorageError as exc:
            show_storage_error(self, exc)
            return
        self.saved.emit(self.tr("The survey settings are saved."))
