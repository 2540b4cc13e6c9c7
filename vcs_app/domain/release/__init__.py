"""Estimated release points, split by rule: the rules file (rules), the arithmetic and the
estimate itself (working), standard sentences (standard), every other type (other), and
the estimates beside official dates (compare). `vcs_app.domain.sentence_dates` is the
entry point the rest of the app imports."""

from __future__ import annotations

from datetime import date

from vcs_app.domain.model import SentenceType
from vcs_app.domain.release import other
from vcs_app.domain.release.rules import ReleaseRules, load_release_rules
from vcs_app.domain.release.standard import standard
from vcs_app.domain.release.working import Estimates
from vcs_app.domain.sentence import HOSPITAL_TYPES, INDETERMINATE_TYPES, STANDARD_TYPES, Sentence


def estimate_dates(
    sentence: Sentence | None,
    rules: ReleaseRules | None = None,
    *,
    offender_dob: date | None = None,
) -> Estimates:
    """Estimated key dates for a sentence under the rules that applied to it (the
    offender's date of birth, when known, decides whether a short term has a licence)."""
    rules = rules or load_release_rules()
    if sentence is None:
        return Estimates(notes=("No sentence recorded: nothing to estimate.",))
    kind = sentence.type
    if kind in STANDARD_TYPES:
        items, notes = standard(sentence, rules, offender_dob)
    elif kind is SentenceType.EDS:
        items, notes = other.extended(sentence, rules, rules.eds, "extended sentence (EDS)")
    elif kind is SentenceType.SOPC:
        items, notes = other.extended(sentence, rules, rules.sopc, "SOPC")
    elif kind is SentenceType.DTO:
        items, notes = other.dto(sentence, rules)
    elif kind is SentenceType.FINE_DEFAULT:
        items, notes = other.fine_default(sentence, rules)
    elif kind in INDETERMINATE_TYPES:
        items, notes = other.indeterminate(sentence, rules)
    elif kind is SentenceType.SUSPENDED:
        items, notes = [], ["A suspended sentence is not served in custody: nothing to estimate."]
    else:
        assert kind in HOSPITAL_TYPES
        items, notes = other.hospital(sentence, rules)
    return Estimates(tuple(items), tuple(notes), rules.version)
