"""Row seals: each row of the tables that matter most carries a keyed MAC of its content,
and each table a keyed fold (XOR) of its rows' MACs, so a row changed, added, deleted or
put back from an older copy outside VCS Desk is named by `check`.

The MACs are written by TEMP triggers that this process creates on its own connection
(they are not in the file, so nobody can plant or drop them there, and SQLite trusts
them although `trusted_schema` is off). They call Python functions registered on the
connection, which hold the key; a plain `sqlite3` shell has neither. A row whose seal
does not match is never resealed on top of: the app refuses to save over it.
"""

from __future__ import annotations

import hmac
from hashlib import sha256

from sqlite_utils import Database

from vcs_app.storage.trail import TrailKey

# Table -> the columns its seal covers (explicit, so a column added later does not
# invalidate every seal; add it here together with a migration that reseals).
SEALED: dict[str, tuple[str, ...]] = {
    "victim": (
        "given_name",
        "family_name",
        "dob",
        "role",
        "language",
        "accessibility",
        "phone_first",
        "guardian_name",
        "archived",
    ),
    "contact_detail": (
        "victim_id",
        "kind",
        "value",
        "safe_to_use",
        "do_not_post",
        "safe_alternative",
        "valid_from",
        "valid_to",
        "note",
    ),
    "key_date": (
        "offender_id",
        "kind",
        "value",
        "source",
        "received_on",
        "superseded_by",
        "withdrawn_at",
    ),
    "link": (
        "victim_id",
        "offender_id",
        "status",
        "opt_state",
        "contact_level",
        "channel",
        "eligibility",
    ),
    "account": (
        "username",
        "display_name",
        "role",
        "password_salt",
        "password_hash",
        "scrypt_n",
        "scrypt_r",
        "scrypt_p",
        "active",
    ),
    "setting": ("key", "value"),
    "erased_row": ("tbl", "row_id", "created_at", "purge_id"),
}

EMPTY_FOLD = "0" * 64


def _canonical(table: str, rowid: int, values: tuple) -> bytes:
    return repr((table, rowid, values)).encode("utf-8")


class Sealer:
    """The MAC functions of one key, registered on a connection as SQL functions."""

    def __init__(self, key: TrailKey) -> None:
        # keyed once: each row's MAC copies the keyed state (check seals every row)
        self._rows = hmac.new(key.derive("row seal"), digestmod=sha256)
        self._folds = key.derive("table seal")

    def row(self, table: str, rowid: int, *values) -> str:
        mac = self._rows.copy()
        mac.update(_canonical(table, rowid, values))
        return mac.hexdigest()

    def fold_mac(self, table: str, fold: str) -> str:
        return hmac.new(self._folds, f"{table}:{fold}".encode("ascii"), sha256).hexdigest()

    def state(self, table: str, fold: str) -> str:
        return f"{fold}:{self.fold_mac(table, fold)}"

    @staticmethod
    def step(state: str | None, old: str | None, new: str | None) -> str:
        """The table's fold after a row's seal `old` became `new` (None: no row), with
        its MAC left to `finish` (once per transaction, not once per row)."""
        fold = int((state or EMPTY_FOLD).split(":")[0], 16)
        for seal in (old, new):
            if seal:
                fold ^= int(seal, 16)
        return f"{fold:064x}:"

    def finish(self, table: str, state: str) -> str:
        return self.state(table, state.split(":")[0])

    def register(self, db: Database) -> None:
        conn = db.conn
        conn.create_function("vcs_row_seal", -1, self.row, deterministic=True)
        conn.create_function("vcs_seal_step", 3, self.step, deterministic=True)
        conn.create_function("vcs_seal_finish", 2, self.finish, deterministic=True)


def _cols(prefix: str, table: str) -> str:
    return ", ".join(f"{prefix}.{c}" for c in SEALED[table])


def install_triggers(db: Database) -> None:
    """The TEMP triggers that keep seals current on this connection (run after every
    migration, since dropping a table drops its temp triggers too)."""
    for table, columns in SEALED.items():
        new_seal = f"vcs_row_seal('{table}', NEW.rowid, {_cols('NEW', table)})"
        old_seal = f"vcs_row_seal('{table}', OLD.rowid, {_cols('OLD', table)})"
        step = "UPDATE table_seal SET state = vcs_seal_step(state, {o}, {n}) WHERE tbl = '{t}';"
        refuse = (
            f"SELECT RAISE(ABORT, 'a row of {table} was changed outside VCS Desk; it is not"
            f" saved over (run check)') WHERE OLD.seal IS NOT {old_seal};"
        )
        fresh = f"(SELECT seal FROM main.{table} WHERE rowid = NEW.rowid)"
        for sql in (
            f"DROP TRIGGER IF EXISTS temp.seal_{table}_insert",
            f"DROP TRIGGER IF EXISTS temp.seal_{table}_update",
            f"DROP TRIGGER IF EXISTS temp.seal_{table}_delete",
            f"""CREATE TEMP TRIGGER seal_{table}_insert AFTER INSERT ON main.{table} BEGIN
                UPDATE {table} SET seal = {new_seal} WHERE rowid = NEW.rowid;
                {step.format(t=table, o="NULL", n=fresh)}
            END""",
            f"""CREATE TEMP TRIGGER seal_{table}_update
                AFTER UPDATE OF {", ".join(columns)} ON main.{table} BEGIN
                {refuse}
                UPDATE {table} SET seal = {new_seal} WHERE rowid = NEW.rowid;
                {step.format(t=table, o="OLD.seal", n=fresh)}
            END""",
            f"""CREATE TEMP TRIGGER seal_{table}_delete AFTER DELETE ON main.{table} BEGIN
                {step.format(t=table, o="OLD.seal", n="NULL")}
            END""",
        ):
            db.execute(sql)


def finish_states(db: Database) -> None:
    """MAC the folds the triggers changed in this transaction (call just before commit)."""
    db.execute("UPDATE table_seal SET state = vcs_seal_finish(tbl, state) WHERE state LIKE '%:'")


def seal_all_rows(db: Database, sealer: Sealer) -> None:
    """Seal every row of every sealed table and set each table's state (sealing a file
    made before seals existed; call inside a transaction)."""
    for table, columns in SEALED.items():
        fold = 0
        rows = db.execute(f"SELECT rowid, {', '.join(columns)} FROM {table}").fetchall()
        updates = []
        for rowid, *values in rows:
            seal = sealer.row(table, rowid, *values)
            fold ^= int(seal, 16)
            updates.append((seal, rowid))
        db.conn.executemany(f"UPDATE {table} SET seal = ? WHERE rowid = ?", updates)
        db.execute(
            "INSERT INTO table_seal (tbl, state) VALUES (?, ?)"
            " ON CONFLICT (tbl) DO UPDATE SET state = excluded.state",
            [table, sealer.state(table, f"{fold:064x}")],
        )


def table_states(db: Database) -> dict[str, str]:
    return dict(db.execute("SELECT tbl, state FROM table_seal").fetchall())


def seal_problems(
    db: Database, sealer: Sealer, expected: dict[str, str] | None = None
) -> list[str]:
    """One line per table whose rows or seal do not match: rows changed or added outside
    the app are named by id, rows deleted (or put back from an older copy) by the table.
    `expected`: the table states the anchor recorded, when the trail has not moved since."""
    problems = []
    states = table_states(db)
    for table, columns in SEALED.items():
        fold = 0
        bad: list[int] = []
        rows = db.execute(f"SELECT rowid, seal, {', '.join(columns)} FROM {table}")
        for rowid, seal, *values in rows:
            if seal is None or not hmac.compare_digest(seal, sealer.row(table, rowid, *values)):
                bad.append(rowid)
            if seal:
                try:
                    fold ^= int(seal, 16)
                except ValueError:
                    bad.append(rowid)
        if bad:
            shown = ", ".join(str(i) for i in bad[:5]) + (" …" if len(bad) > 5 else "")
            problems.append(
                f"{table} row(s) {shown} changed or added outside VCS Desk (no audited change"
                " matches them)"
            )
        state = sealer.state(table, f"{fold:064x}")
        if states.get(table) != state:
            problems.append(f"{table}: rows were deleted or its seal was changed outside VCS Desk")
        elif expected is not None and expected.get(table, state) != state:
            problems.append(
                f"{table}: rows were put back or deleted outside VCS Desk since the last"
                " audited change made on this computer"
            )
    return problems


def row_sealed(db: Database, table: str, rowid: int) -> bool:
    columns = ", ".join(SEALED[table])
    row = db.execute(f"SELECT seal, {columns} FROM {table} WHERE rowid = ?", [rowid]).fetchone()
    if row is None or row[0] is None:
        return False
    return hmac.compare_digest(row[0], db.trail.sealer.row(table, rowid, *row[1:]))
