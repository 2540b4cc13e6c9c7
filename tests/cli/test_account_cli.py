"""Accounts from the command line: run as the real OS user (whatever LOGNAME says),
audited as such; every change after the first account needs an administrator's sign-in."""

from __future__ import annotations

import os
import pwd
import sqlite3
import subprocess
import sys
from pathlib import Path

from plant import plant_admin_account

ROOT = Path(__file__).resolve().parents[2]
REAL_USER = pwd.getpwuid(os.getuid()).pw_name
ADMIN_PW = "correct horse battery"


def run(*args: str, os_user: str = "boss.admin", stdin: str = "") -> subprocess.CompletedProcess:
    """`python main.py ...` with the login variables claiming to be `os_user`."""
    env = {**os.environ, "LOGNAME": os_user, "USER": os_user, "USERNAME": os_user}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        input=stdin,
    )


def _audit(db: str) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(
            "SELECT who, action FROM audit WHERE entity = 'account' ORDER BY id"
        ).fetchall()


def test_accounts_from_the_command_line(tmp_path):
    db = str(tmp_path / "office.db")
    made = run("new", "--db", db)
    assert made.returncode == 0, made.stderr
    assert run("new", "--db", db).stderr.strip().endswith("already exists; choose a new file name.")

    def account(*args: str, stdin: str = "", **kw) -> subprocess.CompletedProcess:
        return run("account", *args, "--db", db, "--password-stdin", stdin=stdin, **kw)

    # The first account needs nobody; it is audited under the real OS user, not LOGNAME.
    first = account("add", "ada.admin", "--name", "Ada Admin", "--role", "admin", stdin=ADMIN_PW)
    assert first.returncode == 0, first.stderr
    assert _audit(db) == [(REAL_USER, "create")] and REAL_USER != "boss.admin"

    # After that, claiming to be the administrator's login gets nothing.
    refused = account(
        "add", "intruder", "--name", "In Truder", "--role", "admin", os_user="ada.admin"
    )
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "vcs-desk: account add needs an administrator's sign-in: add --as USERNAME (their"
        " password is asked for, or read from standard input)"
    )
    wrong = account("password", "ada.admin", "--as", "ada.admin", stdin="guess guess guess\nx\n")
    assert wrong.returncode == 1
    assert wrong.stderr.strip() == "vcs-desk: Wrong username or password. Check them and try again."

    def as_admin(*args: str, stdin: str = "") -> subprocess.CompletedProcess:
        return account(*args, "--as", "ada.admin", stdin=f"{ADMIN_PW}\n{stdin}")

    short = as_admin("add", "bea.vlo", "--name", "Bea VLO", stdin="short\n")
    assert short.returncode == 1 and "at least 12 characters" in short.stderr
    ok = as_admin("add", "bea.vlo", "--name", "Bea VLO", stdin="purple kettle lantern\n")
    assert ok.returncode == 0, ok.stderr
    assert as_admin("role", "bea.vlo", "--role", "senior").returncode == 0
    # Bea changes her own password by signing in as herself.
    own = account(
        "password",
        "bea.vlo",
        "--as",
        "bea.vlo",
        stdin="purple kettle lantern\nnew kettle lantern\n",
    )
    assert own.returncode == 0, own.stderr
    # ...but a senior cannot add accounts.
    senior = account(
        "add",
        "cy.vlo",
        "--name",
        "Cy",
        "--as",
        "bea.vlo",
        stdin="new kettle lantern\nabcdefghijklm\n",
    )
    assert senior.returncode == 1 and "Only an administrator can add accounts" in senior.stderr

    listed = run("account", "list", "--db", db).stdout.splitlines()
    assert [line.split()[:3] for line in listed] == [
        ["ada.admin", "admin", "active"],
        ["bea.vlo", "senior", "active"],
    ]
    assert _audit(db) == [
        (REAL_USER, "create"),
        (REAL_USER, "sign_in_failed"),
        ("ada.admin", "sign_in"),
        ("ada.admin", "sign_in"),
        ("ada.admin", "create"),
        ("ada.admin", "sign_in"),
        ("ada.admin", "update"),
        ("bea.vlo", "sign_in"),
        ("bea.vlo", "update"),
        ("bea.vlo", "sign_in"),
    ]
    with sqlite3.connect(db) as conn:  # each sign-in names the OS user really running it
        details = [r[0] for r in conn.execute("SELECT detail FROM audit WHERE action = 'sign_in'")]
    assert all(f'"os_user": "{REAL_USER}"' in d for d in details)
    assert run("check", "--db", db).stdout.strip() == "ok"


def test_an_admin_account_inserted_with_sqlite3_cannot_sign_in(tmp_path):
    """Issue 16 §1: an `account` row with a known password hash and no audit row."""
    db = str(tmp_path / "office.db")
    assert run("new", "--db", db).returncode == 0
    first = run(
        "account",
        "add",
        "ada.admin",
        "--name",
        "Ada",
        "--role",
        "admin",
        "--db",
        db,
        "--password-stdin",
        stdin=ADMIN_PW,
    )
    assert first.returncode == 0, first.stderr
    plant_admin_account(db, "intruder", "intruder password")
    attempt = run(
        "account",
        "add",
        "mallory",
        "--name",
        "M",
        "--role",
        "admin",
        "--db",
        db,
        "--as",
        "intruder",
        "--password-stdin",
        stdin="intruder password\nmallory password!\n",
    )
    assert attempt.returncode == 1
    assert "changed or added outside VCS Desk, so it cannot sign in" in attempt.stderr
    checked = run("check", "--db", db)
    assert checked.returncode == 1
    assert checked.stdout.startswith("problem: account row(s) 2 changed or added outside VCS Desk")
