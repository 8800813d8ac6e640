"""The month's complaints and surveys line by line, for the workbook (phones masked).

The complaints received in the month in the order received, with their client, the
staff member concerned and the owner by name; the surveys answered in the month in the
order answered. Read through ``ix_complaint_branch_received`` and
``ix_survey_branch_answered``.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from frontdesk.core.phones import mask_phone
from frontdesk.models import Client, Staff
from frontdesk.models.complaint import Complaint
from frontdesk.models.survey import Survey, SurveyDimension
from frontdesk.services.complaints.report_views import ComplaintLine, SurveyLine

Bounds = tuple[dt.datetime, dt.datetime]


def complaint_lines(s: Session, branch_id: int, bounds: Bounds) -> tuple[ComplaintLine, ...]:
    concerned, owner = aliased(Staff), aliased(Staff)
    rows = s.execute(
        select(Complaint, Client.name, Client.phone_e164, concerned.display_name,
               owner.display_name)
        .outerjoin(Client, Client.id == Complaint.client_id)
        .outerjoin(concerned, concerned.id == Complaint.staff_id)
        .outerjoin(owner, owner.id == Complaint.owner_id)
        .where(Complaint.branch_id == branch_id, Complaint.received_at >= bounds[0],
               Complaint.received_at < bounds[1])
        .order_by(Complaint.received_at, Complaint.id))
    return tuple(
        ComplaintLine(ref_no=c.ref_no, received_at=c.received_at, resolved_at=c.resolved_at,
                      closed_at=c.closed_at, category=c.category, severity=c.severity,
                      channel=c.channel, stage=c.stage, client=client or c.complainant,
                      phone=mask_phone(phone), staff=staff or "", owner=owner_name or "",
                      compensation_fen=c.compensation_fen, reopen_count=c.reopen_count,
                      satisfied=c.satisfied)
        for c, client, phone, staff, owner_name in rows)


def survey_lines(s: Session, branch_id: int, bounds: Bounds) -> tuple[SurveyLine, ...]:
    rows = s.execute(
        select(Survey, Client.name, Client.phone_e164)
        .join(Client, Client.id == Survey.client_id)
        .where(Survey.branch_id == branch_id, Survey.answered_at >= bounds[0],
               Survey.answered_at < bounds[1])
        .order_by(Survey.answered_at, Survey.id))
    return tuple(
        SurveyLine(answered_at=v.answered_at, client=name, phone=mask_phone(phone),
                   scores=tuple(getattr(v, d.value) for d in SurveyDimension),
                   recommend=v.recommend, low=v.low, comment=v.comment)
        for v, name, phone in rows)


def read_lines(s: Session, branch_id: int,
               bounds: Bounds) -> tuple[tuple[ComplaintLine, ...], tuple[SurveyLine, ...]]:
    return complaint_lines(s, branch_id, bounds), survey_lines(s, branch_id, bounds)
