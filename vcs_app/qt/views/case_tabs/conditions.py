"""The Licence conditions tab: what the victim asked for and where each request stands.

The buttons offer only the steps the selected request may take next (the domain
decides), and each one asks the main window to run it (`CaseView.om_work`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QPlainTextEdit, QPushButton, QSplitter, QWidget

from vcs_app.domain.conditions import ConditionRequest, Step, condition_label
from vcs_app.domain.model import CaseFile
from vcs_app.qt.i18n import shown
from vcs_app.qt.views.case_tabs.common import button, page
from vcs_app.qt.widgets import RowsModel, fmt_date, plain_label, set_widths, table_view

if TYPE_CHECKING:
    from vcs_app.qt.views.case_view import CaseView

TITLE = QT_TRANSLATE_NOOP("CaseView", "Licence &conditions")

# Step -> (button text, accessible name, action handled by run_case_action)
STEP_BUTTONS: dict[Step, tuple[str, str, str]] = {
    Step.SENT: (
        QT_TRANSLATE_NOOP("CaseView", "&Send to OM…"),
        QT_TRANSLATE_NOOP("CaseView", "Send to OM"),
        "send",
    ),
    Step.ACKNOWLEDGED: (
        QT_TRANSLATE_NOOP("CaseView", "Ac&knowledged…"),
        QT_TRANSLATE_NOOP("CaseView", "Record OM acknowledgement"),
        "acknowledge",
    ),
    Step.DECIDED: (
        QT_TRANSLATE_NOOP("CaseView", "&Decision…"),
        QT_TRANSLATE_NOOP("CaseView", "Record OM decision"),
        "decide",
    ),
    Step.VICTIM_INFORMED: (
        QT_TRANSLATE_NOOP("CaseView", "Victim &informed…"),
        QT_TRANSLATE_NOOP("CaseView", "Record victim informed"),
        "inform",
    ),
    Step.CHASED: (
        QT_TRANSLATE_NOOP("CaseView", "Chase O&M…"),
        QT_TRANSLATE_NOOP("CaseView", "Chase OM"),
        "chase",
    ),
    Step.VARIED: (
        QT_TRANSLATE_NOOP("CaseView", "V&ariation…"),
        QT_TRANSLATE_NOOP("CaseView", "Record variation"),
        "vary",
    ),
    Step.ENDED: (
        QT_TRANSLATE_NOOP("CaseView", "E&nd…"),
        QT_TRANSLATE_NOOP("CaseView", "Record end or withdrawal"),
        "end",
    ),
}


def _row(r: ConditionRequest) -> tuple:
    decision = condition_label(r.decision) if r.decision else ""
    return (
        r.title,
        condition_label(r.status),
        r.requested_on,
        r.sent_to_om_on or "",
        r.om_name,
        decision,
        r.decision_on or "",
        r.victim_informed_on
        or (QCoreApplication.translate("CaseView", "not yet") if r.decision else ""),
        r.chases,
        r.chase_due or "",
    )


def details_text(r: ConditionRequest) -> str:
    """Everything about one request, in words (what the details box shows)."""

    lines = [
        f"{shown(r.title)} — {shown(condition_label(r.status))}",
        QCoreApplication.translate("CaseView", "Requested wording: {wording}").format(
            wording=r.wording
        ),
    ]
    if r.licence_wording and r.licence_wording != r.wording:
        lines.append(
            QCoreApplication.translate("CaseView", "Wording on the licence: {wording}").format(
                wording=r.licence_wording
            )
        )
    lines += [
        QCoreApplication.translate("CaseView", "Victim's reason: {reason}").format(reason=r.reason),
        QCoreApplication.translate("CaseView", "Risk it addresses: {risk}").format(risk=r.risk),
    ]
    if r.decision:
        lines.append(
            QCoreApplication.translate("CaseView", "OM's decision: {decision} on {date}").format(
                decision=shown(condition_label(r.decision)), date=fmt_date(r.decision_on)
            )
            + (
                QCoreApplication.translate("CaseView", " — reason: {reason}").format(
                    reason=r.decision_reason
                )
                if r.decision_reason
                else ""
            )
        )
    if r.map_path:
        lines.append(
            QCoreApplication.translate("CaseView", "Map attached: {name}").format(
                name=r.map_path.rsplit("/", 1)[-1]
            )
        )
    if r.varied_on:
        lines.append(
            QCoreApplication.translate("CaseView", "Last varied: {date}").format(
                date=fmt_date(r.varied_on)
            )
        )
    if r.ended_on:
        lines.append(
            QCoreApplication.translate("CaseView", "Ended: {date}").format(
                date=fmt_date(r.ended_on)
            )
        )
    return "\n".join(lines)


def build(view: CaseView, case: CaseFile) -> QWidget:
    requests = case.conditions
    view.conditions_model = RowsModel(
        [
            QCoreApplication.translate("CaseView", "Condition"),
            QCoreApplication.translate("CaseView", "Status"),
            QCoreApplication.translate("CaseView", "Requested"),
            QCoreApplication.translate("CaseView", "Sent to OM"),
            QCoreApplication.translate("CaseView", "OM"),
            QCoreApplication.translate("CaseView", "Decision"),
            QCoreApplication.translate("CaseView", "Decided"),
            QCoreApplication.translate("CaseView", "Victim told"),
            QCoreApplication.translate("CaseView", "Chases"),
            QCoreApplication.translate("CaseView", "Chase due"),
        ],
        [_row(r) for r in requests],
    )
    table = table_view(
        view.conditions_model, QCoreApplication.translate("CaseView", "Licence condition requests")
    )
    set_widths(table, (300, 130, 90, 90, 130, 80, 90, 90, 60))
    view.conditions_table = table
    details = QPlainTextEdit()
    details.setReadOnly(True)
    details.setAccessibleName(QCoreApplication.translate("CaseView", "Request details"))
    steps = RowsModel(
        [
            QCoreApplication.translate("CaseView", "Date"),
            QCoreApplication.translate("CaseView", "Step"),
            QCoreApplication.translate("CaseView", "Recorded by"),
            QCoreApplication.translate("CaseView", "Note"),
        ]
    )
    steps_table = table_view(steps, QCoreApplication.translate("CaseView", "Steps of the request"))
    set_widths(steps_table, (90, 150, 110))
    view.condition_steps_model = steps
    lower = QSplitter(Qt.Orientation.Horizontal)
    lower.addWidget(details)
    lower.addWidget(steps_table)
    lower.setSizes([420, 520])

    def emit(action: str) -> None:
        view.om_work.emit(view.case_id, action, getattr(view, "selected_request_id", 0) or 0)

    step_buttons: dict[Step, QPushButton] = {}
    for step, (text, name, action) in STEP_BUTTONS.items():
        step_buttons[step] = button(
            QCoreApplication.translate("CaseView", text),
            QCoreApplication.translate("CaseView", name),
            lambda *_, a=action: emit(a),
        )
    map_button = button(
        QCoreApplication.translate("CaseView", "Open ma&p"),
        QCoreApplication.translate("CaseView", "Open map picture"),
        lambda: emit("open_map"),
    )

    def show(row: int) -> None:
        request = requests[row] if 0 <= row < len(requests) else None
        view.selected_request_id = request.id if request else None
        details.setPlainText(details_text(request) if request else "")
        steps.set_rows(
            [(s.on, condition_label(s.step), s.by, s.note) for s in request.steps]
            if request
            else []
        )
        allowed = request.allowed_steps() if request else ()
        for step, widget in step_buttons.items():
            widget.setEnabled(step in allowed)
        map_button.setEnabled(bool(request and request.map_path))

    table.selectionModel().currentRowChanged.connect(lambda current, _: show(current.row()))
    chosen = getattr(view, "selected_request_id", None)
    row = next((i for i, r in enumerate(requests) if r.id == chosen), 0 if requests else -1)
    if row >= 0:
        table.selectRow(row)
    show(row)
    empty = plain_label(
        QCoreApplication.translate(
            "CaseView", "No licence conditions have been requested for this case."
        )
        if not requests
        else QCoreApplication.translate(
            "CaseView", "1 request; select one to see its details and next steps."
        )
        if len(requests) == 1
        else QCoreApplication.translate(
            "CaseView", "{count} requests; select one to see its details and next steps."
        ).format(count=len(requests))
    )
    empty.setAccessibleName(QCoreApplication.translate("CaseView", "Licence conditions summary"))
    return page(
        empty,
        table,
        plain_label(
            QCoreApplication.translate("CaseView", "Details and steps of the selected request")
        ),
        lower,
        buttons=[
            button(
                QCoreApplication.translate("CaseView", "Re&quest condition…"),
                QCoreApplication.translate("CaseView", "Request a licence condition"),
                lambda: emit("request"),
            ),
            *step_buttons.values(),
            map_button,
        ],
    )
