"""Issue 16 §1: tampering with a demo file by plain `sqlite3`, as someone who can write the
file but holds no key, is named by `check` in one line (a real `python main.py` each)."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from cli_run import data_folder_with_key, run_main

from vcs_app.services import cases
from vcs_app.services.workspace import open_workspace
from vcs_app.storage.db import StoreError

PLANTED = (
    "CREATE TRIGGER postable AFTER INSERT ON contact_detail BEGIN"
    " UPDATE contact_detail SET do_not_post = 0, safe_to_use = 1 WHERE id = NEW.id; END"
)


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    made = run_main("demo", "--db", str(path), "--victims", "60", "--on", "2026-11-26")
    assert made.returncode == 0, made.stderr
    return path


@pytest.fixture
def office(tmp_path, demo) -> tuple[Path, dict]:
    """A copy of the demo file and a data folder of its own holding the same key and
    anchor (copies share the file's id, so each test keeps its anchors apart)."""
    path = tmp_path / "caseload.db"
    shutil.copyfile(demo, path)
    return path, {"XDG_DATA_HOME": str(data_folder_with_key(tmp_path / "data"))}


def check(path: Path, env: dict) -> tuple[int, str]:
    done = run_main("check", "--db", str(path), env=env)
    assert "Traceback" not in done.stderr
    lines = done.stdout.strip().splitlines()
    assert len(lines) == 1, done.stdout + done.stderr
    return done.returncode, lines[0]


def tamper(path: Path, *statements: str) -> None:
    conn = sqlite3.connect(path)
    with conn:
        for sql in statements:
            conn.execute(sql)
    conn.close()


def _unkeyed_chain(conn: sqlite3.Connection) -> None:
    """What the old, keyless check accepted: every hash recomputed with SHA-256."""
    prev = "0" * 64
    rows = conn.execute(
        "SELECT id, at, who, action, entity, entity_id, link_id, detail, detail_salt"
        " FROM audit ORDER BY id"
    ).fetchall()
    for rid, at, who, action, entity, entity_id, link_id, detail, salt in rows:
        digest = hashlib.sha256(bytes(salt) + detail.encode()).hexdigest()
        row = {
            "id": rid,
            "at": at,
            "who": who,
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "link_id": link_id,
            "detail": digest,
        }
        payload = json.dumps(row, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
        mac = hashlib.sha256((prev + payload).encode()).hexdigest()
        conn.execute(
            "UPDATE audit SET detail_digest = ?, prev_hash = ?, hash = ? WHERE id = ?",
            [digest, prev, mac, rid],
        )
        prev = mac


def test_the_untouched_demo_file_checks_ok(office):
    path, env = office
    assert check(path, env) == (0, "ok")


def test_cutting_the_last_audit_rows_is_detected_against_the_anchor(office):
    path, env = office
    tamper(
        path,
        "DROP TRIGGER audit_no_delete",
        "DELETE FROM audit WHERE id > (SELECT max(id) - 1 FROM audit)",
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit\n"
        "           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    )
    code, line = check(path, env)
    assert code == 1
    assert "rows were cut off its end, or the file was replaced by an older copy" in line


def test_a_rewritten_row_with_every_hash_recomputed_without_the_key_is_detected(office):
    path, env = office
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("UPDATE audit SET who = 'someone.else' WHERE id = 1")
        _unkeyed_chain(conn)
    conn.close()
    code, line = check(path, env)
    assert code == 1
    # the dropped trigger is named first (the structure is checked before anything)
    assert line.startswith("problem: ") and "'audit_no_update' was dropped" in line


def test_a_recomputed_chain_is_detected_even_with_the_trigger_put_back(office):
    path, env = office
    conn = sqlite3.connect(path)
    (trigger,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE name = 'audit_no_update'"
    ).fetchone()
    with conn:
        conn.execute("DROP TRIGGER audit_no_update")
        conn.execute("UPDATE audit SET who = 'someone.else' WHERE id = 1")
        _unkeyed_chain(conn)
        conn.execute(trigger)
    conn.close()
    code, line = check(path, env)
    assert code == 1
    assert line.startswith("problem: audit log chain broken at row 1 (it does not match its MAC)")


def test_a_forged_row_appended_as_another_user_is_detected(office):
    path, env = office
    conn = sqlite3.connect(path)
    last = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    with conn:
        conn.execute(
            "INSERT INTO audit (id, at, who, action, entity, detail, detail_salt,"
            " detail_digest, prev_hash, hash) VALUES (?, '2026-12-07T10:00:00+00:00',"
            " 'boss.admin', 'view', 'link', '', x'00', ?, ?, ?)",
            [last[0] + 1, hashlib.sha256(b"\0").hexdigest(), last[1], "f" * 64],
        )
    conn.close()
    assert check(path, env) == (
        1,
        f"problem: audit log chain broken at row {last[0] + 1} (it does not match its MAC)",
    )


@pytest.mark.parametrize("trigger", ["audit_no_update", "audit_no_delete"])
def test_dropping_an_append_only_trigger_is_named(office, trigger):
    path, env = office
    tamper(path, f"DROP TRIGGER {trigger}")
    assert check(path, env) == (
        1,
        f"problem: {path}: the trigger '{trigger}' was dropped from the file outside VCS"
        " Desk; restore a verified backup.",
    )


def test_a_planted_trigger_is_named_and_the_file_refused(office):
    path, env = office
    tamper(path, PLANTED)
    code, line = check(path, env)
    assert code == 1
    assert "a trigger 'postable' was added to the file outside VCS Desk" in line
    refused = run_main("due", "--db", str(path), env=env)
    assert refused.returncode == 1
    assert "a trigger 'postable' was added" in refused.stderr


@pytest.mark.parametrize(
    ("edit", "named"),
    [
        ("UPDATE victim SET family_name = 'Changed' WHERE id = 3", "victim row(s) 3 changed"),
        (
            "UPDATE contact_detail SET do_not_post = 0, safe_to_use = 1 WHERE do_not_post = 1",
            "contact_detail row(s) ",
        ),
        ("UPDATE key_date SET value = '2027-01-01' WHERE id = 1", "key_date row(s) 1 changed"),
        ("UPDATE link SET contact_level = 'none' WHERE id = 4", "link row(s) 4 changed"),
        (
            "UPDATE setting SET value = 'anyone' WHERE key = 'file_id'",
            "setting row(s)",
        ),
        ("DELETE FROM contact_detail WHERE id = 5", "contact_detail: rows were deleted"),
    ],
    ids=["victim", "safety marker", "key date", "case", "setting", "deleted contact"],
)
def test_a_change_made_outside_the_app_is_named(office, edit, named):
    path, env = office
    tamper(path, edit)
    code, line = check(path, env)
    assert code == 1 and named in line, line


def test_an_old_row_put_back_with_its_old_seal_is_detected(office, tmp_path, monkeypatch):
    """Replay: a safety marker set through the app, then the row as it was before (with
    its then valid seal, and its table's then valid seal) copied back from an older copy."""
    path, env = office
    older = tmp_path / "older.db"
    shutil.copyfile(path, older)
    monkeypatch.setenv("XDG_DATA_HOME", env["XDG_DATA_HOME"])
    ws = open_workspace(path, user="a.vlo")
    detail = cases.get_contact_detail(ws, 2) if hasattr(cases, "get_contact_detail") else None
    if detail is None:
        from vcs_app.storage import repo_cases

        detail = repo_cases.get_contact_detail(ws.store.db, 2)
    cases.update_contact_detail(ws, replace(detail, do_not_post=not detail.do_not_post))
    ws.close()
    conn = sqlite3.connect(older)
    flag, seal = conn.execute(
        "SELECT do_not_post, seal FROM contact_detail WHERE id = 2"
    ).fetchone()
    (state,) = conn.execute("SELECT state FROM table_seal WHERE tbl = 'contact_detail'").fetchone()
    conn.close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(
            "UPDATE contact_detail SET do_not_post = ?, seal = ? WHERE id = 2", [flag, seal]
        )
        conn.execute("UPDATE table_seal SET state = ? WHERE tbl = 'contact_detail'", [state])
    conn.close()
    assert check(path, env) == (
        1,
        "problem: contact_detail: rows were put back or deleted outside VCS Desk since the"
        " last audited change made on this computer",
    )


def test_rolling_the_whole_file_back_is_detected(office, tmp_path):
    path, env = office
    older = tmp_path / "older.db"
    shutil.copyfile(path, older)
    moved = run_main("due", "--db", str(path), env=env)  # any use writes audit rows
    assert moved.returncode == 0, moved.stderr
    done = run_main("backup", "--db", str(path), "--to", str(tmp_path / "b"), env=env)
    assert done.returncode == 0, done.stderr
    shutil.copyfile(older, path)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    code, line = check(path, env)
    assert code == 1
    assert "was seen at row" in line and "replaced by an older copy" in line


def test_without_the_key_check_cannot_verify(office, tmp_path):
    path, _ = office
    code, line = check(path, {"XDG_DATA_HOME": str(tmp_path / "elsewhere")})
    assert code == 1
    assert "cannot verify its audit trail: key missing" in line


def test_a_restore_through_the_app_moves_the_anchor_and_is_recorded(office, tmp_path):
    path, env = office
    folder = tmp_path / "b"
    assert run_main("backup", "--db", str(path), "--to", str(folder), env=env).returncode == 0
    (older,) = folder.glob("*.db")
    moved = run_main("due", "--db", str(path), env=env)
    assert moved.returncode == 0
    with sqlite3.connect(path) as conn:
        head = conn.execute("SELECT id, hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
    done = run_main("restore", "--db", str(path), "--from", str(older), env=env)
    assert done.returncode == 0, done.stderr
    assert check(path, env) == (0, "ok")
    with sqlite3.connect(path) as conn:
        action, detail = conn.execute(
            "SELECT action, detail FROM audit ORDER BY id DESC LIMIT 1"
        ).fetchone()
    assert action == "restore" and json.loads(detail)["replaced_head"] == list(head)


def test_a_backup_whose_trail_was_cut_is_not_restored(office, tmp_path):
    path, env = office
    folder = tmp_path / "b"
    assert run_main("backup", "--db", str(path), "--to", str(folder), env=env).returncode == 0
    (backup,) = folder.glob("*.db")
    tamper(
        backup,
        "DROP TRIGGER audit_no_delete",
        "DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)",
        "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit\n"
        "           BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END",
    )
    done = run_main("restore", "--db", str(path), "--from", str(backup), env=env)
    assert done.returncode == 1
    assert "its audit trail was cut short after it was taken" in done.stderr


def test_the_app_does_not_save_over_a_row_changed_outside_it(office, monkeypatch):
    """A tampered safety marker is not laundered by a later edit that reseals the row."""
    path, env = office
    with sqlite3.connect(path) as conn:
        (marked,) = conn.execute(
            "SELECT min(id) FROM contact_detail WHERE do_not_post = 1"
        ).fetchone()
    tamper(path, f"UPDATE contact_detail SET do_not_post = 0 WHERE id = {marked}")
    monkeypatch.setenv("XDG_DATA_HOME", env["XDG_DATA_HOME"])
    ws = open_workspace(path, user="a.vlo")
    try:
        from vcs_app.storage import repo_cases

        detail = repo_cases.get_contact_detail(ws.store.db, marked)
        with pytest.raises(StoreError, match="a row of contact_detail was changed outside"):
            cases.update_contact_detail(ws, replace(detail, note="checked by phone"))
    finally:
        ws.close()
    code, line = check(path, env)
    assert code == 1 and f"contact_detail row(s) {marked} changed" in line
