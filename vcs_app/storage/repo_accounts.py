"""Reading and writing staff accounts; the password hash never leaves this module except
to be checked (see `password_hash`)."""

from __future__ import annotations

from datetime import datetime

from sqlite_utils import Database

from vcs_app.domain.accounts import Account, PasswordHash
from vcs_app.domain.model import Role
from vcs_app.storage.db import utc_now
from vcs_app.storage.seal import row_sealed

_COLUMNS = "id, username, display_name, role, active, created_at, last_sign_in"


def _account(row: tuple) -> Account:
    return Account(
        id=row[0],
        username=row[1],
        display_name=row[2],
        role=Role(row[3]),
        active=bool(row[4]),
        created_at=datetime.fromisoformat(row[5]),
        last_sign_in=datetime.fromisoformat(row[6]) if row[6] else None,
    )


def count_accounts(db: Database) -> int:
    return db.execute("SELECT count(*) FROM account").fetchone()[0]


def count_active_admins(db: Database) -> int:
    return db.execute(
        "SELECT count(*) FROM account WHERE role = 'admin' AND active = 1"
    ).fetchone()[0]


def find_account(db: Database, username: str) -> Account | None:
    row = db.execute(f"SELECT {_COLUMNS} FROM account WHERE username = ?", [username]).fetchone()
    return _account(row) if row else None


def list_accounts(db: Database) -> list[Account]:
    return [_account(r) for r in db.execute(f"SELECT {_COLUMNS} FROM account ORDER BY username")]


def password_hash(db: Database, username: str) -> PasswordHash | None:
    row = db.execute(
        "SELECT password_salt, password_hash, scrypt_n, scrypt_r, scrypt_p FROM account"
        " WHERE username = ?",
        [username],
    ).fetchone()
    return PasswordHash(bytes(row[0]), bytes(row[1]), row[2], row[3], row[4]) if row else None


def insert_account(db: Database, account: Account, stored: PasswordHash) -> int:
    cursor = db.execute(
        "INSERT INTO account (username, display_name, role, password_salt, password_hash,"
        " scrypt_n, scrypt_r, scrypt_p, active, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            account.username,
            account.display_name,
            account.role.value,
            stored.salt,
            stored.digest,
            stored.n,
            stored.r,
            stored.p,
            int(account.active),
            utc_now(),
        ],
    )
    return cursor.lastrowid


def set_password(db: Database, username: str, stored: PasswordHash) -> None:
    db.execute(
        "UPDATE account SET password_salt = ?, password_hash = ?, scrypt_n = ?, scrypt_r = ?,"
        " scrypt_p = ? WHERE username = ?",
        [stored.salt, stored.digest, stored.n, stored.r, stored.p, username],
    )


def set_role(db: Database, username: str, role: Role) -> None:
    db.execute("UPDATE account SET role = ? WHERE username = ?", [role.value, username])


def set_active(db: Database, username: str, active: bool) -> None:
    db.execute("UPDATE account SET active = ? WHERE username = ?", [int(active), username])


def record_sign_in(db: Database, username: str) -> None:
    db.execute("UPDATE account SET last_sign_in = ? WHERE username = ?", [utc_now(), username])


def account_sealed(db: Database, username: str) -> bool:
    """Whether the account's row is as VCS Desk last wrote it (its seal verifies): a row
    inserted or changed with another tool is not."""
    row = db.execute("SELECT rowid FROM account WHERE username = ?", [username]).fetchone()
    return row is not None and row_sealed(db, "account", row[0])


def _name_key(db: Database, username: str) -> str:
    return db.trail.key.mac(b"sign-in throttle:" + username.casefold().encode("utf-8"))


def sign_in_failures(db: Database, username: str) -> tuple[int, float]:
    """Wrong passwords in a row for this username, and seconds since the last one."""
    row = db.execute(
        "SELECT failures, (julianday('now') - julianday(last_failed_at)) * 86400.0"
        " FROM sign_in_throttle WHERE name_key = ?",
        [_name_key(db, username)],
    ).fetchone()
    return (row[0], row[1]) if row else (0, 0.0)


def record_sign_in_failure(db: Database, username: str) -> None:
    db.execute(
        "INSERT INTO sign_in_throttle (name_key, failures, last_failed_at) VALUES (?, 1, ?)"
        " ON CONFLICT (name_key) DO UPDATE SET failures = failures + 1,"
        " last_failed_at = excluded.last_failed_at",
        [_name_key(db, username), utc_now()],
    )


def clear_sign_in_failures(db: Database, username: str) -> None:
    db.execute("DELETE FROM sign_in_throttle WHERE name_key = ?", [_name_key(db, username)])
