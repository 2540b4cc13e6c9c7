"""What is due: the VLO's to-do list, driven by the scheme's clocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from vcs_app.domain.model import outcome_note
from vcs_app.services import undo
from vcs_app.services.cases import Changed
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_events


@dataclass(frozen=True)
class DueTask:
    id: int
    link_id: int
    case_ref: str
    victim: str
    rule: str
    title: str
    due_on: date
    vlo: str


def due_tasks(ws: Workspace, *, on: date, days_ahead: int = 0, vlo: str | None = None):
    """Open tasks overdue or due by `on` + `days_ahead`, oldest first."""
    rows = repo_events.open_tasks_due(ws.store.db, on + timedelta(days=days_ahead), vlo)
    return [
        DueTask(
            id=r["id"],
            link_id=r["link_id"],
            case_ref=r["ref"],
            victim=r["victim"],
            rule=r["rule"],
            title=r["title"],
            due_on=date.fromisoformat(r["due_on"]),
            vlo=r["vlo"],
        )
        for r in rows
    ]


def complete_task(
    ws: Workspace, task_id: int, *, on: date | None = None, note: str = "", action: str = "update"
) -> Changed:
    """Mark a task done by hand, with what came of it in one line (optional)."""
    note = outcome_note(note)
    with ws.store.atomic() as db:
        task = repo_events.get_task(db, task_id)
        if task.done_on is not None:
            raise undo.ChangedSince(f"That task was already closed on {task.done_on:%d/%m/%Y}.")
        link_id = repo_events.complete_task(db, task_id, on or ws.today(), ws.user, note=note)
        audit.record(
            db,
            who=ws.user,
            action=action,
            entity="task",
            entity_id=task_id,
            link_id=link_id,
            detail={"done": True, "outcome": note} if note else {"done": True},
        )
    return Changed((link_id,), "task", task_id)


def reopen_task(ws: Workspace, task_id: int, *, done_on: date) -> Changed:
    """Undo of marking a task done: it is open again, unless it changed since (closed on
    another day) or the same clock has opened a newer task for the same cause."""
    with ws.store.atomic() as db:
        task = repo_events.get_task(db, task_id)
        undo.check_unchanged(task.done_on, done_on, "The task")
        if repo_events.open_tasks(db, task.link_id, task.rule, task.source_ref):
            raise undo.ChangedSince(
                "A newer task of the same kind is open for this case, so the old one was not"
                " reopened."
            )
        link_id = repo_events.reopen_task(db, task_id)
        audit.record(
            db,
            who=ws.user,
            action=undo.UNDO,
            entity="task",
            entity_id=task_id,
            link_id=link_id,
            detail={"done": False, "was": [task.outcome, task.outcome_note]},
        )
    return Changed((link_id,), "task", task_id)
