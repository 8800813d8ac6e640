"""One demo complaint's life, played through: its steps, deadlines, escalations and
compensation, written as the complaint service writes them.

A :class:`CasePlan` says who complained, when, about what, and the path the case took
(the stages it entered, a reopen being a move back to investigation). :func:`play`
writes the case at intake with a ``TAKEN`` step, then each move as a ``MOVED`` or
``REOPENED`` step at times spread between the complaint and its last move; a stage
whose deadline passed before the case left it gets an ``ESCALATED`` step. The deadlines
are the complaint service's defaults (``DEFAULT_DEADLINES``). A resolution with a voucher
books it through the card ledger (``issue_voucher``, source COMPLAINT) with a
``COMPENSATED`` step. A case still open ends with its stage's care task for its owner,
and when its deadline has passed, escalated with a task for the manager.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass

from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.demo.complaint_words import CaseWords, DemoTexts
from frontdesk.models.card import VoucherKind, VoucherSource
from frontdesk.models.care import CareChannel, CareKind, CareTask
from frontdesk.models.complaint import (
    Complaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintSeverity,
    ComplaintSource,
    ComplaintStage,
    ComplaintStep,
    Remedy,
    StepKind,
)
from frontdesk.services.cards.vouchers import issue_voucher
from frontdesk.services.complaints.views import DEFAULT_DEADLINES

Stage = ComplaintStage
PRIORITY = {ComplaintSeverity.HIGH: 1, ComplaintSeverity.MEDIUM: 2, ComplaintSeverity.LOW: 3}
VOUCHER_DAYS = 180


@dataclass(frozen=True)
class CasePlan:
    received_at: dt.datetime
    ends_at: dt.datetime
    """When its last move happened (a case still open: a little before now)."""
    client_id: int | None
    complainant: str
    visit_id: int | None
    staff_id: int | None
    service_item_id: int | None
    channel: ComplaintChannel
    category: ComplaintCategory
    severity: ComplaintSeverity
    source: ComplaintSource
    taken_by_id: int
    path: tuple[ComplaintStage, ...]
    """The stages entered after intake, in order."""
    satisfied: bool = True
    voucher_fen: int = 0
    survey_id: int | None = None


@dataclass(frozen=True)
class Crew:
    """Who works the demo's cases."""

    handler: Actor
    """The owner of every case; the voucher's booker."""
    manager_id: int | None


def play(s: Session, plan: CasePlan, ref_no: str, crew: Crew, rng: random.Random,
         now: dt.datetime, texts: DemoTexts) -> Complaint:
    """Write the case and its history (see the module docstring)."""
    words = texts.cases[plan.category][0]
    case = Complaint(
        branch_id=crew.handler.branch_id, ref_no=ref_no, client_id=plan.client_id,
        complainant=plan.complainant, visit_id=plan.visit_id, staff_id=plan.staff_id,
        service_item_id=plan.service_item_id, channel=plan.channel, category=plan.category,
        severity=plan.severity, source=plan.source, words=words.words, asks=words.asks,
        stage=Stage.INTAKE, owner_id=crew.handler.staff_id, received_at=plan.received_at,
        taken_by_id=plan.taken_by_id, survey_id=plan.survey_id, version=1)
    case.due_at = _due(case, Stage.INTAKE, plan.received_at, reopened=False)
    s.add(case)
    s.flush()
    steps = [ComplaintStep(complaint_id=case.id, kind=StepKind.TAKEN, at=plan.received_at,
                           staff_id=plan.taken_by_id, to_stage=Stage.INTAKE,
                           note=words.words[:200])]
    span = (plan.ends_at - plan.received_at).total_seconds()
    times = sorted(plan.received_at + dt.timedelta(seconds=rng.uniform(0.05, 1) * span)
                   for _ in plan.path)
    entered = plan.received_at
    for to, at in zip(plan.path, times, strict=True):
        steps += _escalation(case, entered, at)
        steps += _move(s, case, to, at, plan, crew, words, texts)
        entered = at
    steps += _escalation(case, entered, now)
    s.add_all(steps)
    s.flush()
    _tasks(s, case, crew)
    return case


def _due(case: Complaint, stage: ComplaintStage, at: dt.datetime,
         reopened: bool) -> dt.datetime | None:
    hours = DEFAULT_DEADLINES[case.severity]
    acknowledge, resolve, feedback = (hours.acknowledge_hours, hours.resolve_hours,
                                      hours.feedback_hours)
    if stage is Stage.INTAKE:
        return case.received_at + dt.timedelta(hours=acknowledge)
    if stage is Stage.INVESTIGATION:
        return (at if reopened else case.received_at) + dt.timedelta(hours=resolve)
    if stage is Stage.RESOLUTION:
        return case.due_at
    if stage is Stage.FEEDBACK:
        return at + dt.timedelta(hours=feedback)
    return None


def _escalation(case: Complaint, entered: dt.datetime, at: dt.datetime) -> list[ComplaintStep]:
    """The ESCALATED step of the stage entered at ``entered`` whose deadline passed before
    ``at``, the timer's next run after both (once a stage)."""
    if case.due_at is None or case.escalated_at is not None or at <= case.due_at:
        return []
    late = max(case.due_at, entered)
    case.escalated_at = late + min(dt.timedelta(minutes=5), (at - late) / 2)
    return [ComplaintStep(complaint_id=case.id, kind=StepKind.ESCALATED, at=case.escalated_at,
                          staff_id=None, from_stage=case.stage, to_stage=case.stage)]


def _move(s: Session, case: Complaint, to: ComplaintStage, at: dt.datetime, plan: CasePlan,
          crew: Crew, words: CaseWords, texts: DemoTexts) -> list[ComplaintStep]:
    before = case.stage
    reopened = to is Stage.INVESTIGATION and before in (Stage.FEEDBACK, Stage.CLOSED)
    note = _note_of(case, to, reopened, plan, words, texts)
    if reopened:
        case.reopen_count += 1
        case.closed_at, case.satisfied = None, None
    elif to is Stage.INVESTIGATION:
        case.acknowledged_at = at
    elif to is Stage.RESOLUTION:
        case.findings = words.findings
    elif to is Stage.FEEDBACK:
        case.resolved_at = at
    elif to is Stage.CLOSED:
        case.closed_at, case.feedback_note = at, note
        case.satisfied = plan.satisfied or case.reopen_count > 0
    case.stage, case.escalated_at, case.version = to, None, case.version + 1
    case.due_at = _due(case, to, at, reopened)
    step = ComplaintStep(complaint_id=case.id, at=at, staff_id=crew.handler.staff_id,
                         kind=StepKind.REOPENED if reopened else StepKind.MOVED,
                         from_stage=before, to_stage=to, note=note)
    if to is Stage.FEEDBACK:
        return [step, *_resolve(s, case, at, plan, crew, words, texts)]
    return [step]


def _note_of(case: Complaint, to: ComplaintStage, reopened: bool, plan: CasePlan,
             words: CaseWords, texts: DemoTexts) -> str:
    if reopened:
        return texts.reopen
    if to is Stage.INVESTIGATION:
        return texts.acknowledge
    if to is Stage.RESOLUTION:
        return words.findings
    if to is Stage.FEEDBACK:
        return words.resolution
    return texts.satisfied if plan.satisfied or case.reopen_count else texts.unsatisfied


def _resolve(s: Session, case: Complaint, at: dt.datetime, plan: CasePlan, crew: Crew,
             words: CaseWords, texts: DemoTexts) -> list[ComplaintStep]:
    """The resolution recorded: what was done, the corrective action, the voucher (once)."""
    case.resolution_note, case.corrective_action = words.resolution, words.corrective
    remedies = [Remedy.APOLOGY]
    if plan.category is ComplaintCategory.SAFETY:
        remedies.append(Remedy.REDO)
    if plan.voucher_fen and plan.client_id is not None:
        remedies.append(Remedy.VOUCHER)
    case.remedies = ",".join(r.value for r in remedies)
    if plan.client_id is None or Remedy.VOUCHER not in remedies \
            or case.compensation_op_id is not None:  # a reopened case's voucher stays booked
        return []
    op = issue_voucher(s, crew.handler, at, f"demo-complaint-{case.ref_no}",
                       client_id=plan.client_id, kind=VoucherKind.SPA,
                       title=f"{texts.voucher} {case.ref_no}",
                       value_fen=plan.voucher_fen, source=VoucherSource.COMPLAINT,
                       expires_on=at.astimezone().date() + dt.timedelta(days=VOUCHER_DAYS))
    case.compensation_fen, case.compensation_op_id = plan.voucher_fen, op.id
    return [ComplaintStep(complaint_id=case.id, at=at, staff_id=crew.handler.staff_id,
                          kind=StepKind.COMPENSATED, note=f"{plan.voucher_fen / 100:.0f}")]


def _tasks(s: Session, case: Complaint, crew: Crew) -> None:
    """An open case's stage task for its owner, and the manager's when it is escalated."""
    if case.due_at is None:
        return
    detail = json.dumps({"ref": case.ref_no, "stage": case.stage.value,
                         "due_at": case.due_at.isoformat()}, ensure_ascii=False)
    occasion = f"{case.id}:{case.stage.value}:{case.reopen_count}"
    tasks = [CareTask(branch_id=case.branch_id, client_id=case.client_id,
                      kind=CareKind.COMPLAINT_DEADLINE, occasion=f"complaint:{occasion}",
                      due_on=case.due_at.astimezone().date(), priority=PRIORITY[case.severity],
                      channel=CareChannel.CALL, marketing=False,
                      assigned_to_id=case.owner_id, reason="complaint_due", detail=detail,
                      created_at=case.received_at)]
    if case.escalated_at is not None:
        tasks.append(CareTask(branch_id=case.branch_id, client_id=case.client_id,
                              kind=CareKind.COMPLAINT_DEADLINE,
                              occasion=f"complaint-late:{occasion}",
                              due_on=case.escalated_at.astimezone().date(), priority=1,
                              channel=CareChannel.CALL, marketing=False,
                              assigned_to_id=crew.manager_id, reason="complaint_late",
                              detail=detail, created_at=case.escalated_at))
    s.add_all(tasks)
    s.flush()
