"""The spot-check service (``Services.quality``): sample a month's care calls, judge each,
sum the month up (domain/003: 质检人员月底汇总并编制质检总结).

A check samples at random up to 200 of the month's care calls (all staff's, or one
client manager's). Each sampled call is judged pass or fail with a note; a check is
finished with its summary (what was checked, the results, the problems and the fixes)
once every call is judged, and cannot change after.

Concurrency: every write locks the check's row first (the last in the README's lock
order), then changes it by a guarded UPDATE. A verdict names the verdict the screen
showed (``was``): of two inspectors judging the same call at once, the second is told
the call was judged meanwhile, never silently overwritten. The summary names the
check's ``version``. An inspector has one unfinished check of a month at a time (their
staff row is locked while it is looked for), so a double-click starts one.
"""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock, local_today
from frontdesk.core.permissions import Action, require
from frontdesk.core.validation import check_choice, check_prose
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ConflictError, NotFound, ValidationError
from frontdesk.models import Staff
from frontdesk.models.survey import QualityCheck, QualityCheckItem, Verdict
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.quality.reads import call_ids, check_views, items_of, month_calls
from frontdesk.services.quality.views import CheckDetail, CheckView, ItemView, MonthCalls
from frontdesk.services.rows import check_row_id, get_row, locked_row

SAMPLE_MAX = 200
NOTE_MAX = 1000
SUMMARY_MAX = 4000


class QualityService:
    """Spot checks of care calls (see the module docstring)."""

    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    # -- reading -------------------------------------------------------------------------------

    @unit_of_work
    def calls_of_month(self, actor: Actor, month: dt.date,
                       staff_id: int | None = None) -> MonthCalls:
        """How many care calls the month has, by who made them."""
        require(actor, Action.SPOT_CHECK)
        first = self._check_month(month)
        with self._db.read() as s:
            staff = _staff_filter(s, actor, staff_id)
            return month_calls(s, actor.branch_id, first, staff)

    @unit_of_work
    def checks(self, actor: Actor, month: dt.date | None = None) -> list[CheckView]:
        """The store's spot checks (of ``month``), newest month first."""
        require(actor, Action.SPOT_CHECK)
        first = None if month is None else _first_of(month)
        with self._db.read() as s:
            return check_views(s, actor.branch_id, month=first)

    @unit_of_work
    def check(self, actor: Actor, check_id: int) -> CheckDetail:
        """One spot check with its sampled calls."""
        require(actor, Action.SPOT_CHECK)
        with self._db.read() as s:
            return _detail(s, actor, _check_of(s, actor, get_row(s, QualityCheck, check_id),
                                               check_id).id)

    # -- writing -------------------------------------------------------------------------------

    @unit_of_work
    def start(self, actor: Actor, month: dt.date, sample_size: int,
              staff_id: int | None = None, *, seed: int | None = None) -> CheckView:
        """A new check of a random sample of the month's care calls (``seed``: the same
        sample again, for the demo and tests)."""
        require(actor, Action.SPOT_CHECK)
        first = self._check_month(month)
        size = _check_size(sample_size)
        now = self._clock()
        with self._db.write() as s:
            staff = _staff_filter(s, actor, staff_id)
            _one_open_check(s, actor, first)
            calls = call_ids(s, actor.branch_id, first, staff)
            if not calls:
                raise ValidationError("There are no care calls to check in that month.",
                                      field="month")
            picked = sorted((random.Random(seed) if seed is not None else random.SystemRandom())
                            .sample(calls, min(size, len(calls))))
            check = QualityCheck(branch_id=actor.branch_id, month=first,
                                 inspector_id=actor.staff_id, created_at=now)
            s.add(check)
            s.flush()
            s.add_all(QualityCheckItem(check_id=check.id, call_id=c) for c in picked)
            audit.record(s, now, actor, AuditAction.QUALITY_CHECK_SAVE, "quality_check",
                         check.id, f"start month={first.isoformat()} staff={staff or 'all'} "
                         f"sampled={len(picked)} of={len(calls)}")
            s.flush()
            return check_views(s, actor.branch_id, check_ids=[check.id])[0]

    @unit_of_work
    def judge(self, actor: Actor, item_id: int, verdict: Verdict, note: str = "", *,
              was: Verdict = Verdict.PENDING) -> ItemView:
        """Judge one sampled call; ``was`` is the verdict the screen showed (a call judged
        by someone else meanwhile is refused, not overwritten)."""
        require(actor, Action.SPOT_CHECK)
        verdict = check_choice(Verdict, verdict, "verdict")
        was = check_choice(Verdict, was, "was")
        text = check_prose(note, NOTE_MAX, "note")
        if verdict is Verdict.PENDING:
            raise ValidationError("Judge the call pass or fail.", field="verdict")
        if verdict is Verdict.FAIL and not text:
            raise ValidationError("Say what was wrong with the call.", field="note")
        now = self._clock()
        with self._db.write() as s:
            item = get_row(s, QualityCheckItem, check_row_id(QualityCheckItem, item_id,
                                                              "item_id"))
            if item is None:
                raise NotFound("There is no sampled call number {id}.", field="item_id",
                               id=item_id)
            check = _open_check(s, actor, item.check_id)
            done = s.execute(update(QualityCheckItem)
                             .where(QualityCheckItem.id == item.id,
                                    QualityCheckItem.verdict == was)
                             .values(verdict=verdict, note=text)
                             .execution_options(synchronize_session=False))
            if not getattr(done, "rowcount", 0):
                raise ConflictError("Someone else judged this call meanwhile; the list now "
                                    "shows their verdict.", field="verdict")
            audit.record(s, now, actor, AuditAction.QUALITY_CHECK_SAVE, "quality_check",
                         check.id, f"judge item={item.id} call={item.call_id} "
                         f"verdict={verdict.value}")
            s.expire_all()
            return next(i for i in items_of(s, check.id) if i.item_id == item.id)

    @unit_of_work
    def finish(self, actor: Actor, check_id: int, version: int, content: str, results: str,
               problems: str, fixes: str) -> CheckView:
        """Finish the check with its summary, once every sampled call is judged."""
        require(actor, Action.SPOT_CHECK)
        summary = {name: check_prose(value, SUMMARY_MAX, name) for name, value in
                   (("content", content), ("results", results), ("problems", problems),
                    ("fixes", fixes))}
        if not summary["content"]:
            raise ValidationError("Say what was checked.", field="content")
        now = self._clock()
        with self._db.write() as s:
            check = _open_check(s, actor, check_id)
            _check_judged(s, check, summary["problems"])
            done = s.execute(update(QualityCheck)
                             .where(QualityCheck.id == check.id, QualityCheck.version == version,
                                    QualityCheck.finished_at.is_(None))
                             .values(**summary, finished_at=now,
                                     version=QualityCheck.version + 1)
                             .execution_options(synchronize_session=False))
            if not getattr(done, "rowcount", 0):
                raise ConflictError("Someone else changed this spot check meanwhile; it now "
                                    "shows as it is.", field="version")
            audit.record(s, now, actor, AuditAction.QUALITY_CHECK_SAVE, "quality_check",
                         check.id, "finish")
            s.expire_all()
            return check_views(s, actor.branch_id, check_ids=[check.id])[0]

    def _check_month(self, month: object) -> dt.date:
        first = _first_of(month)
        if first > local_today(self._clock).replace(day=1):
            raise ValidationError("Choose this month or an earlier one.", field="month")
        return first


def _first_of(month: object) -> dt.date:
    if isinstance(month, dt.datetime) or not isinstance(month, dt.date):
        raise ValidationError("Choose a month.", field="month")
    return month.replace(day=1)


def _check_size(sample_size: object) -> int:
    if isinstance(sample_size, bool) or not isinstance(sample_size, int) \
            or not 1 <= sample_size <= SAMPLE_MAX:
        raise ValidationError("Sample between 1 and {n} calls.", field="sample_size",
                              n=SAMPLE_MAX)
    return sample_size


def _staff_filter(s: Session, actor: Actor, staff_id: int | None) -> int | None:
    if staff_id is None:
        return None
    staff = get_row(s, Staff, check_row_id(Staff, staff_id, "staff_id"))
    if staff is None or staff.branch_id != actor.branch_id:
        raise NotFound("There is no staff member number {id}.", field="staff_id", id=staff_id)
    return staff.id


def _one_open_check(s: Session, actor: Actor, month: dt.date) -> None:
    """Refuse a second unfinished check of the month by the same inspector (their staff row
    locked meanwhile, so two clicks at once start one)."""
    locked_row(s, Staff, actor.staff_id)
    open_id = s.scalar(select(QualityCheck.id).where(
        QualityCheck.branch_id == actor.branch_id, QualityCheck.inspector_id == actor.staff_id,
        QualityCheck.month == month, QualityCheck.finished_at.is_(None)).limit(1))
    if open_id is not None:
        raise ConflictError("You have an unfinished spot check of that month (number {id}); "
                            "finish it first.", field="month", id=open_id)


def _check_of(s: Session, actor: Actor, check: QualityCheck | None,
              check_id: object) -> QualityCheck:
    if check is None or check.branch_id != actor.branch_id:
        raise NotFound("There is no spot check number {id}.", field="check_id", id=check_id)
    return check


def _open_check(s: Session, actor: Actor, check_id: int) -> QualityCheck:
    """The check, locked, and still unfinished."""
    check = _check_of(s, actor, locked_row(s, QualityCheck, check_id), check_id)
    if check.finished_at is not None:
        raise ConflictError("This spot check is finished already; it cannot change.",
                            field="check_id")
    return check


def _check_judged(s: Session, check: QualityCheck, problems: str) -> None:
    verdicts: dict[Verdict, int] = {
        verdict: n for verdict, n in s.execute(select(QualityCheckItem.verdict, func.count())
                                               .where(QualityCheckItem.check_id == check.id)
                                               .group_by(QualityCheckItem.verdict))}
    if verdicts.get(Verdict.PENDING, 0):
        raise ValidationError("Judge every sampled call first: {n} are left.", field="items",
                              n=verdicts[Verdict.PENDING])
    if verdicts.get(Verdict.FAIL, 0) and not problems:
        raise ValidationError("Some calls failed: say what the problems were.",
                              field="problems")


def _detail(s: Session, actor: Actor, check_id: int) -> CheckDetail:
    return CheckDetail(check_views(s, actor.branch_id, check_ids=[check_id])[0],
                       items_of(s, check_id))


__all__ = ["QualityService"]
