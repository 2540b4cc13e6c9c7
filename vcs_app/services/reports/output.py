"""The report on paper and in a spreadsheet: an HTML page (PDF through the letters print
adapter) or CSV, each with its definitions and charts whose numbers are printed beside
them. The summary holds counts only, never a name or a file name; exporting it, or the
cases behind a figure, is a disclosure and is logged as one."""

from __future__ import annotations

import csv
import dataclasses
import html
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vcs_app.domain.conditions import spreadsheet_safe
from vcs_app.domain.figures import percent, percent_value
from vcs_app.domain.model import DomainError, ValidationError
from vcs_app.letters.print_adapter import BarChart, write_pdf
from vcs_app.letters.print_system import PrintJob
from vcs_app.resource_files import resource_path
from vcs_app.services import documents
from vcs_app.services.printing import SendToPrinter, printed
from vcs_app.services.reports.build import (
    CASE_HEADERS,
    Figure,
    Report,
    ReportFilter,
    by_month,
    drill_down_lines,
    figure_name,
    inclusion_by_month,
    month_name,
)
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit
from vcs_app.storage.files import atomic_file

TEMPLATE = resource_path("reports", "report.html")
# A4's width inside 20 mm margins, in CSS pixels (170 mm at 96 per inch).
PAGE_WIDTH = 640


@dataclass(frozen=True)
class ReportChart:
    """One of the report's charts and the numbers it draws, as a table beside it."""

    key: str
    chart: BarChart
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def charts(report: Report) -> tuple[ReportChart, ...]:
    """Offers within/outside the limit by month, inclusion rate by month, caseload per
    VLO: the same charts on screen and in the PDF, each with its numbers."""
    offers = by_month(report.section("offers_by_month"))
    months = sorted(offers)
    within = [offers[m].get("within", 0) for m in months]
    outside = [offers[m].get("outside", 0) for m in months]
    rates = {m: r for m, r in inclusion_by_month(report).items() if r.whole}
    caseload = report.section("caseload").figures
    return (
        ReportChart(
            "offers",
            BarChart(
                "Initial offers by month",
                tuple(month_name(m) for m in months),
                (("Within the limit", tuple(within)), ("Outside the limit", tuple(outside))),
                width=PAGE_WIDTH,
                height=270,
            ),
            ("Month", "Within", "Outside", "Within %"),
            tuple(
                (month_name(m), str(w), str(o), percent(w, w + o))
                for m, w, o in zip(months, within, outside, strict=True)
            ),
        ),
        ReportChart(
            "inclusion",
            BarChart(
                "Licence conditions included as asked (% of decided)"
                + ("" if rates else ": none decided in this period"),
                tuple(month_name(m) for m in rates),
                # The bar and its label are the table's rounded percentage itself.
                (("Included", tuple(percent_value(r.part, r.whole) for r in rates.values())),),
                percent=True,
                width=PAGE_WIDTH,
                height=270,
                labels=tuple(str(r) for r in rates.values()),
            ),
            ("Month", "Included", "Decided", "Rate"),
            tuple((month_name(m), str(r.part), str(r.whole), str(r)) for m, r in rates.items()),
        ),
        ReportChart(
            "caseload",
            BarChart(
                "Open cases per VLO at the end of the period",
                tuple(f.label for f in caseload),
                (("Open cases", tuple(f.count for f in caseload)),),
                horizontal=True,
                width=PAGE_WIDTH,
                # A bar per VLO needs room for its name.
                height=max(180, 70 + 22 * len(caseload)),
            ),
            ("VLO", "Open cases"),
            tuple((f.label, str(f.count)) for f in caseload),
        ),
    )


def csv_rows(report: Report) -> list[list[str]]:
    """Section, item, sub-item, value: one flat table a spreadsheet can pivot, ending
    with the definitions of every figure."""
    rows = [["Section", "Item", "Detail", "Value"]]
    rows.append(["Period", report.filter.describe(), "", ""])
    for s in report.sections:
        rows.append([s.title, "Unit and scope", "", s.note])
        for fig in s.figures:
            rows.append([s.title, fig.label, fig.sub_label, str(fig.count)])
        if s.totalled:
            rows.append([s.title, "Total", "", str(s.total)])
        for label, value in s.summary:
            rows.append([s.title, label, "", value])
    for term, meaning in report.definitions:
        rows.append(["Definitions", term, "", meaning])
    return rows


def _kept(inner: str) -> str:
    """One borderless cell around a heading and its table: the print adapter keeps a
    table that fits a page in one piece, so a heading never ends a page alone."""
    # The paragraph after it is where the adapter breaks the page before the next one (it
    # cannot break at the empty block Qt puts between two tables).
    return (
        "<table width='100%' cellspacing='0' cellpadding='0'>"
        f"<tr><td class='keep'>{inner}</td></tr></table><p class='gap'>&nbsp;</p>"
    )


def report_html(report: Report, *, produced_on: date) -> str:
    """The report as one HTML page for the print adapter; counts only, no personal data."""
    e = html.escape
    parts = []
    for s in report.sections:
        head = "".join(f"<th>{e(h)}</th>" for h in s.headers)
        body = "".join(
            "<tr><td width='70%'>"
            + e(fig.label)
            + (f"</td><td>{e(fig.sub_label)}" if len(s.headers) == 3 else "")
            + f"</td><td class='n'>{fig.count}</td></tr>"
            for fig in s.figures
        )
        span = len(s.headers) - 1
        if s.totalled:
            body += (
                f"<tr class='total'><td colspan='{span}'>Total</td>"
                f"<td class='n'>{s.total}</td></tr>"
            )
        elif not s.figures:
            body += f"<tr><td colspan='{span}'>None</td><td class='n'>0</td></tr>"
        summary = "".join(
            f"<tr><td colspan='{span}'>{e(label)}</td><td class='n'>{e(value)}</td></tr>"
            for label, value in s.summary
        )
        parts.append(
            _kept(
                f"<h2>{e(s.title)}</h2><p class='note'>{e(s.note)}</p>"
                "<table width='100%' border='1' cellspacing='0' cellpadding='3'>"
                f"<tr>{head}</tr>{body}{summary}</table>"
            )
        )
    terms = "".join(
        f"<p class='term'><b>{e(term)}.</b> {e(meaning)}</p>"
        for term, meaning in report.definitions
    )
    drawn = []
    for c in charts(report):
        head = "".join(f"<th>{e(h)}</th>" for h in c.headers)
        body = "".join(
            f"<tr><td>{e(row[0])}</td>"
            + "".join(f"<td class='n'>{e(v)}</td>" for v in row[1:])
            + "</tr>"
            for row in c.rows
        )
        picture = f"{c.chart.img(c.key)}<br>" if c.rows else ""
        table = (
            "<table width='100%' border='1' cellspacing='0' cellpadding='3'>"
            f"<tr>{head}</tr>{body}</table>"
            if c.rows
            else "<p>None in this period.</p>"
        )
        drawn.append(_kept(f"<h2>{e(c.chart.title)}</h2>{picture}{table}"))
    template = TEMPLATE.read_text(encoding="utf-8")
    return (
        template.replace("{{period}}", e(report.filter.describe()))
        .replace("{{produced}}", e(f"{produced_on:%d/%m/%Y}"))
        .replace("{{sections}}", "".join(parts))
        .replace("{{definitions}}", terms)
        .replace("{{charts}}", "".join(drawn))
    )


def _write_csv(rows: list[list[str]], target: Path) -> None:
    with atomic_file(target, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        for row in rows:
            writer.writerow([spreadsheet_safe(cell) for cell in row])


def export_report(
    ws: Workspace, report: Report, path: Path | str, *, produced_on: date | None = None
) -> Path:
    """Write the report to .pdf (A4) or .csv, complete or not at all, and log the export
    as a disclosure."""
    target = _target(path)
    kind = target.suffix.lower()
    try:
        if kind == ".pdf":
            page, drawn = _report_page(report, produced_on or ws.today())
            write_pdf(
                page,
                target,
                title="VCS Desk report",
                charts=drawn,
                watermark=documents.watermark(ws),
            )
        else:
            _write_csv(csv_rows(report), target)
    except OSError as exc:
        raise DomainError(f"The report could not be saved to {target}: {exc.strerror}.") from exc
    _log_disclosure(ws, report, {"path": str(target), "format": kind[1:]})
    return target


def print_report(
    ws: Workspace,
    report: Report,
    send_to_printer: SendToPrinter,
    *,
    produced_on: date | None = None,
) -> PrintJob:
    """Print the report as its PDF looks (counts only, no personal data) and log it as a
    disclosure with the printer and the job; NotPrinted if the printer refused it."""
    page, drawn = _report_page(report, produced_on or ws.today())
    job = send_to_printer(page, "VCS Desk report", charts=drawn)
    detail = printed(job, "Nothing was printed.")
    _log_disclosure(ws, report, {"printed": detail, "format": "print"})
    return job


def _log_disclosure(ws: Workspace, report: Report, how: dict[str, object]) -> None:
    """The report left the app (saved or printed): who, how, and for which period."""
    with ws.store.atomic() as db:
        audit.record(
            db,
            who=ws.user,
            action="disclose",
            entity="report",
            detail={**how, **_filter_detail(report.filter)},
        )


def _report_page(report: Report, produced_on: date) -> tuple[str, dict[str, BarChart]]:
    """The report's page and its charts, as the PDF and the printer draw them."""
    page = report_html(report, produced_on=produced_on)
    # On paper the heading above a chart names it.
    return page, {c.key: dataclasses.replace(c.chart, title="") for c in charts(report)}


def drill_down_html(
    f: ReportFilter, figure: Figure, lines: list[tuple[str, ...]], *, produced_on: date
) -> str:
    """The cases behind a figure as an A4 page: marked as personal data."""
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in CASE_HEADERS)
    body = "".join("<tr>" + "".join(f"<td>{e(v)}</td>" for v in line) + "</tr>" for line in lines)
    return (
        "<html lang='en'><head><title>VCS Desk report: cases behind a figure</title>"
        "<style>body { font-family: sans-serif; font-size: 9pt; } h1 { font-size: 14pt; }"
        " th { text-align: left; background-color: #e6e6e6; }</style></head><body>"
        f"<h1>{e(figure_name(figure))}</h1>"
        f"<p>Period: {e(f.describe())}. Produced {produced_on:%d/%m/%Y}."
        f" {len(lines)} case(s).</p>"
        "<p><b>OFFICIAL-SENSITIVE: names victims. Keep it secure and destroy it when no"
        " longer needed.</b></p>"
        "<table width='100%' border='1' cellspacing='0' cellpadding='3'>"
        f"<thead><tr>{head}</tr></thead>{body}</table></body></html>"
    )


def export_drill_down(
    ws: Workspace,
    f: ReportFilter,
    figure: Figure,
    path: Path | str,
    *,
    produced_on: date | None = None,
) -> Path:
    """Write the cases behind one figure to .csv or .pdf, complete or not at all, and log
    it as a disclosure naming the figure and how many cases it lists."""
    target = _target(path)
    lines = drill_down_lines(ws, f, figure)
    try:
        if target.suffix.lower() == ".pdf":
            page = drill_down_html(f, figure, lines, produced_on=produced_on or ws.today())
            write_pdf(
                page,
                target,
                title="VCS Desk report: cases behind a figure",
                watermark=documents.watermark(ws),
            )
        else:
            _write_csv([list(CASE_HEADERS), *map(list, lines)], target)
    except OSError as exc:
        raise DomainError(f"The list could not be saved to {target}: {exc.strerror}.") from exc
    with ws.store.atomic() as db:
        audit.record(
            db,
            who=ws.user,
            action="disclose",
            entity="report_cases",
            detail={
                "figure": figure_name(figure),
                "count": len(lines),
                "path": str(target),
                "format": target.suffix.lower()[1:],
                **_filter_detail(f),
            },
        )
    return target


def _target(path: Path | str) -> Path:
    target = Path(path)
    if target.suffix.lower() not in (".pdf", ".csv"):
        raise ValidationError("Save the report as a .pdf or a .csv file.")
    if not target.parent.is_dir():
        raise DomainError(f"The folder {target.parent} does not exist.")
    return target


def _filter_detail(f: ReportFilter) -> dict[str, str | None]:
    return {"start": f.start.isoformat(), "end": f.end.isoformat(), "team": f.team, "vlo": f.vlo}
