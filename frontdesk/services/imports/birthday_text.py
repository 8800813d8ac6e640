"""A birthday written as text in a sheet, read as a core ``BirthdayInput``.

Solar: ``1990年5月3日``, ``1990/5/3``, ``1990-05-03``, ``1990.5.3``, ``19900503``, a date
with a time of day after it (``1990-05-03 00:00:00``), and without a year ``5月3日``,
``5/3`` or ``05-03`` (month first, as China writes it).

Lunar, with ``农历`` or ``阴历`` before it (or after it: ``三月初八(农历)``): the month and
day in Chinese (``三月初八``, ``正月十五``, ``冬月廿三``, ``腊月三十``/``卅``), in Arabic
digits (``3月8日``) or as a numeric date (``1988/3/8``), with an optional year
(``1988年``) and ``闰`` before a leap month (``农历1988年闰四月十二``). A solar date may
name its calendar too (``阳历1990/5/3``, ``5月3日(公历)``).

Only the form is read here; whether the day exists is checked by
:func:`~frontdesk.core.birthdays.check_birthday`. Full-width digits and slashes are
folded first.
"""

from __future__ import annotations

import re
import unicodedata

from frontdesk.core.birthdays import BirthdayInput
from frontdesk.core.calendar import Calendar, lunar_day_name

_TIME_OF_DAY = re.compile(r"(.*\d)[T ]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?")
_CALENDAR = r"(?:(?P<lunar>农历|阴历|陰曆|農曆)|公历|阳历|新历|公曆|陽曆)"
_CALENDAR_BEFORE = re.compile(_CALENDAR + r":?(?P<date>.+)")
_CALENDAR_AFTER = re.compile(r"(?P<date>.+?)\(?" + _CALENDAR + r"\)?")
_NUMERIC = (
    re.compile(r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]?"),
    re.compile(r"(?P<y>\d{4})(?P<sep>[/\-.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"),
    re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})"),
    re.compile(r"(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]?"),
    re.compile(r"(?P<m>\d{1,2})[/\-](?P<d>\d{1,2})"),
)

_MONTHS = {"正": 1, "元": 1, "冬": 11, "腊": 12, "臘": 12,
           **{name: n for n, name in enumerate("一二三四五六七八九十", start=1)},
           "十一": 11, "十二": 12}
_DAYS = {lunar_day_name(n): n for n in range(1, 31)} | {"十": 10, "卅": 30}
_LUNAR_WORDS = re.compile(
    r"(?:(?P<y>\d{4})年)?(?P<leap>闰|閏)?"
    r"(?P<m>\d{1,2}|十[一二]?|[正元冬腊臘一二三四五六七八九])月"
    r"(?P<d>\d{1,2}|初[一二三四五六七八九十]|十[一二三四五六七八九]?|二十|廿[一二三四五六七八九]|三十|卅)"
    r"[日号]?")


def parse_birthday_text(text: str) -> BirthdayInput | None:
    """The birthday ``text`` writes (not yet checked), or None when it is no form of a date."""
    folded = unicodedata.normalize("NFKC", text).strip()
    timed = _TIME_OF_DAY.fullmatch(folded)
    if timed is not None:
        folded = timed.group(1)
    folded = "".join(folded.split())
    calendar, date = _calendar_named(folded)
    if calendar is Calendar.LUNAR:
        return _lunar_words(date) or _numeric(date, calendar)
    return _numeric(date, calendar)


def _calendar_named(text: str) -> tuple[Calendar, str]:
    """The calendar the text names before or after the date (solar when none), and the date."""
    named = _CALENDAR_BEFORE.fullmatch(text) or _CALENDAR_AFTER.fullmatch(text)
    if named is None:
        return Calendar.SOLAR, text
    return Calendar.LUNAR if named.group("lunar") else Calendar.SOLAR, named.group("date")


def _numeric(text: str, calendar: Calendar) -> BirthdayInput | None:
    for form in _NUMERIC:
        match = form.fullmatch(text)
        if match is not None:
            parts = match.groupdict()
            year = parts.get("y")
            return BirthdayInput(calendar, int(parts["m"]), int(parts["d"]),
                                 int(year) if year else None)
    return None


def _lunar_words(text: str) -> BirthdayInput | None:
    match = _LUNAR_WORDS.fullmatch(text)
    if match is None:
        return None
    month, day, year = match.group("m"), match.group("d"), match.group("y")
    return BirthdayInput(Calendar.LUNAR,
                         int(month) if month.isdigit() else _MONTHS[month],
                         int(day) if day.isdigit() else _DAYS[day],
                         int(year) if year else None,
                         leap_month=match.group("leap") is not None)
