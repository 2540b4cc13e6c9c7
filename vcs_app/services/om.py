"""Offender managers: the directory, each case's OM (with history), what the VLO is
waiting on them for, and the request document that asks them for licence conditions.

The request document goes to the offender side, so it is checked by
`domain.safety.check_offender_side_document` against every contact detail of every
victim of the offender before it is produced; if any appears, nothing is written and
nothing is recorded as sent, and the VLO is told exactly what was found.
"""

from __future__ import annotations

import base64
import functools
import hashlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from jinja2 import FileSystemLoader, StrictUndefined
from jinja2.sandbox import SandboxedEnvironment

from vcs_app.domain.calendar import working_days_between
from vcs_app.domain.conditions import (
    ConditionRequest,
    OffenderManager,
    OMAssignment,
    OMWait,
    OMWaitSummary,
    Step,
    check_step,
    load_condition_catalogue,
    summarise_waits,
)
from vcs_app.domain.model import (
    Direction,
    DomainError,
    Language,
    LiaisonChannel,
    LiaisonEntry,
    Party,
    ValidationError,
    clean_text,
    normalise_name,
)
from vcs_app.domain.safety import check_offender_side_document
from vcs_app.letters.context import long_date
from vcs_app.letters.print_adapter import write_pdf
from vcs_app.letters.render import LETTERS_DIR, html_to_text
from vcs_app.services import clocks, conditions, documents, liaison
from vcs_app.services.cases import Changed
from vcs_app.services.printing import SendToPrinter, printed
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit, repo_cases, repo_conditions, repo_om
from vcs_app.storage.files import make_private_folder

OM_TEMPLATES = LETTERS_DIR / "om"
OM_REQUEST_TEMPLATE = "om_request.html.j2"
DOCUMENTS_FOLDER = Path("documents") / "om-requests"


# --- the directory --------------------------------------------------------------------


@dataclass(frozen=True)
class DirectoryRow:
    om: OffenderManager  # id None: named on cases but not yet in the directory
    open_cases: int
    waiting: int


@dataclass(frozen=True)
class OMCase:
    link_id: int
    case_ref: str
    victim: str
    offender: str
    status: str
    requests_waiting: int
    questions_waiting: int
    next_due: date | None

    @property
    def outstanding(self) -> str:
        parts = []
        if self.requests_waiting:
            parts.append(f"{self.requests_waiting} condition request(s) awaiting decision")
        if self.questions_waiting:
            parts.append(f"{self.questions_waiting} question(s) awaiting reply")
        return "; ".join(parts)


def directory(ws: Workspace) -> list[DirectoryRow]:
    """Every OM (in the directory or named on a case) with open cases and waiting items."""
    waiting: dict[str, int] = {}
    for name, count in repo_om.waiting_counts(ws.store.db).items():
        key = normalise_name(name)
        waiting[key] = waiting.get(key, 0) + count
    return [
        DirectoryRow(om, count, waiting.get(normalise_name(om.name), 0))
        for om, count in repo_om.directory(ws.store.db)
    ]


def save_om(ws: Workspace, om: OffenderManager) -> Changed:
    """Add an OM to the directory or correct one; a renamed OM's cases follow the name."""
    with ws.store.atomic() as db:
        same_name = repo_om.find_om(db, om.name)
        if same_name is not None and same_name.id != om.id:
            raise ValidationError(f"{same_name.name} is already in the directory.")
        if om.id is None:
            om_id = repo_om.insert_om(db, om)
            link_ids: list[int] = []
            detail: dict = {"name": om.name, "team": om.team}
        else:
            old = repo_om.get_om(db, om.id)
            om_id = om.id
            repo_om.update_om(db, om)
            link_ids = repo_om.rename_on_cases(
                db, old.name, om.name, om.team, on=ws.today(), who=ws.user
            )
            detail = {
                name: [getattr(old, name), getattr(om, name)]
                for name in ("name", "team", "email", "phone")
                if getattr(old, name) != getattr(om, name)
            }
            detail["cases"] = len(link_ids)
        audit.record(
            db,
            who=ws.user,
            action="create" if om.id is None else "update",
            entity="om",
            entity_id=om_id,
            detail=detail,
        )
    return Changed(tuple(link_ids), "om", om_id)


def cases_of_om(ws: Workspace, name: str) -> list[OMCase]:
    return [
        OMCase(r[0], r[1], r[2], r[3], r[4], r[5], r[6], date.fromisoformat(r[7]) if r[7] else None)
        for r in repo_om.cases_for_om(ws.store.db, name)
    ]


def change_om(ws: Workspace, link_id: int, om_id: int, *, on: date, reason: str = "") -> Changed:
    """Give the case a new OM from the directory; the previous one is kept in the case's
    OM history with the dates each held it."""
    reason = clean_text(reason)
    if on > ws.today():
        raise ValidationError("The date the OM changed cannot be in the future.")
    with ws.store.atomic() as db:
        link = repo_cases.get_link(db, link_id)
        om = repo_om.get_om(db, om_id)
        if normalise_name(link.om_name) == normalise_name(om.name) and link.om_team == om.team:
            raise ValidationError(f"{om.name} is already this case's offender manager.")
        current = repo_om.current_assignment(db, link_id)
        if current is not None:
            if current.from_on and on < current.from_on:
                raise ValidationError(
                    f"{current.om_name} became the OM on {current.from_on:%d/%m/%Y}; the change "
                    "cannot be dated before that."
                )
            repo_om.close_assignment(db, current.id, on)
        elif link.om_name:  # the first change on record: keep who it was until now
            repo_om.insert_assignment(
                db,
                OMAssignment(link_id, link.om_name, link.om_team, None, on, recorded_by=ws.user),
            )
        repo_om.insert_assignment(
            db, OMAssignment(link_id, om.name, om.team, on, None, reason, ws.user)
        )
        repo_om.set_case_om(db, link_id, om.name, om.team, on=on, who=ws.user)
        audit.record(
            db,
            who=ws.user,
            action="update",
            entity="link",
            entity_id=link_id,
            link_id=link_id,
            detail={
                "om_name": [link.om_name, om.name],
                "om_team": [link.om_team, om.team],
                "from": on.isoformat(),
                "reason": reason,
            },
        )
    return Changed((link_id,), "link", link_id)


# --- waiting on OMs -------------------------------------------------------------------


def waiting_on_om(ws: Workspace, *, on: date | None = None) -> list[OMWait]:
    """Every condition request awaiting an OM's decision and every question to an OM
    awaiting a reply, on open cases, oldest first (age in working days)."""
    on = on or ws.today()
    catalogue = load_condition_catalogue()
    db = ws.store.db
    waits = []
    for rid, link_id, ref, victim, om, team, kind, sent, chases, due in repo_om.waiting_requests(
        db
    ):
        sent_on = date.fromisoformat(sent)
        waits.append(
            OMWait(
                link_id=link_id,
                case_ref=ref,
                victim=victim,
                om_name=om,
                om_team=team,
                what=f"Licence condition: {catalogue.title(kind)}",
                sent_on=sent_on,
                age_working_days=working_days_between(sent_on, on),
                chases=chases,
                chase_due=date.fromisoformat(due) if due else None,
                request_id=rid,
            )
        )
    for (
        eid,
        link_id,
        ref,
        victim,
        om,
        team,
        summary,
        sent,
        chases,
        due,
    ) in repo_om.waiting_questions(db):
        sent_on = date.fromisoformat(sent)
        waits.append(
            OMWait(
                link_id=link_id,
                case_ref=ref,
                victim=victim,
                om_name=om,
                om_team=team,
                what=summary if len(summary) <= 90 else summary[:89] + "…",
                sent_on=sent_on,
                age_working_days=working_days_between(sent_on, on),
                chases=chases,
                chase_due=date.fromisoformat(due) if due else None,
                wait_id=eid,
            )
        )
    return sorted(waits, key=lambda w: (w.sent_on, w.case_ref))


def waiting_by_om(waits: list[OMWait], *, on: date) -> list[OMWaitSummary]:
    return summarise_waits(waits, on)


def chase_wait(
    ws: Workspace, wait: OMWait, *, on: date, summary: str, channel: LiaisonChannel | str
) -> Changed:
    """Chase the OM about one item of the waiting list."""
    return liaison.chase(
        ws,
        wait.link_id,
        on=on,
        summary=summary,
        channel=LiaisonChannel(channel),
        request_id=wait.request_id,
        wait_id=wait.wait_id,
    )


# --- the request document -------------------------------------------------------------


@dataclass(frozen=True)
class OMRequestDocument:
    """The request as it would go to the OM, and every reason it may not."""

    html: str
    text: str
    problems: tuple[str, ...]
    content_hash: str
    reply_by: date


@functools.cache
def _templates() -> SandboxedEnvironment:
    # Sandboxed and escaped like the victim letters: values come from case records.
    return SandboxedEnvironment(
        loader=FileSystemLoader(OM_TEMPLATES, encoding="utf-8"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_om_request(values: dict) -> tuple[str, str]:
    """HTML of the request and the plain text the safety check reads."""
    html = _templates().get_template(OM_REQUEST_TEMPLATE).render(values)
    return html, html_to_text(html)


_PICTURE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}


def _picture_uri(ws: Workspace, picture: Path | None) -> str:
    """The map as a data: URI, so the document reads no file by itself (a sealed map
    is opened with the caseload's key first)."""
    if picture is None or not picture.exists():
        return ""
    suffix = Path(picture.name.removesuffix(".sealed")).suffix.lower()
    kind = _PICTURE_TYPES.get(suffix, f"image/{suffix.lstrip('.')}")
    return f"data:{kind};base64," + base64.b64encode(documents.read(ws, picture)).decode("ascii")


def _document(
    ws: Workspace, link_id: int, requests: list[ConditionRequest], on: date
) -> OMRequestDocument:
    db = ws.store.db
    link = repo_cases.get_link(db, link_id)
    offender = repo_cases.get_offender(db, link.offender_id)
    victim = repo_cases.get_victim(db, link.victim_id)
    om = repo_om.find_om(db, link.om_name)
    clock, _ = clocks.clock_for(liaison.CHASE_RULE, on)
    reply_by = clock.due_from(on)
    items = []
    for number, request in enumerate(requests, start=1):
        template = load_condition_catalogue().get(request.kind)
        picture = conditions.map_file(ws, request)
        items.append(
            {
                "number": number,
                "title": template.title,
                "wording": request.wording,
                "reason": request.reason,
                "risk": request.risk,
                "requested_on": long_date(request.requested_on, Language.ENGLISH),
                "map_src": _picture_uri(ws, picture),
            }
        )
    html, text = render_om_request(
        {
            "om_name": link.om_name,
            "om_team": link.om_team,
            "om_email": om.email if om else "",
            "om_phone": om.phone if om else "",
            "vlo_name": link.vlo or ws.user,
            "sent_on": long_date(on, Language.ENGLISH),
            "case_ref": link.ref,
            "offender_name": offender.full_name,
            "crn": offender.crn,
            "nomis": offender.nomis,
            "offence": link.offence,
            "victim_name": victim.full_name,
            "items": items,
            "reply_by": long_date(reply_by, Language.ENGLISH),
        }
    )
    contacts = repo_om.victim_contacts_for_offender(db, offender.id)
    problems = tuple(check_offender_side_document(text, contacts))
    return OMRequestDocument(
        html, text, problems, hashlib.sha256(html.encode("utf-8")).hexdigest(), reply_by
    )


def _requests_to_send(
    ws: Workspace, link_id: int, request_ids: list[int], on: date
) -> list[ConditionRequest]:
    if not request_ids:
        raise ValidationError("Choose at least one licence condition request to send.")
    link = repo_cases.get_link(ws.store.db, link_id)
    if not link.om_name:
        raise ValidationError(
            "The case has no offender manager: choose one (Liaison log, Change OM) before "
            "sending the request."
        )
    requests = []
    for request_id in request_ids:
        request = repo_conditions.get_condition(ws.store.db, request_id)
        if request.link_id != link_id:
            raise ValidationError("A chosen request belongs to another case.")
        check_step(request, Step.SENT, on, today=ws.today())
        requests.append(request)
    return requests


def om_request_document(
    ws: Workspace, link_id: int, request_ids: list[int], *, on: date | None = None
) -> OMRequestDocument:
    """The request document for a preview; nothing is recorded."""
    on = on or ws.today()
    with ws.store.atomic():
        return _document(ws, link_id, _requests_to_send(ws, link_id, request_ids, on), on)


def default_document_path(ws: Workspace, case_ref: str, on: date) -> Path:
    """Where a request PDF is kept by default: the data folder, beside the database."""
    return ws.path.parent / DOCUMENTS_FOLDER / f"{case_ref}-om-request-{on.isoformat()}.pdf"


def send_to_om(
    ws: Workspace,
    link_id: int,
    request_ids: list[int],
    *,
    on: date,
    pdf_path: Path | str,
    channel: LiaisonChannel = LiaisonChannel.EMAIL,
    send_to_printer: SendToPrinter | None = None,
) -> Changed:
    """Produce the request PDF (and print it, with `send_to_printer`) and record each
    request as sent: a liaison note to the OM that waits for a reply, which starts the
    chase clock. All of it or none of it: a document holding any victim contact detail
    is refused with the reasons, before anything is written or printed, and a print the
    printer refuses leaves nothing recorded as sent."""
    pdf_path = Path(pdf_path)
    written: list[Path] = []
    try:
        with ws.store.atomic():
            written += _record_sent(
                ws, link_id, request_ids, on, pdf_path, LiaisonChannel(channel), send_to_printer
            )
    except BaseException:
        for path in written:  # the records were not saved, so the document must go too
            path.unlink(missing_ok=True)
        raise
    return Changed((link_id,), "condition_request", request_ids[0])


def _record_sent(
    ws: Workspace,
    link_id: int,
    request_ids: list[int],
    on: date,
    pdf_path: Path,
    channel: LiaisonChannel,
    send_to_printer: SendToPrinter | None = None,
) -> list[Path]:
    """Record the requests as sent and write the document; returns the files written.
    Beside an encrypted caseload the copy kept in its documents folder is sealed, and a
    PDF asked for anywhere else is the user's ordinary file."""
    db = ws.store.db
    kept = default_document_path(ws, repo_cases.get_link(db, link_id).ref, on)
    sealed = documents.encrypted(ws)
    copy = pdf_path if sealed and pdf_path != kept else None
    pdf_path = documents.kept_name(ws, kept) if sealed else pdf_path
    requests = _requests_to_send(ws, link_id, request_ids, on)
    document = _document(ws, link_id, requests, on)
    if document.problems:
        raise DomainError(
            "The request to the offender manager was not produced: " + " ".join(document.problems)
        )
    link = repo_cases.get_link(db, link_id)
    for request in requests:
        liaison.record_entry(
            ws,
            LiaisonEntry(
                link_id=link_id,
                happened_on=on,
                direction=Direction.TO,
                party=Party.OM,
                channel=channel,
                summary=f"Sent the licence condition request ({request.title}) to the OM; "
                f"reply asked for by {document.reply_by:%d/%m/%Y}.",
                who=link.om_name,
                condition_request_id=request.id,
                awaiting_reply=True,
            ),
            sent_with=tuple(r.id for r in requests),  # one document: one chase task
        )
        conditions.apply_step(
            ws,
            request,
            Step.SENT,
            on,
            {"sent_to_om_on": on, "om_name": link.om_name, "om_team": link.om_team},
            f"Sent to {link.om_name}; document {pdf_path.name}",
        )
    # Last, so a failure to write (or to print) rolls every record above back.
    title = f"Licence condition request {link.ref}"
    make_private_folder(pdf_path.parent)
    written = [documents.keep_pdf(ws, pdf_path, document.html, title=title)[0]]
    if copy is not None:
        write_pdf(document.html, copy, title=title, watermark=documents.watermark(ws))
        written.append(copy)
    detail = {
        "to": link.om_name,
        "requests": [r.id for r in requests],
        "pdf": str(pdf_path),
        **({"copy": str(copy)} if copy else {}),
        "content_hash": document.content_hash,
    }
    if send_to_printer is not None:
        job = send_to_printer(document.html, "VCS Desk licence condition request")
        if job.failed:  # nothing is recorded as sent, so its documents go too
            for path in written:
                path.unlink(missing_ok=True)
        detail["printed"] = printed(job, "The request is not recorded as sent.")
    audit.record(
        db, who=ws.user, action="disclose", entity="om_request", link_id=link_id, detail=detail
    )
    return written
