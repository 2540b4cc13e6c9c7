"""Subject access: everything held about one victim, as a readable PDF and a bundle of
CSV files (one per kind of record, zipped), logged as a disclosure (DPA 2018 s.45).

What is exported is found through the schema's foreign keys (storage/repo_retention.py),
so a record kind added later is not forgotten. What is about someone else (the
offender's records and corrections to them, the offender managers, the office's
accounts) is left out or withheld (domain/disclosure.py). The bundle is for the
disclosure officer to review before release: other people named in free text (a
relative in a note) may still need redacting, as with any subject access request.
"""

from __future__ import annotations

import contextlib
import csv
import html
import io
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from vcs_app.domain import disclosure
from vcs_app.domain.conditions import spreadsheet_safe
from vcs_app.domain.model import DomainError, NotFound
from vcs_app.letters.print_adapter import write_pdf
from vcs_app.services import documents
from vcs_app.services.audit_view import normalise_case_ref
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_cases, repo_retention
from vcs_app.storage.files import atomic_file
from vcs_app.storage.repo_retention import RecordSet

# What each table is called for a reader; a table not named here gets its own name.
HEADINGS = {
    "victim": "Personal details",
    "contact_detail": "Addresses, phone numbers and emails",
    "link": "Cases",
    "referral": "Referral details",
    "opt_history": "Choices about contact (opt in / opt out)",
    "liaison_entry": "Liaison notes",
    "contact": "Contacts (letters, calls, visits)",
    "letter": "Letters",
    "letter_event": "Letter history",
    "task": "Tasks",
    "condition_request": "Licence condition requests",
    "condition_event": "Licence condition request history",
    "case_om": "Offender managers on the case",
    "case_history": "Changes to the case (open or closed, contact level, VLO, OM team)",
    "audit": "Record of who viewed, changed or disclosed the records",
}


@dataclass(frozen=True)
class SubjectAccessExport:
    pdf: Path
    bundle: Path  # zip of one CSV per kind of record
    records: int
    kinds: int


def victim_named(ws: Workspace, text: str) -> int:
    """The victim meant by `text`: a case reference of theirs (VCS-000123, as the window
    shows it) or the victim's own number."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    ref = normalise_case_ref(text)
    link_id = audit.case_id_for_ref(ws.store.db, ref)
    if link_id is None:
        raise NotFound(f"There is no case {ref} (give a case reference such as VCS-000123).")
    return repo_cases.get_link(ws.store.db, link_id).victim_id


def _csv(records: RecordSet) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([spreadsheet_safe(c) for c in records.columns])
    for row in records.rows:
        writer.writerow([spreadsheet_safe(v) for v in row])
    return out.getvalue().encode("utf-8-sig")  # a BOM so spreadsheets read it as UTF-8


def _html(victim_id: int, found: list[RecordSet], produced_on: date) -> str:
    e = html.escape
    person = dict(zip(found[0].columns, found[0].rows[0], strict=True))
    name = f"{person['given_name']} {person['family_name']}"
    parts = [
        "<html lang='en'><head><title>Subject access: everything held</title></head><body>",
        f"<h1>Subject access: records held about {e(name)} (victim {victim_id})</h1>",
        f"<p>Produced {produced_on:%d/%m/%Y} by VCS Desk. Every record held about this "
        "person is below, one section per kind of record. Review before release: other "
        "people named in notes or letters may need to be redacted.</p>",
    ]
    for records in found:
        heading = HEADINGS.get(records.table, records.table.replace("_", " ").capitalize())
        parts.append(f"<h2>{e(heading)} ({len(records.rows)})</h2>")
        if not records.rows:
            parts.append("<p>None held.</p>")
        for row in records.rows:
            cells = "".join(
                f"<tr><td width='30%'><b>{e(column.replace('_', ' '))}</b></td>"
                f"<td>{e('' if value is None else str(value)).replace(chr(10), '<br>')}</td></tr>"
                for column, value in zip(records.columns, row, strict=True)
                if value not in (None, "")
            )
            parts.append(f"<table cellspacing='0' cellpadding='2' width='100%'>{cells}</table><hr>")
    parts.append("</body></html>")
    return "".join(parts)


def _about_requester(db, victim_id: int, found: list[RecordSet]) -> list[RecordSet]:
    """The records with audit rows about others dropped and others' names, dates and
    references withheld wherever they remain."""
    person = dict(zip(found[0].columns, found[0].rows[0], strict=True))
    own = [person["given_name"], person["family_name"], person["guardian_name"]]
    own += [f"{person['given_name']} {person['family_name']}"]
    own += disclosure.date_forms(person["dob"]) if person["dob"] else []
    redactor = disclosure.Redactor.build(
        repo_retention.others_named_about_victim(db, victim_id), own
    )
    kept = []
    for records in found:
        rows = records.rows
        if records.table == "audit":
            entity, detail = records.columns.index("entity"), records.columns.index("detail")
            rows = tuple(
                (*row[:detail], text, *row[detail + 1 :])
                for row in rows
                if (text := disclosure.requester_audit_detail(row[entity], row[detail])) is not None
            )
        rows = tuple(tuple(redactor.text(v) for v in row) for row in rows)
        kept.append(RecordSet(records.table, records.columns, rows))
    return kept


def _write_zip(found: list[RecordSet], target: Path) -> None:
    with atomic_file(target) as raw, zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as zf:
        for records in found:
            zf.writestr(f"{records.table}.csv", _csv(records))


def export_subject_access(
    ws: Workspace, victim_id: int, folder: Path | str, *, produced_on: date | None = None
) -> SubjectAccessExport:
    """Write subject-access-V<id>-<date>.pdf and .zip into `folder` and log the disclosure
    on each of the victim's cases. Files are complete or absent."""
    produced_on = produced_on or ws.today()
    folder = Path(folder)
    if not folder.is_dir():
        raise DomainError(f"The folder {folder} does not exist.")
    found = repo_retention.records_about_victim(ws.store.db, victim_id)
    if not found:
        raise NotFound(f"There is no victim {victim_id} on file (erased, or a wrong number).")
    found = _about_requester(ws.store.db, victim_id, found)
    stem = f"subject-access-V{victim_id:06d}-{produced_on.isoformat()}"
    pdf, bundle = folder / f"{stem}.pdf", folder / f"{stem}.zip"
    try:
        write_pdf(
            _html(victim_id, found, produced_on),
            pdf,
            title="Subject access",
            watermark=documents.watermark(ws),
        )
        _write_zip(found, bundle)
    except OSError as exc:
        with contextlib.suppress(OSError):
            pdf.unlink(missing_ok=True)
        raise DomainError(f"The export could not be saved in {folder}: {exc.strerror}.") from exc
    records = sum(len(r.rows) for r in found if r.table != "audit")
    link_ids = [row[0] for r in found if r.table == "link" for row in r.rows]
    with ws.store.atomic() as db:
        for link_id in link_ids or [None]:
            audit.record(
                db,
                who=ws.user,
                action="disclose",
                entity="subject_access",
                entity_id=victim_id,
                link_id=link_id,
                detail={"pdf": str(pdf), "bundle": str(bundle), "records": records},
            )
    return SubjectAccessExport(pdf, bundle, records, len(found))
