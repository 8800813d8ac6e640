"""The spot checks' words: verdicts, a month, what a sampled call was."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from frontdesk.models.survey import Verdict
from frontdesk.services.quality.views import ItemView
from frontdesk.ui.care.labels import kind_name, outcome_name


def verdict_name(verdict: Verdict) -> str:
    names = {
        Verdict.PENDING: QCoreApplication.translate("QualityLabels", "To judge"),
        Verdict.PASS: QCoreApplication.translate("QualityLabels", "Pass"),
        Verdict.FAIL: QCoreApplication.translate("QualityLabels", "Fail"),
    }
    return names[verdict]


def month_text(month: dt.date) -> str:
    """``2026-11``: the same in both languages, sorted as it reads."""
    return f"{month.year}-{month.month:02d}"


def call_text(item: ItemView) -> str:
    """What the call was for and what came of it, then its note, on lines of their own."""
    what = kind_name(item.kind) if item.kind is not None else \
        QCoreApplication.translate("QualityLabels", "Call without a task")
    head = f"{what} · {outcome_name(item.outcome)}"
    return f"{head}\n{item.call_note}" if item.call_note else head


def verdict_text(item: ItemView) -> str:
    name = verdict_name(item.verdict)
    return f"{name}: {item.note}" if item.note else name
