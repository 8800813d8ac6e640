"""Who may do what: one table of role × action, checked in the service layer.

The UI may hide a button a role cannot use, but the service checks again, so no
screen (or script) can bypass the rule.
"""

from __future__ import annotations

import enum

from frontdesk.core.context import Actor, Role
from frontdesk.errors import PermissionDenied


class Action(enum.StrEnum):
    SEARCH_CLIENTS = "search clients"
    VIEW_CLIENT = "view client profiles"
    REGISTER_CLIENT = "register clients"
    EDIT_CLIENT = "edit client profiles"
    SEE_FULL_PHONE = "see full phone numbers"
    CHECK_IN = "check clients in"
    CHECK_OUT = "check clients out"
    BOOK_APPOINTMENT = "book appointments"
    VIEW_HEALTH = "view health records"
    EDIT_HEALTH = "edit health records"
    PRINT_SHEET = "print client analysis sheets"
    MANAGE_CATALOG = "manage the service catalog"
    MANAGE_STAFF = "manage staff accounts"
    MANAGE_SETTINGS = "change store settings"
    APPROVE_CHECKOUT = "approve price overrides, large discounts and free check-outs"
    VIEW_REPORTS = "view reports"
    VIEW_AUDIT = "view the audit trail"


_DESK = {Action.SEARCH_CLIENTS, Action.VIEW_CLIENT, Action.REGISTER_CLIENT, Action.EDIT_CLIENT,
         Action.CHECK_IN, Action.CHECK_OUT, Action.BOOK_APPOINTMENT}
_HEALTH = {Action.VIEW_HEALTH, Action.EDIT_HEALTH, Action.PRINT_SHEET}
_MANAGE = {Action.SEE_FULL_PHONE, Action.MANAGE_CATALOG, Action.MANAGE_STAFF,
           Action.MANAGE_SETTINGS, Action.APPROVE_CHECKOUT, Action.VIEW_REPORTS,
           Action.VIEW_AUDIT}

ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.RECEPTIONIST: frozenset(_DESK),
    Role.CONSULTANT: frozenset(_DESK | _HEALTH),
    Role.THERAPIST: frozenset({Action.SEARCH_CLIENTS, Action.VIEW_CLIENT}),
    Role.MANAGER: frozenset(_DESK | _HEALTH | _MANAGE),
    Role.ADMIN: frozenset(Action),
}


def allowed(role: Role, action: Action) -> bool:
    return action in ROLE_ACTIONS[role]


def require(actor: Actor, action: Action) -> None:
    """Raise :class:`PermissionDenied` unless the actor's role may perform ``action``."""
    if not allowed(actor.role, action):
        raise PermissionDenied(role=actor.role.value, action=action.value)
