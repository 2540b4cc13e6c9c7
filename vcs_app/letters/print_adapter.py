"""The one place letters meet Qt: a single paint routine serves preview, print and PDF.

Every page is drawn by `paint_into`, so what the VLO previews is what prints and what
is archived as PDF. Pages are A4 with 20 mm margins, with no Qt default header or
footer; a letter longer than one page gets "Page 1 of 2" (or "Tudalen 1 o 2").
"""

from __future__ import annotations

import base64
import contextlib
import html as html_entities
import os
import queue
import re
import sys
import tempfile
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QMarginsF,
    QObject,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
    QUrl,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
)
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsSimpleTextItem

from vcs_app.domain.model import Language
from vcs_app.letters import print_system
from vcs_app.letters.context import LetterError
from vcs_app.letters.print_system import JobState, PrintJob

MARGIN_MM = 20.0
# Every document is laid out at this resolution, whatever it is drawn on (see paint_into).
LAYOUT_DPI = 1200
# Charts are pictures: 300 dpi is sharp on paper and keeps a report's size down.
CHART_DPI = 300
# The page number sits in the bottom margin, this far below the text.
_FOOTER_GAP_MM = 6.0
_FOOTER_HEIGHT_MM = 6.0
_PAGE_LABEL = {Language.ENGLISH: "Page {0} of {1}", Language.WELSH: "Tudalen {0} o {1}"}
_LANG_ATTRIBUTE = re.compile(r"<html[^>]*\blang=\"([a-z]{2})\"", re.IGNORECASE)
_TITLE = re.compile(r"<title>(.*?)</title>", re.IGNORECASE | re.DOTALL)

_app: QCoreApplication | None = None


def ensure_app() -> QCoreApplication:
    """Text layout needs a QGuiApplication, and charts (QGraphicsScene) a QApplication.
    The GUI has one; a headless command (letters or a report to PDF) gets an offscreen
    one, because there may be no display at all."""
    global _app
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    _app = QApplication(sys.argv[:1] or ["vcs-desk"])
    return _app


class _GuiThreadPainter(QObject):
    """Runs the painting of a worker thread's letters on the GUI thread.

    PySide keeps the GIL through some Qt calls that take Qt's internal signal/slot locks
    (creating a text layout, destroying a QObject). A worker making such a call while the
    GUI thread, holding one of those locks, waits for the GIL to disconnect a signal hangs
    both threads: CI caught it in a batch of letters. So a worker hands the painting (about
    40 ms a letter) to the GUI thread and waits with the GIL released; the event loop
    still turns between letters, and the worker keeps the database work.
    """

    _CALL = QEvent.Type(QEvent.registerEventType())

    def __init__(self) -> None:
        super().__init__()
        self._calls: queue.SimpleQueue[Callable[[], None]] = queue.SimpleQueue()

    def run(self, fn: Callable[[], int]) -> int:
        done = threading.Event()
        box: dict[str, object] = {}

        def call() -> None:
            try:
                box["value"] = fn()
            except BaseException as exc:  # handed back to the worker below
                box["error"] = exc
            finally:
                done.set()

        self._calls.put(call)
        QCoreApplication.postEvent(self, QEvent(self._CALL))
        done.wait()
        if "error" in box:
            raise box["error"]  # type: ignore[misc]
        return box["value"]  # type: ignore[return-value]

    def event(self, event: QEvent) -> bool:
        if event.type() != self._CALL:
            return super().event(event)
        while True:
            try:
                call = self._calls.get_nowait()
            except queue.Empty:
                return True
            call()


# Made when this module is first imported, on the GUI (main) thread, so it lives there.
_painter = _GuiThreadPainter() if threading.current_thread() is threading.main_thread() else None


def _on_gui_thread(fn: Callable[[], int]) -> int:
    """`fn()` on the GUI thread when called from a worker of a running GUI, else here."""
    app = QCoreApplication.instance()
    if _painter is None or app is None or threading.current_thread() is threading.main_thread():
        return fn()
    return _painter.run(fn)


def configure_page(device: QPagedPaintDevice) -> None:
    """A4 portrait with 20 mm margins: every letter, whatever the printer's default."""
    device.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
            QPageLayout.Unit.Millimeter,
        )
    )


@dataclass(frozen=True)
class BarChart:
    """A bar chart as plain data, so a service can put one in a PDF without Qt. QtCharts
    draws it the same way on screen (`bar_chart`) and on paper (`paint_into(charts=)`)."""

    title: str
    categories: tuple[str, ...]
    sets: tuple[tuple[str, tuple[float, ...]], ...]
    percent: bool = False
    # Bars across, categories down the left: for long names such as a VLO's.
    horizontal: bool = False
    # Size on paper in CSS pixels (1/96 inch); 400 x 250 is about 106 x 66 mm.
    width: int = 400
    height: int = 250
    # The bars' labels as text ("50.0%"), one per category of a single-set chart, drawn
    # over the bars instead of Qt's own number (which drops a trailing ".0"), so a chart
    # reads exactly like its table.
    labels: tuple[str, ...] = ()

    def img(self, name: str) -> str:
        """The HTML tag that places this chart on a page, given as `charts={name: ...}`."""
        return f'<img src="chart:{name}" width="{self.width}" height="{self.height}">'


def bar_chart(spec: BarChart) -> QChart:
    """Bars labelled with their values and a legend in words: never colour alone."""
    chart = QChart()
    chart.setTitle(spec.title)
    series = QHorizontalBarSeries() if spec.horizontal else QBarSeries()
    for name, values in spec.sets:
        bars = QBarSet(name)
        bars.append(list(reversed(values) if spec.horizontal else values))
        bars.setLabelColor(Qt.GlobalColor.black)
        series.append(bars)
    series.setLabelsVisible(not spec.labels)
    series.setLabelsFormat("@value%" if spec.percent else "@value")
    # Above the bar, so a short bar's number is still read.
    series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    names = list(spec.categories)
    if spec.horizontal:
        names.reverse()  # across, the first category is read at the top
    elif len(names) * 60 > spec.width - 80:
        names = [name.replace(" ", "<br>") for name in names]  # narrow: a word a line
    categories.append(names)
    categories.setTruncateLabels(False)
    values = QValueAxis()
    top = max((v for _, numbers in spec.sets for v in numbers), default=0)
    values.setRange(0, 100 if spec.percent else max(4, top * 1.25))
    values.applyNiceNumbers()
    values.setLabelFormat("%d%%" if spec.percent else "%d")
    bottom, left = (values, categories) if spec.horizontal else (categories, values)
    chart.addAxis(bottom, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(left, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(bottom)
    series.attachAxis(left)
    chart.legend().setVisible(len(spec.sets) > 1)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    if spec.labels:
        _label_bars(chart, series, spec)
    return chart


def _label_bars(chart: QChart, series: QBarSeries, spec: BarChart) -> None:
    """Put each of `spec.labels` just above (or right of) its bar, again whenever the plot
    area moves (a resized window, the chart laid out for paper)."""
    ((_, values),) = spec.sets
    count = len(values)
    items = [QGraphicsSimpleTextItem(text, chart) for text in spec.labels]
    for item in items:
        item.setZValue(100)  # over the bars and grid

    def place() -> None:
        for i, (item, value) in enumerate(zip(items, values, strict=True)):
            box = item.boundingRect()
            if spec.horizontal:  # categories read top down, drawn bottom up
                at = chart.mapToPosition(QPointF(value, count - 1 - i), series)
                item.setPos(at.x() + 3, at.y() - box.height() / 2)
            else:  # above the bar; inside its top when that would leave the plot
                at = chart.mapToPosition(QPointF(i, value), series)
                above = at.y() - box.height() - 1
                top = above if above >= chart.plotArea().top() else at.y() + 1
                item.setPos(at.x() - box.width() / 2, top)

    chart.plotAreaChanged.connect(place)
    place()


def chart_image(spec: BarChart, dpi: float) -> QImage:
    """The chart drawn on white at the page's resolution (GUI thread: it uses a scene)."""
    ensure_app()
    scale = dpi / 96
    image = QImage(
        round(spec.width * scale), round(spec.height * scale), QImage.Format.Format_RGB32
    )
    image.fill(Qt.GlobalColor.white)
    chart = bar_chart(spec)
    chart.setBackgroundVisible(False)  # paper is the background
    chart.resize(spec.width, spec.height)
    scene = QGraphicsScene()
    scene.addItem(chart)
    # The chart lays itself out on the next event-loop turn; paper cannot wait for one.
    chart.layout().activate()
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, QRectF(image.rect()), QRectF(0, 0, spec.width, spec.height))
    painter.end()
    return image


def _language_of(html: str, language: Language | None) -> Language:
    if language is not None:
        return Language(language)
    match = _LANG_ATTRIBUTE.search(html)
    return Language.WELSH if match and match.group(1).lower() == "cy" else Language.ENGLISH


def _title_of(html: str) -> str:
    match = _TITLE.search(html)
    return html_entities.unescape(" ".join(match.group(1).split())) if match else ""


KEEP_WITH_PREVIOUS = "keep-with-previous"  # an anchor name in the HTML (see base.html.j2)


def _keeps_with_previous(block) -> bool:
    """The block (a sign-off) is marked to stay on a page with the block before it."""
    fragments = block.begin()
    while not fragments.atEnd():
        if KEEP_WITH_PREVIOUS in fragments.fragment().charFormat().anchorNames():
            return True
        fragments += 1
    return False


def _keep_short_parts_together(document: QTextDocument, page_height: float) -> None:
    """Qt breaks pages between any two lines. Move a short paragraph or table that would
    straddle a page break onto the next page instead, so a sign-off stays with its
    signature and the contact box is never cut in two; a sign-off that would start a
    page takes the paragraph before it along."""
    layout = document.documentLayout()
    moved = True
    while moved:
        moved = False
        item = document.rootFrame().begin()
        previous = None
        while not item.atEnd():
            block = item.currentBlock()
            # currentFrame() is only asked for when there is one: on a plain block it returns
            # None and PySide 6.12 then releases None once too often (a crash at exit).
            frame = None if block.isValid() else item.currentFrame()
            if frame is not None:
                rect = layout.frameBoundingRect(frame)
                top, bottom = rect.top(), rect.bottom()
            else:
                rect, spacing = layout.blockBoundingRect(block), block.blockFormat()
                top, bottom = (
                    rect.top() + spacing.topMargin(),
                    rect.bottom() - spacing.bottomMargin(),
                )
            if frame is None and previous is not None and _keeps_with_previous(block):
                # The sign-off stays with the paragraph before it: both go over together.
                start = layout.blockBoundingRect(previous).top()
                apart = int(start // page_height) != int((bottom - 1) // page_height)
                policy = previous.blockFormat().pageBreakPolicy()
                if (
                    apart
                    and bottom - start < page_height / 2
                    and not (policy & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                ):
                    breaking = QTextBlockFormat()
                    breaking.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    QTextCursor(previous).mergeBlockFormat(breaking)
                    moved = True
                    break
            # Qt moves a table row to the next page whole but leaves the table's start
            # behind, so a table counts as short if it fits a page at all.
            short = bottom - top < (page_height if frame is not None else page_height / 3)
            # A block of no height (a picture that did not load) has nothing to keep
            # together, and moving it changes nothing: it looped for ever.
            straddles = int(top // page_height) != int((bottom - 1) // page_height)
            if short and bottom > top and straddles:
                # A table is moved by breaking after the block before it: a break set on
                # the table itself leaves its empty border behind on the earlier page.
                breaking = QTextBlockFormat()
                if frame is None:
                    breaking.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
                    QTextCursor(block).mergeBlockFormat(breaking)
                    moved = True
                elif previous is not None and not (
                    # Qt ignores a break after the empty block between two tables: trying
                    # again would loop for ever.
                    previous.blockFormat().pageBreakPolicy()
                    & QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter
                ):
                    breaking.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysAfter)
                    QTextCursor(previous).mergeBlockFormat(breaking)
                    moved = True
                if moved:
                    break
            previous = block if frame is None else None
            item += 1


def _layout_device() -> QPdfWriter:
    """The paper every document is laid out on: A4 at LAYOUT_DPI, whatever it is then
    drawn on. Fonts are measured for this device, so the kept PDF, the preview and any
    printer (300, 600 or 1200 dpi) break lines and pages in exactly the same places."""
    device = QPdfWriter(QBuffer())
    device.setResolution(LAYOUT_DPI)
    configure_page(device)
    return device


def _without_ligatures(font: QFont) -> QFont:
    """Letters are evidence: "offer" must read back (search, copy, a screen reader, the
    text of a printed copy) as o-f-f-e-r, not as the one glyph "ﬀ" that some print paths
    cannot map back to letters."""
    for tag in ("liga", "clig", "dlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def _wanted_pages(device: QPagedPaintDevice) -> Callable[[int], bool]:
    """Which pages (numbered through all documents, from 1) the print dialog asked for."""
    ranges = device.pageRanges() if isinstance(device, QPrinter) else None
    if ranges is None or ranges.isEmpty():
        return lambda number: True
    return ranges.contains


class _NoFetchDocument(QTextDocument):
    """A letter reads nothing from disk or the network by itself: a template's
    `<img src="file://host/share/x.png">` would make Windows send the user's login hash to
    that host. Pictures come as data: URIs (maps) or are added by the app (charts).

    A picture that does not decode is drawn as nothing: Qt lays a broken one out 33
    million pixels high (the page count went negative, or the page-break pass below
    looped for ever)."""

    def loadResource(self, kind: int, url: QUrl) -> object:
        image = letter_resource(kind, url)
        if image is not None:  # decoded once; Qt's own cache would keep undecodable
            self.addResource(kind, url, image)  # bytes and lay them out again
        return image


def letter_resource(kind: int, url: QUrl) -> QImage | None:
    """What a letter's document may load: a data: picture, decoded (or an empty one when
    it does not decode, or names anything else: returning nothing would make Qt read
    the file itself); nothing else (style sheets: a letter carries its own)."""
    if getattr(kind, "value", kind) != QTextDocument.ResourceType.ImageResource.value:
        return None
    image = QImage.fromData(_data_url_bytes(url)) if url.scheme() == "data" else QImage()
    if image.isNull():
        image = QImage(1, 1, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
    return image


def _data_url_bytes(url: QUrl) -> bytes:
    header, _, payload = url.toString(QUrl.ComponentFormattingOption.FullyEncoded).partition(",")
    if header.endswith(";base64"):
        try:
            return base64.b64decode(payload, validate=False)
        except ValueError:
            return b""
    return QUrl.fromPercentEncoding(payload.encode("ascii")).encode("utf-8")


def paint_into(
    device: QPagedPaintDevice,
    html: Sequence[str] | str,
    *,
    language: Language | None = None,
    charts: Mapping[str, BarChart] | None = None,
    watermark: str = "",
) -> int:
    """Lay out and draw each HTML document onto the printer or PDF writer, each starting
    on a new page and numbered on its own; returns the number of pages drawn.

    Usable as the slot of QPrintPreviewWidget.paintRequested. `language` chooses the
    page-number wording; by default each document's <html lang> decides. `charts` are
    drawn where the HTML has their `BarChart.img` tag. Every document is laid out once on
    the fixed A4 page of `_layout_device` and scaled to the device, so page breaks never
    depend on the device's resolution. A printer's page range (from the print dialog) is
    honoured: only those pages are drawn. `watermark` ("DEMO" for a demo caseload) is
    written across every page and along its top, over the text, so no page can pass as a
    real one.
    """
    ensure_app()
    documents = [html] if isinstance(html, str) else list(html)
    configure_page(device)
    paper = _layout_device()
    area = paper.pageLayout().paintRectPixels(LAYOUT_DPI)
    width, height = float(area.width()), float(area.height())
    px_per_mm = LAYOUT_DPI / 25.4
    scale = device.resolution() / LAYOUT_DPI
    wanted = _wanted_pages(device)
    painter = QPainter()
    if not painter.begin(device):
        raise LetterError("The printer or PDF file could not be opened for writing.")
    drawn = number = 0
    try:
        painter.scale(scale, scale)
        for source in documents:
            document = _NoFetchDocument()
            document.documentLayout().setPaintDevice(paper)
            document.setDocumentMargin(0)
            document.setDefaultFont(_without_ligatures(document.defaultFont()))
            document.setHtml(source)
            for name, chart in (charts or {}).items():
                document.addResource(
                    QTextDocument.ResourceType.ImageResource,
                    QUrl(f"chart:{name}"),
                    chart_image(chart, CHART_DPI),
                )
            document.setPageSize(QSizeF(width, height))
            _keep_short_parts_together(document, height)
            pages = document.pageCount()
            label = _PAGE_LABEL[_language_of(source, language)]
            footer_font = QFont(document.defaultFont())
            # In pixels of the layout page: a point size would be taken at the device's dpi.
            footer_font.setPixelSize(round(9 * LAYOUT_DPI / 72))
            for page in range(pages):
                number += 1
                if not wanted(number):
                    continue
                if drawn:
                    device.newPage()
                drawn += 1
                painter.save()
                painter.translate(0, -page * height)
                context = QAbstractTextDocumentLayout.PaintContext()
                context.clip = QRectF(0, page * height, width, height)
                # Table borders ignore the context's clip; without this the next page's
                # tables bleed into this page's bottom margin.
                painter.setClipRect(context.clip)
                document.documentLayout().draw(painter, context)
                painter.restore()
                if watermark:
                    _draw_watermark(painter, watermark, width, height, px_per_mm)
                if pages > 1:
                    painter.setFont(footer_font)
                    footer = QRectF(
                        0, height + _FOOTER_GAP_MM * px_per_mm, width, _FOOTER_HEIGHT_MM * px_per_mm
                    )
                    painter.drawText(
                        footer, Qt.AlignmentFlag.AlignCenter, label.format(page + 1, pages)
                    )
    finally:
        painter.end()
    return drawn


def available_printers() -> list[str]:
    """The printers the computer offers (CUPS queues on Linux, the system's on Windows).
    Empty when there are none, CUPS is not running, or libcups is missing."""
    ensure_app()
    return list(QPrinterInfo.availablePrinterNames())


def default_printer() -> str:
    ensure_app()
    return QPrinterInfo.defaultPrinterName()


def _page_ranges(printer: QPrinter) -> str:
    ranges = printer.pageRanges()
    return "" if ranges.isEmpty() else ranges.toString()


def _draw_watermark(
    painter: QPainter, mark: str, width: float, height: float, px_per_mm: float
) -> None:
    painter.save()
    font = QFont(painter.font())
    font.setBold(True)
    font.setPixelSize(int(height / 7))
    painter.setFont(font)
    painter.setPen(QColor(200, 0, 0, 70))  # see-through: the letter stays readable
    painter.translate(width / 2, height / 2)
    painter.rotate(-45)
    painter.drawText(
        QRectF(-width, -height / 8, 2 * width, height / 4), Qt.AlignmentFlag.AlignCenter, mark
    )
    painter.restore()
    painter.save()
    font = QFont(painter.font())
    font.setBold(True)
    font.setPointSizeF(10)
    painter.setFont(font)
    painter.setPen(QColor(200, 0, 0))
    top = QRectF(
        0, -(_FOOTER_GAP_MM + _FOOTER_HEIGHT_MM) * px_per_mm, width, _FOOTER_HEIGHT_MM * px_per_mm
    )
    painter.drawText(
        top, Qt.AlignmentFlag.AlignCenter, f"{mark}: synthetic cases, not a real letter"
    )
    painter.restore()


def print_document(
    html: Sequence[str] | str,
    printer: QPrinter,
    *,
    title: str,
    language: Language | None = None,
    charts: Mapping[str, BarChart] | None = None,
    watermark: str = "",
) -> PrintJob:
    """Print exactly as previewed, then ask the print system what became of the job.

    `title` names the job in the printer's queue (keep personal details out of it); it
    is also how the job is found again, since Qt does not say which job it made. A job
    the print system did not accept comes back with state REFUSED; where the system gives
    no job ids (Windows) the state is UNKNOWN and only the printer's name is known.
    A QPrinter writing a PDF file is recorded as that file (nothing to ask).
    """
    ensure_app()

    def paint() -> int:
        return paint_into(printer, html, language=language, charts=charts, watermark=watermark)

    printer.setDocName(title)
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        sheets = _on_gui_thread(paint)
        return PrintJob(
            f"PDF file {printer.outputFileName()}",
            None,
            JobState.COMPLETED,
            title=title,
            pages=_page_ranges(printer),
            sheets=sheets,
        )
    name = printer.printerName()
    if not name:
        raise LetterError("No printer was chosen.")
    before = print_system.newest_job_id(name)
    sheets = _on_gui_thread(paint)
    pages = _page_ranges(printer)
    if not print_system.has_job_ids():
        return PrintJob(name, None, JobState.UNKNOWN, title=title, pages=pages, sheets=sheets)
    job = print_system.find_job(name, title, before)
    if job is None:
        return PrintJob(
            name,
            None,
            JobState.REFUSED,
            title=title,
            pages=pages,
            sheets=sheets,
            reason=print_system.last_error() or "the print system made no job",
        )
    return replace(job, pages=pages, sheets=sheets)


def write_pdf(
    html_pages: Sequence[str] | str,
    path: Path | str,
    *,
    title: str,
    language: Language | None = None,
    charts: Mapping[str, BarChart] | None = None,
    watermark: str = "",
) -> int:
    """Write the letter(s) or report to a PDF at `path`; returns the page count.

    The PDF is written to a temporary file beside `path` and moved into place only when
    complete, so a crash or cancel never leaves half a letter under the final name.
    """
    ensure_app()
    target = Path(path)
    # The writer's pid is in the name, so a clean-up removes only a dead run's leftovers.
    handle, temp_name = tempfile.mkstemp(
        dir=target.parent, prefix=f".{target.name}.{os.getpid()}.", suffix=".part"
    )
    os.close(handle)
    try:
        pages = _on_gui_thread(
            lambda: _paint_pdf(html_pages, temp_name, title, language, charts, watermark)
        )
        with open(temp_name, "rb+") as written:
            os.fsync(written.fileno())
        os.replace(temp_name, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp_name)
        raise
    return pages


def pdf_bytes(
    html_pages: Sequence[str] | str,
    *,
    title: str,
    language: Language | None = None,
    watermark: str = "",
) -> tuple[bytes, int]:
    """The PDF made in memory (for a file kept sealed: no plain copy touches the disk),
    and its page count."""
    ensure_app()
    data = QByteArray()

    def paint() -> int:
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        try:
            return _paint_pdf(html_pages, buffer, title, language, watermark=watermark)
        finally:
            buffer.close()

    pages = _on_gui_thread(paint)
    return bytes(data), pages


def _paint_pdf(
    html_pages: Sequence[str] | str,
    target: str | QBuffer,
    title: str,
    language: Language | None,
    charts: Mapping[str, BarChart] | None = None,
    watermark: str = "",
) -> int:
    # The writer lives only in this frame, so the file is closed when it returns.
    writer = QPdfWriter(target)
    writer.setResolution(LAYOUT_DPI)
    writer.setTitle(title)
    writer.setCreator("VCS Desk")
    return paint_into(writer, html_pages, language=language, charts=charts, watermark=watermark)


def write_pdf_batch(
    letters: Sequence[tuple[str, Path | str]],
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Write each (html, path) letter to its own PDF, reporting progress as (done, total)
    and stopping between letters when `cancelled()` turns true (a threading.Event's
    is_set, or a worker's interruption flag). Returns the files written."""
    written: list[Path] = []
    for html, path in letters:
        if cancelled is not None and cancelled():
            break
        write_pdf(html, path, title=_title_of(html))
        written.append(Path(path))
        if progress is not None:
            progress(len(written), len(letters))
    return written
