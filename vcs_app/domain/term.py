"""Terms of a sentence and their arithmetic, counted as the prison's calculation counts them.

HMPPS's calculator (and PSI 03/2015 para 5.5 before it) turns a term into days by running
its months from the day before the sentence date: so 1 month from 31 January ends on
28 (or 29) February, not a day earlier, and a term passed on the 1st of a month ends on
the last day of a month. Weeks and days are added after the months.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


def add_months(start: date, months: int) -> date:
    """The same day `months` later, clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    index = start.month - 1 + months
    year, month = start.year + index // 12, index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}{'s' * (count != 1)}"


def describe_months(months: int | None) -> str:
    """'4 years', '2 years 6 months', '18 months' - as a sentence is spoken."""
    if not months:
        return "0 months"
    years, rest = divmod(months, 12)
    if years and not rest:
        return _plural(years, "year")
    if years and years >= 2:
        return f"{_plural(years, 'year')} {_plural(rest, 'month')}"
    return _plural(months, "month")


@dataclass(frozen=True)
class Term:
    """A term as the court spoke it: calendar months (years are 12), weeks and days.

    Counted as HMPPS's calculator counts it (PSI 03/2015 para 5.5): months run from the
    day before the sentence date, so 4 months from 31 January end on 30 May and one month
    from 31 January ends on 28 (or 29) February; a term starting on the 1st of a month ends
    on the last day of a month (1 March 2023 + 12 months = 29 February 2024). Weeks and
    days are added after the months. The sentence date is day 1.
    """

    months: int = 0
    weeks: int = 0
    days: int = 0

    def __bool__(self) -> bool:
        return bool(self.months or self.weeks or self.days)

    def end(self, start: date) -> date:
        """The last day of the term that starts on `start` (its sentence date)."""
        if self.months and start.day == 1:
            last = add_months(start, self.months) - timedelta(days=1)
        else:
            last = add_months(start - timedelta(days=1), self.months)
        return last + timedelta(days=7 * self.weeks + self.days)

    def days_from(self, start: date) -> int:
        """Days in the term, counting `start` as day 1."""
        return (self.end(start) - start).days + 1

    def whole_years_from(self, start: date) -> int:
        """Completed years from `start` to the day after the term ends."""
        after = self.end(start) + timedelta(days=1)
        years = after.year - start.year
        return years - ((after.month, after.day) < (start.month, start.day))

    def at_least_months(self, months: int, start: date) -> bool:
        """Whether the term lasts at least `months` calendar months from `start` (compared
        in days, as HMPPS's calculator compares lengths)."""
        return self.days_from(start) >= (add_months(start, months) - start).days

    def describe(self) -> str:
        """'2 years 6 months', '26 weeks', '1 year 3 months and 10 days'."""
        parts = [describe_months(self.months)] if self.months else []
        if self.weeks:
            parts.append(_plural(self.weeks, "week"))
        if self.days:
            parts.append(_plural(self.days, "day"))
        if not parts:
            return "0 days"
        return parts[0] if len(parts) == 1 else f"{' '.join(parts[:-1])} and {parts[-1]}"


def term_end(start: date, months: int, weeks: int = 0, days: int = 0) -> date:
    """The last day of a term (see `Term`)."""
    return Term(months, weeks, days).end(start)


def term_days(start: date, months: int, weeks: int = 0, days: int = 0) -> int:
    """Days in a term beginning on `start`, counting `start` as day 1."""
    return Term(months, weeks, days).days_from(start)
