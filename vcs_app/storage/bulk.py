"""Fast loading for generated data: executemany inside one transaction."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlite_utils import Database


def insert_rows(db: Database, table: str, columns: Sequence[str], rows: Iterable[tuple]) -> None:
    """Insert tuples in column order; call inside `Store.atomic()`."""
    names = ", ".join(columns)
    marks = ", ".join("?" for _ in columns)
    db.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def has_cases(db: Database) -> bool:
    return db.execute("SELECT EXISTS (SELECT 1 FROM link)").fetchone()[0] == 1
