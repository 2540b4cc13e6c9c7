"""`python main.py bench`: the interactive operations at 10k, 100k (and 1M) victims,
measured so that they cannot flatter.

- Each operation is timed from the VLO's action to the visible result painted (the table
  grabbed into a pixmap, which calls `data()` for every visible cell), in a fresh
  offscreen process per database, with the app's own classes.
- Beside it runs the *minimal* `sqlite3` query for the same visible result: the count
  shown and the first 40 rows in the same order (LIMIT-based), written directly against
  the same file and its indexes, never the app's own SQL. The bench checks that both give
  the same count and the same 40 ids, and stops if they differ.
- App and raw are interleaved, each the median of `REPEATS` runs after a warm-up.
- Search terms include one letter ("s") and a common word of the liaison notes
  ("sentence"), a name, a reference, a phone number as a caller says it and a postcode;
  every sortable column is sorted.
- GUI-thread time (CPU time of the window's thread) is reported beside the wall time:
  the window must never do more than 100 ms of work for one action.
- Start-up is a real process started until its first screen is painted; memory is the
  peak RSS of a process that works through a scripted hour (searches, cases opened,
  edits); the letters batch reports the longest gap in the event loop while 500 letters
  are produced in the background.

Timings depend on the machine and what else runs on it: the report gives the date, the
processor and the load average, and a ratio is only meaningful within one run.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path

REPEATS = 7
SCREEN = 40  # the rows compared (a first screen of the caseload)
TODAY = date(2026, 11, 26)
LETTERS = 500
LETTER_TEMPLATE = "sentence_explanation"  # one most opted-in demo cases may receive
TAG = "\ue000"  # the tag prefix of the full-text rows (migrations.TAG)
# The caseload's sortable columns as plain SQL (raw side), in the table's column order.
SORT_SQL = {
    "ref": "l.id",
    "victim": "l.sort_victim",
    "offender": "l.sort_offender",
    "offence": "l.offence",
    "opt_state": "l.opt_state",
    "contact_level": "l.contact_level",
    "next_due": "ifnull(l.next_due, '9999-12-31')",
    "vlo": "l.vlo",
    "status": "l.status",
}
TARGET_MS = 100  # an interactive operation, at 100k (DESIGN.md section 8)
REFRESH_TARGET_MS = 50
TYPING_ECHO_MS = 50


# --- small tools ------------------------------------------------------------------------


def _median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _interleaved(app: Callable[[], dict], raw: Callable[[], float], repeats: int = REPEATS):
    """Run app and raw alternately (after one warm-up of each); medians of each field."""
    app()
    raw()
    apps, raws = [], []
    for _ in range(repeats):
        apps.append(app())
        raws.append(raw())
    fields = {k: round(_median([a[k] for a in apps]), 2) for k in apps[0]}
    return {**fields, "raw": round(_median(raws), 2)}


def _timed(fn: Callable[[], object]) -> float:
    start = time.perf_counter()
    fn()
    return (time.perf_counter() - start) * 1000


def _keeping(fn: Callable[[], object], kept: dict) -> Callable[[], float]:
    """`fn` timed (ms), its last result kept in `kept["result"]` to compare with the app."""

    def timed() -> float:
        start = time.perf_counter()
        kept["result"] = fn()
        return (time.perf_counter() - start) * 1000

    return timed


def _peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _raw_connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    conn.execute("PRAGMA cache_size = -32000")  # as the app's connections
    return conn


# --- the raw side: minimal SQL for the same visible result -----------------------------

_RAW_ROWS = (
    "SELECT l.id, l.ref, v.family_name || ', ' || v.given_name,"
    " o.family_name || ', ' || o.given_name, l.offence, l.opt_state, l.contact_level,"
    " l.next_due, l.vlo, l.status, v.phone_first, v.language, v.dob,"
    " EXISTS (SELECT 1 FROM contact_detail c WHERE c.victim_id = v.id AND c.do_not_post = 1),"
    " EXISTS (SELECT 1 FROM contact_detail c WHERE c.victim_id = v.id AND c.kind = 'address'"
    " AND c.safe_to_use = 0)"
    " FROM link l JOIN victim v ON v.id = l.victim_id JOIN offender o ON o.id = l.offender_id"
)


def _prefix_terms(text: str) -> str:
    from vcs_app.domain.search import search_words

    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in search_words(text))


def raw_search(conn: sqlite3.Connection, text: str) -> tuple[int, list[int]]:
    """The count and first screen of open cases found by `text` (names, references,
    people and contact details before notes), in victim order: two plain statements."""
    terms = _prefix_terms(text)
    (count,) = conn.execute(
        "SELECT count(*) FROM case_search WHERE case_search MATCH ?",
        [f'"{TAG}sopen" AND ({terms})'],
    ).fetchone()
    rows = conn.execute(
        _RAW_ROWS + " WHERE l.status = 'open'"
        " AND l.id IN (SELECT rowid FROM case_search WHERE case_search MATCH :t)"
        " ORDER BY l.id NOT IN (SELECT rowid FROM case_names WHERE case_names MATCH :t),"
        f" l.sort_victim, l.id LIMIT {SCREEN}",
        {"t": terms},
    ).fetchall()
    return count, [r[0] for r in rows]


def raw_sorted(conn: sqlite3.Connection, sort: str) -> tuple[int, list[int]]:
    """The count and first screen of open cases sorted by one column."""
    (count,) = conn.execute("SELECT count(*) FROM link WHERE status = 'open'").fetchone()
    rows = conn.execute(
        _RAW_ROWS + f" WHERE l.status = 'open' ORDER BY {SORT_SQL[sort]}, l.id LIMIT {SCREEN}"
    ).fetchall()
    return count, [r[0] for r in rows]


def raw_case(conn: sqlite3.Connection, case_id: int) -> list:
    """What the case view shows, as plain reads by key."""
    one = (case_id,)
    link = conn.execute("SELECT * FROM link WHERE id = ?", one).fetchone()
    return [
        link,
        conn.execute("SELECT * FROM victim WHERE id = ?", (link[2],)).fetchone(),
        conn.execute("SELECT * FROM offender WHERE id = ?", (link[3],)).fetchone(),
        conn.execute("SELECT * FROM contact_detail WHERE victim_id = ?", (link[2],)).fetchall(),
        conn.execute("SELECT * FROM key_date WHERE offender_id = ?", (link[3],)).fetchall(),
        conn.execute(
            "SELECT * FROM liaison_entry WHERE link_id = ? ORDER BY happened_on DESC", one
        ).fetchall(),
        conn.execute("SELECT * FROM contact WHERE link_id = ?", one).fetchall(),
        conn.execute("SELECT * FROM task WHERE link_id = ?", one).fetchall(),
        conn.execute(
            "SELECT * FROM audit WHERE link_id = ? ORDER BY id DESC LIMIT 200", one
        ).fetchall(),
    ]


def raw_due(conn: sqlite3.Connection) -> tuple[tuple, list[int]]:
    """The dashboard's figures and first screen: open tasks of open cases due by a week
    from today, oldest first."""
    on, until = TODAY.isoformat(), (TODAY + timedelta(days=7)).isoformat()
    join = (
        " FROM task t JOIN link l ON l.id = t.link_id"
        " WHERE t.done_on IS NULL AND l.status = 'open' AND t.due_on <= :until"
    )
    counts = conn.execute(
        "SELECT count(*) FILTER (WHERE t.due_on < :on), count(*) FILTER (WHERE t.due_on = :on),"
        " count(*)" + join,
        {"on": on, "until": until},
    ).fetchone()
    rows = conn.execute(
        "SELECT t.id, l.ref, v.family_name || ', ' || v.given_name, t.title, t.due_on, l.vlo"
        + join.replace(" WHERE", " JOIN victim v ON v.id = l.victim_id WHERE")
        + f" ORDER BY t.due_on, t.link_id, t.id LIMIT {SCREEN}",
        {"until": until},
    ).fetchall()
    return counts, [r[0] for r in rows]


# --- the app side, in a child process ---------------------------------------------------


class _Gui:
    """The window on one database, and ways to wait for what it shows."""

    def __init__(self, path: Path) -> None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from PySide6.QtWidgets import QApplication

        from vcs_app.qt.main_window import MainWindow
        from vcs_app.services.workspace import open_workspace

        self.app = QApplication.instance() or QApplication([])
        self.ws = open_workspace(path, user="bench", on=TODAY)
        self.window = MainWindow(self.ws, remember_layout=False)
        self.window.resize(1280, 800)
        self.window.show()
        self.settle()
        self.caseload = self.window.caseload
        self.model = self.caseload.model

    def settle(self) -> None:
        for _ in range(3):
            self.app.processEvents()

    def wait(self, done: Callable[[], bool], timeout: float = 600.0) -> None:
        from PySide6.QtCore import QEventLoop

        ends = time.perf_counter() + timeout
        while not done():
            if time.perf_counter() > ends:
                raise RuntimeError("the window did not answer in time")
            self.app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)

    def paint(self, _widget=None) -> None:
        """Let the window draw what changed, as it does on screen (offscreen, the same
        painting into a backing store: every visible cell asks the model for its text)."""
        self.app.processEvents()

    def first_ids(self) -> list[int]:
        model = self.model
        return [model.case_id(r) for r in range(min(SCREEN, model.rowCount()))]

    def close(self) -> None:
        self.window.auto_backup.cancel_exit_backup()
        self.window.close()
        self.ws.close()


def _gui_ms(fn: Callable[[], None]) -> dict:
    """Wall time and the GUI thread's own CPU time of an action, in ms."""
    wall, cpu = time.perf_counter(), time.thread_time()
    fn()
    return {
        "app": (time.perf_counter() - wall) * 1000,
        "gui": (time.thread_time() - cpu) * 1000,
    }


def _search_terms(conn: sqlite3.Connection) -> dict[str, str]:
    """The searches measured: one letter, a common note word, a name, a case reference,
    a phone number spaced as a caller reads it, a postcode, an OM's name."""
    ref, phone, address, om = conn.execute(
        "SELECT l.ref, p.value, a.value, l.om_name FROM link l"
        " JOIN contact_detail p ON p.victim_id = l.victim_id AND p.kind = 'phone'"
        " JOIN contact_detail a ON a.victim_id = l.victim_id AND a.kind = 'address'"
        " WHERE l.status = 'open' AND l.om_name != '' ORDER BY l.id LIMIT 1 OFFSET 123"
    ).fetchone()
    digits = "".join(ch for ch in phone if ch.isdigit())
    postcode = address.splitlines()[-1]
    return {
        "one letter": "s",
        "note word": "sentence",
        "name prefix": "bev",
        "case reference": ref,
        "phone as said": f"{digits[:4]} {digits[4:7]} {digits[7:]}",
        "postcode": postcode.replace(" ", "").lower(),
        "OM name": om,
    }


def measure(path: Path) -> dict:
    """Every GUI operation on one database (run in a child process by `run`)."""
    from PySide6.QtCore import Qt

    gui = _Gui(path)
    raw = _raw_connect(path)
    results: dict[str, dict] = {}
    caseload, model = gui.caseload, gui.model

    # Searches: the first screen, then the exact count.
    for label, text in _search_terms(raw).items():
        marks: dict[str, float] = {}

        def search(text: str = text, marks: dict = marks) -> dict:
            caseload.search.setText("")  # untimed: back to the plain list
            gui.settle()
            started = time.perf_counter()
            cpu = time.thread_time()
            caseload.search.setText(text)
            gui.wait(lambda: not model.searching)
            gui.paint(caseload.table)
            first = (time.perf_counter() - started) * 1000
            gui.wait(lambda: model.total is not None)
            gui.paint(caseload.count)
            marks["total"], marks["ids"] = model.total, gui.first_ids()
            return {
                "first_screen": first,
                "app": (time.perf_counter() - started) * 1000,
                "gui": (time.thread_time() - cpu) * 1000,
            }

        found: dict = {}
        result = _interleaved(search, _keeping(lambda text=text: raw_search(raw, text), found))
        _same(f"search {label!r}", (marks["total"], marks["ids"]), found["result"])
        results[f"search {label} ({text!r}, {marks['total']:,} found)"] = result
    caseload.search.setText("")
    gui.settle()

    # Every sortable column, ascending, on the open caseload.
    from vcs_app.qt.models.caseload_model import COLUMNS

    header = caseload.table.horizontalHeader()
    for column, (key, _title) in enumerate(COLUMNS):
        if key is None:
            continue

        def sort(column: int = column) -> dict:
            caseload.table.sortByColumn(1 if column != 1 else 0, Qt.SortOrder.AscendingOrder)
            gui.settle()

            def act() -> None:
                caseload.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
                gui.paint(caseload.table)

            return _gui_ms(act)

        found = {}
        result = _interleaved(sort, _keeping(lambda key=key: raw_sorted(raw, key), found))
        caseload.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
        gui.settle()
        _same(f"sort by {key}", (model.total, gui.first_ids()), found["result"])
        results[f"sort by {key}"] = result
    header.setSortIndicator(1, Qt.SortOrder.AscendingOrder)
    gui.settle()

    # Opening a case (its first tab drawn).
    picks = [model.case_id(i * 7 % model.rowCount()) for i in range(REPEATS + 1)]
    order = iter(picks * 2)
    raw_order = iter(picks * 2)

    def open_case() -> dict:
        chosen = next(order)

        def act() -> None:
            view = gui.window.open_case(chosen)
            gui.paint(view)

        timing = _gui_ms(act)
        gui.window.close_tab(gui.window.tabs.currentIndex())
        gui.settle()
        return timing

    results["open a case"] = _interleaved(
        open_case, lambda: _timed(lambda: raw_case(raw, next(raw_order)))
    )

    # The dashboard's first screen.
    board = gui.window.dashboard
    board._today = lambda: TODAY

    def dashboard() -> dict:
        gui.window.tabs.setCurrentWidget(caseload)
        gui.settle()

        def act() -> None:
            gui.window.tabs.setCurrentWidget(board)
            board.refresh()
            gui.paint(board.table)

        return _gui_ms(act)

    found = {}
    results["dashboard first screen"] = _interleaved(
        dashboard, _keeping(lambda: raw_due(raw), found)
    )
    shown = [board.model.item(r).task_id for r in range(min(SCREEN, board.model.rowCount()))]
    counts = board.counts
    _same(
        "dashboard",
        ((counts.overdue, counts.today, counts.total), shown),
        found["result"],
    )
    gui.window.tabs.setCurrentWidget(caseload)
    gui.settle()

    # Refresh after a saved change (a liaison note on a case of the first screen).
    results["window refresh after a change"] = _refresh_after_change(gui, raw)
    results["typing 'sentence' at 5 keys/s"] = _typing(gui, "sentence")
    results["letters: 500 in the background"] = _letters_batch(gui, path)
    gui.close()
    raw.close()
    return {"results": results}


def _same(what: str, app: tuple, raw: tuple) -> None:
    if tuple(app) != tuple(raw):
        raise RuntimeError(
            f"{what}: the app shows {app[0]} / {app[1][:5]}…, raw SQL {raw[0]}"
            f" / {raw[1][:5]}…: not the same visible result"
        )


def _refresh_after_change(gui: _Gui, raw: sqlite3.Connection) -> dict:
    from vcs_app.domain.model import Direction, LiaisonChannel, LiaisonEntry, Party
    from vcs_app.services import cases

    ids = iter(gui.first_ids() * 3)
    raw_ids = iter(gui.first_ids() * 3)

    def change() -> dict:
        case_id = next(ids)
        entry = LiaisonEntry(
            case_id, TODAY, Direction.TO, Party.OM, LiaisonChannel.EMAIL, "Bench note."
        )
        changed = cases.add_liaison_entry(gui.ws, entry)  # untimed: the save

        def act() -> None:
            gui.window._refresh(changed)
            gui.paint(gui.caseload.table)

        return _gui_ms(act)

    return _interleaved(
        change,
        lambda: _timed(
            lambda: raw.execute(_RAW_ROWS + " WHERE l.id = ?", [next(raw_ids)]).fetchall()
        ),
    )


def _typing(gui: _Gui, word: str) -> dict:
    """Keys typed into the search box at 5 a second while the event loop runs: the
    longest a key waited to be echoed (wall and GUI-thread CPU), and the time from the
    last key to the final results (first screen, then count)."""
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtGui import QKeyEvent

    box, model = gui.caseload.search, gui.model
    box.setText("")
    gui.settle()
    box.setFocus()
    sent: list[tuple[float, float]] = []
    echoed: list[tuple[float, float]] = []

    class Echo(QObject):
        def eventFilter(self, watched, event) -> bool:
            if watched is box and event.type() == QEvent.Type.KeyPress:
                echoed.append((time.perf_counter(), time.thread_time()))
            return False

    echo = Echo()
    box.installEventFilter(echo)
    keys = iter(word)
    timer = QTimer()
    timer.setInterval(200)

    def press() -> None:
        char = next(keys, None)
        if char is None:
            timer.stop()
            return
        sent.append((time.perf_counter(), time.thread_time()))
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            gui.app.postEvent(
                box, QKeyEvent(kind, ord(char.upper()), Qt.KeyboardModifier.NoModifier, char)
            )

    timer.timeout.connect(press)
    timer.start()
    gui.wait(lambda: len(echoed) == len(word))
    last = sent[-1][0]
    gui.wait(lambda: box.text() == word and not model.searching)
    gui.paint(gui.caseload.table)
    first = (time.perf_counter() - last) * 1000
    gui.wait(lambda: model.total is not None)
    counted = (time.perf_counter() - last) * 1000
    box.removeEventFilter(echo)
    waits = [(e[0] - s[0]) * 1000 for s, e in zip(sent, echoed, strict=True)]
    busy = [(e[1] - s[1]) * 1000 for s, e in zip(sent, echoed, strict=True)]
    from vcs_app.services import cases

    expected = cases.caseload_ids(gui.ws, text=word)[:SCREEN]
    if gui.first_ids() != expected:
        raise RuntimeError("typing: the final results are not those of the final text")
    return {
        "key echo max": round(max(waits), 2),
        "gui": round(max(busy), 2),
        "first_screen": round(first, 2),
        "app": round(counted, 2),
        "raw": None,
    }


def _letters_batch(gui: _Gui, path: Path) -> dict:
    """500 letters checked, approved and produced as PDFs through the batch screen (its
    worker), on a copy of the database; a 10 ms timer ticks meanwhile. The longest gap
    between ticks, in wall time and in GUI-thread CPU time, and the total."""
    from PySide6.QtCore import QTimer

    from vcs_app.qt.views.batch_letters import BatchLettersView
    from vcs_app.services import cases, letters
    from vcs_app.services.workspace import make_separate, open_workspace

    folder = Path(tempfile.mkdtemp(prefix="vcs-bench-letters-"))
    try:
        copy = folder / "letters.db"
        with (
            sqlite3.connect(f"file:{path}?mode=ro", uri=True) as source,
            sqlite3.connect(copy) as target,
        ):
            source.backup(target)
        make_separate(copy, user="bench")  # its letters must not move the original's anchor
        ws = open_workspace(copy, user="bench", on=TODAY)
        try:
            candidates = cases.caseload_ids(ws)[: LETTERS * 4]
            ready = [d.link_id for d in letters.review_batch(ws, candidates, LETTER_TEMPLATE).ready]
            chosen = ready[:LETTERS]
            view = BatchLettersView(ws, selected=chosen, shown=chosen, on=TODAY)
            view.template.setCurrentIndex(view.template.findData(LETTER_TEMPLATE))
            view.folder.setText(str(folder / "pdf"))
            view.show()
            view.start_review()
            gui.wait(lambda: view.job is None and view.review is not None)
            ticks: list[tuple[float, float]] = []
            timer = QTimer()
            timer.setInterval(10)
            timer.timeout.connect(lambda: ticks.append((time.perf_counter(), time.thread_time())))
            timer.start()
            started = time.perf_counter()
            view.approve_and_produce()
            gui.wait(lambda: view.job is None and view.result is not None)
            seconds = time.perf_counter() - started
            timer.stop()
            produced = len(view.result.produced)
            view.close()
        finally:
            ws.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    gaps = [(b[0] - a[0]) * 1000 for a, b in itertools.pairwise(ticks)]
    busy = [(b[1] - a[1]) * 1000 for a, b in itertools.pairwise(ticks)]
    return {
        "letters": produced,
        "seconds": round(seconds, 1),
        "longest gap": round(max(gaps), 1),
        "gui": round(max(busy), 1),
        "raw": None,
    }


# --- start-up and a working hour, each in a process of its own --------------------------


def first_screen(path: Path) -> None:
    """Child: open the window and say when its first screen is painted."""
    gui = _Gui(path)
    gui.paint(gui.window)
    print("first-screen", flush=True)
    gui.close()


def raw_first_screen(path: Path) -> None:
    """Child: the same first screen with plain sqlite3 (a Python process and the reads)."""
    conn = _raw_connect(path)
    raw_sorted(conn, "victim")
    print("first-screen", flush=True)


def _process_until_ready(args: list[str]) -> float:
    started = time.perf_counter()
    child = subprocess.Popen(
        args,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == "first-screen":
            ready = (time.perf_counter() - started) * 1000
            break
    else:
        raise RuntimeError(f"{args[-2]} did not reach its first screen")
    child.wait()
    return ready


def startup(path: Path) -> dict:
    """A fresh process to the first screen painted, app and raw interleaved."""
    me = [sys.executable, "-m", "vcs_app.bench"]
    return _interleaved(
        lambda: {"app": _process_until_ready([*me, "first-screen", str(path)])},
        lambda: _process_until_ready([*me, "raw-first-screen", str(path)]),
    )


def working_hour(path: Path) -> dict:
    """Child: an hour at the desk, scripted and compressed (60 searches, each followed by
    a case opened with three of its tabs, a note added to every third, sorts, the
    dashboard, the caseload scrolled), then the peak RSS of the process."""
    from PySide6.QtCore import Qt

    from vcs_app.domain.model import Direction, LiaisonChannel, LiaisonEntry, Party
    from vcs_app.services import cases

    gui = _Gui(path)
    words = ["smith", "s", "sentence", "bev", "07700", "zz99", "lowri", "parole", "om", "x00"]
    started = time.perf_counter()
    for n in range(60):
        gui.caseload.search.setText(words[n % len(words)][: 1 + n % 5])
        gui.wait(lambda: not gui.model.searching and gui.model.total is not None)
        gui.paint(gui.caseload.table)
        if gui.model.rowCount():
            case_id = gui.model.case_id(n % gui.model.rowCount())
            view = gui.window.open_case(case_id)
            for tab in ("Liaison", "History", "Offender"):
                view.show_tab(tab)
                gui.paint(view)
            if n % 3 == 0:
                entry = LiaisonEntry(
                    case_id, TODAY, Direction.TO, Party.OM, LiaisonChannel.EMAIL, "Hour note."
                )
                gui.window._refresh(cases.add_liaison_entry(gui.ws, entry))
            gui.window.close_tab(gui.window.tabs.currentIndex())
        if n % 10 == 0:
            column = (0, 1, 2, 3, 4, 5, 6, 8, 9)[n // 10 % 9]
            gui.caseload.table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
            gui.window.show_dashboard()
            gui.paint(gui.window.dashboard)
            gui.window.tabs.setCurrentIndex(0)
        for _ in range(5):  # scroll the caseload down a few pages
            gui.caseload.table.verticalScrollBar().setValue(
                gui.caseload.table.verticalScrollBar().maximum()
            )
            gui.settle()
    seconds = time.perf_counter() - started
    gui.close()
    return {"peak_rss_mb": round(_peak_rss_mb(), 1), "seconds": round(seconds, 1)}


def letters_due(path: Path) -> dict:
    """`python main.py letters --due` on a copy of the file: every letter due, checked,
    approved and written as a PDF; seconds in all and per letter."""
    from vcs_app.services.workspace import make_separate

    folder = Path(tempfile.mkdtemp(prefix="vcs-bench-due-"))
    try:
        copy = folder / "due.db"
        with (
            sqlite3.connect(f"file:{path}?mode=ro", uri=True) as source,
            sqlite3.connect(copy) as target,
        ):
            source.backup(target)
        make_separate(copy, user="bench")
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "vcs_app",
                "letters",
                "--db",
                str(copy),
                "--out",
                str(folder / "pdf"),
                "--due",
                "--on",
                TODAY.isoformat(),
            ],
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        seconds = time.perf_counter() - started
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    last = done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr
    written = int(last.split()[0]) if last.split() and last.split()[0].isdigit() else 0
    blocked = int(last.split()[3]) if " blocked" in last else 0
    letters = written + blocked
    return {
        "seconds": round(seconds, 1),
        "letters": letters,
        "ms_per_letter": round(seconds * 1000 / max(letters, 1), 1),
    }


# --- orchestration ----------------------------------------------------------------------


def ensure_database(folder: Path, victims: int) -> Path:
    """Build (or reuse) a deterministic demo database of `victims` victims."""
    from vcs_app.services.demo import create_demo_file

    path = folder / f"bench-{victims}.db"
    if path.exists():
        return path
    started = time.perf_counter()
    create_demo_file(path, victims=victims, seed=1, on=TODAY, user="bench")
    print(f"built {path} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return path


def check_seconds(path: Path) -> float:
    """A real `python main.py check` of the benchmark file, start to end."""
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "vcs_app",
            "check",
            "--db",
            str(path),
        ],
        capture_output=True,
        check=False,
    )
    return round(time.perf_counter() - started, 1)


def sign_in_guesses(folder: Path, seconds: int = 30) -> dict:
    """Someone guessing one account's password at the sign-in as fast as the app allows:
    how many guesses are actually checked in `seconds` (the throttle refuses the rest
    without checking them)."""
    from vcs_app.domain.model import DomainError, Role
    from vcs_app.services import accounts
    from vcs_app.services.workspace import open_workspace

    path = folder / "bench-sign-in.db"
    for stale in folder.glob(path.name + "*"):
        stale.unlink()
    ws = open_workspace(path, user="bench", create=True)
    try:
        accounts.create_account(ws, "ada.admin", "Ada Admin", Role.ADMIN, "correct horse battery")
        checked = refused = 0
        one = 0.0
        ends = time.perf_counter() + seconds
        while time.perf_counter() < ends:
            started = time.perf_counter()
            try:
                accounts.sign_in(ws, "ada.admin", f"guess number {checked + refused}")
            except DomainError as exc:
                if "Too many" in str(exc):
                    refused += 1
                    time.sleep(0.05)
                else:
                    checked += 1
                    one = max(one, time.perf_counter() - started)
    finally:
        ws.close()
    return {"seconds": seconds, "checked": checked, "refused": refused, "one_check_s": one}


def _child(kind: str, path: Path) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "vcs_app.bench", kind, str(path)],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    if done.returncode != 0:
        tail = done.stderr.strip().splitlines()[-3:] if done.stderr else ["no output"]
        raise RuntimeError(f"bench {kind} on {path.name} failed: {' | '.join(tail)}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _label(n: int) -> str:
    return f"{n // 1_000_000}M" if n % 1_000_000 == 0 else f"{n // 1000}k"


def _machine() -> dict:
    cpu = platform.processor() or platform.machine()
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {
        "date": datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z"),
        "cpu": cpu,
        "cores": os.cpu_count(),
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
    }


def run(sizes: list[int], folder: Path, as_json: bool, *, skip: tuple[str, ...] = ()) -> int:
    report: dict = {"machine": _machine(), "sizes": [_label(n) for n in sizes], "by_size": {}}
    for victims in sizes:
        path = ensure_database(folder, victims)
        size: dict = {"file_mb": round(path.stat().st_size / 1e6)}
        try:
            size.update(_child("measure", path))
            size["startup"] = startup(path)
            size["working_hour"] = _child("working-hour", path)
            if "letters-due" not in skip:
                size["letters_due"] = letters_due(path)
            size["check_s"] = check_seconds(path)
        except RuntimeError as exc:
            print(f"vcs-desk: {exc}", file=sys.stderr)
            return 1
        report["by_size"][_label(victims)] = size
    report["sign_in"] = sign_in_guesses(folder)
    report["machine"]["load_average_after"] = [round(x, 1) for x in os.getloadavg()]
    print(json.dumps(report, indent=2) if as_json else "\n".join(table(report)))
    return 0


def _ms(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}"


def _cell(row: dict) -> str:
    """One operation at one size: the app's wall time (and the GUI thread's share of it)
    against the raw query's."""
    gui = f" (GUI {_ms(row['gui'])})" if row.get("gui") is not None else ""
    raw = f"; raw {_ms(row['raw'])}" if row.get("raw") is not None else ""
    if "first_screen" in row and "key echo max" not in row:
        return f"{_ms(row['first_screen'])} first screen, {_ms(row['app'])} counted{gui}{raw}"
    if "key echo max" in row:
        return (
            f"echo ≤ {_ms(row['key echo max'])} (GUI {_ms(row['gui'])}); last key to"
            f" results {_ms(row['first_screen'])}, counted {_ms(row['app'])}"
        )
    if "longest gap" in row:
        return (
            f"{row['letters']} in {row['seconds']} s; longest gap {_ms(row['longest gap'])}"
            f" (GUI {_ms(row['gui'])})"
        )
    return f"{_ms(row['app'])}{gui}{raw}"


def _verdict(name: str, rows: dict[str, dict]) -> str:
    """Whether the operation meets its targets (DESIGN.md section 8 and issue 21)."""
    missed = []
    at = rows.get("100k")
    if name.startswith("typing"):
        for size, row in rows.items():
            if row["gui"] > TYPING_ECHO_MS:
                missed.append(f"a key waited {_ms(row['gui'])} ms of GUI time at {size}")
        return "; ".join(missed) or f"every key echoed within {TYPING_ECHO_MS} ms of GUI time"
    if name.startswith("letters: 500"):
        for size, row in rows.items():
            if row["gui"] > TARGET_MS:
                missed.append(f"GUI thread busy {_ms(row['gui'])} ms at once at {size}")
        return "; ".join(missed) or f"event loop never held {TARGET_MS} ms by the GUI thread"
    limit = REFRESH_TARGET_MS if name.startswith("window refresh") else TARGET_MS
    if at is not None:
        if at["app"] >= TARGET_MS:
            missed.append(f"{_ms(at['app'])} ms at 100k")
        if at.get("raw") and not name.startswith("open a case") and at["app"] > 3 * at["raw"]:
            missed.append(f"{at['app'] / at['raw']:.1f}x raw at 100k")
        small = rows.get("10k")
        if small and name.startswith("search") and at["app"] > 2 * small["app"]:
            missed.append(f"{at['app'] / small['app']:.1f}x the 10k time")
    big = rows.get("1M")
    if big is not None and big["gui"] >= limit:
        missed.append(f"{_ms(big['gui'])} ms of GUI time at 1M")
    return "missed: " + "; ".join(missed) if missed else "met"


def table(report: dict) -> list[str]:
    """The report as Markdown: per operation and size, the app's time from the action to
    the result painted, its GUI-thread share, the raw query's time, and the verdict."""
    sizes = report["sizes"]
    machine = report["machine"]
    lines = [
        f"Measured {machine['date']} on {machine['cpu']} ({machine['cores']} cores; load"
        f" average {machine['load_average'][0]} at the start,"
        f" {machine.get('load_average_after', ['?'])[0]} at the end), Python"
        f" {machine['python']}, SQLite {machine['sqlite']}; medians of {REPEATS} runs"
        " interleaved with the raw query; milliseconds unless stated.",
        "",
        "| operation | " + " | ".join(sizes) + " | targets |",
        "|---|" + "---|" * (len(sizes) + 1),
    ]
    names = list(report["by_size"][sizes[0]]["results"])
    for name in names:
        short = name.split(" (")[0]
        rows = {}
        for s in sizes:
            results = report["by_size"][s]["results"]
            found = [v for k, v in results.items() if k.split(" (")[0] == short]
            if found:
                rows[s] = found[0]
        cells = [_cell(rows[s]) if s in rows else "" for s in sizes]
        found_counts = ", ".join(
            k.split("(", 1)[1].rstrip(")")
            for s in sizes
            for k in report["by_size"][s]["results"]
            if k.split(" (")[0] == short and "(" in k
        )
        label = short + (f" ({found_counts})" if found_counts else "")
        lines.append(f"| {label} | " + " | ".join(cells) + f" | {_verdict(name, rows)} |")
    start = {s: report["by_size"][s]["startup"] for s in sizes}
    slow = [
        f"{_ms(v['app'])} ms at {s}" for s, v in start.items() if s == "1M" and v["app"] >= 1000
    ]
    lines.append(
        "| process start to first screen | "
        + " | ".join(f"{_ms(v['app'])}; raw {_ms(v['raw'])}" for v in start.values())
        + f" | {'missed: ' + slow[0] if slow else 'under 1 s at 1M'} |"
    )
    hour = {s: report["by_size"][s]["working_hour"] for s in sizes}
    big = [f"{v['peak_rss_mb']:.0f} MB at {s}" for s, v in hour.items() if v["peak_rss_mb"] >= 300]
    lines.append(
        "| peak RSS over a scripted working hour | "
        + " | ".join(f"{v['peak_rss_mb']:.0f} MB" for v in hour.values())
        + f" | {'missed: ' + ', '.join(big) if big else 'under 300 MB'} |"
    )
    due = {s: report["by_size"][s].get("letters_due") for s in sizes}
    per = [v["ms_per_letter"] for v in due.values() if v]
    linear = len(per) < 2 or max(per) <= 1.5 * min(per)
    lines.append(
        "| `letters --due` | "
        + " | ".join(
            f"{v['letters']:,} letters in {v['seconds']:,.0f} s ({v['ms_per_letter']} ms each)"
            if v
            else "not run"
            for v in due.values()
        )
        + f" | {'linear (time per letter within 1.5x)' if linear else 'missed: not linear'} |"
    )
    lines.append(
        "| `check` (integrity, structure, keyed audit trail, anchors, every sealed row) | "
        + " | ".join(f"{report['by_size'][s].get('check_s', 0):.1f} s" for s in sizes)
        + " | (no target) |"
    )
    guesses = report.get("sign_in")
    if guesses:
        lines += [
            "",
            f"Sign-in guessing: {guesses['checked']} wrong passwords checked and"
            f" {guesses['refused']} refused unchecked in {guesses['seconds']} s for one"
            f" username (one check {guesses['one_check_s']:.2f} s).",
        ]
    return lines


CHILDREN = {
    "measure": measure,
    "working-hour": working_hour,
}

if __name__ == "__main__":
    kind, where = sys.argv[1], Path(sys.argv[2])
    if kind == "first-screen":
        first_screen(where)
    elif kind == "raw-first-screen":
        raw_first_screen(where)
    else:
        print(json.dumps(CHILDREN[kind](where)))
