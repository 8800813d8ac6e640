"""Phone numbers a masked role finds on file: audited, and limited per person.

A role that sees phones masked (``138****5678``) must still be told when a number it
types belongs to a client already: registration refuses the duplicate and offers
that client, and a profile edit refuses a number another client holds. Each such
answer confirms a full number the role cannot see, so each is written to the audit
trail (``client.phone_matched``), and after :data:`MATCH_LIMIT` of them within
:data:`MATCH_WINDOW` the person is refused until the window moves on: a desk meets a
handful a day, finding one hidden middle takes thousands of tries. The checks that
may refuse a form without writing anything run before the phone's, so a number that
is not on file always costs a write (a new client, a changed phone), audited too.

The search confirms no number at all (see ``masked_plan`` in
:mod:`frontdesk.services.clients.search`). The count is read before the answer and
written after it, outside the form's transaction: one person's parallel attempts
may pass the limit by those in flight, and the audit trail names every one.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from frontdesk.core.context import Actor, Clock
from frontdesk.core.permissions import Action, allowed
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import DomainError
from frontdesk.models import AuditEntry
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction

MATCH_LIMIT = 10
MATCH_WINDOW = dt.timedelta(hours=1)


class PhoneMatchesRefused(DomainError):
    template = ("{n} phone numbers you typed were already on file within the hour, the most "
                "your role may check; a manager can go on.")


@unit_of_work
def refuse_if_too_many(db: Database, clock: Clock, actor: Actor) -> None:
    """PhoneMatchesRefused once a masked role was shown MATCH_LIMIT numbers on file lately."""
    if allowed(actor, Action.SEE_FULL_PHONE):
        return
    with db.read() as s:
        shown = s.scalar(select(func.count(AuditEntry.id)).where(
            AuditEntry.staff_id == actor.staff_id,
            AuditEntry.action == AuditAction.PHONE_MATCHED,
            AuditEntry.at > clock() - MATCH_WINDOW))
    if shown is not None and shown >= MATCH_LIMIT:
        raise PhoneMatchesRefused(n=MATCH_LIMIT)


@unit_of_work
def record_match(db: Database, clock: Clock, actor: Actor, client_id: int) -> None:
    """Audit that a masked role was told a number it typed is ``client_id``'s."""
    if allowed(actor, Action.SEE_FULL_PHONE):
        return
    with db.write() as s:
        audit.record(s, clock(), actor, AuditAction.PHONE_MATCHED, "client", client_id)
