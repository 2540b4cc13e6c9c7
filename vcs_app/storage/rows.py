"""Plain-SQL row helpers for the hot paths.

sqlite-utils' `Table.insert` inspects the table on every call (about 0.14 ms); an
import of thousands of referrals makes several inserts each, so the repositories use
these (about 0.01 ms). Table and column names come from our code, never from input.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlite_utils import Database


def insert_row(db: Database, table: str, row: Mapping[str, object]) -> int:
    columns = ", ".join(row)
    marks = ", ".join(f":{name}" for name in row)
    return db.execute(f"INSERT INTO {table} ({columns}) VALUES ({marks})", dict(row)).lastrowid


def update_row(db: Database, table: str, row_id: int, values: Mapping[str, object]) -> None:
    if not values:
        return
    assignments = ", ".join(f"{name} = :{name}" for name in values)
    db.execute(f"UPDATE {table} SET {assignments} WHERE id = :_id", {**values, "_id": row_id})


def select_rows(
    db: Database, table: str, where: str, params: list | tuple = (), order_by: str = ""
):
    """Rows as dicts (like sqlite-utils' rows_where) without per-call introspection."""
    sql = f"SELECT * FROM {table} WHERE {where}" + (f" ORDER BY {order_by}" if order_by else "")
    cursor = db.execute(sql, list(params))
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r, strict=True)) for r in cursor]
