"""Reading the audit log (DPA 2018 Part 3 s.62): filter by user, case and period, export.

The log is append-only and hash-chained (storage/audit.py); this module only reads it,
except that an export is itself a disclosure of personal data and is logged as one, in
the same transaction that publishes the file.
"""

from __future__ import annotations

import contextlib
import csv
import os
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from vcs_app.domain.conditions import spreadsheet_safe
from vcs_app.domain.model import AuditEntry, ValidationError
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_cases

PAGE_SIZE = 500
CSV_COLUMNS = ("id", "when_utc", "who", "action", "record", "record_id", "case", "detail")


@dataclass(frozen=True)
class AuditFilter:
    """What the viewer shows; empty fields mean 'any'. Dates are local and inclusive."""

    who: str | None = None
    case_ref: str = ""
    since: date | None = None
    until: date | None = None
    action: str | None = None

    def describe(self) -> dict[str, str]:
        parts = {
            "user": self.who or "",
            "case": normalise_case_ref(self.case_ref) if self.case_ref.strip() else "",
            "from": self.since.isoformat() if self.since else "",
            "to": self.until.isoformat() if self.until else "",
            "action": self.action or "",
        }
        return {k: v for k, v in parts.items() if v}


def normalise_case_ref(text: str) -> str:
    """'123', 'vcs-123' and 'VCS-000123' all mean case VCS-000123."""
    text = text.strip().upper()
    match = re.fullmatch(r"(?:VCS-?)?0*(\d{1,9})", text)
    return repo_cases.link_ref(int(match[1])) if match else text


def _utc_start(day: date) -> str:
    """Midnight at the start of a local day, as the UTC text the log stores."""
    local = datetime.combine(day, time()).astimezone()
    return local.astimezone(UTC).isoformat(timespec="seconds")


def _query(ws: Workspace, flt: AuditFilter) -> dict:
    if flt.since and flt.until and flt.until < flt.since:
        raise ValidationError("The period ends before it starts.")
    link_id = None
    if flt.case_ref.strip():
        ref = normalise_case_ref(flt.case_ref)
        link_id = audit.case_id_for_ref(ws.store.db, ref)
        if link_id is None:
            raise ValidationError(f"There is no case {ref}.")
    return {
        "who": flt.who or None,
        "link_id": link_id,
        "action": flt.action or None,
        "since": _utc_start(flt.since) if flt.since else None,
        "until": _utc_start(flt.until + timedelta(days=1)) if flt.until else None,
    }


def audit_page(
    ws: Workspace, flt: AuditFilter, *, before_id: int | None = None, limit: int = PAGE_SIZE
) -> tuple[AuditEntry, ...]:
    """The newest matching rows older than `before_id` (the viewer pages on with it)."""
    return audit.find_entries(ws.store.db, **_query(ws, flt), before_id=before_id, limit=limit)


def audit_count(ws: Workspace, flt: AuditFilter) -> int:
    return audit.count_entries(ws.store.db, **_query(ws, flt))


def audit_users(ws: Workspace) -> list[str]:
    return audit.distinct_values(ws.store.db, "who")


def audit_actions(ws: Workspace) -> list[str]:
    return audit.distinct_values(ws.store.db, "action")


def chain_status(ws: Workspace) -> str:
    """One line for the viewer: is the hash chain intact?"""
    problem = audit.chain_problem(ws.store.db)
    if problem:
        return f"Problem: {problem}. Report this to your data protection officer."
    return f"The audit chain is intact ({audit.latest_id(ws.store.db):,} entries checked)."


def case_ref_of(entry: AuditEntry) -> str:
    return repo_cases.link_ref(entry.link_id) if entry.link_id is not None else ""


def _csv_row(entry: AuditEntry) -> list[str]:
    values = (
        entry.id,
        entry.at.isoformat(timespec="seconds"),
        entry.who,
        entry.action,
        entry.entity,
        entry.entity_id,
        case_ref_of(entry),
        entry.detail,
    )
    return [spreadsheet_safe(v) for v in values]


def export_audit_csv(ws: Workspace, flt: AuditFilter, out: Path | str) -> int:
    """Write the matching rows to a CSV file; returns how many.

    The file is written under a temporary name and only given its name inside the
    transaction that logs the disclosure, so there is never an export without its log
    row, nor a log row for a file that was not written.
    """
    out = Path(out)
    query = _query(ws, flt)
    partial = out.with_name(f".{out.name}.{os.getpid()}.partial")
    count = 0
    try:
        with partial.open("w", encoding="utf-8-sig", newline="") as fh:
            writer = csv.writer(fh)
            writer.writerow(CSV_COLUMNS)
            before = None
            while page := audit.find_entries(ws.store.db, **query, before_id=before, limit=5000):
                writer.writerows(_csv_row(e) for e in page)
                count += len(page)
                before = page[-1].id
            fh.flush()
            os.fsync(fh.fileno())
        with ws.store.atomic() as db:
            audit.record(
                db,
                who=ws.user,
                action="disclose",
                entity="audit_log",
                detail={
                    "export": "audit log CSV",
                    "rows": count,
                    "file": str(out),
                    **flt.describe(),
                },
            )
            os.replace(partial, out)
    except OSError as exc:
        raise ValidationError(
            f"Could not write {out} ({exc.strerror}); nothing was exported."
        ) from exc
    finally:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
    return count
