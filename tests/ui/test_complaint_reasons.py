"""The care list's line for a complaint's deadline task: the case's number and its deadline,
in the UI language, with no raw detail keys below it."""

from __future__ import annotations

import datetime as dt

from frontdesk.models.care import CareChannel, CareKind, CareStatus
from frontdesk.services.care.settings import CareStage
from frontdesk.services.care.views import DueTask
from frontdesk.ui.care.reasons import detail_lines, reason_text
from frontdesk.ui.i18n import Translations

DAY = dt.date(2026, 11, 24)
DETAIL: dict[str, int | str] = {"ref": "TS2611230001", "stage": "intake",
                                "due_at": "2026-11-24T02:30:00+00:00"}


def _task(reason: str) -> DueTask:
    return DueTask(1, 1, CareKind.COMPLAINT_DEADLINE, CareStage.WARNINGS, DAY, None, 1,
                   CareChannel.CALL, CareStatus.OPEN, False, None, "", "", "", 0, None, 3,
                   "店长", False, reason, DETAIL, (), "")


def test_a_complaints_deadline_task_says_its_case_and_deadline(
        translations: Translations) -> None:
    assert reason_text(_task("complaint_due")) == \
        "投诉 TS2611230001：下一步须在 2026-11-24 10:30 前完成"
    assert reason_text(_task("complaint_late")) == \
        "投诉 TS2611230001：已超过期限（2026-11-24 10:30）"
    assert detail_lines(DETAIL, CareKind.COMPLAINT_DEADLINE) == ["阶段：受理"]  # the rest: above
    assert not _task("complaint_due").is_batch
    translations.apply("en")
    assert reason_text(_task("complaint_late")) == \
        "Complaint TS2611230001: the deadline (24 Nov 2026 10:30) was missed"
