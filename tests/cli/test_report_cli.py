"""`python main.py report`: the period's summary to CSV or PDF, logged as a disclosure,
and one clear line (never a traceback) when it cannot be made."""

from __future__ import annotations

import csv
import os
import subprocess
import sys
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from cli_run import run_main as run

from vcs_app.services import reports
from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import open_workspace
from vcs_app.storage import audit

ROOT = Path(__file__).resolve().parents[2]
ON = date(2026, 11, 26)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("report") / "demo.db"
    ws = open_workspace(path, user="test.vlo", create=True)
    build_demo(ws, victims=300, seed=3, today=ON)
    ws.close()
    return path


def _period(*extra: str) -> tuple[str, ...]:
    return ("--from", "2025-01-01", "--to", ON.isoformat(), *extra)


def test_the_csv_report_matches_the_service_and_is_logged(demo_db, tmp_path):
    out = tmp_path / "report.csv"
    done = run("report", "--db", str(demo_db), *_period("--out", str(out)))
    assert done.returncode == 0, done.stderr
    assert "saved to" in done.stdout
    rows = list(csv.reader(out.open(encoding="utf-8")))
    ws = open_workspace(demo_db)
    try:
        report = reports.build_report(ws, reports.ReportFilter(date(2025, 1, 1), ON))
        assert rows == reports.csv_rows(report)
        assert report.section("caseload").total > 0
        (entry,) = [e for e in audit.find_entries(ws.store.db) if e.entity == "report"]
        assert entry.action == "disclose" and '"format": "csv"' in entry.detail
    finally:
        ws.close()


def test_the_pdf_report_is_written(demo_db, tmp_path):
    out = tmp_path / "report.pdf"
    done = run("report", "--db", str(demo_db), *_period("--out", str(out), "--team", "none"))
    assert done.returncode == 0, done.stderr
    assert out.read_bytes().startswith(b"%PDF")


def test_the_headless_pdf_has_the_charts(demo_db, tmp_path):
    out = tmp_path / "charts.pdf"
    done = run("report", "--db", str(demo_db), *_period("--out", str(out)))
    assert done.returncode == 0, done.stderr
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = " ".join(unicodedata.normalize("NFKC", text).split())
    assert "Initial offers by month" in text and "Open cases per VLO" in text
    images = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert len(images) == 3  # offers by month, inclusion rate by month, caseload per VLO
    assert "Licence conditions included" in text
    # The definitions are printed with it, as in the window and the CSV.
    assert "Definitions" in text and "nearest-rank method" in text
    assert "Working days are counted after the referral day" in text


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-02-01", "--to", "2026-01-01", "--out", "r.csv"), "ends before it starts"),
        (_period("--out", "r.txt"), ".pdf or a .csv"),
        (_period("--out", "no/such/folder/r.csv"), "does not exist"),
    ],
)
def test_a_report_that_cannot_be_made_says_why_in_one_line(demo_db, tmp_path, args, message):
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "report", "--db", str(demo_db), *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tmp_path,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert done.returncode != 0
    assert message in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
