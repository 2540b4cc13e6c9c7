"""The window's side of printing: choosing a printer and previewing. Every route to
paper (a letter's Print…, the Print… of its preview, a batch, the OM request, the report)
chooses its printer here and prints through a service's gate, which checks the document
again and logs the printer and the job.

- No printer, no print dialog: with none set up, Qt's dialog offers only "Print to File"
  and writes `~/print.pdf` without a word, so the VLO is told in one line instead.
- Printing to a file is never offered (Save PDF… is the way to a file).
- The preview has no Print button of its own: only one handed a gate (`print_route`)
  can print, so the preview of a blocked draft cannot.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtPrintSupport import (
    QAbstractPrintDialog,
    QPrintDialog,
    QPrinter,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import QDialog, QToolBar, QVBoxLayout, QWidget

from vcs_app.domain.model import DomainError
from vcs_app.letters.print_adapter import (
    BarChart,
    available_printers,
    default_printer,
    print_document,
)
from vcs_app.letters.print_system import PrintJob
from vcs_app.qt.widgets import plain_label
from vcs_app.services import letters
from vcs_app.services.workspace import Workspace

# After a print, ask the print system this often, this many times, whether it finished.
WATCH_MS = 1000
WATCH_TIMES = 20


def no_printer_words() -> str:
    return QCoreApplication.translate(
        "Printing",
        "No printer is set up on this computer, so nothing was printed. Add one (on Linux"
        " a CUPS printer, on Windows a system printer) or use Save PDF…",
    )


def run_print_dialog(dialog: QPrintDialog) -> bool:
    """Show the print dialog and wait for the VLO (tests replace this: it is modal)."""
    return dialog.exec() == QDialog.DialogCode.Accepted


def choose_printer(parent: QWidget | None, *, pages: int = 0) -> QPrinter | None:
    """Ask which printer (and which pages of `pages`); None if the VLO cancelled.
    DomainError, in words, when the computer has no printer at all."""
    names = available_printers()
    if not names:
        raise DomainError(no_printer_words())
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setPrinterName(default_printer() or names[0])
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
    if pages:
        dialog.setMinMax(1, pages)
    if not run_print_dialog(dialog):
        return None
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat or not printer.printerName():
        raise DomainError(
            QCoreApplication.translate(
                "Printing",
                "Choose a printer: VCS Desk does not print to a file (use Save PDF… for that).",
            )
        )
    return printer


def send_to(printer: QPrinter, *, watermark: str) -> Callable[..., PrintJob]:
    """The printer as a service's gate wants it: (html, job title, charts) -> the job;
    `watermark` is the caseload's ("DEMO" for a demo file, see documents.watermark)."""

    def send(html, title: str, charts: Mapping[str, BarChart] | None = None) -> PrintJob:
        return print_document(html, printer, title=title, charts=charts, watermark=watermark)

    return send


def sent_words(job: PrintJob) -> str:
    """What became of a print, in one line."""
    if job.job_id is None:
        return QCoreApplication.translate("Printing", "Sent to the printer {printer}.").format(
            printer=job.printer
        )
    if job.state.settled:
        return QCoreApplication.translate("Printing", "Printed on {printer} (job {job}).").format(
            printer=job.printer, job=job.job_id
        )
    return QCoreApplication.translate(
        "Printing", "Sent to the printer {printer} (job {job})."
    ).format(printer=job.printer, job=job.job_id)


class PrintPreview(QDialog):
    """The print preview: drawn by `paint` (the routine that prints and writes the PDF).

    Its Print… calls `print_route`, a gate that checks and logs; with no route (a blocked
    or unapproved draft, an invented case) there is nothing to print with, and `why_not`
    says why.
    """

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        paint: Callable[[QPrinter], object],
        *,
        print_route: Callable[[], object] | None = None,
        why_not: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)  # the preview's page
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setAccessibleName(QCoreApplication.translate("Printing", "Pages"))
        self.paintRequested = self.preview.paintRequested
        self.paintRequested.connect(paint)
        self.print_route = print_route

        bar = QToolBar(self)
        bar.setAccessibleName(QCoreApplication.translate("Printing", "Preview tools"))
        self.print_action = self._action(
            bar, QCoreApplication.translate("Printing", "&Print…"), QKeySequence.StandardKey.Print
        )
        self.print_action.triggered.connect(self._print)
        self.print_action.setEnabled(print_route is not None)
        bar.addSeparator()
        self._action(
            bar,
            QCoreApplication.translate("Printing", "P&revious page"),
            QKeySequence.StandardKey.MoveToPreviousPage,
            lambda: self._turn(-1),
        )
        self._action(
            bar,
            QCoreApplication.translate("Printing", "&Next page"),
            QKeySequence.StandardKey.MoveToNextPage,
            lambda: self._turn(1),
        )
        self._action(
            bar,
            QCoreApplication.translate("Printing", "Zoom &in"),
            QKeySequence.StandardKey.ZoomIn,
            lambda: self.preview.zoomIn(),
        )
        self._action(
            bar,
            QCoreApplication.translate("Printing", "Zoom &out"),
            QKeySequence.StandardKey.ZoomOut,
            lambda: self.preview.zoomOut(),
        )
        self._action(
            bar, QCoreApplication.translate("Printing", "&Fit width"), None, self.preview.fitToWidth
        )
        bar.addSeparator()
        self._action(
            bar,
            QCoreApplication.translate("Printing", "&Close"),
            QKeySequence.StandardKey.Close,
            self.reject,
        )
        self.note = plain_label(why_not)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setAccessibleName(QCoreApplication.translate("Printing", "Printing"))
        self.note.setVisible(bool(why_not))
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.note)
        layout.addWidget(self.preview, 1)
        self.resize(900, 900)

    def _action(self, bar: QToolBar, text: str, keys, slot=None) -> QAction:
        action = QAction(text, self)
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        if slot is not None:
            action.triggered.connect(slot)
        bar.addAction(action)
        return action

    def _turn(self, by: int) -> None:
        self.preview.setCurrentPage(self.preview.currentPage() + by)

    def _print(self) -> None:
        if self.print_route is not None:
            self.print_route()

    def say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setVisible(bool(text))


class JobWatch(QObject):
    """Asks the print system, once a second for a short while, what became of letters'
    print jobs; `changed` carries what the letter service changed when one ended. Jobs
    still unfinished after that are asked about again when the window next opens."""

    changed = Signal(object)  # services.cases.Changed

    def __init__(self, parent: QObject, ws: Workspace) -> None:
        super().__init__(parent)
        self.ws = ws
        self.letter_ids: list[int] = []
        self._times = 0
        self._timer = QTimer(self)
        self._timer.setInterval(WATCH_MS)
        self._timer.timeout.connect(self.ask)
        parent.installEventFilter(self)  # stops asking when its dialog or view closes

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self._timer.stop()
        return False

    def watch(self, letter_ids: list[int]) -> None:
        self.letter_ids = list(letter_ids)
        self._times = 0
        if self.letter_ids:
            self._timer.start()

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def ask(self) -> None:
        self._times += 1
        try:
            changed = letters.settle_print_jobs(self.ws, letter_ids=self.letter_ids)
            self.letter_ids = [
                i for i in self.letter_ids if letters.get_letter(self.ws, i).awaiting_printer
            ]
        except DomainError:
            changed = None
        if not self.letter_ids or self._times >= WATCH_TIMES:
            self._timer.stop()
        if changed is not None:
            self.changed.emit(changed)
