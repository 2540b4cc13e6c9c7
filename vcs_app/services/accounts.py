"""Signing in, unlocking and managing staff accounts.

Every attempt to sign in or unlock is audited, success and failure, without the
password; a username that is not an account is not written down either (it may be a
password typed into the wrong box). Only an administrator manages accounts, except
the very first one, which must be an administrator so someone can add the rest.
"""

from __future__ import annotations

import functools

from vcs_app.domain.accounts import (
    DECOY_HASH,
    MAX_PASSWORD_LENGTH,
    Account,
    PasswordHash,
    check_password_rules,
    hash_password,
    needs_rehash,
    normalise_username,
    password_matches,
    password_too_long,
    throttle_wait,
)
from vcs_app.domain.model import DomainError, Role, ValidationError
from vcs_app.services import access
from vcs_app.services.cases import Changed
from vcs_app.services.letter_settings import LetterSettings, save_letter_settings
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_accounts
from vcs_app.storage.repo_settings import get_setting

# The demo database's documented synthetic account (README: "Signing in").
DEMO_USERNAME = "demo.vlo"
DEMO_PASSWORD = "demo-password"
DEMO_DISPLAY_NAME = "Demo VLO"


class SignInFailed(DomainError):
    """Wrong username or password (deliberately not saying which)."""


def is_demo(ws: Workspace) -> bool:
    return get_setting(ws.store.db, "demo") == "1"


def has_accounts(ws: Workspace) -> bool:
    return repo_accounts.count_accounts(ws.store.db) > 0


def needs_first_run(ws: Workspace) -> bool:
    """A new, real caseload: nobody can sign in yet, so the first-run wizard makes the
    first (administrator) account. A demo database has its own account."""
    return not has_accounts(ws) and not is_demo(ws)


def list_accounts(ws: Workspace) -> list[Account]:
    return repo_accounts.list_accounts(ws.store.db)


def find_account(ws: Workspace, username: str) -> Account | None:
    try:
        return repo_accounts.find_account(ws.store.db, normalise_username(username))
    except ValidationError:
        return None


def _known(db, username: str) -> Account:
    account = repo_accounts.find_account(db, normalise_username(username))
    if account is None:
        raise ValidationError(f"There is no account '{username}'.")
    return account


def create_account(
    ws: Workspace, username: str, display_name: str, role: Role, password: str
) -> Changed:
    """Add an account; an administrator's job, except the first account of a file."""
    account = Account(username, display_name, Role(role))
    check_password_rules(password, account.username)
    stored = hash_password(password)  # before the transaction: 0.15 s of work
    with ws.store.atomic() as db:
        first = repo_accounts.count_accounts(db) == 0
        if first and account.role is not Role.ADMIN:
            raise ValidationError(
                "The first account must be an administrator, so that someone can add the others."
            )
        if not first:
            access.require(ws, Role.ADMIN, "add accounts")
        if repo_accounts.find_account(db, account.username) is not None:
            raise ValidationError(f"The username '{account.username}' is already taken.")
        account_id = repo_accounts.insert_account(db, account, stored)
        audit.record(
            db,
            who=ws.user,
            action="create",
            entity="account",
            entity_id=account_id,
            detail={
                "username": account.username,
                "name": account.display_name,
                "role": account.role.value,
            },
        )
    return Changed((), "account", account_id)


def complete_first_run(
    ws: Workspace, settings: LetterSettings, *, username: str, display_name: str, password: str
) -> Account:
    """A new caseload's letterhead and first (administrator) account, saved together in
    one transaction; then that account is signed in."""
    if has_accounts(ws):
        raise ValidationError("This caseload already has accounts: sign in instead.")
    with ws.store.atomic():
        create_account(ws, username, display_name, Role.ADMIN, password)
        save_letter_settings(ws, settings)
    return sign_in(ws, username, password)


def _verify(db, username: str, password: str) -> Account | None:
    """The account if the password is right (inactive ones included), else None; takes
    as long for an unknown username as for a known one. A password over the maximum
    length is refused before any hashing."""
    try:
        name = normalise_username(username)
    except ValidationError:
        name = ""
    stored = repo_accounts.password_hash(db, name) if name else None
    matches = password_matches(password, stored or DECOY_HASH)
    if stored is None or not matches:
        return None
    return repo_accounts.find_account(db, name)


def _wait_message(db, username: str) -> str | None:
    """Why this username may not be tried yet (too many wrong passwords in a row)."""
    wait = throttle_wait(*repo_accounts.sign_in_failures(db, username))
    if not wait:
        return None
    return (
        f"Too many wrong passwords in a row for this username: wait {wait} second"
        f"{'s' if wait != 1 else ''}, then try again."
    )


def _checked(db, username: str, password: str) -> tuple[Account | None, str]:
    """(the account, "") when the password is right and the account usable, else
    (the account or None, the reason for the audit row). Failures count for the throttle."""
    if password_too_long(password):
        account, reason = None, f"password longer than {MAX_PASSWORD_LENGTH:,} characters"
    else:
        account = _verify(db, username, password)
        reason = "wrong username or password" if account is None else ""
    if account is not None and not repo_accounts.account_sealed(db, account.username):
        reason = "account record changed or added outside VCS Desk"
    elif account is not None and not account.active:
        reason = "account deactivated"
    if reason and reason != "account deactivated":
        repo_accounts.record_sign_in_failure(db, username)
    return account, reason


_REFUSALS = {
    "account deactivated": "This account has been deactivated: ask an administrator.",
    "account record changed or added outside VCS Desk": (
        "This account's record was changed or added outside VCS Desk, so it cannot sign in:"
        " ask an administrator (and run check)."
    ),
}


def _rehash_if_weak(db, username: str, password: str) -> None:
    """A hash made with an older, cheaper cost is replaced now that the password is known."""
    stored = repo_accounts.password_hash(db, username)
    if stored is not None and needs_rehash(stored):
        repo_accounts.set_password(db, username, hash_password(password))


def sign_in(ws: Workspace, username: str, password: str) -> Account:
    """Check the password; on success the workspace acts as this account (name and role)
    from now on. Both outcomes are audited; a failure raises SignInFailed. After three
    wrong passwords in a row a username must wait, twice as long after each further one,
    and a try made too early is refused without checking anything."""
    with ws.store.atomic() as db:
        waiting = _wait_message(db, username)
        if waiting is None:
            account, reason = _checked(db, username, password)
            if not reason:
                repo_accounts.clear_sign_in_failures(db, username)
                repo_accounts.record_sign_in(db, account.username)
                _rehash_if_weak(db, account.username, password)
                audit.record(
                    db,
                    who=account.username,
                    action="sign_in",
                    entity="account",
                    entity_id=account.id,
                    detail={"role": account.role.value, "os_user": ws.user},
                )
            else:
                known = find_account(ws, username)
                audit.record(
                    db,
                    who=ws.user,
                    action="sign_in_failed",
                    entity="account",
                    entity_id=known.id if known else None,
                    detail={
                        "username": known.username if known else "(not an account)",
                        "reason": reason,
                    },
                )
    if waiting is not None:
        raise SignInFailed(waiting)
    if reason:
        raise SignInFailed(
            _REFUSALS.get(reason, "Wrong username or password. Check them and try again.")
        )
    ws.user, ws.role = account.username, account.role
    return account


def unlock(ws: Workspace, password: str) -> None:
    """The signed-in person's password again after an idle lock; audited either way and
    throttled like signing in."""
    with ws.store.atomic() as db:
        waiting = _wait_message(db, ws.user)
        if waiting is None:
            account, reason = _checked(db, ws.user, password)
            if not reason:
                repo_accounts.clear_sign_in_failures(db, ws.user)
            audit.record(
                db,
                who=ws.user,
                action="unlock" if not reason else "unlock_failed",
                entity="account",
                entity_id=account.id if account else None,
            )
    if waiting is not None:
        raise SignInFailed(waiting)
    if reason:
        raise SignInFailed(f"That is not the password of {ws.user}. Try again, or quit.")


def change_password(
    ws: Workspace, username: str, new_password: str, *, old_password: str | None = None
) -> Changed:
    """Your own password (with the old one), or anyone's as an administrator."""
    name = normalise_username(username)
    check_password_rules(new_password, name)
    stored = hash_password(new_password)
    with ws.store.atomic() as db:
        account = _known(db, name)
        mine = find_account(ws, ws.user)
        if mine is not None and mine.username == name and old_password is not None:
            if _verify(db, name, old_password) is None:
                raise ValidationError("The current password is not right; nothing was changed.")
        else:
            access.require(ws, Role.ADMIN, "set another person's password")
        repo_accounts.set_password(db, name, stored)
        audit.record(
            db,
            who=ws.user,
            action="update",
            entity="account",
            entity_id=account.id,
            detail={"username": name, "password": "changed"},
        )
    return Changed((), "account", account.id)


def _keep_an_admin(db, account: Account) -> None:
    if account.role is Role.ADMIN and account.active and repo_accounts.count_active_admins(db) < 2:
        raise ValidationError(
            f"{account.username} is the only active administrator: make someone else an"
            " administrator first."
        )


def set_role(ws: Workspace, username: str, role: Role) -> Changed:
    role = Role(role)
    with ws.store.atomic() as db:
        access.require(ws, Role.ADMIN, "change roles")
        account = _known(db, username)
        if role is not Role.ADMIN:
            _keep_an_admin(db, account)
        _change_role(db, ws, account, role)
    return Changed((), "account", account.id)


def _change_role(db, ws: Workspace, account: Account, role: Role, **detail) -> None:
    repo_accounts.set_role(db, account.username, role)
    _audit_change(db, ws, account, role=[account.role.value, role.value], **detail)


def _audit_change(db, ws: Workspace, account: Account, **detail) -> None:
    """The audit row of a change to an account, in the caller's transaction."""
    audit.record(
        db,
        who=ws.user,
        action="update",
        entity="account",
        entity_id=account.id,
        detail={"username": account.username, **detail},
    )


def deactivate(ws: Workspace, username: str) -> Changed:
    """The person can no longer sign in; the account stays, so the audit log's names
    still mean someone."""
    with ws.store.atomic() as db:
        access.require(ws, Role.ADMIN, "deactivate accounts")
        account = _known(db, username)
        _keep_an_admin(db, account)
        repo_accounts.set_active(db, account.username, False)
        _audit_change(db, ws, account, active=[account.active, False])
    return Changed((), "account", account.id)


def sign_in_headless(ws: Workspace, username: str | None, password: str) -> Workspace:
    """A headless command runs as the real OS user with a VLO's rights; with an account's
    username and password (`--as`) it runs as that account (audited as such, the sign-in
    row naming the OS user), with that account's role. An OS login named like an
    account gets nothing from the likeness."""
    ws.role = Role.VLO
    if username:
        sign_in(ws, username, password)
    return ws


def ensure_demo_account(ws: Workspace) -> None:
    """A demo database made before accounts existed gets its documented account, so the
    pre-filled sign-in works there too; one made when that account was a senior VLO has
    it made a VLO (audited)."""
    if not is_demo(ws):
        return
    if not has_accounts(ws):
        with ws.store.atomic() as db:
            add_demo_account(db, ws.user)
        return
    account = find_account(ws, DEMO_USERNAME)
    if account is not None and account.role is not Role.VLO:
        with ws.store.atomic() as db:
            _change_role(db, ws, account, Role.VLO, demo=True)


@functools.cache
def _demo_hash() -> PasswordHash:
    """Hashed once per process: test suites build many demo databases."""
    return hash_password(DEMO_PASSWORD)


def add_demo_account(db, who: str) -> None:
    """The demo database's synthetic account, inside the demo's own transaction: a VLO,
    whose password is in the README, so it can change neither templates nor accounts
    (a demo file must not be grown into a real caseload by anyone who read it)."""
    account = Account(DEMO_USERNAME, DEMO_DISPLAY_NAME, Role.VLO)
    if repo_accounts.find_account(db, account.username) is not None:
        return
    account_id = repo_accounts.insert_account(db, account, _demo_hash())
    audit.record(
        db,
        who=who,
        action="create",
        entity="account",
        entity_id=account_id,
        detail={"username": account.username, "role": account.role.value, "demo": True},
    )
