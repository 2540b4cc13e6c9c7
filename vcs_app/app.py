"""Entry point: parse the command line, then start the GUI or run a headless command.

Every failure a user can cause ends in one line on stderr and a non-zero exit code;
an unexpected error's traceback goes to a log file, not to the screen.
"""

from __future__ import annotations

import logging
import os
import sys
import traceback
from datetime import UTC, datetime
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


def append_to_log(text: str) -> Path:
    """Append `text` to the log file under the real UTC time; returns the log's path.
    Never raises: the log must not become a second failure."""
    path = log_path()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as fh:
            fh.write(f"--- {when}\n{text.rstrip()}\n")
    except OSError:
        pass
    return path


def log_unexpected(exc: BaseException) -> Path:
    """Log `exc` with its traceback; returns the log's path."""
    return append_to_log("".join(traceback.format_exception(exc)))


def main(argv: list[str] | None = None) -> int:
    from vcs_app import cli

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
        where = log_unexpected(exc)
        print(f"{APP_NAME}: unexpected error: {exc} (details in {where})", file=sys.stderr)
        return 1
