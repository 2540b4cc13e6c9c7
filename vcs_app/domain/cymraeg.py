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
    # labels made from a stored value (model.label's fallback): contact kinds, channels,
    # offence categories
    "Address": "Cyfeiriad",
    "Phone": "Ffôn",
    "Email": "E-bost",
    "Letter": "Llythyr",
    "Visit": "Ymweliad",
    "Meeting": "Cyfarfod",
    "System": "System",
    "Violent": "Treisgar",
    "Sexual": "Rhywiol",
    "Domestic abuse": "Cam-drin domestig",
    "Stalking": "Stelcian",
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
    "Life sentence": "dedfryd oes",
    "Imprisonment for public protection (IPP)": "Carchar er mwyn diogelu'r cyhoedd (IPP)",
    "Detention and training order (DTO)": "Gorchymyn cadw a hyfforddi (DTO)",
    "Detention under s.250 (offender under 18; before December 2020 s.91)": "Cadw dan a.250 (troseddwr dan 18; cyn Rhagfyr 2020 a.91)",
    "Imprisonment in default of paying a fine (default term)": "Carchar am beidio â thalu dirwy (cyfnod diffygdalu)",
    "Suspended sentence (not served in custody unless activated)": "Dedfryd ohiriedig (nid yw'n cael ei threulio yn y ddalfa oni bai ei bod yn cael ei gweithredu)",
    "Hospital order without restrictions (Mental Health Act s.37)": "gorchymyn ysbyty heb gyfyngiadau (Deddf Iechyd Meddwl a.37)",
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
    # licence condition details (resources/conditions.json placeholders; the titles have
    # their Welsh in that file, added by `add_words`)
    "Named person(s)": "Person(au) a enwir",
    "the victim and any named family members, by name only": "y dioddefwr ac unrhyw aelodau o'r teulu a enwir, wrth eu henw yn unig",
    "Area, in words": "Ardal, mewn geiriau",
    "roads and landmarks that bound the zone; never the victim's address": "ffyrdd a thirnodau sy'n ffinio'r parth; byth cyfeiriad y dioddefwr",
    "Town, area or premises": "Tref, ardal neu adeilad",
    "e.g. the town of Anytown, or a named leisure centre": "e.e. tref Anytown, neu ganolfan hamdden a enwir",
    "Workplace or school": "Gweithle neu ysgol",
    "its name, not its street address": "ei enw, nid cyfeiriad y stryd",
    "Whose workplace or school": "Gweithle neu ysgol pwy",
    "the person's name": "enw'r person",
    "Area not to live in": "Ardal i beidio â byw ynddi",
    "a town, district or county": "tref, ardal neu sir",
    "From (time)": "O (amser)",
    "Until (time)": "Tan (amser)",
    "e.g. 7pm": "e.e. 7pm",
    "e.g. 7am": "e.e. 7am",
    "Exclusion zone, in words": "Parth gwahardd, mewn geiriau",
    "as in the exclusion zone condition; never the victim's address": "fel yn yr amod parth gwahardd; byth cyfeiriad y dioddefwr",
    "For how long": "Am ba hyd",
    "e.g. the first 12 months of the licence": "e.e. 12 mis cyntaf y drwydded",
    "Condition wording": "Geiriad yr amod",
    "as it should read on the licence": "fel y dylai ddarllen ar y drwydded",
    "(standard wording)": "(geiriad safonol)",
    "standard wording": "geiriad safonol",
    "annual update only": "diweddariad blynyddol yn unig",
    # eligibility words (domain.eligibility)
    "a violent offence": "drosedd dreisgar",
    "a sexual offence": "drosedd rywiol",
    "a domestic abuse offence": "drosedd cam-drin domestig",
    "a stalking or harassment offence": "drosedd stelcian neu aflonyddu",
    "an offence that is not violent or sexual": "drosedd nad yw'n dreisgar nac yn rhywiol",
    "extended determinate sentence": "dedfryd benodol estynedig",
    "sentence for offenders of particular concern": "dedfryd i droseddwyr sy'n peri pryder arbennig",
    "detention and training order": "gorchymyn cadw a hyfforddi",
    "detention under section 250": "cadw dan adran 250",
    "a life sentence": "dedfryd oes",
    "an indeterminate sentence for public protection (IPP)": "dedfryd amhenodol er mwyn diogelu'r cyhoedd (IPP)",
    "an unrestricted hospital order": "gorchymyn ysbyty heb gyfyngiadau",
    "a hospital order with restrictions": "gorchymyn ysbyty gyda chyfyngiadau",
    "a hospital and limitation direction": "cyfarwyddyd ysbyty a chyfyngu",
    "a transfer to hospital with a restriction direction": "trosglwyddiad i'r ysbyty gyda chyfarwyddyd cyfyngu",
    "our question": "ein cwestiwn",
    "conditional release date": "dyddiad rhyddhau amodol",
    "parole eligibility date": "dyddiad cymhwysedd parôl",
    "tariff expiry date": "dyddiad dod â'r tariff i ben",
    # the management report (services.reports): sections, figures, rates
    "Total": "Cyfanswm",
    "Decision pending": "Penderfyniad yn aros",
    "Within the limit": "O fewn y terfyn",
    "Outside the limit": "Y tu allan i'r terfyn",
    "Offered again after the case was reopened": "Wedi cynnig eto ar ôl ailagor yr achos",
    "Opted in or declined before any offer was recorded": "Wedi optio i mewn neu wrthod cyn cofnodi unrhyw gynnig",
    "Did not opt in (yet)": "Heb optio i mewn (eto)",
    "No further contact": "Dim cyswllt pellach",
    "Included as amended": "Wedi'i gynnwys wedi'i ddiwygio",
    "Withdrawn before a decision": "Wedi'i dynnu'n ôl cyn penderfyniad",
    "Not recorded": "Heb ei gofnodi",
    "No team recorded": "Dim tîm wedi'i gofnodi",
    "Case ref": "Cyfeirnod achos",
    "OM team": "Tîm OM",
    "Status": "Statws",
    "Referrals received": "Atgyfeiriadau a dderbyniwyd",
    "Eligibility outcomes": "Canlyniadau cymhwysedd",
    "Initial offers of contact": "Cynigion cyswllt cyntaf",
    "Initial offers by month": "Cynigion cyntaf fesul mis",
    "Not counted as initial offers": "Heb eu cyfrif fel cynigion cyntaf",
    "Opt-in": "Optio i mewn",
    "Victims in contact by contact level": "Dioddefwyr mewn cyswllt fesul lefel cyswllt",
    "Victims in contact by language": "Dioddefwyr mewn cyswllt fesul iaith",
    "Letters sent": "Llythyrau a anfonwyd",
    "Returned mail": "Post a ddychwelwyd",
    "Licence-condition requests": "Ceisiadau am amodau trwydded",
    "Licence-condition requests by month": "Ceisiadau am amodau trwydded fesul mis",
    "Requests to OMs unanswered past follow-up": "Ceisiadau i OMau heb ateb ar ôl mynd ar eu holau",
    "Overdue tasks by clock": "Tasgau hwyr fesul cloc",
    "Overdue tasks by VLO": "Tasgau hwyr fesul VLO",
    "Caseload per VLO": "Llwyth achosion fesul VLO",
    "Referred by": "Atgyfeiriwyd gan",
    "Outcome": "Canlyniad",
    "Offer made": "Cynnig wedi'i wneud",
    "Case": "Achos",
    "Answer": "Ateb",
    "Contact level": "Lefel cyswllt",
    "Language": "Iaith",
    "Clock": "Cloc",
    "Count": "Nifer",
    "Median working days, referral to offer": "Canolrif diwrnodau gwaith, o'r atgyfeiriad i'r cynnig",
    "90th percentile working days": "90fed canradd diwrnodau gwaith",
    "Opt-in rate": "Cyfradd optio i mewn",
    "Inclusion rate (included as asked / decided)": "Cyfradd cynnwys (wedi'u cynnwys fel y gofynnwyd / wedi'u penderfynu)",
    "Included as asked or amended / decided": "Wedi'u cynnwys fel y gofynnwyd neu wedi'u diwygio / wedi'u penderfynu",
    "The report period ends before it starts: check the dates.": "Mae cyfnod yr adroddiad yn gorffen cyn iddo ddechrau: gwiriwch y dyddiadau.",
    # kinds of record in a case's history (the audit trail's entity names)
    "account": "cyfrif",
    "contact detail": "manylyn cyswllt",
    "contact": "cyswllt",
    "key date": "dyddiad allweddol",
    "link": "achos",
    "offender": "troseddwr",
    "victim": "dioddefwr",
    "task": "tasg",
    "condition request": "cais am amod",
    "liaison entry": "nodyn cyswllt",
    "sentence event": "digwyddiad dedfryd",
    "sentence": "dedfryd",
    "referral": "atgyfeiriad",
    "duplicate check": "gwiriad dyblygu",
    "date batch": "swp dyddiadau",
    "preferences": "dewisiadau",
    "letter": "llythyr",
    "January": "Ionawr",
    "February": "Chwefror",
    "March": "Mawrth",
    "April": "Ebrill",
    "May": "Mai",
    "June": "Mehefin",
    "July": "Gorffennaf",
    "August": "Awst",
    "September": "Medi",
    "October": "Hydref",
    "November": "Tachwedd",
    "December": "Rhagfyr",
}


def add_words(pairs: dict[str, str]) -> None:
    """More English -> Welsh pairs kept with their data (letter and condition titles)."""
    for english, welsh in pairs.items():
        if english and welsh:
            WORDS.setdefault(english, welsh)


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
    "Chase {who} (OM): no reply to {about}": "Mynd ar ôl {who} (OM): dim ateb ynghylch {about}",
    "Explain to the victim why '{title}' was {outcome}": "Egluro i'r dioddefwr pam y cafodd '{title}' ei {outcome}",
    "Tell the victim of the new {kind}, release month {month} {year}": "Dweud wrth y dioddefwr am y {kind} newydd, mis rhyddhau {month} {year}",
    "Prepare the victim for the parole review ({kind} {month} {year})": "Paratoi'r dioddefwr ar gyfer yr adolygiad parôl ({kind} {month} {year})",
    # eligibility decisions (domain.eligibility), the common shapes
    "{months} months' custody for {offence} ({minimum} months or more required).": "{months} mis yn y ddalfa am {offence} ({minimum} mis neu fwy yn ofynnol).",
    "{months} months' custody ({sentence}) for {offence} ({minimum} months or more required).": "{months} mis yn y ddalfa ({sentence}) am {offence} ({minimum} mis neu fwy yn ofynnol).",
    "{sentence} for {offence}.": "{sentence} am {offence}.",
    "{offence} below the statutory threshold ({months} months' custody; {minimum} months or more required).": "{offence} islaw'r trothwy statudol ({months} mis yn y ddalfa; {minimum} mis neu fwy yn ofynnol).",
    "{months} months' custody for {offence} ({minimum} months or more required). It can be offered if a manager agrees the victim is at serious risk.": "{months} mis yn y ddalfa am {offence} ({minimum} mis neu fwy yn ofynnol). Gellir ei gynnig os yw rheolwr yn cytuno bod y dioddefwr mewn perygl difrifol.",
    "{offence}, treated as a violent offence": "{offence}, a ystyrir yn drosedd dreisgar",
    "Override by {by}: {reason}": "Penderfyniad gan {by}: {reason}",
    # report figures and periods (services.reports)
    "{n} of {total} ({rate})": "{n} o {total} ({rate})",
    "{start} to {end}": "{start} i {end}",
    "Jan {year}": "Ion {year}",
    "Feb {year}": "Chwef {year}",
    "Mar {year}": "Maw {year}",
    "Apr {year}": "Ebr {year}",
    "May {year}": "Mai {year}",
    "Jun {year}": "Meh {year}",
    "Jul {year}": "Gorff {year}",
    "Aug {year}": "Awst {year}",
    "Sep {year}": "Medi {year}",
    "Oct {year}": "Hyd {year}",
    "Nov {year}": "Tach {year}",
    "Dec {year}": "Rhag {year}",
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


# What a field holds where the text around it cannot tell ("(tariff expiry date July 2028)").
_FIELDS = {
    "total": r"\d+",
    "start": r"\d\d/\d\d/\d{4}",
    "end": r"\d\d/\d\d/\d{4}",
    "n": r"\d+",
    "year": r"\d{4}",
    "months": r"[\d.]+",
    "minimum": r"[\d.]+",
    "month": r"[A-Z][a-z]+",
}


@cache
def _compiled() -> tuple[tuple[re.Pattern[str], str], ...]:
    compiled = []
    for english, welsh in TEMPLATES.items():
        parts = re.split(r"\{(\w+)\}", english)
        regex = "".join(
            re.escape(part) if i % 2 == 0 else f"(?P<{part}>{_FIELDS.get(part, '.+?')})"
            for i, part in enumerate(parts)
        )
        compiled.append((re.compile(regex, re.DOTALL), welsh))
    return tuple(compiled)
