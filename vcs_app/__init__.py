"""VCS Desk: a caseload tool for Victim Liaison Officers."""
