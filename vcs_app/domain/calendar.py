"""Working days in England & Wales: the unit most Victim Contact Scheme clocks run in.

Bank holidays come from the `holidays` package (``UnitedKingdom(subdiv="ENG")``), not a
hand-kept list, so substitute days ("observed") and one-offs such as the State Funeral of
Queen Elizabeth II (19 Sep 2022) and the Coronation (8 May 2023) are included. Wales has
the same bank holidays as England: in holidays 0.109 the "ENG" and "WLS" calendars are
identical for every supported year (1872-2100), and a test re-checks 1990-2060 so an
upgrade that splits them is noticed. A one-off holiday announced after the installed
package was released is only known once the package is upgraded.

Holidays are loaded once for the years in use and kept as weekday dates (a holiday on a
weekend changes nothing, its substitute day does), so counting is arithmetic on whole weeks
plus a bisect over a sorted list rather than a walk day by day.
"""

from __future__ import annotations

from bisect import bisect_right
from datetime import date, timedelta

from vcs_app.domain.model import DomainError


def _united_kingdom():
    """The `holidays` calendar class, imported on first use: importing the package costs
    about a tenth of a second, which every start of the window paid before any clock ran."""
    from holidays.countries.united_kingdom import UnitedKingdom

    return UnitedKingdom


class _WeekdayHolidays:
    """Bank holidays falling Monday-Friday, loaded for a contiguous range of years."""

    def __init__(self) -> None:
        self._first = 0
        self._last = -1
        self._set: frozenset[date] = frozenset()
        self._sorted: tuple[date, ...] = ()

    def _cover(self, first_year: int, last_year: int) -> None:
        if self._first <= first_year and last_year <= self._last:
            return
        known = _united_kingdom()
        for year in (first_year, last_year):
            if not known.start_year <= year <= known.end_year:
                raise DomainError(
                    f"Working days cannot be counted in {year}: bank holidays are only known "
                    f"from {known.start_year} to {known.end_year}. Check the date."
                )
        if self._last >= self._first:  # widen what is loaded, never shrink it
            first_year, last_year = min(first_year, self._first), max(last_year, self._last)
        calendar = known(subdiv="ENG", years=range(first_year, last_year + 1))
        weekdays = sorted(d for d in calendar if d.weekday() < 5)
        # Build fully, then publish: a reader on another thread never sees a half-filled set.
        self._set, self._sorted = frozenset(weekdays), tuple(weekdays)
        self._first, self._last = first_year, last_year

    def contains(self, day: date) -> bool:
        self._cover(day.year, day.year)
        return day in self._set

    def count_between(self, start: date, end: date) -> int:
        """Weekday holidays after ``start`` up to and including ``end``."""
        self._cover(start.year, end.year)
        return bisect_right(self._sorted, end) - bisect_right(self._sorted, start)


_HOLIDAYS = _WeekdayHolidays()


def is_working_day(d: date) -> bool:
    """A weekday that is not an England & Wales bank holiday (substitute days included)."""
    return d.weekday() < 5 and not _HOLIDAYS.contains(d)


def next_working_day(d: date) -> date:
    """``d`` itself when it is a working day, else the first working day after it: a
    deadline a victim is given never falls on a weekend or a bank holiday."""
    while not is_working_day(d):
        d += timedelta(days=1)
    return d


def why_not_working(d: date) -> str:
    """ "saturday", "sunday" or "bank_holiday" for a day that is not a working day, else ""."""
    if d.weekday() == 5:
        return "saturday"
    if d.weekday() == 6:
        return "sunday"
    return "" if is_working_day(d) else "bank_holiday"


def _weekdays_up_to(d: date) -> int:
    """Mondays-Fridays from 1 Jan year 1 (a Monday) up to and including ``d``."""
    ordinal = d.toordinal()
    return ordinal // 7 * 5 + min(ordinal % 7, 5)


def _add_weekdays(start: date, n: int) -> date:
    """The n-th Monday-Friday after ``start`` (n >= 1), ignoring holidays."""
    if start.weekday() >= 5:  # from a weekend, count as if from the Friday before
        start -= timedelta(days=start.weekday() - 4)
    weeks, rest = divmod(n, 5)
    days = weeks * 7 + rest
    if start.weekday() + rest >= 5:  # the leftover days run over a weekend
        days += 2
    return start + timedelta(days=days)


def add_working_days(start: date, n: int) -> date:
    """The n-th working day after ``start``; for n = 0, ``start`` or the next working day.

    Jumps n weekdays at once, then again by however many holidays that jump crossed,
    until a jump crosses none: a handful of steps whatever the size of n.
    """
    if n < 0:
        raise ValueError(f"Cannot add a negative number of working days ({n}).")
    if n == 0:
        return start if is_working_day(start) else add_working_days(start, 1)
    day, remaining = start, n
    while remaining:
        reached = _add_weekdays(day, remaining)
        remaining = _HOLIDAYS.count_between(day, reached)
        day = reached
    return day


def working_days_between(start: date, end: date) -> int:
    """Working days after ``start`` up to and including ``end``; 0 when end <= start."""
    if end <= start:
        return 0
    weekdays = _weekdays_up_to(end) - _weekdays_up_to(start)
    return weekdays - _HOLIDAYS.count_between(start, end)
