"""Driving modal dialogs from a test, as a user would (shared by the GUI tests)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QMessageBox


def when_dialog_opens(qtbot, fill, *, then=None, over=None, waited: int = 0):
    """Fill the next modal dialog from inside its own event loop; `then` fills the one
    after it (e.g. a message box the first dialog's OK leads to).

    It keeps looking until the dialog is up (a busy machine may take a while to get
    there) and is active: a single look that came too early left the dialog open and the
    test hung in its event loop, where no timeout can reach. A failing `fill` closes the
    dialog."""

    def run():
        dialog = QApplication.activeModalWidget()
        # Up, and active (so it has the keyboard focus its fill may check), or up for a
        # while on a platform that never activates it.
        up = isinstance(dialog, QDialog) and dialog is not over and dialog.isVisible()
        if not up or (QApplication.activeWindow() is not dialog and waited < 2_000):
            assert waited < 30_000, "expected a dialog"
            when_dialog_opens(qtbot, fill, then=then, over=over, waited=waited + 25)
            return
        if then is not None:
            when_dialog_opens(qtbot, then, over=dialog)
        try:
            fill(dialog)
        except BaseException:
            dialog.reject()
            raise

    QTimer.singleShot(25, QApplication.instance(), run)


def click_ok(dialog):
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()


def close_message_boxes() -> tuple[QTimer, list[str]]:
    """Close each message box as it opens (from inside its own event loop), however late
    it comes (a worker's warning when its job ends); keep the timer while needed, and the
    texts seen."""
    seen: list[str] = []

    def close() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.close()

    timer = QTimer()
    timer.timeout.connect(close)
    timer.start(50)
    return timer, seen


# --- keys where the keyboard's go ------------------------------------------------------


def focus():
    return QApplication.focusWidget()


def key(qtbot, which, modifiers=None) -> None:
    """Press a key where the keyboard's input goes: the focused widget, else the dialog or
    window in front."""
    from PySide6.QtCore import Qt

    target = focus() or QApplication.activeModalWidget() or QApplication.activeWindow()
    qtbot.keyClick(target, which, modifiers or Qt.KeyboardModifier.NoModifier)


def type_text(qtbot, text: str) -> None:
    qtbot.keyClicks(focus(), text)


# --- cases the GUI tests need -----------------------------------------------------------


def opted_in_with_a_new_release_date(ws, *, received_on=None, om_and_crn=False) -> int:
    """A referred victim with a safe address (and, if asked, an offender with an OM and a
    CRN), opted in on the tests' day, whose offender then has a new official release date:
    the open task asks for the key date letter (overdue if the date came long enough ago)."""
    from datetime import date

    from fixed_day import TODAY

    from vcs_app.domain.model import ContactLevel, DateSource, KeyDate, OptState
    from vcs_app.services import cases, intake, sentences

    def fits(case) -> bool:
        return (
            case.link.opt_state is OptState.REFERRED
            and (not om_and_crn or bool(case.link.om_name and case.offender.crn))
            and any(c.kind.value == "address" and c.safe_to_use for c in case.contacts)
        )

    case = next(c for c in map(lambda i: cases.open_case(ws, i), cases.caseload_ids(ws)) if fits(c))
    case_id = case.link.id
    intake.record_opt_change(ws, case_id, OptState.OFFERED, on=TODAY, source="letter")
    intake.record_opt_change(
        ws,
        case_id,
        OptState.OPTED_IN,
        on=TODAY,
        source="phone call",
        contact_level=ContactLevel.KEY_STAGES,
    )
    official = KeyDate(
        case.offender.id, "CRD", date(2027, 6, 14), DateSource.OFFICIAL, received_on or TODAY
    )
    sentences.record_key_date(ws, official, origin="Prison OMU email")
    return case_id


def bereaved_father_referred(ws) -> int:
    """A bereaved father, only referred: he acts for his son, who died."""
    from datetime import date

    from vcs_app.domain.model import Offender, Referral, Victim, VictimRole
    from vcs_app.services import intake

    referral = Referral(
        victim=Victim("Gareth", "Synthbrook", role=VictimRole.BEREAVED_RELATIVE),
        offender=Offender("Mallory", "Quarrendon"),
        offence="Manslaughter",
        referral_date=date(2026, 11, 20),
        acting_for="Dylan Synthbrook (deceased)",
        relationship="father",
    )
    return intake.register_referral(ws, referral).record_id
