"""Terms as the prison's calculation counts them (PSI 03/2015 para 5.5, HMPPS's
calculator): months run from the day before the sentence date, a term passed on the 1st
ends at a month's end, weeks and days come after the months; and the sentence record that
holds them (weeks, days, default terms, offence dates)."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vcs_app.domain.model import ValidationError
from vcs_app.domain.sentence import Sentence
from vcs_app.domain.sentence_dates import estimate_dates
from vcs_app.domain.term import Term, add_months, term_end


@pytest.mark.parametrize(
    ("passed", "months", "last_day"),
    [
        (date(2025, 1, 31), 1, date(2025, 2, 28)),  # was 27/02: a day early
        (date(2024, 1, 30), 1, date(2024, 2, 29)),  # leap year: was 28/02
        (date(2025, 8, 31), 6, date(2026, 2, 28)),  # was 27/02/2026
        (date(2024, 3, 31), 11, date(2025, 2, 28)),  # 30/03/2024 + 11 months
        (date(2025, 5, 29), 9, date(2026, 2, 28)),  # 28/05/2025 + 9 months
        (date(2025, 1, 6), 48, date(2029, 1, 5)),  # the common case is unchanged
        (date(2023, 3, 1), 12, date(2024, 2, 29)),  # passed on the 1st: to a month's end
        (date(2025, 5, 1), 1, date(2025, 5, 31)),
    ],
)
def test_a_term_of_months_runs_from_the_day_before_the_sentence_date(passed, months, last_day):
    assert term_end(passed, months) == last_day


def test_a_sentence_passed_on_31_january_expires_on_28_february_not_a_day_early():
    estimates = estimate_dates(Sentence(1, "SDS", date(2025, 1, 31), "general", length_months=13))
    assert estimates.get("SLED").value == date(2026, 2, 28)
    assert "(31/01/2025 to 28/02/2026)" in estimates.get("SLED").explanation


def _month_after(start: date, months: int) -> tuple[int, int]:
    index = start.month - 1 + months
    return start.year + index // 12, index % 12 + 1


@settings(deadline=None)
@given(passed=st.dates(date(1990, 1, 1), date(2040, 12, 31)), months=st.integers(1, 600))
def test_the_last_day_is_the_day_before_in_the_month_n_months_on_or_that_months_end(passed, months):
    """Stated independently of the code: a term passed on the 1st ends on the last day of
    the month before the one N months on; otherwise it ends N months on, on the day before
    the sentence day, or on that month's last day when the month is shorter."""
    end = term_end(passed, months)
    if passed.day == 1:
        year, month = _month_after(passed, months - 1)
        assert end == date(year, month, calendar.monthrange(year, month)[1])
    else:
        year, month = _month_after(passed, months)
        assert end == date(year, month, min(passed.day - 1, calendar.monthrange(year, month)[1]))


@settings(deadline=None)
@given(passed=st.dates(date(1990, 1, 1), date(2040, 12, 31)), months=st.integers(1, 600))
def test_only_sentences_passed_on_the_29th_to_31st_end_later_than_before_and_by_days(
    passed, months
):
    """The old count (same date N months on, less a day) differs only when that date did
    not exist and was pulled back to the month's end; the term then ends up to 3 days later."""
    old = add_months(passed, months) - timedelta(days=1)
    new = term_end(passed, months)
    assert 0 <= (new - old).days <= 3
    if new != old:
        assert passed.day >= 29


@settings(deadline=None)
@given(
    passed=st.dates(date(1990, 1, 1), date(2040, 12, 31)),
    months=st.integers(0, 120),
    weeks=st.integers(0, 60),
    days=st.integers(0, 400),
)
def test_weeks_and_days_follow_the_months_and_a_longer_term_never_ends_sooner(
    passed, months, weeks, days
):
    term = Term(months, weeks, days)
    if not term:
        return
    base = Term(months).end(passed) if months else passed - timedelta(days=1)
    assert term.end(passed) == base + timedelta(days=7 * weeks + days)
    assert term.days_from(passed) == (term.end(passed) - passed).days + 1
    assert Term(months, weeks, days + 1).end(passed) > term.end(passed)
    assert Term(months + 1, weeks, days).end(passed) > term.end(passed)


@pytest.mark.parametrize(
    ("term", "words", "days"),
    [
        (Term(weeks=26), "26 weeks", 182),
        (Term(days=14), "14 days", 14),
        (Term(months=15, days=10), "15 months and 10 days", 467),
        (Term(months=36, days=260), "3 years and 260 days", 1356),
        (Term(days=1), "1 day", 1),
    ],
)
def test_terms_in_weeks_and_days_are_counted_and_said_as_the_court_said_them(term, words, days):
    assert term.describe() == words
    assert term.days_from(date(2025, 6, 27)) == days


def test_a_standard_sentence_and_a_default_term_can_be_recorded_in_weeks_and_days():
    weeks = Sentence(1, "SDS", date(2026, 3, 2), "general", length_weeks=26)
    assert weeks.describe() == "Standard determinate sentence (SDS), 26 weeks, passed 02/03/2026"
    fine = Sentence(1, "FINE_DEFAULT", date(2026, 3, 2), length_days=28, fine_amount=950)
    assert "28 days (fine of £950)" in fine.describe()
    old = Sentence(
        1, "SDS", date(2004, 6, 1), "violent", length_months=30, offence_date=date(2004, 1, 10)
    )
    assert old.describe().endswith("passed 01/06/2004; offence 10/01/2004")


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"type": "EDS", "custodial_months": 72, "extension_months": 24, "length_days": 3},
         "weeks or days"),
        ({"type": "DTO", "length_weeks": 16}, "weeks or days"),
        ({"type": "SDS"}, r"needs its length \(years, months, weeks or days\)"),
        ({"type": "FINE_DEFAULT"}, "needs its length"),
        ({"type": "FINE_DEFAULT", "length_months": 121}, "at most 10 years"),
        ({"type": "SDS", "length_months": 12, "fine_amount": 500}, "only for a default term"),
        ({"type": "SDS", "length_weeks": 2.5}, "whole number of weeks"),
        ({"type": "SDS", "length_months": 12, "offence_date": date(2025, 2, 1)},
         "after the sentence date"),
        ({"type": "SDS", "length_days": 18_263}, "at most 50 years"),
    ],
)  # fmt: skip
def test_a_term_that_cannot_be_is_refused_in_words(values, message):
    with pytest.raises(ValidationError, match=message):
        Sentence(1, sentence_date=date(2025, 1, 6), **values)


def test_the_referrals_offence_type_carries_over_to_the_release_rules():
    from vcs_app.domain.model import OffenceCategory
    from vcs_app.domain.sentence import OffenceClass, offence_class_of_referral

    assert offence_class_of_referral(OffenceCategory.VIOLENT) is OffenceClass.VIOLENT
    assert offence_class_of_referral("sexual") is OffenceClass.SEXUAL
    for says_too_little in ("domestic_abuse", "stalking", "other"):
        assert offence_class_of_referral(says_too_little) is OffenceClass.UNKNOWN
