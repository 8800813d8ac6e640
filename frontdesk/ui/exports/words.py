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


def _sheets(t: Translate) -> dict[ExportKind, str]:
    k = ExportKind
    return {k.CLIENTS: t("ExportWords", "Clients"), k.VISITS: t("ExportWords", "Visits"),
            k.CARD_LEDGER: t("ExportWords", "Card ledger"),
            k.CARE: t("ExportWords", "Care tasks"),
            k.COMPLAINTS: t("ExportWords", "Complaints"),
            k.SURVEYS: t("ExportWords", "Surveys")}


def _clients(t: Translate) -> tuple[str, ...]:
    return (t("ExportWords", "Member no"), t("ExportWords", "Name"), t("ExportWords", "Phone"),
            t("ExportWords", "Gender"), t("ExportWords", "Birthday"),
            t("ExportWords", "Calendar"), t("ExportWords", "Tier"),
            t("ExportWords", "Card balance (yuan)"), t("ExportWords", "Visits"),
            t("ExportWords", "Last visit"), t("ExportWords", "Allergies"),
            t("ExportWords", "Notes"), t("ExportWords", "Marketing consent"),
            t("ExportWords", "Health data consent"), t("ExportWords", "Registered"))


def _visits(t: Translate) -> tuple[str, ...]:
    return (t("ExportWords", "Visit no"), t("ExportWords", "Arrived"),
            t("ExportWords", "Client"), t("ExportWords", "Phone"), t("ExportWords", "Line"),
            t("ExportWords", "Service or product"), t("ExportWords", "Quantity"),
            t("ExportWords", "Unit price (yuan)"), t("ExportWords", "Discount (yuan)"),
            t("ExportWords", "Amount (yuan)"), t("ExportWords", "Staff member"),
            t("ExportWords", "Visit total (yuan)"), t("ExportWords", "Payment"))


def _ledger(t: Translate) -> tuple[str, ...]:
    return (t("ExportWords", "Operation no"), t("ExportWords", "Date"),
            t("ExportWords", "Operation"), t("ExportWords", "Card no"),
            t("ExportWords", "Client"), t("ExportWords", "Phone"), t("ExportWords", "Card kind"),
            t("ExportWords", "Paid (yuan)"), t("ExportWords", "Bonus (yuan)"),
            t("ExportWords", "Sessions"), t("ExportWords", "Points"),
            t("ExportWords", "Money (yuan)"), t("ExportWords", "Payment"),
            t("ExportWords", "Reason"), t("ExportWords", "Staff member"))


def _care(t: Translate) -> tuple[str, ...]:
    return (t("ExportWords", "Due on"), t("ExportWords", "Kind"), t("ExportWords", "Occasion"),
            t("ExportWords", "Client"), t("ExportWords", "Phone"), t("ExportWords", "Tier"),
            t("ExportWords", "Channel"), t("ExportWords", "Assigned to"),
            t("ExportWords", "Status"), t("ExportWords", "Outcome"), t("ExportWords", "Note"),
            t("ExportWords", "Closed"), t("ExportWords", "Closed by"))


def _complaints(t: Translate) -> tuple[str, ...]:
    return (t("ExportWords", "Ref no"), t("ExportWords", "Received"),
            t("ExportWords", "Category"), t("ExportWords", "Severity"),
            t("ExportWords", "Channel"), t("ExportWords", "Stage"), t("ExportWords", "Client"),
            t("ExportWords", "Phone"), t("ExportWords", "Staff member"),
            t("ExportWords", "Case owner"), t("ExportWords", "Due"),
            t("ExportWords", "Resolved"), t("ExportWords", "Closed on"),
            t("ExportWords", "Compensation (yuan)"), t("ExportWords", "Times reopened"),
            t("ExportWords", "Satisfied"), t("ExportWords", "What the client said"),
            t("ExportWords", "What the client asks"), t("ExportWords", "Resolution"))


def _surveys(t: Translate) -> tuple[str, ...]:
    return (t("ExportWords", "Answered"), t("ExportWords", "Client"), t("ExportWords", "Phone"),
            t("ExportWords", "Service attitude"), t("ExportWords", "Efficiency"),
            t("ExportWords", "Product quality"), t("ExportWords", "Environment"),
            t("ExportWords", "Price"), t("ExportWords", "Recommend (0–10)"),
            t("ExportWords", "Low score"), t("ExportWords", "Comment"),
            t("ExportWords", "Entered by"))


def _client_codes(t: Translate) -> tuple[Names, Names]:
    genders = {"female": t("ExportWords", "Female"), "male": t("ExportWords", "Male"),
               "unknown": ""}
    calendars = {"solar": t("ExportWords", "Solar"), "lunar": t("ExportWords", "Lunar")}
    return genders, calendars


def _money_codes(t: Translate) -> tuple[Names, Names, Names, Names]:
    lines = {"service": t("ExportWords", "Service"), "product": t("ExportWords", "Product")}
    payments = {"cash": t("ExportWords", "Cash"), "bank_card": t("ExportWords", "Bank card"),
                "wechat": t("ExportWords", "WeChat Pay"), "alipay": t("ExportWords", "Alipay"),
                "member_card": t("ExportWords", "Member card")}
    kinds = {"stored_value": t("ExportWords", "Stored value"),
             "session": t("ExportWords", "Sessions"),
             "membership": t("ExportWords", "Membership")}
    operations = {
        "issue": t("ExportWords", "Issue"), "top_up": t("ExportWords", "Top-up"),
        "charge": t("ExportWords", "Charge"), "refund": t("ExportWords", "Refund"),
        "freeze": t("ExportWords", "Freeze"), "unfreeze": t("ExportWords", "Unfreeze"),
        "replace": t("ExportWords", "Replace lost card"), "expire": t("ExportWords", "Expiry"),
        "extend": t("ExportWords", "Extension"), "adjust": t("ExportWords", "Correction"),
        "points_earn": t("ExportWords", "Points earned"),
        "points_redeem": t("ExportWords", "Points redeemed"),
        "voucher_issue": t("ExportWords", "Voucher issued"),
        "voucher_use": t("ExportWords", "Voucher used"),
        "voucher_void": t("ExportWords", "Voucher voided"),
        "holder_add": t("ExportWords", "Family member added"),
        "holder_remove": t("ExportWords", "Family member removed"),
        "referral_reward": t("ExportWords", "Referral reward"),
        "migrate": t("ExportWords", "Opening balance (imported)")}
    return lines, payments, kinds, operations


def _care_codes(t: Translate) -> tuple[Names, Names, Names, Names]:
    kinds = {"birthday": t("ExportWords", "Birthday"), "festival": t("ExportWords", "Festival"),
             "follow_up": t("ExportWords", "Follow-up call"),
             "churn": t("ExportWords", "Churn warning"),
             "spending_drop": t("ExportWords", "Spending drop"),
             "profile_stale": t("ExportWords", "Profile to confirm"),
             "card_expiring": t("ExportWords", "Card expiring"),
             "card_balance_low": t("ExportWords", "Card balance low"),
             "card_last_session": t("ExportWords", "Last session used"),
             "survey": t("ExportWords", "Satisfaction survey"),
             "complaint_deadline": t("ExportWords", "Complaint deadline"),
             "star_call": t("ExportWords", "Star call")}
    channels = {"call": t("ExportWords", "Call"), "message": t("ExportWords", "Message"),
                "gift": t("ExportWords", "Gift")}
    statuses = {"open": t("ExportWords", "Open"), "snoozed": t("ExportWords", "Snoozed"),
                "done": t("ExportWords", "Done"), "skipped": t("ExportWords", "Skipped")}
    outcomes = {"reached": t("ExportWords", "Reached"),
                "no_answer": t("ExportWords", "No answer"),
                "wrong_number": t("ExportWords", "Wrong number"),
                "booked": t("ExportWords", "Booked a visit"),
                "complaint": t("ExportWords", "Raised a complaint"),
                "message_sent": t("ExportWords", "Message sent"),
                "gift_given": t("ExportWords", "Gift given")}
    return kinds, channels, statuses, outcomes


def export_words(language: str) -> ExportWords:
    """The words of an exported list in ``language`` (``zh_CN`` or ``en``)."""
    return words_of(translator_for(language))


def words_of(t: Translate) -> ExportWords:
    """The words through ``t`` (the screens pass the installed translation)."""
    k = ExportKind
    genders, calendars = _client_codes(t)
    lines, payments, card_kinds, operations = _money_codes(t)
    care_kinds, care_channels, care_statuses, outcomes = _care_codes(t)
    return ExportWords(
        sheets=_sheets(t),
        headings={k.CLIENTS: _clients(t), k.VISITS: _visits(t), k.CARD_LEDGER: _ledger(t),
                  k.CARE: _care(t), k.COMPLAINTS: _complaints(t), k.SURVEYS: _surveys(t)},
        genders=genders, calendars=calendars, line_kinds=lines, payments=payments,
        card_kinds=card_kinds, operations=operations, care_kinds=care_kinds,
        care_channels=care_channels, care_statuses=care_statuses, outcomes=outcomes,
        categories={str(c): n for c, n in category_names(t).items()},
        severities={str(c): n for c, n in severity_names(t).items()},
        channels={str(c): n for c, n in channel_names(t).items()},
        stages={str(c): n for c, n in stage_names(t).items()},
        yes=t("ExportWords", "Yes"), no=t("ExportWords", "No"))
