"""What the computer's print system says about a print job, read from CUPS itself.

Qt hands a job to CUPS (`cupsPrintFile`) and throws the job id away, so whether a letter
really went to the printer has to be asked of CUPS afterwards. This asks libcups, the
same library Qt prints through (so the same server: `CUPS_SERVER`, `~/.cups/client.conf`
or the local scheduler), with `ctypes`: no extra package, and no parsing of `lpstat`'s
wording, which changes with the language and the CUPS version.

Where there is no CUPS (Windows) nothing can be learnt: `jobs()` is empty and a print
is recorded with its printer's name and no job id.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
import sys
from dataclasses import dataclass
from enum import StrEnum


class JobState(StrEnum):
    """IPP job states (RFC 8011 5.3.7), plus "unknown" where the system gives none."""

    PENDING = "pending"
    HELD = "held"
    PROCESSING = "processing"
    STOPPED = "stopped"
    CANCELED = "canceled"
    ABORTED = "aborted"
    COMPLETED = "completed"
    REFUSED = "refused"  # never became a job: the print system did not accept it
    UNKNOWN = "unknown"  # the print system tells nothing (no job ids: Windows)

    @property
    def failed(self) -> bool:
        """The print system gave up on the job: nothing (or not all of it) was printed."""
        return self in (JobState.CANCELED, JobState.ABORTED, JobState.REFUSED)

    @property
    def settled(self) -> bool:
        """Nothing more will happen to the job (or nothing more can be learnt of it)."""
        return self in (
            JobState.CANCELED,
            JobState.ABORTED,
            JobState.COMPLETED,
            JobState.REFUSED,
            JobState.UNKNOWN,
        )


_IPP_STATES = {
    3: JobState.PENDING,
    4: JobState.HELD,
    5: JobState.PROCESSING,
    6: JobState.STOPPED,
    7: JobState.CANCELED,
    8: JobState.ABORTED,
    9: JobState.COMPLETED,
}
_WHICH_JOBS_ALL = -1
# time_t is a C long on every platform CUPS ships for, except 32-bit builds with 64-bit
# time; only the size matters here (the array's stride), the times themselves are unused.
_TIME_T = ctypes.c_long


class _CupsJob(ctypes.Structure):
    """cups_job_t from <cups/cups.h> (unchanged since CUPS 1.1)."""

    _fields_ = (
        ("id", ctypes.c_int),
        ("dest", ctypes.c_char_p),
        ("title", ctypes.c_char_p),
        ("user", ctypes.c_char_p),
        ("format", ctypes.c_char_p),
        ("state", ctypes.c_int),
        ("size", ctypes.c_int),
        ("priority", ctypes.c_int),
        ("completed_time", _TIME_T),
        ("creation_time", _TIME_T),
        ("processing_time", _TIME_T),
    )


@dataclass(frozen=True)
class PrintJob:
    """One job as the print system knows it. `job_id` None: the system gives no ids
    (Windows), or the job was never created (`state` then says why: see `refused`)."""

    printer: str
    job_id: int | None
    state: JobState
    title: str = ""
    pages: str = ""  # the page range printed, e.g. "2-3"; empty: all pages
    sheets: int = 0  # pages drawn
    reason: str = ""  # why the print system has no job, in its words

    @property
    def failed(self) -> bool:
        return self.state.failed

    def describe(self) -> str:
        job = f" (job {self.job_id})" if self.job_id is not None else ""
        return f"{self.printer}{job}"

    def as_detail(self) -> dict[str, object]:
        """What the letter log keeps of the job."""
        detail: dict[str, object] = {"printer": self.printer, "job": self.job_id}
        detail["state"] = self.state.value
        if self.pages:
            detail["pages"] = self.pages
        if self.reason:
            detail["reason"] = self.reason
        return detail


@functools.cache
def _libcups() -> ctypes.CDLL | None:
    if sys.platform == "win32":
        return None
    name = ctypes.util.find_library("cups")
    if not name:
        return None
    try:
        lib = ctypes.CDLL(name)
    except OSError:
        return None
    lib.cupsGetJobs2.restype = ctypes.c_int
    lib.cupsGetJobs2.argtypes = (
        ctypes.c_void_p,
        ctypes.POINTER(ctypes.POINTER(_CupsJob)),
        ctypes.c_char_p,
        ctypes.c_int,
        ctypes.c_int,
    )
    lib.cupsFreeJobs.restype = None
    lib.cupsFreeJobs.argtypes = (ctypes.c_int, ctypes.POINTER(_CupsJob))
    lib.cupsLastErrorString.restype = ctypes.c_char_p
    lib.cupsLastErrorString.argtypes = ()
    return lib


def has_job_ids() -> bool:
    """True where jobs can be looked up (CUPS: Linux, macOS)."""
    return _libcups() is not None


def queue_name(printer: str) -> str:
    """CUPS knows a printer by its queue name, without a "/instance" suffix."""
    return printer.split("/", 1)[0]


def _jobs(printer: str) -> list[PrintJob] | None:
    """This user's jobs on `printer`, finished ones included (CUPS keeps their history),
    oldest first; None where there is no CUPS or it could not be asked."""
    lib = _libcups()
    if lib is None:
        return None
    found = ctypes.POINTER(_CupsJob)()
    count = lib.cupsGetJobs2(
        None, ctypes.byref(found), queue_name(printer).encode("utf-8"), 1, _WHICH_JOBS_ALL
    )
    if count < 0:
        return None
    try:
        return [
            PrintJob(
                printer=printer,
                job_id=found[i].id,
                state=_IPP_STATES.get(found[i].state, JobState.UNKNOWN),
                title=(found[i].title or b"").decode("utf-8", "replace"),
            )
            for i in range(count)
        ]
    finally:
        if count > 0:
            lib.cupsFreeJobs(count, found)


def jobs(printer: str) -> list[PrintJob]:
    """This user's jobs on `printer`, oldest first (empty if they cannot be read)."""
    return _jobs(printer) or []


def last_error() -> str:
    lib = _libcups()
    if lib is None:
        return ""
    return (lib.cupsLastErrorString() or b"").decode("utf-8", "replace")


def newest_job_id(printer: str) -> int:
    """The highest job id this user has on `printer` (0 for none): taken before a print,
    so the job that print makes is told from older ones."""
    return max((job.job_id or 0 for job in jobs(printer)), default=0)


def find_job(printer: str, title: str, after: int) -> PrintJob | None:
    """The job named `title` made on `printer` after job `after`; None if there is none
    (the print system did not accept it)."""
    made = [j for j in jobs(printer) if (j.job_id or 0) > after and j.title == title]
    return made[-1] if made else None


def job_state(printer: str, job_id: int) -> JobState | None:
    """What has become of a job: UNKNOWN when the print system no longer knows it (CUPS
    forgets only finished jobs, when its history is full); None when it cannot be asked."""
    known = _jobs(printer)
    if known is None:
        return None
    return next((j.state for j in known if j.job_id == job_id), JobState.UNKNOWN)
