"""The integrity check after start goes through the file a table at a time while the VLO
pauses; a key pressed meanwhile stops the table being checked, which is checked again at
the next pause, so the check never competes with typing."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit

from vcs_app.qt.idle import IdleCheck, IdleWatch
from vcs_app.services import backups


def test_every_table_is_checked_in_a_pause(qtbot, demo_ws):
    found: list[str] = []
    check = IdleCheck(None, demo_ws, found.append, IdleWatch(idle_ms=50))
    qtbot.waitUntil(lambda: check.done, timeout=60_000)
    assert found == []
    assert check.checked == backups.tables_to_check(demo_ws)
    assert {"link", "victim", "audit", "case_search_data"} <= set(check.checked)


def test_typing_stops_the_check_and_it_carries_on_after(qtbot, demo_ws, monkeypatch):
    started: list[str] = []
    original = backups.table_damage

    def slow(ws, table):
        started.append(table)
        time.sleep(0.15)  # a big table
        return original(ws, table)

    monkeypatch.setattr(backups, "table_damage", slow)
    box = QLineEdit()
    qtbot.addWidget(box)
    box.show()
    check = IdleCheck(None, demo_ws, lambda _problem: None, IdleWatch(idle_ms=100))
    typing = QTimer()
    typing.setInterval(40)
    typing.timeout.connect(lambda: qtbot.keyClick(box, "a"))
    qtbot.waitUntil(lambda: len(started) >= 1, timeout=10_000)
    typing.start()
    qtbot.wait(1_000)  # a second of typing: nothing is checked to the end meanwhile
    typing.stop()
    during = list(check.checked)
    assert during == [] or len(during) <= 1
    qtbot.waitUntil(lambda: check.done, timeout=60_000)
    assert check.checked == backups.tables_to_check(demo_ws)
    assert len(started) > len(check.checked)  # the interrupted table was checked again


def test_damage_found_by_a_table_is_reported(qtbot, demo_ws, monkeypatch):
    monkeypatch.setattr(
        backups,
        "table_damage",
        lambda ws, table: "link: page 7 is never used" if table == "link" else None,
    )
    found: list[str] = []
    check = IdleCheck(None, demo_ws, found.append, IdleWatch(idle_ms=50))
    qtbot.waitUntil(lambda: check.done, timeout=60_000)
    assert found == ["link: page 7 is never used"]
