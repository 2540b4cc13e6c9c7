"""Use cases on people and cases: each runs one transaction and writes its audit row."""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date

from vcs_app.domain.model import (
    CaseFile,
    CaseStatus,
    CaseSummary,
    ContactDetail,
    KeyDate,
    LiaisonEntry,
    Link,
    Offender,
    OptState,
    ValidationError,
    Victim,
)
from vcs_app.domain.search import CaseloadPage, CaseloadQuery, PageCursor
from vcs_app.services import undo
from vcs_app.services.workspace import Workspace
from vcs_app.storage import (
    audit,
    repo_caseload,
    repo_cases,
    repo_conditions,
    repo_events,
    repo_intake,
    repo_letters,
    repo_om,
    repo_sentences,
)


@dataclass(frozen=True)
class Changed:
    """What a use case touched, so a view refreshes only those rows."""

    link_ids: tuple[int, ...] = ()
    kind: str = ""
    record_id: int | None = None


def _diff(old: object, new: object) -> dict[str, list]:
    before, after = asdict(old), asdict(new)
    return {k: [before[k], after[k]] for k in after if before.get(k) != after[k] and k != "id"}


def _audit_each_case(ws: Workspace, db, link_ids: tuple[int, ...], **row) -> None:
    """One audit row per affected case, so each case's history shows the change."""
    for link_id in link_ids or (None,):
        audit.record(db, who=ws.user, link_id=link_id, **row)


# --- people ---------------------------------------------------------------------------


def create_victim(ws: Workspace, victim: Victim) -> int:
    victim.check_dates(ws.today())
    with ws.store.atomic() as db:
        victim_id = repo_cases.insert_victim(db, victim)
        audit.record(db, who=ws.user, action="create", entity="victim", entity_id=victim_id)
    return victim_id


def update_victim(ws: Workspace, victim: Victim) -> Changed:
    victim.check_dates(ws.today())
    with ws.store.atomic() as db:
        old = repo_cases.get_victim(db, victim.id)
        changes = _diff(old, victim)
        link_ids = tuple(repo_cases.links_for_victim(db, victim.id))
        if changes:
            repo_cases.update_victim(db, victim)
            _audit_each_case(
                ws,
                db,
                link_ids,
                action="update",
                entity="victim",
                entity_id=victim.id,
                detail=changes,
            )
    return Changed(link_ids, "victim", victim.id)


def create_offender(ws: Workspace, offender: Offender) -> int:
    offender.check_dates(ws.today())
    with ws.store.atomic() as db:
        offender_id = repo_cases.insert_offender(db, offender)
        audit.record(db, who=ws.user, action="create", entity="offender", entity_id=offender_id)
    return offender_id


def update_offender(ws: Workspace, offender: Offender) -> Changed:
    offender.check_dates(ws.today())
    with ws.store.atomic() as db:
        old = repo_cases.get_offender(db, offender.id)
        changes = _diff(old, offender)
        link_ids = tuple(repo_cases.links_for_offender(db, offender.id))
        if changes:
            repo_cases.update_offender(db, offender)
            _audit_each_case(
                ws,
                db,
                link_ids,
                action="update",
                entity="offender",
                entity_id=offender.id,
                detail=changes,
            )
    return Changed(link_ids, "offender", offender.id)


def add_contact_detail(ws: Workspace, detail: ContactDetail) -> int:
    with ws.store.atomic() as db:
        detail_id = repo_cases.insert_contact_detail(db, detail)
        _audit_each_case(
            ws,
            db,
            tuple(repo_cases.links_for_victim(db, detail.victim_id)),
            action="create",
            entity="contact_detail",
            entity_id=detail_id,
            detail={"kind": detail.kind.value},
        )
    return detail_id


def update_contact_detail(ws: Workspace, detail: ContactDetail) -> Changed:
    with ws.store.atomic() as db:
        old = repo_cases.get_contact_detail(db, detail.id)
        detail = replace(detail, victim_id=old.victim_id)
        changes = _diff(old, detail)
        link_ids = tuple(repo_cases.links_for_victim(db, old.victim_id))
        if changes:
            repo_cases.update_contact_detail(db, detail)
            _audit_each_case(
                ws,
                db,
                link_ids,
                action="update",
                entity="contact_detail",
                entity_id=detail.id,
                detail=changes,
            )
    return Changed(link_ids, "contact_detail", detail.id)


# --- cases ----------------------------------------------------------------------------


def create_link(ws: Workspace, link: Link) -> int:
    """Open a case between a victim and an offender already on file."""
    link.check_dates(ws.today())
    with ws.store.atomic() as db:
        link_id = repo_cases.insert_link(db, link)
        repo_events.insert_opt_change(
            db, link_id, link.opt_state, link.referral_date, "referral", ws.user
        )
        audit.record(
            db,
            who=ws.user,
            action="create",
            entity="link",
            entity_id=link_id,
            link_id=link_id,
            detail={"offence": link.offence, "referral_date": link.referral_date.isoformat()},
        )
    return link_id


def create_referral(ws: Workspace, victim: Victim, offender: Offender, link: Link) -> int:
    """A new victim, offender and case from one referral, all or nothing."""
    with ws.store.atomic():
        victim_id = create_victim(ws, victim)
        offender_id = create_offender(ws, offender)
        return create_link(ws, replace(link, victim_id=victim_id, offender_id=offender_id))


def update_link(ws: Workspace, link: Link, *, source: str = "") -> Changed:
    """Save a case; an opt-in change is also kept in the case's opt history."""
    link.check_dates(ws.today())
    with ws.store.atomic() as db:
        old = repo_cases.get_link(db, link.id)
        link = replace(link, ref=old.ref)
        changes = _diff(old, link)
        if changes:
            repo_cases.update_link(db, link, on=ws.today(), who=ws.user)
            if link.opt_state is not old.opt_state:
                repo_events.insert_opt_change(
                    db, link.id, link.opt_state, ws.today(), source, ws.user
                )
            audit.record(
                db,
                who=ws.user,
                action="update",
                entity="link",
                entity_id=link.id,
                link_id=link.id,
                detail=changes,
            )
    return Changed((link.id,), "link", link.id)


def record_opt_state(ws: Workspace, link_id: int, state: OptState, *, source: str) -> Changed:
    with ws.store.atomic():
        link = repo_cases.get_link(ws.store.db, link_id)
        return update_link(ws, replace(link, opt_state=state), source=source)


def open_case(ws: Workspace, link_id: int) -> CaseFile:
    """Everything the case view shows; viewing is itself audited (DPA 2018 s.62)."""
    with ws.store.atomic() as db:
        link = repo_cases.get_link(db, link_id)
        victim = repo_cases.get_victim(db, link.victim_id)
        offender = repo_cases.get_offender(db, link.offender_id)
        audit.record(
            db, who=ws.user, action="view", entity="link", entity_id=link_id, link_id=link_id
        )
        other_ids = [
            i
            for i in repo_cases.links_for_victim(db, victim.id)
            + repo_cases.links_for_offender(db, offender.id)
            if i != link_id
        ]
        others = summaries(db, other_ids, ws.today())
        return CaseFile(
            link=link,
            victim=victim,
            offender=offender,
            contacts=repo_cases.contact_details(db, victim.id),
            key_dates=repo_events.key_dates_for_offender(db, offender.id),
            liaison=repo_om.liaison_for_case(db, link_id),
            tasks=repo_events.tasks_for_case(db, link_id),
            history=audit.history_for_case(db, link_id),
            contact_log=repo_events.contacts_for_case(db, link_id),
            opt_history=repo_events.opt_history(db, link_id),
            other_links=tuple(others[i] for i in sorted(others)),
            referral=repo_intake.referral_record(db, link_id),
            today=ws.today(),
            letters=repo_letters.letters_for_case(db, link_id),
            conditions=repo_conditions.conditions_for_case(db, link_id),
            om_history=repo_om.om_history(db, link_id),
            sentence_file=repo_sentences.sentence_file(db, offender.id),
        )


# --- caseload -------------------------------------------------------------------------


def caseload_ids(
    ws: Workspace,
    *,
    text: str = "",
    vlo: str | None = None,
    status: str | None = "open",
    sort: str = "victim",
    descending: bool = False,
) -> list[int]:
    """Every id of the matching cases in display order (a batch of letters to "all the
    cases shown"); the window reads a page at a time (`caseload_page`)."""
    return query_ids(ws, CaseloadQuery(text, vlo, status, sort, descending))


def query_ids(ws: Workspace, query: CaseloadQuery) -> list[int]:
    """Every id the query finds, in display order."""
    return repo_caseload.caseload_ids(ws.store.db, query)


def caseload_page(
    ws: Workspace, query: CaseloadQuery, cursor: PageCursor | None = None, limit: int = 100
) -> CaseloadPage:
    """The next page of the caseload after `cursor` (None: the first)."""
    return repo_caseload.caseload_page(ws.store.db, query, cursor, limit)


def caseload_count(ws: Workspace, query: CaseloadQuery) -> int:
    """How many cases the query finds (exact)."""
    return repo_caseload.caseload_count(ws.store.db, query)


def caseload_rows(ws: Workspace, ids: list[int]) -> dict[int, CaseSummary]:
    return summaries(ws.store.db, ids, ws.today())


def summaries(db, ids: list[int], on: date) -> dict[int, CaseSummary]:
    """Caseload rows for these cases, each with the safety flags the case view shows."""
    return {
        case_id: summary.with_flags(victim, contacts, on)
        for case_id, (summary, victim, contacts) in repo_caseload.caseload_rows(db, ids).items()
    }


def caseload_counts(ws: Workspace) -> dict[str, int]:
    return repo_caseload.case_counts(ws.store.db)


def vlo_names(ws: Workspace) -> list[str]:
    return repo_caseload.vlo_names(ws.store.db)


SORT_KEYS = tuple(repo_caseload.SORTS)


# --- events on a case -----------------------------------------------------------------


def add_liaison_entry(ws: Workspace, entry: LiaisonEntry) -> Changed:
    """Log a liaison note; services.liaison applies its waiting, chasing and replying."""
    from vcs_app.services import liaison  # it builds on this module (Changed)

    return liaison.log_liaison(ws, entry)


def add_key_date(ws: Workspace, key_date: KeyDate) -> Changed:
    """Record a key date; a change supersedes (never overwrites) the previous one."""
    with ws.store.atomic() as db:
        repo_cases.get_offender(db, key_date.offender_id)
        previous = repo_events.current_key_date(
            db, key_date.offender_id, key_date.kind, key_date.source.value
        )
        key_date = replace(key_date, recorded_by=ws.user)
        new_id = repo_events.insert_key_date(db, key_date)
        link_ids = tuple(repo_cases.links_for_offender(db, key_date.offender_id))
        _audit_each_case(
            ws,
            db,
            link_ids,
            action="update" if previous else "create",
            entity="key_date",
            entity_id=new_id,
            detail={
                "kind": key_date.kind,
                "old": previous.value.isoformat() if previous else None,
                "new": key_date.value.isoformat(),
            },
        )
    return Changed(link_ids, "key_date", new_id)


# --- undo: the inverse of each edit above (see services/undo.py) ----------------------


def restore_victim(ws: Workspace, restore: Victim, expected: Victim, *, action: str) -> Changed:
    """Put a victim's details back as `restore` (undo or redo of an edit), only if they are
    still as that edit left them (`expected`)."""
    with ws.store.atomic() as db:
        undo.check_unchanged(
            repo_cases.get_victim(db, restore.id), expected, "The victim's details", action
        )
        link_ids = tuple(repo_cases.links_for_victim(db, restore.id))
        repo_cases.update_victim(db, restore)
        _audit_each_case(
            ws,
            db,
            link_ids,
            action=action,
            entity="victim",
            entity_id=restore.id,
            detail=_diff(expected, restore),
        )
    return Changed(link_ids, "victim", restore.id)


def restore_offender(
    ws: Workspace, restore: Offender, expected: Offender, *, action: str
) -> Changed:
    """Put an offender's details back as `restore`, only if they are still `expected`."""
    with ws.store.atomic() as db:
        undo.check_unchanged(
            repo_cases.get_offender(db, restore.id), expected, "The offender's details", action
        )
        link_ids = tuple(repo_cases.links_for_offender(db, restore.id))
        repo_cases.update_offender(db, restore)
        _audit_each_case(
            ws,
            db,
            link_ids,
            action=action,
            entity="offender",
            entity_id=restore.id,
            detail=_diff(expected, restore),
        )
    return Changed(link_ids, "offender", restore.id)


def archive_case(ws: Workspace, link_id: int) -> Changed:
    """Deleting a case is archiving it: it leaves the caseload, nothing is removed, and
    `restore_case_status` (undo) brings it back."""
    with ws.store.atomic() as db:
        link = repo_cases.get_link(db, link_id)
        if link.status is CaseStatus.ARCHIVED:
            raise ValidationError(f"Case {link.ref} is already archived.")
        repo_cases.update_link(
            db, replace(link, status=CaseStatus.ARCHIVED), on=ws.today(), who=ws.user
        )
        audit.record(
            db,
            who=ws.user,
            action="archive",
            entity="link",
            entity_id=link_id,
            link_id=link_id,
            detail={"status": [link.status.value, CaseStatus.ARCHIVED.value]},
        )
    return Changed((link_id,), "link", link_id)


def restore_case_status(
    ws: Workspace, link_id: int, status: CaseStatus, *, expected: CaseStatus, action: str
) -> Changed:
    """Undo (or redo) archiving: set the status back, only if it is still `expected`."""
    status = CaseStatus(status)
    with ws.store.atomic() as db:
        link = repo_cases.get_link(db, link_id)
        undo.check_unchanged(link.status, CaseStatus(expected), "The case's status", action)
        repo_cases.update_link(db, replace(link, status=status), on=ws.today(), who=ws.user)
        audit.record(
            db,
            who=ws.user,
            action=action,
            entity="link",
            entity_id=link_id,
            link_id=link_id,
            detail={"status": [link.status.value, status.value]},
        )
    return Changed((link_id,), "link", link_id)
