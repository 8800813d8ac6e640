"""The words of the complaints workbook: sheet names, headings, column headers, enum names.

Services never translate: the defaults are English, and the screens and the command
hand in their language's (:func:`frontdesk.ui.reports.words.report_words` builds them
from the translation files, as the sheet's words are built).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TypeVar

from frontdesk.models.complaint import (
    ComplaintCategory,
    ComplaintChannel,
    ComplaintSeverity,
    ComplaintStage,
)
from frontdesk.models.survey import SurveyDimension

E = TypeVar("E", bound=enum.StrEnum)


def _names(members: type[E]) -> dict[E, str]:
    return {m: m.value.replace("_", " ").capitalize() for m in members}


@dataclass(frozen=True)
class SummaryWords:
    """The summary sheet's labels."""

    title: str = "Complaints and satisfaction: {month}"
    figure: str = "Figure"
    this_month: str = "This month"
    previous_month: str = "Previous month ({month})"
    target: str = "Target"
    received: str = "Complaints received"
    resolved: str = "Resolved in the month"
    median_hours: str = "Median time to resolve (hours)"
    escalations: str = "Deadlines missed (escalations)"
    escalated_cases: str = "Cases escalated"
    reopens: str = "Reopened in the month"
    reopen_rate: str = "Reopen rate (received cases reopened)"
    compensation: str = "Compensation (yuan)"
    by_category: str = "By category"
    by_severity: str = "By severity"
    by_channel: str = "By channel"
    by_staff: str = "By staff member concerned"
    no_staff: str = "(no staff member named)"
    surveys: str = "Surveys answered"
    low: str = "Surveys with a low score"
    dimension: str = "Dimension"
    answers: str = "Answers"
    mean: str = "Mean score"
    satisfied: str = "Satisfied (4–5)"
    loyalty: str = "Loyal (recommend 9–10)"
    nps: str = "NPS (points)"
    checks: str = "Spot checks"
    sampled: str = "Calls checked"
    passed: str = "Passed"
    failed: str = "Failed"


@dataclass(frozen=True)
class ReportWords:
    """Everything the workbook says; English unless the caller hands in another language."""

    summary_sheet: str = "Summary"
    complaints_sheet: str = "Complaints"
    surveys_sheet: str = "Surveys"
    checks_sheet: str = "Spot checks"
    summary: SummaryWords = field(default_factory=SummaryWords)
    complaint_headers: tuple[str, ...] = (
        "Ref no", "Received", "Resolved", "Closed on", "Category", "Severity", "Channel", "Stage",
        "Client", "Phone", "Staff member", "Case owner", "Compensation (yuan)", "Times reopened",
        "Satisfied")
    survey_headers: tuple[str, ...] = ("Answered", "Client", "Phone", "Recommend (0–10)",
                                       "Low score", "Comment")
    """The dimensions' names go between the phone and the recommend column."""
    check_headers: tuple[str, ...] = ("Inspector", "Finished on", "Calls checked", "Passed",
                                      "Failed", "Pending", "What was checked", "Results",
                                      "Problems found", "Fixes and suggestions")
    yes: str = "Yes"
    no: str = "No"
    categories: Mapping[ComplaintCategory, str] = field(
        default_factory=lambda: _names(ComplaintCategory))
    severities: Mapping[ComplaintSeverity, str] = field(
        default_factory=lambda: _names(ComplaintSeverity))
    channels: Mapping[ComplaintChannel, str] = field(
        default_factory=lambda: _names(ComplaintChannel))
    stages: Mapping[ComplaintStage, str] = field(default_factory=lambda: _names(ComplaintStage))
    dimensions: Mapping[SurveyDimension, str] = field(
        default_factory=lambda: _names(SurveyDimension))
