"""The demo store's complaints (投诉), satisfaction surveys and spot checks of the last
four months, so the complaint pages, the reports and the inspector have a past to show.

After the care demo (:mod:`.care`), the complaint handler (``complaints1``) signs in for
real, as the cards demo's manager does: every voucher of compensation is booked through
the card ledger in their name (``issue_voucher``, source COMPLAINT), so the card check
still passes. Then, in one transaction:

- the surveys of a sample of the window's visits (:mod:`.surveys`); each low one
  opens a complaint (source SURVEY);
- complaints about a sample of the window's visits, and two online reviews by people
  who are not clients: most closed (a few unhappy, a few reopened first), the newest
  in each open stage, some of them overdue and escalated (:mod:`.complaint_cases`
  plays each case's life); reference numbers ``TS`` + the local day (yymmdd) + the
  day's sequence;
- the client managers' care calls of each month, and a finished spot check of each
  full month by the inspector (``qc1``) (:mod:`.quality`).

The same seed gives the same cases (but for the voucher codes, drawn at random as the
desk's are). No demo complaint handler (a store made by the wizard whose name was
taken): none of this.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Clock
from frontdesk.db import Database
from frontdesk.demo.complaint_cases import CasePlan, Crew, play
from frontdesk.demo.complaint_words import DemoTexts, texts
from frontdesk.demo.data import DEMO_PASSWORD
from frontdesk.demo.quality import Months, write_calls, write_checks
from frontdesk.demo.surveys import LowSurvey, VisitRow, write_surveys
from frontdesk.errors import DomainError
from frontdesk.models import ConsumptionLine, Staff, Visit, VisitStatus
from frontdesk.models.complaint import ComplaintCategory as Cat
from frontdesk.models.complaint import ComplaintChannel as Channel
from frontdesk.models.complaint import ComplaintSeverity as Severity
from frontdesk.models.complaint import ComplaintSource as Source
from frontdesk.models.complaint import ComplaintStage as Stage
from frontdesk.models.survey import Survey, SurveyDimension
from frontdesk.services.registry import Services

WINDOW_DAYS = 122
VISITS_READ = 20_000
CLOSED = (Stage.INVESTIGATION, Stage.RESOLUTION, Stage.FEEDBACK, Stage.CLOSED)
REOPENED_AT_FEEDBACK = (*CLOSED[:3], *CLOSED)
REOPENED_WHEN_CLOSED = (*CLOSED, *CLOSED)
OPEN: tuple[tuple[tuple[Stage, ...], int, Severity], ...] = (
    ((), 3, Severity.HIGH), ((), 60, Severity.LOW),
    (CLOSED[:1], 20, Severity.MEDIUM), (CLOSED[:1], 100, Severity.MEDIUM),
    (CLOSED[:2], 40, Severity.LOW),
    (CLOSED[:3], 30, Severity.MEDIUM), (CLOSED[:3], 150, Severity.HIGH),
    ((*CLOSED[:3], Stage.INVESTIGATION), 200, Severity.MEDIUM))
"""The open cases: (the stages entered, hours since received, severity); some overdue."""
CATEGORIES = ((Cat.ATTITUDE, 25), (Cat.EFFICIENCY, 25), (Cat.PRODUCT_QUALITY, 15),
              (Cat.ENVIRONMENT, 15), (Cat.PRICE_BILLING, 12), (Cat.SAFETY, 8))
CHANNELS = (Channel.ON_SITE, Channel.PHONE, Channel.PHONE, Channel.WECHAT, Channel.EMAIL)
OF_DIMENSION = {SurveyDimension.ATTITUDE: Cat.ATTITUDE, SurveyDimension.EFFICIENCY: Cat.EFFICIENCY,
                SurveyDimension.PRODUCT_QUALITY: Cat.PRODUCT_QUALITY,
                SurveyDimension.ENVIRONMENT: Cat.ENVIRONMENT,
                SurveyDimension.PRICE: Cat.PRICE_BILLING}


@dataclass(frozen=True)
class ComplaintsFill:
    complaints: int
    surveys: int
    checks: int


@dataclass(frozen=True)
class _People:
    desk: tuple[int, ...]
    """Who takes complaints and enters surveys."""
    manager_id: int | None
    inspector_id: int | None


def fill_complaints(db: Database, clock: Clock, branch_id: int, language: str,
                    seed: int) -> ComplaintsFill:
    """The demo's complaints, surveys and spot checks (see the module docstring)."""
    services = Services(db, clock, photos_dir=Path("/nonexistent"))
    try:
        handler = services.auth.sign_in("complaints1", DEMO_PASSWORD)
    except DomainError:
        return ComplaintsFill(0, 0, 0)
    now, words = clock(), texts(language)
    rng = random.Random(seed * 7_919 + 13)
    with db.write() as s:
        people = _people(s, branch_id, handler.staff_id)
        visits = _visits(s, branch_id, now)
        if not visits:
            return ComplaintsFill(0, 0, 0)
        low = write_surveys(s, branch_id, rng, visits, people.desk, now, words)
        plans = _plans(rng, visits, low, people, now, words)
        crew = Crew(handler, people.manager_id)
        for plan, ref in zip(plans, _refs(plans), strict=True):
            play(s, plan, ref, crew, rng, now, words)
        first = (now.astimezone().date() - dt.timedelta(days=WINDOW_DAYS - 30)).replace(day=1)
        calls = write_calls(s, branch_id, rng, Months(first, now), words)
        checks = 0 if people.inspector_id is None else write_checks(
            s, branch_id, people.inspector_id, rng, calls, now, words)
        surveys = int(s.scalar(select(func.count()).select_from(Survey)) or 0)
    return ComplaintsFill(len(plans), surveys, checks)


def _people(s: Session, branch_id: int, handler_id: int) -> _People:
    ids = {name: i for name, i in s.execute(select(Staff.username, Staff.id).where(
        Staff.branch_id == branch_id, Staff.active))}
    desk = tuple(ids[name] for name in ("reception1", "reception2", "care1") if name in ids)
    return _People(desk or (handler_id,), ids.get("manager"), ids.get("qc1"))


def _visits(s: Session, branch_id: int, now: dt.datetime) -> list[VisitRow]:
    """The window's closed visits (the latest :data:`VISITS_READ`), with their first service."""
    service = (select(func.min(ConsumptionLine.service_item_id))
               .where(ConsumptionLine.visit_id == Visit.id).scalar_subquery())
    rows = s.execute(select(Visit.id, Visit.client_id, Visit.closed_at, Visit.therapist_id,
                            service)
                     .where(Visit.branch_id == branch_id, Visit.status == VisitStatus.CLOSED,
                            Visit.arrived_at >= now - dt.timedelta(days=WINDOW_DAYS),
                            Visit.arrived_at < now)
                     .order_by(Visit.arrived_at.desc()).limit(VISITS_READ))
    return sorted((VisitRow(v, c, at, t, item) for v, c, at, t, item in rows if at is not None),
                  key=lambda v: (v.closed_at, v.visit_id))


def _plans(rng: random.Random, visits: list[VisitRow], low: list[LowSurvey], people: _People,
           now: dt.datetime, words: DemoTexts) -> list[CasePlan]:
    """Every case to play, oldest first: the desk's, the reviews, the low surveys'."""
    count = max(10, min(60, len(visits) // 30))
    picked = sorted(rng.sample(visits, min(count, len(visits))), key=lambda v: v.closed_at)
    plans = [_open_plan(rng, visits, spec, people, now) for spec in OPEN]
    settled = now - dt.timedelta(days=12)
    for n, visit in enumerate(picked):
        received = visit.closed_at + dt.timedelta(hours=rng.uniform(2, 48))
        if received < settled:
            plans.append(_closed_plan(rng, visit, received, n, people, now))
    plans += [_review(rng, n, people, settled, words) for n in range(2)]
    plans += [_survey_plan(rng, survey, now) for survey in low]
    return sorted(plans, key=lambda p: p.received_at)


def _about(rng: random.Random, visit: VisitRow | None, people: _People, received: dt.datetime,
           category: Cat, **rest: Any) -> CasePlan:
    """A plan about the visit (its client, staff and service), taken at the desk."""
    return CasePlan(received_at=received, client_id=visit.client_id if visit else None,
                    visit_id=visit.visit_id if visit else None,
                    staff_id=visit.therapist_id if visit else None,
                    service_item_id=visit.service_item_id if visit else None,
                    category=category, taken_by_id=rng.choice(people.desk), **rest)


def _category(rng: random.Random) -> Cat:
    return rng.choices([c for c, _ in CATEGORIES], [w for _, w in CATEGORIES])[0]


def _voucher(rng: random.Random, category: Cat) -> int:
    if category is Cat.SAFETY:
        return 50_000
    return rng.choice((10_000, 19_800, 20_000)) if rng.random() < 0.3 else 0


def _open_plan(rng: random.Random, visits: list[VisitRow],
               spec: tuple[tuple[Stage, ...], int, Severity], people: _People,
               now: dt.datetime) -> CasePlan:
    path, hours, severity = spec
    received = now - dt.timedelta(hours=hours)
    before = [v for v in visits if v.closed_at < received] or visits[:1]
    visit = rng.choice(before[-200:])
    category = Cat.SAFETY if severity is Severity.HIGH else _category(rng)
    return _about(rng, visit, people, received, category,
                  ends_at=now - dt.timedelta(minutes=30), complainant="",
                  channel=rng.choice(CHANNELS), severity=severity, source=Source.DESK,
                  path=path, voucher_fen=_voucher(rng, category))


def _closed_plan(rng: random.Random, visit: VisitRow, received: dt.datetime, n: int,
                 people: _People, now: dt.datetime) -> CasePlan:
    path: tuple[Stage, ...] = CLOSED
    satisfied = True
    if n == 0 or (n > 2 and rng.random() < 0.15):
        satisfied = False
    elif n == 1 or (n > 2 and rng.random() < 0.1):
        path = REOPENED_AT_FEEDBACK
    elif n == 2 or (n > 2 and rng.random() < 0.05):
        path, satisfied = REOPENED_WHEN_CLOSED, False
    category = _category(rng)
    severity = Severity.HIGH if category is Cat.SAFETY else Severity.MEDIUM \
        if category is Cat.PRICE_BILLING else rng.choice((Severity.LOW, Severity.MEDIUM))
    ends = min(received + dt.timedelta(days=rng.uniform(1, 9)), now - dt.timedelta(hours=1))
    return _about(rng, visit, people, received, category,
                  ends_at=ends, complainant="", channel=rng.choice(CHANNELS),
                  severity=severity, source=Source.DESK, path=path, satisfied=satisfied,
                  voucher_fen=_voucher(rng, category))


def _review(rng: random.Random, n: int, people: _People, settled: dt.datetime,
            words: DemoTexts) -> CasePlan:
    """An online review by someone who is not (or will not say they are) a client."""
    received = settled - dt.timedelta(days=20 + 35 * n, hours=rng.uniform(0, 8))
    return _about(rng, None, people, received, Cat.EFFICIENCY,
                  ends_at=received + dt.timedelta(days=3), complainant=words.reviewers[n],
                  channel=Channel.ONLINE_REVIEW, severity=Severity.MEDIUM, source=Source.DESK,
                  path=CLOSED)


def _survey_plan(rng: random.Random, survey: LowSurvey, now: dt.datetime) -> CasePlan:
    """The case a low survey opened: the visit's, about its lowest dimension."""
    recent = survey.answered_at > now - dt.timedelta(days=12)
    ends = now - dt.timedelta(minutes=30) if recent else \
        survey.answered_at + dt.timedelta(days=rng.uniform(2, 8))
    visit = survey.visit
    return CasePlan(received_at=survey.answered_at, ends_at=ends, client_id=visit.client_id,
                    complainant="", visit_id=visit.visit_id, staff_id=visit.therapist_id,
                    service_item_id=visit.service_item_id, channel=Channel.SURVEY,
                    category=OF_DIMENSION[survey.lowest], severity=Severity.MEDIUM,
                    source=Source.SURVEY, taken_by_id=survey.entered_by_id,
                    path=CLOSED[:1] if recent else CLOSED, satisfied=rng.random() < 0.8,
                    survey_id=survey.survey_id)


def _refs(plans: list[CasePlan]) -> list[str]:
    """``TS`` + the local day (yymmdd) + the day's sequence, in the order received."""
    seen: dict[str, int] = {}
    refs = []
    for plan in plans:
        day = plan.received_at.astimezone().strftime("%y%m%d")
        seen[day] = seen.get(day, 0) + 1
        refs.append(f"TS{day}{seen[day]:04d}")
    return refs
