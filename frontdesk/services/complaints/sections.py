"""The client's complaints on the profile (``ClientComplaints`` of services/clients/sections)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.models.complaint import Complaint
from frontdesk.services.clients.sections import ComplaintSummary


class ComplaintsSection:
    """The client's complaints, newest first: reference number and category as the subject."""

    def complaints_of(self, s: Session, client_id: int) -> tuple[ComplaintSummary, ...]:
        found = s.scalars(select(Complaint).where(Complaint.client_id == client_id)
                          .order_by(Complaint.id.desc()).limit(50))
        return tuple(ComplaintSummary(c.id, c.received_at, c.stage.value,
                                      f"{c.ref_no} {c.words[:40]}") for c in found)
