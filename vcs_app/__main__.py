"""`python -m vcs_app ...`: the same as `python main.py ...` (or `vcs-desk` once installed),
for running the app's own commands from inside it (the bench's child processes)."""

from vcs_app.app import main

raise SystemExit(main())
