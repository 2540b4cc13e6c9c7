"""`make dist`: the one-folder desktop build (PyInstaller, packaging/vcs-desk.spec) starts
offscreen and runs `--help`, `demo`, `check`, `letters --due` and `screenshot` from a
folder outside the checkout. CI builds it once (`make test-packaging`); set VCS_DESK_DIST
to a built dist/vcs-desk folder to test that one instead of building."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from smoke import ROOT, away_from_checkout, folder_size, report, run_the_commands

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(1800)]


def _built(tmp_path: Path) -> tuple[Path, float | None]:
    if given := os.environ.get("VCS_DESK_DIST"):
        return Path(given).resolve(), None
    started = time.perf_counter()
    done = subprocess.run(
        [
            "make",
            "-C",
            str(ROOT),
            "dist",
            f"DISTPATH={tmp_path / 'dist'}",
            f"WORKPATH={tmp_path / 'build'}",
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return tmp_path / "dist" / "vcs-desk", time.perf_counter() - started


def test_the_desktop_build_runs_outside_the_checkout(tmp_path):
    folder, build_seconds = _built(tmp_path)
    suffix = ".exe" if sys.platform == "win32" else ""
    assert (folder / f"vcs-desk-window{suffix}").is_file()  # the window, without a console
    work, env = away_from_checkout(tmp_path)

    times = run_the_commands([str(folder / f"vcs-desk{suffix}")], work, env)

    built = f", built in {build_seconds:.0f} s" if build_seconds is not None else ""
    report(f"desktop build {folder_size(folder) / 2**20:.0f} MB{built}", times)
