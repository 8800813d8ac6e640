"""Complaints (投诉): a case from intake to closing, every step kept, with deadlines by severity.

A :class:`Complaint` moves 受理 intake → 调查 investigation → 处理 resolution → 反馈
feedback → closed (domain/002), by the allowed transitions only (a reopen goes back to
investigation; :data:`ALLOWED_MOVES`). Each move is a :class:`ComplaintStep` row (who,
when, from, to, the note), never an edit of the past. The case's ``due_at`` is the
current stage's deadline, from the store's :class:`ComplaintDeadline` for its severity
(acknowledge within 24 h, resolve within 72 h…); a case past it is escalated to the
manager once per stage (``escalated_at``).

The resolution records what was done (:class:`Remedy`: an apology, the service redone,
a refund, a voucher or a credit through the card ledger: ``compensation_op_id`` names
the ledger's operation; a balance is never edited) and the corrective action (整改,
domain/001). Feedback records whether the client is satisfied.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, BigFk, BigPk, IntPk, str_enum, utcnow


class ComplaintChannel(enum.StrEnum):
    """How the complaint reached the store."""

    ON_SITE = "on_site"
    PHONE = "phone"
    WECHAT = "wechat"
    EMAIL = "email"
    ONLINE_REVIEW = "online_review"
    SURVEY = "survey"
    """Opened by a low score in a satisfaction survey."""


class ComplaintCategory(enum.StrEnum):
    """What the complaint is about (domain/002's survey topics, and safety)."""

    ATTITUDE = "attitude"
    """Service attitude (服务态度)."""
    EFFICIENCY = "efficiency"
    """Waiting, lateness, slowness (服务效率)."""
    PRODUCT_QUALITY = "product_quality"
    ENVIRONMENT = "environment"
    """Cleanliness, noise, temperature, the room."""
    PRICE_BILLING = "price_billing"
    """Price, a wrong bill, a card deduction."""
    SAFETY = "safety"
    """A skin reaction, an injury, hygiene: always looked at first."""


class ComplaintSeverity(enum.StrEnum):
    """How serious; the deadlines follow it."""

    LOW = "low"
    """一般: a remark to put right."""
    MEDIUM = "medium"
    """较重: the client is unhappy and asks for something."""
    HIGH = "high"
    """严重: safety, money, or a threat to leave or go public."""


class ComplaintStage(enum.StrEnum):
    INTAKE = "intake"
    """受理: taken, not yet acknowledged by its owner."""
    INVESTIGATION = "investigation"
    """调查: the owner is finding out what happened."""
    RESOLUTION = "resolution"
    """处理: what will be done is being done (apology, redo, compensation)."""
    FEEDBACK = "feedback"
    """反馈: the client is asked whether they are satisfied."""
    CLOSED = "closed"


ALLOWED_MOVES: dict[ComplaintStage, frozenset[ComplaintStage]] = {
    ComplaintStage.INTAKE: frozenset({ComplaintStage.INVESTIGATION}),
    ComplaintStage.INVESTIGATION: frozenset({ComplaintStage.RESOLUTION}),
    ComplaintStage.RESOLUTION: frozenset({ComplaintStage.FEEDBACK}),
    ComplaintStage.FEEDBACK: frozenset({ComplaintStage.CLOSED, ComplaintStage.INVESTIGATION}),
    ComplaintStage.CLOSED: frozenset({ComplaintStage.INVESTIGATION}),
}
"""The only moves a case may make; to investigation from feedback or closed is a reopen."""

OPEN_STAGES = (ComplaintStage.INTAKE, ComplaintStage.INVESTIGATION, ComplaintStage.RESOLUTION,
               ComplaintStage.FEEDBACK)


class Remedy(enum.StrEnum):
    """What the resolution did (several may apply; stored comma-separated)."""

    APOLOGY = "apology"
    REDO = "redo"
    """The service redone (free)."""
    REFUND = "refund"
    """Money given back (through the card ledger's refund, or the check-out's approval)."""
    VOUCHER = "voucher"
    """A compensation voucher (VoucherSource.COMPLAINT) through the card ledger."""
    CREDIT = "credit"
    """A credit to a member card's bonus balance through the card ledger."""
    EXPLANATION = "explanation"
    """Nothing owed: the client was given the facts."""
    OTHER = "other"


class ComplaintSource(enum.StrEnum):
    """Where the case was opened."""

    DESK = "desk"
    CARE_CALL = "care_call"
    SURVEY = "survey"


class Complaint(Base):
    """One complaint case; ``ref_no`` is the number the client can quote (``TS2612020007``)."""

    __tablename__ = "complaint"
    __table_args__ = (
        UniqueConstraint("branch_id", "ref_no"),
        Index("ix_complaint_open_due", "branch_id", "stage", "due_at"),
        Index("ix_complaint_client_id_id", "client_id", "id"),
        Index("ix_complaint_branch_received", "branch_id", "received_at"),
        Index("ix_complaint_branch_resolved", "branch_id", "resolved_at"),
    )

    id: Mapped[BigPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    ref_no: Mapped[str] = mapped_column(String(24))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"))
    """None: a complainant who is not (or will not say they are) a client, e.g. a review."""
    complainant: Mapped[str] = mapped_column(String(64), default="")
    """Name or handle of a complainant who is not a client (an online review's author)."""
    visit_id: Mapped[int | None] = mapped_column(BigFk, ForeignKey("visit.id"))
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    """The staff member the complaint concerns."""
    service_item_id: Mapped[int | None] = mapped_column(ForeignKey("service_item.id"))
    channel: Mapped[ComplaintChannel] = mapped_column(str_enum(ComplaintChannel))
    category: Mapped[ComplaintCategory] = mapped_column(str_enum(ComplaintCategory))
    severity: Mapped[ComplaintSeverity] = mapped_column(str_enum(ComplaintSeverity))
    source: Mapped[ComplaintSource] = mapped_column(str_enum(ComplaintSource),
                                                    default=ComplaintSource.DESK)
    words: Mapped[str] = mapped_column(Text, default="")
    """The client's own words."""
    asks: Mapped[str] = mapped_column(Text, default="")
    """What the client asks for."""
    stage: Mapped[ComplaintStage] = mapped_column(str_enum(ComplaintStage),
                                                  default=ComplaintStage.INTAKE)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    """Who handles the case (a complaint handler, the manager)."""
    received_at: Mapped[dt.datetime]
    taken_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    due_at: Mapped[dt.datetime | None]
    """The current stage's deadline; None once closed."""
    escalated_at: Mapped[dt.datetime | None]
    """When the current stage's deadline was missed and the manager told; None: not (yet)."""
    acknowledged_at: Mapped[dt.datetime | None]
    """First moved to investigation."""
    resolved_at: Mapped[dt.datetime | None]
    """The resolution recorded (moved to feedback) the last time."""
    closed_at: Mapped[dt.datetime | None]
    findings: Mapped[str] = mapped_column(Text, default="")
    """What the investigation found."""
    remedies: Mapped[str] = mapped_column(String(120), default="")
    """Comma-separated :class:`Remedy` values."""
    resolution_note: Mapped[str] = mapped_column(Text, default="")
    corrective_action: Mapped[str] = mapped_column(Text, default="")
    """整改: what the store changes so it does not happen again."""
    compensation_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    """The compensation's value (voucher or credit), integer fen; 0: none."""
    compensation_op_id: Mapped[int | None] = mapped_column(BigFk, ForeignKey("card_operation.id"))
    """The card ledger's operation that booked the compensation (voucher issued, credit)."""
    satisfied: Mapped[bool | None]
    """The client's answer at feedback; None: not asked yet."""
    feedback_note: Mapped[str] = mapped_column(Text, default="")
    reopen_count: Mapped[int] = mapped_column(SmallInteger, default=0)
    survey_id: Mapped[int | None] = mapped_column(BigFk, ForeignKey("survey.id"))
    """The survey whose low score opened the case."""
    version: Mapped[int] = mapped_column(Integer, default=1)


class StepKind(enum.StrEnum):
    """What one :class:`ComplaintStep` records."""

    TAKEN = "taken"
    MOVED = "moved"
    """A transition (``from_stage`` → ``to_stage``)."""
    REOPENED = "reopened"
    ASSIGNED = "assigned"
    NOTE = "note"
    ESCALATED = "escalated"
    """The stage's deadline was missed: the manager was told."""
    COMPENSATED = "compensated"


class ComplaintStep(Base):
    """One thing that happened to a case, who did it and when; never edited."""

    __tablename__ = "complaint_step"
    __table_args__ = (Index("ix_complaint_step_complaint_id_id", "complaint_id", "id"),
                      Index("ix_complaint_step_kind_at", "kind", "at"))

    id: Mapped[BigPk]
    complaint_id: Mapped[int] = mapped_column(BigFk, ForeignKey("complaint.id"))
    kind: Mapped[StepKind] = mapped_column(str_enum(StepKind))
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    """Who; None for the deadline timer's escalation."""
    from_stage: Mapped[ComplaintStage | None] = mapped_column(str_enum(ComplaintStage))
    to_stage: Mapped[ComplaintStage | None] = mapped_column(str_enum(ComplaintStage))
    note: Mapped[str] = mapped_column(Text, default="")


class ComplaintDeadline(Base):
    """A store's hours for each stage of a case of one severity (over the defaults in code).

    ``acknowledge_hours``: from intake to investigation; ``resolve_hours``: from intake
    to the resolution recorded (moved to feedback); ``feedback_hours``: from the
    resolution to the client's answer (closed).
    """

    __tablename__ = "complaint_deadline"
    __table_args__ = (UniqueConstraint("branch_id", "severity"),)

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    severity: Mapped[ComplaintSeverity] = mapped_column(str_enum(ComplaintSeverity))
    acknowledge_hours: Mapped[int] = mapped_column(SmallInteger)
    resolve_hours: Mapped[int] = mapped_column(SmallInteger)
    feedback_hours: Mapped[int] = mapped_column(SmallInteger)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
