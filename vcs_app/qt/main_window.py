"""The main window: caseload first, cases open in tabs beside it."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QRect,
    QSettings,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMainWindow,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import CaseStatus, DomainError
from vcs_app.domain.search import CaseloadQuery
from vcs_app.qt.auto_backup import AutoBackup
from vcs_app.qt.intake_actions import IntakeActions
from vcs_app.qt.lock_screen import LOCK_SHORTCUT, ScreenLock
from vcs_app.qt.models.caseload_model import CaseloadModel
from vcs_app.qt.undo import UndoHistory
from vcs_app.qt.views.dashboard import DashboardView
from vcs_app.qt.widgets import plain_label, set_widths, table_view, use_clock, warn
from vcs_app.services import backups, cases, documents, letters
from vcs_app.services.cases import Changed
from vcs_app.services.workspace import Workspace, open_workspace

# Dialogs and the views other than the caseload and dashboard are imported when first
# used (`_lazy`): importing all of them took half a second of every start.


def _lazy(module: str, name: str):
    """`name` from `vcs_app.qt.<module>`, imported on first use."""
    return getattr(importlib.import_module(f"vcs_app.qt.{module}"), name)


def _command(module: str, name: str, *args):
    """A menu action's slot that imports what it runs when triggered."""
    return lambda *_: _lazy(module, name)(*args)


ORG, APP = "VCS Desk", "VCS Desk"
DEFAULT_SIZE = QSize(1280, 800)
MIN_USEFUL_SIZE = QSize(760, 520)


class SearchBox(QLineEdit):
    """The caseload's search: Enter opens the first case found, Down goes to the list
    (as the search fields of calibre and Anki's browser lead into their lists), Esc
    empties it."""

    open_first = Signal()
    into_list = Signal()

    def keyPressEvent(self, event) -> None:
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
        elif event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_first.emit()
        elif event.key() == Qt.Key.Key_Down:
            self.into_list.emit()
        elif event.key() == Qt.Key.Key_Escape and self.text():
            self.clear()  # as KeePassXC's search: Esc empties it
        else:
            super().keyPressEvent(event)


class CaseloadView(QWidget):
    """Search box and filters over the lazy caseload table."""

    open_case = Signal(int)

    def __init__(self, ws: Workspace) -> None:
        super().__init__()
        self.ws = ws
        self.model = CaseloadModel(ws)
        self.search = SearchBox()
        self.search.setPlaceholderText(
            self.tr("Search names, references, phone numbers, postcodes, OMs or notes")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search caseload"))
        self.vlo = QComboBox()
        self.vlo.setAccessibleName(self.tr("Filter by VLO"))
        self.vlo.addItem(self.tr("All VLOs"), None)
        for name in cases.vlo_names(ws):
            self.vlo.addItem(name, name)
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Filter by status"))
        self.status.addItem(self.tr("Open cases"), CaseStatus.OPEN.value)
        self.status.addItem(self.tr("Closed cases"), CaseStatus.CLOSED.value)
        self.status.addItem(self.tr("Archived cases"), CaseStatus.ARCHIVED.value)
        self.status.addItem(self.tr("All cases"), None)
        self.table: QTableView = table_view(self.model, self.tr("Caseload"))
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.count = plain_label()
        self.count.setAccessibleName(self.tr("Cases shown"))
        # Said when the list is empty (a new file, or a search that finds no case), so an
        # empty table is never the only answer.
        self.empty_hint = plain_label()
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setMargin(12)
        self.empty_hint.setAccessibleName(self.tr("Why the list is empty"))
        font = self.empty_hint.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.empty_hint.setFont(font)
        self.empty_hint.hide()
        self._ws = ws

        search_label = plain_label(self.tr("&Search:"))
        search_label.setBuddy(self.search)
        # V&LO and Stat&us: Alt+V and Alt+T open the View and Tools menus
        vlo_label = plain_label(self.tr("V&LO:"))
        vlo_label.setBuddy(self.vlo)
        status_label = plain_label(self.tr("Stat&us:"))
        status_label.setBuddy(self.status)
        bar = QHBoxLayout()
        for widget in (search_label, self.search, vlo_label, self.vlo, status_label, self.status):
            bar.addWidget(widget, 3 if widget is self.search else 0)
        bar.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table, 1)

        # Every key searches at once: the search runs on the model's query thread, and
        # the next key interrupts it, so there is nothing to wait for.
        self.search.textChanged.connect(self.apply_filter)
        self.search.open_first.connect(self._open_first)
        self.search.into_list.connect(self._enter_list)
        self._after_search: Callable[[], None] | None = None  # Enter or Down, awaiting it
        self.model.counted.connect(self._search_answered)
        self.vlo.currentIndexChanged.connect(self.apply_filter)
        self.status.currentIndexChanged.connect(self.apply_filter)
        self.model.counted.connect(self._update_count)
        self.apply_filter()

    def apply_filter(self) -> None:
        self.model.set_filter(
            text=self.search.text(), vlo=self.vlo.currentData(), status=self.status.currentData()
        )

    def shown_cases(self) -> tuple[CaseloadQuery, int, str]:
        """The query of the cases listed now (every key applies the search at once), how
        many it finds (counted here if the model is still counting), and the search and
        filters that list them, in words."""
        model = self.model
        text = self.search.text().strip()
        parts = [
            self.tr("search “%1”").replace("%1", text) if text else self.tr("no search"),
            self.vlo.currentText(),
            self.status.currentText(),
        ]
        count = model.total
        if count is None:
            count = cases.caseload_count(self.ws, model.query)
        return model.query, count, ", ".join(parts)

    def _when_found(self, then: Callable[[], None]) -> None:
        """Run `then` once the search typed so far has its first page: now, or when the
        query thread answers (Enter pressed while it still reads)."""
        if self.model.searching:
            self._after_search = then
        else:
            self._after_search = None
            then()

    def _search_answered(self) -> None:
        if self._after_search is not None and not self.model.searching:
            then, self._after_search = self._after_search, None
            then()

    def _open_first(self) -> None:
        """Enter in the search: open the case found (the first, if several)."""

        def open_found() -> None:
            if self.model.rowCount():
                self.table.setCurrentIndex(self.model.index(0, 0))
                self.open_case.emit(self.model.case_id(0))

        self._when_found(open_found)

    def _enter_list(self) -> None:
        """Down in the search: into the list, on its first case."""

        def into_list() -> None:
            if self.model.rowCount():
                self.table.setFocus(Qt.FocusReason.OtherFocusReason)
                if not self.table.currentIndex().isValid():
                    self.table.setCurrentIndex(self.model.index(0, 0))

        self._when_found(into_list)

    def _update_count(self) -> None:
        total = self.model.total
        if self.model.searching:
            text = self.tr("Searching…")
        elif total is None:
            text = self.tr("Counting…")
        elif total == 1:
            text = self.tr("1 case")
        else:
            text = self.tr("%1 cases").replace("%1", f"{total:,}")
        self.count.setText(text)
        self.table.setAccessibleDescription(text)
        found_none = not self.model.searching and not self.model.rowCount()
        hint = self._empty_words() if found_none else ""
        self.empty_hint.setText(hint)
        self.empty_hint.setVisible(bool(hint))

    def _empty_words(self) -> str:
        if not any(cases.caseload_counts(self._ws).values()):
            return self.tr("No cases yet: Ctrl+N new referral, Ctrl+I import referrals.")
        if self.search.text().strip():
            return self.tr(
                "No case matches “{text}” here. Esc clears the search; Status: All cases"
                " looks in closed and archived cases too."
            ).format(text=self.search.text().strip())
        return self.tr("No cases with this VLO and status.")

    def current_case_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.case_id(index.row()) if index.isValid() else None


class MainWindow(QMainWindow):
    def __init__(
        self, ws: Workspace, *, remember_layout: bool = True, backup_folder: Path | None = None
    ) -> None:
        """`backup_folder` turns on automatic backups (on a timer and on exit) there."""
        super().__init__()
        self.ws = ws
        use_clock(ws.today)  # every default date in the window is the workspace's today
        self.auto_backup = AutoBackup(
            self,
            ws,
            backup_folder or backups.backup_folder_for(ws.path),
            scheduled=backup_folder is not None,
        )
        self._remember_layout = remember_layout
        title = f"VCS Desk — {ws.path.name}"
        if documents.watermark(ws):  # a demo file says so wherever the window shows
            title = self.tr("VCS Desk — DEMO (synthetic cases, not a real caseload) — %1")
            title = title.replace("%1", ws.path.name)
        self.setWindowTitle(title)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.setAccessibleName(QCoreApplication.translate("MainWindow", "Open views"))
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.caseload = CaseloadView(ws)
        # Several cases can be selected: batch letters go to the selection.
        self.caseload.table.setSelectionMode(self.caseload.table.SelectionMode.ExtendedSelection)
        self.tabs.addTab(self.caseload, self.tr("Caseload"))
        self.tabs.tabBar().setTabButton(0, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.intake = IntakeActions(self)
        self.dashboard = DashboardView(ws)
        self.tabs.addTab(self.dashboard, self.tr("Dashboard"))
        self.tabs.tabBar().setTabButton(1, self.tabs.tabBar().ButtonPosition.RightSide, None)
        self.dashboard.open_case.connect(self.open_case)
        self.dashboard.complete_task.connect(self.intake.complete_task)
        self.dashboard.counts_changed.connect(
            lambda counts: self.tabs.setTabText(
                1, self.tr("Dashboard (%1 overdue)").replace("%1", f"{counts.overdue:,}")
            )
        )
        # The caseload comes first: the dashboard is read on the event loop's next turn
        # (for the overdue count on its tab), or as soon as its tab is shown.
        self.tabs.currentChanged.connect(self._load_dashboard_if_shown)
        QTimer.singleShot(0, self.dashboard, self.dashboard.ensure_loaded)
        # Letters sent to a printer that had not finished them when the app last closed:
        # ask the print system what became of them ("printed" means it printed).
        QTimer.singleShot(0, self, self.settle_print_jobs)
        self.setCentralWidget(self.tabs)
        self.caseload.table.activated.connect(self._open_from_table)
        self.caseload.model.counted.connect(self._show_status)
        self.caseload.open_case.connect(self.open_case)
        self.screen_lock = ScreenLock(self, ws)  # Lock now; run_gui adds the idle lock
        self._build_menus()
        self._update_status()
        self._restore_layout()

    # --- menus --------------------------------------------------------------------------

    def _action(self, menu, text: str, slot, shortcut: QKeySequence | str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self._action(
            file_menu, self.tr("&New referral…"), self.new_referral, QKeySequence.StandardKey.New
        )
        self._action(
            file_menu, self.tr("&Import referrals…"), self.intake.import_referrals, "Ctrl+I"
        )
        self._action(
            file_menu,
            self.tr("Import &date changes…"),
            _command("dialogs.bulk_dates", "import_date_changes", self),
            "Ctrl+Shift+K",
        ).setObjectName("import_date_changes")
        file_menu.addSeparator()
        self._action(
            file_menu, self.tr("&Lock now"), lambda: self.screen_lock.lock(), LOCK_SHORTCUT
        ).setObjectName("lock_now")
        # Not StandardKey.Quit: it is empty on some platforms (Windows, offscreen).
        self._action(file_menu, self.tr("&Quit"), self.close, "Ctrl+Q")
        edit = bar.addMenu(self.tr("&Edit"))
        self.undo = UndoHistory(self, edit)
        self.screen_lock.locked.connect(self.undo.clear)  # edits stay with their author
        edit.addSeparator()
        self._action(edit, self.tr("&Find case"), self.focus_search, QKeySequence.StandardKey.Find)
        case = bar.addMenu(self.tr("&Case"))
        self._action(case, self.tr("&Open selected case"), self.open_selected, "Ctrl+O")
        self._action(case, self.tr("Edit &victim…"), self._edit_victim_current, "Ctrl+E")
        self._action(case, self.tr("Edit &offender…"), self._edit_offender_current, "Ctrl+Shift+E")
        self._action(case, self.tr("Add &liaison note…"), self._add_liaison_current, "Ctrl+L")
        self._action(
            case,
            self.tr("Add another vict&im of this offender…"),
            self._add_victim_of_offender_current,
            "Ctrl+Shift+A",
        ).setObjectName("another_victim")
        self._action(
            case,
            self.tr("Request licence co&ndition…"),
            self._request_condition_current,
            "Ctrl+Shift+C",
        )
        for text, (module, command), shortcut, name in (
            (
                self.tr("Record &sentence…"),
                ("dialogs.sentence", "record_sentence"),
                "Ctrl+Shift+S",
                "record_sentence",
            ),
            (
                self.tr("Add official &key date…"),
                ("dialogs.key_date", "add_key_date"),
                "Ctrl+K",
                "add_key_date",
            ),
            (
                self.tr("Record sentence e&vent…"),
                ("dialogs.sentence", "record_event"),
                "Ctrl+Shift+V",
                "record_sentence_event",
            ),
        ):
            action = self._action(case, text, _command(module, command, self), shortcut)
            action.setObjectName(name)
        self._action(
            case,
            self.tr("Write le&tter…"),
            _command("dialogs.letter", "write_letter_for_current", self),
            "Ctrl+Shift+W",
        )
        self._action(
            case,
            self.tr("&Batch letters…"),
            _command("views.batch_letters", "open_batch_letters", self),
            "Ctrl+Shift+P",
        )
        self._action(
            case, self.tr("&Close case tab"), self._close_current, QKeySequence.StandardKey.Close
        )
        self._action(case, self.tr("&Archive case"), self._archive_current, "Ctrl+Del")
        self._action(
            case,
            self.tr("E&xport everything about the victim…"),
            self._subject_access_current,
            "Ctrl+Shift+X",
        ).setObjectName("subject_access")
        view = bar.addMenu(self.tr("&View"))
        self._action(view, self.tr("&Caseload"), lambda: self.tabs.setCurrentIndex(0), "Ctrl+1")
        self._action(view, self.tr("Das&hboard"), self.show_dashboard, "Ctrl+2")
        self._action(view, self.tr("&Waiting on OM"), self.open_waiting_on_om, "Ctrl+Shift+O")
        self._action(view, self.tr("OM &directory"), self.open_om_directory, "Ctrl+Shift+D")
        self._action(
            view, self.tr("Condition &statistics"), self.open_condition_stats, "Ctrl+Shift+I"
        )
        tools = bar.addMenu(self.tr("&Tools"))
        self._action(tools, self.tr("Audit &log…"), self.open_audit_log, "Ctrl+Shift+L")
        self._action(tools, self.tr("&Back up now…"), self.auto_backup.back_up_now, "Ctrl+Shift+B")
        self._action(
            tools,
            self.tr("Letter &templates…"),
            _command("dialogs.template_editor", "edit_templates", self),
            "Ctrl+Shift+T",
        )
        self._action(
            tools,
            self.tr("&Settings…"),
            _command("dialogs.settings", "open_settings", self),
            "Ctrl+,",
        )
        self._action(
            tools, self.tr("Rete&ntion review…"), self.open_retention_review, "Ctrl+Shift+N"
        ).setObjectName("retention_review")
        reports_menu = bar.addMenu(self.tr("&Reports"))
        self._action(
            reports_menu, self.tr("&Management report…"), self.open_reports, "Ctrl+Shift+R"
        ).setObjectName("open_reports")
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(
            help_menu,
            self.tr("&Help for this view"),
            _command("help", "show_help", self),
            QKeySequence.StandardKey.HelpContents,
        )
        self._action(help_menu, self.tr("&About VCS Desk"), self.about, "Ctrl+F1")

    # --- status and layout --------------------------------------------------------------

    def _update_status(self) -> None:
        """Recount the file's cases (after a change), then show the status line."""
        self._counts = cases.caseload_counts(self.ws)
        self._show_status()

    def _show_status(self) -> None:
        counts = self._counts
        shown = self.caseload.model.total
        self.statusBar().showMessage(
            QCoreApplication.translate(
                "MainWindow",
                "Database: {path}   ·   {open:,} open cases, {victims:,} victims   ·   "
                "showing {shown}   ·   signed in as {user}",
            ).format(
                path=self.ws.path,
                open=counts.get("open", 0),
                victims=counts.get("victims", 0),
                shown="…" if shown is None else f"{shown:,}",
                user=self.ws.user,
            )
        )

    def _settings(self) -> QSettings:
        # The application's own settings (its organisation and name, set by _app()), as
        # everything else here reads them: QSettings(ORG, APP) ignored the format and
        # place the tests give, so every test run wrote the user's real window layout.
        return QSettings()

    def _restore_layout(self) -> None:
        settings = self._settings() if self._remember_layout else None
        geometry = settings.value("main/geometry") if settings else None
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(DEFAULT_SIZE)
        elif not self._fits():
            # A remembered size too small for the caseload (once 534x350, after the
            # first-run wizard): start as a new window does, on the main screen.
            self.setWindowState(Qt.WindowState.WindowNoState)
            self.resize(DEFAULT_SIZE.boundedTo(self._screen_space().size()))
            self.move(self._screen_space().center() - self.rect().center())
        header = settings.value("caseload/header") if settings else None
        if isinstance(header, QByteArray):
            self.caseload.table.horizontalHeader().restoreState(header)
        else:
            # All ten columns fit a 1280-pixel window, Status (the last) included; wider
            # with larger text (set_widths), not with the rows' length.
            set_widths(
                self.caseload.table, (90, 165, 155, 170, 85, 110, 135, 125, 110), fit_rows=False
            )

    def needed_size(self) -> QSize:
        """The least size the window is useful at: its layout's minimum, and room for the
        caseload's search bar and about a dozen rows (never more than the screen)."""
        needed = self.minimumSizeHint().expandedTo(MIN_USEFUL_SIZE)
        return needed.boundedTo(self._screen_space().size())

    def _screen_space(self) -> QRect:
        screen = QApplication.primaryScreen()
        return screen.availableGeometry() if screen else QRect(0, 0, *DEFAULT_SIZE.toTuple())

    def _fits(self) -> bool:
        """Big enough for the layout. (A place off every screen, say a monitor since
        unplugged, restoreGeometry itself moves back onto the screen.)"""
        if self.isMaximized() or self.isFullScreen():
            return True
        needed = self.needed_size()
        return self.width() >= needed.width() and self.height() >= needed.height()

    def closeEvent(self, event) -> None:
        if self.auto_backup.wants_exit_backup():  # close again once the copy is made
            event.ignore()
            self.auto_backup.run_exit_backup(then=self.close)
            return
        self.caseload.model.close()
        settings = self._settings()
        if self.isVisible():  # a window never shown has no size of its own to remember
            settings.setValue("main/geometry", self.saveGeometry())
        settings.setValue("caseload/header", self.caseload.table.horizontalHeader().saveState())
        super().closeEvent(event)

    # --- cases --------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.tabs.setCurrentIndex(0)
        self.caseload.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.caseload.search.selectAll()

    def _open_from_table(self, index) -> None:
        self.open_case(self.caseload.model.case_id(index.row()))

    def open_selected(self) -> None:
        case_id = self.caseload.current_case_id()
        if case_id is not None:
            self.open_case(case_id)

    def case_tab(self, case_id: int):
        """The open tab of this case (a CaseView), if any."""
        for i in range(1, self.tabs.count()):
            widget = self.tabs.widget(i)
            if getattr(widget, "is_case_view", False) and widget.case_id == case_id:
                return widget
        return None

    def open_case(self, case_id: int):
        view = self.case_tab(case_id)
        if view is None:
            case = self._call(cases.open_case, self.ws, case_id)
            if case is None:
                return None
            view = _lazy("views.case_view", "CaseView")(case)
            view.edit_victim.connect(self.edit_victim)
            view.edit_offender.connect(self.edit_offender)
            view.add_liaison.connect(self.add_liaison)
            self.intake.attach(view)
            view.om_work.connect(
                lambda *args: _lazy("dialogs.condition", "run_case_action")(self, *args)
            )
            view.letter_action.connect(
                lambda *args: _lazy("dialogs.letter", "run_letter_action")(self, *args)
            )
            self.tabs.addTab(view, f"{case.link.ref} {case.victim.family_name}")
        self.tabs.setCurrentWidget(view)
        view.focus_first()
        return view

    def show_dashboard(self) -> None:
        self.tabs.setCurrentWidget(self.dashboard)
        self.dashboard.focus_list()

    def _load_dashboard_if_shown(self, index: int) -> None:
        if self.tabs.widget(index) is self.dashboard:
            self.dashboard.ensure_loaded()

    def close_tab(self, index: int) -> None:
        if index > 0 and self.tabs.widget(index) is not self.dashboard:
            widget = self.tabs.widget(index)
            self.tabs.removeTab(index)
            widget.deleteLater()

    def _close_current(self) -> None:
        self.close_tab(self.tabs.currentIndex())

    def _current_case_id(self) -> int | None:
        widget = self.tabs.currentWidget()
        if getattr(widget, "is_case_view", False):
            return widget.case_id
        return self.caseload.current_case_id()

    def _edit_victim_current(self) -> None:
        if (case_id := self._current_case_id()) is not None:
            self.edit_victim(case_id)

    def _edit_offender_current(self) -> None:
        if (case_id := self._current_case_id()) is not None:
            self.edit_offender(case_id)

    def _add_victim_of_offender_current(self) -> None:
        """A new referral for the current case's offender: no retyping of the offender,
        sentence, OM, team and VLO, and no second record of the offender."""
        if (case_id := self._current_case_id()) is not None:
            self.intake.new_referral(same_offender_as=case_id)

    def _add_liaison_current(self) -> None:
        if (case_id := self._current_case_id()) is not None:
            self.add_liaison(case_id)

    def settle_print_jobs(self) -> None:
        self._refresh(self._call(letters.settle_print_jobs, self.ws))

    def _call(self, func, *args):
        """Run a service call; a domain error becomes a message box, never a traceback."""
        try:
            return func(*args)
        except DomainError as exc:
            warn(self, QCoreApplication.translate("MainWindow", "VCS Desk"), str(exc))
            return None

    def _refresh(self, changed: Changed | None) -> None:
        if changed is None:
            return
        self.caseload.model.refresh_cases(changed.link_ids)
        for case_id in changed.link_ids:
            view = self.case_tab(case_id)
            if view is not None:
                case = self._call(cases.open_case, self.ws, case_id)
                if case is not None:
                    view.show_case(case)
        for i in range(1, self.tabs.count()):  # dashboards that list many cases
            widget = self.tabs.widget(i)
            if hasattr(widget, "refresh_after"):
                widget.refresh_after(changed)
        self._update_status()

    def edit_victim(self, case_id: int) -> None:
        case = self._call(cases.open_case, self.ws, case_id)
        if case is None:
            return
        victim = _lazy("dialogs.forms", "VictimDialog").ask(self, case.victim)
        if victim is not None:
            self.undo.edit_victim(case.victim, victim)

    def edit_offender(self, case_id: int) -> None:
        case = self._call(cases.open_case, self.ws, case_id)
        if case is None:
            return
        offender = _lazy("dialogs.forms", "OffenderDialog").ask(self, case.offender)
        if offender is not None:
            self.undo.edit_offender(case.offender, offender)

    def add_liaison(self, case_id: int) -> None:
        view = self.case_tab(case_id)
        om_name = view.case.link.om_name if view else ""
        requests = [(r.id, r.title) for r in view.case.conditions] if view else []
        entry = _lazy("dialogs.forms", "LiaisonDialog").ask(self, case_id, om_name, requests)
        if entry is not None:
            self.undo.add_liaison_note(entry)

    def _archive_current(self) -> None:
        """Deleting a case archives it; Undo (Ctrl+Z) brings it back."""
        case_id = self._current_case_id()
        case = self._call(cases.open_case, self.ws, case_id) if case_id is not None else None
        if case is not None and self.undo.archive_case(case_id, case.link.status):
            self.statusBar().showMessage(
                self.tr("Case {ref} archived. Undo (Ctrl+Z) brings it back.").format(
                    ref=case.link.ref
                ),
                8000,
            )

    def new_referral(self) -> None:
        self.intake.new_referral()

    def _request_condition_current(self) -> None:
        if (case_id := self._current_case_id()) is not None:
            _lazy("dialogs.condition", "run_case_action")(self, case_id, "request")

    def _open_view(self, kind: type[QWidget], title: str) -> QWidget:
        """Show the one tab of this kind, creating it the first time."""
        for i in range(1, self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, kind):
                widget.reload()
                break
        else:
            widget = kind(self)
            self.tabs.addTab(widget, title)
        self.tabs.setCurrentWidget(widget)
        return widget

    def open_waiting_on_om(self):
        view = _lazy("views.waiting_on_om", "WaitingOnOMView")
        return self._open_view(view, self.tr("Waiting on OM"))

    def open_om_directory(self):
        return self._open_view(
            _lazy("views.om_directory", "OMDirectoryView"), self.tr("OM directory")
        )

    def open_condition_stats(self):
        view = _lazy("views.condition_stats", "ConditionStatsView")
        return self._open_view(view, self.tr("Condition statistics"))

    def open_reports(self):
        return self._open_view(_lazy("views.reports", "ReportView"), self.tr("Reports"))

    def open_retention_review(self):
        view = _lazy("views.retention", "RetentionView")
        return self._open_view(view, self.tr("Retention review"))

    def _subject_access_current(self) -> None:
        if (case_id := self._current_case_id()) is not None:
            _lazy("dialogs.subject_access", "export_for_case")(self, case_id)

    def open_audit_log(self):
        AuditLogView = _lazy("views.audit_view", "AuditLogView")
        for i in range(1, self.tabs.count()):
            widget = self.tabs.widget(i)
            if isinstance(widget, AuditLogView):
                widget.model.reload()
                self.tabs.setCurrentWidget(widget)
                return widget
        view = AuditLogView(self.ws)
        self.tabs.addTab(view, self.tr("Audit log"))
        self.tabs.setCurrentWidget(view)
        view.table.setFocus()
        return view

    def about(self) -> None:
        _lazy("help", "show_about")(self)


def _app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORG)
    app.setApplicationName(APP)
    return app


def run_gui(path: Path, *, key: str | None = None) -> int:
    """Lock the file, open it (or say why not and offer a backup), then run the window
    with automatic backups; see qt/dialogs/startup_problem.py. An encrypted file opens
    with `key`, or asks for it (qt/dialogs/db_key.py)."""
    from vcs_app.qt.dialogs.settings import DeskPreferences, apply_backup_settings, apply_display
    from vcs_app.qt.dialogs.sign_in import sign_in_for_gui
    from vcs_app.qt.dialogs.startup_problem import run_checked
    from vcs_app.qt.error_report import install_error_reporting
    from vcs_app.qt.i18n import install_translator

    app = _app()
    install_error_reporting(app)
    install_translator(app)
    apply_display(app)
    prefs = DeskPreferences.load()

    def make_window(ws: Workspace) -> MainWindow | None:
        use_clock(ws.today)
        if not sign_in_for_gui(ws):  # quit at sign-in (or at the first-run wizard)
            return None
        window = MainWindow(ws, backup_folder=prefs.backup_folder(ws.path))
        apply_backup_settings(window.auto_backup, ws.path, prefs)
        window.screen_lock.watch_idle()
        return window

    return run_checked(path, make_window, backup_folder=prefs.backup_folder(path), key=key)


def screenshot(db: Path, out: Path, *, view: str = "caseload", size=(1280, 800)) -> None:
    """Render a view offscreen to a PNG (for docs and for looking at what we built)."""
    app = _app()
    ws = open_workspace(db)
    try:
        window = MainWindow(ws, remember_layout=False)
        window.resize(*size)
        window.show()
        if view == "case" and window.caseload.model.rowCount():
            window.open_case(window.caseload.model.case_id(0))
        elif view == "dashboard":
            window.show_dashboard()
        app.processEvents()
        out.parent.mkdir(parents=True, exist_ok=True)
        if not window.grab().save(str(out)):
            raise DomainError(
                QCoreApplication.translate("MainWindow", "could not write {out}").format(out=out)
            )
        window.close()
    finally:
        ws.close()
