"""Retention: closed cases kept past the retention period are listed for review, and a
senior VLO may erase them for good (DOMAIN.md, Data protection).

Erasure is real: the rows go with secure_delete on, the full-text index is merged so no
word of them stays in it, the write-ahead log is emptied and the kept letter PDFs and
maps are deleted from disk. The audit row says only that a purge happened, how many
and by whom: never a name, reference or id of what was erased.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path

from vcs_app.domain.model import DomainError, Role, ValidationError
from vcs_app.resource_files import resource_path
from vcs_app.services import access
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_retention
from vcs_app.storage.repo_retention import ClosedCase

RETENTION_PATH = resource_path("rules", "retention.json")

__all__ = ["ClosedCase", "PurgeResult", "cases_due_for_review", "purge_cases", "retention_years"]


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
        counts = repo_retention.purge_cases(db, wanted)
        files = [
            f for f in dict.fromkeys(counts.files) if not repo_retention.file_still_used(db, f)
        ]
        audit.record(
            db,
            who=ws.user,
            action="erase",
            entity="retention_purge",
            detail={
                "cases": len(wanted),
                "victims": counts.victims,
                "offenders": counts.offenders,
                "rows": sum(counts.rows.values()),
                "files": len(files),
                "retention_years": years,
            },
        )
    repo_retention.checkpoint(ws.store.db)
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
    )
