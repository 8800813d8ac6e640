"""The month's complaints and satisfaction report, checked number by number against a
hand-built month (tests/complaint_report_data.py), and its workbook read back."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from frontdesk.core.context import Actor, Role
from frontdesk.errors import PermissionDenied, ValidationError
from frontdesk.models.audit import AuditEntry
from frontdesk.models.complaint import ComplaintCategory as Cat
from frontdesk.models.complaint import ComplaintChannel as Ch
from frontdesk.models.complaint import ComplaintSeverity as Sev
from frontdesk.models.survey import SurveyDimension as Dim
from frontdesk.services.audit import AuditAction
from frontdesk.services.complaints.report_views import (
    ComplaintFigures,
    DimensionScore,
    MonthReport,
    StaffCount,
    per_mille,
    percent_text,
    tenths_text,
)
from frontdesk.services.complaints.report_xlsx import sheet_title
from frontdesk.services.registry import Services
from tests.actors import staff_in_role
from tests.complaint_report_data import NOVEMBER, Month, build_month


@pytest.fixture
def month(services: Services, admin: Actor) -> Month:
    return build_month(services, admin)


@pytest.fixture
def report(services: Services, admin: Actor, month: Month) -> MonthReport:
    return services.complaint_report.month(admin, NOVEMBER.replace(day=17))


def test_the_months_complaints_are_counted_by_kind(report: MonthReport, month: Month) -> None:
    # received in November, local time: TS01–TS05 (TS05 at 23:30 on the 30th; TS06 is
    # October's 23:00 on the 31st, TS07 December's 00:30 on the 1st)
    c = report.complaints
    assert report.month == NOVEMBER
    assert c.received == 5
    assert dict(c.by_category) == {Cat.ATTITUDE: 3, Cat.EFFICIENCY: 0, Cat.PRODUCT_QUALITY: 0,
                                   Cat.ENVIRONMENT: 0, Cat.PRICE_BILLING: 1, Cat.SAFETY: 1}
    assert dict(c.by_severity) == {Sev.LOW: 2, Sev.MEDIUM: 1, Sev.HIGH: 2}
    assert dict(c.by_channel) == {Ch.ON_SITE: 2, Ch.PHONE: 1, Ch.WECHAT: 1, Ch.EMAIL: 0,
                                  Ch.ONLINE_REVIEW: 0, Ch.SURVEY: 1}
    assert c.by_staff == (StaffCount(month.staff_b, "小芳", 2),
                          StaffCount(month.staff_a, "美丽", 2), StaffCount(None, "", 1))


def test_resolution_deadlines_reopens_and_compensation(report: MonthReport) -> None:
    c = report.complaints
    # resolved in November: TS01 10 h, TS02 30 h, TS03 50 h, and October's TS06 after 6 h
    assert c.resolved == 4
    assert c.median_resolve_hours == 20  # (10 + 30) / 2
    assert c.compensation_fen == 5000 + 12345 + 1000
    # ESCALATED steps in November: TS03 twice, TS04 once (TS06's is October's, TS07's December's)
    assert (c.escalations, c.escalated_cases) == (3, 2)
    # REOPENED steps in November: TS02's and October's TS06; of the 5 received, TS02 reopened
    assert (c.reopens, c.reopened_cases, c.reopen_rate) == (2, 1, Fraction(1, 5))


def test_the_previous_month_stands_beside_it(report: MonthReport, month: Month) -> None:
    before = report.previous
    assert before.month.isoformat() == "2026-10-01"
    assert before.complaints == ComplaintFigures(
        received=1,
        by_category=tuple((k, int(k is Cat.EFFICIENCY)) for k in Cat),
        by_severity=tuple((k, int(k is Sev.MEDIUM)) for k in Sev),
        by_channel=tuple((k, int(k is Ch.EMAIL)) for k in Ch),
        by_staff=(StaffCount(month.staff_a, "美丽", 1),), reopened_cases=1, resolved=0,
        median_resolve_hours=None, compensation_fen=0, escalations=1, escalated_cases=1,
        reopens=0)
    assert before.complaints.reopen_rate == 1
    s = before.satisfaction
    assert (s.surveys, s.low, s.recommend_answers, s.promoters, s.detractors) == (1, 1, 1, 0, 1)
    assert s.nps == -100 and s.loyalty == 0
    assert all((d.answers, d.total, d.satisfied) == (1, 1, 0) for d in s.dimensions)


def test_satisfaction_by_dimension_loyalty_and_nps(report: MonthReport) -> None:
    s = report.satisfaction
    assert (s.surveys, s.low) == (5, 1)
    assert s.dimensions == (
        DimensionScore(Dim.ATTITUDE, 5, 19, 3),  # 5 4 2 5 3
        DimensionScore(Dim.EFFICIENCY, 5, 21, 4),  # 5 3 4 4 5
        DimensionScore(Dim.PRODUCT_QUALITY, 4, 17, 4),  # 4 4 – 5 4
        DimensionScore(Dim.ENVIRONMENT, 5, 21, 4),  # 5 5 4 5 2
        DimensionScore(Dim.PRICE, 5, 19, 3))  # 4 3 3 5 4
    attitude = s.dimension(Dim.ATTITUDE)
    assert (attitude.mean, attitude.satisfied_share, attitude.meets_target) == (
        Fraction(19, 5), Fraction(3, 5), False)
    quality = s.dimension(Dim.PRODUCT_QUALITY)
    assert (quality.mean, quality.satisfied_share, quality.meets_target) == (
        Fraction(17, 4), 1, True)
    # recommend: 10 9 6 8 and one unanswered: 2 promoters, 1 detractor of 4
    assert (s.recommend_answers, s.promoters, s.detractors) == (4, 2, 1)
    assert (s.loyalty, s.loyalty_meets_target, s.nps) == (Fraction(1, 2), False, 25)


def test_the_months_spot_checks(report: MonthReport) -> None:
    checks = report.spot_checks
    assert len(checks.checks) == 1  # October's is not November's
    check = checks.checks[0]
    assert (check.inspector, check.sampled, check.passed, check.failed, check.pending) == (
        "质检员", 4, 2, 1, 1)
    assert (check.content, check.problems, check.fixes) == ("问候语、话术、记录", "+未报店名",
                                                            "培训话术")
    assert (checks.sampled, checks.passed, checks.failed) == (4, 2, 1)


def test_shares_render_exactly() -> None:
    assert [per_mille(Fraction(2, 3)), per_mille(Fraction(-1, 8)), per_mille(Fraction(1))] == [
        667, -125, 1000]
    assert [percent_text(Fraction(17, 20)), percent_text(None), percent_text(Fraction(-1, 3))
            ] == ["85.0%", "–", "-33.3%"]
    assert [sheet_title("'Q1/Q2: [draft]'"), sheet_title("汇总"), sheet_title("")] == [
        "Q1Q2 draft", "汇总", "Sheet"]
    assert [tenths_text(Fraction(41, 2)), tenths_text(25), tenths_text(Fraction(-1, 20))] == [
        "20.5", "25.0", "-0.1"]


def test_an_empty_month_has_nothing_to_divide(services: Services, admin: Actor) -> None:
    r = services.complaint_report.month(admin, NOVEMBER)
    assert r.complaints.received == 0 and r.complaints.reopen_rate is None
    assert r.complaints.median_resolve_hours is None
    assert r.satisfaction.nps is None and r.satisfaction.loyalty is None
    assert all(d.mean is None and d.meets_target is None for d in r.satisfaction.dimensions)


def test_who_may_see_it_and_the_audit_trail(services: Services, admin: Actor, month: Month,
                                            tmp_path: Path) -> None:
    desk = staff_in_role(services.db, admin.branch_id, Role.RECEPTIONIST)
    with pytest.raises(PermissionDenied):
        services.complaint_report.month(desk, NOVEMBER)
    with pytest.raises(PermissionDenied):
        services.complaint_report.export(desk, NOVEMBER, tmp_path / "r.xlsx")
    inspector = staff_in_role(services.db, admin.branch_id, Role.QUALITY_INSPECTOR, "qc2")
    assert services.complaint_report.month(inspector, NOVEMBER).complaints.received == 5
    services.complaint_report.export(inspector, NOVEMBER, tmp_path / "r.xlsx")
    with services.db.read() as s:
        trail = s.execute(select(AuditEntry.action, AuditEntry.staff_id, AuditEntry.detail)
                          .order_by(AuditEntry.id)).all()
    assert trail[-2:] == [
        (AuditAction.COMPLAINT_REPORT_VIEW, inspector.staff_id, "month=2026-11"),
        (AuditAction.COMPLAINT_REPORT_EXPORT, inspector.staff_id, "month=2026-11 file=r.xlsx")]
    with pytest.raises(ValidationError) as refused:
        services.complaint_report.export(admin, NOVEMBER, tmp_path / "r.csv")
    assert refused.value.field == "path"
    with pytest.raises(ValidationError) as refused:
        services.complaint_report.month(admin, "2026-11")  # type: ignore[arg-type]
    assert refused.value.field == "month"


def _rows(sheet: object) -> list[tuple[object, ...]]:
    return [tuple(r) for r in sheet.iter_rows(values_only=True)]  # type: ignore[attr-defined]


def _by_label(rows: list[tuple[object, ...]]) -> dict[object, tuple[object, ...]]:
    return {r[0]: r[1:] for r in rows if r and r[0] is not None}


def test_the_workbook_reads_back_as_the_report(services: Services, admin: Actor, month: Month,
                                                report: MonthReport, tmp_path: Path) -> None:
    path = services.complaint_report.export(admin, NOVEMBER, tmp_path / "nov.xlsx")
    book = load_workbook(path)
    assert book.sheetnames == ["Summary", "Complaints", "Surveys", "Spot checks"]
    summary = _by_label(_rows(book["Summary"]))
    assert summary["Complaints received"][:2] == (5, 1)
    assert summary["Resolved in the month"][:2] == (4, 0)
    assert summary["Median time to resolve (hours)"][:2] == (20, None)
    assert summary["Deadlines missed (escalations)"][:2] == (3, 1)
    assert summary["Reopen rate (received cases reopened)"][:2] == (0.2, 1)
    assert [Decimal(str(v)) for v in summary["Compensation (yuan)"][:2]] == [
        Decimal("183.45"), Decimal("0")]
    assert summary["Loyal (recommend 9–10)"][:3] == (0.5, 0, 0.7)
    assert summary["NPS (points)"][:2] == (25, -100)
    rows = _rows(book["Summary"])
    attitude = [r[1:] for r in rows if r[0] == "Attitude"]  # the category, then the dimension
    assert attitude[0][:2] == (3, 0) and attitude[1][:4] == (5, 3.8, 0.6, 0.85)
    assert summary["Price billing"][:2] == (1, 0) and summary["Safety"][:2] == (1, 0)
    assert summary["(no staff member named)"][0] == 1
    assert summary["Calls checked"][0] == 4 and summary["Failed"][0] == 1


def test_the_workbooks_tables_and_their_escaping(services: Services, admin: Actor,
                                                 month: Month, tmp_path: Path) -> None:
    book = load_workbook(services.complaint_report.export(admin, NOVEMBER, tmp_path / "n.xlsx"))
    complaints = _rows(book["Complaints"])
    assert [r[0] for r in complaints[1:]] == ["TS01", "TS02", "TS03", "TS04", "TS05"]
    ts01, ts03, ts05 = complaints[1], complaints[3], complaints[5]
    assert ts01[1].isoformat() == "2026-11-02T10:00:00"  # type: ignore[union-attr]
    assert ts01[4:12] == ("Attitude", "Medium", "Phone", "Closed", "王芳", "139****5678",
                          "美丽", "管理员")
    assert (ts01[12], ts01[13], ts01[14]) == (50, 0, "Yes")
    assert Decimal(str(ts03[12])) == Decimal("123.45")
    assert book["Complaints"].cell(4, 13).number_format == "#,##0.00"
    assert book["Complaints"].column_dimensions["A"].width == 16
    assert ts05[8] == "'=1+1"  # shown, never run
    surveys = _rows(book["Surveys"])
    assert surveys[0][3:8] == ("Attitude", "Efficiency", "Product quality", "Environment",
                               "Price")
    assert len(surveys) == 6 and surveys[2][3:11] == (4, 3, 4, 5, 3, 9, "No", "'@SUM(A1)")
    assert surveys[3][10] == "'-太慢了"
    checks = _rows(book["Spot checks"])
    assert checks[1][:6] == ("质检员", checks[1][1], 4, 2, 1, 1)
    assert checks[1][8:] == ("'+未报店名", "培训话术")
