"""Two inspectors at once on one spot check: a call is judged once, never silently
overwritten; a check is finished once.

Each terminal is a thread with its own Database (its own connection): on PostgreSQL they
overlap, waiting for the check's row lock; on SQLite BEGIN IMMEDIATE runs them one after
the other, and the outcome must be the same.
"""

from __future__ import annotations

import datetime as dt

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.errors import ConflictError
from frontdesk.models.survey import Verdict
from frontdesk.services.quality.views import CheckView, ItemView
from frontdesk.services.registry import Services
from tests.actors import staff_in_role
from tests.parallel import at_once
from tests.quality import calls_in_month

OCTOBER = dt.date(2026, 10, 1)


def terminal(db: Database, services: Services) -> Services:
    return Services(db, services.clock, photos_dir=services.photos_dir)


def test_two_inspectors_judging_one_call_at_once(services: Services, admin: Actor) -> None:
    first = staff_in_role(services.db, admin.branch_id, Role.QUALITY_INSPECTOR, "qc1")
    second = staff_in_role(services.db, admin.branch_id, Role.QUALITY_INSPECTOR, "qc2")
    calls_in_month(services, admin, OCTOBER, 3)
    check = services.quality.start(first, OCTOBER, 1)
    item = services.quality.check(first, check.check_id).items[0]

    def judge(db: Database, i: int) -> object:
        verdict, note = (Verdict.PASS, "") if i == 0 else (Verdict.FAIL, "没有问候")
        return terminal(db, services).quality.judge((first, second)[i], item.item_id,
                                                    verdict, note)

    results = at_once(services.db.url, 2, judge)
    won = [r for r in results if isinstance(r, ItemView)]
    assert len(won) == 1, results
    assert sum(isinstance(r, ConflictError) for r in results) == 1, results
    stored = services.quality.check(first, check.check_id).items[0]
    assert (stored.verdict, stored.note) == (won[0].verdict, won[0].note)


def test_two_finishes_at_once_finish_once(services: Services, admin: Actor) -> None:
    inspector = staff_in_role(services.db, admin.branch_id, Role.QUALITY_INSPECTOR, "qc1")
    calls_in_month(services, admin, OCTOBER, 1)
    check = services.quality.start(inspector, OCTOBER, 1)
    item = services.quality.check(inspector, check.check_id).items[0]
    services.quality.judge(inspector, item.item_id, Verdict.PASS)

    def finish(db: Database, i: int) -> object:
        return terminal(db, services).quality.finish(inspector, check.check_id, check.version,
                                                     f"内容{i}", "", "", "")

    results = at_once(services.db.url, 2, finish)
    assert sum(isinstance(r, CheckView) for r in results) == 1, results
    assert sum(isinstance(r, ConflictError) for r in results) == 1, results
    assert services.quality.checks(inspector)[0].version == 2
