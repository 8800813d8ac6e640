"""How the screens write dates and times: one way per language, 24-hour in both.

| what                       | zh_CN              | en                  |
| -------------------------- | ------------------ | ------------------- |
| a date                     | 2026-12-02         | 2 Dec 2026          |
| a date and time            | 2026-12-02 14:30   | 2 Dec 2026 14:30    |
| a day of the year          | 12月2日            | 2 Dec               |
| a month                    | 2026年12月         | Dec 2026            |
| a time                     | 14:30              | 14:30               |

Every screen writes dates through these functions, and date and time fields take their
display format from :func:`set_edit_format` (``tests/ui/test_languages.py`` fails on a
``strftime``, ``isoformat`` or display format elsewhere in ``frontdesk/ui``); before, the
English screens mixed "12/2/26", "1:30 AM" and ISO dates. The language is the screens'
(the default QLocale, which :class:`frontdesk.ui.i18n.Translations` sets). Times are stored
in UTC: a datetime is shown in the PC's local time.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale, QTime
from PySide6.QtWidgets import QDateEdit, QDateTimeEdit, QTimeEdit

_FORMATS = {  # (date, day of the year, time), in QLocale's format language
    True: ("yyyy-MM-dd", "M月d日", "HH:mm"),
    False: ("d MMM yyyy", "d MMM", "HH:mm"),
}
_MONTH_FORMATS = {True: "yyyy年M月", False: "MMM yyyy"}
_LEAP_YEAR = 2000
"""The year a day of the year (a birthday without its year, 29 February too) is written in."""


def _formats() -> tuple[str, str, str]:
    return _FORMATS[QLocale().language() == QLocale.Language.Chinese]


def _local(at: dt.datetime) -> dt.datetime:
    return at.astimezone() if at.tzinfo is not None else at


def date_text(day: dt.date) -> str:
    """``2026-12-02`` / ``2 Dec 2026``."""
    return QLocale().toString(QDate(day.year, day.month, day.day), _formats()[0])


def file_date(day: dt.date) -> str:
    """A date in a file's name: ``2026-12-03`` in every language (names sort by it)."""
    return day.isoformat()


def day_text(month: int, day: int) -> str:
    """A day of the year without its year: ``12月2日`` / ``2 Dec``."""
    return QLocale().toString(QDate(_LEAP_YEAR, month, day), _formats()[1])


def month_text(day: dt.date) -> str:
    """The month of ``day``: ``2026年12月`` / ``Dec 2026``."""
    return QLocale().toString(QDate(day.year, day.month, 1), _month_format())


def _month_format() -> str:
    return _MONTH_FORMATS[QLocale().language() == QLocale.Language.Chinese]


def set_month_format(edit: QDateEdit) -> None:
    """A month field (a report's month) in the screens' format."""
    edit.setDisplayFormat(_month_format())


def time_text(at: dt.datetime | dt.time) -> str:
    """``14:30``, in local time for a datetime."""
    moment = _local(at).time() if isinstance(at, dt.datetime) else at
    return QLocale().toString(QTime(moment.hour, moment.minute), _formats()[2])


def datetime_text(at: dt.datetime) -> str:
    """``2026-12-02 14:30`` / ``2 Dec 2026 14:30``, in local time."""
    local = _local(at)
    return f"{date_text(local.date())} {time_text(local)}"


def iso_moment_text(value: object) -> str:
    """A moment a service wrote as ISO 8601 text (a task's detail), as the screens write it;
    "" when it is not one."""
    try:
        return datetime_text(dt.datetime.fromisoformat(str(value)))
    except ValueError:
        return ""


def local_date_text(at: dt.datetime | None) -> str:
    """The local date of a stored moment (UTC), or "" when there is none."""
    return date_text(_local(at).date()) if at is not None else ""


def set_edit_format(edit: QDateTimeEdit) -> None:
    """Give a date, time or date-and-time field the screens' format (24-hour)."""
    date, _day, time = _formats()
    if isinstance(edit, QDateEdit):
        edit.setDisplayFormat(date)
    elif isinstance(edit, QTimeEdit):
        edit.setDisplayFormat(time)
    else:
        edit.setDisplayFormat(f"{date} {time}")
