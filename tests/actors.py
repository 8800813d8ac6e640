"""Signed actors for tests: the legitimate ways for a test to act as someone.

Services accept only actors that this process's sign-in signed
(:mod:`frontdesk.core.permissions`), with the role the database holds. A test gets one:

- through the real sign-in, ``services.auth.sign_in(user, password)``: for tests of
  signing in, and wherever one or two accounts with passwords are enough;
- with :func:`signed_actor`: the actor the sign-in would return for a staff row, read
  from the database (the role too), without the 50 ms password check, for tests that
  need colleagues in several roles, or staff who never sign in.

Neither lets a test choose a role the database does not hold; tests that show a
forged actor is refused build one by hand on purpose.
"""

from __future__ import annotations

from frontdesk.core.context import Actor, Role
from frontdesk.db import Database
from frontdesk.models import Staff
from frontdesk.services.staff.auth import actor_of


def signed_actor(db: Database, staff_id: int) -> Actor:
    """The signed actor of staff row ``staff_id``, as the database has it now."""
    with db.read() as s:
        staff = s.get(Staff, staff_id)
        assert staff is not None, f"no staff row {staff_id}"
        return actor_of(staff)


def staff_in_role(db: Database, branch_id: int, role: Role, username: str | None = None) -> Actor:
    """A new staff row of ``branch_id`` in ``role`` (no password), and its signed actor."""
    with db.write() as s:
        staff = Staff(branch_id=branch_id, username=username or role.value,
                      display_name=(username or role.value).title(), role=role)
        s.add(staff)
        s.flush()
        staff_id = staff.id
    return signed_actor(db, staff_id)
