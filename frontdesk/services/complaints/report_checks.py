"""The month's spot checks of care calls (质检, domain/003) for the report: each check's
inspector, the calls it sampled, passed and failed, what was checked, the results, the
problems and the fixes."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.models import Staff
from frontdesk.models.survey import QualityCheck, QualityCheckItem, Verdict
from frontdesk.services.complaints.report_views import SpotCheckLine, SpotChecks


def _verdicts(s: Session, check_ids: list[int]) -> dict[tuple[int, Verdict], int]:
    if not check_ids:
        return {}
    rows = s.execute(select(QualityCheckItem.check_id, QualityCheckItem.verdict, func.count())
                     .where(QualityCheckItem.check_id.in_(check_ids))
                     .group_by(QualityCheckItem.check_id, QualityCheckItem.verdict))
    return {(check_id, verdict): int(n) for check_id, verdict, n in rows}


def spot_checks(s: Session, branch_id: int, first: dt.date) -> SpotChecks:
    """The checks of the month starting on ``first``, in the order they were made."""
    checks = s.execute(select(QualityCheck, Staff.display_name)
                       .join(Staff, Staff.id == QualityCheck.inspector_id)
                       .where(QualityCheck.branch_id == branch_id, QualityCheck.month == first)
                       .order_by(QualityCheck.id)).all()
    verdicts = _verdicts(s, [c.id for c, _ in checks])

    def count(check_id: int, *kinds: Verdict) -> int:
        return sum(verdicts.get((check_id, k), 0) for k in kinds)

    return SpotChecks(tuple(
        SpotCheckLine(check_id=c.id, inspector=name, finished_at=c.finished_at,
                      sampled=count(c.id, *Verdict), passed=count(c.id, Verdict.PASS),
                      failed=count(c.id, Verdict.FAIL), content=c.content, results=c.results,
                      problems=c.problems, fixes=c.fixes)
        for c, name in checks))
