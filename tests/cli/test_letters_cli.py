"""`python main.py letters`: one PDF per letter named by case and letter, a summary line,
one clear line on failure, and a log that stays true when the run is killed."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from cli_run import data_folder_with_key

from vcs_app.domain.model import LetterStatus, Link, Offender, Victim
from vcs_app.services import cases, clocks, letters
from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import open_workspace
from vcs_app.storage import repo_letters

ROOT = Path(__file__).resolve().parents[2]
ON = "2026-11-26"
SUMMARY = re.compile(r"^(\d+) letters written, (\d+) blocked$")


def run(*args: str, tmp: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},  # the run's data folder (conftest)
    )


@pytest.fixture
def demo_db(tmp_path) -> Path:
    path = tmp_path / "demo.db"
    ws = open_workspace(path, user="test.vlo", create=True)
    build_demo(ws, victims=300, seed=2, today=date.fromisoformat(ON))
    ws.close()
    return path


def test_due_letters_become_one_pdf_each_with_a_summary(demo_db, tmp_path):
    out = tmp_path / "out"
    first = run(
        "letters", "--db", str(demo_db), "--out", str(out), "--due", "--on", ON, tmp=tmp_path
    )
    assert first.returncode == 0, first.stderr
    lines = first.stdout.strip().splitlines()
    written, blocked = map(int, SUMMARY.match(lines[-1]).groups())
    assert written >= 1 and blocked >= 1
    assert len([line for line in lines if line.startswith("blocked  VCS-")]) == blocked
    pdfs = sorted(out.glob("*.pdf"))
    assert len(pdfs) == written
    keys = "|".join(letters.TEMPLATE_FOR_RULE.values())
    assert all(re.fullmatch(rf"VCS-\d{{6}}_({keys})\.pdf", p.name) for p in pdfs)
    text = subprocess.run(["pdftotext", str(pdfs[0]), "-"], capture_output=True, text=True).stdout
    assert "Dear " in text or "Annwyl " in text

    again = run(
        "letters", "--db", str(demo_db), "--out", str(out), "--due", "--on", ON, tmp=tmp_path
    )
    assert again.stdout.strip().splitlines()[-1] == f"0 letters written, {blocked} blocked"
    assert len(list(out.glob("*.pdf"))) == written
    check = run("check", "--db", str(demo_db), tmp=tmp_path)
    assert check.stdout.strip() == "ok"


def test_a_real_caseload_without_office_details_says_so_in_one_line(tmp_path):
    path = tmp_path / "real.db"
    ws = open_workspace(path, user="test.vlo", create=True)
    victim = Victim("Wren", "Quixwell")
    offender = Offender("Percy", "Greatorex")
    link_id = cases.create_referral(
        ws, victim, offender, Link(0, 0, "Robbery", referral_date=date(2026, 10, 1))
    )
    with ws.store.atomic():
        clocks.start_clock(ws, link_id, "referral_to_offer", date(2026, 10, 1))
    ws.close()
    result = run("letters", "--db", str(path), "--out", str(tmp_path / "o"), "--due", tmp=tmp_path)
    assert result.returncode == 1
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    assert "Letters cannot be produced yet: enter the office name" in result.stderr


def test_an_unusable_out_folder_is_one_line(demo_db, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = run("letters", "--db", str(demo_db), "--out", str(blocker / "x"), tmp=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("vcs-desk: cannot use ") and result.stderr.count("\n") == 1


def test_a_killed_run_leaves_each_letter_produced_or_not(demo_db, tmp_path):
    ws = open_workspace(demo_db, user="test.vlo")
    review = letters.review_batch(
        ws, cases.caseload_ids(ws, status=None), "returned_mail_follow_up"
    )
    letters.approve_batch(ws, review)
    total = len(review.ready)
    ws.close()
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "letters", "--db", str(demo_db), "--out", str(out)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    deadline = time.monotonic() + 120
    while process.poll() is None and len(list(out.glob("*.pdf"))) < 10:
        assert time.monotonic() < deadline
        time.sleep(0.005)
    process.send_signal(signal.SIGKILL)
    process.wait()

    ws = open_workspace(demo_db, user="test.vlo")
    produced = repo_letters.letter_ids(ws.store.db, status=LetterStatus.PRINTED)
    waiting = repo_letters.letter_ids(ws.store.db, status=LetterStatus.APPROVED)
    assert len(produced) + len(waiting) == total
    for letter_id in produced:  # logged as produced: its PDF is there, whole
        path = Path(letters.get_letter(ws, letter_id).pdf_path)
        assert path.parent == out and path.read_bytes().rstrip().endswith(b"%%EOF")
    ws.close()

    rest = run("letters", "--db", str(demo_db), "--out", str(out), tmp=tmp_path)
    assert rest.stdout.strip() == f"{len(waiting)} letters written, 0 blocked"
    assert len(list(out.glob("*.pdf"))) == total
    assert not list(out.glob(".*.part"))


def test_two_runs_at_once_produce_each_letter_once_and_both_finish(demo_db, tmp_path):
    """Two `letters` runs side by side (two desks, or the window's batch and a command):
    a letter the other run produced first is skipped, not an error that stops the run,
    and neither run deletes the other's half-written PDF."""
    ws = open_workspace(demo_db, user="test.vlo", on=date.fromisoformat(ON))
    review = letters.review_batch(ws, cases.caseload_ids(ws), "opt_in_confirmation")
    letters.approve_batch(ws, review)
    ws.close()
    xdg = data_folder_with_key(tmp_path / "xdg")  # (after the last write made here)
    env = {**os.environ, "XDG_DATA_HOME": str(xdg), "QT_QPA_PLATFORM": "offscreen"}
    approved = len(review.ready)
    assert approved >= 5
    runs = [
        subprocess.Popen(
            [
                sys.executable,
                str(ROOT / "main.py"),
                "letters",
                "--db",
                str(demo_db),
                "--out",
                str(tmp_path / f"out{n}"),
                "--on",
                ON,
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for n in (1, 2)
    ]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run_, (_, err) in zip(runs, outputs, strict=True):
        assert run_.returncode == 0, err
    written = [int(SUMMARY.match(out.strip().splitlines()[-1])[1]) for out, _ in outputs]
    assert sum(written) == approved  # each letter once, whichever run got it
    ws = open_workspace(demo_db, user="test.vlo")
    try:
        printed = repo_letters.letter_ids(ws.store.db, status=LetterStatus.PRINTED)
        assert len(printed) == approved
        for letter_id in printed:
            events = [e.event for e in letters.get_letter(ws, letter_id).events]
            assert events.count("pdf_saved") == 1
    finally:
        ws.close()
    assert not list((tmp_path / "xdg").rglob("*.part"))


def test_a_dead_runs_half_written_pdf_is_removed_and_a_live_ones_is_kept(tmp_path):
    from vcs_app.services.letters import _remove_dead_parts

    target = tmp_path / "VCS-000001_initial_offer_1.pdf"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True).stdout.strip()  # fmt: skip
    live_part = tmp_path / f".{target.name}.{os.getpid()}.abc123.part"
    dead_part = tmp_path / f".{target.name}.{dead}.def456.part"
    old_style = tmp_path / f".{target.name}.ghi789.part"
    for part in (live_part, dead_part, old_style):
        part.write_bytes(b"%PDF-")
    _remove_dead_parts(target)
    assert live_part.exists() and not dead_part.exists() and not old_style.exists()
