"""Entry point: parse the command line, then start the GUI or run a headless command.

Every failure a user can cause ends in one line on stderr and a non-zero exit code;
an unexpected error's traceback goes to a log file, not to the screen.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from pathlib import Path

import platformdirs

from vcs_app.domain.model import DomainError

APP_NAME = "vcs-desk"
DEMO_VICTIMS = 300


def default_db_path() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "vcs-desk.db"


def log_path() -> Path:
    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)) / "vcs-desk.log"


def display_problem() -> str | None:
    """Why a window cannot be shown here, or None when it can."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return (
        "no display found (DISPLAY is not set): run `xvfb-run -a make run` for a virtual "
        "screen, or use the headless commands (`python main.py --help`)."
    )


def _log_unexpected(exc: BaseException) -> Path:
    from vcs_app.storage.files import make_private_folder, open_private_for_append

    path = log_path()
    try:
        make_private_folder(path.parent)
        with open_private_for_append(path) as fh:
            fh.write("".join(traceback.format_exception(exc)).encode("utf-8"))
    except OSError:
        pass
    return path


def main(argv: list[str] | None = None) -> int:
    from vcs_app import cli

    # Everything this process creates (the database and its journals, backups, letters,
    # exports, logs, lock files, and the folders for them) is for this user only, whatever
    # the umask it was started with: every file here names victims.
    os.umask(0o077)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        return cli.run(argv if argv is not None else sys.argv[1:])
    except DomainError as exc:
        print(f"{APP_NAME}: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{APP_NAME}: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: no traceback in front of a user
        where = _log_unexpected(exc)
        print(f"{APP_NAME}: unexpected error: {exc} (details in {where})", file=sys.stderr)
        return 1
