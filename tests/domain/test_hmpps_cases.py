"""The estimator against HMPPS's own published test cases for single sentences.

tests/domain/hmpps_cases.json holds the facts and expected dates of every single-sentence
case in HMPPS's calculate-release-dates-api test data (commit and paths in its header).
Every case VCS Desk can record must come out exactly as HMPPS's calculator gives it; the
rest are listed with the reason they cannot be estimated.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from release_variants import rules_without

from vcs_app.domain.sentence import Sentence
from vcs_app.domain.sentence_dates import estimate_dates, load_release_rules

FIXTURE = json.loads((Path(__file__).with_name("hmpps_cases.json")).read_text(encoding="utf-8"))
CASES = FIXTURE["cases"]
COMPARED = {"ARD", "CRD", "LED", "MTD", "PED", "SED", "SLED"}


def _rules(profile: str):
    return {
        "sds-progression-model-october": load_release_rules(),
        "calculation-params": rules_without(progression=True),
        "sds-50": rules_without(progression=True, sds40=True),
    }[profile]


def _sentence(facts: dict) -> Sentence:
    values = dict(facts)
    values["sentence_date"] = date.fromisoformat(values["sentence_date"])
    if "offence_date" in values:
        values["offence_date"] = date.fromisoformat(values["offence_date"])
    return Sentence(offender_id=1, **values)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_the_estimate_gives_the_dates_hmpps_gives(case):
    dob = date.fromisoformat(case["offender_dob"])
    sentence, rules = _sentence(case["sentence"]), _rules(case["profile"])
    estimates = estimate_dates(sentence, rules, offender_dob=dob)
    got = {e.kind: e.value.isoformat() for e in estimates.items if e.kind in COMPARED}
    assert got == case["expected"], [e.explanation for e in estimates.items]


def test_every_single_sentence_case_hmpps_publishes_is_either_reproduced_or_explained():
    not_estimated = FIXTURE["not_estimated"]
    assert FIXTURE["source"]["commit"] == "cd827b070be94ec8414eac63df1b09173d9e315b"
    assert (len(CASES), len(not_estimated)) == (214, 169)
    ids = [c["id"] for c in CASES] + [c["id"] for c in not_estimated]
    assert len(set(ids)) == len(ids) == 383
    assert Counter(c["profile"] for c in CASES) == {
        "sds-50": 87,
        "sds-progression-model-october": 74,
        "calculation-params": 53,
    }
    refused = [c for c in not_estimated if c["why"].startswith("HMPPS refuses to calculate it")]
    assert len(refused) == 26  # HMPPS gives no dates: a validation message instead
    reasons = Counter(part for c in not_estimated for part in c["why"].split("; "))
    assert (reasons["a recall"], reasons["time unlawfully at large"]) == (65, 83)
