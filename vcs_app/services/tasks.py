"""What is due: the VLO's to-do list, driven by the scheme's clocks."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

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


def complete_task(ws: Workspace, task_id: int, *, on: date | None = None) -> Changed:
    with ws.store.atomic() as db:
        link_id = repo_events.complete_task(db, task_id, on or ws.today(), ws.user)
        audit.record(
            db,
            who=ws.user,
            action="update",
            entity="task",
            entity_id=task_id,
            link_id=link_id,
            detail={"done": True},
        )
    return Changed((link_id,), "task", task_id)
