"""Staff accounts of a store: adding them, and the active staff for the desk's pickers."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from frontdesk.core.context import Actor, Clock, Role
from frontdesk.core.permissions import Action, require
from frontdesk.core.validation import check_text
from frontdesk.db import Database, unit_of_work
from frontdesk.errors import ValidationError
from frontdesk.models import Staff
from frontdesk.services import audit
from frontdesk.services.audit import AuditAction
from frontdesk.services.staff.auth import DISPLAY_NAME_MAX, USERNAME_MAX, hash_password


@dataclass(frozen=True)
class StaffRow:
    id: int
    display_name: str
    role: Role


class StaffService:
    def __init__(self, db: Database, clock: Clock):
        self._db = db
        self._clock = clock

    @unit_of_work
    def add_staff(self, actor: Actor, username: str, display_name: str, role: Role,
                  password: str | None) -> StaffRow:
        require(actor, Action.MANAGE_STAFF)
        try:
            with self._db.write() as s:
                staff = new_staff(actor.branch_id, username, display_name, role, password)
                s.add(staff)
                s.flush()
                audit.record(s, self._clock(), actor, AuditAction.STAFF_CREATED, "staff", staff.id,
                             staff.username)
                return StaffRow(staff.id, staff.display_name, staff.role)
        except IntegrityError:
            raise ValidationError("The user name {name} is taken.", field="username",
                                  name=username) from None

    @unit_of_work
    def active_staff(self, branch_id: int, roles: tuple[Role, ...] = tuple(Role)) -> list[StaffRow]:
        """Active staff of a branch in the given roles, by name."""
        with self._db.read() as s:
            rows = s.scalars(select(Staff).where(Staff.branch_id == branch_id, Staff.active,
                                                 Staff.role.in_(roles))
                             .order_by(Staff.display_name))
            return [StaffRow(r.id, r.display_name, r.role) for r in rows]


def new_staff(branch_id: int, username: str, display_name: str, role: Role,
              password: str | None) -> Staff:
    """A validated Staff row (not yet added to a session)."""
    username = username.strip().lower()
    if not username or len(username) > USERNAME_MAX \
            or not username.replace("_", "").replace(".", "").isalnum():
        raise ValidationError("A user name uses letters, digits, '.' or '_' only.",
                              field="username")
    display_name = check_text(display_name, DISPLAY_NAME_MAX, "display_name")
    if not display_name:
        raise ValidationError("Enter the name shown to colleagues.", field="display_name")
    return Staff(branch_id=branch_id, username=username, display_name=display_name,
                 role=role, password_hash=hash_password(password) if password else None)
