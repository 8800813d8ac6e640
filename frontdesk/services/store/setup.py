"""The store itself: first-run set-up, which store this is, and its business settings.

The first-run set-up happens once per database, however many PCs run it at the
same moment: its transaction inserts the single row of ``first_run``
(:func:`claim_first_run`), and the database lets only one such insert commit;
the others get a ConflictError and write nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import exists, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from frontdesk.core.context import Actor, Clock, Role
from frontdesk.core.permissions import Action, require
from frontdesk.core.validation import check_characters, is_whole
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ConflictError, ValidationError
from frontdesk.models import Branch, FirstRun, Setting, Staff
from frontdesk.models.card import Tier
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.staff.accounts import new_staff
from frontdesk.services.staff.auth import actor_of

IDLE_LOCK_MINUTES = "idle_lock_minutes"
DISCOUNT_LIMIT_PERCENT = "discount_limit_percent"
"""The most a receptionist may take off a line (in % of it) without a manager's approval."""
DEFAULTS: dict[str, str] = {IDLE_LOCK_MINUTES: "10", DISCOUNT_LIMIT_PERCENT: "20"}


@dataclass(frozen=True)
class StoreInfo:
    branch_id: int
    name: str


def check_store_name(name: str) -> str:
    """The cleaned store name, or ValidationError."""
    name = check_characters(name, "store_name").strip()
    if not name:
        raise ValidationError("Enter the store's name.", field="store_name")
    if len(name) > 120:
        raise ValidationError("The store's name is too long (120 characters at most).",
                              field="store_name")
    return name


def setting_in(s: Session, branch_id: int, key: str) -> str:
    """A store setting read in the caller's transaction (its default if the store has none)."""
    value = s.scalar(select(Setting.value).where(Setting.branch_id == branch_id,
                                                 Setting.key == key))
    return value if value is not None else DEFAULTS.get(key, "")


def discount_limit_percent_in(s: Session, branch_id: int) -> int:
    """The store's discount limit (0…100 %), read in the caller's transaction."""
    try:
        return min(100, max(0, int(setting_in(s, branch_id, DISCOUNT_LIMIT_PERCENT))))
    except ValueError:
        return int(DEFAULTS[DISCOUNT_LIMIT_PERCENT])


def _default_tiers(branch_id: int) -> list[Tier]:
    """The store's starting tiers (普通 / 银卡 / 金卡 / 钻石卡); imported here, as cards read
    the store's settings, so the two capabilities do not import each other at the top."""
    from frontdesk.services.cards.grading import default_tiers

    return default_tiers(branch_id)


def _already_set_up() -> ConflictError:
    return ConflictError("This database already has a store.")


def claim_first_run(s: Session, now: dt.datetime) -> None:
    """Mark the first-run set-up done in ``s``'s transaction; ConflictError if it was.

    The database decides: on PostgreSQL a simultaneous claim waits for this one's
    transaction and then fails on the primary key; on SQLite the transactions take
    turns (``BEGIN IMMEDIATE``) and the later one fails the same way.
    """
    s.add(FirstRun(id=1, done_at=now))
    try:
        s.flush()
    except IntegrityError:
        raise _already_set_up() from None


class StoreService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def is_initialised(self) -> bool:
        """True once the first-run set-up has created a store and an admin."""
        with self._db.read() as s:
            return bool(s.scalar(select(exists().where(Staff.role == Role.ADMIN))))

    @unit_of_work
    def initialise(self, store_name: str, admin_username: str, admin_name: str,
                   password: str) -> Actor:
        """Create the store and its first admin account; returns the admin, signed in."""
        store_name = check_store_name(store_name)
        if self.is_initialised():
            raise _already_set_up()
        with self._db.write() as s:
            claim_first_run(s, self._clock())
            branch = Branch(name=store_name)
            s.add(branch)
            s.flush()
            admin = new_staff(branch.id, admin_username, admin_name, Role.ADMIN, password)
            s.add(admin)
            s.add_all(Setting(branch_id=branch.id, key=k, value=v) for k, v in DEFAULTS.items())
            s.add_all(_default_tiers(branch.id))
            s.flush()
            actor = actor_of(admin)
            audit.record(s, self._clock(), actor, AuditAction.STORE_INITIALISED, "branch",
                         branch.id)
        return actor

    @unit_of_work
    def home_store(self) -> StoreInfo:
        """The first store of this database (the one a single-store install has)."""
        with self._db.read() as s:
            branch = s.scalar(select(Branch).order_by(Branch.id).limit(1))
            if branch is None:
                raise ValidationError("This database has no store yet.")
            return StoreInfo(branch.id, branch.name)

    @unit_of_work
    def info(self, branch_id: int) -> StoreInfo:
        with self._db.read() as s:
            branch = s.get(Branch, branch_id)
            if branch is None:
                raise ValidationError("No store with id {id}.", id=branch_id)
            return StoreInfo(branch.id, branch.name)

    @unit_of_work
    def setting(self, branch_id: int, key: str) -> str:
        with self._db.read() as s:
            return setting_in(s, branch_id, key)

    def idle_lock_minutes(self, branch_id: int) -> int:
        try:
            return max(0, int(self.setting(branch_id, IDLE_LOCK_MINUTES)))
        except ValueError:
            return int(DEFAULTS[IDLE_LOCK_MINUTES])

    def set_idle_lock_minutes(self, actor: Actor, minutes: int) -> None:
        """0 turns the idle lock off; otherwise 1…240 minutes."""
        require(actor, Action.MANAGE_SETTINGS)
        if not is_whole(minutes) or not 0 <= minutes <= 240:
            raise ValidationError("Choose between 0 (off) and 240 minutes.",
                                  field=IDLE_LOCK_MINUTES)
        self._set(actor, IDLE_LOCK_MINUTES, str(minutes))

    @unit_of_work
    def discount_limit_percent(self, branch_id: int) -> int:
        """Discounts up to this share of a line need no manager's approval at check-out."""
        with self._db.read() as s:
            return discount_limit_percent_in(s, branch_id)

    def set_discount_limit_percent(self, actor: Actor, percent: int) -> None:
        """0 (every discount needs approval) … 100 (none does); managers only."""
        require(actor, Action.MANAGE_SETTINGS)
        if not is_whole(percent) or not 0 <= percent <= 100:
            raise ValidationError("Choose a discount limit from 0 to 100 %.",
                                  field=DISCOUNT_LIMIT_PERCENT)
        self._set(actor, DISCOUNT_LIMIT_PERCENT, str(percent))

    @unit_of_work
    def _set(self, actor: Actor, key: str, value: str) -> None:
        with self._db.write() as s:
            row = s.scalar(select(Setting).where(Setting.branch_id == actor.branch_id,
                                                 Setting.key == key))
            if row is None:
                s.add(Setting(branch_id=actor.branch_id, key=key, value=value))
            else:
                row.value = value
            audit.record(s, self._clock(), actor, AuditAction.SETTING_CHANGED, "setting", None,
                         f"{key}={value}")
