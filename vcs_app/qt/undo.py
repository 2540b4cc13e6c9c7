"""Undo and redo of a VLO's edits in a case (Edit menu, Ctrl+Z and Ctrl+Shift+Z).

Undo lives below the GUI: every edit, its undo and its redo are service calls, each in
its own transaction with its own audit row (services/undo.py). A command here only
remembers which service to call with which values. An undo the service refuses (the
record changed since) shows why and drops the command; the database is left as it was.
One history per main window; `clear()` when the database changes hands (lock, sign-out).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMenu

from vcs_app.domain.conditions import Step, condition_label
from vcs_app.domain.model import CaseStatus, KeyDate, LiaisonEntry, Offender, Victim
from vcs_app.services import cases, conditions, liaison, preferences, sentences, tasks
from vcs_app.services.cases import Changed
from vcs_app.services.undo import REDO, UNDO

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow

ServiceCall = Callable[[], Changed]


class ServiceCommand(QUndoCommand):
    """An edit already saved by a service; undo and redo run the services given."""

    def __init__(self, window: MainWindow, text: str, undo: ServiceCall, redo: ServiceCall) -> None:
        super().__init__(text)
        self._window = window
        self._undo_call = undo
        self._redo_call = redo
        self._saved = True  # push() calls redo(): the edit itself is already saved

    def redo(self) -> None:
        if self._saved:
            self._saved = False
            return
        self._run(self._redo_call)

    def undo(self) -> None:
        self._run(self._undo_call)

    def _run(self, call: ServiceCall) -> None:
        changed = self._window._call(call)
        if changed is None:  # refused, and the message said why: forget this edit
            self.setObsolete(True)
            return
        self._window._refresh(changed)


class UndoHistory:
    """The window's undo stack, its Edit menu actions, and one method per undoable edit:
    each saves the edit through its service, then records how to undo and redo it."""

    def __init__(self, window: MainWindow, menu: QMenu) -> None:
        self.window = window
        self.ws = window.ws
        self.stack = QUndoStack(window)
        self.undo_action = self.stack.createUndoAction(
            window, QCoreApplication.translate("UndoHistory", "&Undo")
        )
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.setObjectName("undo")
        self.redo_action = self.stack.createRedoAction(
            window, QCoreApplication.translate("UndoHistory", "&Redo")
        )
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.setObjectName("redo")
        menu.addAction(self.undo_action)
        menu.addAction(self.redo_action)

    def clear(self) -> None:
        """Forget every edit (the next person must not undo this one's work)."""
        self.stack.clear()

    def _save(self, call: ServiceCall) -> Changed | None:
        changed = self.window._call(call)
        self.window._refresh(changed)
        return changed

    def _push(self, text: str, undo: ServiceCall, redo: ServiceCall) -> None:
        self.stack.push(ServiceCommand(self.window, text, undo, redo))

    # --- the undoable edits -------------------------------------------------------------

    def edit_victim(self, old: Victim, new: Victim) -> Changed | None:
        if new == old:
            return None
        ws = self.ws
        changed = self._save(lambda: preferences.update_victim(ws, new))
        if changed is not None:
            self._push(
                "edit victim details",
                lambda: preferences.restore_victim(ws, old, new, action=UNDO),
                lambda: preferences.restore_victim(ws, new, old, action=REDO),
            )
        return changed

    def edit_offender(self, old: Offender, new: Offender) -> Changed | None:
        if new == old:
            return None
        ws = self.ws
        changed = self._save(lambda: cases.update_offender(ws, new))
        if changed is not None:
            self._push(
                "edit offender details",
                lambda: cases.restore_offender(ws, old, new, action=UNDO),
                lambda: cases.restore_offender(ws, new, old, action=REDO),
            )
        return changed

    def add_liaison_note(self, entry: LiaisonEntry) -> Changed | None:
        """Undo withdraws the note (the log is evidence); redo logs it again."""
        ws = self.ws
        changed = self._save(lambda: cases.add_liaison_entry(ws, entry))
        if changed is None:
            return None
        current = {"id": changed.record_id}

        def withdraw() -> Changed:
            return liaison.withdraw_entry(ws, current["id"])

        def log_again() -> Changed:
            again = liaison.log_again(ws, entry, current["id"])
            current["id"] = again.record_id
            return again

        self._push("add liaison note", withdraw, log_again)
        return changed

    def record_key_date(self, key_date: KeyDate, origin: str) -> Changed | None:
        """Undo withdraws the date (the one it replaced is current again); redo records it
        again."""
        ws = self.ws
        changed = self._save(lambda: sentences.record_key_date(ws, key_date, origin=origin))
        if changed is None:
            return None
        current = {"id": changed.record_id}

        def withdraw() -> Changed:
            return sentences.withdraw_key_date(ws, current["id"])

        def record_again() -> Changed:
            again = sentences.record_key_date_again(
                ws, key_date, origin=origin, withdrawn_id=current["id"]
            )
            current["id"] = again.record_id
            return again

        self._push(f"add key date {key_date.kind}", withdraw, record_again)
        return changed

    def archive_case(self, case_id: int, status: CaseStatus) -> Changed | None:
        """Deleting is archiving; undo puts the case back with the status it had."""
        ws = self.ws

        def listed(changed: Changed) -> Changed:
            self.window.caseload.apply_filter()  # the case leaves (or rejoins) the list
            return changed

        def archive() -> Changed:
            return listed(cases.archive_case(ws, case_id))

        def back() -> Changed:
            return listed(
                cases.restore_case_status(
                    ws, case_id, status, expected=CaseStatus.ARCHIVED, action=UNDO
                )
            )

        def again() -> Changed:
            return listed(
                cases.restore_case_status(
                    ws, case_id, CaseStatus.ARCHIVED, expected=status, action=REDO
                )
            )

        changed = self._save(archive)
        if changed is not None:
            self._push("archive case", back, again)
        return changed

    def condition_step(self, request_id: int, step: Step, record: ServiceCall) -> Changed | None:
        """A status step of a licence-condition request (`record` is its service call).
        Undo puts the request back as it was (conditions.undo_step); redo records the same
        step again. Sending to the OM is not undoable (the document went out), so it is
        not recorded here."""
        ws = self.ws
        changed = self._save(record)
        if changed is not None:
            self._push(
                f"record '{condition_label(step)}'",
                lambda: conditions.undo_step(ws, request_id, step),
                record,
            )
        return changed

    def complete_task(self, task_id: int, note: str) -> Changed | None:
        """Mark a task done with its outcome; undo opens it again, redo closes it again."""
        ws = self.ws
        changed = self._save(lambda: tasks.complete_task(ws, task_id, note=note))
        if changed is not None:
            done_on = ws.today()
            self._push(
                "mark task done",
                lambda: tasks.reopen_task(ws, task_id, done_on=done_on),
                lambda: tasks.complete_task(ws, task_id, note=note, action=REDO),
            )
        return changed
