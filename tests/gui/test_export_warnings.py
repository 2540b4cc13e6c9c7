"""Every file the VLO saves from the window is their own choice, and from an encrypted
caseload an ordinary file: each place that asks for a save path or a folder warns first
(issue 16 §6). Backups are the exception: they are encrypted with the caseload's key."""

from __future__ import annotations

from pathlib import Path

APP = Path(__file__).resolve().parents[2] / "vcs_app" / "qt"
BACKUP_FOLDERS = {"auto_backup.py", "settings.py"}  # backups are encrypted like the file


def test_every_save_dialog_warns_that_the_file_will_not_be_encrypted():
    asking = [
        path
        for path in APP.rglob("*.py")
        if "getSaveFileName(" in path.read_text(encoding="utf-8")
        or "getExistingDirectory(" in path.read_text(encoding="utf-8")
    ]
    assert len(asking) > 5, "the search for save dialogs is broken"
    silent = [
        str(path.relative_to(APP))
        for path in asking
        if path.name not in BACKUP_FOLDERS
        and "confirm_unencrypted(" not in path.read_text(encoding="utf-8")
    ]
    assert silent == []
