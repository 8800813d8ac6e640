"""The calendar adapter (frontdesk.core.calendar) against a second, independent library.

``borax`` answers from tables; ``tyme4py`` computes new moons astronomically. They
must agree on every day of 1930–2060, the birth years of living clients and the
years the care list will look ahead to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from tyme4py.lunar import LunarYear

from frontdesk.core.calendar import leap_month, lunar_month_days, lunar_to_solar, lunar_year_of

FIRST, LAST = dt.date(1930, 1, 1), dt.date(2060, 12, 31)


@dataclass(frozen=True)
class Month:
    year: int
    month: int
    leap: bool
    first_day: dt.date
    days: int


def reference_months(first_year: int, last_year: int) -> Iterator[Month]:
    """Every lunar month of those lunar years, in order, as tyme4py computes them."""
    for year in range(first_year, last_year + 1):
        for m in LunarYear.from_year(year).get_months():
            solar = m.get_first_day().get_solar_day()
            yield Month(year, abs(m.get_month_with_leap()), m.is_leap(),
                        dt.date(solar.get_year(), solar.get_month(), solar.get_day()),
                        m.get_day_count())


@pytest.fixture(scope="module")
def months() -> list[Month]:
    # Lunar 1929 runs into February 1930; lunar 2060 into early 2061.
    return list(reference_months(FIRST.year - 1, LAST.year))


def test_every_day_of_1930_to_2060_agrees_with_tyme4py(months: list[Month]) -> None:
    checked = 0
    for m in months:
        for offset in range(m.days):
            day = m.first_day + dt.timedelta(days=offset)
            if not FIRST <= day <= LAST:
                continue
            assert lunar_to_solar(m.year, m.month, offset + 1, m.leap) == day, (m, offset + 1)
            assert lunar_year_of(day) == m.year, day
            checked += 1
    assert checked == (LAST - FIRST).days + 1


def test_month_lengths_and_leap_months_agree_with_tyme4py(months: list[Month]) -> None:
    leaps = {m.year: m.month for m in months if m.leap}
    for m in months:
        assert lunar_month_days(m.year, m.month, m.leap) == m.days, m
        assert leap_month(m.year) == leaps.get(m.year), m.year


@pytest.mark.parametrize(("year", "month", "leap", "days"), [
    (1933, 5, True, 30), (1933, 6, False, 29),   # lunardate had these two swapped
    (1954, 10, False, 29), (1954, 11, False, 30),
    (1978, 7, False, 30), (1978, 8, False, 29),
])
def test_the_month_lengths_lunardate_had_wrong(year: int, month: int, leap: bool,
                                               days: int) -> None:
    assert lunar_month_days(year, month, leap) == days


def test_a_day_or_month_that_does_not_exist_is_refused() -> None:
    with pytest.raises(ValueError):
        lunar_to_solar(2023, 3, 30)  # 三月 of 2023 has 29 days
    with pytest.raises(ValueError):
        lunar_to_solar(2023, 3, 1, leap=True)  # 2023 doubles the 2nd month, not the 3rd
    with pytest.raises(ValueError):
        lunar_to_solar(1899, 1, 1)  # before the calendar's first year
    assert lunar_to_solar(2023, 2, 1, leap=True) == dt.date(2023, 3, 22)
