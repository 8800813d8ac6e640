"""The suggested message of a care task, and the recipients of a batch message.

A task's message is the library's message for its purpose (:data:`PURPOSE_OF`: a
birthday gets a birthday greeting, a festival its festival's own message first, a
churn warning "we miss you", a follow-up call the follow-up text), chosen among the
purpose's active messages by the task's id (so a day's greetings vary), filled in with the
client's salutation and name, the store's name and the assigned staff member's name
(the actor's for a pool task), and signed. Kinds without a purpose (a card running out,
a profile to confirm) get no message: the call has no script.

A batch message (``client_id`` None) goes to the store's clients who consent to
marketing and have a phone, read when it is shown or exported (an opt-out takes effect
at once). Its ``detail`` may name the tiers that got tasks of their own
(``"exclude_tiers": "金卡,钻石卡"``, as the festival source writes it: the batch goes to
the clients of every other tier and of none), or the tiers it is for (``"tiers": "普通,"``:
``client.tier`` values, the empty one for clients with no tier).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session

from frontdesk.models import Client, Gender
from frontdesk.models.care import CareKind, CareTask, TemplatePurpose
from frontdesk.services.care.messages import TemplateRow, choose, render
from frontdesk.services.care.wording import salutation, signed

PURPOSE_OF: Mapping[CareKind, TemplatePurpose] = {
    CareKind.BIRTHDAY: TemplatePurpose.BIRTHDAY,
    CareKind.FESTIVAL: TemplatePurpose.FESTIVAL,
    CareKind.CHURN: TemplatePurpose.MISS_YOU,
    CareKind.FOLLOW_UP: TemplatePurpose.FOLLOW_UP,
}
"""A spending drop or a star client's regular call is a personal call without a script: a
"we miss you" would be wrong for a client who still comes."""

BATCH_SALUTATION = {"zh_CN": "亲爱的顾客", "en": "Dear client"}
"""How a batch message shown on the list addresses its (many) recipients."""


@dataclass(frozen=True)
class Wording:
    """What every message of one list is filled in with: the store's library and words."""

    library: Sequence[TemplateRow]
    language: str
    store: str
    actor_name: str


def festival_code_of(task: CareTask, detail: Mapping[str, int | str]) -> str:
    """The festival a festival task is for: its detail's ``festival``, else the second part
    of its occasion key (``festival:mid_autumn:2026``)."""
    code = detail.get("festival")
    if isinstance(code, str) and code:
        return code
    parts = task.occasion.split(":")
    return parts[1] if len(parts) > 1 and parts[0] == "festival" else ""


def message_for(task: CareTask, detail: Mapping[str, int | str], words: Wording, *,
                name: str, gender: str, staff: str) -> str:
    """The task's suggested message ('' when its kind has none or the library has none)."""
    purpose = PURPOSE_OF.get(task.kind)
    if purpose is None:
        return ""
    template = choose(words.library, purpose, festival_code_of(task, detail), task.id)
    if template is None:
        return ""
    staff = staff or words.actor_name
    greeting = salutation(name, gender, words.language) if name else \
        BATCH_SALUTATION.get(words.language, BATCH_SALUTATION["en"])
    text = render(template.body, salutation=greeting, name=name or greeting, store=words.store,
                  staff=staff)
    return signed(text, store=words.store, staff=staff, language=words.language)


def tiers_of(detail: Mapping[str, int | str]) -> tuple[str, ...] | None:
    """The tiers a batch message is for (None: every tier)."""
    tiers = detail.get("tiers")
    if not isinstance(tiers, str):
        return None
    return tuple(t.strip() for t in tiers.split(","))


def excluded_tiers(detail: Mapping[str, int | str]) -> tuple[str, ...]:
    """The tiers a batch message is not for (they got tasks of their own)."""
    tiers = detail.get("exclude_tiers")
    if not isinstance(tiers, str):
        return ()
    return tuple(t for t in (t.strip() for t in tiers.split(",")) if t)


def tier_conditions(detail: Mapping[str, int | str]) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    tiers = tiers_of(detail)
    if tiers is not None:
        conditions.append(Client.tier.in_(tiers))
    excluded = excluded_tiers(detail)
    if excluded:
        conditions.append(Client.tier.not_in(excluded))
    return conditions


def recipient_conditions(branch_id: int,
                         detail: Mapping[str, int | str]) -> list[ColumnElement[bool]]:
    """The clients a batch message goes to now."""
    return [Client.branch_id == branch_id, Client.consent_marketing.is_(True),
            Client.anonymised_at.is_(None), Client.phone_e164.is_not(None),
            *tier_conditions(detail)]


def recipients_statement(branch_id: int, detail: Mapping[str, int | str]
                         ) -> Select[int, str, Gender, str | None]:
    return (select(Client.id, Client.name, Client.gender, Client.phone_e164)
            .where(and_(*recipient_conditions(branch_id, detail))).order_by(Client.id))


def recipient_count(s: Session, branch_id: int, detail: Mapping[str, int | str]) -> int:
    return s.scalar(select(func.count()).select_from(Client)
                    .where(*recipient_conditions(branch_id, detail))) or 0


def excluded_count(s: Session, branch_id: int, detail: Mapping[str, int | str]) -> int:
    """The clients of a batch message's tiers left out for want of consent."""
    return s.scalar(select(func.count()).select_from(Client).where(
        Client.branch_id == branch_id, Client.consent_marketing.is_(False),
        Client.anonymised_at.is_(None), Client.phone_e164.is_not(None),
        *tier_conditions(detail))) or 0
