"""Accounts from the command line: run as the OS user, audited as such, roles enforced."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, os_user: str = "someone", stdin: str = "") -> subprocess.CompletedProcess:
    env = {**os.environ, "LOGNAME": os_user, "USER": os_user, "LNAME": os_user}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        input=stdin,
    )


def test_accounts_from_the_command_line(tmp_path):
    db = str(tmp_path / "office.db")
    made = run("new", "--db", db)
    assert made.returncode == 0, made.stderr
    assert run("new", "--db", db).stderr.strip().endswith("already exists; choose a new file name.")

    def add(username: str, *more: str, **kw) -> subprocess.CompletedProcess:
        return run("account", "add", username, "--db", db, "--password-stdin", *more, **kw)

    first = add(
        "ada.admin", "--name", "Ada Admin", "--role", "admin", stdin="correct horse battery\n"
    )
    assert first.returncode == 0, first.stderr

    # an OS user without an account is a VLO: refused in one line, no traceback
    refused = add("bea.vlo", "--name", "Bea VLO", stdin="purple kettle lantern\n")
    assert refused.returncode == 1
    assert refused.stderr.strip() == (
        "vcs-desk: Only an administrator can add accounts; you are signed in as a VLO."
    )
    short = add("bea.vlo", "--name", "Bea VLO", os_user="ada.admin", stdin="short\n")
    assert short.returncode == 1 and "at least 12 characters" in short.stderr
    ok = add("bea.vlo", "--name", "Bea VLO", os_user="ada.admin", stdin="purple kettle lantern\n")
    assert ok.returncode == 0, ok.stderr
    assert (
        run(
            "account", "role", "bea.vlo", "--db", db, "--role", "senior", os_user="ada.admin"
        ).returncode
        == 0
    )
    listed = run("account", "list", "--db", db).stdout.splitlines()
    assert [line.split()[:3] for line in listed] == [
        ["ada.admin", "admin", "active"],
        ["bea.vlo", "senior", "active"],
    ]
    with sqlite3.connect(db) as conn:
        who = conn.execute(
            "SELECT who, action FROM audit WHERE entity = 'account' ORDER BY id"
        ).fetchall()
    assert who == [("someone", "create"), ("ada.admin", "create"), ("ada.admin", "update")]
    assert run("check", "--db", db).stdout.strip() == "ok"
