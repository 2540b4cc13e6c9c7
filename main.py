"""VCS Desk: run `python main.py --help` for the commands."""

import sys

from vcs_app.app import main

if __name__ == "__main__":
    sys.exit(main())
