"""Backups and restore as a VLO (or the scheduler) asks for them.

Backups go to a folder per database under the user data dir unless told otherwise, are
verified before they get their final name (storage/backup.py), and are rotated: the 3
newest are kept, and the newest of each of the last 7 days and of the last 4 weeks. A
backup and a restore are both audited; restore takes the single-writer lock so it can
never pull the file from under a running copy of VCS Desk.
"""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from vcs_app.services.workspace import Workspace, open_workspace
from vcs_app.storage import audit
from vcs_app.storage.backup import (
    BackupFile,
    list_backups,
    make_backup,
    restore_file,
    rotate,
    verify_copy,
)
from vcs_app.storage.db import StoreError
from vcs_app.storage.integrity import backup_trail_problem
from vcs_app.storage.lock import holding_lock

KEEP_RECENT = 3
KEEP_DAILY = 7
KEEP_WEEKLY = 4
AUTO_BACKUP_MINUTES = 60

__all__ = [
    "AUTO_BACKUP_MINUTES",
    "KEEP_DAILY",
    "KEEP_RECENT",
    "KEEP_WEEKLY",
    "BackupDone",
    "BackupFile",
    "RestoreDone",
    "back_up",
    "backup_folder_for",
    "backups_of",
    "backups_root",
    "change_mark",
    "damage_in",
    "latest_verified_backup",
    "restore",
    "table_damage",
    "tables_to_check",
]


@dataclass(frozen=True)
class BackupDone:
    backup: BackupFile
    removed: tuple[Path, ...]  # older backups the rotation deleted
    seconds: float


@dataclass(frozen=True)
class RestoreDone:
    restored_from: Path
    kept: Path | None  # the file that was replaced, kept beside the database


def backups_root() -> Path:
    # The same user data dir as the default database (app.default_db_path).
    return Path(platformdirs.user_data_dir("vcs-desk", appauthor=False)) / "backups"


def backup_folder_for(db_path: Path | str, root: Path | None = None) -> Path:
    """Where the automatic backups of this database live: one folder per database, so
    a demo file and the real caseload (or two files of the same name) never mix."""
    resolved = Path(db_path).expanduser().resolve()
    tag = hashlib.sha256(str(resolved).encode("utf-8")).hexdigest()[:8]
    return (root or backups_root()) / f"{resolved.stem}-{tag}"


def change_mark(ws: Workspace) -> int:
    """Grows whenever anything is done to the file (every action is audited), so the
    scheduler can skip a backup when nothing happened since the last one."""
    return audit.latest_id(ws.store.db)


def back_up(ws: Workspace, folder: Path | None = None, *, keep_rotation: bool = True) -> BackupDone:
    """Verified copy of the open database into `folder` (default: its backup folder)."""
    folder = Path(folder) if folder is not None else backup_folder_for(ws.path)
    started = time.perf_counter()
    backup = make_backup(ws.store.db, ws.path, folder, key=ws.store.key)
    removed: list[Path] = []
    if keep_rotation:
        removed = rotate(
            folder, ws.path.stem, recent=KEEP_RECENT, daily=KEEP_DAILY, weekly=KEEP_WEEKLY
        )
    with ws.store.atomic() as db:
        audit.record(
            db,
            who=ws.user,
            action="backup",
            entity="database",
            detail={"file": str(backup.path), "bytes": backup.size, "rotated_out": len(removed)},
        )
    return BackupDone(backup, tuple(removed), time.perf_counter() - started)


def backups_of(db_path: Path | str, folder: Path | None = None) -> list[BackupFile]:
    """Finished backups of this database, newest first."""
    folder = folder if folder is not None else backup_folder_for(db_path)
    return list_backups(folder, Path(db_path).stem)


def latest_verified_backup(
    db_path: Path | str, folder: Path | None = None, key: str | None = None
) -> BackupFile | None:
    """The newest backup that still passes an integrity check (checked now, so a backup
    damaged since it was taken is skipped rather than offered); an encrypted caseload's
    backups are checked with its `key`."""
    for backup in backups_of(db_path, folder):
        if not verify_copy(backup.path, key):
            return backup
    return None


def damage_in(db_path: Path | str, key: str | None = None) -> str | None:
    """What is structurally wrong with the database file (integrity check), or None.

    Safe while the file is open elsewhere: it reads through its own read-only connection.
    """
    problems = verify_copy(Path(db_path), key)
    return problems[0] if problems else None


def tables_to_check(ws: Workspace) -> list[str]:
    """The tables an integrity check goes through, one at a time (`table_damage`)."""
    return ws.store.tables()


def table_damage(ws: Workspace, table: str) -> str | None:
    """What is structurally wrong with one table of the open file (and its indexes), or
    None: the check after start, made a table at a time while the VLO is not working so it
    never slows them down (a whole check of a million-victim file takes minutes)."""
    problems = ws.store.table_problems(table)
    return f"{table}: {problems[0]}" if problems else None


def restore(
    db_path: Path | str, backup: Path | str, *, user: str | None = None, key: str | None = None
) -> RestoreDone:
    """Replace the database with a verified copy of `backup`, keeping the old file (an
    encrypted backup is verified and opened with `key`)."""
    db_path, backup = Path(db_path).expanduser(), Path(backup).expanduser()
    with holding_lock(db_path):
        # (a file that is no backup at all is named so by restore_file's own check)
        problem = None if verify_copy(backup, key) else backup_trail_problem(backup, key)
        if problem:
            raise StoreError(
                f"Cannot restore from {backup.name}: {problem}. The current database was not"
                " touched."
            )
        from vcs_app.services import retention

        # (a pipe or device in its place is refused by restore_file, unread)
        erased = retention.erased_in(db_path, key) if db_path.is_file() else []
        kept = restore_file(backup, db_path, key=key)
        # The restored file's trail may end before this computer's anchor: that is the
        # point of a restore. It is recorded, with the head it replaces, and the anchor
        # moves (other desks accept the move from that authentic row).
        ws = open_workspace(db_path, user=user, key=key, rollback_ok=True)
        try:
            replaced = ws.store.replaced_anchor
            replaced_head = [replaced.head_id, replaced.head_mac] if replaced else None
            with ws.store.atomic() as db:
                audit.record(
                    db,
                    who=ws.user,
                    action="restore",
                    entity="database",
                    detail={
                        "from": str(backup),
                        "kept": str(kept) if kept else None,
                        "replaced_head": replaced_head,
                    },
                )
            ws.store.remember_head(force=True)
            retention.erase_again(ws, erased)
        finally:
            ws.close()
    return RestoreDone(backup, kept)
