"""A deterministic synthetic caseload for demos, tests and benchmarks.

Everyone in it is invented (resources/demo/seeds.json). The same seed and `today`
give the same file, so screenshots and benchmark figures can be reproduced.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from vcs_app.domain.calendar import add_working_days
from vcs_app.domain.model import KEY_DATE_KINDS, normalise_name
from vcs_app.domain.rules import rule_set_for
from vcs_app.services.accounts import add_demo_account
from vcs_app.services.sentences import key_date_source_ref
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit
from vcs_app.storage.bulk import has_cases, insert_rows
from vcs_app.storage.db import utc_now
from vcs_app.storage.repo_cases import link_ref, refresh_next_due, refresh_search
from vcs_app.storage.repo_settings import set_setting

SEEDS = Path(__file__).resolve().parents[2] / "resources" / "demo" / "seeds.json"

OPT_WEIGHTS = {
    "opted_in": 55,
    "offered": 10,
    "referred": 5,
    "declined": 10,
    "no_response": 10,
    "opted_out": 5,
    "reopened": 5,
}
TASK_TITLES = {
    "referral_to_offer": "Offer contact to the victim",
    "offer_follow_up": "Send a follow-up: no reply to the offer",
    "key_date_update": "Tell the victim of the new release month",
    "om_chase": "Chase the offender manager for a reply",
    "parole_review": "Invite a victim personal statement for the parole review",
    "turning_18": "Re-offer contact directly: victim turns 18",
}
ELIGIBILITY_REASONS = {
    "statutory": "12 months or more in custody for a violent or sexual offence.",
    "discretionary": "Manager agreed: domestic abuse case below the threshold.",
    "not_eligible": "Sentence under 12 months; referrer told.",
}
LIAISON_PER_CASE = 6
PARTIES = ("om", "prison", "hospital", "parole_board", "police")
PARTY_WEIGHTS = (60, 15, 5, 10, 10)
CONTACTS_PER_CASE = 4


@dataclass(frozen=True)
class DemoSummary:
    victims: int
    offenders: int
    links: int
    liaison_entries: int
    contacts: int
    tasks: int


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _case_events(
    rng: random.Random, seeds: dict, case_info: list, today: date, now: str
) -> tuple[list[tuple], list[tuple]]:
    """Liaison notes and contacts for every case, drawn in bulk (a million rows at 100k)."""
    iso_cache: dict[int, str] = {}

    def iso(ordinal: int) -> str:
        if ordinal not in iso_cache:
            iso_cache[ordinal] = date.fromordinal(ordinal).isoformat()
        return iso_cache[ordinal]

    today_ord = today.toordinal()
    n = len(case_info) * LIAISON_PER_CASE
    ages = rng.choices(range(901), k=n)
    parties = rng.choices(PARTIES, weights=PARTY_WEIGHTS, k=n)
    directions = rng.choices(("to", "from"), k=n)
    channels = rng.choices(("email", "phone", "letter", "meeting"), k=n)
    summaries = rng.choices(seeds["liaison"], k=n)
    follows = rng.choices((True, False), weights=(2, 8), k=n)
    liaison = []
    for i in range(n):
        link_id, referred, om_name, vlo = case_info[i // LIAISON_PER_CASE]
        when = max(referred, today_ord - ages[i])
        party = parties[i]
        liaison.append(
            (
                link_id,
                iso(when),
                directions[i],
                party,
                channels[i],
                om_name if party == "om" else "",
                summaries[i],
                iso(when + 14) if follows[i] else None,
                vlo,
                now,
            )
        )
    n = len(case_info) * CONTACTS_PER_CASE
    ages = rng.choices(range(901), k=n)
    kinds = rng.choices(("letter", "call", "visit", "email"), k=n)
    notes = rng.choices(seeds["contact_notes"], k=n)
    contacts = []
    for i in range(n):
        link_id, referred, _, vlo = case_info[i // CONTACTS_PER_CASE]
        when = iso(max(referred, today_ord - ages[i]))
        contacts.append((link_id, when, kinds[i], "done", notes[i], vlo, now))
    return liaison, contacts


CONDITION_SHARE = 0.12  # of opted-in victims who ask for a licence condition
LATE_OFFER_SHARE = 0.1  # initial offers made after the working-day limit
# "" = recorded but not yet sent to the OM (so the demo starts with nothing waiting on OMs)
DECISIONS = {"included": 70, "amended": 12, "refused": 8, "": 10}
REFUSALS = (
    "Not necessary or proportionate: the offender will live over 100 miles away.",
    "Covered by an existing condition of the licence.",
)


def _offer_dates(rng: random.Random, referred: date, today: date) -> tuple[date, date]:
    """(due, made) of the initial offer: mostly inside the rule set's working-day limit."""
    limit = rule_set_for(referred).clock("referral_to_offer").length
    due = add_working_days(referred, limit)
    late = rng.random() < LATE_OFFER_SHARE
    days = rng.randint(limit + 1, limit + 15) if late else rng.randint(1, limit)
    return due, min(today, add_working_days(referred, days))


def _condition_request(
    rng: random.Random, link_id: int, referred: date, today: date, victim: str, om: str, team: str
) -> tuple:
    """A no-contact or exclusion request: decided by the OM, or not yet sent."""
    requested = min(today, referred + timedelta(days=rng.randint(10, 120)))
    sent = min(today, requested + timedelta(days=rng.randint(0, 5)))
    decision = _weighted(rng, DECISIONS) or None
    decided = min(today, sent + timedelta(days=rng.randint(5, 40))) if decision else None
    if rng.random() < 0.6:
        kind = "no_contact"
        wording = (
            f"Not to approach or communicate with {victim}, directly or indirectly, without the"
            " prior approval of your supervising officer."
        )
    else:
        kind = "exclusion_zone"
        wording = (
            "Not to enter the area marked on the attached map without the prior approval of"
            " your supervising officer."
        )
    return (
        link_id,
        kind,
        wording,
        "decided" if decision else "requested",
        requested.isoformat(),
        sent.isoformat() if decision else None,
        decision,
        decided.isoformat() if decided else None,
        rng.choice(REFUSALS) if decision == "refused" else "",
        om,
        team,
        "demo",
    )


VIEWS_PER_CASE = (0, 2)  # how often each case has been opened (uniform), for the log


def _record_case_views(db, rng: random.Random, case_info: list) -> None:
    """The audit log a caseload in use has: a "view" row each time a VLO opened a case
    (DPA 2018 s.62), so the log is as long at benchmark scale as it would be."""
    low, high = VIEWS_PER_CASE
    for link_id, _referred, _om, vlo in case_info:
        for _ in range(rng.randint(low, high)):
            audit.record(
                db, who=vlo, action="view", entity="link", entity_id=link_id, link_id=link_id
            )


def build_demo(ws: Workspace, *, victims: int = 300, seed: int = 1, today: date | None = None):
    """Fill an empty database with `victims` synthetic cases in one transaction."""
    today = today or ws.today()
    seeds = json.loads(SEEDS.read_text(encoding="utf-8"))
    rng = random.Random(seed)
    now = utc_now()
    n_offenders = max(1, round(victims * 0.6))
    vlos = seeds["vlos"][: max(3, min(len(seeds["vlos"]), victims // 150 + 1))]
    db = ws.store.db
    if has_cases(db):
        raise ValueError("demo data goes into an empty database only")

    def person(i: int) -> tuple[str, str]:
        return rng.choice(seeds["given_names"]), rng.choice(seeds["family_names"])

    def past(days_min: int, days_max: int) -> date:
        return today - timedelta(days=rng.randint(days_min, days_max))

    offenders, sentences, key_dates = [], [], []
    offender_names: list[tuple[str, str]] = []
    for i in range(1, n_offenders + 1):
        given, family = person(i)
        offender_names.append((given, family))
        hospital = rng.random() < 0.05
        place = rng.choice(seeds["hospitals"] if hospital else seeds["establishments"])
        dob = past(18 * 365, 70 * 365)
        nomis = f"A{i % 10000:04d}{chr(65 + (i // 10000) % 26)}{chr(65 + (i // 260000) % 26)}"
        offenders.append(
            (
                i,
                given,
                family,
                dob.isoformat(),
                f"X{i:06d}",
                nomis,
                place,
                normalise_name(f"{given} {family}"),
                now,
            )
        )
        sentenced = past(60, 6 * 365)
        kind = (
            rng.choice(["HOSPITAL_ORDER_RESTRICTED", "TRANSFER_DIRECTION"])
            if hospital
            else (rng.choices(["SDS", "EDS", "SOPC", "LIFE"], weights=[70, 15, 8, 7])[0])
        )
        months = rng.choice([18, 24, 36, 48, 60, 72, 96, 120])
        sentences.append((i, kind, months, sentenced.isoformat(), rng.choice(seeds["courts"])))
        if not hospital:
            release = sentenced + timedelta(days=int(months * 30.4 / 2))
            expiry = sentenced + timedelta(days=int(months * 30.4))
            key_dates.append((i, "CRD", release.isoformat(), sentenced.isoformat()))
            key_dates.append((i, "SLED", expiry.isoformat(), sentenced.isoformat()))
            if kind in ("EDS", "LIFE"):
                ped = sentenced + timedelta(days=int(months * 30.4 * 2 / 3))
                key_dates.append((i, "PED", ped.isoformat(), sentenced.isoformat()))

    # Key dates get ids in the order they are inserted: an offender's release date is
    # what a "tell the victim" task is about (its source, as sentences.py records it).
    key_dates = [k for k in key_dates if k[1] in KEY_DATE_KINDS]
    release_date_id = {k[0]: n for n, k in enumerate(key_dates, start=1) if k[1] == "CRD"}
    victims_rows, contacts, links, opt_rows, tasks = [], [], [], [], []
    conditions: list[tuple] = []
    # Offer timing and condition requests draw from their own stream, so adding them left
    # every other demo value (and the tests built on them) as it was.
    extra = random.Random(seed + 104_729)
    case_info: list[tuple[int, int, str, str]] = []
    next_detail = 0
    for v in range(1, victims + 1):
        given, family = person(v)
        minor = rng.random() < 0.04
        dob = past(12 * 365, 17 * 365) if minor else past(19 * 365, 85 * 365)
        role = _weighted(rng, {"victim": 88, "bereaved_relative": 9, "representative": 3})
        welsh = rng.random() < 0.1
        needs = rng.choices(["", "Large print", "Interpreter (Polish)"], weights=[95, 3, 2])[0]
        victims_rows.append(
            (
                v,
                given,
                family,
                dob.isoformat(),
                role,
                "cy" if welsh else "en",
                needs,
                int(rng.random() < 0.05),
                f"{rng.choice(seeds['given_names'])} {family}" if minor else "",
                normalise_name(f"{given} {family}"),
                now,
            )
        )
        town = rng.choice(seeds["towns"])
        postcode = (
            f"ZZ99 {rng.randint(1, 9)}{chr(65 + rng.randint(0, 25))}{chr(65 + rng.randint(0, 25))}"
        )
        address = f"{rng.randint(1, 240)} {rng.choice(seeds['streets'])}\n{town}\n{postcode}"
        unsafe = rng.random() < 0.03
        next_detail += 1
        contacts.append(
            (next_detail, v, "address", address, int(not unsafe), int(rng.random() < 0.03), 0)
        )
        if unsafe:
            next_detail += 1
            contacts.append(
                (
                    next_detail,
                    v,
                    "address",
                    f"c/o Support Service\n1 Refuge Row\n{town}\nZZ99 9ZZ",
                    1,
                    0,
                    1,
                )
            )
        if rng.random() < 0.7:
            next_detail += 1
            contacts.append(
                (next_detail, v, "phone", f"07700 900{rng.randint(0, 999):03d}", 1, 0, 0)
            )
        if rng.random() < 0.4:
            next_detail += 1
            email = f"{normalise_name(given).replace(' ', '')}.{v}@example.org"
            contacts.append((next_detail, v, "email", email, 1, 0, 0))

        # Every offender gets at least one victim; the rest are spread at random.
        offender_id = v if v <= n_offenders else rng.randint(1, n_offenders)
        o_given, o_family = offender_names[offender_id - 1]
        offence, category = rng.choice(seeds["offences"])
        sentenced = date.fromisoformat(sentences[offender_id - 1][3])
        referred = min(today, sentenced + timedelta(days=rng.randint(2, 20)))
        opt = _weighted(rng, OPT_WEIGHTS)
        status = _weighted(rng, {"open": 85, "closed": 12, "archived": 3})
        eligibility = _weighted(rng, {"statutory": 85, "discretionary": 10, "not_eligible": 5})
        om_name, om_team = rng.choice(seeds["oms"])
        vlo = rng.choice(vlos)
        links.append(
            (
                v,
                link_ref(v),
                v,
                offender_id,
                offence,
                category,
                sentenced.isoformat(),
                referred.isoformat(),
                "Witness Care Unit",
                eligibility,
                ELIGIBILITY_REASONS[eligibility],
                "demo",
                opt,
                "key_stages" if opt in ("opted_in", "reopened") else "none",
                rng.choices(["letter", "phone", "email"], weights=[70, 20, 10])[0],
                vlo,
                om_name,
                om_team,
                status,
                normalise_name(f"{family} {given}"),
                normalise_name(f"{o_family} {o_given}"),
                now,
                now,
            )
        )
        opt_rows.append((v, "referred", referred.isoformat(), "referral", "demo", now))
        if opt != "referred":
            opt_rows.append(
                (
                    v,
                    opt,
                    min(today, referred + timedelta(days=20)).isoformat(),
                    "letter",
                    "demo",
                    now,
                )
            )
        if status == "open":
            rule = "turning_18" if minor else rng.choice(list(TASK_TITLES)[:-1])
            # Mostly ahead of today, a few overdue: what a kept-up caseload looks like.
            due = today + timedelta(
                days=rng.choices((rng.randint(-10, -1), rng.randint(0, 60)), weights=(8, 92))[0]
            )
            about = release_date_id.get(offender_id) if rule == "key_date_update" else None
            tasks.append(
                (
                    v,
                    rule,
                    TASK_TITLES[rule],
                    due.isoformat(),
                    None,
                    None,
                    key_date_source_ref(about) if about else "",
                    now,
                )
            )
        done_rule = "referral_to_offer"
        due, offered = _offer_dates(extra, referred, today)
        tasks.append(
            (
                v,
                done_rule,
                TASK_TITLES[done_rule],
                due.isoformat(),
                offered.isoformat(),
                "done",
                "",
                now,
            )
        )
        if opt in ("opted_in", "reopened") and extra.random() < CONDITION_SHARE:
            conditions.append(
                _condition_request(extra, v, referred, today, f"{given} {family}", om_name, om_team)
            )
        case_info.append((v, referred.toordinal(), om_name, vlo))

    liaison, contact_log = _case_events(rng, seeds, case_info, today, now)

    with ws.store.atomic() as db:
        insert_rows(
            db,
            "offender",
            (
                "id",
                "given_name",
                "family_name",
                "dob",
                "crn",
                "nomis",
                "establishment",
                "name_key",
                "created_at",
            ),
            offenders,
        )
        insert_rows(
            db,
            "sentence",
            (
                "offender_id",
                "type",
                "length_months",
                "sentence_date",
                "court",
                "recorded_by",
                "recorded_at",
            ),
            ((*s, "demo", now) for s in sentences),
        )
        insert_rows(
            db,
            "key_date",
            ("offender_id", "kind", "value", "received_on", "recorded_by", "recorded_at"),
            ((*k, "demo", now) for k in key_dates),
        )
        insert_rows(
            db,
            "victim",
            (
                "id",
                "given_name",
                "family_name",
                "dob",
                "role",
                "language",
                "accessibility",
                "phone_first",
                "guardian_name",
                "name_key",
                "created_at",
            ),
            victims_rows,
        )
        insert_rows(
            db,
            "contact_detail",
            ("id", "victim_id", "kind", "value", "safe_to_use", "do_not_post", "safe_alternative"),
            contacts,
        )
        insert_rows(
            db,
            "link",
            (
                "id",
                "ref",
                "victim_id",
                "offender_id",
                "offence",
                "offence_category",
                "sentence_date",
                "referral_date",
                "referrer",
                "eligibility",
                "eligibility_reason",
                "rules_version",
                "opt_state",
                "contact_level",
                "channel",
                "vlo",
                "om_name",
                "om_team",
                "status",
                "sort_victim",
                "sort_offender",
                "created_at",
                "updated_at",
            ),
            links,
        )
        insert_rows(
            db,
            "opt_history",
            ("link_id", "state", "on_date", "source", "recorded_by", "recorded_at"),
            opt_rows,
        )
        insert_rows(
            db,
            "task",
            (
                "link_id",
                "rule",
                "title",
                "due_on",
                "done_on",
                "outcome",
                "source_ref",
                "created_at",
            ),
            tasks,
        )
        insert_rows(
            db,
            "condition_request",
            (
                "link_id",
                "kind",
                "wording",
                "status",
                "requested_on",
                "sent_to_om_on",
                "decision",
                "decision_on",
                "decision_reason",
                "om_name",
                "om_team",
                "recorded_by",
            ),
            conditions,
        )
        insert_rows(
            db,
            "liaison_entry",
            (
                "link_id",
                "happened_on",
                "direction",
                "party",
                "channel",
                "who",
                "summary",
                "follow_up_due",
                "recorded_by",
                "recorded_at",
            ),
            liaison,
        )
        insert_rows(
            db,
            "contact",
            ("link_id", "happened_on", "kind", "outcome", "summary", "recorded_by", "recorded_at"),
            contact_log,
        )
        refresh_search(db)
        refresh_next_due(db)
        set_setting(db, "demo", "1")
        add_demo_account(db, ws.user)
        audit.record(
            db,
            who=ws.user,
            action="create",
            entity="demo_data",
            detail={"victims": victims, "seed": seed, "today": today.isoformat()},
        )
        _record_case_views(db, random.Random(seed + 7_919), case_info)
    return DemoSummary(victims, n_offenders, len(links), len(liaison), len(contact_log), len(tasks))
