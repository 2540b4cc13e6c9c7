"""How a published figure is computed from whole counts: one rule, wherever it is shown.

A percentage is rounded from the two integer counts, never from a float: 13 of 16 is
81.25%, shown as 81.3% (half up, on an exact tie), in the report's table, its CSV, its PDF
and its chart labels alike. A median or percentile is a nearest-rank one, so it is always
the figure of a real case an inspector can look up.
"""

from __future__ import annotations

from collections.abc import Sequence

ROUNDING_RULE = (
    "Percentages are worked out from the whole counts and shown to one decimal place,"
    " rounding half up on an exact tie (13 of 16 = 81.25% is shown as 81.3%); the table,"
    " the CSV file, the PDF and the chart labels show the same figure."
)
RANK_RULE = (
    "Median and 90th percentile by the nearest-rank method: the values are sorted and the"
    " median is the value at position n/2 rounded up, the 90th percentile the value at"
    " position 9n/10 rounded up (n values), so each is a real case's figure."
)


def percent_tenths(part: int, whole: int) -> int | None:
    """`part` of `whole` in tenths of a per cent, half up (81.25% -> 813); None for 0 of 0."""
    if whole <= 0:
        return None
    if not 0 <= part <= whole:
        raise ValueError(f"{part} is not a count out of {whole}.")
    return (2000 * part + whole) // (2 * whole)


def percent(part: int, whole: int, none: str = "n/a") -> str:
    """`part` of `whole` as text, "81.3%", by ROUNDING_RULE; `none` when `whole` is 0."""
    tenths = percent_tenths(part, whole)
    return none if tenths is None else f"{tenths // 10}.{tenths % 10}%"


def percent_value(part: int, whole: int) -> float | None:
    """The same rounded percentage as a number (81.3), for a chart's bar."""
    tenths = percent_tenths(part, whole)
    return None if tenths is None else tenths / 10


def nearest_rank(values: Sequence[int], per_cent: int) -> int | None:
    """The `per_cent`-th percentile of `values` (sorted here) by the nearest-rank method:
    the value at position ceil(per_cent * n / 100), counted from 1; None when empty."""
    if not 0 < per_cent <= 100:
        raise ValueError(f"A percentile is between 1 and 100, not {per_cent}.")
    ordered = sorted(values)
    if not ordered:
        return None
    rank = -(-per_cent * len(ordered) // 100)  # ceil in integers: no float can round it
    return ordered[rank - 1]
