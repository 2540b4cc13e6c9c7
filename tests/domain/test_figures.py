"""One rounding rule and one percentile method for every published figure."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from vcs_app.domain.conditions import StatsRow
from vcs_app.domain.figures import nearest_rank, percent, percent_tenths, percent_value


@pytest.mark.parametrize(
    ("part", "whole", "shown"),
    [
        (13, 16, "81.3%"),  # 81.25: a float's "{:.1%}" gives 81.2%
        (23, 80, "28.8%"),  # 28.75: 28.7% before
        (49, 80, "61.3%"),  # 61.25: a float happens to round up here
        (2, 3, "66.7%"),
        (1, 3, "33.3%"),
        (0, 7, "0.0%"),
        (7, 7, "100.0%"),
        (1, 2000, "0.1%"),  # 0.05: half up
        (1, 2001, "0.0%"),
    ],
)
def test_exact_ties_round_half_up_from_the_counts(part, whole, shown):
    assert percent(part, whole) == shown
    assert percent_value(part, whole) == float(shown[:-1])


def test_nothing_counted_has_no_rate():
    assert percent(0, 0) == "n/a" and percent(0, 0, none="") == ""
    assert percent_tenths(0, 0) is None and percent_value(0, 0) is None
    with pytest.raises(ValueError):
        percent_tenths(3, 2)


@given(
    st.integers(1, 10**6).flatmap(lambda whole: st.tuples(st.integers(0, whole), st.just(whole)))
)
def test_the_rounding_is_half_up_of_the_exact_fraction(counts):
    part, whole = counts
    exact = Fraction(1000 * part, whole)
    floor = exact.numerator // exact.denominator
    assert percent_tenths(part, whole) == floor + (exact - floor >= Fraction(1, 2))


def test_nearest_rank_is_always_a_real_value():
    days = [3, 1, 21, 2, 30, 3, 8, 1, 2, 13, 3, 5, 21, 2, 20]
    assert nearest_rank(days, 50) == 3  # the 8th of 15
    assert nearest_rank(days, 90) == 21  # the 14th of 15
    assert nearest_rank([1, 31], 50) == 1  # never 16, the mean of the two middle values
    assert nearest_rank([4], 90) == 4
    assert nearest_rank([], 50) is None
    with pytest.raises(ValueError):
        nearest_rank(days, 0)


@given(st.lists(st.integers(0, 400), min_size=1, max_size=300), st.integers(1, 100))
def test_nearest_rank_is_the_smallest_value_with_enough_below_it(values, per_cent):
    found = nearest_rank(values, per_cent)
    assert found in values
    at_or_below = sum(v <= found for v in values)
    below = sum(v < found for v in values)
    assert at_or_below * 100 >= per_cent * len(values) > below * 100


def test_the_condition_statistics_round_as_the_report_does():
    row = StatsRow("2026 Q1", "All", 16, 16, 13, 0, 3, 0, 13 / 16, None, 0)
    assert row.cells()[8] == "81.3%"  # "{:.1%}" of 0.8125 gave 81.2%
