"""The audit trail's key and anchors: kept outside the caseload file, so that someone who
can write the file (a colleague with the team folder, another OS user) can neither forge
the trail nor roll the file back unseen.

- The key: 32 random bytes in `<user data>/trail/audit.key` (0600, folder 0700), made on
  first use. Every audit row's MAC and every sealed row's MAC is an HMAC-SHA256 under a
  key derived from it. A file records only the key's id (`trail_key_id` setting). An
  office shares the key by copying the file to the other desks' trail folder (any name
  ending in .key); a desk without it cannot open or verify files sealed with it.
- The anchor: per database file (by the random `file_id` kept in its settings) the last
  audit row id and MAC this desk saw, and the table seals at that moment, MACed with the
  key. A file whose trail no longer reaches that row, or ends elsewhere, was cut or
  rolled back; only a restore made through the app moves an anchor backwards.
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import secrets
import threading
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

KEY_FILE = "audit.key"
KEY_BYTES = 32


class TrailKeyMissing(Exception):
    """The key a file was sealed with is not on this computer."""


@dataclass(frozen=True)
class TrailKey:
    secret: bytes = field(repr=False)

    @property
    def id(self) -> str:
        return self.mac(b"vcs-desk key id")[:16]

    def derive(self, purpose: str) -> bytes:
        return hmac.new(self.secret, purpose.encode("ascii"), hashlib.sha256).digest()

    def mac(self, message: bytes) -> str:
        return hmac.new(self.secret, message, hashlib.sha256).hexdigest()


def trail_dir() -> Path:
    """Beside the default database, in the user's own data folder."""
    return Path(platformdirs.user_data_dir("vcs-desk", appauthor=False)) / "trail"


_lock = threading.Lock()
_known: dict[str, TrailKey] = {}  # keys read in this process, by id


def _private_dir(path: Path) -> Path:
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    with contextlib.suppress(OSError):
        os.chmod(path, 0o700)
    return path


def _read_key(path: Path) -> TrailKey | None:
    try:
        secret = bytes.fromhex(path.read_text(encoding="ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        return None
    if len(secret) != KEY_BYTES:
        return None
    key = TrailKey(secret)
    _known.setdefault(key.id, key)
    return key


def own_key() -> TrailKey:
    """This installation's key (`audit.key`), made on first use: new files are sealed
    with it."""
    folder = _private_dir(trail_dir())
    path = folder / KEY_FILE
    with _lock:
        key = _read_key(path)
        if key is not None:
            return key
        secret = secrets.token_bytes(KEY_BYTES)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:  # another process made it first: use theirs
            key = _read_key(path)
            if key is None:
                raise TrailKeyMissing(f"{path} is not a VCS Desk audit key.") from None
            return key
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(secret.hex() + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        key = TrailKey(secret)
        _known[key.id] = key
        return key


def find_key(key_id: str) -> TrailKey:
    """The key with this id, from this process or any `*.key` file in the trail folder."""
    with _lock:
        if key_id in _known:
            return _known[key_id]
        folder = trail_dir()
        if folder.is_dir():
            for path in sorted(folder.glob("*.key")):
                key = _read_key(path)
                if key is not None and key.id == key_id:
                    return key
    raise TrailKeyMissing(
        f"key missing: the audit trail is sealed with key {key_id}, which is not in"
        f" {folder}. Copy the audit key file (audit.key) from a desk that has it into that"
        " folder (any name ending in .key)."
    )


# --- anchors --------------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """The head of a file's trail as last seen here (or when a backup was taken)."""

    file_id: str
    head_id: int
    head_mac: str
    seals: dict[str, str]

    def _payload(self) -> bytes:
        body = [self.file_id, self.head_id, self.head_mac, sorted(self.seals.items())]
        return json.dumps(body, separators=(",", ":")).encode("utf-8")

    def to_json(self, key: TrailKey) -> str:
        data = {
            "file_id": self.file_id,
            "head_id": self.head_id,
            "head_mac": self.head_mac,
            "seals": self.seals,
            "mac": key.mac(self._payload()),
        }
        return json.dumps(data, indent=1, sort_keys=True)

    @classmethod
    def from_json(cls, text: str, key: TrailKey) -> Anchor:
        """Raises ValueError when it is not an anchor this key made."""
        try:
            data = json.loads(text)
            anchor = cls(
                str(data["file_id"]), int(data["head_id"]), str(data["head_mac"]), data["seals"]
            )
            mac = str(data["mac"])
        except (ValueError, KeyError, TypeError) as exc:
            raise ValueError("not an anchor") from exc
        if not hmac.compare_digest(mac, key.mac(anchor._payload())):
            raise ValueError("its MAC does not match (changed, or made with another key)")
        return anchor


def anchor_path(file_id: str) -> Path:
    return trail_dir() / "anchors" / f"{file_id}.json"


def read_anchor(path: Path, key: TrailKey) -> Anchor | None:
    """None when there is no anchor; raises ValueError when it is damaged or forged."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ValueError(f"cannot be read ({exc.strerror})") from exc
    return Anchor.from_json(text, key)


def write_anchor(path: Path, anchor: Anchor, key: TrailKey) -> None:
    """Replace the anchor atomically (temporary file, then rename), readable by the user only."""
    _private_dir(path.parent)
    temp = path.with_name(f".{path.name}.{os.getpid()}-{secrets.token_hex(4)}")
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(anchor.to_json(key))
        os.replace(temp, path)
    finally:
        with contextlib.suppress(OSError):
            temp.unlink(missing_ok=True)
