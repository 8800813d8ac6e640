"""Opening a complaint case inside the caller's transaction (stand-in: helper A's replaces it).

Only what the surveys need: the case row, numbered per store and day (``TS`` + date +
a four-digit count), at intake, with its first step.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor
from frontdesk.models.complaint import (
    Complaint,
    ComplaintSource,
    ComplaintStage,
    ComplaintStep,
    StepKind,
)
from frontdesk.services.complaints.views import ComplaintDraft


def open_case(s: Session, actor: Actor, now: dt.datetime, draft: ComplaintDraft, *,
              source: ComplaintSource, survey_id: int | None = None) -> Complaint:
    """A new case at intake (no permission check: the caller checked its own action)."""
    day = "TS" + now.astimezone().strftime("%y%m%d")
    last = s.scalar(select(func.max(Complaint.ref_no)).where(
        Complaint.branch_id == actor.branch_id, Complaint.ref_no.startswith(day)))
    number = int(last[len(day):]) + 1 if last else 1
    case = Complaint(branch_id=actor.branch_id, ref_no=f"{day}{number:04d}",
                     client_id=draft.client_id, complainant=draft.complainant,
                     visit_id=draft.visit_id, staff_id=draft.staff_id,
                     service_item_id=draft.service_item_id, channel=draft.channel,
                     category=draft.category, severity=draft.severity, source=source,
                     words=draft.words, asks=draft.asks, stage=ComplaintStage.INTAKE,
                     owner_id=draft.owner_id, received_at=now, taken_by_id=actor.staff_id,
                     survey_id=survey_id)
    s.add(case)
    s.flush()
    s.add(ComplaintStep(complaint_id=case.id, kind=StepKind.TAKEN, at=now,
                        staff_id=actor.staff_id, to_stage=ComplaintStage.INTAKE))
    s.flush()
    return case
