"""What other capabilities add to a client's record: member cards, complaints, care calls.

The profile (and the printed sheet, for cards) shows these sections, but the
capabilities that own them come later and sit beside the clients package, not
under it. So the clients package declares what it needs as Protocols, each read
inside the caller's transaction, and the composition root
(:class:`frontdesk.services.registry.Services`) passes the real ones. Until a
capability exists, :data:`NOT_YET` answers with empty sections.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session


@dataclass(frozen=True)
class CardSummary:
    """A member card's state: money (fen) and/or sessions left (次卡)."""

    card_id: int
    name: str
    balance_fen: int | None = None
    sessions_left: int | None = None
    expires_on: dt.date | None = None


@dataclass(frozen=True)
class ComplaintSummary:
    """One complaint of the client's, open or closed."""

    complaint_id: int
    opened_at: dt.datetime
    state: str
    """The complaint's stage code (intake, investigation, resolution, feedback, closed)."""
    subject: str


@dataclass(frozen=True)
class CareSummary:
    """One care call (回访, greeting, win-back) due or done for the client."""

    task_id: int
    kind: str
    due_on: dt.date
    done_at: dt.datetime | None
    outcome: str


class ClientCards(Protocol):
    """The member-cards capability: the client's cards."""

    def cards_of(self, s: Session, client_id: int) -> tuple[CardSummary, ...]: ...


class ClientComplaints(Protocol):
    """The complaints capability: the client's complaints, newest first."""

    def complaints_of(self, s: Session, client_id: int) -> tuple[ComplaintSummary, ...]: ...


class ClientCare(Protocol):
    """The care engine: the client's due and recent care calls, and what an opt-out stops."""

    def care_of(self, s: Session, client_id: int) -> tuple[CareSummary, ...]: ...

    def marketing_withdrawn(self, s: Session, client_id: int, now: dt.datetime) -> int:
        """The client withdrew marketing consent (their row is locked, in the edit's
        transaction): close their open marketing care tasks; how many."""
        ...


class _NotYet:
    """Empty sections, for capabilities that do not exist yet."""

    def cards_of(self, s: Session, client_id: int) -> tuple[CardSummary, ...]:
        return ()

    def complaints_of(self, s: Session, client_id: int) -> tuple[ComplaintSummary, ...]:
        return ()

    def care_of(self, s: Session, client_id: int) -> tuple[CareSummary, ...]:
        return ()

    def marketing_withdrawn(self, s: Session, client_id: int, now: dt.datetime) -> int:
        return 0


NOT_YET = _NotYet()
