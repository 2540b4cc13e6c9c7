"""The headless commands as a user runs them: one clear line, the right exit code."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, **(env or {})},
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "demo.db"
    result = run("demo", "--db", str(path), "--victims", "120", "--seed", "2", "--on", "2026-11-26")
    assert result.returncode == 0, result.stderr
    assert "120 victims" in result.stdout
    return path


def test_check_ok_on_a_healthy_file(demo_db):
    result = run("check", "--db", str(demo_db))
    assert (result.returncode, result.stdout.strip()) == (0, "ok")


def test_check_reports_missing_corrupt_and_newer_files(tmp_path, demo_db):
    missing = run("check", "--db", str(tmp_path / "nope.db"))
    assert missing.returncode == 1 and "No database" in missing.stdout

    corrupt = tmp_path / "corrupt.db"
    data = bytearray(demo_db.read_bytes())
    data[4096:8192] = b"\xff" * 4096  # smash a page in the middle of the file
    corrupt.write_bytes(bytes(data))
    result = run("check", "--db", str(corrupt))
    assert result.returncode == 1
    assert len(result.stdout.strip().splitlines()) == 1
    assert "Traceback" not in result.stdout + result.stderr

    newer = tmp_path / "newer.db"
    newer.write_bytes(demo_db.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    result = run("check", "--db", str(newer))
    assert result.returncode == 1 and "newer VCS Desk" in result.stdout


def test_demo_refuses_to_overwrite(demo_db):
    result = run("demo", "--db", str(demo_db))
    assert result.returncode == 1
    assert "already exists" in result.stderr and "Traceback" not in result.stderr


def test_due_lists_one_task_per_line(demo_db):
    result = run("due", "--db", str(demo_db), "--on", "2026-11-26")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines
    assert all(line[:10] <= "2026-11-26" and " VCS-" in line for line in lines)


def test_bad_arguments_give_one_line(demo_db):
    result = run("due", "--db", str(demo_db), "--on", "26/11/2026")
    assert result.returncode == 2
    assert "not a date" in result.stderr and "Traceback" not in result.stderr


def test_screenshot_is_a_real_picture(tmp_path, demo_db):
    out = tmp_path / "caseload.png"
    result = run("screenshot", "--db", str(demo_db), "--out", str(out))
    assert result.returncode == 0, result.stderr
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    colours = {image.pixel(x, y) for x in range(0, 1280, 37) for y in range(0, 800, 23)}
    assert len(colours) > 5  # not a blank window


def test_gui_without_a_display_says_so_in_one_line(tmp_path, demo_db):
    env = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
    result = run("--db", str(demo_db), env=env)
    assert result.returncode == 2
    assert "no display" in result.stderr and "xvfb-run" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def _unused_display() -> str:
    number = next(n for n in range(77, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists())
    return f":{number}"


def test_gui_with_an_unreachable_display_says_so_in_one_line(tmp_path, demo_db):
    """DISPLAY set to a display nobody serves (as after ssh -X): Qt used to abort with its
    raw "could not load the Qt platform plugin xcb" and a core dump."""
    display = _unused_display()
    env = {"DISPLAY": display, "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}
    result = run("--db", str(demo_db), env=env)
    assert result.returncode == 2, result.stderr
    assert f"cannot open the display {display}" in result.stderr
    assert "xvfb-run" in result.stderr and "apt-get install xvfb xauth" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.skipif(sys.platform != "linux", reason="X11 displays are a Linux matter here")
def test_a_display_that_answers_is_not_refused(monkeypatch):
    """The display check must not stand in the way of a working X server (Xvfb here)."""
    from vcs_app.app import display_problem, x_display_answers

    server = subprocess.Popen(
        ["Xvfb", "-displayfd", "1", "-nolisten", "tcp"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        display = f":{server.stdout.readline().strip()}"
        assert x_display_answers(display) is True
        monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
        monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
        monkeypatch.setenv("DISPLAY", display)
        assert display_problem() is None
        assert x_display_answers(_unused_display()) is False
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_help_lists_the_commands():
    result = run("--help")
    for command in ("demo", "check", "due", "screenshot"):
        assert command in result.stdout
