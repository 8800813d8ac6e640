"""The audit trail: who saw or changed what, and when. Rows are only ever added."""

from __future__ import annotations

import datetime as dt
import enum

from sqlalchemy import BigInteger, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from frontdesk.models.base import Base, str_enum


class AuditAction(enum.StrEnum):
    """What happened. Stored as its value; a capability adds the actions it audits here."""

    # Store and staff
    STORE_INITIALISED = "store.initialised"
    SETTING_CHANGED = "setting.changed"
    STAFF_CREATED = "staff.created"
    SIGN_IN = "auth.sign_in"
    SIGN_IN_FAILED = "auth.sign_in_failed"
    PASSWORD_CHANGED = "auth.password_changed"
    # Card set-up and tiers (services/cards/products.py, points_setup.py, tiers.py)
    CARD_PRODUCT_CREATE = "card_product.create"
    CARD_PRODUCT_EDIT = "card_product.edit"
    POINTS_REWARD_SAVE = "points_reward.save"
    TIERS_SAVE = "tier.save"
    CLIENT_TIER_CHANGE = "client.tier_change"
    # Clients
    CLIENT_CREATE = "client.create"
    CLIENT_UPDATE = "client.update"
    CLIENT_PREFERENCES = "client.preferences"
    CLIENT_CONFIRM_BASICS = "client.confirm_basics"
    PHONE_MATCHED = "client.phone_matched"
    """A role that sees phones masked was told a number it typed is a client's."""
    # Catalog and rooms
    SERVICE_ITEM_CREATE = "service_item.create"
    PRODUCT_CREATE = "product.create"
    ROOM_CREATE = "room.create"
    ROOM_STATE = "room.state"
    ROOM_READY = "room.ready"
    ROOM_BUSY_OVERRIDE = "room.busy_override"
    # Appointments and visits
    APPOINTMENT_BOOK = "appointment.book"
    APPOINTMENT_MOVE = "appointment.move"
    APPOINTMENT_CANCEL = "appointment.cancel"
    APPOINTMENT_NO_SHOW = "appointment.no_show"
    APPOINTMENT_OVERLAP_OVERRIDE = "appointment.overlap_override"
    VISIT_CHECK_IN = "visit.check_in"
    VISIT_START = "visit.start"
    VISIT_FINISH = "visit.finish"
    VISIT_CANCEL = "visit.cancel"
    VISIT_CHECK_OUT = "visit.check_out"
    VISIT_PLAN_CHANGE = "visit.plan_change"
    VISITOR_NOTE_ADD = "visitor.note_add"
    VISITOR_NOTES_VIEW = "visitor.notes_view"
    CHECKOUT_APPROVED = "visit.check_out_approved"
    # Health records: every view, save and refused attempt
    HEALTH_VIEW = "health.view"
    HEALTH_SAVE = "health.save"
    HEALTH_PHOTO_ADD = "health.photo.add"
    HEALTH_VIEW_DENIED = "health.view.denied"
    HEALTH_SAVE_DENIED = "health.save.denied"
    # The handover to the beauticians (交接): every view, write and refused view
    HANDOVER_VIEW = "handover.view"
    HANDOVER_WRITE = "handover.write"
    HANDOVER_VIEW_DENIED = "handover.view.denied"
    # Member cards: one row per card operation (who moved money, sessions or points), and
    # every view of a card's history (who saw money)
    CARD_ISSUE = "card.issue"
    CARD_TOP_UP = "card.top_up"
    CARD_CHARGE = "card.charge"
    CARD_REFUND = "card.refund"
    CARD_FREEZE = "card.freeze"
    CARD_UNFREEZE = "card.unfreeze"
    CARD_REPLACE = "card.replace"
    CARD_EXPIRE = "card.expire"
    CARD_EXTEND = "card.extend"
    CARD_ADJUST = "card.adjust"
    CARD_HOLDER_ADD = "card.holder_add"
    CARD_HOLDER_REMOVE = "card.holder_remove"
    CARD_POINTS_EARN = "card.points_earn"
    CARD_POINTS_REDEEM = "card.points_redeem"
    CARD_VOUCHER_ISSUE = "card.voucher_issue"
    CARD_VOUCHER_USE = "card.voucher_use"
    CARD_VOUCHER_VOID = "card.voucher_void"
    CARD_REFERRAL_REWARD = "card.referral_reward"
    CARD_HISTORY_VIEW = "card.history_view"
    # The demo store
    DEMO_FILLED = "demo.filled"
    # Care (services/care): the due list's work, the books, the message library, and the
    # full phone numbers the due list showed
    CARE_CALL = "care.call"
    CARE_GIFT = "care.gift"
    """A gift task's gift given (a voucher issued through the card ledger, or products)."""
    CARE_SENT = "care.sent"
    CARE_SNOOZE = "care.snooze"
    CARE_SKIP = "care.skip"
    CARE_REASSIGN = "care.reassign"
    CARE_PHONES_VIEW = "care.phones_view"
    CARE_EXPORT = "care.export"
    CARE_BOOK_ASSIGN = "care.book_assign"
    CARE_BOOK_MOVE = "care.book_move"
    CARE_TEMPLATE_SAVE = "care.template_save"
    CARE_TEMPLATE_DELETE = "care.template_delete"

    CARD_REPORT_VIEW = "card.report_view"
    """The day's closing report of member cards was seen (the store's card money)."""
    CARD_CHECK = "card.check"
    """The consistency check of the card ledger (and visits' payments) was run."""

    # The care set-up (a manager's rules, festivals, tier plans, follow-up days)
    CARE_RULE_SAVE = "care.rule_save"
    CARE_FESTIVAL_SAVE = "care.festival_save"
    CARE_FESTIVAL_DELETE = "care.festival_delete"
    """A store's own festival deleted (built-in ones are only switched off)."""
    CARE_TIER_PLAN_SAVE = "care.tier_plan_save"
    FOLLOW_UP_DAYS_SAVE = "service_item.follow_up_days"

    # Complaints, surveys and spot checks (services/complaints/)
    COMPLAINT_TAKE = "complaint.take"
    COMPLAINT_MOVE = "complaint.move"
    """A case moved stage (acknowledged, resolved, feedback, closed, reopened)."""
    COMPLAINT_ASSIGN = "complaint.assign"
    COMPLAINT_NOTE = "complaint.note"
    COMPLAINT_COMPENSATE = "complaint.compensate"
    COMPLAINT_VIEW = "complaint.view"
    """A case (the client's words, the full phone) was opened."""
    COMPLAINT_ESCALATE = "complaint.escalate"
    COMPLAINT_DEADLINES_SAVE = "complaint.deadlines_save"
    SURVEY_SAVE = "survey.save"
    SURVEY_TEMPLATE_SAVE = "survey.template_save"
    SURVEY_SETTINGS_SAVE = "survey.settings_save"
    QUALITY_CHECK_SAVE = "quality_check.save"
    COMPLAINT_REPORT_VIEW = "complaint.report_view"
    COMPLAINT_REPORT_EXPORT = "complaint.report_export"

    # Excel in and out (services/imports/, services/exports/)
    CLIENTS_IMPORT = "clients.import"
    """A client list was imported (the file, its checksum, rows created, updated, refused)."""
    LIST_EXPORT = "list.export"
    """A list (clients, visits, card ledger, care, complaints, surveys) was written to Excel."""
    ALL_DATA_EXPORT = "all_data.export"
    """Every table of the store was written to one workbook (the manager's "all my data")."""
    ALL_DATA_RESTORE = "all_data.restore"
    """An "all my data" workbook was read back into an empty database."""


class AuditEntry(Base):
    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer, "sqlite"), primary_key=True
    )
    at: Mapped[dt.datetime] = mapped_column(index=True)
    branch_id: Mapped[int | None] = mapped_column(ForeignKey("branch.id"), index=True)
    staff_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    action: Mapped[AuditAction] = mapped_column(str_enum(AuditAction, 48))
    entity: Mapped[str] = mapped_column(String(48), default="")
    entity_id: Mapped[int | None] = mapped_column(index=True)
    detail: Mapped[str] = mapped_column(Text, default="")
