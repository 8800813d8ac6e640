"""The demo store's complaints, surveys and spot checks: four months of cases in every
stage, each step consistent with where the case is, compensation booked through the card
ledger (the card check passes), low surveys that opened cases, finished spot checks; on
SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from sqlalchemy import func, select

from frontdesk.core.context import Role
from frontdesk.db import Database
from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.demo.fill import DemoSummary
from frontdesk.models.card import CardOperation, OperationKind, Voucher, VoucherSource
from frontdesk.models.care import CareKind, CareStatus, CareTask
from frontdesk.models.complaint import (
    ALLOWED_MOVES,
    Complaint,
    ComplaintSource,
    ComplaintStage,
    ComplaintStep,
    StepKind,
)
from frontdesk.models.survey import QualityCheck, QualityCheckItem, Survey, SurveyQuestion, Verdict
from frontdesk.services.registry import Services
from tests.conftest import FakeClock
from tests.unit.test_demo import fill, fresh_sqlite


@pytest.fixture
def demo(db: Database, clock: FakeClock) -> DemoSummary:
    return fill(db, clock, clients=300)


def cases(db: Database) -> tuple[list[Complaint], dict[int, list[ComplaintStep]]]:
    with db.read() as s:
        found = list(s.scalars(select(Complaint).order_by(Complaint.id)))
        steps: dict[int, list[ComplaintStep]] = defaultdict(list)
        for step in s.scalars(select(ComplaintStep).order_by(ComplaintStep.at,
                                                             ComplaintStep.id)):
            steps[step.complaint_id].append(step)
        s.expunge_all()
    return found, steps


def test_there_are_complaints_in_every_stage(db: Database, demo: DemoSummary,
                                             clock: FakeClock) -> None:
    found, steps = cases(db)
    assert demo.complaints == len(found) > 20
    stages = Counter(c.stage for c in found)
    assert set(stages) == set(ComplaintStage) and stages[ComplaintStage.CLOSED] > 10
    closed = [c for c in found if c.stage is ComplaintStage.CLOSED]
    assert {c.satisfied for c in closed} == {True, False}
    assert any(c.reopen_count for c in closed)
    assert any(c.reopen_count and c.stage is ComplaintStage.INVESTIGATION for c in found)
    assert any(c.client_id is None and c.complainant for c in found)
    assert any(c.escalated_at for c in found)
    assert any(s.kind is StepKind.ESCALATED for c in closed for s in steps[c.id])
    assert all(c.received_at < clock() for c in found)
    assert all(c.visit_id and c.staff_id and c.service_item_id for c in found if c.client_id)


def test_reference_numbers_are_the_day_and_its_sequence(db: Database, demo: DemoSummary) -> None:
    found, _ = cases(db)
    by_day: dict[str, list[int]] = defaultdict(list)
    for c in found:
        assert re.fullmatch(r"TS\d{6}\d{4}", c.ref_no), c.ref_no
        assert c.ref_no[2:8] == c.received_at.astimezone().strftime("%y%m%d")
        by_day[c.ref_no[:8]].append(int(c.ref_no[8:]))
    assert all(sorted(seq) == list(range(1, len(seq) + 1)) for seq in by_day.values())


def test_every_cases_steps_lead_to_its_stage(db: Database, demo: DemoSummary) -> None:
    found, steps = cases(db)
    for case in found:
        taken, *rest = steps[case.id]
        assert taken.kind is StepKind.TAKEN and taken.at == case.received_at
        stage, reopened = ComplaintStage.INTAKE, 0
        for step in rest:
            if step.kind in (StepKind.MOVED, StepKind.REOPENED):
                assert step.from_stage is stage and step.to_stage in ALLOWED_MOVES[stage]
                reopened += step.kind is StepKind.REOPENED
                stage = step.to_stage
            elif step.kind is StepKind.ESCALATED:
                assert step.from_stage is stage and step.staff_id is None
        assert (stage, reopened) == (case.stage, case.reopen_count), case.ref_no
        open_ = case.stage is not ComplaintStage.CLOSED
        assert (case.due_at is not None) == open_ and (case.closed_at is None) == open_
        assert (case.satisfied is None) == open_ or case.stage is ComplaintStage.FEEDBACK
        if case.escalated_at is not None:
            assert rest[-1].kind is StepKind.ESCALATED and case.due_at < case.escalated_at


def test_open_cases_are_on_their_owners_and_the_managers_lists(db: Database,
                                                              demo: DemoSummary) -> None:
    found, _ = cases(db)
    with db.read() as s:
        tasks = {t.occasion: t for t in s.scalars(select(CareTask).where(
            CareTask.kind == CareKind.COMPLAINT_DEADLINE))}
    for case in found:
        if case.stage is ComplaintStage.CLOSED:
            continue
        key = f"{case.id}:{case.stage.value}:{case.reopen_count}"
        task = tasks[f"complaint:{key}"]
        assert (task.assigned_to_id, task.status) == (case.owner_id, CareStatus.OPEN)
        assert (f"complaint-late:{key}" in tasks) == (case.escalated_at is not None)


def test_compensation_vouchers_are_in_the_ledger_and_the_card_check_passes(
        db: Database, demo: DemoSummary, clock: FakeClock, tmp_path: Path) -> None:
    found, steps = cases(db)
    compensated = [c for c in found if c.compensation_op_id]
    assert compensated and all(c.compensation_fen > 0 and "voucher" in c.remedies
                               for c in compensated)
    with db.read() as s:
        vouchers = {v.id: v for v in s.scalars(select(Voucher).where(
            Voucher.source == VoucherSource.COMPLAINT))}
        ops = {o.id: o for o in s.scalars(select(CardOperation).where(
            CardOperation.kind == OperationKind.VOUCHER_ISSUE))}
    assert len(vouchers) == len(compensated)
    for case in compensated:
        op = ops[case.compensation_op_id]  # type: ignore[index]
        assert op.client_id == case.client_id
        assert any(v.client_id == case.client_id and v.value_fen == case.compensation_fen
                   and case.ref_no in v.title for v in vouchers.values())
        assert [s.kind for s in steps[case.id]].count(StepKind.COMPENSATED) == 1
    services = Services(db, clock, photos_dir=tmp_path)
    report = services.card_report.check(services.auth.sign_in("manager", DEMO_PASSWORD))
    assert report.ok, [v.detail for item in report.items for v in item.violations]


def test_surveys_exist_and_low_ones_opened_complaints(db: Database, demo: DemoSummary) -> None:
    found, _ = cases(db)
    with db.read() as s:
        surveys = list(s.scalars(select(Survey)))
        questions = list(s.scalars(select(SurveyQuestion.text).order_by(SurveyQuestion.position)))
    assert demo.surveys == len(surveys) > 10
    assert questions == ["服务态度", "服务效率", "产品质量", "环境", "价格", "推荐意愿", "意见建议"]
    low = {s.id for s in surveys if s.low}
    from_surveys = {c.survey_id for c in found if c.source is ComplaintSource.SURVEY}
    assert low and from_surveys == low
    assert all(min(s.attitude, s.efficiency, s.product_quality, s.environment,  # type: ignore
                   s.price) <= 2 for s in surveys if s.low)


def test_past_months_have_finished_spot_checks(db: Database, demo: DemoSummary,
                                               clock: FakeClock, tmp_path: Path) -> None:
    with db.read() as s:
        checks = list(s.scalars(select(QualityCheck).order_by(QualityCheck.month)))
        verdicts = Counter(s.scalars(select(QualityCheckItem.verdict)))
    assert demo.spot_checks == len(checks) == 3
    assert [c.month for c in checks] == [dt.date(2026, 8, 1), dt.date(2026, 9, 1),
                                         dt.date(2026, 10, 1)]
    assert all(c.finished_at and c.content and c.results for c in checks)
    assert verdicts[Verdict.PASS] > verdicts[Verdict.FAIL] and not verdicts[Verdict.PENDING]
    services = Services(db, clock, photos_dir=tmp_path)
    inspector = services.auth.sign_in("qc1", DEMO_PASSWORD)
    assert inspector.role is Role.QUALITY_INSPECTOR
    assert services.quality.calls_of_month(inspector, dt.date(2026, 11, 1)).calls > 0
    detail = services.quality.check(inspector, checks[-1].id)
    assert len(detail.items) == detail.check.sampled == 10
    handler = services.auth.sign_in("complaints1", DEMO_PASSWORD)
    assert handler.role is Role.COMPLAINT_HANDLER


def story(db: Database) -> list[tuple[object, ...]]:
    with db.read() as s:
        return [tuple(r) for r in s.execute(
            select(Complaint.ref_no, Complaint.client_id, Complaint.stage, Complaint.category,
                   Complaint.compensation_fen, func.count(ComplaintStep.id))
            .join(ComplaintStep, ComplaintStep.complaint_id == Complaint.id)
            .group_by(Complaint.id).order_by(Complaint.id))]


def test_the_same_seed_makes_the_same_cases(db: Database, demo: DemoSummary, clock: FakeClock,
                                            tmp_path: Path, sqlite_template: Path) -> None:
    twin = fresh_sqlite(sqlite_template, tmp_path / "twin.sqlite3")
    try:
        fill(twin, clock, clients=300)
        assert story(twin) == story(db)
    finally:
        twin.dispose()
