"""The VLO's day: what is overdue, due today and due this week, per VLO or for everyone.

At national scale the list runs to tens of thousands of tasks, so the dashboard never
reads it whole: exact counts come from tallies kept by the database, and the rows it shows
are read a page at a time, each page after the last row of the one before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from vcs_app.services.workspace import Workspace
from vcs_app.storage import repo_dashboard

WEEK_DAYS = 7  # "this week" is the next seven days, so Friday still shows next week's work


class Bucket(StrEnum):
    OVERDUE = "overdue"
    TODAY = "today"
    WEEK = "week"


@dataclass(frozen=True)
class DueCounts:
    overdue: int
    today: int
    week: int

    @property
    def total(self) -> int:
        return self.overdue + self.today + self.week


@dataclass(frozen=True)
class DueItem:
    task_id: int
    link_id: int
    case_ref: str
    victim: str
    title: str
    due_on: date
    vlo: str
    rule_text: str

    def bucket(self, on: date) -> Bucket:
        return _bucket(self.due_on.isoformat(), on.isoformat())

    def when(self, on: date) -> str:
        """The due date in words: never shown by colour alone."""
        days = (self.due_on - on).days
        if days < 0:
            return f"Overdue by {-days} day{'s' if days != -1 else ''}"
        if days == 0:
            return "Due today"
        return "Due tomorrow" if days == 1 else f"Due in {days} days"


def _bucket(due: str, on: str) -> Bucket:
    return Bucket.OVERDUE if due < on else Bucket.TODAY if due == on else Bucket.WEEK


@dataclass(frozen=True)
class DueQuery:
    """One list the dashboard can show: a bucket (None: all of them) for a VLO or all."""

    on: date
    vlo: str | None = None
    bucket: Bucket | None = None

    def dates(self) -> tuple[date, date]:
        """First and last due date of the bucket (inclusive)."""
        on, until = self.on, self.on + timedelta(days=WEEK_DAYS)
        return {
            Bucket.OVERDUE: (date.min, on - timedelta(days=1)),
            Bucket.TODAY: (on, on),
            Bucket.WEEK: (on + timedelta(days=1), until),
            None: (date.min, until),
        }[self.bucket]


def due_counts(ws: Workspace, *, on: date, vlo: str | None = None) -> DueCounts:
    """Exact figures from the due tallies (never by reading the list)."""
    first, last = DueQuery(on, vlo).dates()
    overdue, today, total = repo_dashboard.due_counts(ws.store.db, on, first, last, vlo)
    return DueCounts(overdue, today, total - overdue - today)


def due_page(
    ws: Workspace, query: DueQuery, after: DueItem | None, limit: int, skip: int = 0
) -> list[DueItem]:
    """Up to `limit` items of the list after `after` (None: from the start), leaving out
    the first `skip` of those, oldest first (then case, task)."""
    first, last = query.dates()
    key = (after.due_on.isoformat(), after.link_id, after.task_id) if after else None
    rows = repo_dashboard.due_page(ws.store.db, first, last, query.vlo, key, limit, skip)
    return [
        DueItem(r[0], r[1], r[2], r[3], r[4], date.fromisoformat(r[5]), r[6], r[7]) for r in rows
    ]
