"""Use cases against a real database file: one transaction each, audited."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from fixed_day import TODAY

from vcs_app.domain.model import (
    ContactDetail,
    KeyDate,
    LiaisonEntry,
    Link,
    NotFound,
    Offender,
    OptState,
    ValidationError,
    Victim,
)
from vcs_app.services import cases, tasks
from vcs_app.services.workspace import open_workspace
from vcs_app.storage import audit
from vcs_app.storage.db import StoreError


def _audit_rows(ws, link_id):
    return [(h.action, h.entity) for h in audit.history_for_case(ws.store.db, link_id)]


def test_open_case_returns_everything_and_is_audited_as_a_view(ws, case_id):
    case = cases.open_case(ws, case_id)
    assert case.victim.full_name == "Ceri Prydderch"
    assert case.offender.crn == "X123456"
    assert case.contacts[0].value == "12 Example Road\nAnytown\nZZ99 1AA"
    assert case.link.ref == "VCS-000001"
    assert ("view", "link") in _audit_rows(ws, case_id)
    assert case.opt_history[0][1] is OptState.REFERRED


def test_update_victim_records_old_and_new_values(ws, case_id):
    case = cases.open_case(ws, case_id)
    changed = cases.update_victim(ws, replace(case.victim, family_name="Prydderch-Evans"))
    assert changed.link_ids == (case_id,)
    row = audit.history_for_case(ws.store.db, case_id)[0]
    assert row.action == "update"
    assert json.loads(row.detail) == {"family_name": ["Prydderch", "Prydderch-Evans"]}
    assert cases.caseload_ids(ws, text="evans") == [case_id]


def test_update_without_change_writes_no_audit_row(ws, case_id):
    case = cases.open_case(ws, case_id)
    before = len(audit.history_for_case(ws.store.db, case_id))
    cases.update_victim(ws, case.victim)
    assert len(audit.history_for_case(ws.store.db, case_id)) == before


def test_update_offender_reaches_every_linked_case(ws, case_id):
    case = cases.open_case(ws, case_id)
    second_victim = cases.create_victim(ws, Victim("Bryn", "Ingleby"))
    second = cases.create_link(
        ws,
        Link(
            victim_id=second_victim,
            offender_id=case.offender.id,
            offence="Robbery",
            referral_date=date(2026, 10, 2),
        ),
    )
    changed = cases.update_offender(ws, replace(case.offender, family_name="Quayle-Smith"))
    assert set(changed.link_ids) == {case_id, second}
    for link_id in (case_id, second):
        assert ("update", "offender") in _audit_rows(ws, link_id)
    assert set(cases.caseload_ids(ws, text="quayle smith")) == {case_id, second}
    assert cases.open_case(ws, case_id).other_links[0].id == second


def test_liaison_entry_is_listed_newest_first(ws, case_id):
    for day, text in ((1, "Emailed OM"), (5, "OM replied")):
        cases.add_liaison_entry(
            ws,
            LiaisonEntry(
                link_id=case_id,
                happened_on=date(2026, 11, day),
                direction="to",
                party="om",
                channel="email",
                summary=text,
            ),
        )
    liaison = cases.open_case(ws, case_id).liaison
    assert [e.summary for e in liaison] == ["OM replied", "Emailed OM"]
    assert liaison[0].recorded_by == "test.vlo"


def test_liaison_on_a_missing_case_is_refused_and_nothing_is_written(ws):
    entry = LiaisonEntry(
        link_id=42,
        happened_on=date(2026, 11, 1),
        direction="to",
        party="om",
        channel="email",
        summary="x",
    )
    with pytest.raises(NotFound):
        cases.add_liaison_entry(ws, entry)
    assert ws.store.db.execute("SELECT COUNT(*) FROM liaison_entry").fetchone()[0] == 0


def test_key_date_change_supersedes_and_keeps_history(ws, case_id):
    offender_id = cases.open_case(ws, case_id).offender.id
    cases.add_key_date(ws, KeyDate(offender_id, "CRD", date(2028, 3, 14)))
    cases.add_key_date(ws, KeyDate(offender_id, "CRD", date(2028, 5, 2)))
    dates = cases.open_case(ws, case_id).key_dates
    current = [d for d in dates if d.superseded_by is None]
    old = [d for d in dates if d.superseded_by is not None]
    assert [d.value for d in current] == [date(2028, 5, 2)]
    assert [d.value for d in old] == [date(2028, 3, 14)]
    assert old[0].superseded_by == current[0].id
    rows = [h for h in audit.history_for_case(ws.store.db, case_id) if h.entity == "key_date"]
    detail = json.loads(rows[0].detail)
    assert detail == {"kind": "CRD", "old": "2028-03-14", "new": "2028-05-02"}


def test_referral_is_all_or_nothing(ws):
    victim = Victim("Alys", "Bevan")
    offender = Offender("Leon", "Yardley", crn="X000777")
    bad_link = Link(victim_id=0, offender_id=0, offence="Robbery", referral_date=date(2026, 1, 1))
    # The second referral reuses the CRN, which the database refuses: nothing of it may stay.
    cases.create_referral(ws, victim, offender, bad_link)
    counts = [
        ws.store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("victim", "link")
    ]
    with pytest.raises(StoreError, match="CRN is already on file"):
        cases.create_referral(ws, Victim("Una", "Zeal"), offender, bad_link)
    after = [
        ws.store.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("victim", "link")
    ]
    assert after == counts


def test_opt_state_change_is_kept_in_history(ws, case_id):
    cases.record_opt_state(ws, case_id, OptState.OPTED_IN, source="phone call")
    history = cases.open_case(ws, case_id).opt_history
    assert history[0][1] is OptState.OPTED_IN
    assert history[0][2] == "phone call"
    assert len(history) == 2


def test_contact_detail_flags_show_as_safety_words(ws, case_id):
    case = cases.open_case(ws, case_id)
    detail = case.contacts[0]
    cases.update_contact_detail(ws, replace(detail, safe_to_use=False, do_not_post=True))
    flags = cases.open_case(ws, case_id).safety_flags
    assert "Do not post" in flags and "Address unsafe" in flags
    row = cases.caseload_rows(ws, [case_id])[case_id]
    assert "Do not post" in row.flags
    cases.add_contact_detail(ws, ContactDetail("phone", "07700 900123", victim_id=case.victim.id))
    assert len(cases.open_case(ws, case_id).contacts) == 2


def test_tasks_due_and_completion_update_next_due(ws, case_id):
    from vcs_app.domain.model import Task
    from vcs_app.storage import repo_events

    today = date(2026, 11, 26)
    with ws.store.atomic() as db:
        task_id = repo_events.insert_task(
            db, Task(case_id, "referral_to_offer", "Offer contact", today - timedelta(days=1))
        )
    due = tasks.due_tasks(ws, on=today)
    assert [(t.id, t.case_ref) for t in due] == [(task_id, "VCS-000001")]
    assert cases.caseload_rows(ws, [case_id])[case_id].next_due == today - timedelta(days=1)
    tasks.complete_task(ws, task_id, on=today)
    assert tasks.due_tasks(ws, on=today) == []
    assert cases.caseload_rows(ws, [case_id])[case_id].next_due is None


def test_invalid_values_are_refused_with_a_clear_message():
    with pytest.raises(ValidationError, match="surname must not be empty"):
        Victim("Ceri", "  ")
    with pytest.raises(ValidationError, match="in the future"):
        Victim("Ceri", "Prydderch", dob=TODAY + timedelta(days=1)).check_dates(TODAY)
    with pytest.raises(ValidationError, match="letter and six digits"):
        Offender("Dorian", "Quayle", crn="12345")


def test_workspace_reopens_after_close(tmp_path, ws, case_id):
    path = ws.path
    ws.close()
    again = open_workspace(path, user="other")
    assert cases.open_case(again, case_id).victim.family_name == "Prydderch"
    again.close()
