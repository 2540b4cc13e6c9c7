"""`python main.py bench`: how the app's interactive operations scale from 10k to 100k.

Each database size is measured in a fresh child process (clean memory figure, cold
window), offscreen. Every operation is timed as the median of several runs and compared
with the raw SQLite queries that return the same rows, so the figure says how much the
app adds on top of the database. Timings are noisy on shared machines: read ratios
measured in one run, not absolute numbers from different runs.
"""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

REPEATS = 7
SEARCH_TERMS = ("bev", "cadw", "pry", "x0001", "treh", "oken", "lowri")
TODAY = date(2026, 11, 26)
OPERATIONS = ("startup", "search", "open_case", "due_today", "letters_500")
LETTERS = 500
LETTER_TEMPLATE = "sentence_explanation"  # one most opted-in demo cases may receive
# What the raw figure is for each operation, where it is not the obvious query.
NOTES = {
    "due_today": "dashboard first screen (counts + first page) vs the same SQL",
    "letters_500": "batch in a worker, not GUI-thread work: review, approve and PDF vs "
    "raw SQL reading the same 500 cases (rendering and PDF are all app work)",
}


def _median_ms(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    fn()  # warm-up: first-touch costs (page cache, imports) are not what we compare
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# --- raw SQLite: the same rows with no app on top -------------------------------------


def _raw_connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA cache_size = -32000")
    return conn


def _raw_page(conn: sqlite3.Connection, ids: list[int]) -> list[tuple]:
    from vcs_app.storage.repo_caseload import _ROW_SQL

    return conn.execute(_ROW_SQL, {"ids": json.dumps(ids), "today": TODAY.isoformat()}).fetchall()


def _raw_caseload(conn: sqlite3.Connection, text: str = "") -> list[tuple]:
    from vcs_app.storage.repo_caseload import caseload_query

    sql, params = caseload_query(text=text)
    ids = [r[0] for r in conn.execute(sql, params)]
    return _raw_page(conn, ids[:40])


def _raw_case(conn: sqlite3.Connection, case_id: int) -> list:
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
        conn.execute("SELECT * FROM audit WHERE link_id = ? ORDER BY id DESC", one).fetchall(),
    ]


def _raw_due(conn: sqlite3.Connection) -> list:
    """The dashboard's first screen in SQL: the exact counts, then the first page."""
    from vcs_app.storage import repo_dashboard

    until = TODAY + timedelta(days=7)
    params = {"first": date.min.isoformat(), "last": until.isoformat(), "vlo": None}
    counts = conn.execute(repo_dashboard.COUNT_SQL, {**params, "on": TODAY.isoformat()})
    page = repo_dashboard.PAGE_SQL + " ORDER BY t.due_on, t.link_id, t.id LIMIT 100"
    ids = [r[0] for r in conn.execute(page, params)]
    rows = conn.execute(
        "SELECT t.id, l.id, l.ref, v.family_name, v.given_name, t.title, t.due_on, l.vlo,"
        " t.rule_text FROM task t JOIN link l ON l.id = t.link_id"
        " JOIN victim v ON v.id = l.victim_id WHERE t.id IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),),
    )
    return [counts.fetchall(), rows.fetchall()]


# --- one database, measured in this process -------------------------------------------


def measure_one(path: Path) -> dict:
    """Time each operation against `path` (run in a child process by `run`)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from vcs_app.qt.main_window import MainWindow
    from vcs_app.services.workspace import open_workspace

    app = QApplication.instance() or QApplication([])
    results: dict[str, dict[str, float | None]] = {}
    raw = _raw_connect(path)

    def visible_rows(window: MainWindow) -> None:
        model = window.caseload.model
        for row in range(min(40, model.rowCount())):
            for column in range(model.columnCount()):
                model.index(row, column).data()

    windows = []

    def startup() -> None:
        ws = open_workspace(path, user="bench")
        window = MainWindow(ws, remember_layout=False)
        window.resize(1280, 800)
        window.show()
        visible_rows(window)
        app.processEvents()
        windows.append((window, ws))

    startup()
    rss = _rss_mb()  # one window on the database, as a VLO has it
    results["startup"] = {
        "app": _median_ms(startup, 5),
        "raw": _median_ms(lambda: _raw_caseload(_raw_connect(path)), 5),
    }
    for window, ws in windows[:-1]:
        window.close()
        window.deleteLater()
        ws.close()
    app.processEvents()
    window, ws = windows[-1]

    terms = iter(SEARCH_TERMS * 10)

    def search() -> None:
        window.caseload.search.setText(next(terms))
        window.caseload.apply_filter()
        visible_rows(window)

    raw_terms = iter(SEARCH_TERMS * 10)
    results["search"] = {
        "app": _median_ms(search),
        "raw": _median_ms(lambda: _raw_caseload(raw, next(raw_terms))),
    }
    window.caseload.search.setText("")
    window.caseload.apply_filter()

    model = window.caseload.model
    picks = iter([model.case_id(i * 97 % model.rowCount()) for i in range(20)])

    def open_case() -> None:
        view = window.open_case(next(picks))
        app.processEvents()
        window.close_tab(window.tabs.indexOf(view))

    raw_picks = iter([model.case_id(i * 97 % model.rowCount()) for i in range(20)])
    results["open_case"] = {
        "app": _median_ms(open_case),
        "raw": _median_ms(lambda: _raw_case(raw, next(raw_picks))),
    }
    board = window.dashboard
    board._today = lambda: TODAY

    def due_today() -> None:
        board.refresh()
        for row in range(min(40, board.model.rowCount())):
            for column in range(board.model.columnCount()):
                board.model.index(row, column).data()

    results["due_today"] = {
        "app": _median_ms(due_today),
        "raw": _median_ms(lambda: _raw_due(raw)),
    }
    results["letters_500"] = _letters_500(
        path, raw, [model.case_id(i) for i in range(min(1500, model.rowCount()))]
    )
    window.close()
    ws.close()
    return {"results": results, "rss_mb": rss}


def _letters_500(path: Path, raw: sqlite3.Connection, candidates: list[int]) -> dict:
    """500 letters to PDF through the batch services and the Qt print adapter, as the
    batch screen's worker runs them, on a copy of the database (the bench files stay
    as built). Timed once: it is seconds of work, not a keystroke."""
    from vcs_app.services import letters
    from vcs_app.services.workspace import make_separate, open_workspace

    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "letters.db"
        with sqlite3.connect(copy) as target:  # a consistent copy, WAL included
            raw.backup(target)
        make_separate(copy, user="bench")  # its letters must not move the original's anchor
        ws = open_workspace(copy, user="bench")
        try:
            review = letters.review_batch(ws, candidates, LETTER_TEMPLATE, on=TODAY)
            ids = [d.link_id for d in review.ready][:LETTERS]
            start = time.perf_counter()
            review = letters.review_batch(ws, ids, LETTER_TEMPLATE, on=TODAY)
            batch_id = letters.approve_batch(ws, review)
            result = letters.produce_batch(ws, batch_id, folder=Path(folder) / "pdf", on=TODAY)
            app_ms = (time.perf_counter() - start) * 1000
        finally:
            ws.close()
    if len(result.produced) != len(ids):
        raise RuntimeError(f"letters_500 produced {result.summary()}")
    if len(ids) < LETTERS:  # a small database: a smaller batch, not a comparable figure
        return {"app": None, "raw": None}
    return {"app": app_ms, "raw": _median_ms(lambda: [_raw_case(raw, i) for i in ids], 3)}


# --- orchestration --------------------------------------------------------------------


def ensure_database(folder: Path, victims: int) -> Path:
    """Build (or reuse) a deterministic demo database of `victims` victims."""
    from vcs_app.services.demo import create_demo_file

    path = folder / f"bench-{victims}.db"
    if path.exists():
        return path
    started = time.perf_counter()
    create_demo_file(path, victims=victims, seed=1, on=TODAY, user="bench")
    print(f"built {path} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return path


def _check_seconds(folder: Path, victims: int) -> float:
    """A real `python main.py check` of the benchmark file, start to end."""
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(Path(__file__).resolve().parents[1] / "main.py"),
            "check",
            "--db",
            str(ensure_database(folder, victims)),
        ],
        capture_output=True,
        check=False,
    )
    return time.perf_counter() - started


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


def _label(n: int) -> str:
    return f"{n // 1000}k" if n % 1000 == 0 else str(n)


def run(sizes: list[int], folder: Path, as_json: bool) -> int:
    measured = {}
    for victims in sizes:
        path = ensure_database(folder, victims)
        child = subprocess.run(
            [sys.executable, "-m", "vcs_app.bench", str(path)],
            capture_output=True,
            text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        if child.returncode != 0:
            print(child.stderr.strip().splitlines()[-1] if child.stderr else "bench failed")
            return 1
        measured[victims] = json.loads(child.stdout.strip().splitlines()[-1])
    small, large = min(sizes), max(sizes)
    report = {"sizes": sizes, "operations": {}, "notes": NOTES, "rss_mb": {}}
    for victims in sizes:
        report["rss_mb"][_label(victims)] = round(measured[victims]["rss_mb"], 1)
    lines = []
    for op in OPERATIONS:
        a = measured[small]["results"][op]
        b = measured[large]["results"][op]
        if a["app"] is None or b["app"] is None:
            lines.append(f"{op}: not measured (too few cases for a {LETTERS}-letter batch)")
            report["operations"][op] = None
            continue
        growth = b["app"] / a["app"] if a["app"] else float("nan")
        vs_raw = b["app"] / b["raw"] if b["raw"] else float("nan")
        report["operations"][op] = {
            _label(small): round(a["app"], 2),
            _label(large): round(b["app"], 2),
            "growth": round(growth, 2),
            "vs_raw": round(vs_raw, 2),
            "raw_" + _label(large): round(b["raw"], 2),
        }
        lines.append(
            f"{op}: {_label(small)} {a['app']:.1f} ms, {_label(large)} {b['app']:.1f} ms, "
            f"growth {growth:.2f}x, vs raw sqlite {vs_raw:.1f}x"
            + (f"  ({NOTES[op]})" if op in NOTES else "")
        )
    lines.append("memory: " + ", ".join(f"{k} {v:.0f} MB RSS" for k, v in report["rss_mb"].items()))
    report["check_s"] = {_label(n): round(_check_seconds(folder, n), 1) for n in sizes}
    lines.append(
        "check: "
        + ", ".join(f"{k} {v:.1f} s" for k, v in report["check_s"].items())
        + "  (`python main.py check`: integrity, structure, keyed audit trail, anchors, every"
        " sealed row)"
    )
    report["sign_in"] = sign_in_guesses(folder)
    guesses = report["sign_in"]
    lines.append(
        f"sign_in: {guesses['checked']} wrong passwords checked and {guesses['refused']} refused"
        f" unchecked in {guesses['seconds']} s for one username (one check"
        f" {guesses['one_check_s']:.2f} s)"
    )
    print(json.dumps(report, indent=2) if as_json else "\n".join(lines))
    return 0


if __name__ == "__main__":  # child process: measure one database, print JSON
    print(json.dumps(measure_one(Path(sys.argv[1]))))
