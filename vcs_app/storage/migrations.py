"""Numbered schema migrations, each applied in its own transaction.

sqlite-utils' `Migrations` records what ran in `_sqlite_migrations`; `PRAGMA user_version`
mirrors the count so a file written by a newer VCS Desk is refused before anything runs.
"""

from __future__ import annotations

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

MIGRATIONS = Migrations("vcs_desk")

# Allowed values are spelled out here (not imported from the domain's enums) so that
# migration 0001 keeps meaning what it meant when it first ran.
OFFENCE_CATEGORIES = ("violent", "sexual", "domestic_abuse", "stalking", "other")
CONDITION_STATES = ("requested", "sent", "acknowledged", "decided", "victim_informed", "ended")
PARTIES = ("om", "prison", "hospital", "parole_board", "police", "witness_care", "other")
# The offence types migration 0004 allowed (0023 adds to them).
OFFENCE_CLASSES_0004 = (
    "unknown",
    "general",
    "violent",
    "violent_max_life",
    "homicide_related",
    "sexual",
    "sexual_max_life",
    "domestic_abuse_listed",
    "terrorist",
)

# A date column: ISO text that SQLite itself can parse back to the same text.
# IS, not =: a NULL from date() must fail the check; '+0 days' makes SQLite normalise
# impossible days (2023-02-29 becomes 2023-03-01, which then differs).
_DATE = "TEXT CHECK ({col} IS NULL OR date({col}, '+0 days') IS {col})"


def _d(col: str, not_null: bool = False) -> str:
    kind = _DATE.format(col=col)
    return f"{col} {kind}{' NOT NULL' if not_null else ''}"


def _bool(col: str, default: int = 0) -> str:
    return f"{col} INTEGER NOT NULL DEFAULT {default} CHECK ({col} IN (0, 1))"


def _choice(col: str, values: tuple[str, ...], default: str | None = None) -> str:
    # An OR chain, not IN (...): SQLite rebuilds an IN list for every row checked,
    # which made bulk loads twice as slow.
    allowed = " OR ".join(f"{col} = '{v}'" for v in values)
    dflt = f" DEFAULT '{default}'" if default else ""
    return f"{col} TEXT NOT NULL{dflt} CHECK ({allowed})"


@MIGRATIONS(name="0001_core_tables")
def m0001_core_tables(db: Database) -> None:
    opt_states = (
        "referred",
        "offered",
        "opted_in",
        "declined",
        "no_response",
        "opted_out",
        "reopened",
    )
    levels = ("key_stages", "release_and_licence", "annual", "none")
    statements = [
        f"""CREATE TABLE offender (
            id INTEGER PRIMARY KEY,
            given_name TEXT NOT NULL CHECK (length(given_name) > 0),
            family_name TEXT NOT NULL CHECK (length(family_name) > 0),
            {_d("dob")},
            crn TEXT,
            nomis TEXT,
            establishment TEXT NOT NULL DEFAULT '',
            name_key TEXT NOT NULL,
            created_at TEXT NOT NULL,
            {_bool("archived")}
        )""",
        "CREATE UNIQUE INDEX offender_crn ON offender(crn) WHERE crn IS NOT NULL",
        "CREATE INDEX offender_name_key ON offender(name_key, dob)",
        f"""CREATE TABLE victim (
            id INTEGER PRIMARY KEY,
            given_name TEXT NOT NULL CHECK (length(given_name) > 0),
            family_name TEXT NOT NULL CHECK (length(family_name) > 0),
            {_d("dob")},
            {_choice("role", ("victim", "bereaved_relative", "representative"), "victim")},
            {_choice("language", ("en", "cy"), "en")},
            accessibility TEXT NOT NULL DEFAULT '',
            {_bool("phone_first")},
            guardian_name TEXT NOT NULL DEFAULT '',
            name_key TEXT NOT NULL,
            created_at TEXT NOT NULL,
            {_bool("archived")}
        )""",
        "CREATE INDEX victim_name_key ON victim(name_key, dob)",
        f"""CREATE TABLE contact_detail (
            id INTEGER PRIMARY KEY,
            victim_id INTEGER NOT NULL REFERENCES victim(id),
            {_choice("kind", ("address", "phone", "email"))},
            value TEXT NOT NULL CHECK (length(value) > 0),
            {_bool("safe_to_use", 1)},
            {_bool("do_not_post")},
            {_bool("safe_alternative")},
            {_d("valid_from")},
            {_d("valid_to")},
            note TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX contact_detail_victim ON contact_detail(victim_id)",
        f"""CREATE TABLE link (
            id INTEGER PRIMARY KEY,
            ref TEXT NOT NULL UNIQUE,
            victim_id INTEGER NOT NULL REFERENCES victim(id),
            offender_id INTEGER NOT NULL REFERENCES offender(id),
            offence TEXT NOT NULL CHECK (length(offence) > 0),
            {_choice("offence_category", OFFENCE_CATEGORIES)},
            {_d("sentence_date")},
            {_d("referral_date", True)},
            referrer TEXT NOT NULL DEFAULT '',
            {_choice("eligibility", ("pending", "statutory", "discretionary", "not_eligible"))},
            eligibility_reason TEXT NOT NULL DEFAULT '',
            rules_version TEXT NOT NULL DEFAULT '',
            {_choice("opt_state", opt_states, "referred")},
            {_choice("contact_level", levels, "key_stages")},
            {_choice("channel", ("letter", "phone", "email", "visit"), "letter")},
            vlo TEXT NOT NULL DEFAULT '',
            om_name TEXT NOT NULL DEFAULT '',
            om_team TEXT NOT NULL DEFAULT '',
            {_choice("status", ("open", "closed", "archived"), "open")},
            sort_victim TEXT NOT NULL,
            sort_offender TEXT NOT NULL,
            {_d("next_due")},
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            UNIQUE (victim_id, offender_id)
        )""",
        "CREATE INDEX link_victim ON link(victim_id)",
        "CREATE INDEX link_offender ON link(offender_id)",
        "CREATE INDEX link_status_victim ON link(status, sort_victim)",
        "CREATE INDEX link_vlo_status ON link(vlo, status, sort_victim)",
        "CREATE INDEX link_sort_victim ON link(sort_victim)",
        "CREATE INDEX link_sort_offender ON link(sort_offender)",
        "CREATE INDEX link_next_due ON link(next_due)",
        f"""CREATE TABLE opt_history (
            id INTEGER PRIMARY KEY,
            link_id INTEGER NOT NULL REFERENCES link(id),
            {_choice("state", opt_states)},
            {_d("on_date", True)},
            source TEXT NOT NULL DEFAULT '',
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )""",
        "CREATE INDEX opt_history_link ON opt_history(link_id)",
        f"""CREATE TABLE sentence (
            id INTEGER PRIMARY KEY,
            offender_id INTEGER NOT NULL REFERENCES offender(id),
            type TEXT NOT NULL,
            length_months REAL,
            custodial_months REAL,
            extension_months REAL,
            tariff_months REAL,
            remand_days INTEGER NOT NULL DEFAULT 0,
            {_d("sentence_date", True)},
            court TEXT NOT NULL DEFAULT '',
            offences TEXT NOT NULL DEFAULT '',
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )""",
        "CREATE INDEX sentence_offender ON sentence(offender_id)",
        f"""CREATE TABLE key_date (
            id INTEGER PRIMARY KEY,
            offender_id INTEGER NOT NULL REFERENCES offender(id),
            kind TEXT NOT NULL,
            {_d("value", True)},
            {_choice("source", ("official", "estimate"), "official")},
            {_d("received_on")},
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            superseded_by INTEGER REFERENCES key_date(id)
        )""",
        "CREATE INDEX key_date_offender ON key_date(offender_id, kind)",
        f"""CREATE TABLE condition_request (
            id INTEGER PRIMARY KEY,
            link_id INTEGER NOT NULL REFERENCES link(id),
            kind TEXT NOT NULL,
            wording TEXT NOT NULL CHECK (length(wording) > 0),
            reason TEXT NOT NULL DEFAULT '',
            {_choice("status", CONDITION_STATES, "requested")},
            {_d("requested_on", True)},
            {_d("sent_to_om_on")},
            {_d("acknowledged_on")},
            decision TEXT CHECK (
                decision IS NULL OR decision = 'included' OR decision = 'amended'
                OR decision = 'refused'),
            {_d("decision_on")},
            decision_reason TEXT NOT NULL DEFAULT '',
            {_d("victim_informed_on")},
            {_d("ended_on")},
            recorded_by TEXT NOT NULL
        )""",
        "CREATE INDEX condition_request_link ON condition_request(link_id)",
        f"""CREATE TABLE liaison_entry (
            id INTEGER PRIMARY KEY,
            link_id INTEGER NOT NULL REFERENCES link(id),
            {_d("happened_on", True)},
            {_choice("direction", ("to", "from"))},
            {_choice("party", PARTIES)},
            {_choice("channel", ("email", "phone", "letter", "meeting", "system"))},
            who TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL CHECK (length(summary) > 0),
            {_d("follow_up_due")},
            condition_request_id INTEGER REFERENCES condition_request(id),
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )""",
        "CREATE INDEX liaison_entry_link ON liaison_entry(link_id, happened_on)",
        f"""CREATE TABLE contact (
            id INTEGER PRIMARY KEY,
            link_id INTEGER NOT NULL REFERENCES link(id),
            {_d("happened_on", True)},
            {_choice("kind", ("letter", "call", "visit", "email"))},
            outcome TEXT NOT NULL DEFAULT '',
            summary TEXT NOT NULL DEFAULT '',
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )""",
        "CREATE INDEX contact_link ON contact(link_id, happened_on)",
        f"""CREATE TABLE letter (
            id INTEGER PRIMARY KEY,
            link_id INTEGER NOT NULL REFERENCES link(id),
            template TEXT NOT NULL,
            template_version TEXT NOT NULL DEFAULT '',
            {_choice("language", ("en", "cy"))},
            content_hash TEXT NOT NULL,
            {_choice("status", ("draft", "approved", "printed", "returned"), "draft")},
            pdf_path TEXT,
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX letter_link ON letter(link_id)",
        f"""CREATE TABLE task (
            id INTEGER PRIMARY KEY,
            link_id INTEGER NOT NULL REFERENCES link(id),
            rule TEXT NOT NULL,
            title TEXT NOT NULL,
            {_d("due_on", True)},
            {_d("done_on")},
            done_by TEXT,
            created_at TEXT NOT NULL
        )""",
        "CREATE INDEX task_open_due ON task(due_on) WHERE done_on IS NULL",
        "CREATE INDEX task_link ON task(link_id)",
        """CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            action TEXT NOT NULL,
            entity TEXT NOT NULL,
            entity_id INTEGER,
            link_id INTEGER,
            detail TEXT NOT NULL DEFAULT '',
            prev_hash TEXT NOT NULL,
            hash TEXT NOT NULL
        )""",
        "CREATE INDEX audit_link ON audit(link_id) WHERE link_id IS NOT NULL",
        """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
        """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
        # Full-text search over what a VLO types to find a case: names and references.
        """CREATE VIRTUAL TABLE case_search USING fts5(
            names, refs, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
        )""",
        """CREATE TABLE setting (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        )""",
    ]
    for sql in statements:
        db.execute(sql)


@MIGRATIONS(name="0002_task_clocks")
def m0002_task_clocks(db: Database) -> None:
    """Tasks remember what started them and the rule they follow, and how they closed."""
    for sql in (
        "ALTER TABLE task ADD COLUMN source_ref TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE task ADD COLUMN rule_text TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE task ADD COLUMN rules_version TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE task ADD COLUMN outcome TEXT CHECK (outcome IS NULL"
        " OR outcome = 'done' OR outcome = 'cancelled')",
        "UPDATE task SET outcome = 'done' WHERE done_on IS NOT NULL",
        # One open task per clock and cause: a repeated event can never duplicate it.
        "CREATE UNIQUE INDEX task_one_open ON task(link_id, rule, source_ref)"
        " WHERE done_on IS NULL",
    ):
        db.execute(sql)


# Later migrations are appended below, each with the next number; never edit one that
# has shipped.


@MIGRATIONS(name="0008_caseload_sort_indexes")
def m0008_caseload_sort_indexes(db: Database) -> None:
    """Open cases sorted by offender or next due date without a temporary sort."""
    db.execute("CREATE INDEX link_status_offender ON link(status, sort_offender)")
    db.execute("CREATE INDEX link_status_next_due ON link(status, next_due)")


@MIGRATIONS(name="0003_intake")
def m0003_intake(db: Database) -> None:
    """What a referral said (sentence, who the contact acts for) beside its case, and
    whether a manager overrode the eligibility the rules gave."""
    db.execute(
        f"""CREATE TABLE referral (
            link_id INTEGER PRIMARY KEY REFERENCES link(id),
            sentence_type TEXT,
            custody_months REAL CHECK (custody_months IS NULL OR custody_months >= 0),
            {_bool("serious_risk_agreed")},
            {_bool("eligibility_overridden")},
            acting_for TEXT NOT NULL DEFAULT '',
            relationship TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT ''
        )"""
    )
    # Duplicate checks look offenders up by prison number on every referral imported.
    db.execute("CREATE INDEX offender_nomis ON offender(nomis) WHERE nomis IS NOT NULL")
    # The dashboard reads (due date, task, case) of every open task due within a week.
    db.execute("CREATE INDEX task_open_due_link ON task(due_on, link_id) WHERE done_on IS NULL")


@MIGRATIONS(name="0006_letter_log")
def m0006_letter_log(db: Database) -> None:
    """The letter log: each letter keeps what it said (context and template version), the
    address it went to, the batch and task it came from, and an append-only list of steps
    (drafted, approved, printed...) with who and when. Template wording is kept per version
    so an old letter is always re-rendered with the words it was sent with.

    `letter` is rebuilt (nothing wrote to it before this) to add the "withdrawn" status.
    """
    events = ("drafted", "approved", "printed", "pdf_saved", "reprinted", "returned", "withdrawn")
    statuses = ("draft", "approved", "printed", "returned", "withdrawn")
    for sql in (
        f"""CREATE TABLE letter_batch (
            id INTEGER PRIMARY KEY,
            template TEXT NOT NULL,
            {_d("on_date", True)},
            letters INTEGER NOT NULL,
            blocked INTEGER NOT NULL,
            blocked_detail TEXT NOT NULL DEFAULT '[]',
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        f"""CREATE TABLE letter_new (
            id INTEGER PRIMARY KEY,
            link_id INTEGER NOT NULL REFERENCES link(id),
            template TEXT NOT NULL,
            template_version TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            {_choice("language", ("en", "cy"))},
            content_hash TEXT NOT NULL,
            {_choice("status", statuses, "draft")},
            pdf_path TEXT,
            recipient TEXT NOT NULL DEFAULT '',
            address_id INTEGER REFERENCES contact_detail(id),
            {_d("letter_date")},
            context TEXT NOT NULL DEFAULT '{{}}',
            batch_id INTEGER REFERENCES letter_batch(id),
            task_id INTEGER REFERENCES task(id),
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        "INSERT INTO letter_new (id, link_id, template, template_version, language,"
        " content_hash, status, pdf_path, created_by, created_at)"
        " SELECT id, link_id, template, template_version, language, content_hash, status,"
        " pdf_path, created_by, created_at FROM letter",
        "DROP TABLE letter",
        "ALTER TABLE letter_new RENAME TO letter",
        "CREATE INDEX letter_link ON letter(link_id)",
        "CREATE INDEX letter_batch_id ON letter(batch_id) WHERE batch_id IS NOT NULL",
        "CREATE INDEX letter_task ON letter(task_id) WHERE task_id IS NOT NULL",
        "CREATE INDEX letter_approved ON letter(id) WHERE status = 'approved'",
        f"""CREATE TABLE letter_event (
            id INTEGER PRIMARY KEY,
            letter_id INTEGER NOT NULL REFERENCES letter(id),
            {_choice("event", events)},
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            template_version TEXT NOT NULL DEFAULT '',
            pdf_path TEXT,
            detail TEXT NOT NULL DEFAULT ''
        )""",
        "CREATE INDEX letter_event_letter ON letter_event(letter_id)",
        """CREATE TRIGGER letter_event_no_update BEFORE UPDATE ON letter_event
           BEGIN SELECT RAISE(ABORT, 'the letter log is append-only'); END""",
        f"""CREATE TABLE letter_template (
            id INTEGER PRIMARY KEY,
            template TEXT NOT NULL,
            {_choice("language", ("en", "cy"))},
            version TEXT NOT NULL,
            base_source TEXT NOT NULL,
            body_source TEXT NOT NULL,
            {_choice("origin", ("standard", "edited"))},
            note TEXT NOT NULL DEFAULT '',
            saved_by TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            UNIQUE (template, language, version)
        )""",
    ):
        db.execute(sql)


@MIGRATIONS(name="0007_reliability")
def m0007_reliability(db: Database) -> None:
    """The audit viewer filters by user, action and period without reading the whole log."""
    db.execute("CREATE INDEX audit_who ON audit(who)")
    db.execute("CREATE INDEX audit_action ON audit(action)")
    db.execute("CREATE INDEX audit_at ON audit(at)")


@MIGRATIONS(name="0005_conditions_om")
def m0005_conditions_om(db: Database) -> None:
    """Licence-condition requests keep every step (dated, attributed), the OM they went to
    and any map; liaison notes know what waits for a reply, chases and answers; the OM
    directory holds work contact routes only, and a case's OM changes keep history."""
    steps = (
        "requested",
        "sent",
        "acknowledged",
        "decided",
        "victim_informed",
        "chased",
        "varied",
        "ended",
    )
    for sql in (
        "ALTER TABLE condition_request ADD COLUMN risk TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE condition_request ADD COLUMN field_values TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE condition_request ADD COLUMN map_path TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE condition_request ADD COLUMN om_name TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE condition_request ADD COLUMN om_team TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE condition_request ADD COLUMN licence_wording TEXT NOT NULL DEFAULT ''",
        f"ALTER TABLE condition_request ADD COLUMN {_d('varied_on')}",
        "CREATE INDEX condition_request_waiting ON condition_request(status)"
        " WHERE status = 'sent' OR status = 'acknowledged'",
        "CREATE INDEX condition_request_requested ON condition_request(requested_on)",
        f"""CREATE TABLE condition_event (
            id INTEGER PRIMARY KEY,
            condition_request_id INTEGER NOT NULL REFERENCES condition_request(id),
            link_id INTEGER NOT NULL REFERENCES link(id),
            {_choice("step", steps)},
            {_d("on_date", True)},
            note TEXT NOT NULL DEFAULT '',
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )""",
        "CREATE INDEX condition_event_request ON condition_event(condition_request_id)",
        "CREATE INDEX condition_event_link ON condition_event(link_id)",
        f"ALTER TABLE liaison_entry ADD COLUMN {_bool('awaiting_reply')}",
        f"ALTER TABLE liaison_entry ADD COLUMN {_bool('is_chase')}",
        f"ALTER TABLE liaison_entry ADD COLUMN {_bool('is_reply')}",
        f"ALTER TABLE liaison_entry ADD COLUMN {_d('answered_on')}",
        "ALTER TABLE liaison_entry ADD COLUMN answered_by INTEGER REFERENCES liaison_entry(id)",
        "ALTER TABLE liaison_entry ADD COLUMN chase_of INTEGER REFERENCES liaison_entry(id)",
        "CREATE INDEX liaison_entry_waiting ON liaison_entry(link_id, party)"
        " WHERE awaiting_reply = 1 AND answered_on IS NULL",
        "CREATE INDEX liaison_entry_request ON liaison_entry(condition_request_id)"
        " WHERE condition_request_id IS NOT NULL",
        "CREATE INDEX liaison_entry_chase_of ON liaison_entry(chase_of) WHERE chase_of IS NOT NULL",
        # The waiting-on-OM list's general questions, without scanning every case.
        "CREATE INDEX liaison_entry_questions ON liaison_entry(party) WHERE awaiting_reply = 1"
        " AND answered_on IS NULL AND condition_request_id IS NULL AND is_chase = 0",
        f"""CREATE TABLE om (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL CHECK (length(name) > 0),
            team TEXT NOT NULL DEFAULT '',
            email TEXT NOT NULL DEFAULT '',
            phone TEXT NOT NULL DEFAULT '',
            name_key TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            {_bool("archived")}
        )""",
        f"""CREATE TABLE case_om (
            id INTEGER PRIMARY KEY,
            link_id INTEGER NOT NULL REFERENCES link(id),
            om_name TEXT NOT NULL,
            om_team TEXT NOT NULL DEFAULT '',
            {_d("from_on")},
            {_d("to_on")},
            reason TEXT NOT NULL DEFAULT '',
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )""",
        "CREATE INDEX case_om_link ON case_om(link_id)",
        # All cases of one OM, and the directory's list of OM names on cases (covering).
        "CREATE INDEX link_om ON link(om_name, om_team, status)",
    ):
        db.execute(sql)


@MIGRATIONS(name="0004_sentences")
def m0004_sentences(db: Database) -> None:
    """Sentences keep their history (a correction supersedes); key dates say where they
    came from and which bulk batch brought them; events through the sentence (parole,
    HDC, release, recall, hospital moves) are kept per offender."""
    offence_classes = OFFENCE_CLASSES_0004
    event_kinds = (
        "parole_review_start",
        "parole_hearing",
        "parole_decision",
        "hdc_eligibility",
        "rotl",
        "open_conditions",
        "release",
        "recall",
        "licence_end",
        "hospital_leave",
        "hospital_transfer",
        "hospital_discharge",
    )
    for sql in (
        f"ALTER TABLE sentence ADD COLUMN {_choice('offence_class', offence_classes, 'unknown')}",
        "ALTER TABLE sentence ADD COLUMN superseded_by INTEGER REFERENCES sentence(id)",
        f"""CREATE TABLE date_batch (
            id INTEGER PRIMARY KEY,
            file_name TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            row_count INTEGER NOT NULL CHECK (row_count >= 0),
            changes INTEGER NOT NULL CHECK (changes >= 0),
            cases INTEGER NOT NULL CHECK (cases >= 0),
            open_cases INTEGER NOT NULL CHECK (open_cases >= 0),
            tasks INTEGER NOT NULL CHECK (tasks >= 0),
            {_bool("second_confirmation")},
            created_by TEXT NOT NULL,
            created_at TEXT NOT NULL
        )""",
        "ALTER TABLE key_date ADD COLUMN origin TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE key_date ADD COLUMN batch_id INTEGER REFERENCES date_batch(id)",
        "CREATE INDEX key_date_batch ON key_date(batch_id) WHERE batch_id IS NOT NULL",
        f"""CREATE TABLE sentence_event (
            id INTEGER PRIMARY KEY,
            offender_id INTEGER NOT NULL REFERENCES offender(id),
            {_choice("kind", event_kinds)},
            {_d("event_on", True)},
            {_d("notified_on", True)},
            detail TEXT NOT NULL DEFAULT '',
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )""",
        "CREATE INDEX sentence_event_offender ON sentence_event(offender_id, event_on)",
    ):
        db.execute(sql)


@MIGRATIONS(name="0009_report_indexes")
def m0009_report_indexes(db: Database) -> None:
    """The management report counts questions to OMs past their follow-up date without
    reading a million liaison notes."""
    db.execute(
        "CREATE INDEX liaison_entry_om_follow_up ON liaison_entry(follow_up_due)"
        " WHERE party = 'om' AND direction = 'to' AND awaiting_reply = 1 AND is_chase = 0"
    )


@MIGRATIONS(name="0013_undo")
def m0013_undo(db: Database) -> None:
    """Undo withdraws rather than deletes: a withdrawn liaison note stays on file (it is
    evidence) but leaves the log; a withdrawn key date is superseded by itself, so every
    query for the current date already leaves it out."""
    for table in ("liaison_entry", "key_date"):
        db.execute(f"ALTER TABLE {table} ADD COLUMN withdrawn_at TEXT")
        db.execute(f"ALTER TABLE {table} ADD COLUMN withdrawn_by TEXT")


@MIGRATIONS(name="0011_accounts")
def m0011_accounts(db: Database) -> None:
    """Staff who sign in: a scrypt hash with its own salt and cost parameters (never the
    password), the role, and whether the account may still sign in."""
    db.execute(
        f"""CREATE TABLE account (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE CHECK (length(username) > 0),
            display_name TEXT NOT NULL CHECK (length(display_name) > 0),
            {_choice("role", ("vlo", "senior", "admin"), "vlo")},
            password_salt BLOB NOT NULL CHECK (length(password_salt) >= 16),
            password_hash BLOB NOT NULL CHECK (length(password_hash) >= 32),
            scrypt_n INTEGER NOT NULL CHECK (scrypt_n >= 16384),
            scrypt_r INTEGER NOT NULL CHECK (scrypt_r >= 8),
            scrypt_p INTEGER NOT NULL CHECK (scrypt_p >= 1),
            {_bool("active", 1)},
            created_at TEXT NOT NULL,
            last_sign_in TEXT
        )"""
    )


@MIGRATIONS(name="0010_search_notes")
def m0010_search_notes(db: Database) -> None:
    """Search finds a case by what its liaison notes say as well as by names and
    references: the case's notes become a third column of `case_search` (one row per
    case, so a common word matches cases, not a million notes). FTS5 cannot add a
    column, so the table is made again and filled from the tables.

    Also `link_open_vlo`: open cases with their VLO in a small index, so the dashboard
    counts tasks due without reading the wide link rows."""
    db.execute("DROP TABLE case_search")
    db.execute(
        """CREATE VIRTUAL TABLE case_search USING fts5(
            names, refs, notes, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3'
        )"""
    )
    db.execute(
        "INSERT INTO case_search (rowid, names, refs, notes) "
        "SELECT l.id, v.given_name || ' ' || v.family_name || ' ' || o.given_name || ' '"
        " || o.family_name, l.ref || ' ' || COALESCE(o.crn, '') || ' ' || COALESCE(o.nomis, ''),"
        " (SELECT group_concat(e.summary, ' ') FROM liaison_entry e WHERE e.link_id = l.id)"
        " FROM link l JOIN victim v ON v.id = l.victim_id JOIN offender o ON o.id = l.offender_id"
    )
    db.execute("CREATE INDEX link_open_vlo ON link(id, vlo) WHERE status = 'open'")


@MIGRATIONS(name="0012_retention")
def m0012_retention(db: Database) -> None:
    """Every foreign key column indexed: erasing a case checks each reference to every
    row it deletes, and one unindexed column (a note answering another) meant reading a
    million notes per deleted note (200 cases at 100k victims: 270 s, now 3 s)."""
    for table, column in (
        ("liaison_entry", "answered_by"),
        ("key_date", "superseded_by"),
        ("sentence", "superseded_by"),
        ("letter", "address_id"),
    ):
        db.execute(f"CREATE INDEX {table}_{column} ON {table}({column}) WHERE {column} IS NOT NULL")


def _rebuild_with(db: Database, table: str, old: str, new: str) -> None:
    """Make `table` again with `old` replaced by `new` in its CREATE statement (SQLite
    cannot change a CHECK in place): copy the rows, swap the tables, and recreate its
    indexes and triggers. Call with foreign keys off, inside a transaction (SQLite's
    documented procedure for other kinds of table schema change)."""
    (create,) = db.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]
    ).fetchone()
    if old not in create:
        raise ValueError(f"{table}: the schema is not the one this migration expects")
    extras = [
        sql
        for (sql,) in db.execute(
            "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger')"
            " AND sql IS NOT NULL",
            [table],
        )
    ]
    body = create.replace(old, new).partition("(")[2]
    db.execute(f"CREATE TABLE {table}_rebuilt ({body}")
    db.execute(f"INSERT INTO {table}_rebuilt SELECT * FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
    for sql in extras:
        db.execute(sql)


@MIGRATIONS(name="0023_sentence_release_facts", transactional=False)
def m0023_sentence_release_facts(db: Database) -> None:
    """What the release regime depends on: the offence date (CJA 1991 or 2003, licences
    for short terms), terms in weeks and days, the fine behind a default term, and whether
    the offence is on the progression model's exclusion list; offence types for national
    security, murder and the offences excluded from 40% release on 16 December 2024.

    The offence-type CHECK changes, so the table is rebuilt as SQLite documents it: foreign
    keys off (a sentence refers to the one it corrects), everything in one transaction,
    `foreign_key_check` before the commit. Foreign keys cannot be switched inside a
    transaction, so sqlite-utils runs this one outside its own; it is idempotent, so an
    interruption between the commit and sqlite-utils recording it only repeats a no-op."""
    earlier = OFFENCE_CLASSES_0004
    offence_classes = (*earlier, "murder", "excluded_from_dec_2024", "national_security")
    if db.conn.in_transaction:
        raise RuntimeError("migration 0023 must start outside a transaction")
    columns = {column.name for column in db["sentence"].columns}
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        with db.atomic():
            if "offence_date" not in columns:
                for sql in (
                    f"ALTER TABLE sentence ADD COLUMN {_d('offence_date')}",
                    "ALTER TABLE sentence ADD COLUMN length_weeks INTEGER"
                    " CHECK (length_weeks IS NULL OR length_weeks >= 0)",
                    "ALTER TABLE sentence ADD COLUMN length_days INTEGER"
                    " CHECK (length_days IS NULL OR length_days >= 0)",
                    "ALTER TABLE sentence ADD COLUMN fine_amount INTEGER"
                    " CHECK (fine_amount IS NULL OR fine_amount >= 0)",
                    f"ALTER TABLE sentence ADD COLUMN {_bool('progression_excluded')}",
                ):
                    db.execute(sql)
            old = _choice("offence_class", earlier, "unknown")
            (create,) = db.execute(
                "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'sentence'"
            ).fetchone()
            if old in create:
                _rebuild_with(
                    db, "sentence", old, _choice("offence_class", offence_classes, "unknown")
                )
            problems = db.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise ValueError(f"foreign keys broken by the rebuild: {problems[:3]}")
    finally:
        db.execute("PRAGMA foreign_keys = ON")


@MIGRATIONS(name="0026_print_jobs")
def m0026_print_jobs(db: Database) -> None:
    """ "Printed" means it printed: each print of a letter keeps the printer and the print
    system's job id, and the job's last known state. A first print that the printer has
    not finished yet does not count as sent (no contact, the task stays open) until the
    job completes; a job cancelled or aborted is logged as "not printed".

    `letter_event` is rebuilt (SQLite cannot change a CHECK) to allow "not_printed"; its
    rows, ids and append-only trigger are kept.
    """
    events = (
        "drafted",
        "approved",
        "printed",
        "pdf_saved",
        "reprinted",
        "returned",
        "withdrawn",
        "not_printed",
    )
    states = (
        "pending",
        "held",
        "processing",
        "stopped",
        "canceled",
        "aborted",
        "completed",
        "refused",
        "unknown",
    )
    for sql in (
        "DROP TRIGGER letter_event_no_update",
        f"""CREATE TABLE letter_event_new (
            id INTEGER PRIMARY KEY,
            letter_id INTEGER NOT NULL REFERENCES letter(id),
            {_choice("event", events)},
            at TEXT NOT NULL,
            who TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            template_version TEXT NOT NULL DEFAULT '',
            pdf_path TEXT,
            detail TEXT NOT NULL DEFAULT ''
        )""",
        "INSERT INTO letter_event_new SELECT id, letter_id, event, at, who, content_hash,"
        " template_version, pdf_path, detail FROM letter_event",
        "DROP TABLE letter_event",
        "ALTER TABLE letter_event_new RENAME TO letter_event",
        "CREATE INDEX letter_event_letter ON letter_event(letter_id)",
        """CREATE TRIGGER letter_event_no_update BEFORE UPDATE ON letter_event
           BEGIN SELECT RAISE(ABORT, 'the letter log is append-only'); END""",
        f"""CREATE TABLE print_job (
            id INTEGER PRIMARY KEY,
            letter_id INTEGER NOT NULL REFERENCES letter(id),
            printer TEXT NOT NULL,
            job_id INTEGER,
            {_choice("state", states)},
            {_bool("sends")},
            {_d("on_date", True)},
            submitted_by TEXT NOT NULL,
            submitted_at TEXT NOT NULL,
            settled_at TEXT
        )""",
        "CREATE INDEX print_job_letter ON print_job(letter_id)",
        "CREATE INDEX print_job_unsettled ON print_job(id) WHERE settled_at IS NULL",
    ):
        db.execute(sql)


@MIGRATIONS(name="0024_case_history")
def m0024_case_history(db: Database) -> None:
    """The dated changes of what a report counts a case by (open or closed, the contact
    level, its VLO and OM team), so a period's figures are as they stood at its end, not
    as the case is on the day the report is run. A case changed before this migration has
    no rows: its values now stand for every period."""
    fields = ("status", "contact_level", "vlo", "om_team")
    db.execute(
        f"""CREATE TABLE case_history (
            id INTEGER PRIMARY KEY,
            link_id INTEGER NOT NULL REFERENCES link(id),
            {_choice("field", fields)},
            old TEXT NOT NULL,
            new TEXT NOT NULL,
            {_d("on_date", True)},
            recorded_by TEXT NOT NULL,
            recorded_at TEXT NOT NULL
        )"""
    )
    db.execute("CREATE INDEX case_history_link ON case_history(link_id, field, on_date)")


@MIGRATIONS(name="0025_report_as_at_end_indexes")
def m0025_report_as_at_end_indexes(db: Database) -> None:
    """The report reads each case's opt-in step as at the end of a period (one seek in a
    covering index instead of sorting the case's history), finds the offers and answers
    of a period, and the cases changed after it, without reading all of them, and the
    referrals of a period by date."""
    db.execute("DROP INDEX opt_history_link")  # a prefix of the next one
    db.execute("CREATE INDEX opt_history_link_date ON opt_history(link_id, on_date, id, state)")
    db.execute("CREATE INDEX opt_history_date_state ON opt_history(on_date, state)")
    db.execute(
        "CREATE INDEX task_offer_done ON task(done_on)"
        " WHERE rule = 'referral_to_offer' AND outcome = 'done'"
    )
    db.execute("CREATE INDEX link_referral_date ON link(referral_date)")


# Tables whose rows carry a keyed seal (see storage/seal.py, which lists their columns).
SEALED_TABLES = ("victim", "contact_detail", "key_date", "link", "account", "setting")


@MIGRATIONS(name="0015_audit_keyed")
def m0015_audit_keyed(db: Database) -> None:
    """The audit trail becomes keyed and erasable, and the rows that matter most are sealed.

    Each audit row's detail enters the chain as a salted digest (`detail_digest`), so a
    purge can blank an erased case's details (detail and salt) while the chain still
    verifies: the append-only trigger now allows exactly that update and nothing else
    (and, once, filling the digest of a row written before this migration). Sealed tables
    get a `seal` column (a keyed MAC of the row), `table_seal` a keyed fold per table, and
    `erased_row` remembers which rows a purge erased (ids only), so `check` can tell an
    erasure from tampering and backups holding erased cases can be found. The key is not
    in the file: the first open after this migration seals the file (storage/integrity.py).
    """
    for table in SEALED_TABLES:
        db.execute(f"ALTER TABLE {table} ADD COLUMN seal TEXT")
    for sql in (
        "ALTER TABLE audit ADD COLUMN detail_salt BLOB",
        "ALTER TABLE audit ADD COLUMN detail_digest TEXT",
        "DROP TRIGGER audit_no_update",
        """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
           WHEN OLD.detail_digest IS NOT NULL AND NOT (
               NEW.id IS OLD.id AND NEW.at IS OLD.at AND NEW.who IS OLD.who
               AND NEW.action IS OLD.action AND NEW.entity IS OLD.entity
               AND NEW.entity_id IS OLD.entity_id AND NEW.link_id IS OLD.link_id
               AND NEW.prev_hash IS OLD.prev_hash AND NEW.hash IS OLD.hash
               AND NEW.detail_digest IS OLD.detail_digest
               AND NEW.detail = '' AND NEW.detail_salt IS NULL)
           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
        """CREATE TABLE table_seal (
            tbl TEXT PRIMARY KEY,
            state TEXT NOT NULL
        )""",
        """CREATE TABLE erased_row (
            id INTEGER PRIMARY KEY,
            tbl TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            created_at TEXT,
            purge_id INTEGER NOT NULL,
            seal TEXT
        )""",
        "CREATE INDEX erased_row_key ON erased_row(tbl, row_id)",
    ):
        db.execute(sql)


@MIGRATIONS(name="0016_sign_in_throttle")
def m0016_sign_in_throttle(db: Database) -> None:
    """Wrong passwords in a row per username, kept in the file so that restarting the app
    does not reset the wait; the username is kept only as a keyed hash (it may be a
    password typed into the wrong box)."""
    db.execute(
        """CREATE TABLE sign_in_throttle (
            name_key TEXT PRIMARY KEY,
            failures INTEGER NOT NULL CHECK (failures >= 0),
            last_failed_at TEXT NOT NULL
        )"""
    )


@MIGRATIONS(name="0018_template_approval")
def m0018_template_approval(db: Database) -> None:
    """Edited letter wording waits for a second senior VLO's approval before any letter
    uses it (a wording could hide text from its author's preview with a condition on the
    invented case). Versions kept before this were in use already: approved."""
    db.execute(
        "ALTER TABLE letter_template ADD COLUMN "
        + _choice("status", ("pending", "approved"), "approved")
    )
    db.execute("ALTER TABLE letter_template ADD COLUMN approved_by TEXT")
    db.execute("ALTER TABLE letter_template ADD COLUMN approved_at TEXT")


@MIGRATIONS(name="0020_task_outcome_note")
def m0020_task_outcome_note(db: Database) -> None:
    """What came of a task marked done by hand, in the VLO's words (one line, optional)."""
    db.execute("ALTER TABLE task ADD COLUMN outcome_note TEXT NOT NULL DEFAULT ''")


# The caseload's sortable columns (storage/repo_caseload.SORTS) and the expression the
# next-due column sorts by: cases with nothing due come last.
NEXT_DUE_KEY = "ifnull(next_due, '9999-12-31')"
_SORT_COLUMNS_0028 = {
    "offence": "offence",
    "opt": "opt_state",
    "level": "contact_level",
    "vlo": "vlo",
    "due": NEXT_DUE_KEY,
}


@MIGRATIONS(name="0028_caseload_paging")
def m0028_caseload_paging(db: Database) -> None:
    """The caseload is read a page at a time in index order, so every sortable column has
    an index in both the orders it is read in: within one status (with the case id as the
    last key, implicitly) and across all of them.

    Counts the window shows after every change are kept by triggers instead of being
    counted again (at a million cases each COUNT took tens of milliseconds): cases per
    status and VLO (`case_tally`), victims (`victim_tally`), and open tasks of open cases
    per due date and VLO (`due_tally`, the dashboard's figures)."""
    statements = ["CREATE INDEX link_status ON link(status)"]
    for name, column in _SORT_COLUMNS_0028.items():
        statements += [
            f"CREATE INDEX link_status_{name}_sort ON link(status, {column})",
            f"CREATE INDEX link_{name}_sort ON link({column})",
        ]
    statements += [
        """CREATE TABLE case_tally (
            status TEXT NOT NULL, vlo TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (status, vlo)
        ) WITHOUT ROWID""",
        "INSERT INTO case_tally SELECT status, vlo, count(*) FROM link GROUP BY status, vlo",
        """CREATE TRIGGER case_tally_insert AFTER INSERT ON link BEGIN
            INSERT INTO case_tally VALUES (new.status, new.vlo, 1)
            ON CONFLICT (status, vlo) DO UPDATE SET n = n + 1;
        END""",
        """CREATE TRIGGER case_tally_delete AFTER DELETE ON link BEGIN
            UPDATE case_tally SET n = n - 1 WHERE status = old.status AND vlo = old.vlo;
        END""",
        """CREATE TRIGGER case_tally_update AFTER UPDATE OF status, vlo ON link
        WHEN old.status IS NOT new.status OR old.vlo IS NOT new.vlo BEGIN
            UPDATE case_tally SET n = n - 1 WHERE status = old.status AND vlo = old.vlo;
            INSERT INTO case_tally VALUES (new.status, new.vlo, 1)
            ON CONFLICT (status, vlo) DO UPDATE SET n = n + 1;
        END""",
        "CREATE TABLE victim_tally (id INTEGER PRIMARY KEY CHECK (id = 1), n INTEGER NOT NULL)",
        "INSERT INTO victim_tally SELECT 1, count(*) FROM victim",
        """CREATE TRIGGER victim_tally_insert AFTER INSERT ON victim BEGIN
            UPDATE victim_tally SET n = n + 1;
        END""",
        """CREATE TRIGGER victim_tally_delete AFTER DELETE ON victim BEGIN
            UPDATE victim_tally SET n = n - 1;
        END""",
        """CREATE TABLE due_tally (
            due_on TEXT NOT NULL, vlo TEXT NOT NULL, n INTEGER NOT NULL,
            PRIMARY KEY (due_on, vlo)
        ) WITHOUT ROWID""",
        """INSERT INTO due_tally SELECT t.due_on, l.vlo, count(*) FROM task t
           JOIN link l ON l.id = t.link_id
           WHERE t.done_on IS NULL AND l.status = 'open' GROUP BY t.due_on, l.vlo""",
        # A task counts while it is open and its case is open.
        """CREATE TRIGGER due_tally_task_insert AFTER INSERT ON task
        WHEN new.done_on IS NULL BEGIN
            INSERT INTO due_tally SELECT new.due_on, l.vlo, 1 FROM link l
            WHERE l.id = new.link_id AND l.status = 'open'
            ON CONFLICT (due_on, vlo) DO UPDATE SET n = n + 1;
        END""",
        """CREATE TRIGGER due_tally_task_delete AFTER DELETE ON task
        WHEN old.done_on IS NULL BEGIN
            UPDATE due_tally SET n = n - 1 WHERE due_on = old.due_on AND vlo =
            (SELECT l.vlo FROM link l WHERE l.id = old.link_id AND l.status = 'open');
        END""",
        """CREATE TRIGGER due_tally_task_update AFTER UPDATE OF done_on, due_on, link_id ON task
        BEGIN
            UPDATE due_tally SET n = n - 1 WHERE old.done_on IS NULL
            AND due_on = old.due_on AND vlo =
            (SELECT l.vlo FROM link l WHERE l.id = old.link_id AND l.status = 'open');
            INSERT INTO due_tally SELECT new.due_on, l.vlo, 1 FROM link l
            WHERE new.done_on IS NULL AND l.id = new.link_id AND l.status = 'open'
            ON CONFLICT (due_on, vlo) DO UPDATE SET n = n + 1;
        END""",
        """CREATE TRIGGER due_tally_link_update AFTER UPDATE OF status, vlo ON link
        WHEN (old.status IS NOT new.status OR old.vlo IS NOT new.vlo)
        AND (old.status = 'open' OR new.status = 'open') BEGIN
            UPDATE due_tally SET n = n - (SELECT count(*) FROM task t WHERE t.link_id = old.id
                AND t.done_on IS NULL AND t.due_on = due_tally.due_on)
            WHERE old.status = 'open' AND vlo = old.vlo AND due_on IN
                (SELECT t.due_on FROM task t WHERE t.link_id = old.id AND t.done_on IS NULL);
            INSERT INTO due_tally SELECT t.due_on, new.vlo, count(*) FROM task t
            WHERE new.status = 'open' AND t.link_id = new.id AND t.done_on IS NULL
            GROUP BY t.due_on
            ON CONFLICT (due_on, vlo) DO UPDATE SET n = n + excluded.n;
        END""",
    ]
    for sql in statements:
        db.execute(sql)


# What `case_search` and `case_names` hold for each case (one row per case, rowid = its
# id). Tags are words no one can type (they start with a private-use character, which
# the search's own words never contain): the case's status and VLO, so a count of the
# cases a search finds is one full-text query. Kept in step by repo_cases.refresh_search.
TAG = "\ue000"
SEARCH_NAMES = "v.given_name || ' ' || v.family_name || ' ' || o.given_name || ' ' || o.family_name"
SEARCH_REFS = "l.ref || ' ' || COALESCE(o.crn, '') || ' ' || COALESCE(o.nomis, '')"
SEARCH_PEOPLE = "v.guardian_name || ' ' || COALESCE(r.acting_for, '') || ' ' || l.om_name"
SEARCH_CONTACT = (
    "COALESCE((SELECT group_concat(vcs_contact_words(c.kind, c.value), ' ')"
    " FROM contact_detail c WHERE c.victim_id = v.id), '')"
)
SEARCH_NOTES = (
    "COALESCE((SELECT group_concat(e.summary, ' ') FROM liaison_entry e"
    " WHERE e.link_id = l.id AND e.withdrawn_at IS NULL), '')"
)
SEARCH_TAGS = f"'{TAG}s' || l.status || ' {TAG}v' || lower(hex(l.vlo))"
SEARCH_FROM = (
    " FROM link l JOIN victim v ON v.id = l.victim_id JOIN offender o ON o.id = l.offender_id"
    " LEFT JOIN referral r ON r.link_id = l.id"
)
_FTS_OPTIONS = "tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3', detail = column"


@MIGRATIONS(name="0029_search_what_callers_say")
def m0029_search_what_callers_say(db: Database) -> None:
    """Search finds what a caller says: the parent or guardian, the person acted for, the
    OM, a phone number and a postcode; one letter is enough (a prefix index of 1, 2 and 3
    letters, so "s" reads one list instead of thousands).

    Two full-text tables, one row per case: `case_names` (names, references, people,
    contact words) ranks a case first; `case_search` adds the liaison notes and finds
    every case. Both carry tags (status, VLO) so a search's exact count is one query.
    Column detail only (no word positions): the caseload searches words, not phrases,
    and the index is half the size."""
    db.execute("DROP TABLE IF EXISTS case_search")
    common = "names, refs, people, contact"
    db.execute(f"CREATE VIRTUAL TABLE case_names USING fts5({common}, tags, {_FTS_OPTIONS})")
    db.execute(
        f"CREATE VIRTUAL TABLE case_search USING fts5({common}, notes, tags, {_FTS_OPTIONS})"
    )
    values = f"{SEARCH_NAMES}, {SEARCH_REFS}, {SEARCH_PEOPLE}, {SEARCH_CONTACT}"
    db.execute(
        f"INSERT INTO case_names (rowid, {common}, tags)"
        f" SELECT l.id, {values}, {SEARCH_TAGS}{SEARCH_FROM}"
    )
    db.execute(
        f"INSERT INTO case_search (rowid, {common}, notes, tags)"
        f" SELECT l.id, {values}, {SEARCH_NOTES}, {SEARCH_TAGS}{SEARCH_FROM}"
    )
    for table in ("case_names", "case_search"):
        db.execute(f"INSERT INTO {table} ({table}) VALUES ('optimize')")


SCHEMA_VERSION = len(MIGRATIONS._migrations)


def migrate(db: Database) -> int:
    """Apply pending migrations; returns the schema version now in the file."""
    MIGRATIONS.apply(db)
    applied = len(MIGRATIONS.applied(db))
    db.execute(f"PRAGMA user_version = {int(applied)}")
    return applied
