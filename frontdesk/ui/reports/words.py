"""The complaints report's words in a language, from the translation files (context
"ReportWords"): the workbook's (:class:`~frontdesk.services.complaints.report_words.
ReportWords`) and the page's names of categories, severities, channels and dimensions.

QtCore only, so the ``frontdesk report`` command words its workbook without a display.
"""

from __future__ import annotations

from frontdesk.models.complaint import (
    ComplaintCategory,
    ComplaintChannel,
    ComplaintSeverity,
    ComplaintStage,
)
from frontdesk.models.survey import SurveyDimension
from frontdesk.services.complaints.report_words import ReportWords, SummaryWords
from frontdesk.ui.i18n import Translate, translator_for


def _summary(translate: Translate) -> SummaryWords:
    return SummaryWords(
        title=translate("ReportWords", "Complaints and satisfaction: {month}"),
        figure=translate("ReportWords", "Figure"),
        this_month=translate("ReportWords", "This month"),
        previous_month=translate("ReportWords", "Previous month ({month})"),
        target=translate("ReportWords", "Target"),
        received=translate("ReportWords", "Complaints received"),
        resolved=translate("ReportWords", "Resolved in the month"),
        median_hours=translate("ReportWords", "Median time to resolve (hours)"),
        escalations=translate("ReportWords", "Deadlines missed (escalations)"),
        escalated_cases=translate("ReportWords", "Cases escalated"),
        reopens=translate("ReportWords", "Reopened in the month"),
        reopen_rate=translate("ReportWords", "Reopen rate (received cases reopened)"),
        compensation=translate("ReportWords", "Compensation (yuan)"),
        by_category=translate("ReportWords", "By category"),
        by_severity=translate("ReportWords", "By severity"),
        by_channel=translate("ReportWords", "By channel"),
        by_staff=translate("ReportWords", "By staff member concerned"),
        no_staff=translate("ReportWords", "(no staff member named)"),
        surveys=translate("ReportWords", "Surveys answered"),
        low=translate("ReportWords", "Surveys with a low score"),
        dimension=translate("ReportWords", "Dimension"),
        answers=translate("ReportWords", "Answers"),
        mean=translate("ReportWords", "Mean score"),
        satisfied=translate("ReportWords", "Satisfied (4–5)"),
        loyalty=translate("ReportWords", "Loyal (recommend 9–10)"),
        nps=translate("ReportWords", "NPS (points)"),
        checks=translate("ReportWords", "Spot checks"),
        sampled=translate("ReportWords", "Calls checked"),
        passed=translate("ReportWords", "Passed"),
        failed=translate("ReportWords", "Failed"))


def category_names(translate: Translate) -> dict[ComplaintCategory, str]:
    c = ComplaintCategory
    return {c.ATTITUDE: translate("ReportWords", "Service attitude"),
            c.EFFICIENCY: translate("ReportWords", "Efficiency"),
            c.PRODUCT_QUALITY: translate("ReportWords", "Product quality"),
            c.ENVIRONMENT: translate("ReportWords", "Environment"),
            c.PRICE_BILLING: translate("ReportWords", "Price and billing"),
            c.SAFETY: translate("ReportWords", "Safety")}


def severity_names(translate: Translate) -> dict[ComplaintSeverity, str]:
    s = ComplaintSeverity
    return {s.LOW: translate("ReportWords", "Minor"),
            s.MEDIUM: translate("ReportWords", "Serious"),
            s.HIGH: translate("ReportWords", "Severe")}


def channel_names(translate: Translate) -> dict[ComplaintChannel, str]:
    c = ComplaintChannel
    return {c.ON_SITE: translate("ReportWords", "On site"),
            c.PHONE: translate("ReportWords", "Phone"),
            c.WECHAT: translate("ReportWords", "WeChat"),
            c.EMAIL: translate("ReportWords", "Email"),
            c.ONLINE_REVIEW: translate("ReportWords", "Online review"),
            c.SURVEY: translate("ReportWords", "Satisfaction survey")}


def stage_names(translate: Translate) -> dict[ComplaintStage, str]:
    s = ComplaintStage
    return {s.INTAKE: translate("ReportWords", "Intake"),
            s.INVESTIGATION: translate("ReportWords", "Investigation"),
            s.RESOLUTION: translate("ReportWords", "Resolution"),
            s.FEEDBACK: translate("ReportWords", "Feedback"),
            s.CLOSED: translate("ReportWords", "Case closed")}


def dimension_names(translate: Translate) -> dict[SurveyDimension, str]:
    d = SurveyDimension
    return {d.ATTITUDE: translate("ReportWords", "Service attitude"),
            d.EFFICIENCY: translate("ReportWords", "Efficiency"),
            d.PRODUCT_QUALITY: translate("ReportWords", "Product quality"),
            d.ENVIRONMENT: translate("ReportWords", "Environment"),
            d.PRICE: translate("ReportWords", "Price")}


def report_words(language: str) -> ReportWords:
    """The workbook's words in ``language`` (``zh_CN`` or ``en``)."""
    return words_of(translator_for(language))


def words_of(translate: Translate) -> ReportWords:
    """The workbook's words through ``translate`` (the screens pass the installed one)."""
    return ReportWords(
        summary_sheet=translate("ReportWords", "Summary"),
        complaints_sheet=translate("ReportWords", "Complaints"),
        surveys_sheet=translate("ReportWords", "Surveys"),
        checks_sheet=translate("ReportWords", "Spot checks"),
        summary=_summary(translate),
        complaint_headers=(
            translate("ReportWords", "Ref no"), translate("ReportWords", "Received"),
            translate("ReportWords", "Resolved"), translate("ReportWords", "Closed on"),
            translate("ReportWords", "Category"), translate("ReportWords", "Severity"),
            translate("ReportWords", "Channel"), translate("ReportWords", "Stage"),
            translate("ReportWords", "Client"), translate("ReportWords", "Phone"),
            translate("ReportWords", "Staff member"), translate("ReportWords", "Case owner"),
            translate("ReportWords", "Compensation (yuan)"),
            translate("ReportWords", "Times reopened"), translate("ReportWords", "Satisfied")),
        survey_headers=(
            translate("ReportWords", "Answered"), translate("ReportWords", "Client"),
            translate("ReportWords", "Phone"), translate("ReportWords", "Recommend (0–10)"),
            translate("ReportWords", "Low score"), translate("ReportWords", "Comment")),
        check_headers=(
            translate("ReportWords", "Inspector"), translate("ReportWords", "Finished on"),
            translate("ReportWords", "Calls checked"), translate("ReportWords", "Passed"),
            translate("ReportWords", "Failed"), translate("ReportWords", "Pending"),
            translate("ReportWords", "What was checked"), translate("ReportWords", "Results"),
            translate("ReportWords", "Problems found"),
            translate("ReportWords", "Fixes and suggestions")),
        yes=translate("ReportWords", "Yes"), no=translate("ReportWords", "No"),
        categories=category_names(translate), severities=severity_names(translate),
        channels=channel_names(translate), stages=stage_names(translate),
        dimensions=dimension_names(translate))
