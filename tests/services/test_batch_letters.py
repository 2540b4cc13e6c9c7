"""Batches: checked as a set, approved together, produced one by one - and the log stays
true after a cancel, a crash or a full disk."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from fixed_day import TODAY

from vcs_app.domain.model import DomainError, Language, LetterStatus, OptState
from vcs_app.letters.print_system import JobState, PrintJob
from vcs_app.services import cases, letters
from vcs_app.services.demo import build_demo
from vcs_app.storage import repo_letters

ON = date(2026, 11, 26)
TEMPLATE = "opt_in_confirmation"


@pytest.fixture(autouse=True)
def user_data_in_tmp(tmp_path, monkeypatch, qapp):
    """Kept PDFs go inside the test's folder; PDFs need Qt's text layout (pytest-qt's app)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


@pytest.fixture
def demo(ws):
    build_demo(ws, victims=80, seed=11, today=ON)
    return ws


@pytest.fixture
def review(demo):
    return letters.review_batch(demo, cases.caseload_ids(demo), TEMPLATE, on=ON)


def _logged(ws, status: LetterStatus) -> list[int]:
    return repo_letters.letter_ids(ws.store.db, status=status)


def _assert_consistent(ws, folder) -> None:
    """Every letter logged as produced has its PDF; no PDF or half-written file is left
    for a letter that is not logged as produced."""
    produced = {letters.get_letter(ws, i).pdf_path for i in _logged(ws, LetterStatus.PRINTED)}
    on_disk = {str(p) for p in folder.rglob("*.pdf")}
    assert produced == on_disk
    assert not [p for p in folder.rglob("*") if p.name.endswith(".part")]


def test_the_review_counts_recipients_languages_and_reasons(demo, review):
    case_ids = cases.caseload_ids(demo)
    assert len(review.drafts) == len(case_ids)
    assert len(review.ready) + len(review.blocked) == len(review.drafts)
    assert review.ready and review.blocked
    assert sum(review.languages().values()) == len(review.ready)
    assert review.summary().startswith(f"{len(case_ids)} letters: {len(review.ready)} ready (")
    for draft in review.drafts:
        state = cases.open_case(demo, draft.link_id).link.opt_state
        opt_reason = (
            f"Blocked: the victim has not opted in (the case is {state.value.replace('_', ' ')})."
        )
        assert (opt_reason in draft.reasons) == (state is not OptState.OPTED_IN)
        if draft.ok:
            assert draft.recipient_name and draft.address_lines
            assert draft.rendered.language is draft.language
    welsh = [d for d in review.ready if d.language is Language.WELSH]
    assert all("Annwyl" in d.rendered.text for d in welsh)


def test_an_approved_batch_is_produced_with_one_pdf_per_letter(demo, review, tmp_path):
    out = tmp_path / "out"
    batch_id = letters.approve_batch(demo, review)
    assert letters.batch_counts(demo, batch_id) == {"approved": len(review.ready)}
    row = repo_letters.batch_row(demo.store.db, batch_id)
    assert (row["letters"], row["blocked"]) == (len(review.ready), len(review.blocked))
    seen = []
    result = letters.produce_batch(
        demo, batch_id, folder=out, flat_names=True, on=ON, progress=lambda *a: seen.append(a)
    )
    assert len(result.produced) == len(review.ready)
    assert (result.remaining, result.blocked, result.cancelled) == (0, (), False)
    assert seen[-1][:2] == (len(review.ready), len(review.ready))
    names = sorted(p.name for p in out.glob("*.pdf"))
    assert names == sorted(f"{d.case_ref}_{TEMPLATE}.pdf" for d in review.ready)
    _assert_consistent(demo, out)
    for done in result.produced:
        events = [e.event for e in letters.get_letter(demo, done.letter_id).events]
        assert events == ["drafted", "approved", "pdf_saved"]


@pytest.mark.parametrize("stop_after", [0, 1, 4])
def test_cancel_midway_leaves_each_letter_produced_or_not_and_a_rerun_finishes(
    demo, review, tmp_path, stop_after
):
    out = tmp_path / "out"
    batch_id = letters.approve_batch(demo, review)
    done: list[int] = []
    result = letters.produce_batch(
        demo,
        batch_id,
        folder=out,
        on=ON,
        progress=lambda n, total, msg: done.append(n),
        cancelled=lambda: len(done) >= stop_after,
    )
    assert result.cancelled
    assert len(result.produced) == stop_after
    assert result.remaining == len(review.ready) - stop_after
    assert letters.batch_counts(demo, batch_id) == {
        k: v
        for k, v in {"printed": stop_after, "approved": len(review.ready) - stop_after}.items()
        if v
    }
    _assert_consistent(demo, out)
    rest = letters.produce_batch(demo, batch_id, folder=out, on=ON)
    assert len(rest.produced) == len(review.ready) - stop_after
    assert letters.batch_counts(demo, batch_id) == {"printed": len(review.ready)}
    _assert_consistent(demo, out)


class PrinterJam(Exception):
    pass


def test_a_crash_midway_logs_only_what_was_produced(demo, review, tmp_path):
    out = tmp_path / "out"
    batch_id = letters.approve_batch(demo, review)
    printed: list[str] = []

    def printer(html: str, title: str) -> PrintJob:
        if len(printed) == 2:
            raise PrinterJam("the printer jammed")
        printed.append(html)
        return PrintJob("Office", len(printed), JobState.COMPLETED, title=title)

    with pytest.raises(PrinterJam):
        letters.produce_batch(demo, batch_id, folder=out, on=ON, send_to_printer=printer)
    assert len(_logged(demo, LetterStatus.PRINTED)) == 2
    assert len(_logged(demo, LetterStatus.APPROVED)) == len(review.ready) - 2
    # The third letter's PDF was written before the printer failed; it is not logged, so
    # the next run produces that letter again, over it.
    rest = letters.produce_batch(demo, batch_id, folder=out, on=ON)
    assert len(rest.produced) == len(review.ready) - 2
    _assert_consistent(demo, out)


def test_an_unwritable_folder_stops_the_run_and_logs_nothing(demo, review, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    batch_id = letters.approve_batch(demo, review)
    result = letters.produce_batch(demo, batch_id, folder=blocker, on=ON)
    assert result.produced == ()
    assert result.error.startswith("The PDF could not be written")
    assert result.remaining == len(review.ready)
    assert "Stopped: The PDF could not be written" in result.summary()


def test_a_case_that_changed_since_approval_is_blocked_and_the_rest_go(demo, review, tmp_path):
    batch_id = letters.approve_batch(demo, review)
    changed = review.ready[0]
    case = cases.open_case(demo, changed.link_id)
    address = next(c for c in case.contacts if c.id == changed.address_id)
    cases.update_contact_detail(demo, replace(address, do_not_post=True))
    result = letters.produce_batch(demo, batch_id, folder=tmp_path / "out", on=ON)
    assert len(result.produced) == len(review.ready) - 1
    ((letter_id, reasons),) = result.blocked
    assert reasons == ("Blocked: the victim is marked do not post - arrange a phone call instead.",)
    record = letters.get_letter(demo, letter_id)
    assert (record.link_id, record.status) == (changed.link_id, LetterStatus.WITHDRAWN)


def test_approval_checks_again_and_approves_nothing_if_a_case_changed(demo, review):
    changed = review.ready[-1]
    case = cases.open_case(demo, changed.link_id)
    address = next(c for c in case.contacts if c.id == changed.address_id)
    cases.update_contact_detail(demo, replace(address, safe_to_use=False))
    with pytest.raises(letters.LetterBlocked, match=f"{changed.case_ref} changed"):
        letters.approve_batch(demo, review)
    assert _logged(demo, LetterStatus.APPROVED) == []


def test_a_batch_with_nothing_ready_is_not_approved(demo):
    review = letters.review_batch(demo, cases.caseload_ids(demo)[:3], "hospital_update", on=ON)
    assert not review.ready
    with pytest.raises(DomainError, match="No letter in this batch can be approved"):
        letters.approve_batch(demo, review)


def test_due_letters_answer_their_tasks_once(demo, tmp_path):
    today = TODAY
    due = letters.review_due(demo, on=today)
    assert {d.template_key for d in due.drafts} <= set(letters.TEMPLATE_FOR_RULE.values())
    assert all(d.task_id is not None for d in due.drafts)
    if not due.ready:
        pytest.skip("no due letter is ready in this demo")
    letters.approve_batch(demo, due)
    result = letters.produce_batch(demo, folder=tmp_path / "due", flat_names=True, on=today)
    assert len(result.produced) == len(due.ready)
    again = letters.review_due(demo, on=today)
    assert {d.task_id for d in again.drafts}.isdisjoint({d.task_id for d in due.ready})
