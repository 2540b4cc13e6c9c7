"""The VLO's day: what is overdue, due today and due this week, per VLO or for everyone.

At national scale the list runs to tens of thousands of tasks, so the dashboard keeps a
light index (due date, task, case) from one query, counts from it, fetches the rows it
shows a page at a time, and after a change re-reads only the cases that changed.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable, Sequence
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


Entry = tuple[str, int, int]  # (due ISO date, task id, case id)


def _order(entry: Entry) -> tuple[str, int, int]:
    """The order the query returns: due date, then case, then task."""
    return entry[0], entry[2], entry[1]


@dataclass
class DueIndex:
    """Open tasks due by a week from `on`, oldest first, as (due, task, case) entries."""

    on: date
    vlo: str | None
    entries: list[Entry]

    @property
    def counts(self) -> DueCounts:
        on = self.on.isoformat()
        overdue = sum(1 for e in self.entries if e[0] < on)
        today = sum(1 for e in self.entries if e[0] == on)
        return DueCounts(overdue, today, len(self.entries) - overdue - today)

    def task_ids(self, bucket: Bucket | None = None) -> list[int]:
        on = self.on.isoformat()
        return [e[1] for e in self.entries if bucket is None or _bucket(e[0], on) is bucket]

    def replace_cases(self, link_ids: Iterable[int], entries: Sequence[Entry]) -> None:
        """Swap in the fresh entries of the cases a change touched (kept in order)."""
        changed = set(link_ids)
        self.entries = [e for e in self.entries if e[2] not in changed]
        for entry in entries:
            insort(self.entries, entry, key=_order)


def _until(on: date) -> date:
    return on + timedelta(days=WEEK_DAYS)


def due_index(ws: Workspace, *, on: date, vlo: str | None = None) -> DueIndex:
    return DueIndex(on, vlo, repo_dashboard.due_index(ws.store.db, _until(on), vlo))


def refresh_cases(ws: Workspace, index: DueIndex, link_ids: Sequence[int]) -> None:
    """Re-read only these cases' due tasks into `index` (a change touched them)."""
    fresh = repo_dashboard.due_index(ws.store.db, _until(index.on), index.vlo, link_ids)
    index.replace_cases(link_ids, fresh)


def due_counts(ws: Workspace, *, on: date, vlo: str | None = None) -> DueCounts:
    return due_index(ws, on=on, vlo=vlo).counts


def due_items(ws: Workspace, task_ids: Sequence[int]) -> dict[int, DueItem]:
    """The rows for these tasks (a page of the list), by task id."""
    return {
        r[0]: DueItem(r[0], r[1], r[2], r[3], r[4], date.fromisoformat(r[5]), r[6], r[7])
        for r in repo_dashboard.due_rows(ws.store.db, task_ids)
    }
