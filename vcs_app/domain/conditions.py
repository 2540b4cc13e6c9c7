"""Licence conditions a victim asks for, and the offender-manager side of that work.

Pure Python. The catalogue of conditions is data (resources/conditions.json) so its
wording can be reviewed without a code change. A request moves through fixed steps
(requested -> sent to OM -> acknowledged -> decision -> victim informed, later varied
or ended); the rules of that order live here so a dialog, the CLI and a test all get
the same refusal with the same words. The statistics an inspector asks for ("were
requested conditions included?") are computed here from plain records.
"""

from __future__ import annotations

import re
import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from vcs_app.domain.data_files import read_json
from vcs_app.domain.figures import percent
from vcs_app.domain.model import DomainError, Language, ValidationError, clean_text
from vcs_app.resource_files import resource_path

CATALOGUE_PATH = resource_path("conditions.json")
MAX_WORDING = 2_000
MAX_TEXT = 5_000
MAP_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".bmp")
MAP_MAX_BYTES = 10 * 1024 * 1024
_PLACEHOLDER = re.compile(r"\{([a-z][a-z0-9_]*)\}")


class ConditionStatus(StrEnum):
    REQUESTED = "requested"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    DECIDED = "decided"
    VICTIM_INFORMED = "victim_informed"
    ENDED = "ended"


class Decision(StrEnum):
    INCLUDED = "included"
    AMENDED = "amended"
    REFUSED = "refused"


class Step(StrEnum):
    """What happened to a request on a date; every step is kept with who recorded it."""

    REQUESTED = "requested"
    SENT = "sent"
    ACKNOWLEDGED = "acknowledged"
    DECIDED = "decided"
    VICTIM_INFORMED = "victim_informed"
    CHASED = "chased"
    VARIED = "varied"
    ENDED = "ended"


class Granularity(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"


LABELS: dict[str, str] = {
    ConditionStatus.REQUESTED: "Requested",
    ConditionStatus.SENT: "Sent to OM",
    ConditionStatus.ACKNOWLEDGED: "Acknowledged by OM",
    ConditionStatus.DECIDED: "Decided",
    ConditionStatus.VICTIM_INFORMED: "Victim informed",
    ConditionStatus.ENDED: "Ended",
    Decision.INCLUDED: "Included",
    Decision.AMENDED: "Amended",
    Decision.REFUSED: "Refused",
    Step.CHASED: "Chased OM",
    Step.VARIED: "Varied",
}


def condition_label(value: str | None) -> str:
    """Words a VLO reads for a status, decision or step."""
    if not value:
        return ""
    return LABELS.get(value, value.replace("_", " ").capitalize())


# --- the catalogue --------------------------------------------------------------------


@dataclass(frozen=True)
class Placeholder:
    key: str
    label: str
    hint: str = ""


@dataclass(frozen=True)
class ConditionTemplate:
    """One kind of condition: standard wording with placeholders the VLO fills in."""

    key: str
    title: str
    wording: str
    placeholders: tuple[Placeholder, ...] = ()
    map_allowed: bool = False
    electronic_monitoring: bool = False
    title_cy: str = ""  # the Welsh title and wording, for Welsh letters ("" if none)
    wording_cy: str = ""

    def fill(self, values: Mapping[str, str], language: Language = Language.ENGLISH) -> str:
        """The standard wording (Welsh when asked and known, else "") with every
        placeholder filled; refuses a blank one."""
        missing = [p.label for p in self.placeholders if not clean_text(values.get(p.key, ""))]
        if missing:
            raise ValidationError(f"Fill in {', '.join(missing)} for '{self.title}'.")
        wording = self.wording_cy if Language(language) is Language.WELSH else self.wording
        return _PLACEHOLDER.sub(lambda m: clean_text(values[m.group(1)]), wording)


@dataclass(frozen=True)
class ConditionCatalogue:
    version: str
    templates: tuple[ConditionTemplate, ...]

    def get(self, key: str) -> ConditionTemplate:
        for template in self.templates:
            if template.key == key:
                return template
        raise ValidationError(f"'{key}' is not a licence condition in the catalogue.")

    def title(self, key: str) -> str:
        """The condition's title, or its key if the catalogue no longer has it."""
        return next((t.title for t in self.templates if t.key == key), key)


def load_condition_catalogue(path: Path | str | None = None) -> ConditionCatalogue:
    """The catalogue file, read once per path and checked (a bad file names its fault)."""
    return _load_catalogue(Path(path) if path is not None else CATALOGUE_PATH)


@lru_cache(maxsize=4)
def _load_catalogue(path: Path) -> ConditionCatalogue:
    data = read_json(path, "the conditions catalogue")
    try:
        return _parse_catalogue(data)
    except (KeyError, TypeError, ValidationError) as exc:
        raise DomainError(f"The conditions catalogue {path} is not usable: {exc}") from None


def _parse_catalogue(data: Any) -> ConditionCatalogue:
    templates = []
    for raw in data["conditions"]:
        key = raw["key"]
        placeholders = tuple(
            Placeholder(p["key"], p["label"], p.get("hint", "")) for p in raw["placeholders"]
        )
        declared = [p.key for p in placeholders]
        for field in ("wording", "wording_cy"):
            used = _PLACEHOLDER.findall(raw.get(field, "")) if field in raw else declared
            if set(declared) != set(used) or len(set(declared)) != len(declared):
                raise ValidationError(
                    f"condition '{key}' declares placeholders {sorted(declared)} but its"
                    f" {field.replace('_cy', ' in Welsh')} uses {sorted(set(used))}."
                )
        templates.append(
            ConditionTemplate(
                key=key,
                title=raw["title"],
                wording=raw["wording"],
                placeholders=placeholders,
                map_allowed=bool(raw.get("map", False)),
                electronic_monitoring=bool(raw.get("electronic_monitoring", False)),
                title_cy=raw.get("title_cy", ""),
                wording_cy=raw.get("wording_cy", ""),
            )
        )
    keys = [t.key for t in templates]
    if len(set(keys)) != len(keys) or not keys:
        raise ValidationError("condition keys must be present and unique.")
    return ConditionCatalogue(str(data["version"]), tuple(templates))


# --- a request ------------------------------------------------------------------------


def _long_text(value: str | None, what: str, *, required: bool, limit: int = MAX_TEXT) -> str:
    text = (value or "").strip()
    if required and not text:
        raise ValidationError(f"{what} must not be empty.")
    if len(text) > limit:
        raise ValidationError(f"{what} is limited to {limit:,} characters.")
    return text


def _not_future(on: date, what: str, today: date) -> None:
    if on > today:
        raise ValidationError(f"{what} ({on:%d/%m/%Y}) cannot be in the future.")


@dataclass(frozen=True)
class ConditionDraft:
    """A new request as the VLO filled it in; checked before anything is saved."""

    link_id: int
    kind: str
    wording: str
    reason: str
    risk: str
    requested_on: date
    values: tuple[tuple[str, str], ...] = ()
    map_source: str = ""  # a file the VLO chose; copied under the data folder on save

    def __post_init__(self) -> None:
        template = load_condition_catalogue().get(self.kind)
        object.__setattr__(
            self,
            "wording",
            _long_text(self.wording, "The wording", required=True, limit=MAX_WORDING),
        )
        object.__setattr__(
            self, "reason", _long_text(self.reason, "The victim's reason", required=True)
        )
        object.__setattr__(
            self, "risk", _long_text(self.risk, "The risk the condition addresses", required=True)
        )
        object.__setattr__(self, "values", tuple((k, clean_text(v)) for k, v in self.values))
        if self.map_source and not template.map_allowed:
            raise ValidationError(
                f"A map can only be attached to an area condition, not to '{template.title}'."
            )

    def check_dates(self, today: date) -> None:
        _not_future(self.requested_on, "The request date", today)


@dataclass(frozen=True)
class ConditionStepRecord:
    """One dated, attributed step of a request (the request's own timeline)."""

    step: Step
    on: date
    by: str
    note: str = ""
    id: int | None = None


@dataclass(frozen=True)
class ConditionRequest:
    link_id: int
    kind: str
    wording: str
    reason: str
    risk: str
    requested_on: date
    status: ConditionStatus = ConditionStatus.REQUESTED
    values: tuple[tuple[str, str], ...] = ()
    map_path: str = ""
    sent_to_om_on: date | None = None
    om_name: str = ""  # the OM it was sent to, and their team (for statistics by team)
    om_team: str = ""
    acknowledged_on: date | None = None
    decision: Decision | None = None
    decision_on: date | None = None
    decision_reason: str = ""
    licence_wording: str = ""  # as it reads on the licence (differs when amended or varied)
    victim_informed_on: date | None = None
    varied_on: date | None = None
    ended_on: date | None = None
    recorded_by: str = ""
    steps: tuple[ConditionStepRecord, ...] = ()
    chases: int = 0
    chase_due: date | None = None
    id: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "status", ConditionStatus(self.status))
        if self.decision is not None:
            object.__setattr__(self, "decision", Decision(self.decision))

    @property
    def title(self) -> str:
        return load_condition_catalogue().title(self.kind)

    @property
    def waiting_on_om(self) -> bool:
        """Sent, and the OM has not decided yet."""
        return self.status in (ConditionStatus.SENT, ConditionStatus.ACKNOWLEDGED)

    def last_step_on(self) -> date:
        dates = [
            d
            for d in (
                self.requested_on,
                self.sent_to_om_on,
                self.acknowledged_on,
                self.decision_on,
                self.victim_informed_on,
                self.varied_on,
            )
            if d is not None
        ]
        return max(dates)

    def allowed_steps(self) -> tuple[Step, ...]:
        """Steps that may be recorded next (what the buttons offer)."""
        allowed = []
        for step in (
            Step.SENT,
            Step.ACKNOWLEDGED,
            Step.DECIDED,
            Step.VICTIM_INFORMED,
            Step.CHASED,
            Step.VARIED,
            Step.ENDED,
        ):
            try:
                check_step(self, step, self.last_step_on(), today=self.last_step_on())
            except ValidationError:
                continue
            allowed.append(step)
        return tuple(allowed)


_FROM: dict[Step, tuple[ConditionStatus, ...]] = {
    Step.SENT: (ConditionStatus.REQUESTED,),
    Step.ACKNOWLEDGED: (ConditionStatus.SENT,),
    Step.DECIDED: (ConditionStatus.SENT, ConditionStatus.ACKNOWLEDGED),
    Step.CHASED: (ConditionStatus.SENT, ConditionStatus.ACKNOWLEDGED),
    Step.VICTIM_INFORMED: (ConditionStatus.DECIDED,),
    Step.VARIED: (ConditionStatus.DECIDED, ConditionStatus.VICTIM_INFORMED),
    Step.ENDED: (
        ConditionStatus.REQUESTED,
        ConditionStatus.SENT,
        ConditionStatus.ACKNOWLEDGED,
        ConditionStatus.DECIDED,
        ConditionStatus.VICTIM_INFORMED,
    ),
}
_TO: dict[Step, ConditionStatus | None] = {
    Step.SENT: ConditionStatus.SENT,
    Step.ACKNOWLEDGED: ConditionStatus.ACKNOWLEDGED,
    Step.DECIDED: ConditionStatus.DECIDED,
    Step.VICTIM_INFORMED: ConditionStatus.VICTIM_INFORMED,
    Step.ENDED: ConditionStatus.ENDED,
    Step.CHASED: None,  # the status stays; only the chase is recorded
    Step.VARIED: None,
}


# The chase task of a request is caused by "condition:<id>"; the requests sent to the OM
# in one document share one chase task, caused by "conditions:<id>,<id>".
DOCUMENT_CHASE = "conditions:"


def chase_cause(request_ids: Iterable[int]) -> str:
    """What causes the one chase task of the requests sent together."""
    ids = sorted(set(request_ids))
    if len(ids) == 1:
        return f"condition:{ids[0]}"
    return DOCUMENT_CHASE + ",".join(str(i) for i in ids)


def requests_chased_by(cause: str) -> tuple[int, ...]:
    """The requests a chase task is about, from its cause (none for any other task)."""
    kind, _, ids = cause.partition(":")
    if kind not in ("condition", DOCUMENT_CHASE.rstrip(":")) or not ids:
        return ()
    return tuple(int(i) for i in ids.split(","))


def status_after(request: ConditionRequest, step: Step) -> ConditionStatus:
    return _TO[step] or request.status


def check_step(request: ConditionRequest, step: Step, on: date, *, today: date) -> None:
    """Refuse a step that is out of order, dated before the last one, or in the future."""
    status = request.status
    if status not in _FROM[step]:
        if step is Step.SENT and request.sent_to_om_on:
            raise ValidationError(
                f"This request was already sent to the offender manager on "
                f"{request.sent_to_om_on:%d/%m/%Y}."
            )
        if step in (Step.ACKNOWLEDGED, Step.DECIDED, Step.CHASED) and (
            status is ConditionStatus.REQUESTED
        ):
            raise ValidationError(
                "Send the request to the offender manager first: nothing can come back "
                "from them before it is sent."
            )
        if step in (Step.VICTIM_INFORMED, Step.VARIED) and request.decision is None:
            raise ValidationError("Record the offender manager's decision first.")
        raise ValidationError(
            f"'{condition_label(step)}' cannot be recorded on a request that is "
            f"'{condition_label(status)}'."
        )
    if step in (Step.VARIED, Step.ENDED) and request.decision is Decision.REFUSED:
        raise ValidationError(
            "The condition was refused, so it is not on the licence: it cannot be "
            f"{'varied' if step is Step.VARIED else 'ended'}."
        )
    _not_future(on, f"The date of '{condition_label(step)}'", today)
    last = request.last_step_on()
    if on < last:
        raise ValidationError(
            f"The date of '{condition_label(step)}' ({on:%d/%m/%Y}) cannot be before the "
            f"request's last step ({last:%d/%m/%Y})."
        )


def check_decision(decision: Decision, reason: str, licence_wording: str) -> tuple[str, str]:
    """The reason and licence wording a decision needs; returns them cleaned."""
    decision = Decision(decision)
    reason = _long_text(reason, "The OM's reason", required=decision is not Decision.INCLUDED)
    licence_wording = _long_text(
        licence_wording,
        "The wording on the licence",
        required=decision is Decision.AMENDED,
        limit=MAX_WORDING,
    )
    if decision is Decision.REFUSED:
        licence_wording = ""
    return reason, licence_wording


def check_variation(licence_wording: str, note: str) -> tuple[str, str]:
    """A variation needs the new wording and why it changed; returns them cleaned."""
    wording = _long_text(
        licence_wording, "The new wording on the licence", required=True, limit=MAX_WORDING
    )
    return wording, _long_text(note, "Why the condition was varied", required=True)


def check_map_image(name: str, head: bytes, size: int) -> None:
    """A map attachment must be a picture file of sensible size (PNG, JPEG, GIF or BMP)."""
    suffix = Path(name).suffix.lower()
    if suffix not in MAP_SUFFIXES:
        raise ValidationError(
            f"'{Path(name).name}' is not a picture: attach the map as PNG, JPEG, GIF or BMP."
        )
    if size > MAP_MAX_BYTES:
        raise ValidationError(f"The map is {size / 1_048_576:.1f} MB; the limit is 10 MB.")
    signatures = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a", b"BM")
    if not any(head.startswith(sig) for sig in signatures):
        raise ValidationError(f"'{Path(name).name}' is not a readable picture file.")


# --- the offender-manager side --------------------------------------------------------

PERSONAL_EMAIL_DOMAINS = frozenset(
    {
        "gmail.com",
        "googlemail.com",
        "hotmail.com",
        "hotmail.co.uk",
        "outlook.com",
        "live.com",
        "live.co.uk",
        "msn.com",
        "yahoo.com",
        "yahoo.co.uk",
        "icloud.com",
        "me.com",
        "aol.com",
        "btinternet.com",
        "sky.com",
        "virginmedia.com",
        "talktalk.net",
        "protonmail.com",
        "proton.me",
        "gmx.com",
        "mail.com",
    }
)


@dataclass(frozen=True)
class OffenderManager:
    """An OM in the directory: name, team and work contact routes only."""

    name: str
    team: str = ""
    email: str = ""
    phone: str = ""
    id: int | None = None

    def __post_init__(self) -> None:
        for name in ("name", "team", "email", "phone"):
            object.__setattr__(self, name, clean_text(getattr(self, name)))
        if not self.name:
            raise ValidationError("The offender manager's name must not be empty.")
        if len(self.name) > 100 or len(self.team) > 100:
            raise ValidationError("A name or team is limited to 100 characters.")
        if self.email:
            if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", self.email):
                raise ValidationError(f"'{self.email}' does not look like an email address.")
            if self.email.rpartition("@")[2].casefold() in PERSONAL_EMAIL_DOMAINS:
                raise ValidationError(
                    f"'{self.email}' looks like a personal address: record the offender "
                    "manager's work email only."
                )
        if self.phone and not re.fullmatch(r"\+?[0-9 ()-]{6,20}", self.phone):
            raise ValidationError(f"'{self.phone}' does not look like a phone number.")


@dataclass(frozen=True)
class OMAssignment:
    """Who was the case's OM, from when to when (None: before records began / still)."""

    link_id: int
    om_name: str
    om_team: str
    from_on: date | None
    to_on: date | None = None
    reason: str = ""
    recorded_by: str = ""
    id: int | None = None


@dataclass(frozen=True)
class OMWait:
    """Something the VLO is waiting on an OM for: a condition request or a question."""

    link_id: int
    case_ref: str
    victim: str
    om_name: str
    om_team: str
    what: str
    sent_on: date
    age_working_days: int
    chases: int = 0
    chase_due: date | None = None
    request_id: int | None = None
    wait_id: int | None = None  # the liaison entry awaiting a reply

    def chase_is_due(self, on: date) -> bool:
        return self.chase_due is not None and self.chase_due <= on


@dataclass(frozen=True)
class OMWaitSummary:
    """One OM's line on the waiting-on-OM dashboard."""

    om_name: str
    om_team: str
    waiting: int
    oldest_age: int  # working days
    chases_due: int


def summarise_waits(waits: Iterable[OMWait], on: date) -> list[OMWaitSummary]:
    """Per OM: how much waits on them, the oldest in working days, and chases now due;
    the OM with the oldest wait first."""
    groups: dict[tuple[str, str], list[OMWait]] = defaultdict(list)
    for wait in waits:
        groups[(wait.om_name, wait.om_team)].append(wait)
    summaries = [
        OMWaitSummary(
            om_name=name,
            om_team=team,
            waiting=len(group),
            oldest_age=max(w.age_working_days for w in group),
            chases_due=sum(1 for w in group if w.chase_is_due(on)),
        )
        for (name, team), group in groups.items()
    ]
    return sorted(summaries, key=lambda s: (-s.oldest_age, s.om_name))


# --- statistics -----------------------------------------------------------------------

ALL = "All"


@dataclass(frozen=True)
class ConditionOutcome:
    """What the statistics need of one request."""

    requested_on: date
    team: str
    decision: Decision | None = None
    decision_on: date | None = None
    chases: int = 0

    def __post_init__(self) -> None:
        if self.decision is not None:
            object.__setattr__(self, "decision", Decision(self.decision))


@dataclass(frozen=True)
class StatsRow:
    period: str
    team: str
    requested: int
    decided: int
    included: int
    amended: int
    refused: int
    pending: int
    inclusion_rate: float | None  # included / decided; None when nothing is decided
    median_days: float | None  # request to decision, calendar days
    chases: int

    @property
    def inclusion_percent(self) -> str:
        """The inclusion rate as text, rounded from the counts as the report rounds it."""
        return percent(self.included, self.decided, none="")

    def cells(self) -> list[str]:
        rate = self.inclusion_percent
        median = "" if self.median_days is None else f"{self.median_days:g}"
        return [
            self.period,
            self.team,
            str(self.requested),
            str(self.decided),
            str(self.included),
            str(self.amended),
            str(self.refused),
            str(self.pending),
            rate,
            median,
            str(self.chases),
        ]


STATS_HEADERS = (
    "Period requested",
    "Team",
    "Requested",
    "Decided",
    "Included",
    "Amended",
    "Refused",
    "Awaiting decision",
    "Inclusion rate (included / decided)",
    "Median days, request to decision",
    "Chases",
)


def period_of(day: date, granularity: Granularity) -> str:
    granularity = Granularity(granularity)
    if granularity is Granularity.MONTH:
        return f"{day.year}-{day.month:02d}"
    if granularity is Granularity.QUARTER:
        return f"{day.year} Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def inclusion_rate(included: int, decided: int) -> float | None:
    return included / decided if decided else None


def _row(period: str, team: str, outcomes: list[ConditionOutcome]) -> StatsRow:
    decided = [o for o in outcomes if o.decision is not None]
    count = {d: sum(1 for o in decided if o.decision is d) for d in Decision}
    days = [(o.decision_on - o.requested_on).days for o in decided if o.decision_on is not None]
    return StatsRow(
        period=period,
        team=team,
        requested=len(outcomes),
        decided=len(decided),
        included=count[Decision.INCLUDED],
        amended=count[Decision.AMENDED],
        refused=count[Decision.REFUSED],
        pending=len(outcomes) - len(decided),
        inclusion_rate=inclusion_rate(count[Decision.INCLUDED], len(decided)),
        median_days=statistics.median(days) if days else None,
        chases=sum(o.chases for o in outcomes),
    )


def summarise(outcomes: Iterable[ConditionOutcome], granularity: Granularity) -> list[StatsRow]:
    """Rows per period (of the request date) and team, each period closed by an 'All'
    teams row, and a last row over everything: the cohort view an inspector reads."""
    by_period: dict[str, dict[str, list[ConditionOutcome]]] = defaultdict(lambda: defaultdict(list))
    everything: list[ConditionOutcome] = []
    for outcome in outcomes:
        team = outcome.team or "(no team recorded)"
        by_period[period_of(outcome.requested_on, granularity)][team].append(outcome)
        everything.append(outcome)
    rows = []
    for period in sorted(by_period):
        teams = by_period[period]
        for team in sorted(teams):
            rows.append(_row(period, team, teams[team]))
        if len(teams) > 1:
            rows.append(_row(period, ALL, [o for group in teams.values() for o in group]))
    if everything:
        rows.append(_row(ALL, ALL, everything))
    return rows


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula (=cmd|..., +, -, @)."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) or text.lstrip().startswith(_FORMULA_START[:4]):
        return "'" + text
    return text
