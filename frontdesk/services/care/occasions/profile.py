"""Profiles to confirm: a client who visited in the last year and whose basics (phone,
birthday…) were last confirmed — or, never confirmed, entered — ``months`` ago.

A task falls due on the first scanned day both hold:

- the day the basics turn ``months`` old, for a client who visited in the year before
  it (read by ``ix_client_basics_confirmed``; never-confirmed clients by
  ``ix_client_branch_created``);
- the day a client whose basics are already that old visits (read by
  ``client.last_visit_at``'s index): so a store whose clients were entered long ago is
  asked about each of them as they come, not about all of them on one morning.

Occasion ``profile:<client>:<the day the basics were confirmed or entered>``: once per
confirmation. CALL, a service kind; reason ``profile_stale``; detail: that day
(``confirmed_on``), whether it is the day the client was entered (``never_confirmed``),
``months``, the last visit.
"""

from __future__ import annotations

import calendar as cal
import datetime as dt
from collections.abc import Iterator

from sqlalchemy import Row, and_, select
from sqlalchemy.orm import Session

from frontdesk.models import Client
from frontdesk.models.care import CareChannel, CareKind
from frontdesk.services.care.drafts import ScanContext, TaskDraft
from frontdesk.services.care.occasions.common import add_months, live_client, local_day, utc_range

Candidate = Row[int, dt.datetime | None, dt.datetime, dt.datetime | None]
YEAR = dt.timedelta(days=365)


def _latest_turning_on(last: dt.date, months: int) -> dt.date:
    """The latest day whose basics turn ``months`` old by ``last``: on a month's last day
    the later days of a longer month too (31 January turns a month old on 28 February)."""
    earlier = add_months(last, -months)
    if last.day == cal.monthrange(last.year, last.month)[1]:
        return earlier.replace(day=cal.monthrange(earlier.year, earlier.month)[1])
    return earlier


class ProfileSource:
    """Ask a client who still comes to confirm basics ``months`` old."""

    kind: CareKind = CareKind.PROFILE_STALE

    def drafts(self, s: Session, ctx: ScanContext, first: dt.date,
               last: dt.date) -> Iterator[TaskDraft]:
        rule = ctx.rules[self.kind]
        if not rule.enabled:
            return
        months = rule.param("months")
        seen: set[int] = set()
        for row in self._candidates(s, ctx.branch_id, months, first, last):
            if row.id in seen:
                continue
            seen.add(row.id)
            draft = self._draft(row, months, first, last)
            if draft is not None:
                yield draft

    @staticmethod
    def _candidates(s: Session, branch_id: int, months: int, first: dt.date,
                    last: dt.date) -> list[Candidate]:
        """Clients whose basics turn old in the scanned days, then those who visited then."""
        aged = utc_range(add_months(first, -months), _latest_turning_on(last, months))
        visited = utc_range(first, last)
        columns = (Client.id, Client.basics_confirmed_at, Client.created_at,
                   Client.last_visit_at)
        confirmed = and_(Client.basics_confirmed_at >= aged[0],
                         Client.basics_confirmed_at < aged[1])
        entered = and_(Client.branch_id == branch_id, Client.basics_confirmed_at.is_(None),
                       Client.created_at >= aged[0], Client.created_at < aged[1])
        came = and_(Client.last_visit_at >= visited[0], Client.last_visit_at < visited[1])
        rows: list[Candidate] = []
        for condition in (confirmed, entered, came):  # one index each
            rows += s.execute(select(*columns).where(live_client(branch_id), condition)
                              .order_by(Client.id)).all()
        return rows

    def _draft(self, row: Candidate, months: int, first: dt.date,
               last: dt.date) -> TaskDraft | None:
        client_id, confirmed_at, created_at, visited_at = row
        if visited_at is None:
            return None
        confirmed = local_day(confirmed_at or created_at)
        old_on, visited = add_months(confirmed, months), local_day(visited_at)
        if old_on > last:
            return None
        if old_on >= first:  # turns old now: came in the year before
            due = old_on
            if visited <= old_on - YEAR:
                return None
        elif first <= visited <= last:  # already old: came now
            due = visited
        else:
            return None
        detail: dict[str, int | str] = {
            "confirmed_on": confirmed.isoformat(), "never_confirmed": int(confirmed_at is None),
            "months": months, "last_visit": visited.isoformat()}
        return TaskDraft(kind=self.kind, occasion=f"profile:{client_id}:{confirmed.isoformat()}",
                         due_on=due, client_id=client_id, channel=CareChannel.CALL,
                         reason="profile_stale", detail=detail)
