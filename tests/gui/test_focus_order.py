"""Tab follows the layout (top to bottom, then left to right along a row) in the licence
condition request and the bulk date review, and the duplicate check's tables name every
column."""

from __future__ import annotations

import itertools

from dialog_recipes import date_review
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QWidget

from vcs_app.qt.dialogs.bulk_dates import BulkReviewDialog
from vcs_app.qt.dialogs.condition import ConditionDialog
from vcs_app.qt.dialogs.duplicates import DuplicatesDialog


def _tab_chain(qtbot, dialog, first: QWidget) -> list[QWidget]:
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    first.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is first)
    chain = [first]
    for _ in range(60):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is first:
            break
        chain.append(widget)
    return chain


def _jumps(dialog, chain: list[QWidget]) -> list[str]:
    """Steps that go back up the dialog, or leftwards along a row."""

    def at(w: QWidget) -> QPoint:
        return w.mapTo(dialog, QPoint(0, 0))

    wrong = []
    for before, after in itertools.pairwise(chain):
        a, b = at(before), at(after)
        if b.y() < a.y() - 2 or (abs(b.y() - a.y()) <= 2 and b.x() < a.x()):
            wrong.append(
                f"{before.accessibleName() or type(before).__name__} -> "
                f"{after.accessibleName() or type(after).__name__}"
            )
    return wrong


def test_the_condition_request_tabs_in_layout_order(qtbot, window, app_cases):
    case = app_cases["any"]
    dialog = ConditionDialog(window, case.link.id, case.victim.full_name)
    qtbot.addWidget(dialog)
    dialog.kind.setCurrentIndex(1)  # its detail rows are made again for the new kind
    chain = _tab_chain(qtbot, dialog, dialog.kind)
    assert len(chain) > 8
    assert not _jumps(dialog, chain)


def test_the_bulk_date_review_tabs_in_layout_order(qtbot, window, demo_ws, tmp_path):
    dialog = BulkReviewDialog(window, date_review(demo_ws, tmp_path))
    qtbot.addWidget(dialog)
    chain = _tab_chain(qtbot, dialog, dialog.table)
    print(
        [
            (w.accessibleName() or type(w).__name__, w.mapTo(dialog, QPoint(0, 0)).toTuple())
            for w in chain
        ]
    )
    assert not _jumps(dialog, chain)


def test_the_duplicate_tables_name_every_column(qtbot, window, demo_ws, app_cases):
    from dataclasses import replace
    from datetime import date

    from vcs_app.domain.model import Referral
    from vcs_app.services import intake

    case = app_cases["any"]
    referral = Referral(
        victim=replace(case.victim, id=None),
        offender=replace(case.offender, id=None),
        offence="Wounding",
        referral_date=date(2026, 11, 2),
    )
    dialog = DuplicatesDialog(window, referral, intake.find_matches(demo_ws, referral))
    qtbot.addWidget(dialog)
    for box in (dialog.victim, dialog.offender):
        model = box.table.model()
        headers = [
            model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())
        ]
        assert all(h and h.strip() for h in headers), headers
