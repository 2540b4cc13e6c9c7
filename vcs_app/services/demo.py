"""A deterministic synthetic caseload for demos, tests and benchmarks.

Everyone in it is invented (resources/demo/seeds.json). The same seed and `today`
give the same file, so screenshots and benchmark figures can be reproduced.

The cases follow the rules the services apply, so a newcomer can believe them:
eligibility is decided by `domain.eligibility` from each offender's sentence; every
opt-in journey moves through the changes `domain.model.check_opt_change` allows, with
its dates; and each open task is the one the services would have opened for the case as
it stands, due when their clocks say (the offer clock only while contact is not offered
yet; key-date, parole and HDC tasks only for victims who asked for that kind of update;
turning 18 on the 18th birthday; a chase only beside the note that waits for the OM).
Closed cases carry the day they closed, so the retention review has something to
review. It is bulk-loaded in one transaction, not made one service call at a time, so
100,000 victims still take well under a minute.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from vcs_app.domain.calendar import add_working_days
from vcs_app.domain.conditions import load_condition_catalogue
from vcs_app.domain.eligibility import decide_eligibility
from vcs_app.domain.model import (
    KEY_DATE_KINDS,
    ContactLevel,
    Eligibility,
    OptState,
    check_opt_change,
    eighteenth_birthday,
    normalise_name,
)
from vcs_app.domain.rules import Clock, RuleSet, load_rule_sets, rule_set_for
from vcs_app.domain.sentence import EVENT_RULES, EventKind, update_decision
from vcs_app.resource_files import resource_path
from vcs_app.services.accounts import add_demo_account
from vcs_app.services.sentences import key_date_source_ref, month_year
from vcs_app.services.workspace import Workspace, open_workspace
from vcs_app.storage import audit
from vcs_app.storage.backup import (
    partial_path,
    publish,
    remove_stale_partials,
    remove_with_companions,
)
from vcs_app.storage.bulk import has_cases, insert_rows
from vcs_app.storage.db import StoreError, utc_now
from vcs_app.storage.files import make_private_folder
from vcs_app.storage.repo_cases import link_ref, refresh_next_due, refresh_search
from vcs_app.storage.repo_settings import set_setting

SEEDS = resource_path("demo", "seeds.json")

# Where eligible victims are in their journey (not eligible ones are never offered).
OPT_WEIGHTS = {
    "opted_in": 55,
    "offered": 8,
    "referred": 5,
    "declined": 10,
    "no_response": 10,
    "opted_out": 6,
    "reopened": 3,
}
LEVEL_WEIGHTS = {"key_stages": 70, "release_and_licence": 20, "annual": 10}
LIAISON_PER_CASE = 6
PARTIES = ("om", "prison", "hospital", "parole_board", "police")
PARTY_WEIGHTS = (60, 15, 5, 10, 10)
CONTACTS_PER_CASE = 4
# The release rules need the kind of offence; the demo's offences, as an OM would record.
OFFENCE_CLASSES = {
    "Wounding with intent (s.18)": "violent_max_life",
    "Grievous bodily harm (s.20)": "violent",
    "Robbery": "violent_max_life",
    "Manslaughter": "homicide_related",
    "Murder": "homicide_related",
    "Rape": "sexual_max_life",
    "Sexual assault": "sexual",
    "Sexual activity with a child": "sexual",
    "Controlling or coercive behaviour": "domestic_abuse_listed",
    "Stalking involving fear of violence": "domestic_abuse_listed",
    "Arson endangering life": "violent_max_life",
    "Causing death by dangerous driving": "violent_max_life",
    "Attempted murder": "homicide_related",
    "Assault occasioning actual bodily harm": "violent",
}
# Sentence lengths in months: a few under 12 months (not statutory for violent or sexual
# offences; discretionary for domestic abuse and stalking).
MONTHS = (6, 9, 18, 24, 36, 48, 60, 72, 96, 120)
MONTH_WEIGHTS = (3, 3, 12, 14, 16, 14, 12, 10, 8, 8)
LIFE_OFFENCES = frozenset(
    {
        "Murder",
        "Attempted murder",
        "Manslaughter",
        "Rape",
        "Wounding with intent (s.18)",
        "Arson endangering life",
        "Robbery",
    }
)
RELATIONSHIPS = ("mother", "father", "son", "daughter", "partner", "sister", "brother")
QUESTIONS = (
    "Is a home visit planned before release?",
    "Please confirm the proposed release address area (not the address itself).",
    "Has the victim's request been raised at the MAPPA meeting?",
    "Can you confirm the current licence conditions?",
)
QUESTION_SHARE = 0.05  # open cases with a question to the OM still waiting for a reply
CONDITION_SHARE = 0.12  # of opted-in victims who ask for a licence condition
LATE_OFFER_SHARE = 0.1  # initial offers made after the working-day limit
# "sent": with the OM, undecided (chased); "": recorded but not yet sent to the OM.
DECISIONS = {"included": 62, "amended": 10, "refused": 8, "sent": 12, "": 8}
REFUSALS = (
    "Not necessary or proportionate: the offender will live over 100 miles away.",
    "Covered by an existing condition of the licence.",
)


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


@cache
def _clock(key: str, version: str) -> tuple[Clock, str]:
    """A clock of a rule set, and its rule in words as a task shows it (cached by the
    version: hashing a whole rule set for every task cost seconds at 100,000 victims)."""
    clock = _rule_set(version).clock(key)
    return clock, f"{clock.describe()} [rules {version}]"


@cache
def _rule_set(version: str) -> RuleSet:
    return next(r for r in load_rule_sets() if r.version == version)


@cache
def _eligibility(category: str, kind: str, months: float | None, version: str):
    """The decision for a sentence under a rule set (the same for every date it covers)."""
    rules = _rule_set(version)
    return decide_eligibility(
        offence_category=category,
        sentence_type=kind,
        custody_months=months,
        sentence_date=rules.in_force_from,
        rules=rules,
    )


def _case_events(
    rng: random.Random, seeds: dict, case_info: list, today: date, now: str
) -> tuple[list[tuple], list[tuple]]:
    """Liaison notes and contacts for every case, drawn in bulk (a million rows at 100k).
    Everything here is history: nothing still waits for a reply or a follow-up."""
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
    liaison = []
    for i in range(n):
        link_id, referred, om_name, vlo, _ = case_info[i // LIAISON_PER_CASE]
        when = max(referred, today_ord - ages[i])
        party = parties[i]
        liaison.append(
            (
                i + 1,
                link_id,
                iso(when),
                directions[i],
                party,
                channels[i],
                om_name if party == "om" else "",
                summaries[i],
                None,
                None,
                0,
                0,
                vlo,
                now,
            )
        )
    n = len(case_info) * CONTACTS_PER_CASE
    ages = rng.choices(range(901), k=n)
    kinds = rng.choices(("letter", "call", "visit", "email"), k=n)
    picks = [rng.random() for _ in range(n)]
    # What was said fits where the victim is: only someone who opted in has asked for
    # conditions or had the parole process explained.
    pools = {
        "in": seeds["contact_notes"],
        "offered": [n for n in seeds["contact_notes"] if "letter sent" in n],
        "referred": ["Tried to phone to offer contact: no answer, no message left."],
        "not_eligible": ["Referral checked: the referrer was told the case is not eligible."],
    }
    contacts = []
    for i in range(n):
        link_id, referred, _, vlo, stage = case_info[i // CONTACTS_PER_CASE]
        pool = pools[stage]
        note = pool[int(picks[i] * len(pool))]
        when = iso(max(referred, today_ord - ages[i]))
        contacts.append((link_id, when, kinds[i], "done", note, vlo, now))
    return liaison, contacts


def _offer_date(rng: random.Random, referred: date, today: date) -> date:
    """When the initial offer was made: mostly inside the rule set's working-day limit."""
    limit = rule_set_for(referred).clock("referral_to_offer").length
    late = rng.random() < LATE_OFFER_SHARE
    days = rng.randint(limit + 1, limit + 15) if late else rng.randint(1, limit)
    return min(today, add_working_days(referred, days))


def _stamp(day: date) -> str:
    """A UTC time on `day`, as the database keeps change times."""
    return f"{day.isoformat()}T12:00:00+00:00"


class _Builder:
    """Collects the rows of every table; ids are given here so rows can point at each
    other (a task at its key date, a chase at the note that waits)."""

    def __init__(self, today: date, now: str) -> None:
        self.today, self.now = today, now
        self.tasks: list[tuple] = []
        self.opt_rows: list[tuple] = []
        self.history: list[tuple] = []
        self.liaison: list[tuple] = []
        self.events: list[tuple] = []
        self.conditions: list[tuple] = []
        self.key_dates: list[tuple] = []
        self.received: dict[int, date] = {}  # key date id -> when it was received
        self.sent: list[tuple] = []  # condition requests with the OM, undecided
        self.next_liaison = 0
        self.next_condition = 0

    def task(
        self,
        link_id: int,
        rule: str,
        title: str | None,
        start: date,
        *,
        done_on: date | None = None,
        source: str = "",
        rules_on: date | None = None,
    ) -> None:
        """A task as `clocks.start_clock` would make it: due by the clock of the rule set
        in force (on `rules_on`, else `start`), titled with the clock's label by default."""
        version = rule_set_for(rules_on or start).version
        clock, text = _clock(rule, version)
        due = clock.due_from(start)
        self.tasks.append(
            (
                link_id,
                rule,
                title or clock.label,
                due.isoformat(),
                done_on.isoformat() if done_on else None,
                "done" if done_on else None,
                self.now,
                source,
                text,
                version,
            )
        )

    def key_date(self, offender_id: int, kind: str, value: date, received: date) -> tuple:
        """An official date as received; returns (its id, the date)."""
        key_id = len(self.key_dates) + 1
        self.key_dates.append((key_id, offender_id, kind, value.isoformat(), received.isoformat()))
        self.received[key_id] = received
        return key_id, value

    def change(self, link_id: int, field: str, old: str, new: str, on: date) -> None:
        """A dated change of what a report counts a case by (`repo_cases.record_change`)."""
        if old != new:
            self.history.append((link_id, field, old, new, on.isoformat(), "demo", self.now))

    def opt(self, link_id: int, state: str, on: date, source: str) -> None:
        self.opt_rows.append((link_id, state, on.isoformat(), source, "demo", self.now))

    def note(self, link_id: int, on: date, who: str, summary: str, vlo: str, **flags) -> int:
        """A note to the OM that waits for a reply (about a request, or a question)."""
        self.next_liaison += 1
        self.liaison.append(
            (
                self.next_liaison,
                link_id,
                on.isoformat(),
                "to",
                "om",
                "email",
                who,
                summary,
                flags.get("follow_up_due"),
                flags.get("request_id"),
                1,
                0,
                vlo,
                self.now,
            )
        )
        return self.next_liaison


VIEWS_PER_CASE = (0, 2)  # how often each case has been opened (uniform), for the log


def _record_case_views(db, rng: random.Random, case_info: list) -> None:
    """The audit log a caseload in use has: a "view" row each time a VLO opened a case
    (DPA 2018 s.62), so the log is as long at benchmark scale as it would be."""
    low, high = VIEWS_PER_CASE
    for link_id, _referred, _om, vlo, _stage in case_info:
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
    catalogue = load_condition_catalogue()
    build = _Builder(today, now)

    def person() -> tuple[str, str]:
        return rng.choice(seeds["given_names"]), rng.choice(seeds["family_names"])

    def past(days_min: int, days_max: int) -> date:
        return today - timedelta(days=rng.randint(days_min, days_max))

    offenders, sentences = [], []
    sentence_events: list[tuple] = []
    offender_info: list[dict] = []
    for i in range(1, n_offenders + 1):
        given, family = person()
        hospital = rng.random() < 0.05
        place = rng.choice(seeds["hospitals"] if hospital else seeds["establishments"])
        dob = past(18 * 365, 70 * 365)
        nomis = f"A{i % 10000:04d}{chr(65 + (i // 10000) % 26)}{chr(65 + (i // 260000) % 26)}"
        name_key = normalise_name(f"{given} {family}")
        offenders.append(
            (i, given, family, dob.isoformat(), f"X{i:06d}", nomis, place, name_key, now)
        )
        offence, category = rng.choice(seeds["offences"])
        # Most sentences are recent; some are older, so cases have closed long enough ago
        # for the retention review, and earlier rule sets are in use.
        sentenced = past(60, 6 * 365) if rng.random() < 0.75 else past(6 * 365, 13 * 365)
        months = rng.choices(MONTHS, weights=MONTH_WEIGHTS)[0]
        if hospital:
            kind = rng.choice(["HOSPITAL_ORDER_RESTRICTED", "TRANSFER_DIRECTION"])
        elif offence == "Murder":
            kind = "LIFE"
        elif months < 12:
            kind = "SDS"
        else:
            kind = rng.choices(["SDS", "EDS", "SOPC", "LIFE"], weights=[75, 14, 6, 5])[0]
            if kind == "LIFE" and offence not in LIFE_OFFENCES:
                kind = "EDS"
        record = {
            "length": months,
            "custodial": None,
            "extension": None,
            "tariff": None,
            "custody": float(months),
        }
        if kind == "EDS":
            record.update(custodial=months, extension=rng.choice([24, 36, 48]))
            record["length"] = months + record["extension"]
        elif kind == "SOPC":
            record.update(custodial=months, extension=12, length=months + 12)
        elif kind == "LIFE":
            record.update(length=None, tariff=rng.choice([120, 144, 180, 216, 264]), custody=None)
        elif hospital:
            record.update(length=None, custody=None)
        sentences.append(
            (
                i,
                kind,
                record["length"],
                record["custodial"],
                record["extension"],
                record["tariff"],
                sentenced.isoformat(),
                rng.choice(seeds["courts"]),
                offence,
                OFFENCE_CLASSES.get(offence, "unknown"),
            )
        )
        dates: dict[str, tuple[int, date]] = {}
        received = min(today, sentenced + timedelta(days=rng.randint(5, 30)))
        if kind == "LIFE":
            tariff = sentenced + timedelta(days=int(record["tariff"] * 30.4))
            dates["TARIFF"] = build.key_date(i, "TARIFF", tariff, received)
        elif not hospital:
            term = record["custodial"] or months
            release = sentenced + timedelta(days=int(term * 30.4 / 2))
            expiry = sentenced + timedelta(days=int(record["length"] * 30.4))
            if kind in ("EDS", "SOPC"):
                share = 2 / 3 if kind == "EDS" else 1 / 2
                ped = sentenced + timedelta(days=int(term * 30.4 * share))
                dates["PED"] = build.key_date(i, "PED", ped, received)
                release = sentenced + timedelta(days=int(term * 30.4))
            # A release date ahead is sometimes confirmed again or changed lately: the
            # victims who asked are to be told of its month.
            if release > today and rng.random() < 0.12:
                received = today - timedelta(days=rng.randint(0, 25))
            dates["CRD"] = build.key_date(i, "CRD", release, received)
            dates["SLED"] = build.key_date(i, "SLED", expiry, received)
        # A parole review under way (its six-month lead has passed) or an HDC notice just
        # received: the events that start the victims' tasks.
        review = hdc = None
        for kind_ in ("PED", "TARIFF"):
            if kind_ in dates and 0 < (dates[kind_][1] - today).days < 170 and rng.random() < 0.7:
                event_on = dates[kind_][1] - timedelta(days=183 - rng.randint(0, 20))
                review = _event(sentence_events, i, "parole_review_start", event_on, today)
        crd_ahead = (dates["CRD"][1] - today).days if "CRD" in dates else 0
        if kind == "SDS" and 20 < crd_ahead < 135 and rng.random() < 0.3:
            hdc = _event(sentence_events, i, "hdc_eligibility", past(0, 9), today)
        offender_info.append(
            {
                "offence": offence,
                "category": category,
                "kind": kind,
                "custody": record["custody"],
                "sentenced": sentenced,
                "dates": dates,
                "review": review,
                "hdc": hdc,
            }
        )

    victims_rows, contacts, links, referrals = [], [], [], []
    extra = random.Random(seed + 104_729)  # offer timing and conditions: their own stream
    case_info: list[tuple[int, int, str, str, str]] = []
    pending_waits: list[tuple] = []  # (link id, om, vlo, referred): questions asked below
    next_detail = 0
    for v in range(1, victims + 1):
        given, family = person()
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
        o_given, o_family = offenders[offender_id - 1][1:3]
        info = offender_info[offender_id - 1]
        sentenced: date = info["sentenced"]
        referred = min(today, sentenced + timedelta(days=rng.randint(2, 20)))
        decision = _eligibility(
            info["category"], info["kind"], info["custody"], rule_set_for(sentenced).version
        )
        eligible = decision.outcome is not Eligibility.NOT_ELIGIBLE
        opt = _weighted(rng, OPT_WEIGHTS) if eligible else "referred"
        status = _weighted(rng, {"open": 85, "closed": 12, "archived": 3})
        if not eligible and rng.random() < 0.7:
            status = "closed"  # the referrer was told; nothing more to do
        om_name, om_team = rng.choice(seeds["oms"])
        vlo = rng.choice(vlos)

        # The opt-in journey, dated, through the changes the service allows.
        journey: list[tuple[str, date, str]] = []
        if opt in ("referred", "offered"):  # still waiting: the referral or offer is recent
            referred = max(min(sentenced + timedelta(days=2), today), past(0, 45))
        offered = None
        if opt != "referred":
            offered = _offer_date(extra, referred, today)
            if opt == "offered":
                offered = max(referred, past(0, 40))
            build.task(v, "referral_to_offer", None, referred, done_on=offered)
            journey.append(("offered", offered, "letter"))
        state_on = offered
        if opt == "no_response":
            follow = min(today, add_working_days(offered, 20))
            build.task(v, "offer_follow_up", None, offered, done_on=follow, rules_on=referred)
            state_on = min(today, add_working_days(follow, 20))
            build.task(v, "follow_up_to_no_response", None, follow, done_on=state_on)
            journey.append(("no_response", state_on, "no reply to the offer or the follow-up"))
        elif opt in ("declined", "opted_in", "opted_out", "reopened"):
            state_on = min(today, offered + timedelta(days=rng.randint(3, 30)))
            build.task(v, "offer_follow_up", None, offered, done_on=state_on, rules_on=referred)
            first = "declined" if opt in ("declined", "reopened") else "opted_in"
            journey.append((first, state_on, rng.choice(("phone call", "letter", "email"))))
            if opt == "opted_out":
                state_on = min(today, state_on + timedelta(days=rng.randint(30, 400)))
                journey.append(("opted_out", state_on, "phone call"))
            elif opt == "reopened":
                state_on = max(state_on, past(0, 25))
                journey.append(("reopened", state_on, "the victim phoned"))
        build.opt(v, "referred", referred, "referral")
        previous, level = OptState.REFERRED, ContactLevel.KEY_STAGES.value  # a new case's
        for state, on, source in journey:
            chosen = ContactLevel(_weighted(rng, LEVEL_WEIGHTS)) if state == "opted_in" else None
            before, level = level, check_opt_change(previous, OptState(state), chosen).value
            previous = OptState(state)
            build.opt(v, state, on, source)
            build.change(v, "contact_level", before, level, on)

        # When the case closed (if it did): after the licence ended, or when contact did.
        closed_on = None
        if status != "open":
            end = info["dates"].get("SLED", (0, None))[1]
            last = state_on or referred
            if end is not None and end < today:
                closed_on = min(today, max(last, end) + timedelta(days=rng.randint(1, 60)))
            else:
                closed_on = min(today, last + timedelta(days=rng.randint(1, 200)))
            if status == "closed":  # as the case services date it (an archive is not dated)
                build.change(v, "status", "open", "closed", closed_on)

        # What is still to do on an open case: the clocks the services would have running.
        if status == "open":
            if eligible and opt == "referred":
                build.task(v, "referral_to_offer", None, referred)
            elif opt == "offered":
                build.task(v, "offer_follow_up", None, offered, rules_on=referred)
            elif opt == "reopened":
                build.task(
                    v,
                    "referral_to_offer",
                    "Offer contact again: case reopened",
                    state_on,
                    rules_on=referred,
                )
            if minor:
                birthday = eighteenth_birthday(dob)
                build.task(
                    v,
                    "turning_18",
                    f"Offer contact directly: {given} {family} turns 18",
                    birthday,
                    rules_on=today,
                )
            _update_tasks(build, v, info, opt, level, offender_id)
            if opt == "opted_in" and rng.random() < QUESTION_SHARE:
                pending_waits.append((v, om_name, vlo, referred))

        if opt in ("opted_in", "reopened", "opted_out") and extra.random() < CONDITION_SHARE:
            _condition_request(
                build,
                extra,
                catalogue,
                v,
                referred,
                today,
                f"{given} {family}",
                om_name,
                om_team,
                vlo,
                still_open=status == "open" and opt == "opted_in",
            )
        channel = rng.choices(["letter", "phone", "email"], weights=[70, 20, 10])[0]
        links.append(
            (
                v,
                link_ref(v),
                v,
                offender_id,
                info["offence"],
                info["category"],
                sentenced.isoformat(),
                referred.isoformat(),
                "Witness Care Unit",
                decision.outcome.value,
                decision.reason,
                decision.rules_version,
                opt,
                level,
                channel,
                vlo,
                om_name,
                om_team,
                status,
                normalise_name(f"{family} {given}"),
                normalise_name(f"{o_family} {o_given}"),
                _stamp(referred),
                _stamp(closed_on) if closed_on else now,
            )
        )
        acting = f"{rng.choice(seeds['given_names'])} {family}" if role != "victim" else ""
        referrals.append(
            (
                v,
                info["kind"],
                info["custody"],
                0,
                0,
                acting,
                rng.choice(RELATIONSHIPS) if acting else "",
                "demo",
            )
        )
        if opt in ("opted_in", "opted_out"):
            stage = "in"
        elif opt != "referred":
            stage = "offered"
        else:
            stage = "referred" if eligible else "not_eligible"
        case_info.append((v, referred.toordinal(), om_name, vlo, stage))

    liaison, contact_log = _case_events(rng, seeds, case_info, today, now)
    build.next_liaison = len(liaison)
    for link_id, om_name, vlo, referred in pending_waits:
        asked = max(referred, past(1, 20))
        note = build.note(link_id, asked, om_name, rng.choice(QUESTIONS), vlo)
        build.task(
            link_id,
            "om_chase",
            f"Chase {om_name} (OM): no reply to our question",
            asked,
            source=f"liaison:{note}",
        )
    _condition_notes(build)
    liaison += build.liaison

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
                "custodial_months",
                "extension_months",
                "tariff_months",
                "sentence_date",
                "court",
                "offences",
                "offence_class",
                "recorded_by",
                "recorded_at",
            ),
            ((*s, "demo", now) for s in sentences),
        )
        insert_rows(
            db,
            "key_date",
            ("id", "offender_id", "kind", "value", "received_on", "recorded_by", "recorded_at"),
            ((*k, "demo", now) for k in build.key_dates),
        )
        insert_rows(
            db,
            "sentence_event",
            ("id", "offender_id", "kind", "event_on", "notified_on", "recorded_by", "recorded_at"),
            ((*e, "demo", now) for e in sentence_events),
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
            "referral",
            (
                "link_id",
                "sentence_type",
                "custody_months",
                "serious_risk_agreed",
                "eligibility_overridden",
                "acting_for",
                "relationship",
                "source",
            ),
            referrals,
        )
        insert_rows(
            db,
            "case_history",
            ("link_id", "field", "old", "new", "on_date", "recorded_by", "recorded_at"),
            build.history,
        )
        insert_rows(
            db,
            "opt_history",
            ("link_id", "state", "on_date", "source", "recorded_by", "recorded_at"),
            build.opt_rows,
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
                "created_at",
                "source_ref",
                "rule_text",
                "rules_version",
            ),
            build.tasks,
        )
        insert_rows(
            db,
            "condition_request",
            (
                "id",
                "link_id",
                "kind",
                "wording",
                "field_values",
                "status",
                "requested_on",
                "sent_to_om_on",
                "decision",
                "decision_on",
                "decision_reason",
                "victim_informed_on",
                "om_name",
                "om_team",
                "recorded_by",
            ),
            build.conditions,
        )
        insert_rows(
            db,
            "liaison_entry",
            (
                "id",
                "link_id",
                "happened_on",
                "direction",
                "party",
                "channel",
                "who",
                "summary",
                "follow_up_due",
                "condition_request_id",
                "awaiting_reply",
                "is_chase",
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
    return DemoSummary(
        victims, n_offenders, len(links), len(liaison), len(contact_log), len(build.tasks)
    )


def create_demo_file(
    path: Path | str,
    *,
    victims: int = 300,
    seed: int = 1,
    key: str | None = None,
    on: date | None = None,
    user: str | None = None,
) -> DemoSummary:
    """A new demo caseload at `path`, built in a temporary file beside it and put in
    place only when complete: a build that is killed leaves no half-made file in the way
    of the next one (its temporary files are swept up then), and an existing file, a real
    caseload above all, is never replaced."""
    path = Path(path).expanduser()
    if path.exists():
        raise StoreError(f"{path} already exists; demo data goes into a new file.")
    try:
        make_private_folder(path.parent)
    except OSError as exc:
        raise StoreError(f"Cannot create {path.parent} ({exc.strerror}).") from exc
    remove_stale_partials(path.parent, path.name)
    partial = partial_path(path.parent, path.name)
    try:
        ws = open_workspace(partial, create=True, key=key, on=on, user=user)
        try:
            summary = build_demo(ws, victims=victims, seed=seed)
        finally:
            ws.close()
        publish(partial, path)
    finally:
        remove_with_companions(partial)
    return summary


def _event(rows: list[tuple], offender_id: int, kind: str, on: date, today: date) -> tuple:
    """A sentence event told to the VLO a few days after it (never after today)."""
    notified = min(today, on + timedelta(days=3))
    rows.append((len(rows) + 1, offender_id, kind, on.isoformat(), notified.isoformat()))
    return len(rows), notified


def _update_tasks(
    build: _Builder, link_id: int, info: dict, opt: str, level: str, offender_id: int
) -> None:
    """Tell-the-victim tasks of an open case, as the sentence services open them: only
    for a victim whose contact level covers that kind of update (`update_decision`)."""
    today, dates = build.today, info["dates"]
    review = EVENT_RULES[EventKind.PAROLE_REVIEW_START]
    hdc = EVENT_RULES[EventKind.HDC_ELIGIBILITY]
    for kind in ("CRD", "PED", "TARIFF"):
        if kind not in dates or dates[kind][1] < today:
            continue
        key_id, value = dates[kind]
        parole = kind != "CRD"
        if not update_decision(review.stage if parole else hdc.stage, opt, level, "open")[0]:
            continue
        name = KEY_DATE_KINDS[kind].lower()
        received = build.received[key_id]
        if (today - received).days <= 25:  # a date received lately: tell its month
            what = f"{name}: {month_year(value)}" if parole else f"{name}, release month"
            build.task(
                link_id,
                "key_date_update",
                f"Tell the victim of the new {what}" + ("" if parole else f" {month_year(value)}"),
                received,
                source=key_date_source_ref(key_id),
            )
        if parole:
            event = info["review"]
            build.task(
                link_id,
                "parole_review_lead",
                f"Prepare the victim for the parole review ({name} {month_year(value)})",
                value,
                source=f"parole_date:{offender_id}",
                rules_on=received,
                done_on=event[1] if event else None,
            )
            if event:
                build.task(
                    link_id, "parole_review_vps", review.title, event[1], source=f"event:{event[0]}"
                )
    if info["hdc"] and update_decision(hdc.stage, opt, level, "open")[0]:
        event = info["hdc"]
        build.task(link_id, "hdc_representations", hdc.title, event[1], source=f"event:{event[0]}")


def _condition_request(
    build: _Builder,
    rng: random.Random,
    catalogue,
    link_id: int,
    referred: date,
    today: date,
    victim: str,
    om: str,
    team: str,
    vlo: str,
    *,
    still_open: bool,
) -> None:
    """A no-contact or exclusion request in the catalogue's wording: decided by the OM,
    with them (and chased), or not yet sent."""
    requested = min(today, referred + timedelta(days=rng.randint(10, 120)))
    sent = min(today, requested + timedelta(days=rng.randint(0, 5)))
    outcome = _weighted(rng, DECISIONS)
    if outcome == "sent" and not still_open:
        outcome = "included"
    if outcome == "sent":
        sent = max(requested, today - timedelta(days=rng.randint(3, 30)))
    decision = outcome if outcome not in ("", "sent") else None
    decided = min(today, sent + timedelta(days=rng.randint(5, 40))) if decision else None
    if rng.random() < 0.6:
        kind, values = "no_contact", {"persons": victim}
    else:
        kind, values = "exclusion_zone", {"area": "the streets marked on the attached map"}
    wording = catalogue.get(kind).fill(values)
    # A refusal or an amendment is explained to the victim within days.
    explained = decision in ("refused", "amended")
    informed = min(today, decided + timedelta(days=rng.randint(1, 7))) if explained else None
    build.next_condition += 1
    build.conditions.append(
        (
            build.next_condition,
            link_id,
            kind,
            wording,
            json.dumps(values),
            {"": "requested", "sent": "sent"}.get(
                outcome, "victim_informed" if informed else "decided"
            ),
            requested.isoformat(),
            sent.isoformat() if outcome != "" else None,
            decision,
            decided.isoformat() if decided else None,
            rng.choice(REFUSALS) if decision == "refused" else "",
            informed.isoformat() if informed else None,
            om,
            team,
            "demo",
        )
    )
    if outcome == "sent":
        build.sent.append((build.next_condition, link_id, sent, om, vlo, catalogue.title(kind)))


def _condition_notes(build: _Builder) -> None:
    """Each request with an OM waits on the note that sent it, and has its chase."""
    for request_id, link_id, sent, om, vlo, title in build.sent:
        build.note(
            link_id,
            sent,
            om,
            f"Sent the licence condition request ({title}) to the OM.",
            vlo,
            request_id=request_id,
        )
        build.task(
            link_id,
            "om_chase",
            f"Chase {om} (OM): no reply to licence condition request ({title})",
            sent,
            source=f"condition:{request_id}",
        )
