"""One rule for safety flags (issue 17, item 12): the caseload row and the case view show
the same flags for any contact details and dates, because one domain function decides
them from the facts storage returns."""

from __future__ import annotations

from datetime import date, timedelta

from fixed_day import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from vcs_app.domain.model import ContactDetail, Link, Offender, Victim
from vcs_app.services import cases

_OFFSETS = st.one_of(st.none(), st.integers(min_value=-400, max_value=400))


@st.composite
def _contact(draw) -> dict:
    kind = draw(st.sampled_from(["address", "phone", "email"]))
    start, end = draw(_OFFSETS), draw(_OFFSETS)
    if start is not None and end is not None and end < start:
        start, end = end, start
    address = kind == "address"
    return {
        "kind": kind,
        "value": {
            "address": "1 Example Road\nAnytown",
            "phone": "07700 900123",
            "email": "a@example.org",
        }[kind],
        "safe_to_use": draw(st.booleans()),
        "do_not_post": address and draw(st.booleans()),
        "safe_alternative": address and draw(st.booleans()),
        "valid_from": None if start is None else TODAY + timedelta(days=start),
        "valid_to": None if end is None else TODAY + timedelta(days=end),
    }


def _case(ws, victim: Victim, contacts: list[dict]) -> int:
    victim_id = cases.create_victim(ws, victim)
    offender_id = cases.create_offender(ws, Offender("Dorian", "Quayle"))
    for detail in contacts:
        cases.add_contact_detail(ws, ContactDetail(victim_id=victim_id, **detail))
    return cases.create_link(
        ws, Link(victim_id, offender_id, "Wounding with intent", date(2026, 10, 1))
    )


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    contacts=st.lists(_contact(), max_size=4),
    age_days=st.integers(min_value=16 * 365, max_value=20 * 365),
    phone_first=st.booleans(),
    welsh=st.booleans(),
)
def test_caseload_row_and_case_view_show_the_same_flags(ws, contacts, age_days, phone_first, welsh):
    victim = Victim(
        "Ceri",
        "Prydderch",
        dob=TODAY - timedelta(days=age_days),
        phone_first=phone_first,
        guardian_name="Parent Prydderch",
        language="cy" if welsh else "en",
    )
    case_id = _case(ws, victim, contacts)
    row = cases.caseload_rows(ws, [case_id])[case_id]
    case = cases.open_case(ws, case_id)
    assert row.flags == case.safety_flags
    assert row.needs == case.needs


def test_a_do_not_post_marker_from_next_month_is_not_a_flag_yet(ws):
    """The issue's example: do not post valid from next month, plus a safe alternative."""
    case_id = _case(
        ws,
        Victim("Ceri", "Prydderch", dob=date(1980, 5, 1)),
        [
            {
                "kind": "address",
                "value": "1 Home Street\nAnytown",
                "do_not_post": True,
                "valid_from": date(2026, 12, 1),
            },
            {"kind": "address", "value": "c/o Support\nAnytown", "safe_alternative": True},
        ],
    )
    assert cases.caseload_rows(ws, [case_id])[case_id].flags == ("Use safe alternative address",)
    assert cases.open_case(ws, case_id).safety_flags == ("Use safe alternative address",)
