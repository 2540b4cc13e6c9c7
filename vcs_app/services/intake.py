"""Referral intake and the opt-in journey that follows it.

A referral from the Witness Care Unit becomes a case: the victim and offender are matched
against people already on file (nothing is merged or duplicated without the VLO saying
so), eligibility is decided under the rules in force on the sentence date, and the
scheme's clocks start. Each later opt-in change moves those clocks:

- referral received -> `referral_to_offer` (offer contact within N working days)
- offer made -> that clock is done; `offer_follow_up` starts
- follow-up sent -> `offer_follow_up` done; `follow_up_to_no_response` starts
- opted in / declined / opted out / no response -> open opt-in clocks are done
- reopened -> `referral_to_offer` starts again from the reopening
- under 18 -> `turning_18` on the 18th birthday (29 February -> 1 March)
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from vcs_app.domain.eligibility import EligibilityDecision, decide_eligibility, override_eligibility
from vcs_app.domain.model import (
    CaseSummary,
    Channel,
    ContactDetail,
    ContactEvent,
    ContactLevel,
    Eligibility,
    Link,
    OffenceCategory,
    Offender,
    OptState,
    Referral,
    ReferralRecord,
    Role,
    SentenceType,
    ValidationError,
    Victim,
    check_opt_change,
    clean_text,
    eighteenth_birthday,
    label,
)
from vcs_app.domain.sentence import offence_class_of_referral
from vcs_app.services import access, clocks
from vcs_app.services.cases import Changed, summaries
from vcs_app.services.workspace import Workspace
from vcs_app.storage import (
    audit,
    repo_cases,
    repo_events,
    repo_intake,
    repo_sentences,
)

OPT_CLOCKS = ("referral_to_offer", "offer_follow_up", "follow_up_to_no_response")
SEPARATE = "separate"
NAME_ONLY = (
    "same name, linked to the matching victim; no date of birth, CRN or prison number given"
    " to compare"
)
Choice = int | Literal["separate"] | None

# How a contact is recorded in the contact log, by the channel it went through.
_CONTACT_KIND = {
    Channel.LETTER: "letter",
    Channel.PHONE: "call",
    Channel.EMAIL: "email",
    Channel.VISIT: "visit",
}


# --- possible duplicates --------------------------------------------------------------


@dataclass(frozen=True)
class PersonMatch:
    """Someone on file who may be the person in the referral, and why we think so."""

    person: Victim | Offender
    reason: str
    same_reference: bool = False  # CRN or prison number: the same person, so merge only
    cases: tuple[CaseSummary, ...] = ()


@dataclass(frozen=True)
class ReferralMatches:
    victims: tuple[PersonMatch, ...] = ()
    offenders: tuple[PersonMatch, ...] = ()

    @property
    def found(self) -> bool:
        return bool(self.victims or self.offenders)


@dataclass(frozen=True)
class MatchDecision:
    """The VLO's choice per person: the id on file to merge into, SEPARATE, or None (none
    made: refused when there is a match)."""

    victim: Choice = None
    offender: Choice = None


class PossibleDuplicate(ValidationError):
    """The referral matches someone on file and no choice was made."""


def _matches(db, referral: Referral, today: date) -> ReferralMatches:

    def cases_of(link_ids: list[int]) -> tuple[CaseSummary, ...]:
        rows = summaries(db, link_ids, today)
        return tuple(rows[i] for i in sorted(rows))

    victims = tuple(
        PersonMatch(v, why, False, cases_of(repo_cases.links_for_victim(db, v.id)))
        for v, why in repo_intake.victims_like(db, referral.victim)
    )
    found = repo_intake.offenders_like(db, referral.offender)
    offender = referral.offender
    if victims and not (offender.dob or offender.crn or offender.nomis):
        # Nothing to compare but the name: a same-named offender already linked to the
        # victim this may merge with is most likely the same person, so it is offered.
        found += [
            (o, NAME_ONLY, False)
            for o in repo_intake.offenders_linked_by_name(
                db, [m.person.id for m in victims], offender
            )
        ]
    offenders = tuple(
        PersonMatch(o, why, same, cases_of(repo_cases.links_for_offender(db, o.id)))
        for o, why, same in found
        if referral.offender.id is None  # another victim of an offender on file: no question
    )
    return ReferralMatches(victims, offenders)


def match_people(ws: Workspace, referral: Referral) -> ReferralMatches:
    """People on file the referral may be about (no audit: for checks inside a use case)."""
    return _matches(ws.store.db, referral, ws.today())


def find_matches(ws: Workspace, referral: Referral) -> ReferralMatches:
    """People on file the referral may be about; showing them is logged as a consultation."""
    matches = _matches(ws.store.db, referral, ws.today())
    if matches.found:
        with ws.store.atomic() as db:
            audit.record(
                db,
                who=ws.user,
                action="view",
                entity="duplicate_check",
                detail={
                    "victims": [m.person.id for m in matches.victims],
                    "offenders": [m.person.id for m in matches.offenders],
                },
            )
    return matches


def _choose(found: tuple[PersonMatch, ...], choice: Choice, what: str) -> int | None:
    """The id to merge into, or None for a new record; refuses an unmade or impossible choice."""
    if not found:
        if isinstance(choice, int):
            raise ValidationError(f"The {what} chosen to merge with is no longer a match.")
        return None
    if choice is None:
        names = "; ".join(f"{m.person.full_name} ({m.reason})" for m in found)
        raise PossibleDuplicate(
            f"The {what} may already be on file: {names}. Choose to merge or keep separate."
        )
    if choice == SEPARATE:
        same = [m for m in found if m.same_reference]
        if same:
            raise ValidationError(
                f"The {what} cannot be kept separate from {same[0].person.full_name}: "
                f"{same[0].reason} means the same person. Correct the reference or merge."
            )
        return None
    if choice not in {m.person.id for m in found}:
        raise ValidationError(f"The {what} chosen to merge with is not one of the matches.")
    return int(choice)


def _merged(on_file, incoming, fields: tuple[str, ...]):
    """The record on file with its empty fields filled from the referral (never overwritten)."""
    filled = {name: getattr(incoming, name) for name in fields if not getattr(on_file, name)}
    return replace(on_file, **{k: v for k, v in filled.items() if v}), filled


# --- another victim of an offender on file ---------------------------------------------


@dataclass(frozen=True)
class SameOffender:
    """What a referral for another victim of a case's offender starts with: the offender
    on file, the offence and sentence, the OM and the VLO (nothing typed twice)."""

    case_ref: str
    offender: Offender
    offence: str
    offence_category: OffenceCategory
    sentence_date: date | None
    sentence_type: SentenceType | None
    custody_months: float | None
    om_name: str
    om_team: str
    vlo: str


def same_offender(ws: Workspace, link_id: int) -> SameOffender:
    """The start of a referral for another victim of this case's offender: the sentence
    as recorded for the offender (else as the case's referral gave it)."""
    db = ws.store.db
    link = repo_cases.get_link(db, link_id)
    record = referral_record(ws, link_id)
    kind, months, sentenced = record.sentence_type, record.custody_months, link.sentence_date
    row = repo_sentences.current_sentence_row(db, link.offender_id)
    if row is not None:
        kind = SentenceType(row["type"])
        months = row["custodial_months"] or row["length_months"]
        sentenced = date.fromisoformat(row["sentence_date"])
    return SameOffender(
        case_ref=link.ref,
        offender=repo_cases.get_offender(db, link.offender_id),
        offence=link.offence,
        offence_category=link.offence_category,
        sentence_date=sentenced,
        sentence_type=kind,
        custody_months=months,
        om_name=link.om_name,
        om_team=link.om_team,
        vlo=link.vlo,
    )


# --- eligibility ----------------------------------------------------------------------


def preview_eligibility(
    *,
    offence_category: OffenceCategory,
    sentence_type: SentenceType | None,
    custody_months: float | None,
    sentence_date: date | None,
    referral_date: date,
    serious_risk_agreed: bool = False,
) -> EligibilityDecision:
    """What the rules say for these facts (under the rules in force on the sentence date)."""
    return decide_eligibility(
        offence_category=offence_category,
        sentence_type=sentence_type,
        custody_months=custody_months,
        sentence_date=sentence_date or referral_date,
        serious_risk_agreed=serious_risk_agreed,
    )


def _decide(link: Link, record: ReferralRecord) -> EligibilityDecision:
    return preview_eligibility(
        offence_category=link.offence_category,
        sentence_type=record.sentence_type,
        custody_months=record.custody_months,
        sentence_date=link.sentence_date,
        referral_date=link.referral_date,
        serious_risk_agreed=record.serious_risk_agreed,
    )


def _with_decision(link: Link, decision: EligibilityDecision) -> Link:
    return replace(
        link,
        eligibility=decision.outcome,
        eligibility_reason=decision.reason,
        rules_version=decision.rules_version,
    )


def _sync_offer_clock(ws: Workspace, link: Link, on: date) -> None:
    """An eligible case waiting for its offer has the clock; a not-eligible one has none."""
    if link.eligibility is Eligibility.NOT_ELIGIBLE:
        for key in OPT_CLOCKS:
            clocks.stop_clock(ws, link.id, key, on, outcome="cancelled")
    elif link.opt_state is OptState.REFERRED:
        clocks.start_clock(ws, link.id, "referral_to_offer", link.referral_date)


# --- registering a referral -----------------------------------------------------------


def register_referral(
    ws: Workspace, referral: Referral, decision: MatchDecision | None = None
) -> Changed:
    """Put a referral on file as a new case, in one transaction. A referral whose
    offender has an id (another victim of an offender on file) joins that offender."""
    with ws.store.atomic():
        link = register_in_transaction(ws, referral, decision or MatchDecision(), "intake form")
    return Changed((link.id,), "link", link.id)


def register_in_transaction(
    ws: Workspace,
    referral: Referral,
    decision: MatchDecision,
    source: str,
    matches: ReferralMatches | None = None,
) -> Link:
    """The body of `register_referral`, for callers already inside a transaction (import,
    which passes the `matches` it has just looked up); returns the new case."""
    referral.check_dates(ws.today())
    db = ws.store.db
    if matches is None:
        matches = _matches(db, referral, ws.today())
    merge_victim = _choose(matches.victims, decision.victim, "victim")
    if referral.offender.id is not None:  # another victim of an offender on file
        merge_offender = repo_cases.get_offender(db, referral.offender.id).id
    else:
        merge_offender = _choose(matches.offenders, decision.offender, "offender")
    victim_id = _put_victim(ws, referral.victim, merge_victim)
    offender_id = _put_offender(ws, referral.offender, merge_offender)
    existing = repo_intake.link_between(db, victim_id, offender_id)
    if existing:
        raise ValidationError(
            f"This victim is already linked to this offender in case {existing[1]}: "
            "open that case instead of adding the referral again."
        )
    record = ReferralRecord(
        link_id=0,
        sentence_type=referral.sentence_type,
        custody_months=referral.custody_months,
        serious_risk_agreed=referral.serious_risk_agreed,
        acting_for=referral.acting_for,
        relationship=referral.relationship,
        source=source,
    )
    link = referral.link(victim_id, offender_id)
    link = _with_decision(link, _decide(link, record))
    link_id = repo_cases.insert_link(db, link)
    link = replace(link, id=link_id, ref=repo_cases.link_ref(link_id))
    repo_intake.save_referral_record(db, replace(record, link_id=link_id))
    repo_events.insert_opt_change(
        db, link_id, OptState.REFERRED, referral.referral_date, f"referral: {source}", ws.user
    )
    if referral.sentence_type and referral.sentence_date:
        repo_intake.add_sentence_if_none(
            db,
            offender_id,
            sentence_type=referral.sentence_type.value,
            custody_months=referral.custody_months,
            sentence_date=referral.sentence_date.isoformat(),
            offence_class=offence_class_of_referral(referral.offence_category).value,
            recorded_by=ws.user,
        )
    _add_contacts(ws, victim_id, referral.contacts, link_id, new_victim=merge_victim is None)
    audit.record(
        db,
        who=ws.user,
        action="create",
        entity="link",
        entity_id=link_id,
        link_id=link_id,
        detail={
            "offence": link.offence,
            "referral_date": link.referral_date.isoformat(),
            "eligibility": link.eligibility.value,
            "rules_version": link.rules_version,
            "source": source,
        },
    )
    _sync_offer_clock(ws, link, referral.referral_date)
    if referral.victim.is_minor(ws.today()) or merge_victim is not None:
        sync_turning_18(ws, victim_id)
    return link


def _put_victim(ws: Workspace, victim: Victim, merge_into: int | None) -> int:
    db = ws.store.db
    if merge_into is None:
        victim_id = repo_cases.insert_victim(db, victim)
        audit.record(db, who=ws.user, action="create", entity="victim", entity_id=victim_id)
        return victim_id
    on_file = repo_cases.get_victim(db, merge_into)
    merged, filled = _merged(on_file, victim, ("dob", "guardian_name", "accessibility"))
    if merged != on_file:
        repo_cases.update_victim(db, merged)
    audit.record(
        db,
        who=ws.user,
        action="merge",
        entity="victim",
        entity_id=merge_into,
        detail={"filled": filled} if filled else "referral added to the victim on file",
    )
    return merge_into


def _put_offender(ws: Workspace, offender: Offender, merge_into: int | None) -> int:
    db = ws.store.db
    if merge_into is None:
        offender_id = repo_cases.insert_offender(db, offender)
        audit.record(db, who=ws.user, action="create", entity="offender", entity_id=offender_id)
        return offender_id
    on_file = repo_cases.get_offender(db, merge_into)
    merged, filled = _merged(on_file, offender, ("dob", "crn", "nomis", "establishment"))
    if merged != on_file:
        repo_cases.update_offender(db, merged)
    audit.record(
        db,
        who=ws.user,
        action="merge",
        entity="offender",
        entity_id=merge_into,
        detail={"filled": filled} if filled else "referral added to the offender on file",
    )
    return merge_into


def _add_contacts(
    ws: Workspace,
    victim_id: int,
    details: tuple[ContactDetail, ...],
    link_id: int,
    *,
    new_victim: bool,
) -> None:
    """Add the referral's contact details the victim does not already have."""
    db = ws.store.db
    on_file = () if new_victim else repo_cases.contact_details(db, victim_id)
    known = {(c.kind, c.value.casefold()) for c in on_file}
    for detail in details:
        if (detail.kind, detail.value.casefold()) in known:
            continue
        detail_id = repo_cases.insert_contact_detail(db, replace(detail, victim_id=victim_id))
        audit.record(
            db,
            who=ws.user,
            action="create",
            entity="contact_detail",
            entity_id=detail_id,
            link_id=link_id,
            detail={"kind": detail.kind.value},
        )


def sync_turning_18(ws: Workspace, victim_id: int) -> None:
    """Each open case of an under-18 victim has a task on their 18th birthday; a corrected
    date of birth moves it, and an adult (or unknown) date cancels it. Call in a transaction."""
    db = ws.store.db
    victim = repo_cases.get_victim(db, victim_id)
    today = ws.today()
    for link_id in repo_intake.open_links_for_victim(db, victim_id):
        if victim.dob is not None and victim.is_minor(today):
            clocks.start_clock(
                ws,
                link_id,
                "turning_18",
                eighteenth_birthday(victim.dob),
                title=f"Offer contact directly: {victim.full_name} turns 18",
                rules_on=today,
            )
        else:
            clocks.stop_clock(ws, link_id, "turning_18", today, outcome="cancelled")


# --- changing a referral --------------------------------------------------------------


@dataclass(frozen=True)
class ReferralChanges:
    """The referral's facts as corrected by the VLO; eligibility and clocks follow them."""

    offence: str
    offence_category: OffenceCategory
    referral_date: date
    sentence_date: date | None
    sentence_type: SentenceType | None
    custody_months: float | None
    referrer: str
    vlo: str
    om_name: str = ""
    om_team: str = ""
    acting_for: str = ""
    relationship: str = ""
    serious_risk_agreed: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "offence_category", OffenceCategory(self.offence_category))
        if self.sentence_type is not None:
            object.__setattr__(self, "sentence_type", SentenceType(self.sentence_type))


def referral_record(ws: Workspace, link_id: int) -> ReferralRecord:
    """The case's referral details (an empty record for a case made before intake)."""
    return repo_intake.referral_record(ws.store.db, link_id) or ReferralRecord(link_id)


def update_referral(ws: Workspace, link_id: int, changes: ReferralChanges) -> Changed:
    """Correct a referral; eligibility is decided again (unless overridden) and the offer
    clock moves with the referral date."""
    with ws.store.atomic() as db:
        old = repo_cases.get_link(db, link_id)
        old_record = referral_record(ws, link_id)
        link = replace(
            old,
            offence=changes.offence,
            offence_category=changes.offence_category,
            referral_date=changes.referral_date,
            sentence_date=changes.sentence_date,
            referrer=changes.referrer,
            vlo=changes.vlo,
            om_name=changes.om_name,
            om_team=changes.om_team,
        )
        record = replace(
            old_record,
            sentence_type=changes.sentence_type,
            custody_months=changes.custody_months,
            serious_risk_agreed=changes.serious_risk_agreed,
            acting_for=clean_text(changes.acting_for),
            relationship=clean_text(changes.relationship),
        )
        victim = repo_cases.get_victim(db, link.victim_id)
        Referral(  # the same rules as at intake
            victim,
            repo_cases.get_offender(db, link.offender_id),
            link.offence,
            link.referral_date,
            link.offence_category,
            link.sentence_date,
            record.sentence_type,
            record.custody_months,
            acting_for=record.acting_for,
        )
        link.check_dates(ws.today())
        if not record.eligibility_overridden:
            link = _with_decision(link, _decide(link, record))
        changed = {
            k: [str(getattr(old, k)), str(getattr(link, k))]
            for k in (
                "offence",
                "offence_category",
                "referral_date",
                "sentence_date",
                "referrer",
                "vlo",
                "om_name",
                "om_team",
                "eligibility",
            )
            if getattr(old, k) != getattr(link, k)
        }
        changed.update(
            {
                k: [str(getattr(old_record, k)), str(getattr(record, k))]
                for k in (
                    "sentence_type",
                    "custody_months",
                    "serious_risk_agreed",
                    "acting_for",
                    "relationship",
                )
                if getattr(old_record, k) != getattr(record, k)
            }
        )
        if not changed:
            return Changed((link_id,), "link", link_id)
        repo_cases.update_link(db, link, on=ws.today(), who=ws.user)
        repo_intake.save_referral_record(db, record)
        audit.record(
            db,
            who=ws.user,
            action="update",
            entity="referral",
            entity_id=link_id,
            link_id=link_id,
            detail=changed,
        )
        _sync_offer_clock(ws, link, ws.today())
    return Changed((link_id,), "link", link_id)


def override_case_eligibility(
    ws: Workspace, link_id: int, outcome: Eligibility | None, *, reason: str, by: str
) -> Changed:
    """A manager's decision replacing the rules' one (with who and why); `outcome` None
    removes the override and lets the rules decide again. A senior VLO's decision."""
    access.require(ws, Role.SENIOR, "override a case's eligibility")
    with ws.store.atomic() as db:
        link = repo_cases.get_link(db, link_id)
        record = referral_record(ws, link_id)
        computed = _decide(link, record)
        if outcome is None:
            decision, overridden = computed, False
        else:
            decision = override_eligibility(computed, outcome=outcome, reason=reason, by=by)
            overridden = True
        new = _with_decision(link, decision)
        repo_cases.update_link(db, new, on=ws.today(), who=ws.user)
        repo_intake.save_referral_record(db, replace(record, eligibility_overridden=overridden))
        audit.record(
            db,
            who=ws.user,
            action="update",
            entity="eligibility",
            entity_id=link_id,
            link_id=link_id,
            detail={
                "eligibility": [link.eligibility.value, new.eligibility.value],
                "reason": new.eligibility_reason,
                "override": overridden,
            },
        )
        _sync_offer_clock(ws, new, ws.today())
    return Changed((link_id,), "link", link_id)


# --- opt-in journey -------------------------------------------------------------------


def _check_on(link: Link, on: date, today: date) -> None:
    if on > today:
        raise ValidationError(f"{on:%d/%m/%Y} is in the future: record what has happened.")
    if on < link.referral_date:
        raise ValidationError(
            f"{on:%d/%m/%Y} is before the referral was received ({link.referral_date:%d/%m/%Y})."
        )


def record_opt_change(
    ws: Workspace,
    link_id: int,
    state: OptState,
    *,
    on: date,
    source: str,
    contact_level: ContactLevel | None = None,
) -> Changed:
    """Record an opt-in change (kept in the case's history) and move the clocks it affects."""
    state = OptState(state)
    source = clean_text(source)
    if not source:
        raise ValidationError("Say how the change came (letter, phone call, visit...).")
    with ws.store.atomic() as db:
        link = repo_cases.get_link(db, link_id)
        _check_on(link, on, ws.today())
        if link.eligibility is Eligibility.NOT_ELIGIBLE and state in (
            OptState.OFFERED,
            OptState.REOPENED,
        ):
            raise ValidationError(
                "This case is not eligible for the scheme: a manager must override the "
                "eligibility before contact is offered."
            )
        level = check_opt_change(link.opt_state, state, contact_level)
        new = replace(link, opt_state=state, contact_level=level)
        # The level the victim chose dates from the answer, not from when it was typed in.
        repo_cases.update_link(db, new, on=on, who=ws.user)
        repo_events.insert_opt_change(db, link_id, state, on, source, ws.user)
        audit.record(
            db,
            who=ws.user,
            action="update",
            entity="opt_state",
            entity_id=link_id,
            link_id=link_id,
            detail={
                "opt_state": [link.opt_state.value, state.value],
                "contact_level": [link.contact_level.value, level.value],
                "on": on.isoformat(),
                "source": source,
            },
        )
        if state is OptState.OFFERED:
            clocks.stop_clock(ws, link_id, "referral_to_offer", on)
            clocks.start_clock(ws, link_id, "offer_follow_up", on)
            _log_contact(ws, link_id, on, link.channel, f"Offer of contact ({source})")
        elif state is OptState.REOPENED:
            clocks.start_clock(
                ws,
                link_id,
                "referral_to_offer",
                on,
                title="Offer contact again: case reopened",
                rules_on=link.referral_date,
            )
        else:
            for key in OPT_CLOCKS:
                clocks.stop_clock(ws, link_id, key, on)
    return Changed((link_id,), "opt_state", link_id)


def record_follow_up(ws: Workspace, link_id: int, *, on: date, channel: Channel) -> Changed:
    """The follow-up to an unanswered offer went out: its clock is done, the last wait
    (before recording no response) starts."""
    channel = Channel(channel)
    with ws.store.atomic() as db:
        link = repo_cases.get_link(db, link_id)
        _check_on(link, on, ws.today())
        if link.opt_state is not OptState.OFFERED:
            raise ValidationError(
                f"A follow-up answers an offer with no reply; this case is "
                f"{label(link.opt_state).lower()}."
            )
        event_id = _log_contact(ws, link_id, on, channel, "Follow-up to the offer of contact")
        audit.record(
            db,
            who=ws.user,
            action="create",
            entity="contact",
            entity_id=event_id,
            link_id=link_id,
            detail={"follow_up": on.isoformat(), "channel": channel.value},
        )
        clocks.stop_clock(ws, link_id, "offer_follow_up", on)
        clocks.start_clock(ws, link_id, "follow_up_to_no_response", on)
    return Changed((link_id,), "contact", event_id)


def _log_contact(ws: Workspace, link_id: int, on: date, channel: Channel, summary: str) -> int:
    return repo_intake.insert_contact_event(
        ws.store.db,
        ContactEvent(
            link_id=link_id,
            happened_on=on,
            kind=_CONTACT_KIND[Channel(channel)],
            outcome="sent",
            summary=summary,
            recorded_by=ws.user,
        ),
    )
