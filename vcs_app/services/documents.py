"""Files the app writes by itself (kept letter PDFs, requests to OMs, exclusion-zone
maps): beside an encrypted caseload they are sealed with its key (storage/sealed.py) and
reopened inside the app; beside a plain one they are ordinary files, as before.

Files the user asks for (Save PDF…, a batch into a folder, a subject-access export, a
report) are the user's to place and stay ordinary files; `unencrypted_warning` is the
one sentence the window and the commands show before writing one from an encrypted
caseload.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from vcs_app.letters.print_adapter import pdf_bytes, write_pdf
from vcs_app.services.workspace import Workspace
from vcs_app.storage import sealed
from vcs_app.storage.repo_settings import get_setting

DEMO_MARK = "DEMO"


def watermark(ws: Workspace) -> str:
    """What is written across every page printed or saved from this caseload: "DEMO"
    for a demo file (so none of its letters can pass as a real one), else nothing."""
    return DEMO_MARK if get_setting(ws.store.db, "demo") == "1" else ""


def encrypted(ws: Workspace) -> bool:
    return ws.store.sealer is not None


def kept_name(ws: Workspace, path: Path) -> Path:
    """The name a kept file has on disk: with `.sealed` added for an encrypted caseload."""
    return sealed.sealed_name(path) if encrypted(ws) else path


def keep(ws: Workspace, path: Path, data: bytes) -> Path:
    """Write a file the app keeps (complete or not at all); returns where it went."""
    target = kept_name(ws, path)
    sealer = ws.store.sealer
    sealed.write_file(target, data if sealer is None else sealer.seal(data, target))
    return target


def keep_pdf(
    ws: Workspace, path: Path, html: Sequence[str] | str, *, title: str
) -> tuple[Path, int]:
    """Write a kept PDF (sealed for an encrypted caseload, made in memory so no plain
    copy touches the disk); returns where it went and its page count."""
    target = kept_name(ws, path)
    if not encrypted(ws):
        return target, write_pdf(html, target, title=title, watermark=watermark(ws))
    data, pages = pdf_bytes(html, title=title, watermark=watermark(ws))
    return keep(ws, path, data), pages


def read(ws: Workspace, path: Path | str) -> bytes:
    """A kept file's content, unsealed with the caseload's key when it is sealed."""
    return sealed.read_file(Path(path), ws.store.sealer)


def save_copy(path: Path, data: bytes) -> None:
    """An ordinary copy of a kept file where the user asked (complete or not at all)."""
    sealed.write_file(path, data)


def is_sealed(path: Path | str) -> bool:
    return sealed.is_sealed(path)


def unencrypted_warning(ws: Workspace, what: str) -> str | None:
    """One sentence for a file the user asked for, when the caseload is encrypted."""
    if not encrypted(ws):
        return None
    return (
        f"This caseload is encrypted, but {what} will be an ordinary file that anyone who"
        " can read its folder can open."
    )
