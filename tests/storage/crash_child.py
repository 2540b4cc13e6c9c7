"""Crash harness: a child process writes through the services and acknowledges every
commit on stdout; the parent SIGKILLs it at a random moment, reopens the file and checks
that it is intact, that every acknowledged write is there and that no import is partial.

    python -m tests.storage.crash_child --rounds 1000     # from the project root

tests/storage/test_crash.py runs 50 rounds of the same harness in the normal test run,
plus kills during a backup (`VACUUM INTO`).
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


TODAY = date(2026, 11, 26)  # the tests' fixed day (tests/fixed_day.py)

from vcs_app.domain.model import (  # noqa: E402
    DomainError,
    KeyDate,
    LiaisonEntry,
    Link,
    Offender,
    Victim,
)
from vcs_app.services import cases, referral_import, sentences  # noqa: E402
from vcs_app.services.workspace import open_workspace  # noqa: E402
from vcs_app.storage import audit  # noqa: E402

CHILD_USER = "crash.child"
NOTE_PREFIX = "Crash harness note "
BATCH_FAMILY = "Crashbatch"
KEY_DATE_KINDS = ("CRD", "SED", "LED", "PED")
MAX_OPS = 5000  # a child that was never killed stops on its own
_BATCH = re.compile(rf"^{BATCH_FAMILY} (?P<token>\S+)k(?P<k>\d+)$")


# --- the child: writes and acknowledges ------------------------------------------------


def _ack(*parts: object) -> None:
    print(*parts, flush=True)


def _import_batch(ws, token: str, size: int, seed: int) -> None:
    """A CSV of `size` referrals imported all-or-nothing; every victim carries the token."""
    rows = referral_import.synthetic_rows(size, seed=seed, today=TODAY)
    for i, row in enumerate(rows):
        row.update(
            victim_given_name=f"Row{i}",
            victim_family_name=f"{BATCH_FAMILY} {token}k{size}",
            offender_given_name=f"Row{i}",
            offender_family_name=f"Crashoffender {token}",
            crn="",
            nomis="",
        )
    report = referral_import.import_referrals(
        ws, referral_import.write_csv(rows), file_name=f"{token}.csv"
    )
    if not report.committed:
        problem = report.problems[0].message if report.problems else "not committed"
        raise SystemExit(f"the harness's own import was refused: {problem}")


def child_writes(db: Path, seed: int, case_id: int, offender_id: int) -> None:
    """Write until killed; one line on stdout after each commit returns."""
    ws = open_workspace(db, user=CHILD_USER)
    rng = random.Random(seed)
    _ack("ready")
    for n in range(1, MAX_OPS + 1):
        token = f"s{seed}n{n}"
        op = rng.choices(("note", "keydate", "import"), weights=(5, 3, 2))[0]
        if op == "note":
            entry = LiaisonEntry(
                link_id=case_id,
                happened_on=TODAY,
                direction="to",
                party="om",
                channel="email",
                summary=f"{NOTE_PREFIX}{token}",
            )
            cases.add_liaison_entry(ws, entry)
            _ack("note", token)
        elif op == "keydate":
            kind = rng.choice(KEY_DATE_KINDS)
            value = date(2030, 1, 1) + timedelta(days=rng.randrange(20_000))
            try:
                changed = sentences.record_key_date(
                    ws, KeyDate(offender_id, kind, value), origin="crash harness"
                )
            except DomainError:  # the same date again: nothing to record
                continue
            _ack("keydate", changed.record_id, kind, value.isoformat())
        else:
            size = rng.randint(2, 12)
            _import_batch(ws, token, size, seed * 100_000 + n)
            _ack("import", token, size)
    ws.close()


def child_backs_up(db: Path, folder: Path) -> None:
    """Make backups one after another until killed."""
    from vcs_app.services import backups

    ws = open_workspace(db, user=CHILD_USER)
    _ack("ready")
    for _ in range(MAX_OPS):
        done = backups.back_up(ws, folder, keep_rotation=False)
        _ack("backup", done.backup.path.name)
    ws.close()


# --- the parent: kills and checks ------------------------------------------------------


@dataclass
class Acknowledged:
    notes: set[str] = field(default_factory=set)
    key_dates: set[tuple[int, str, str]] = field(default_factory=set)
    imports: dict[str, int] = field(default_factory=dict)

    def add(self, line: str) -> None:
        parts = line.split()
        if not parts or parts[0] == "ready":
            return
        if parts[0] == "note":
            self.notes.add(parts[1])
        elif parts[0] == "keydate":
            self.key_dates.add((int(parts[1]), parts[2], parts[3]))
        elif parts[0] == "import":
            self.imports[parts[1]] = int(parts[2])
        else:
            raise ValueError(f"unexpected line from the child: {line!r}")

    @property
    def total(self) -> int:
        return len(self.notes) + len(self.key_dates) + len(self.imports)


@dataclass
class Figures:
    rounds: int = 0
    kills: int = 0  # rounds that ended with the child killed (not exited by itself)
    acknowledged: int = 0  # distinct acknowledged writes at the end
    by_kind: str = ""  # notes / key dates / imports among them
    checked: int = 0  # acknowledged writes checked, summed over rounds
    batches_seen: int = 0  # imports found in the file at the end (acknowledged or not)
    failures: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        return (
            f"{self.rounds} rounds, {self.kills} kills, {self.acknowledged} acknowledged writes"
            f" ({self.by_kind}; {self.checked} checks), {self.batches_seen} imports in the file,"
            f" {len(self.failures)} failures, {self.seconds:.1f} s"
        )


def prepare(db: Path) -> tuple[int, int]:
    """A new database with one synthetic case; returns (case id, offender id)."""
    ws = open_workspace(db, user="crash.parent", create=True)
    try:
        victim_id = cases.create_victim(ws, Victim("Ceri", "Prydderch", dob=date(1980, 5, 1)))
        offender_id = cases.create_offender(ws, Offender("Dorian", "Quayle", crn="X123456"))
        case_id = cases.create_link(
            ws,
            Link(victim_id, offender_id, "Wounding with intent", TODAY - timedelta(days=3)),
        )
    finally:
        ws.close()
    return case_id, offender_id


def _child(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )


def verify(db: Path, acked: Acknowledged) -> tuple[list[str], int]:
    """Problems found in the file after a crash, and how many batches it holds."""
    ws = open_workspace(db, user="crash.parent")
    try:
        problems = list(ws.store.integrity_problems())
        chain = audit.chain_problem(ws.store.db)
        if chain:
            problems.append(chain)
        sql = ws.store.db.execute
        notes = {
            r[0].removeprefix(NOTE_PREFIX)
            for r in sql(
                "SELECT summary FROM liaison_entry WHERE summary LIKE ?", [NOTE_PREFIX + "%"]
            )
        }
        problems += [f"acknowledged note {t} is missing" for t in sorted(acked.notes - notes)]
        dates = {
            (r[0], r[1], r[2])
            for r in sql("SELECT id, kind, value FROM key_date WHERE recorded_by = ?", [CHILD_USER])
        }
        problems += [
            f"acknowledged key date {d} is missing" for d in sorted(acked.key_dates - dates)
        ]
        batches: dict[str, tuple[int, int, int]] = {}
        for family, victims, links in sql(
            "SELECT v.family_name, count(DISTINCT v.id), count(l.id) FROM victim v"
            " LEFT JOIN link l ON l.victim_id = v.id WHERE v.family_name LIKE ?"
            " GROUP BY v.family_name",
            [BATCH_FAMILY + " %"],
        ):
            match = _BATCH.match(family)
            if match is None:
                problems.append(f"unexpected batch name {family!r}")
                continue
            batches[match["token"]] = (int(match["k"]), victims, links)
        for token, (size, victims, links) in batches.items():
            if victims != size or links != size:
                problems.append(
                    f"partial import {token}: {victims} victims, {links} cases of {size}"
                )
        problems += [
            f"acknowledged import {t} is missing" for t in acked.imports if t not in batches
        ]
    finally:
        ws.close()
    return problems, len(batches)


def run_round(
    db: Path, seed: int, case_id: int, offender_id: int, rng: random.Random, max_delay: float
) -> tuple[list[str], bool, str]:
    """One child, killed after a random delay; returns (lines, killed, stderr)."""
    proc = _child("child", "--db", str(db), "--seed", str(seed), "--case", str(case_id),
                  "--offender", str(offender_id))  # fmt: skip
    assert proc.stdout is not None
    if rng.random() < 0.1:  # sometimes while it is still opening the file
        time.sleep(rng.uniform(0, 0.4))
    else:
        proc.stdout.readline()  # "ready"
        time.sleep(rng.uniform(0, max_delay))
    proc.kill()  # SIGKILL on POSIX: no clean-up, no flush, no atexit
    out, err = proc.communicate()
    killed = proc.returncode < 0 or sys.platform == "win32"
    # A line cut by the kill (no newline yet) was never acknowledged.
    lines = out.split("\n")[:-1]
    return lines, killed, err


def run_harness(
    db: Path, rounds: int, *, seed: int = 1, max_delay: float = 0.25, report=None
) -> Figures:
    """Kill a writing child `rounds` times and check the file after each kill."""
    started = time.perf_counter()
    rng = random.Random(seed)
    case_id, offender_id = prepare(db)
    acked = Acknowledged()
    figures = Figures()
    for round_no in range(1, rounds + 1):
        lines, killed, err = run_round(db, seed * 10_000 + round_no, case_id, offender_id, rng,
                                       max_delay)  # fmt: skip
        for line in lines:
            acked.add(line)
        figures.rounds += 1
        figures.kills += killed
        if not killed:
            figures.failures.append(f"round {round_no}: the child exited by itself: {err.strip()}")
        problems, figures.batches_seen = verify(db, acked)
        figures.checked += acked.total
        figures.failures += [f"round {round_no}: {p}" for p in problems]
        if report is not None and round_no % 50 == 0:
            report(f"round {round_no}: {acked.total} acknowledged writes, all present so far")
    figures.acknowledged = acked.total
    figures.by_kind = (
        f"{len(acked.notes)} notes, {len(acked.key_dates)} key dates, {len(acked.imports)} imports"
    )
    figures.seconds = time.perf_counter() - started
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode")
    child = sub.add_parser("child")
    child.add_argument("--db", type=Path, required=True)
    child.add_argument("--seed", type=int, required=True)
    child.add_argument("--case", type=int, required=True)
    child.add_argument("--offender", type=int, required=True)
    backup = sub.add_parser("backup")
    backup.add_argument("--db", type=Path, required=True)
    backup.add_argument("--to", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, default=None, help="database file to keep")
    args = parser.parse_args(argv)
    if args.mode == "child":
        child_writes(args.db, args.seed, args.case, args.offender)
        return 0
    if args.mode == "backup":
        child_backs_up(args.db, args.to)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        db = args.keep or Path(tmp) / "crash.db"
        figures = run_harness(db, args.rounds, seed=args.seed, report=print)
        size = db.stat().st_size
    print(figures.summary() + f"; file {size / 1_048_576:.1f} MB")
    for failure in figures.failures[:20]:
        print("FAIL", failure)
    return 1 if figures.failures else 0


if __name__ == "__main__":
    sys.exit(main())
