"""The clock engine: events on a case start, move and stop the scheme's deadlines.

Every statutory or practice clock (DOMAIN.md, Clocks) becomes an open task with a due
date computed from the rule set in force, and the rule in words on the task. Call these
inside the use case's transaction (`with ws.store.atomic():`) so an event and its tasks
are saved together or not at all.

- `start_clock`: an event happened (referral received, offer sent, HDC notice...). Starting
  the same clock for the same cause again moves the open task instead of duplicating it.
- `stop_clock`: the thing the clock waited for happened (offer made, reply received).
- `add_task`: a task that is not a timed clock (e.g. "tell the victim of the new month").
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from vcs_app.domain.model import DomainError, Task
from vcs_app.domain.rules import Clock, rule_set_for
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_events


def clock_for(key: str, on: date) -> tuple[Clock, str]:
    """The clock `key` of the rule set in force on `on`, and that rule set's version."""
    rules = rule_set_for(on)
    return rules.clock(key), rules.version


def rule_label(rule: str, on: date) -> str:
    """What a task's rule asks for, in words (the rule set's clock; a one-off task's
    rule, such as a liaison follow-up, in its own words)."""
    try:
        return rule_set_for(on).clock(rule).label
    except DomainError:
        return rule.replace("_", " ").capitalize()


def start_clock(
    ws: Workspace,
    link_id: int,
    key: str,
    start: date,
    *,
    title: str | None = None,
    source_ref: str = "",
    rules_on: date | None = None,
) -> Task:
    """Open (or move) the task for clock `key`, counted from `start`.

    `rules_on` picks the rule set (default: `start`), so a case keeps the rules of its day.
    """
    clock, version = clock_for(key, rules_on or start)
    due = clock.due_from(start)
    text = f"{clock.describe()} [rules {version}]"
    db = ws.store.db
    existing = repo_events.open_tasks(db, link_id, key, source_ref)
    if existing:
        task = existing[0]
        if task.due_on != due:
            repo_events.move_task(db, task.id, due, text)
            audit.record(
                db,
                who=ws.user,
                action="update",
                entity="task",
                entity_id=task.id,
                link_id=link_id,
                detail={"rule": key, "due_on": [task.due_on.isoformat(), due.isoformat()]},
            )
        return replace(task, due_on=due, rule_text=text)
    task = Task(link_id, key, title or clock.label, due, source_ref=source_ref, rule_text=text)
    task_id = repo_events.insert_task(db, task, rules_version=version)
    audit.record(
        db,
        who=ws.user,
        action="create",
        entity="task",
        entity_id=task_id,
        link_id=link_id,
        detail={"rule": key, "due_on": due.isoformat()},
    )
    return replace(task, id=task_id)


def stop_clock(
    ws: Workspace,
    link_id: int,
    key: str,
    on: date,
    *,
    source_ref: str | None = None,
    outcome: str = "done",
) -> list[int]:
    """Close the open tasks of clock `key` on a case; returns their ids."""
    db = ws.store.db
    closed = []
    for task in repo_events.open_tasks(db, link_id, key, source_ref):
        repo_events.complete_task(db, task.id, on, ws.user, outcome)
        audit.record(
            db,
            who=ws.user,
            action="update",
            entity="task",
            entity_id=task.id,
            link_id=link_id,
            detail={"rule": key, "outcome": outcome},
        )
        closed.append(task.id)
    return closed


def add_task(
    ws: Workspace,
    link_id: int,
    rule: str,
    title: str,
    due_on: date,
    *,
    source_ref: str = "",
    rule_text: str = "",
) -> int | None:
    """A one-off task; None if the same rule and cause already has an open task."""
    db = ws.store.db
    if repo_events.open_tasks(db, link_id, rule, source_ref):
        return None
    task_id = repo_events.insert_task(
        db, Task(link_id, rule, title, due_on, source_ref=source_ref, rule_text=rule_text)
    )
    audit.record(
        db,
        who=ws.user,
        action="create",
        entity="task",
        entity_id=task_id,
        link_id=link_id,
        detail={"rule": rule, "due_on": due_on.isoformat()},
    )
    return task_id
