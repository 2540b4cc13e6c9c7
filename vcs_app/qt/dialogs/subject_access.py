"""'Export everything about this victim': asks for a folder, writes the PDF and CSV
bundle through the service (which logs the disclosure) and says where they went."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog

from vcs_app.qt.dialogs.kept_file import confirm_unencrypted
from vcs_app.qt.widgets import inform
from vcs_app.services import cases, subject_access
from vcs_app.services.subject_access import SubjectAccessExport

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow

TITLE = QT_TRANSLATE_NOOP("SubjectAccess", "Subject access export")


def export_for_case(
    window: MainWindow, case_id: int, folder: Path | str | None = None
) -> SubjectAccessExport | None:
    """Export the victim of this case; `folder` None asks the VLO where to save."""
    case = window._call(cases.open_case, window.ws, case_id)
    if case is None:
        return None
    if not confirm_unencrypted(window, window.ws, "the export (a PDF and a zip of CSV files)"):
        return None
    if folder is None:
        folder = QFileDialog.getExistingDirectory(
            window,
            QCoreApplication.translate(
                "SubjectAccess", "Folder for everything held about {full_name}"
            ).format(full_name=case.victim.full_name),
        )
        if not folder:
            return None
    done = window._call(subject_access.export_subject_access, window.ws, case.victim.id, folder)
    if done is not None:
        window._refresh(cases.Changed((case_id,), "disclosure"))
        inform(
            window,
            QCoreApplication.translate("SubjectAccess", TITLE),
            QCoreApplication.translate(
                "SubjectAccess",
                "{records} records about {full_name} were saved as a readable PDF and a"
                " CSV bundle:\n{pdf}\n{bundle}\n\nThe export is logged as a disclosure. "
                "Review it before release: other people named in notes or letters may "
                "need to be redacted.",
            ).format(
                records=done.records,
                full_name=case.victim.full_name,
                pdf=done.pdf,
                bundle=done.bundle,
            ),
        )
    return done
