"""Bulk official date changes from a CSV file: review first, confirm, then record.

A false bulk release notice is the worst failure of this kind of system, so nothing is
recorded until the VLO has seen, in a review, every change and every victim who would be
told. The batch is all or nothing; a batch touching more than 20% of open cases needs a
second confirmation (typing the number of cases); and if any date changed between the
review and the confirmation, the batch is refused and must be reviewed again.

File format (UTF-8 CSV with a header row; column names are not case-sensitive):
    crn or nomis (prison number), kind (CRD, PED, SLED... see KEY_DATE_KINDS),
    date, received_on (optional, default today), source (optional: where it came from)
Dates may be written 2027-03-14 or 14/03/2027.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from vcs_app.domain.model import KEY_DATE_KINDS, DomainError, KeyDate, ValidationError, clean_text
from vcs_app.domain.sentence import stage_of_date, update_decision
from vcs_app.services.cases import Changed
from vcs_app.services.sentences import record_official_date
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_sentences
from vcs_app.storage.files import open_regular

SECOND_CONFIRMATION_PERCENT = 20  # of open cases; above it the VLO confirms twice
MAX_ROWS = 50_000
COLUMNS = {"crn", "nomis", "kind", "date", "received_on", "source"}
ALIASES = {"prison_number": "nomis", "type": "kind", "value": "date", "received": "received_on"}


class ProgressReporter(Protocol):
    """What a long job reports through (qt.workers.Progress fits)."""

    def report(self, done: int, total: int, message: str = "") -> None: ...

    def check(self) -> None: ...


# --- what the review shows ------------------------------------------------------------


@dataclass(frozen=True)
class DateRow:
    """One line of the file, read and checked."""

    line: int
    crn: str
    nomis: str
    kind: str
    value: date
    received_on: date
    origin: str


@dataclass(frozen=True)
class Recipient:
    """A case of the offender: whether its victim would be told, and if not, why not."""

    link_id: int
    case_ref: str
    victim: str
    vlo: str
    contact_level: str
    opt_state: str
    status: str
    will_notify: bool
    reason: str


@dataclass(frozen=True)
class ProposedChange:
    row: DateRow
    offender_id: int
    offender_name: str
    offender_ref: str
    old: KeyDate | None
    recipients: tuple[Recipient, ...]

    @property
    def what(self) -> str:
        new = f"{self.row.value:%d/%m/%Y}"
        if self.old is None:
            return f"{self.row.kind}: new {new}"
        return f"{self.row.kind}: {self.old.value:%d/%m/%Y} → {new}"


@dataclass(frozen=True)
class BatchReview:
    """Everything the VLO must see before confirming; nothing has been recorded yet."""

    file_name: str
    content_hash: str
    row_count: int
    changes: tuple[ProposedChange, ...]
    unchanged: tuple[DateRow, ...]  # already on record with the same date: skipped
    problems: tuple[str, ...]  # by line; any problem blocks the whole batch
    open_cases: int

    @property
    def affected_cases(self) -> int:
        """Open cases whose offender's official dates would change."""
        return len({r.link_id for c in self.changes for r in c.recipients if r.status == "open"})

    @property
    def notifications(self) -> tuple[tuple[ProposedChange, Recipient], ...]:
        return tuple((c, r) for c in self.changes for r in c.recipients if r.will_notify)

    @property
    def share_percent(self) -> float:
        return 100.0 * self.affected_cases / self.open_cases if self.open_cases else 0.0

    @property
    def needs_second_confirmation(self) -> bool:
        """More than the threshold share of open cases would change (exact, no rounding)."""
        return self.affected_cases * 100 > SECOND_CONFIRMATION_PERCENT * self.open_cases

    @property
    def can_apply(self) -> bool:
        return not self.problems and bool(self.changes)

    def summary(self) -> str:
        if self.problems:
            return (
                f"{len(self.problems)} problem{'s' * (len(self.problems) != 1)} in the file:"
                " nothing can be recorded until it is corrected."
            )
        if not self.changes:
            return "Nothing to change: every date in the file is already on record."
        return (
            f"{len(self.changes):,} official date change{'s' * (len(self.changes) != 1)} for"
            f" {len({c.offender_id for c in self.changes}):,} offender(s), on"
            f" {self.affected_cases:,} of {self.open_cases:,} open cases"
            f" ({self.share_percent:.1f}%). {len(self.notifications):,} victim task(s) would be"
            f" created; {len(self.unchanged):,} row(s) already on record are skipped."
        )


@dataclass(frozen=True)
class BatchResult:
    changed: Changed
    batch_id: int
    dates_recorded: int
    tasks_created: int


# --- reading the file -----------------------------------------------------------------


def _parse_date(text: str) -> date:
    text = text.strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(text)


def _read_rows(text: str, today: date) -> tuple[list[DateRow], list[str]]:
    reader = csv.reader(io.StringIO(text))
    try:
        header = next(reader)
    except StopIteration:
        raise ValidationError("The file is empty: expected a header row.") from None
    except csv.Error as exc:
        raise ValidationError(f"The file is not readable as CSV ({exc}).") from None
    names = [ALIASES.get(h.strip().lower(), h.strip().lower()) for h in header]
    unknown = [h for h in names if h and h not in COLUMNS]
    if unknown:
        raise ValidationError(
            f"Unknown column(s) {', '.join(unknown)}: expected crn or nomis, kind, date,"
            " received_on, source."
        )
    missing = {"kind", "date"} - set(names)
    if missing or not {"crn", "nomis"} & set(names):
        raise ValidationError(
            "The header must name the columns: crn (or nomis), kind and date"
            " (received_on and source are optional)."
        )
    rows, problems = [], []
    try:
        for number, raw in enumerate(reader, start=2):
            if not any(cell.strip() for cell in raw):
                continue
            if len(rows) + len(problems) >= MAX_ROWS:
                raise ValidationError(f"The file has more than {MAX_ROWS:,} rows: split it.")
            cells = dict(zip(names, (clean_text(c) for c in raw), strict=False))
            row, problem = _check_row(number, cells, today)
            if problem:
                problems.append(problem)
            elif row:
                rows.append(row)
    except csv.Error as exc:
        raise ValidationError(f"The file is not readable as CSV ({exc}).") from None
    return rows, problems


def _check_row(number: int, cells: dict[str, str], today: date) -> tuple[DateRow | None, str]:
    where = f"Line {number}"
    crn, nomis = cells.get("crn", "").upper(), cells.get("nomis", "").upper()
    kind = cells.get("kind", "").upper()
    if not crn and not nomis:
        return None, f"{where}: give the offender's CRN or prison number."
    if kind not in KEY_DATE_KINDS:
        return None, (
            f"{where}: '{kind or '(blank)'}' is not a known key date"
            f" (use one of {', '.join(KEY_DATE_KINDS)})."
        )
    try:
        value = _parse_date(cells.get("date", ""))
    except ValueError:
        return None, f"{where}: '{cells.get('date', '')}' is not a date (use 2027-03-14)."
    received_text = cells.get("received_on", "")
    try:
        received = _parse_date(received_text) if received_text else today
    except ValueError:
        return None, f"{where}: received_on '{received_text}' is not a date."
    if received > today:
        return None, f"{where}: received_on {received:%d/%m/%Y} is in the future."
    if not 1950 <= value.year <= today.year + 100:
        return None, f"{where}: {value:%d/%m/%Y} is not a plausible key date."
    origin = cells.get("source", "")[:150]  # room for "(batch N, line M)" within 200
    return DateRow(number, crn, nomis, kind, value, received, origin), ""


def review_date_changes(
    ws: Workspace, text: str, *, file_name: str = "", today: date | None = None
) -> BatchReview:
    """Read a file of official date changes and work out, without recording anything,
    every change and every victim who would be told."""
    today = today or ws.today()
    content_hash = hashlib.sha256(text.encode("utf-8")).hexdigest()
    rows, problems = _read_rows(text.lstrip("\ufeff"), today)
    row_count = len(rows) + len(problems)
    db = ws.store.db
    by_crn, by_nomis = repo_sentences.offenders_by_reference(
        db, (r.crn for r in rows), (r.nomis for r in rows)
    )
    resolved: list[tuple[DateRow, dict]] = []
    seen: dict[tuple[int, str], int] = {}
    for row in rows:
        found = {o["id"]: o for o in (by_crn.get(row.crn), by_nomis.get(row.nomis)) if o}
        if not found:
            ref = f"CRN {row.crn}" if row.crn else f"prison number {row.nomis}"
            problems.append(f"Line {row.line}: no offender with {ref} is on file.")
            continue
        if len(found) > 1:
            problems.append(
                f"Line {row.line}: CRN {row.crn} and prison number {row.nomis} are two"
                " different offenders."
            )
            continue
        offender = next(iter(found.values()))
        key = (offender["id"], row.kind)
        if key in seen:
            problems.append(
                f"Line {row.line}: repeats line {seen[key]} ({row.kind} for"
                f" {offender['crn'] or offender['nomis']})."
            )
            continue
        seen[key] = row.line
        resolved.append((row, offender))
    offender_ids = [o["id"] for _, o in resolved]
    current = repo_sentences.current_official_dates(db, offender_ids)
    cases_by_offender: dict[int, list[dict]] = {}
    for case in repo_sentences.cases_of_offenders(db, offender_ids):
        cases_by_offender.setdefault(case["offender_id"], []).append(case)
    changes, unchanged = [], []
    for row, offender in resolved:
        old = current.get((offender["id"], row.kind))
        if old is not None and old.value == row.value:
            unchanged.append(row)
            continue
        stage = stage_of_date(row.kind)
        recipients = []
        for case in cases_by_offender.get(offender["id"], []):
            wants, why = update_decision(
                stage, case["opt_state"], case["contact_level"], case["status"]
            )
            recipients.append(
                Recipient(
                    case["link_id"],
                    case["ref"],
                    case["victim"],
                    case["vlo"],
                    case["contact_level"],
                    case["opt_state"],
                    case["status"],
                    wants,
                    why,
                )
            )
        changes.append(
            ProposedChange(
                row,
                offender["id"],
                offender["name"],
                offender["crn"] or offender["nomis"] or "",
                old,
                tuple(recipients),
            )
        )
    problems.sort(key=_line_number)
    return BatchReview(
        file_name=file_name,
        content_hash=content_hash,
        row_count=row_count,
        changes=tuple(changes),
        unchanged=tuple(unchanged),
        problems=tuple(problems),
        open_cases=repo_sentences.open_case_count(db),
    )


def _line_number(problem: str) -> int:
    head = problem.split(":", 1)[0].removeprefix("Line ")
    return int(head) if head.isdigit() else 0


def review_file(ws: Workspace, path: Path | str, *, today: date | None = None) -> BatchReview:
    """Review a CSV file on disk (see `review_date_changes`)."""
    path = Path(path)
    try:
        with open_regular(path) as fh:  # never a pipe or a device that does not end
            text = fh.read().decode("utf-8-sig")
    except OSError as exc:
        raise DomainError(f"Cannot read {path.name}: {exc.strerror or exc}.") from exc
    except UnicodeDecodeError:
        raise ValidationError(f"{path.name} is not UTF-8 text: save it as CSV UTF-8.") from None
    return review_date_changes(ws, text, file_name=path.name, today=today)


# --- confirming -----------------------------------------------------------------------


def apply_date_changes(
    ws: Workspace,
    review: BatchReview,
    *,
    confirmed_cases: int | None = None,
    progress: ProgressReporter | None = None,
) -> BatchResult:
    """Record a reviewed batch, all or nothing.

    `confirmed_cases` is the second confirmation: the number of affected open cases, as
    typed by the VLO; it is required when the batch touches more than 20% of open cases.
    """
    if review.problems:
        raise ValidationError(
            f"The file has {len(review.problems)} problem(s): correct it and review it again."
        )
    if not review.changes:
        raise ValidationError("Nothing to record: every date in the file is already on record.")
    if review.needs_second_confirmation and confirmed_cases != review.affected_cases:
        raise ValidationError(
            f"This batch changes official dates on {review.affected_cases:,} of"
            f" {review.open_cases:,} open cases ({review.share_percent:.1f}%), more than"
            f" {SECOND_CONFIRMATION_PERCENT}%: confirm a second time by typing"
            f" {review.affected_cases}."
        )
    report: Callable[[int], None] = (
        (lambda done: progress.report(done, len(review.changes), "Recording official dates"))
        if progress
        else (lambda done: None)
    )
    with ws.store.atomic() as db:
        offender_ids = [c.offender_id for c in review.changes]
        current = repo_sentences.current_official_dates(db, offender_ids)
        for change in review.changes:
            now = current.get((change.offender_id, change.row.kind))
            if (now.id if now else None) != (change.old.id if change.old else None):
                raise DomainError(
                    f"Official dates changed after this file was reviewed (line"
                    f" {change.row.line}, {change.row.kind} for {change.offender_ref}):"
                    " nothing was recorded. Review the file again."
                )
        batch_id = repo_sentences.insert_date_batch(
            db,
            file_name=review.file_name,
            content_hash=review.content_hash,
            row_count=review.row_count,
            changes=len(review.changes),
            cases=review.affected_cases,
            open_cases=review.open_cases,
            tasks=0,
            second_confirmation=review.needs_second_confirmation,
            by=ws.user,
        )
        audit.record(
            db,
            who=ws.user,
            action="import",
            entity="date_batch",
            entity_id=batch_id,
            detail={
                "file": review.file_name,
                "sha256": review.content_hash,
                "changes": len(review.changes),
                "cases": review.affected_cases,
                "open_cases": review.open_cases,
                "second_confirmation": review.needs_second_confirmation,
            },
        )
        link_ids: set[int] = set()
        tasks = 0
        for done, change in enumerate(review.changes, start=1):
            if progress:
                progress.check()
            origin = change.row.origin or f"Bulk import {review.file_name or 'file'}"
            recorded = record_official_date(
                ws,
                db,
                KeyDate(
                    change.offender_id,
                    change.row.kind,
                    change.row.value,
                    received_on=change.row.received_on,
                ),
                origin=f"{origin} (batch {batch_id}, line {change.row.line})",
                batch_id=batch_id,
            )
            link_ids.update(recorded.link_ids)
            tasks += len(recorded.told)
            if done % 50 == 0 or done == len(review.changes):
                report(done)
        repo_sentences.set_batch_tasks(db, batch_id, tasks)
    return BatchResult(
        Changed(tuple(sorted(link_ids)), "date_batch", batch_id),
        batch_id,
        len(review.changes),
        tasks,
    )
