"""An encrypted caseload from the command line: demo, check, backup and restore with the
key from standard input (`--key-stdin`) or VCS_DESK_KEY, never on the command line.

Every command runs in its own process, so SQLCipher's own SQLite never loads in the test
process (see tests/storage/test_encrypted_store.py)."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from cli_run import data_folder_with_key

ROOT = Path(__file__).resolve().parents[2]
KEY = "correct horse battery staple"
SURNAMES = [
    name.encode("utf-8")
    for name in json.loads((ROOT / "resources/demo/seeds.json").read_text(encoding="utf-8"))[
        "family_names"
    ]
]

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("sqlcipher3") is None, reason="the `encrypted` extra is not installed"
)


def run(*args: str, stdin: str = "", key_env: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "VCS_DESK_KEY"}
    if key_env is not None:
        env["VCS_DESK_KEY"] = key_env
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )


def names_in(*paths: Path) -> list[bytes]:
    data = b"".join(p.read_bytes() for p in paths if p.exists())
    return [name for name in SURNAMES if name in data]


def one_line_refusal(result: subprocess.CompletedProcess, words: str) -> None:
    assert result.returncode != 0
    text = result.stdout + result.stderr
    assert words in text and "Traceback" not in text, text
    assert len(text.strip().splitlines()) == 1, text


@pytest.fixture
def encrypted_demo(tmp_path) -> Path:
    path = tmp_path / "vcs.db"
    made = run(
        "demo", "--db", str(path), "--victims", "40", "--seed", "3", "--key-stdin",
        stdin=KEY + "\n",
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    return path


def test_demo_check_backup_restore_round_trip_with_the_key(tmp_path, encrypted_demo):
    db = encrypted_demo
    assert not db.read_bytes().startswith(b"SQLite format 3")
    assert names_in(db, Path(f"{db}-wal")) == []
    assert run("check", "--db", str(db), "--key-stdin", stdin=KEY + "\n").stdout == "ok\n"
    assert run("check", "--db", str(db), key_env=KEY).stdout == "ok\n"

    folder = tmp_path / "backups"
    made = run("backup", "--db", str(db), "--to", str(folder), key_env=KEY)
    assert made.returncode == 0, made.stderr
    [backup] = list(folder.glob("*.db"))
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    assert names_in(backup) == []  # the copy is encrypted too

    restored = run(
        "restore", "--db", str(db), "--from", str(backup), "--key-stdin", stdin=KEY + "\n"
    )
    assert restored.returncode == 0, restored.stderr
    assert "the replaced file is kept" in restored.stdout
    assert run("check", "--db", str(db), key_env=KEY).stdout == "ok\n"
    assert names_in(db, Path(f"{db}-wal")) == []


def test_a_missing_or_wrong_key_is_one_line_and_changes_nothing(tmp_path, encrypted_demo):
    db = encrypted_demo
    folder = tmp_path / "backups"
    assert run("backup", "--db", str(db), "--to", str(folder), key_env=KEY).returncode == 0
    [backup] = list(folder.glob("*.db"))
    before = db.read_bytes()

    one_line_refusal(run("check", "--db", str(db)), "not an SQLite file")
    one_line_refusal(
        run("check", "--db", str(db), "--key-stdin", stdin="wrong\n"),
        "cannot be opened with this key",
    )
    one_line_refusal(
        run("backup", "--db", str(db), "--to", str(folder), key_env="wrong"),
        "cannot be opened with this key",
    )
    one_line_refusal(
        run("restore", "--db", str(db), "--from", str(backup), key_env="wrong"),
        "this key does not open it",
    )
    assert db.read_bytes() == before and len(list(folder.glob("*.db"))) == 1


def test_a_plain_backup_is_not_restored_over_an_encrypted_caseload(tmp_path, encrypted_demo):
    plain = tmp_path / "plain.db"
    assert run("demo", "--db", str(plain), "--victims", "5").returncode == 0
    folder = tmp_path / "plain-backups"
    assert run("backup", "--db", str(plain), "--to", str(folder)).returncode == 0
    [backup] = list(folder.glob("*.db"))
    assert names_in(backup)  # the scan does find names in an unencrypted file
    one_line_refusal(
        run("restore", "--db", str(encrypted_demo), "--from", str(backup), key_env=KEY),
        "it is not encrypted",
    )


def test_new_makes_an_empty_encrypted_caseload(tmp_path):
    path = tmp_path / "new.db"
    made = run("new", "--db", str(path), key_env=KEY)
    assert made.returncode == 0, made.stderr
    assert not path.read_bytes().startswith(b"SQLite format 3")
    assert run("check", "--db", str(path), "--key-stdin", stdin=KEY + "\n").stdout == "ok\n"


def test_restore_never_swaps_an_encrypted_caseload_and_a_plain_one(tmp_path, encrypted_demo):
    """Issue 16 §6: `restore --db enc.db --from plain.db` without a key replaced the
    encrypted caseload with a plain one. Refused, both ways, the file untouched."""
    plain = tmp_path / "plain.db"
    assert run("demo", "--db", str(plain), "--victims", "5").returncode == 0
    assert run("backup", "--db", str(plain), "--to", str(tmp_path / "pb")).returncode == 0
    [plain_backup] = list((tmp_path / "pb").glob("*.db"))
    assert run("backup", "--db", str(encrypted_demo), "--to", str(tmp_path / "eb"), key_env=KEY)
    [encrypted_backup] = list((tmp_path / "eb").glob("*.db"))
    before = encrypted_demo.read_bytes(), plain.read_bytes()

    one_line_refusal(
        run("restore", "--db", str(encrypted_demo), "--from", str(plain_backup)),
        "is encrypted and",
    )
    one_line_refusal(
        run("restore", "--db", str(plain), "--from", str(encrypted_backup), key_env=KEY),
        "is a plain (unencrypted) caseload",
    )
    assert (encrypted_demo.read_bytes(), plain.read_bytes()) == before
    assert not list(tmp_path.glob("*.replaced-*"))


@pytest.mark.parametrize("command", ["demo", "new"])
def test_a_key_shorter_than_a_password_is_refused_at_create(tmp_path, command):
    path = tmp_path / "weak.db"
    one_line_refusal(
        run(command, "--db", str(path), "--key-stdin", stdin="x\n"),
        "database key must be at least 12 characters",
    )
    assert not path.exists()


def test_exports_from_an_encrypted_caseload_say_they_are_not_encrypted(tmp_path, encrypted_demo):
    env_key = {"key_env": KEY}
    data = data_folder_with_key(tmp_path / "xdg")  # the run's audit key, nothing else
    xdg = {"XDG_DATA_HOME": str(data)}
    out = tmp_path / "out"
    letters = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "letters", "--db", str(encrypted_demo),
         "--out", str(out), "--due"],
        capture_output=True, text=True, timeout=300,
        env={**os.environ, **xdg, "VCS_DESK_KEY": KEY, "QT_QPA_PLATFORM": "offscreen"},
    )  # fmt: skip
    assert letters.returncode == 0, letters.stderr
    assert f"each letter written to {out} will be an ordinary file" in letters.stderr
    written = list(out.glob("*.pdf"))
    kept = [p for p in data.rglob("*") if p.is_file() and "trail" not in p.parts]
    assert written and all(p.read_bytes().startswith(b"%PDF") for p in written)  # as asked
    assert len(kept) == len(written) and all(p.name.endswith(".pdf.sealed") for p in kept)
    assert not any(b"%PDF" in p.read_bytes() for p in kept)  # the app's own copies: sealed
    report = run(
        "report", "--db", str(encrypted_demo), "--from", "2026-01-01", "--to", "2026-11-26",
        "--out", str(tmp_path / "r.csv"), **env_key,
    )  # fmt: skip
    assert report.returncode == 0 and "will be an ordinary file" in report.stderr
    sar = run(
        "subject-access", "--db", str(encrypted_demo), "--victim", "1", "--out",
        str(tmp_path / "sar"), **env_key,
    )  # fmt: skip
    assert sar.returncode == 0 and "will be an ordinary file" in sar.stderr
