"""Satisfaction surveys (满意度调查) and the quality inspector's monthly spot checks (质检).

A :class:`SurveyTemplate` is a list of :class:`SurveyQuestion` s: 1–5 on a
:class:`SurveyDimension` (service attitude, efficiency, product quality, environment,
price; domain/002), 0–10 likelihood to recommend (NPS), free text. A :class:`Survey`
is one client's answers (one :class:`SurveyAnswer` per question), entered at the desk
or on a survey call (a care task of kind ``survey``, made for a sample of visits).
Its per-dimension scores are kept on the row too, so the month's report reads one
table. A low score opens a complaint (``Complaint.survey_id``).

A :class:`QualityCheck` is one month's spot check of care calls (domain/003: 本月抽查
人数、抽查内容、抽查结果、有何问题、解决办法及建议): the calls sampled
(:class:`QualityCheckItem`, each judged), what was checked, the results, the problems
found and the fixes.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import Date, ForeignKey, Index, Integer, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, BigFk, BigPk, IntPk, str_enum, utcnow


class SurveyDimension(enum.StrEnum):
    """What a 1–5 question scores (the report's rows)."""

    ATTITUDE = "attitude"
    EFFICIENCY = "efficiency"
    PRODUCT_QUALITY = "product_quality"
    ENVIRONMENT = "environment"
    PRICE = "price"


class QuestionKind(enum.StrEnum):
    SCALE = "scale"
    """1 (very unhappy) to 5 (very happy) on a dimension."""
    RECOMMEND = "recommend"
    """0–10: how likely to recommend us to a friend (NPS)."""
    TEXT = "text"


class SurveyTemplate(Base):
    """A questionnaire; the store's ``active`` one is used for new surveys."""

    __tablename__ = "survey_template"

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class SurveyQuestion(Base):
    __tablename__ = "survey_question"
    __table_args__ = (Index("ix_survey_question_template_position", "template_id", "position"),)

    id: Mapped[IntPk]
    template_id: Mapped[int] = mapped_column(ForeignKey("survey_template.id"))
    position: Mapped[int] = mapped_column(SmallInteger)
    kind: Mapped[QuestionKind] = mapped_column(str_enum(QuestionKind))
    dimension: Mapped[SurveyDimension | None] = mapped_column(str_enum(SurveyDimension))
    """For a SCALE question; None otherwise."""
    text: Mapped[str] = mapped_column(String(200))


class Survey(Base):
    """One client's answers to a template, about a visit (usually)."""

    __tablename__ = "survey"
    __table_args__ = (Index("ix_survey_branch_answered", "branch_id", "answered_at"),
                      Index("ix_survey_client_id_id", "client_id", "id"))

    id: Mapped[BigPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    template_id: Mapped[int] = mapped_column(ForeignKey("survey_template.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    visit_id: Mapped[int | None] = mapped_column(BigFk, ForeignKey("visit.id"), unique=True)
    """The visit it is about; one survey per visit."""
    task_id: Mapped[int | None] = mapped_column(BigFk, ForeignKey("care_task.id"))
    """The survey call (care task) it answered, if any."""
    entered_by_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    answered_at: Mapped[dt.datetime]
    attitude: Mapped[int | None] = mapped_column(SmallInteger)
    efficiency: Mapped[int | None] = mapped_column(SmallInteger)
    product_quality: Mapped[int | None] = mapped_column(SmallInteger)
    environment: Mapped[int | None] = mapped_column(SmallInteger)
    price: Mapped[int | None] = mapped_column(SmallInteger)
    recommend: Mapped[int | None] = mapped_column(SmallInteger)
    """0–10; None: not answered."""
    comment: Mapped[str] = mapped_column(Text, default="")
    low: Mapped[bool] = mapped_column(default=False)
    """A score at or below the store's threshold (a complaint was opened)."""


class SurveyAnswer(Base):
    """One question's answer (the template's words at the time live in the question)."""

    __tablename__ = "survey_answer"

    survey_id: Mapped[int] = mapped_column(BigFk, ForeignKey("survey.id"), primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("survey_question.id"), primary_key=True)
    score: Mapped[int | None] = mapped_column(SmallInteger)
    text: Mapped[str] = mapped_column(Text, default="")


class Verdict(enum.StrEnum):
    PENDING = "pending"
    PASS = "pass"
    FAIL = "fail"


class QualityCheck(Base):
    """One spot check of a month's care calls by a quality inspector (质检) or the manager."""

    __tablename__ = "quality_check"
    __table_args__ = (Index("ix_quality_check_branch_month", "branch_id", "month"),)

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    month: Mapped[dt.date] = mapped_column(Date)
    """The first day of the month checked."""
    inspector_id: Mapped[int] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[dt.datetime | None]
    content: Mapped[str] = mapped_column(Text, default="")
    """What was checked (抽查内容): greeting, script, logging, tone…"""
    results: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    fixes: Mapped[str] = mapped_column(Text, default="")
    """The fixes and suggestions (解决办法及建议)."""
    version: Mapped[int] = mapped_column(Integer, default=1)


class QualityCheckItem(Base):
    """One sampled care call and the inspector's verdict on it."""

    __tablename__ = "quality_check_item"

    id: Mapped[IntPk]
    check_id: Mapped[int] = mapped_column(ForeignKey("quality_check.id"), index=True)
    call_id: Mapped[int] = mapped_column(BigFk, ForeignKey("care_call.id"))
    verdict: Mapped[Verdict] = mapped_column(str_enum(Verdict), default=Verdict.PENDING)
    note: Mapped[str] = mapped_column(Text, default="")
