"""Referrals from a CSV file: every bad row reported by its line, and all or nothing.

The whole file is imported in ONE transaction. Each row runs in a savepoint, so a row
that fails leaves nothing behind and the next row carries on; at the end, if any row
failed, the transaction is rolled back (nothing imported) unless the user explicitly
chose to import only the good rows. A preview is the same run, always rolled back, so it
reports exactly what an import would do (including rows that repeat an earlier row).

Text may be UTF-8 (with or without a byte-order mark) or Windows-1252 (what Excel saves
as "CSV" on a UK Windows PC). Every value stays text until its column says otherwise, so
phone numbers keep their leading zeros.

Possible duplicates are never merged or duplicated silently: a row that matches someone
on file is reported (policy ASK), merged with the one match whose name agrees (MERGE), or
added as a new person (SEPARATE), as the user chose. Rows of the same file that give the
same CRN or prison number and the same name are one offender (one offender, several
victims); the file itself says so.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import hashlib
import io
import json
import random
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO, Protocol

from vcs_app.domain.model import (
    Channel,
    ContactDetail,
    DomainError,
    Language,
    OffenceCategory,
    Offender,
    Referral,
    SentenceType,
    ValidationError,
    Victim,
    VictimRole,
    label,
    normalise_name,
)
from vcs_app.services import intake
from vcs_app.services.demo import SEEDS
from vcs_app.services.intake import MatchDecision, PersonMatch, ReferralMatches
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit
from vcs_app.storage.db import Busy
from vcs_app.storage.files import open_regular
from vcs_app.storage.lock import ImportLock, holding_lock


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    meaning: str


# The documented column list (README "CSV import" shows the same list; a test checks it).
COLUMNS: tuple[Column, ...] = (
    Column("referral_date", True, "date the referral was received"),
    Column("referrer", False, "who referred (default: Witness Care Unit)"),
    Column("vlo", False, "the VLO the case is allocated to"),
    Column("victim_given_name", True, "victim's first name"),
    Column("victim_family_name", True, "victim's surname"),
    Column("victim_dob", False, "victim's date of birth"),
    Column("victim_role", False, "victim, bereaved relative or representative (default victim)"),
    Column("acting_for", False, "for a bereaved relative or representative: who they act for"),
    Column("relationship", False, "their relationship to that person, e.g. mother"),
    Column("guardian_name", False, "parent or guardian to contact (required under 18)"),
    Column("language", False, "English or Welsh (en/cy; default English)"),
    Column("accessibility", False, "accessibility needs, e.g. large print"),
    Column("phone_first", False, "yes: telephone before writing"),
    Column("channel", False, "preferred channel: letter, phone, email or visit"),
    Column("address", False, "postal address, lines separated by | or line breaks"),
    Column("address_safe", False, "no: the address is not safe to use (default yes)"),
    Column("do_not_post", False, "yes: never post to this address"),
    Column("safe_address", False, "a safe alternative address, e.g. a support worker's"),
    Column("phone", False, "phone number, kept as text (leading 0 kept)"),
    Column("email", False, "email address"),
    Column("offender_given_name", True, "offender's first name"),
    Column("offender_family_name", True, "offender's surname"),
    Column("offender_dob", False, "offender's date of birth"),
    Column("crn", False, "offender's case reference number, e.g. X123456"),
    Column("nomis", False, "offender's prison number, e.g. A1234BC"),
    Column("offence", True, "the offence, in words"),
    Column("offence_category", True, "violent, sexual, domestic abuse, stalking or other"),
    Column("sentence_date", False, "date of sentence"),
    Column("sentence_type", False, "SDS, EDS, SOPC, LIFE, IPP, DTO or a hospital disposal"),
    Column("custody_months", False, "length of custody in months, e.g. 18"),
    Column("om_name", False, "offender manager's name"),
    Column("om_team", False, "offender manager's team"),
)
_KNOWN = {c.name for c in COLUMNS}
_REQUIRED = [c.name for c in COLUMNS if c.required]
PROGRESS_EVERY = 100
# Rows with a problem that a report keeps (and shows) in full; beyond these it counts them,
# so a file of 160,000 bad rows is one screen and a count, not 160,000 lines in memory.
PROBLEMS_KEPT = 100
_CHUNK = 1 << 20  # bytes read at a time
_LONGEST_LINE = 1 << 20  # characters: no referral row is anywhere near a megabyte


class MatchPolicy(StrEnum):
    """What to do with a row that matches someone already on file."""

    ASK = "ask"  # report it; the user decides row by row (GUI) or chooses a policy
    MERGE = "merge"
    SEPARATE = "separate"


class RowStatus(StrEnum):
    OK = "ok"
    PROBLEM = "problem"
    DUPLICATE = "duplicate"


@dataclass(frozen=True)
class RowResult:
    line: int
    status: RowStatus
    message: str
    victim: str = ""
    offender: str = ""
    offence: str = ""
    referral: Referral | None = None
    matches: ReferralMatches | None = None


@dataclass(frozen=True)
class ImportReport:
    file_name: str
    encoding: str
    rows: tuple[RowResult, ...]  # every good row, and the first PROBLEMS_KEPT problem rows
    committed: bool
    seconds: float
    dry_run: bool = False
    problems_not_kept: int = 0  # problem rows counted beyond those in `rows`
    digest: str = ""  # SHA-256 of the file, so an import can insist on the file checked

    @property
    def problems(self) -> tuple[RowResult, ...]:
        """The problem rows kept (the first PROBLEMS_KEPT); `problem_count` counts all."""
        return tuple(r for r in self.rows if r.status is not RowStatus.OK)

    @property
    def problem_count(self) -> int:
        return len(self.problems) + self.problems_not_kept

    @property
    def row_count(self) -> int:
        return len(self.rows) + self.problems_not_kept

    @property
    def good(self) -> tuple[RowResult, ...]:
        return tuple(r for r in self.rows if r.status is RowStatus.OK)

    @property
    def imported(self) -> int:
        return len(self.good) if self.committed else 0


class ProgressSink(Protocol):
    """Where a long import reports (qt.workers.Progress is one); `check` raises to stop."""

    def report(self, done: int, total: int, message: str = "") -> None: ...

    def check(self) -> None: ...


# --- reading the file -----------------------------------------------------------------
#
# The file is read twice, a chunk at a time, never whole: once to tell its encoding (and
# take its digest), then to parse it row by row while each row is imported. So memory
# stays the same for 50 KB or 50 MB, and a pipe or a device is refused before reading.


@contextlib.contextmanager
def _opened(source: bytes | Path) -> Iterator[BinaryIO]:
    if isinstance(source, bytes | bytearray):
        yield io.BytesIO(source)
        return
    path = Path(source)
    try:
        stream = open_regular(path)
    except OSError as exc:
        raise ValidationError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    with stream:
        yield stream


def _encoding(stream: BinaryIO) -> tuple[str, str, str]:
    """The codec to read the file with, its name for people, and the file's digest."""
    first = stream.read(_CHUNK)
    if first[:4] == b"PK\x03\x04" or b"\x00" in first[:4096]:
        raise ValidationError(
            "This is not a CSV text file (it looks like a spreadsheet): save it as CSV first."
        )
    digest = hashlib.sha256()
    bom = first.startswith(codecs.BOM_UTF8)
    candidates = ["utf-8"] if bom else ["utf-8", "cp1252"]
    decoders = {name: codecs.getincrementaldecoder(name)() for name in candidates}
    failed_at: dict[str, int] = {}
    offset, chunk = 0, first
    while True:
        digest.update(chunk)
        for name, decoder in decoders.items():
            if name in failed_at:
                continue
            data = chunk[len(codecs.BOM_UTF8) :] if bom and offset == 0 else chunk
            try:
                decoder.decode(data, final=not chunk)
            except UnicodeDecodeError as exc:
                failed_at[name] = offset + (len(chunk) - len(data)) + exc.start
        if not chunk or len(failed_at) == len(decoders):
            break
        offset += len(chunk)
        chunk = stream.read(_CHUNK)
    if bom:
        if "utf-8" in failed_at:
            raise ValidationError(
                f"The file says it is UTF-8 but byte {failed_at['utf-8']} is not: save it as "
                "CSV UTF-8 again."
            )
        return "utf-8-sig", "UTF-8 (with BOM)", digest.hexdigest()
    if "utf-8" not in failed_at:
        return "utf-8", "UTF-8", digest.hexdigest()
    if "cp1252" not in failed_at:
        return "cp1252", "Windows-1252", digest.hexdigest()
    raise ValidationError(
        f"The file is neither UTF-8 nor Windows-1252 text (byte {failed_at['cp1252']}): save "
        "it as CSV UTF-8."
    )


def _lines(text: io.TextIOBase) -> Iterator[str]:
    """The file's lines, refusing one too long to be a row (a file without line ends)."""
    while line := text.readline(_LONGEST_LINE):
        if len(line) == _LONGEST_LINE and not line.endswith(("\n", "\r")):
            raise ValidationError(
                "The file has a line over a million characters long: it is not a referral CSV."
            )
        yield line


def _header(names: list[str]) -> list[str]:
    header = [re.sub(r"[\s-]+", "_", n.strip().casefold()) for n in names]
    if len(header) == 1 and ";" in header[0]:
        raise ValidationError(
            "The columns are separated by semicolons: save the file as comma-separated CSV."
        )
    repeated = sorted({n for n in header if header.count(n) > 1 and n})
    if repeated:
        raise ValidationError(f"Column(s) {', '.join(repeated)} appear more than once.")
    unknown = [n for n in header if n not in _KNOWN]
    if unknown:
        raise ValidationError(
            f"Unknown column(s): {', '.join(unknown) or '(blank)'}. The columns are listed "
            "in the README (CSV import)."
        )
    missing = [n for n in _REQUIRED if n not in header]
    if missing:
        raise ValidationError(f"Required column(s) missing: {', '.join(missing)}.")
    return header


@dataclass(frozen=True)
class ParsedRow:
    line: int
    values: dict[str, str]
    referral: Referral | None = None
    problem: str = ""


def _parsed_rows(text: io.TextIOBase) -> Iterator[ParsedRow]:
    """Every data row with the line it starts on, one at a time; a row that cannot be a
    referral says why."""
    reader = csv.reader(_lines(text))
    try:
        header = _header(next(reader))
    except StopIteration:
        raise ValidationError("The file is empty: it needs a header row and referrals.") from None
    except csv.Error as exc:
        raise ValidationError(f"Line 1 is not valid CSV ({exc}).") from None
    any_rows = False
    while True:
        line = reader.line_num + 1
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            any_rows = True
            yield ParsedRow(line, {}, problem=f"not valid CSV ({exc})")
            continue
        if not any(cell.strip() for cell in record):
            continue  # blank line
        any_rows = True
        if len(record) != len(header):
            yield ParsedRow(
                line,
                {},
                problem=f"has {len(record)} values but the header has {len(header)} columns",
            )
            continue
        values = {name: cell.strip() for name, cell in zip(header, record, strict=True)}
        try:
            yield ParsedRow(line, values, referral=referral_from(values))
        except DomainError as exc:
            yield ParsedRow(line, values, problem=str(exc))
    if not any_rows:
        raise ValidationError("The file has a header row but no referrals.")


_YES = {"yes", "y", "true", "1"}
_NO = {"no", "n", "false", "0"}


def _key(text: str) -> str:
    return re.sub(r"[\s-]+", "_", text.strip().casefold())


class _Cells:
    """Reads one row's cells, collecting every problem instead of stopping at the first."""

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values
        self.problems: list[str] = []

    def text(self, name: str) -> str:
        return self.values.get(name, "")

    def date(self, name: str) -> date | None:
        raw = self.text(name)
        if not raw:
            return None
        for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
            try:
                return datetime.strptime(raw, fmt).date()
            except ValueError:
                continue
        self.problems.append(f"{name} '{raw}' is not a date (write 2026-11-26 or 26/11/2026)")
        return None

    def yes_no(self, name: str, default: bool) -> bool:
        raw = self.text(name).casefold()
        if not raw:
            return default
        if raw in _YES or raw in _NO:
            return raw in _YES
        self.problems.append(f"{name} '{self.text(name)}' should be yes or no")
        return default

    def choice(self, name: str, kind, default=None):
        raw = self.text(name)
        if not raw:
            return default
        for member in kind:
            if _key(raw) in (_key(member.value), _key(label(member))):
                return member
        known = ", ".join(label(m).lower() for m in kind)
        self.problems.append(f"{name} '{raw}' is not one of: {known}")
        return default

    def months(self, name: str) -> float | None:
        raw = self.text(name)
        if not raw:
            return None
        try:
            return float(raw)
        except ValueError:
            self.problems.append(f"{name} '{raw}' is not a number of months")
            return None

    def phone(self, name: str) -> str:
        raw = self.text(name)
        if raw and not raw.startswith(("0", "+")):
            self.problems.append(
                f"{name} '{raw}' does not start with 0 or +44 (a spreadsheet may have dropped "
                "the leading 0)"
            )
        return raw


def referral_from(values: dict[str, str]) -> Referral:
    """One CSV row as a Referral; a ValidationError lists what is wrong with the row."""
    cells = _Cells(values)
    referral_date = cells.date("referral_date")
    victim_dob = cells.date("victim_dob")
    offender_dob = cells.date("offender_dob")
    sentence_date = cells.date("sentence_date")
    role = cells.choice("victim_role", VictimRole, VictimRole.VICTIM)
    language = cells.choice("language", Language, Language.ENGLISH)
    channel = cells.choice("channel", Channel, Channel.LETTER)
    category = cells.choice("offence_category", OffenceCategory)
    sentence_type = cells.choice("sentence_type", SentenceType)
    months = cells.months("custody_months")
    phone_first = cells.yes_no("phone_first", False)
    address_safe = cells.yes_no("address_safe", True)
    do_not_post = cells.yes_no("do_not_post", False)
    phone = cells.phone("phone")
    if referral_date is None and not cells.text("referral_date"):
        cells.problems.append("referral_date is empty")
    if category is None and not cells.text("offence_category"):
        cells.problems.append("offence_category is empty")
    if cells.problems:
        raise ValidationError("; ".join(cells.problems))
    contacts = []
    address = "\n".join(part.strip() for part in re.split(r"\||\n", cells.text("address")))
    if address.strip():
        contacts.append(
            ContactDetail("address", address, safe_to_use=address_safe, do_not_post=do_not_post)
        )
    safe = "\n".join(part.strip() for part in re.split(r"\||\n", cells.text("safe_address")))
    if safe.strip():
        contacts.append(ContactDetail("address", safe, safe_alternative=True))
    if phone:
        contacts.append(ContactDetail("phone", phone))
    if cells.text("email"):
        contacts.append(ContactDetail("email", cells.text("email")))
    return Referral(
        victim=Victim(
            cells.text("victim_given_name"),
            cells.text("victim_family_name"),
            dob=victim_dob,
            role=role,
            language=language,
            accessibility=cells.text("accessibility"),
            phone_first=phone_first,
            guardian_name=cells.text("guardian_name"),
        ),
        offender=Offender(
            cells.text("offender_given_name"),
            cells.text("offender_family_name"),
            dob=offender_dob,
            crn=cells.text("crn"),
            nomis=cells.text("nomis"),
        ),
        offence=cells.text("offence"),
        referral_date=referral_date,
        offence_category=category,
        sentence_date=sentence_date,
        sentence_type=sentence_type,
        custody_months=months,
        referrer=cells.text("referrer") or "Witness Care Unit",
        vlo=cells.text("vlo"),
        channel=channel,
        om_name=cells.text("om_name"),
        om_team=cells.text("om_team"),
        acting_for=cells.text("acting_for"),
        relationship=cells.text("relationship"),
        contacts=tuple(contacts),
    )


# --- importing ------------------------------------------------------------------------


class _RollBack(Exception):
    """Ends the import transaction without keeping anything (preview, or a bad row)."""


def _same_name(person, incoming) -> bool:
    return normalise_name(person.full_name) == normalise_name(incoming.full_name)


def _automatic(
    found: tuple[PersonMatch, ...],
    incoming,
    policy: MatchPolicy,
    created: set[int],
):
    """The decision for one person when the user made none for this row."""
    if not found:
        return None
    agreeing = [m for m in found if _same_name(m.person, incoming)]
    from_this_file = [m for m in agreeing if m.same_reference and m.person.id in created]
    if from_this_file:
        return from_this_file[0].person.id
    if policy is MatchPolicy.MERGE and len(found) == 1 and agreeing:
        return found[0].person.id
    if policy is MatchPolicy.SEPARATE:
        return intake.SEPARATE
    return None


def _describe(values: dict[str, str]) -> dict[str, str]:
    return {
        "victim": f"{values.get('victim_family_name', '')}, {values.get('victim_given_name', '')}"
        if values
        else "",
        "offender": (
            f"{values.get('offender_family_name', '')}, {values.get('offender_given_name', '')}"
            if values
            else ""
        ),
        "offence": values.get("offence", ""),
    }


def import_referrals(
    ws: Workspace,
    source: bytes | Path,
    *,
    file_name: str,
    policy: MatchPolicy = MatchPolicy.ASK,
    decisions: dict[int, MatchDecision] | None = None,
    only_good: bool = False,
    dry_run: bool = False,
    progress: ProgressSink | None = None,
    expected_digest: str | None = None,
) -> ImportReport:
    """Import (or, with `dry_run`, preview) a referral CSV in one transaction.

    `source` is the file (read as a stream, and refused unless it is a regular file) or
    its bytes. With any problem row nothing is kept, unless `only_good` (the GUI's
    explicit "import only the good rows"). `decisions` holds the user's merge/keep-separate
    choice per line; `expected_digest` (a preview's `digest`) refuses a file that changed
    since it was previewed, since those choices were made on what the preview showed.

    A second import into the same caseload while one runs is refused in one line at once
    (an ImportLock beside the file, held throughout), however long the first one takes.
    """
    started = time.perf_counter()
    decisions = decisions or {}
    policy = MatchPolicy(policy)
    results: list[RowResult] = []
    problems_kept = problems_not_kept = 0
    created_victims: set[int] = set()
    created_offenders: set[int] = set()
    committed = False
    with _opened(source) as stream:
        kilobytes = max(1, stream.seek(0, io.SEEK_END) // 1024)
        stream.seek(0)
        codec, encoding, digest = _encoding(stream)
        if expected_digest is not None and digest != expected_digest:
            raise ValidationError(
                f"{file_name} has changed since it was checked: check it again before importing."
            )
        stream.seek(0)
        text = io.TextIOWrapper(stream, encoding=codec, newline="")
        try:
            with holding_lock(ws.path, ImportLock), ws.store.atomic() as db:
                for done, row in enumerate(_parsed_rows(text)):
                    if progress is not None and done % PROGRESS_EVERY == 0:
                        # in kilobytes read: Qt's progress counts in 32-bit integers
                        progress.report(stream.tell() // 1024, kilobytes, f"Line {row.line:,}")
                        progress.check()
                    result = _import_row(
                        ws, row, file_name, policy, decisions, created_victims, created_offenders
                    )
                    if result.status is not RowStatus.OK:
                        if problems_kept == PROBLEMS_KEPT:
                            problems_not_kept += 1
                            continue
                        problems_kept += 1
                    results.append(result)
                if dry_run or (problems_kept and not only_good):
                    raise _RollBack
                skipped = [r.line for r in results if r.status is not RowStatus.OK]
                audit.record(
                    db,
                    who=ws.user,
                    action="import",
                    entity="referrals",
                    detail=json.dumps(
                        {
                            "file": file_name,
                            "encoding": encoding,
                            "rows": len(results) + problems_not_kept,
                            "imported": len(results) - len(skipped),
                            "skipped_lines": skipped,
                            "skipped_not_listed": problems_not_kept,
                        }
                    ),
                )
                committed = True
        except _RollBack:
            pass
        except Busy as exc:  # only BEGIN IMMEDIATE waits for SQLite's write lock
            raise Busy(
                "Nothing imported: another import (or other work) is writing to this caseload;"
                " try again when it has finished."
            ) from exc
        finally:
            text.detach()  # the stream is closed by _opened
    if progress is not None:
        progress.report(kilobytes, kilobytes, "Done")
    return ImportReport(
        file_name,
        encoding,
        tuple(results),
        committed,
        time.perf_counter() - started,
        dry_run,
        problems_not_kept,
        digest,
    )


def _import_row(
    ws: Workspace,
    row: ParsedRow,
    file_name: str,
    policy: MatchPolicy,
    decisions: dict[int, MatchDecision],
    created_victims: set[int],
    created_offenders: set[int],
) -> RowResult:
    shown = _describe(row.values)
    referral = row.referral
    if referral is None:
        return RowResult(row.line, RowStatus.PROBLEM, row.problem, **shown)
    matches = ReferralMatches()
    try:
        with ws.store.atomic():  # a savepoint: a failed row leaves nothing behind
            matches = intake.match_people(ws, referral)
            chosen = decisions.get(row.line, MatchDecision())
            decision = MatchDecision(
                victim=chosen.victim
                if chosen.victim is not None
                else _automatic(matches.victims, referral.victim, policy, created_victims),
                offender=chosen.offender
                if chosen.offender is not None
                else _automatic(matches.offenders, referral.offender, policy, created_offenders),
            )
            link = intake.register_in_transaction(
                ws, referral, decision, f"import {file_name} line {row.line}", matches
            )
    except intake.PossibleDuplicate as exc:
        return RowResult(
            row.line, RowStatus.DUPLICATE, str(exc), referral=referral, matches=matches, **shown
        )
    except DomainError as exc:
        return RowResult(row.line, RowStatus.PROBLEM, str(exc), referral=referral, **shown)
    new = []
    if link.victim_id not in created_victims and decision.victim in (None, intake.SEPARATE):
        created_victims.add(link.victim_id)
        new.append("new victim")
    if link.offender_id not in created_offenders and decision.offender in (None, intake.SEPARATE):
        created_offenders.add(link.offender_id)
        new.append("new offender")
    merged = [
        f"same {what} as an earlier line" if choice in created else f"{what} on file merged"
        for what, choice, created in (
            ("victim", decision.victim, created_victims),
            ("offender", decision.offender, created_offenders),
        )
        if isinstance(choice, int)
    ]
    # No referral kept: only a possible duplicate needs it (to compare), and a large
    # file's good rows would otherwise hold every referral in memory.
    return RowResult(
        row.line, RowStatus.OK, f"Case {link.ref}: " + ", ".join(new + merged), **shown
    )


# --- synthetic files for demos, tests and measurements --------------------------------


def synthetic_rows(n: int, *, today: date, seed: int = 1) -> list[dict[str, str]]:
    """`n` invented referral rows (resources/demo/seeds.json only), as CSV cells.

    Offenders have one to three victims on consecutive rows; names and dates of birth
    never repeat, so the rows are clean unless a caller spoils some on purpose.
    """
    seeds = json.loads(SEEDS.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    rows: list[dict[str, str]] = []
    seen_victims: set[tuple[str, str]] = set()
    seen_offenders: set[tuple[str, str]] = set()

    def unique(seen: set, low: int, high: int) -> tuple[str, str, date]:
        while True:
            name = f"{rng.choice(seeds['given_names'])} {rng.choice(seeds['family_names'])}"
            dob = today - timedelta(days=rng.randint(low, high))
            key = (normalise_name(name), dob.isoformat())
            if key not in seen:
                seen.add(key)
                given, family = name.split(" ", 1)
                return given, family, dob

    offender_no = 0
    while len(rows) < n:
        offender_no += 1
        o_given, o_family, o_dob = unique(seen_offenders, 18 * 365, 70 * 365)
        offence, category = rng.choice(seeds["offences"])
        sentenced = today - timedelta(days=rng.randint(20, 400))
        om_name, om_team = rng.choice(seeds["oms"])
        sentence_type = rng.choices(["SDS", "EDS", "LIFE", "DTO"], weights=[80, 10, 5, 5])[0]
        months = rng.choice([6, 10, 18, 24, 36, 48, 72, 120])
        nomis = (
            f"B{offender_no % 10000:04d}"
            f"{chr(65 + offender_no // 10000 % 26)}{chr(65 + offender_no // 260000 % 26)}"
        )
        for _ in range(min(n - len(rows), rng.choices([1, 2, 3], weights=[75, 20, 5])[0])):
            minor = rng.random() < 0.04
            given, family, dob = unique(
                seen_victims, 12 * 365 if minor else 20 * 366, 17 * 365 if minor else 85 * 365
            )
            town = rng.choice(seeds["towns"])
            unsafe = rng.random() < 0.03
            rows.append(
                {
                    "referral_date": (sentenced + timedelta(days=rng.randint(1, 15))).isoformat(),
                    "referrer": "Witness Care Unit",
                    "vlo": rng.choice(seeds["vlos"][:4]),
                    "victim_given_name": given,
                    "victim_family_name": family,
                    "victim_dob": dob.strftime("%d/%m/%Y"),
                    "guardian_name": f"{rng.choice(seeds['given_names'])} {family}"
                    if minor
                    else "",
                    "language": "cy" if rng.random() < 0.1 else "en",
                    "address": f"{rng.randint(1, 240)} {rng.choice(seeds['streets'])} | {town}"
                    f" | ZZ99 {rng.randint(1, 9)}{chr(65 + rng.randint(0, 25))}"
                    f"{chr(65 + rng.randint(0, 25))}",
                    "address_safe": "no" if unsafe else "yes",
                    "safe_address": f"c/o Support Service | 1 Refuge Row | {town} | ZZ99 9ZZ"
                    if unsafe
                    else "",
                    "phone": f"07700 900{rng.randint(0, 999):03d}" if rng.random() < 0.7 else "",
                    "offender_given_name": o_given,
                    "offender_family_name": o_family,
                    "offender_dob": o_dob.isoformat(),
                    "crn": f"Y{offender_no:06d}",
                    "nomis": nomis,
                    "offence": offence,
                    "offence_category": category,
                    "sentence_date": sentenced.isoformat(),
                    "sentence_type": sentence_type,
                    "custody_months": str(months),
                    "om_name": om_name,
                    "om_team": om_team,
                }
            )
    return rows


def write_csv(rows: list[dict[str, str]], *, encoding: str = "utf-8") -> bytes:
    """Rows as CSV bytes with every documented column, in the documented order."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, fieldnames=[c.name for c in COLUMNS], lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode(encoding)
