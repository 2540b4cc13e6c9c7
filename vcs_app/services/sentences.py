"""Recording the sentence and official key dates, and alerting every victim who asked.

A date change is never an overwrite: the new official date supersedes the old one (the
case history shows old -> new), and every linked victim whose contact level includes
that kind of update gets exactly one "tell the victim" task. A task about the date it
replaced is cancelled, so a victim never has two open tasks about one date. Estimates
are worked out on the fly from the sentence (domain.sentence_dates) and never stored.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import date

from vcs_app.domain.model import (
    KEY_DATE_KINDS,
    DateSource,
    KeyDate,
    NotFound,
    ValidationError,
    clean_text,
)
from vcs_app.domain.sentence import (
    PAROLE_DATES,
    Sentence,
    Stage,
    stage_of_date,
    update_decision,
)
from vcs_app.domain.sentence_dates import SentenceFile
from vcs_app.services import cases, clocks, undo
from vcs_app.services.cases import Changed
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_cases, repo_events, repo_sentences, repo_undo

KEY_DATE_CLOCK = "key_date_update"
PAROLE_LEAD_CLOCK = "parole_review_lead"


def month_year(value: date) -> str:
    """'April 2027': what a victim may be told of a release (never the day)."""
    return f"{calendar.month_name[value.month]} {value.year}"


def key_date_source_ref(key_date_id: int) -> str:
    """The cause a date's tasks carry, so one date never makes two tasks for a victim."""
    return f"key_date:{key_date_id}"


# --- the sentence ---------------------------------------------------------------------


def record_sentence(ws: Workspace, sentence: Sentence) -> Changed:
    """Record what the court passed; a correction supersedes the earlier record."""
    problems = sentence.problems(ws.today())
    if problems:
        raise ValidationError(" ".join(problems))
    with ws.store.atomic() as db:
        repo_cases.get_offender(db, sentence.offender_id)
        sentence = replace(sentence, recorded_by=ws.user, id=None, superseded_by=None)
        new_id, old_id = repo_sentences.insert_sentence(db, sentence)
        link_ids = tuple(repo_cases.links_for_offender(db, sentence.offender_id))
        old = repo_sentences.describe_stored_sentence(db, old_id)
        for link_id in link_ids or (None,):
            audit.record(
                db,
                who=ws.user,
                action="update" if old_id else "create",
                entity="sentence",
                entity_id=new_id,
                link_id=link_id,
                detail={"kind": "Sentence", "old": old or None, "new": sentence.describe()},
            )
    return Changed(link_ids, "sentence", new_id)


def sentence_file(ws: Workspace, offender_id: int) -> SentenceFile:
    """The offender's sentence, official dates with history, events and estimates."""
    return repo_sentences.sentence_file(ws.store.db, offender_id)


# --- official key dates ---------------------------------------------------------------


@dataclass(frozen=True)
class DateRecorded:
    """What recording one official date did: the new row, what it replaced, who is told."""

    key_date_id: int
    previous: KeyDate | None
    link_ids: tuple[int, ...]
    told: tuple[int, ...]  # cases that got a "tell the victim" task


def record_key_date(ws: Workspace, key_date: KeyDate, *, origin: str) -> Changed:
    """Record an official date (new or changed) and give each victim who asked a task."""
    with ws.store.atomic() as db:
        done = record_official_date(ws, db, key_date, origin=origin)
    return Changed(done.link_ids, "key_date", done.key_date_id)


def record_official_date(
    ws: Workspace,
    db,
    key_date: KeyDate,
    *,
    origin: str,
    batch_id: int | None = None,
) -> DateRecorded:
    """The work of recording one official date; call inside the caller's transaction."""
    if key_date.source is not DateSource.OFFICIAL:
        raise ValidationError(
            "Only official dates are recorded: estimates are worked out by VCS Desk from the"
            " sentence and are never stored as key dates."
        )
    origin = clean_text(origin)
    if not origin:
        raise ValidationError(
            "Say where the official date came from (e.g. Prison OMU email, PPCS letter)."
        )
    if len(origin) > 200:
        raise ValidationError("Where the date came from is limited to 200 characters.")
    today = ws.today()
    received = key_date.received_on or today
    if not 1950 <= key_date.value.year <= today.year + 100:
        raise ValidationError(f"{key_date.value:%d/%m/%Y} is not a plausible key date.")
    if received > today:
        raise ValidationError("The date the official date was received cannot be in the future.")
    key_date = replace(key_date, received_on=received, id=None, superseded_by=None)
    name = KEY_DATE_KINDS[key_date.kind]
    previous = repo_events.current_key_date(
        db, key_date.offender_id, key_date.kind, DateSource.OFFICIAL.value
    )
    if previous and previous.value == key_date.value:
        raise ValidationError(
            f"The official {name.lower()} is already {key_date.value:%d/%m/%Y}: nothing changed."
        )
    changed = cases.add_key_date(ws, key_date)  # supersedes and audits old -> new per case
    new_id = changed.record_id
    assert new_id is not None
    repo_sentences.set_key_date_origin(db, new_id, origin, batch_id)
    told = _alert_victims(ws, db, key_date, new_id, previous, received)
    return DateRecorded(new_id, previous, changed.link_ids, told)


def _task_title(key_date: KeyDate, previous: KeyDate | None) -> str:
    name = KEY_DATE_KINDS[key_date.kind].lower()
    if key_date.kind in PAROLE_DATES:
        what = f"{name}: {month_year(key_date.value)}"
    else:
        what = f"{name}, release month {month_year(key_date.value)}"
    if previous is None:
        return f"Tell the victim of the new {what}"
    return f"Tell the victim of the changed {what} (was {month_year(previous.value)})"


def _alert_victims(
    ws: Workspace,
    db,
    key_date: KeyDate,
    new_id: int,
    previous: KeyDate | None,
    received: date,
) -> tuple[int, ...]:
    """One task per victim who asked for this kind of update; none for anyone else."""
    stage = stage_of_date(key_date.kind)
    title = _task_title(key_date, previous)
    told = []
    for case in repo_sentences.cases_of_offenders(db, [key_date.offender_id]):
        link_id = case["link_id"]
        if previous is not None:  # a task about the replaced date is out of date
            clocks.stop_clock(
                ws,
                link_id,
                KEY_DATE_CLOCK,
                received,
                source_ref=key_date_source_ref(previous.id or 0),
                outcome="cancelled",
            )
        wants, _ = update_decision(stage, case["opt_state"], case["contact_level"], case["status"])
        if not wants:
            continue
        clocks.start_clock(
            ws,
            link_id,
            KEY_DATE_CLOCK,
            received,
            title=title,
            source_ref=key_date_source_ref(new_id),
        )
        told.append(link_id)
        if key_date.kind in PAROLE_DATES and stage is Stage.KEY_STAGE:
            # The parole review starts about 6 months ahead: one task that moves with the date.
            clocks.start_clock(
                ws,
                link_id,
                PAROLE_LEAD_CLOCK,
                key_date.value,
                title=f"Prepare the victim for the parole review"
                f" ({KEY_DATE_KINDS[key_date.kind].lower()} {month_year(key_date.value)})",
                source_ref=f"parole_date:{key_date.offender_id}",
                rules_on=received,
            )
    return tuple(told)


# --- undo -----------------------------------------------------------------------------


def withdraw_key_date(ws: Workspace, key_date_id: int) -> Changed:
    """Undo of recording an official date: it is withdrawn (kept on file, out of the
    history) and the date it replaced is current again; its "tell the victim" tasks are
    cancelled and a parole-review task moves back. Refused once a newer date is recorded."""
    with ws.store.atomic() as db:
        try:
            key_date = repo_undo.get_key_date(db, key_date_id)
        except NotFound as exc:
            raise undo.ChangedSince("That key date has already been withdrawn.") from exc
        name = KEY_DATE_KINDS[key_date.kind].lower()
        if key_date.superseded_by is not None:
            raise undo.ChangedSince(
                f"A newer official {name} has been recorded since, so undo would overwrite it."
                " Nothing was undone."
            )
        previous = repo_undo.replaced_by(db, key_date_id)
        repo_undo.withdraw_key_date(db, key_date, previous, ws.user)
        link_ids = tuple(repo_cases.links_for_offender(db, key_date.offender_id))
        today = ws.today()
        for link_id in link_ids:
            clocks.stop_clock(
                ws,
                link_id,
                KEY_DATE_CLOCK,
                today,
                source_ref=key_date_source_ref(key_date_id),
                outcome="cancelled",
            )
            if previous is not None and key_date.kind in PAROLE_DATES:
                _move_parole_lead_back(ws, link_id, previous)
            audit.record(
                db,
                who=ws.user,
                action=undo.UNDO,
                entity="key_date",
                entity_id=key_date_id,
                link_id=link_id,
                detail={
                    "kind": key_date.kind,
                    "withdrawn": key_date.value.isoformat(),
                    "current": previous.value.isoformat() if previous else None,
                },
            )
    return Changed(link_ids, "key_date", key_date_id)


def _move_parole_lead_back(ws: Workspace, link_id: int, previous: KeyDate) -> None:
    """The parole-review task moved with the withdrawn date; it follows the restored one."""
    source = f"parole_date:{previous.offender_id}"
    if repo_events.open_tasks(ws.store.db, link_id, PAROLE_LEAD_CLOCK, source):
        clocks.start_clock(
            ws,
            link_id,
            PAROLE_LEAD_CLOCK,
            previous.value,
            source_ref=source,
            rules_on=previous.received_on,
        )


def record_key_date_again(
    ws: Workspace, key_date: KeyDate, *, origin: str, withdrawn_id: int
) -> Changed:
    """Redo of a withdrawn date: record it again (a new row, with its tasks), only if no
    other date of that kind was recorded since the withdrawal."""
    with ws.store.atomic() as db:
        current = repo_events.current_key_date(
            db, key_date.offender_id, key_date.kind, DateSource.OFFICIAL.value
        )
        if current is not None and (current.id or 0) > withdrawn_id:
            raise undo.ChangedSince(
                f"Another official {KEY_DATE_KINDS[key_date.kind].lower()} has been recorded"
                " since, so redo would overwrite it. Nothing was redone."
            )
        done = record_official_date(ws, db, key_date, origin=origin)
        for link_id in done.link_ids:
            audit.record(
                db,
                who=ws.user,
                action=undo.REDO,
                entity="key_date",
                entity_id=done.key_date_id,
                link_id=link_id,
                detail={"kind": key_date.kind, "recorded_again": withdrawn_id},
            )
    return Changed(done.link_ids, "key_date", done.key_date_id)
