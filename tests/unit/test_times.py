"""The times of day the desk types, read the same in every language."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.core.times import parse_time_of_day


@pytest.mark.parametrize(("typed", "hour", "minute"), [
    ("1400", 14, 0), ("14:00", 14, 0), ("14", 14, 0), ("930", 9, 30), ("0930", 9, 30),
    ("9:30", 9, 30), ("9.30", 9, 30), ("14：30", 14, 30), ("１４００", 14, 0), (" 14 : 05 ", 14, 5),
    ("0", 0, 0), ("2", 2, 0), ("2359", 23, 59), ("14:", 14, 0), ("14h30", 14, 30),
    ("2pm", 14, 0), ("2 PM", 14, 0), ("2:30pm", 14, 30), ("2.30 p.m.", 14, 30),
    ("11am", 11, 0), ("12am", 0, 0), ("12pm", 12, 0), ("12:15 a.m.", 0, 15),
    ("14点", 14, 0), ("14点30", 14, 30), ("14点30分", 14, 30), ("9点半", 9, 30),
    ("下午2点", 14, 0), ("下午2点半", 14, 30), ("上午9点", 9, 0), ("晚上8:00", 20, 0),
    ("中午12点", 12, 0), ("中午1点", 13, 0), ("上午12点", 0, 0),
])
def test_what_the_desk_types_is_read_as_that_time(typed: str, hour: int, minute: int) -> None:
    assert parse_time_of_day(typed) == dt.time(hour, minute)


@pytest.mark.parametrize("typed", [
    "", "  ", "24:00", "2400", "1460", "14:60", "9:5", "12345", "13pm", "0am", "下午13点",
    "中午5点", "abc", "14:00:00", "-1", "1,400", "14-00", "pm",
])
def test_what_is_not_a_time_of_day_is_none(typed: str) -> None:
    assert parse_time_of_day(typed) is None
