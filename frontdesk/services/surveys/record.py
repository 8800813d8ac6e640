"""Writing one survey, inside the caller's transaction.

Lock order (README): the client first (two terminals entering a survey for the same
visit wait on it, and the second finds the first's survey and is refused), then the new
complaint and survey rows, then the survey call's care task last. A low score opens a
complaint in the same transaction. The key is kept in the audit row (on the client's
rows, found by the client's id): a double click or a retry returns the first result.
"""

from __future__ import annotations

import datetime as dt
import re

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.models import AuditEntry, Visit, VisitStatus
from frontdesk.models.care import CallOutcome, CareCall, CareChannel, CareKind, CareStatus
from frontdesk.models.complaint import (
    Complaint,
    ComplaintChannel,
    ComplaintSeverity,
    ComplaintSource,
)
from frontdesk.models.survey import Survey, SurveyAnswer
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.cards.writers import lock_client
from frontdesk.services.care import actions
from frontdesk.services.complaints.intake import open_case
from frontdesk.services.complaints.views import ComplaintDraft
from frontdesk.services.rows import get_row
from frontdesk.services.surveys.answers import (
    Answered,
    category_of,
    check_answers,
    columns,
    complaint_words,
    low_answers,
)
from frontdesk.services.surveys.settings import settings_in
from frontdesk.services.surveys.templates import questions_of, template_of
from frontdesk.services.surveys.views import SurveyEntry, SurveyResult

_SURVEY_ID = re.compile(r"survey=(\d+)")


def record_in(s: Session, actor: Actor, now: dt.datetime, entry: SurveyEntry,
              key: str) -> SurveyResult:
    client = lock_client(s, actor, entry.client_id)
    done = _replayed(s, client.id, key)
    if done is not None:
        return result_of(s, done)
    if client.anonymised_at is not None:
        raise ValidationError("This client's details were erased.", field="client_id")
    template = template_of(s, actor, entry.template_id)
    answered = check_answers(entry.answers, {q.id: q for q in questions_of(s, template.id)})
    visit = _visit(s, actor, entry) if entry.visit_id is not None else None
    low = low_answers(answered, settings_in(s, actor.branch_id))
    survey = Survey(branch_id=actor.branch_id, template_id=template.id, client_id=client.id,
                    visit_id=entry.visit_id, entered_by_id=actor.staff_id, answered_at=now,
                    low=bool(low), **columns(answered))
    s.add(survey)
    s.flush()
    s.add_all(SurveyAnswer(survey_id=survey.id, question_id=a.question.id, score=a.score,
                           text=a.text) for a in answered)
    ref = _complain(s, actor, now, survey, visit, answered, low) if low else None
    if entry.task_id is not None:
        survey.task_id = _close_call(s, actor, now, entry)
    audit.record(s, now, actor, AuditAction.SURVEY_SAVE, "client", client.id,
                 actions.key_detail(key) + f"survey={survey.id} low={int(bool(low))}"
                 + (f" complaint={ref}" if ref else ""))
    s.flush()
    return SurveyResult(survey.id, bool(low), ref)


def result_of(s: Session, survey_id: int) -> SurveyResult:
    survey = s.get(Survey, survey_id)
    ref = s.scalar(select(Complaint.ref_no).where(Complaint.survey_id == survey_id).limit(1))
    return SurveyResult(survey_id, bool(survey and survey.low), ref)


def _replayed(s: Session, client_id: int, key: str) -> int | None:
    """The survey an earlier call with ``key`` saved for this client, if any."""
    detail = s.scalar(select(AuditEntry.detail).where(
        AuditEntry.entity == "client", AuditEntry.entity_id == client_id,
        AuditEntry.action == AuditAction.SURVEY_SAVE,
        AuditEntry.detail.startswith(actions.key_detail(key), autoescape=True)).limit(1))
    found = _SURVEY_ID.search(detail or "")
    return int(found.group(1)) if found else None


def _visit(s: Session, actor: Actor, entry: SurveyEntry) -> Visit:
    """The client's checked-out visit the survey is about, not surveyed yet."""
    visit = get_row(s, Visit, entry.visit_id)
    if visit is None or visit.branch_id != actor.branch_id or visit.client_id != entry.client_id:
        raise NotFound("This client has no visit number {id}.", field="visit_id",
                       id=entry.visit_id)
    if visit.status is not VisitStatus.CLOSED:
        raise ValidationError("A visit is surveyed after its check-out.", field="visit_id")
    earlier = s.scalar(select(Survey.answered_at).where(Survey.visit_id == visit.id))
    if earlier is not None:
        raise ConflictError("This visit's survey was entered already (on {date}); a visit has "
                            "one survey.", field="visit_id",
                            date=earlier.astimezone().strftime("%Y-%m-%d %H:%M"))
    return visit


def _complain(s: Session, actor: Actor, now: dt.datetime, survey: Survey, visit: Visit | None,
              answered: list[Answered], low: list[Answered]) -> str:
    draft = ComplaintDraft(survey.client_id, ComplaintChannel.SURVEY, category_of(low),
                           ComplaintSeverity.MEDIUM, complaint_words(answered, low),
                           visit_id=survey.visit_id,
                           staff_id=visit.therapist_id if visit is not None else None)
    return open_case(s, actor, now, draft, source=ComplaintSource.SURVEY,
                     survey_id=survey.id).ref_no


def _close_call(s: Session, actor: Actor, now: dt.datetime, entry: SurveyEntry) -> int:
    """Close the survey call's task (a call logged as reached); its id."""
    task = actions.open_task(s, actor, entry.task_id or 0, None)
    if task.kind is not CareKind.SURVEY or task.client_id != entry.client_id:
        raise ValidationError("That care task is not this client's survey call.",
                              field="task_id")
    s.add(CareCall(branch_id=task.branch_id, client_id=entry.client_id, task_id=task.id,
                   staff_id=actor.staff_id, at=now, channel=CareChannel.CALL,
                   outcome=CallOutcome.REACHED, note=""))
    task.outcome, task.version = CallOutcome.REACHED, task.version + 1
    actions.close(task, actor, now, CareStatus.DONE)
    return task.id
