"""Steps the report tests take through the services: a referral of synthetic people, a
licence-condition request sent to the OM, and a question to the OM that waits for a reply."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from vcs_app.domain.conditions import ConditionDraft
from vcs_app.domain.model import (
    ContactDetail,
    Direction,
    LiaisonChannel,
    LiaisonEntry,
    Offender,
    Party,
    Referral,
    Victim,
)
from vcs_app.services import conditions, liaison, om

ADDRESS = "12 Example Road\nAnytown\nZZ99 1AA"


def referral(
    n: int, referred: date, vlo: str = "Alex Morgan", team: str = "North", **changes
) -> Referral:
    """Victim Ceri Testcase`n` and offender Dorian Quayle`n`: a statutory case."""
    base = Referral(
        victim=Victim("Ceri", f"Testcase{n}", dob=date(1980, 5, 1)),
        offender=Offender("Dorian", f"Quayle{n}", dob=date(1975, 2, 3), crn=f"X{n:06d}"),
        offence="Wounding with intent",
        referral_date=referred,
        sentence_date=date(2026, 8, 20),
        sentence_type="SDS",
        custody_months=36,
        vlo=vlo,
        om_name=f"Olly Manager{n}",
        om_team=team,
        contacts=(ContactDetail("address", ADDRESS),),
    )
    return replace(base, **changes)


def request_condition(ws, folder: Path, link_id: int, on: date) -> int:
    """A no-contact condition requested and sent to the OM on `on`; its request id."""
    template = conditions.catalogue().get("no_contact")
    values = {p.key: "Ceri Testcase" for p in template.placeholders}
    draft = ConditionDraft(
        link_id=link_id,
        kind="no_contact",
        wording=template.fill(values),
        reason="She is afraid he will turn up at her work.",
        risk="Harassment after release.",
        requested_on=on,
        values=tuple(values.items()),
    )
    request_id = conditions.request_condition(ws, draft).record_id
    om.send_to_om(ws, link_id, [request_id], on=on, pdf_path=folder / f"r{request_id}.pdf")
    return request_id


def ask_om(ws, link_id: int, on: date, follow_up: date) -> int:
    """A question emailed to the OM on `on`, waiting for a reply until `follow_up`."""
    entry = LiaisonEntry(
        link_id,
        on,
        Direction.TO,
        Party.OM,
        LiaisonChannel.EMAIL,
        "Asked for the planned release address area.",
        follow_up_due=follow_up,
        awaiting_reply=True,
    )
    return liaison.log_liaison(ws, entry).record_id
