"""Consultations (客情分析表): saving, reading and the trends of skin and body measures.

Health data: only roles with ``Action.VIEW_HEALTH`` / ``EDIT_HEALTH`` (consultant,
manager, admin) read or write it, only for clients whose health consent is on
record, and every view, save and refused attempt is written to the audit trail
(``health.view``, ``health.save``, ``health.view.denied``, ``health.save.denied``).
A record is never edited: each consultation is a new dated record, so the
trends read straight from the history. One taken while the client has an open
visit (checked in, not yet checked out) belongs to that visit: its handover to
the beautician shows it (:mod:`frontdesk.services.desk.handover`). The form and its checks are in
:mod:`frontdesk.services.health.form` (re-exported here).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock, local_today
from frontdesk.core.permissions import Action, allowed, require
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import DomainError, NotFound
from frontdesk.models import Client, Staff, Visit
from frontdesk.models.consultation import (
    ConsultationCondition,
    ConsultationPhoto,
    ConsultationPlanLine,
    ConsultationRecord,
    SkinType,
)
from frontdesk.models.visit import is_open
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.clients.lookup import live_client
from frontdesk.services.health.form import (
    BodyTest,
    ClientType,
    ConditionNote,
    ConsultationForm,
    PlanLine,
    SkinTest,
    bmi,
    check_form,
    plan_total_fen,
    resolve_plan,
)
from frontdesk.services.rows import check_row_id, get_row


class HealthConsentMissing(DomainError):
    template = ("{name} has not consented to keeping health data (skin and body tests). "
                "Record the consent first.")


@dataclass(frozen=True)
class ConsultationView:
    """One saved record: the form as saved, plus who and when."""

    id: int
    client_id: int
    client_name: str
    consultant_name: str
    taken_at: dt.datetime
    form: ConsultationForm
    photo_count: int = 0
    visit_id: int | None = None
    """The visit it was taken at (None: outside a visit, or an older record)."""

    @property
    def plan_total_fen(self) -> int:
        return plan_total_fen(self.form.plan)


@dataclass(frozen=True)
class ConsultationSummary:
    id: int
    taken_on: dt.date
    consultant_name: str
    skin_type: SkinType | None
    next_visit_on: dt.date | None
    plan_total_fen: int = 0
    visit_id: int | None = None
    """The visit it was taken at, arrived at ``visit_arrived_at``; None for none."""
    visit_arrived_at: dt.datetime | None = None


TREND_UNITS: dict[str, str] = {"moisture": "%", "oil": "%", "elasticity": "", "weight": "kg",
                               "bmi": "", "body_fat": "%", "waist": "cm"}
"""The measures :meth:`ConsultationService.trends` returns, with their display units."""

_SKIN_COLUMNS = {"method": "skin_method", "notes": "skin_notes"}
_BODY_COLUMNS = {"method": "body_method"}
_TYPE_COLUMNS = {"note": "client_type_note"}


@unit_of_work
def require_audited(db: Database, clock: Clock, actor: Actor, action: Action,
                    denied: AuditAction, entity: str, entity_id: int | None) -> None:
    """Like :func:`require`, but a refused attempt is written to the audit trail first."""
    if allowed(actor, action):
        return
    with db.write() as s:
        audit.record(s, clock(), actor, denied, entity, entity_id, action.value)
    require(actor, action)


def _columns(obj: Any, renames: dict[str, str]) -> dict[str, Any]:
    """A form section's fields as record columns (text stripped)."""
    values = {renames.get(f.name, f.name): getattr(obj, f.name) for f in fields(obj)}
    return {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}


def _from_columns(cls: Any, rec: ConsultationRecord, renames: dict[str, str]) -> Any:
    return cls(**{f.name: getattr(rec, renames.get(f.name, f.name)) for f in fields(cls)})


def _staff_name(s: Session, staff_id: int | None) -> str:
    if staff_id is None:
        return ""
    return s.scalar(select(Staff.display_name).where(Staff.id == staff_id)) or ""


def load_view(s: Session, rec: ConsultationRecord) -> ConsultationView:
    """The view of one record, read in the caller's session (no audit: the caller audits)."""
    conds = s.scalars(select(ConsultationCondition).where(
        ConsultationCondition.record_id == rec.id).order_by(ConsultationCondition.id))
    lines = s.scalars(select(ConsultationPlanLine).where(
        ConsultationPlanLine.record_id == rec.id).order_by(ConsultationPlanLine.position))
    form = ConsultationForm(
        skin=_from_columns(SkinTest, rec, _SKIN_COLUMNS),
        conditions=tuple(ConditionNote(c.kind, c.before_cleansing, c.after_cleansing)
                         for c in conds),
        body=_from_columns(BodyTest, rec, _BODY_COLUMNS),
        plan=tuple(PlanLine(p.kind, p.name, p.quantity, p.price_fen, p.service_item_id,
                            p.product_id) for p in lines),
        next_visit_on=rec.next_visit_on, plan_notes=rec.plan_notes,
        client_type=_from_columns(ClientType, rec, _TYPE_COLUMNS),
        notes=rec.notes, taken_on=rec.taken_on, consultant_id=rec.consultant_id)
    photos = s.scalar(select(func.count(ConsultationPhoto.id)).where(
        ConsultationPhoto.record_id == rec.id)) or 0
    client_name = s.scalar(select(Client.name).where(Client.id == rec.client_id)) or ""
    return ConsultationView(rec.id, rec.client_id, client_name,
                            _staff_name(s, rec.consultant_id), rec.taken_at, form, photos,
                            rec.visit_id)


def latest_record(s: Session, client_id: int) -> ConsultationRecord | None:
    return s.scalar(select(ConsultationRecord).where(ConsultationRecord.client_id == client_id)
                    .order_by(ConsultationRecord.taken_on.desc(),
                              ConsultationRecord.taken_at.desc(),
                              ConsultationRecord.id.desc()).limit(1))


def trend_points(s: Session, client_id: int) -> dict[str, list[tuple[dt.date, float]]]:
    """Every measure's (date, value) points, oldest first, in display units."""
    out: dict[str, list[tuple[dt.date, float]]] = {m: [] for m in TREND_UNITS}
    recs = s.scalars(select(ConsultationRecord).where(ConsultationRecord.client_id == client_id)
                     .order_by(ConsultationRecord.taken_on, ConsultationRecord.taken_at,
                               ConsultationRecord.id))
    for r in recs:
        values = {"moisture": r.moisture_pct, "oil": r.oil_pct, "elasticity": r.elasticity,
                  "weight": _scaled(r.weight_g, 1000), "bmi": bmi(r.height_mm, r.weight_g),
                  "body_fat": _scaled(r.body_fat_permille, 10), "waist": _scaled(r.waist_mm, 10)}
        for measure, value in values.items():
            if value is not None:
                out[measure].append((r.taken_on, float(value)))
    return out


def _scaled(value: int | None, per_unit: int) -> float | None:
    return None if value is None else value / per_unit


def open_visit_id(s: Session, branch_id: int, client_id: int) -> int | None:
    """The client's open visit in the branch (checked in, not yet checked out), if any."""
    return s.scalar(select(Visit.id).where(Visit.branch_id == branch_id,
                                           Visit.client_id == client_id, is_open())
                    .order_by(Visit.arrived_at.desc(), Visit.id.desc()).limit(1))


def consented_client(s: Session, client_id: int) -> Client:
    """The client, refusing with HealthConsentMissing unless their health consent is on record."""
    client = live_client(s, client_id)
    if not client.consent_health:
        raise HealthConsentMissing(field="consent_health", name=client.name)
    return client


class ConsultationService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def save(self, actor: Actor, client_id: int, form: ConsultationForm) -> int:
        """Save a new consultation record; returns its id."""
        require_audited(self._db, self._clock, actor, Action.EDIT_HEALTH,
                        AuditAction.HEALTH_SAVE_DENIED,
                        "client", client_id)
        today = local_today(self._clock)
        form = check_form(form, today)
        with self._db.write() as s:
            consented_client(s, client_id)
            plan = resolve_plan(s, form)
            rec = self._new_record(actor, client_id, form, today)
            rec.visit_id = open_visit_id(s, actor.branch_id, client_id)
            s.add(rec)
            s.flush()
            s.add_all(ConsultationCondition(record_id=rec.id, kind=c.kind,
                                            before_cleansing=c.before.strip(),
                                            after_cleansing=c.after.strip())
                      for c in form.conditions)
            s.add_all(ConsultationPlanLine(record_id=rec.id, position=i, kind=p.kind,
                                           name=p.name, quantity=p.quantity,
                                           price_fen=p.price_fen,
                                           service_item_id=p.service_item_id,
                                           product_id=p.product_id)
                      for i, p in enumerate(plan))
            audit.record(s, self._clock(), actor, AuditAction.HEALTH_SAVE, "consultation", rec.id,
                         f"client={client_id}")
            return rec.id

    def _new_record(self, actor: Actor, client_id: int, form: ConsultationForm,
                    today: dt.date) -> ConsultationRecord:
        return ConsultationRecord(
            branch_id=actor.branch_id, client_id=client_id,
            consultant_id=form.consultant_id or actor.staff_id, recorded_by_id=actor.staff_id,
            taken_on=form.taken_on or today, taken_at=self._clock(),
            next_visit_on=form.next_visit_on, plan_notes=form.plan_notes.strip(),
            notes=form.notes.strip(), **_columns(form.skin, _SKIN_COLUMNS),
            **_columns(form.body, _BODY_COLUMNS), **_columns(form.client_type, _TYPE_COLUMNS))

    @unit_of_work
    def get(self, actor: Actor, record_id: int) -> ConsultationView:
        """One record (audited as a health view)."""
        require_audited(self._db, self._clock, actor, Action.VIEW_HEALTH,
                        AuditAction.HEALTH_VIEW_DENIED,
                        "consultation", record_id)
        with self._db.write() as s:
            rec = get_row(s, ConsultationRecord, record_id)
            if rec is None:
                raise NotFound("No consultation record with id {id}.", field="record_id",
                               id=record_id)
            audit.record(s, self._clock(), actor, AuditAction.HEALTH_VIEW, "consultation", rec.id,
                         f"client={rec.client_id}")
            return load_view(s, rec)

    @unit_of_work
    def list_for_client(self, actor: Actor, client_id: int) -> list[ConsultationSummary]:
        """The client's consultations, newest first (audited as a health view)."""
        require_audited(self._db, self._clock, actor, Action.VIEW_HEALTH,
                        AuditAction.HEALTH_VIEW_DENIED,
                        "client", client_id)
        check_row_id(Client, client_id, "client_id")
        totals = (select(ConsultationPlanLine.record_id,  # plan_total_fen's rule, in SQL
                         func.sum(ConsultationPlanLine.price_fen).label("total"))
                  .group_by(ConsultationPlanLine.record_id).subquery())
        query = (select(ConsultationRecord, Staff.display_name, totals.c.total, Visit.arrived_at)
                 .outerjoin(Staff, Staff.id == ConsultationRecord.consultant_id)
                 .outerjoin(Visit, Visit.id == ConsultationRecord.visit_id)
                 .outerjoin(totals, totals.c.record_id == ConsultationRecord.id)
                 .where(ConsultationRecord.client_id == client_id)
                 .order_by(ConsultationRecord.taken_on.desc(), ConsultationRecord.taken_at.desc(),
                           ConsultationRecord.id.desc()))
        with self._db.write() as s:
            rows = [ConsultationSummary(r.id, r.taken_on, name or "", r.skin_type,
                                        r.next_visit_on, int(total or 0), r.visit_id, arrived)
                    for r, name, total, arrived in s.execute(query)]
            audit.record(s, self._clock(), actor, AuditAction.HEALTH_VIEW, "client", client_id,
                         "consultation list")
            return rows

    @unit_of_work
    def trends(self, actor: Actor, client_id: int) -> dict[str, list[tuple[dt.date, float]]]:
        """Measures over time (keys and units in :data:`TREND_UNITS`), oldest first."""
        require_audited(self._db, self._clock, actor, Action.VIEW_HEALTH,
                        AuditAction.HEALTH_VIEW_DENIED,
                        "client", client_id)
        check_row_id(Client, client_id, "client_id")
        with self._db.write() as s:
            points = trend_points(s, client_id)
            audit.record(s, self._clock(), actor, AuditAction.HEALTH_VIEW, "client", client_id,
                         "trends")
            return points


__all__ = [
    "TREND_UNITS",
    "BodyTest",
    "ClientType",
    "ConditionNote",
    "ConsultationForm",
    "ConsultationService",
    "ConsultationSummary",
    "ConsultationView",
    "HealthConsentMissing",
    "PlanLine",
    "SkinTest",
    "bmi",
]
