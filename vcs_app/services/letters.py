"""Contact letters: built from the case, checked before anything leaves the office, and
logged at every step (drafted, approved, printed, re-printed, returned, withdrawn).

A letter is made from the case as it stands: the safe current address (a safe
alternative first), a parent or guardian for an under-18 victim, the victim's language,
the month of release and never the day. `domain.safety` then reads the rendered words
against the offender's establishment, every other victim's details and the exact key
dates. What is approved is kept exactly - the context and the version of the template
wording - so a re-print or a re-check renders the same words with the same hash, and
every step is checked again against the case as it is *then* (an address may have been
marked unsafe since). A PDF of every produced letter is kept.

Batches are checked as a set before anything is produced, approved in one transaction,
then produced letter by letter: each letter's PDF is written before its log entry is
committed, so after a cancel or a crash every letter is either logged as produced (and
its PDF is there) or still approved and produced by the next run.
"""

from __future__ import annotations

import difflib
import functools
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import date
from pathlib import Path

from vcs_app.domain.calendar import add_working_days, next_working_day, why_not_working
from vcs_app.domain.conditions import load_condition_catalogue
from vcs_app.domain.model import (
    KEY_DATE_KINDS,
    AccessDenied,
    CaseStatus,
    Channel,
    ContactDetail,
    ContactKind,
    ContactLevel,
    DateSource,
    DomainError,
    Eligibility,
    KeyDate,
    Language,
    LetterRecord,
    LetterStatus,
    Link,
    NotFound,
    Offender,
    OptState,
    Role,
    SentenceType,
    Task,
    ValidationError,
    Victim,
    label,
)
from vcs_app.domain.safety import check_victim_letter
from vcs_app.domain.sentence import HOSPITAL_TYPES, SENTENCE_TYPE_LABELS
from vcs_app.letters import print_system
from vcs_app.letters.context import (
    LetterContext,
    LetterError,
    Recipient,
    Sender,
    TemplateInfo,
    month_year,
    moved_deadline_note,
)
from vcs_app.letters.isolated import run_isolated
from vcs_app.letters.print_adapter import write_pdf
from vcs_app.letters.print_system import JobState, PrintJob
from vcs_app.letters.render import (
    LETTERS_DIR,
    RenderedLetter,
    available_templates,
    render_from_source,
    source_version,
    template_fields,
    template_source,
)
from vcs_app.services import access, clocks, documents, intake
from vcs_app.services.cases import Changed
from vcs_app.services.letter_settings import (
    LetterSettings,
    archive_folder,
    may_edit_templates,
    require_letter_settings,
)
from vcs_app.services.printing import SendToPrinter, not_printed
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_cases, repo_events, repo_letters
from vcs_app.storage.files import make_private_folder
from vcs_app.storage.lock import pid_alive
from vcs_app.storage.repo_settings import get_setting, set_setting

ProgressFn = Callable[[int, int, str], None]
CancelledFn = Callable[[], bool]

# Which letter answers which task (the clock or event that made it).
TEMPLATE_FOR_RULE: dict[str, str] = {
    "referral_to_offer": "initial_offer",
    "offer_follow_up": "follow_up",
    "key_date_update": "key_date_update",
    # The review-started event's clock: the letter says the review "has started". The
    # six-month warning before a PED or tariff (parole_review_lead) is the VLO's own
    # preparation, not a letter.
    "parole_review_vps": "parole_starting",
    "hdc_representations": "hdc_representations",
    "turning_18": "turning_18_reoffer",
}


def rules_answered_by(template_key: str) -> tuple[str, ...]:
    """The task rules a letter of this kind answers (by either route: a case or a batch)."""
    return tuple(rule for rule, key in TEMPLATE_FOR_RULE.items() if key == template_key)


OFFER_LETTERS = frozenset({"initial_offer", "follow_up"})
ANY_STATE_LETTERS = frozenset({"turning_18_reoffer", "returned_mail_follow_up"})
RETURNED_MAIL_RULE = "returned_mail"
PHONE_INSTEAD_RULE = "phone_instead_of_letter"
RETURNED_CHECK_DAYS = 5  # working days to check an address after a letter comes back

# Official key dates that say when the offender is likely to leave, most certain first.
RELEASE_KINDS = ("APD", "HDCAD", "PRRD", "CRD", "ARD")
LICENCE_END_KINDS = ("LED", "SLED", "SED")

# What a missing field means to a VLO.
NEED_WORDS = {
    "offender_name": "the offender's name",
    "offence": "the offence",
    "contact_level": "the contact level the victim chose",
    "sentence_description": "the sentence explained in plain words",
    "release_month": "an official release date still to come (the letter gives its month)",
    "licence_end_month": "an official licence end date still to come",
    "decision_summary": "the decision in plain words",
    "respond_by": "the date to reply by",
    "conditions": "the licence conditions",
    "refusal_reason": "the reason given for the refusal",
    "hospital_update": "the hospital update in plain words",
}
NO_ADDRESS = "No postal address on file"


# --- what a letter is made of ---------------------------------------------------------


@dataclass(frozen=True)
class LetterDetails:
    """What the VLO writes or checks for one letter; suggested from the case."""

    sentence_description: str = ""
    decision_summary: str = ""
    refusal_reason: str = ""
    hospital_update: str = ""
    conditions: tuple[str, ...] = ()
    personal_note: str = ""
    respond_by: date | None = None
    first_letter_date: date | None = None
    offence: str = ""  # the offence in the letter's words (e.g. Welsh); the case's if empty


DETAIL_FIELDS = tuple(f.name for f in fields(LetterDetails) if f.name != "offence")
OFFENCES_CY = LETTERS_DIR / "offences_cy.json"


@functools.cache
def _welsh_offences() -> dict[str, str]:
    data = json.loads(OFFENCES_CY.read_text(encoding="utf-8"))
    return {_offence_key(en): cy for en, cy in data["offences"].items()}


def _offence_key(text: str) -> str:
    return " ".join(text.casefold().split())


def offence_wording(offence: str, language: Language) -> str:
    """The offence as the letter writes it after "sentenced for": lower case in English
    (unless it starts with an abbreviation such as GBH); the Welsh wording on file in
    Welsh, or "" when there is none."""
    if Language(language) is Language.WELSH:
        return _welsh_offences().get(_offence_key(offence), "")
    first = offence.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():
        return offence
    return offence[:1].lower() + offence[1:]


@dataclass(frozen=True)
class LetterDraft:
    """A letter ready for review: the rendered words, who it goes to, and every reason it
    must not go (empty when it may be approved)."""

    link_id: int
    case_ref: str
    template_key: str
    title: str
    language: Language
    letter_date: date
    recipient_name: str
    address_lines: tuple[str, ...]
    address_id: int | None
    reasons: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    do_not_post: bool = False
    rendered: RenderedLetter | None = None
    context: LetterContext | None = None
    task_id: int | None = None
    base_source: str = field(default="", repr=False)
    body_source: str = field(default="", repr=False)

    @property
    def ok(self) -> bool:
        return not self.reasons and self.rendered is not None

    @property
    def address_text(self) -> str:
        return ", ".join(self.address_lines)


@dataclass(frozen=True)
class _Facts:
    """The case as a letter sees it, read in one transaction."""

    link: Link
    victim: Victim
    offender: Offender
    contacts: tuple[ContactDetail, ...]
    key_dates: tuple[KeyDate, ...]
    establishments: tuple[str, ...]
    other_victims: tuple[tuple[str, tuple[str, ...]], ...]
    sentence: dict | None = None  # the latest sentence recorded (type and lengths)


def _facts(db, link_id: int) -> _Facts:
    link = repo_cases.get_link(db, link_id)
    victim = repo_cases.get_victim(db, link.victim_id)
    offender = repo_cases.get_offender(db, link.offender_id)
    return _Facts(
        link=link,
        victim=victim,
        offender=offender,
        contacts=repo_cases.contact_details(db, victim.id),
        key_dates=repo_events.key_dates_for_offender(db, offender.id),
        establishments=tuple(repo_letters.establishments_for_victim(db, victim.id)),
        other_victims=tuple(repo_letters.other_victims(db, offender.id, victim.id)),
        sentence=repo_letters.latest_sentence(db, offender.id),
    )


# Letters that only fit some sentences: the Parole Board reviews extended, SOPC and
# indeterminate sentences (a standard determinate sentence is released automatically,
# unless an official parole eligibility date says otherwise, e.g. an older sentence
# under the 1991 Act); HDC is never available for those, nor in hospital.
PAROLE_LETTERS = frozenset({"parole_starting", "parole_decision"})
PAROLE_BOARD_SENTENCES = frozenset(
    {SentenceType.EDS, SentenceType.SOPC, SentenceType.LIFE, SentenceType.IPP}
)
NO_HDC_SENTENCES = PAROLE_BOARD_SENTENCES | HOSPITAL_TYPES | {SentenceType.SUSPENDED}
_SENTENCE_NAMES = {
    SentenceType.SDS: "a standard determinate sentence",
    SentenceType.DTO: "a detention and training order",
    SentenceType.SUSPENDED: "a suspended sentence",
}


def _sentence_reasons(facts: _Facts, template_key: str) -> list[str]:
    """Whether this letter fits the offender's sentence (it says what the sentence
    allows: a parole review, home detention curfew, a hospital's decisions)."""
    if template_key not in PAROLE_LETTERS | {"hdc_representations", "hospital_update"}:
        return []
    if facts.sentence is None:
        return [
            "Blocked: no sentence is recorded - record it first: this letter only fits some"
            " sentences."
        ]
    kind = SentenceType(facts.sentence["type"])
    label_words = SENTENCE_TYPE_LABELS[kind]
    name = _SENTENCE_NAMES.get(kind) or f"a {label_words[:1].lower()}{label_words[1:]}"
    if template_key in PAROLE_LETTERS and kind not in PAROLE_BOARD_SENTENCES:
        parole_date = {"PED", "TARIFF"} & {
            k.kind for k in facts.key_dates if k.source is DateSource.OFFICIAL
        }
        if kind in HOSPITAL_TYPES or not parole_date:
            return [
                f"Blocked: {name} has no Parole Board review (no official parole eligibility"
                " date is on file), so the parole letters do not fit this case."
            ]
    if template_key == "hdc_representations" and kind in NO_HDC_SENTENCES:
        return [f"Blocked: home detention curfew is not available for {name}."]
    if template_key == "hospital_update" and kind not in HOSPITAL_TYPES:
        return [f"Blocked: the hospital update is for hospital disposals, not {name}."]
    return []


def template_info(key: str) -> TemplateInfo:
    for info in available_templates():
        if info.key == key:
            return info
    raise LetterError(f"There is no letter called '{key}'.")


def letter_templates() -> list[TemplateInfo]:
    """The letters a VLO can write, in catalogue order."""
    return available_templates()


@dataclass(frozen=True)
class LetterChoice:
    """A letter as offered for one case: the open task it answers, or why it does not
    fit the case now (a letter is never hidden: the VLO sees why)."""

    key: str
    title: str
    for_task: Task | None = None
    why_not: str = ""


def letter_choices(ws: Workspace, link_id: int) -> tuple[LetterChoice, ...]:
    """The case's letters in the order a VLO wants them: first those its open tasks call
    for (the soonest due first), then the others that fit the case, then those that do
    not, each with its reasons."""
    db = ws.store.db
    facts = _facts(db, link_id)
    wanted: dict[str, Task] = {}
    for task in repo_events.tasks_for_case(db, link_id):  # open first, soonest due first
        key = TEMPLATE_FOR_RULE.get(task.rule)
        if task.done_on is None and key is not None:
            wanted.setdefault(key, task)
    choices = [
        LetterChoice(
            info.key,
            info.title_en,
            wanted.get(info.key),
            " ".join(r.removeprefix("Blocked: ") for r in _fit_reasons(facts, info.key)),
        )
        for info in letter_templates()
    ]
    order = list(wanted)
    return tuple(
        sorted(
            choices,
            key=lambda c: order.index(c.key) if c.key in wanted else len(order) + bool(c.why_not),
        )
    )


def _fit_reasons(facts: _Facts, template_key: str) -> list[str]:
    """Whether a letter of this kind fits the case at all, before any wording."""
    return _contact_reasons(facts.link, template_key)


# --- context: from the case to the fields a template reads ------------------------------


def choose_address(contacts: Iterable[ContactDetail], on: date) -> ContactDetail | None:
    """The address a letter goes to: a safe alternative if there is one, else the newest
    safe current address. With none safe, the newest current one, so the check can say
    exactly why it cannot be used."""
    current = [c for c in contacts if c.kind is ContactKind.ADDRESS and c.is_current(on)]
    for candidates in (
        [c for c in current if c.safe_alternative and c.safe_to_use],
        [c for c in current if c.safe_to_use],
        current,
    ):
        if candidates:
            return candidates[-1]
    return None


def _month_if_ahead(
    key_dates: Iterable[KeyDate], kinds: Sequence[str], on: date
) -> tuple[str, date] | None:
    """The first official, current date of these kinds (in this order) not already past."""
    first_of_month = on.replace(day=1)
    current = {
        k.kind: k.value
        for k in key_dates
        if k.source is DateSource.OFFICIAL and k.superseded_by is None
    }
    for kind in kinds:
        value = current.get(kind)
        if value is not None and value >= first_of_month:
            return kind, value
    return None


def _length_words(
    months: float | None, language: Language, weeks: int | None = None, days: int | None = None
) -> str:
    """'2 years and 6 months', '26 weeks', '14 days' (Welsh: '2 o flynyddoedd a 6 o fisoedd')."""
    years, rest = divmod(round(months or 0), 12)
    welsh = Language(language) is Language.WELSH
    units = (
        (years, "blwyddyn", "o flynyddoedd", "year"),
        (rest, "mis", "o fisoedd", "month"),
        (weeks or 0, "wythnos", "o wythnosau", "week"),
        (days or 0, "diwrnod", "o ddiwrnodau", "day"),
    )
    parts = []
    for count, one_cy, many_cy, english in units:
        if not count:
            continue
        if welsh:
            parts.append(one_cy if count == 1 else f"{count} {many_cy}")
        else:
            parts.append(f"{count} {english}{'s' if count != 1 else ''}")
    return (" a " if welsh else " and ").join(parts)


# What each hospital disposal means, for a victim: they are not all "hospital orders".
_HOSPITAL_EN = {
    SentenceType.HOSPITAL_ORDER: (
        "{o} is under a hospital order without restrictions. This means {o} is treated in"
        " hospital, and the doctor in charge of their care, the hospital managers or a mental"
        " health tribunal can decide on leave and discharge. The hospital, not the Probation"
        " Service, tells victims about discharge."
    ),
    SentenceType.HOSPITAL_ORDER_RESTRICTED: (
        "{o} is under a hospital order with restrictions. This means {o} is treated in a"
        " secure hospital. Leave, transfer and discharge need the agreement of the"
        " Ministry of Justice or a mental health tribunal."
    ),
    SentenceType.HOSPITAL_LIMITATION_DIRECTION: (
        "{o} was given a prison sentence{length} with a hospital and limitation direction."
        " This means {o} is treated in a secure hospital first. Leave, transfer and discharge"
        " need the agreement of the Ministry of Justice or a mental health tribunal. If {o} no"
        " longer needs treatment in hospital, {o} can be moved to prison to serve the rest of"
        " the sentence."
    ),
    SentenceType.TRANSFER_DIRECTION: (
        "{o} is serving a prison sentence{length} and has been moved from prison to a secure"
        " hospital for treatment, with restrictions. Leave and transfer need the agreement of"
        " the Ministry of Justice. When {o} no longer needs treatment in hospital, {o} can be"
        " returned to prison to continue the sentence."
    ),
}
_HOSPITAL_CY = {
    SentenceType.HOSPITAL_ORDER: (
        "Mae {o} dan orchymyn ysbyty heb gyfyngiadau. Mae hyn yn golygu bod {o} yn cael"
        " triniaeth mewn ysbyty, a gall y meddyg sy'n gyfrifol am ofal {o}, rheolwyr yr"
        " ysbyty neu dribiwnlys iechyd meddwl benderfynu ar absenoldeb a rhyddhau. Yr ysbyty,"
        " nid y Gwasanaeth Prawf, sy'n rhoi gwybod i ddioddefwyr am ryddhau."
    ),
    SentenceType.HOSPITAL_ORDER_RESTRICTED: (
        "Mae {o} dan orchymyn ysbyty gyda chyfyngiadau. Mae hyn yn golygu bod {o} yn cael"
        " triniaeth mewn ysbyty diogel. Mae angen cytundeb y Weinyddiaeth Gyfiawnder neu"
        " dribiwnlys iechyd meddwl ar gyfer absenoldeb, trosglwyddo a rhyddhau."
    ),
    SentenceType.HOSPITAL_LIMITATION_DIRECTION: (
        "Cafodd {o} ddedfryd o garchar{length} gyda chyfarwyddyd ysbyty a chyfarwyddyd"
        " cyfyngu. Mae hyn yn golygu bod {o} yn cael triniaeth mewn ysbyty diogel yn gyntaf."
        " Mae angen cytundeb y Weinyddiaeth Gyfiawnder neu dribiwnlys iechyd meddwl ar gyfer"
        " absenoldeb, trosglwyddo a rhyddhau. Os nad oes angen triniaeth yn yr ysbyty ar {o}"
        " mwyach, gellir symud {o} i'r carchar i dreulio gweddill y ddedfryd."
    ),
    SentenceType.TRANSFER_DIRECTION: (
        "Mae {o} yn treulio dedfryd o garchar{length} ac wedi cael ei symud o'r carchar i"
        " ysbyty diogel am driniaeth, gyda chyfyngiadau. Mae angen cytundeb y Weinyddiaeth"
        " Gyfiawnder ar gyfer absenoldeb a throsglwyddo. Pan nad oes angen triniaeth yn yr"
        " ysbyty ar {o} mwyach, gellir dychwelyd {o} i'r carchar i barhau â'r ddedfryd."
    ),
}


def describe_sentence(sentence: dict | None, offender_name: str, language: Language) -> str:
    """The sentence in plain words for the victim (a suggestion the VLO can change)."""
    if not sentence:
        return ""
    try:
        kind = SentenceType(sentence["type"])
    except ValueError:
        return ""
    o = offender_name
    length = _length_words(
        sentence.get("length_months"),
        language,
        sentence.get("length_weeks"),
        sentence.get("length_days"),
    )
    custody = _length_words(sentence.get("custodial_months"), language)
    minimum = _length_words(sentence.get("tariff_months"), language)
    welsh = Language(language) is Language.WELSH
    if kind in _HOSPITAL_EN:
        of = (f" am {length}" if welsh else f" of {length}") if length else ""
        return (_HOSPITAL_CY if welsh else _HOSPITAL_EN)[kind].format(o=o, length=of)
    if welsh:
        return _describe_cy(kind, o, length, custody, minimum)
    if kind is SentenceType.LIFE:
        term = f" with a minimum term of {minimum}" if minimum else ""
        return (
            f"{o} was given a life sentence{term}. {o} must spend at least the minimum term in"
            " prison, and can only be released after that if the Parole Board decides it is"
            f" safe. If released, {o} will be on licence for the rest of their life."
        )
    if kind is SentenceType.IPP:
        return (
            f"{o} was given a sentence of imprisonment for public protection (IPP). {o} can"
            " only be released if the Parole Board decides it is safe, after the minimum term"
            " in prison."
        )
    if not length:
        return ""
    if kind is SentenceType.DTO:
        return (
            f"{o} was given a detention and training order of {length}. Usually half of it"
            " is spent in custody and half under supervision in the community."
        )
    if kind is SentenceType.SUSPENDED:
        return (
            f"{o} was given a suspended sentence of {length}. This means {o} does not go to"
            " prison unless they break the conditions of the order or commit another offence;"
            " then the court can order them to serve the sentence."
        )
    if kind is SentenceType.EDS:
        prison = f"{custody} in prison, then" if custody else "time in prison, then"
        return (
            f"{o} was given an extended sentence of {length}: {prison} an extended period on"
            f" licence. The Parole Board decides whether {o} can be released before the end"
            " of the time in prison."
        )
    if kind is SentenceType.SOPC:
        return (
            f"{o} was given a special custodial sentence of {length}. The Parole Board"
            f" decides whether {o} can be released before the end of the time in prison, and"
            " there is at least a year on licence after release."
        )
    if kind is SentenceType.FINE_DEFAULT:
        return (
            f"{o} was sent to prison for {length} for not paying a fine. Usually half of that"
            " time is spent in prison; release is then automatic, without a licence."
        )
    if kind is SentenceType.DETENTION_S250:
        return (
            f"{o} was sentenced to {length} of detention, a sentence for young people under 18."
            " Part of a sentence like this is served in custody and the rest on licence in the"
            " community, under supervision, and they must keep to the licence conditions."
        )
    return (
        f"{o} was given a prison sentence of {length}. Part of a sentence like this is served"
        " in prison and the rest on licence in the community. On licence, the Probation"
        " Service supervises them, and they must keep to the licence conditions."
    )


def _describe_cy(kind: SentenceType, o: str, length: str, custody: str, minimum: str) -> str:
    if kind is SentenceType.LIFE:
        term = f", gydag isafswm cyfnod o {minimum}" if minimum else ""
        return (
            f"Cafodd {o} ddedfryd oes{term}. Mae'n rhaid i {o} dreulio o leiaf yr isafswm"
            " cyfnod yn y carchar, a dim ond os yw'r Bwrdd Parôl yn penderfynu ei bod yn"
            f" ddiogel y gellir rhyddhau {o} ar ôl hynny. Os ceir rhyddhau, bydd y drwydded"
            f" yn para am weddill oes {o}."
        )
    if kind is SentenceType.IPP:
        return (
            f"Cafodd {o} ddedfryd o garchar er mwyn diogelu'r cyhoedd (IPP). Dim ond os yw'r"
            f" Bwrdd Parôl yn penderfynu ei bod yn ddiogel y gellir rhyddhau {o}, ar ôl yr"
            " isafswm cyfnod yn y carchar."
        )
    if not length:
        return ""
    if kind is SentenceType.DTO:
        return (
            f"Cafodd {o} orchymyn cadw a hyfforddi am {length}. Fel arfer, treulir hanner y"
            " cyfnod yn y ddalfa a hanner dan oruchwyliaeth yn y gymuned."
        )
    if kind is SentenceType.SUSPENDED:
        return (
            f"Cafodd {o} ddedfryd ohiriedig o {length}. Mae hyn yn golygu nad yw {o} yn mynd"
            f" i'r carchar oni bai bod {o} yn torri amodau'r gorchymyn neu'n cyflawni trosedd"
            f" arall; os felly, gall y llys orchymyn bod {o} yn treulio'r ddedfryd yn y carchar."
        )
    if kind is SentenceType.EDS:
        prison = f"{custody} yn y carchar" if custody else "cyfnod yn y carchar"
        return (
            f"Cafodd {o} ddedfryd estynedig am {length}: {prison}, ac yna cyfnod estynedig ar"
            f" drwydded. Y Bwrdd Parôl sy'n penderfynu a ellir rhyddhau {o} cyn diwedd y"
            " cyfnod yn y carchar."
        )
    if kind is SentenceType.SOPC:
        return (
            f"Cafodd {o} ddedfryd o garchar arbennig am {length}. Y Bwrdd Parôl sy'n"
            f" penderfynu a ellir rhyddhau {o} cyn diwedd y cyfnod yn y carchar, ac mae o"
            " leiaf blwyddyn ar drwydded ar ôl rhyddhau."
        )
    if kind is SentenceType.FINE_DEFAULT:
        return (
            f"Cafodd {o} gyfnod o {length} yn y carchar am beidio â thalu dirwy. Fel arfer,"
            " treulir hanner y cyfnod hwnnw yn y carchar; yna mae'r rhyddhau'n awtomatig, heb"
            " drwydded."
        )
    if kind is SentenceType.DETENTION_S250:
        return (
            f"Cafodd {o} ddedfryd o gadw am {length}, dedfryd i bobl ifanc dan 18 oed. Mae"
            " rhan o ddedfryd fel hon yn cael ei threulio yn y ddalfa a'r gweddill ar drwydded"
            " yn y gymuned, dan oruchwyliaeth, ac mae'n rhaid cadw at amodau'r drwydded."
        )
    return (
        f"Cafodd {o} ddedfryd o garchar am {length}. Mae rhan o ddedfryd fel hon yn cael ei"
        " threulio yn y carchar a'r gweddill ar drwydded yn y gymuned. Ar drwydded, mae'r"
        " Gwasanaeth Prawf yn goruchwylio'r troseddwr, ac mae'n rhaid cadw at amodau'r"
        " drwydded."
    )


def _suggest(db, facts: _Facts, template_key: str, on: date) -> LetterDetails:
    link, language = facts.link, facts.victim.language
    offender_name = facts.offender.full_name
    details = LetterDetails(
        sentence_description=describe_sentence(
            repo_letters.latest_sentence(db, facts.offender.id), offender_name, language
        ),
        offence=offence_wording(link.offence, language),
    )
    requests = repo_letters.condition_requests(db, link.id)
    if template_key == "condition_refused":
        refused = [r for r in requests if r["decision"] == "refused"]
        reasons = dict.fromkeys(r["decision_reason"] for r in refused if r["decision_reason"])
        details = replace(
            details,
            conditions=tuple(condition_wording(r, language) for r in refused),
            refusal_reason=" ".join(reasons),
        )
    elif template_key in ("release_on_licence", "parole_decision"):
        agreed = [r for r in requests if r["decision"] in ("included", "amended")]
        details = replace(details, conditions=tuple(condition_wording(r, language) for r in agreed))
    if template_key == "hdc_representations":
        clock, _ = clocks.clock_for("hdc_representations", on)
        details = replace(details, respond_by=clock.due_from(on))
    elif template_key == "follow_up":
        clock, _ = clocks.clock_for("follow_up_to_no_response", on)
        details = replace(
            details,
            respond_by=clock.due_from(on),
            first_letter_date=repo_letters.last_letter_date(db, link.id, ["initial_offer"]),
        )
    elif template_key == "returned_mail_follow_up":
        row = db.execute(
            "SELECT MAX(letter_date) FROM letter WHERE link_id = ? AND status = 'returned'",
            [link.id],
        ).fetchone()
        if row and row[0]:
            details = replace(details, first_letter_date=date.fromisoformat(row[0]))
    return details


def condition_wording(request: dict, language: Language) -> str:
    """A requested condition as a letter in `language` gives it: in Welsh, the catalogue's
    Welsh wording filled with the request's details when the request kept the standard
    wording; otherwise the wording on file (which a Welsh letter then refuses to print,
    asking for it in Welsh)."""
    if Language(language) is Language.ENGLISH:
        return request["wording"]
    values = json.loads(request["field_values"] or "{}")
    try:
        template = load_condition_catalogue().get(request["kind"])
        standard = template.fill(values) == request["wording"]
        welsh = template.fill(values, language) if standard else ""
    except ValidationError:
        welsh = ""
    return welsh or request["wording"]


def _welsh_checks(requests: list[dict], details: LetterDetails) -> tuple[list[str], list[str]]:
    """For a Welsh letter: (reasons, warnings). Text on file in English (a condition's
    wording, the OM's reason or decision) is refused until it is written in Welsh, as the
    offence is; what the VLO wrote is to be checked; details typed on a request and set
    into the catalogue's Welsh wording are named so the VLO can check they read in Welsh."""
    english = {
        _offence_key(r[k] or "")
        for r in requests
        for k in ("wording", "licence_wording", "decision_reason")
    }
    english.discard("")
    reasons, warnings = [], []
    for line in details.conditions:
        if _offence_key(line) in english:
            short = line if len(line) <= 60 else line[:59] + "…"
            reasons.append(
                f"Blocked: the licence condition '{short}' is on file in English only - write it"
                " in Welsh for this letter."
            )
    refusal = _offence_key(details.refusal_reason)
    if refusal and any(text in refusal for text in english):
        reasons.append(
            "Blocked: the reason for the refusal is the offender manager's English - write it"
            " in Welsh for this letter."
        )
    typed = [(f, getattr(details, f)) for f in ("decision_summary", "hospital_update")]
    typed.append(("personal_note", details.personal_note))
    written = [NEED_WORDS.get(f, "the personal note") for f, text in typed if text]
    if written:
        verb = "is" if len(written) == 1 else "are"
        warnings.append(f"Welsh letter: check that {' and '.join(written)} {verb} in Welsh.")
    values = [
        value
        for r in requests
        if condition_wording(r, Language.WELSH) in details.conditions
        and condition_wording(r, Language.WELSH) != r["wording"]
        for value in json.loads(r["field_values"] or "{}").values()
    ]
    if values:
        warnings.append(
            "Welsh letter: the conditions use the catalogue's Welsh wording with the details"
            " typed on the request (" + "; ".join(values) + "): check they read in Welsh."
        )
    return reasons, warnings


def suggest_details(ws: Workspace, link_id: int, template_key: str, *, on: date | None = None):
    """What the case suggests for the parts of a letter a VLO may write or change."""
    on = on or ws.today()
    template_info(template_key)
    with ws.store.atomic() as db:
        return _suggest(db, _facts(db, link_id), template_key, on)


def _contact_reasons(link: Link, template_key: str) -> list[str]:
    """Whether the victim wants this kind of letter at all."""
    reasons = []
    state = label(link.opt_state).lower()
    if link.status is not CaseStatus.OPEN:
        reasons.append(f"Blocked: the case is {label(link.status).lower()}.")
    if template_key in ANY_STATE_LETTERS:
        return reasons
    if template_key in OFFER_LETTERS:
        if link.eligibility is Eligibility.NOT_ELIGIBLE:  # intake refuses the offer itself
            reasons.append(
                "Blocked: the case is not eligible for the scheme: a manager must override"
                " the eligibility before contact is offered."
            )
        if link.opt_state in (OptState.DECLINED, OptState.OPTED_OUT):
            reasons.append(f"Blocked: the victim has {state} - do not offer contact again.")
        elif link.opt_state is OptState.OPTED_IN:
            reasons.append("Blocked: the victim has already opted in.")
    elif template_key == "opt_in_confirmation":
        if link.opt_state is not OptState.OPTED_IN:
            reasons.append(f"Blocked: the victim has not opted in (the case is {state}).")
    elif template_key == "opt_out_acknowledgement":
        if link.opt_state not in (OptState.DECLINED, OptState.OPTED_OUT):
            reasons.append(f"Blocked: the victim has not opted out (the case is {state}).")
    elif link.opt_state is not OptState.OPTED_IN:
        reasons.append(f"Blocked: the victim has not opted in to updates (the case is {state}).")
    elif link.contact_level is ContactLevel.NONE:
        reasons.append("Blocked: the victim chose not to have updates (contact level none).")
    return reasons


def _safety_reasons(
    facts: _Facts,
    text: str,
    address: ContactDetail | None,
    on: date,
    recipient_is_guardian: bool,
) -> list[str]:
    return check_victim_letter(
        text=text,
        recipient_address=address,
        victim=facts.victim,
        contacts=facts.contacts,
        on=on,
        forbidden_names=facts.establishments,
        other_victims=facts.other_victims,
        exact_dates=tuple(dict.fromkeys(k.value for k in facts.key_dates)),
        recipient_is_guardian=recipient_is_guardian,
    )


# --- template wording in use ------------------------------------------------------------


def _active_setting(template_key: str, language: Language) -> str:
    return f"letters.template.{Language(language).value}.{template_key}"


def _active_sources(db, template_key: str, language: Language) -> tuple[str, str, str, str]:
    """(base, body, version, origin) of the wording new letters use: the office's latest
    saved version, or the standard wording."""
    version = get_setting(db, _active_setting(template_key, language))
    if version:
        row = repo_letters.template_row(db, template_key, Language(language).value, version)
        if row is not None and row["status"] == "approved":
            return row["base_source"], row["body_source"], version, row["origin"]
    base, body = template_source(template_key, language)
    return base, body, source_version(base, body), "standard"


def _keep_sources(db, who: str, key: str, language: Language, base: str, body: str) -> str:
    """Keep the wording a letter was made with (once per version), so it can be re-rendered
    with exactly these words whatever the templates say later."""
    version = source_version(base, body)
    repo_letters.save_template(
        db,
        template=key,
        language=Language(language).value,
        version=version,
        base_source=base,
        body_source=body,
        origin="standard" if (base, body) == template_source(key, language) else "edited",
        who=who,
    )
    return version


# --- preparing one letter ---------------------------------------------------------------


def _prepare(
    db,
    facts: _Facts,
    settings: LetterSettings,
    template_key: str,
    on: date,
    details: LetterDetails | None,
    task_id: int | None,
) -> LetterDraft:
    info = template_info(template_key)
    link, victim = facts.link, facts.victim
    language = victim.language
    if task_id is None:  # written from the case: it answers the task it is due for
        task_id = repo_letters.open_letter_task(db, link.id, rules_answered_by(template_key))
    title = info.title(language)
    details = details if details is not None else _suggest(db, facts, template_key, on)
    reasons = _contact_reasons(link, template_key) + _sentence_reasons(facts, template_key)
    warnings = []
    if victim.phone_first:
        warnings.append("Phone first: call the victim before this letter is posted.")
    if victim.accessibility and "large print" not in victim.accessibility.casefold():
        warnings.append(f"Needs: {victim.accessibility}.")

    address = choose_address(facts.contacts, on)
    guardian = victim.is_minor(on) and template_key != "turning_18_reoffer"
    name = victim.full_name
    if guardian:
        if victim.guardian_name:
            name = victim.guardian_name
        else:
            reasons.append(
                "Blocked: the victim is under 18 and no parent or guardian is recorded - add"
                " one before writing."
            )
            guardian = False
    lines = tuple(address.value.splitlines()) if address else (NO_ADDRESS,)
    respond_by_note = ""
    why = why_not_working(details.respond_by) if details.respond_by else ""
    if why:  # a deadline given to a victim is a working day, and the letter says why
        asked, moved = details.respond_by, next_working_day(details.respond_by)
        respond_by_note = moved_deadline_note(asked, why, language)
        warnings.append(
            f"Reply by {asked:%d/%m/%Y} is not a working day: the letter gives the next"
            f" working day, {moved:%d/%m/%Y}, and says why."
        )
        details = replace(details, respond_by=moved)
    if language is Language.WELSH:
        welsh_reasons, welsh_warnings = _welsh_checks(
            repo_letters.condition_requests(db, link.id), details
        )
        reasons += welsh_reasons
        warnings += welsh_warnings
    offence = details.offence or offence_wording(link.offence, language)
    if not offence:
        reasons.append(
            f"Blocked: there is no Welsh wording on file for the offence '{link.offence}' -"
            " write it in Welsh for this letter."
        )
        offence = link.offence
    release = _month_if_ahead(facts.key_dates, RELEASE_KINDS, on)
    prompted = repo_letters.task_key_date(db, task_id) if task_id is not None else None
    if prompted is not None and template_key == "key_date_update":
        kind, value = prompted  # the task is about this date: the letter tells that one
        if kind not in RELEASE_KINDS:
            reasons.append(
                f"Blocked: the task is about the {KEY_DATE_KINDS[kind].lower()}, which the key"
                " date letter does not explain - write to the victim yourself."
            )
        elif value >= on.replace(day=1):
            release = (kind, value)
    licence_end = _month_if_ahead(facts.key_dates, LICENCE_END_KINDS, on)
    context = LetterContext(
        recipient=Recipient(name, lines),
        sender=settings.sender(link.vlo, language),
        letter_date=on,
        language=language,
        victim_name=victim.full_name,
        offender_name=facts.offender.full_name,
        offence=offence,
        release_month=month_year(release[1], language) if release else "",
        licence_end_month=month_year(licence_end[1], language) if licence_end else "",
        contact_level=link.contact_level,
        case_ref=link.ref,
        recipient_is_guardian=guardian,
        large_print="large print" in victim.accessibility.casefold(),
        respond_by_note=respond_by_note,
        **{f: getattr(details, f) for f in DETAIL_FIELDS},
    )
    missing = [NEED_WORDS.get(n, n) for n in context.missing(info.needs)]
    if missing:
        reasons.append("Blocked: the letter needs " + "; ".join(missing) + ".")
    base, body, _, _ = _active_sources(db, template_key, language)
    rendered = None
    if not missing:
        try:
            rendered = render_from_source(template_key, context, base_source=base, body_source=body)
        except LetterError as exc:
            reasons.append(f"Blocked: {exc}")
    if rendered is not None:
        reasons += _safety_reasons(facts, rendered.text, address, on, guardian)
    do_not_post = any(c.do_not_post for c in facts.contacts if c.is_current(on))
    return LetterDraft(
        link_id=link.id,
        case_ref=link.ref,
        template_key=template_key,
        title=title,
        language=language,
        letter_date=on,
        recipient_name=name,
        address_lines=lines if address else (),
        address_id=address.id if address else None,
        reasons=tuple(dict.fromkeys(reasons)),
        warnings=tuple(warnings),
        do_not_post=do_not_post,
        rendered=rendered,
        context=context,
        task_id=task_id,
        base_source=base,
        body_source=body,
    )


def prepare_letter(
    ws: Workspace,
    link_id: int,
    template_key: str,
    *,
    on: date | None = None,
    details: LetterDetails | None = None,
    task_id: int | None = None,
) -> LetterDraft:
    """Build, render and check one letter without saving anything (for review/preview)."""
    on = on or ws.today()
    settings = require_letter_settings(ws)
    with ws.store.atomic() as db:
        return _prepare(db, _facts(db, link_id), settings, template_key, on, details, task_id)


# --- keeping a letter: context as JSON ---------------------------------------------------


def context_to_json(ctx: LetterContext) -> str:
    """Everything the letter said, as JSON, so it can be rendered again exactly."""
    data: dict[str, object] = {}
    for f in fields(ctx):
        value = getattr(ctx, f.name)
        if isinstance(value, Recipient):
            value = {"name": value.name, "address_lines": list(value.address_lines)}
        elif isinstance(value, Sender):
            value = {
                "vlo_name": value.vlo_name,
                "vlo_phone": value.vlo_phone,
                "vlo_email": value.vlo_email,
                "office_name": value.office_name,
                "office_address_lines": list(value.office_address_lines),
                "signature_name": value.signature_name,
            }
        elif isinstance(value, date):
            value = value.isoformat()
        elif isinstance(value, tuple):
            value = list(value)
        elif isinstance(value, (Language, ContactLevel)):
            value = value.value
        data[f.name] = value
    return json.dumps(data, ensure_ascii=False, sort_keys=True)


def context_from_json(text: str) -> LetterContext:
    data = json.loads(text)
    sender = data.pop("sender")
    recipient = data.pop("recipient")
    for name in ("letter_date", "respond_by", "first_letter_date"):
        if data.get(name):
            data[name] = date.fromisoformat(data[name])
    data["conditions"] = tuple(data.get("conditions", ()))
    return LetterContext(
        sender=Sender(**{**sender, "office_address_lines": tuple(sender["office_address_lines"])}),
        recipient=Recipient(recipient["name"], tuple(recipient["address_lines"])),
        **data,
    )


# --- the letter log ---------------------------------------------------------------------


class ProducedElsewhere(DomainError):
    """Another run (a batch beside this one, another desk) produced the letter first."""


def _remove_dead_parts(path: Path) -> None:
    """Delete half-written PDFs of `path` left by a run that was killed (the writer's pid
    is in the name: `.<name>.<pid>.<random>.part`); a live run's part is left alone."""
    for stale in path.parent.glob(f".{path.name}.*.part"):
        pid = stale.name.removeprefix(f".{path.name}.").split(".", 1)[0]
        if not pid.isdigit() or not pid_alive(int(pid)):
            stale.unlink(missing_ok=True)


class LetterBlocked(DomainError):
    """A letter failed its checks; `reasons` says each reason in words."""

    def __init__(self, message: str, reasons: Sequence[str]) -> None:
        super().__init__(message)
        self.reasons = tuple(reasons)


def _log(db, ws: Workspace, letter_id: int, link_id: int, event: str, **values) -> None:
    """One step in the letter log and its audit row, in the caller's transaction."""
    detail = values.pop("detail", "")
    repo_letters.add_event(db, letter_id, event, who=ws.user, detail=detail, **values)
    audit.record(
        db,
        who=ws.user,
        action="create" if event == "drafted" else "update",
        entity="letter",
        entity_id=letter_id,
        link_id=link_id,
        detail={"event": event, "hash": values.get("content_hash", "")[:16]},
    )


def _insert(db, ws: Workspace, draft: LetterDraft, status: LetterStatus, batch_id=None) -> int:
    assert draft.rendered is not None and draft.context is not None
    version = _keep_sources(
        db, ws.user, draft.template_key, draft.language, draft.base_source, draft.body_source
    )
    letter_id = repo_letters.insert_letter(
        db,
        link_id=draft.link_id,
        template=draft.template_key,
        template_version=version,
        title=draft.title,
        language=draft.language.value,
        content_hash=draft.rendered.content_hash,
        status=status,
        recipient=draft.recipient_name,
        address_id=draft.address_id,
        letter_date=draft.letter_date,
        context=context_to_json(draft.context),
        created_by=ws.user,
        batch_id=batch_id,
        task_id=draft.task_id,
    )
    _log(
        db,
        ws,
        letter_id,
        draft.link_id,
        "drafted",
        content_hash=draft.rendered.content_hash,
        template_version=version,
    )
    return letter_id


def _recheck_draft(db, draft: LetterDraft, on: date) -> list[str]:
    """The draft's words checked again against the case as it is now."""
    assert draft.rendered is not None
    facts = _facts(db, draft.link_id)
    address = next((c for c in facts.contacts if c.id == draft.address_id), None)
    guardian = bool(draft.context and draft.context.recipient_is_guardian)
    reasons = _contact_reasons(facts.link, draft.template_key)
    reasons += _sentence_reasons(facts, draft.template_key)
    reasons += _safety_reasons(facts, draft.rendered.text, address, on, guardian)
    return list(dict.fromkeys(reasons))


def save_draft(ws: Workspace, draft: LetterDraft) -> Changed:
    """Keep a letter as a draft to finish later (it is checked again when approved)."""
    if draft.rendered is None:
        raise LetterBlocked(
            "This letter cannot be saved: " + " ".join(draft.reasons), draft.reasons
        )
    with ws.store.atomic() as db:
        letter_id = _insert(db, ws, draft, LetterStatus.DRAFT)
    return Changed((draft.link_id,), "letter", letter_id)


def approve_letter(ws: Workspace, draft: LetterDraft) -> Changed:
    """Approve a reviewed letter: checked again now, then logged as drafted and approved."""
    if not draft.ok:
        raise LetterBlocked(
            "This letter cannot be approved. " + " ".join(draft.reasons), draft.reasons
        )
    with ws.store.atomic() as db:
        reasons = _recheck_draft(db, draft, draft.letter_date)
        if reasons:
            raise LetterBlocked("This letter cannot be approved. " + " ".join(reasons), reasons)
        letter_id = _insert(db, ws, draft, LetterStatus.APPROVED)
        _log(
            db,
            ws,
            letter_id,
            draft.link_id,
            "approved",
            content_hash=draft.rendered.content_hash,  # type: ignore[union-attr]
            template_version=draft.rendered.template_version,  # type: ignore[union-attr]
        )
    return Changed((draft.link_id,), "letter", letter_id)


def _rerender(db, row: dict) -> RenderedLetter:
    """The letter exactly as it was approved: its context, with its version's wording."""
    kept = repo_letters.template_row(db, row["template"], row["language"], row["template_version"])
    if kept is None:
        raise LetterError(
            f"The wording (version {row['template_version']}) of letter {row['id']} is not kept;"
            " open its PDF instead."
        )
    rendered = render_from_source(
        row["template"],
        context_from_json(row["context"]),
        base_source=kept["base_source"],
        body_source=kept["body_source"],
        title=row["title"] or None,
    )
    if rendered.content_hash != row["content_hash"]:
        raise LetterError(
            f"Letter {row['id']} no longer renders exactly as it was approved; open its PDF"
            " instead, or write a new letter."
        )
    return rendered


def _recheck_row(db, row: dict, rendered: RenderedLetter, on: date) -> list[str]:
    facts = _facts(db, row["link_id"])
    address = next((c for c in facts.contacts if c.id == row["address_id"]), None)
    guardian = context_from_json(row["context"]).recipient_is_guardian
    reasons = _contact_reasons(facts.link, row["template"])
    reasons += _sentence_reasons(facts, row["template"])
    reasons += _safety_reasons(facts, rendered.text, address, on, guardian)
    return list(dict.fromkeys(reasons))


def rendered_letter(ws: Workspace, letter_id: int) -> RenderedLetter:
    """A logged letter's words, exactly as approved (for preview and re-print)."""
    with ws.store.atomic() as db:
        return _rerender(db, repo_letters.letter_row(db, letter_id))


def get_letter(ws: Workspace, letter_id: int) -> LetterRecord:
    return repo_letters.get_letter(ws.store.db, letter_id)


def case_summary(ws: Workspace, link_id: int) -> tuple[str, Language]:
    """A case's reference and the language its letters are written in."""
    link = repo_cases.get_link(ws.store.db, link_id)
    return link.ref, repo_cases.get_victim(ws.store.db, link.victim_id).language


def letters_for_case(ws: Workspace, link_id: int) -> tuple[LetterRecord, ...]:
    return repo_letters.letters_for_case(ws.store.db, link_id)


def approve_saved(ws: Workspace, letter_id: int, *, on: date | None = None) -> Changed:
    """Approve a saved draft, checked again against the case as it is now."""
    on = on or ws.today()
    with ws.store.atomic() as db:
        row = repo_letters.letter_row(db, letter_id)
        if row["status"] != LetterStatus.DRAFT.value:
            raise DomainError(f"Only a draft can be approved (this letter is {row['status']}).")
        rendered = _rerender(db, row)
        reasons = _recheck_row(db, row, rendered, on)
        if reasons:
            raise LetterBlocked("This letter cannot be approved. " + " ".join(reasons), reasons)
        repo_letters.set_status(db, letter_id, LetterStatus.APPROVED)
        _log(
            db,
            ws,
            letter_id,
            row["link_id"],
            "approved",
            content_hash=rendered.content_hash,
            template_version=row["template_version"],
        )
    return Changed((row["link_id"],), "letter", letter_id)


def withdraw_letter(ws: Workspace, letter_id: int, reason: str) -> Changed:
    """Stop a draft or approved letter from going out; the reason is kept in the log."""
    reason = " ".join((reason or "").split())
    if not reason:
        raise ValidationError("Say why the letter is withdrawn.")
    with ws.store.atomic() as db:
        row = repo_letters.letter_row(db, letter_id)
        if row["status"] not in (LetterStatus.DRAFT.value, LetterStatus.APPROVED.value):
            raise DomainError(
                f"Only a draft or an approved letter can be withdrawn (this one is"
                f" {row['status']})."
            )
        _withdraw(db, ws, row, reason)
    return Changed((row["link_id"],), "letter", letter_id)


def _withdraw(db, ws: Workspace, row: dict, reason: str) -> None:
    repo_letters.set_status(db, row["id"], LetterStatus.WITHDRAWN)
    _log(
        db,
        ws,
        row["id"],
        row["link_id"],
        "withdrawn",
        content_hash=row["content_hash"],
        template_version=row["template_version"],
        detail=reason,
    )


# --- producing: PDF kept, printed, logged ------------------------------------------------


@dataclass(frozen=True)
class Produced:
    letter_id: int
    link_id: int
    path: Path
    pages: int
    event: str
    job: PrintJob | None = None

    @property
    def awaiting_printer(self) -> bool:
        """Sent to a printer that has not finished it yet: not counted as sent until then."""
        return self.job is not None and not self.job.state.settled


def print_job_title(letter_id: int) -> str:
    return f"VCS Desk letter {letter_id}"


def _file_stem(row: dict, ref: str) -> str:
    return f"{ref}_{row['template']}"


def _kept_path(db, row: dict, ref: str, folder: Path, flat: bool) -> Path:
    """Where the letter's PDF is kept. `flat`: named by case reference and template (a
    letter id is added only when another logged letter already has that name); otherwise
    filed by month with the letter id, as an archive that never overwrites."""
    stem = _file_stem(row, ref)
    if flat:
        path = folder / f"{stem}.pdf"
        if repo_letters.path_used_by_other(db, str(path), row["id"]):
            path = folder / f"{stem}_{row['id']}.pdf"
        return path
    month = (row["letter_date"] or row["created_at"])[:7]
    return folder / month / f"{stem}_{row['id']}.pdf"


def _not_sent(task_id: int | None) -> str:
    task = " and its task stays open" if task_id else ""
    return f"The letter is not recorded as sent{task}."


def _export_path(row: dict, ref: str, folder: Path) -> Path:
    """The user's copy in a folder they chose: named by case and letter, never over
    another letter's file."""
    path = folder / f"{_file_stem(row, ref)}.pdf"
    return path.with_name(f"{path.stem}_{row['id']}.pdf") if path.exists() else path


def produce_letter(
    ws: Workspace,
    letter_id: int,
    *,
    folder: Path | str | None = None,
    flat_names: bool = False,
    send_to_printer: SendToPrinter | None = None,
    copy_to: Path | str | None = None,
    on: date | None = None,
    first_time_only: bool = False,
) -> Produced:
    """Print and/or save an approved letter (or re-print a produced one; with
    `first_time_only`, as a batch does, a letter already produced raises
    ProducedElsewhere instead): the one gate every route to paper goes through (the
    letter dialog, its preview, a batch).

    The letter is rendered again from what was approved (same hash) and checked against
    the case as it is now; a letter that no longer passes is withdrawn with the reasons
    and LetterBlocked is raised. Its PDF is written (and printed, when `send_to_printer`
    is given) before the step is logged, so a crash never logs a letter that was not
    produced. `copy_to` also writes a copy where the VLO asked.

    A print is logged with the printer and the print system's job id. A job the print
    system refused (or cancelled or aborted at once) is logged as "not printed" and
    NotPrinted is raised: nothing else changes. The first print of a letter sends it (a
    contact, its task done) only once the job has completed; until then it waits, and
    `settle_print_jobs` learns the end.
    """
    on = on or ws.today()
    db = ws.store.db
    with ws.store.atomic():
        row = repo_letters.letter_row(db, letter_id)
        status = LetterStatus(row["status"])
        if first_time_only and status is not LetterStatus.APPROVED:
            raise ProducedElsewhere("This letter is no longer waiting to be produced.")
        if status is LetterStatus.DRAFT:
            raise DomainError("This letter is a draft: approve it before printing.")
        if status in (LetterStatus.RETURNED, LetterStatus.WITHDRAWN):
            raise DomainError(f"This letter was {status.value}: write a new letter instead.")
        rendered = _rerender(db, row)
        reasons = _recheck_row(db, row, rendered, on)
        ref = repo_cases.get_link(db, row["link_id"]).ref
        if not reasons:
            settings = require_letter_settings(ws)
            # An encrypted caseload keeps its sealed copy in the archive and writes the
            # folder's PDF as the user's own (ordinary) file.
            sealed = documents.encrypted(ws)
            export_to = Path(folder) if folder is not None else None
            base = export_to if export_to and not sealed else archive_folder(ws, settings)
            existing = Path(row["pdf_path"]) if row["pdf_path"] else None
            if status is LetterStatus.PRINTED and existing is not None:
                path = existing
            else:
                path = documents.kept_name(
                    ws, _kept_path(db, row, ref, base, flat_names and base == export_to)
                )
            export = _export_path(row, ref, export_to) if export_to and sealed else None
    if reasons:
        with ws.store.atomic():
            _withdraw(db, ws, row, "Blocked when produced: " + " ".join(reasons))
        raise LetterBlocked(
            "Not produced: " + " ".join(reasons) + " The letter has been withdrawn; write a"
            " new one when this is resolved.",
            reasons,
        )

    title = row["title"] or row["template"]
    pages = 0
    copy = copy_to if copy_to is not None else export
    try:
        if not path.exists() or status is LetterStatus.APPROVED:
            make_private_folder(path.parent)
            _remove_dead_parts(path)
            path, pages = documents.keep_pdf(ws, path, rendered.html, title=title)
        if copy is not None:
            pages = write_pdf(
                rendered.html, Path(copy), title=title, watermark=documents.watermark(ws)
            )
    except OSError as exc:
        raise DomainError(f"The PDF could not be written ({exc.strerror or exc}).") from exc
    job = None
    if send_to_printer is not None:
        job = send_to_printer(rendered.html, print_job_title(letter_id))
        if job.failed:
            with ws.store.atomic():
                _log_step(db, ws, row, "not_printed", job.as_detail())
            raise not_printed(job, _not_sent(row["task_id"]))

    detail: dict[str, object] = job.as_detail() if job is not None else {}
    if copy is not None:
        detail["copy"] = str(copy)
    with ws.store.atomic():
        current = repo_letters.letter_row(db, letter_id)
        if current["status"] != status.value:  # another desk got there first
            raise ProducedElsewhere("This letter changed while it was being produced; look again.")
        if job is None:
            event = "pdf_saved"
        else:
            event = "reprinted" if repo_letters.printed_before(db, letter_id) else "printed"
        repo_letters.set_status(db, letter_id, LetterStatus.PRINTED, pdf_path=str(path))
        _log_step(db, ws, row, event, detail or "", pdf_path=str(path))
        sends = status is LetterStatus.APPROVED
        if job is not None:
            repo_letters.add_print_job(
                db,
                letter_id,
                printer=job.printer,
                job_id=job.job_id,
                state=job.state.value,
                sends=sends,
                on=on,
                who=ws.user,
                settled=job.state.settled,
            )
        if sends and (job is None or job.state.settled):
            _first_sent(db, ws, row, on)
    return Produced(
        letter_id, row["link_id"], path, pages or (job.sheets if job else 0), event, job
    )


def _log_step(db, ws: Workspace, row: dict, event: str, detail, **values) -> None:
    _log(
        db,
        ws,
        row["id"],
        row["link_id"],
        event,
        content_hash=row["content_hash"],
        template_version=row["template_version"],
        detail=detail,
        **values,
    )


def settle_print_jobs(
    ws: Workspace,
    *,
    letter_ids: Sequence[int] | None = None,
    state_of: Callable[[str, int], JobState | None] = print_system.job_state,
) -> Changed | None:
    """Ask the print system what became of print jobs it had not finished (all of them,
    or those of `letter_ids`), and act on each one that has ended:

    - completed: a letter's first print now counts as sent (a contact, its task done);
    - cancelled or aborted: "not printed" is logged; a first print is handed to another
      print of the same letter that did not fail, or the letter goes back to approved, so
      it is not recorded as sent and its task stays open.

    A job the print system no longer knows was finished and purged from its history
    (CUPS only forgets finished jobs), and is taken as printed. When the print system
    cannot be asked (`state_of` returns None) nothing changes. Returns the cases changed.
    """
    changed: list[int] = []
    for job in repo_letters.unsettled_print_jobs(ws.store.db, letter_ids):
        state = (
            JobState.UNKNOWN if job["job_id"] is None else state_of(job["printer"], job["job_id"])
        )
        if state is None or (state.value == job["state"] and not state.settled):
            continue
        with ws.store.atomic() as db:
            if _settle(db, ws, job, state):
                changed.append(job["letter_id"])
    if not changed:
        return None
    with ws.store.atomic() as db:
        link_ids = tuple(dict.fromkeys(repo_letters.letter_row(db, i)["link_id"] for i in changed))
    return Changed(link_ids, "letter", changed[0])


def _settle(db, ws: Workspace, job: dict, state: JobState) -> bool:
    """One job's new state, in the caller's transaction; True if the letter changed."""
    if not state.settled:
        repo_letters.update_print_job(db, job["id"], state=state.value, settled=False)
        return False
    row = repo_letters.letter_row(db, job["letter_id"])
    on = date.fromisoformat(job["on_date"])
    if not state.failed:
        repo_letters.update_print_job(db, job["id"], state=JobState.COMPLETED.value, settled=True)
        if job["sends"]:
            _first_sent(db, ws, row, on)
        return bool(job["sends"])
    repo_letters.update_print_job(db, job["id"], state=state.value, settled=True, sends=False)
    failed = PrintJob(job["printer"], job["job_id"], state)
    _log_step(db, ws, row, "not_printed", failed.as_detail())
    if not job["sends"]:
        return True
    other = repo_letters.other_live_print_job(db, row["id"], job["id"])
    if other is not None:  # printed again meanwhile: that print sends the letter
        repo_letters.update_print_job(
            db, other["id"], state=other["state"], settled=False, sends=True
        )
        if other["settled_at"] is not None:
            _first_sent(db, ws, row, on)
    elif row["status"] == LetterStatus.PRINTED.value:
        repo_letters.set_status(db, row["id"], LetterStatus.APPROVED)
    return True


def _first_sent(db, ws: Workspace, row: dict, on: date) -> None:
    """The letter went out: a contact with the victim, and the task it answers is done.

    An offer or a follow-up is also a step of the opt-in journey (intake moves its clocks
    and logs the contact); any other letter is logged as a contact here.
    """
    link = repo_cases.get_link(db, row["link_id"])
    journey = link.referral_date <= on <= ws.today()
    if (
        journey
        and row["template"] == "initial_offer"
        and link.opt_state
        in (
            OptState.REFERRED,
            OptState.REOPENED,
        )
    ):
        intake.record_opt_change(ws, link.id, OptState.OFFERED, on=on, source="letter")
    elif journey and row["template"] == "follow_up" and link.opt_state is OptState.OFFERED:
        intake.record_follow_up(ws, link.id, on=on, channel=Channel.LETTER)
    elif _offer_recorded_by_hand(db, link, row):
        pass  # the VLO recorded this offer ("Offered", by letter) first: one contact, not two
    else:
        repo_letters.log_letter_contact(
            db, row["link_id"], on, f"{row['title']} ({row['language']})", ws.user
        )
    task_id = row["task_id"]
    if task_id and any(
        t.id == task_id and t.done_on is None
        for t in repo_events.tasks_for_case(db, row["link_id"])
    ):
        repo_events.complete_task(db, task_id, on, ws.user)
        audit.record(
            db,
            who=ws.user,
            action="update",
            entity="task",
            entity_id=task_id,
            link_id=row["link_id"],
            detail={"done": True, "by_letter": row["id"]},
        )


def _offer_recorded_by_hand(db, link: Link, row: dict) -> bool:
    """An offer letter produced after the VLO recorded the offer as made by letter (its
    contact is already in the log), and the first offer letter the case has sent."""
    if row["template"] != "initial_offer" or link.opt_state is not OptState.OFFERED:
        return False
    offered = next(
        (h for h in repo_events.opt_history(db, link.id) if h[1] is OptState.OFFERED), None
    )
    return (
        offered is not None
        and offered[2] == "letter"
        and not repo_letters.letters_sent(db, link.id, "initial_offer", other_than=row["id"])
    )


def kept_pdf(ws: Workspace, letter_id: int) -> Path:
    """The kept PDF of a produced letter; an error a VLO can act on if it is missing."""
    row = repo_letters.letter_row(ws.store.db, letter_id)
    if not row["pdf_path"]:
        raise DomainError("This letter has not been printed or saved as a PDF yet.")
    path = Path(row["pdf_path"])
    if not path.exists():
        raise DomainError(
            f"The kept PDF is missing ({path}). Save a PDF copy of the letter to make it again."
        )
    return path


def mark_returned(
    ws: Workspace, letter_id: int, *, on: date | None = None, note: str = ""
) -> Changed:
    """A letter came back undelivered: log it, mark the address unsafe until it is checked
    (so nothing else is posted there), and make a task to check it."""
    on = on or ws.today()
    note = " ".join((note or "").split())
    with ws.store.atomic() as db:
        row = repo_letters.letter_row(db, letter_id)
        if row["status"] != LetterStatus.PRINTED.value:
            raise DomainError("Only a letter that was printed or saved can be marked returned.")
        repo_letters.set_status(db, letter_id, LetterStatus.RETURNED)
        _log(
            db,
            ws,
            letter_id,
            row["link_id"],
            "returned",
            content_hash=row["content_hash"],
            template_version=row["template_version"],
            detail={"on": on.isoformat(), "note": note},
        )
        if row["address_id"]:
            detail = repo_cases.get_contact_detail(db, row["address_id"])
            if detail.safe_to_use:
                why = f"Letter returned undelivered on {on:%d/%m/%Y}: check before writing again."
                changed = replace(detail, safe_to_use=False, note=f"{why} {detail.note}".strip())
                repo_cases.update_contact_detail(db, changed)
                for link_id in repo_cases.links_for_victim(db, detail.victim_id):
                    audit.record(
                        db,
                        who=ws.user,
                        action="update",
                        entity="contact_detail",
                        entity_id=detail.id,
                        link_id=link_id,
                        detail={"safe_to_use": [True, False], "reason": "letter returned"},
                    )
        clocks.add_task(
            ws,
            row["link_id"],
            RETURNED_MAIL_RULE,
            "Letter returned undelivered: check the victim's address",
            add_working_days(on, RETURNED_CHECK_DAYS),
            source_ref=f"letter:{letter_id}",
            rule_text=(
                f"A returned letter means the address may be wrong or no longer safe: check"
                f" it within {RETURNED_CHECK_DAYS} working days (VCS Desk default)."
            ),
        )
    return Changed((row["link_id"],), "letter", letter_id)


def offer_phone_task(
    ws: Workspace, link_id: int, template_key: str, *, on: date | None = None
) -> Changed:
    """The victim is not to be posted to: make a task to phone them instead."""
    on = on or ws.today()
    info = template_info(template_key)
    with ws.store.atomic():
        repo_cases.get_link(ws.store.db, link_id)
        task_id = clocks.add_task(
            ws,
            link_id,
            PHONE_INSTEAD_RULE,
            f"Phone the victim instead of writing: {info.title_en}",
            on,
            source_ref=f"letter:{template_key}",
            rule_text="The victim is marked do not post: phone them instead of writing.",
        )
    return Changed((link_id,), "task", task_id)


# --- batches ------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchReview:
    """A set of letters checked together before anything is produced."""

    template_key: str  # the letter, or "due" for letters answering due tasks
    on: date
    drafts: tuple[LetterDraft, ...]
    cancelled: bool = False

    @property
    def ready(self) -> tuple[LetterDraft, ...]:
        return tuple(d for d in self.drafts if d.ok)

    @property
    def blocked(self) -> tuple[LetterDraft, ...]:
        return tuple(d for d in self.drafts if not d.ok)

    def languages(self) -> dict[Language, int]:
        counts = Counter(d.language for d in self.ready)
        return {lang: counts[lang] for lang in Language if counts[lang]}

    def summary(self) -> str:
        total = len(self.drafts)
        langs = ", ".join(f"{n} {label(lang)}" for lang, n in self.languages().items())
        text = f"{total} letter{'s' if total != 1 else ''}: {len(self.ready)} ready"
        if langs:
            text += f" ({langs})"
        text += f", {len(self.blocked)} blocked"
        if self.cancelled:
            text += " - review stopped before the end"
        return text


def _review(
    ws: Workspace,
    jobs: Sequence[tuple[int, str, int | None]],
    key: str,
    on: date,
    progress: ProgressFn | None,
    cancelled: CancelledFn | None,
) -> BatchReview:
    settings = require_letter_settings(ws)
    drafts: list[LetterDraft] = []
    stopped = False
    with ws.store.atomic() as db:
        for number, (link_id, template_key, task_id) in enumerate(jobs, 1):
            if cancelled is not None and cancelled():
                stopped = True
                break
            drafts.append(
                _prepare(db, _facts(db, link_id), settings, template_key, on, None, task_id)
            )
            if progress is not None and (number % 10 == 0 or number == len(jobs)):
                progress(number, len(jobs), f"Checked {number} of {len(jobs)} letters")
    return BatchReview(key, on, tuple(drafts), stopped)


def review_batch(
    ws: Workspace,
    link_ids: Sequence[int],
    template_key: str,
    *,
    on: date | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> BatchReview:
    """One letter per case, each built and checked; nothing is saved."""
    template_info(template_key)
    jobs = [(link_id, template_key, None) for link_id in dict.fromkeys(link_ids)]
    return _review(ws, jobs, template_key, on or ws.today(), progress, cancelled)


def review_due(
    ws: Workspace,
    *,
    on: date | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> BatchReview:
    """The letters that answer open tasks due by `on` (offers, follow-ups, updates...)."""
    on = on or ws.today()
    tasks = repo_letters.due_letter_tasks(ws.store.db, on, list(TEMPLATE_FOR_RULE))
    jobs = [(t["link_id"], TEMPLATE_FOR_RULE[t["rule"]], t["task_id"]) for t in tasks]
    return _review(ws, jobs, "due", on, progress, cancelled)


def approve_batch(ws: Workspace, review: BatchReview) -> int:
    """Approve every ready letter of a reviewed batch in one transaction (each checked
    again); blocked ones are recorded on the batch with their reasons. Returns its id."""
    if review.cancelled:
        raise DomainError("The review was stopped before the end: review the batch again.")
    if not review.ready:
        raise DomainError("No letter in this batch can be approved: " + review.summary() + ".")
    with ws.store.atomic() as db:
        blocked = [
            {"case": d.case_ref, "letter": d.template_key, "reasons": list(d.reasons)}
            for d in review.blocked
        ]
        batch_id = repo_letters.insert_batch(
            db,
            template=review.template_key,
            on=review.on,
            letters=len(review.ready),
            blocked=blocked,
            created_by=ws.user,
        )
        for draft in review.ready:
            reasons = _recheck_draft(db, draft, review.on)
            if reasons:
                raise LetterBlocked(
                    f"{draft.case_ref} changed since the review: "
                    + " ".join(reasons)
                    + " Review the batch again.",
                    reasons,
                )
            letter_id = _insert(db, ws, draft, LetterStatus.APPROVED, batch_id)
            _log(
                db,
                ws,
                letter_id,
                draft.link_id,
                "approved",
                content_hash=draft.rendered.content_hash,  # type: ignore[union-attr]
                template_version=draft.rendered.template_version,  # type: ignore[union-attr]
                detail={"batch": batch_id},
            )
        audit.record(
            db,
            who=ws.user,
            action="create",
            entity="letter_batch",
            entity_id=batch_id,
            detail={
                "letter": review.template_key,
                "approved": len(review.ready),
                "blocked": len(blocked),
            },
        )
    return batch_id


@dataclass(frozen=True)
class BatchResult:
    """What a production run did; every letter not listed as produced is still approved
    (and produced by the next run), blocked ones were withdrawn with their reasons."""

    produced: tuple[Produced, ...]
    blocked: tuple[tuple[int, tuple[str, ...]], ...]
    remaining: int
    cancelled: bool = False
    error: str = ""

    def summary(self) -> str:
        text = f"{len(self.produced)} letters produced"
        waiting = sum(p.awaiting_printer for p in self.produced)
        if waiting:
            text += f" ({waiting} waiting for the printer to finish: not counted as sent yet)"
        if self.blocked:
            text += f", {len(self.blocked)} blocked and withdrawn"
        if self.remaining:
            text += f", {self.remaining} still approved and waiting"
        if self.cancelled:
            text += " (cancelled)"
        if self.error:
            text += f". Stopped: {self.error}"
        return text


def produce_batch(
    ws: Workspace,
    batch_id: int | None = None,
    *,
    folder: Path | str | None = None,
    flat_names: bool = False,
    send_to_printer: SendToPrinter | None = None,
    on: date | None = None,
    progress: ProgressFn | None = None,
    cancelled: CancelledFn | None = None,
) -> BatchResult:
    """Produce the approved letters of a batch (all approved letters when None), one at a
    time, each logged in its own transaction after its PDF is in place. Stops between
    letters when `cancelled()`; stops at the first letter that cannot be written (a full
    disk fails every letter after it too)."""
    ids = repo_letters.letter_ids(ws.store.db, status=LetterStatus.APPROVED, batch_id=batch_id)
    produced: list[Produced] = []
    blocked: list[tuple[int, tuple[str, ...]]] = []
    stopped, error = False, ""
    for number, letter_id in enumerate(ids, 1):
        if cancelled is not None and cancelled():
            stopped = True
            break
        try:
            produced.append(
                produce_letter(
                    ws,
                    letter_id,
                    folder=folder,
                    flat_names=flat_names,
                    send_to_printer=send_to_printer,
                    on=on,
                    first_time_only=True,
                )
            )
        except LetterBlocked as exc:
            blocked.append((letter_id, exc.reasons))
        except ProducedElsewhere:
            continue  # a run beside this one produced and logged it: nothing left to do
        except DomainError as exc:
            error = str(exc)
            break
        if progress is not None:
            progress(number, len(ids), f"Produced {len(produced)} of {len(ids)} letters")
    remaining = len(
        repo_letters.letter_ids(ws.store.db, status=LetterStatus.APPROVED, batch_id=batch_id)
    )
    return BatchResult(tuple(produced), tuple(blocked), remaining, stopped, error)


def batch_counts(ws: Workspace, batch_id: int) -> dict[str, int]:
    """How many letters of a batch are in each status (approved = not produced yet)."""
    return repo_letters.status_counts(ws.store.db, batch_id)


# --- template wording: versions a senior VLO edits ----------------------------------------


@dataclass(frozen=True)
class TemplateWording:
    key: str
    language: Language
    body: str
    version: str
    origin: str  # "standard" or "edited"


def template_wording(ws: Workspace, template_key: str, language: Language) -> TemplateWording:
    """The wording new letters of this kind use now."""
    template_info(template_key)
    _, body, version, origin = _active_sources(ws.store.db, template_key, language)
    return TemplateWording(template_key, Language(language), body, version, origin)


def template_history(ws: Workspace, template_key: str, language: Language) -> list[dict]:
    """Every kept version of a letter's wording, newest first, with how many letters
    were made with it."""
    return repo_letters.template_versions(ws.store.db, template_key, Language(language).value)


def fields_used(body_source: str) -> frozenset[str]:
    """The letter details a template body reads (so a dialog asks only for those)."""
    return template_fields(body_source)


def synthetic_context(language: Language, **changes: object) -> LetterContext:
    """An invented case with every field filled, to preview a template with."""
    welsh = Language(language) is Language.WELSH
    values: dict[str, object] = {
        "recipient": Recipient(
            "Ceri Prydderch",
            ("12 Heol yr Enghraifft", "Trefawr", "ZZ99 1AA")
            if welsh
            else ("12 Example Road", "Anytown", "ZZ99 1AA"),
        ),
        "sender": Sender(
            vlo_name="Alex Morgan",
            vlo_phone="01632 960123",
            vlo_email="alex.morgan@probation.example",
            office_name="Uned Cyswllt Dioddefwyr" if welsh else "Victim Liaison Unit",
            office_address_lines=("1 Civic Way", "Anytown", "ZZ1 1ZZ"),
        ),
        "letter_date": date(2026, 11, 26),
        "language": Language(language),
        "victim_name": "Ceri Prydderch",
        "offender_name": "Dylan Ffug" if welsh else "Jordan Sample",
        "offence": "ymosod" if welsh else "assault occasioning actual bodily harm",
        "sentence_description": "Dedfryd o garchar am 4 o flynyddoedd."
        if welsh
        else "A prison sentence of 4 years.",
        "release_month": month_year(date(2027, 3, 1), language),
        "licence_end_month": month_year(date(2029, 9, 1), language),
        "conditions": ("Peidio â chysylltu â Ceri Prydderch.",)
        if welsh
        else ("Not to contact Ceri Prydderch directly or indirectly.",),
        "refusal_reason": "Roedd yr ardal yn rhy fawr." if welsh else "The area was too large.",
        "decision_summary": "Mae'r Bwrdd Parôl wedi penderfynu."
        if welsh
        else "The Parole Board has made its decision.",
        "hospital_update": "Mae'r tîm clinigol wedi gofyn am absenoldeb."
        if welsh
        else "The clinical team has asked for escorted leave.",
        "contact_level": ContactLevel.KEY_STAGES,
        "respond_by": date(2026, 12, 10),
        "first_letter_date": date(2026, 10, 1),
        "case_ref": "VCS-000000",
    }
    values.update(changes)
    return LetterContext(**values)  # type: ignore[arg-type]


# The synthetic case's offender is held here and released on this day: a preview that
# shows either has wording that would leak them from a real case.
SYNTHETIC_ESTABLISHMENT = "HMP Northmoor"
SYNTHETIC_RELEASE = date(2027, 3, 14)


def preview_wording(
    template_key: str, language: Language, body_source: str, *, base_source: str | None = None
) -> tuple[RenderedLetter, list[str]]:
    """Render edited wording with the synthetic case and check it; LetterError if the
    template itself is broken, or runs away (it is rendered in a child process with a
    time and memory limit: letters/isolated.py)."""
    base = base_source if base_source is not None else template_source(template_key, language)[0]
    ctx = synthetic_context(language)
    rendered = run_isolated(
        render_from_source, template_key, ctx, base_source=base, body_source=body_source
    )
    victim = Victim("Ceri", "Prydderch", dob=date(1980, 5, 1), language=language)
    address = ContactDetail(ContactKind.ADDRESS, "\n".join(ctx.recipient.address_lines))
    reasons = check_victim_letter(
        text=rendered.text,
        recipient_address=address,
        victim=victim,
        contacts=(address,),
        on=ctx.letter_date,
        forbidden_names=(SYNTHETIC_ESTABLISHMENT,),
        other_victims=(("Morgan Example", ("7 Other Street\nAnytown\nZZ99 7ZZ",)),),
        exact_dates=(SYNTHETIC_RELEASE,),
    )
    return rendered, reasons


def _require_template_editor(ws: Workspace) -> None:
    """A senior role, and (when the letter settings name editors) one of those named."""
    access.require(ws, Role.SENIOR, "change letter templates")
    if not may_edit_templates(ws):
        raise AccessDenied("Only a senior VLO named in the letter settings can change templates.")


def save_template_version(
    ws: Workspace, template_key: str, language: Language, body_source: str, *, note: str = ""
) -> str:
    """Save edited wording as a new version, waiting for a second senior VLO to approve it
    (approve_template_version) before new letters use it; letters already made keep
    theirs. Refused if the wording does not render or fails the checks. Wording approved
    before (going back to an earlier version) is used at once."""
    _require_template_editor(ws)
    note = " ".join((note or "").split())
    if not note:
        raise ValidationError("Say what changed in this version (a short note).")
    base = template_source(template_key, language)[0]
    _, reasons = preview_wording(template_key, language, body_source, base_source=base)
    if reasons:
        raise LetterBlocked("The new wording fails the checks: " + " ".join(reasons), reasons)
    version = source_version(base, body_source)
    with ws.store.atomic() as db:
        repo_letters.save_template(
            db,
            template=template_key,
            language=Language(language).value,
            version=version,
            base_source=base,
            body_source=body_source,
            origin="edited",
            who=ws.user,
            note=note,
            pending=True,
        )
        row = repo_letters.template_row(db, template_key, Language(language).value, version)
        if row["status"] == "approved":
            _make_active(db, ws, template_key, language, version, note)
        else:
            audit.record(
                db,
                who=ws.user,
                action="propose",
                entity="letter_template",
                detail={"letter": template_key, "language": Language(language).value,
                        "version": version, "note": note},
            )  # fmt: skip
    return version


@dataclass(frozen=True)
class WordingForApproval:
    """A saved version as its approver sees it: what changed against the wording in use,
    the letter it makes with the invented case, and the checks."""

    key: str
    language: Language
    version: str
    saved_by: str
    saved_at: str
    note: str
    pending: bool
    diff: str  # unified diff of the body against the version in use
    html: str
    reasons: tuple[str, ...]
    may_approve: bool
    why_not: str


def wording_for_approval(
    ws: Workspace, template_key: str, language: Language, version: str
) -> WordingForApproval:
    db = ws.store.db
    row = repo_letters.template_row(db, template_key, Language(language).value, version)
    if row is None:
        raise NotFound(f"There is no version {version} of this letter's wording.")
    _, body_in_use, version_in_use, _ = _active_sources(db, template_key, language)
    diff = "".join(
        difflib.unified_diff(
            body_in_use.splitlines(keepends=True),
            row["body_source"].splitlines(keepends=True),
            f"in use ({version_in_use})",
            f"saved ({version})",
        )
    )
    rendered, reasons = preview_wording(
        template_key, language, row["body_source"], base_source=row["base_source"]
    )
    why_not = ""
    if row["status"] != "pending":
        why_not = "This version is approved already."
    elif row["saved_by"].casefold() == ws.user.casefold():
        why_not = "You saved this version: another senior VLO must approve it."
    elif not ws.role.allows(Role.SENIOR) or not may_edit_templates(ws):
        why_not = "Only a senior VLO who may change templates can approve wording."
    elif reasons:
        why_not = "The wording fails the checks."
    return WordingForApproval(
        template_key,
        Language(language),
        version,
        row["saved_by"],
        row["saved_at"],
        row["note"],
        row["status"] == "pending",
        diff,
        rendered.html,
        tuple(reasons),
        not why_not,
        why_not,
    )


def approve_template_version(
    ws: Workspace, template_key: str, language: Language, version: str
) -> str:
    """A second senior VLO approves a saved version: new letters use it from now on."""
    _require_template_editor(ws)
    review = wording_for_approval(ws, template_key, language, version)
    if not review.may_approve:
        raise DomainError(review.why_not)
    with ws.store.atomic() as db:
        row = repo_letters.template_row(db, template_key, Language(language).value, version)
        repo_letters.approve_template(db, row["id"], ws.user)
        _make_active(
            db, ws, template_key, language, version, f"approved; saved by {row['saved_by']}"
        )
    return version


def restore_standard_wording(ws: Workspace, template_key: str, language: Language) -> str:
    """New letters go back to the standard wording (edited versions stay kept)."""
    _require_template_editor(ws)
    base, body = template_source(template_key, language)
    with ws.store.atomic() as db:
        version = _keep_sources(db, ws.user, template_key, language, base, body)
        _make_active(db, ws, template_key, language, version, "standard wording restored")
    return version


def _make_active(db, ws: Workspace, template_key: str, language, version: str, note: str) -> None:
    """New letters of this kind use `version` from now on; audited with the reason."""
    set_setting(db, _active_setting(template_key, language), version)
    audit.record(
        db,
        who=ws.user,
        action="update",
        entity="letter_template",
        detail={
            "letter": template_key,
            "language": Language(language).value,
            "version": version,
            "note": note,
        },
    )
