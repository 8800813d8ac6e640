"""The survey service (``Services.surveys``): the questionnaire, the settings, the answers.

Every method is a unit of work with its permission check: entering a survey needs
ENTER_SURVEYS; the questionnaire and the settings are changed with MANAGE_COMPLAINTS.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement

from frontdesk.core.context import Actor, Clock
from frontdesk.core.permissions import Action, allowed, require
from frontdesk.core.validation import check_id
from frontdesk.db import Database, unit_of_work
from frontdesk.models.survey import Survey
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.care.actions import check_key
from frontdesk.services.rows import MAX_INT4_ID
from frontdesk.services.surveys import record, settings, templates
from frontdesk.services.surveys.rows import survey_rows
from frontdesk.services.surveys.views import (
    SurveyEntry,
    SurveyResult,
    SurveyRow,
    SurveySettings,
    TemplateDraft,
    TemplateView,
)

MAX_LIMIT = 500
READERS = (Action.ENTER_SURVEYS, Action.MANAGE_COMPLAINTS, Action.VIEW_COMPLAINT_REPORTS)


def _require_reader(actor: Actor) -> None:
    if not any(allowed(actor, a) for a in READERS):
        require(actor, Action.ENTER_SURVEYS)


class SurveyService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def template(self, actor: Actor) -> TemplateView:
        """The store's active questionnaire (the built-in default, made on first use)."""
        _require_reader(actor)
        with self._db.read() as s:
            found = templates.active_template(s, actor.branch_id)
            if found is not None:
                return templates.view_of(s, found)
        with self._db.write() as s:
            return templates.view_of(s, templates.ensure_template(s, actor, self._clock()))

    @unit_of_work
    def save_template(self, actor: Actor, draft: TemplateDraft) -> TemplateView:
        """The draft as the store's new questionnaire (surveys answered keep theirs)."""
        require(actor, Action.MANAGE_COMPLAINTS)
        draft = templates.check_draft(draft)
        with self._db.write() as s:
            saved = templates.save_new(s, actor, self._clock(), draft)
            audit.record(s, self._clock(), actor, AuditAction.SURVEY_TEMPLATE_SAVE,
                         "survey_template", saved.id, f"questions={len(draft.questions)}")
            return templates.view_of(s, saved)

    @unit_of_work
    def settings(self, actor: Actor) -> SurveySettings:
        _require_reader(actor)
        with self._db.read() as s:
            return settings.settings_in(s, actor.branch_id)

    @unit_of_work
    def save_settings(self, actor: Actor, wanted: SurveySettings) -> SurveySettings:
        """Switch the survey calls on or off, set the sample and the low scores."""
        require(actor, Action.MANAGE_COMPLAINTS)
        with self._db.write() as s:
            rule = settings.checked_rule(s, actor.branch_id, wanted)
            settings.save_in(s, actor, self._clock(), rule)
            audit.record(s, self._clock(), actor, AuditAction.SURVEY_SETTINGS_SAVE, "care_rule",
                         None, " ".join(f"{k}={v}" for k, v in sorted(rule.params.items()))
                         + f" enabled={int(rule.enabled)}")
            return settings.settings_of(rule)

    @unit_of_work
    def record(self, actor: Actor, entry: SurveyEntry, *, key: str) -> SurveyResult:
        """Save the client's answers (one survey per visit); a low score opens a complaint,
        a survey call's task is closed. Idempotent by ``key``."""
        require(actor, Action.ENTER_SURVEYS)
        clean_key = check_key(key)
        check_id(entry.client_id, "client_id", MAX_INT4_ID)
        check_id(entry.template_id, "template_id", MAX_INT4_ID)
        with self._db.write() as s:
            return record.record_in(s, actor, self._clock(), entry, clean_key)

    @unit_of_work
    def surveys_of(self, actor: Actor, client_id: int) -> tuple[SurveyRow, ...]:
        """The client's surveys, newest first."""
        _require_reader(actor)
        check_id(client_id, "client_id", MAX_INT4_ID)
        with self._db.read() as s:
            return tuple(survey_rows(s, [Survey.branch_id == actor.branch_id,
                                         Survey.client_id == client_id], MAX_LIMIT))

    @unit_of_work
    def recent(self, actor: Actor, *, low_only: bool = False,
               limit: int = 200) -> tuple[SurveyRow, ...]:
        """The store's latest surveys (``low_only``: those that opened a complaint)."""
        _require_reader(actor)
        conditions: list[ColumnElement[bool]] = [Survey.branch_id == actor.branch_id]
        if low_only:
            conditions.append(Survey.low.is_(True))
        with self._db.read() as s:
            return tuple(survey_rows(s, conditions, max(1, min(int(limit), MAX_LIMIT))))
