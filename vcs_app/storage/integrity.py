"""What is checked when a file opens and by `check`: the file's structure against the one
the migrations build, its audit trail and row seals under the key from outside the file,
and its trail's head against the anchor this computer (and each backup) keeps.

At open, a file whose structure was changed (a trigger planted or dropped), whose key is
not here, or whose trail ends before the anchor (cut, or rolled back to an older copy)
is refused. `check` also verifies every audit row and every sealed row.
"""

from __future__ import annotations

import functools
import json
import re
import secrets
import sqlite3
import threading

from sqlite_utils import Database

from vcs_app.storage import audit
from vcs_app.storage.audit import FileTrail
from vcs_app.storage.identity import real_os_user
from vcs_app.storage.migrations import MIGRATIONS
from vcs_app.storage.repo_settings import get_setting, set_setting
from vcs_app.storage.seal import install_triggers, seal_all_rows, seal_problems, table_states
from vcs_app.storage.trail import (
    Anchor,
    TrailKeyMissing,
    anchor_path,
    find_key,
    own_key,
    read_anchor,
    write_anchor,
)

__all__ = ["TrailKeyMissing", "attach_trail", "schema_problems"]

# --- structure ------------------------------------------------------------------------


def _normalised(sql: str | None) -> str:
    return re.sub(r"\s+", " ", (sql or "").replace('"', "")).strip()


def _schema(db: Database) -> dict[tuple[str, str], str]:
    return {
        (kind, name): _normalised(sql)
        for kind, name, sql in db.execute("SELECT type, name, sql FROM main.sqlite_master")
        if not name.startswith("sqlite_") and name != "_sqlite_migrations"
    }


@functools.cache
def reference_schema() -> dict[tuple[str, str], str]:
    """What the migrations create, built once per process in memory."""
    from vcs_app.storage.db import add_functions  # (db imports this module when opening)

    memory = Database(add_functions(sqlite3.connect(":memory:")))
    try:
        MIGRATIONS.apply(memory)
        return _schema(memory)
    finally:
        memory.close()


def schema_problems(db: Database) -> list[str]:
    """One line per table, index, trigger or view that differs from what the migrations
    create: added, dropped or changed outside VCS Desk."""
    expected, actual = reference_schema(), _schema(db)
    problems = []
    for kind, name in sorted(actual.keys() - expected.keys()):
        problems.append(f"a {kind} '{name}' was added to the file outside VCS Desk")
    for kind, name in sorted(expected.keys() - actual.keys()):
        problems.append(f"the {kind} '{name}' was dropped from the file outside VCS Desk")
    for kind, name in sorted(expected.keys() & actual.keys()):
        if expected[kind, name] != actual[kind, name]:
            problems.append(f"the {kind} '{name}' was changed outside VCS Desk")
    return problems


# --- sealing and the key --------------------------------------------------------------


def is_sealed(db: Database) -> bool:
    """Whether the file has been given a key (a file made before 0015 has not)."""
    has_table = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'table_seal'"
    ).fetchone()
    return has_table is not None and get_setting(db, "trail_key_id") is not None


def attach_trail(db: Database) -> FileTrail:
    """Give this connection its file's key (sealing a file made before keys existed, with
    this installation's key) and the TEMP triggers that keep row seals current.

    Raises TrailKeyMissing when the file is sealed with a key this computer lacks."""
    key_id = get_setting(db, "trail_key_id")
    if key_id is None:
        trail = _seal_file(db)
    else:
        trail = FileTrail(find_key(key_id), get_setting(db, "file_id") or "")
    db.trail = trail
    trail.sealer.register(db)
    install_triggers(db)
    return trail


def read_trail(db: Database) -> FileTrail | None:
    """The file's key for reading only (no triggers, nothing sealed): None for a file not
    sealed yet. Raises TrailKeyMissing when this computer lacks the key."""
    key_id = get_setting(db, "trail_key_id")
    if key_id is None:
        return None
    db.trail = FileTrail(find_key(key_id), get_setting(db, "file_id") or "")
    return db.trail


def _seal_file(db: Database) -> FileTrail:
    """Key the trail and seal every row of a file with no key yet (a new file, or one
    made before this version), in one transaction; recorded in the trail when it had rows."""
    key = own_key()
    db.execute("BEGIN IMMEDIATE")
    try:
        key_id = get_setting(db, "trail_key_id")
        if key_id is not None:  # another process sealed it meanwhile
            db.execute("ROLLBACK")
            return FileTrail(find_key(key_id), get_setting(db, "file_id") or "")
        trail = FileTrail(key, get_setting(db, "file_id") or secrets.token_hex(16))
        broken = audit.legacy_chain_break(db)
        rows = audit.rekey_rows(db, trail)
        set_setting(db, "file_id", trail.file_id)
        set_setting(db, "trail_key_id", key.id)
        seal_all_rows(db, trail.sealer)
        if rows:
            db.trail = trail
            audit.record(
                db,
                who=real_os_user(),
                action="seal",
                entity="database",
                detail={
                    "audit_rows_keyed": rows,
                    "unkeyed_chain": "intact" if broken is None else f"broken at row {broken}",
                    "key": key.id,
                },
            )
        db.execute("COMMIT")
    except BaseException:
        if db.conn.in_transaction:
            db.execute("ROLLBACK")
        raise
    return trail


def new_identity(db: Database) -> tuple[str, str]:
    """Give the file a new random id (inside the caller's transaction): a copy meant to
    live on as a separate caseload then has anchors of its own. Returns (old, new)."""
    trail = db.trail
    old, new = trail.file_id, secrets.token_hex(16)
    set_setting(db, "file_id", new)
    trail.file_id = new
    return old, new


# --- anchors --------------------------------------------------------------------------

_anchor_lock = threading.Lock()


def _restored_past(db: Database, trail: FileTrail, anchor: Anchor) -> bool:
    """Whether an authentic restore row says the file this anchor saw was replaced."""
    for detail in audit.authentic_details(db, trail, "restore"):
        try:
            replaced = json.loads(detail).get("replaced_head") or [0, ""]
        except (ValueError, AttributeError):
            continue
        if int(replaced[0]) >= anchor.head_id:
            return True
    return False


def reaches(db: Database, anchor: Anchor | None) -> bool:
    """Whether the file's trail still holds the anchor's head row, unchanged."""
    if anchor is None or anchor.head_id == 0:
        return True
    row = db.execute("SELECT hash FROM audit WHERE id = ?", [anchor.head_id]).fetchone()
    return row is not None and row[0] == anchor.head_mac


def restored_past(db: Database, trail: FileTrail, anchor: Anchor) -> bool:
    return _restored_past(db, trail, anchor)


def anchor_problem(db: Database, trail: FileTrail, anchor: Anchor | None) -> str | None:
    """Why the file's trail does not reach the anchor's head, else None."""
    if reaches(db, anchor) or _restored_past(db, trail, anchor):
        return None
    last, _ = audit.head(db)
    row = db.execute("SELECT 1 FROM audit WHERE id = ?", [anchor.head_id]).fetchone()
    if row is None:
        return (
            f"the audit trail ends at row {last} but was seen at row {anchor.head_id}: rows"
            " were cut off its end, or the file was replaced by an older copy"
        )
    return (
        f"audit row {anchor.head_id} is not the one seen before: the file was replaced by"
        " an older or another copy"
    )


def own_anchor(trail: FileTrail) -> Anchor | None:
    """This computer's anchor of the file; raises ValueError when it is damaged."""
    return read_anchor(anchor_path(trail.file_id), trail.key)


def current_anchor(db: Database, trail: FileTrail) -> Anchor:
    last, mac = audit.head(db)
    return Anchor(trail.file_id, last, mac, table_states(db))


def remember_head(db: Database, *, force: bool = False, first_only: bool = False) -> None:
    """After a commit of this process: move this computer's anchor to the file's head.

    It only moves forward along the same trail: never backwards (another copy of the app
    here is further on), never onto a trail that no longer holds the anchored row (that
    is for `check` to report), unless `force` (a restore made through the app).
    `first_only`: write it only if there is none yet (a file first opened here)."""
    trail = getattr(db, "trail", None)
    if trail is None or not trail.file_id:
        return
    now = current_anchor(db, trail)
    path = anchor_path(trail.file_id)
    with _anchor_lock:
        if not force:
            try:
                saved = read_anchor(path, trail.key)
            except ValueError:
                saved = None
            if saved is not None and (first_only or saved.head_id > now.head_id):
                return
            if saved is not None and not reaches(db, saved):
                return
        write_anchor(path, now, trail.key)
    trail.anchored = now


def trail_problems(db: Database, trail: FileTrail, extra_anchors: list[Anchor]) -> list[str]:
    """Everything `check` verifies under the key: the chain, the row seals, and the
    anchors (this computer's and the backups'). The anchors are read first and the file
    in one snapshot after, so a copy of the app writing meanwhile (which moves an anchor
    only after its commit) is never mistaken for tampering."""
    problems = []
    try:
        mine = own_anchor(trail)
    except ValueError as exc:
        problems.append(f"this computer's anchor of the file is damaged ({exc})")
        mine = None
    anchors = [a for a in [mine, *extra_anchors] if a is not None]
    db.execute("BEGIN")
    try:
        chain = audit.chain_problem(db, trail)
        if chain:
            problems.append(chain)
        for anchor in sorted(anchors, key=lambda a: a.head_id, reverse=True)[:1]:
            problem = anchor_problem(db, trail, anchor)
            if problem:
                problems.append(problem)
        last, mac = audit.head(db)
        still = mine is not None and (mine.head_id, mine.head_mac) == (last, mac)
        problems += seal_problems(db, trail.sealer, mine.seals if still else None)
    finally:
        db.execute("ROLLBACK")
    return problems


def backup_trail_problem(path, key: str | None) -> str | None:
    """Why a backup's audit trail cannot be trusted (chain broken under its key, or cut
    short of the head its sidecar recorded when it was taken), else None. A backup made
    before trails were keyed has nothing to verify yet: it is sealed when opened."""
    from pathlib import Path

    from vcs_app.storage import backup as backups
    from vcs_app.storage import db as store_db

    path = Path(path)
    try:
        with backups.open_copy(path, key) as copy:
            columns = {r[1] for r in copy.execute("PRAGMA table_info(audit)")}
            key_id = get_setting(copy, "trail_key_id") if "detail_digest" in columns else None
            if key_id is None:
                return None
            trail = FileTrail(find_key(key_id), "")
            problem = audit.chain_problem(copy, trail)
            if problem:
                return f"its {problem}"
            sidecar = read_anchor(backups.sidecar_path(path), trail.key)
            if sidecar is not None and not reaches(copy, sidecar):
                return "its audit trail was cut short after it was taken"
            return None
    except TrailKeyMissing as exc:
        return f"cannot verify its audit trail: {exc}"
    except ValueError as exc:
        return f"its anchor file does not verify ({exc})"
    except store_db.DB_ERRORS as exc:
        return f"it cannot be read ({exc})"
