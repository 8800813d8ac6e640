"""The import's words on screen: what a column is used for, why a row was refused, and an
accepted row's values as the screens write them (masked phone, birthday in words, ¥)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from frontdesk.core.birthdays import BirthdayInput
from frontdesk.core.context import Actor
from frontdesk.core.money import format_fen
from frontdesk.core.permissions import Action, allowed
from frontdesk.core.phones import phone_for
from frontdesk.models.client import Gender
from frontdesk.services.imports.fields import (
    Birthday,
    CandidateRow,
    ColumnUse,
    Extra,
    Field,
    Outcome,
    Reason,
)
from frontdesk.ui.clients.common import birthday_text
from frontdesk.ui.labels import gender_name

translate = QCoreApplication.translate


def use_name(use: ColumnUse) -> str:
    """A column's use as the mapping's combo shows it."""
    names = {
        Field.NAME: translate("ImportWords", "Name"),
        Field.GENDER: translate("ImportWords", "Gender"),
        Field.PHONE: translate("ImportWords", "Mobile phone"),
        Field.BIRTHDAY: translate("ImportWords", "Birthday"),
        Field.TIER: translate("ImportWords", "Tier"),
        Field.BALANCE: translate("ImportWords", "Opening balance"),
        Field.NOTES: translate("ImportWords", "Notes"),
        Field.MEMBER_NO: translate("ImportWords", "Member no."),
        Field.ALLERGIES: translate("ImportWords", "Allergies"),
        Extra.TO_NOTES: translate("ImportWords", "Add to notes"),
        Extra.IGNORE: translate("ImportWords", "Ignore"),
    }
    return names[use]


def reason_name(reason: Reason) -> str:
    """Why a row was refused, in words."""
    names = {
        Reason.NAME_MISSING: translate("ImportWords", "no name"),
        Reason.NAME_INVALID: translate("ImportWords", "the name cannot be stored"),
        Reason.PHONE_INVALID: translate("ImportWords", "not a mobile phone number"),
        Reason.PHONE_SHARED: translate("ImportWords",
                                       "the same phone for two different people in the file"),
        Reason.PHONE_TAKEN: translate("ImportWords", "the phone belongs to another client here"),
        Reason.DUPLICATE_ROW: translate("ImportWords",
                                        "the same person again, further down the file"),
        Reason.GENDER_INVALID: translate("ImportWords", "not a gender"),
        Reason.BIRTHDAY_INVALID: translate(
            "ImportWords", "not a birthday (or a day the calendar does not have)"),
        Reason.BALANCE_INVALID: translate("ImportWords", "not an amount of money"),
        Reason.TIER_UNKNOWN: translate("ImportWords", "a tier this store does not have"),
        Reason.TEXT_INVALID: translate("ImportWords",
                                       "text with characters that cannot be stored"),
        Reason.MEMBER_NO_INVALID: translate("ImportWords", "not a member no."),
        Reason.MEMBER_NO_TAKEN: translate("ImportWords",
                                          "the member no. belongs to another client here"),
    }
    return names.get(reason, str(reason))


def reasons_text(row: CandidateRow) -> str:
    """A refused row's reasons, in words, one after the other."""
    return translate("ImportWords", "; ").join(reason_name(r) for r in row.reasons)


def outcome_name(outcome: Outcome | None) -> str:
    names = {
        Outcome.CREATED: translate("ImportWords", "new"),
        Outcome.UPDATED: translate("ImportWords", "updated"),
        Outcome.UNCHANGED: translate("ImportWords", "unchanged"),
    }
    return names.get(outcome, "") if outcome is not None else ""


def birthday_words(b: Birthday | None) -> str:
    if b is None:
        return ""
    return birthday_text(BirthdayInput(calendar=b.calendar, month=b.month, day=b.day,
                                       year=b.year, leap_month=b.leap_month))


def gender_words(value: str | None) -> str:
    if not value:
        return ""
    try:
        return gender_name(Gender(value))
    except ValueError:
        return value


def balance_words(fen: int | None) -> str:
    return format_fen(fen) if fen is not None else ""


class RowWords:
    """An accepted row's cells as the preview shows them, for one actor (phones masked
    unless the actor may see them whole)."""

    def __init__(self, actor: Actor) -> None:
        self.full_phones = allowed(actor, Action.SEE_FULL_PHONE)

    def phone(self, row: CandidateRow) -> str:
        return phone_for(row.phone_e164, self.full_phones) if row.phone_e164 else ""

    def accepted(self, row: CandidateRow) -> tuple[str, ...]:
        return (str(row.line), row.name, self.phone(row), gender_words(row.gender),
                birthday_words(row.birthday), row.tier or "", balance_words(row.balance_fen),
                outcome_name(row.outcome))

    def refused(self, row: CandidateRow) -> tuple[str, ...]:
        return (str(row.line), row.name, self.phone(row), reasons_text(row))


def accepted_headings() -> list[str]:
    return [
        translate("ImportWords", "Row"),
        translate("ImportWords", "Name"),
        translate("ImportWords", "Mobile phone"),
        translate("ImportWords", "Gender"),
        translate("ImportWords", "Birthday"),
        translate("ImportWords", "Tier"),
        translate("ImportWords", "Opening balance"),
        translate("ImportWords", "Will be"),
    ]


def refused_headings() -> list[str]:
    return [
        translate("ImportWords", "Row"),
        translate("ImportWords", "Name"),
        translate("ImportWords", "Mobile phone"),
        translate("ImportWords", "Why it is refused"),
    ]
