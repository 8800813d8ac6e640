"""The demo store's care calls of the last months and the quality inspector's spot checks.

The client managers' calls are written as the demo writes its history (rows, not a
service call each): about :data:`CALLS_PER_CLIENT` calls a month per client in a book,
by the client's manager, on the month's days at opening hours, before the moment of the
fill. Each full month before the current one then has a finished spot check (质检) by
the inspector: a sample of :data:`SAMPLE` of its calls, each judged (about one in
seven fails, with the inspector's note), and the month's summary.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from frontdesk.demo.complaint_words import DemoTexts
from frontdesk.models.care import CallOutcome, CareCall, CareChannel, ClientBook
from frontdesk.models.survey import QualityCheck, QualityCheckItem, Verdict
from frontdesk.services.quality.reads import next_month

CALLS_PER_CLIENT = 0.25
MONTH_CALLS = (20, 150)
"""The fewest and the most calls a month."""
SAMPLE = 10
FAIL_SHARE = 0.15
OUTCOMES = ((CallOutcome.REACHED, 60), (CallOutcome.NO_ANSWER, 20), (CallOutcome.BOOKED, 15),
            (CallOutcome.MESSAGE_SENT, 5))


@dataclass(frozen=True)
class Months:
    """The months the demo's calls cover: ``first`` … the month of ``now``."""

    first: dt.date
    now: dt.datetime

    def each(self) -> list[dt.date]:
        months, month = [], self.first
        while month <= self.now.astimezone().date():
            months.append(month)
            month = next_month(month)
        return months


def local_at(day: dt.date, hours: float) -> dt.datetime:
    return (dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=hours)).astimezone() \
        .astimezone(dt.UTC)


def write_calls(s: Session, branch_id: int, rng: random.Random, months: Months,
                texts: DemoTexts) -> dict[dt.date, list[int]]:
    """The client managers' calls of each month; their ids by month."""
    books = s.execute(select(ClientBook.client_id, ClientBook.staff_id)
                      .where(ClientBook.branch_id == branch_id)
                      .order_by(ClientBook.client_id).limit(5000)).all()
    if not books:
        return {}
    low, high = MONTH_CALLS
    per_month = max(low, min(high, int(len(books) * CALLS_PER_CLIENT)))
    outcomes, weights = [o for o, _ in OUTCOMES], [w for _, w in OUTCOMES]
    by_month: dict[dt.date, list[CareCall]] = {}
    for month in months.each():
        days = (next_month(month) - month).days
        calls = []
        for _ in range(per_month):
            at = local_at(month + dt.timedelta(days=rng.randrange(days)), rng.uniform(10, 19))
            if at >= months.now:
                continue
            client, staff = rng.choice(books)
            outcome = rng.choices(outcomes, weights)[0]
            calls.append(CareCall(branch_id=branch_id, client_id=client, staff_id=staff, at=at,
                                  channel=CareChannel.MESSAGE
                                  if outcome is CallOutcome.MESSAGE_SENT else CareChannel.CALL,
                                  outcome=outcome, note=_note(rng, outcome, texts)))
        s.add_all(calls)
        by_month[month] = calls
    s.flush()
    return {month: [c.id for c in calls] for month, calls in by_month.items()}


def _note(rng: random.Random, outcome: CallOutcome, texts: DemoTexts) -> str:
    notes = texts.call_notes
    if outcome is CallOutcome.NO_ANSWER:
        return notes[4]
    if outcome is CallOutcome.BOOKED:
        return notes[1]
    return rng.choice((*notes[:1], *notes[2:4], notes[5]))


def write_checks(s: Session, branch_id: int, inspector_id: int, rng: random.Random,
                 calls: dict[dt.date, list[int]], now: dt.datetime, texts: DemoTexts) -> int:
    """A finished spot check of each full month before ``now``'s; how many."""
    this_month = now.astimezone().date().replace(day=1)
    made = 0
    for month, ids in sorted(calls.items()):
        if month >= this_month or not ids:
            continue
        started = local_at(next_month(month) + dt.timedelta(days=rng.randrange(3)), 10)
        picked = sorted(rng.sample(ids, min(SAMPLE, len(ids))))
        verdicts = [Verdict.FAIL if rng.random() < FAIL_SHARE else Verdict.PASS for _ in picked]
        failed = verdicts.count(Verdict.FAIL)
        check = QualityCheck(
            branch_id=branch_id, month=month, inspector_id=inspector_id, created_at=started,
            finished_at=min(started + dt.timedelta(days=2), now), content=texts.check_content,
            results=texts.check_results.format(sampled=len(picked), passed=len(picked) - failed,
                                               failed=failed),
            problems=texts.check_problems if failed else "",
            fixes=texts.check_fixes if failed else "", version=2)
        s.add(check)
        s.flush()
        s.add_all(QualityCheckItem(check_id=check.id, call_id=call, verdict=verdict,
                                   note=rng.choice(texts.fail_notes)
                                   if verdict is Verdict.FAIL else "")
                  for call, verdict in zip(picked, verdicts, strict=True))
        made += 1
    s.flush()
    return made
