"""Retention: closed cases kept past the retention period are listed for review, and a
senior VLO may erase them for good (DOMAIN.md, Data protection).

Erasure is real: the rows go with secure_delete on, the full-text index is merged so no
word of them stays in it, the details (old and new values) of every audit row about them
are blanked (the chain holds only their salted digests, so it still verifies), the
write-ahead log is emptied and the kept letter PDFs and maps are deleted from disk. The
purge's own audit row says only that a purge happened, how many and by whom.

What erasure cannot reach by itself is said: a reader elsewhere that keeps the
write-ahead log from being emptied, and every backup the app made that still holds an
erased case (`backups_holding_erased`), which a senior VLO can then erase too
(`erase_backups`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from vcs_app.domain.model import DomainError, Role, ValidationError
from vcs_app.resource_files import resource_path
from vcs_app.services import access, backups
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_retention
from vcs_app.storage.backup import open_copy, sidecar_path
from vcs_app.storage.db import DB_ERRORS
from vcs_app.storage.repo_retention import ClosedCase

RETENTION_PATH = resource_path("rules", "retention.json")

__all__ = [
    "ClosedCase",
    "PurgeResult",
    "backups_holding_erased",
    "cases_due_for_review",
    "erase_backups",
    "purge_cases",
    "retention_years",
]


def retention_years(path: Path | str | None = None) -> int:
    """The retention period in whole years, from resources/rules/retention.json."""
    source = Path(path) if path is not None else RETENTION_PATH
    try:
        years = json.loads(source.read_text(encoding="utf-8"))["review_after_years"]
    except (OSError, ValueError, KeyError) as exc:
        raise DomainError(f"The retention period cannot be read from {source} ({exc}).") from exc
    if not isinstance(years, int) or isinstance(years, bool) or years < 1:
        raise DomainError(f"The retention period in {source} must be a whole number of years.")
    return years


def cutoff_for(on: date, years: int) -> str:
    """Cases last changed before this UTC time are past retention on `on`."""
    try:
        day = on.replace(year=on.year - years)
    except ValueError:  # 29 February in a year that has none
        day = on.replace(year=on.year - years, day=28)
    return datetime.combine(day, time(), tzinfo=UTC).isoformat(timespec="seconds")


def cases_due_for_review(ws: Workspace, on: date | None = None) -> list[ClosedCase]:
    """Closed and archived cases past retention on `on` (today), oldest first.

    The list names people, so reading it is logged as a consultation (count only)."""
    on = on or ws.today()
    years = retention_years()
    with ws.store.atomic() as db:
        found = repo_retention.closed_cases_before(db, cutoff_for(on, years))
        audit.record(
            db,
            who=ws.user,
            action="view",
            entity="retention_review",
            detail={"cases": len(found), "as_at": on.isoformat(), "years": years},
        )
    return found


@dataclass(frozen=True)
class PurgeResult:
    """What a purge erased (counts only) and which open case views to close."""

    link_ids: tuple[int, ...]
    cases: int
    victims: int
    offenders: int
    rows: int
    files_deleted: int
    files_not_deleted: tuple[str, ...]  # could not be removed (the user is told)
    audit_rows_blanked: int = 0
    wal_emptied: bool = True
    backups_holding: tuple[Path, ...] = ()  # backups that still hold the erased cases

    @property
    def warnings(self) -> tuple[str, ...]:
        """What still holds erased data, one line each (empty when nothing does)."""
        lines = []
        if self.files_not_deleted:
            lines.append(
                "these files could not be deleted; remove them by hand: "
                + ", ".join(self.files_not_deleted)
            )
        if not self.wal_emptied:
            lines.append(
                "another program is reading the caseload file, so its write-ahead log (-wal"
                " file) still holds erased data until that program closes it"
            )
        if self.backups_holding:
            lines.append(
                f"{len(self.backups_holding)} backup(s) still hold the erased cases: "
                + ", ".join(str(p) for p in self.backups_holding)
            )
        return tuple(lines)


def purge_cases(ws: Workspace, link_ids: list[int] | tuple[int, ...]) -> PurgeResult:
    """Erase these cases for good. Senior VLOs only; every case must be closed and past
    retention today, else nothing at all is erased."""
    access.require(ws, Role.SENIOR, "erase cases past retention")
    wanted = sorted(set(link_ids))
    if not wanted:
        raise ValidationError("Choose at least one case to erase.")
    years = retention_years()
    with ws.store.atomic() as db:
        due = {
            c.link_id for c in repo_retention.closed_cases_before(db, cutoff_for(ws.today(), years))
        }
        refused = [i for i in wanted if i not in due]
        if refused:
            raise ValidationError(
                f"{len(refused)} of the chosen cases are not closed for {years} years or more"
                " (or were erased already); nothing was erased. Refresh the review list."
            )
        counts, files, blanked = _erase(ws, db, wanted, {"retention_years": years})
    wal_emptied = repo_retention.checkpoint(ws.store.db)
    not_deleted = []
    for name in files:
        path = Path(name)
        if not path.is_absolute():  # maps are kept relative to the database's folder
            path = ws.path.parent / path
        try:
            path.unlink(missing_ok=True)
        except OSError:
            not_deleted.append(str(path))
    return PurgeResult(
        link_ids=tuple(wanted),
        cases=len(wanted),
        victims=counts.victims,
        offenders=counts.offenders,
        rows=sum(counts.rows.values()),
        files_deleted=len(files) - len(not_deleted),
        files_not_deleted=tuple(not_deleted),
        audit_rows_blanked=blanked,
        wal_emptied=wal_emptied,
        backups_holding=tuple(backups_holding_erased(ws)),
    )


def _erase(ws: Workspace, db, link_ids: list[int], detail: dict) -> tuple:
    """Erase these cases inside the open transaction: rows, audit details, search rows;
    returns (counts, files no remaining row uses, audit rows blanked)."""
    counts = repo_retention.purge_cases(db, link_ids)
    files = [f for f in dict.fromkeys(counts.files) if not repo_retention.file_still_used(db, f)]
    detail = {
        **detail,
        "cases": len(link_ids),
        "victims": counts.victims,
        "offenders": counts.offenders,
        "rows": sum(counts.rows.values()),
        "files": len(files),
    }
    purge_id = audit.record(
        db, who=ws.user, action="erase", entity="retention_purge", detail=detail
    )
    return counts, files, repo_retention.erase_audit_details(db, counts, purge_id)


def erased_in(path: Path, key: str | None) -> list[tuple[int, str]]:
    """The cases erased from the file at `path` (read before a restore replaces it);
    empty when it cannot be read."""
    try:
        with open_copy(path, key) as copy:
            return repo_retention.erased_cases(copy)
    except DB_ERRORS:
        return []


def erase_again(ws: Workspace, erased: list[tuple[int, str]]) -> int:
    """After a restore: the cases erased from the replaced file that the restored backup
    still holds are erased again at once (an erasure is never undone by a restore)."""
    with ws.store.atomic() as db:
        back = [i for i, created in erased if repo_retention.cases_still_in(db, [(i, created)])]
        if back:
            _erase(ws, db, back, {"reason": "erased before the restore"})
    if back:
        repo_retention.checkpoint(ws.store.db)
    return len(back)


def _backups_made(ws: Workspace) -> list[Path]:
    """Every copy of the file the app made that is still there: the automatic backups,
    the backups made elsewhere (their paths are in the audit log) and the files a
    restore replaced (kept beside the database)."""
    found = [b.path for b in backups.backups_of(ws.path)]
    found += [Path(p) for p in repo_retention.backup_files_logged(ws.store.db)]
    found += sorted(ws.path.parent.glob(f"{ws.path.stem}.replaced-*{ws.path.suffix}"))
    return [p for p in dict.fromkeys(found) if p.is_file()]


def backups_holding_erased(ws: Workspace) -> list[Path]:
    """The copies of this file the app made that still hold a case erased from it."""
    erased = repo_retention.erased_cases(ws.store.db)
    if not erased:
        return []
    holding = []
    for path in _backups_made(ws):
        try:
            with open_copy(path, ws.store.key) as copy:
                if repo_retention.cases_still_in(copy, erased):
                    holding.append(path)
        except DB_ERRORS:
            holding.append(path)  # cannot be read, so cannot be cleared of them
    return holding


def erase_backups(ws: Workspace, paths: list[Path] | tuple[Path, ...]) -> int:
    """Delete these backups (they hold erased cases), then make a fresh verified backup
    of the file as it is now, so a restore point remains. Senior VLOs only; audited."""
    access.require(ws, Role.SENIOR, "erase backups holding erased cases")
    deleted = 0
    for path in paths:
        path = Path(path)
        try:
            path.unlink(missing_ok=True)
            sidecar_path(path).unlink(missing_ok=True)
            deleted += 1
        except OSError as exc:
            raise ValidationError(f"Could not delete {path} ({exc.strerror}).") from exc
    with ws.store.atomic() as db:
        audit.record(db, who=ws.user, action="erase", entity="backup", detail={"backups": deleted})
    if deleted:
        backups.back_up(ws)
    return deleted
