"""Files the app keeps beside an encrypted caseload (kept letter PDFs, requests to OMs,
exclusion-zone maps), sealed with the caseload's own key, so that no file the app writes
by itself holds a readable name or address when the database does not.

Each file is AES-256-GCM (the `cryptography` package) under a key derived from the
database key with PBKDF2-HMAC-SHA512 and 256,000 iterations (what SQLCipher 4 uses for the
database itself, so a sealed file is no easier to guess the key from than the database).
A random salt is drawn per session and written in each file's header, so derivation
happens once per session and per salt, never per file. The file's own name is bound in
as associated data: one sealed letter cannot be swapped for another unnoticed.

Layout: MAGIC | salt (16) | nonce (12) | ciphertext and tag.
"""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from vcs_app.storage.db import StoreError
from vcs_app.storage.files import atomic_file, make_private_folder

MAGIC = b"VCSDESK-SEALED-1\n"
SUFFIX = ".sealed"  # after the real name: letter.pdf.sealed
KDF_ITERATIONS = 256_000
_SALT, _NONCE = 16, 12


def _crypto():
    """AES-GCM and its authentication error, from the `encrypted` extra."""
    try:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    except ImportError as exc:
        raise StoreError(
            "Encrypted caseloads need the optional extra: pip install 'vcs-desk[encrypted]'."
        ) from exc
    return AESGCM, InvalidTag


def is_sealed(path: Path | str) -> bool:
    return str(path).endswith(SUFFIX)


def sealed_name(path: Path) -> Path:
    return path if is_sealed(path) else path.with_name(path.name + SUFFIX)


def _bound_name(path: Path) -> bytes:
    return path.name.removesuffix(SUFFIX).encode("utf-8")


class Sealer:
    """Seals and opens files with one caseload's key (held only in memory)."""

    def __init__(self, key: str) -> None:
        self._key = key.encode("utf-8")
        self._salt = secrets.token_bytes(_SALT)
        self._derived: dict[bytes, bytes] = {}

    def _key_for(self, salt: bytes) -> bytes:
        if salt not in self._derived:
            self._derived[salt] = hashlib.pbkdf2_hmac(
                "sha512", self._key, salt, KDF_ITERATIONS, dklen=32
            )
        return self._derived[salt]

    def seal(self, data: bytes, path: Path) -> bytes:
        nonce = secrets.token_bytes(_NONCE)
        aesgcm, _ = _crypto()
        sealed = aesgcm(self._key_for(self._salt)).encrypt(nonce, data, _bound_name(path))
        return MAGIC + self._salt + nonce + sealed

    def open(self, blob: bytes, path: Path) -> bytes:
        if not blob.startswith(MAGIC) or len(blob) < len(MAGIC) + _SALT + _NONCE + 16:
            raise StoreError(f"{path.name} is not a file sealed by VCS Desk.")
        salt = blob[len(MAGIC) : len(MAGIC) + _SALT]
        nonce = blob[len(MAGIC) + _SALT : len(MAGIC) + _SALT + _NONCE]
        aesgcm, invalid_tag = _crypto()
        try:
            return aesgcm(self._key_for(salt)).decrypt(
                nonce, blob[len(MAGIC) + _SALT + _NONCE :], _bound_name(path)
            )
        except invalid_tag as exc:
            raise StoreError(
                f"{path.name} cannot be opened: it was sealed with another key, or it has been"
                " changed since it was written."
            ) from exc


def write_file(path: Path, data: bytes) -> None:
    """Write `data` to `path` completely or not at all, readable by its owner only."""
    make_private_folder(path.parent)
    with atomic_file(path) as out:
        out.write(data)


def read_file(path: Path, sealer: Sealer | None) -> bytes:
    """The file's content, opened with `sealer` when it is sealed."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise StoreError(f"Cannot read {path.name}: {exc.strerror}.") from exc
    if not is_sealed(path):
        return data
    if sealer is None:
        raise StoreError(f"{path.name} is sealed: open its encrypted caseload with the key.")
    return sealer.open(data, path)
