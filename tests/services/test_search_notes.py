"""Search finds cases by names, references and the words of their liaison notes; cases
found by a name or reference come first; nothing typed can break the query."""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vcs_app.domain.model import (
    Direction,
    LiaisonChannel,
    LiaisonEntry,
    Link,
    Offender,
    Party,
    Victim,
)
from vcs_app.services import cases, liaison


def _case(ws, given_name: str, family: str) -> int:
    victim_id = cases.create_victim(ws, Victim(given_name, family, dob=date(1981, 3, 4)))
    offender_id = cases.create_offender(ws, Offender("Ivo", "Zentler", dob=date(1970, 1, 2)))
    return cases.create_link(
        ws,
        Link(
            victim_id=victim_id,
            offender_id=offender_id,
            offence="Burglary",
            referral_date=date(2026, 10, 1),
            vlo="Alex Morgan",
        ),
    )


def _note(ws, case_id: int, summary: str) -> None:
    cases.add_liaison_entry(
        ws,
        LiaisonEntry(
            case_id, date(2026, 11, 2), Direction.TO, Party.OM, LiaisonChannel.EMAIL, summary
        ),
    )


def test_a_liaison_note_finds_its_case(ws, case_id):
    assert cases.caseload_ids(ws, text="quernstone") == []
    _note(ws, case_id, "Victim asked about the Quernstone approved premises.")
    assert cases.caseload_ids(ws, text="quernst") == [case_id]
    assert cases.caseload_ids(ws, text="quernstone premises") == [case_id]


def test_names_and_references_rank_before_notes(ws, case_id):
    # Sorted by victim name, "Aldous" would come first: the name match still leads.
    by_note = _case(ws, "Ada", "Aldous")
    _note(ws, by_note, "Spoke to Ms Thorncastle's daughter about the visit.")
    by_name = _case(ws, "Bryn", "Thorncastle")
    assert cases.caseload_ids(ws, text="thorncastle") == [by_name, by_note]
    assert cases.caseload_ids(ws, text="thorncastle", sort="ref", descending=True) == [
        by_name,
        by_note,
    ]


def test_a_withdrawn_note_no_longer_finds_its_case(ws, case_id):
    _note(ws, case_id, "Victim asked about the Quernstone approved premises.")
    (note,) = [e for e in cases.open_case(ws, case_id).liaison if "Quernstone" in e.summary]
    liaison.withdraw_entry(ws, note.id)
    assert cases.caseload_ids(ws, text="quernstone") == []


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_nothing_typed_breaks_the_search(ws, case_id, text):
    found = cases.caseload_ids(ws, text=text)
    assert found in ([], [case_id])
