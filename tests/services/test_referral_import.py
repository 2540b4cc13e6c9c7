"""CSV import of referrals: encodings, line numbers, all-or-nothing, duplicates, scale."""

from __future__ import annotations

import codecs
import json
import re
from datetime import date
from pathlib import Path

import pytest

from vcs_app.domain.model import Eligibility, OptState, ValidationError
from vcs_app.services import cases, intake, referral_import
from vcs_app.services.intake import SEPARATE, MatchDecision
from vcs_app.services.referral_import import (
    COLUMNS,
    MatchPolicy,
    RowStatus,
    import_referrals,
    synthetic_rows,
    write_csv,
)

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample_referrals.csv"
TODAY = date(2026, 11, 26)


def dump(ws) -> list[str]:
    """Every row of every table, to prove a failed import changed nothing."""
    return list(ws.store.db.conn.iterdump())


def rows(n: int = 3, seed: int = 7) -> list[dict[str, str]]:
    return synthetic_rows(n, seed=seed, today=TODAY)


def run(ws, data: bytes, **options):
    return import_referrals(ws, data, file_name="referrals.csv", **options)


def lines_of(report) -> list[int]:
    return [r.line for r in report.problems]


# --- the sample file and encodings ----------------------------------------------------


def test_the_sample_file_imports_with_one_offender_for_two_victims(ws):
    report = run(ws, SAMPLE.read_bytes())
    assert report.committed and report.problems == ()
    assert report.imported == 7
    counts = cases.caseload_counts(ws)
    assert counts["open"] == 7 and counts["victims"] == 7
    offenders = ws.store.db.execute("SELECT COUNT(*) FROM offender").fetchone()[0]
    assert offenders == 6  # the first two rows name the same CRN and name
    assert report.rows[1].message.endswith("new victim, same offender as an earlier line")
    ids = cases.caseload_ids(ws, text="Fairbairn")
    case = cases.open_case(ws, ids[0])
    assert case.referral.acting_for == "Iwan Fairbairn"
    assert case.link.eligibility is Eligibility.STATUTORY
    assert case.opt_history[0][1] is OptState.REFERRED
    zofia = cases.open_case(ws, cases.caseload_ids(ws, text="Hollingworth")[0])
    assert {"Do not post", "Address unsafe", "Use safe alternative address"} <= set(
        zofia.safety_flags
    )


def test_phone_numbers_keep_their_leading_zero(ws):
    run(ws, SAMPLE.read_bytes())
    phones = [
        r[0] for r in ws.store.db.execute("SELECT value FROM contact_detail WHERE kind = 'phone'")
    ]
    assert "07700 900101" in phones


@pytest.mark.parametrize(
    ("encoding", "bom", "expected"),
    [
        ("utf-8", False, "UTF-8"),
        ("utf-8", True, "UTF-8 (with BOM)"),
        ("cp1252", False, "Windows-1252"),
    ],
)
def test_utf8_with_or_without_bom_and_windows_1252_are_read(ws, encoding, bom, expected):
    data = rows(2)
    data[0]["victim_given_name"] = "Siôn"
    data[0]["victim_family_name"] = "Léger"
    raw = write_csv(data, encoding=encoding)
    report = run(ws, (codecs.BOM_UTF8 if bom else b"") + raw)
    assert report.encoding == expected and report.committed
    assert cases.caseload_ids(ws, text="Léger")
    names = [r[0] for r in ws.store.db.execute("SELECT given_name FROM victim")]
    assert "Siôn" in names


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04binary", "looks like a spreadsheet"),
        (b"referral_date\n\x81\x8d\x90", "neither UTF-8 nor Windows-1252"),
        (codecs.BOM_UTF8 + b"referral_date\n\xff", "says it is UTF-8"),
        (b"", "file is empty"),
        (b"referral_date;victim_given_name\n", "semicolons"),
        (b"referral_date,victim_given_name,shoe_size\n", "Unknown column.*shoe_size"),
        (b"referral_date,victim_given_name\n", "Required column.*victim_family_name"),
    ],
)
def test_a_file_that_cannot_be_read_says_why_and_changes_nothing(ws, data, message):
    before = dump(ws)
    with pytest.raises(ValidationError, match=message):
        run(ws, data)
    assert dump(ws) == before


def test_headers_are_forgiving_about_case_and_spaces(ws):
    raw = write_csv(rows(1)).decode()
    header, rest = raw.split("\r\n", 1)
    header = header.replace("victim_given_name", " Victim Given Name ")
    assert run(ws, (header + "\r\n" + rest).encode()).committed


# --- bad rows -------------------------------------------------------------------------


def test_every_bad_row_is_reported_with_its_line_and_nothing_is_imported(ws, case_id):
    data = rows(6)
    data[1]["victim_dob"] = "31/02/1990"
    data[3]["phone"] = "7700 900123"
    data[4]["offence_category"] = "burglary"
    data[4]["custody_months"] = "a year"
    # a quoted address over three lines shifts every later row's line number
    data[0]["address"] = data[0]["address"].replace(" | ", "\n")
    text = write_csv(data).decode()
    before = dump(ws)
    report = run(ws, text.encode())
    assert not report.committed and report.imported == 0
    assert dump(ws) == before
    assert len(report.rows) == 6
    by_line = {r.line: r for r in report.problems}
    expected_lines = [report.rows[i].line for i in (1, 3, 4)]
    assert sorted(by_line) == expected_lines
    assert expected_lines[0] == 5  # row 2 starts after the 3-line address
    assert "victim_dob '31/02/1990' is not a date" in by_line[expected_lines[0]].message
    assert "does not start with 0" in by_line[expected_lines[1]].message
    message = by_line[expected_lines[2]].message
    assert "offence_category 'burglary'" in message and "custody_months 'a year'" in message


def test_short_and_blank_lines(ws):
    text = write_csv(rows(2)).decode() + "\r\n\r\n2026-10-01,too,few\r\n"
    report = run(ws, text.encode())
    assert lines_of(report) == [6]
    assert "has 3 values but the header has" in report.problems[0].message


def test_only_the_good_rows_when_the_user_says_so(ws):
    data = rows(4)
    data[2]["victim_family_name"] = ""
    report = run(ws, write_csv(data), only_good=True)
    assert report.committed and report.imported == 3
    assert lines_of(report) == [4]
    assert cases.caseload_counts(ws)["open"] == 3
    last = ws.store.db.execute("SELECT action, detail FROM audit ORDER BY id DESC").fetchone()
    assert last[0] == "import"
    assert json.loads(last[1])["skipped_lines"] == [4]


def test_a_preview_reports_but_keeps_nothing(ws):
    before = dump(ws)
    report = run(ws, write_csv(rows(5)), dry_run=True)
    assert report.dry_run and not report.committed and report.problems == ()
    assert len(report.good) == 5
    assert dump(ws) == before


def test_the_same_referral_twice_in_a_file_is_reported(ws):
    data = rows(1)
    report = run(ws, write_csv(data + data))
    assert lines_of(report) == [3]
    assert report.problems[0].status is RowStatus.DUPLICATE


# --- people already on file -----------------------------------------------------------


def _on_file(ws, row: dict[str, str]) -> None:
    intake.register_referral(ws, referral_import.referral_from(row))


OTHER_OFFENDER = {
    "offender_given_name": "Percy",
    "offender_family_name": "Greatorex",
    "offender_dob": "",
    "crn": "X777777",
    "nomis": "",
}


def test_a_match_on_file_is_reported_unless_the_user_chose(ws):
    data = rows(2)
    _on_file(ws, data[0] | OTHER_OFFENDER)
    before = dump(ws)
    report = run(ws, write_csv(data))
    assert lines_of(report) == [2]
    (problem,) = report.problems
    assert problem.status is RowStatus.DUPLICATE
    assert problem.matches.victims[0].reason == "same name and date of birth"
    assert dump(ws) == before

    merged = run(ws, write_csv(data), policy=MatchPolicy.MERGE)
    assert merged.committed and "victim on file merged" in merged.rows[0].message
    assert ws.store.db.execute("SELECT COUNT(*) FROM victim").fetchone()[0] == 2


def test_keep_separate_policy_and_per_row_decisions(ws):
    data = rows(2)
    _on_file(ws, data[0] | OTHER_OFFENDER)
    separate = run(ws, write_csv(data), policy=MatchPolicy.SEPARATE, dry_run=True)
    assert separate.problems == ()
    victim_id = ws.store.db.execute("SELECT id FROM victim").fetchone()[0]
    decided = run(ws, write_csv(data), decisions={2: MatchDecision(victim=victim_id)})
    assert decided.committed
    assert ws.store.db.execute("SELECT COUNT(*) FROM victim").fetchone()[0] == 2


def test_a_crn_on_file_for_someone_else_is_never_merged_automatically(ws):
    data = rows(1)
    _on_file(ws, data[0] | {"offender_given_name": "Percy", "victim_given_name": "Una"})
    report = run(ws, write_csv(data), policy=MatchPolicy.MERGE)
    assert report.problems[0].status is RowStatus.DUPLICATE
    assert "same CRN" in report.problems[0].message
    separate = run(ws, write_csv(data), policy=MatchPolicy.SEPARATE)
    assert "cannot be kept separate" in separate.problems[0].message


def test_a_crn_repeated_in_the_file_with_another_name_is_reported(ws):
    data = rows(2, seed=11)
    data[1]["crn"] = data[0]["crn"]
    data[1]["offender_family_name"] = "Zeal-Other"
    report = run(ws, write_csv(data))
    assert lines_of(report) == [3]


def test_a_separate_decision_for_a_crn_match_is_refused(ws):
    data = rows(1)
    _on_file(ws, data[0] | {"victim_given_name": "Una"})
    report = run(ws, write_csv(data), decisions={2: MatchDecision(offender=SEPARATE)})
    assert "cannot be kept separate" in report.problems[0].message


# --- progress and cancel --------------------------------------------------------------


class _Recorder:
    def __init__(self, stop_after: int | None = None) -> None:
        self.reports: list[tuple[int, int]] = []
        self.stop_after = stop_after

    def report(self, done: int, total: int, message: str = "") -> None:
        self.reports.append((done, total))

    def check(self) -> None:
        if self.stop_after is not None and len(self.reports) > self.stop_after:
            raise KeyboardInterrupt  # stands in for the GUI's Cancelled


def test_progress_is_reported_and_a_cancel_keeps_nothing(ws):
    data = write_csv(rows(250))
    recorder = _Recorder()
    run(ws, data, dry_run=True, progress=recorder)
    # in kilobytes of the file read (the row count is not known before the end)
    kilobytes = len(data) // 1024
    assert len(recorder.reports) == 250 // 100 + 1 + 1
    assert all(total == kilobytes for _, total in recorder.reports)
    done = [d for d, _ in recorder.reports]
    assert done == sorted(done) and done[0] < kilobytes and done[-1] == kilobytes
    before = dump(ws)
    with pytest.raises(KeyboardInterrupt):
        run(ws, data, progress=_Recorder(stop_after=2))
    assert dump(ws) == before


# --- documentation --------------------------------------------------------------------


def test_readme_documents_every_column_in_order():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## CSV import", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| `([a-z_]+)` \|", section, flags=re.MULTILINE)
    assert documented == [c.name for c in COLUMNS]
    header = SAMPLE.read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == [c.name for c in COLUMNS]


# --- scale ----------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.timeout(600)  # about 45 s alone; a busy machine can double it
def test_ten_thousand_rows_with_three_bad_then_fixed(ws, case_id):
    data = synthetic_rows(10_000, seed=4, today=TODAY)
    spoiled = {
        1_234: ("victim_dob", "31/02/1990"),
        5_000: ("offender_family_name", ""),
        9_998: ("phone", "7700 900123"),
    }
    originals = {i: data[i][column] for i, (column, _) in spoiled.items()}
    for i, (column, value) in spoiled.items():
        data[i][column] = value
    before = dump(ws)
    report = run(ws, write_csv(data))
    assert lines_of(report) == [i + 2 for i in sorted(spoiled)]  # header is line 1
    assert not report.committed
    assert dump(ws) == before

    for i, value in originals.items():
        data[i][spoiled[i][0]] = value
    fixed = run(ws, write_csv(data))
    assert fixed.committed and fixed.imported == 10_000 and fixed.problems == ()
    assert cases.caseload_counts(ws)["open"] == 10_001
