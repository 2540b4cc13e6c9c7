"""What a subject-access export may hold: only what is about the person asking (DPA 2018
s.45), and all of that.

Records are found by following the foreign keys down from the victim. What hangs off
their cases but is about somebody else is taken out here, in three ways:
- tables and columns about others: each case's offender-manager history, the offender
  named on the case, the OM named on a condition request, the other agency's person on
  a liaison note;
- audit rows about others' records (an offender's name, date of birth or CRN corrected, a
  sentence or key date recorded), and in the victim's own rows the old and new values of
  those columns (an OM change on the case); a row left with no change of theirs goes;
- the offender's and the OMs' names, dates of birth, references and prison wherever they
  still occur in free text (a note, a task title, a letter's fields), replaced by a label.
A name the victim shares (a family name in a domestic abuse case) is never withheld: it
is theirs too.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

# Tables reached from the victim that hold nothing about them.
OTHER_PEOPLES_TABLES = frozenset({"case_om"})

# Columns (and the same keys in audit rows' old/new values) about someone else, by table
# or audit entity.
THIRD_PARTY_FIELDS: dict[str, frozenset[str]] = {
    "link": frozenset({"offender_id", "sort_offender", "om_name", "om_team"}),
    "condition_request": frozenset({"om_name", "om_team"}),
    "liaison_entry": frozenset({"who"}),
    "om_request": frozenset({"to"}),
}

# Audit entities recording the victim's own records, or a disclosure of them.
REQUESTER_ENTITIES = frozenset(
    {
        "victim",
        "contact_detail",
        "link",
        "referral",
        "eligibility",
        "opt_state",
        "preferences",
        "liaison_entry",
        "contact",
        "letter",
        "letter_batch",
        "task",
        "condition_request",
        "duplicate_check",
        "om_request",
        "subject_access",
    }
)
# Audit entities about other people or about the office: never in a victim's export.
OTHER_ENTITIES = frozenset(
    {
        "offender",
        "sentence",
        "key_date",
        "sentence_event",
        "om",
        "account",
        "setting",
        "letter_template",
        "audit_log",
        "condition_statistics",
        "database",
        "backup",
        "date_batch",
        "demo_data",
        "referrals",
        "report",
        "report_cases",
        "retention_purge",
        "retention_review",
    }
)

OFFENDER_LABEL = "[withheld: offender]"
OM_LABEL = "[withheld: offender manager]"
_SHORTEST_TERM = 3  # initials and two-letter words would blank out ordinary text


def is_change(value: object) -> bool:
    """An audit detail entry of the form [old, new]."""
    return isinstance(value, list) and len(value) == 2


def requester_audit_detail(entity: str, detail: str) -> str | None:
    """The audit row's detail with others' values taken out, or None when the row is not
    about the requester at all (an unknown entity counts as someone else's: leaving a
    record out is put right by adding it here; a leak cannot be taken back)."""
    if entity not in REQUESTER_ENTITIES:
        return None
    hidden = THIRD_PARTY_FIELDS.get(entity, frozenset())
    if not hidden or not detail.startswith("{"):
        return detail
    try:
        values = json.loads(detail)
    except ValueError:
        return detail
    kept = {k: v for k, v in values.items() if k not in hidden}
    if kept == values:
        return detail
    had_changes = any(is_change(v) for v in values.values())
    if had_changes and not any(is_change(v) for v in kept.values()):
        return None  # every change it records was to someone else's details
    return json.dumps(kept, ensure_ascii=False)


def date_forms(value: str) -> tuple[str, ...]:
    """An ISO date as it is stored and as people type it (03/02/1975)."""
    try:
        day = date.fromisoformat(value)
    except ValueError:
        return (value,)
    return (value, f"{day:%d/%m/%Y}", f"{day.day}/{day.month}/{day.year}")


@dataclass(frozen=True)
class Redactor:
    """Replaces other people's names, dates and references in free text with a label."""

    pattern: re.Pattern | None
    labels: dict[str, str]

    @classmethod
    def build(cls, others: dict[str, Iterable[str]], requester: Iterable[str]) -> Redactor:
        """`others` maps a label to the values it hides; a value also in `requester`
        (the victim's own names and date of birth) is left alone."""
        own = {v.casefold() for v in requester if v}
        labels: dict[str, str] = {}
        for label, values in others.items():
            for value in values:
                term = " ".join(str(value or "").split())
                if len(term) >= _SHORTEST_TERM and term.casefold() not in own:
                    labels.setdefault(term.casefold(), label)
        if not labels:
            return cls(None, {})
        terms = sorted(labels, key=len, reverse=True)  # "Dorian Quayle" before "Dorian"
        alternatives = "|".join(r"\s+".join(map(re.escape, t.split(" "))) for t in terms)
        pattern = re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.IGNORECASE)
        return cls(pattern, labels)

    def text(self, value: object) -> object:
        if self.pattern is None or not isinstance(value, str):
            return value
        return self.pattern.sub(self._label, value)

    def _label(self, match: re.Match) -> str:
        return self.labels.get(" ".join(match.group(0).split()).casefold(), OFFENDER_LABEL)
