"""Entry point: parse the command line, then start the GUI or run a headless command.

Every failure a user can cause ends in one line on stderr and a non-zero exit code;
an unexpected error's traceback goes to a log file, not to the screen.
"""

from __future__ import annotations

import ctypes
import logging
import os
import sys
import threading
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


NO_SCREEN_ADVICE = (
    "run `xvfb-run -a make run` for a virtual screen (apt-get install xvfb xauth), or use "
    "the headless commands (`python main.py --help`)."
)
X_ANSWER_SECONDS = 5.0


def display_problem() -> str | None:
    """Why a window cannot be shown here, or None when it can (as far as we can tell)."""
    if os.environ.get("QT_QPA_PLATFORM") or sys.platform in ("win32", "darwin"):
        return None
    if os.environ.get("WAYLAND_DISPLAY"):
        return None
    display = os.environ.get("DISPLAY")
    if not display:
        return f"no display found (DISPLAY is not set): {NO_SCREEN_ADVICE}"
    if x_display_answers(display) is False:
        return (
            f"cannot open the display {display} (no X server answers there, or it refused"
            f" this user; after `ssh -X`, log in again): {NO_SCREEN_ADVICE}"
        )
    return None


def x_display_answers(display: str) -> bool | None:
    """Whether an X client may open `display`, asked the way Qt's xcb plugin will (Xlib),
    so a dead display ends in our line rather than Qt's abort. None when this computer
    has no Xlib to ask with. Xlib's own complaints are kept off the terminal."""
    try:
        xlib = ctypes.CDLL("libX11.so.6")
    except OSError:
        return None
    xlib.XOpenDisplay.argtypes = [ctypes.c_char_p]
    xlib.XOpenDisplay.restype = ctypes.c_void_p
    xlib.XCloseDisplay.argtypes = [ctypes.c_void_p]
    answers: list[bool] = []

    def open_and_close() -> None:
        handle = xlib.XOpenDisplay(display.encode())
        answers.append(bool(handle))
        if handle:
            xlib.XCloseDisplay(handle)

    sys.stderr.flush()
    saved_stderr = os.dup(2)
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 2)
        probe = threading.Thread(target=open_and_close, daemon=True)  # a dropped TCP
        probe.start()  # display may not answer for minutes: wait a few seconds
        probe.join(X_ANSWER_SECONDS)
    finally:
        os.dup2(saved_stderr, 2)
        os.close(saved_stderr)
    return bool(answers and answers[0])


def append_to_log(text: str) -> Path:
    """Append `text` to the log file under the real UTC time; returns the log's path.
    Never raises: the log must not become a second failure."""
    from vcs_app.storage.files import make_private_folder, open_private_for_append

    path = log_path()
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    try:
        make_private_folder(path.parent)
        with open_private_for_append(path) as fh:
            fh.write(f"--- {when}\n{text.rstrip()}\n".encode())
    except OSError:
        pass
    return path


def log_unexpected(exc: BaseException) -> Path:
    """Log `exc` with its traceback; returns the log's path."""
    return append_to_log("".join(traceback.format_exception(exc)))


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
        where = log_unexpected(exc)
        print(f"{APP_NAME}: unexpected error: {exc} (details in {where})", file=sys.stderr)
        return 1
