"""Care (关怀): the due list's tasks, the calls logged, the rules that make tasks, and the books.

A :class:`CareTask` is one thing to do for one client (or, for a batch message, for
a group of clients) on a date: a birthday greeting, a festival gift, a follow-up
call three days after a facial, a churn-warning call. The scan
(:mod:`frontdesk.services.care`) makes them from the rules; each carries an
``occasion``, a key naming exactly what it is for (``birthday:1234:2027``,
``followup:88812:3``), unique per branch, so scanning a day twice, or on two
terminals at once, makes each task once.

Rules are data a manager switches and tunes: :class:`CareRule` (one row per kind,
overriding the defaults in code), :class:`FollowUpDay` (the days after a service
item its follow-up calls fall), :class:`Festival` (a festival's row overrides the
built-in one of the same code, or adds a store's own day), :class:`CareTierPlan`
(what each tier gets: a gift, a personal call or a batch message; cared for
centrally or by the client's manager).

:class:`ClientStats` is one row per client who has visited, kept up to date at
check-out: the figures the churn and spending rules read (visits, last visit,
median interval, when the client will count as lapsed) so the scan selects by an
index instead of grouping ten million visits.

:class:`ClientBook` says which client manager (客户经理) looks after a client;
:class:`CareCall` is every call or message logged against a client
(domain/003: 回访情况及时录入); :class:`MessageTemplate` is the message library.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Mapping

from sqlalchemy import (
    BigInteger,
    Computed,
    Date,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.core.festivals import FestivalRule
from frontdesk.models.base import Base, BigFk, BigPk, IntPk, str_enum, utcnow


class CareKind(enum.StrEnum):
    """What a care task is for. The due list orders them by :data:`STAGE_OF` in services."""

    BIRTHDAY = "birthday"
    """A birthday, solar or lunar (农历), a few days ahead."""
    FESTIVAL = "festival"
    """A festival greeting or gift (春节, 中秋, a store's own day…)."""
    CHURN = "churn"
    """流失预警: no visit for longer than the client's usual rhythm allows."""
    SPENDING_DROP = "spending_drop"
    """消费异动: the last 90 days well below the client's usual spend."""
    COMPLAINT_DEADLINE = "complaint_deadline"
    """A complaint's stage is due, or its deadline was missed (escalated to the manager)."""
    STAR_CALL = "star_call"
    """The regular personal call to a top-tier client in one's book."""
    FOLLOW_UP = "follow_up"
    """回访: a call N days after a treatment."""
    PROFILE_STALE = "profile_stale"
    """The client's basics have not been confirmed for a year."""
    CARD_EXPIRING = "card_expiring"
    CARD_BALANCE_LOW = "card_balance_low"
    CARD_LAST_SESSION = "card_last_session"
    """The last session of a session card was used."""
    SURVEY = "survey"
    """A satisfaction survey call after a visit (a sample of visits)."""


class CareStage(enum.IntEnum):
    """The day's order of the due list (domain/003)."""

    GREETINGS = 1
    WARNINGS = 2
    STAR_CLIENTS = 3
    SECOND_SALES = 4


STAGE_OF: Mapping[CareKind, CareStage] = {
    CareKind.BIRTHDAY: CareStage.GREETINGS,
    CareKind.FESTIVAL: CareStage.GREETINGS,
    CareKind.CHURN: CareStage.WARNINGS,
    CareKind.SPENDING_DROP: CareStage.WARNINGS,
    CareKind.COMPLAINT_DEADLINE: CareStage.WARNINGS,
    CareKind.STAR_CALL: CareStage.STAR_CLIENTS,
    CareKind.FOLLOW_UP: CareStage.STAR_CLIENTS,
    CareKind.PROFILE_STALE: CareStage.STAR_CLIENTS,
    CareKind.SURVEY: CareStage.STAR_CLIENTS,
    CareKind.CARD_EXPIRING: CareStage.SECOND_SALES,
    CareKind.CARD_BALANCE_LOW: CareStage.SECOND_SALES,
    CareKind.CARD_LAST_SESSION: CareStage.SECOND_SALES,
}


def stage_sql() -> str:
    """The SQL that computes a task's stage from its kind (the ``stage`` column)."""
    whens = " ".join(f"WHEN '{kind.value}' THEN {int(stage)}" for kind, stage in STAGE_OF.items())
    return f"CASE kind {whens} ELSE {int(CareStage.SECOND_SALES)} END"


class CareChannel(enum.StrEnum):
    """How the task is done."""

    CALL = "call"
    """A personal call by the client's manager."""
    MESSAGE = "message"
    """A text message (SMS / WeChat): copied, or sent in a batch through an SMS gateway."""
    GIFT = "gift"
    """A gift (and a call): a voucher through the card ledger, products, specialities."""


class CareStatus(enum.StrEnum):
    OPEN = "open"
    SNOOZED = "snoozed"
    """Put off to ``due_on`` (moved by the snooze); shown again from that day."""
    DONE = "done"
    SKIPPED = "skipped"
    """Not done, with a reason (``note``)."""


class CallOutcome(enum.StrEnum):
    """What came of a call or a message, as the care staff log it."""

    REACHED = "reached"
    NO_ANSWER = "no_answer"
    WRONG_NUMBER = "wrong_number"
    BOOKED = "booked"
    """The client booked an appointment."""
    COMPLAINT = "complaint"
    """The client raised a complaint."""
    MESSAGE_SENT = "message_sent"
    GIFT_GIVEN = "gift_given"


class GiftType(enum.StrEnum):
    """The gifts of domain/001 (礼品赠送)."""

    SPA_VOUCHER = "spa_voucher"
    """Spa experience voucher (Spa体验券), issued through the card ledger."""
    STORE_PRODUCTS = "store_products"
    """The store's products, or other branches' specialities, as a gift pack."""
    LOCAL_SPECIALITY = "local_speciality"
    """Local specialities (地方特产): not for clients who live locally."""
    DINING_VOUCHER = "dining_voucher"
    ROOM_VOUCHER = "room_voucher"


class CareTask(Base):
    """One thing to do for a client on a date; made by the scan, worked on the due list.

    ``client_id`` is None for a batch message (a festival greeting to every ordinary
    client who consented): its recipients are chosen when it is exported, so an
    opt-out takes effect at once. ``marketing`` tasks (greetings, "we miss you",
    second sales) are hidden for clients without marketing consent, at once when
    they opt out; service follow-up calls are not marketing.
    """

    __tablename__ = "care_task"
    __table_args__ = (
        UniqueConstraint("branch_id", "occasion"),
        Index("ix_care_task_queue", "branch_id", "status", "stage", "priority", "due_on", "id"),
        Index("ix_care_task_counts", "branch_id", "status", "kind", "due_on", "assigned_to_id"),
        Index("ix_care_task_assigned_status_due", "assigned_to_id", "status", "due_on"),
        Index("ix_care_task_client_id_id", "client_id", "id"),
    )

    id: Mapped[BigPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"))
    kind: Mapped[CareKind] = mapped_column(str_enum(CareKind))
    occasion: Mapped[str] = mapped_column(String(96))
    """What exactly the task is for, unique per branch: ``birthday:<client>:<year>``…"""
    due_on: Mapped[dt.date] = mapped_column(Date)
    """The day it is to be done (the birthday itself, the third day after the visit…)."""
    event_on: Mapped[dt.date | None] = mapped_column(Date)
    """The day it is about (the birthday, the festival, the card's expiry), if any."""
    priority: Mapped[int] = mapped_column(SmallInteger, default=5)
    """1 (first) to 9, within the day's stage; from the rule and the client's tier."""
    stage: Mapped[int | None] = mapped_column(SmallInteger, Computed(stage_sql(), persisted=True))
    """The kind's place in the day's order (:data:`STAGE_OF`), computed by the database, so
    the list reads a page in order by ``ix_care_task_queue`` instead of sorting every open
    task (450,000 on the first day of a 1,000,000-client store)."""
    channel: Mapped[CareChannel] = mapped_column(str_enum(CareChannel))
    marketing: Mapped[bool] = mapped_column(default=True)
    assigned_to_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    """The client's manager; None: the store's pool (no book, or cared for centrally)."""
    central: Mapped[bool] = mapped_column(default=False)
    """Cared for centrally (the top tier, domain/003: 钻石卡 by the service centre)."""
    status: Mapped[CareStatus] = mapped_column(str_enum(CareStatus), default=CareStatus.OPEN)
    reason: Mapped[str] = mapped_column(String(255), default="")
    """Why, in a few words the screens translate by their keys (see ``detail``)."""
    detail: Mapped[str] = mapped_column(Text, default="")
    """The numbers behind it, JSON (visits, median interval, spend before and after…)."""
    gift_types: Mapped[str] = mapped_column(String(120), default="")
    """Comma-separated :class:`GiftType` values suggested for a gift task."""
    outcome: Mapped[CallOutcome | None] = mapped_column(str_enum(CallOutcome))
    note: Mapped[str] = mapped_column(Text, default="")
    """The outcome's note, or the reason it was skipped."""
    snoozes: Mapped[int] = mapped_column(SmallInteger, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[dt.datetime | None]
    closed_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)


class CareCall(Base):
    """One call, message or gift logged against a client, with or without a task."""

    __tablename__ = "care_call"
    __table_args__ = (Index("ix_care_call_client_at", "client_id", "at"),
                      Index("ix_care_call_branch_at", "branch_id", "at"))

    id: Mapped[BigPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    task_id: Mapped[int | None] = mapped_column(BigFk, ForeignKey("care_task.id"), index=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[dt.datetime]
    channel: Mapped[CareChannel] = mapped_column(str_enum(CareChannel))
    outcome: Mapped[CallOutcome] = mapped_column(str_enum(CallOutcome))
    note: Mapped[str] = mapped_column(Text, default="")


class ClientStats(Base):
    """A client's visiting figures, kept up to date at check-out, read by the churn and
    spending rules (and usable by reports). One row per client who has visited."""

    __tablename__ = "client_stats"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"),
                                           primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    visits: Mapped[int] = mapped_column(Integer, default=0)
    first_visit_on: Mapped[dt.date | None] = mapped_column(Date)
    last_visit_on: Mapped[dt.date | None] = mapped_column(Date)
    median_gap_days: Mapped[int | None] = mapped_column(SmallInteger)
    """The median number of days between the client's visits; None below two visits."""
    spend_total_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    lapse_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    """The first day the client counts as lapsed if they do not come again (churn rule)."""
    drop_on: Mapped[dt.date | None] = mapped_column(Date, index=True)
    """The first day their spending counts as dropped if they do not spend again; None: never."""
    refreshed_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class ClientBook(Base):
    """Which client manager (客户经理 / 客服) looks after a client."""

    __tablename__ = "client_book"

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"),
                                           primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    assigned_at: Mapped[dt.datetime]
    assigned_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class CareRule(Base):
    """A manager's settings for one kind of care task, over the defaults in code."""

    __tablename__ = "care_rule"
    __table_args__ = (UniqueConstraint("branch_id", "kind"),)

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    kind: Mapped[CareKind] = mapped_column(str_enum(CareKind))
    enabled: Mapped[bool] = mapped_column(default=True)
    days_ahead: Mapped[int] = mapped_column(SmallInteger, default=0)
    """How many days before the day it is about the task falls due (a birthday 3 days ahead)."""
    priority: Mapped[int] = mapped_column(SmallInteger, default=5)
    params: Mapped[str] = mapped_column(Text, default="{}")
    """The kind's own settings, JSON (the churn floor in days, the spending ratio…)."""
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class FollowUpDay(Base):
    """A follow-up call falls this many days after a visit that had this service item."""

    __tablename__ = "follow_up_day"

    service_item_id: Mapped[int] = mapped_column(
        ForeignKey("service_item.id", ondelete="CASCADE"), primary_key=True)
    day: Mapped[int] = mapped_column(SmallInteger, primary_key=True)


class Festival(Base):
    """A festival the store greets clients on: a row overrides the built-in one with the
    same code (switch it off, say it needs no gift), or adds the store's own day."""

    __tablename__ = "festival"
    __table_args__ = (UniqueConstraint("branch_id", "code"),)

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(40))
    rule: Mapped[FestivalRule] = mapped_column(str_enum(FestivalRule))
    month: Mapped[int] = mapped_column(SmallInteger)
    day: Mapped[int] = mapped_column(SmallInteger)
    weekday: Mapped[int | None] = mapped_column(SmallInteger)
    """For :attr:`FestivalRule.NTH_WEEKDAY`: 0 Monday … 6 Sunday."""
    enabled: Mapped[bool] = mapped_column(default=True)
    gift: Mapped[bool] = mapped_column(default=False)
    """Major clients get a gift task on it (domain/001: 端午, 中秋, 元宵, 春节)."""


class CareTierPlan(Base):
    """What clients of one tier get: a gift, a personal call or a batch message."""

    __tablename__ = "care_tier_plan"
    __table_args__ = (UniqueConstraint("branch_id", "tier_code"),)

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    tier_code: Mapped[str] = mapped_column(String(24))
    channel: Mapped[CareChannel] = mapped_column(str_enum(CareChannel))
    gift_types: Mapped[str] = mapped_column(String(120), default="")
    """Comma-separated :class:`GiftType` values (for the gift channel)."""
    central: Mapped[bool] = mapped_column(default=False)
    """Cared for centrally: tasks go to the store's pool, not to the client's manager."""
    star_call_days: Mapped[int | None] = mapped_column(SmallInteger)
    """A personal call every this many days (calls to star clients); None: none."""


class TemplatePurpose(enum.StrEnum):
    BIRTHDAY = "birthday"
    FESTIVAL = "festival"
    SEASON = "season"
    """换季: a change-of-season reminder (no new products, domain/003)."""
    MISS_YOU = "miss_you"
    """联络: "we miss you", for clients not seen for a while."""
    FOLLOW_UP = "follow_up"
    PROMOTION = "promotion"
    """A promotion: the only messages that may advertise."""


class MessageTemplate(Base):
    """One message of the library, with placeholders ({salutation}, {name}, {store}, {staff})."""

    __tablename__ = "message_template"
    __table_args__ = (Index("ix_message_template_branch_purpose", "branch_id", "purpose"),)

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    purpose: Mapped[TemplatePurpose] = mapped_column(str_enum(TemplatePurpose))
    name: Mapped[str] = mapped_column(String(60))
    body: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(8), default="zh_CN")
    festival_code: Mapped[str] = mapped_column(String(32), default="")
    """For a festival message: the festival it is for; empty for any."""
    active: Mapped[bool] = mapped_column(default=True)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)


class CareScanState(Base):
    """How far the scan has gone: every day up to ``through_on`` has been scanned, so
    the next scan catches up the days the program was closed and no day twice."""

    __tablename__ = "care_scan_state"

    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), primary_key=True)
    through_on: Mapped[dt.date] = mapped_column(Date)
    at: Mapped[dt.datetime]

