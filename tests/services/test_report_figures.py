"""Figures an inspector can sign (issue 22): each case is built through the services with
the workspace clock moved as time passes, and each figure is checked against an answer
worked out here independently (own working-day count, own nearest rank, own rounding)."""

from __future__ import annotations

import csv
import subprocess
import unicodedata
from dataclasses import replace
from datetime import date, timedelta

import pytest
from report_cases import ask_om, referral, request_condition

from vcs_app.domain.conditions import Decision, OffenderManager
from vcs_app.domain.model import (
    CaseStatus,
    ContactLevel,
    Direction,
    LiaisonChannel,
    LiaisonEntry,
    OptState,
    Party,
)
from vcs_app.services import (
    cases,
    conditions,
    intake,
    liaison,
    om,
    preferences,
    referral_import,
    reports,
    tasks,
)

OCTOBER = reports.ReportFilter(date(2026, 10, 1), date(2026, 10, 31))
# England and Wales bank holidays from August to December 2026, written out here so the
# test does not share the app's calendar.
BANK_HOLIDAYS = {date(2026, 8, 31), date(2026, 12, 25), date(2026, 12, 28)}
LIMIT = 20  # working days to offer contact, Victims' Code 2020


@pytest.fixture(autouse=True)
def user_data_in_tmp(tmp_path, monkeypatch, qapp):
    """Request PDFs and kept letters go inside the test's folder; PDFs need Qt."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


# --- an independent answer ------------------------------------------------------------


def _working_day(day: date) -> bool:
    return day.weekday() < 5 and day not in BANK_HOLIDAYS


def _days_between(start: date, end: date) -> int:
    """Working days after `start` up to and including `end`, counted one by one."""
    return sum(_working_day(start + timedelta(days=i)) for i in range(1, (end - start).days + 1))


def _days_before(end: date, n: int) -> date:
    """The working day `n` working days before `end` (so that _days_between is n)."""
    day = end
    while _days_between(day, end) < n or not _working_day(day):
        day -= timedelta(days=1)
    return day


def _rank(values: list[int], per_cent: int) -> int:
    ordered = sorted(values)
    position = next(k for k in range(1, len(ordered) + 1) if k * 100 >= per_cent * len(ordered))
    return ordered[position - 1]


def _percent(part: int, whole: int) -> str:
    """Half up on an exact tie, with fractions (no float anywhere)."""
    from fractions import Fraction

    tenths = Fraction(1000 * part, whole)
    rounded = int(tenths) + (1 if tenths - int(tenths) >= Fraction(1, 2) else 0)
    return f"{rounded // 10}.{rounded % 10}%"


# --- building cases through the services ----------------------------------------------


def _at(ws, day: date) -> None:
    """Move the workspace clock: the services now see `day` as today."""
    ws.on = day


def _refer(ws, n: int, referred: date, **changes) -> int:
    _at(ws, max(referred, ws.on))
    return intake.register_referral(ws, referral(n, referred, **changes)).link_ids[0]


def _opt(ws, link_id: int, state: OptState, on: date, level: ContactLevel | None = None) -> None:
    _at(ws, max(on, ws.on))
    intake.record_opt_change(ws, link_id, state, on=on, source="phone call", contact_level=level)


def _edit_referral(ws, link_id: int, **changes) -> None:
    """Edit referral: the case's referral as on file, with `changes`."""
    link = cases.open_case(ws, link_id).link
    record = intake.referral_record(ws, link_id)
    now = intake.ReferralChanges(
        offence=link.offence,
        offence_category=link.offence_category,
        referral_date=link.referral_date,
        sentence_date=link.sentence_date,
        sentence_type=record.sentence_type,
        custody_months=record.custody_months,
        referrer=link.referrer,
        vlo=link.vlo,
        om_name=link.om_name,
        om_team=link.om_team,
    )
    intake.update_referral(ws, link_id, replace(now, **changes))


def _counts(report, key) -> dict:
    return {
        (f.group if not f.sub else (f.group, f.sub)): f.count for f in report.section(key).figures
    }


def _pdf_text(path) -> str:
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(unicodedata.normalize("NFKC", text).split())


# --- 1. referrals by who referred them; no file name in any output --------------------

PERSON_FILE = "Jane Synthetic VCS-000123.csv"
HEADER = (
    "referral_date,referrer,victim_given_name,victim_family_name,victim_dob,"
    "offender_given_name,offender_family_name,crn,offence,offence_category,"
    "sentence_date,sentence_type,custody_months\n"
)


def test_referrals_are_grouped_by_referrer_and_no_file_name_reaches_the_report(ws, tmp_path):
    _at(ws, date(2026, 10, 20))
    rows = (
        "2026-10-05,Witness Care Unit (Anytown),Ceri,Importone,1981-01-02,Dorian,Importone,"
        "I000001,Wounding with intent,violent,2026-09-20,SDS,36\n"
        "2026-10-06,Witness Care Unit (Anytown),Ceri,Importtwo,1982-01-02,Dorian,Importtwo,"
        "I000002,Wounding with intent,violent,2026-09-20,SDS,36\n"
        "2026-10-07,Anytown Police,Ceri,Importthree,1983-01-02,Dorian,Importthree,"
        "I000003,Wounding with intent,violent,2026-09-20,SDS,36\n"
    )
    imported = referral_import.import_referrals(ws, (HEADER + rows).encode(), file_name=PERSON_FILE)
    assert imported.imported == 3
    _refer(ws, 9, date(2026, 10, 8))  # the intake form: Witness Care Unit by default
    _at(ws, date(2026, 11, 2))
    report = reports.build_report(ws, OCTOBER)
    assert _counts(report, "referrals") == {
        "Witness Care Unit (Anytown)": 2,
        "Anytown Police": 1,
        "Witness Care Unit": 1,
    }
    csv_path = reports.export_report(ws, report, tmp_path / "october.csv")
    pdf_path = reports.export_report(ws, report, tmp_path / "october.pdf")
    page = reports.report_html(report, produced_on=ws.today())
    outputs = {
        "csv": csv_path.read_text(encoding="utf-8"),
        "pdf": _pdf_text(pdf_path),
        "html": page,
        "charts": " ".join(c.chart.title for c in reports.charts(report)),
        "definitions": str(report.definitions),
    }
    for where, text in outputs.items():
        for part in ("Jane", "Synthetic", "000123", ".csv", "line 2"):
            assert part not in text, f"{part!r} in the report's {where}"


# --- 2. one clock for the headline offers figure ---------------------------------------

# Working days from referral to first offer of the fifteen cases offered in October.
OFFER_DAYS = [1, 1, 2, 2, 2, 3, 3, 3, 5, 8, 13, 20, 21, 21, 30]


def _offer_cases(ws) -> dict[str, int]:
    """Fifteen first offers in October, and the cases the old figure got wrong: a
    reopened case offered again, a referral date corrected after the offer, an opt-in
    recorded before any offer, an offer recorded twice, and an offer task marked done."""
    events = []  # (day, order, action): run in date order, the clock moving with them
    offer_on = date(2026, 10, 5)
    made: dict[str, int] = {}
    for n, days in enumerate(OFFER_DAYS):
        offered = offer_on + timedelta(days=n % 20)
        while not _working_day(offered):
            offered += timedelta(days=1)
        referred = _days_before(offered, days)
        if n == 3:  # this one's date is corrected after the offer (below)
            referred = referred - timedelta(days=28)
        events.append((referred, 0, ("refer", f"c{n}", n, referred)))
        if n == 4:  # offered from the dashboard: the task marked done, no opt-in step
            events.append((offered, 1, ("task done", f"c{n}", offered)))
        else:
            events.append((offered, 1, ("offer", f"c{n}", offered)))
        if n == 5:  # offered again a week later: still one first offer
            events.append((offered + timedelta(days=7), 1, ("offer", f"c{n}", None)))
        if n == 3:
            events.append((date(2026, 11, 3), 2, ("correct", f"c{n}", _days_before(offered, 2))))
    # Reopened: first offered in September, declined, reopened and offered again.
    events += [
        (date(2026, 9, 1), 0, ("refer", "reopened", 40, date(2026, 9, 1))),
        (date(2026, 9, 2), 1, ("offer", "reopened", date(2026, 9, 2))),
        (date(2026, 9, 4), 1, ("declined", "reopened", date(2026, 9, 4))),
        (date(2026, 10, 1), 1, ("reopened", "reopened", date(2026, 10, 1))),
        (date(2026, 10, 6), 1, ("offer", "reopened", date(2026, 10, 6))),
    ]
    # Opted in on the phone before any offer was recorded.
    events += [
        (date(2026, 10, 1), 0, ("refer", "opt-in first", 41, date(2026, 10, 1))),
        (date(2026, 10, 5), 1, ("opted in", "opt-in first", date(2026, 10, 5))),
    ]
    for _day, _order, (what, name, *rest) in sorted(events, key=lambda e: (e[0], e[1])):
        if what == "refer":
            made[name] = _refer(ws, rest[0], rest[1])
        elif what == "offer":
            on = rest[0] or _day
            _opt(ws, made[name], OptState.OFFERED, on)
        elif what == "task done":
            _at(ws, rest[0])
            (task,) = [
                t for t in tasks.due_tasks(ws, on=date(2027, 1, 1)) if t.link_id == made[name]
            ]
            tasks.complete_task(ws, task.id, on=rest[0])
        elif what == "declined":
            _opt(ws, made[name], OptState.DECLINED, rest[0])
        elif what == "reopened":
            _opt(ws, made[name], OptState.REOPENED, rest[0])
        elif what == "opted in":
            _opt(ws, made[name], OptState.OPTED_IN, rest[0], ContactLevel.KEY_STAGES)
        elif what == "correct":
            _at(ws, _day)
            _edit_referral(ws, made[name], referral_date=rest[0])
    return made


def test_the_offers_figure_judges_and_measures_referral_to_first_offer(ws):
    made = _offer_cases(ws)
    _at(ws, date(2026, 11, 26))
    # The answer, worked out from the dates as they now stand on file.
    days = []
    for n in range(len(OFFER_DAYS)):
        link = cases.open_case(ws, made[f"c{n}"]).link
        first = min(d for d, state, *_ in _offer_history(ws, link.id) if state == "offered")
        days.append(_days_between(link.referral_date, first))
    assert sorted(days) == OFFER_DAYS
    within = sum(d <= LIMIT for d in days)
    expected = reports.OfferTimes(len(days), within, _rank(days, 50), _rank(days, 90))
    assert expected == reports.OfferTimes(15, 12, 3, 21)  # the right answer

    report = reports.build_report(ws, OCTOBER)
    assert report.offer_times == expected
    assert _counts(report, "offers") == {"within": 12, "outside": 3}
    assert reports.by_month(report.section("offers_by_month")) == {
        "2026-10": {"within": 12, "outside": 3}
    }
    summary = dict(report.section("offers").summary)
    assert summary["Within the limit"] == f"12 of 15 ({_percent(12, 15)})" == "12 of 15 (80.0%)"
    assert summary["Median working days, referral to offer"] == "3"
    assert summary["90th percentile working days"] == "21"
    # The re-offer and the opt-in before any offer are shown apart, not as offers.
    assert _counts(report, "offers_not_initial") == {"reoffered": 1, "answered_first": 1}
    others = {f.group: f for f in report.section("offers_not_initial").figures}
    assert reports.drill_down(ws, OCTOBER, others["reoffered"]) == [
        cases.open_case(ws, made["reopened"]).link.ref
    ]
    outside = next(f for f in report.section("offers").figures if f.group == "outside")
    assert len(reports.drill_down(ws, OCTOBER, outside)) == 3


def _offer_history(ws, link_id):
    """(date, state) of the case's opt-in history, with its offer task marked done."""
    case = cases.open_case(ws, link_id)
    steps = [(on, state.value) for on, state, *_ in case.opt_history]
    done = [
        (t.done_on, "offered")
        for t in case.tasks
        if t.rule == "referral_to_offer" and t.outcome == "done"
    ]
    return steps + done


# --- 3. victims in contact are counted once --------------------------------------------


def test_a_victim_with_cases_at_two_levels_is_one_victim_in_every_total(ws):
    first = _refer(ws, 1, date(2026, 9, 1))
    victim_id = cases.open_case(ws, first).link.victim_id
    second = intake.register_referral(
        ws,
        referral(2, date(2026, 9, 2), victim=cases.open_case(ws, first).victim),
        intake.MatchDecision(victim=victim_id),
    ).link_ids[0]
    other = _refer(ws, 3, date(2026, 9, 3))
    for link_id, level in ((first, ContactLevel.ANNUAL), (second, ContactLevel.KEY_STAGES)):
        _opt(ws, link_id, OptState.OFFERED, date(2026, 9, 7))
        _opt(ws, link_id, OptState.OPTED_IN, date(2026, 9, 9), level)
    _opt(ws, other, OptState.OFFERED, date(2026, 9, 7))
    _opt(ws, other, OptState.OPTED_IN, date(2026, 9, 10), ContactLevel.ANNUAL)
    _at(ws, date(2026, 11, 2))
    report = reports.build_report(ws, OCTOBER)
    # Two victims in contact: one counted under key stages (her wider level), one annual.
    assert _counts(report, "contact_level") == {"key_stages": 1, "annual": 1}
    assert report.section("contact_level").total == 2
    assert report.section("language").total == 2
    key_stages = next(f for f in report.section("contact_level").figures if f.group == "key_stages")
    assert reports.drill_down(ws, OCTOBER, key_stages) == [cases.open_case(ws, second).link.ref]
    words = dict(report.definitions)["Victims in contact"]
    assert "counted once" in words and "wider one" in words


# --- 4. archived (deleted) referrals are in no figure ----------------------------------


def test_an_archived_referral_is_not_received(ws):
    kept = _refer(ws, 1, date(2026, 10, 5))
    deleted = _refer(ws, 2, date(2026, 10, 6))
    _opt(ws, deleted, OptState.OFFERED, date(2026, 10, 7))
    _opt(ws, kept, OptState.OFFERED, date(2026, 10, 8))
    _at(ws, date(2026, 10, 9))
    cases.archive_case(ws, deleted)
    _at(ws, date(2026, 11, 2))
    report = reports.build_report(ws, OCTOBER)
    assert _counts(report, "referrals") == {"Witness Care Unit": 1}
    assert report.section("eligibility").total == 1
    assert report.offer_times.offers == 1
    assert report.section("opt_in").total == 1
    assert report.section("caseload").total == 1
    assert "Archived cases" in dict(report.definitions)


# --- 5. a closed period counts the same when run again ---------------------------------


def _om_question(ws, link_id: int, on: date) -> int:
    _at(ws, max(on, ws.on))
    return ask_om(ws, link_id, on, on + timedelta(days=7))


def _condition(ws, folder, link_id: int, on: date) -> int:
    _at(ws, max(on, ws.on))
    return request_condition(ws, folder, link_id, on)


def test_a_closed_period_counts_the_same_after_later_events(ws, tmp_path):
    a = _refer(ws, 1, date(2026, 10, 1))
    b = _refer(ws, 2, date(2026, 10, 2), vlo="Bryn Hughes", team="South")
    c = _refer(ws, 3, date(2026, 10, 5))
    d = _refer(ws, 4, date(2026, 9, 1), vlo="Bryn Hughes", team="South")
    _opt(ws, a, OptState.OFFERED, date(2026, 10, 6))
    _opt(ws, a, OptState.OPTED_IN, date(2026, 10, 8), ContactLevel.KEY_STAGES)
    _opt(ws, b, OptState.OFFERED, date(2026, 10, 7))
    _opt(ws, c, OptState.OFFERED, date(2026, 10, 9))
    _opt(ws, c, OptState.OPTED_IN, date(2026, 10, 12), ContactLevel.ANNUAL)
    awaiting = _condition(ws, tmp_path, a, date(2026, 10, 13))
    _om_question(ws, b, date(2026, 10, 14))
    _at(ws, date(2026, 10, 31))
    before = reports.build_report(ws, OCTOBER)
    # Something to change in every kind of figure:
    assert before.section("opt_in").count("not_opted_in") == 1  # B offered, no answer
    assert before.section("conditions").count("awaiting") == 1
    assert before.section("om_unanswered").total == 2  # B's question, A's request
    assert before.section("overdue_clock").total >= 2  # D's offer is late, chases
    assert _counts(before, "contact_level") == {"key_stages": 1, "annual": 1}
    assert _counts(before, "caseload") == {"Alex Morgan": 2, "Bryn Hughes": 2}

    # November and December: the answers, decisions, replies and changes come in.
    _opt(ws, b, OptState.OPTED_IN, date(2026, 11, 4), ContactLevel.RELEASE_AND_LICENCE)
    _opt(ws, c, OptState.OPTED_OUT, date(2026, 11, 5))
    _at(ws, date(2026, 11, 9))
    conditions.record_decision(ws, awaiting, on=date(2026, 11, 9), decision=Decision.INCLUDED)
    _at(ws, date(2026, 11, 10))
    liaison.log_liaison(
        ws,
        LiaisonEntry(
            b,
            date(2026, 11, 10),
            Direction.FROM,
            Party.OM,
            LiaisonChannel.EMAIL,
            "The release address is in another county.",
            is_reply=True,
        ),
    )
    _opt(ws, d, OptState.OFFERED, date(2026, 11, 11))
    for task in tasks.due_tasks(ws, on=date(2026, 11, 12)):
        tasks.complete_task(ws, task.id, on=date(2026, 11, 12))
    _at(ws, date(2026, 11, 16))
    prefs = preferences.preferences_of(ws, a)
    preferences.update_preferences(ws, a, replace(prefs, contact_level=ContactLevel.ANNUAL))
    link = cases.open_case(ws, d).link
    cases.update_link(ws, replace(link, status=CaseStatus.CLOSED))
    _edit_referral(ws, c, vlo="Bryn Hughes")
    _at(ws, date(2026, 12, 7))
    new_om = om.save_om(ws, OffenderManager("Pat Newman", team="East")).record_id
    om.change_om(ws, b, new_om, on=date(2026, 12, 7))

    after = reports.build_report(ws, OCTOBER)
    assert after == before
    # ... while November's report sees what happened in November.
    november = reports.build_report(
        ws, replace(OCTOBER, start=date(2026, 11, 1), end=date(2026, 11, 30))
    )
    assert november.section("caseload").total == 3
    assert _counts(november, "contact_level") == {"annual": 1, "release_and_licence": 1}


# --- 6. one rounding rule from whole counts --------------------------------------------


def test_an_exact_tie_rounds_half_up_in_table_csv_pdf_and_chart(ws, tmp_path):
    # 16 first offers in October, 13 within the limit: 81.25%.
    made = []
    for n in range(16):
        offered = date(2026, 10, 26) + timedelta(days=n % 5)
        made.append(_refer(ws, n, _days_before(offered, 2 if n < 13 else 25)))
        _opt(ws, made[-1], OptState.OFFERED, offered)
    # 16 licence-condition requests in October, 13 included as asked, 3 refused.
    for i, link_id in enumerate(made):
        request_id = _condition(ws, tmp_path, link_id, date(2026, 10, 30))
        if i < 13:
            conditions.record_decision(
                ws, request_id, on=date(2026, 10, 30), decision=Decision.INCLUDED
            )
        else:
            conditions.record_decision(
                ws, request_id, on=date(2026, 10, 30), decision=Decision.REFUSED, reason="No."
            )
    _at(ws, date(2026, 11, 2))
    report = reports.build_report(ws, OCTOBER)
    tie = _percent(13, 16)
    assert tie == "81.3%"
    assert dict(report.section("offers").summary)["Within the limit"] == f"13 of 16 ({tie})"
    assert str(report.inclusion) == tie
    offers_chart, inclusion_chart, _ = reports.charts(report)
    assert offers_chart.rows == (("Oct 2026", "13", "3", tie),)
    assert inclusion_chart.rows == (("Oct 2026", "13", "16", tie),)
    assert inclusion_chart.chart.sets == (("Included", (81.3,)),)
    assert inclusion_chart.chart.labels == (tie,)
    rows = list(csv.reader(reports.export_report(ws, report, tmp_path / "r.csv").open()))
    assert ["Initial offers of contact", "Within the limit", "", f"13 of 16 ({tie})"] in rows
    assert [
        "Licence-condition requests",
        "Inclusion rate (included as asked / decided)",
        "",
        f"13 of 16 ({tie})",
    ] in rows
    text = _pdf_text(reports.export_report(ws, report, tmp_path / "r.pdf"))
    assert text.count(tie) >= 4 and "81.2%" not in text
    assert "half up" in dict(report.definitions)["Percentages"]


# --- 7. the definitions are printed with the report ------------------------------------

PHRASES = (
    "Working days are counted after the referral day",
    "nearest-rank",
    "Unit: cases",
    "Unit: victims",
    "Unit: requests",
    "Unit: tasks",
    "Unit: letters",
    "Included as amended is not counted as included",
    "counted by the letter date",
    "In contact means opted in",
    "20 working days",
)


def test_the_definitions_are_printed_in_the_pdf_and_the_csv(ws, tmp_path):
    a = _refer(ws, 1, date(2026, 10, 1))
    _opt(ws, a, OptState.OFFERED, date(2026, 10, 2))
    _at(ws, date(2026, 11, 2))
    report = reports.build_report(ws, OCTOBER)
    words = " ".join(meaning for _, meaning in report.definitions)
    for phrase in PHRASES:
        assert phrase in words
    rows = list(csv.reader(reports.export_report(ws, report, tmp_path / "r.csv").open()))
    defined = [r for r in rows if r[0] == "Definitions"]
    assert [(r[1], r[3]) for r in defined] == list(report.definitions)
    text = _pdf_text(reports.export_report(ws, report, tmp_path / "r.pdf"))
    assert "Definitions" in text
    for phrase in PHRASES:
        assert phrase in text, phrase
    # Both inclusion figures are shown, the chosen one first.
    assert [label for label, _ in report.section("conditions").summary] == [
        "Inclusion rate (included as asked / decided)",
        "Included as asked or amended / decided",
    ]
