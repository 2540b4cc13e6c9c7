"""Working days against known England & Wales bank holidays and a day-by-day oracle."""

from __future__ import annotations

from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcs_app.domain.calendar import add_working_days, is_working_day, working_days_between
from vcs_app.domain.model import DomainError

ORACLE = holidays.UnitedKingdom(subdiv="ENG", years=range(2015, 2036))


def naive_is_working_day(d: date) -> bool:
    return d.weekday() < 5 and d not in ORACLE


def naive_between(start: date, end: date) -> int:
    days = (end - start).days
    return sum(naive_is_working_day(start + timedelta(days=i)) for i in range(1, days + 1))


def naive_add(start: date, n: int) -> date:
    day = start
    if n == 0:
        while not naive_is_working_day(day):
            day += timedelta(days=1)
        return day
    while n:
        day += timedelta(days=1)
        n -= naive_is_working_day(day)
    return day


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (date(2021, 12, 27), "Christmas 2021 on a Saturday: substitute Monday"),
        (date(2021, 12, 28), "Boxing Day 2021 on a Sunday: substitute Tuesday"),
        (date(2022, 1, 3), "New Year 2022 on a Saturday: substitute Monday"),
        (date(2022, 12, 26), "Boxing Day 2022"),
        (date(2022, 12, 27), "Christmas 2022 on a Sunday: substitute Tuesday"),
        (date(2024, 3, 29), "Good Friday 2024"),
        (date(2024, 4, 1), "Easter Monday 2024"),
        (date(2025, 4, 18), "Good Friday 2025"),
        (date(2025, 4, 21), "Easter Monday 2025"),
        (date(2026, 4, 3), "Good Friday 2026"),
        (date(2026, 4, 6), "Easter Monday 2026"),
        (date(2026, 12, 25), "Christmas 2026 (Friday)"),
        (date(2026, 12, 28), "Boxing Day 2026 on a Saturday: substitute Monday"),
        (date(2022, 6, 2), "Spring bank holiday moved for the Platinum Jubilee"),
        (date(2022, 6, 3), "Platinum Jubilee"),
        (date(2022, 9, 19), "State Funeral of Queen Elizabeth II"),
        (date(2023, 5, 8), "Coronation of King Charles III"),
    ],
)
def test_bank_holidays_are_not_working_days(day: date, why: str) -> None:
    assert day.weekday() < 5, why
    assert not is_working_day(day), why


@pytest.mark.parametrize(
    "day",
    [
        date(2021, 12, 24),  # Christmas Eve is not a bank holiday
        date(2021, 12, 29),
        date(2022, 1, 4),
        date(2022, 5, 30),  # the usual late-May Monday, moved in 2022
        date(2024, 3, 28),
        date(2024, 4, 2),
        date(2026, 12, 29),
        date(2027, 1, 4),
    ],
)
def test_ordinary_weekdays_are_working_days(day: date) -> None:
    assert is_working_day(day)


def test_weekends_are_not_working_days() -> None:
    assert not is_working_day(date(2024, 6, 8))  # Saturday
    assert not is_working_day(date(2024, 6, 9))  # Sunday
    assert is_working_day(date(2024, 6, 10))


def test_wales_has_the_same_bank_holidays_as_england() -> None:
    years = range(1990, 2061)
    england = holidays.UnitedKingdom(subdiv="ENG", years=years)
    wales = holidays.UnitedKingdom(subdiv="WLS", years=years)
    assert sorted(england) == sorted(wales)


def test_add_working_days_steps_over_christmas_and_new_year_2021() -> None:
    # Fri 24 Dec 2021; 27 and 28 Dec are substitute days, 3 Jan 2022 too.
    assert add_working_days(date(2021, 12, 24), 1) == date(2021, 12, 29)
    assert add_working_days(date(2021, 12, 24), 4) == date(2022, 1, 4)


def test_add_working_days_steps_over_easter_2024() -> None:
    assert add_working_days(date(2024, 3, 28), 1) == date(2024, 4, 2)
    # 20 working days from Thu 28 Mar 2024 (referral to offer) falls on Mon 29 Apr.
    assert add_working_days(date(2024, 3, 28), 20) == date(2024, 4, 29)


def test_add_working_days_steps_over_christmas_2026() -> None:
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 29)


def test_add_zero_working_days_keeps_a_working_day_or_moves_to_the_next() -> None:
    assert add_working_days(date(2024, 6, 10), 0) == date(2024, 6, 10)
    assert add_working_days(date(2024, 6, 8), 0) == date(2024, 6, 10)  # from Saturday
    assert add_working_days(date(2022, 12, 24), 0) == date(2022, 12, 28)


def test_add_working_days_from_a_weekend_counts_from_the_next_monday() -> None:
    assert add_working_days(date(2024, 6, 8), 1) == date(2024, 6, 10)
    assert add_working_days(date(2024, 6, 9), 5) == date(2024, 6, 14)


def test_add_negative_working_days_is_refused() -> None:
    with pytest.raises(ValueError, match="negative"):
        add_working_days(date(2024, 6, 10), -1)


def test_working_days_between_known_spans() -> None:
    # December 2021 after Fri 24th: Wed 29, Thu 30, Fri 31 only.
    assert working_days_between(date(2021, 12, 24), date(2022, 1, 2)) == 3
    # The week after Easter 2025: Tue 22 - Fri 25 April.
    assert working_days_between(date(2025, 4, 17), date(2025, 4, 27)) == 4
    # 2024 has 262 weekdays and 8 bank holidays on weekdays.
    assert working_days_between(date(2023, 12, 31), date(2024, 12, 31)) == 254


def test_working_days_between_is_zero_when_end_is_not_after_start() -> None:
    assert working_days_between(date(2024, 6, 10), date(2024, 6, 10)) == 0
    assert working_days_between(date(2024, 6, 10), date(2024, 6, 3)) == 0


def test_dates_beyond_the_known_holidays_are_refused() -> None:
    with pytest.raises(DomainError, match="only known"):
        is_working_day(date(2150, 1, 5))


working_dates = st.dates(date(2016, 1, 1), date(2031, 12, 31)).filter(naive_is_working_day)
any_dates = st.dates(date(2016, 1, 1), date(2031, 12, 31))


@given(working_dates, st.integers(0, 400))
def test_counting_the_days_added_gives_back_n(start: date, n: int) -> None:
    assert working_days_between(start, add_working_days(start, n)) == n


@given(any_dates, st.integers(0, 400))
def test_add_working_days_lands_on_a_working_day_as_the_oracle_does(start: date, n: int) -> None:
    result = add_working_days(start, n)
    assert naive_is_working_day(result)
    assert result == naive_add(start, n)


@given(any_dates, st.integers(1, 399))
def test_add_working_days_is_strictly_increasing_in_n(start: date, n: int) -> None:
    assert add_working_days(start, n) < add_working_days(start, n + 1)


@given(any_dates)
def test_adding_zero_or_one_from_a_non_working_day_agree(start: date) -> None:
    zero, one = add_working_days(start, 0), add_working_days(start, 1)
    if naive_is_working_day(start):
        assert zero == start < one
    else:
        assert zero == one


@given(any_dates, st.integers(-30, 3 * 366))
def test_working_days_between_matches_a_day_by_day_count(start: date, span: int) -> None:
    end = start + timedelta(days=span)
    assert working_days_between(start, end) == naive_between(start, end)


@given(any_dates)
def test_is_working_day_matches_the_oracle(day: date) -> None:
    assert is_working_day(day) == naive_is_working_day(day)


def test_a_deadline_moves_to_the_next_working_day_and_says_why():
    from vcs_app.domain.calendar import next_working_day, why_not_working

    assert next_working_day(date(2026, 12, 25)) == date(2026, 12, 29)
    assert [why_not_working(date(2026, 12, d)) for d in (24, 25, 26, 27, 28, 29)] == [
        "",
        "bank_holiday",
        "saturday",
        "sunday",
        "bank_holiday",  # Boxing Day's substitute
        "",
    ]
    assert next_working_day(date(2026, 12, 24)) == date(2026, 12, 24)
