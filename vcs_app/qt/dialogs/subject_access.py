"""'Export everything about this victim': asks for a folder, writes the PDF and CSV
bundle through the service (which logs the disclosure) and says where they went."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from vcs_app.qt.dialogs.kept_file import confirm_unencrypted
from vcs_app.qt.widgets import inform
from vcs_app.services import cases, subject_access
from vcs_app.services.subject_access import SubjectAccessExport

if TYPE_CHECKING:
    from vcs_app.qt.main_window import MainWindow

TITLE = "Subject access export"


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
            window, f"Folder for everything held about {case.victim.full_name}"
        )
        if not folder:
            return None
    done = window._call(subject_access.export_subject_access, window.ws, case.victim.id, folder)
    if done is not None:
        window._refresh(cases.Changed((case_id,), "disclosure"))
        inform(
            window,
            TITLE,
            f"{done.records} records about {case.victim.full_name} were saved as a "
            f"readable PDF and a CSV bundle:\n{done.pdf}\n{done.bundle}\n\n"
            "The export is logged as a disclosure. Review it before release: other people "
            "named in notes or letters may need to be redacted.",
        )
    return done
