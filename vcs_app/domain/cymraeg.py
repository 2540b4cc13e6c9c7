"""Welsh forms of the words the domain hands to a person (statuses, flags, needs, task
titles, reasons...), kept here as plain Python so the domain stays free of Qt.

The domain speaks English: its labels are the keys. `in_language(text, "cy")` gives the
Welsh form of a label, or of a sentence made from a template below ("Overdue by {n}
days"); text it does not know (a name, a note, an address) comes back as it is. The
interface calls it through `vcs_app.qt.i18n.shown`, with the language chosen in Settings.
A Welsh-language officer should review this wording (README, "Cymraeg").
"""

from __future__ import annotations

import re
from functools import cache

# English label -> Welsh. Keys are exactly the strings the domain produces.
WORDS: dict[str, str] = {
    # model.LABELS: languages, roles, opt-in, contact level, status, eligibility, parties
    "English": "Saesneg",
    "Welsh": "Cymraeg",
    "Victim": "Dioddefwr",
    "Bereaved relative": "Perthynas mewn profedigaeth",
    "Representative": "Cynrychiolydd",
    "Referred": "Wedi'i atgyfeirio",
    "Offered": "Wedi cynnig",
    "Opted in": "Wedi optio i mewn",
    "Declined": "Wedi gwrthod",
    "No response": "Dim ymateb",
    "Opted out": "Wedi optio allan",
    "Reopened": "Wedi'i ailagor",
    "Key stages": "Camau allweddol",
    "Release and licence only": "Rhyddhau a thrwydded yn unig",
    "Annual update": "Diweddariad blynyddol",
    "None": "Dim",
    "Open": "Ar agor",
    "Closed": "Wedi cau",
    "Archived": "Wedi'i archifo",
    "Pending": "Yn aros",
    "Statutory": "Statudol",
    "Discretionary": "Dewisol",
    "Not eligible": "Ddim yn gymwys",
    "To": "At",
    "From": "Oddi wrth",
    "Offender manager": "Rheolwr troseddwyr",
    "Prison": "Carchar",
    "Hospital": "Ysbyty",
    "Parole Board": "Bwrdd Parôl",
    "Police": "Heddlu",
    "Witness Care Unit": "Uned Gofal Tystion",
    "Other": "Arall",
    # safety flags and needs (model.safety_flags, model.contact_needs)
    "Do not post": "Peidiwch â phostio",
    "Address unsafe": "Cyfeiriad anniogel",
    "Use safe alternative address": "Defnyddiwch y cyfeiriad amgen diogel",
    "Phone first": "Ffonio yn gyntaf",
    "Under 18: contact via parent/guardian": "Dan 18: cysylltu drwy riant/warcheidwad",
    "Welsh language": "Cymraeg",
    # key dates (model.KEY_DATE_KINDS)
    "Sentence expiry date": "Dyddiad dod â'r ddedfryd i ben",
    "Licence expiry date": "Dyddiad dod â'r drwydded i ben",
    "Sentence and licence expiry date": "Dyddiad dod â'r ddedfryd a'r drwydded i ben",
    "Conditional release date": "Dyddiad rhyddhau amodol",
    "Automatic release date": "Dyddiad rhyddhau awtomatig",
    "Parole eligibility date": "Dyddiad cymhwysedd parôl",
    "Home detention curfew eligibility date": "Dyddiad cymhwysedd cyrffyw cadw gartref",
    "Home detention curfew approved date": "Dyddiad cymeradwyo cyrffyw cadw gartref",
    "Approved parole date": "Dyddiad parôl a gymeradwywyd",
    "Post-recall release date": "Dyddiad rhyddhau ar ôl galw'n ôl",
    "Top-up supervision end date": "Dyddiad diwedd goruchwyliaeth ychwanegol",
    "Early removal scheme eligibility date": "Dyddiad cymhwysedd y cynllun symud yn gynnar",
    "Tariff expiry date": "Dyddiad dod â'r tariff i ben",
    "Release on temporary licence": "Rhyddhau ar drwydded dros dro",
    "Mid-term date (detention and training order release)": "Dyddiad hanner tymor (rhyddhau o orchymyn cadw a hyfforddi)",
    # offence classes and sentence types (domain.sentence)
    "Not known yet": "Ddim yn hysbys eto",
    "Other offence (not violent, sexual, terrorist, national security or a listed domestic abuse offence)": "Trosedd arall (nid treisgar, rhywiol, terfysgol, diogelwch cenedlaethol na throsedd cam-drin domestig a restrir)",
    "Violent offence (Schedule 15), maximum below life": "Trosedd dreisgar (Atodlen 15), uchafswm islaw oes",
    "Violent offence with a life maximum (e.g. wounding with intent)": "Trosedd dreisgar ag uchafswm oes (e.e. clwyfo gyda bwriad)",
    "Manslaughter, attempted or conspiracy to murder, or soliciting murder": "Dynladdiad, ceisio llofruddio neu gynllwynio i lofruddio, neu annog llofruddiaeth",
    "Murder with a determinate sentence (e.g. one transferred from abroad)": "Llofruddiaeth â dedfryd benodol (e.e. un a drosglwyddwyd o dramor)",
    "Sexual offence, maximum below life": "Trosedd rywiol, uchafswm islaw oes",
    "Sexual offence with a life maximum (e.g. rape)": "Trosedd rywiol ag uchafswm oes (e.e. trais rhywiol)",
    "Domestic abuse offence excluded from 40% release (stalking, coercive control, non-fatal strangulation)": "Trosedd cam-drin domestig a eithrir o ryddhau ar 40% (stelcian, rheolaeth drwy orfodaeth, tagu nad yw'n angheuol)",
    "Breach of a restraining, stalking protection or sexual harm prevention order, or sharing private sexual images (excluded from 40% release from 16 December 2024)": "Torri gorchymyn atal, gorchymyn amddiffyn rhag stelcian neu orchymyn atal niwed rhywiol, neu rannu delweddau rhywiol preifat (wedi'i eithrio o ryddhau ar 40% o 16 Rhagfyr 2024)",
    "National security offence (e.g. National Security Act 2023, Official Secrets Acts)": "Trosedd diogelwch cenedlaethol (e.e. Deddf Diogelwch Gwladol 2023, Deddfau Cyfrinachau Swyddogol)",
    "Terrorist offence": "Trosedd derfysgol",
    "Standard determinate sentence (SDS)": "Dedfryd benodol safonol (SDS)",
    "Extended determinate sentence (EDS)": "Dedfryd benodol estynedig (EDS)",
    "Sentence for an offender of particular concern (SOPC)": "Dedfryd i droseddwr sy'n peri pryder arbennig (SOPC)",
    "Life sentence": "Dedfryd oes",
    "Imprisonment for public protection (IPP)": "Carchar er mwyn diogelu'r cyhoedd (IPP)",
    "Detention and training order (DTO)": "Gorchymyn cadw a hyfforddi (DTO)",
    "Detention under s.250 (offender under 18; before December 2020 s.91)": "Cadw dan a.250 (troseddwr dan 18; cyn Rhagfyr 2020 a.91)",
    "Imprisonment in default of paying a fine (default term)": "Carchar am beidio â thalu dirwy (cyfnod diffygdalu)",
    "Suspended sentence (not served in custody unless activated)": "Dedfryd ohiriedig (nid yw'n cael ei threulio yn y ddalfa oni bai ei bod yn cael ei gweithredu)",
    "Hospital order without restrictions (Mental Health Act s.37)": "Gorchymyn ysbyty heb gyfyngiadau (Deddf Iechyd Meddwl a.37)",
    "Hospital order with restrictions (s.37/41)": "Gorchymyn ysbyty gyda chyfyngiadau (a.37/41)",
    "Hospital and limitation direction (s.45A)": "Cyfarwyddyd ysbyty a chyfyngu (a.45A)",
    "Transfer from prison to hospital with a restriction direction (s.47/49)": "Trosglwyddo o'r carchar i'r ysbyty gyda chyfarwyddyd cyfyngu (a.47/49)",
    # sentence events (domain.sentence.EVENT_RULES)
    "Parole review started": "Adolygiad parôl wedi dechrau",
    "Parole hearing": "Gwrandawiad parôl",
    "Parole Board decision": "Penderfyniad y Bwrdd Parôl",
    "Home detention curfew eligibility": "Cymhwysedd cyrffyw cadw gartref",
    "Move to open conditions": "Symud i amodau agored",
    "Release on licence": "Rhyddhau ar drwydded",
    "Recall to custody": "Galw'n ôl i'r ddalfa",
    "End of licence": "Diwedd y drwydded",
    "Hospital leave (community leave)": "Absenoldeb o'r ysbyty (absenoldeb yn y gymuned)",
    "Transfer to another hospital": "Trosglwyddo i ysbyty arall",
    "Discharge from hospital": "Rhyddhau o'r ysbyty",
    # licence conditions (domain.conditions.LABELS, STATS_HEADERS)
    "Requested": "Gofynnwyd amdano",
    "Sent to OM": "Anfonwyd at yr OM",
    "Acknowledged by OM": "Cydnabuwyd gan yr OM",
    "Decided": "Penderfynwyd",
    "Victim informed": "Dioddefwr wedi cael gwybod",
    "Ended": "Wedi dod i ben",
    "Included": "Wedi'i gynnwys",
    "Amended": "Wedi'i ddiwygio",
    "Refused": "Wedi'i wrthod",
    "Chased OM": "Wedi mynd ar ôl yr OM",
    "Varied": "Wedi'i amrywio",
    "Period requested": "Cyfnod y cais",
    "Team": "Tîm",
    "Awaiting decision": "Yn aros am benderfyniad",
    "Inclusion rate (included / decided)": "Cyfradd cynnwys (wedi'u cynnwys / wedi'u penderfynu)",
    "Median days, request to decision": "Canolrif dyddiau, o'r cais i'r penderfyniad",
    "Chases": "Mynd ar ôl",
    "Year": "Blwyddyn",
    "Quarter": "Chwarter",
    "Month": "Mis",
    "All (total)": "Y cyfan (cyfanswm)",
    "(no team recorded)": "(dim tîm wedi'i gofnodi)",
    # duplicate check reasons (storage.repo_intake)
    "same name and date of birth": "yr un enw a dyddiad geni",
    "same CRN": "yr un CRN",
    "same prison number": "yr un rhif carchar",
    "same name": "yr un enw",
    # due dates (services.dashboard)
    "Due today": "I'w wneud heddiw",
    "Due tomorrow": "I'w wneud yfory",
    # eligibility
    "Pending: record the length of custody (or the hospital disposal) to decide.": "Yn aros: cofnodwch hyd y cyfnod yn y ddalfa (neu'r gorchymyn ysbyty) i benderfynu.",
    # the letter checks
    "the victim has already opted in.": "mae'r dioddefwr wedi optio i mewn yn barod.",
    "the victim chose not to have updates (contact level none).": "dewisodd y dioddefwr beidio â chael diweddariadau (lefel cyswllt dim).",
    # rules (resources/rules: clock labels, task titles)
    "Offer contact": "Cynnig cyswllt",
    "Offer contact to the victim directly": "Cynnig cyswllt i'r dioddefwr yn uniongyrchol",
    "If there is no reply, send a follow-up letter or call": "Os nad oes ateb, anfonwch lythyr dilynol neu ffoniwch",
    "If there is still no reply, record the case as not opted in": "Os nad oes ateb o hyd, cofnodwch nad yw'r achos wedi optio i mewn",
    "If the offender manager has not replied, chase them": "Os nad yw'r rheolwr troseddwyr wedi ateb, ewch ar eu holau",
    "Check for the Parole Board decision": "Gwirio am benderfyniad y Bwrdd Parôl",
    "Check for the Parole Board decision after the hearing": "Gwirio am benderfyniad y Bwrdd Parôl ar ôl y gwrandawiad",
    "Explain the offender manager's decision on the requested licence condition, and its reason, to the victim": "Egluro i'r dioddefwr benderfyniad y rheolwr troseddwyr ar yr amod trwydded y gofynnwyd amdano, a'r rheswm drosto",
    "Send any request for reconsideration": "Anfon unrhyw gais am ailystyried",
    "Send the victim's representations on home detention curfew": "Anfon sylwadau'r dioddefwr am gyrffyw cadw gartref",
    "Start preparing the victim for the parole review": "Dechrau paratoi'r dioddefwr ar gyfer yr adolygiad parôl",
    "Tell the victim about the event": "Dweud wrth y dioddefwr am y digwyddiad",
    "Tell the victim about the new or changed official date (the release month, never the exact day)": "Dweud wrth y dioddefwr am y dyddiad swyddogol newydd neu a newidiwyd (mis y rhyddhau, byth yr union ddiwrnod)",
    "Tell the victim the Parole Board decision": "Dweud wrth y dioddefwr beth yw penderfyniad y Bwrdd Parôl",
    "Tell the victim the parole review has started and offer a victim personal statement": "Dweud wrth y dioddefwr fod yr adolygiad parôl wedi dechrau a chynnig datganiad personol dioddefwr",
    "Tell the victim the parole review has started; offer a victim personal statement (it may be disclosed to the offender)": "Dweud wrth y dioddefwr fod yr adolygiad parôl wedi dechrau; cynnig datganiad personol dioddefwr (gall gael ei ddatgelu i'r troseddwr)",
    "Witness Care Unit refers the victim": "Mae'r Uned Gofal Tystion yn atgyfeirio'r dioddefwr",
    "Offer contact again: case reopened": "Cynnig cyswllt eto: achos wedi'i ailagor",
    "Subject access": "Mynediad at ddata gwrthrych",
    "Offer contact to the victim": "Cynnig cyswllt i'r dioddefwr",
}

# English template -> Welsh template; {fields} hold a number, date or other text, which is
# itself put into Welsh when the catalogue knows it.
TEMPLATES: dict[str, str] = {
    "Overdue by 1 day": "Hwyr o 1 diwrnod",
    "Overdue by {n} days": "Hwyr o {n} diwrnod",
    "Due in {n} days": "I'w wneud ymhen {n} diwrnod",
    "Blocked: {reason}": "Wedi'i rwystro: {reason}",
    "Statutory: {reason}": "Statudol: {reason}",
    "Discretionary: {reason}": "Dewisol: {reason}",
    "Not eligible: {reason}": "Ddim yn gymwys: {reason}",
    "the victim has {state} - do not offer contact again.": "mae'r dioddefwr {state} - peidiwch â chynnig cyswllt eto.",
    "the victim has not opted in (the case is {state}).": "nid yw'r dioddefwr wedi optio i mewn (mae'r achos: {state}).",
    "the case is {status}.": "mae'r achos: {status}.",
    "the victim has not opted out (the case is {state}).": "nid yw'r dioddefwr wedi optio allan (mae'r achos: {state}).",
    "the victim has not opted in to updates (the case is {state}).": "nid yw'r dioddefwr wedi optio i mewn i gael diweddariadau (mae'r achos: {state}).",
    "Offer contact directly: {name} turns 18": "Cynnig cyswllt yn uniongyrchol: mae {name} yn troi'n 18",
    "Chase {who} (OM): no reply to {about}": "Mynd ar ôl {who} (OM): dim ateb i {about}",
    "Explain to the victim why '{title}' was {outcome}": "Egluro i'r dioddefwr pam y cafodd '{title}' ei {outcome}",
}


def in_language(text: str, language: str) -> str:
    """`text` in `language` ("en" or "cy"); unknown text is returned unchanged."""
    if language != "cy" or not text:
        return text
    known = WORDS.get(text)
    if known is not None:
        return known
    for pattern, welsh in _compiled():
        match = pattern.fullmatch(text)
        if match:
            fields = {k: _field(v, language) for k, v in match.groupdict().items()}
            return welsh.format(**fields)
    return text


def _field(text: str, language: str) -> str:
    """A value inside a sentence: known as it is, or as a lower-case label ("declined")."""
    welsh = in_language(text, language)
    if welsh == text and text[:1].islower():
        capital = in_language(text[:1].upper() + text[1:], language)
        if capital != text[:1].upper() + text[1:]:
            return capital[:1].lower() + capital[1:]
    return welsh


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    compiled = []
    for english, welsh in TEMPLATES.items():
        parts = re.split(r"\{(\w+)\}", english)
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>.+?)" for i, part in enumerate(parts)
        )
        compiled.append((re.compile(regex, re.DOTALL), welsh))
    return tuple(compiled)
