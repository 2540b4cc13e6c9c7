"""Shared fixtures: a real database file in tmp_path, offscreen Qt."""

from __future__ import annotations

import importlib.util
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import tempfile

# The user data folder (audit key and anchors, automatic backups, kept letters) of this
# test run, inherited by every `python main.py` the tests start: never the real one.
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="vcs-test-data-")

from datetime import date

import pytest
from fixed_day import TODAY

from vcs_app.domain.model import ContactDetail, Link, Offender, Victim
from vcs_app.services import cases
from vcs_app.services.workspace import open_workspace


def pytest_sessionstart(session):
    """CI (VCS_DESK_CI=1) runs every test: the encryption tests may not be skipped there."""
    if os.environ.get("VCS_DESK_CI") and importlib.util.find_spec("sqlcipher3") is None:
        raise pytest.UsageError(
            "VCS_DESK_CI is set but sqlcipher3 (the `encrypted` extra) is not installed: "
            "the encryption tests would be skipped"
        )


@pytest.fixture
def ws(tmp_path):
    workspace = open_workspace(tmp_path / "vcs.db", user="test.vlo", create=True, on=TODAY)
    yield workspace
    workspace.close()


@pytest.fixture
def case_id(ws) -> int:
    """One open case with an address, made of synthetic people."""
    victim_id = cases.create_victim(ws, Victim("Ceri", "Prydderch", dob=date(1980, 5, 1)))
    offender_id = cases.create_offender(
        ws, Offender("Dorian", "Quayle", dob=date(1975, 2, 3), crn="X123456")
    )
    cases.add_contact_detail(
        ws, ContactDetail("address", "12 Example Road\nAnytown\nZZ99 1AA", victim_id=victim_id)
    )
    return cases.create_link(
        ws,
        Link(
            victim_id=victim_id,
            offender_id=offender_id,
            offence="Wounding with intent",
            referral_date=date(2026, 10, 1),
            sentence_date=date(2026, 9, 20),
            vlo="Alex Morgan",
        ),
    )
