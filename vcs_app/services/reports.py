"""The monthly report a team leader and an inspector ask for, without a spreadsheet.

Figures are counted in SQL (storage/repo_reports.py); this module names them, adds the
rates and the working-day spread of initial offers, and turns the report into an HTML
page (PDF through the letters print adapter) or CSV. The summary holds counts only, never
a name; the case refs behind a figure come from `drill_down`. Exporting is a disclosure
and is logged as one.
"""

from __future__ import annotations

import contextlib
import csv
import dataclasses
import html
import math
import os
import statistics
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vcs_app.domain.calendar import working_days_between
from vcs_app.domain.conditions import inclusion_rate, spreadsheet_safe
from vcs_app.domain.model import CaseStatus, DomainError, ValidationError
from vcs_app.domain.model import label as label_of
from vcs_app.domain.rules import rule_set_for
from vcs_app.letters.print_adapter import BarChart, write_pdf
from vcs_app.letters.print_system import PrintJob
from vcs_app.services.printing import SendToPrinter, printed
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_reports

TEMPLATE = Path(__file__).resolve().parents[2] / "resources" / "reports" / "report.html"
# A4's width inside 20 mm margins, in CSS pixels (170 mm at 96 per inch).
PAGE_WIDTH = 640


@dataclass(frozen=True)
class ReportFilter:
    """A period (inclusive) and optionally one OM team and/or one VLO."""

    start: date
    end: date
    team: str | None = None
    vlo: str | None = None

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValidationError("The report period ends before it starts: check the dates.")

    def describe(self) -> str:
        text = f"{self.start:%d/%m/%Y} to {self.end:%d/%m/%Y}"
        if self.team:
            text += f", OM team {self.team}"
        if self.vlo:
            text += f", VLO {self.vlo}"
        return text


@dataclass(frozen=True)
class Figure:
    """One counted line; (metric, group, sub) finds the cases behind it."""

    metric: str
    group: str
    sub: str
    label: str
    sub_label: str
    count: int


@dataclass(frozen=True)
class Section:
    key: str
    title: str
    note: str
    headers: tuple[str, ...]
    figures: tuple[Figure, ...]
    summary: tuple[tuple[str, str], ...] = ()

    @property
    def total(self) -> int:
        return sum(f.count for f in self.figures)

    def count(self, group: str, sub: str = "") -> int:
        return next((f.count for f in self.figures if (f.group, f.sub) == (group, sub)), 0)


@dataclass(frozen=True)
class OfferTimes:
    """Initial offers made in the period against the statutory working-day limit."""

    offers: int
    within: int
    median_days: float | None
    p90_days: int | None

    @property
    def within_rate(self) -> float | None:
        return self.within / self.offers if self.offers else None


@dataclass(frozen=True)
class Report:
    filter: ReportFilter
    sections: tuple[Section, ...]
    offer_times: OfferTimes
    opt_in_rate: float | None
    inclusion_rate: float | None

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


_WORDS = {
    "statutory": "Statutory",
    "discretionary": "Discretionary",
    "not_eligible": "Not eligible",
    "pending": "Decision pending",
    "within": "Within the limit",
    "outside": "Outside the limit",
    "opted_in": "Opted in",
    "not_opted_in": "Did not opt in (yet)",
    "key_stages": "Key stages",
    "release_and_licence": "Release and licence only",
    "annual": "Annual update",
    "none": "No further contact",
    "en": "English",
    "cy": "Welsh",
    "included": "Included",
    "amended": "Included as amended",
    "refused": "Refused",
    "awaiting": "Awaiting decision",
    "not recorded": "Not recorded",
    "no team recorded": "No team recorded",
}


def _words(value: str, on: date) -> str:
    if value in _WORDS:
        return _WORDS[value]
    with contextlib.suppress(DomainError):
        return rule_set_for(on).clock(value).label
    # Codes (clock and template keys) read as words; names and teams stay as typed.
    return (
        value.replace("_", " ").capitalize() if value.isidentifier() and value.islower() else value
    )


# key, title, note, headers (group column, optional sub column, count column)
_LAYOUT = (
    ("referrals", "Referrals received", "Referral date in the period.", ("Source",)),
    ("eligibility", "Eligibility outcomes", "Referrals received in the period.", ("Outcome",)),
    (
        "offers",
        "Initial offers of contact",
        "Offers made in the period, against the working-day limit of the rules in force.",
        ("Offer made",),
    ),
    (
        "offers_by_month",
        "Initial offers by month",
        "As above, by the month the offer was made.",
        ("Month", "Offer made"),
    ),
    (
        "opt_in",
        "Opt-in",
        "Cases referred in the period that have been offered contact.",
        ("Answer",),
    ),
    (
        "contact_level",
        "Victims in contact by contact level",
        "Open cases opted in now; each victim once.",
        ("Contact level",),
    ),
    (
        "language",
        "Victims in contact by language",
        "Open cases opted in now; each victim once.",
        ("Language",),
    ),
    (
        "letters",
        "Letters sent",
        "Letters printed or saved, dated in the period.",
        ("Letter", "Language"),
    ),
    (
        "returned",
        "Returned mail",
        "Letters recorded as returned undelivered in the period.",
        ("Letter", "Language"),
    ),
    (
        "conditions",
        "Licence-condition requests",
        "Requests made in the period, by the OM's decision.",
        ("Outcome",),
    ),
    (
        "conditions_by_month",
        "Licence-condition requests by month",
        "As above, by the month the request was made.",
        ("Month", "Outcome"),
    ),
    (
        "om_unanswered",
        "Requests to OMs unanswered past follow-up",
        "Unanswered at the end of the period, by the case's OM team.",
        ("OM team",),
    ),
    (
        "overdue_clock",
        "Overdue tasks by clock",
        "Open cases' tasks due before the end of the period and not done by then.",
        ("Clock",),
    ),
    ("overdue_vlo", "Overdue tasks by VLO", "As above, by the case's VLO.", ("VLO",)),
    ("caseload", "Caseload per VLO", "Open cases now.", ("VLO",)),
)


def _percent(rate: float | None) -> str:
    return "n/a" if rate is None else f"{rate:.1%}"


def _offer_times(ws: Workspace, f: ReportFilter, within: int) -> OfferTimes:
    days = sorted(
        working_days_between(date.fromisoformat(start), date.fromisoformat(done))
        for start, done in repo_reports.offer_days(ws.store.db, f.start, f.end, f.team, f.vlo)
    )
    if not days:
        return OfferTimes(0, within, None, None)
    # Nearest-rank percentile: a real offer's figure, as an inspector would read it.
    p90 = days[math.ceil(0.9 * len(days)) - 1]
    return OfferTimes(len(days), within, statistics.median(days), p90)


def build_report(
    ws: Workspace, f: ReportFilter, progress: Callable[[int, int, str], None] | None = None
) -> Report:
    """Every figure for the period (one read transaction, so they agree with each other).

    `progress(done, total, what)` is called before each section is counted; it may raise
    (the GUI's Cancel) to stop, and nothing is left behind."""
    sections = []
    with ws.store.atomic() as db:
        for done, (key, title, note, headers) in enumerate(_LAYOUT):
            if progress is not None:
                progress(done, len(_LAYOUT), f"Counting: {title}…")
            found = repo_reports.counts(db, key, f.start, f.end, f.team, f.vlo)
            if key.endswith("_by_month"):
                found.sort(key=lambda row: (row[0], row[1]))
            figures = tuple(
                Figure(
                    key,
                    grp,
                    sub,
                    _month(grp) if key.endswith("_by_month") else _words(grp, f.end),
                    _words(sub, f.end) if sub else "",
                    n,
                )
                for grp, sub, n in found
            )
            sections.append(Section(key, title, note, (*headers, "Count"), figures))
        by_key = {s.key: s for s in sections}
        offers = by_key["offers"]
        times = _offer_times(ws, f, offers.count("within"))
        opt = by_key["opt_in"]
        opt_rate = opt.count("opted_in") / opt.total if opt.total else None
        cond = by_key["conditions"]
        decided = cond.total - cond.count("awaiting")
        incl = inclusion_rate(cond.count("included"), decided)
    median = "n/a" if times.median_days is None else f"{times.median_days:g}"
    p90 = "n/a" if times.p90_days is None else str(times.p90_days)
    summaries = {
        "offers": (
            (
                "Within the limit",
                f"{times.within} of {times.offers} ({_percent(times.within_rate)})",
            ),
            ("Median working days, referral to offer", median),
            ("90th percentile working days", p90),
        ),
        "opt_in": (("Opt-in rate", _percent(opt_rate)),),
        "conditions": (("Inclusion rate (included / decided)", _percent(incl)),),
    }
    sections = [
        Section(s.key, s.title, s.note, s.headers, s.figures, summaries.get(s.key, ()))
        for s in sections
    ]
    return Report(f, tuple(sections), times, opt_rate, incl)


def by_month(section: Section) -> dict[str, dict[str, int]]:
    """A month-grouped section as {month: {sub-group: count}} (for charts)."""
    months: dict[str, dict[str, int]] = {}
    for fig in section.figures:
        months.setdefault(fig.group, {})[fig.sub] = fig.count
    return months


def inclusion_by_month(report: Report) -> dict[str, float | None]:
    """Included / decided per month requested, by the condition statistics' definition."""
    return {
        month: inclusion_rate(
            counts.get("included", 0), sum(counts.values()) - counts.get("awaiting", 0)
        )
        for month, counts in by_month(report.section("conditions_by_month")).items()
    }


@dataclass(frozen=True)
class ReportChart:
    """One of the report's charts and the numbers it draws, as a table beside it."""

    key: str
    chart: BarChart
    headers: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def _month(month: str) -> str:
    return date.fromisoformat(f"{month}-01").strftime("%b %Y")


def charts(report: Report) -> tuple[ReportChart, ...]:
    """Offers within/outside the limit by month, inclusion rate by month, caseload per
    VLO: the same charts on screen and in the PDF, each with its numbers."""
    offers = by_month(report.section("offers_by_month"))
    months = sorted(offers)
    within = [offers[m].get("within", 0) for m in months]
    outside = [offers[m].get("outside", 0) for m in months]
    conditions = by_month(report.section("conditions_by_month"))
    rates = {m: r for m, r in inclusion_by_month(report).items() if r is not None}
    caseload = report.section("caseload").figures
    return (
        ReportChart(
            "offers",
            BarChart(
                "Initial offers by month",
                tuple(_month(m) for m in months),
                (("Within the limit", tuple(within)), ("Outside the limit", tuple(outside))),
                width=PAGE_WIDTH,
                height=270,
            ),
            ("Month", "Within", "Outside", "Within %"),
            tuple(
                (_month(m), str(w), str(o), _percent(w / (w + o) if w + o else None))
                for m, w, o in zip(months, within, outside, strict=True)
            ),
        ),
        ReportChart(
            "inclusion",
            BarChart(
                "Licence conditions included (% of decided)"
                + ("" if rates else ": none decided in this period"),
                tuple(_month(m) for m in rates),
                # The bar is the table's percentage itself, so a tie like 49 of 80
                # (61.25%) cannot round one way on the chart and the other in the table.
                (("Included", tuple(float(_percent(r)[:-1]) for r in rates.values())),),
                percent=True,
                width=PAGE_WIDTH,
                height=270,
            ),
            ("Month", "Included", "Decided", "Rate"),
            tuple(
                (
                    _month(m),
                    str(conditions[m].get("included", 0)),
                    str(sum(conditions[m].values()) - conditions[m].get("awaiting", 0)),
                    _percent(r),
                )
                for m, r in rates.items()
            ),
        ),
        ReportChart(
            "caseload",
            BarChart(
                "Open cases per VLO",
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


def drill_down(ws: Workspace, f: ReportFilter, figure: Figure) -> list[str]:
    """The case refs behind one figure (refs only: what a manager needs to look them up)."""
    return repo_reports.case_refs(
        ws.store.db, figure.metric, figure.group, figure.sub, f.start, f.end, f.team, f.vlo
    )


CASE_HEADERS = ("Case ref", "Victim", "VLO", "OM team", "Referred", "Status")


def figure_name(figure: Figure) -> str:
    """How a figure is named in a drill-down's heading and its disclosure record."""
    title = next(t for key, t, _note, _headers in _LAYOUT if key == figure.metric)
    return f"{title}: {' '.join(filter(None, (figure.label, figure.sub_label)))}"


def drill_down_lines(ws: Workspace, f: ReportFilter, figure: Figure) -> list[tuple[str, ...]]:
    """The cases behind one figure as CASE_HEADERS lines: names a person, so for export
    (a disclosure), never for the summary."""
    return [
        (ref, victim, vlo, team, _day(referred), label_of(CaseStatus(status)))
        for ref, victim, vlo, team, referred, status in repo_reports.case_lines(
            ws.store.db, figure.metric, figure.group, figure.sub, f.start, f.end, f.team, f.vlo
        )
    ]


def _day(iso: str | None) -> str:
    return f"{date.fromisoformat(iso):%d/%m/%Y}" if iso else ""


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
            write_pdf(page, target, title="VCS Desk report: cases behind a figure")
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


def filter_choices(ws: Workspace) -> list[str]:
    """OM teams on file, for the team filter."""
    return repo_reports.teams(ws.store.db)


# --- output -----------------------------------------------------------------------------


def csv_rows(report: Report) -> list[list[str]]:
    """Section, item, sub-item, value: one flat table a spreadsheet can pivot."""
    rows = [["Section", "Item", "Detail", "Value"]]
    rows.append(["Period", report.filter.describe(), "", ""])
    for s in report.sections:
        for fig in s.figures:
            rows.append([s.title, fig.label, fig.sub_label, str(fig.count)])
        rows.append([s.title, "Total", "", str(s.total)])
        for label, value in s.summary:
            rows.append([s.title, label, "", value])
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
        body += (
            f"<tr class='total'><td colspan='{span}'>Total</td><td class='n'>{s.total}</td></tr>"
        )
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
        .replace("{{charts}}", "".join(drawn))
    )


def _write_csv(rows: list[list[str]], target: Path) -> None:
    handle, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            writer = csv.writer(out)
            for row in rows:
                writer.writerow([spreadsheet_safe(cell) for cell in row])
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise


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
            write_pdf(page, target, title="VCS Desk report", charts=drawn)
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


def _target(path: Path | str) -> Path:
    target = Path(path)
    if target.suffix.lower() not in (".pdf", ".csv"):
        raise ValidationError("Save the report as a .pdf or a .csv file.")
    if not target.parent.is_dir():
        raise DomainError(f"The folder {target.parent} does not exist.")
    return target


def _filter_detail(f: ReportFilter) -> dict[str, str | None]:
    return {"start": f.start.isoformat(), "end": f.end.isoformat(), "team": f.team, "vlo": f.vlo}
