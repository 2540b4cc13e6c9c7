"""Retention: closed cases past the period are listed, and a senior VLO's purge erases
them for good (no trace in the file's bytes) while the audit chain still verifies."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from vcs_app.domain.model import (
    AccessDenied,
    CaseStatus,
    ContactDetail,
    ContactLevel,
    Direction,
    KeyDate,
    LiaisonChannel,
    LiaisonEntry,
    Link,
    Offender,
    OptState,
    Party,
    Role,
    ValidationError,
    Victim,
)
from vcs_app.services import cases, intake, letters, retention
from vcs_app.services.demo import build_demo
from vcs_app.services.letter_settings import LetterSettings, VloContact, save_letter_settings
from vcs_app.services.workspace import check_file
from vcs_app.storage import audit

ON = date(2026, 11, 26)
LONG_AGO = "2015-03-01T09:00:00+00:00"
# Synthetic and unlike anything in the demo seeds, so a byte scan finds only this case.
VICTIM = ("Zephyrine", "Quillbrook")
OFFENDER = ("Thaddeus", "Marrowgate")
ADDRESS = "77 Lanternwick Close\nAnytown\nZZ99 7QQ"
NOTE = "Spoke to Zephyrine about the Lanternwick exclusion zone"


@pytest.fixture(autouse=True)
def user_data_in_tmp(tmp_path, monkeypatch, qapp):
    """Kept PDFs go under the test's folder; PDFs need Qt's text layout (the qapp)."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


def _age(ws, link_id: int, when: str = LONG_AGO) -> None:
    """Pretend the case was closed years ago (nothing in the app back-dates a change)."""
    with ws.store.atomic() as db:
        db.execute("UPDATE link SET updated_at = ? WHERE id = ?", [when, link_id])


def _close(ws, link_id: int) -> None:
    link = cases.open_case(ws, link_id).link
    cases.update_link(ws, replace(link, status=CaseStatus.CLOSED))


@pytest.fixture
def old_case(ws):
    """A demo caseload plus one full case (address, opt-in, key date, note, kept letter
    PDF), closed long ago."""
    build_demo(ws, victims=30, seed=4, today=ON)
    save_letter_settings(
        ws,
        LetterSettings(
            office_name="Probation Service Victim Liaison Unit",
            office_name_cy="Uned Cyswllt Dioddefwyr y Gwasanaeth Prawf",
            return_address=("1 Civic Way", "Anytown", "ZZ1 1ZZ"),
            default_phone="01632 960000",
            default_email="vlu@probation.example",
            vlos=(VloContact("Alex Morgan", "01632 960123", "alex.morgan@probation.example"),),
        ),
    )
    victim_id = cases.create_victim(ws, Victim(*VICTIM, dob=date(1981, 4, 2)))
    offender_id = cases.create_offender(
        ws, Offender(*OFFENDER, dob=date(1970, 1, 9), crn="Q765432")
    )
    cases.add_contact_detail(ws, ContactDetail("address", ADDRESS, victim_id=victim_id))
    link_id = cases.create_link(
        ws,
        Link(
            victim_id=victim_id,
            offender_id=offender_id,
            offence="Wounding with intent",
            referral_date=date(2026, 10, 1),
            sentence_date=date(2026, 9, 20),
            vlo="Alex Morgan",
        ),
    )
    intake.record_opt_change(
        ws,
        link_id,
        OptState.OPTED_IN,
        on=date(2026, 10, 5),
        source="phone call",
        contact_level=ContactLevel.KEY_STAGES,
    )
    cases.add_key_date(
        ws, KeyDate(offender_id, "CRD", date(2027, 3, 14), received_on=date(2026, 10, 2))
    )
    cases.add_liaison_entry(
        ws,
        LiaisonEntry(
            link_id=link_id,
            happened_on=date(2026, 10, 6),
            direction=Direction.TO,
            party=Party.OM,
            channel=LiaisonChannel.EMAIL,
            summary=NOTE,
        ),
    )
    draft = letters.prepare_letter(ws, link_id, "key_date_update", on=ON)
    letter_id = letters.approve_letter(ws, draft).record_id
    pdf = letters.produce_letter(ws, letter_id, on=ON).path
    assert pdf.exists()
    _close(ws, link_id)
    _age(ws, link_id)
    return link_id, pdf


def _file_bytes(ws) -> bytes:
    path = ws.path
    data = path.read_bytes()
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            data += extra.read_bytes()
    return data


def _needles() -> list[bytes]:
    words = [*VICTIM, *OFFENDER, "Lanternwick", "Q765432"]
    return [w.encode() for w in words] + [w.encode("utf-16-le") for w in words]


def test_the_period_comes_from_the_rules_folder_not_code(tmp_path):
    assert retention.retention_years() == 6
    custom = tmp_path / "r.json"
    custom.write_text('{"review_after_years": 3}')
    assert retention.retention_years(custom) == 3
    custom.write_text('{"review_after_years": "six"}')
    with pytest.raises(Exception, match="whole number"):
        retention.retention_years(custom)


def test_the_cutoff_handles_a_leap_day():
    assert retention.cutoff_for(date(2024, 2, 29), 6) == "2018-02-28T00:00:00+00:00"
    assert retention.cutoff_for(date(2026, 11, 26), 6) == "2020-11-26T00:00:00+00:00"


def test_only_closed_cases_past_retention_are_listed(ws, old_case):
    link_id, _ = old_case
    due = retention.cases_due_for_review(ws)
    assert [c.link_id for c in due] == [link_id]
    assert due[0].victim_name == " ".join(VICTIM)
    assert due[0].other_cases == 0
    # Recently closed: not yet due. Open and old: never listed.
    assert retention.cases_due_for_review(ws, on=date(2016, 1, 1)) == []
    open_id = next(i for i in range(1, 31) if cases.open_case(ws, i).link.status is CaseStatus.OPEN)
    _age(ws, open_id)
    assert [c.link_id for c in retention.cases_due_for_review(ws)] == [link_id]
    # Looking at the list is itself logged, with a count only.
    viewed = audit.find_entries(ws.store.db, action="view", limit=1)[0]
    assert viewed.entity == "retention_review" and "Quillbrook" not in viewed.detail


def test_a_vlo_cannot_purge_and_nothing_changes(ws, old_case):
    link_id, pdf = old_case
    before = list(ws.store.db.conn.iterdump())
    with pytest.raises(AccessDenied, match="senior VLO"):
        retention.purge_cases(ws, [link_id])
    assert list(ws.store.db.conn.iterdump()) == before
    assert pdf.exists()


def test_a_case_not_past_retention_is_refused_whole(ws, old_case):
    link_id, pdf = old_case
    ws.role = Role.SENIOR
    with pytest.raises(ValidationError, match="nothing was erased"):
        retention.purge_cases(ws, [link_id, 1])  # case 1: open or recent
    assert cases.open_case(ws, link_id).victim.family_name == VICTIM[1]
    assert pdf.exists()


def test_purge_erases_the_case_for_good(ws, old_case):
    link_id, pdf = old_case
    assert any(n in _file_bytes(ws) for n in _needles())
    ws.role = Role.SENIOR
    result = retention.purge_cases(ws, [link_id])
    assert (result.cases, result.victims, result.offenders) == (1, 1, 1)
    assert result.files_deleted == 1 and not pdf.exists()
    assert result.rows > 8
    db = ws.store.db
    for table, column in (
        ("link", "id"),
        ("task", "link_id"),
        ("liaison_entry", "link_id"),
        ("letter", "link_id"),
        ("opt_history", "link_id"),
    ):
        assert (
            db.execute(f"SELECT count(*) FROM {table} WHERE {column} = ?", [link_id]).fetchone()[0]
            == 0
        ), table
    assert (
        db.execute("SELECT count(*) FROM case_search WHERE rowid = ?", [link_id]).fetchone()[0] == 0
    )
    assert cases.open_case(ws, 1).link.id == 1  # the rest of the caseload is untouched
    # The audit row says only that a purge happened: counts and who, no names or ids.
    row = audit.find_entries(db, action="erase", limit=1)[0]
    assert row.entity == "retention_purge" and row.who == ws.user and row.link_id is None
    assert "Quillbrook" not in row.detail and str(link_id) not in row.detail.replace(
        '"cases": 1', ""
    )
    # Nothing of the case is left anywhere in the file (secure_delete, FTS merged, WAL
    # folded in) and the file and audit chain check out.
    data = _file_bytes(ws)
    assert [n for n in _needles() if n in data] == []
    assert check_file(ws.path).problems == []
    assert retention.cases_due_for_review(ws) == []


def test_a_victim_with_a_live_case_keeps_their_record(ws, old_case):
    link_id, _ = old_case
    victim_id = cases.open_case(ws, link_id).victim.id
    other = cases.create_offender(ws, Offender("Oswin", "Fenlake", dob=date(1969, 3, 3)))
    live = cases.create_link(
        ws,
        Link(
            victim_id=victim_id,
            offender_id=other,
            offence="Stalking",
            referral_date=date(2026, 10, 9),
        ),
    )
    assert retention.cases_due_for_review(ws)[0].other_cases == 1
    ws.role = Role.SENIOR
    result = retention.purge_cases(ws, [link_id])
    assert (result.victims, result.offenders) == (0, 1)
    kept = cases.open_case(ws, live)
    assert kept.victim.family_name == VICTIM[1]
    assert [c.value for c in kept.contacts] == [ADDRESS]
    assert check_file(ws.path).problems == []


def test_an_edit_s_old_and_new_values_leave_the_audit_log_with_the_case(ws, old_case):
    """Issue 16 §3 (this test said the opposite before): an edit's audit row kept the old
    and new name after the purge. The chain holds only a salted digest of each detail,
    so the purge blanks the details of the erased case's rows and the chain verifies."""
    link_id, _ = old_case
    victim = cases.open_case(ws, link_id).victim
    cases.update_victim(ws, replace(victim, given_name="Zephyra"))
    _age(ws, link_id)
    ws.role = Role.SENIOR
    retention.purge_cases(ws, [link_id])
    db = ws.store.db
    holders = db.execute("SELECT action, entity FROM audit WHERE detail LIKE '%Zephyr%'").fetchall()
    assert holders == []
    assert (
        db.execute("SELECT count(*) FROM victim WHERE given_name LIKE 'Zephyr%'").fetchone()[0] == 0
    )
    assert [n for n in _needles() if n in _file_bytes(ws)] == []
    assert check_file(ws.path).problems == []


def test_every_foreign_key_column_is_indexed(ws):
    """Erasing checks every reference to each deleted row: an unindexed column means a
    full table scan per row (200 cases at 100k victims took 270 s before 0012)."""
    db = ws.store.db
    missing = []
    for (table,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        first_columns = {
            db.execute(f"PRAGMA index_info({index[1]})").fetchone()[2]
            for index in db.execute(f"PRAGMA index_list({table})").fetchall()
        }
        first_columns |= {c[1] for c in db.execute(f"PRAGMA table_info({table})") if c[5] == 1}
        missing += [
            f"{table}.{fk[3]}"
            for fk in db.execute(f"PRAGMA foreign_key_list({table})").fetchall()
            if fk[3] not in first_columns
        ]
    assert missing == []
