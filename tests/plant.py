"""What someone with write access to the file and a plain `sqlite3` does (issue 16)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from vcs_app.domain.accounts import hash_password


def plant_admin_account(path: Path | str, username: str, password: str) -> None:
    """An administrator's `account` row with a known password hash and no audit row."""
    known = hash_password(password)
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "INSERT INTO account (username, display_name, role, password_salt, password_hash,"
            " scrypt_n, scrypt_r, scrypt_p, active, created_at)"
            " VALUES (?, 'Planted', 'admin', ?, ?, ?, 8, 1, 1, '2026-12-07T10:00:00+00:00')",
            [username, known.salt, known.digest, known.n],
        )
    conn.close()
