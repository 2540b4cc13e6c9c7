"""Accounts: hashes not passwords, every sign-in audited, roles enforced by the service."""

from __future__ import annotations

import json
from datetime import date

import pytest
from plant import plant_admin_account

from vcs_app.domain.accounts import (
    MIN_PASSWORD_LENGTH,
    SCRYPT_N,
    PasswordHash,
    _scrypt,
    check_password_rules,
)
from vcs_app.domain.model import AccessDenied, Language, Role, ValidationError
from vcs_app.services import accounts
from vcs_app.services.accounts import SignInFailed
from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import open_workspace
from vcs_app.storage import repo_accounts
from vcs_app.storage.audit import verify_chain

ADMIN_PW = "correct horse battery"
VLO_PW = "purple kettle lantern"


def _audit(ws, action: str) -> list[tuple[str, str]]:
    return ws.store.db.execute(
        "SELECT who, detail FROM audit WHERE action = ? ORDER BY id", [action]
    ).fetchall()


@pytest.fixture
def admin_ws(ws):
    """A file whose first account (an administrator) is signed in."""
    accounts.create_account(ws, "Ada.Admin", "Ada Admin", Role.ADMIN, ADMIN_PW)
    accounts.sign_in(ws, "ada.admin", ADMIN_PW)
    return ws


def test_the_password_is_never_stored_only_a_salted_scrypt_hash(admin_ws, tmp_path):
    accounts.create_account(admin_ws, "bea.vlo", "Bea VLO", Role.VLO, VLO_PW)
    rows = admin_ws.store.db.execute(
        "SELECT password_salt, password_hash, scrypt_n FROM account"
    ).fetchall()
    assert len({bytes(r[0]) for r in rows}) == 2  # a salt of its own per account
    assert all(len(r[1]) == 32 and r[2] >= 2**15 for r in rows)
    admin_ws.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw = b"".join(p.read_bytes() for p in tmp_path.glob("vcs.db*"))
    for secret in (ADMIN_PW, VLO_PW):
        assert secret.encode() not in raw
        assert secret.encode("utf-16-le") not in raw


def test_the_first_account_needs_no_one_signed_in_but_must_be_an_administrator(ws):
    assert accounts.needs_first_run(ws)
    with pytest.raises(ValidationError, match="first account must be an administrator"):
        accounts.create_account(ws, "bea.vlo", "Bea VLO", Role.VLO, VLO_PW)
    accounts.create_account(ws, "ada.admin", "Ada Admin", Role.ADMIN, ADMIN_PW)
    assert not accounts.needs_first_run(ws)
    # the second one is an administrator's job: an OS user with no account is a VLO
    with pytest.raises(AccessDenied, match="Only an administrator can add accounts"):
        accounts.create_account(ws, "bea.vlo", "Bea VLO", Role.VLO, VLO_PW)


def test_sign_in_makes_the_workspace_act_as_the_account_and_is_audited(admin_ws):
    accounts.create_account(admin_ws, "bea.vlo", "Bea VLO", Role.SENIOR, VLO_PW)
    account = accounts.sign_in(admin_ws, "BEA.VLO", VLO_PW)
    assert (account.username, admin_ws.user, admin_ws.role) == ("bea.vlo", "bea.vlo", Role.SENIOR)
    who, detail = _audit(admin_ws, "sign_in")[-1]
    assert who == "bea.vlo" and json.loads(detail)["role"] == "senior"
    assert accounts.find_account(admin_ws, "bea.vlo").last_sign_in is not None


def test_a_wrong_password_is_refused_and_audited_without_the_password(admin_ws):
    with pytest.raises(SignInFailed, match="Wrong username or password"):
        accounts.sign_in(admin_ws, "ada.admin", "not the password at all")
    with pytest.raises(SignInFailed):
        accounts.sign_in(admin_ws, "correct horse battery", ADMIN_PW)  # typed in the wrong box
    failures = _audit(admin_ws, "sign_in_failed")
    assert [json.loads(d)["username"] for _, d in failures] == ["ada.admin", "(not an account)"]
    every_row = " ".join(str(r) for r in admin_ws.store.db.execute("SELECT * FROM audit"))
    assert "not the password" not in every_row and ADMIN_PW not in every_row
    assert admin_ws.user == "ada.admin"  # a failed attempt changes nobody's identity
    assert verify_chain(admin_ws.store.db) is None


def test_roles_are_enforced_by_the_services(admin_ws):
    accounts.create_account(admin_ws, "bea.vlo", "Bea VLO", Role.VLO, VLO_PW)
    accounts.sign_in(admin_ws, "bea.vlo", VLO_PW)
    for attempt in (
        lambda: accounts.create_account(admin_ws, "cy.vlo", "Cy VLO", Role.VLO, VLO_PW),
        lambda: accounts.set_role(admin_ws, "bea.vlo", Role.ADMIN),
        lambda: accounts.deactivate(admin_ws, "ada.admin"),
        lambda: accounts.change_password(admin_ws, "ada.admin", "a brand new password"),
    ):
        with pytest.raises(AccessDenied):
            attempt()
    accounts.sign_in(admin_ws, "ada.admin", ADMIN_PW)
    accounts.set_role(admin_ws, "bea.vlo", Role.SENIOR)
    assert accounts.find_account(admin_ws, "bea.vlo").role is Role.SENIOR


def test_a_deactivated_account_cannot_sign_in_and_the_last_admin_stays(admin_ws):
    accounts.create_account(admin_ws, "bea.vlo", "Bea VLO", Role.VLO, VLO_PW)
    accounts.deactivate(admin_ws, "bea.vlo")
    with pytest.raises(SignInFailed, match="deactivated"):
        accounts.sign_in(admin_ws, "bea.vlo", VLO_PW)
    with pytest.raises(ValidationError, match="only active administrator"):
        accounts.deactivate(admin_ws, "ada.admin")
    with pytest.raises(ValidationError, match="only active administrator"):
        accounts.set_role(admin_ws, "ada.admin", Role.VLO)


def test_changing_your_own_password_needs_the_old_one(admin_ws):
    with pytest.raises(ValidationError, match="current password is not right"):
        accounts.change_password(admin_ws, "ada.admin", "a brand new password", old_password="x")
    accounts.change_password(admin_ws, "ada.admin", "a brand new password", old_password=ADMIN_PW)
    with pytest.raises(SignInFailed):
        accounts.sign_in(admin_ws, "ada.admin", ADMIN_PW)
    accounts.sign_in(admin_ws, "ada.admin", "a brand new password")


def test_unlock_checks_the_signed_in_persons_password(admin_ws):
    with pytest.raises(SignInFailed):
        accounts.unlock(admin_ws, VLO_PW)
    accounts.unlock(admin_ws, ADMIN_PW)
    assert [who for who, _ in _audit(admin_ws, "unlock_failed")] == ["ada.admin"]
    assert len(_audit(admin_ws, "unlock")) == 1


def test_password_rules_ask_for_length_only():
    with pytest.raises(ValidationError, match=f"at least {MIN_PASSWORD_LENGTH} characters"):
        check_password_rules("short")
    with pytest.raises(ValidationError, match="must not be the username"):
        check_password_rules("alex.morgan.1", "Alex.Morgan.1")
    check_password_rules("three random words")


def test_usernames_are_checked():
    with pytest.raises(ValidationError, match="A username is"):
        accounts.Account("no spaces please", "Someone", Role.VLO)


def test_an_os_login_named_like_an_account_gets_nothing_from_the_likeness(tmp_path):
    ws = open_workspace(tmp_path / "h.db", user="ada.admin", create=True)
    try:
        accounts.create_account(ws, "ada.admin", "Ada Admin", Role.ADMIN, ADMIN_PW)
        assert accounts.sign_in_headless(ws, None, "").role is Role.VLO
        with pytest.raises(SignInFailed):
            accounts.sign_in_headless(ws, "ada.admin", "not the password at all")
        assert ws.role is Role.VLO
        assert accounts.sign_in_headless(ws, "ada.admin", ADMIN_PW).role is Role.ADMIN
    finally:
        ws.close()


def test_wrong_passwords_make_the_next_try_wait_even_after_a_restart(admin_ws):
    for _ in range(3):  # three free tries
        with pytest.raises(SignInFailed, match="Wrong username or password"):
            accounts.sign_in(admin_ws, "ada.admin", "not the password at all")
    with pytest.raises(SignInFailed, match=r"Too many wrong passwords .* wait 1 second"):
        accounts.sign_in(admin_ws, "ada.admin", ADMIN_PW)  # refused before any check
    path = admin_ws.path
    admin_ws.close()
    again = open_workspace(path, user="someone")
    try:
        with pytest.raises(SignInFailed, match="Too many wrong passwords"):
            accounts.sign_in(again, "ada.admin", ADMIN_PW)
        with pytest.raises(SignInFailed, match="Too many wrong passwords"):
            accounts.sign_in(again, "ADA.ADMIN", ADMIN_PW)
        # a refused early try is not audited (no password was checked)
        assert len(_audit(again, "sign_in_failed")) == 3
        with again.store.atomic() as db:  # the wait has passed
            db.execute("UPDATE sign_in_throttle SET last_failed_at = '2000-01-01T00:00:00+00:00'")
        accounts.sign_in(again, "ada.admin", ADMIN_PW)
        with pytest.raises(SignInFailed, match="Wrong username"):  # counting starts again
            accounts.sign_in(again, "ada.admin", "not the password at all")
    finally:
        again.close()


def test_unlock_is_throttled_too(admin_ws):
    for _ in range(3):
        with pytest.raises(SignInFailed, match=r"not the password of ada\.admin"):
            accounts.unlock(admin_ws, "not the password at all")
    with pytest.raises(SignInFailed, match="Too many wrong passwords"):
        accounts.unlock(admin_ws, ADMIN_PW)


def test_an_overlong_password_is_refused_before_hashing(admin_ws):
    with pytest.raises(SignInFailed, match="Wrong username or password"):
        accounts.sign_in(admin_ws, "ada.admin", "x" * 10_000_000)
    _, detail = _audit(admin_ws, "sign_in_failed")[-1]
    assert json.loads(detail)["reason"] == "password longer than 1,024 characters"
    with pytest.raises(ValidationError, match="longer than 1,024 characters"):
        accounts.change_password(admin_ws, "ada.admin", "y" * 1025)


def test_an_older_cheaper_hash_is_replaced_at_the_next_sign_in(admin_ws):
    weak_salt = b"s" * 16
    weak = PasswordHash(weak_salt, _scrypt(ADMIN_PW, weak_salt, 2**15, 8, 1), 2**15, 8, 1)
    with admin_ws.store.atomic() as db:
        repo_accounts.set_password(db, "ada.admin", weak)
    assert repo_accounts.password_hash(admin_ws.store.db, "ada.admin").n == 2**15
    accounts.sign_in(admin_ws, "ada.admin", ADMIN_PW)
    stored = repo_accounts.password_hash(admin_ws.store.db, "ada.admin")
    assert (stored.n, stored.r) == (SCRYPT_N, 8) and SCRYPT_N == 2**17
    assert stored.salt != weak_salt
    accounts.sign_in(admin_ws, "ada.admin", ADMIN_PW)  # and it still signs in


def test_an_account_inserted_outside_the_app_cannot_sign_in(admin_ws):
    plant_admin_account(admin_ws.path, "intruder", "intruder password")
    with pytest.raises(SignInFailed, match="changed or added outside VCS Desk"):
        accounts.sign_in(admin_ws, "intruder", "intruder password")
    assert admin_ws.user == "ada.admin" and admin_ws.role is Role.ADMIN


def test_the_demo_account_is_a_vlo_who_cannot_change_templates_or_accounts(ws):
    """Issue 16 §8: its password is in the README, so it must not be able to turn the
    demo file into a caseload of its own (new accounts, new letter wording)."""
    from vcs_app.services import letters

    build_demo(ws, victims=5, seed=1, today=date(2026, 11, 26))
    assert not accounts.needs_first_run(ws)
    account = accounts.sign_in(ws, accounts.DEMO_USERNAME, accounts.DEMO_PASSWORD)
    assert account.role is Role.VLO and ws.role is Role.VLO
    body = letters.template_wording(ws, "recall", Language.ENGLISH).body
    with pytest.raises(AccessDenied, match="Only a senior VLO can change letter templates"):
        letters.save_template_version(ws, "recall", Language.ENGLISH, body + " ", note="x")
    with pytest.raises(AccessDenied, match="Only an administrator can add accounts"):
        accounts.create_account(ws, "new.admin", "New Admin", Role.ADMIN, ADMIN_PW)
    with pytest.raises(AccessDenied, match="Only an administrator"):
        accounts.set_role(ws, accounts.DEMO_USERNAME, Role.ADMIN)


def test_a_demo_file_whose_account_was_a_senior_has_it_made_a_vlo(ws):
    build_demo(ws, victims=5, seed=1, today=date(2026, 11, 26))
    with ws.store.atomic() as db:  # as a demo file made before this change
        db.execute("UPDATE account SET role = 'senior' WHERE username = 'demo.vlo'")
    accounts.ensure_demo_account(ws)
    accounts.ensure_demo_account(ws)  # once only
    assert accounts.find_account(ws, accounts.DEMO_USERNAME).role is Role.VLO
    changes = _audit(ws, "update")
    assert len(changes) == 1 and json.loads(changes[0][1])["role"] == ["senior", "vlo"]


def test_a_demo_database_made_before_accounts_gets_the_demo_account(ws):
    build_demo(ws, victims=5, seed=1, today=date(2026, 11, 26))
    with ws.store.atomic() as db:  # as a file from before migration 0011_accounts
        db.execute("DELETE FROM account")
    accounts.ensure_demo_account(ws)
    accounts.ensure_demo_account(ws)  # once only
    assert [a.username for a in accounts.list_accounts(ws)] == [accounts.DEMO_USERNAME]
