"""The wheel, installed into a clean virtualenv outside this checkout, runs the headless
commands and an offscreen screenshot (issue 15: it failed at `demo`, "No such file ...
seeds.json", because resources/ was found from the source folder). Run by CI once
(`make test-packaging`); needs the network for the dependencies."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from smoke import ROOT, away_from_checkout, report, run_the_commands, timed

pytestmark = [pytest.mark.packaging, pytest.mark.timeout(1800)]


def test_the_wheel_works_in_a_clean_venv_outside_the_checkout(tmp_path):
    started = time.perf_counter()
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(ROOT)],
        check=True,
        capture_output=True,
    )
    built = time.perf_counter() - started
    (wheel,) = wheels.glob("vcs_desk-*.whl")
    work, env = away_from_checkout(tmp_path)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    bin_dir = venv / ("Scripts" if sys.platform == "win32" else "bin")
    python = str(bin_dir / "python")
    _, installed = timed(
        [python, "-m", "pip", "install", "-q", f"{wheel}[encrypted]"], cwd=work, env=env
    )
    where, _ = timed([python, "-c", "import vcs_app; print(vcs_app.__file__)"], cwd=work, env=env)
    assert where.strip().startswith(str(venv)), where

    times = run_the_commands([str(bin_dir / "vcs-desk")], work, env)

    report(
        f"wheel {wheel.stat().st_size / 1024:.0f} KB (built in {built:.1f} s, "
        f"installed with its dependencies in {installed:.1f} s)",
        times,
    )
