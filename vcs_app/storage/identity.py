"""Who is really running this process: the operating system's account of its real user id,
never the LOGNAME/USER/USERNAME environment variables, which any caller can set."""

from __future__ import annotations

import os
import sys


def real_os_user() -> str:
    """The login name of the process's real user (on Windows, the user of its token)."""
    if sys.platform == "win32":
        return _windows_user()
    import pwd

    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:  # a uid with no passwd entry (a container): the number says who
        return f"uid-{os.getuid()}"


def _windows_user() -> str:  # pragma: no cover - exercised on Windows only
    import ctypes
    from ctypes import wintypes

    size = wintypes.DWORD(257)
    buffer = ctypes.create_unicode_buffer(size.value)
    # GetUserNameW asks the process token, not the environment.
    if not ctypes.windll.advapi32.GetUserNameW(buffer, ctypes.byref(size)):
        return "unknown"
    return buffer.value
