"""Who may do what: one table of role × action, checked in the service layer.

The UI may hide a button a role cannot use, but the service checks again, so no
screen (or script) can bypass the rule.

The role checked is the one the database gave at sign-in, never one the caller
chose: the sign-in signs each :class:`~frontdesk.core.context.Actor` it makes
(:func:`sign`, an HMAC-SHA256 of its fields under a key drawn when this process
started), and :func:`require` and :func:`allowed` refuse an actor whose signature
does not match, such as one built by hand or ``dataclasses.replace(actor,
role=Role.ADMIN)``. Checking costs about a microsecond, so the search on the typing
path keeps it. A signature is good for the life of the process; staff made
inactive or given another role meanwhile are caught at the next sign-in or unlock.
Only the sign-in may call :func:`sign` (tests/unit/test_architecture.py holds the
list of callers); tests get signed actors through the real sign-in or
``tests/actors.py``.
"""

from __future__ import annotations

import dataclasses
import enum
import hmac
import secrets

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
    SEE_VISITOR_NOTES = "read special visitors' reasons and incidents"
    WRITE_HANDOVER = "write the handover to the beauticians"
    VIEW_HANDOVER = "see a visit's handover"
    VIEW_CARDS = "see member cards, their balances and history"
    SELL_CARDS = "issue member cards, top them up, add family members, use vouchers"
    FREEZE_CARDS = "freeze, unfreeze and replace lost member cards"
    APPROVE_CARD_MONEY = "approve card refunds, corrections and extensions"
    MANAGE_CARD_PRODUCTS = "configure card products, top-up offers, tiers and rewards"
    WORK_CARE = "work the due list: log calls, send messages, snooze or skip care tasks"
    SEE_BOOK_PHONES = "see the full phone numbers of the clients in one's own book"
    MANAGE_CARE = ("configure care rules, festivals, message templates and tier plans, "
                   "reassign books and see everyone's care tasks")
    TAKE_COMPLAINTS = "take complaints and see a client's complaints"
    HANDLE_COMPLAINTS = ("own, investigate, resolve and close complaint cases, compensate with "
                         "vouchers, see the full phone number of a case's client")
    MANAGE_COMPLAINTS = ("set complaint deadlines, survey templates and the survey sample, "
                         "reassign and reopen any complaint")
    ENTER_SURVEYS = "enter satisfaction surveys"
    SPOT_CHECK = "spot-check care calls (质检)"
    VIEW_COMPLAINT_REPORTS = "see the complaint, satisfaction and spot-check reports"
    IMPORT_CLIENTS = "import client lists from Excel or CSV, with opening balances"
    EXPORT_ALL_DATA = "export all of the store's data to one workbook"


_DESK = {Action.SEARCH_CLIENTS, Action.VIEW_CLIENT, Action.REGISTER_CLIENT, Action.EDIT_CLIENT,
         Action.CHECK_IN, Action.CHECK_OUT, Action.BOOK_APPOINTMENT, Action.VIEW_CARDS,
         Action.SELL_CARDS, Action.FREEZE_CARDS, Action.WORK_CARE, Action.TAKE_COMPLAINTS,
         Action.ENTER_SURVEYS}
_HEALTH = {Action.VIEW_HEALTH, Action.EDIT_HEALTH, Action.PRINT_SHEET, Action.WRITE_HANDOVER,
           Action.VIEW_HANDOVER}
_MANAGE = {Action.SEE_FULL_PHONE, Action.MANAGE_CATALOG, Action.MANAGE_STAFF,
           Action.MANAGE_SETTINGS, Action.APPROVE_CHECKOUT, Action.VIEW_REPORTS,
           Action.VIEW_AUDIT, Action.SEE_VISITOR_NOTES, Action.APPROVE_CARD_MONEY,
           Action.MANAGE_CARD_PRODUCTS, Action.MANAGE_CARE, Action.HANDLE_COMPLAINTS,
           Action.MANAGE_COMPLAINTS, Action.SPOT_CHECK, Action.VIEW_COMPLAINT_REPORTS,
           Action.IMPORT_CLIENTS, Action.EXPORT_ALL_DATA}

ROLE_ACTIONS: dict[Role, frozenset[Action]] = {
    Role.RECEPTIONIST: frozenset(_DESK),
    Role.CONSULTANT: frozenset(_DESK | _HEALTH),
    Role.THERAPIST: frozenset({Action.SEARCH_CLIENTS, Action.VIEW_CLIENT, Action.VIEW_HANDOVER}),
    Role.CLIENT_MANAGER: frozenset({Action.SEARCH_CLIENTS, Action.VIEW_CLIENT, Action.VIEW_CARDS,
                                    Action.WORK_CARE, Action.SEE_BOOK_PHONES,
                                    Action.TAKE_COMPLAINTS, Action.ENTER_SURVEYS}),
    Role.COMPLAINT_HANDLER: frozenset({Action.SEARCH_CLIENTS, Action.VIEW_CLIENT, Action.VIEW_CARDS,
                                       Action.WORK_CARE, Action.TAKE_COMPLAINTS,
                                       Action.HANDLE_COMPLAINTS, Action.ENTER_SURVEYS,
                                       Action.VIEW_COMPLAINT_REPORTS}),
    Role.QUALITY_INSPECTOR: frozenset({Action.SEARCH_CLIENTS, Action.VIEW_CLIENT,
                                       Action.SPOT_CHECK, Action.VIEW_COMPLAINT_REPORTS}),
    Role.MANAGER: frozenset(_DESK | _HEALTH | _MANAGE),
    Role.ADMIN: frozenset(Action),
}

SERVING_ROLES: tuple[Role, ...] = (Role.THERAPIST,)
"""Who serves a client in a visit and may be credited with a consumption line: the
beauticians and therapists (美容师 / 经络师). ``VIEW_HANDOVER`` lets them see the handover
of the visits they serve in only (the handover service checks that); the roles with
``VIEW_HEALTH`` see any."""


_KEY = secrets.token_bytes(32)
"""This process's signing key: drawn at import, kept in memory only."""


def _digest(actor: Actor) -> bytes:
    # repr of a tuple quotes each field: no two different actors read as the same text
    fields = repr((actor.staff_id, actor.username, actor.display_name, str(actor.role),
                   actor.branch_id))
    return hmac.digest(_KEY, fields.encode(), "sha256")


def sign(actor: Actor) -> Actor:
    """The actor with its signature. For the sign-in only (see the module docstring)."""
    return dataclasses.replace(actor, signature=_digest(actor))


def is_signed(actor: Actor) -> bool:
    """True when the actor came from this process's sign-in unchanged."""
    return hmac.compare_digest(actor.signature, _digest(actor))


def check_signed(actor: Actor) -> None:
    """Raise :class:`PermissionDenied` unless the actor came from the sign-in unchanged."""
    if not is_signed(actor):
        raise PermissionDenied("Sign in again: this session did not come from a sign-in.")


def allowed(actor: Actor, action: Action) -> bool:
    """Whether the actor (signed, see the module docstring) may perform ``action``."""
    return action in ROLE_ACTIONS[actor.role] and is_signed(actor)


def require(actor: Actor, action: Action) -> None:
    """Raise :class:`PermissionDenied` unless the actor is signed and its role may ``action``."""
    check_signed(actor)
    if action not in ROLE_ACTIONS[actor.role]:
        raise PermissionDenied(role=actor.role.value, action=action.value)
