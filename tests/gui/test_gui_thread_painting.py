"""A worker's letters are painted on the GUI thread (PySide holds the GIL through Qt
calls that take Qt's signal/slot locks, which deadlocked a batch against the GUI thread)."""

import threading

import pytest

from vcs_app.letters import print_adapter
from vcs_app.letters.context import LetterError


def _in_worker(qtbot, fn):
    box = {}

    def run():
        try:
            box["value"] = fn()
        except Exception as exc:
            box["error"] = exc

    worker = threading.Thread(target=run)
    worker.start()
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=20_000)
    return box


def test_painting_asked_for_by_a_worker_runs_on_the_gui_thread(qtbot, tmp_path):
    box = _in_worker(qtbot, lambda: print_adapter._on_gui_thread(threading.current_thread))
    assert box["value"] is threading.main_thread()
    out = tmp_path / "letter.pdf"
    html = "<html lang='en'><body><p>Dear Ceri</p></body></html>"
    box = _in_worker(qtbot, lambda: print_adapter.write_pdf(html, out, title="Letter"))
    assert box["value"] == 1 and out.read_bytes().startswith(b"%PDF")


def test_a_failure_on_the_gui_thread_reaches_the_worker(qtbot):
    def fail():
        raise LetterError("printer gone")

    box = _in_worker(qtbot, lambda: print_adapter._on_gui_thread(fail))
    with pytest.raises(LetterError, match="printer gone"):
        raise box["error"]
