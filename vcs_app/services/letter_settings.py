"""The office's letter details: letterhead, return address, each VLO's direct line and
signature, where kept PDFs go, and who may change the wording of templates.

They belong to the caseload file (the `setting` table), not to one desk, so every VLO
of the office prints the same letterhead. A demo database gets synthetic details; a
real one must have them entered before its first letter, so a victim never receives a
letter with a made-up phone number on it.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

import platformdirs

from vcs_app.domain.model import Language, ValidationError, clean_text
from vcs_app.letters.context import Sender
from vcs_app.services.cases import Changed
from vcs_app.services.workspace import Workspace
from vcs_app.storage import audit
from vcs_app.storage.repo_settings import get_setting, set_setting

SETTINGS_KEY = "letters.settings"
APP_NAME = "vcs-desk"


@dataclass(frozen=True)
class VloContact:
    """A VLO's direct line: every letter tells the victim how to reach them."""

    name: str
    phone: str
    email: str
    signature: str = ""  # the name printed under "Yours sincerely" (default: `name`)

    def __post_init__(self) -> None:
        for name in ("name", "phone", "email", "signature"):
            object.__setattr__(self, name, clean_text(getattr(self, name)))
        if not self.name:
            raise ValidationError("A VLO's contact details need the VLO's name.")


@dataclass(frozen=True)
class LetterSettings:
    office_name: str
    return_address: tuple[str, ...]
    default_phone: str
    default_email: str
    office_name_cy: str = ""  # Welsh letterhead; the English one when empty
    return_address_cy: tuple[str, ...] = ()
    vlos: tuple[VloContact, ...] = ()
    archive_folder: str = ""  # where kept PDFs go; the user data folder when empty
    template_editors: tuple[str, ...] = ()  # who may change template wording; anyone if empty
    synthetic: bool = field(default=False, compare=False)  # demo defaults, not saved

    def __post_init__(self) -> None:
        for name in ("office_name", "office_name_cy", "default_phone", "default_email"):
            object.__setattr__(self, name, clean_text(getattr(self, name)))
        for name in ("return_address", "return_address_cy", "template_editors"):
            lines = tuple(x for x in (clean_text(v) for v in getattr(self, name)) if x)
            object.__setattr__(self, name, lines)
        object.__setattr__(self, "vlos", tuple(self.vlos))
        object.__setattr__(self, "archive_folder", (self.archive_folder or "").strip())

    def contact_for(self, vlo_name: str) -> VloContact:
        """The VLO's own line, or the office's when none is recorded for them."""
        for vlo in self.vlos:
            if vlo.name.casefold() == vlo_name.casefold():
                return replace(
                    vlo,
                    phone=vlo.phone or self.default_phone,
                    email=vlo.email or self.default_email,
                )
        return VloContact(vlo_name or "Victim Liaison Unit", self.default_phone, self.default_email)

    def sender(self, vlo_name: str, language: Language) -> Sender:
        """Who signs the letter, with the letterhead in the letter's language."""
        vlo = self.contact_for(vlo_name)
        welsh = Language(language) is Language.WELSH
        return Sender(
            vlo_name=vlo.name,
            vlo_phone=vlo.phone,
            vlo_email=vlo.email,
            office_name=(self.office_name_cy if welsh else "") or self.office_name,
            office_address_lines=(self.return_address_cy if welsh else ()) or self.return_address,
            signature_name=vlo.signature or vlo.name,
        )


def _demo_contact(name: str) -> VloContact:
    """An invented direct line per demo VLO: Ofcom's drama range, example email domain."""
    number = int(hashlib.sha256(name.encode("utf-8")).hexdigest(), 16) % 900 + 100
    email = ".".join(name.casefold().split()) + "@probation.example"
    return VloContact(name, f"01632 960{number:03d}", email)


def demo_settings(vlo_names: list[str]) -> LetterSettings:
    return LetterSettings(
        office_name="Probation Service Victim Liaison Unit",
        office_name_cy="Uned Cyswllt Dioddefwyr y Gwasanaeth Prawf",
        return_address=("1 Civic Way", "Anytown", "ZZ1 1ZZ"),
        return_address_cy=("1 Ffordd Ddinesig", "Anytown", "ZZ1 1ZZ"),
        default_phone="01632 960000",
        default_email="victim.liaison@probation.example",
        vlos=tuple(_demo_contact(name) for name in vlo_names),
        synthetic=True,
    )


def _to_json(settings: LetterSettings) -> str:
    data = {
        "office_name": settings.office_name,
        "office_name_cy": settings.office_name_cy,
        "return_address": list(settings.return_address),
        "return_address_cy": list(settings.return_address_cy),
        "default_phone": settings.default_phone,
        "default_email": settings.default_email,
        "vlos": [
            {"name": v.name, "phone": v.phone, "email": v.email, "signature": v.signature}
            for v in settings.vlos
        ],
        "archive_folder": settings.archive_folder,
        "template_editors": list(settings.template_editors),
    }
    return json.dumps(data, ensure_ascii=False)


def _from_json(text: str) -> LetterSettings:
    try:
        data = json.loads(text)
        return LetterSettings(
            office_name=data["office_name"],
            office_name_cy=data.get("office_name_cy", ""),
            return_address=tuple(data["return_address"]),
            return_address_cy=tuple(data.get("return_address_cy", ())),
            default_phone=data["default_phone"],
            default_email=data["default_email"],
            vlos=tuple(VloContact(**v) for v in data.get("vlos", ())),
            archive_folder=data.get("archive_folder", ""),
            template_editors=tuple(data.get("template_editors", ())),
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise ValidationError(
            f"The office's letter settings cannot be read ({exc!r}); enter them again in Settings."
        ) from exc


def load_letter_settings(ws: Workspace) -> LetterSettings:
    """The saved settings; synthetic ones for a demo database that has none saved."""
    db = ws.store.db
    text = get_setting(db, SETTINGS_KEY)
    if text is not None:
        return _from_json(text)
    if get_setting(db, "demo") == "1":
        names = [r[0] for r in db.execute("SELECT DISTINCT vlo FROM link WHERE vlo != ''")]
        return demo_settings(sorted(names))
    return LetterSettings("", (), "", "")


def missing_office_details(settings: LetterSettings) -> list[str]:
    """The office details a letter cannot go without that are still empty, in words."""
    return [
        what
        for what, value in (
            ("the office name", settings.office_name),
            ("the return address", settings.return_address),
            ("the office phone number", settings.default_phone),
            ("the office email address", settings.default_email),
        )
        if not value
    ]


def require_letter_settings(ws: Workspace) -> LetterSettings:
    """The settings a letter is printed with; refuses until the office details are in."""
    settings = load_letter_settings(ws)
    missing = missing_office_details(settings)
    if missing:
        raise ValidationError(
            "Letters cannot be produced yet: enter "
            + ", ".join(missing)
            + " in the letter settings first."
        )
    return settings


def save_letter_settings(ws: Workspace, settings: LetterSettings) -> Changed:
    """Keep the office's letter details in the caseload file, audited."""
    if not settings.office_name or not settings.return_address:
        raise ValidationError("The letterhead needs the office name and the return address.")
    if not settings.default_phone or not settings.default_email:
        raise ValidationError(
            "Every letter gives a phone number and an email address: enter the office's."
        )
    with ws.store.atomic() as db:
        set_setting(db, SETTINGS_KEY, _to_json(settings))
        audit.record(
            db,
            who=ws.user,
            action="update",
            entity="setting",
            detail={"key": SETTINGS_KEY, "office_name": settings.office_name},
        )
    return Changed((), "setting")


def archive_folder(ws: Workspace, settings: LetterSettings | None = None) -> Path:
    """Where kept letter PDFs go: the configured folder, or one per caseload file in the
    user data folder (so two caseloads never mix their letters)."""
    settings = settings or load_letter_settings(ws)
    if settings.archive_folder:
        return Path(settings.archive_folder).expanduser()
    base = Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "letters"
    tag = hashlib.sha256(str(ws.path.resolve()).encode("utf-8")).hexdigest()[:8]
    return base / f"{ws.path.stem}-{tag}"


def may_edit_templates(ws: Workspace, settings: LetterSettings | None = None) -> bool:
    editors = (settings or load_letter_settings(ws)).template_editors
    return not editors or ws.user.casefold() in {e.casefold() for e in editors}
