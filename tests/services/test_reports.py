"""The management report over a small known caseload, built through the services: every
figure is checked exactly, and each drill-down lists the cases behind its figure."""

from __future__ import annotations

import csv
import subprocess
from dataclasses import replace
from datetime import date

import pytest

from vcs_app.domain.conditions import ConditionDraft, Decision, spreadsheet_safe
from vcs_app.domain.model import (
    ContactDetail,
    ContactLevel,
    Direction,
    Language,
    LiaisonChannel,
    LiaisonEntry,
    Link,
    Offender,
    OptState,
    Party,
    Referral,
    ValidationError,
    Victim,
)
from vcs_app.services import cases, conditions, intake, letters, liaison, om, reports
from vcs_app.services.letter_settings import LetterSettings, VloContact, save_letter_settings
from vcs_app.storage import audit

OCTOBER = reports.ReportFilter(date(2026, 10, 1), date(2026, 10, 31))
ADDRESS = "12 Example Road\nAnytown\nZZ99 1AA"


@pytest.fixture(autouse=True)
def user_data_in_tmp(tmp_path, monkeypatch, qapp):
    """Kept letter PDFs go inside the test's folder; PDFs need Qt's text layout."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


def _referral(n: int, referred: date, vlo: str, team: str, **changes) -> Referral:
    base = Referral(
        victim=Victim("Ceri", f"Testcase{n}", dob=date(1980, 5, 1)),
        offender=Offender("Dorian", f"Quayle{n}", dob=date(1975, 2, 3), crn=f"X{n:06d}"),
        offence="Wounding with intent",
        referral_date=referred,
        sentence_date=date(2026, 8, 20),
        sentence_type="SDS",
        custody_months=36,
        vlo=vlo,
        om_name=f"Olly Manager{n}",
        om_team=team,
        contacts=(ContactDetail("address", ADDRESS),),
    )
    return replace(base, **changes)


def _register(ws, *args, **changes) -> int:
    return intake.register_referral(ws, _referral(*args, **changes)).link_ids[0]


def _opt(ws, link_id, state, on, level=None) -> None:
    intake.record_opt_change(ws, link_id, state, on=on, source="phone call", contact_level=level)


def _condition(ws, folder, link_id, on: date) -> int:
    template = conditions.catalogue().get("no_contact")
    values = {p.key: "Ceri Testcase" for p in template.placeholders}
    draft = ConditionDraft(
        link_id=link_id,
        kind="no_contact",
        wording=template.fill(values),
        reason="She is afraid he will turn up at her work.",
        risk="Harassment after release.",
        requested_on=on,
        values=tuple(values.items()),
    )
    request_id = conditions.request_condition(ws, draft).record_id
    om.send_to_om(ws, link_id, [request_id], on=on, pdf_path=folder / f"r{request_id}.pdf")
    return request_id


def _to_om(ws, link_id, on: date, follow_up: date) -> int:
    entry = LiaisonEntry(
        link_id,
        on,
        Direction.TO,
        Party.OM,
        LiaisonChannel.EMAIL,
        "Asked for the planned release address area.",
        follow_up_due=follow_up,
        awaiting_reply=True,
    )
    return liaison.log_liaison(ws, entry).record_id


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
    included = _condition(ws, tmp_path, a, date(2026, 10, 13))
    conditions.record_decision(ws, included, on=date(2026, 10, 20), decision=Decision.INCLUDED)
    refused = _condition(ws, tmp_path, a, date(2026, 10, 14))
    conditions.record_decision(
        ws, refused, on=date(2026, 10, 21), decision=Decision.REFUSED, reason="Not necessary."
    )
    _condition(ws, tmp_path, c, date(2026, 10, 16))  # awaiting a decision
    old = _condition(ws, tmp_path, c, date(2026, 9, 15))  # before the period
    conditions.record_decision(ws, old, on=date(2026, 9, 30), decision=Decision.INCLUDED)
    _to_om(ws, b, date(2026, 10, 6), date(2026, 10, 13))  # never answered
    _to_om(ws, a, date(2026, 10, 26), date(2026, 11, 5))  # follow-up still ahead
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
    assert _counts(report, "referrals") == {"intake form": 3}
    assert _counts(report, "eligibility") == {"statutory": 2, "not_eligible": 1}
    # The initial-offer letters closed A's and B's offer clocks a working day after
    # referral; C was offered 31 working days after its referral, past the 20-day limit.
    assert _counts(report, "offers") == {"within": 2, "outside": 1}
    assert report.offer_times == reports.OfferTimes(3, 2, 1, 31)
    assert report.offer_times.within_rate == pytest.approx(2 / 3)
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
    assert reports.inclusion_by_month(report) == {"2026-09": 1.0, "2026-10": 0.5}


def test_the_inclusion_rate_agrees_with_the_condition_statistics(ws, caseload):
    report = reports.build_report(ws, OCTOBER)
    stats = conditions.condition_statistics(ws, start=OCTOBER.start, end=OCTOBER.end)
    assert report.inclusion_rate == stats[-1].inclusion_rate


def test_a_team_or_a_vlo_narrows_every_figure(ws, caseload):
    north = reports.build_report(ws, replace(OCTOBER, team="North"))
    assert _counts(north, "referrals") == {"intake form": 1}
    assert north.offer_times == reports.OfferTimes(2, 1, 16, 31)
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
    cases.update_link(ws, replace(link, om_team="=2+3"))
    report = reports.build_report(ws, OCTOBER)
    out = reports.export_report(ws, report, tmp_path / "october.csv")
    rows = list(csv.reader(out.open(encoding="utf-8")))
    assert rows[0] == ["Section", "Item", "Detail", "Value"]
    assert ["Eligibility outcomes", "Statutory", "", "2"] in rows
    assert ["Letters sent", "Initial offer", "Welsh", "1"] in rows
    assert ["Opt-in", "Opt-in rate", "", "50.0%"] in rows
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
