"""An exported list's words in a language, from the translation files (context
"ExportWords"): sheet names, heading rows (in each kind's column order) and the names of
coded values (:class:`~frontdesk.services.exports.words.ExportWords`).

QtCore only, so ``frontdesk export`` words its workbook without a display.
"""

from __future__ import annotations

from frontdesk.services.exports.kinds import ExportKind
from frontdesk.services.exports.words import ExportWords, Names
from frontdesk.ui.i18n import Translate, translator_for
from frontdesk.ui.reports.words import (
    category_names,
    channel_names,
    severity_names,
    stage_names,
)


def _sheets(translate: Translate) -> dict[ExportKind, str]:
    k = ExportKind
    return {k.CLIENTS: translate("ExportWords", "Clients"),
    k.VISITS: translate("ExportWords", "Visits"),
            k.CARD_LEDGER: translate("ExportWords", "Card ledger"),
            k.CARE: translate("ExportWords", "Care tasks"),
            k.COMPLAINTS: translate("ExportWords", "Complaints"),
            k.SURVEYS: translate("ExportWords", "Surveys")}


def _clients(translate: Translate) -> tuple[str, ...]:
    return (translate("ExportWords", "Member no"),
            translate("ExportWords", "Name"),
            translate("ExportWords", "Phone"),
            translate("ExportWords", "Gender"), translate("ExportWords", "Birthday"),
            translate("ExportWords", "Calendar"), translate("ExportWords", "Tier"),
            translate("ExportWords", "Card balance (yuan)"), translate("ExportWords", "Visits"),
            translate("ExportWords", "Last visit"), translate("ExportWords", "Allergies"),
            translate("ExportWords", "Notes"), translate("ExportWords", "Marketing consent"),
            translate("ExportWords", "Health data consent"), translate("ExportWords", "Registered"))


def _visits(translate: Translate) -> tuple[str, ...]:
    return (translate("ExportWords", "Visit no"), translate("ExportWords", "Arrived"),
            translate("ExportWords", "Client"),
            translate("ExportWords", "Phone"),
            translate("ExportWords", "Line"),
            translate("ExportWords", "Service or product"), translate("ExportWords", "Quantity"),
            translate("ExportWords", "Unit price (yuan)"),
            translate("ExportWords", "Discount (yuan)"),
            translate("ExportWords", "Amount (yuan)"), translate("ExportWords", "Staff member"),
            translate("ExportWords", "Visit total (yuan)"), translate("ExportWords", "Payment"))


def _ledger(translate: Translate) -> tuple[str, ...]:
    return (translate("ExportWords", "Operation no"), translate("ExportWords", "Date"),
            translate("ExportWords", "Operation"), translate("ExportWords", "Card no"),
            translate("ExportWords", "Client"),
            translate("ExportWords", "Phone"),
            translate("ExportWords", "Card kind"),
            translate("ExportWords", "Paid (yuan)"), translate("ExportWords", "Bonus (yuan)"),
            translate("ExportWords", "Sessions"), translate("ExportWords", "Points"),
            translate("ExportWords", "Money (yuan)"), translate("ExportWords", "Payment"),
            translate("ExportWords", "Reason"), translate("ExportWords", "Staff member"))


def _care(translate: Translate) -> tuple[str, ...]:
    return (translate("ExportWords", "Due on"),
            translate("ExportWords", "Kind"),
            translate("ExportWords", "Occasion"),
            translate("ExportWords", "Client"),
            translate("ExportWords", "Phone"),
            translate("ExportWords", "Tier"),
            translate("ExportWords", "Channel"), translate("ExportWords", "Assigned to"),
            translate("ExportWords", "Status"),
            translate("ExportWords", "Outcome"),
            translate("ExportWords", "Note"),
            translate("ExportWords", "Closed"), translate("ExportWords", "Closed by"))


def _complaints(translate: Translate) -> tuple[str, ...]:
    return (translate("ExportWords", "Ref no"), translate("ExportWords", "Received"),
            translate("ExportWords", "Category"), translate("ExportWords", "Severity"),
            translate("ExportWords", "Channel"),
            translate("ExportWords", "Stage"),
            translate("ExportWords", "Client"),
            translate("ExportWords", "Phone"), translate("ExportWords", "Staff member"),
            translate("ExportWords", "Case owner"), translate("ExportWords", "Due"),
            translate("ExportWords", "Resolved"), translate("ExportWords", "Closed on"),
            translate("ExportWords", "Compensation (yuan)"),
            translate("ExportWords", "Times reopened"),
            translate("ExportWords", "Satisfied"), translate("ExportWords", "What the client said"),
            translate("ExportWords", "What the client asks"),
            translate("ExportWords", "Resolution"))


def _surveys(translate: Translate) -> tuple[str, ...]:
    return (translate("ExportWords", "Answered"),
            translate("ExportWords", "Client"),
            translate("ExportWords", "Phone"),
            translate("ExportWords", "Service attitude"), translate("ExportWords", "Efficiency"),
            translate("ExportWords", "Product quality"), translate("ExportWords", "Environment"),
            translate("ExportWords", "Price"), translate("ExportWords", "Recommend (0–10)"),
            translate("ExportWords", "Low score"), translate("ExportWords", "Comment"),
            translate("ExportWords", "Entered by"))


def _client_codes(translate: Translate) -> tuple[Names, Names]:
    genders = {"female": translate("ExportWords", "Female"),
               "male": translate("ExportWords", "Male"),
               "unknown": ""}
    calendars = {"solar": translate("ExportWords", "Solar"),
                 "lunar": translate("ExportWords", "Lunar")}
    return genders, calendars


def _money_codes(translate: Translate) -> tuple[Names, Names, Names, Names]:
    lines = {"service": translate("ExportWords", "Service"),
             "product": translate("ExportWords", "Product")}
    payments = {"cash": translate("ExportWords", "Cash"),
                "bank_card": translate("ExportWords", "Bank card"),
                "wechat": translate("ExportWords", "WeChat Pay"),
                "alipay": translate("ExportWords", "Alipay"),
                "member_card": translate("ExportWords", "Member card")}
    kinds = {"stored_value": translate("ExportWords", "Stored value"),
             "session": translate("ExportWords", "Sessions"),
             "membership": translate("ExportWords", "Membership")}
    operations = {
        "issue": translate("ExportWords", "Issue"), "top_up": translate("ExportWords", "Top-up"),
        "charge": translate("ExportWords", "Charge"), "refund": translate("ExportWords", "Refund"),
        "freeze": translate("ExportWords", "Freeze"),
        "unfreeze": translate("ExportWords", "Unfreeze"),
        "replace": translate("ExportWords", "Replace lost card"),
        "expire": translate("ExportWords", "Expiry"),
        "extend": translate("ExportWords", "Extension"),
        "adjust": translate("ExportWords", "Correction"),
        "points_earn": translate("ExportWords", "Points earned"),
        "points_redeem": translate("ExportWords", "Points redeemed"),
        "voucher_issue": translate("ExportWords", "Voucher issued"),
        "voucher_use": translate("ExportWords", "Voucher used"),
        "voucher_void": translate("ExportWords", "Voucher voided"),
        "holder_add": translate("ExportWords", "Family member added"),
        "holder_remove": translate("ExportWords", "Family member removed"),
        "referral_reward": translate("ExportWords", "Referral reward"),
        "migrate": translate("ExportWords", "Opening balance (imported)")}
    return lines, payments, kinds, operations


def _care_codes(translate: Translate) -> tuple[Names, Names, Names, Names]:
    kinds = {"birthday": translate("ExportWords", "Birthday"),
             "festival": translate("ExportWords", "Festival"),
             "follow_up": translate("ExportWords", "Follow-up call"),
             "churn": translate("ExportWords", "Churn warning"),
             "spending_drop": translate("ExportWords", "Spending drop"),
             "profile_stale": translate("ExportWords", "Profile to confirm"),
             "card_expiring": translate("ExportWords", "Card expiring"),
             "card_balance_low": translate("ExportWords", "Card balance low"),
             "card_last_session": translate("ExportWords", "Last session used"),
             "survey": translate("ExportWords", "Satisfaction survey"),
             "complaint_deadline": translate("ExportWords", "Complaint deadline"),
             "star_call": translate("ExportWords", "Star call")}
    channels = {"call": translate("ExportWords", "Call"),
                "message": translate("ExportWords", "Message"),
                "gift": translate("ExportWords", "Gift")}
    statuses = {"open": translate("ExportWords", "Open"),
                "snoozed": translate("ExportWords", "Snoozed"),
                "done": translate("ExportWords", "Done"),
                "skipped": translate("ExportWords", "Skipped")}
    outcomes = {"reached": translate("ExportWords", "Reached"),
                "no_answer": translate("ExportWords", "No answer"),
                "wrong_number": translate("ExportWords", "Wrong number"),
                "booked": translate("ExportWords", "Booked a visit"),
                "complaint": translate("ExportWords", "Raised a complaint"),
                "message_sent": translate("ExportWords", "Message sent"),
                "gift_given": translate("ExportWords", "Gift given")}
    return kinds, channels, statuses, outcomes


def export_words(language: str) -> ExportWords:
    """The words of an exported list in ``language`` (``zh_CN`` or ``en``)."""
    return words_of(translator_for(language))


def words_of(translate: Translate) -> ExportWords:
    """The words through ``translate`` (the screens pass the installed translation)."""
    k = ExportKind
    genders, calendars = _client_codes(translate)
    lines, payments, card_kinds, operations = _money_codes(translate)
    care_kinds, care_channels, care_statuses, outcomes = _care_codes(translate)
    return ExportWords(
        sheets=_sheets(translate),
        headings={k.CLIENTS: _clients(translate),
                  k.VISITS: _visits(translate),
                  k.CARD_LEDGER: _ledger(translate),
                  k.CARE: _care(translate),
                  k.COMPLAINTS: _complaints(translate),
                  k.SURVEYS: _surveys(translate)},
        genders=genders, calendars=calendars, line_kinds=lines, payments=payments,
        card_kinds=card_kinds, operations=operations, care_kinds=care_kinds,
        care_channels=care_channels, care_statuses=care_statuses, outcomes=outcomes,
        categories={str(c): n for c, n in category_names(translate).items()},
        severities={str(c): n for c, n in severity_names(translate).items()},
        channels={str(c): n for c, n in channel_names(translate).items()},
        stages={str(c): n for c, n in stage_names(translate).items()},
        yes=translate("ExportWords", "Yes"), no=translate("ExportWords", "No"))
