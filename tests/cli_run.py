"""Running `python main.py ...` as a user would: a child process, offscreen."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def run_main(
    *args: str, env: dict[str, str] | None = None, stdin: str | None = None, timeout: int = 300
) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        input=stdin,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", **(env or {})},
    )


def data_folder_with_key(folder: Path) -> Path:
    """A user data folder (for XDG_DATA_HOME) of its own that holds this test run's audit
    key and anchors, so `python main.py` there can open the run's files."""
    trail = Path(os.environ["XDG_DATA_HOME"]) / "vcs-desk" / "trail"
    if trail.is_dir():  # (a version without audit keys has none)
        shutil.copytree(trail, folder / "vcs-desk" / "trail", dirs_exist_ok=True)
    return folder
