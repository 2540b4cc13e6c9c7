"""Dialogs for licence-condition requests and the OM side, and the one place that turns
a button on a case tab or dashboard into a dialog and a service call.

Every dialog returns plain values (or a domain object) from `build()`; the domain says
what is wrong, inside the dialog, before anything is saved.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.conditions import (
    ConditionDraft,
    ConditionRequest,
    Decision,
    OffenderManager,
    OMWait,
    Step,
    check_decision,
    check_variation,
    condition_label,
)
from vcs_app.domain.model import CaseFile, LiaisonChannel, ValidationError
from vcs_app.qt import printing
from vcs_app.qt.dialogs.forms import FormDialog
from vcs_app.qt.dialogs.kept_file import confirm_unencrypted, open_kept
from vcs_app.qt.i18n import label, shown
from vcs_app.qt.widgets import (
    add_row,
    date_edit,
    date_of,
    enum_combo,
    plain_label,
    tab_in_reading_order,
    today,
)
from vcs_app.services import cases, conditions, documents, liaison, om
from vcs_app.services.cases import Changed

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow

OFFENDER_SIDE_NOTE = QT_TRANSLATE_NOOP(
    "ConditionDialog",
    "Everything here goes to the offender manager: never write the victim's address, "
    "phone number or email.",
)


def _text_box(text: str = "", lines: int = 3) -> QPlainTextEdit:
    box = QPlainTextEdit(text)
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


def _channels() -> list[tuple[str, str]]:
    return [(c.value, label(c)) for c in LiaisonChannel]


def _note(text: str) -> QLabel:
    note = plain_label(text)
    note.setWordWrap(True)
    return note


class ConditionDialog(FormDialog):
    """A new request: the condition from the catalogue, its wording, why and what risk."""

    def __init__(self, parent: QWidget | None, link_id: int, victim_name: str = "") -> None:
        super().__init__(
            parent, QCoreApplication.translate("ConditionDialog", "Request a licence condition")
        )
        self.setMinimumWidth(620)
        self._link_id = link_id
        self._victim_name = victim_name
        self._catalogue = conditions.catalogue()
        self._wording_edited = False
        self.form.addRow(_note(QCoreApplication.translate("ConditionDialog", OFFENDER_SIDE_NOTE)))
        self.kind = add_row(
            self.form,
            QCoreApplication.translate("ConditionDialog", "&Condition:"),
            enum_combo([(t.key, t.title) for t in self._catalogue.templates]),
        )
        self.details = QWidget()
        self.details.setAccessibleName(
            QCoreApplication.translate("ConditionDialog", "Condition details")
        )
        self.details_form = QFormLayout(self.details)
        self.details_form.setContentsMargins(0, 0, 0, 0)
        self.form.addRow(self.details)
        self.wording = add_row(
            self.form,
            QCoreApplication.translate("ConditionDialog", "&Wording:"),
            _text_box(lines=4),
        )
        self.reason = add_row(
            self.form,
            QCoreApplication.translate("ConditionDialog", "Victim's &reason:"),
            _text_box(),
        )
        self.risk = add_row(
            self.form,
            QCoreApplication.translate("ConditionDialog", "Ris&k it addresses:"),
            _text_box(),
        )
        self.requested_on = add_row(
            self.form,
            QCoreApplication.translate("ConditionDialog", "Requested &on:"),
            date_edit(today()),
        )
        self.map_path = QLineEdit()
        self.map_path.setReadOnly(True)
        self.map_path.setPlaceholderText(
            QCoreApplication.translate("ConditionDialog", "No map attached")
        )
        self.choose_map = QPushButton(QCoreApplication.translate("ConditionDialog", "Choose &map…"))
        self.choose_map.setAccessibleName(
            QCoreApplication.translate("ConditionDialog", "Choose map picture")
        )
        self.choose_map.clicked.connect(self._choose_map)
        self.clear_map = QPushButton(QCoreApplication.translate("ConditionDialog", "Remove map"))
        self.clear_map.setAccessibleName(
            QCoreApplication.translate("ConditionDialog", "Remove map")
        )
        self.clear_map.clicked.connect(self.map_path.clear)
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.map_path, 1)
        box.addWidget(self.choose_map)
        box.addWidget(self.clear_map)
        add_row(
            self.form,
            QCoreApplication.translate("ConditionDialog", "Map (area only):"),
            row,
            name=QCoreApplication.translate("ConditionDialog", "Map"),
        )
        self.map_path.setAccessibleName(
            QCoreApplication.translate("ConditionDialog", "Map picture file")
        )
        self.map_checked = add_row(
            self.form,
            "",
            QCheckBox(
                QCoreApplication.translate(
                    "ConditionDialog", "I have checked the map does not show the victim's address"
                )
            ),
            name=QCoreApplication.translate(
                "ConditionDialog", "Map checked: does not show the victim's address"
            ),
        )
        self.wording.textChanged.connect(self._wording_typed)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def template(self):
        return self._catalogue.get(self.kind.currentData())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        tab_in_reading_order(self)  # the detail rows are made after the rows below them
        self.setMinimumWidth(max(self.minimumWidth(), self.sizeHint().width()))  # Welsh

    def _kind_changed(self) -> None:
        while self.details_form.rowCount():
            self.details_form.removeRow(0)
        self.fields: dict[str, QLineEdit] = {}
        for placeholder in self.template().placeholders:
            edit = QLineEdit(self._victim_name if placeholder.key == "persons" else "")
            edit.setPlaceholderText(shown(placeholder.hint))
            add_row(self.details_form, f"{shown(placeholder.label)}:", edit)
            edit.textChanged.connect(self._refill)
            self.fields[placeholder.key] = edit
        allowed = self.template().map_allowed
        for widget in (self.map_path, self.choose_map, self.clear_map, self.map_checked):
            widget.setEnabled(allowed)
        if not allowed:
            self.map_path.clear()
        self._wording_edited = False
        self._refill()
        if self.isVisible():
            tab_in_reading_order(self)

    def _values(self) -> dict[str, str]:
        return {key: edit.text() for key, edit in self.fields.items()}

    def _refill(self) -> None:
        """Keep the wording in step with the details until the VLO edits it by hand."""
        if self._wording_edited:
            return
        try:
            text = self.template().fill(self._values())
        except ValidationError:
            text = self.template().wording
        self.wording.blockSignals(True)
        self.wording.setPlainText(text)
        self.wording.blockSignals(False)

    def _wording_typed(self) -> None:
        self._wording_edited = True

    def _choose_map(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("ConditionDialog", "Choose the map picture"),
            "",
            QCoreApplication.translate(
                "ConditionDialog", "Pictures (*.png *.jpg *.jpeg *.gif *.bmp)"
            ),
        )
        if name:
            self.map_path.setText(name)

    def build(self) -> ConditionDraft:
        values = self._values()
        wording = self.wording.toPlainText()
        if "{" in wording:  # still the standard wording: the details are needed
            wording = self.template().fill(values)
        if self.map_path.text() and not self.map_checked.isChecked():
            raise ValidationError(
                QCoreApplication.translate(
                    "ConditionDialog",
                    "Check the map and tick that it does not show the victim's address.",
                )
            )
        return ConditionDraft(
            link_id=self._link_id,
            kind=self.kind.currentData(),
            wording=wording,
            reason=self.reason.toPlainText(),
            risk=self.risk.toPlainText(),
            requested_on=date_of(self.requested_on) or today(),
            values=tuple(values.items()),
            map_source=self.map_path.text(),
        )


class SendToOMDialog(FormDialog):
    """Which requests go to the OM in one document, and where its PDF is kept."""

    def __init__(
        self, parent: QWidget | None, case: CaseFile, chosen: int | None, default_path: Path
    ) -> None:
        super().__init__(
            parent,
            QCoreApplication.translate(
                "SendToOMDialog", "Send licence condition request to the OM"
            ),
        )
        self.setMinimumWidth(560)
        link = case.link
        who = f"{link.om_name}, {link.om_team}" if link.om_team else link.om_name
        self.form.addRow(
            _note(
                QCoreApplication.translate("SendToOMDialog", "To: {value}").format(
                    value=who
                    or QCoreApplication.translate("SendToOMDialog", "no offender manager recorded")
                )
            )
        )
        self.form.addRow(
            _note(
                QCoreApplication.translate(
                    "SendToOMDialog",
                    "The document is checked before it is produced: it is refused if it holds "
                    "any victim's address, phone number or email.",
                )
            )
        )
        self.requests: dict[int, QCheckBox] = {}
        column = QWidget()
        rows = QVBoxLayout(column)
        rows.setContentsMargins(0, 0, 0, 0)
        for request in case.conditions:
            if request.status.value != "requested":
                continue
            box = QCheckBox(
                QCoreApplication.translate(
                    "SendToOMDialog", "{title} (requested {requested_on:%d/%m/%Y})"
                ).format(title=shown(request.title), requested_on=request.requested_on)
            )
            box.setAccessibleName(
                QCoreApplication.translate("SendToOMDialog", "Send: {title}").format(
                    title=shown(request.title)
                )
            )
            box.setChecked(chosen is None or request.id == chosen)
            rows.addWidget(box)
            self.requests[request.id] = box
        if not self.requests:
            rows.addWidget(
                _note(
                    QCoreApplication.translate(
                        "SendToOMDialog", "No request on this case is waiting to be sent."
                    )
                )
            )
        add_row(
            self.form,
            QCoreApplication.translate("SendToOMDialog", "Requests:"),
            column,
            name=QCoreApplication.translate("SendToOMDialog", "Requests to send"),
        )
        self.on = add_row(
            self.form,
            QCoreApplication.translate("SendToOMDialog", "&Date sent:"),
            date_edit(today()),
        )
        self.channel = add_row(
            self.form,
            QCoreApplication.translate("SendToOMDialog", "&Sent by:"),
            enum_combo(_channels()),
        )
        self.path = QLineEdit(str(default_path))
        browse = QPushButton(QCoreApplication.translate("SendToOMDialog", "&Browse…"))
        browse.setAccessibleName(
            QCoreApplication.translate("SendToOMDialog", "Choose where to save the PDF")
        )
        browse.clicked.connect(self._browse)
        row = QWidget()
        box_row = QHBoxLayout(row)
        box_row.setContentsMargins(0, 0, 0, 0)
        box_row.addWidget(self.path, 1)
        box_row.addWidget(browse)
        add_row(
            self.form,
            QCoreApplication.translate("SendToOMDialog", "Save &PDF to:"),
            row,
            name=QCoreApplication.translate("SendToOMDialog", "PDF file"),
        )
        self.path.setAccessibleName(QCoreApplication.translate("SendToOMDialog", "PDF file"))
        self.print_it = QCheckBox(
            QCoreApplication.translate("SendToOMDialog", "P&rint it too (to post or hand over)")
        )
        self.print_it.setAccessibleName(
            QCoreApplication.translate("SendToOMDialog", "Print the request too")
        )
        self.form.addRow(self.print_it)

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("SendToOMDialog", "Save the request as"),
            self.path.text(),
            QCoreApplication.translate("SendToOMDialog", "PDF (*.pdf)"),
        )
        if name:
            self.path.setText(name)

    def build(self) -> dict[str, Any]:
        ids = [rid for rid, box in self.requests.items() if box.isChecked()]
        if not ids:
            raise ValidationError(
                QCoreApplication.translate("SendToOMDialog", "Tick at least one request to send.")
            )
        if not self.path.text().strip():
            raise ValidationError(
                QCoreApplication.translate("SendToOMDialog", "Choose where to save the PDF.")
            )
        return {
            "request_ids": ids,
            "on": date_of(self.on) or today(),
            "channel": self.channel.currentData(),
            "pdf_path": Path(self.path.text().strip()),
            "print_it": self.print_it.isChecked(),
        }


class _FromOMDialog(FormDialog):
    """What the OM said: the date, how and who (it is logged as their reply)."""

    def __init__(self, parent: QWidget | None, title: str, request: ConditionRequest) -> None:
        super().__init__(parent, title)
        self.form.addRow(_note(shown(request.title)))
        self.on = add_row(
            self.form, QCoreApplication.translate("_FromOMDialog", "&Date:"), date_edit(today())
        )
        self.channel = add_row(
            self.form, QCoreApplication.translate("_FromOMDialog", "&By:"), enum_combo(_channels())
        )
        self.who = add_row(
            self.form,
            QCoreApplication.translate("_FromOMDialog", "&Person:"),
            QLineEdit(request.om_name),
        )

    def build(self) -> dict[str, Any]:
        return {
            "on": date_of(self.on) or today(),
            "channel": self.channel.currentData(),
            "who": self.who.text(),
        }


class AcknowledgementDialog(_FromOMDialog):
    def __init__(self, parent: QWidget | None, request: ConditionRequest) -> None:
        super().__init__(
            parent,
            QCoreApplication.translate("AcknowledgementDialog", "Record the OM's acknowledgement"),
            request,
        )
        self.note = add_row(
            self.form, QCoreApplication.translate("AcknowledgementDialog", "&Note:"), _text_box()
        )

    def build(self) -> dict[str, Any]:
        return {**super().build(), "note": self.note.toPlainText().strip()}


class DecisionDialog(_FromOMDialog):
    """The OM's decision: included, amended (with the wording used) or refused, and why."""

    def __init__(self, parent: QWidget | None, request: ConditionRequest) -> None:
        super().__init__(
            parent,
            QCoreApplication.translate("DecisionDialog", "Record the OM's decision"),
            request,
        )
        self.decision = add_row(
            self.form,
            QCoreApplication.translate("DecisionDialog", "D&ecision:"),
            enum_combo([(d.value, condition_label(d)) for d in Decision]),
        )
        self.reason = add_row(
            self.form, QCoreApplication.translate("DecisionDialog", "OM's &reason:"), _text_box()
        )
        self.licence_wording = add_row(
            self.form,
            QCoreApplication.translate("DecisionDialog", "&Wording on the licence:"),
            _text_box(request.wording, 4),
        )
        self.form.addRow(
            _note(
                QCoreApplication.translate(
                    "DecisionDialog",
                    "A refused or amended condition gives you a task to explain why to the victim.",
                )
            )
        )
        self.decision.currentIndexChanged.connect(self._decision_changed)
        self._decision_changed()

    def _decision_changed(self) -> None:
        self.licence_wording.setEnabled(self.decision.currentData() == Decision.AMENDED.value)

    def build(self) -> dict[str, Any]:
        decision = Decision(self.decision.currentData())
        reason, wording = check_decision(
            decision,
            self.reason.toPlainText(),
            self.licence_wording.toPlainText() if decision is Decision.AMENDED else "",
        )
        return {
            **super().build(),
            "decision": decision,
            "reason": reason,
            "licence_wording": wording,
        }


class DatedNoteDialog(FormDialog):
    """A date and a note: the victim told, the condition ended."""

    def __init__(self, parent: QWidget | None, title: str, note_label: str, about: str) -> None:
        super().__init__(parent, title)
        self.form.addRow(_note(about))
        self.on = add_row(
            self.form, QCoreApplication.translate("DatedNoteDialog", "&Date:"), date_edit(today())
        )
        self.note = add_row(self.form, note_label, _text_box())

    def build(self) -> dict[str, Any]:
        return {"on": date_of(self.on) or today(), "note": self.note.toPlainText().strip()}


class VariationDialog(DatedNoteDialog):
    def __init__(self, parent: QWidget | None, request: ConditionRequest) -> None:
        super().__init__(
            parent,
            QCoreApplication.translate("VariationDialog", "Record a variation"),
            QCoreApplication.translate("VariationDialog", "&Why it changed:"),
            shown(request.title),
        )
        self.wording = add_row(
            self.form,
            QCoreApplication.translate("VariationDialog", "&New wording:"),
            _text_box(request.licence_wording or request.wording, 4),
        )

    def build(self) -> dict[str, Any]:
        wording, note = check_variation(self.wording.toPlainText(), self.note.toPlainText())
        return {"on": date_of(self.on) or today(), "licence_wording": wording, "note": note}


class ChaseDialog(FormDialog):
    def __init__(self, parent: QWidget | None, om_name: str, what: str) -> None:
        super().__init__(
            parent, QCoreApplication.translate("ChaseDialog", "Chase the offender manager")
        )
        what = shown(what)  # "the decision on ...": the domain's words
        self.form.addRow(
            _note(f"{om_name or QCoreApplication.translate('ChaseDialog', 'The OM')}: {what}")
        )
        self.on = add_row(
            self.form, QCoreApplication.translate("ChaseDialog", "&Date:"), date_edit(today())
        )
        self.channel = add_row(
            self.form, QCoreApplication.translate("ChaseDialog", "&By:"), enum_combo(_channels())
        )
        self.summary = add_row(
            self.form,
            QCoreApplication.translate("ChaseDialog", "&Summary:"),
            _text_box(
                QCoreApplication.translate(
                    "ChaseDialog", "Chased {om} for a reply: {what}."
                ).format(
                    om=om_name or QCoreApplication.translate("ChaseDialog", "the OM"), what=what
                )
            ),
        )

    def build(self) -> dict[str, Any]:
        summary = self.summary.toPlainText().strip()
        if not summary:
            raise ValidationError(
                QCoreApplication.translate("ChaseDialog", "Say how the OM was chased.")
            )
        return {
            "on": date_of(self.on) or today(),
            "channel": self.channel.currentData(),
            "summary": summary,
        }


class OMDialog(FormDialog):
    """An OM in the directory: work contact routes only."""

    def __init__(self, parent: QWidget | None, om: OffenderManager | None = None) -> None:
        super().__init__(
            parent,
            QCoreApplication.translate("OMDialog", "Edit offender manager")
            if om and om.id
            else QCoreApplication.translate("OMDialog", "Add offender manager"),
        )
        self._id = om.id if om else None
        self.form.addRow(
            _note(
                QCoreApplication.translate(
                    "OMDialog", "Work contact routes only: never a personal email or phone."
                )
            )
        )
        self.name = add_row(
            self.form,
            QCoreApplication.translate("OMDialog", "&Name:"),
            QLineEdit(om.name if om else ""),
        )
        self.team = add_row(
            self.form,
            QCoreApplication.translate("OMDialog", "&Team:"),
            QLineEdit(om.team if om else ""),
        )
        self.email = add_row(
            self.form,
            QCoreApplication.translate("OMDialog", "Work &email:"),
            QLineEdit(om.email if om else ""),
        )
        self.phone = add_row(
            self.form,
            QCoreApplication.translate("OMDialog", "Work &phone:"),
            QLineEdit(om.phone if om else ""),
        )

    def build(self) -> OffenderManager:
        return OffenderManager(
            id=self._id,
            name=self.name.text(),
            team=self.team.text(),
            email=self.email.text(),
            phone=self.phone.text(),
        )


class ChangeOMDialog(FormDialog):
    """A new OM for the case, from the directory; the old one stays in the history."""

    def __init__(
        self, parent: QWidget | None, current: str, choices: list[OffenderManager]
    ) -> None:
        super().__init__(
            parent,
            QCoreApplication.translate("ChangeOMDialog", "Change the case's offender manager"),
        )
        self.form.addRow(
            _note(
                QCoreApplication.translate("ChangeOMDialog", "Current OM: {value}").format(
                    value=current or QCoreApplication.translate("ChangeOMDialog", "none recorded")
                )
            )
        )
        self.om = add_row(
            self.form,
            QCoreApplication.translate("ChangeOMDialog", "&New OM:"),
            enum_combo(
                [(str(o.id), f"{o.name} ({o.team})" if o.team else o.name) for o in choices]
            ),
        )
        if not choices:
            self.form.addRow(
                _note(
                    QCoreApplication.translate(
                        "ChangeOMDialog",
                        "The directory is empty: add the OM there first (View menu).",
                    )
                )
            )
        self.on = add_row(
            self.form, QCoreApplication.translate("ChangeOMDialog", "&From:"), date_edit(today())
        )
        self.reason = add_row(
            self.form, QCoreApplication.translate("ChangeOMDialog", "&Reason:"), QLineEdit()
        )

    def build(self) -> dict[str, Any]:
        if self.om.currentData() is None:
            raise ValidationError(
                QCoreApplication.translate("ChangeOMDialog", "Choose the new offender manager.")
            )
        return {
            "om_id": int(self.om.currentData()),
            "on": date_of(self.on) or today(),
            "reason": self.reason.text(),
        }


# --- from a button to a service call ---------------------------------------------------


def _case(window: MainWindow, case_id: int) -> CaseFile | None:
    view = window.case_tab(case_id)
    return view.case if view is not None else window._call(cases.open_case, window.ws, case_id)


def _request(case: CaseFile, request_id: int) -> ConditionRequest | None:
    return next((r for r in case.conditions if r.id == request_id), None)


def _call(window: MainWindow, func, **kwargs) -> Changed | None:
    return window._call(functools.partial(func, window.ws, **kwargs))


def _step(window: MainWindow, step: Step, func, request_id: int, **values) -> None:
    """Record a status step through the window's undo history, which saves it and
    refreshes the views (so the caller has nothing left to refresh)."""
    record = functools.partial(func, window.ws, request_id=request_id, **values)
    window.undo.condition_step(request_id, step, record)


def request_condition(window: MainWindow, case: CaseFile, _: int) -> Changed | None:
    """A request refused (say, its reason holds the victim's street) stays in the dialog,
    filled in, to be corrected."""
    return ConditionDialog.ask_and_save(
        window,
        functools.partial(conditions.request_condition, window.ws),
        case.link.id,
        case.victim.full_name,
    )


def send(window: MainWindow, case: CaseFile, request_id: int) -> Changed | None:
    default = om.default_document_path(window.ws, case.link.ref, today())
    values = SendToOMDialog.ask(window, case, request_id or None, default)
    if values is None:
        return None
    elsewhere = Path(values["pdf_path"]) != default
    if elsewhere and not confirm_unencrypted(window, window.ws, "the request PDF saved there"):
        return None
    if values.pop("print_it"):
        # The same route as letters: a printer is chosen (or there is none, said in one
        # line), and the service's gate checks the document again before it prints.
        printer = window._call(printing.choose_printer, window)
        if printer is None:
            return None
        values["send_to_printer"] = printing.send_to(
            printer, watermark=documents.watermark(window.ws)
        )
    changed = _call(window, om.send_to_om, link_id=case.link.id, **values)
    if changed is None:
        return None
    window._refresh(changed)  # first, so the status line is not redrawn over the message
    if documents.encrypted(window.ws) and not elsewhere:
        where = QCoreApplication.translate(
            "SendToOMDialog", "Request sent; kept encrypted in {path}"
        ).format(path=default.parent)
    else:
        where = QCoreApplication.translate(
            "SendToOMDialog", "Request sent; PDF saved to {path}"
        ).format(path=values["pdf_path"])
    window.statusBar().showMessage(
        where
        + (
            QCoreApplication.translate("SendToOMDialog", " and printed.")
            if "send_to_printer" in values
            else ""
        ),
        15000,
    )
    return None


def acknowledge(window: MainWindow, case: CaseFile, request_id: int) -> Changed | None:
    request = _request(case, request_id)
    values = request and AcknowledgementDialog.ask(window, request)
    if not values:
        return None
    return _step(window, Step.ACKNOWLEDGED, conditions.record_acknowledgement, request_id, **values)


def decide(window: MainWindow, case: CaseFile, request_id: int) -> Changed | None:
    request = _request(case, request_id)
    values = request and DecisionDialog.ask(window, request)
    if not values:
        return None
    return _step(window, Step.DECIDED, conditions.record_decision, request_id, **values)


def inform(window: MainWindow, case: CaseFile, request_id: int) -> Changed | None:
    request = _request(case, request_id)
    values = request and DatedNoteDialog.ask(
        window,
        QCoreApplication.translate("Condition", "Record that the victim was told"),
        QCoreApplication.translate("Condition", "&How they were told:"),
        f"{shown(request.title)}: {shown(condition_label(request.decision))}",
    )
    if not values:
        return None
    return _step(
        window, Step.VICTIM_INFORMED, conditions.record_victim_informed, request_id, **values
    )


def vary(window: MainWindow, case: CaseFile, request_id: int) -> Changed | None:
    request = _request(case, request_id)
    values = request and VariationDialog.ask(window, request)
    if not values:
        return None
    return _step(window, Step.VARIED, conditions.record_variation, request_id, **values)


def end(window: MainWindow, case: CaseFile, request_id: int) -> Changed | None:
    request = _request(case, request_id)
    values = request and DatedNoteDialog.ask(
        window,
        QCoreApplication.translate("Condition", "Record the end of the condition"),
        QCoreApplication.translate("Condition", "&Why:"),
        shown(request.title),
    )
    if not values:
        return None
    return _step(window, Step.ENDED, conditions.record_end, request_id, **values)


def chase_request(window: MainWindow, case: CaseFile, request_id: int) -> Changed | None:
    request = _request(case, request_id)
    values = request and ChaseDialog.ask(
        window,
        case.link.om_name,
        QCoreApplication.translate("Condition", "licence condition request ({title})").format(
            title=request.title
        ),
    )
    if not values:
        return None
    return _call(window, liaison.chase, link_id=case.link.id, request_id=request_id, **values)


def chase_question(window: MainWindow, case: CaseFile, entry_id: int) -> Changed | None:
    entry = next((e for e in case.liaison if e.id == entry_id), None)
    values = entry and ChaseDialog.ask(window, case.link.om_name, entry.summary)
    if not values:
        return None
    return _call(window, liaison.chase, link_id=case.link.id, wait_id=entry_id, **values)


def change_om(window: MainWindow, case: CaseFile, _: int) -> Changed | None:
    choices = [row.om for row in window._call(om.directory, window.ws) or [] if row.om.id]
    values = ChangeOMDialog.ask(window, case.link.om_name, choices)
    if values is None:
        return None
    return _call(window, om.change_om, link_id=case.link.id, **values)


def open_map(window: MainWindow, case: CaseFile, request_id: int) -> None:
    request = _request(case, request_id)
    path = request and conditions.map_file(window.ws, request)
    if path is None or not path.exists():
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "Condition", "The map picture is missing from the data folder."
            ),
            10000,
        )
        return
    open_kept(window, window.ws, path)


ACTIONS = {
    "request": request_condition,
    "send": send,
    "acknowledge": acknowledge,
    "decide": decide,
    "inform": inform,
    "vary": vary,
    "end": end,
    "chase": chase_request,
    "chase_question": chase_question,
    "change_om": change_om,
    "open_map": open_map,
}


def run_case_action(window: MainWindow, case_id: int, action: str, record_id: int = 0) -> None:
    """A case tab asked for `action` on a request (or liaison note) `record_id`."""
    case = _case(window, case_id)
    if case is not None:
        window._refresh(ACTIONS[action](window, case, record_id))


def chase_wait(window: MainWindow, wait: OMWait) -> Changed | None:
    """Chase one line of the waiting-on-OM list."""
    values = ChaseDialog.ask(window, wait.om_name, wait.what)
    if not values:
        return None
    changed = _call(window, om.chase_wait, wait=wait, **values)
    window._refresh(changed)
    return changed
