"""Shared rules of undo and redo, which are service calls like any other edit.

Each undoable edit has an inverse next to it in its own service module (e.g.
`cases.restore_offender`, `liaison.withdraw_entry`); the inverse writes its own audit row
(action "undo" or "redo"), so the audit log shows the change and its undo. An inverse
never overwrites a later change: if the record is not as the edit left it, it refuses.
"""

from __future__ import annotations

from vcs_app.domain.model import DomainError

UNDO, REDO = "undo", "redo"


class ChangedSince(DomainError):
    """The record changed after the edit being undone (or redone)."""


def check_unchanged(current: object, expected: object, what: str, action: str = UNDO) -> None:
    """Refuse to undo/redo over a change made since (by someone else, or another window)."""
    if current != expected:
        raise ChangedSince(
            f"{what} changed after this edit, so {action} would overwrite the later change."
            f" Nothing was {action}ne: look at the case and correct it by hand if needed."
        )
