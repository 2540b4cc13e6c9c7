"""Subject access: a victim's records as a readable PDF and a CSV bundle, nothing about
anyone else, formula cells defused, and the export logged as a disclosure."""

from __future__ import annotations

import csv
import io
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest

from vcs_app.domain.model import (
    ContactDetail,
    Direction,
    DomainError,
    LiaisonChannel,
    LiaisonEntry,
    Link,
    NotFound,
    Offender,
    Party,
    Victim,
)
from vcs_app.services import cases, subject_access
from vcs_app.storage import audit

FORMULA = "=cmd|' /C calc'!A0"


@pytest.fixture(autouse=True)
def _qt(qapp):
    """The PDF needs Qt's text layout."""


@pytest.fixture
def noted_case(ws, case_id):
    cases.add_liaison_entry(
        ws,
        LiaisonEntry(
            link_id=case_id,
            happened_on=date(2026, 10, 6),
            direction=Direction.FROM,
            party=Party.OTHER,
            channel=LiaisonChannel.PHONE,
            summary=FORMULA,
        ),
    )
    # Someone else entirely, who must not appear in the export.
    other_v = cases.create_victim(ws, Victim("Bronwen", "Oakhollow"))
    other_o = cases.create_offender(ws, Offender("Rufus", "Clayridge"))
    cases.add_contact_detail(ws, ContactDetail("phone", "07700 900777", victim_id=other_v))
    cases.create_link(
        ws,
        Link(
            victim_id=other_v,
            offender_id=other_o,
            offence="Assault",
            referral_date=date(2026, 10, 2),
        ),
    )
    return case_id


def _bundle(path) -> dict[str, list[list[str]]]:
    with zipfile.ZipFile(path) as zf:
        return {
            name.removesuffix(".csv"): list(
                csv.reader(io.StringIO(zf.read(name).decode("utf-8-sig")))
            )
            for name in zf.namelist()
        }


def test_everything_about_the_victim_and_nothing_else(ws, noted_case, tmp_path):
    victim_id = cases.open_case(ws, noted_case).victim.id
    done = subject_access.export_subject_access(
        ws, victim_id, tmp_path, produced_on=date(2026, 11, 26)
    )
    assert done.pdf.name == f"subject-access-V{victim_id:06d}-2026-11-26.pdf"
    tables = _bundle(done.bundle)
    assert {"victim", "contact_detail", "link", "opt_history", "liaison_entry", "audit"} <= set(
        tables
    )
    assert tables["victim"][1][1:3] == ["Ceri", "Prydderch"]
    assert "12 Example Road\nAnytown\nZZ99 1AA" in tables["contact_detail"][1]
    # A formula typed into a note is written as text, never run by a spreadsheet.
    assert "'" + FORMULA in tables["liaison_entry"][1]
    everything = repr(tables)
    for other in ("Oakhollow", "Bronwen", "07700 900777", "Clayridge"):
        assert other not in everything
    # The offender's own records are not the victim's data.
    assert "offender" not in tables and "sentence" not in tables
    for offender_detail in ("Quayle", "X123456"):
        assert offender_detail not in everything
    text = subprocess.run(
        ["pdftotext", "-layout", str(done.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    for expected in ("Personal details", "Prydderch", "12 Example Road", "Liaison notes", FORMULA):
        assert expected in text
    assert "Oakhollow" not in text and "Quayle" not in text


def test_the_export_is_logged_as_a_disclosure(ws, noted_case, tmp_path):
    victim_id = cases.open_case(ws, noted_case).victim.id
    done = subject_access.export_subject_access(ws, victim_id, tmp_path)
    row = audit.find_entries(ws.store.db, action="disclose", limit=1)[0]
    assert (row.entity, row.entity_id, row.link_id) == ("subject_access", victim_id, noted_case)
    assert str(done.pdf) in row.detail
    assert audit.chain_problem(ws.store.db) is None


def test_an_unknown_victim_or_missing_folder_is_refused_cleanly(ws, noted_case, tmp_path):
    before = audit.latest_id(ws.store.db)
    with pytest.raises(NotFound):
        subject_access.export_subject_access(ws, 9999, tmp_path)
    with pytest.raises(DomainError, match="does not exist"):
        subject_access.export_subject_access(ws, 1, tmp_path / "nope")
    assert audit.latest_id(ws.store.db) == before
    assert list(tmp_path.glob("subject-access-*")) == []


def test_every_csv_export_in_the_app_escapes_formula_cells():
    """A module that writes CSV must pass its cells through spreadsheet_safe. The one
    exception writes the importer's own input format (test and sample files), where a
    value must round-trip exactly."""
    root = Path(__file__).resolve().parents[2] / "vcs_app"
    writers = [
        p
        for p in root.rglob("*.py")
        if "csv.writer(" in p.read_text(encoding="utf-8")
        or "csv.DictWriter(" in p.read_text(encoding="utf-8")
    ]
    assert writers, "no CSV writer found: the check itself is broken"
    unescaped = [
        str(p.relative_to(root))
        for p in writers
        if "spreadsheet_safe" not in p.read_text(encoding="utf-8")
        and p.name != "referral_import.py"
    ]
    assert unescaped == []
