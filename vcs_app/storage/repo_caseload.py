"""The caseload a page at a time, in index order, and a search that finds the first
screen without reading every match.

Plain lists (no search words) walk the index of the sorted column from where the last
page ended (keyset paging: never OFFSET, never all ids). A search ranks cases found by a
name, reference, person or contact detail (tier 0, `case_names`) before cases found only
by their liaison notes (tier 1, `case_search`), each tier in the chosen column's order.
For each tier it chooses between two plans by how many cases the words find:

- walk: read the sorted index and ask the full-text index about each case in turn (about
  10 microseconds a case), stopping after a page: best when many cases match ("s",
  "sentence"), as it reads about a page's worth whatever the caseload's size;
- gather: read the matching ids from the full-text index, look their cases up and sort
  them: best when few match ("lowri", a case reference).

Exact counts come from tallies kept by triggers (plain lists) or from one full-text COUNT
over the tags every case carries (its status and VLO; see migration 0029).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import date

from sqlite_utils import Database

from vcs_app.domain.model import CaseStatus, CaseSummary, ContactDetail, Victim
from vcs_app.domain.search import CaseloadPage, CaseloadQuery, PageCursor, index_form, search_words
from vcs_app.storage.migrations import TAG
from vcs_app.storage.repo_cases import _contact

# Column key -> the SQL it sorts by (None: the case id alone); a whitelist, so user input
# never reaches ORDER BY. Each has an index, within a status and across all (0028).
SORTS: dict[str, str | None] = {
    "ref": None,
    "victim": "link.sort_victim",
    "offender": "link.sort_offender",
    "offence": "link.offence",
    "opt_state": "link.opt_state",
    "contact_level": "link.contact_level",
    "vlo": "link.vlo",
    "status": "link.status",
    "next_due": "ifnull(link.next_due, '9999-12-31')",  # nothing due: last
}

GATHER_LIMIT = 2_000  # a search matching fewer cases than this gathers them
PROBE_US = 12.0  # a walk's cost per case looked at (full-text probe), microseconds
LOOKUP_US = 5.0  # a gather's cost per matching case (fetch and sort), microseconds
MAX_TERMS = 16  # a word standing for more indexed words than this is searched as a prefix
_NAME_COLUMNS = "{names refs people contact}"


def _fts_string(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


class _Words:
    """A search's words as full-text expressions. A word of 1-3 letters is a prefix read
    from the prefix index; a longer one stands for the indexed words it begins
    ("sentence" for "sentence" and "sentences"), so asking about one case costs a few
    lookups instead of merging every such word's list. `cheap_probes` is False when a
    word begins too many indexed words for that."""

    def __init__(self, db: Database, text: str) -> None:
        self.words = search_words(text)
        self.cheap_probes = True
        self.nothing = False  # a word begins no indexed word at all
        groups = []
        for word in self.words:
            folded = index_form(word)
            if len(folded) <= 3:
                groups.append(_fts_string(word) + "*")
                continue
            terms = _terms_beginning(db, folded)
            if terms is None:
                groups.append(_fts_string(word) + "*")
                self.cheap_probes = False
            elif terms:
                groups.append("(" + " OR ".join(_fts_string(t) for t in terms) + ")")
            else:
                self.nothing = True
        self.expression = " AND ".join(groups)

    def __bool__(self) -> bool:
        return bool(self.words)

    def tagged(self, query: CaseloadQuery) -> str:
        """The expression limited to the query's status and VLO (by their tags)."""
        return " AND ".join([*_tags(query), f"({self.expression})"])

    def notes_only(self, query: CaseloadQuery) -> str:
        """Cases found by their notes and not by anything tier 0 searches."""
        return f"({self.tagged(query)}) NOT {_NAME_COLUMNS} : ({self.expression})"


def _terms_beginning(db: Database, folded: str) -> list[str] | None:
    """The indexed words beginning with `folded`, or None when there are too many."""
    db.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.case_search_terms"
        " USING fts5vocab(main, case_search, row)"
    )
    upper = folded[:-1] + chr(ord(folded[-1]) + 1)
    terms = [
        r[0]
        for r in db.execute(
            "SELECT term FROM temp.case_search_terms WHERE term >= ? AND term < ? LIMIT ?",
            [folded, upper, MAX_TERMS + 1],
        )
        if not r[0].startswith(TAG)
    ]
    return None if len(terms) > MAX_TERMS else terms


def _tags(query: CaseloadQuery) -> list[str]:
    tags = []
    if query.status:
        tags.append(_fts_string(f"{TAG}s{query.status}"))
    if query.vlo is not None:
        tags.append(_fts_string(f"{TAG}v{query.vlo.encode('utf-8').hex()}"))
    return tags


def _filters(query: CaseloadQuery) -> tuple[list[str], dict[str, object]]:
    where: list[str] = []
    params: dict[str, object] = {}
    if query.status:
        where.append("link.status = :status")
        params["status"] = query.status
    if query.vlo is not None:
        where.append("link.vlo = :vlo")
        params["vlo"] = query.vlo
    return where, params


_PROBES = {
    0: "EXISTS (SELECT 1 FROM case_names WHERE case_names MATCH :words AND rowid = link.id)",
    1: "NOT EXISTS (SELECT 1 FROM case_names WHERE case_names MATCH :words AND rowid = link.id)"
    " AND EXISTS (SELECT 1 FROM case_search WHERE case_search MATCH :words"
    " AND rowid = link.id)",
}


def _walk(
    db: Database,
    query: CaseloadQuery,
    cursor: PageCursor,
    limit: int,
    probe: str | None,
    params: dict[str, object],
) -> list[tuple[int, object]]:
    """Up to `limit` (id, sort value) in display order after the cursor, reading the
    sorted column's index; `probe` (SQL) keeps only the cases it is true for. Within a run
    of equal sort values the index is read by id, then past the run (so a page costs the
    same at the start of a long run of "Opted in" as at its end)."""
    key = SORTS[query.sort]
    where, filter_params = _filters(query)
    if probe:
        where.append(probe)
    params = {**params, **filter_params, "limit": limit}
    direction, after = (" DESC", "<") if query.descending else ("", ">")
    select = f"SELECT link.id, {key or 'link.id'} FROM link"
    found: list[tuple[int, object]] = []
    if cursor.after_id is not None:
        run = [*where, f"link.id {after} :after_id"]
        if key:
            run.append(f"{key} = :after_key")
        sql = f"{select} WHERE {' AND '.join(run)} ORDER BY link.id{direction} LIMIT :limit"
        found += db.execute(
            sql, {**params, "after_id": cursor.after_id, "after_key": cursor.after_key}
        ).fetchall()
        if not key or len(found) >= limit:
            return found
        where = [*where, f"{key} {after} :after_key"]
        params = {**params, "after_key": cursor.after_key, "limit": limit - len(found)}
    order = f"{key}{direction}, link.id{direction}" if key else f"link.id{direction}"
    sql = f"{select}{' WHERE ' + ' AND '.join(where) if where else ''} ORDER BY {order}"
    return found + db.execute(sql + " LIMIT :limit", params).fetchall()


def _gather(
    db: Database,
    query: CaseloadQuery,
    cursor: PageCursor,
    limit: int,
    table: str,
    match: str,
) -> list[tuple[int, object]]:
    """Up to `limit` (id, sort value) after the cursor among the cases `match` finds in
    `table`: each is looked up, then sorted."""
    key = SORTS[query.sort] or "link.id"
    where, params = _filters(query)
    direction, after = (" DESC", "<") if query.descending else ("", ">")
    if cursor.after_id is not None:
        where.append(f"({key}, link.id) {after} (:after_key, :after_id)")
        params.update(after_key=cursor.after_key, after_id=cursor.after_id)
    sql = (
        f"SELECT link.id, {key} FROM (SELECT rowid AS id FROM {table} WHERE {table} MATCH"
        " :match) AS hit CROSS JOIN link ON link.id = hit.id"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {key}{direction}, link.id{direction} LIMIT :limit"
    )
    return db.execute(sql, {**params, "match": match, "limit": limit}).fetchall()


def _population(db: Database, query: CaseloadQuery) -> int:
    """How many cases the query's status and VLO leave (from the tallies)."""
    return _tally(db, query.status, query.vlo)


def _sample(db: Database, table: str, match: str) -> tuple[int, int]:
    """(how many, highest id) of the first GATHER_LIMIT cases `match` finds, in id order."""
    row = db.execute(
        f"SELECT count(*), max(rowid) FROM (SELECT rowid FROM {table} WHERE {table} MATCH ?"
        f" LIMIT {GATHER_LIMIT})",
        [match],
    ).fetchone()
    return row[0], row[1] or 0


def _estimated_hits(db: Database, table: str, match: str) -> int | None:
    """How many cases `match` finds: exact when few (< GATHER_LIMIT), else estimated from
    how far into the ids the first GATHER_LIMIT of them reach; None when few."""
    found, highest = _sample(db, table, match)
    if found < GATHER_LIMIT:
        return None
    last_id = db.execute("SELECT max(id) FROM link").fetchone()[0] or highest
    return round(found * last_id / max(highest, 1))


def _should_walk(db: Database, query: CaseloadQuery, words: _Words, tier: int, limit: int) -> bool:
    """True when walking the sorted index costs less than gathering the tier's matches."""
    if not words.cheap_probes:
        return False
    hits = _estimated_hits(db, "case_names", words.tagged(query))
    if tier == 1:
        every = _estimated_hits(db, "case_search", words.tagged(query))
        if every is None:
            return False
        hits = every - (hits or 0)
    if hits is None or hits <= 0:
        return False
    share = hits / max(_population(db, query), hits)
    probes = limit / share * (2 if tier else 1)
    return probes * PROBE_US < hits * LOOKUP_US


def caseload_page(
    db: Database, query: CaseloadQuery, cursor: PageCursor | None = None, limit: int = 100
) -> CaseloadPage:
    """The next `limit` case ids of the caseload after `cursor` (from the start: None)."""
    cursor = cursor or PageCursor()
    words = _Words(db, query.text)
    if not words:
        rows = _walk(db, query, cursor, limit, None, {})
        return _page(rows, 0, limit)
    if words.nothing:
        return CaseloadPage((), None)
    ids: list[int] = []
    for tier in (0, 1):
        if tier < cursor.tier:
            continue
        start = cursor if tier == cursor.tier else PageCursor(tier)
        wanted = limit - len(ids)
        if _should_walk(db, query, words, tier, wanted):
            rows = _walk(db, query, start, wanted, _PROBES[tier], {"words": words.expression})
        elif tier == 0:
            rows = _gather(db, query, start, wanted, "case_names", words.expression)
        else:
            match = f"({words.expression}) NOT {_NAME_COLUMNS} : ({words.expression})"
            rows = _gather(db, query, start, wanted, "case_search", match)
        ids += [r[0] for r in rows]
        if len(rows) == wanted:
            return CaseloadPage(tuple(ids), PageCursor(tier, rows[-1][1], rows[-1][0]))
    return CaseloadPage(tuple(ids), None)


def _page(rows: list[tuple[int, object]], tier: int, limit: int) -> CaseloadPage:
    following = PageCursor(tier, rows[-1][1], rows[-1][0]) if len(rows) == limit else None
    return CaseloadPage(tuple(r[0] for r in rows), following)


def caseload_pages(
    db: Database, query: CaseloadQuery, limit: int = 5_000
) -> Iterator[tuple[int, ...]]:
    """Every page of the caseload in order (the whole list, for a batch of letters)."""
    cursor: PageCursor | None = None
    while True:
        page = caseload_page(db, query, cursor, limit)
        if page.ids:
            yield page.ids
        if page.next is None:
            return
        cursor = page.next


def caseload_ids(db: Database, query: CaseloadQuery) -> list[int]:
    """All the ids of the caseload in display order."""
    return [i for page in caseload_pages(db, query) for i in page]


def caseload_count(db: Database, query: CaseloadQuery) -> int:
    """How many cases the query finds, exactly: a tally for a plain list, one full-text
    count for a search (proportional to the matches, so the window asks for it after the
    first page is on screen)."""
    words = _Words(db, query.text)
    if not words:
        return _population(db, query)
    if words.nothing:
        return 0
    match = words.tagged(query)
    return db.execute(
        "SELECT count(*) FROM case_search WHERE case_search MATCH ?", [match]
    ).fetchone()[0]


def _tally(db: Database, status: str | None, vlo: str | None) -> int:
    where, params = [], []
    if status:
        where.append("status = ?")
        params.append(status)
    if vlo is not None:
        where.append("vlo = ?")
        params.append(vlo)
    sql = "SELECT ifnull(sum(n), 0) FROM case_tally" + (
        " WHERE " + " AND ".join(where) if where else ""
    )
    return db.execute(sql, params).fetchone()[0]


_ROW_SQL = """
SELECT link.id, link.ref, v.family_name || ', ' || v.given_name,
       o.family_name || ', ' || o.given_name, link.offence, link.opt_state,
       link.contact_level, link.vlo, link.status, link.next_due,
       v.id, v.given_name, v.family_name, v.dob, v.role, v.language, v.accessibility,
       v.phone_first, v.guardian_name
FROM link JOIN victim v ON v.id = link.victim_id JOIN offender o ON o.id = link.offender_id
WHERE link.id IN (SELECT value FROM json_each(:ids))
"""
_CONTACTS_SQL = """
SELECT * FROM contact_detail
WHERE victim_id IN (SELECT victim_id FROM link WHERE id IN (SELECT value FROM json_each(:ids)))
ORDER BY kind, id
"""


def caseload_rows(
    db: Database, ids: Sequence[int]
) -> dict[int, tuple[CaseSummary, Victim, tuple[ContactDetail, ...]]]:
    """For these case ids (any order; the caller places them): each row without its
    flags, and the facts the flags are decided from (the victim and their contact
    details). The flags are the domain's rule (`domain.model.safety_flags`), the same one
    the case view uses, never a second copy in SQL."""
    params = {"ids": json.dumps(list(ids))}
    contacts: dict[int, list[ContactDetail]] = {}
    cursor = db.execute(_CONTACTS_SQL, params)
    names = [c[0] for c in cursor.description]
    for values in cursor:
        detail = _contact(dict(zip(names, values, strict=True)))
        contacts.setdefault(detail.victim_id, []).append(detail)
    rows = {}
    for r in db.execute(_ROW_SQL, params):
        victim = Victim(
            id=r[10],
            given_name=r[11],
            family_name=r[12],
            dob=date.fromisoformat(r[13]) if r[13] else None,
            role=r[14],
            language=r[15],
            accessibility=r[16],
            phone_first=bool(r[17]),
            guardian_name=r[18],
        )
        summary = CaseSummary(
            id=r[0],
            ref=r[1],
            victim_name=r[2],
            offender_name=r[3],
            offence=r[4],
            opt_state=r[5],
            contact_level=r[6],
            vlo=r[7],
            status=r[8],
            next_due=date.fromisoformat(r[9]) if r[9] else None,
        )
        rows[r[0]] = (summary, victim, tuple(contacts.get(victim.id, ())))
    return rows


def case_counts(db: Database) -> dict[str, int]:
    """Cases per status, and victims: kept by triggers (migration 0028), so reading them
    after every change costs the same at a million cases as at a hundred."""
    counts = {status.value: 0 for status in CaseStatus}
    for status, n in db.execute("SELECT status, sum(n) FROM case_tally GROUP BY status"):
        counts[status] = n
    counts["victims"] = db.execute("SELECT ifnull(sum(n), 0) FROM victim_tally").fetchone()[0]
    return counts


def vlo_names(db: Database) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT DISTINCT vlo FROM case_tally WHERE vlo != '' AND n > 0 ORDER BY vlo"
        )
    ]
