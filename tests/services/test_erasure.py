"""Issue 16 §3: a retention purge leaves no byte of the erased cases' names, addresses,
phone numbers, notes or references in the file, its WAL or the app's backups (or says
exactly which backups still hold them, and erases those too), while the audit chain and
`check` still verify."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date

import pytest
from fixed_day import TODAY

from vcs_app.domain.model import (
    CaseStatus,
    ContactDetail,
    Direction,
    LiaisonChannel,
    LiaisonEntry,
    Party,
    Role,
)
from vcs_app.services import backups, cases, retention
from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import check_file, open_workspace
from vcs_app.storage import repo_cases

LONG_AGO = "2015-03-01T09:00:00+00:00"


@pytest.fixture
def erased(ws):
    """A demo caseload whose first three cases had their victim's name, address and
    phone edited (old and new values go into the audit log), a note written, then were
    closed long ago. Returns the ids and every personal value of theirs that appears
    nowhere else in the file."""
    build_demo(ws, victims=40, seed=7, today=TODAY)
    db = ws.store.db
    links = [1, 2, 3]
    values: set[str] = set()
    for link_id in links:
        case = cases.open_case(ws, link_id)
        victim, offender = case.victim, case.offender
        # New values made from the demo generator's own synthetic names.
        new_family = f"{offender.family_name}-{victim.family_name}"
        cases.update_victim(ws, replace(victim, family_name=new_family))
        address = next(c for c in case.contacts if c.kind.value == "address")
        moved = f"{link_id * 7} {victim.given_name} Gardens\nAnytown\nZZ9{link_id} 4QQ"
        cases.update_contact_detail(ws, replace(address, value=moved))
        phone = f"01632 96{link_id:04d}"
        cases.add_contact_detail(ws, ContactDetail("phone", phone, victim_id=victim.id))
        note = f"Told {victim.given_name} {new_family} about the licence conditions"
        cases.add_liaison_entry(
            ws,
            LiaisonEntry(
                link_id=link_id,
                happened_on=date(2026, 10, 6),
                direction=Direction.TO,
                party=Party.OM,
                channel=LiaisonChannel.EMAIL,
                summary=note,
            ),
        )
        link = cases.open_case(ws, link_id).link
        cases.update_link(ws, replace(link, status=CaseStatus.CLOSED))
        with ws.store.atomic() as tx:
            tx.execute("UPDATE link SET updated_at = ? WHERE id = ?", [LONG_AGO, link_id])
        values |= {victim.family_name, new_family, address.value, moved, phone, note}
        values |= {case.link.ref, offender.crn, offender.nomis}
    # Keep only what belongs to these cases alone (demo names repeat across people).
    others = " ".join(
        str(v)
        for table in ("victim", "offender", "contact_detail", "liaison_entry", "link")
        for row in db.execute(f"SELECT * FROM {table}")
        for v in row
        if not _of(db, table, row, links)
    )
    unique = sorted(v for v in values if v and v not in others)
    assert len(unique) >= 15, unique
    return links, unique


def _of(db, table: str, row, links: list[int]) -> bool:
    """Whether a row belongs to one of these cases (or to their victims and offenders)."""
    people = db.execute(
        "SELECT victim_id, offender_id FROM link WHERE id IN (?, ?, ?)", links
    ).fetchall()
    # a victim or offender with another case keeps their record (and its values)
    victims = {p[0] for p in people if set(repo_cases.links_for_victim(db, p[0])) <= set(links)}
    offenders = {p[1] for p in people if set(repo_cases.links_for_offender(db, p[1])) <= set(links)}
    row_id = row[0]
    if table == "link":
        return row_id in links
    if table == "victim":
        return row_id in victims
    if table == "offender":
        return row_id in offenders
    if table == "contact_detail":
        return repo_cases.get_contact_detail(db, row_id).victim_id in victims
    return (
        db.execute("SELECT link_id FROM liaison_entry WHERE id = ?", [row_id]).fetchone()[0]
        in links
    )


def _holding(path, values: list[str]) -> list[str]:
    """The values whose bytes (UTF-8) appear in the file or its -wal."""
    data = path.read_bytes()
    wal = path.with_name(path.name + "-wal")
    if wal.exists():
        data += wal.read_bytes()
    return [v for v in values if v.encode("utf-8") in data]


def test_a_purge_leaves_no_byte_of_the_cases_and_erases_the_backups_holding_them(ws, erased):
    links, values = erased
    before = backups.back_up(ws).backup.path
    assert len(_holding(before, values)) > 10  # the backup holds what is to be erased
    assert _holding(ws.path, values)  # and so does the live file (audit details too)
    ws.role = Role.SENIOR
    result = retention.purge_cases(ws, links)
    assert result.cases == 3 and result.audit_rows_blanked > 0
    assert result.wal_emptied
    # The file and its WAL hold none of them; the audit chain and seals still verify.
    assert _holding(ws.path, values) == []
    assert check_file(ws.path).problems == []
    # The app names the one backup that still holds them, and erases it on request.
    assert result.backups_holding == (before,)
    assert f"1 backup(s) still hold the erased cases: {before}" in result.warnings
    assert retention.erase_backups(ws, result.backups_holding) == 1
    remaining = backups.backups_of(ws.path)
    assert len(remaining) == 1  # a fresh restore point, made after the purge
    for backup in remaining:
        assert _holding(backup.path, values) == []
    assert retention.backups_holding_erased(ws) == []
    assert check_file(ws.path).problems == []


def test_audit_rows_of_an_erased_case_keep_no_personal_data(ws, erased):
    links, values = erased
    ws.role = Role.SENIOR
    retention.purge_cases(ws, links)
    rows = ws.store.db.execute(
        "SELECT detail FROM audit WHERE link_id IN (?, ?, ?)", links
    ).fetchall()
    assert rows and {r[0] for r in rows} == {""}
    every_detail = " ".join(r[0] for r in ws.store.db.execute("SELECT detail FROM audit"))
    assert [v for v in values if v in every_detail] == []


def test_a_reader_holding_an_old_snapshot_is_reported_not_ignored(ws, erased):
    links, values = erased
    reader = sqlite3.connect(ws.path, timeout=0.1)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM victim").fetchone()  # holds its snapshot
    try:
        ws.role = Role.SENIOR
        result = retention.purge_cases(ws, links)
        assert not result.wal_emptied
        assert any("write-ahead log" in line for line in result.warnings)
    finally:
        reader.close()
    path = ws.path
    ws.close()  # the last connection folds the log in and removes it
    assert _holding(path, values) == []


def test_restoring_a_backup_taken_before_the_purge_does_not_bring_the_cases_back(ws, erased):
    links, values = erased
    before = backups.back_up(ws).backup.path
    ws.role = Role.SENIOR
    retention.purge_cases(ws, links)
    path = ws.path
    ws.close()
    backups.restore(path, before)
    assert _holding(path, values) == []
    assert check_file(path).problems == []
    again = open_workspace(path, user="a.vlo")
    try:
        rows = again.store.db.execute(
            "SELECT count(*) FROM link WHERE id IN (?, ?, ?)", links
        ).fetchone()[0]
        assert rows == 0
        erasures = again.store.db.execute(
            "SELECT detail FROM audit WHERE action = 'erase' ORDER BY id DESC LIMIT 1"
        ).fetchone()[0]
        assert '"reason": "erased before the restore"' in erasures
    finally:
        again.close()
