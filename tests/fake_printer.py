"""A printer as the print system reports it, for the letter service's tests: each print
becomes a job in the state given, and `state_of` answers what became of it (the real
print system is exercised against a throwaway CUPS server in tests/printing/)."""

from __future__ import annotations

from vcs_app.letters.print_system import JobState, PrintJob


class FakePrinter:
    def __init__(self, name: str = "Office", state: JobState = JobState.COMPLETED) -> None:
        self.name = name
        self.state = state  # what the next job starts as
        self.printed: list[str] = []  # the HTML of every job made
        self.titles: list[str] = []
        self.states: dict[int, JobState] = {}

    def __call__(self, html: str, title: str, charts=None) -> PrintJob:
        if self.state is JobState.REFUSED:
            return PrintJob(self.name, None, JobState.REFUSED, title=title, reason="refused")
        self.printed.append(html)
        self.titles.append(title)
        job_id = len(self.printed)
        self.states[job_id] = self.state
        return PrintJob(self.name, job_id, self.state, title=title, sheets=1)

    def state_of(self, printer: str, job_id: int) -> JobState | None:
        return self.states.get(job_id, JobState.UNKNOWN)
