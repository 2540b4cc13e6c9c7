"""A file kept sealed beside an encrypted caseload (a letter PDF, a request to an OM, a
map), shown inside the app from memory: no readable copy is written to open it. "Save a
copy…" makes an ordinary file where the VLO chooses, after saying it will not be
encrypted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from vcs_app.domain.model import DomainError
from vcs_app.qt.widgets import plain_label, warn
from vcs_app.services import documents
from vcs_app.services.workspace import Workspace


def confirm_unencrypted(parent: QWidget | None, ws: Workspace, what: str) -> bool:
    """Before writing a file the VLO asked for from an encrypted caseload: say it will
    not be encrypted and let them stop. True to go on (always, for a plain caseload)."""
    warning = documents.unencrypted_warning(ws, what)
    if warning is None:
        return True
    title = QCoreApplication.translate("KeptFile", "Not encrypted")
    question = QCoreApplication.translate("KeptFile", "Save it anyway?")
    yes, no = QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.No
    return warn(parent, title, f"{warning}\n\n{question}", yes | no, no) == yes


def open_kept(parent: QWidget, ws: Workspace, path: Path) -> bool:
    """Open a kept file: a sealed one inside the app, any other in the desktop's viewer."""
    if not documents.is_sealed(path):
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        warn(
            parent,
            QCoreApplication.translate("KeptFile", "VCS Desk"),
            QCoreApplication.translate("LetterDialog", "No program could open {path}.").format(
                path=path
            ),
        )
        return False
    try:
        data = documents.read(ws, path)
    except DomainError as exc:
        warn(parent, QCoreApplication.translate("KeptFile", "VCS Desk"), str(exc))
        return False
    dialog = KeptFileDialog(parent, ws, path.name.removesuffix(".sealed"), data)
    dialog.exec()
    dialog.deleteLater()
    return True


class KeptFileDialog(QDialog):
    """Shows a kept PDF or picture from its bytes."""

    def __init__(self, parent: QWidget | None, ws: Workspace, name: str, data: bytes) -> None:
        super().__init__(parent)
        self.ws, self.name, self.data = ws, name, data
        self.setWindowTitle(name)
        self.setAccessibleName(QCoreApplication.translate("KeptFile", "Kept file"))
        self.resize(760, 900)
        layout = QVBoxLayout(self)
        note = plain_label(
            QCoreApplication.translate(
                "KeptFile",
                "Kept encrypted with the caseload; shown here without writing a readable copy.",
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        if name.lower().endswith(".pdf"):
            self._bytes = QByteArray(data)  # the document reads from these while shown
            self._buffer = QBuffer(self._bytes, self)
            self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
            self.document = QPdfDocument(self)
            self.document.load(self._buffer)
            self.view: QWidget = QPdfView(self)
            self.view.setDocument(self.document)
            self.view.setPageMode(QPdfView.PageMode.MultiPage)
            self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        else:
            picture = plain_label()
            picture.setPixmap(QPixmap.fromImage(QImage.fromData(data)))
            self.view = QScrollArea(self)
            self.view.setWidget(picture)
        self.view.setAccessibleName(name)
        layout.addWidget(self.view, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.save_button = QPushButton(QCoreApplication.translate("KeptFile", "&Save a copy…"))
        self.save_button.setAccessibleName(QCoreApplication.translate("KeptFile", "Save a copy"))
        buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.save_button.clicked.connect(self.save_copy)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choose_path(self) -> Path | None:
        """Ask where the copy goes (tests replace this)."""
        path, _ = QFileDialog.getSaveFileName(
            self, QCoreApplication.translate("KeptFile", "Save a copy as"), self.name
        )
        return Path(path) if path else None

    def save_copy(self) -> Path | None:
        if not confirm_unencrypted(self, self.ws, f"a copy of {self.name}"):
            return None
        path = self.choose_path()
        if path is None:
            return None
        try:
            documents.save_copy(path, self.data)
        except OSError as exc:
            warn(
                self,
                self.windowTitle(),
                QCoreApplication.translate(
                    "KeptFileDialog", "The copy could not be saved: {strerror}."
                ).format(strerror=exc.strerror),
            )
            return None
        return path
