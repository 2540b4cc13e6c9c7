"""Files that are not ours, damaged, or not files at all, and a full disk, are refused in
one line by every command, and nothing is written to them; `check` never changes a file.
Real `python main.py` processes (imports: tests/cli/test_import_cli.py)."""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
from pathlib import Path

import pytest
from cli_run import ROOT, run_main
from fixed_day import TODAY
from full_disk import fill, full_tmpfs, older_caseload

from vcs_app.storage.migrations import SCHEMA_VERSION

ON = TODAY.isoformat()
# Every command that opens --db; those that write first check the file.
WRITING = [
    ("import", "{csv}"),
    ("retention",),
    ("letters", "--due", "--out", "{out}"),
    ("report", "--from", "2026-01-01", "--to", ON, "--out", "{out}/r.csv"),
    ("subject-access", "--victim", "1", "--out", "{out}"),
    ("account", "list"),
    ("backup", "--to", "{out}/backups"),
]
READING = [("check",), ("due",), ("screenshot", "--out", "{out}/s.png")]


def _args(template: tuple[str, ...], db: Path, tmp: Path) -> list[str]:
    csv = ROOT / "resources" / "sample_referrals.csv"
    filled = [part.format(csv=csv, out=tmp / "out") for part in template]
    return [filled[0], "--db", str(db), *filled[1:]]


def _one_line(result: subprocess.CompletedProcess) -> str:
    said = (result.stdout + result.stderr).strip()
    assert result.returncode != 0, said
    assert len(said.splitlines()) == 1 and "Traceback" not in said, said
    return said


def _state(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file in the folder with its bytes and modification time."""
    files = sorted(p for p in folder.iterdir() if p.is_file())
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("refusals") / "demo.db"
    made = run_main("demo", "--db", str(path), "--victims", "150", "--seed", "3", "--on", ON)
    assert made.returncode == 0, made.stderr
    return path


# --- another program's file ------------------------------------------------------------


@pytest.mark.parametrize("command", WRITING + READING, ids=lambda c: c[0])
def test_another_programs_sqlite_file_is_refused_and_left_unchanged(tmp_path, command):
    folder = tmp_path / "theirs"
    folder.mkdir()
    other = folder / "other.sqlite"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO recipe (title) VALUES ('Bara brith')")
    conn.commit()
    conn.close()
    before = _state(folder)
    said = _one_line(run_main(*_args(command, other, tmp_path)))
    assert "is not a VCS Desk caseload" in said and "recipe" in said
    assert _state(folder) == before  # not migrated, no journal, not even a WAL header


# --- check never writes ------------------------------------------------------------------


def test_check_reads_an_older_caseload_as_it_is_and_says_it_needs_upgrading(tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    path = folder / "old.db"
    older_caseload(path)
    before = _state(folder)
    result = run_main("check", "--db", str(path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith(f"ok (schema {SCHEMA_VERSION - 1}: it needs upgrading")
    assert {name: state for name, state in _state(folder).items() if name == path.name} == {
        path.name: before[path.name]
    }
    # Opening it to work (`due`) is what upgrades it.
    assert run_main("due", "--db", str(path)).returncode == 0
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


def test_check_of_a_healthy_file_changes_no_byte_of_it(demo_db):
    before = demo_db.read_bytes(), demo_db.stat().st_mtime_ns
    result = run_main("check", "--db", str(demo_db))
    assert (result.returncode, result.stdout.strip()) == (0, "ok")
    assert (demo_db.read_bytes(), demo_db.stat().st_mtime_ns) == before


# --- a damaged file ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def damaged_db(demo_db, tmp_path_factory) -> Path:
    """The demo file with two pages in the middle overwritten, as the issue found it."""
    path = tmp_path_factory.mktemp("damaged") / "damaged.db"
    data = bytearray(demo_db.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    middle = len(data) // page // 2 * page
    data[middle : middle + 2 * page] = bytes(range(256)) * (2 * page // 256)
    path.write_bytes(bytes(data))
    assert run_main("check", "--db", str(path)).returncode == 1
    return path


@pytest.mark.parametrize("command", WRITING, ids=lambda c: c[0])
def test_a_damaged_file_is_refused_before_any_command_writes_to_it(damaged_db, tmp_path, command):
    before = damaged_db.read_bytes()
    said = _one_line(run_main(*_args(command, damaged_db, tmp_path)))
    assert "is damaged" in said and "nothing was changed" in said
    assert damaged_db.read_bytes() == before
    assert not damaged_db.with_name(damaged_db.name + "-wal").exists()


# --- not a file at all -----------------------------------------------------------------


def _special(kind: str, folder: Path) -> Path:
    path = folder / f"{kind}.db"
    if kind == "pipe":
        os.mkfifo(path)
    else:
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(path))
        _keep.append(server)
    return path


_keep: list[socket.socket] = []

EVERY = [
    *WRITING,
    *READING,
    ("restore", "--from", "{csv}"),
    ("demo",),
    ("new",),
]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes")
@pytest.mark.parametrize("command", EVERY, ids=lambda c: c[0])
def test_a_named_pipe_as_the_database_is_refused_by_every_command_without_hanging(
    tmp_path, command
):
    pipe = _special("pipe", tmp_path)
    said = _one_line(run_main(*_args(command, pipe, tmp_path), timeout=60))
    assert "named pipe" in said or "already exists" in said


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="unix sockets")
def test_a_socket_or_a_device_as_the_database_is_refused(tmp_path):
    said = _one_line(run_main("check", "--db", str(_special("socket", tmp_path)), timeout=60))
    assert "is a socket, not a database file" in said
    said = _one_line(run_main("due", "--db", "/dev/zero", timeout=60))
    assert "is a device, not a database file" in said


# --- a full disk ---------------------------------------------------------------------------


def test_a_full_disk_is_said_as_such_not_as_damage(demo_db, tmp_path):
    with full_tmpfs(tmp_path / "small") as disk:
        db = disk / "caseload.db"
        db.write_bytes(demo_db.read_bytes())
        fill(disk)
        for command in (("check",), ("due",), ("import", "{csv}"), ("backup", "--to", str(disk))):
            said = _one_line(run_main(*_args(command, db, tmp_path)))
            assert "The disk is full" in said and "damaged" not in said, said
