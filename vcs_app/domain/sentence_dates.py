"""Estimated release points, always labelled as estimates, with how they were reached.

The prison's calculation is the only official source of a release date. VCS Desk
estimates one from the sentence so the VLO is warned early (a parole review starts
months before eligibility) and so a surprising official date stands out. Every
estimate carries its reasoning in plain English and the rule (with its source in law)
it came from; it is never stored as a key date and never reaches a letter to a victim.

The rules are data (resources/rules/release_rules.json, versioned), interpreted by the
modules of `vcs_app.domain.release`, one per kind of rule; this module is the entry
point the rest of the app imports. Day counting follows HMPPS's calculator (PSI 03/2015
para 5.5): see `vcs_app.domain.sentence.Term`.
"""

from __future__ import annotations

from vcs_app.domain.release import estimate_dates
from vcs_app.domain.release.compare import (
    ESTIMATE,
    EVENT,
    OFFICIAL,
    SENTENCE,
    Agreement,
    DateComparison,
    SentenceFile,
    TimelineEntry,
    compare_dates,
    official_release_date,
)
from vcs_app.domain.release.rules import (
    RELEASE_RULES_PATH,
    ReleaseRules,
    Rule,
    load_release_rules,
    parse_release_rules,
)
from vcs_app.domain.release.working import (
    ESTIMATE_LABEL,
    NOT_FOR_VICTIMS,
    Estimate,
    Estimates,
    fraction_words,
)

__all__ = [
    "ESTIMATE",
    "ESTIMATE_LABEL",
    "EVENT",
    "NOT_FOR_VICTIMS",
    "OFFICIAL",
    "RELEASE_RULES_PATH",
    "SENTENCE",
    "Agreement",
    "DateComparison",
    "Estimate",
    "Estimates",
    "ReleaseRules",
    "Rule",
    "SentenceFile",
    "TimelineEntry",
    "compare_dates",
    "estimate_dates",
    "fraction_words",
    "load_release_rules",
    "official_release_date",
    "parse_release_rules",
]
