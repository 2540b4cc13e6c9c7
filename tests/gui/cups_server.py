"""A throwaway CUPS server for the printing tests: its own cupsd on 127.0.0.1 (a free
port), every directory in a temporary folder, and three cups-pdf queues whose PDFs land
in that folder:

- `VCS_PDF`: prints (the "printed job" whose PDF is compared with the kept one);
- `VCS_Refusing`: rejects every job (cupsreject), as a queue an administrator closed;
- `VCS_Held`: holds every job (job-hold-until=indefinite), so a test can cancel it.

The app finds it the way it finds any CUPS server: `CUPS_SERVER`, set when this file is
imported (before any test asks libcups anything, since libcups remembers the server a
thread first used). Needs Debian's `cups`, `cups-client` and `printer-driver-cups-pdf`
and root (cups-pdf runs as root and reads its settings only from /etc/cups, so one file
`/etc/cups/cups-pdf-vcs-<port>.conf` is written there and removed at the end). Without
them the tests skip with one line saying why; in CI (CI set) they fail instead.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import socket
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from vcs_app.letters import print_system

PDF_QUEUE, REFUSING_QUEUE, HELD_QUEUE = "VCS_PDF", "VCS_Refusing", "VCS_Held"
CUPS_PDF_PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_noopt.ppd")
CUPS_PDF_BACKEND = Path("/usr/lib/cups/backend/cups-pdf")
CUPS_PDF_CONFIG_DIR = Path("/etc/cups")  # cups-pdf reads its settings only from here


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


PORT = _free_port()
SERVER = f"127.0.0.1:{PORT}"
os.environ["CUPS_SERVER"] = SERVER  # before libcups is first asked anything


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() not in ("", "0", "false", "no")


def _why_not() -> str:
    """Why a CUPS server cannot be started here ('' if it can)."""
    for tool in ("cupsd", "lpadmin", "lpstat", "cupsreject", "cancel", "pdftotext"):
        if shutil.which(tool) is None and not Path("/usr/sbin", tool).exists():
            return f"{tool} is not installed (apt-get install cups cups-client poppler-utils)"
    if not CUPS_PDF_BACKEND.exists() or not CUPS_PDF_PPD.exists():
        return "cups-pdf is not installed (apt-get install printer-driver-cups-pdf)"
    if os.geteuid() != 0:
        return "cups-pdf needs a CUPS server started as root"
    if not print_system.has_job_ids():
        return "libcups2 is not installed"
    return ""


def _tool(name: str) -> str:
    return shutil.which(name) or str(Path("/usr/sbin", name))


@dataclass
class Cups:
    server: str
    root: Path
    out: Path
    process: subprocess.Popen

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [_tool(args[0]), "-h", self.server, *args[1:]],
            capture_output=True,
            text=True,
            timeout=30,
        )
        if done.returncode:
            raise RuntimeError(f"{' '.join(args)}: {done.stderr.strip()}")
        return done.stdout

    def jobs(self, queue: str) -> list[print_system.PrintJob]:
        return print_system.jobs(queue)

    def outputs(self) -> list[Path]:
        return sorted(self.out.glob("*.pdf"))

    def job_pdf(self, job_id: int, timeout: float = 60) -> Path:
        """The PDF cups-pdf wrote for a job on VCS_PDF (named "<title>-job_<id>.pdf"),
        once the job has completed."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            state = print_system.job_state(PDF_QUEUE, job_id)
            found = list(self.out.glob(f"*-job_{job_id}.pdf"))
            if state is print_system.JobState.COMPLETED and found:
                return found[0]
            if state is not None and state.failed:
                raise AssertionError(f"job {job_id} {state}: see {self.root}/log/error_log")
            time.sleep(0.2)
        raise AssertionError(f"job {job_id} did not complete within {timeout} s")


def _write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")


def _start(root: Path) -> Cups:
    for name in ("conf", "requests", "cache", "state", "temp", "log", "out", "cups-pdf-spool"):
        (root / name).mkdir()
    (root / "temp").chmod(0o1777)  # filters run as the lp user
    _write(
        root / "conf" / "cupsd.conf",
        f"""Listen {SERVER}
LogLevel warn
Browsing No
WebInterface No
DefaultAuthType None
MaxJobs 0
PreserveJobHistory Yes
<Location />
  Order allow,deny
  Allow 127.0.0.1
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
""",
    )
    _write(
        root / "conf" / "cups-files.conf",
        f"""ServerRoot {root}/conf
RequestRoot {root}/requests
CacheDir {root}/cache
StateDir {root}/state
TempDir {root}/temp
ErrorLog {root}/log/error_log
AccessLog {root}/log/access_log
PageLog {root}/log/page_log
""",
    )
    _write(
        CUPS_PDF_CONFIG_DIR / f"cups-pdf-vcs-{PORT}.conf",
        f"Out {root}/out\nSpool {root}/cups-pdf-spool\nLog {root}/log\nLabel 2\n",
    )
    process = subprocess.Popen(
        [
            _tool("cupsd"),
            "-f",
            "-c",
            str(root / "conf" / "cupsd.conf"),
            "-s",
            str(root / "conf" / "cups-files.conf"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    cups = Cups(SERVER, root, root / "out", process)
    deadline = time.monotonic() + 20
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"cupsd stopped: {process.stderr.read().decode().strip()}")
        with contextlib.suppress(RuntimeError):
            if "is running" in cups.run("lpstat", "-r"):
                break
        if time.monotonic() > deadline:
            raise RuntimeError("cupsd did not start within 20 s")
        time.sleep(0.1)
    for queue in (PDF_QUEUE, REFUSING_QUEUE, HELD_QUEUE):
        cups.run(
            "lpadmin", "-p", queue, "-E", "-v", f"cups-pdf:/vcs-{PORT}", "-P", str(CUPS_PDF_PPD)
        )
        # cups-pdf makes its PDF again from PostScript; the default PDF-to-PostScript step
        # leaves glyphs pdftotext cannot read back, pdftocairo keeps the text.
        cups.run("lpadmin", "-p", queue, "-o", "pdftops-renderer-default=pdftocairo")
    cups.run("lpadmin", "-d", PDF_QUEUE)
    cups.run("cupsreject", REFUSING_QUEUE)
    cups.run("lpadmin", "-p", HELD_QUEUE, "-o", "job-hold-until-default=indefinite")
    return cups


@pytest.fixture(scope="session")
def cups():
    """The throwaway CUPS server, started once for the session and stopped at its end."""
    why = _why_not()
    if why:
        if in_ci():
            pytest.fail(f"CUPS printing tests must run in CI, but {why}")
        pytest.skip(f"no throwaway CUPS server: {why}")
    root = Path(tempfile.mkdtemp(prefix="vcs-cups-"))
    root.chmod(0o755)  # cupsd's filters run as lp and must reach the spool
    started = time.monotonic()
    server = None
    try:
        server = _start(root)
        os.environ["VCS_TEST_CUPS_START_SECONDS"] = f"{time.monotonic() - started:.2f}"
        yield server
    finally:
        if server is not None:
            server.process.terminate()
            try:
                server.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.process.kill()
        (CUPS_PDF_CONFIG_DIR / f"cups-pdf-vcs-{PORT}.conf").unlink(missing_ok=True)
        shutil.rmtree(root, ignore_errors=True)


@contextlib.contextmanager
def no_cups_server():
    """This thread's libcups (Qt's too) talks to a port where nothing listens: as on a
    computer where CUPS is not running."""
    lib = ctypes.CDLL(ctypes.util.find_library("cups"))
    lib.cupsSetServer.argtypes = (ctypes.c_char_p,)
    lib.cupsSetServer(b"127.0.0.1:1")
    try:
        yield
    finally:
        lib.cupsSetServer(SERVER.encode())
