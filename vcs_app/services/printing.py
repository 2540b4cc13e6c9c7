"""What every printed document's gate does with the print system's answer: a job the
printer refused, cancelled or aborted is an error in words (nothing is recorded as sent);
anything else is recorded with the printer and the job id (`PrintJob.as_detail`).

The letter service's gate (`letters.produce_letter`) also follows a job that has not
finished; the OM request and the report are recorded when the printer accepts them.
"""

from __future__ import annotations

from collections.abc import Callable

from vcs_app.domain.model import DomainError
from vcs_app.letters.print_system import JobState, PrintJob

# (html, job title, charts=None) -> what the print system made of it. The title names
# the job in the printer's queue, so it never carries a personal detail.
SendToPrinter = Callable[..., PrintJob]


class NotPrinted(DomainError):
    """The print system refused, cancelled or aborted a job: nothing was sent."""


def not_printed(job: PrintJob, consequence: str) -> NotPrinted:
    """The error for a failed job: why, in the print system's words, and what follows."""
    why = {
        JobState.REFUSED: f"the printer {job.printer} did not accept it",
        JobState.CANCELED: f"the print job on {job.describe()} was cancelled",
        JobState.ABORTED: f"the print job on {job.describe()} was stopped by the print system",
    }[job.state]
    if job.reason:
        why += f" ({job.reason})"
    return NotPrinted(f"Not printed: {why}. {consequence}")


def printed(job: PrintJob, consequence: str) -> dict[str, object]:
    """The job as a log records it; NotPrinted (saying `consequence`) if it failed."""
    if job.failed:
        raise not_printed(job, consequence)
    return job.as_detail()
