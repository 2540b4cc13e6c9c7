"""Contact preferences and contact details: victim-wide or per case, validated, audited."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from fixed_day import TODAY

from vcs_app.domain.model import (
    Channel,
    ContactDetail,
    ContactLevel,
    Language,
    Link,
    Offender,
    OptState,
    ValidationError,
)
from vcs_app.services import cases, intake, preferences
from vcs_app.services.preferences import ContactPreferences
from vcs_app.storage import audit


def _prefs(ws, case_id, **changes) -> ContactPreferences:
    return replace(preferences.preferences_of(ws, case_id), **changes)


def test_language_accessibility_and_phone_first_reach_every_case_of_the_victim(ws, case_id):
    victim = cases.open_case(ws, case_id).victim
    offender_id = cases.create_offender(ws, Offender("Percy", "Greatorex"))
    second = cases.create_link(
        ws, Link(victim.id, offender_id, "Robbery", referral_date=date(2026, 10, 2))
    )
    prefs = _prefs(
        ws, case_id, language=Language.WELSH, accessibility="Large print", phone_first=True
    )
    changed = preferences.update_preferences(ws, case_id, prefs)
    assert set(changed.link_ids) == {case_id, second}
    other = cases.open_case(ws, second)
    assert other.victim.language is Language.WELSH
    assert "Phone first" in other.safety_flags
    assert other.needs == ("Welsh language", "Large print")


def test_contact_level_only_changes_once_opted_in(ws, case_id):
    with pytest.raises(ValidationError, match="chosen when the victim opts in"):
        preferences.update_preferences(
            ws, case_id, _prefs(ws, case_id, contact_level=ContactLevel.ANNUAL)
        )
    intake.record_opt_change(
        ws,
        case_id,
        OptState.OPTED_IN,
        on=date(2026, 10, 5),
        source="phone",
        contact_level=ContactLevel.KEY_STAGES,
    )
    with pytest.raises(ValidationError, match="record the opt-out"):
        preferences.update_preferences(
            ws, case_id, _prefs(ws, case_id, contact_level=ContactLevel.NONE)
        )
    preferences.update_preferences(
        ws,
        case_id,
        _prefs(ws, case_id, contact_level=ContactLevel.RELEASE_AND_LICENCE, channel=Channel.EMAIL),
    )
    link = cases.open_case(ws, case_id).link
    assert (link.contact_level, link.channel) == (ContactLevel.RELEASE_AND_LICENCE, Channel.EMAIL)
    (row,) = [h for h in audit.history_for_case(ws.store.db, case_id) if h.entity == "preferences"]
    assert json.loads(row.detail)["channel"] == ["letter", "email"]


def test_an_under_18_keeps_a_guardian(ws, case_id):
    victim = cases.open_case(ws, case_id).victim
    child = replace(victim, dob=TODAY.replace(year=TODAY.year - 15, day=1))
    with pytest.raises(ValidationError, match="parent or guardian"):
        preferences.update_victim(ws, child)
    preferences.update_victim(ws, replace(child, guardian_name="Olive Prydderch"))
    with pytest.raises(ValidationError, match="parent or guardian"):
        preferences.update_preferences(ws, case_id, _prefs(ws, case_id, guardian_name=""))
    assert cases.open_case(ws, case_id).victim.guardian_name == "Olive Prydderch"


def test_contact_details_added_marked_unsafe_and_ended(ws, case_id):
    changed = preferences.add_contact_detail(
        ws, case_id, ContactDetail("phone", "07700 900555", note="mobile")
    )
    assert changed.link_ids == (case_id,)
    detail = next(c for c in cases.open_case(ws, case_id).contacts if c.id == changed.record_id)
    assert detail.value == "07700 900555"
    address = next(c for c in cases.open_case(ws, case_id).contacts if c.kind.value == "address")
    preferences.update_contact_detail(
        ws, replace(address, safe_to_use=False, do_not_post=True, valid_to=date(2026, 11, 1))
    )
    case = cases.open_case(ws, case_id)
    assert "Address unsafe" not in case.safety_flags  # ended, so no longer current
    preferences.update_contact_detail(ws, replace(address, safe_to_use=False, do_not_post=True))
    flags = cases.open_case(ws, case_id).safety_flags
    assert "Address unsafe" in flags and "Do not post" in flags


def test_a_bad_detail_is_refused_before_anything_is_saved(ws, case_id):
    with pytest.raises(ValidationError, match="does not look like an email"):
        preferences.add_contact_detail(ws, case_id, ContactDetail("email", "not-an-email"))
