"""Run an installed VCS Desk as a user would, away from this checkout: its own folder, its
own home (so its data, settings and log go there), offscreen Qt, nothing of ours on the
Python path. Used by test_wheel.py and test_dist.py."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
KEY = "correct horse battery staple"


def away_from_checkout(tmp_path: Path) -> tuple[Path, dict[str, str]]:
    """A working folder outside the checkout and the environment to run in there."""
    work = tmp_path / "elsewhere"
    work.mkdir()
    assert not work.resolve().is_relative_to(ROOT)
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "XDG_", "VCS_DESK", "QT_"))
    }
    env.update(HOME=str(tmp_path / "home"), QT_QPA_PLATFORM="offscreen")
    return work, env


def timed(cmd: list[str], *, cwd: Path, env: dict[str, str], stdin: str | None = None):
    """Run `cmd`; fail with its output unless it exits 0. Returns (output, seconds)."""
    started = time.perf_counter()
    done = subprocess.run(
        cmd, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=600
    )
    seconds = time.perf_counter() - started
    assert done.returncode == 0, f"{cmd} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    assert "Traceback" not in done.stderr, done.stderr
    return done.stdout, seconds


def run_the_commands(program: list[str], work: Path, env: dict[str, str]) -> dict[str, float]:
    """`--help`, `demo`, `check`, `letters --due`, an offscreen `screenshot`, and an
    encrypted `demo` + `check` (the `encrypted` extra), each checked; their times."""
    times = {}
    out, times["--help"] = timed([*program, "--help"], cwd=work, env=env)
    assert "screenshot" in out and "letters" in out
    out, times["demo"] = timed([*program, "demo", "--db", "x.db"], cwd=work, env=env)
    assert "300 victims" in out
    out, times["check"] = timed([*program, "check", "--db", "x.db"], cwd=work, env=env)
    assert out.strip() == "ok"
    letters = ["letters", "--db", "x.db", "--out", "letters", "--due"]
    out, times["letters --due"] = timed([*program, *letters], cwd=work, env=env)
    pdfs = sorted((work / "letters").glob("*.pdf"))
    assert pdfs and f"{len(pdfs)} letters written" in out
    assert all(pdf.read_bytes().startswith(b"%PDF-") for pdf in pdfs)
    shot = ["screenshot", "--db", "x.db", "--out", "shot.png"]
    _, times["screenshot"] = timed([*program, *shot], cwd=work, env=env)
    png = (work / "shot.png").read_bytes()
    assert png.startswith(PNG_SIGNATURE) and len(png) > 20_000
    encrypted = ["--db", "secret.db", "--key-stdin"]
    timed([*program, "demo", *encrypted], cwd=work, env=env, stdin=KEY + "\n")
    out, _ = timed([*program, "check", *encrypted], cwd=work, env=env, stdin=KEY + "\n")
    assert out.strip() == "ok"
    assert b"Abernethy" not in (work / "secret.db").read_bytes()  # a name in the demo seeds
    return times


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def report(what: str, figures: dict[str, float]) -> None:
    """The figures for the CI log (`-rP` shows them)."""
    print(f"{what}: " + ", ".join(f"{k} {v:.2f} s" for k, v in figures.items()))
