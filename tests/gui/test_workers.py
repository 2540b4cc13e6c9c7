"""Background jobs: results come back to the GUI thread; cancel stops and rolls back."""

from __future__ import annotations

import threading
import time
from datetime import date

from vcs_app.domain.model import LiaisonEntry
from vcs_app.qt.workers import Job
from vcs_app.services import cases
from vcs_app.services.workspace import worker_workspace


def test_job_runs_off_the_gui_thread_and_reports_progress(qtbot):
    seen = []

    def work(progress):
        for i in range(3):
            progress.report(i + 1, 3, f"step {i + 1}")
        return threading.get_ident()

    job = Job(work)
    job.progressed.connect(lambda done, total, msg: seen.append((done, total, msg)))
    with qtbot.waitSignal(job.ended, timeout=5000):
        job.start()
    assert job.result != threading.get_ident()
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen[-1] == (3, 3, "step 3")


def test_cancel_rolls_back_the_jobs_transaction(qtbot, ws, case_id):
    started = threading.Event()

    def work(progress):
        with worker_workspace(ws) as mine, mine.store.atomic():
            for i in range(1000):
                cases.add_liaison_entry(
                    mine,
                    LiaisonEntry(case_id, date(2026, 11, 1), "to", "om", "email", f"note {i}"),
                )
                started.set()
                progress.check()
                time.sleep(0.001)

    job = Job(work)
    with qtbot.waitSignal(job.ended, timeout=5000):
        job.start()
        assert started.wait(5)
        job.progress.cancel()
    assert job.was_cancelled
    assert cases.open_case(ws, case_id).liaison == ()


def test_domain_errors_become_the_jobs_message(qtbot):
    from vcs_app.domain.model import ValidationError

    def work(progress):
        raise ValidationError("The file has 3 bad rows.")

    job = Job(work)
    with qtbot.waitSignal(job.failed, timeout=5000) as blocker:
        job.start()
    assert blocker.args == ["The file has 3 bad rows."]
