"""Printing that is safe and true (issue 24), through the real Qt print path to a real
CUPS server (tests/gui/cups_server.py): QPrinter -> cupsd -> cups-pdf, with the print
dialog itself filled in and accepted (only its modal exec is replaced).

Every route to paper goes through the letter service's gate: the letter dialog's
Print…, its preview's Print…, a batch, the OM request and the report. A blocked letter
never makes a job; a refused or cancelled job is not recorded as sent; the printed PDF
says what the kept PDF says, page for page.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from pathlib import Path

import cups_server
import pytest
from cups_server import HELD_QUEUE, PDF_QUEUE, REFUSING_QUEUE, no_cups_server
from helpers import click_ok, when_dialog_opens
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QComboBox, QRadioButton, QSpinBox

from vcs_app.domain.conditions import ConditionDraft
from vcs_app.domain.model import ContactDetail, DomainError, LetterStatus
from vcs_app.letters import print_system
from vcs_app.letters.print_system import JobState
from vcs_app.qt import printing
from vcs_app.qt.dialogs import condition as condition_actions
from vcs_app.qt.dialogs.condition import SendToOMDialog
from vcs_app.qt.dialogs.letter import LetterDialog, status_words
from vcs_app.qt.views.batch_letters import BatchLettersView
from vcs_app.qt.views.reports import ReportView
from vcs_app.services import cases, conditions, documents, letters, om
from vcs_app.storage import audit

pytestmark = pytest.mark.timeout(300)
cups = cups_server.cups  # the session's CUPS server (a fixture)

# Issue 24 item 3: 2 pages kept and 1 printed before the layout was fixed.
PERSONAL_NOTE_17 = "\n".join(
    f"A personal note, line {n}: please call me if anything here is unclear." for n in range(1, 18)
)


@pytest.fixture(autouse=True)
def user_data_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))  # where Qt's ~/print.pdf would go


@pytest.fixture
def print_dialog(monkeypatch):
    """Fill in the real print dialog and accept it: `choose(queue, pages=(2, 3))`."""
    asked: list[str] = []
    chosen = {"queue": PDF_QUEUE, "pages": None}

    def accept(dialog) -> bool:
        asked.append(dialog.printer().printerName())
        dialog.show()
        printers = dialog.findChild(QComboBox, "printers")
        names = [printers.itemText(i) for i in range(printers.count())]
        assert "Print to File (PDF)" not in names  # never a silent file instead of paper
        printers.setCurrentIndex(names.index(chosen["queue"]))
        if chosen["pages"]:
            dialog.findChild(QRadioButton, "printRange").setChecked(True)
            dialog.findChild(QSpinBox, "from").setValue(chosen["pages"][0])
            dialog.findChild(QSpinBox, "to").setValue(chosen["pages"][1])
        dialog.accept()
        return True

    monkeypatch.setattr(printing, "run_print_dialog", accept)

    def choose(queue: str = PDF_QUEUE, pages: tuple[int, int] | None = None) -> list[str]:
        chosen.update(queue=queue, pages=pages)
        return asked

    return choose


def _due_letter(ws, template: str | None = None) -> letters.LetterDraft:
    """A ready letter answering a task (so "the task stays open" can be seen)."""
    for draft in letters.review_due(ws).ready:
        if draft.task_id and (template is None or draft.template_key == template):
            return draft
    raise AssertionError("no ready letter answers a task")


def _approved(ws, draft=None) -> int:
    return letters.approve_letter(ws, draft or _due_letter(ws)).record_id


def _task_open(ws, letter_id: int) -> bool:
    record = letters.get_letter(ws, letter_id)
    return any(
        t.id == record.task_id and t.done_on is None
        for t in cases.open_case(ws, record.link_id).tasks
    )


def _print_steps(ws, letter_id: int) -> list[tuple[str, dict]]:
    return [
        (e.event, json.loads(e.detail))
        for e in letters.get_letter(ws, letter_id).events
        if e.event in ("printed", "reprinted", "not_printed")
    ]


def _jobs(queue: str = PDF_QUEUE) -> list[print_system.PrintJob]:
    return print_system.jobs(queue)


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _words(path: Path) -> list[str]:
    """Every word on the pages: pdftotext places the demo file's diagonal DEMO watermark
    and a table's columns among the lines differently in a printed and a kept PDF, so the
    same text is compared as the same words."""
    return sorted(w for w in _pdf_text(path).split() if not set(w) <= set("DEMO"))


def _pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(next(line for line in info.stdout.splitlines() if line.startswith("Pages:"))[6:])


def _letter_dialog(qtbot, window, ws, letter_id: int) -> LetterDialog:
    record = letters.get_letter(ws, letter_id)
    dialog = LetterDialog(window, ws, record.link_id, letter_id=letter_id)
    qtbot.addWidget(dialog)
    return dialog


def _print_from_dialog(qtbot, window, ws, print_dialog, queue: str) -> tuple[int, LetterDialog]:
    """An approved letter answering a task, printed with its dialog's Print… on `queue`."""
    letter_id = _approved(ws)
    dialog = _letter_dialog(qtbot, window, ws, letter_id)
    print_dialog(queue)
    dialog.print_button.click()
    return letter_id, dialog


def _settled(qtbot, ws, letter_id: int) -> None:
    qtbot.waitUntil(lambda: not letters.get_letter(ws, letter_id).awaiting_printer, timeout=60_000)


# --- 1. one gate for every route ---------------------------------------------------------


def test_the_previews_print_goes_through_the_gate_and_a_second_print_is_logged_again(
    qtbot, window, demo_ws, cups, print_dialog
):
    letter_id = _approved(demo_ws)
    dialog = _letter_dialog(qtbot, window, demo_ws, letter_id)
    asked = print_dialog(PDF_QUEUE)
    preview = dialog.preview_dialog()
    qtbot.addWidget(preview)
    assert preview.print_action.isEnabled()
    preview.print_action.trigger()
    assert asked == [PDF_QUEUE]
    (step,) = _print_steps(demo_ws, letter_id)
    assert step[0] == "printed" and step[1]["printer"] == PDF_QUEUE
    job_id = step[1]["job"]
    assert job_id in [j.job_id for j in _jobs()]
    assert cups.job_pdf(job_id).exists()
    _settled(qtbot, demo_ws, letter_id)
    assert not _task_open(demo_ws, letter_id)  # sent once the printer finished it
    assert "Printed" in preview.note.text() or "Sent to the printer" in preview.note.text()

    preview.print_action.trigger()  # the same letter again: logged as printed again
    assert [event for event, _ in _print_steps(demo_ws, letter_id)] == ["printed", "reprinted"]


def test_a_blocked_draft_cannot_print_from_its_preview(qtbot, window, demo_ws, cups, print_dialog):
    review = letters.review_batch(demo_ws, cases.caseload_ids(demo_ws), "returned_mail_follow_up")
    blocked = next(d for d in review.drafts if d.do_not_post and d.rendered is not None)
    dialog = LetterDialog(window, demo_ws, blocked.link_id, template_key=blocked.template_key)
    qtbot.addWidget(dialog)
    asked = print_dialog(PDF_QUEUE)
    before = len(_jobs())
    preview = dialog.preview_dialog()
    qtbot.addWidget(preview)
    assert not preview.print_action.isEnabled()
    assert "cannot be printed" in preview.note.text() and "do not post" in preview.note.text()
    preview.print_action.trigger()
    dialog.print_letter(preview)  # even asked directly: there is no letter to print
    assert asked == [] and len(_jobs()) == before


def test_a_letter_made_unsafe_after_approval_never_reaches_the_printer(
    qtbot, window, demo_ws, cups, print_dialog
):
    letter_id = _approved(demo_ws)
    record = letters.get_letter(demo_ws, letter_id)
    for detail in cases.open_case(demo_ws, record.link_id).contacts:
        if detail.kind.value == "address":
            cases.update_contact_detail(demo_ws, replace(detail, do_not_post=True))
    dialog = _letter_dialog(qtbot, window, demo_ws, letter_id)
    print_dialog(PDF_QUEUE)
    before = len(_jobs())
    preview = dialog.preview_dialog()
    qtbot.addWidget(preview)
    preview.print_action.trigger()  # approved, so offered; the gate checks the case now
    assert len(_jobs()) == before
    assert letters.get_letter(demo_ws, letter_id).status is LetterStatus.WITHDRAWN
    assert "do not post" in preview.note.text()
    assert not preview.print_action.isEnabled()


def test_a_returned_letter_cannot_be_printed_from_its_preview(
    qtbot, window, demo_ws, cups, print_dialog
):
    letter_id = _approved(demo_ws)
    letters.produce_letter(demo_ws, letter_id)  # saved as PDF
    letters.mark_returned(demo_ws, letter_id)  # the address is now unsafe
    dialog = _letter_dialog(qtbot, window, demo_ws, letter_id)
    preview = dialog.preview_dialog()
    qtbot.addWidget(preview)
    assert not preview.print_action.isEnabled() and not dialog.print_button.isEnabled()


# --- 2. "printed" means it printed ---------------------------------------------------------


def test_print_records_the_printer_and_the_job_and_sends_only_when_it_completed(
    qtbot, window, demo_ws, cups, print_dialog
):
    letter_id, dialog = _print_from_dialog(qtbot, window, demo_ws, print_dialog, PDF_QUEUE)
    (step,) = _print_steps(demo_ws, letter_id)
    assert step[1]["printer"] == PDF_QUEUE and isinstance(step[1]["job"], int)
    assert cups.job_pdf(step[1]["job"])
    _settled(qtbot, demo_ws, letter_id)
    assert not _task_open(demo_ws, letter_id)
    assert f"on {PDF_QUEUE} (job {step[1]['job']})" in dialog.check.text()


def test_a_queue_refusing_jobs_is_not_recorded_as_sent(qtbot, window, demo_ws, cups, print_dialog):
    letter_id, dialog = _print_from_dialog(qtbot, window, demo_ws, print_dialog, REFUSING_QUEUE)
    assert dialog.error.text().startswith("Not printed: the printer VCS_Refusing did not accept it")
    assert "\n" not in dialog.error.text()
    assert [e for e, _ in _print_steps(demo_ws, letter_id)] == ["not_printed"]
    assert letters.get_letter(demo_ws, letter_id).status is LetterStatus.APPROVED
    assert _task_open(demo_ws, letter_id)
    assert _jobs(REFUSING_QUEUE) == []


def test_a_held_job_then_cancelled_is_not_sent_and_the_task_stays_open(
    qtbot, window, demo_ws, cups, print_dialog
):
    letter_id, dialog = _print_from_dialog(qtbot, window, demo_ws, print_dialog, HELD_QUEUE)
    (step,) = _print_steps(demo_ws, letter_id)
    job_id = step[1]["job"]
    assert print_system.job_state(HELD_QUEUE, job_id) is JobState.HELD
    record = letters.get_letter(demo_ws, letter_id)
    assert record.awaiting_printer == f"{HELD_QUEUE} (job {job_id})"
    assert "It counts as sent when the printer has finished it." in dialog.check.text()
    assert "waiting for the printer VCS_Held" in status_words(record)
    assert _task_open(demo_ws, letter_id)  # held: not sent yet
    cups.run("cancel", str(job_id))
    qtbot.waitUntil(
        lambda: [e for e, _ in _print_steps(demo_ws, letter_id)][-1] == "not_printed",
        timeout=30_000,
    )
    record = letters.get_letter(demo_ws, letter_id)
    assert record.status is LetterStatus.APPROVED and not record.awaiting_printer
    assert _task_open(demo_ws, letter_id)
    assert "Not printed" in dialog.check.text() and "was canceled" in dialog.check.text()


def test_a_job_cancelled_while_the_app_was_closed_is_found_on_next_open(
    qtbot, demo_ws, cups, print_dialog
):
    letter_id = _approved(demo_ws)
    printer = printing.choose_printer(None) if print_dialog(HELD_QUEUE) is not None else None
    send = printing.send_to(printer, watermark=documents.watermark(demo_ws))
    done = letters.produce_letter(demo_ws, letter_id, send_to_printer=send)
    assert done.awaiting_printer
    cups.run("cancel", str(done.job.job_id))
    from vcs_app.qt.main_window import MainWindow

    window = MainWindow(demo_ws)  # the next start asks the print system
    qtbot.addWidget(window)
    qtbot.waitUntil(
        lambda: letters.get_letter(demo_ws, letter_id).status is LetterStatus.APPROVED,
        timeout=10_000,
    )
    assert _task_open(demo_ws, letter_id)


def test_with_no_printer_it_says_so_and_opens_no_dialog(
    qtbot, window, demo_ws, cups, print_dialog, tmp_path
):
    letter_id = _approved(demo_ws)
    dialog = _letter_dialog(qtbot, window, demo_ws, letter_id)
    asked = print_dialog(PDF_QUEUE)
    with no_cups_server():
        dialog.print_button.click()
    assert asked == []
    assert dialog.error.text().startswith("No printer is set up on this computer")
    assert "\n" not in dialog.error.text()
    assert letters.get_letter(demo_ws, letter_id).status is LetterStatus.APPROVED
    assert not (tmp_path / "home" / "print.pdf").exists()


# --- 3. the kept PDF and the printed letter are the same pages ----------------------------


def test_the_printed_job_has_the_kept_pdfs_pages_and_text(
    qtbot, window, demo_ws, cups, print_dialog
):
    draft = _due_letter(demo_ws)
    draft = letters.prepare_letter(
        demo_ws,
        draft.link_id,
        draft.template_key,
        task_id=draft.task_id,
        details=letters.LetterDetails(
            **{
                **letters.suggest_details(demo_ws, draft.link_id, draft.template_key).__dict__,
                "personal_note": PERSONAL_NOTE_17,
            }
        ),
    )
    letter_id = _approved(demo_ws, draft)
    dialog = _letter_dialog(qtbot, window, demo_ws, letter_id)
    print_dialog(PDF_QUEUE)
    dialog.print_button.click()
    (step,) = _print_steps(demo_ws, letter_id)
    printed = cups.job_pdf(step[1]["job"])
    kept = Path(letters.get_letter(demo_ws, letter_id).pdf_path)
    assert _pdf_pages(printed) == _pdf_pages(kept)
    assert _words(printed) == _words(kept)
    assert "line 17: please call me" in _pdf_text(printed)


# --- 4. smaller: page range, Save PDF then print, the batch's folder ----------------------


def test_the_page_range_chosen_in_the_dialog_is_what_prints(
    qtbot, window, demo_ws, cups, print_dialog
):
    draft = _due_letter(demo_ws)
    details = letters.suggest_details(demo_ws, draft.link_id, draft.template_key).__dict__
    note = "\n".join(f"Paragraph {n} of a long personal note." for n in range(1, 90))
    draft = letters.prepare_letter(
        demo_ws,
        draft.link_id,
        draft.template_key,
        task_id=draft.task_id,
        details=letters.LetterDetails(**{**details, "personal_note": note}),
    )
    letter_id = _approved(demo_ws, draft)
    dialog = _letter_dialog(qtbot, window, demo_ws, letter_id)
    print_dialog(PDF_QUEUE, pages=(2, 2))
    dialog.print_button.click()
    (step,) = _print_steps(demo_ws, letter_id)
    assert step[1]["pages"] == "2"
    printed = cups.job_pdf(step[1]["job"])
    kept = Path(letters.get_letter(demo_ws, letter_id).pdf_path)
    total = _pdf_pages(kept)
    assert total >= 2 and _pdf_pages(printed) == 1
    assert f"Page 2 of {total}" in _pdf_text(printed)


def test_after_save_pdf_the_first_print_is_printed_not_printed_again(
    qtbot, window, demo_ws, cups, print_dialog, tmp_path
):
    letter_id = _approved(demo_ws)
    dialog = _letter_dialog(qtbot, window, demo_ws, letter_id)
    dialog.choose_pdf_path = lambda suggested: tmp_path / "copy.pdf"
    dialog.pdf_button.click()
    print_dialog(PDF_QUEUE)
    dialog.print_button.click()
    events = [e.event for e in letters.get_letter(demo_ws, letter_id).events]
    assert events == ["drafted", "approved", "pdf_saved", "printed"]


def test_a_batch_prints_each_letter_as_its_own_job_and_opens_a_folder_that_exists(
    qtbot, demo_ws, cups, print_dialog, monkeypatch
):
    review = letters.review_due(demo_ws)
    chosen = [d.link_id for d in review.ready][:4]
    view = BatchLettersView(demo_ws, selected=chosen, shown=chosen)
    qtbot.addWidget(view)
    view._radio("due").setChecked(True)
    view.start_review()
    qtbot.waitUntil(lambda: view.job is None and view.review is not None, timeout=60_000)
    view.print_mode.setChecked(True)
    print_dialog(PDF_QUEUE)
    before = {j.job_id for j in _jobs()}
    view.approve_and_produce()
    qtbot.waitUntil(lambda: view.job is None and view.result is not None, timeout=120_000)
    assert view.result.error == ""
    produced = view.result.produced
    assert len(produced) == len(view.review.ready)
    job_ids = [p.job.job_id for p in produced]
    assert len(set(job_ids)) == len(produced) and not set(job_ids) & before
    pdfs = [cups.job_pdf(job_id) for job_id in job_ids]
    assert len(set(pdfs)) == len(produced)  # one file per letter, none overwritten
    qtbot.waitUntil(lambda: not view.print_jobs.active, timeout=60_000)
    assert all(not letters.get_letter(demo_ws, p.letter_id).awaiting_printer for p in produced)
    opened: list[str] = []
    monkeypatch.setattr(
        "vcs_app.qt.views.batch_letters.QDesktopServices.openUrl",
        lambda url: opened.append(url.toLocalFile()) or True,
    )
    assert view.folder_button.isEnabled()
    view.folder_button.click()
    assert Path(opened[0]).is_dir() and Path(opened[0]) == produced[0].path.parent


# --- 6. the OM request and the management report print through the same route -----------


def test_the_om_request_prints_after_its_check_and_the_print_is_on_record(
    qtbot, window, demo_ws, app_cases, cups, print_dialog, tmp_path
):
    case = app_cases["conditions"]
    request_id = case.conditions[0].id
    print_dialog(PDF_QUEUE)

    def tick_print(dialog):
        assert isinstance(dialog, SendToOMDialog)
        dialog.path.setText(str(tmp_path / "request.pdf"))
        dialog.print_it.setChecked(True)
        click_ok(dialog)

    when_dialog_opens(qtbot, tick_print)
    condition_actions.send(window, case, request_id)
    (sent,) = [
        e
        for e in audit.history_for_case(demo_ws.store.db, case.link.id)
        if e.entity == "om_request"
    ]
    job = json.loads(sent.detail)["printed"]
    assert job["printer"] == PDF_QUEUE and "printed" in window.statusBar().currentMessage()
    printed = cups.job_pdf(job["job"])
    assert "licence condition" in _pdf_text(printed).lower()
    assert _words(tmp_path / "request.pdf") == _words(printed)


def test_an_om_request_holding_a_victims_phone_number_never_reaches_the_printer(
    qtbot, demo_ws, app_cases, cups, print_dialog, tmp_path
):
    case = app_cases["conditions"]
    draft = ConditionDraft(
        case.link.id,
        "no_contact",
        "Not to contact the victim.",
        "She can be reached on 07700 900 777 after 6pm.",
        "Contact",
        case.today,
    )
    request_id = conditions.request_condition(demo_ws, draft).record_id
    cases.add_contact_detail(
        demo_ws, ContactDetail("phone", "+44 7700-900777", victim_id=case.victim.id)
    )
    print_dialog(PDF_QUEUE)
    printer = printing.choose_printer(None)
    before = len(_jobs())
    with pytest.raises(DomainError, match="victim's phone number"):
        om.send_to_om(
            demo_ws,
            case.link.id,
            [request_id],
            on=case.today,
            pdf_path=tmp_path / "r.pdf",
            send_to_printer=printing.send_to(printer, watermark=documents.watermark(demo_ws)),
        )
    assert len(_jobs()) == before and not (tmp_path / "r.pdf").exists()


def test_the_management_report_prints_and_the_print_is_logged_as_a_disclosure(
    qtbot, window, demo_ws, cups, print_dialog
):
    action = window.findChild(QAction, "open_reports")
    action.trigger()
    view = window.tabs.currentWidget()
    assert isinstance(view, ReportView)
    qtbot.waitUntil(lambda: view.report is not None, timeout=20000)
    print_dialog(PDF_QUEUE)
    job = view.print_report()
    assert job is not None and job.printer == PDF_QUEUE
    printed = _pdf_text(cups.job_pdf(job.job_id))
    assert "Referrals" in printed or "referrals" in printed
    (detail,) = demo_ws.store.db.execute(
        "SELECT detail FROM audit WHERE entity = 'report' AND action = 'disclose'"
    ).fetchone()
    logged = json.loads(detail)
    assert logged["printed"]["printer"] == PDF_QUEUE and logged["printed"]["job"] == job.job_id
    assert f"{PDF_QUEUE} (job {job.job_id})." in window.statusBar().currentMessage()


def test_the_refusing_queue_refuses_the_report_in_one_line(
    qtbot, window, demo_ws, cups, print_dialog, monkeypatch
):
    action = window.findChild(QAction, "open_reports")
    action.trigger()
    view = window.tabs.currentWidget()
    qtbot.waitUntil(lambda: view.report is not None, timeout=20000)
    print_dialog(REFUSING_QUEUE)
    said: list[str] = []
    monkeypatch.setattr(
        "vcs_app.qt.main_window.warn", lambda parent, title, text, *more: said.append(text)
    )
    assert view.print_report() is None
    assert said and said[0].startswith("Not printed: the printer VCS_Refusing did not accept it")
