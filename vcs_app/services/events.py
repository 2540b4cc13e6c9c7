"""Events through the sentence: each starts (and stops) the right clocks on every case.

Parole review start, hearing, decision (and its 21-day reconsideration window), HDC
eligibility (14 days for representations), ROTL, open conditions, release, recall,
licence end and hospital leave, transfer or discharge. What each event means is domain
data (domain.sentence.EVENT_RULES); the clock lengths come from the rule set in force.
"""

from __future__ import annotations

from dataclasses import replace

from vcs_app.domain.sentence import (
    EVENT_RULES,
    CountsFrom,
    EventRule,
    SentenceEvent,
    update_decision,
)
from vcs_app.services import clocks
from vcs_app.services.cases import Changed
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_cases, repo_sentences

GENERIC_CLOCK = "sentence_event_update"


def _title(rule: EventRule, clock: str, event: SentenceEvent) -> str | None:
    if clock == GENERIC_CLOCK:
        what = rule.label[0].lower() + rule.label[1:]
        return f"Tell the victim about the {what} ({event.event_on:%d/%m/%Y})"
    return rule.title or None  # None: the clock's own label


def record_event(ws: Workspace, event: SentenceEvent) -> Changed:
    """Record an event on the offender's sentence and start its clocks on every case whose
    victim asked for that kind of update (one task per victim per clock)."""
    rule = EVENT_RULES[event.kind]
    event.check_dates(ws.today())
    with ws.store.atomic() as db:
        repo_cases.get_offender(db, event.offender_id)
        event = replace(event, recorded_by=ws.user, id=None)
        event_id = repo_sentences.insert_event(db, event)
        linked = repo_sentences.cases_of_offenders(db, [event.offender_id])
        for case in linked:
            link_id = case["link_id"]
            wants, why = update_decision(
                rule.stage, case["opt_state"], case["contact_level"], case["status"]
            )
            audit.record(
                db,
                who=ws.user,
                action="create",
                entity="sentence_event",
                entity_id=event_id,
                link_id=link_id,
                detail={
                    "event": rule.label,
                    "on": event.event_on.isoformat(),
                    "told": event.notified_on.isoformat(),
                    "victim": why,
                },
            )
            for clock in rule.stops:
                clocks.stop_clock(ws, link_id, clock, event.notified_on)
            if not wants:
                continue
            for clock, counts_from in rule.starts:
                start = event.event_on if counts_from is CountsFrom.EVENT else event.notified_on
                clocks.start_clock(
                    ws,
                    link_id,
                    clock,
                    start,
                    title=_title(rule, clock, event),
                    source_ref=f"event:{event_id}",
                    rules_on=event.notified_on,
                )
        if not linked:
            audit.record(
                db,
                who=ws.user,
                action="create",
                entity="sentence_event",
                entity_id=event_id,
                detail={"event": rule.label, "on": event.event_on.isoformat()},
            )
    return Changed(tuple(c["link_id"] for c in linked), "sentence_event", event_id)
