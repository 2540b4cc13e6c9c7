"""Rendering wording that nobody has approved yet in a child process with a time and a
memory limit, so a template that runs away (a loop inside a loop inside a loop, or
anything the sandbox's size checks in render.py do not foresee) is stopped and reported
in one line instead of freezing or killing the app.

One child (`python -m vcs_app.letters.isolated`) serves every call, so its start (a few
tenths of a second) is paid once; a child that overruns is killed and the next call
starts another. It imports only the letters and domain code, never Qt. Requests and
replies are pickled over its standard input and output: it runs our own functions on
values we made, nothing it receives from anyone else.
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import vcs_app
from vcs_app.letters.context import LetterError

TIME_LIMIT_S = 5.0
MEMORY_LIMIT_MB = 768
_ROOT = Path(vcs_app.__path__[0]).parent  # the folder vcs_app is imported from
_TOO_BIG = (
    "The template cannot be used: it needs more memory than a letter can. Simplify the wording."
)


def _limit_memory(megabytes: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: the time limit and the sandbox's size checks remain
        return
    limit = megabytes * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):  # a lower hard limit is kept
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _serve(megabytes: int) -> None:
    """The child: run each (function, args, kwargs) received and send back the result
    or the exception (as a LetterError when it cannot be sent as itself)."""
    _limit_memory(megabytes)
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the replies
    while True:
        try:
            func, args, kwargs = pickle.load(requests)
        except EOFError:
            return
        try:
            reply = ("ok", func(*args, **kwargs))
        except MemoryError:
            reply = ("error", LetterError(_TOO_BIG))
        except Exception as exc:  # every failure goes back to the caller as it is
            reply = ("error", exc)
        try:
            data = pickle.dumps(reply)
        except Exception as exc:  # an exception that will not pickle
            data = pickle.dumps(("error", LetterError(str(exc))))
        replies.write(data)
        replies.flush()


class IsolatedRenderer:
    def __init__(self, time_limit: float = TIME_LIMIT_S, memory_mb: int = MEMORY_LIMIT_MB) -> None:
        self.time_limit = time_limit
        self.memory_mb = memory_mb
        self._lock = threading.Lock()
        self._process: subprocess.Popen | None = None

    def _start(self) -> subprocess.Popen:
        path = os.pathsep.join(p for p in (str(_ROOT), os.environ.get("PYTHONPATH")) if p)
        return subprocess.Popen(
            [sys.executable, "-m", __name__, str(self.memory_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=_ROOT,
            env={**os.environ, "PYTHONPATH": path},
        )

    def _stop(self) -> None:
        if self._process is not None:
            self._process.kill()
            self._process.wait(5)
            for pipe in (self._process.stdin, self._process.stdout):
                with contextlib.suppress(OSError):
                    pipe.close()
        self._process = None

    def call(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """`func(*args, **kwargs)` in the child (a module-level function; arguments and
        result are pickled); its exception is raised here. LetterError when it takes
        longer than the time limit or the child dies (out of memory)."""
        with self._lock:
            if self._process is None or self._process.poll() is not None:
                self._stop()
                self._process = self._start()
            process = self._process
            replies: queue.Queue = queue.Queue()

            def read() -> None:
                try:
                    replies.put(pickle.load(process.stdout))
                except Exception:  # the child died or was killed
                    replies.put(("died", None))

            try:
                process.stdin.write(pickle.dumps((func, args, kwargs)))
                process.stdin.flush()
            except OSError:
                self._stop()
                raise LetterError(_TOO_BIG) from None
            threading.Thread(target=read, daemon=True).start()
            status, value = self._wait(replies)
            if status == "died":
                self._stop()
                raise LetterError(_TOO_BIG)
        if status == "error":
            raise value
        return value

    def _wait(self, replies: queue.Queue) -> tuple[str, Any]:
        """The child's reply, looked for every 10 ms: a timed wait would not end under a
        shifted clock (libfaketime moves the monotonic clock a wait's deadline is set on,
        not the kernel's), while a sleep's length and the clock's differences stay true."""
        deadline = time.monotonic() + self.time_limit
        while True:
            try:
                return replies.get_nowait()
            except queue.Empty:
                if time.monotonic() >= deadline:
                    self._stop()
                    raise LetterError(
                        "The template cannot be used: it took longer than"
                        f" {self.time_limit:g} seconds to fill in (a loop that runs too long?)."
                        " Simplify the wording."
                    ) from None
                time.sleep(0.01)

    def close(self) -> None:
        with self._lock:
            if self._process is not None:
                with contextlib.suppress(OSError):
                    self._process.stdin.close()  # the child ends at end of input
                with contextlib.suppress(subprocess.TimeoutExpired):
                    self._process.wait(2)
            self._stop()


_shared: IsolatedRenderer | None = None
_shared_lock = threading.Lock()


def run_isolated(func: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """`func(*args, **kwargs)` in the shared rendering child (see IsolatedRenderer)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = IsolatedRenderer()
            atexit.register(_shared.close)
        renderer = _shared
    return renderer.call(func, *args, **kwargs)


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
