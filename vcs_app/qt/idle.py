"""Work the window does only while the VLO is not using it: the integrity check after
start, made a table at a time (a whole check of a million-victim file took 104 s).

`IdleWatch` notes the last keyboard or mouse input of the application. `IdleCheck` checks
one table at a time on its own connection and thread, at low priority, once the VLO has
left the keyboard alone for `IDLE_MS`; a key pressed while a table is being checked
interrupts that table (it is checked again at the next pause), so the check never
competes with typing or searching.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from vcs_app.qt.workers import QueryThread
from vcs_app.services import backups
from vcs_app.services.workspace import Workspace

IDLE_MS = 2_000  # no input for this long: the VLO is reading, on the phone, or away
_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.Wheel,
    QEvent.Type.ShortcutOverride,
}


class IdleWatch(QObject):
    """When the application last had keyboard or mouse input; `active` on each."""

    active = Signal()

    def __init__(self, parent: QObject | None = None, idle_ms: int = IDLE_MS) -> None:
        super().__init__(parent)
        self.idle_ms = idle_ms
        self._last = time.monotonic()
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    @property
    def idle(self) -> bool:
        return (time.monotonic() - self._last) * 1000 >= self.idle_ms

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT:
            self._last = time.monotonic()
            self.active.emit()
        return False


class IdleCheck(QObject):
    """The file's integrity, checked a table at a time in the VLO's pauses; calls
    `on_damage(problem)` (on the GUI thread) at the first problem found, then stops."""

    finished = Signal()  # every table checked, nothing wrong

    def __init__(
        self,
        parent: QObject | None,
        ws: Workspace,
        on_damage: Callable[[str], None],
        watch: IdleWatch | None = None,
    ) -> None:
        super().__init__(parent)
        self._on_damage = on_damage
        self.watch = watch or IdleWatch(self)
        self._thread = QueryThread(ws, self, background=True)
        self._thread.answered.connect(self._answered)
        self._thread.failed.connect(self._failed)
        self._tables: list[str] | None = None
        self.checked: list[str] = []
        self._running = False
        self.done = False
        self.watch.active.connect(self._interrupt)
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self._next)
        self._timer.start()

    def _next(self) -> None:
        if self._running or self.done or not self.watch.idle:
            return
        self._running = True
        if self._tables is None:
            self._thread.ask("tables", lambda ws, _current: backups.tables_to_check(ws))
            return
        table = self._tables[len(self.checked)]
        self._thread.ask(table, lambda ws, _current: backups.table_damage(ws, table))

    def _interrupt(self) -> None:
        if self._running:
            self._running = False
            self._thread.cancel()  # this table is checked again at the next pause

    def _answered(self, _round: int, kind: str, result: object) -> None:
        self._running = False
        if kind == "tables":
            self._tables = list(result)  # type: ignore[arg-type]
        elif result is not None:
            self._stop()
            self._on_damage(str(result))
            return
        else:
            self.checked.append(kind)
        if self._tables is not None and len(self.checked) == len(self._tables):
            self._stop()
            self.finished.emit()

    def _failed(self, _round: int, _kind: str, message: str) -> None:
        """The check could not read the file at all: that is damage too."""
        self._stop()
        self._on_damage(message)

    def _stop(self) -> None:
        self.done = True
        self._timer.stop()
        self._thread.close()

    def stop(self) -> None:
        """The window is closing: let the check go."""
        self._stop()
