"""The client analysis sheet (客情分析表): one dated consultation record per sitting.

Health data (skin and body tests) lives here, readable only by the roles the
services allow, and only for clients who consented. Scales and units:

- ``moisture_pct``, ``oil_pct``: whole percent 0–100 as the instrument shows it;
  ``elasticity``: a 0–100 score (instrument reading or the consultant's estimate).
- ``pores``, ``acne_grade``, ``pigmentation``, ``wrinkles``, ``sensitivity``:
  grades 0–4 (0 none, 1 slight, 2 moderate, 3 marked, 4 severe).
- Body measures are integers of a small unit, never floats: ``height_mm``,
  ``weight_g``, ``waist_mm``, ``hip_mm`` and ``body_fat_permille`` (tenths of a
  percent, 23.5 % = 235). BMI is computed from height and weight when read and
  never stored, so there is one source of truth.

The five special conditions observed before and after cleansing (洗脸前后) are
child rows, one per condition present. The recommendation is plan lines (a
course of a service × sessions, or a home-care product × quantity, each with
the quoted price in fen) plus ``next_visit_on``, which the care list turns into
a follow-up.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    BigInteger,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, BigPk, str_enum
from frontdesk.models.visit import LineKind


class SkinType(enum.StrEnum):
    DRY = "dry"
    OILY = "oily"
    COMBINATION = "combination"
    NORMAL = "normal"
    SENSITIVE = "sensitive"


class MeasureMethod(enum.StrEnum):
    INSTRUMENT = "instrument"  # the consultation desk's skin analyser
    OBSERVED = "observed"  # look, touch, ask (看、摸、问)


class ConditionKind(enum.StrEnum):
    """The five conditions to observe both before and after cleansing."""

    HEAVY_MAKEUP = "heavy_makeup"  # 擦粉底、粉等浓妆
    VERY_DIRTY = "very_dirty"  # 皮肤特别脏
    ACNE = "acne"  # 暗疮
    SENSITIVE = "sensitive"  # 敏感或过敏
    SPOTS = "spots"  # 斑


class PhotoKind(enum.StrEnum):
    BEFORE = "before"
    AFTER = "after"


class ConsultationRecord(Base):
    __tablename__ = "consultation_record"
    __table_args__ = (Index("ix_consultation_record_client_taken", "client_id", "taken_on"),)

    id: Mapped[BigPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    consultant_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    visit_id: Mapped[int | None] = mapped_column(ForeignKey("visit.id"), index=True)
    """The visit it was taken at (None: taken outside a visit, or before records had one)."""
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    taken_on: Mapped[dt.date]
    taken_at: Mapped[dt.datetime]

    skin_method: Mapped[MeasureMethod | None] = mapped_column(str_enum(MeasureMethod))
    skin_type: Mapped[SkinType | None] = mapped_column(str_enum(SkinType))
    moisture_pct: Mapped[int | None] = mapped_column(SmallInteger)
    oil_pct: Mapped[int | None] = mapped_column(SmallInteger)
    elasticity: Mapped[int | None] = mapped_column(SmallInteger)
    pores: Mapped[int | None] = mapped_column(SmallInteger)
    acne_grade: Mapped[int | None] = mapped_column(SmallInteger)
    pigmentation: Mapped[int | None] = mapped_column(SmallInteger)
    wrinkles: Mapped[int | None] = mapped_column(SmallInteger)
    sensitivity: Mapped[int | None] = mapped_column(SmallInteger)
    skin_notes: Mapped[str] = mapped_column(Text, default="")

    body_method: Mapped[MeasureMethod | None] = mapped_column(str_enum(MeasureMethod))
    height_mm: Mapped[int | None] = mapped_column(Integer)
    weight_g: Mapped[int | None] = mapped_column(Integer)
    body_fat_permille: Mapped[int | None] = mapped_column(SmallInteger)
    waist_mm: Mapped[int | None] = mapped_column(Integer)
    hip_mm: Mapped[int | None] = mapped_column(Integer)
    posture: Mapped[str] = mapped_column(Text, default="")
    pain_areas: Mapped[str] = mapped_column(Text, default="")
    meridian_notes: Mapped[str] = mapped_column(Text, default="")

    next_visit_on: Mapped[dt.date | None] = mapped_column(index=True)
    plan_notes: Mapped[str] = mapped_column(Text, default="")

    nervous: Mapped[bool] = mapped_column(default=False)  # 心理紧张
    distrustful: Mapped[bool] = mapped_column(default=False)  # 缺乏信任感
    highly_strung: Mapped[bool] = mapped_column(default=False)  # 神经质
    new_client: Mapped[bool] = mapped_column(default=False)  # 新客人
    new_course: Mapped[bool] = mapped_column(default=False)  # 老客人的新疗程
    client_type_note: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")


class ConsultationCondition(Base):
    """One special condition seen in a consultation, before and after cleansing."""

    __tablename__ = "consultation_condition"
    __table_args__ = (UniqueConstraint("record_id", "kind"),)

    id: Mapped[BigPk]
    record_id: Mapped[int] = mapped_column(
        ForeignKey("consultation_record.id", ondelete="CASCADE"), index=True)
    kind: Mapped[ConditionKind] = mapped_column(str_enum(ConditionKind))
    before_cleansing: Mapped[str] = mapped_column(Text, default="")
    after_cleansing: Mapped[str] = mapped_column(Text, default="")


class ConsultationPlanLine(Base):
    """A recommended course (service × sessions) or home-care product (× quantity)."""

    __tablename__ = "consultation_plan_line"

    id: Mapped[BigPk]
    record_id: Mapped[int] = mapped_column(
        ForeignKey("consultation_record.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(SmallInteger, default=0)
    kind: Mapped[LineKind] = mapped_column(str_enum(LineKind))
    service_item_id: Mapped[int | None] = mapped_column(ForeignKey("service_item.id"))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("product.id"))
    name: Mapped[str] = mapped_column(String(80))
    quantity: Mapped[int] = mapped_column(Integer, default=1)
    """Sessions for a service course, pieces for a product."""
    price_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    """The price quoted for the whole line, in fen."""


class ConsultationPhoto(Base):
    """A before/after photo's metadata; its bytes are a :class:`ConsultationPhotoData` row,
    so that listing a record's photos never reads a picture."""

    __tablename__ = "consultation_photo"
    __table_args__ = (UniqueConstraint("record_id", "sha256"),)

    id: Mapped[BigPk]
    record_id: Mapped[int] = mapped_column(
        ForeignKey("consultation_record.id", ondelete="CASCADE"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    kind: Mapped[PhotoKind] = mapped_column(str_enum(PhotoKind))
    sha256: Mapped[str] = mapped_column(String(64))
    media_type: Mapped[str] = mapped_column(String(32))
    size_bytes: Mapped[int] = mapped_column(Integer)
    original_name: Mapped[str] = mapped_column(String(255), default="")
    added_at: Mapped[dt.datetime]
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class ConsultationPhotoData(Base):
    """The bytes of one photo, in the database so that every terminal of a store sees them.

    A photo of an earlier version, whose bytes were a file on the PC that added it, has no
    row here until that PC starts this version (``photos.adopt_files``)."""

    __tablename__ = "consultation_photo_data"

    photo_id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"),
        ForeignKey("consultation_photo.id", ondelete="CASCADE"), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
