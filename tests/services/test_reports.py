"""The management report over a small known caseload, built through the services: every
figure is checked exactly, and each drill-down lists the cases behind its figure."""

from __future__ import annotations

import csv
import subprocess
import unicodedata
from dataclasses import replace
from datetime import date
from fractions import Fraction

import pytest
from fixed_day import TODAY
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from report_cases import ask_om, referral, request_condition

from vcs_app.domain.conditions import Decision, spreadsheet_safe
from vcs_app.domain.model import (
    ContactLevel,
    DomainError,
    Language,
    Link,
    Offender,
    OptState,
    ValidationError,
)
from vcs_app.services import cases, conditions, intake, letters, reports
from vcs_app.services.letter_settings import LetterSettings, VloContact, save_letter_settings
from vcs_app.services.workspace import worker_workspace
from vcs_app.storage import audit

OCTOBER = reports.ReportFilter(date(2026, 10, 1), date(2026, 10, 31))


@pytest.fixture(autouse=True)
def user_data_in_tmp(tmp_path, monkeypatch, qapp):
    """Kept letter PDFs go inside the test's folder; PDFs need Qt's text layout."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


def _register(ws, *args, **changes) -> int:
    return intake.register_referral(ws, referral(*args, **changes)).link_ids[0]


def _opt(ws, link_id, state, on, level=None) -> None:
    intake.record_opt_change(ws, link_id, state, on=on, source="phone call", contact_level=level)


def _letter(ws, link_id, template: str, on: date) -> int:
    draft = letters.prepare_letter(ws, link_id, template, on=on)
    assert draft.ok, draft.reasons
    letter_id = letters.approve_letter(ws, draft).record_id
    letters.produce_letter(ws, letter_id, on=on)
    return letter_id


@pytest.fixture
def caseload(ws, tmp_path):
    """Five cases; October 2026 is the period under report."""
    save_letter_settings(
        ws,
        LetterSettings(
            office_name="Probation Service Victim Liaison Unit",
            office_name_cy="Uned Cyswllt Dioddefwyr y Gwasanaeth Prawf",
            return_address=("1 Civic Way", "Anytown", "ZZ1 1ZZ"),
            default_phone="01632 960000",
            default_email="vlu@probation.example",
            vlos=(
                VloContact("Alex Morgan", "01632 960123", "alex.morgan@probation.example"),
                VloContact("Bryn Hughes", "01632 960124", "bryn.hughes@probation.example"),
            ),
        ),
    )
    a = _register(ws, 1, date(2026, 10, 1), "Alex Morgan", "North")
    b = _register(ws, 2, date(2026, 10, 5), "Bryn Hughes", "South")
    b_victim = cases.open_case(ws, b).victim
    cases.update_victim(ws, replace(b_victim, language=Language.WELSH))
    c = _register(ws, 3, date(2026, 9, 1), "Alex Morgan", "North")
    d = _register(ws, 4, date(2026, 10, 12), "Bryn Hughes", "South", custody_months=6)
    # E: A's victim again, about a second offender, referred before the period.
    a_victim = cases.open_case(ws, a).victim.id
    e_offender = cases.create_offender(ws, Offender("Evan", "Quayle5", crn="X000005"))
    e = cases.create_link(
        ws,
        Link(
            victim_id=a_victim,
            offender_id=e_offender,
            offence="Wounding with intent",
            referral_date=date(2026, 8, 3),
            vlo="Alex Morgan",
            om_team="North",
        ),
    )
    first_letters = (_letter(ws, a, "initial_offer", date(2026, 10, 2)),)
    welsh = _letter(ws, b, "initial_offer", date(2026, 10, 6))
    letters.mark_returned(ws, welsh, on=date(2026, 10, 19))
    _opt(ws, a, OptState.OFFERED, date(2026, 10, 8))
    _opt(ws, a, OptState.OPTED_IN, date(2026, 10, 12), ContactLevel.KEY_STAGES)
    _opt(ws, b, OptState.OFFERED, date(2026, 10, 20))
    _opt(ws, b, OptState.DECLINED, date(2026, 10, 22))
    _opt(ws, c, OptState.OFFERED, date(2026, 10, 14))
    _opt(ws, c, OptState.OPTED_IN, date(2026, 10, 15), ContactLevel.ANNUAL)
    _opt(ws, e, OptState.OFFERED, date(2026, 8, 10))
    _opt(ws, e, OptState.OPTED_IN, date(2026, 8, 12), ContactLevel.KEY_STAGES)
    included = request_condition(ws, tmp_path, a, date(2026, 10, 13))
    conditions.record_decision(ws, included, on=date(2026, 10, 20), decision=Decision.INCLUDED)
    refused = request_condition(ws, tmp_path, a, date(2026, 10, 14))
    conditions.record_decision(
        ws, refused, on=date(2026, 10, 21), decision=Decision.REFUSED, reason="Not necessary."
    )
    request_condition(ws, tmp_path, c, date(2026, 10, 16))  # awaiting a decision
    old = request_condition(ws, tmp_path, c, date(2026, 9, 15))  # before the period
    conditions.record_decision(ws, old, on=date(2026, 9, 30), decision=Decision.INCLUDED)
    ask_om(ws, b, date(2026, 10, 6), date(2026, 10, 13))  # never answered
    ask_om(ws, a, date(2026, 10, 26), date(2026, 11, 5))  # follow-up still ahead
    return {"a": a, "b": b, "c": c, "d": d, "e": e, "letters": first_letters}


def _refs(ws, *link_ids) -> list[str]:
    return sorted(cases.open_case(ws, i).link.ref for i in link_ids)


def _counts(report, key) -> dict[tuple[str, str] | str, int]:
    return {
        (f.group if not f.sub else (f.group, f.sub)): f.count for f in report.section(key).figures
    }


def test_every_figure_for_the_period_is_exact(ws, caseload):
    report = reports.build_report(ws, OCTOBER)
    # A, B and D were referred in October (C in September, E in August).
    assert _counts(report, "referrals") == {"Witness Care Unit": 3}
    assert _counts(report, "eligibility") == {"statutory": 2, "not_eligible": 1}
    # The initial-offer letters closed A's and B's offer clocks a working day after
    # referral; C was offered 31 working days after its referral, past the 20-day limit.
    assert _counts(report, "offers") == {"within": 2, "outside": 1}
    assert report.offer_times == reports.OfferTimes(3, 2, 1, 31)
    assert report.offer_times.within_rate == reports.Rate(2, 3)
    assert str(report.offer_times.within_rate) == "66.7%"
    # Of A and B (offered; D never was), A opted in.
    assert _counts(report, "opt_in") == {"opted_in": 1, "not_opted_in": 1}
    assert report.opt_in_rate == 0.5
    # In contact now: A and E (one victim, key stages) and C (annual); all in English.
    assert _counts(report, "contact_level") == {"key_stages": 1, "annual": 1}
    assert _counts(report, "language") == {"en": 2}
    assert _counts(report, "letters") == {("initial_offer", "en"): 1, ("initial_offer", "cy"): 1}
    assert _counts(report, "returned") == {("initial_offer", "cy"): 1}
    # September's request is outside the period; of October's, one included, one refused.
    assert _counts(report, "conditions") == {"included": 1, "refused": 1, "awaiting": 1}
    assert report.inclusion_rate == 0.5
    # B's question (follow-up 13 Oct) and C's request (chase due 23 Oct) are unanswered;
    # A's question of 26 Oct is not yet due a follow-up.
    assert _counts(report, "om_unanswered") == {"North": 1, "South": 1}
    # Open at 31 Oct and due before it: chases for B and C, telling A's victim of the
    # refusal, and checking B's address after the returned letter.
    assert _counts(report, "overdue_clock") == {
        "om_chase": 2,
        "condition_decision_to_victim": 1,
        "returned_mail": 1,
    }
    assert _counts(report, "overdue_vlo") == {"Alex Morgan": 2, "Bryn Hughes": 2}
    assert _counts(report, "caseload") == {"Alex Morgan": 3, "Bryn Hughes": 2}


def test_the_chart_figures_by_month_are_exact(ws, caseload):
    report = reports.build_report(ws, replace(OCTOBER, start=date(2026, 9, 1)))
    offers = reports.by_month(report.section("offers_by_month"))
    assert offers == {"2026-10": {"within": 2, "outside": 1}}
    requests = reports.by_month(report.section("conditions_by_month"))
    assert requests == {
        "2026-09": {"included": 1},
        "2026-10": {"included": 1, "refused": 1, "awaiting": 1},
    }
    assert reports.inclusion_by_month(report) == {
        "2026-09": reports.Rate(1, 1),
        "2026-10": reports.Rate(1, 2),
    }


def test_the_inclusion_rate_agrees_with_the_condition_statistics(ws, caseload):
    report = reports.build_report(ws, OCTOBER)
    stats = conditions.condition_statistics(ws, start=OCTOBER.start, end=OCTOBER.end)
    assert report.inclusion_rate == stats[-1].inclusion_rate


def test_a_team_or_a_vlo_narrows_every_figure(ws, caseload):
    north = reports.build_report(ws, replace(OCTOBER, team="North"))
    assert _counts(north, "referrals") == {"Witness Care Unit": 1}
    # Nearest rank: the median of two offers is the first of them.
    assert north.offer_times == reports.OfferTimes(2, 1, 1, 31)
    assert _counts(north, "om_unanswered") == {"North": 1}
    assert _counts(north, "caseload") == {"Alex Morgan": 3}
    bryn = reports.build_report(ws, replace(OCTOBER, vlo="Bryn Hughes"))
    assert _counts(bryn, "eligibility") == {"statutory": 1, "not_eligible": 1}
    assert _counts(bryn, "overdue_vlo") == {"Bryn Hughes": 2}
    assert bryn.section("contact_level").figures == ()
    assert bryn.opt_in_rate == 0 and bryn.inclusion_rate is None


def test_a_drill_down_lists_the_cases_behind_a_figure(ws, caseload):
    report = reports.build_report(ws, OCTOBER)
    section = report.section("contact_level")
    key_stages = next(f for f in section.figures if f.group == "key_stages")
    assert reports.drill_down(ws, OCTOBER, key_stages) == _refs(ws, caseload["a"], caseload["e"])
    outside = next(f for f in report.section("offers").figures if f.group == "outside")
    assert reports.drill_down(ws, OCTOBER, outside) == _refs(ws, caseload["c"])
    overdue = next(f for f in report.section("overdue_vlo").figures if f.group == "Bryn Hughes")
    assert reports.drill_down(ws, OCTOBER, overdue) == _refs(ws, caseload["b"])


def test_an_empty_period_reports_zeros_not_errors(ws):
    report = reports.build_report(ws, OCTOBER)
    assert all(s.total == 0 for s in report.sections)
    assert report.offer_times == reports.OfferTimes(0, 0, None, None)
    assert report.opt_in_rate is None and report.inclusion_rate is None
    with pytest.raises(ValidationError, match="ends before it starts"):
        reports.ReportFilter(date(2026, 10, 2), date(2026, 10, 1))


def test_csv_export_is_flat_safe_from_formulas_and_logged(ws, caseload, tmp_path):
    link = cases.open_case(ws, caseload["b"]).link
    ws.on = date(2026, 10, 7)  # the team as it stood in October: the report counts by it
    cases.update_link(ws, replace(link, om_team="=2+3"))
    ws.on = TODAY
    report = reports.build_report(ws, OCTOBER)
    out = reports.export_report(ws, report, tmp_path / "october.csv")
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["Section", "Item", "Detail", "Value"]
    assert ["Eligibility outcomes", "Statutory", "", "2"] in rows
    assert ["Letters sent", "Initial offer", "Welsh", "1"] in rows
    assert ["Opt-in", "Opt-in rate", "", "1 of 2 (50.0%)"] in rows
    unanswered = [r for r in rows if r[0] == "Requests to OMs unanswered past follow-up"]
    assert [spreadsheet_safe("=2+3"), "", "1"] in [r[1:] for r in unanswered]
    assert "Testcase" not in out.read_text(encoding="utf-8")
    (entry,) = [e for e in audit.find_entries(ws.store.db) if e.entity == "report"]
    assert entry.action == "disclose" and "october.csv" in entry.detail


def test_pdf_export_is_an_a4_summary_without_personal_data(ws, caseload, tmp_path):
    report = reports.build_report(ws, OCTOBER)
    out = reports.export_report(ws, report, tmp_path / "october.pdf", produced_on=date(2026, 11, 2))
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
    assert "595 x 842 pts (A4)" in info
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Period: 01/10/2026 to 31/10/2026" in text
    assert "Within the limit" in text and "2 of 3 (66.7%)" in text
    assert "Testcase" not in text and "ZZ99" not in text


def test_only_pdf_or_csv_can_be_saved(ws, tmp_path):
    report = reports.build_report(ws, OCTOBER)
    with pytest.raises(ValidationError, match=r"\.pdf or a \.csv"):
        reports.export_report(ws, report, tmp_path / "october.xlsx")
    assert not [e for e in audit.find_entries(ws.store.db) if e.entity == "report"]


SEP_OCT = replace(OCTOBER, start=date(2026, 9, 1))


def test_the_charts_carry_their_numbers_as_tables(ws, caseload):
    offers, inclusion, caseload_chart = reports.charts(reports.build_report(ws, SEP_OCT))
    assert offers.chart.categories == ("Oct 2026",)
    assert offers.chart.sets == (("Within the limit", (2,)), ("Outside the limit", (1,)))
    assert offers.rows == (("Oct 2026", "2", "1", "66.7%"),)
    assert inclusion.chart.percent and inclusion.chart.sets == (("Included", (100.0, 50.0)),)
    assert inclusion.rows == (("Sep 2026", "1", "1", "100.0%"), ("Oct 2026", "1", "2", "50.0%"))
    assert caseload_chart.chart.horizontal
    assert caseload_chart.rows == (("Alex Morgan", "3"), ("Bryn Hughes", "2"))


def test_the_pdf_has_the_three_charts_with_their_tables(ws, caseload, tmp_path):
    report = reports.build_report(ws, SEP_OCT)
    out = reports.export_report(ws, report, tmp_path / "autumn.pdf", produced_on=date(2026, 11, 2))
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    pages = unicodedata.normalize("NFKC", text).split("\f")  # "ﬀ" ligatures to "ff"
    first = next(i for i, page in enumerate(pages) if page.strip().startswith("Charts"))
    chart_pages = "".join(pages[first:])
    for heading in ("Initial offers by month", "Licence conditions included", "Open cases per"):
        assert heading in chart_pages
    assert "Oct 2026" in chart_pages and "66.7%" in chart_pages
    images = subprocess.run(
        ["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    # One picture per chart, all on the chart pages (the summary pages have none).
    assert len(images) == 3 and all(int(line.split()[0]) > first for line in images)
    assert "Testcase" not in text and "ZZ99" not in text


def test_a_period_without_data_says_so_instead_of_an_empty_chart(ws, tmp_path):
    report = reports.build_report(ws, OCTOBER)
    html = reports.report_html(report, produced_on=date(2026, 11, 2))
    assert "chart:" not in html and html.count("None in this period.") == 3
    out = reports.export_report(ws, report, tmp_path / "empty.pdf")
    assert out.read_bytes().startswith(b"%PDF")


def test_progress_is_reported_per_section_and_can_stop_the_count(ws, caseload):
    seen = []
    reports.build_report(ws, OCTOBER, lambda done, total, what: seen.append((done, total)))
    assert [d for d, _ in seen] == list(range(len(seen))) and seen[0][1] == len(seen) > 10

    class Stop(Exception):
        pass

    def stop_at_third(done, total, what):
        if done == 2:
            raise Stop

    with pytest.raises(Stop):
        reports.build_report(ws, OCTOBER, stop_at_third)
    assert reports.build_report(ws, OCTOBER) == reports.build_report(ws, OCTOBER)


def test_counting_holds_no_write_lock_and_sees_one_moment(ws, caseload):
    """The window keeps saving while a report is counted on a worker connection, and the
    report counts the file as it was when counting began."""
    written = []
    with worker_workspace(ws) as beside:

        def write_meanwhile(done, total, what):
            if done == 3:
                written.append(_register(beside, 6, date(2026, 10, 20), "Alex Morgan", "North"))

        report = reports.build_report(ws, OCTOBER, write_meanwhile)
    assert written  # saved at once, not "database is locked" after a wait
    assert _counts(report, "caseload") == {"Alex Morgan": 3, "Bryn Hughes": 2}  # as before
    assert reports.build_report(ws, OCTOBER).section("caseload").total == 6


def test_the_cases_behind_a_figure_export_to_csv_as_a_logged_disclosure(ws, caseload, tmp_path):
    link = cases.open_case(ws, caseload["a"]).link
    cases.update_link(ws, replace(link, om_team="=HYPERLINK(1)"))
    report = reports.build_report(ws, OCTOBER)
    section = report.section("contact_level")
    key_stages = next(f for f in section.figures if f.group == "key_stages")
    out = reports.export_drill_down(ws, OCTOBER, key_stages, tmp_path / "key.csv")
    rows = list(csv.reader(out.open(encoding="utf-8")))
    refs = _refs(ws, caseload["a"], caseload["e"])
    assert rows[0] == list(reports.CASE_HEADERS)
    assert [r[0] for r in rows[1:]] == refs
    a_row = next(r for r in rows if r[0] == link.ref)
    assert a_row[1:] == [
        "Ceri Testcase1",
        "Alex Morgan",
        spreadsheet_safe("=HYPERLINK(1)"),
        "01/10/2026",
        "Open",
    ]
    assert a_row[3].startswith("'")
    (entry,) = [e for e in audit.find_entries(ws.store.db) if e.entity == "report_cases"]
    assert entry.action == "disclose"
    assert "Victims in contact by contact level: Key stages" in entry.detail
    assert '"count": 2' in entry.detail and "key.csv" in entry.detail


def test_the_cases_behind_a_figure_export_to_pdf_marked_sensitive(ws, caseload, tmp_path):
    report = reports.build_report(ws, OCTOBER)
    outside = next(f for f in report.section("offers").figures if f.group == "outside")
    out = reports.export_drill_down(ws, OCTOBER, outside, tmp_path / "late.pdf")
    text = subprocess.run(
        ["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    text = unicodedata.normalize("NFKC", text)
    assert "Initial offers of contact: Outside the limit" in text
    assert "OFFICIAL-SENSITIVE" in text and "1 case(s)" in text
    assert "Ceri Testcase3" in text and "Testcase1" not in text
    # The summary of the same period still names nobody.
    summary = reports.export_report(ws, report, tmp_path / "summary.csv")
    assert "Testcase" not in summary.read_text(encoding="utf-8")


def test_a_drill_down_export_that_cannot_be_made_logs_nothing(ws, caseload, tmp_path):
    report = reports.build_report(ws, OCTOBER)
    figure = report.section("caseload").figures[0]
    with pytest.raises(ValidationError, match=r"\.pdf or a \.csv"):
        reports.export_drill_down(ws, OCTOBER, figure, tmp_path / "cases.xlsx")
    with pytest.raises(DomainError, match="does not exist"):
        reports.export_drill_down(ws, OCTOBER, figure, tmp_path / "no" / "cases.csv")
    assert not [e for e in audit.find_entries(ws.store.db) if e.entity == "report_cases"]


def _section(key: str, figures: list[tuple[str, str, int]]) -> reports.Section:
    return reports.Section(
        key, key, "", (), tuple(reports.Figure(key, g, s, g, s, n) for g, s, n in figures)
    )


# The autouse fixture (a tmp folder, Qt) is the same for every example.
@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    offers=st.dictionaries(
        st.sampled_from([f"2026-{m:02d}" for m in range(1, 13)]),
        st.tuples(st.integers(0, 500), st.integers(0, 500)),
    ),
    decisions=st.dictionaries(
        st.sampled_from([f"2025-{m:02d}" for m in range(1, 13)]),
        st.tuples(st.integers(0, 50), st.integers(0, 50), st.integers(0, 50)),
    ),
)
@example(offers={}, decisions={"2025-01": (49, 31, 0)})  # 61.25%: a rounding tie, found by CI
def test_every_chart_draws_exactly_the_numbers_of_its_table(offers, decisions):
    by_month = [
        (m, k, n) for m, (w, o) in offers.items() for k, n in (("within", w), ("outside", o))
    ]
    asked = [
        (m, k, n)
        for m, counts in decisions.items()
        for k, n in zip(("included", "refused", "awaiting"), counts, strict=True)
    ]
    report = reports.Report(
        OCTOBER,
        (
            _section("offers_by_month", by_month),
            _section("conditions_by_month", asked),
            _section("caseload", [("Alex Morgan", "", 3), ("Bryn Hughes", "", 2)]),
        ),
        reports.OfferTimes(0, 0, None, None),
        reports.Rate(0, 0),
        reports.Rate(0, 0),
        reports.Rate(0, 0),
    )
    offer_chart, inclusion, caseload = reports.charts(report)
    (_, within), (_, outside) = offer_chart.chart.sets
    assert [(r[1], r[2]) for r in offer_chart.rows] == [
        (str(w), str(o)) for w, o in zip(within, outside, strict=True)
    ]
    assert sum(within) + sum(outside) == sum(n for _, _, n in by_month)
    ((_, rates),) = inclusion.chart.sets
    assert len(rates) == len(inclusion.rows) == len(inclusion.chart.categories)
    for rate, (_, included, decided, shown) in zip(rates, inclusion.rows, strict=True):
        assert int(decided) > 0 and abs(rate - 100 * int(included) / int(decided)) <= 0.05 + 1e-9
        # Half up on an exact tie, from the counts (Fraction: no float rounding).
        exact = Fraction(1000 * int(included), int(decided))
        tenths = int(exact) + (exact - int(exact) >= Fraction(1, 2))
        assert shown == f"{tenths // 10}.{tenths % 10}%" == f"{rate:.1f}%"
    assert caseload.chart.sets == (("Open cases", (3, 2)),)
