"""Side-by-side harness: a "window" process keeps the caseload open and writes, while other
processes run the headless commands on the same file. Nothing acknowledged may be lost,
the file must stay intact, and the window's journal must never be deleted under it.

    python -m tests.storage.side_by_side --rounds 1000      # from the project root

The window process is the app without widgets: it holds the single-copy lock, one
long-lived connection writing liaison notes, worker connections (one per batch, as the
window's background jobs open) writing key dates, the start-up integrity check and
automatic backups. It acknowledges each committed write on stdout, and after every write
it looks at its own descriptors: a `-wal`/`-shm` it holds open but that is gone from disk
means another process deleted its journal. tests/storage/test_side_by_side.py runs 200
rounds of this in the normal test run.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

TODAY = date(2026, 11, 26)  # the tests' fixed day (tests/fixed_day.py)

from vcs_app.domain.model import DomainError, KeyDate, LiaisonEntry  # noqa: E402
from vcs_app.services import backups, cases, liaison, referral_import, sentences  # noqa: E402
from vcs_app.services.workspace import (  # noqa: E402
    lock_database,
    open_workspace,
    worker_workspace,
)

WINDOW_USER = "window.vlo"
NOTE_PREFIX = "Side by side note "
IMPORT_FAMILY = "Sidebyside"

# Each command beside the open window, and what it must do there: "runs" (exit 0), or
# "refused" (exit 1 with exactly one line on stderr, file untouched). README lists these.
COMMANDS: dict[str, str] = {
    "due": "runs",
    "check": "runs",
    "import": "runs",
    "letters": "runs",
    "backup": "runs",
    "report": "runs",
    "restore": "refused",
}


# --- the window process --------------------------------------------------------------


def deleted_companions(db: Path, pid: int | str = "self") -> list[str]:
    """This caseload's files that process `pid` holds open but that are gone from disk."""
    found = []
    fd_dir = Path(f"/proc/{pid}/fd")
    try:
        fds = os.listdir(fd_dir)
    except OSError:
        return found
    for fd in fds:
        try:
            target = os.readlink(fd_dir / fd)
        except OSError:
            continue
        if target.startswith(str(db)) and target.endswith("(deleted)"):
            found.append(target)
    return found


def _say(lock: threading.Lock, *parts: object) -> None:
    with lock:
        print(*parts, flush=True)


def window(db: Path, backup_folder: Path, seed: int) -> None:
    """Write until stdin closes; one line per committed write, 'lost …' if the journal
    was deleted under us, 'refused …' when a write was refused (e.g. busy)."""
    lock = lock_database(db)
    ws = open_workspace(db, user=WINDOW_USER, on=TODAY)
    case_id = cases.caseload_ids(ws)[0]
    offender_id = cases.open_case(ws, case_id).offender.id
    out = threading.Lock()
    stop = threading.Event()
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()

    def worker_writes() -> None:
        rng = random.Random(seed + 1)
        n = 0
        while not stop.is_set():
            with worker_workspace(ws) as other:  # a background job's own connection
                for _ in range(rng.randint(1, 4)):
                    n += 1
                    value = date(2030, 1, 1) + timedelta(days=rng.randrange(20_000))
                    kind = rng.choice(("CRD", "SED", "LED", "PED"))
                    try:
                        changed = sentences.record_key_date(
                            other, KeyDate(offender_id, kind, value), origin="side by side"
                        )
                    except DomainError as exc:
                        _say(out, "refused", "keydate", str(exc).replace("\n", " ")[:80])
                        continue
                    _say(out, "keydate", changed.record_id, kind, value.isoformat())
                if rng.random() < 0.2:  # the start-up check the window runs in a worker
                    problem = backups.damage_in(other.path)
                    _say(out, "checked", "ok" if problem is None else problem)
            time.sleep(rng.uniform(0, 0.05))

    thread = threading.Thread(target=worker_writes, daemon=True)
    thread.start()
    rng = random.Random(seed)
    _say(out, "ready", case_id, offender_id)
    n = 0
    while not stop.is_set():
        n += 1
        text = f"{NOTE_PREFIX}s{seed}n{n}"
        try:
            liaison.log_liaison(ws, LiaisonEntry(case_id, TODAY, "to", "om", "email", summary=text))
            _say(out, "note", text.removeprefix(NOTE_PREFIX))
        except DomainError as exc:
            _say(out, "refused", "note", str(exc)[:80])
        if rng.random() < 0.03:
            try:
                done = backups.back_up(ws, backup_folder, keep_rotation=True)
                _say(out, "backup", done.backup.path.name)
            except DomainError as exc:
                _say(out, "refused", "backup", str(exc)[:80])
        for name in deleted_companions(db):
            _say(out, "lost", name)
        time.sleep(rng.uniform(0, 0.03))
    thread.join(timeout=30)
    ws.close()
    lock.release()
    _say(out, "closed")


# --- the parent: commands beside, then checks ------------------------------------------


@dataclass
class Figures:
    rounds: int = 0
    by_command: Counter = field(default_factory=Counter)
    refused: Counter = field(default_factory=Counter)
    notes: int = 0
    key_dates: int = 0
    imported: int = 0
    window_refusals: list[str] = field(default_factory=list)
    backups: int = 0
    checks: int = 0
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"{self.rounds} commands beside the window in {self.seconds:.0f} s "
            f"({dict(sorted(self.by_command.items()))}); acknowledged: {self.notes} notes "
            f"from the window's connection, {self.key_dates} key dates from worker "
            f"connections, {self.imported} imported referrals; {self.backups} backups and "
            f"{self.checks} start-up checks in the window; refused as intended: "
            f"{dict(self.refused)}; window writes refused: {len(self.window_refusals)}; "
            f"failures: {len(self.failures)}"
        )


def _main(*args: str) -> list[str]:
    return [sys.executable, str(ROOT / "main.py"), *args]


def _child(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.storage.side_by_side", *args],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def _import_file(folder: Path, token: str, size: int, seed: int) -> Path:
    rows = referral_import.synthetic_rows(size, seed=seed, today=TODAY)
    for i, row in enumerate(rows):
        row.update(
            victim_given_name=f"Row{i}",
            victim_family_name=f"{IMPORT_FAMILY} {token}",
            offender_given_name=f"Row{i}",
            offender_family_name=f"Sideoffender {token}",
            crn="",
            nomis="",
        )
    path = folder / f"{token}.csv"
    path.write_bytes(referral_import.write_csv(rows))
    return path


def _command(kind: str, db: Path, work: Path, n: int, rng: random.Random) -> list[str]:
    day = TODAY.isoformat()
    if kind == "due":
        return _main("due", "--db", str(db), "--on", day)
    if kind == "check":
        return _main("check", "--db", str(db))
    if kind == "import":
        size = rng.randint(1, 5)
        path = _import_file(work, f"t{n}k{size}", size, seed=n)
        return _main("import", "--db", str(db), str(path))
    if kind == "letters":
        return _main(
            "letters", "--db", str(db), "--out", str(work / f"letters{n}"), "--due", "--on", day
        )
    if kind == "backup":
        return _main("backup", "--db", str(db), "--to", str(work / "cli-backups"))
    if kind == "report":
        return _main(
            "report",
            "--db",
            str(db),
            "--from",
            "2026-01-01",
            "--to",
            day,
            "--out",
            str(work / f"report{n}.csv"),
        )
    if kind == "restore":
        copies = sorted((work / "cli-backups").glob("*.db"))
        source = copies[-1] if copies else db
        return _main("restore", "--db", str(db), "--from", str(source))
    raise ValueError(kind)


def _run_commands(
    db: Path,
    work: Path,
    kinds: list[str],
    window_pid: int,
    figures: Figures,
    lock: threading.Lock,
    seed: int,
) -> None:
    rng = random.Random(seed)
    for n, kind in enumerate(kinds):
        number = seed * 100_000 + n
        done = subprocess.run(
            _command(kind, db, work, number, rng),
            capture_output=True,
            text=True,
            timeout=300,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )
        lines = [line for line in done.stderr.splitlines() if line.strip()]
        with lock:
            figures.rounds += 1
            figures.by_command[kind] += 1
            expected = COMMANDS[kind]
            if expected == "runs" and done.returncode != 0:
                figures.failures.append(f"{kind} failed beside the window: {done.stderr[-300:]}")
            elif expected == "refused":
                if done.returncode == 0 or len(lines) != 1:
                    figures.failures.append(
                        f"{kind} was not refused in one line: exit {done.returncode}, "
                        f"{len(lines)} lines: {done.stderr[-300:]}"
                    )
                else:
                    figures.refused[kind] += 1
            if kind == "import" and done.returncode == 0:
                figures.imported += int(done.stdout.split()[1])
            for name in deleted_companions(db, window_pid):
                figures.failures.append(f"after {kind}: the window's {name}")


def run_harness(db: Path, rounds: int, *, seed: int = 1, streams: int = 2) -> Figures:
    """`rounds` commands (in `streams` parallel command runners) beside a writing window;
    then every acknowledged write is looked for and the file checked."""
    started = time.perf_counter()
    work = db.parent / f"{db.stem}-work"
    work.mkdir(exist_ok=True)
    subprocess.run(
        _main("demo", "--db", str(db), "--victims", "30", "--on", TODAY.isoformat()),
        check=True,
        capture_output=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    figures = Figures()
    win = _child(
        "window", "--db", str(db), "--backups", str(work / "window-backups"), "--seed", str(seed)
    )
    assert win.stdout is not None and win.stdin is not None
    first = win.stdout.readline().split()
    if not first or first[0] != "ready":
        win.kill()
        raise RuntimeError(f"the window process did not start: {first} {win.stderr.read()}")
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(win.stdout), daemon=True)
    reader.start()
    # Every command kind in turn, restore among them; imports only in the first stream
    # (two imports at once are a separate test: the second is refused).
    rng = random.Random(seed)
    kinds = [k for k in COMMANDS if k != "import"]
    plan: list[list[str]] = [[] for _ in range(streams)]
    for n in range(rounds):
        stream = n % streams
        kind = "import" if stream == 0 and n % 7 == 0 else rng.choice(kinds)
        plan[stream].append(kind)
    lock = threading.Lock()
    runners = [
        threading.Thread(
            target=_run_commands, args=(db, work, plan[i], win.pid, figures, lock, seed * 10 + i)
        )
        for i in range(streams)
    ]
    for runner in runners:
        runner.start()
    for runner in runners:
        runner.join()
    win.stdin.close()
    try:
        win.wait(timeout=120)
    except subprocess.TimeoutExpired:
        win.kill()
        figures.failures.append("the window process did not stop")
    reader.join(timeout=10)
    err = win.stderr.read() if win.stderr else ""
    if win.returncode != 0:
        figures.failures.append(f"the window process failed: {err[-500:]}")
    figures.failures += _verify(db, lines, figures)
    figures.seconds = time.perf_counter() - started
    return figures


def _verify(db: Path, lines: list[str], figures: Figures) -> list[str]:
    problems: list[str] = []
    notes: set[str] = set()
    key_dates: set[int] = set()
    for line in lines:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "note":
            notes.add(parts[1])
        elif parts[0] == "keydate":
            key_dates.add(int(parts[1]))
        elif parts[0] == "lost":
            problems.append(f"the window saw its journal deleted: {parts[1]}")
        elif parts[0] == "refused":
            figures.window_refusals.append(line)
        elif parts[0] == "backup":
            figures.backups += 1
        elif parts[0] == "checked":
            figures.checks += 1
            if parts[1] != "ok":
                problems.append(f"the window's start-up check found: {line}")
    if "closed" not in [line.strip() for line in lines]:
        problems.append("the window process did not close cleanly")
    figures.notes, figures.key_dates = len(notes), len(key_dates)
    ws = open_workspace(db, user="verifier", on=TODAY)
    try:
        db_ = ws.store.db
        rows = db_.execute("PRAGMA integrity_check").fetchall()
        if [r[0] for r in rows] != ["ok"]:
            problems.append(f"integrity_check: {rows[0][0]}")
        stored = {
            r[0].removeprefix(NOTE_PREFIX)
            for r in db_.execute(
                "SELECT summary FROM liaison_entry WHERE summary LIKE ?", [NOTE_PREFIX + "%"]
            )
        }
        problems += [f"acknowledged note {n} is missing" for n in sorted(notes - stored)]
        ids = {r[0] for r in db_.execute("SELECT id FROM key_date")}
        problems += [f"acknowledged key date {i} is missing" for i in sorted(key_dates - ids)]
        imported = db_.execute(
            "SELECT count(*) FROM victim WHERE family_name LIKE ?", [IMPORT_FAMILY + " %"]
        ).fetchone()[0]
        if imported != figures.imported:
            problems.append(f"{figures.imported} referrals reported imported, {imported} on file")
    finally:
        ws.close()
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode")
    child = sub.add_parser("window")
    child.add_argument("--db", type=Path, required=True)
    child.add_argument("--backups", type=Path, required=True)
    child.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--streams", type=int, default=2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.mode == "window":
        window(args.db, args.backups, args.seed)
        return 0
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        figures = run_harness(
            Path(tmp) / "side.db", args.rounds, seed=args.seed, streams=args.streams
        )
    print(figures.summary())
    for failure in figures.failures[:20]:
        print("FAIL", failure)
    return 1 if figures.failures else 0


if __name__ == "__main__":
    sys.exit(main())
