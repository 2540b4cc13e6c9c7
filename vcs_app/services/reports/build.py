"""The monthly report a team leader and an inspector ask for, without a spreadsheet.

Figures are counted in SQL (storage/repo_reports.py), each as it stood at the end of the
period; this module names them, times the initial offers (referral to first offer, in
working days, one clock for every offer figure) and adds the rates, each from its two
whole counts. The summary holds counts only, never a name; the case refs behind a figure
come from `drill_down`.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from vcs_app.domain.figures import nearest_rank, percent
from vcs_app.domain.model import CaseStatus, DomainError, ValidationError
from vcs_app.domain.model import label as label_of
from vcs_app.domain.rules import rule_set_for
from vcs_app.services.reports.definitions import definitions, offer_days, offer_limit
from vcs_app.services.workspace import Workspace
from vcs_app.storage import repo_reports


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
    # False where the lines are different things that do not add up (offers not counted).
    totalled: bool = True

    @property
    def total(self) -> int:
        return sum(f.count for f in self.figures)

    def count(self, group: str, sub: str = "") -> int:
        return next((f.count for f in self.figures if (f.group, f.sub) == (group, sub)), 0)


@dataclass(frozen=True)
class Rate:
    """`part` of `whole`, kept as the two counts so every place shows the same rounding."""

    part: int
    whole: int

    @property
    def value(self) -> float | None:
        return self.part / self.whole if self.whole else None

    def __str__(self) -> str:
        return percent(self.part, self.whole)


@dataclass(frozen=True)
class OfferTimes:
    """Initial offers made in the period: how many within the working-day limit, and the
    median and 90th percentile of the same working days (nearest rank)."""

    offers: int
    within: int
    median_days: int | None
    p90_days: int | None

    @property
    def within_rate(self) -> Rate:
        return Rate(self.within, self.offers)


@dataclass(frozen=True)
class Report:
    filter: ReportFilter
    sections: tuple[Section, ...]
    offer_times: OfferTimes
    opt_in: Rate
    inclusion: Rate  # included as asked / decided
    inclusion_with_amended: Rate  # included as asked or amended / decided
    definitions: tuple[tuple[str, str], ...] = ()

    @property
    def opt_in_rate(self) -> float | None:
        return self.opt_in.value

    @property
    def inclusion_rate(self) -> float | None:
        return self.inclusion.value

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


_WORDS = {
    "statutory": "Statutory",
    "discretionary": "Discretionary",
    "not_eligible": "Not eligible",
    "pending": "Decision pending",
    "within": "Within the limit",
    "outside": "Outside the limit",
    "reoffered": "Offered again after the case was reopened",
    "answered_first": "Opted in or declined before any offer was recorded",
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
    "withdrawn": "Withdrawn before a decision",
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


# key, title, note (the unit first), headers (group column, optional sub column)
LAYOUT = (
    (
        "referrals",
        "Referrals received",
        "Cases: referral date in the period, by who referred them.",
        ("Referred by",),
    ),
    ("eligibility", "Eligibility outcomes", "Cases: the referrals received above.", ("Outcome",)),
    (
        "offers",
        "Initial offers of contact",
        "Cases: first offers made in the period, referral to offer in working days against"
        " the limit of the rules in force on the referral date.",
        ("Offer made",),
    ),
    (
        "offers_by_month",
        "Initial offers by month",
        "Cases: as above, by the month the offer was made.",
        ("Month", "Offer made"),
    ),
    (
        "offers_not_initial",
        "Not counted as initial offers",
        "Cases: offers again after a reopening, and answers recorded before any offer.",
        ("Case",),
    ),
    (
        "opt_in",
        "Opt-in",
        "Cases: referred in the period and offered contact (or answered) by its end.",
        ("Answer",),
    ),
    (
        "contact_level",
        "Victims in contact by contact level",
        "Victims: opted in at the end of the period, each once, under their widest level.",
        ("Contact level",),
    ),
    (
        "language",
        "Victims in contact by language",
        "Victims: opted in at the end of the period, each once.",
        ("Language",),
    ),
    (
        "letters",
        "Letters sent",
        "Letters: printed or saved, by the letter date.",
        ("Letter", "Language"),
    ),
    (
        "returned",
        "Returned mail",
        "Letters: recorded as returned undelivered in the period.",
        ("Letter", "Language"),
    ),
    (
        "conditions",
        "Licence-condition requests",
        "Requests: made in the period, by the OM's decision at its end.",
        ("Outcome",),
    ),
    (
        "conditions_by_month",
        "Licence-condition requests by month",
        "Requests: as above, by the month the request was made.",
        ("Month", "Outcome"),
    ),
    (
        "om_unanswered",
        "Requests to OMs unanswered past follow-up",
        "Requests: unanswered at the end of the period, by the case's OM team then.",
        ("OM team",),
    ),
    (
        "overdue_clock",
        "Overdue tasks by clock",
        "Tasks: due before the end of the period and not done by then, on open cases.",
        ("Clock",),
    ),
    ("overdue_vlo", "Overdue tasks by VLO", "Tasks: as above, by the case's VLO.", ("VLO",)),
    ("caseload", "Caseload per VLO", "Cases: open at the end of the period.", ("VLO",)),
)
# Counted here from the dates, not by SQL: working days need the bank holidays.
OFFER_METRICS = ("offers", "offers_by_month")
_NOT_TOTALLED = ("offers_not_initial",)


@dataclass(frozen=True)
class _Offer:
    link_id: int
    month: str
    group: str  # within / outside
    days: int


def _offers(db, f: ReportFilter) -> list[_Offer]:
    """Each initial offer of the period, judged and timed by the same dates: the referral
    date on file and the first offer (so a corrected referral date counts everywhere)."""
    found = []
    for link_id, referred, offered in repo_reports.first_offers(db, f.start, f.end, f.team, f.vlo):
        referral, offer = date.fromisoformat(referred), date.fromisoformat(offered)
        days = offer_days(referral, offer)
        group = "within" if days <= offer_limit(referral) else "outside"
        found.append(_Offer(link_id, offered[:7], group, days))
    return found


def _offer_counts(key: str, offers: list[_Offer]) -> list[tuple[str, str, int]]:
    """(group, sub, count) like the SQL metrics give: largest first (months in order)."""
    if key == "offers":
        counted = Counter((o.group, "") for o in offers)
    else:
        counted = Counter((o.month, o.group) for o in offers)
    return sorted(((g, s, n) for (g, s), n in counted.items()), key=lambda r: (-r[2], r[0], r[1]))


def _offer_times(offers: list[_Offer]) -> OfferTimes:
    days = [o.days for o in offers]
    return OfferTimes(
        len(days),
        sum(o.group == "within" for o in offers),
        nearest_rank(days, 50),
        nearest_rank(days, 90),
    )


def build_report(
    ws: Workspace, f: ReportFilter, progress: Callable[[int, int, str], None] | None = None
) -> Report:
    """Every figure for the period (one read snapshot, so they agree with each other, and
    writes beside it are not held up).

    `progress(done, total, what)` is called before each section is counted; it may raise
    (the GUI's Cancel) to stop, and nothing is left behind."""
    sections = []
    with ws.store.snapshot() as db:
        offers: list[_Offer] | None = None
        for done, (key, title, note, headers) in enumerate(LAYOUT):
            if progress is not None:
                progress(done, len(LAYOUT), f"Counting: {title}…")
            if key in OFFER_METRICS:
                offers = _offers(db, f) if offers is None else offers
                found = _offer_counts(key, offers)
            else:
                found = repo_reports.counts(db, key, f.start, f.end, f.team, f.vlo)
            if key.endswith("_by_month"):
                found.sort(key=lambda row: (row[0], row[1]))
            figures = tuple(
                Figure(
                    key,
                    grp,
                    sub,
                    month_name(grp) if key.endswith("_by_month") else _words(grp, f.end),
                    _words(sub, f.end) if sub else "",
                    n,
                )
                for grp, sub, n in found
            )
            sections.append(
                Section(
                    key,
                    title,
                    note,
                    (*headers, "Count"),
                    figures,
                    totalled=key not in _NOT_TOTALLED,
                )
            )
    by_key = {s.key: s for s in sections}
    times = _offer_times(offers or [])
    opt = by_key["opt_in"]
    opt_in = Rate(opt.count("opted_in"), opt.total)
    cond = by_key["conditions"]
    decided = sum(cond.count(d) for d in ("included", "amended", "refused"))
    inclusion = Rate(cond.count("included"), decided)
    with_amended = Rate(cond.count("included") + cond.count("amended"), decided)
    median = "n/a" if times.median_days is None else str(times.median_days)
    p90 = "n/a" if times.p90_days is None else str(times.p90_days)
    summaries = {
        "offers": (
            ("Within the limit", f"{times.within} of {times.offers} ({times.within_rate})"),
            ("Median working days, referral to offer", median),
            ("90th percentile working days", p90),
        ),
        "opt_in": (("Opt-in rate", f"{opt_in.part} of {opt_in.whole} ({opt_in})"),),
        "conditions": (
            (
                "Inclusion rate (included as asked / decided)",
                f"{inclusion.part} of {inclusion.whole} ({inclusion})",
            ),
            (
                "Included as asked or amended / decided",
                f"{with_amended.part} of {with_amended.whole} ({with_amended})",
            ),
        ),
    }
    sections = [
        Section(s.key, s.title, s.note, s.headers, s.figures, summaries.get(s.key, ()), s.totalled)
        for s in sections
    ]
    return Report(
        f,
        tuple(sections),
        times,
        opt_in,
        inclusion,
        with_amended,
        definitions(f.start, f.end),
    )


def by_month(section: Section) -> dict[str, dict[str, int]]:
    """A month-grouped section as {month: {sub-group: count}} (for charts)."""
    months: dict[str, dict[str, int]] = {}
    for fig in section.figures:
        months.setdefault(fig.group, {})[fig.sub] = fig.count
    return months


def inclusion_by_month(report: Report) -> dict[str, Rate]:
    """Included as asked / decided per month requested, as in the conditions section."""
    return {
        month: Rate(
            counts.get("included", 0),
            sum(counts.get(d, 0) for d in ("included", "amended", "refused")),
        )
        for month, counts in by_month(report.section("conditions_by_month")).items()
    }


def month_name(month: str) -> str:
    return date.fromisoformat(f"{month}-01").strftime("%b %Y")


def _figure_cases(ws: Workspace, f: ReportFilter, figure: Figure) -> list[int]:
    if figure.metric in OFFER_METRICS:
        key = (
            (lambda o: (o.group, ""))
            if figure.metric == "offers"
            else (lambda o: (o.month, o.group))
        )
        return [o.link_id for o in _offers(ws.store.db, f) if key(o) == (figure.group, figure.sub)]
    return repo_reports.figure_cases(
        ws.store.db, figure.metric, figure.group, figure.sub, f.start, f.end, f.team, f.vlo
    )


def drill_down(ws: Workspace, f: ReportFilter, figure: Figure) -> list[str]:
    """The case refs behind one figure (refs only: what a manager needs to look them up)."""
    return repo_reports.case_refs(ws.store.db, _figure_cases(ws, f, figure))


CASE_HEADERS = ("Case ref", "Victim", "VLO", "OM team", "Referred", "Status")


def figure_name(figure: Figure) -> str:
    """How a figure is named in a drill-down's heading and its disclosure record."""
    title = next(t for key, t, _note, _headers in LAYOUT if key == figure.metric)
    return f"{title}: {' '.join(filter(None, (figure.label, figure.sub_label)))}"


def drill_down_lines(ws: Workspace, f: ReportFilter, figure: Figure) -> list[tuple[str, ...]]:
    """The cases behind one figure as CASE_HEADERS lines: names a person, so for export
    (a disclosure), never for the summary."""
    return [
        (ref, victim, vlo, team, _day(referred), label_of(CaseStatus(status)))
        for ref, victim, vlo, team, referred, status in repo_reports.case_lines(
            ws.store.db, _figure_cases(ws, f, figure)
        )
    ]


def _day(iso: str | None) -> str:
    return f"{date.fromisoformat(iso):%d/%m/%Y}" if iso else ""


def filter_choices(ws: Workspace) -> list[str]:
    """OM teams on file, for the team filter."""
    return repo_reports.teams(ws.store.db)
