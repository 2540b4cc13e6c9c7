"""Staff accounts for signing in: who may open the caseload, and the password rules.

Pure Python (hashlib, hmac, secrets): no Qt, no SQL. Passwords are never kept: only a
scrypt hash with a random salt per account and the cost parameters it was made with, so
the cost can be raised later without invalidating older hashes.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from vcs_app.domain.model import Role, ValidationError, clean_text

# NCSC advice: length beats complexity rules (which push people to "Password1!"), so the
# only rule is a minimum length; 12 characters fits three random words. The maximum only
# bounds the work a pasted novel would cause.
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024

# scrypt cost: N = 2**17 with r = 8 is OWASP's minimum for scrypt: 128 MiB and about
# 0.5-0.9 s per try on a 2-core office PC, bearable once per sign-in, expensive for
# someone guessing offline from a copied file. Hashes made with less are rehashed at the
# next successful sign-in (`needs_rehash`). scrypt rather than Argon2id: it is in Python's
# standard library, so no compiled dependency is added for it.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32

_USERNAME = re.compile(r"[a-z0-9][a-z0-9._-]{1,39}")


@dataclass(frozen=True)
class PasswordHash:
    """What is stored instead of a password."""

    salt: bytes
    digest: bytes
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P


@dataclass(frozen=True)
class Account:
    """A member of staff who can sign in (no password or hash: those stay in storage)."""

    username: str
    display_name: str
    role: Role
    active: bool = True
    created_at: datetime | None = None
    last_sign_in: datetime | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "username", normalise_username(self.username))
        object.__setattr__(self, "display_name", clean_text(self.display_name))
        object.__setattr__(self, "role", Role(self.role))
        if not self.display_name:
            raise ValidationError("Give the person's name as it should appear (e.g. Alex Morgan).")
        if len(self.display_name) > 100:
            raise ValidationError("The name is longer than 100 characters.")


def normalise_username(username: str) -> str:
    """Usernames are compared case-insensitively, so they are kept in lower case."""
    value = clean_text(username).casefold()
    if not _USERNAME.fullmatch(value):
        raise ValidationError(
            "A username is 2 to 40 letters, digits, dots, hyphens or underscores, starting"
            " with a letter or digit (e.g. alex.morgan)."
        )
    return value


def check_password_rules(password: str, username: str = "", *, what: str = "password") -> None:
    """Refuse a password (or an encrypted caseload's key: `what`) that is too short (see
    MIN_PASSWORD_LENGTH for why only length)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(
            f"The {what} must be at least {MIN_PASSWORD_LENGTH} characters: length is what"
            " makes it hard to guess (three random words work well)."
        )
    if password_too_long(password):
        raise ValidationError(f"The {what} is longer than {MAX_PASSWORD_LENGTH:,} characters.")
    if username and password.casefold() == username.casefold():
        raise ValidationError(f"The {what} must not be the username.")


# Sign-in throttling: after this many wrong passwords in a row for one username, each
# further try waits twice as long as the one before (1 s, 2 s, 4 s ... at most 15 minutes).
FREE_FAILURES = 3
MAX_WAIT_SECONDS = 15 * 60


def throttle_wait(failures: int, seconds_since_last: float) -> int:
    """Whole seconds still to wait before the next try of a username (0: try now)."""
    if failures < FREE_FAILURES:
        return 0
    delay = min(2 ** (failures - FREE_FAILURES), MAX_WAIT_SECONDS)
    return max(0, int(delay - seconds_since_last + 0.999))


def password_too_long(password: str) -> bool:
    """Checked before hashing: a pasted 100 MB "password" would cost seconds and memory."""
    return len(password) > MAX_PASSWORD_LENGTH


def needs_rehash(stored: PasswordHash) -> bool:
    return (stored.n, stored.r, stored.p) < (SCRYPT_N, SCRYPT_R, SCRYPT_P)


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=256 * n * r, dklen=HASH_BYTES
    )


def hash_password(password: str) -> PasswordHash:
    salt = secrets.token_bytes(SALT_BYTES)
    return PasswordHash(salt, _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P))


def password_matches(password: str, stored: PasswordHash) -> bool:
    """Constant-time comparison, so the time taken says nothing about how close it was.
    A password over the maximum length is never hashed (and never matches)."""
    if password_too_long(password):
        return False
    candidate = _scrypt(password, stored.salt, stored.n, stored.r, stored.p)
    return hmac.compare_digest(candidate, stored.digest)


# Hashed against when a username is unknown, so a wrong username takes as long as a
# wrong password and timing does not tell which usernames exist.
DECOY_HASH = PasswordHash(b"\0" * SALT_BYTES, b"\0" * HASH_BYTES)
