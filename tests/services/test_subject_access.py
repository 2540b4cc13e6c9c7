"""Subject access: a victim's records as a readable PDF and a CSV bundle, nothing about
anyone else, formula cells defused, and the export logged as a disclosure."""

from __future__ import annotations

import csv
import io
import subprocess
import zipfile
from dataclasses import replace
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


def _every_text(done) -> str:
    """The PDF's text and every cell of every CSV in the bundle, as one string."""
    text = subprocess.run(
        ["pdftotext", str(done.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    return " ".join(text.split()) + "\n" + repr(_bundle(done.bundle))


def test_the_offender_the_oms_and_the_office_accounts_are_not_in_the_victims_export(
    ws, case_id, tmp_path
):
    """Issue 16 §4: an offender edit put the offender's old and new name, date of birth
    and CRN in the victim's audit.csv; OM changes and account changes must not show
    either. The victim's own records stay complete."""
    from vcs_app.domain.conditions import ConditionDraft, OffenderManager
    from vcs_app.domain.model import Role
    from vcs_app.services import accounts, conditions, om

    file = cases.open_case(ws, case_id)
    victim, offender = file.victim, file.offender
    # Offender corrections: name, date of birth, CRN, prison.
    cases.update_offender(
        ws,
        replace(
            offender,
            given_name="Dorrance",
            family_name="Quillfeather",
            dob=date(1974, 12, 30),
            crn="Y654321",
            establishment="HMP Greystoke",
        ),
    )
    # OM changes: a first OM, a second, a rename in the directory, a request sent.
    first = om.save_om(
        ws, OffenderManager("Kit Harrowby", "North Team", "kit.h@probation.example.org")
    ).record_id
    second = om.save_om(ws, OffenderManager("Lee Tamworth", "South Team")).record_id
    om.change_om(ws, case_id, first, on=date(2026, 10, 5), reason="Allocated.")
    om.change_om(ws, case_id, second, on=date(2026, 10, 20), reason="Moved teams.")
    om.save_om(ws, OffenderManager("Leigh Tamworth-Vance", "Westfield Team", id=second))
    template = conditions.catalogue().get("no_contact")
    values = {p.key: "the town centre of Anytown" for p in template.placeholders}
    request = conditions.request_condition(
        ws,
        ConditionDraft(
            link_id=case_id,
            kind="no_contact",
            wording=template.fill(values),
            reason="She shops in the town centre every week.",
            risk="He may wait for her there.",
            requested_on=date(2026, 11, 2),
            values=tuple(values.items()),
        ),
    ).record_id
    om.send_to_om(ws, case_id, [request], on=date(2026, 11, 3), pdf_path=tmp_path / "om.pdf")
    cases.add_liaison_entry(
        ws,
        LiaisonEntry(
            link_id=case_id,
            happened_on=date(2026, 11, 4),
            direction=Direction.TO,
            party=Party.OTHER,
            channel=LiaisonChannel.PHONE,
            summary="Told Ceri that Dorrance Quillfeather's OM is Leigh Tamworth-Vance.",
        ),
    )
    # Account changes by the office.
    accounts.create_account(ws, "ada.admin", "Adaline Strathmore", Role.ADMIN, "correct horse b")
    accounts.sign_in(ws, "ada.admin", "correct horse b")
    accounts.create_account(ws, "bea.vlo", "Beatrix Ormsgill", Role.VLO, "purple kettle lantern")
    accounts.set_role(ws, "bea.vlo", Role.SENIOR)
    # The victim's own change, which must stay.
    cases.update_victim(ws, replace(victim, accessibility="Large print"))

    done = subject_access.export_subject_access(ws, victim.id, tmp_path)
    everything = _every_text(done)
    others = (
        "Dorian", "Quayle", "1975-02-03", "03/02/1975", "X123456",  # the offender before
        "Dorrance", "Quillfeather", "1974-12-30", "30/12/1974", "Y654321", "Greystoke",
        "Kit Harrowby", "Harrowby", "North Team", "kit.h@probation",  # the OMs
        "Tamworth", "South Team", "Westfield",
        "Adaline", "Strathmore", "Beatrix", "Ormsgill",  # the accounts
    )  # fmt: skip
    assert [o for o in others if o.casefold() in everything.casefold()] == []
    # Everything of the victim's own is there, and what was withheld says so.
    for own in (
        "Ceri", "Prydderch", "1980-05-01", "12 Example Road", "Large print",
        "Wounding with intent", "She shops in the town centre every week.",
        "Told Ceri that [withheld: offender]'s OM is [withheld: offender manager].",
    ):  # fmt: skip
        assert own in everything
    tables = _bundle(done.bundle)
    assert "case_om" not in tables
    actions = {(r[3], r[4]) for r in tables["audit"][1:]}
    assert ("update", "victim") in actions and ("disclose", "om_request") in actions
    assert not {e for _, e in actions} & {"offender", "om", "account"}


def test_every_audit_entity_is_classed_as_the_requesters_or_someone_elses():
    """A new kind of audit row must be placed in one list or the other before it can
    reach a victim's export (an unclassed one is left out)."""
    import re

    from vcs_app.domain import disclosure

    root = Path(__file__).resolve().parents[2] / "vcs_app"
    used = {
        m
        for p in root.rglob("*.py")
        for m in re.findall(r'\bentity="([a-z_]+)"', p.read_text(encoding="utf-8"))
    }
    assert len(used) > 20, "the search for audit entities is broken"
    assert used - disclosure.REQUESTER_ENTITIES - disclosure.OTHER_ENTITIES == set()
    assert not disclosure.REQUESTER_ENTITIES & disclosure.OTHER_ENTITIES
