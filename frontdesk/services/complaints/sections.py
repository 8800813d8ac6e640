"""The client profile's complaints (:class:`ComplaintsSection`, a ``ClientComplaints``)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.models.complaint import Complaint
from frontdesk.services.clients.sections import ComplaintSummary

SECTION_LIMIT = 50
WORDS_SHOWN = 24
"""How many characters of the client's words the subject shows."""


def subject_of(case: Complaint) -> str:
    """A short subject: the category's code and the first words (the UI words the code)."""
    words = " ".join(case.words.split())
    short = words if len(words) <= WORDS_SHOWN else words[:WORDS_SHOWN] + "…"
    return f"{case.category.value}: {short}" if short else case.category.value


class ComplaintsSection:
    """The client's complaints, newest first (the last :data:`SECTION_LIMIT`)."""

    def complaints_of(self, s: Session, client_id: int) -> tuple[ComplaintSummary, ...]:
        rows = s.scalars(select(Complaint).where(Complaint.client_id == client_id)
                         .order_by(Complaint.id.desc()).limit(SECTION_LIMIT))
        return tuple(ComplaintSummary(c.id, c.received_at, c.stage.value, subject_of(c))
                     for c in rows)
