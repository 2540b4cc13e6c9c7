"""The synthetic demo data: deterministic, realistic spread, healthy file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from vcs_app.domain.eligibility import decide_eligibility
from vcs_app.domain.model import eighteenth_birthday
from vcs_app.services import cases, letters, om, retention
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
    # Six notes of history a case, and the notes that still wait for an OM's reply.
    assert count("SELECT COUNT(*) FROM liaison_entry WHERE awaiting_reply = 0") == 6000
    assert count("SELECT COUNT(*) FROM liaison_entry WHERE awaiting_reply = 1") > 10
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


# --- issue 17 item 23: a demo a newcomer can believe -----------------------------------

DEMO_ON = date(2026, 12, 7)


@pytest.fixture(scope="module")
def believable(tmp_path_factory):
    ws = open_workspace(tmp_path_factory.mktemp("demo") / "demo.db", create=True, on=DEMO_ON)
    build_demo(ws, victims=3000, seed=5, today=DEMO_ON)
    yield ws
    ws.close()


def _rows(ws, sql, *params):
    return ws.store.db.execute(sql, params).fetchall()


OPEN_TASKS = (
    "SELECT t.rule, l.opt_state, l.contact_level, t.due_on, t.source_ref, l.id FROM task t"
    " JOIN link l ON l.id = t.link_id WHERE t.done_on IS NULL"
)


def test_open_tasks_agree_with_the_case(believable):
    rows = _rows(believable, OPEN_TASKS)
    assert rows
    offers = {r[1] for r in rows if r[0] in ("referral_to_offer", "offer_follow_up")}
    assert offers <= {"referred", "offered", "reopened"}
    updates = [r for r in rows if r[0] in UPDATE_RULES]
    assert updates and all(r[1] in ("opted_in", "reopened") for r in updates)
    assert all(r[2] in ("key_stages", "release_and_licence") for r in updates)
    assert not _rows(
        believable,
        "SELECT 1 FROM task t JOIN link l ON l.id = t.link_id"
        " WHERE t.done_on IS NULL AND l.status != 'open'",
    )
    assert not _rows(
        believable,
        "SELECT 1 FROM task t JOIN link l ON l.id = t.link_id WHERE t.done_on IS NULL"
        " AND t.rule = 'referral_to_offer' AND l.eligibility = 'not_eligible'",
    )


UPDATE_RULES = ("key_date_update", "parole_review_lead", "parole_review_vps", "hdc_representations")


def test_turning_18_tasks_fall_on_the_birthday(believable):
    rows = _rows(
        believable,
        "SELECT t.due_on, v.dob FROM task t JOIN link l ON l.id = t.link_id"
        " JOIN victim v ON v.id = l.victim_id WHERE t.rule = 'turning_18'",
    )
    assert rows
    for due, dob in rows:
        assert date.fromisoformat(due) == eighteenth_birthday(date.fromisoformat(dob))


def test_every_chase_has_the_note_that_waits_and_waiting_on_om_shows_it(believable):
    chases = _rows(
        believable, "SELECT source_ref FROM task WHERE rule = 'om_chase' AND done_on IS NULL"
    )
    assert chases
    for (source,) in chases:
        kind, number = source.split(":")
        if kind == "liaison":
            assert _rows(
                believable,
                "SELECT 1 FROM liaison_entry WHERE id = ? AND awaiting_reply = 1"
                " AND answered_on IS NULL AND direction = 'to' AND party = 'om'",
                int(number),
            )
        else:
            assert kind == "condition"
            assert _rows(
                believable,
                "SELECT 1 FROM condition_request WHERE id = ? AND status = 'sent'",
                int(number),
            )
    waits = om.waiting_on_om(believable, on=DEMO_ON)
    assert len(waits) == len(chases)
    assert all(w.chase_due is not None for w in waits)


def test_referrals_eligibility_and_retention_are_on_file(believable):
    counts = _rows(believable, "SELECT COUNT(*), COUNT(r.link_id) FROM link LEFT JOIN referral r"
                   " ON r.link_id = link.id")[0]  # fmt: skip
    assert counts[0] == counts[1] == 3000
    for link_id in (1, 500, 2999):
        case = cases.open_case(believable, link_id)
        decision = decide_eligibility(
            offence_category=case.link.offence_category,
            sentence_type=case.referral.sentence_type,
            custody_months=case.referral.custody_months,
            sentence_date=case.link.sentence_date,
        )
        assert (case.link.eligibility, case.link.rules_version) == (
            decision.outcome,
            decision.rules_version,
        )
    review = retention.cases_due_for_review(believable, on=DEMO_ON)
    assert len(review) > 20  # closed more than six years ago
    assert _rows(believable, "SELECT COUNT(DISTINCT substr(updated_at, 1, 10)) FROM link"
                 " WHERE status = 'closed'")[0][0] > 100  # fmt: skip


def test_letters_due_on_the_demo_block_only_what_a_real_caseload_would(believable, qapp):
    review = letters.review_due(believable, on=DEMO_ON)
    assert len(review.drafts) > 50
    assert len(review.blocked) / len(review.drafts) < 0.10
