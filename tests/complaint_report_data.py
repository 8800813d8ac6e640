"""A hand-built month of complaints, steps, surveys and spot checks for the report's tests.

Everything is written directly as model rows with known local times (Asia/Shanghai, as
the tests' TZ), so the expected figures can be reasoned out by hand; they are written
beside the rows in tests/unit/test_complaint_report.py. The month is November 2026; a
complaint, a survey and a spot check of October make the previous month, and rows just
outside November's local bounds (Oct 31 23:00, Dec 1 00:30) test the edges.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from frontdesk.core.context import Actor, Role
from frontdesk.models import Staff
from frontdesk.models.care import CallOutcome, CareCall, CareChannel
from frontdesk.models.complaint import (
    Complaint,
    ComplaintCategory,
    ComplaintChannel,
    ComplaintSeverity,
    ComplaintStage,
    ComplaintStep,
    StepKind,
)
from frontdesk.models.survey import (
    QualityCheck,
    QualityCheckItem,
    Survey,
    SurveyTemplate,
    Verdict,
)
from frontdesk.services.registry import Services
from tests.care_history import new_client

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOVEMBER = dt.date(2026, 11, 1)
Cat, Sev, Ch, St = ComplaintCategory, ComplaintSeverity, ComplaintChannel, ComplaintStage


def at(month: int, day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A local time in 2026 (Shanghai), as the aware UTC time the database keeps."""
    return dt.datetime(2026, month, day, hour, minute, tzinfo=SHANGHAI).astimezone(dt.UTC)


@dataclass(frozen=True)
class Month:
    staff_a: int
    """美丽, a therapist."""
    staff_b: int
    """小芳, a therapist."""
    client: int
    inspector: int


def _staff(services: Services, admin: Actor, username: str, name: str, role: Role) -> int:
    with services.db.write() as s:
        staff = Staff(branch_id=admin.branch_id, username=username, display_name=name,
                      role=role)
        s.add(staff)
        s.flush()
        return staff.id


def _case(ref: str, received: dt.datetime, category: ComplaintCategory,
          severity: ComplaintSeverity, channel: ComplaintChannel, stage: ComplaintStage,
          **more: object) -> Complaint:
    return Complaint(ref_no=ref, received_at=received, category=category, severity=severity,
                     channel=channel, stage=stage, **more)


def _complaints(m: Month, owner: int) -> list[Complaint]:
    a, b, c = m.staff_a, m.staff_b, m.client
    return [
        _case("TS01", at(11, 2, 10), Cat.ATTITUDE, Sev.MEDIUM, Ch.PHONE, St.CLOSED, client_id=c,
              staff_id=a, owner_id=owner, resolved_at=at(11, 2, 20), closed_at=at(11, 3, 9),
              compensation_fen=5000, satisfied=True),  # 10 h
        _case("TS02", at(11, 5, 9), Cat.ATTITUDE, Sev.LOW, Ch.ON_SITE, St.FEEDBACK, client_id=c,
              staff_id=a, owner_id=owner, resolved_at=at(11, 6, 15), reopen_count=1),  # 30 h
        _case("TS03", at(11, 10, 8), Cat.ATTITUDE, Sev.HIGH, Ch.WECHAT, St.FEEDBACK,
              client_id=c, staff_id=b, resolved_at=at(11, 12, 10),
              compensation_fen=12345),  # 50 h
        _case("TS04", at(11, 20, 11), Cat.SAFETY, Sev.HIGH, Ch.ON_SITE, St.INVESTIGATION,
              client_id=c, staff_id=b, owner_id=owner),
        _case("TS05", at(11, 30, 23, 30), Cat.PRICE_BILLING, Sev.LOW, Ch.SURVEY, St.INTAKE,
              complainant="=1+1"),  # 15:30 UTC: still November where the store is
        _case("TS06", at(10, 31, 23), Cat.EFFICIENCY, Sev.MEDIUM, Ch.EMAIL, St.FEEDBACK,
              client_id=c, staff_id=a, resolved_at=at(11, 1, 5), compensation_fen=1000,
              reopen_count=1),  # October's; resolved in November after 6 h
        _case("TS07", at(12, 1, 0, 30), Cat.ATTITUDE, Sev.LOW, Ch.PHONE, St.INTAKE,
              client_id=c),  # 16:30 UTC on Nov 30: December where the store is
    ]


def _steps(ids: dict[str, int]) -> list[ComplaintStep]:
    def step(ref: str, kind: StepKind, when: dt.datetime) -> ComplaintStep:
        return ComplaintStep(complaint_id=ids[ref], kind=kind, at=when)

    return [
        step("TS01", StepKind.TAKEN, at(11, 2, 10)), step("TS01", StepKind.MOVED, at(11, 2, 11)),
        step("TS02", StepKind.REOPENED, at(11, 6, 10)),
        step("TS03", StepKind.ESCALATED, at(11, 10, 12, 30)),
        step("TS03", StepKind.ESCALATED, at(11, 11, 8, 30)),
        step("TS04", StepKind.ESCALATED, at(11, 20, 15, 30)),
        step("TS06", StepKind.REOPENED, at(11, 3, 9)),
        step("TS06", StepKind.ESCALATED, at(10, 31, 23, 30)),  # October's
        step("TS07", StepKind.ESCALATED, at(12, 1, 5)),  # December's
    ]


def _surveys(branch: int, template: int, client: int, entered_by: int) -> list[Survey]:
    answers = [  # answered, attitude, efficiency, product, environment, price, recommend, low
        (at(11, 3, 10), 5, 5, 4, 5, 4, 10, False, ""),
        (at(11, 8, 10), 4, 3, 4, 5, 3, 9, False, "@SUM(A1)"),
        (at(11, 9, 10), 2, 4, None, 4, 3, 6, True, "-太慢了"),
        (at(11, 15, 10), 5, 4, 5, 5, 5, 8, False, "很好"),
        (at(11, 30, 23, 50), 3, 5, 4, 2, 4, None, False, ""),
        (at(10, 20, 10), 1, 1, 1, 1, 1, 0, True, ""),  # October's
        (at(12, 1, 0, 10), 5, 5, 5, 5, 5, 10, False, ""),  # December's
    ]
    return [Survey(branch_id=branch, template_id=template, client_id=client,
                   entered_by_id=entered_by, answered_at=when, attitude=a1, efficiency=a2,
                   product_quality=a3, environment=a4, price=a5, recommend=rec, low=low,
                   comment=comment)
            for when, a1, a2, a3, a4, a5, rec, low, comment in answers]


def build_month(services: Services, admin: Actor) -> Month:
    """Write the month (see the module docstring); returns who is who."""
    m = Month(staff_a=_staff(services, admin, "meili", "美丽", Role.THERAPIST),
              staff_b=_staff(services, admin, "xiaofang", "小芳", Role.THERAPIST),
              client=new_client(services, admin, "王芳", "13912345678"),
              inspector=_staff(services, admin, "qc1", "质检员", Role.QUALITY_INSPECTOR))
    branch = admin.branch_id
    with services.db.write() as s:
        cases = _complaints(m, admin.staff_id)
        for case in cases:
            case.branch_id = branch
        s.add_all(cases)
        s.flush()
        s.add_all(_steps({c.ref_no: c.id for c in cases}))
        template = SurveyTemplate(branch_id=branch, name="默认")
        s.add(template)
        s.flush()
        s.add_all(_surveys(branch, template.id, m.client, admin.staff_id))
        calls = [CareCall(branch_id=branch, client_id=m.client, staff_id=admin.staff_id,
                          at=at(11, 4 + i, 15), channel=CareChannel.CALL,
                          outcome=CallOutcome.REACHED) for i in range(5)]
        s.add_all(calls)
        november = QualityCheck(branch_id=branch, month=NOVEMBER, inspector_id=m.inspector,
                                finished_at=at(11, 28, 17), content="问候语、话术、记录",
                                results="基本合格", problems="+未报店名", fixes="培训话术")
        october = QualityCheck(branch_id=branch, month=dt.date(2026, 10, 1),
                               inspector_id=m.inspector)
        s.add_all([november, october])
        s.flush()
        # November's check: 4 calls sampled, 2 passed, 1 failed, 1 pending; October's: 1
        verdicts = [Verdict.PASS, Verdict.PASS, Verdict.FAIL, Verdict.PENDING]
        s.add_all(QualityCheckItem(check_id=november.id, call_id=call.id, verdict=v)
                  for call, v in zip(calls, verdicts, strict=False))
        s.add(QualityCheckItem(check_id=october.id, call_id=calls[4].id, verdict=Verdict.FAIL))
    return m
