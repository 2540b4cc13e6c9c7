"""Running `python main.py ...` as a user would: a child process, offscreen."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_main(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None, timeout: int = 300
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        input=stdin,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
    )


def start_main(*args: str) -> subprocess.Popen:
    """`python main.py ...` started in the background (to kill, or to run beside)."""
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def wait_for(predicate: Callable[[], bool], timeout: float = 60.0) -> bool:
    """Poll `predicate` until it holds (True) or `timeout` seconds pass (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.002)
    return False


def rows_of(db: Path) -> list[str]:
    """Every row of the file; planner statistics (PRAGMA optimize on close) are not data."""
    conn = sqlite3.connect(db)
    try:
        return [line for line in conn.iterdump() if "sqlite_stat" not in line]
    finally:
        conn.close()


def data_folder_with_key(folder: Path) -> Path:
    """A user data folder (for XDG_DATA_HOME) of its own that holds this test run's audit
    key and anchors, so `python main.py` there can open the run's files."""
    trail = Path(os.environ["XDG_DATA_HOME"]) / "vcs-desk" / "trail"
    if trail.is_dir():  # (a version without audit keys has none)
        shutil.copytree(trail, folder / "vcs-desk" / "trail", dirs_exist_ok=True)
    return folder
