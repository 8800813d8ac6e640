"""Member cards (会员卡): products, cards, their append-only ledger, points, vouchers and tiers.

Money, sessions and points move only by :class:`CardOperation` (the business event:
a top-up, a charge at check-out, a refund…, once per idempotency key) and its
:class:`CardEntry` rows (the movements, each a signed delta). Rows of both are
only ever inserted: a correction is a new operation, never an edit. The cached
balances (:class:`MemberCard` ``paid_fen``/``bonus_fen``/``sessions``,
:class:`PointsAccount` ``points``) are updated in the same transaction and always
equal the sums of their entries; check constraints keep them at zero or more, so
an overspend is refused by the database even if a service forgot to guard it.

Paid money (``paid_fen``, what the client handed over) and bonus money
(``bonus_fen``, given with a top-up offer) are kept apart: a refund returns
unused paid money only.

Tiers (普通 / 银卡 / 金卡 / 钻石卡 by default) are the store's :class:`Tier` rows;
a client's tier is the newest :class:`ClientTier` row (kept as history, with the
date its rights last until), cached in ``client.tier``.
"""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import (
    BigInteger,
    CheckConstraint,
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

from frontdesk.models.base import Base, BigFk, BigPk, IntPk, str_enum, utcnow
from frontdesk.models.client import ASCII_KEY
from frontdesk.models.visit import PaymentMethod


class CardKind(enum.StrEnum):
    STORED_VALUE = "stored_value"
    """储值卡: prepaid money (paid and bonus), spent at check-out with the tier's discount."""
    SESSION = "session"
    """次卡 / 疗程卡: a number of sessions of one service or a group of services."""
    MEMBERSHIP = "membership"
    """A membership without money: tier, points and rights only."""


class CardProduct(Base):
    """A kind of card the store sells, configured by a manager."""

    __tablename__ = "card_product"

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    kind: Mapped[CardKind] = mapped_column(str_enum(CardKind))
    name: Mapped[str] = mapped_column(String(60))
    price_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    """What the card costs: a session card's price, a membership's fee (0: a stored-value card)."""
    sessions: Mapped[int] = mapped_column(Integer, default=0)
    """A session card's number of sessions."""
    validity_days: Mapped[int | None] = mapped_column(Integer)
    """Days from issue until the card expires; None: it does not expire."""
    complimentary: Mapped[bool] = mapped_column(default=False)
    """A staff card (员工卡) or complimentary account (公免客户): its holders are not graded
    into tiers and their spend is not counted (domain/003)."""
    active: Mapped[bool] = mapped_column(default=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}


class CardProductService(Base):
    """A service a session card's sessions can be spent on."""

    __tablename__ = "card_product_service"

    product_id: Mapped[int] = mapped_column(
        ForeignKey("card_product.id", ondelete="CASCADE"), primary_key=True)
    service_item_id: Mapped[int] = mapped_column(ForeignKey("service_item.id"),
                                                 primary_key=True, index=True)


class TopUpOffer(Base):
    """充X送Y: pay ``pay_fen``, get ``bonus_fen`` of bonus money on a stored-value card."""

    __tablename__ = "top_up_offer"

    id: Mapped[IntPk]
    product_id: Mapped[int] = mapped_column(ForeignKey("card_product.id"), index=True)
    pay_fen: Mapped[int] = mapped_column(BigInteger)
    bonus_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class CardStatus(enum.StrEnum):
    ACTIVE = "active"
    FROZEN = "frozen"
    """Frozen (冻结) at the owner's request or a manager's: nothing moves until unfrozen."""
    REPLACED = "replaced"
    """Reported lost (挂失) and replaced: its balance moved to ``replaced_by_id``."""
    CLOSED = "closed"
    """Refunded and closed: nothing left on it."""


class MemberCard(Base):
    """One card a client holds; the cached balances equal the sums of its ledger entries."""

    __tablename__ = "member_card"
    __table_args__ = (
        Index("ix_member_card_expires_on", "expires_on"),
        CheckConstraint("paid_fen >= 0", name="paid_not_negative"),
        CheckConstraint("bonus_fen >= 0", name="bonus_not_negative"),
        CheckConstraint("sessions >= 0", name="sessions_not_negative"),
    )

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    """The owner (持卡人)."""
    product_id: Mapped[int] = mapped_column(ForeignKey("card_product.id"), index=True)
    card_no: Mapped[str] = mapped_column(ASCII_KEY, unique=True)
    """What the card reader types: letters and digits, printed as a Code 128 barcode."""
    status: Mapped[CardStatus] = mapped_column(str_enum(CardStatus), default=CardStatus.ACTIVE)
    issued_at: Mapped[dt.datetime]
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    """The last day it can be used (local date); None: no expiry."""
    paid_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    bonus_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    sessions: Mapped[int] = mapped_column(Integer, default=0)
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("member_card.id"))
    """The lost card this one replaced."""
    replaced_by_id: Mapped[int | None] = mapped_column(ForeignKey("member_card.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    """Counts balance and status changes (the guarded UPDATEs bump it)."""


class CardHolder(Base):
    """A family member (家庭卡) who may charge the card besides its owner."""

    __tablename__ = "card_holder"

    card_id: Mapped[int] = mapped_column(ForeignKey("member_card.id"), primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), primary_key=True, index=True)
    relation: Mapped[str] = mapped_column(String(24), default="")
    """How they are related to the owner (配偶, 子女…), as the desk writes it."""
    added_at: Mapped[dt.datetime]
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))


class OperationKind(enum.StrEnum):
    ISSUE = "issue"
    TOP_UP = "top_up"
    CHARGE = "charge"
    """Spent at check-out: money (paid and bonus) or sessions."""
    REFUND = "refund"
    """Unused paid money given back (method and reason recorded)."""
    FREEZE = "freeze"
    UNFREEZE = "unfreeze"
    REPLACE = "replace"
    """A lost card's balance moved to its replacement."""
    EXPIRE = "expire"
    """Sessions or money written off at expiry (shown, never silent)."""
    EXTEND = "extend"
    """A manager extended a card's expiry (and restored what expiry wrote off)."""
    ADJUST = "adjust"
    """A correction by a manager, with its reason."""
    POINTS_EARN = "points_earn"
    POINTS_REDEEM = "points_redeem"
    VOUCHER_ISSUE = "voucher_issue"
    VOUCHER_USE = "voucher_use"
    VOUCHER_VOID = "voucher_void"
    HOLDER_ADD = "holder_add"
    HOLDER_REMOVE = "holder_remove"
    REFERRAL_REWARD = "referral_reward"
    MIGRATE = "migrate"
    """An opening balance carried over from the store's old records by an import (no money
    changed hands at the desk: ``money_fen`` is 0; the file and row are in ``reference``)."""


class CardOperation(Base):
    """One business event on cards, booked once per idempotency key; never edited."""

    __tablename__ = "card_operation"
    __table_args__ = (Index("ix_card_operation_branch_at", "branch_id", "at"),)

    id: Mapped[BigPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    idempotency_key: Mapped[str] = mapped_column(String(80), unique=True)
    kind: Mapped[OperationKind] = mapped_column(str_enum(OperationKind))
    at: Mapped[dt.datetime]
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), index=True)
    card_id: Mapped[int | None] = mapped_column(ForeignKey("member_card.id"), index=True)
    visit_id: Mapped[int | None] = mapped_column(BigFk, ForeignKey("visit.id"), index=True)
    method: Mapped[PaymentMethod | None] = mapped_column(str_enum(PaymentMethod))
    """How money came in (a top-up, a card's price) or went out (a refund)."""
    money_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    """Money that changed hands at the desk: received (+) or given back (−); 0 if none."""
    reason: Mapped[str] = mapped_column(String(255), default="")
    reference: Mapped[str] = mapped_column(String(64), default="")
    approved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    """The manager who approved it on the spot (a refund, an adjustment, an extension)."""


class CardEntry(Base):
    """One movement of one operation: signed deltas of a card's money and sessions, or of
    a client's points, or of a voucher. Only ever inserted."""

    __tablename__ = "card_entry"
    __table_args__ = (
        Index("ix_card_entry_card_id", "card_id", "id"),
        Index("ix_card_entry_branch_at", "branch_id", "at"),
    )

    id: Mapped[BigPk]
    operation_id: Mapped[int] = mapped_column(BigFk, ForeignKey("card_operation.id"), index=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    at: Mapped[dt.datetime]
    card_id: Mapped[int | None] = mapped_column(ForeignKey("member_card.id"))
    client_id: Mapped[int | None] = mapped_column(ForeignKey("client.id"), index=True)
    """Whose points (or voucher) moved; the card's owner for card movements."""
    voucher_id: Mapped[int | None] = mapped_column(ForeignKey("voucher.id"), index=True)
    paid_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    bonus_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    sessions: Mapped[int] = mapped_column(Integer, default=0)
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    service_item_id: Mapped[int | None] = mapped_column(ForeignKey("service_item.id"))
    """The service a session was spent on."""


class PointsAccount(Base):
    """A client's points (积分); the cached balance equals the sum of their points entries."""

    __tablename__ = "points_account"
    __table_args__ = (CheckConstraint("points >= 0", name="points_not_negative"),)

    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), primary_key=True)
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    points: Mapped[int] = mapped_column(BigInteger, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)


class PointsReward(Base):
    """An item of the redemption catalogue (积分兑换): what a number of points buys."""

    __tablename__ = "points_reward"

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    name: Mapped[str] = mapped_column(String(60))
    points: Mapped[int] = mapped_column(BigInteger)
    voucher_kind: Mapped[str] = mapped_column(String(24), default="")
    """The kind of voucher the reward issues ("" for a gift handed over at the desk)."""
    voucher_value_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    active: Mapped[bool] = mapped_column(default=True)


class VoucherKind(enum.StrEnum):
    SPA = "spa"
    DINING = "dining"
    ROOM = "room"
    SERVICE = "service"
    CASH = "cash"
    GIFT = "gift"


class VoucherSource(enum.StrEnum):
    CARE = "care"
    """From the care process: a birthday or festival gift."""
    COMPLAINT = "complaint"
    """Compensation for a complaint."""
    POINTS = "points"
    """Redeemed with points."""
    REFERRAL = "referral"
    MANUAL = "manual"
    IMPORT = "import"
    """Taken over from the store's old records by an import."""


class VoucherStatus(enum.StrEnum):
    OPEN = "open"
    USED = "used"
    VOID = "void"
    EXPIRED = "expired"


class Voucher(Base):
    """A gift voucher (spa, dining, room…) held by a client; moves by ledger entries."""

    __tablename__ = "voucher"

    id: Mapped[BigPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"))
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"), index=True)
    code: Mapped[str] = mapped_column(ASCII_KEY, unique=True)
    kind: Mapped[VoucherKind] = mapped_column(str_enum(VoucherKind))
    title: Mapped[str] = mapped_column(String(80))
    value_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    source: Mapped[VoucherSource] = mapped_column(str_enum(VoucherSource))
    status: Mapped[VoucherStatus] = mapped_column(str_enum(VoucherStatus),
                                                  default=VoucherStatus.OPEN)
    issued_at: Mapped[dt.datetime]
    expires_on: Mapped[dt.date | None] = mapped_column(Date)
    used_at: Mapped[dt.datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)


class Tier(Base):
    """A member tier and its rights; thresholds are the store's and may change."""

    __tablename__ = "tier"
    __table_args__ = (UniqueConstraint("branch_id", "code"),)

    id: Mapped[IntPk]
    branch_id: Mapped[int] = mapped_column(ForeignKey("branch.id"), index=True)
    code: Mapped[str] = mapped_column(String(24))
    """A stable key (``regular``, ``silver``, ``gold``, ``diamond``), cached in ``client.tier``."""
    name: Mapped[str] = mapped_column(String(24))
    rank: Mapped[int] = mapped_column(SmallInteger)
    """0 for the lowest; a higher rank is a better tier."""
    min_monthly_spend_fen: Mapped[int] = mapped_column(BigInteger, default=0)
    """Average monthly spend (ARPU, domain/003) over the assessment period that earns it."""
    min_top_up_fen: Mapped[int | None] = mapped_column(BigInteger)
    """One top-up of this much earns it at once; None: top-ups do not."""
    min_referrals: Mapped[int | None] = mapped_column(Integer)
    """This many referred clients earn it at once; None: referrals do not."""
    discount_percent: Mapped[int] = mapped_column(SmallInteger, default=100)
    """What a service costs on a card of this tier: 88 is 八八折, 100 no discount."""
    points_multiplier_percent: Mapped[int] = mapped_column(SmallInteger, default=100)
    """Points per ¥ paid are multiplied by this / 100."""
    birthday_package: Mapped[str] = mapped_column(String(255), default="")
    events: Mapped[str] = mapped_column(String(255), default="")
    """Tier-only events and other rights, as the store words them."""
    validity_months: Mapped[int] = mapped_column(SmallInteger, default=12)
    """How long a tier earned keeps its rights."""
    active: Mapped[bool] = mapped_column(default=True)


class TierReason(enum.StrEnum):
    SPEND = "spend"
    TOP_UP = "top_up"
    REFERRALS = "referrals"
    PERIOD_END = "period_end"
    """Reassessed when the tier's period ended (the only way down)."""
    MANUAL = "manual"
    IMPORT = "import"
    """Taken over from the store's old records by an import."""


class ClientTier(Base):
    """One step of a client's tier history; the newest row is their tier."""

    __tablename__ = "client_tier"
    __table_args__ = (Index("ix_client_tier_client_id_id", "client_id", "id"),)

    id: Mapped[BigPk]
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id"))
    tier_code: Mapped[str] = mapped_column(String(24))
    tier_name: Mapped[str] = mapped_column(String(24))
    """The name when it was earned (names can change later)."""
    valid_from: Mapped[dt.date] = mapped_column(Date)
    valid_until: Mapped[dt.date | None] = mapped_column(Date, index=True)
    """The last day its rights hold; None for the lowest tier."""
    reason: Mapped[TierReason] = mapped_column(str_enum(TierReason))
    at: Mapped[dt.datetime]
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
