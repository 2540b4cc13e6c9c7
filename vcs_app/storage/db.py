"""Opening the SQLite file safely: PRAGMAs checked, schema migrated, bad files refused.

This module and its siblings are the only code that talks SQL; a second storage
implementation (a shared PostgreSQL server) would replace this package, not the app.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import threading
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from sqlite_utils import Database

from vcs_app.domain.model import DomainError
from vcs_app.domain.search import contact_words
from vcs_app.storage.migrations import SCHEMA_VERSION, migrate

# Errors of either driver, so an encrypted file fails exactly like a plain one. SQLCipher
# (the optional extra `encrypted`) is loaded only when a key is given: it carries its own
# SQLite, which has no business in a process that only opens plain files.
DB_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error,)
DB_DATABASE_ERRORS: tuple[type[Exception], ...] = (sqlite3.DatabaseError,)


def _sqlcipher():
    """The SQLCipher driver, or None when the extra is not installed."""
    global DB_ERRORS, DB_DATABASE_ERRORS
    try:
        from sqlcipher3 import dbapi2
    except ImportError:
        return None
    DB_ERRORS = (sqlite3.Error, dbapi2.Error)
    DB_DATABASE_ERRORS = (sqlite3.DatabaseError, dbapi2.DatabaseError)
    return dbapi2


SQLITE_HEADER = b"SQLite format 3\x00"

# PRAGMA -> value it must read back as (DESIGN.md section 3).
REQUIRED_PRAGMAS: dict[str, object] = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL: a committed write survives power loss
    "foreign_keys": 1,
    "secure_delete": 1,  # erased victim data is overwritten, not left in free pages
    "trusted_schema": 0,
}


# --- files this process has open through SQLite ------------------------------------------
#
# Closing *any* descriptor of a file drops every POSIX lock this process holds on it,
# SQLite's included; another process may then checkpoint and delete the WAL under our
# connections. So the live file is never opened outside SQLite while SQLite has it open
# here: each connection is counted (before it connects, under the same guard as the
# header read), and `read_header` refuses to open a file that is counted.

_in_use: Counter[tuple[int, int]] = Counter()
_in_use_guard = threading.RLock()


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino)


@contextlib.contextmanager
def sqlite_user(path: Path) -> Iterator[None]:
    """Count a connection to `path` for as long as the block runs (it connects inside)."""
    token = _use(path)
    try:
        yield
    finally:
        _release(token)


def _use(path: Path) -> tuple[int, int] | None:
    with _in_use_guard:
        file_id = _file_id(path)
        if file_id is not None:
            _in_use[file_id] += 1
        return file_id


def _release(file_id: tuple[int, int] | None) -> None:
    if file_id is None:
        return
    with _in_use_guard:
        _in_use[file_id] -= 1
        if _in_use[file_id] <= 0:
            del _in_use[file_id]


def in_use_here(path: Path) -> bool:
    """True while this process has `path` open through SQLite."""
    with _in_use_guard:
        file_id = _file_id(path)
        return file_id is not None and _in_use[file_id] > 0


def read_header(path: Path, size: int = 100) -> bytes | None:
    """The first `size` bytes of `path`, or None when this process has it open through
    SQLite (opening it here would drop SQLite's locks; it was checked when first opened).
    Raises OSError when it cannot be read."""
    with _in_use_guard:
        if in_use_here(path):
            return None
        with path.open("rb") as fh:
            return fh.read(size)


class StoreError(DomainError):
    """The database file cannot be used; the message says why in one line."""


_KNOWN_REFUSALS = {
    "UNIQUE constraint failed: offender.crn": "an offender with this CRN is already on file",
    "UNIQUE constraint failed: link.victim_id, link.offender_id": (
        "this victim is already linked to this offender"
    ),
    "FOREIGN KEY constraint failed": "it refers to a record that does not exist",
    "the audit log is append-only": "the audit log is append-only",
    "database or disk is full": "the disk is full",
    "attempt to write a readonly database": "the database file is read-only",
    "database is locked": "another task is writing to the database; try again in a moment",
}


class _TransactionLost(Exception):
    """Internal: unwinds the outermost block whose transaction SQLite discarded."""


def _explain(exc: sqlite3.Error) -> str:
    text = str(exc)
    for known, meaning in _KNOWN_REFUSALS.items():
        if known in text:
            return f"Not saved: {meaning}."
    if text.startswith("CHECK constraint failed"):
        return f"Not saved: a value is not allowed ({text})."
    return f"Not saved: the database reported '{text}'."


def is_interrupted(exc: BaseException) -> bool:
    """True when `exc` is SQLite stopping a statement because `Store.interrupt` asked."""
    return isinstance(exc, DB_ERRORS) and "interrupted" in str(exc)


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


# Work a repository leaves to the end of the use case's transaction (rebuilding the search
# rows of the cases it touched once, however many of their records it wrote): each hook is
# called with the connection just before COMMIT, or when the transaction rolls back.
BEFORE_COMMIT: list[Callable[[Database], None]] = []
ON_ROLLBACK: list[Callable[[Database], None]] = []


class Store:
    """An open database file. Use from the thread that opened it."""

    def __init__(
        self,
        db: Database,
        path: Path,
        key: str | None = None,
        file_id: tuple[int, int] | None = None,
    ) -> None:
        self.db = db
        self.path = path
        self._file_id = file_id  # counted in `_in_use` until closed
        self.key = key  # an encrypted file's key, so a worker's connection can open it too
        self._depth = 0
        self._lost: str | None = None  # why SQLite threw the open transaction away

    @contextlib.contextmanager
    def atomic(self) -> Iterator[Database]:
        """One use case = one transaction (nested blocks become savepoints).

        A database refusal rolls the whole transaction back and surfaces as a StoreError
        whose message a user can read; nothing of the use case is left half-written.

        On a full disk or an I/O error SQLite may roll back the whole transaction by
        itself, savepoints and all. A caller that catches a nested block's error and
        carries on (an import skipping a bad row) would then write outside any
        transaction, each statement committing alone. So the loss is remembered: later
        nested blocks fail at once, stray statements land in a fresh transaction, and the
        outermost block rolls that back and fails with the original reason.
        """
        if self._lost is not None:
            raise StoreError(self._lost)
        self._depth += 1
        try:
            with self._outermost() if self._depth == 1 else self.db.atomic():
                yield self.db
                if self._depth == 1 and self._lost is not None:
                    raise _TransactionLost
        except _TransactionLost:
            raise StoreError(self._lost or "Not saved.") from None
        except DB_ERRORS as exc:
            message = _explain(exc)
            if self._depth > 1 and not self.db.conn.in_transaction:
                self._lost = message
                self.db.execute("BEGIN")  # catch whatever the caller writes next
            raise StoreError(message) from exc
        finally:
            self._depth -= 1
            if self._depth == 0:
                self._lost = None

    @contextlib.contextmanager
    def snapshot(self) -> Iterator[Database]:
        """Many reads that must agree with each other (a report): one deferred, read-only
        transaction, so every query sees the same committed state while the window and
        commands go on writing beside it (WAL), where `atomic` would hold the write lock
        for as long as the counting takes. Inside a transaction it is that transaction."""
        if self._depth or self.db.conn.in_transaction:
            yield self.db
            return
        try:
            self.db.execute("BEGIN")
            try:
                yield self.db
            finally:
                if self.db.conn.in_transaction:
                    self.db.execute("ROLLBACK")  # nothing was written: nothing to keep
        except DB_ERRORS as exc:
            raise StoreError(_explain(exc)) from exc

    @contextlib.contextmanager
    def _outermost(self) -> Iterator[None]:
        """The use case's transaction, begun IMMEDIATE: it takes the write lock at once,
        waiting (busy_timeout) while another connection or process writes. A deferred
        BEGIN that reads first and then writes fails at once with "database is locked"
        when anyone else committed in between (SQLite cannot wait for that), which made
        the window's saves and commands run beside it fail at random."""
        if self.db.conn.in_transaction:  # a caller's own transaction: nest in it
            with self.db.atomic():
                yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
            for hook in BEFORE_COMMIT:
                hook(self.db)
        except BaseException:
            for hook in ON_ROLLBACK:
                hook(self.db)
            if self.db.conn.in_transaction:
                self.db.execute("ROLLBACK")
            raise
        try:
            self.db.execute("COMMIT")
        except BaseException:
            if self.db.conn.in_transaction:
                self.db.execute("ROLLBACK")
            raise

    def interrupt(self) -> None:
        """Stop the statement running on this connection (from any thread); it fails with
        an error `is_interrupted` recognises. A no-op when nothing runs."""
        self.db.conn.interrupt()

    def close(self) -> None:
        with contextlib.suppress(*DB_ERRORS):
            # Statistics from a sample of each index (analysis_limit), as SQLite advises:
            # the full analysis took 0.8 s at each close of a 100,000-victim file (0.02 s
            # sampled), ten times that at a million.
            self.db.execute("PRAGMA analysis_limit = 400")
            self.db.execute("PRAGMA optimize")
        self.db.close()
        _release(self._file_id)
        self._file_id = None

    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def tables(self) -> list[str]:
        """The file's own tables (a full-text table is checked through the tables it keeps
        its index in), for an integrity check made a table at a time."""
        rows = self.db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        ).fetchall()
        return [r[0] for r in rows]

    def table_problems(self, table: str) -> list[str]:
        """Empty when `PRAGMA integrity_check` finds nothing wrong in this table and its
        indexes (the check of the whole file, a table at a time)."""
        if table not in self.tables():
            return []  # dropped since it was listed
        try:
            quoted = '"' + table.replace('"', '""') + '"'
            rows = [r[0] for r in self.db.execute(f"PRAGMA integrity_check({quoted})")]
        except DB_DATABASE_ERRORS as exc:
            if is_interrupted(exc):
                raise
            return [f"the file is damaged ({exc})"]
        return [] if rows == ["ok"] else rows

    def integrity_problems(self) -> list[str]:
        """Empty when PRAGMA integrity_check and foreign_key_check are clean."""
        try:
            rows = [r[0] for r in self.db.execute("PRAGMA integrity_check").fetchall()]
            problems = [] if rows == ["ok"] else rows
            fk = self.db.execute("PRAGMA foreign_key_check").fetchall()
        except DB_DATABASE_ERRORS as exc:
            return [f"the file is damaged ({exc})"]
        return problems + [f"foreign key broken in {r[0]} row {r[1]}" for r in fk]


def _check_header(path: Path) -> None:
    try:
        header = read_header(path)
        size = path.stat().st_size
    except OSError as exc:
        raise StoreError(f"Cannot read {path}: {exc.strerror}.") from exc
    if header is None:
        return  # open here already: it passed this check then
    if header and not header.startswith(SQLITE_HEADER):
        raise StoreError(f"{path} is not a VCS Desk database (not an SQLite file).")
    if len(header) == 100 and not _has_journal(path):
        # Bytes 16-17: page size (1 means 65536); 28-31: pages, valid when the change
        # counter (24-27) matches 92-95. A file shorter than that lost its end (unless a
        # journal is there to complete it, e.g. after a crash during a checkpoint).
        page_size = int.from_bytes(header[16:18], "big")
        page_size = 65536 if page_size == 1 else page_size
        pages = int.from_bytes(header[28:32], "big")
        if header[24:28] == header[92:96] and size < pages * page_size:
            raise StoreError(
                f"{path} is truncated ({size:,} of {pages * page_size:,} bytes): part of"
                " the file is missing."
            )


def _has_journal(path: Path) -> bool:
    for suffix in ("-wal", "-journal"):
        companion = path.with_name(path.name + suffix)
        with contextlib.suppress(OSError):
            if companion.stat().st_size > 0:
                return True
    return False


def _check_writable(path: Path) -> None:
    """A read-only file or folder is named as such, not reported as damaged."""
    if not path.stat().st_mode & 0o222 or not os.access(path, os.W_OK):
        raise StoreError(
            f"{path} is read-only: VCS Desk needs to save changes to it. Make it writable,"
            " or copy it to a folder of your own and open the copy."
        )
    if not os.access(path.parent, os.W_OK):
        raise StoreError(
            f"The folder {path.parent} is read-only: VCS Desk needs to write its journal"
            " beside the database. Move the database to a folder of your own."
        )


def _apply_pragmas(db: Database) -> None:
    db.execute("PRAGMA journal_mode = WAL")
    for name in ("synchronous = FULL", "foreign_keys = ON", "secure_delete = ON"):
        db.execute(f"PRAGMA {name}")
    db.execute("PRAGMA trusted_schema = OFF")
    db.execute("PRAGMA busy_timeout = 5000")
    db.execute("PRAGMA cache_size = -32000")  # 32 MB page cache
    for name, expected in REQUIRED_PRAGMAS.items():
        actual = db.execute(f"PRAGMA {name}").fetchone()[0]
        if actual != expected:
            raise StoreError(f"SQLite refused PRAGMA {name}={expected} (got {actual}).")


def _connect(path: Path, key: str | None):
    """A plain sqlite3 connection, or with `key` an SQLCipher one already unlocked; either
    knows the functions the schema's SQL calls (`_add_functions`)."""
    if key is None:
        return _add_functions(sqlite3.connect(str(path)))
    sqlcipher = _sqlcipher()
    if sqlcipher is None:
        raise StoreError(
            "Encrypted databases need the optional extra: pip install 'vcs-desk[encrypted]'."
        )
    if not key:
        raise StoreError(
            "Enter the database key: an encrypted database cannot be opened without it."
        )
    conn = sqlcipher.connect(str(path))
    conn.execute("PRAGMA cipher_log_level = NONE")  # a wrong key is reported below, once
    # PRAGMA takes no parameters: the key goes in as a quoted literal.
    conn.execute("PRAGMA key = '" + key.replace("'", "''") + "'")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        raise StoreError(
            f"{path} cannot be opened with this key: the key is wrong, or the file is not an"
            " encrypted VCS Desk database."
        ) from exc
    return _add_functions(conn)


def _add_functions(conn):
    """What a case is found by is made in SQL (repo_cases.refresh_search); the words of a
    contact detail come from the domain's rule, the same one a search's words follow."""
    conn.create_function("vcs_contact_words", 2, contact_words, deterministic=True)
    return conn


def open_store(path: Path | str, *, create: bool = False, key: str | None = None) -> Store:
    """Open (and migrate) the database at `path`.

    A missing file is created only when `create` is true, so a mistyped path or a
    vanished file never silently becomes a new, empty caseload. With `key` the file is
    an SQLCipher (encrypted) database: nothing in it is readable without the key.
    """
    path = Path(path).expanduser()
    if not path.exists():
        if not create:
            raise StoreError(f"No database at {path}.")
        path.parent.mkdir(parents=True, exist_ok=True)
    elif path.is_dir():
        raise StoreError(f"{path} is a folder, not a database file.")
    else:
        if key is None:  # an encrypted file has no readable header to check
            _check_header(path)
        if not create and path.stat().st_size == 0:
            raise StoreError(f"{path} is empty (0 bytes): it is not a caseload any more.")
        _check_writable(path)
    conn = None
    file_id = _use(path)  # counted before connecting: see read_header
    try:
        conn = _connect(path, key)
        if file_id is None:  # the file was just created
            file_id = _use(path)
        db = Database(conn, execute_plugins=False)
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{path} was written by a newer VCS Desk (schema {version}, this version "
                f"knows {SCHEMA_VERSION}); update VCS Desk to open it."
            )
        _apply_pragmas(db)
        if key is not None:
            # Every page read from disk is decrypted and checked: keep the working set of
            # a large caseload decrypted in memory (grows only as used) so searching and
            # opening cases stay as fast as on a plain file.
            db.execute("PRAGMA cache_size = -131072")  # 128 MB
        if version < SCHEMA_VERSION:
            migrate(db)
    except (*DB_DATABASE_ERRORS, StoreError) as exc:
        # A refused file is let go at once: a connection left open would later tidy up
        # (checkpoint, delete) journal files that by then may belong to a restored file.
        if conn is not None:
            with contextlib.suppress(*DB_ERRORS):
                conn.close()
        _release(file_id)
        if isinstance(exc, StoreError):
            raise
        if "readonly" in str(exc):
            raise StoreError(f"{path} cannot be written to ({exc}).") from exc
        raise StoreError(f"{path} is damaged or unreadable ({exc}).") from exc
    except BaseException:
        if conn is not None:
            with contextlib.suppress(*DB_ERRORS):
                conn.close()
        _release(file_id)
        raise
    return Store(db, path, key, file_id)
