"""What the complaint service takes and returns (stand-in: only the draft the surveys need)."""

from __future__ import annotations

from dataclasses import dataclass

from frontdesk.models.complaint import ComplaintCategory, ComplaintChannel, ComplaintSeverity


@dataclass(frozen=True)
class ComplaintDraft:
    """A complaint as it is taken. ``owner_id`` None: the store's first active complaint
    handler, else its manager, else nobody."""

    client_id: int | None
    channel: ComplaintChannel
    category: ComplaintCategory
    severity: ComplaintSeverity
    words: str
    asks: str = ""
    complainant: str = ""
    visit_id: int | None = None
    staff_id: int | None = None
    service_item_id: int | None = None
    owner_id: int | None = None
