"""Encryption at rest (optional extra `encrypted`): the same services work on an
SQLCipher file, and the file holds no plaintext a disk search could find.

Each check runs in a child process: SQLCipher brings its own SQLite library, which
must not stay loaded in the test process beside the one every other test uses."""

from __future__ import annotations

import importlib.util
import json
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
for short in ("x", "eleven char"):  # a key must be as long as an account's password
    try:
        open_store(path, create=True, key=short)
        raise AssertionError(f"created with {short!r}")
    except StoreError as exc:
        assert "database key must be at least 12 characters" in str(exc), exc
    assert not path.exists()
open_store(path, create=True, key="the right key, long enough").close()
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


def test_a_short_key_is_refused_and_a_wrong_or_missing_key_is_one_clear_message(tmp_path):
    assert _run(KEYS, tmp_path / "vcs.db", None) == "ok"


SEALED = """
import json, os, subprocess, tempfile
from datetime import date
from pathlib import Path

os.environ["XDG_DATA_HOME"] = str(Path(PATH).parent / "xdg")
from vcs_app.letters.print_adapter import ensure_app
ensure_app()
from vcs_app.domain.conditions import ConditionDraft
from vcs_app.services import cases, conditions, documents, letters, om
from vcs_app.services.demo import build_demo
from vcs_app.services.workspace import Workspace
from vcs_app.storage.db import StoreError, open_store

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c4944415408d763f8cfc0f01f0005000201a2d3a1d20000000049454e44ae426082"
)
path = Path(PATH)
TODAY = date(2026, 11, 26)
ws = Workspace(open_store(path, create=True, key=KEY), "test.vlo", on=TODAY)
build_demo(ws, victims=40, seed=2, today=TODAY)
# Letters produced into the archive: the files the app keeps by itself.
letters.approve_batch(ws, letters.review_due(ws, on=TODAY))
produced = letters.produce_batch(ws, on=TODAY).produced
# A licence condition request with a map, sent to the OM at the default place.
link = next(
    cases.open_case(ws, i).link for i in cases.caseload_ids(ws)
    if cases.open_case(ws, i).link.om_name and cases.open_case(ws, i).link.status.value == "open"
)
picture = path.parent / "zone.png"
picture.write_bytes(PNG)
template = conditions.catalogue().get("exclusion_zone")
values = {p.key: "the town centre of Anytown" for p in template.placeholders}
request = conditions.request_condition(ws, ConditionDraft(
    link_id=link.id, kind="exclusion_zone", wording=template.fill(values),
    reason="She works there.", risk="He may wait there.", requested_on=TODAY,
    values=tuple(values.items()), map_source=str(picture),
)).record_id
picture.unlink()
request_pdf = om.default_document_path(ws, link.ref, TODAY)
om.send_to_om(ws, link.id, [request], on=TODAY, pdf_path=request_pdf)

databases = ("db", "-wal", "-shm")
kept = [
    p for p in path.parent.rglob("*")
    if p.is_file() and not p.name.endswith(databases) and "trail" not in p.parts  # (keys, anchors)
]
names = [r[0] for r in ws.store.db.execute("SELECT family_name FROM victim")]
names += [r[0] for r in ws.store.db.execute("SELECT family_name FROM offender")]
leaked = sorted({str(p.relative_to(path.parent)) for p in kept for n in names
                 if n.encode() in p.read_bytes() or b"%PDF" in p.read_bytes()
                 or PNG[:8] in p.read_bytes()})
first = produced[0]
letter_pdf = documents.read(ws, first.path)
with tempfile.NamedTemporaryFile(suffix=".pdf") as fh:
    fh.write(letter_pdf); fh.flush()
    text = subprocess.run(["pdftotext", fh.name, "-"], capture_output=True, text=True).stdout
recipient = letters.get_letter(ws, first.letter_id).recipient
request_doc = documents.read(ws, documents.kept_name(ws, request_pdf))
request_map = documents.read(ws, conditions.map_file(
    ws, next(r for r in cases.open_case(ws, link.id).conditions if r.id == request)))
# A sealed file changed on disk, or opened with another caseload's key, is refused.
blob = bytearray(first.path.read_bytes()); blob[-5] ^= 1
first.path.with_name("changed.pdf.sealed").write_bytes(bytes(blob))
other = Workspace(open_store(path.parent / "other.db", create=True, key=KEY + " 2"), "x")
refusals = []
for attempt in (
    lambda: documents.read(ws, first.path.with_name("changed.pdf.sealed")),
    lambda: documents.read(other, first.path),
):
    try:
        attempt()
        refusals.append("opened")
    except StoreError as exc:
        refusals.append(str(exc))
print(json.dumps({
    "produced": len(produced),
    "kept": sorted(str(p.relative_to(path.parent)) for p in kept),
    "leaked": leaked,
    "letter_is_pdf": letter_pdf.startswith(b"%PDF"),
    "recipient_in_letter": recipient.split()[-1] in text,
    "request_is_pdf": request_doc.startswith(b"%PDF"),
    "map": request_map == PNG,
    "refusals": refusals,
}))
"""


def test_every_file_the_app_keeps_beside_an_encrypted_caseload_is_sealed(tmp_path):
    """Issue 16 §6: kept letter PDFs, the request PDF sent to an OM and its map picture
    were plain files holding names and addresses beside an encrypted caseload."""
    result = json.loads(_run(SEALED, tmp_path / "vcs.db", "correct horse battery staple"))
    assert result["produced"] >= 1
    kept = result["kept"]
    assert any(k.startswith("xdg/vcs-desk/letters/") for k in kept)
    assert any(k.startswith("documents/om-requests/") for k in kept)
    assert any(k.startswith("attachments/maps/") for k in kept)
    assert all(k.endswith(".sealed") for k in kept), kept
    assert result["leaked"] == []  # no name, no PDF, no picture readable in any of them
    # ...and each opens again with the caseload's key.
    assert result["letter_is_pdf"] and result["recipient_in_letter"]
    assert result["request_is_pdf"] and result["map"]
    changed, other_key = result["refusals"]
    assert "changed since it was written" in changed
    assert "sealed with another key" in other_key
