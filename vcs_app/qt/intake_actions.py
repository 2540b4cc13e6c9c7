"""What the main window does for intake, opt-in, preferences, eligibility and import.

Kept out of main_window.py so that file stays a frame: each action opens a dialog, calls
one service through `window._call` (errors become a message, never a traceback) and hands
the returned Changed to `window._refresh`, which redraws the rows, case tabs and dashboard.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from vcs_app.domain.model import OptState
from vcs_app.services import cases, intake, preferences
from vcs_app.services.intake import MatchDecision

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow
    from vcs_app.qt.views.case_view import CaseView


class IntakeActions:
    """Dialogs are imported when first used, not when the window starts."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.ws = window.ws

    def attach(self, view: CaseView) -> None:
        """Connect a newly opened case view's victim-tab requests."""
        signals = view.victim_actions
        signals.opt_change.connect(self.record_opt_change)
        signals.follow_up.connect(self.record_follow_up)
        signals.preferences.connect(self.edit_preferences)
        signals.add_contact.connect(self.add_contact_detail)
        signals.edit_contact.connect(self.edit_contact_detail)
        signals.edit_referral.connect(self.edit_referral)
        signals.eligibility.connect(self.override_eligibility)

    def _case(self, case_id: int):
        return self.window._call(cases.open_case, self.ws, case_id)

    # --- new referrals ------------------------------------------------------------------

    def new_referral(self, same_offender_as: int | None = None) -> int | None:
        """Intake form, then (if anyone matches) the side-by-side choice, then save.

        Cancelling the comparison, or a refusal on saving, goes back to the form with
        everything typed so far. `same_offender_as`: a case whose offender has another
        victim (the form starts with the offender, sentence, OM and VLO filled in).
        """
        from vcs_app.qt.dialogs.duplicates import DuplicatesDialog
        from vcs_app.qt.dialogs.intake import IntakeDialog

        w = self.window
        same = None
        if same_offender_as is not None:
            same = w._call(intake.same_offender, self.ws, same_offender_as)
            if same is None:
                return None
        referral = None
        while True:
            referral = IntakeDialog.ask(w, cases.vlo_names(self.ws), referral, same)
            if referral is None:
                return None
            matches = w._call(intake.find_matches, self.ws, referral)
            if matches is None:
                continue
            decision = MatchDecision()
            if matches.found:
                decision = DuplicatesDialog.ask(w, referral, matches)
                if decision is None:
                    continue
            changed = w._call(intake.register_referral, self.ws, referral, decision)
            if changed is None:
                continue
            w.caseload.model.reload()
            w._refresh(changed)
            w.open_case(changed.record_id)
            return changed.record_id

    def import_referrals(self) -> None:
        from vcs_app.qt.views.import_view import ImportDialog

        dialog = ImportDialog(self.window, self.ws)
        dialog.imported.connect(self._imported)
        dialog.exec()

    def _imported(self, _report) -> None:
        self.window.caseload.model.reload()
        self.window._refresh(cases.Changed((), "import"))

    # --- the opt-in journey -------------------------------------------------------------

    def record_opt_change(self, case_id: int) -> None:
        from vcs_app.qt.dialogs.intake import OptChangeDialog

        case = self._case(case_id)
        if case is None:
            return
        values = OptChangeDialog.ask(self.window, case.link)
        if values is not None:
            self.window._refresh(
                self.window._call(
                    lambda: intake.record_opt_change(
                        self.ws,
                        case_id,
                        values["state"],
                        on=values["on"],
                        source=values["source"],
                        contact_level=values["contact_level"],
                    )
                )
            )

    def record_follow_up(self, case_id: int) -> None:
        from vcs_app.qt.dialogs.intake import FollowUpDialog

        case = self._case(case_id)
        if case is None:
            return
        values = FollowUpDialog.ask(self.window, case.link)
        if values is not None:
            self.window._refresh(
                self.window._call(lambda: intake.record_follow_up(self.ws, case_id, **values))
            )

    def edit_referral(self, case_id: int) -> None:
        from vcs_app.qt.dialogs.intake import ReferralDetailsDialog

        case = self._case(case_id)
        if case is None:
            return
        record = intake.referral_record(self.ws, case_id)
        changes = ReferralDetailsDialog.ask(
            self.window, case.link, record, cases.vlo_names(self.ws)
        )
        if changes is not None:
            self.window._refresh(
                self.window._call(intake.update_referral, self.ws, case_id, changes)
            )

    def override_eligibility(self, case_id: int) -> None:
        from vcs_app.qt.dialogs.intake import EligibilityOverrideDialog

        case = self._case(case_id)
        if case is None:
            return
        values = EligibilityOverrideDialog.ask(self.window, case.link, self.ws.user)
        if values is not None:
            self.window._refresh(
                self.window._call(
                    lambda: intake.override_case_eligibility(
                        self.ws,
                        case_id,
                        values["outcome"],
                        reason=values["reason"],
                        by=values["by"],
                    )
                )
            )

    # --- contact preferences and details ------------------------------------------------

    def edit_preferences(self, case_id: int) -> None:
        from vcs_app.qt.dialogs.preferences import PreferencesDialog

        case = self._case(case_id)
        if case is None:
            return
        prefs = PreferencesDialog.ask(
            self.window,
            preferences.preferences_of(self.ws, case_id),
            case.link.opt_state is OptState.OPTED_IN,
            case.victim.is_minor(self.ws.today()),
        )
        if prefs is not None:
            self.window._refresh(
                self.window._call(preferences.update_preferences, self.ws, case_id, prefs)
            )

    def add_contact_detail(self, case_id: int) -> None:
        from vcs_app.qt.dialogs.preferences import ContactDetailDialog

        detail = ContactDetailDialog.ask(self.window)
        if detail is not None:
            self.window._refresh(
                self.window._call(preferences.add_contact_detail, self.ws, case_id, detail)
            )

    def edit_contact_detail(self, case_id: int, detail_id: int) -> None:
        from vcs_app.qt.dialogs.preferences import ContactDetailDialog

        case = self._case(case_id)
        if case is None:
            return
        detail = next((c for c in case.contacts if c.id == detail_id), None)
        edited = ContactDetailDialog.ask(self.window, detail) if detail else None
        if edited is not None:
            self.window._refresh(
                self.window._call(preferences.update_contact_detail, self.ws, edited)
            )

    # --- the dashboard ------------------------------------------------------------------

    def complete_task(self, task_id: int, title: str = "") -> None:
        """Ask what came of the task (one line, optional), then mark it done (undoable)."""
        from vcs_app.qt.dialogs.forms import TaskDoneDialog

        note = TaskDoneDialog.ask(self.window, title)
        if note is not None:
            self.window.undo.complete_task(task_id, note)
