"""The synthetic demo data: deterministic, realistic spread, healthy file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from vcs_app.services import cases
from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import check_file, open_workspace

TODAY = date(2026, 11, 26)


def _fingerprint(ws):
    db = ws.store.db
    return db.execute(
        "SELECT group_concat(ref || v.family_name || link.opt_state, '|') FROM link"
        " JOIN victim v ON v.id = link.victim_id"
    ).fetchone()[0]


def test_same_seed_gives_the_same_caseload(tmp_path):
    prints = []
    for name in ("a.db", "b.db"):
        ws = open_workspace(tmp_path / name, create=True)
        build_demo(ws, victims=150, seed=3, today=TODAY)
        prints.append(_fingerprint(ws))
        ws.close()
    assert prints[0] == prints[1]


def test_demo_has_the_variety_a_vlo_meets(ws):
    summary = build_demo(ws, victims=1000, seed=1, today=TODAY)
    db = ws.store.db

    def count(sql):
        return db.execute(sql).fetchone()[0]

    assert summary.victims == 1000 and summary.offenders == 600
    assert count("SELECT COUNT(*) FROM victim WHERE language = 'cy'") > 50
    assert count("SELECT COUNT(*) FROM victim WHERE role = 'bereaved_relative'") > 30
    assert count(f"SELECT COUNT(*) FROM victim WHERE dob > '{TODAY.year - 18}-01-01'") > 10
    assert count("SELECT COUNT(*) FROM sentence WHERE type LIKE 'HOSPITAL%'") > 5
    assert (
        count("SELECT COUNT(*) FROM (SELECT offender_id FROM link GROUP BY 1 HAVING COUNT(*) > 1)")
        > 100
    )
    assert count(f"SELECT COUNT(*) FROM key_date WHERE value > '{TODAY}'") > 100
    assert count(f"SELECT COUNT(*) FROM key_date WHERE value < '{TODAY}'") > 100
    assert count("SELECT COUNT(*) FROM liaison_entry") == 6000
    assert count("SELECT COUNT(*) FROM contact_detail WHERE do_not_post = 1") > 5
    assert (
        count("SELECT COUNT(*) FROM link WHERE referral_date > ?".replace("?", f"'{TODAY}'")) == 0
    )
    assert check_file(ws.path).problems == []


def test_demo_refuses_a_database_that_already_has_cases(ws, case_id):
    with pytest.raises(ValueError):
        build_demo(ws, victims=10)
    assert cases.caseload_counts(ws)["open"] == 1


# --- a demo file cannot pass as a real caseload (issue 16 §8) ------------------------------

DEMO_LINE = "DEMO: synthetic cases, not a real letter"


def _pdf_text(path) -> str:
    import subprocess

    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_every_letter_and_document_from_a_demo_file_says_demo(ws, tmp_path, monkeypatch, qapp):
    from vcs_app.domain.conditions import ConditionDraft
    from vcs_app.services import conditions, letters, om, reports, subject_access
    from vcs_app.services.letter_settings import load_letter_settings, save_letter_settings
    from vcs_app.storage.repo_settings import set_setting

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    build_demo(ws, victims=40, seed=2, today=TODAY)
    letters.approve_batch(ws, letters.review_due(ws, on=TODAY))
    produced = letters.produce_batch(ws, on=TODAY).produced
    letter = _pdf_text(produced[0].path)
    recipient = letters.get_letter(ws, produced[0].letter_id).recipient
    assert DEMO_LINE in letter and recipient in letter  # marked, and still a letter
    # The request to an OM, a subject access export and a report say it too.
    link = next(
        case.link
        for case in (cases.open_case(ws, i) for i in cases.caseload_ids(ws))
        if case.link.om_name and case.link.status.value == "open"
    )
    template = conditions.catalogue().get("no_contact")
    values = {p.key: "Named Person" for p in template.placeholders}
    request = conditions.request_condition(
        ws,
        ConditionDraft(link.id, "no_contact", template.fill(values), "Near her home", "Contact",
                       TODAY, values=tuple(values.items())),
    ).record_id  # fmt: skip
    om.send_to_om(ws, link.id, [request], on=TODAY, pdf_path=tmp_path / "om.pdf")
    export = subject_access.export_subject_access(ws, link.victim_id, tmp_path)
    report = reports.export_report(
        ws,
        reports.build_report(ws, reports.ReportFilter(date(2026, 1, 1), TODAY)),
        tmp_path / "report.pdf",
    )
    for document in (tmp_path / "om.pdf", export.pdf, report):
        assert DEMO_LINE in _pdf_text(document), document
    # A real caseload's letters carry no mark.
    save_letter_settings(ws, load_letter_settings(ws))  # the demo's office, kept as real
    with ws.store.atomic() as db:
        set_setting(db, "demo", "0")
    letters.approve_batch(ws, letters.review_due(ws, on=TODAY + timedelta(days=60)))
    real = letters.produce_batch(ws, on=TODAY + timedelta(days=60)).produced
    assert real and "DEMO" not in _pdf_text(real[0].path)


def test_every_page_painted_by_the_app_is_given_its_caseloads_watermark():
    """Letters, requests, exports, reports, print previews and printing all pass the
    caseload's watermark to the one paint routine; a new caller must too."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "vcs_app"
    calls = []
    for path in root.rglob("*.py"):
        if path.name == "print_adapter.py":
            continue
        text = path.read_text(encoding="utf-8")
        for match in re.finditer(r"\b(write_pdf|pdf_bytes|print_document|paint_into)\(", text):
            depth, end = 1, match.end()
            while depth:
                depth += {"(": 1, ")": -1}.get(text[end], 0)
                end += 1
            calls.append((f"{path.relative_to(root)}", text[match.start() : end]))
    assert len(calls) > 8, "the search for painting calls is broken"
    assert [where for where, call in calls if "watermark=" not in call] == []
