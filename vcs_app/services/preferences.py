"""How, and how safely, to contact a victim: preferences, contact details, the victim record.

Language, accessibility, "phone first" and the parent/guardian belong to the victim (so
to all their cases); the contact level and preferred channel belong to one case.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from vcs_app.domain.model import (
    Channel,
    ContactDetail,
    ContactLevel,
    Language,
    OptState,
    ValidationError,
    Victim,
    label,
)
from vcs_app.services import cases, intake
from vcs_app.services.cases import Changed
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_cases


@dataclass(frozen=True)
class ContactPreferences:
    contact_level: ContactLevel
    channel: Channel
    language: Language
    accessibility: str = ""
    phone_first: bool = False
    guardian_name: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "contact_level", ContactLevel(self.contact_level))
        object.__setattr__(self, "channel", Channel(self.channel))
        object.__setattr__(self, "language", Language(self.language))


def preferences_of(ws: Workspace, link_id: int) -> ContactPreferences:
    db = ws.store.db
    link = repo_cases.get_link(db, link_id)
    victim = repo_cases.get_victim(db, link.victim_id)
    return ContactPreferences(
        contact_level=link.contact_level,
        channel=link.channel,
        language=victim.language,
        accessibility=victim.accessibility,
        phone_first=victim.phone_first,
        guardian_name=victim.guardian_name,
    )


def _check_guardian(victim: Victim, today: date) -> None:
    if victim.is_minor(today) and not victim.guardian_name:
        raise ValidationError("The victim is under 18: give the parent or guardian to contact.")


def update_preferences(ws: Workspace, link_id: int, prefs: ContactPreferences) -> Changed:
    """Save the victim's preferences and this case's level and channel, in one transaction."""
    with ws.store.atomic() as db:
        link = repo_cases.get_link(db, link_id)
        victim = repo_cases.get_victim(db, link.victim_id)
        opted_in = link.opt_state is OptState.OPTED_IN
        if prefs.contact_level is not link.contact_level and not opted_in:
            raise ValidationError(
                f"The contact level is chosen when the victim opts in; this case is "
                f"{label(link.opt_state).lower()}. Record the opt-in instead."
            )
        if opted_in and prefs.contact_level is ContactLevel.NONE:
            raise ValidationError(
                "A victim who wants no contact has opted out: record the opt-out instead."
            )
        new_victim = replace(
            victim,
            language=prefs.language,
            accessibility=prefs.accessibility,
            phone_first=prefs.phone_first,
            guardian_name=prefs.guardian_name,
        )
        _check_guardian(new_victim, ws.today())
        link_ids = (link_id,)
        if new_victim != victim:
            link_ids = tuple(repo_cases.links_for_victim(db, victim.id))
            cases.update_victim(ws, new_victim)
        new_link = replace(link, contact_level=prefs.contact_level, channel=prefs.channel)
        if new_link != link:
            repo_cases.update_link(db, new_link, on=ws.today(), who=ws.user)
            audit.record(
                db,
                who=ws.user,
                action="update",
                entity="preferences",
                entity_id=link_id,
                link_id=link_id,
                detail={
                    k: [getattr(link, k).value, getattr(new_link, k).value]
                    for k in ("contact_level", "channel")
                    if getattr(link, k) != getattr(new_link, k)
                },
            )
    return Changed(link_ids, "preferences", link_id)


def update_victim(ws: Workspace, victim: Victim) -> Changed:
    """Save the victim; a changed date of birth moves (or cancels) the turning-18 tasks."""
    _check_guardian(victim, ws.today())
    with ws.store.atomic():
        changed = cases.update_victim(ws, victim)
        intake.sync_turning_18(ws, victim.id)
    return changed


def add_contact_detail(ws: Workspace, link_id: int, detail: ContactDetail) -> Changed:
    """A new address, phone or email for the victim of this case (so for all their cases)."""
    with ws.store.atomic() as db:
        victim_id = repo_cases.get_link(db, link_id).victim_id
        detail_id = cases.add_contact_detail(ws, replace(detail, victim_id=victim_id, id=None))
        link_ids = tuple(repo_cases.links_for_victim(db, victim_id))
    return Changed(link_ids, "contact_detail", detail_id)


def update_contact_detail(ws: Workspace, detail: ContactDetail) -> Changed:
    """Correct a detail or mark it unsafe / do not post / ended (valid to)."""
    return cases.update_contact_detail(ws, detail)


def restore_victim(ws: Workspace, restore: Victim, expected: Victim, *, action: str) -> Changed:
    """Undo (or redo) an edit of the victim, moving the turning-18 task back with the date
    of birth; refused if the victim changed since (services/undo.py)."""
    with ws.store.atomic():
        changed = cases.restore_victim(ws, restore, expected, action=action)
        intake.sync_turning_18(ws, restore.id)
    return changed
