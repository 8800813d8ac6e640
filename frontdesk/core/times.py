"""Times of day as the desk types them: ``1400``, ``14:00``, ``9.30``, ``2pm``, ``下午2点半``.

One function, :func:`parse_time_of_day`, reads what a receptionist types in one go
into a :class:`datetime.time`, the same in every language: 24-hour digits with or
without a separator (``:``, ``.``, ``：``, ``点``/``时``), full-width digits, and a
12-hour time with ``am``/``pm`` or 上午/下午/晚上/中午. Nothing is guessed: ``2``
is 02:00, and anything that is not a time of day (``25:00``, ``1460``, ``13pm``)
is None, so the screen can say so.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

_LATIN_MERIDIEM = re.compile(r"([ap])\.?m\.?$")
_CHINESE_MERIDIEM = (("上午", "am"), ("早上", "am"), ("凌晨", "am"), ("下午", "pm"),
                     ("晚上", "pm"), ("傍晚", "pm"), ("中午", "noon"))
_WITH_SEPARATOR = re.compile(r"(\d{1,2})(?::(\d{2}))?")
_DIGITS_ONLY = re.compile(r"\d{3,4}")


def _meridiem(text: str) -> tuple[str, str | None]:
    """The text without its am/pm word, and which one it was (None: a 24-hour time)."""
    latin = _LATIN_MERIDIEM.search(text)
    if latin:
        return text[:latin.start()], f"{latin.group(1)}m"
    for word, kind in _CHINESE_MERIDIEM:
        if text.startswith(word):
            return text[len(word):], kind
    return text, None


def _hour_minute(text: str) -> tuple[int, int] | None:
    text = text.replace("点半", ":30").replace("时半", ":30")
    text = re.sub(r"[点時时.h]", ":", text).removesuffix("分").removesuffix(":")
    if _DIGITS_ONLY.fullmatch(text):
        return int(text[:-2]), int(text[-2:])
    match = _WITH_SEPARATOR.fullmatch(text)
    if match is None:
        return None
    return int(match.group(1)), int(match.group(2) or 0)


def _on_the_clock(hour: int, meridiem: str | None) -> int | None:
    """The 24-hour hour of a 12-hour one (None when the hour cannot go with the word)."""
    if meridiem is None:
        return hour
    if not 1 <= hour <= 12:
        return None
    if meridiem == "am":
        return hour % 12
    if meridiem == "noon":  # 中午: 11 and 12 as they are, 1 and 2 in the afternoon
        return hour if hour >= 11 else hour + 12 if hour <= 2 else None
    return hour % 12 + 12


def parse_time_of_day(text: str) -> dt.time | None:
    """The time of day ``text`` says, or None when it says none."""
    plain = unicodedata.normalize("NFKC", text).strip().lower().replace(" ", "")
    rest, meridiem = _meridiem(plain)
    parts = _hour_minute(rest)
    if parts is None:
        return None
    hour = _on_the_clock(parts[0], meridiem)
    if hour is None or not 0 <= hour <= 23 or not 0 <= parts[1] <= 59:
        return None
    return dt.time(hour, parts[1])
