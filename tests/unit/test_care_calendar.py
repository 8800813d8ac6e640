"""The care calendar on frozen dates: festivals and birthdays where the lunar calendar and the
solar one disagree, through the festival table and the rules' own sources."""

from __future__ import annotations

import datetime as dt

import pytest

from frontdesk.core.calendar import Calendar
from frontdesk.core.context import Actor
from frontdesk.core.festivals import BUILT_IN, festival_date, festival_dates
from frontdesk.models.care import CareChannel
from frontdesk.services.care.occasions.birthdays import BirthdaySource
from frontdesk.services.care.occasions.festivals import FestivalSource
from frontdesk.services.registry import Services
from tests.occasions import add_client, occasions, run

FESTIVAL = {f.code: f for f in BUILT_IN}
AHEAD = dt.timedelta(days=3)  # the default days ahead of birthdays and festivals


def test_spring_festival_2027_is_on_6_february() -> None:
    assert festival_date(FESTIVAL["spring_festival"], 2027) == dt.date(2027, 2, 6)
    assert festival_date(FESTIVAL["new_years_eve"], 2027) == dt.date(2027, 2, 5)  # 腊月 has 29


def test_mid_autumn_2026_is_on_25_september() -> None:
    assert festival_date(FESTIVAL["mid_autumn"], 2026) == dt.date(2026, 9, 25)
    assert festival_date(FESTIVAL["mothers_day"], 2026) == dt.date(2026, 5, 10)


def test_a_year_with_two_laba_festivals_lists_both() -> None:
    laba = [when for when, f in festival_dates(2022) if f.code == "laba"]
    assert laba == [dt.date(2022, 1, 10), dt.date(2022, 12, 30)]


@pytest.mark.parametrize(("code", "day"), [("spring_festival", dt.date(2027, 2, 6)),
                                            ("mid_autumn", dt.date(2026, 9, 25))])
def test_the_festival_source_greets_three_days_before(services: Services, admin: Actor,
                                                     code: str, day: dt.date) -> None:
    drafts = run(FestivalSource(), services.db, admin.branch_id, day - AHEAD)
    batch = [d for d in drafts if d.client_id is None]
    assert [(d.occasion, d.event_on, d.due_on, d.channel) for d in batch] == [
        (f"festival:{code}:{day.year}:batch", day, day - AHEAD, CareChannel.MESSAGE)]
    assert run(FestivalSource(), services.db, admin.branch_id, day - AHEAD
               + dt.timedelta(days=1)) == []


def test_a_leap_month_birthday_falls_in_the_ordinary_month_in_a_year_without_it(
        services: Services, admin: Actor) -> None:
    db, branch = services.db, admin.branch_id
    leap = add_client(db, branch, "闰六月", birthday_calendar=Calendar.LUNAR, birth_year=2025,
                      birth_month=6, birth_day=10, birth_leap_month=True)
    plain = add_client(db, branch, "六月", birthday_calendar=Calendar.LUNAR, birth_month=6,
                       birth_day=10)
    # lunar 2026 has no leap month: both birthdays are on 六月初十, 23 July 2026
    drafts = run(BirthdaySource(), db, branch, dt.date(2026, 7, 23) - AHEAD)
    assert occasions(drafts) == sorted([f"birthday:{leap}:2026", f"birthday:{plain}:2026"])
    assert {d.event_on for d in drafts} == {dt.date(2026, 7, 23)}
    # lunar 2025 has a 闰六月: the leap birthday is on its 10th, a month after the other
    assert occasions(run(BirthdaySource(), db, branch, dt.date(2025, 7, 4) - AHEAD)) == [
        f"birthday:{plain}:2025"]
    assert occasions(run(BirthdaySource(), db, branch, dt.date(2025, 8, 3) - AHEAD)) == [
        f"birthday:{leap}:2025"]


def test_a_lunar_30th_birthday_falls_on_the_29th_of_a_short_month(
        services: Services, admin: Actor) -> None:
    db, branch = services.db, admin.branch_id
    thirtieth = add_client(db, branch, "八月三十", birthday_calendar=Calendar.LUNAR,
                           birth_month=8, birth_day=30)
    add_client(db, branch, "九月初一", birthday_calendar=Calendar.LUNAR, birth_month=9,
               birth_day=1)
    # 八月 of lunar 2026 has 29 days: its 29th is 9 October 2026
    drafts = run(BirthdaySource(), db, branch, dt.date(2026, 10, 9) - AHEAD)
    assert [(d.occasion, d.event_on) for d in drafts] == [
        (f"birthday:{thirtieth}:2026", dt.date(2026, 10, 9))]
    # in lunar 2025 八月 has 29 days as well, and the next day is 九月初一's
    assert occasions(run(BirthdaySource(), db, branch, dt.date(2025, 10, 20) - AHEAD)) == [
        f"birthday:{thirtieth}:2025"]


def test_a_solar_29_february_birthday_falls_on_the_28th_in_a_common_year(
        services: Services, admin: Actor) -> None:
    db, branch = services.db, admin.branch_id
    leapling = add_client(db, branch, "二月廿九", birthday_calendar=Calendar.SOLAR,
                          birth_year=2000, birth_month=2, birth_day=29)
    on_28 = add_client(db, branch, "二月廿八", birthday_calendar=Calendar.SOLAR,
                       birth_month=2, birth_day=28)
    drafts = run(BirthdaySource(), db, branch, dt.date(2027, 2, 28) - AHEAD)
    assert occasions(drafts) == sorted([f"birthday:{leapling}:2027", f"birthday:{on_28}:2027"])
    assert {d.event_on for d in drafts} == {dt.date(2027, 2, 28)}
    assert next(d for d in drafts if d.client_id == leapling).detail["age"] == 27
    # in a leap year each has her own day
    assert occasions(run(BirthdaySource(), db, branch, dt.date(2028, 2, 28) - AHEAD)) == [
        f"birthday:{on_28}:2028"]
    assert occasions(run(BirthdaySource(), db, branch, dt.date(2028, 2, 29) - AHEAD)) == [
        f"birthday:{leapling}:2028"]
