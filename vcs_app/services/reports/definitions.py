"""What each figure of the management report means, printed with it (PDF, CSV, window):
an inspector signs figures whose definitions they can read, not reconstruct."""

from __future__ import annotations

from datetime import date

from vcs_app.domain.calendar import working_days_between
from vcs_app.domain.figures import RANK_RULE, ROUNDING_RULE
from vcs_app.domain.rules import load_rule_sets, rule_set_for

OFFER_CLOCK = "referral_to_offer"


def offer_limit(referral: date) -> int:
    """The working-day limit for the first offer, under the rules in force on the day the
    referral was received (a case keeps the rules of its day, as its clock does)."""
    return rule_set_for(referral).clock(OFFER_CLOCK).length


def offer_days(referral: date, offered: date) -> int:
    """Working days from the referral to the offer: the day after the referral up to and
    including the day of the offer, without weekends and bank holidays."""
    return working_days_between(referral, offered)


def _limits(start: date, end: date) -> str:
    """The offer limits of the rule sets that referrals counted in the period may fall
    under, in words (the newest last)."""
    in_force = [s for s in load_rule_sets() if s.in_force_from <= end]
    words = [
        f"{s.clock(OFFER_CLOCK).length} working days for referrals received from"
        f" {s.in_force_from:%d/%m/%Y} ({s.clock(OFFER_CLOCK).source}, rules {s.version})"
        for s in in_force
    ]
    current = rule_set_for(end)
    if current.in_force_from <= start:
        return words[-1]
    return "; ".join(words)


def definitions(start: date, end: date) -> tuple[tuple[str, str], ...]:
    """(term, meaning) for every section of the report of this period."""
    return (
        (
            "Period and date of the figures",
            "From the first to the last day given, both included. Every figure is as it"
            " stood at the end of the last day, worked out from dated records: referral"
            " dates, the opt-in history, offer dates, task done dates, licence-condition"
            " decisions, OM replies, and the dated changes of a case's status, contact"
            " level, VLO and OM team. Running the report again after later events gives the"
            " same figures for a closed period. Corrections apply to every period: a"
            " corrected referral date or eligibility decision, and an archived case; and a"
            " letter counts by the date printed on it, even when produced after the period.",
        ),
        (
            "Archived cases",
            "An archived case is a deleted referral: it is left out of every figure of"
            " every period, including referrals received.",
        ),
        (
            "Referrals received",
            "Unit: cases (one victim and one offender). Cases whose referral date is in the"
            " period, by who referred them (the referrer recorded on the case, such as a"
            " Witness Care Unit). How a referral was entered, and the name of any imported"
            " file, are never shown.",
        ),
        (
            "Eligibility outcomes",
            "Unit: cases. The same cases, by the eligibility decision on file (a manager's"
            " override included).",
        ),
        (
            "Initial offers of contact",
            "Unit: cases. A case's first offer of contact (an offer in its opt-in history,"
            " or its offer task marked done), when that offer was made in the period and"
            " before the victim had answered. Working days are counted after the referral"
            " day: from the day after the referral date up to and including the day of the"
            " offer, leaving out Saturdays, Sundays and England and Wales bank holidays. An"
            " offer is within the limit when that count is no more than the limit of the"
            f" rules in force on the referral date: {_limits(start, end)}. The count within"
            " the limit, the median and the 90th percentile use the same days.",
        ),
        ("Median and 90th percentile", RANK_RULE),
        (
            "Not counted as initial offers",
            "Unit: cases. Cases offered contact again in the period after the case was"
            " reopened, and cases whose victim opted in or declined in the period before"
            " any offer was recorded (an opt-in before an offer is not an offer within the"
            " limit). Neither is in the initial-offer figures.",
        ),
        (
            "Opt-in",
            "Unit: cases. Cases referred in the period that by its end had been offered"
            " contact or had answered; opted in means an opt-in recorded by the end of the"
            " period.",
        ),
        (
            "Victims in contact",
            "Unit: victims. In contact means opted in (not offered, declined or opted out)"
            " at the end of the period, on a case open then. Each victim is counted once:"
            " a victim with cases at two contact levels is counted in the row of the wider"
            " one (key stages, then release and licence only, then annual update), so the"
            " rows add up to the total. By language: the victim's language as recorded"
            " now.",
        ),
        (
            "Letters sent and returned mail",
            "Unit: letters. Letters printed or saved as PDF (returned ones included),"
            " counted by the letter date (the date printed on the letter). Returned mail is"
            " counted by the date the return was recorded.",
        ),
        (
            "Licence-condition requests",
            "Unit: requests. Requests made in the period, by the OM's decision recorded by"
            " the end of the period (Withdrawn: ended before a decision; Awaiting decision:"
            " undecided then). The inclusion rate counts conditions included as asked:"
            " included / decided, where decided is included, included as amended and"
            " refused. Included as amended is not counted as included, because the victim"
            " did not get the condition they asked for and must be told why; the rate that"
            " counts it as included is shown beside it.",
        ),
        (
            "Requests to OMs unanswered past follow-up",
            "Unit: requests. Questions and condition requests sent to an OM by the end of"
            " the period and waiting for a reply, whose follow-up date was before the last"
            " day of the period, not answered by the end of it; by the case's OM team then.",
        ),
        (
            "Overdue tasks",
            "Unit: tasks. Tasks on cases open at the end of the period, due before its last"
            " day and not done or cancelled by the end of it; by clock and by the case's VLO"
            " then.",
        ),
        (
            "Caseload per VLO",
            "Unit: cases. Cases open at the end of the period, by their VLO then.",
        ),
        ("Percentages", ROUNDING_RULE),
    )
