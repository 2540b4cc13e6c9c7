"""Encryption at rest (optional extra `encrypted`): the same services work on an
SQLCipher file, and the file holds no plaintext a disk search could find.

Each check runs in a child process: SQLCipher brings its own SQLite library, which
must not stay loaded in the test process beside the one every other test uses."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("sqlcipher3") is None, reason="the `encrypted` extra is not installed"
)

SERVICES = """
from dataclasses import replace
from datetime import date
from pathlib import Path

from vcs_app.domain.model import ContactDetail, Link, Offender, Victim
from vcs_app.services import cases, retention
from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import Workspace, worker_workspace
from vcs_app.storage.db import StoreError, open_store

ADDRESS = "9 Osprey Wynd\\nAnytown\\nZZ99 4XY"
path = Path(PATH)
ws = Workspace(open_store(path, create=True, key=KEY), "test.vlo")
build_demo(ws, victims=50, seed=2, today=date(2026, 11, 26))
victim = cases.create_victim(ws, Victim("Wilhelmina", "Thornquist", dob=date(1990, 1, 2)))
offender = cases.create_offender(ws, Offender("Gaius", "Pellworth"))
cases.add_contact_detail(ws, ContactDetail("address", ADDRESS, victim_id=victim))
link_id = cases.create_link(
    ws, Link(victim_id=victim, offender_id=offender, offence="Assault",
             referral_date=date(2026, 10, 1)),
)
assert cases.caseload_ids(ws, text="Thornquist") == [link_id]
with worker_workspace(ws) as other:  # a background job opens the same file with the key
    assert cases.caseload_ids(other, text="Thornquist") == [link_id]
case = cases.open_case(ws, link_id)
assert case.contacts[0].value == ADDRESS
try:  # a refused write is the same readable StoreError, and leaves nothing behind
    cases.create_link(ws, replace(case.link, id=None))
    raise AssertionError("duplicate case saved")
except StoreError as exc:
    assert "Not saved" in str(exc)
assert ws.store.integrity_problems() == []
assert retention.cases_due_for_review(ws) == []
data = b"".join(
    p.read_bytes() for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()
)
print(sorted(w.decode() for w in (b"Thornquist", b"Osprey Wynd", b"Pellworth") if w in data))
ws.close()
if KEY:
    assert not path.read_bytes().startswith(b"SQLite format 3")
    again = open_store(path, key=KEY)
    assert again.schema_version() > 0
    again.close()
"""

KEYS = """
from pathlib import Path
from vcs_app.storage.db import StoreError, open_store

path = Path(PATH)
open_store(path, create=True, key="right").close()
for key, expected in (("wrong", "cannot be opened with this key"),
                      (None, "not an SQLite file"), ("", "Enter the database key")):
    try:
        open_store(path, key=key)
        raise AssertionError(f"opened with {key!r}")
    except StoreError as exc:
        assert expected in str(exc), exc
print("ok")
"""


def _run(script: str, path: Path, key: str | None) -> str:
    code = f"PATH = {str(path)!r}\nKEY = {key!r}\n" + textwrap.dedent(script)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


@pytest.mark.parametrize("key", [None, "correct horse battery staple"])
def test_the_same_services_work_and_only_the_encrypted_file_hides_the_name(tmp_path, key):
    found = _run(SERVICES, tmp_path / "vcs.db", key)
    assert found == ("[]" if key else "['Osprey Wynd', 'Pellworth', 'Thornquist']")


def test_a_wrong_or_missing_key_is_one_clear_message(tmp_path):
    assert _run(KEYS, tmp_path / "vcs.db", None) == "ok"
