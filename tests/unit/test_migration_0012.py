"""Migration 0012: the care task's stage is made again with survey calls in the third stage,
on SQLite and PostgreSQL, and a downgrade takes the survey calls away with the old stage."""

from __future__ import annotations

from alembic import command
from sqlalchemy import text

from frontdesk.core.context import Actor
from frontdesk.db import Database
from frontdesk.migrate import alembic_config, migrating, upgrade
from frontdesk.models.care import STAGE_OF, CareKind, CareStage
from frontdesk.services.registry import Services
from tests.care_tasks import client, task


def _migrate_down_to(db: Database, revision: str) -> None:
    config = alembic_config()
    with migrating(db) as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, revision)


def _stages(db: Database) -> dict[str, int]:
    with db.read() as s:
        return {kind: stage for kind, stage in s.execute(text("SELECT kind, stage FROM care_task"))}


def test_survey_calls_join_the_third_stage_and_leave_with_a_downgrade(
        services: Services, admin: Actor, db: Database) -> None:
    someone = client(services, admin)
    for kind in (CareKind.BIRTHDAY, CareKind.CHURN, CareKind.FOLLOW_UP, CareKind.CARD_EXPIRING,
                 CareKind.SURVEY):
        task(db, admin.branch_id, someone, kind)
    assert _stages(db) == {kind.value: int(STAGE_OF[kind]) for kind in (
        CareKind.BIRTHDAY, CareKind.CHURN, CareKind.FOLLOW_UP, CareKind.CARD_EXPIRING,
        CareKind.SURVEY)}
    assert _stages(db)["survey"] == CareStage.STAR_CLIENTS
    try:
        _migrate_down_to(db, "0011")
        assert _stages(db) == {"birthday": 1, "churn": 2, "follow_up": 3, "card_expiring": 4}
        with db.write() as s:  # a task written while at 0011 gets the old stage of its kind
            s.execute(text("UPDATE care_task SET kind = 'star_call' WHERE kind = 'follow_up'"))
    finally:
        upgrade(db)
    assert _stages(db) == {"birthday": 1, "churn": 2, "star_call": 3, "card_expiring": 4}
    task(db, admin.branch_id, someone, CareKind.SURVEY)
    assert _stages(db)["survey"] == 3
    with db.read() as s:  # the list still reads its page in order by the queue index
        names = {row[0] for row in s.execute(text(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'care_task'"
            if db.engine.dialect.name == "postgresql" else
            "SELECT name FROM sqlite_master WHERE tbl_name = 'care_task' AND type = 'index'"))}
    assert "ix_care_task_queue" in names
