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

SCHEMA_VERSION = len(MIGRATIONS._migrations)


def migrate(db: Database) -> int:
    """Apply pending migrations; returns the schema version now in the file."""
    MIGRATIONS.apply(db)
    applied = len(MIGRATIONS.applied(db))
    db.execute(f"PRAGMA user_version = {int(applied)}")
    return applied
