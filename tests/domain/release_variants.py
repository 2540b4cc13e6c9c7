"""The release rules with a later change switched off, for tests of the rules as they
stood before it. HMPPS's own calculator tests do the same with configuration profiles:
'calculation-params' has no progression model, 'sds-50' has neither it nor SDS40."""

from __future__ import annotations

import copy
import json
from functools import cache

from vcs_app.domain.sentence_dates import RELEASE_RULES_PATH, ReleaseRules, parse_release_rules


def rules_document() -> dict:
    return json.loads(RELEASE_RULES_PATH.read_text(encoding="utf-8"))


@cache
def rules_without(*, progression: bool = False, sds40: bool = False) -> ReleaseRules:
    """The rules file without the progression model (and, with `sds40`, with 40% release
    and its December 2024 exclusions moved to 2054, as HMPPS's 'sds-50' profile does)."""
    document = copy.deepcopy(rules_document())
    if progression:
        del document["sds"]["progression"]
    if sds40:
        early = document["sds"]["early_release"]
        for tranche in early["tranches"]:
            tranche["from"] = "2054" + tranche["from"][4:]
        early["amendment"]["from"] = "2054" + early["amendment"]["from"][4:]
    return parse_release_rules(document)


BEFORE_PROGRESSION = rules_without(progression=True)
