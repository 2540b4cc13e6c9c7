"""Bad input into the referral importer: whatever the file holds, the VLO gets a report
or a readable refusal (never a crash), and a refused file changes nothing at all."""

from __future__ import annotations

import codecs
import shutil
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vcs_app.domain.model import DomainError
from vcs_app.services.referral_import import COLUMNS, import_referrals, synthetic_rows, write_csv
from vcs_app.services.workspace import make_separate, open_workspace

TODAY = date(2026, 11, 26)
NASTY = [
    "x" * 100_000,  # huge text
    "\x00",
    "a\x00b",
    "\x07\x1b[31m\x7f",
    "\u202eevil\u202c",  # right-to-left override
    "שלום עליכם",
    "مرحبا",
    "👩‍👩‍👧 🏴󠁧󠁢󠁷󠁬󠁳󠁿",
    "2023-02-29",
    "29/02/2023",
    "31/04/2026",
    "0000-00-00",
    "9999-12-31",
    "=cmd|' /C calc'!A0",
    "+SUM(A1:A9)",
    "-2+3",
    '@HYPERLINK("http://example.org")',
    '"',
    '","',
    "\r\n",
    "line one\nline two",
    "\ufeff",
    " ",
    "",
    "NaN",
    "1e309",
    "-5",
    "99999999999999999999999",
    "yes",
    "cy",
]
COLUMN_NAMES = [c.name for c in COLUMNS]


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory):
    """A migrated, empty database copied for each example (faster than migrating)."""
    path = tmp_path_factory.mktemp("fuzz") / "empty.db"
    open_workspace(path, create=True).close()
    return path


def _fresh(empty_db, tmp_path_factory):
    target = tmp_path_factory.mktemp("case") / "vcs.db"
    shutil.copy(empty_db, target)
    make_separate(target)  # a caseload of its own, not the same file gone back
    return open_workspace(target, user="fuzz.vlo")


def _dump(ws) -> list[str]:
    return list(ws.store.db.conn.iterdump())


def _check(ws, data: bytes) -> None:
    """A report or a DomainError; a file not committed leaves every table as it was."""
    before = _dump(ws)
    try:
        report = import_referrals(ws, data, file_name="fuzz.csv")
    except DomainError as exc:
        assert str(exc) and "Traceback" not in str(exc)
        assert _dump(ws) == before
        return
    if report.problems or not report.committed:
        assert _dump(ws) == before
        assert all(p.message for p in report.problems)
    else:
        assert report.imported == len(report.rows)
        _assert_no_control_characters(ws)
    assert ws.store.integrity_problems() == []


def _assert_no_control_characters(ws) -> None:
    """Names, offences and notes are stored clean: no NUL, escape or direction override."""
    for table, columns in (
        ("victim", "given_name || family_name || accessibility || guardian_name"),
        ("offender", "given_name || family_name"),
        ("link", "offence || vlo || om_name"),
    ):
        for (text,) in ws.store.db.execute(f"SELECT {columns} FROM {table}"):
            assert all(ch.isprintable() or ch == "\n" for ch in text), (table, text)


cells = st.one_of(st.sampled_from(NASTY), st.text(max_size=40))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    changes=st.lists(
        st.tuples(st.integers(0, 2), st.sampled_from(COLUMN_NAMES), cells), min_size=1, max_size=6
    ),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_odd_cells_never_crash_and_a_refusal_changes_nothing(
    empty_db, tmp_path_factory, changes, encoding
):
    rows = synthetic_rows(3, seed=11, today=TODAY)
    for row, column, value in changes:
        rows[row][column] = value
    text = write_csv(rows).decode("utf-8")
    data = text.encode(encoding, errors="replace")
    ws = _fresh(empty_db, tmp_path_factory)
    try:
        _check(ws, data)
    finally:
        ws.close()


@settings(max_examples=30, deadline=None)
@given(
    position=st.floats(0, 1),
    junk=st.binary(min_size=1, max_size=12),
    bom=st.sampled_from([b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF32_BE]),
)
def test_corrupted_bytes_never_crash(empty_db, tmp_path_factory, position, junk, bom):
    raw = write_csv(synthetic_rows(2, seed=5, today=TODAY))
    at = int(position * len(raw))
    ws = _fresh(empty_db, tmp_path_factory)
    try:
        _check(ws, bom + raw[:at] + junk + raw[at:])
    finally:
        ws.close()


@pytest.mark.parametrize("value", NASTY)
def test_every_nasty_value_in_every_required_column(empty_db, tmp_path_factory, value):
    ws = _fresh(empty_db, tmp_path_factory)
    try:
        for column in [c.name for c in COLUMNS if c.required] + ["victim_dob", "custody_months"]:
            rows = synthetic_rows(1, seed=3, today=TODAY)
            rows[0][column] = value
            _check(ws, write_csv(rows))
    finally:
        ws.close()


def test_a_formula_cell_is_kept_as_plain_text_not_run(empty_db, tmp_path_factory):
    rows = synthetic_rows(1, seed=3, today=TODAY)
    rows[0]["accessibility"] = "=cmd|' /C calc'!A0"
    ws = _fresh(empty_db, tmp_path_factory)
    try:
        report = import_referrals(ws, write_csv(rows), file_name="f.csv")
        assert report.committed
        stored = ws.store.db.execute("SELECT accessibility FROM victim").fetchone()[0]
        assert stored == "=cmd|' /C calc'!A0"  # kept as typed; escaped on export instead
    finally:
        ws.close()


DATE_CELLS = st.one_of(st.sampled_from(NASTY[1:]), st.text(max_size=20))


@settings(max_examples=40, deadline=None)
@given(
    cells=st.lists(st.tuples(DATE_CELLS, DATE_CELLS, DATE_CELLS, DATE_CELLS), max_size=4),
    junk=st.binary(max_size=8),
)
def test_official_date_files_never_crash_and_apply_all_or_nothing(
    empty_db, tmp_path_factory, cells, junk
):
    """The other CSV the app reads (bulk official dates): a review or a refusal, and
    applying a reviewed batch either records every row or none."""
    from vcs_app.services import bulk_dates

    ws = _fresh(empty_db, tmp_path_factory)
    try:
        import_referrals(ws, write_csv(synthetic_rows(2, seed=5, today=TODAY)), file_name="r.csv")
        crn = ws.store.db.execute("SELECT crn FROM offender WHERE crn IS NOT NULL").fetchone()[0]
        lines = [f"{crn},TUSED,2031-03-01,PPCS"] + [
            ",".join(f'"{c}"' for c in row) for row in cells
        ]
        path = tmp_path_factory.mktemp("dates") / "dates.csv"
        path.write_bytes(("crn,kind,date,source\n" + "\n".join(lines)).encode("utf-8") + junk)
        before = _dump(ws)
        try:
            review = bulk_dates.review_file(ws, path, today=TODAY)
        except DomainError:
            assert _dump(ws) == before
            return
        try:
            bulk_dates.apply_date_changes(ws, review, confirmed_cases=review.affected_cases)
        except DomainError:
            assert _dump(ws) == before
    finally:
        ws.close()
